"""Two word-processing documents saved as one XML file (facts in sample_data/portals18-expected.md): a Word "XML
Document" (Flat OPC ``pkg:package``: the DOCX parts inline) whose item numbers come only from the heading style's
numbering and whose TOC field repeats every title with its number, and a flat OpenDocument text (``.fodt``) numbered
only by its outline style, with two unnumbered list-header headings, a tracked deletion and a comment. Rules are
also checked on edited copies, so they follow the format, not these files' words.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from core.errors import IngestError
from ingest.docxtext import DocxError
from ingest.flatopc import flat_opc_text, is_flat_opc, is_office_text_xml
from ingest.odttext import flat_odt_text, is_flat_odt
from ingest.pipeline import expand
from ingest.read import read_bytes
from ingest.readers import ReadResult, read_source
from ingest.readers.base import Source

ROOT = Path(__file__).resolve().parent.parent / "sample_data" / "portals18"
RUDERSDAL = ROOT / "rudersdal_social-og-arbejdsmarkedsudvalget_2025-01-15.xml"
STRUER = ROOT / "struer_social-og-sundhedsudvalget_2024-03-04.fodt"


def read(path: Path, *edits: tuple[str, str]) -> ReadResult:
    text = path.read_bytes().decode("utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    return read_source(Source(text.encode("utf-8"), path.name))


def first(m: object, k: int) -> str:
    return m.items[k].decisions[0].text if m.items[k].decisions else ""  # type: ignore[attr-defined]


# --- Rudersdal: Flat OPC -------------------------------------------------------------------------------------------

def test_rudersdal_is_read_as_a_word_document_by_the_text_parser() -> None:
    data = RUDERSDAL.read_bytes()
    assert is_flat_opc(data) and is_office_text_xml(data) and not is_flat_odt(data)
    result = read(RUDERSDAL)
    assert result.reader == "text" and not result.warnings


def test_rudersdal_meeting_facts() -> None:
    m = read(RUDERSDAL).meeting
    assert (m.municipality, m.committee, m.date, m.time) == ("Rudersdal", "Social- og Arbejdsmarkedsudvalget",
                                                            date(2025, 1, 15), "17:00")
    assert m.location == "Mødelokale 1, Rudersdal Rådhus, Øverødvej 2, 2840 Holte"
    assert m.absentees == ["Kim Rask (A)"] and m.status == "minutes"
    assert len(m.participants) == 7 and "Birgitte Holm (C)" in m.participants


def test_rudersdal_items_numbered_by_the_heading_style_not_the_toc() -> None:
    m = read(RUDERSDAL).meeting
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "25/000412"),
        ("2", "Beskæftigelsesplan 2025", "24/031877"),
        ("3", "Bostøtte i socialpsykiatrien - ny organisering", "24/027310"),
        ("4", "Boligplacering af flygtninge 2025", "24/030001"),
        ("5", "Handicappolitik 2025-2028 - udkast til høring", "24/025118"),
        ("6", "Lukket punkt: Klage over afslag på dækning af merudgifter", None),
        ("7", "Meddelelser", "25/000413")]
    assert [it.closed for it in m.items] == [False] * 5 + [True, False] and not m.items[5].decisions
    assert "Indholdsfortegnelse" not in m.items[0].text and "Beskæftigelsesplan" not in m.items[0].text


def test_rudersdal_decisions_and_vote() -> None:
    m = read(RUDERSDAL).meeting
    assert first(m, 0) == "Godkendt."
    assert first(m, 1).startswith("Godkendt med den tilføjelse, at der fastsættes et særskilt mål om, at antallet af "
                                  "unge under 30 år på uddannelseshjælp skal reduceres med 15 pct.")
    assert first(m, 2).startswith("Anbefales over for Økonomiudvalget og Kommunalbestyrelsen. "
                                  "For stemte: C, V og B (5).")
    votes = {v.position: v.count for v in m.items[2].decisions[0].votes}
    assert votes == {"for": 5, "against": 1}
    assert first(m, 3) == "Taget til efterretning." and first(m, 6) == "Taget til efterretning."
    assert first(m, 4).startswith("Godkendt, idet der tilføjes et sjette pejlemærke om tilgængelighed")
    assert "Bostøtte" in m.items[2].title and "spellStart" not in m.items[2].text  # split runs joined, marks dropped


def test_rudersdal_print_date_and_properties_are_not_read() -> None:
    m = read(RUDERSDAL).meeting
    text = "\n".join(it.text for it in m.items)
    assert "Udskrevet" not in text and "17-01-2025" not in text and "2025-01-16" not in text
    assert "Referat_udvalg.dotm" not in text and "iVBOR" not in text  # app properties, base64 image


def test_rudersdal_numbers_follow_the_style_numbering_start() -> None:
    """The style's list starting at 5: the items are 5-11 although the TOC still prints 1-7."""
    m = read(RUDERSDAL, ('<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>',
                         '<w:lvl w:ilvl="0"><w:start w:val="5"/><w:numFmt w:val="decimal"/>')).meeting
    assert [it.number for it in m.items] == [str(k) for k in range(5, 12)]
    assert m.items[0].title == "Godkendelse af dagsorden"


def test_flat_opc_main_part_found_by_relationship_when_renamed() -> None:
    text = RUDERSDAL.read_bytes().decode("utf-8")
    renamed = text.replace('Target="word/document.xml"', 'Target="word/main.xml"').replace(
        'pkg:name="/word/document.xml"', 'pkg:name="/word/main.xml"').replace(
        'pkg:name="/word/_rels/document.xml.rels"', 'pkg:name="/word/_rels/main.xml.rels"')
    lines = flat_opc_text(renamed.encode("utf-8"), 10_000_000).text.splitlines()
    assert "1. Godkendelse af dagsorden" in lines and "7. Meddelelser" in lines


def test_flat_opc_without_a_document_part_is_a_clear_error() -> None:
    bare = (b'<?xml version="1.0"?><?mso-application progid="Word.Document"?>'
            b'<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">'
            b'<pkg:part pkg:name="/docProps/app.xml" pkg:contentType="application/xml"><pkg:xmlData><a>x</a>'
            b'</pkg:xmlData></pkg:part></pkg:package>')
    with pytest.raises(DocxError, match="no main document part"):
        flat_opc_text(bare, 10_000_000)
    with pytest.raises(IngestError) as exc:
        read_bytes(bare, "broken.xml")
    assert exc.value.path == "broken.xml" and "main document part" in exc.value.reason


# --- Struer: flat OpenDocument text --------------------------------------------------------------------------------

def test_struer_is_read_as_an_odf_text_by_the_text_parser() -> None:
    data = STRUER.read_bytes()
    assert is_flat_odt(data) and is_office_text_xml(data) and not is_flat_opc(data)
    assert read(STRUER).reader == "text"


def test_struer_meeting_facts() -> None:
    m = read(STRUER).meeting
    assert (m.municipality, m.committee, m.date, m.time) == ("Struer", "Social- og Sundhedsudvalget",
                                                            date(2024, 3, 4), "15:30")
    assert m.location == "Mødelokale 1, Struer Rådhus, Østergade 11-15, 7600 Struer"
    assert m.absentees == ["Preben Sand (O)"] and m.status == "minutes"
    assert len(m.participants) == 7 and m.participants[1] == "Dorthe Mose (A)"  # one cell paragraph each


def test_struer_items_numbered_by_the_outline_skipping_list_headers() -> None:
    m = read(STRUER).meeting
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "00.01.00-A00-3-24"),
        ("2", "Aflastningspladser på Plejecentret Solgaven", "27.12.00-P20-2-24"),
        ("3", "Demensstrategi 2024-2028", "27.00.00-P22-1-23"),
        ("4", "Ventetid på genoptræning", "29.09.00-G01-1-24"),
        ("5", "Budget 2025 - udvalgets bidrag til råderumskataloget", "00.30.10-S00-2-24"),
        ("6", "Lukket punkt: Køb af ejendom til botilbud", None),
        ("7", "Meddelelser", "00.01.00-A00-4-24")]
    assert [it.closed for it in m.items] == [False] * 5 + [True, False] and not m.items[5].decisions
    assert all("Lukkede punkter" not in it.text and "Åbne punkter" not in it.text for it in m.items)


def test_struer_decisions() -> None:
    m = read(STRUER).meeting
    assert first(m, 0) == "Godkendt." and first(m, 2) == "Godkendt." and first(m, 6) == "Taget til efterretning."
    assert first(m, 1).startswith("Udvalget godkendte, at der omdannes 4 plejeboliger til aflastningspladser fra "
                                  "1. maj 2024. Merudgiften på 600.000 kr. årligt")
    assert first(m, 3).startswith("Udvalget godkendte ansættelse af 2 fysioterapeuter i en 2-årig projektperiode.")
    assert first(m, 4) == ("Udvalget oversender forslag A, C og D til budgetprocessen. Forslag B blev forkastet. "
                           "For at oversende forslag B stemte V (2). Imod stemte A, F og C (4).")  # no group heading


def test_struer_tracked_deletion_and_comment_are_not_text() -> None:
    m = read(STRUER).meeting
    assert "omdannes 3" not in m.items[1].text and "omdannes 4 plejeboliger" in m.items[1].text
    assert all("1,3 mio" not in it.text and "Beløbet er afstemt" not in it.text for it in m.items)
    assert "koster 1,1 mio. kr. årligt" in m.items[3].text  # the commented paragraph itself stays
    edited = STRUER.read_bytes().replace(b'<text:p text:style-name="P_Body">3</text:p></text:deletion>',
                                         b'<text:p text:style-name="P_Body">slettet tekst</text:p></text:deletion>')
    assert b"slettet tekst" in edited and "slettet tekst" not in flat_odt_text(edited).text  # nowhere in the text


def test_struer_page_header_and_meta_dates_are_not_read() -> None:
    m = read(STRUER).meeting
    assert m.date == date(2024, 3, 4)  # not the 2024-03-05 of the meta data and the tracked change
    assert all("Side 1" not in it.text and "Referat 04.03.2024" not in it.text for it in m.items)


def test_outline_without_list_header_counts_every_heading() -> None:
    """Without the list-header flag "Åbne punkter" is a numbered heading: the numbering follows the flag."""
    lines = flat_odt_text(STRUER.read_bytes().replace(
        b'text:outline-level="1" text:is-list-header="true">\xc3\x85bne', b'text:outline-level="1">\xc3\x85bne')
    ).text.splitlines()
    assert "Punkt 1. Åbne punkter" in lines and "Punkt 2. Godkendelse af dagsorden" in lines


def test_outline_restart_and_prefix_from_the_style() -> None:
    data = STRUER.read_bytes().replace(b'style:num-prefix="Punkt " ', b'').replace(
        b'<text:h text:style-name="Heading_20_1" text:outline-level="1">Meddelelser',
        b'<text:h text:style-name="Heading_20_1" text:outline-level="1" text:restart-numbering="true" '
        b'text:start-value="20">Meddelelser')
    lines = flat_odt_text(data).text.splitlines()
    assert "1. Godkendelse af dagsorden" in lines and "6. Lukket punkt: Køb af ejendom til botilbud" in lines
    assert "20. Meddelelser" in lines


def test_fodt_is_admitted_by_content_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "referat.fodt").write_bytes(STRUER.read_bytes())
    (tmp_path / "noter.fodt").write_text("not an OpenDocument", encoding="utf-8")
    (tmp_path / "ord.wordxml").write_bytes(RUDERSDAL.read_bytes())
    skipped: list[tuple[Path, str]] = []
    found = list(expand([tmp_path], on_skip=lambda p, r: skipped.append((p, r))))
    assert sorted(p.name for p in found) == ["ord.wordxml", "referat.fodt"]
    assert skipped == [(tmp_path / "noter.fodt", "unknown file type '.fodt'; not read")]


def test_flat_odt_that_is_not_one_is_a_clear_error() -> None:
    bad = (b'<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:'
           b'office:1.0" office:mimetype="application/vnd.oasis.opendocument.text"/>')
    with pytest.raises(DocxError, match="office:document"):
        flat_odt_text(bad)
