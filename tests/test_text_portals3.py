"""The text path (txt, PDF, DOCX, Markdown) on the portals3 layouts (sample_data/portals3; facts in
sample_data/portals3-expected.md): paragraph-sign item numbers, Word's automatic list numbering, YAML front
matter, and a running page header on a two-page PDF. Each test names the defect it pins down."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

from core import vocab
from core.model import Meeting
from ingest import frontmatter, pagetext
from ingest.docxtext import docx_text
from ingest.header import committee_in
from ingest.parse import parse_file

PORTALS3 = Path(__file__).resolve().parent.parent / "sample_data" / "portals3"
VORDINGBORG = PORTALS3 / "vordingborg_oekonomiudvalget_2024-06-11.txt"
HERLEV = PORTALS3 / "herlev_boerne-og-skoleudvalget_2024-09-03.docx"
ODSHERRED = PORTALS3 / "odsherred_teknik-og-miljoeudvalget_2024-05-13.md"
LEMVIG = PORTALS3 / "lemvig_erhvervs-og-beskaeftigelsesudvalget_2024-08-20.pdf"


def _write(tmp_path: Path, text: str, name: str = "m.txt") -> Meeting:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parse_file(path)


def _votes(m: Meeting, k: int) -> list[tuple[str, list[str]]]:
    return [(v.position, [x.name for x in v.members]) for v in m.items[k].decisions[-1].votes]


# --- "§ 112. Titel" -----------------------------------------------------------------------------------------------

def test_a_paragraph_sign_heading_is_an_item_heading_and_a_law_reference_is_not() -> None:
    for line, num, title in [("§ 112. Godkendelse af dagsorden", "112", "Godkendelse af dagsorden"),
                             ("§ 113 Salg af grund", "113", "Salg af grund"), ("§ 7", "7", "")]:
        m = vocab.PARAGRAPH_ITEM.match(line)
        assert m and (m.group("num"), m.group("title")) == (num, title)
    for line in ["§ 31, stk. 2 i styrelsesloven ikke disponere", "§ 68 i loven", "§ 31. Stk. 2 gælder"]:
        assert not vocab.PARAGRAPH_ITEM.match(line)


SNIPPET = """Økonomiudvalget
Referat af mødet den 11. juni 2024 kl. 08.30

§ 40. Godkendelse af dagsorden
Beslutning:
Godkendt.

§ 41. Salg af grund
Sagsfremstilling:
Borgmesteren kan efter
§ 31, stk. 2 i styrelsesloven ikke disponere.

Beslutning:
Anbefales. For stemte: A, C. Undlod at stemme: O.
"""


def test_paragraph_sign_items_keep_their_numbers_and_decisions(tmp_path: Path) -> None:
    m = _write(tmp_path, SNIPPET)
    assert [(i.number, i.title) for i in m.items] == [("40", "Godkendelse af dagsorden"), ("41", "Salg af grund")]
    assert m.items[0].decisions[0].text == "Godkendt."
    assert _votes(m, 1) == [("for", ["A", "C"]), ("abstain", ["O"])]


def test_an_abstention_with_a_colon_is_a_vote() -> None:
    found = vocab.votes_in("Anbefales. For stemte: A, C, F. Imod stemte: Ø. Undlod at stemme: O.")
    assert [(pos, names) for pos, _, names, _ in found] == [("for", "A, C, F"), ("against", "Ø"), ("abstain", "O")]


def test_vordingborg() -> None:
    m = parse_file(VORDINGBORG)
    assert (m.municipality, m.committee, m.date) == ("Vordingborg", "Økonomiudvalget", date(2024, 6, 11))
    assert m.absentees == ["Mette Vang (V)"]
    assert [i.number for i in m.items] == ["112", "113", "114", "115", "116"]
    assert m.items[2].title == "Budgetopfølgning pr. 30. april 2024"
    assert [i.case_number for i in m.items] == ["24/0031", "24/5518", "24/1150", "24/3307", "23/22190"]
    assert [i.decisions[-1].text for i in m.items] == [
        "Godkendt.", "Anbefales. For stemte: A, C, F. Imod stemte: Ø. Undlod at stemme: O.",
        "Taget til efterretning.", "Godkendt.", "Anbefales over for Byrådet."]
    assert _votes(m, 1) == [("for", ["A", "C", "F"]), ("against", ["Ø"]), ("abstain", ["O"])]


# --- Word's automatic numbering -------------------------------------------------------------------------------------

_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _para(text: str, num: str = "", style: str = "") -> str:
    ppr = ""
    if num or style:
        numpr = f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>' if num else ""
        pstyle = f'<w:pStyle w:val="{style}"/>' if style else ""
        ppr = f"<w:pPr>{pstyle}{numpr}</w:pPr>"
    return f"<w:p>{ppr}<w:r><w:t>{text}</w:t></w:r></w:p>"


def _docx(body: str) -> bytes:
    numbering = (f"<w:numbering {_NS}>"
                 '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                 '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
                 '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                 '<w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>'
                 '<w:num w:numId="6"><w:abstractNumId w:val="1"/></w:num></w:numbering>')
    styles = (f"<w:styles {_NS}><w:style w:type=\"paragraph\" w:styleId=\"Punkt\"><w:pPr><w:numPr>"
              '<w:numId w:val="5"/></w:numPr></w:pPr></w:style></w:styles>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", f"<w:document {_NS}><w:body>{body}</w:body></w:document>")
        zf.writestr("word/numbering.xml", numbering)
        zf.writestr("word/styles.xml", styles)
    return buf.getvalue()


def test_auto_numbered_paragraphs_show_their_number() -> None:
    body = (_para("Godkendelse", num="5") + _para("Tekst") + _para("punkt", num="6") + _para("Budget", num="5")
            + _para("Meddelelser", style="Punkt"))
    lines = docx_text(_docx(body), 10_000_000).text.splitlines()
    assert lines == ["1. Godkendelse", "Tekst", "punkt", "2. Budget", "3. Meddelelser"]


def test_herlev() -> None:
    m = parse_file(HERLEV)
    assert (m.municipality, m.committee, m.date, m.time) == ("Herlev", "Børne- og Skoleudvalget",
                                                             date(2024, 9, 3), "17:00")
    assert m.status == "agenda"
    assert [(i.number, i.title) for i in m.items] == [
        ("1", "Godkendelse af dagsorden"), ("2", "Kvalitetsrapport for skoleåret 2023/24"),
        ("3", "Ny tildelingsmodel for specialundervisning"), ("4", "Udbud af frugtordning på Herlevs skoler"),
        ("5", "Meddelelser")]
    assert [i.case_number for i in m.items] == ["24-1-0044", "24-2-1187", "24-2-0961", "24-2-1302", "24-1-0045"]
    assert m.absentees == ["Jonas Krogh (C)"]


# --- YAML front matter ------------------------------------------------------------------------------------------------

def test_front_matter_becomes_labelled_header_lines() -> None:
    text = "---\nudvalg: Teknikudvalget\ntid: 16:00\nfravaerende: [A B (O), C D (C)]\ndeltagere:\n  - A B (O)\n" \
           "  - E F (V), formand\ntags: [x]\n---\n# Referat\n"
    out = frontmatter.as_header(text).splitlines()
    assert out[:4] == ["Udvalg: Teknikudvalget", "Mødetidspunkt: kl. 16:00", "Fraværende: A B (O), C D (C)",
                       "Medlemmer: A B (O), E F (V), formand"]
    assert frontmatter._by_hand(text.splitlines()[1:8])["fravaerende"] == ["A B (O)", "C D (C)"]
    assert frontmatter._by_hand(text.splitlines()[1:8])["deltagere"] == ["A B (O)", "E F (V), formand"]
    assert frontmatter.as_header("No front matter\n---\n") == "No front matter\n---\n"


def test_odsherred() -> None:
    m = parse_file(ODSHERRED)
    assert (m.municipality, m.committee, m.date, m.time) == ("Odsherred", "Teknik- og Miljøudvalget",
                                                             date(2024, 5, 13), "16:00")
    assert m.location == "Mødelokale 3, Rådhuset, Nyvej 22, 4550 Asnæs"
    assert m.absentees == ["Mona Friis (O)", "Jesper Lund (C)"]
    assert m.participants == ["Thomas Ravn (A)", "Lene Kjærgaard (V)", "Per Holm (Ø)", "Birgitte Sand (F)",
                              "Jesper Lund (C)", "Mona Friis (O)", "Kasper Bøgh (A)"]
    assert m.status == "minutes"
    assert [i.number for i in m.items] == ["1", "2", "3", "4", "5"]


# --- running page header --------------------------------------------------------------------------------------------

def test_a_running_header_on_two_pages_is_furniture_and_names_the_committee() -> None:
    top = "Lemvig Kommune · Erhvervsudvalget · Referat 20.08.2024"
    text = f"{top}\nReferat\nPkt. 1 Titel\nBeslutning:\n\f{top}\nGodkendt."
    assert top not in pagetext.page_lines(text)
    assert pagetext.running_headers(text) == [top]
    assert committee_in(top) == "Erhvervsudvalget"


def test_lemvig() -> None:
    m = parse_file(LEMVIG)
    assert (m.municipality, m.committee, m.date, m.time) == ("Lemvig", "Erhvervs- og Beskæftigelsesudvalget",
                                                             date(2024, 8, 20), "14:00")
    assert m.absentees == ["Signe Kloster (F)"]
    assert [i.number for i in m.items] == ["1", "2", "3", "4", "5"]
    assert m.items[3].decisions[-1].text == "Godkendt. For stemte: V, A. Imod stemte: Ø."
