"""First Agenda publication pages, PDF text (page breaks, hyphenation, wrapped lines), damaged DOCX files and
the last-resort full-text reader.

Goldens: ``tests/golden/readers/<file>.json`` for the two real Aarhus files; regenerate deliberately with
``python -m tests.test_reader_html_pdf`` and review the diff.
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date
from pathlib import Path

import pytest

from core.errors import IngestError
from ingest.parse import parse_bytes, read_path
from ingest.read import read_bytes
from ingest.readers.base import Source

ROOT = Path(__file__).resolve().parent.parent
MINUTES = ROOT / "sample_data" / "minutes"
GOLDEN = Path(__file__).parent / "golden" / "readers"
FIXTURES = Path(__file__).parent / "fixtures" / "readers" / "html"
HTML = MINUTES / "aarhus_byraad_2025-10-08.html"
PDF_TEXT = MINUTES / "aarhus_byraad_2025-08-27.txt"
REAL = [HTML, PDF_TEXT]


def golden(path: Path) -> Path:
    return GOLDEN / f"{path.stem}.json"


@pytest.mark.parametrize("path", REAL, ids=[p.stem for p in REAL])
def test_real_file_matches_golden(path: Path) -> None:
    got = json.loads(read_path(path).meeting.model_dump_json())
    assert got == json.loads(golden(path).read_text(encoding="utf-8"))


# --- First Agenda publication page ---------------------------------------------------------------------------

def test_firstagenda_page_head_and_items() -> None:
    result = read_path(HTML)
    m = result.meeting
    assert result.reader == "firstagenda-html" and result.warnings == []
    assert (m.municipality, m.committee, m.date, m.time, m.location) == (
        "Aarhus", "Aarhus Byråd", date(2025, 10, 8), "16:00", "Byrådssalen")
    assert m.status == "agenda" and not m.extraordinary
    assert [it.number for it in m.items] == [str(n) for n in range(11, 21)]
    assert m.absentees == []  # absences at earlier meetings (Magistraten) are not this meeting's
    wind = m.items[0]
    assert wind.title == "Svar på forslag fra S, SF, RV, M og ALT om vindmøller på Aarhus Havn"
    assert wind.case_number == "EMN-2025-000502" and not wind.closed
    assert [s.heading for s in wind.sections] == ["BESLUTNINGSFORSLAG FRA S, SF, RV, M OG ALT", "Resume",
                                                  "Beslutningspunkter"]
    recommendation = wind.section("Indstilling")
    assert recommendation is not None and recommendation.text.startswith("Det indstilles")
    assert [(d.body, d.date) for d in wind.decisions] == [("Aarhus Byråd", date(2025, 1, 22)),
                                                          ("Magistraten", date(2025, 9, 30))]
    assert "tog forbehold" in wind.decisions[1].text
    assert wind.attachments[:2] == ["Indstilling", "Bilag 1: Beslutningsforslag"] and len(wind.attachments) == 8


def test_firstagenda_agenda_has_no_decision_of_its_own() -> None:
    m = read_path(HTML).meeting
    assert all(d.body != "Aarhus Byråd" or d.date != m.date for it in m.items for d in it.decisions)
    grass = next(it for it in m.items if it.number == "17")
    assert [(d.body, d.date) for d in grass.decisions][-1] == ("Kulturudvalget", date(2025, 10, 1))
    assert "enstemmigt" in grass.decisions[-1].text
    health = next(it for it in m.items if it.number == "15")
    assert [s.name for s in health.sections] == ["Resumé", "Indstilling"]  # the empty "." lead is dropped


def test_firstagenda_sniffed_by_content_not_name(tmp_path: Path) -> None:
    renamed = tmp_path / "download.txt"
    renamed.write_bytes(HTML.read_bytes())
    assert read_path(renamed).reader == "firstagenda-html"
    other = ROOT / "sample_data" / "custom" / "vejle_teknisk_2024-03-12.html"  # a different portal's layout
    assert read_path(other).reader != "firstagenda-html"


def test_firstagenda_referat_decisions_votes_attendance_closed() -> None:
    result = read_path(FIXTURES / "firstagenda_referat_vejle.html")
    m = result.meeting
    assert result.reader == "firstagenda-html"
    assert (m.municipality, m.committee, m.date, m.time, m.status) == (
        "Vejle", "Teknisk Udvalg", date(2024, 3, 12), "15:30", "minutes")
    assert m.municipality_evidence == ["source field: Vejle"]  # the portal's theme for the customer
    assert m.location == "Mødelokale 3, Rådhuset"
    assert m.participants == ["Karin Holm (A)", "Ole Brandt (V)", "Sara Lind (F)"]
    assert m.absentees == ["Sara Lind (F)"]
    bike = m.items[1]
    own = bike.decisions[0]
    assert (own.body, own.date, own.outcome) == ("Teknisk Udvalg", date(2024, 3, 12), "approved")
    assert {v.position: v.count for v in own.votes} == {"for": 4, "against": 1}
    assert "BESLUTNINGSFORSLAG" not in own.text
    assert bike.sections[0].heading == "BESLUTNINGSFORSLAG FRA F"
    assert [(d.body, d.date) for d in bike.decisions[1:]] == [("Byrådet", date(2024, 1, 24)),
                                                              ("Økonomiudvalget", date(2024, 3, 5))]
    assert bike.attachments == ["Indstilling", "Bilag 1: Kort over stationsområdet"]
    closed = m.items[2]
    assert closed.closed and closed.decisions[0].text == "Godkendt som indstillet."


def test_firstagenda_referat_word_without_decisions_is_an_agenda(tmp_path: Path) -> None:
    page = HTML.read_text(encoding="utf-8").replace(">Dagsorden 8. oktober", ">Referat 8. oktober")
    result = parse_bytes(page.encode("utf-8"), str(tmp_path / "x.html"))
    assert result.meeting.status == "agenda" and "records no decision" in result.warnings[0]


# --- PDF text ------------------------------------------------------------------------------------------------

def test_pdf_transcript_cover_items_and_closed_item() -> None:
    result = read_path(PDF_TEXT)
    m = result.meeting
    assert result.reader == "text"
    assert (m.municipality, m.committee, m.date, m.time, m.location, m.status) == (
        "Aarhus", "Aarhus Byråd", date(2025, 8, 27), "16:00", "Byrådssalen", "minutes")
    assert [it.number for it in m.items] == [str(n) for n in range(1, 22)]
    assert [it.number for it in m.items if it.closed] == ["21"]
    closed = m.items[20]
    assert closed.title == "Lukket: Køb af landbrugsejendom" and "vedtaget" in closed.decisions[0].text
    first = m.items[0]  # the dotted table of contents is neither items nor part of item 1
    assert first.title == "Godkendelse af dagsorden" and first.decisions[0].text == "Godkendt."
    assert all("....." not in it.text and "\f" not in it.text for it in m.items)


def test_pdf_transcript_titles_hyphens_and_wrapped_lines() -> None:
    m = read_path(PDF_TEXT).meeting
    by_number = {it.number: it for it in m.items}
    assert by_number["2"].title == ("Svar på forslag fra DD om principbeslutning om at sikre Havnens Perles fremtid "
                                    "på Aarhus Ø")
    assert by_number["7"].title == "Afrapportering på klimaregnskab samt orientering om ny 2030-fremskrivning"
    school = by_number["13"].text
    assert "den kommende Ravnbakkeskole, men" in school and "Ravn-" not in school
    assert "p-huse" in by_number["3"].text  # a real hyphen after one letter stays
    assert "at byrådet i sit møde den 27. august 2025 har vedtaget Magistratens" in by_number["3"].text


def test_pdf_transcript_decisions_and_case_history() -> None:
    m = read_path(PDF_TEXT).meeting
    havn = m.items[1]
    own = havn.decisions[0]
    assert (own.heading, own.body, own.date) == ("Beslutninger", "Aarhus Byråd", date(2025, 8, 27))
    assert own.text.startswith("Fremsendes til Teknisk Udvalg") and "BESLUTNINGSFORSLAG" not in own.text
    assert [(d.body, d.date) for d in havn.decisions[1:]] == [
        ("Aarhus Byråd", date(2025, 3, 26)), ("Aarhus Byråd", date(2025, 4, 9)), ("Magistraten", date(2025, 8, 19))]
    assert havn.decisions[3].heading == "Beslutning i Magistraten den 19-08-2025, punkt 4"
    assert havn.attachments[0] == "Indstilling" and [s.name for s in havn.sections].count("Indstilling") == 2
    proposal = havn.section("Beslutningsforslag")
    assert proposal is not None and proposal.heading == "BESLUTNINGSFORSLAG FRA DD"
    diskrimination = m.items[5]
    assert ("Økonomi- og Erhvervsudvalget", date(2025, 8, 20)) in [(d.body, d.date) for d in diskrimination.decisions]


SEGMENT_CASES = """Referat Plan- og Boligudvalget, Horsens Kommune 02-02-2023

Punkt 1: Orientering om lukkede skoler og om den videre proces for de tomme bygninger i byen
Forvaltningen orienterede om processen.

Punkt 2: Lukket: Salg af grund
Sagsnr. 23/55
Solgt til højestbydende.

Punkt 3: Anlægsbevilling til nye cykelstier langs de større indfaldsveje i kommunen
og i landsbyerne
Sagsnr. 23/56
Beslutning
Godkendt.
Sagsforløb
Udvalg: Økonomiudvalget
Dato: 25-01-2023
Punktnummer: 7
Anbefales.
"""


def test_segment_closed_items_wrapped_titles_and_case_history(tmp_path: Path) -> None:
    m = parse_bytes(SEGMENT_CASES.encode(), str(tmp_path / "s.txt")).meeting
    first, closed, bikes = m.items
    assert first.decisions == []  # "lukkede" inside a title: its text is not taken for a bare decision
    assert first.title.endswith("tomme bygninger i byen")  # no structure line follows: nothing to join
    assert closed.closed and closed.decisions[0].text == "Solgt til højestbydende."
    assert bikes.title.endswith("indfaldsveje i kommunen og i landsbyerne") and bikes.case_number == "23/56"
    assert [(d.body, d.date, d.text) for d in bikes.decisions] == [
        ("Plan- og Boligudvalget", date(2023, 2, 2), "Godkendt."), ("Økonomiudvalget", date(2023, 1, 25), "Anbefales.")]


def _pdf(path: Path, pages: list[list[str]]) -> Path:
    """A PDF with one text page per list of lines (WinAnsi Helvetica, so æøå survive). Objects: 1 catalog,
    2 page tree, 3 font, then per page its content stream and the page."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    kids = []
    for lines in pages:
        ops = ["BT", "/F1 10 Tf", "12 TL", "40 800 Td", *[f"({x}) Tj T*" for x in lines], "ET"]
        stream = "\n".join(ops).encode("cp1252")
        objs.append(b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream")
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                    f"/Contents {len(objs)} 0 R >>".encode())
        kids.append(f"{len(objs)} 0 R")
    objs[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode()
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode())
    out.write(b"".join(f"{off:010d} 00000 n \n".encode() for off in offsets))
    out.write(f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    path.write_bytes(out.getvalue())
    return path


PAGES = [
    ["Referat · Teknisk Udvalg · Side 1", "REFERAT Teknisk Udvalg d. 04-06-2024",
     "Mødedato Tirsdag d. 4. juni 2024 kl. 15:00",
     "Mødested Mødelokale 2, Horsens Rådhus", "Indholdsfortegnelse",
     "Godkendelse af dagsorden......................................... 2",
     "Anlægsbevilling til renovering af skolernes legepladser i hele kommunen..... 2", "Horsens Kommune"],
    ["Referat · Teknisk Udvalg · Side 2", "Punkt 1: Godkendelse af dagsorden", "Beslutning", "Godkendt.",
     "Punkt 2: Anlægsbevilling til renovering af skolernes legepladser i hele", "kommunen", "24/1234", "Beslutning",
     "Godkendt. Udvalget bevilger 2,5 mio. kr. til legepladserne ved Stensballe-", "Horsens Kommune"],
    ["Referat · Teknisk Udvalg · Side 3", "skolen og Lund Skole.", "Sagsfremstilling",
     "Legepladserne er slidte og skal renoveres i 2025 efter en plan fra forvaltningen og med inddragelse af",
     "forældrebestyrelserne.", "Horsens Kommune"],
]


def test_real_pdf_pages_running_heads_and_hyphenation(tmp_path: Path) -> None:
    doc = read_bytes(_pdf(tmp_path / "m.pdf", PAGES).read_bytes(), "m.pdf")
    assert doc.text.count("\f") == 2  # one form feed per page break
    m = read_path(tmp_path / "m.pdf").meeting
    assert (m.committee, m.date, m.time, m.location) == ("Teknisk Udvalg", date(2024, 6, 4), "15:00",
                                                         "Mødelokale 2, Horsens Rådhus")
    assert [(it.number, it.title) for it in m.items] == [
        ("1", "Godkendelse af dagsorden"),
        ("2", "Anlægsbevilling til renovering af skolernes legepladser i hele kommunen")]
    play = m.items[1]
    assert play.case_number == "24/1234"
    assert "ved Stensballeskolen og Lund Skole." in play.decisions[0].text
    case = play.section("Sagsfremstilling")
    assert case is not None and "med inddragelse af forældrebestyrelserne." in case.text
    assert all("Side" not in it.text and "Horsens Kommune" not in it.text for it in m.items)


def test_page_text_units() -> None:
    from ingest.pagetext import dehyphenate, page_lines, without_pages

    assert dehyphenate(["til Ravn-", "bakkeskolen i", "p-", "huse og 2030-", "planen, UngiAarhus-", "tilbud"]) == [
        "til Ravnbakkeskolen i", "p-huse og 2030-planen, UngiAarhus-tilbud"]
    assert dehyphenate(["Børn og Unge-", "Udvalget"]) == ["Børn og Unge-", "Udvalget"]  # upper case: a new line
    pages = "\f".join(f"Byrådet 2024\nTekst om {topic}\n{n + 4}" for n, topic in enumerate("ABCD"))
    assert without_pages(pages).split("\n") == ["Tekst om A", "Tekst om B", "Tekst om C", "Tekst om D"]
    assert page_lines("a\nb") == ["a", "b"]  # text without page breaks keeps its lines


# --- damaged DOCX ----------------------------------------------------------------------------------------------

DOCX_LINES = ["Referat", "Kultur- og Fritidsudvalget", "Mødedato: 14-02-2022 kl. 16.00", "",
              "Punkt 1: Godkendelse af dagsorden", "Beslutning", "Godkendt.", "",
              "Punkt 2: Tilskud til Odense Musikfestival", "Sagsnr. 22/1234", "Sagsfremstilling",
              "Festivalen søger 200.000 kr.", "Beslutning", "Udsat til næste møde."]


def _docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    for line in DOCX_LINES:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Bilag", "Budget 2022"
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _without_directory(data: bytes) -> bytes:
    return data[: data.index(b"PK\x01\x02")]  # the central directory and its end record cut off


def _without_parts(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if not (info.filename.startswith("docProps/") or info.filename == "word/styles.xml"):
                dst.writestr(info.filename, src.read(info.filename))
    return out.getvalue()


def _items(data: bytes, tmp_path: Path, name: str) -> list[tuple[str | None, str, list[str]]]:
    m = parse_bytes(data, str(tmp_path / name)).meeting
    return [(it.number, it.title, [d.text.split("\n")[0] for d in it.decisions]) for it in m.items]


def test_damaged_docx_read_like_the_whole_one(tmp_path: Path) -> None:
    whole = _docx_bytes()
    want = _items(whole, tmp_path, "whole.docx")
    assert want == [("1", "Godkendelse af dagsorden", ["Godkendt."]),
                    ("2", "Tilskud til Odense Musikfestival", ["Udsat til næste møde."])]
    for damaged in (_without_directory(whole), _without_parts(whole)):
        assert _items(damaged, tmp_path, "damaged.docx") == want
    assert read_bytes(whole, "whole.docx").warnings == []
    assert "local file headers" in read_bytes(_without_directory(whole), "a.docx").warnings[0]
    assert "docProps/core.xml" in read_bytes(_without_parts(whole), "b.docx").warnings[0]
    # a label row of a table: the label on its line, then its text (the text parser reads "Bilag" as a section)
    assert "Bilag\nBudget 2022" in read_bytes(_without_directory(whole), "a.docx").text


def test_damaged_docx_keeps_the_zip_bomb_guard() -> None:
    from ingest.docxtext import DocxError, docx_text

    with pytest.raises(DocxError, match="zip bomb"):
        docx_text(_without_directory(_docx_bytes()), limit=1000)


@pytest.mark.parametrize("data,reason", [
    (b"", "empty file"),
    (bytes(range(7, 200)) * 50, "not a valid DOCX"),
    (b"PK\x03\x04" + bytes(range(256)) * 20, "not a valid DOCX"),
])
def test_unreadable_docx_is_an_error_naming_the_file(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(data)
    with pytest.raises(IngestError) as err:
        read_path(path)
    assert str(path) in str(err.value) and reason in str(err.value)


# --- the last-resort full-text reader --------------------------------------------------------------------------

UNKNOWN_JSON = {
    "meta": {"source": "scraper v2", "id": "a1b2-33"},
    "forsamling": "Teknik- og Miljøudvalget", "meeting_date": "2024-04-11T15:30:00", "venue": "Mødelokale 2",
    "entries": [{"headline": "Trafiksikkerhed ved skolerne",
                 "content": "<p>Udvalget drøftede trafiksikkerheden ved skolerne i Stevns Kommune.</p>"}],
}
UNKNOWN_XML = """<?xml version="1.0" encoding="utf-8"?>
<export xmlns="urn:example:minutes"><!-- generated -->
  <samling dato="03-06-2023" udvalg="Kultur- og Fritidsudvalget"><lokale>Faxe Rådhus</lokale>
    <sag><emnetekst>Tilskud til spejderhytte</emnetekst>
      <tekst>Udvalget bevilger 150.000 kr. til spejderhytten i Haslev.</tekst></sag></samling>
</export>"""
NO_ITEMS = ("Orienteringsbrev om affaldsordningen\n\nKære borger i Vejle Kommune\n"
            "Fra 1. marts 2024 sorteres madaffald.\n")


@pytest.mark.parametrize("name,data,want", [
    ("x.json", json.dumps(UNKNOWN_JSON).encode(), ("Stevns", "Teknik- og Miljøudvalget", date(2024, 4, 11), "15:30",
                                                   "Mødelokale 2", "Trafiksikkerhed ved skolerne")),
    ("x.xml", UNKNOWN_XML.encode(), ("Faxe", "Kultur- og Fritidsudvalget", date(2023, 6, 3), None, "Faxe Rådhus",
                                     "Tilskud til spejderhytte")),
    ("x.txt", NO_ITEMS.encode(), ("Vejle", "Ukendt udvalg", date(2024, 3, 1), None, None,
                                  "Orienteringsbrev om affaldsordningen")),
])
def test_fulltext_reads_what_nothing_else_recognises(tmp_path: Path, name: str, data: bytes, want: tuple) -> None:
    result = parse_bytes(data, str(tmp_path / name))
    m = result.meeting
    assert result.reader == "fulltext" and "one searchable document" in result.warnings[0]
    assert (m.municipality, m.committee, m.date, m.time, m.location, m.items[0].title) == want
    assert len(m.items) == 1 and m.items[0].text


def test_fulltext_warns_when_it_dates_a_document_today() -> None:
    from ingest.readers.fulltext import whole_draft

    text = "Notat om vejnavne\nForslag til nye vejnavne i det nye boligområde ved skoven.\n"
    draft = whole_draft(Source(text.encode(), "n.txt"))
    assert draft.date == date.today() and draft.warnings == ["no date in the document; dated today"]


@pytest.mark.parametrize("data", [
    b"[" * 5000 + b"]" * 5000,                      # nested too deep for a parser
    b'{"a": [1, 2, 3], "b": {"c": true}}',           # no text at all
    b"<root><x a='1'/><x a='2'/></root>",             # XML with nothing to read
])
def test_fulltext_never_crashes_on_odd_input(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(IngestError) as err:
        parse_bytes(data, str(tmp_path / "odd.dat"))
    assert str(tmp_path / "odd.dat") in str(err.value)


if __name__ == "__main__":  # regenerate the goldens: python -m tests.test_reader_html_pdf
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for source in REAL:
        golden(source).write_text(read_path(source).meeting.model_dump_json(indent=2) + "\n", encoding="utf-8")
        print("wrote", golden(source).relative_to(ROOT))


def test_a_page_wrapped_in_one_aspnet_form_keeps_its_text_and_loses_only_the_search_box() -> None:
    page = ("<html><body><form id='aspnetForm' action='x.aspx'><div><form><input type='search'/>"
            "<button>Søg</button></form></div>"
            "<p>Referat af mødet i Teknik- og Miljøudvalget, Greve Kommune, den 12. marts 2024 kl. 16.00</p>"
            "<p>Punkt 1: Godkendelse af dagsorden</p><p>Beslutning: Godkendt.</p>"
            "<p>Punkt 2: Ny cykelsti på Strandvejen</p><p>Sagsfremstilling: Forvaltningen foreslår en ny cykelsti "
            "langs Strandvejen til 4,2 mio. kr.</p><p>Beslutning: Godkendt.</p></form></body></html>")
    meeting = parse_bytes(page.encode(), "referat.html").meeting
    assert [i.number for i in meeting.items] == ["1", "2"]
    assert "4,2 mio. kr." in meeting.items[1].text and "Søg" not in meeting.items[1].text
