"""PDF prints whose item headings are table cells (a beslutningsprotokol "Nr. | Sag | Beslutning", a scanned
referat's grey heading tables with the number in its own cell), an agenda with a supplementary item "5a", and a
First Agenda print with a cover page (sample_data/portals12, facts in sample_data/portals12-expected.md), with
edited variants so the rules are not fitted to one file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ingest.readers import ReadResult, read_source
from ingest.readers.base import Source

DIR = Path(__file__).resolve().parent.parent / "sample_data" / "portals12"
STEVNS = DIR / "stevns_kommunalbestyrelsen_2024-06-20.pdf"
TOENDER = DIR / "toender_boerne-og-skoleudvalget_2024-05-06.pdf"
RANDERS = DIR / "randers_oekonomiudvalget_2025-03-03.pdf"
HVIDOVRE = DIR / "hvidovre_oekonomiudvalget_2024-03-18.pdf"


def read(path: Path) -> ReadResult:
    return read_source(Source(path.read_bytes(), str(path)))


def text(body: str) -> ReadResult:
    return read_source(Source(body.encode(), "minutes.txt"))


def first_words(m: object, k: int) -> str | None:
    decisions = m.items[k].decisions  # type: ignore[attr-defined]
    return decisions[0].text.replace("\n", " ") if decisions else None


def test_stevns_protocol_table_rows_are_items() -> None:
    m = read(STEVNS).meeting
    assert (m.municipality, m.committee, m.date, m.time) == ("Stevns", "Kommunalbestyrelsen", date(2024, 6, 20),
                                                            "18:00")
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "24-000031"),
        ("2", "Lokalplan 330 og kommuneplantillæg nr. 12 for boliger ved Strøby Egede Nord - endelig vedtagelse",
         "23-011874"),
        ("3", "Anlægsbevilling til cykelsti mellem Rødvig og Store Heddinge", "24-002230"),
        ("4", "Regnskab 2023 - revisionsberetning", "24-001077"),
        ("5", "Valg af nyt medlem til Folkeoplysningsudvalget", "24-004410"),
        ("6", "Tidsplan for budget 2025-2028", "24-003318"),
        ("7", "Spørgsmål fra Lone Kjær (Ø) om badevandskvaliteten ved Rødvig", "24-004902"),
        ("8", "Lukket punkt: Køb af ejendom", None),
    ]
    assert first_words(m, 0) == "Godkendt."
    assert first_words(m, 2) == ("Godkendt, at der gives en anlægsbevilling på 11,2 mio. kr. For stemte: A, V, C og Ø "
                                 "(17). Imod stemte: O og D (4). O og D ønsker projektet udskudt til 2026.")
    assert (first_words(m, 6) or "").startswith("Borgmesteren besvarede spørgsmålet.")
    assert "Nr." not in m.items[6].text.split("\n") and first_words(m, 7) is None


def test_toender_number_cells_and_scanner_line() -> None:
    m = read(TOENDER).meeting
    assert (m.municipality, m.committee, m.date, m.time) == ("Tønder", "Børne- og Skoleudvalget", date(2024, 5, 6),
                                                            "14:00")
    assert m.absentees == ["Karin Lund (V)"]
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("44", "Godkendelse af dagsorden", "24/4417"),
        ("45", "Fremtidig skolestruktur i Tønder Nord - efter høring", "23/28811"),
        ("46", "Ny daginstitution i Bredebro - anlægsbevilling", "24/1190"),
        ("47", "Kvalitetsrapport 2022/23 for folkeskolerne", "24/2002"),
        ("48", "Lukket punkt: Elevsag", None),
        ("49", "Ansøgning om dispensation fra klassekvotient - Toftlund Skole", "24/3876"),
        ("50", "Meddelelser", "24/4418"),
    ]
    assert [first_words(m, k) is not None for k in range(7)] == [True] * 4 + [False, True, True]
    assert (first_words(m, 1) or "").startswith("Anbefales over for Økonomiudvalget og Byrådet.")


def test_randers_supplementary_item_printed_last() -> None:
    m = read(RANDERS).meeting
    assert (m.committee, m.date, m.status) == ("Økonomiudvalget", date(2025, 3, 3), "agenda")
    assert [it.number for it in m.items] == ["1", "2", "3", "4", "5", "6", "7", "5a"]
    assert (m.items[7].title, m.items[7].case_number) == (
        "Ekstraordinært tilskud til Randers Regnskov efter stormskade", "25/004388")
    assert m.items[6].case_number is None and "TILLÆGSDAGSORDEN" not in m.items[6].text
    assert all(not it.decisions for it in m.items)


def test_hvidovre_cover_page_facts() -> None:
    m = read(HVIDOVRE).meeting
    assert (m.committee, m.date, m.time) == ("Økonomiudvalget", date(2024, 3, 18), "17:00")
    assert m.absentees == ["Mette Lindholm (F)"]
    assert [it.number for it in m.items] == [str(n) for n in range(31, 38)]
    assert first_words(m, 4) is None


def test_hvidovre_case_numbers_under_a_header_row_of_cells() -> None:
    """"Sagsnr." / "Sagsansvarlig" / "23-014590" / "Ejendomme / Søren Aagaard": the label's value is below it."""
    m = read(HVIDOVRE).meeting
    assert [it.case_number for it in m.items] == ["24-000412", "24-001876", "23-014590", "23-011207", None,
                                                  "24-000977", "24-000413"]
    assert "Ejendomme / Søren Aagaard" in m.items[2].text


def test_a_case_label_with_a_dash_has_no_number() -> None:
    m = text("Hvidovre Kommune\nReferat - Økonomiudvalget\nØkonomiudvalget | 18-03-2024\n"
             "1. Meddelelser\nSagsnr. -\n24-000413\nSagsfremstilling\nIntet.\n").meeting
    assert m.items[0].case_number is None


PROTOCOL = """Byens Kommune
Beslutningsprotokol
Teknisk Udvalg
Mødedato: 12.03.2025 kl. 16.00
Nr.
Sag
Beslutning
1
Godkendelse af dagsorden
Sagsnr. 25-000101
Godkendt.
2
Vejplan for midtbyen
Sagsnr. 25-000102
Anbefales.
3
Lukket punkt: Salg af areal
-
"""


def test_variant_protocol_table_in_text() -> None:
    m = text(PROTOCOL).meeting
    assert [(it.number, it.title) for it in m.items] == [
        ("1", "Godkendelse af dagsorden"), ("2", "Vejplan for midtbyen"), ("3", "Lukket punkt: Salg af areal")]
    assert [first_words(m, k) for k in range(3)] == ["Godkendt.", "Anbefales.", None]


def test_variant_number_cells_need_case_lines_or_table_header() -> None:
    cells = PROTOCOL.replace("Nr.\nSag\nBeslutning\n", "").replace("Sagsnr. 25-000101\n", "")
    cells = cells.replace("Sagsnr. 25-000102\n", "")
    assert [it.number for it in text(cells).meeting.items] != ["1", "2", "3"]
    cased = PROTOCOL.replace("Nr.\nSag\nBeslutning\n", "").replace("Godkendt.", "Beslutning:\nGodkendt.")
    cased = cased.replace("Anbefales.", "Beslutning:\nAnbefales.").replace("-\n", "Sag: -\n")
    assert [it.number for it in text(cased).meeting.items] == ["1", "2", "3"]


AGENDA = """Byens Kommune
Dagsorden
Økonomiudvalget
Mødedato: 03.03.2025 kl. 14.00
1. Godkendelse af dagsorden
Sagsnr.: 25/000001
Indstilling
Det indstilles, at dagsordenen godkendes.
2. Budgetopfølgning
Sagsnr.: 25/000002
Indstilling
Det indstilles, at orienteringen tages til efterretning.
{marker}
1a. Ekstra bevilling til vejrskade
Sagsnr.: 25/000003
Indstilling
Det indstilles, at der bevilges 1,0 mio. kr.
"""


def test_variant_supplementary_item_needs_its_marker() -> None:
    with_marker = text(AGENDA.format(marker="Tillægsdagsorden")).meeting
    assert [it.number for it in with_marker.items] == ["1", "2", "1a"]
    without = text(AGENDA.format(marker="")).meeting
    assert [it.number for it in without.items] == ["1", "2"]


def test_variant_scanner_line_and_received_stamp_are_not_the_meeting() -> None:
    body = ("02-10-2025 10:12   BYENS KOMMUNE   SCAN 0031   S. 01/02\nMODTAGET\n2. OKT 2025\nDirektionssekretariatet\n"
            "Socialudvalget\nREFERAT\naf møde tirsdag den 30. september 2025 kl. 15.00\n"
            "Punkt 1. Godkendelse af dagsorden\nBeslutning:\nGodkendt.\n")
    m = text(body).meeting
    assert (m.committee, m.date, m.time) == ("Socialudvalget", date(2025, 9, 30), "15:00")
