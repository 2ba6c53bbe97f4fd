"""A First Agenda publication page with the number inside the title button and dated decision headings, and a
PDF whose numbered "Bilag" lists look like item headings (sample_data/portals9, facts in
sample_data/portals9-expected.md), with small variants so the rules are not fitted to one file.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ingest.readers import ReadResult, read_source
from ingest.readers.base import Source
from ingest.segment import segment

ROOT = Path(__file__).resolve().parent.parent
MORSOE = ROOT / "sample_data" / "portals9" / "morsoe_social-og-sundhedsudvalget_2024-08-20.html"
BROENDERSLEV = ROOT / "sample_data" / "portals9" / "broenderslev_plan-og-miljoeudvalget_2024-09-17.pdf"


def read(path: Path, data: bytes | None = None, name: str | None = None) -> ReadResult:
    return read_source(Source(path.read_bytes() if data is None else data, name or str(path)))


def test_morsoe_meeting_facts() -> None:
    r = read(MORSOE)
    m = r.meeting
    assert r.reader == "firstagenda-html"
    assert (m.municipality, m.committee, m.date, m.time) == ("Morsø", "Social- og Sundhedsudvalget",
                                                            date(2024, 8, 20), "14:00")
    assert m.location == "Mødelokale 1, Morsø Rådhus, Jernbanevej 7, 7900 Nykøbing M"  # not the head's room only
    assert m.absentees == ["Hanne Riis (A)"]
    assert m.status == "minutes"  # decisions headed with the committee and this meeting's date are its own


def test_morsoe_municipality_from_the_page_not_the_file_name() -> None:
    m = read(MORSOE, name="page.html").meeting
    assert m.municipality == "Morsø"
    assert not any("file path" in e for e in m.municipality_evidence)


def test_morsoe_items_numbers_titles_cases() -> None:
    m = read(MORSOE).meeting
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "24/000512"),
        ("2", "Ældrepolitik 2025-2029 - høringsudkast", "24/004411"),
        ("3", "Kvalitetsstandard for rehabiliteringsforløb efter servicelovens § 83 a", "24/005903"),
        ("4", "Demensvenlig kommune - handleplan", "24/007702"),
        ("5", "Budgetopfølgning pr. 30. juni 2024", "24/001188"),
        ("6", "Lukket: Klagesag", None),
        ("7", "Orientering", "24/000513"),
    ]
    assert [it.closed for it in m.items] == [False] * 5 + [True, False]
    assert not m.items[5].decisions and not m.items[5].sections


def test_morsoe_own_decisions_and_the_earlier_one() -> None:
    m = read(MORSOE).meeting
    own = [[d for d in it.decisions if (d.body, d.date) == (m.committee, m.date)] for it in m.items]
    firsts = [d[0].text.split("\n")[0] if d else None for d in own]
    assert firsts == ["Godkendt.", "Godkendt, at udkastet sendes i høring i perioden 23. august - 20. september 2024.",
                      "Godkendt.", "Godkendt.", "Anbefales over for Økonomiudvalget.", None,
                      "Taget til efterretning."]
    assert all(len(d) == 1 for k, d in enumerate(own) if k != 5)
    earlier = [d for d in m.items[1].decisions if d.date != m.date]
    assert [(d.date, d.outcome, d.text) for d in earlier] == [(date(2024, 6, 18), "postponed", "Udsat.")]
    three = own[2][0]
    assert " ".join(three.text.split()).startswith(
        "Godkendt. For stemte: V, C (3) Imod stemte: A (1) A ønsker at fastholde en forløbslængde på op til 16 uger.")
    assert [(v.position, v.count) for v in three.votes] == [("for", 3), ("against", 1)]


def test_firstagenda_number_in_the_title_button_variant() -> None:
    page = MORSOE.read_text(encoding="utf-8").replace('<span class="punktnummer" aria-hidden="true">3.</span>',
                                                       '<span class="punktnummer">3</span>')
    m = read(MORSOE, page.encode("utf-8"), "variant.html").meeting
    assert [it.number for it in m.items] == ["1", "2", "3", "4", "5", "6", "7"]


def test_broenderslev_meeting_facts() -> None:
    r = read(BROENDERSLEV)
    m = r.meeting
    assert r.reader == "text"
    assert (m.municipality, m.committee, m.date, m.time) == ("Brønderslev", "Plan- og Miljøudvalget",
                                                            date(2024, 9, 17), "13:00")
    assert m.location == "Mødelokale 4, Brønderslev Rådhus, Ny Rådhusplads 1, 9700 Brønderslev"
    assert m.absentees == ["Gitte Lindholt (A)"]
    assert m.status == "minutes"


def test_broenderslev_items_not_the_attachment_entries() -> None:
    m = read(BROENDERSLEV).meeting
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "24/000417"),
        ("2", "Lokalplan 01-B-14.02 - Boliger ved Hedegårdsvej, forslag", "24/004102"),
        ("3", "Tillæg nr. 7 til spildevandsplanen - separering i Dronninglund", "24/005518"),
        ("4", "Naturpleje i Store Vildmose - ansøgning til Naturfonden", "24/006230"),
        ("5", "Vejnavn til ny udstykning i Asaa", "24/006871"),
        ("6", "Lukket punkt: Erstatning efter ekspropriation", None),  # "Lukket punkt." is no part of the title
        ("7", "Meddelelser", "24/000418"),
    ]
    assert [it.closed for it in m.items] == [False] * 5 + [True, False]
    assert m.items[1].attachments == ["1. Lokalplanforslag 01-B-14.02", "2. Miljøscreening",
                                      "3. Kortbilag - vejadgang"]
    assert m.items[2].attachments == ["1. Tillæg nr. 7 til spildevandsplan", "2. Oversigtskort Dronninglund Syd"]


def test_broenderslev_decisions() -> None:
    m = read(BROENDERSLEV).meeting
    firsts = [" ".join(it.decisions[0].text.split()) for it in m.items]
    assert [len(it.decisions) for it in m.items] == [1] * 7
    assert all((it.decisions[0].body, it.decisions[0].date) == (m.committee, m.date) for it in m.items)
    assert firsts[0].startswith("Godkendt.")
    assert firsts[1].startswith("Godkendt, at forslaget sendes i offentlig høring i 6 uger.")
    assert firsts[2].startswith("Anbefales over for Kommunalbestyrelsen.")
    assert firsts[3].startswith("Godkendt. For stemte: V, A (3) Imod stemte: DF (1) DF mener, at midlerne bør bruges"
                                " på vedligehold af markvejene.")  # across the page break, without its header
    assert "Side 2 af 3" not in m.items[3].text and "Brønderslev Kommune ·" not in m.items[3].text
    assert firsts[4] .startswith("Godkendt med navnet Lystbådevej.")
    assert firsts[5] == "Godkendt."
    assert firsts[6].startswith("Taget til efterretning.")
    assert [d.outcome for it in m.items for d in it.decisions] == ["approved"] * 6 + ["noted"]


VARIANT = """Referat
Teknisk Udvalg
Mødedato: 3. marts 2025

1) Godkendelse af dagsorden
Beslutning
Godkendt.
Vedlagte bilag:
1) Dagsorden
2) Oversigt

2) Vejplan 2025
Sagsfremstilling
Planen omfatter 14 veje.
Beslutning
Godkendt.
Bilag
1) Vejplan
2) Kort
3) Budget
4) Trafiktal
3) Eventuelt
Beslutning
Intet.
"""


def test_numbered_attachments_are_no_items_but_a_confirmed_heading_is() -> None:
    seg = segment(VARIANT)
    assert [(b.number, b.title) for b in seg.blocks] == [
        ("1", "Godkendelse af dagsorden"), ("2", "Vejplan 2025"), ("3", "Eventuelt")]
    entry = segment(VARIANT.replace("3) Budget\n4) Trafiktal\n", "3) Kortbilag\n"))  # entry 3 right above item 3
    assert [(b.number, b.title) for b in entry.blocks] == [
        ("1", "Godkendelse af dagsorden"), ("2", "Vejplan 2025"), ("3", "Eventuelt")]
    assert "3) Kortbilag" in entry.blocks[1].lines
    due = segment(VARIANT.replace("3) Budget\n4) Trafiktal\n", ""))  # the next entry due, but its decision follows
    assert [(b.number, b.title) for b in due.blocks] == [
        ("1", "Godkendelse af dagsorden"), ("2", "Vejplan 2025"), ("3", "Eventuelt")]
