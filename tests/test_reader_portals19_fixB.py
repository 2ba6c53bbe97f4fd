"""The generic HTML reader on two portals19 pages (facts in sample_data/portals19-expected.md): an old eDoc page
(ISO-8859-1, nested layout tables, one ``TABLE.punkt`` per item whose number "1." and title sit in cells of their
own) and a First Agenda meeting view (an accordion of items; the meeting's facts only in a side panel after the
items; a lock badge in a closed item's trigger). Each rule is also checked on an edited copy or a small page, so
it follows the layout, not these files' words.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ingest.header import _committee_from
from ingest.readers import ReadResult, read_source
from ingest.readers.base import Source

ROOT = Path(__file__).resolve().parent.parent / "sample_data" / "portals19"
SOROE = ROOT / "soroe_teknik-og-miljoeudvalget_2018-09-04.html"
EGEDAL = ROOT / "egedal_skoleudvalget_2024-12-04.html"

SOROE_TITLES = ["Godkendelse af dagsorden", "Oprensning af Sorø Sø - forundersøgelse",
                "Hastighedsbegrænsning på Slagelsevej ved Pedersborg", "Ny parkeringsordning ved Sorø Station",
                "Tilskud til landsbyforeninger 2018", "Lukket punkt: Erstatning for vejarbejde", "Meddelelser"]
EGEDAL_TITLES = ["Godkendelse af dagsorden", "Skoledistrikt for den nye skole i Stenløse Syd",
                 "Kvalitetsrapport 2023/24 for folkeskolerne", "Ansøgning om tilskud til lejrskole for specialklasser",
                 "Ny aftale om skolekørsel 2025-2029", "Lukket punkt: Klage over skoleplacering", "Meddelelser"]


def read(path: Path, *edits: tuple[str, str], encoding: str = "utf-8") -> ReadResult:
    text = path.read_bytes().decode(encoding)
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    return read_source(Source(text.encode(encoding), path.name))


def test_both_are_read_by_the_generic_html_reader() -> None:
    assert {read(SOROE, encoding="latin-1").reader, read(EGEDAL).reader} == {"generic-html"}


def test_soroe_meeting_facts() -> None:
    m = read(SOROE, encoding="latin-1").meeting
    assert (m.municipality, m.committee, m.date, m.time) == ("Sorø", "Teknik- og Miljøudvalget",
                                                            date(2018, 9, 4), "15:00")
    assert m.location == "Mødelokale 3, Sorø Rådhus, Rådhusvej 8, 4180 Sorø"
    assert m.absentees == ["Flemming Vedel (C)"] and m.status == "minutes"


def test_soroe_items_take_the_number_from_their_own_cell() -> None:
    m = read(SOROE, encoding="latin-1").meeting
    assert [it.number for it in m.items] == [str(k) for k in range(1, 8)]
    assert [it.title for it in m.items] == SOROE_TITLES
    assert [it.case_number for it in m.items] == ["18/02010", "18/05531", "18/06120", "18/08812", "18/01177", None,
                                                  "18/02011"]
    assert [it.closed for it in m.items] == [False] * 5 + [True, False]
    assert not m.items[5].decisions and m.items[6].decisions[0].text == "Taget til efterretning."
    four = m.items[3]
    assert [d.date for d in four.decisions] == [date(2018, 8, 7), date(2018, 9, 4)]
    assert four.decisions[-1].text.startswith("Godkendt med den ændring, at 30 pladser")
    assert not any(s.text.strip(" |") == "" or s.text.startswith("|") for it in m.items for s in it.sections)


def test_a_number_in_its_own_cell_is_read_in_any_numbering() -> None:
    m = read(SOROE, ("<B>3.</B>", "<B>3.1</B>"), encoding="latin-1").meeting
    assert m.items[2].number == "3.1" and m.items[2].title == SOROE_TITLES[2]


def test_egedal_meeting_facts_come_from_the_side_panel() -> None:
    m = read(EGEDAL).meeting
    assert (m.municipality, m.committee, m.date, m.time) == ("Egedal", "Skoleudvalget", date(2024, 12, 4), "17:00")
    assert m.location == "Mødelokale 1.12, Egedal Rådhus, Dronning Dagmars Vej 200, 3650 Ølstykke"
    assert m.absentees == ["Kasper Juul (C)"] and m.status == "minutes"
    assert len(m.participants) == 7 and "Jette Rye (A)" in m.participants


def test_a_side_panel_of_facts_is_read_wherever_it_stands() -> None:
    edited = read(EGEDAL, ("<dd>17:00 - 19:25</dd>", "<dd>kl. 16.30-18.00</dd>"),
                  ("<dd>Mødelokale 1.12, Egedal", "<dd>Byrådssalen, Egedal")).meeting
    assert edited.time == "16:30" and (edited.location or "").startswith("Byrådssalen, Egedal Rådhus")
    side = read(EGEDAL, ('<aside class="col-4 meeting-panel">', '<div class="col-4" role="complementary">'),
                ("</aside>", "</div>")).meeting
    assert side.time == "17:00" and (side.location or "").startswith("Mødelokale 1.12")
    plain = read(EGEDAL, ("<dt>Udvalg</dt>", "<dt>Udvalgets navn</dt>"), ("<dt>Tidspunkt</dt>", "<dt>Kommentar</dt>"),
                 ("<dt>Sted</dt>", "<dt>Note</dt>"), ("<dt>Deltagere</dt>", "<dt>Liste</dt>"),
                 ("<dt>Fraværende</dt>", "<dt>Andet</dt>")).meeting  # fewer than two facts: no panel of facts
    assert plain.time is None and plain.location is None


def test_egedal_items() -> None:
    m = read(EGEDAL).meeting
    assert [it.number for it in m.items] == [str(k) for k in range(1, 8)]
    assert [it.title for it in m.items] == EGEDAL_TITLES  # the lock badge is no part of the closed item's title
    assert [it.closed for it in m.items] == [False] * 5 + [True, False]
    assert m.items[0].case_number == "24/21004" and not m.items[5].decisions
    assert m.items[2].decisions[0].text.startswith("Godkendt og oversendes til Kommunalbestyrelsen.")
    assert all(d.body in (None, "Skoleudvalget") for it in m.items for d in it.decisions)


def test_the_document_kind_after_a_committee_is_no_part_of_its_name() -> None:
    assert _committee_from("Skoleudvalget Referat") == "Skoleudvalget"
    assert _committee_from("Teknik- og Miljøudvalget Dagsorden") == "Teknik- og Miljøudvalget"
    assert _committee_from("Økonomiudvalget åben dagsorden") == "Økonomiudvalget"
    assert _committee_from("Referat Skoleudvalget") == "Skoleudvalget"
    assert _committee_from("Skoleudvalget") == "Skoleudvalget"
