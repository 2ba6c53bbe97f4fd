"""Two portals16 files (facts in sample_data/portals16-expected.md): an SBSYS eDagsorden Publication 3.1 whose
field contents and front page are BASE64 HTML and whose absence is recorded only per item, with flat sub-items
4.1-4.4; and a First Agenda page in the newer portal theme (meta tags, breadcrumb, an overview table that is not
the decisions, an accordion whose decision field comes first, a "Tidligere behandling" entry of an earlier
meeting). Facts are also checked on edited copies, so the rules follow the layout, not these files' words.
"""

from __future__ import annotations

import base64
from datetime import date
from pathlib import Path

import pytest

from core.errors import IngestError
from ingest.readers import ReadResult, read_source
from ingest.readers.base import Source

ROOT = Path(__file__).resolve().parent.parent / "sample_data" / "portals16"
NORDFYNS = ROOT / "nordfyns_boerne-og-ungeudvalget_2024-05-07.xml"
IKAST = ROOT / "ikast-brande_plan-og-miljoeudvalget_2024-06-04.html"


def read(path: Path, *edits: tuple[str, str]) -> ReadResult:
    text = path.read_bytes().decode("utf-8-sig")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    return read_source(Source(text.encode("utf-8"), path.name))


def b64(html: str) -> str:
    return base64.b64encode(html.encode("utf-8")).decode("ascii")


# --- Nordfyns: SBSYS Publication 3.1, base64 contents ---------------------------------------------------------


def test_nordfyns_meeting_facts() -> None:
    r = read(NORDFYNS)
    m = r.meeting
    assert r.reader == "sbsys-publication-xml"
    assert (m.municipality, m.committee, m.date, m.time) == ("Nordfyn", "Børne- og Ungeudvalget",
                                                            date(2024, 5, 7), "16:00")
    assert m.location == "Mødelokale 1, Rådhuset, Østergade 23, 5400 Bogense"
    assert m.status == "minutes"
    assert m.absentees == ["Ole Skytte (O)"]  # only in each item's Members/ItemMember
    assert len(m.participants) == 7


def test_nordfyns_items_cases_and_decisions() -> None:
    m = read(NORDFYNS).meeting
    got = [(it.number, it.title, it.case_number) for it in m.items]
    assert got == [
        ("1", "Godkendelse af dagsorden", "17.00.00-A00-12-24"),
        ("2", "Ny struktur for Nordfyns Ungdomsskole", "17.12.00-A00-3-24"),
        ("3", "Budgetopfølgning pr. 31. marts 2024", "00.30.00-S00-4-24"),
        ("4", "Tilsyn med dagtilbud 2023", "28.09.08-G01-1-24"),
        ("4.1", "Tilsyn med Børnehuset Regnbuen, Søndersø", "28.09.08-G01-1-24"),
        ("4.2", "Tilsyn med Otterup Naturbørnehave", "28.09.08-G01-1-24"),
        ("4.3", "Tilsyn med dagplejen", "28.09.08-G01-1-24"),
        ("4.4", "Tilsyn med private pasningsordninger", "28.09.08-G01-1-24"),
        ("5", "Lukket punkt: Personalesag", None),
        ("6", "Meddelelser", "17.00.00-A00-13-24"),
    ]
    first = {it.number: it.decisions[0].text if it.decisions else "" for it in m.items}
    assert first["1"] == "Godkendt."
    assert first["2"].startswith("Godkendt, dog således at klubben i Otterup bevares med åbent 2 aftener om ugen.")
    assert first["3"].startswith("Taget til efterretning og oversendt til Økonomiudvalget.")
    assert first["4"] == "" and first["5"] == ""  # the parent has no decision; the closed item is a title only
    assert all(first[n].startswith("Taget til efterretning.") for n in ("4.1", "4.2", "4.3", "6"))
    assert "mindst ét uanmeldt tilsyn i hver ordning om året" in first["4.4"]
    assert [it.decisions[0].outcome for it in m.items[:3]] == ["approved", "approved", "noted"]
    assert m.items[8].closed and not m.items[8].sections
    assert m.items[3].absentees == ["Ole Skytte (O)"]


def test_nordfyns_decoded_sections_are_text_not_base64() -> None:
    m = read(NORDFYNS).meeting
    item2 = m.items[1]
    assert [s.name for s in item2.sections] == ["Sammendrag", "Sagsfremstilling", "Indstilling"]
    assert "210 tilmeldte i Otterup og 145 i Søndersø" in item2.text
    assert "PHA+" not in item2.text
    assert "4.1 Tilsyn med Børnehuset Regnbuen, Søndersø" in m.items[3].text  # the parent lists its sub-items


def test_nordfyns_without_encoding_declared_the_content_is_read_as_written() -> None:
    m = read(NORDFYNS, ("<ContentEncoding>Base64</ContentEncoding>", "")).meeting
    assert m.items[0].decisions[0].text == "PHA+R29ka2VuZHQuPC9wPg=="


def test_nordfyns_plain_html_content_under_a_base64_declaration_is_kept_with_a_warning() -> None:
    r = read(NORDFYNS, ("<Content>PHA+R29ka2VuZHQuPC9wPg==</Content>", "<Content>Godkendt!</Content>"))
    assert r.meeting.items[0].decisions[0].text == "Godkendt!"
    assert any("not base64" in w for w in r.warnings)


def test_nordfyns_absent_from_only_some_items_is_no_meeting_absentee() -> None:
    one = ("<Members>\n\t\t\t\t\t\t<ItemMember>\n\t\t\t\t\t\t\t<Name>Ole Skytte (O)</Name>\n\t\t\t\t\t\t\t"
           "<ParticipationStatusAsValue>3</ParticipationStatusAsValue>\n\t\t\t\t\t\t\t"
           "<ParticipationStatusAsText>Absent</ParticipationStatusAsText>\n\t\t\t\t\t\t\t"
           "<ParticipationNote>Afbud</ParticipationNote>")
    late = one.replace("3</P", "1</P").replace("Absent<", "Participates<").replace("Afbud<", "<")
    text = NORDFYNS.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    assert text.count(one) == 9
    text = text.replace(one, late, 1)  # present from item 1 on: absent only from later items
    m = read_source(Source(text.encode("utf-8"), NORDFYNS.name)).meeting
    assert m.absentees == []
    assert m.items[0].absentees == [] and m.items[1].absentees == ["Ole Skytte (O)"]


def test_nordfyns_municipality_is_read_from_the_decoded_front_page() -> None:
    front = b64("<h1>Nordfyns Kommune</h1><h2>Referat</h2><p>Børne- og Ungeudvalget</p>")
    assert front in NORDFYNS.read_text(encoding="utf-8-sig")
    m = read(NORDFYNS, (front, b64("<h1>Assens Kommune</h1><h2>Referat</h2>")),
             ("Østergade 23, 5400 Bogense", "Rådhusvej 1, 5610 Assens")).meeting
    assert m.municipality == "Assens"


# --- Ikast-Brande: First Agenda page, newer theme ----------------------------------------------------------------


def test_ikast_meeting_facts() -> None:
    r = read(IKAST)
    m = r.meeting
    assert r.reader == "firstagenda-theme-html"
    assert (m.municipality, m.committee, m.date, m.time) == ("Ikast-Brande", "Plan- og Miljøudvalget",
                                                            date(2024, 6, 4), "16:00")
    assert m.location == "Mødelokale 1, Rådhuset, Centerparken 1, 7430 Ikast"
    assert m.status == "minutes"
    assert m.absentees == ["Kim Fabricius (C)"]
    assert m.participants[0] == "Ole Vind (V), formand" and len(m.participants) == 7


def test_ikast_items_cases_and_decisions() -> None:
    m = read(IKAST).meeting
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "24/005611"),
        ("2", "Vindmølleprojekt ved Bording - kommuneplantillæg og VVM", "23/014450"),
        ("3", "Naturpark Skjern Å - samarbejdsaftale", "24/001893"),
        ("4", "Grøn omstilling - handleplan for kommunens bilpark", "24/003302"),
        ("5", "Udpegning af bevaringsværdige bygninger i Brande bymidte", "24/002215"),  # no "Tillægspunkt" badge
        ("6", "Lukket punkt: Salg af grund i Ikast Øst Erhvervspark", None),
        ("7", "Orientering fra formand og administration", "24/005612"),
    ]
    own = [[d.text for d in it.decisions if d.date == date(2024, 6, 4)] for it in m.items]
    assert own[0][0].startswith("Godkendt.")
    assert own[1][0].startswith("Anbefales, dog således at møllen nærmest Bording By (mølle 5) udgår. For: V, A og F")
    assert own[2][0].startswith("Godkendt.") and own[4][0].startswith("Godkendt.")
    assert own[3][0].startswith("Godkendt, idet målet for personbiler fremrykkes til 2026.")
    assert own[5] == [] and m.items[5].closed and not m.items[5].sections
    assert own[6][0].startswith("Taget til efterretning.")
    assert "Anbefales med ændring" not in m.items[1].text  # the overview table's status is no decision


def test_ikast_history_is_an_earlier_meeting_not_this_one() -> None:
    item = read(IKAST).meeting.items[1]
    earlier = [d for d in item.decisions if d.date != date(2024, 6, 4)]
    assert [(d.body, d.date) for d in earlier] == [("Plan- og Miljøudvalget", date(2024, 2, 6))]
    assert earlier[0].text.startswith("Forslaget sendes i offentlig høring i 8 uger.")
    assert [s.name for s in item.sections] == ["Resumé", "Sagsfremstilling", "Indstilling"]


def test_ikast_committee_and_date_from_breadcrumb_without_meta_tags() -> None:
    m = read(IKAST, ('<meta name="fa:committee" content="Plan- og Miljøudvalget">', ""),
             ('<meta name="fa:meeting-date" content="2024-06-04">', ""),
             ("tirsdag den 4. juni 2024 kl. 16:00", "kl. 16:00")).meeting
    assert (m.committee, m.date) == ("Plan- og Miljøudvalget", date(2024, 6, 4))


def test_ikast_without_any_date_is_an_error_not_today() -> None:
    with pytest.raises(IngestError, match="meeting date"):
        read(IKAST, ('<meta name="fa:meeting-date" content="2024-06-04">', ""),
             ("tirsdag den 4. juni 2024 kl. 16:00", "kl. 16:00"), ("Referat 4. juni 2024", "Referat"))


def test_ikast_without_decisions_is_an_agenda_with_a_warning() -> None:
    opening = '<div class="fa-field fa-field--decision">'
    blocks = {opening + s.split("</div></div>")[0] + "</div></div>"
              for s in IKAST.read_text(encoding="utf-8").split(opening)[1:]}
    r = read(IKAST, *[(x, "") for x in blocks])
    assert r.meeting.status == "agenda"
    assert any("records no decision" in w for w in r.warnings)
