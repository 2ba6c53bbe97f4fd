"""Two more versions of real formats (sample_data/portals16, facts in sample_data/portals16-expected.md):

- a PDFlib-style PDF referat whose section headings (Sagsfremstilling, Økonomi, Indstilling, "Beslutning" with the
  date under it) sit in a left margin column drawn AFTER the page body, so that in extraction order they all come
  at the end of the page (``ingest.pdfmargin`` puts them back beside the text they head);
- an eDoc AgendaWeb HTML referat saved as UTF-16LE, its closed item printed after the open ones under "Lukkede
  sager", its attendance only in the signature sheet at the end (``ingest.readers.edoc_signature``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from core.model import AgendaItem, Meeting
from ingest.parse import parse_bytes, read_path
from ingest.pdfmargin import MarginText
from ingest.read import read_bytes

ROOT = Path(__file__).resolve().parent.parent
VARDE = ROOT / "sample_data" / "portals16" / "varde_udvalget-for-plan-og-teknik_2024-11-19.pdf"
HOERSHOLM = ROOT / "sample_data" / "portals16" / "hoersholm_kultur-og-fritidsudvalget_2024-10-30.html"


def _items(m: Meeting) -> dict[str, AgendaItem]:
    return {it.number or "": it for it in m.items}


def _decision(it: AgendaItem) -> str:
    return it.decisions[0].text if it.decisions else ""


# --- Varde: section headings in a left margin column drawn after the page body -----------------------------


@pytest.fixture(scope="module")
def varde() -> Meeting:
    return read_path(VARDE).meeting


def test_varde_meeting_facts(varde: Meeting) -> None:
    assert varde.municipality == "Varde"
    assert varde.committee == "Udvalget for Plan og Teknik"
    assert varde.date == date(2024, 11, 19)  # not the approval footer's 20.11.2024 nor the CreationDate
    assert varde.time == "14:00"
    assert varde.location == "Mødelokale 1, Varde Rådhus, Bytoften 2, 6800 Varde"
    assert varde.absentees == ["Mikkel Due (C)"]
    assert varde.status == "minutes"


def test_varde_items_numbers_titles_cases(varde: Meeting) -> None:
    got = [(it.number, it.title, it.case_number) for it in varde.items]
    assert got == [
        ("1", "Godkendelse af dagsorden", "24/28411"),
        ("2", "Lokalplan 24.12 - Boligområde ved Lundvej i Ølgod, forslag", "24/10377"),
        ("3", "Betalingsparkering ved Blåvand Strand", "24/15290"),
        ("4", "Udskiftning af broen over Varde Å ved Sønderbro", "23/31002"),
        ("5", "Byfornyelse af Ølgod bymidte - udmøntning af pulje", "24/08846"),
        ("6", "Lukket punkt: Køb af areal ved Tistrup", None),
        ("7", "Meddelelser", "24/28412"),
    ]  # the table of contents' "1. Godkendelse af dagsorden ..... 2" lines are not items


def test_varde_decisions_are_the_margin_headed_paragraphs(varde: Meeting) -> None:
    items = _items(varde)
    assert _decision(items["1"]).startswith("Godkendt.")
    assert _decision(items["2"]).startswith(
        "Forslaget sendes i offentlig høring i 6 uger, dog således at antallet af boliger nedsættes til 56")
    assert _decision(items["3"]).startswith("Godkendt. For stemte: V, A og F (5). Imod stemte: Hanne Bay (O)")
    assert _decision(items["4"]).startswith("Anbefales over for Økonomiudvalget og Byrådet.")
    assert _decision(items["5"]).startswith("Godkendt, idet udvalget også giver tilsagn til Storegade 31 med 180.000")
    assert _decision(items["7"]).startswith("Taget til efterretning.")
    assert all(d.date == date(2024, 11, 19) for it in varde.items for d in it.decisions)
    votes = items["3"].decisions[0].votes
    assert [(v.position, v.count) for v in votes] == [("for", 5), ("against", 1)]
    assert votes[1].members[0].name == "Hanne Bay"


def test_varde_recommendation_is_not_the_decision(varde: Meeting) -> None:
    """No heading precedes a decision in extraction order: the Indstilling must stay its own section."""
    items = _items(varde)
    for number, recommendation in (("2", "forslaget sendes i offentlig høring i 6 uger."),
                                   ("5", "tilsagn til 7 ansøgninger på i alt 2,1")):
        sections = {s.name: s.text for s in items[number].sections}
        assert recommendation in sections.get("Indstilling", "")
        assert "indstiller" not in _decision(items[number])
    assert [s.name for s in items["3"].sections] == ["Sagsfremstilling", "Økonomi", "Indstilling"]
    assert "2,6 mio. kr." in {s.name: s.text for s in items["3"].sections}["Økonomi"]


def test_varde_closed_item_has_no_decision(varde: Meeting) -> None:
    closed = _items(varde)["6"]
    assert closed.closed
    assert not closed.decisions
    assert closed.case_number is None


def test_varde_margin_headings_stand_before_their_text() -> None:
    text = read_bytes(VARDE.read_bytes(), str(VARDE)).text
    lines = [x.strip() for x in text.splitlines()]
    k = lines.index("Beslutning 19.11.2024")
    assert lines[k + 1].startswith("Godkendt.")
    assert lines[-1] != "19.11.2024"  # no stray margin date at the end of a page


def _visit(m: MarginText, text: str, x: float, y: float, size: float = 10.0) -> None:
    m(text, [1.0, 0.0, 0.0, 1.0, 0.0, 0.0], [1.0, 0.0, 0.0, 1.0, x, y], None, size)


def test_margin_column_drawn_after_the_body_is_moved_into_place() -> None:
    m = MarginText()
    body = [("1. Et punkt med en lang titel over hele siden", 50, 760),
            ("Der er en sagsfremstilling her.", 150, 730), ("Udvalget indstiller, at det godkendes.", 150, 700),
            ("Godkendt.", 150, 670)]
    for text, x, y in body:
        _visit(m, text, x, y)
    for text, y in (("Sagsfremstilling", 730), ("Indstilling", 700), ("Beslutning", 670), ("01.02.2024", 659)):
        _visit(m, text, 50, y, 9.0)
    extracted = "\n".join(t for t, _, _ in body) + "\nSagsfremstilling\nIndstilling\nBeslutning\n01.02.2024"
    assert m.text(extracted).splitlines() == [
        "1. Et punkt med en lang titel over hele siden", "Sagsfremstilling", "Der er en sagsfremstilling her.",
        "Indstilling", "Udvalget indstiller, at det godkendes.", "Beslutning 01.02.2024", "Godkendt."]


def test_labels_drawn_in_reading_order_are_left_alone() -> None:
    m = MarginText()
    extracted = []
    for label, value, y in (("Mødedato:", "Tirsdag den 19. november 2024", 714), ("Mødested:", "Rådhuset", 700),
                            ("Afbud:", "Ingen", 686)):
        _visit(m, label, 50, y)
        _visit(m, " " + value, 150, y)
        extracted.append(f"{label} {value}")
    _visit(m, "Side 1 af 3", 490, 40, 8.0)
    assert m.text("\n".join(extracted)) == "\n".join(extracted)


def test_margin_visitor_survives_odd_operands() -> None:
    m = MarginText()
    m("tekst", [], [], None, 10.0)  # too short matrices: ignored, no crash
    m("", [1, 0, 0, 1, 0, 0], [1, 0, 0, 1, 5, 5], None, 10.0)
    assert m.fragments == []
    assert m.text("uændret") == "uændret"


# --- Hørsholm: eDoc AgendaWeb HTML in UTF-16LE -------------------------------------------------------------


@pytest.fixture(scope="module")
def hoersholm() -> Meeting:
    return read_path(HOERSHOLM).meeting


def test_hoersholm_is_utf16_and_read_by_the_edoc_reader() -> None:
    assert HOERSHOLM.read_bytes()[:2] == b"\xff\xfe"
    assert read_path(HOERSHOLM).reader == "edoc-html"


def test_hoersholm_meeting_facts(hoersholm: Meeting) -> None:
    assert hoersholm.municipality == "Hørsholm"
    assert hoersholm.committee == "Kultur- og Fritidsudvalget"
    assert hoersholm.date == date(2024, 10, 30)  # not "Udskrevet: 01-11-2024"
    assert hoersholm.time == "17:30"
    assert hoersholm.location == "Mødesal 1, Hørsholm Rådhus, Ådalsparkvej 2, 2970 Hørsholm"
    assert hoersholm.status == "minutes"


def test_hoersholm_attendance_from_the_signature_sheet(hoersholm: Meeting) -> None:
    assert hoersholm.absentees == ["Line Holmgaard (V)"]
    assert hoersholm.participants[0] == "Kristian Moll (C), formand"
    assert len(hoersholm.participants) == 5
    assert "Peter Ahle (Ø)" in hoersholm.participants


def test_hoersholm_items_in_agenda_order(hoersholm: Meeting) -> None:
    got = [(it.number, it.title, it.case_number) for it in hoersholm.items]
    assert got == [
        ("1", "Godkendelse af dagsorden", "24/21150"),
        ("2", "Ny kunstgræsbane i Hørsholm Idrætspark", "24/09914"),
        ("3", "Fordeling af folkeoplysningsmidler 2025", "24/17708"),
        ("4", "Hørsholm Kommunes Kulturpris 2024", "24/19225"),
        ("5", "Udvidede åbningstider på Hørsholm Bibliotek", "24/20377"),
        ("6", "Lejeaftale for Trommen", None),
        ("7", "Meddelelser", "24/21151"),
    ]


def test_hoersholm_decisions(hoersholm: Meeting) -> None:
    items = _items(hoersholm)
    assert _decision(items["1"]) == "Godkendt."
    assert _decision(items["2"]).startswith("Anbefales. For stemte: C og A (3). Imod stemte: Peter Ahle (Ø)")
    assert _decision(items["3"]).startswith("Godkendt, idet Hørsholm Ungdomsskoles musikhold friholdes")
    assert _decision(items["4"]).startswith("Udvalget tildeler Kulturprisen 2024 til Rungsted Kammerkor")
    assert _decision(items["5"]) == "Udsat til næste møde."
    assert items["5"].decisions[0].outcome == "postponed"  # the Indstilling to make it permanent was not adopted
    assert _decision(items["7"]) == "Taget til efterretning."
    closed = items["6"]
    assert closed.closed and not closed.decisions and not closed.sections


_SHEET = """<html><head><title>Udvalg - Referat - 05-03-2024</title></head><body>
<div class="xsltAgendaTitle">Referat<br/>Teknisk Udvalg</div>
<div class="xsltDateAndLocation">05-03-2024 kl. 16:00<br/>Mødested: Rådhuset</div>
{items}
<table class="xsltSignature"><tr><th>Underskrift</th><th>Navn</th><th>Parti</th><th>Funktion</th></tr>
<tr><td>Afbud</td><td>Anne Berg</td><td>A</td><td>Formand</td></tr>
<tr><td></td><td>Bo Dahl</td><td>V</td><td>Medlem</td></tr></table></body></html>"""
_ITEM = ('<table class="xsltTitleTableBegin"><tr><td class="xsltTitleNumber">{n}. </td><td><div class="xsltTitle">'
         'Punkt {n}</div></td></tr></table><div class="xsltHeader">Beslutning:</div>'
         '<div class="xsltDecision"><p>Godkendt.</p></div>')


def test_signature_sheet_columns_by_header_and_utf16() -> None:
    page = _SHEET.format(items=_ITEM.format(n=2) + _ITEM.format(n=1))
    m = parse_bytes(b"\xff\xfe" + page.encode("utf-16-le"), "x.html").meeting
    assert m.participants == ["Anne Berg (A), formand", "Bo Dahl (V)"]
    assert m.absentees == ["Anne Berg (A)"]
    assert [it.number for it in m.items] == ["1", "2"]  # plain distinct numbers: agenda order


def test_repeated_numbers_keep_the_printed_order() -> None:
    page = _SHEET.format(items=_ITEM.format(n=2) + _ITEM.format(n=1) + _ITEM.format(n=1))
    m = parse_bytes(page.encode(), "x.html").meeting
    assert [it.number for it in m.items] == ["2", "1", "1"]
