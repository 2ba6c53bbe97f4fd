"""A Word referat typed without heading styles (sample_data/portals19, facts in sample_data/portals19-expected.md):
a members table with "Afbud", a plain agenda list "1. …", then the minutes as bold "Ad N." paragraphs. Variants
built here (a bold paragraph style, "Ad pkt. N", an agenda, plain or un-"Ad" headings) keep the rule from being
fitted to the one file.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from ingest.readers import ReadResult, read_source
from ingest.readers.base import Source
from ingest.readers.docx_headings import analyse

ROOT = Path(__file__).resolve().parent.parent
LANGELAND = ROOT / "sample_data" / "portals19" / "langeland_aeldreraadet_2025-02-18.docx"
NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def read(data: bytes, name: str = "minutes.docx") -> ReadResult:
    return read_source(Source(data, name))


# --- the sample ----------------------------------------------------------------------------------------------------

def test_langeland_meeting_facts() -> None:
    result = read(LANGELAND.read_bytes(), str(LANGELAND))
    m = result.meeting
    assert result.reader == "docx-headings"
    assert (m.municipality, m.committee, m.date, m.time) == ("Langeland", "Ældrerådet", date(2025, 2, 18), "13:30")
    assert m.location == "Mødelokale 1, Langeland Rådhus, Fredensvej 1, 5900 Rudkøbing"
    assert m.absentees == ["Inger Mølgaard"]
    assert "Grethe Ærø" in m.participants
    assert m.status == "minutes"


def test_langeland_items_are_the_ad_paragraphs_not_the_agenda_list() -> None:
    m = read(LANGELAND.read_bytes()).meeting
    assert [(it.number, it.title) for it in m.items] == [
        ("1", "Godkendelse af dagsorden"),
        ("2", "Godkendelse af referat fra mødet den 21. januar 2025"),
        ("3", "Høring: Lukning af Tranekær Aktivitetscenter om fredagen"),
        ("4", "Ældrerådets økonomi og kursus for nye medlemmer"),
        ("5", "Ældrerådsvalg 2025"),
        ("6", "Nyt fra Social- og Sundhedsudvalget"),
        ("7", "Næste møde"),
        ("8", "Eventuelt"),
    ]
    assert all(it.case_number is None for it in m.items)


def test_langeland_every_item_records_a_decision() -> None:
    m = read(LANGELAND.read_bytes()).meeting
    first = [it.decisions[0].text.split("\n")[0] if it.decisions else None for it in m.items]
    assert first[0] == "Dagsordenen blev godkendt med tilføjelse af et punkt om busserne under Eventuelt."
    assert first[2] is not None and first[2].startswith("Kommunen foreslår, at Tranekær Aktivitetscenter")
    assert "kl. 9-12" in m.items[2].decisions[0].text
    assert first[3] == "3 medlemmer deltager. Udgiften er 4.200 kr."  # its "Beslutning:" line
    assert "48.500 kr." in m.items[3].text  # the text above the decision stays the item's
    assert first[6] == "Næste møde holdes tirsdag den 18. marts 2025 kl. 13.30 i Tranekær Aktivitetscenter."
    assert all(it.decisions and it.decisions[0].body == "Ældrerådet" for it in m.items)


def test_langeland_sign_off_is_not_the_last_items_text() -> None:
    m = read(LANGELAND.read_bytes()).meeting
    last = m.items[-1]
    assert last.decisions[0].text.endswith("trafikselskabet FynBus.")
    assert "Referent" not in last.text and "20-02-2025" not in last.text


# --- variants ------------------------------------------------------------------------------------------------------

def _run(text: str, bold: bool) -> str:
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _para(text: str, bold: bool = False, style: str | None = None) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}{_run(text, bold)}</w:p>"


def _docx(body: list[str], styles: str = "") -> bytes:
    doc = (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{NS}"><w:body>{"".join(body)}</w:body>'
           "</w:document>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        zf.writestr("word/document.xml", doc)
        if styles:
            zf.writestr("word/styles.xml", f'<?xml version="1.0"?><w:styles xmlns:w="{NS}">{styles}</w:styles>')
    return buf.getvalue()


_BOLD_STYLE = ('<w:style w:type="paragraph" w:styleId="Fed"><w:name w:val="Fed"/><w:rPr><w:b/></w:rPr></w:style>'
               '<w:style w:type="paragraph" w:styleId="FedPunkt"><w:basedOn w:val="Fed"/></w:style>')


def _minutes(heading: str = "Ad pkt. {n}. {t}", bold: bool = True, style: str | None = None,
             kind: str = "Referat af møde i Handicaprådet") -> bytes:
    body = [_para("Vejen Kommune", bold=True), _para(kind, bold=True),
            _para("Mødedato: 4. marts 2025 kl. 16.00"), _para("Mødested: Mødelokale 3, Vejen Rådhus"),
            _para("Afbud: Ole Hansen")]
    for n, (title, text) in enumerate([("Godkendelse af dagsorden", "Godkendt."),
                                       ("Tilgængelighed på stationen", "Rådet drøftede elevatoren. Sagen følges."),
                                       ("Eventuelt", "Intet.")], 1):
        body.append(_para(heading.format(n=n, t=title), bold=bold and style is None, style=style))
        body.append(_para(text))
    body.append(_para("Referent: Eva Lund"))
    return _docx(body, _BOLD_STYLE if style else "")


def test_ad_headings_by_a_bold_paragraph_style() -> None:
    result = read(_minutes(style="FedPunkt"))
    m = result.meeting
    assert result.reader == "docx-headings"
    assert (m.committee, m.date, m.time, m.location) == ("Handicaprådet", date(2025, 3, 4), "16:00",
                                                         "Mødelokale 3, Vejen Rådhus")
    assert m.absentees == ["Ole Hansen"]
    assert [(it.number, it.title) for it in m.items] == [
        ("1", "Godkendelse af dagsorden"), ("2", "Tilgængelighed på stationen"), ("3", "Eventuelt")]
    assert m.items[1].decisions[0].text == "Rådet drøftede elevatoren. Sagen følges."
    assert "Referent" not in m.items[2].text


def test_plain_ad_paragraphs_are_not_headings() -> None:
    assert analyse(Source(_minutes(bold=False), "x.docx")) is None


def test_numbered_bold_headings_without_ad_are_the_text_readers() -> None:
    data = _minutes(heading="{n}. {t}")
    assert analyse(Source(data, "x.docx")) is None
    assert read(data).reader != "docx-headings"


def test_an_agenda_records_no_decisions() -> None:
    m = read(_minutes(kind="Dagsorden til møde i Handicaprådet")).meeting
    assert m.status == "agenda"
    assert [it.number for it in m.items] == ["1", "2", "3"]
    assert not any(it.decisions for it in m.items)
