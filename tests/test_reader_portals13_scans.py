"""A PDF whose item numbers exist only in its outline (bookmarks) and Tesseract hOCR of a scanned, signed referat
(sample_data/portals13, facts in sample_data/portals13-expected.md), with variants built here (a small PDF with an
outline, hOCR with other ligatures, hyphenation and page counters) so the rules are not fitted to one file."""

from __future__ import annotations

import io
from datetime import date
from html import escape
from pathlib import Path

from ingest import hocr, pdfoutline
from ingest.readers import ReadResult, read_source
from ingest.readers.base import Source

DIR = Path(__file__).resolve().parent.parent / "sample_data" / "portals13"
VEJLE = DIR / "vejle_seniorudvalget_2024-10-01.pdf"
KUJALLEQ = DIR / "kujalleq_kommunalbestyrelsen_2024-11-07.html"


def read(path: Path) -> ReadResult:
    return read_source(Source(path.read_bytes(), str(path)))


def first_words(m: object, k: int) -> str | None:
    decisions = m.items[k].decisions  # type: ignore[attr-defined]
    return decisions[0].text.replace("\n", " ") if decisions else None


# --- the Vejle PDF: numbers only in the outline -------------------------------------------------------------------

def test_vejle_outline_numbers_the_unnumbered_headings() -> None:
    result = read(VEJLE)
    m = result.meeting
    assert result.reader == "text"
    assert (m.municipality, m.committee, m.date, m.time) == ("Vejle", "Seniorudvalget", date(2024, 10, 1), "15:00")
    assert m.location == "Udvalgsværelse 2, Vejle Rådhus, Skolegade 1, 7100 Vejle"
    assert m.absentees == ["Birgitte Lund (F)"]
    assert m.status == "minutes"
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "24/00112"),
        ("2", "Budgetopfølgning 2 - 2024 - Seniorudvalget", "24/14225"),
        ("3", "Plejeboligplan 2025-2036", "24/08812"),
        ("4", "Kvalitetsstandard for madservice 2025", "24/11230"),
        ("5", "Høringssvar fra Ældrerådet om værdighedspolitikken", "24/09876"),
        ("6", "Forsøg med natligt tilsyn via kamera", "24/12004"),
        ("7", "Meddelelser", "24/00113"),
    ]


def test_vejle_decisions_and_traps() -> None:
    m = read(VEJLE).meeting
    assert first_words(m, 0) == "Godkendt. Afbud: Birgitte Lund (F)"
    assert first_words(m, 1) == "Ad 1. Taget til efterretning. Ad 2. Anbefales. Afbud: Birgitte Lund (F)"
    assert (first_words(m, 2) or "").startswith(
        "Anbefales over for Økonomiudvalget og Byrådet. For stemte: V, A, C og Æ (5) Imod stemte: Ø (1) Ø ønsker")
    votes = m.items[2].decisions[0].votes
    assert [(v.position, v.count) for v in votes] == [("for", 5), ("against", 1)]
    assert "1. at budgetopfølgningen tages til efterretning" in m.items[1].text  # a recommendation, no item
    assert "1.340 borgere modtager madservice" in m.items[3].text  # a figure, no item
    assert all("Genereret" not in it.text and "Side 2 af 4" not in it.text for it in m.items)
    assert first_words(m, 6) == "Taget til efterretning. Afbud: Birgitte Lund (F)"


# --- a PDF with an outline, built here ----------------------------------------------------------------------------

def make_pdf(pages: list[list[str]], outline: list[tuple[str, int]]) -> bytes:
    """A PDF of Helvetica text lines (one list per page) with the given outline entries (title, page index)."""
    from pypdf import PdfWriter
    from pypdf.generic import ContentStream, DictionaryObject, NameObject

    writer = PdfWriter()
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica"),
                             NameObject("/Encoding"): NameObject("/WinAnsiEncoding")})
    for lines in pages:
        page = writer.add_blank_page(595, 842)
        ops = [b"BT /F1 10 Tf 14 TL 50 800 Td"]
        for line in lines:
            raw = line.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
            ops.append(b"(" + raw + b") Tj T*")
        ops.append(b"ET")
        stream = ContentStream(None, None)
        stream.set_data(b"\n".join(ops))
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
        page.replace_contents(stream)
    for title, number in outline:
        writer.add_outline_item(title=title, page_number=number)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _odder_pages(prefix: dict[str, str] | None = None) -> list[list[str]]:
    p = prefix or {}
    return [
        ["Odder Kommune", "Referat", "Teknisk Udvalg", "Mødedato 12.03.2024", "Mødetidspunkt 16:00 - 18:00",
         "Mødested Rådhuset, mødelokale 1", "Afbud Lars Dam (V)", "Indhold", "Vejplan 2025 2", "Ny cykelsti ved Hou 2",
         "Meddelelser 3", "Udskrevet 13.03.2024 Side 1 af 3"],
        [p.get("a", "") + "Vejplan 2025", "Sagsnr.: 24/100", "Sagsfremstilling", "Planen omfatter 14 veje.",
         "Indstilling", "Direktionen indstiller,", "1. at planen godkendes", "2. at den sendes i høring.",
         "Beslutning i Teknisk Udvalg den 12-03-2024", "Ad 1. Godkendt.", "Ad 2. Godkendt.",
         p.get("b", "") + "Ny cykelsti ved Hou", "Sagsnr.: 24/101", "Sagsfremstilling",
         "1.200 cyklister bruger strækningen dagligt.", "Beslutning i Teknisk Udvalg den 12-03-2024",
         "Godkendt.", "Udskrevet 13.03.2024 Side 2 af 3"],
        [p.get("c", "") + "Meddelelser", "Sagsnr.: 24/102", "Beslutning i Teknisk Udvalg den 12-03-2024",
         "Taget til efterretning.", "Udskrevet 13.03.2024 Side 3 af 3"],
    ]


_OUTLINE = [("Forside", 0), ("21. Vejplan 2025", 1), ("22. Ny cykelsti ved Hou", 1), ("23. Meddelelser", 2)]


def test_built_pdf_takes_item_numbers_from_its_outline() -> None:
    data = make_pdf(_odder_pages(), _OUTLINE)
    m = read_source(Source(data, "upload.pdf")).meeting
    assert (m.municipality, m.committee, m.date, m.time) == ("Odder", "Teknisk Udvalg", date(2024, 3, 12), "16:00")
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("21", "Vejplan 2025", "24/100"), ("22", "Ny cykelsti ved Hou", "24/101"), ("23", "Meddelelser", "24/102")]
    assert first_words(m, 0) == "Ad 1. Godkendt. Ad 2. Godkendt."
    assert "1.200 cyklister" in m.items[1].text


def test_printed_numbers_outrank_an_outline_that_disagrees() -> None:
    pages = _odder_pages({"a": "Punkt 5 ", "b": "Punkt 6 ", "c": "Punkt 7 "})
    m = read_source(Source(make_pdf(pages, _OUTLINE), "upload.pdf")).meeting
    assert [(it.number, it.title) for it in m.items] == [
        ("5", "Vejplan 2025"), ("6", "Ny cykelsti ved Hou"), ("7", "Meddelelser")]


def test_outline_rule_needs_the_title_as_a_line_on_the_entrys_page() -> None:
    pages = ["Indhold\nVejplan 2025 2\nMeddelelser 3", "Vejplan 2025\nSagsnr.: 24/100\nTekst om Vejplan 2025",
             "Meddelelser\nIngen."]
    entries: list[pdfoutline.Entry] = [("21", "Vejplan 2025", 1), ("23", "Meddelelser", None), ("24", "Intet", 2)]
    out = pdfoutline.number_lines(entries, pages)
    assert out[0] == pages[0]  # table-of-contents lines carry their page: no heading
    assert out[1].splitlines()[0] == "Punkt 21. Vejplan 2025"
    assert out[1].splitlines()[2] == "Tekst om Vejplan 2025"
    assert out[2].splitlines()[0] == "Punkt 23. Meddelelser"  # no page named: the next line that is the title
    wrapped = ["Indhold", "Forslag til lokalplan 1045 for et nyt boligområde ved", "Skovvej i Hou",
               "Sagsnr.: 24/300", "Området er udlagt til boliger.", "Meddelelser"]
    entries = [("8", "Forslag til lokalplan 1045 for et nyt boligområde ved Skovvej i Hou", 0),
               ("9", "Meddelelser", 0)]
    assert pdfoutline.number_lines(entries, ["\n".join(wrapped)])[0].splitlines()[1:3] == [
        "Punkt 8. Forslag til lokalplan 1045 for et nyt boligområde ved", "Skovvej i Hou"]  # a wrapped heading
    # a lone match among several numbered entries is no evidence
    assert pdfoutline.number_lines([("1", "Vejplan 2025", 1), ("2", "Intet", 2)], pages) == pages


# --- the Kujalleq hOCR ----------------------------------------------------------------------------------------------

def test_kujalleq_hocr_meeting_facts_and_items() -> None:
    result = read(KUJALLEQ)
    m = result.meeting
    assert result.reader == "text" and not result.warnings
    assert (m.municipality, m.committee, m.date, m.time) == ("Kujalleq", "Kommunalbestyrelsen", date(2024, 11, 7),
                                                            "09:00")
    assert m.municipality_evidence == ["source field: KOMMUNE KUJALLEQ"]  # the masthead, not the file name
    assert m.location == "Kommunalbestyrelsens mødesal, Qaqortoq"
    assert m.absentees == ["Karl Nielsen (Naleraq)"]
    assert [(it.number, it.title, it.case_number, it.closed) for it in m.items] == [
        ("58", "Godkendelse af dagsorden", None, False),
        ("59", "Budget 2025-2028 - 2. behandling", "2024-5530", False),
        ("60", "Ny skole i Narsaq - valg af placering", "2024-3310", False),
        ("61", "Takstblad for havneafgifter 2025", "2024-4102", False),
        ("62", "Lukket punkt: Køb af bygning i Nanortalik", None, True),
        ("63", "Meddelelser", None, False),
    ]


def test_kujalleq_hocr_decisions_and_ocr_noise() -> None:
    m = read(KUJALLEQ).meeting
    assert first_words(m, 0) == "Godkendt."
    assert first_words(m, 1) == "Budgettet blev vedtaget. For stemte: Siumut og IA (12) Imod stemte: Naleraq (2)"
    assert [(v.position, v.count) for v in m.items[1].decisions[0].votes] == [("for", 12), ("against", 2)]
    assert first_words(m, 2) == "Placering 2 ved idrætshallen blev godkendt."
    assert first_words(m, 3) == "Godkendt."
    assert m.items[4].decisions == []
    assert first_words(m, 5) == "Taget til efterretning."
    budget = m.items[1].text
    assert "finansiering af flere lærerboliger" in budget and "Forslaget indeholder" in budget
    assert "anlægsudgifter på 88,0 mio. kr." in budget
    assert "mindre fartøjer er uændret." in m.items[3].text  # the sentence the page break cut
    assert all("Side 1 af 2" not in it.text and "Side l af 2" not in it.text for it in m.items)
    assert "Underskrifter" not in m.items[5].text and "Referent" not in m.items[5].text
    assert all("MODTAGET" not in it.text for it in m.items)


# --- hOCR built here ------------------------------------------------------------------------------------------------

def make_hocr(pages: list[list[list[str]]]) -> str:
    """hOCR as Tesseract writes it: pages of paragraphs of lines, one span per word."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<html xmlns="http://www.w3.org/1999/xhtml"><head><title></title>',
           "<meta name='ocr-system' content='tesseract 5.3.0' /></head><body>"]
    for p, page in enumerate(pages, 1):
        out.append(f"<div class='ocr_page' id='page_{p}' title='bbox 0 0 2480 3508; ppageno {p - 1}'>")
        for b, par in enumerate(page, 1):
            out.append(f"<div class='ocr_carea' id='block_{p}_{b}'><p class='ocr_par' lang='dan'>")
            for n, line in enumerate(par, 1):
                words = " \n".join(f"<span class='ocrx_word' title='bbox 1 1 2 2; x_wconf 90'>{escape(w)}</span>"
                                   for w in line.split())
                out.append(f"<span class='ocr_line' id='line_{p}_{b}_{n}'>{words}</span>")
            out.append("</p></div>")
        out.append("</div>")
    out.append("</body></html>")
    return "\n".join(out)


_SCAN = [
    [["ODDER KOMMUNE"], ["Referat"], ["Møde i Økonomiudvalget"],
     ["Mandag den 4. marts 2024 kl. 16.00", "Mødested: Rådhuset", "Fraværende: Ib Holm (V)"],
     ["Punkt 12 Eﬀektivisering af indkøb"], ["Sagsnr.: 24/555"], ["Sagsfremstilling"],
     ["Den oﬃcielle plan for ﬂytning af lageret er klar, og udbuds-", "materialet er sendt ud. Planen skal"],
     ["Økonomiudvalget 04.03.2024 Side I af 2"]],
    [["godkendes af Byrådet."], ["Beslutning:"], ["Godkendt."], ["Punkt 13 Meddelelser"], ["Beslutning:"],
     ["Taget til efterretning."], ["Økonomiudvalget 04.03.2024 Side 2 af 2"]],
]


def test_built_hocr_is_read_by_its_content() -> None:
    markup = make_hocr(_SCAN)
    assert hocr.is_hocr(markup)
    m = read_source(Source(markup.encode(), "scan")).meeting  # no suffix: found by its markup
    assert (m.municipality, m.committee, m.date, m.time) == ("Odder", "Økonomiudvalget", date(2024, 3, 4), "16:00")
    assert m.absentees == ["Ib Holm (V)"]
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("12", "Effektivisering af indkøb", "24/555"), ("13", "Meddelelser", None)]
    body = m.items[0].text
    assert "Den officielle plan for flytning af lageret" in body
    assert "udbudsmaterialet er sendt ud. Planen skal godkendes af Byrådet." in body
    assert "Side" not in body
    assert [first_words(m, 0), first_words(m, 1)] == ["Godkendt.", "Taget til efterretning."]


def test_hocr_text_lines_paragraphs_and_pages() -> None:
    text = hocr.hocr_text(make_hocr(_SCAN))
    pages = text.split("\f")
    assert len(pages) == 2
    assert "Økonomiudvalget 04.03.2024 Side 1 af 2" in pages[0]  # the counter's digit restored; pagetext drops it
    assert "Mandag den 4. marts 2024 kl. 16.00\nMødested: Rådhuset" in pages[0]  # a line per OCR line
    assert "ODDER KOMMUNE\n\nReferat" in pages[0]  # a blank line after each paragraph


def test_hocr_helpers() -> None:
    assert hocr.fold_ligatures("ﬁeld ﬂere ﬀ m² ½") == "field flere ff m² ½"
    assert hocr.page_number_digits("Referat Side l af 3") == "Referat Side 1 af 3"
    assert hocr.page_number_digits("Page 1O of 12") == "Page 10 of 12"
    assert hocr.page_number_digits("Side I af II") == "Side I af II"  # no digit at all: words, left alone
    assert not hocr.is_hocr("<html><body><p class='ocr'>Punkt 1 Godkendelse</p></body></html>")
