"""Word layouts of sample_data/portals14 (invented minutes, written blind to the readers): a DOCX whose item bodies
are ``w:altChunk`` HTML parts (``ingest.altchunk``), and an RTF with tracked changes, hidden text, item numbers only
in ``\\listtext`` and decisions in table cells (``ingest.rtftext``); plus small invented variants of each rule."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import pytest

from core.errors import IngestError
from ingest.parse import parse_bytes, read_path
from ingest.read import read_bytes
from ingest.rtftext import rtf_text

PORTALS14 = Path(__file__).resolve().parent.parent / "sample_data" / "portals14"
HERNING = PORTALS14 / "herning_teknik-og-miljoeudvalget_2024-11-25.docx"
ODENSE = PORTALS14 / "odense_by-og-kulturudvalget_2024-09-10.rtf"
GLOSTRUP = PORTALS14.parent / "portals4" / "glostrup_oekonomiudvalget_2024-06-12.rtf"


def test_the_altchunk_docx_reads_each_items_html_body_in_place() -> None:
    m = read_path(HERNING).meeting
    assert (m.municipality, m.committee, m.date, m.time, m.status) == (
        "Herning", "Teknik- og Miljøudvalget", date(2024, 11, 25), "14:00", "minutes")
    assert m.location == "Lokale 2.09, Rådhuset, Torvet 5, 7400 Herning"
    assert m.absentees == ["Signe Fabricius (SF)"]  # Anders Bæk left after item 3: not absent from the meeting
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "24/18734"),
        ("2", "Spildevandsplan 2025-2030 - endelig vedtagelse", "23/40211"),
        ("3", "Frigivelse af anlægsmidler til cykelsti langs Silkeborgvej", "24/09781"),
        ("4", "Klimatilpasning i Sunds - skitseprojekt", "24/15502"),
        ("5", "Lukket punkt: Erstatning i ekspropriationssag", None),
        ("6", "Orientering og eventuelt", "24/18735"),
    ]  # the table of contents before the items is no item
    firsts = [it.decisions[0].text.split("\n")[0] if it.decisions else None for it in m.items]
    assert firsts == ["Godkendt.", "Anbefales over for Byrådet.",
                      "Godkendt, idet udvalget ønsker en status på projektet i juni 2025.",
                      "Udvalget besluttede at udsætte punktet til mødet den 16. december 2024, så lodsejerne ved "
                      "Sunds Sø kan høres først.", None, "Taget til efterretning."]
    assert m.items[4].closed and not m.items[4].decisions
    two, four, six = m.items[1], m.items[3], m.items[5]
    assert [s.name for s in two.sections][:4] == ["Resumé", "Sagsfremstilling", "Økonomi", "Indstilling"]
    assert all(x in two.text for x in ("23 høringssvar", "61 ha", "412 mio. kr.", "214 ejendomme", "3,8 mio. kr."))
    assert "Anders Bæk (DF) havde forladt mødet." in four.decisions[0].text
    assert [(v.position, v.count) for v in four.decisions[0].votes] == [("for", 4), ("against", 1)]
    assert "9. januar 2025 kl. 19.00 i Skarrild Hallen" in six.text  # chunk 5 belongs to item 6, not item 5
    assert "Skarrild" not in m.items[4].text


def _docx(body: str, parts: dict[str, bytes], rels: str = "") -> bytes:
    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
    kind = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"
    rel = rels or "".join(f'<Relationship Id="rId{k}" Type="{kind}" Target="{name.split("/", 1)[1]}"/>'
                          for k, name in enumerate(parts, 1))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                    'content-types"><Override PartName="/word/document.xml" ContentType="application/'
                    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        zf.writestr("word/document.xml", f"<w:document {ns}><w:body>{body}</w:body></w:document>")
        zf.writestr("word/_rels/document.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/'
                    f'package/2006/relationships">{rel}</Relationships>')
        for name, data in parts.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def test_altchunks_in_mht_text_rtf_and_docx_are_read_in_document_order(tmp_path: Path) -> None:
    mht = (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n"
           b"Content-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
           b"<html><body><h3>Beslutning</h3><p>Godkendt med =C3=A6ndringer.</p></body></html>\r\n--b--\r\n")
    inner = _docx(_p("Sagsfremstilling") + _p("Indre tekst om vejbump."), {})
    rtf = rb"{\rtf1\ansi Beslutning\par Udsat{\deleted  og afvist}.\par}"
    body = (_p("Referat") + _p("Teknisk Udvalg") + _p("Mødedato: 5. marts 2024") + _p("Punkt 1: Ny børnehave")
            + '<w:altChunk r:id="rId1"/>' + _p("Punkt 2: Vejbump") + '<w:altChunk r:id="rId2"/>'
            + '<w:altChunk r:id="rId3"/>' + _p("Punkt 3: Grøn plan")
            + f'<w:tbl><w:tr><w:tc>{_p("Beslutning")}</w:tc><w:tc><w:altChunk r:id="rId4"/></w:tc></w:tr></w:tbl>')
    data = _docx(body, {"word/a.mht": mht, "word/b.docx": inner, "word/c.rtf": rtf,
                        "word/d.txt": "Taget til efterretning.\n".encode("utf-16")})
    text = read_bytes(data, "x.docx").text
    assert text.index("Godkendt med ændringer.") < text.index("Punkt 2") < text.index("Indre tekst om vejbump.")
    assert "Udsat." in text and "afvist" not in text
    m = parse_bytes(data, str(tmp_path / "referat.docx")).meeting
    assert [it.title for it in m.items] == ["Ny børnehave", "Vejbump", "Grøn plan"]
    assert [it.decisions[0].text for it in m.items] == ["Godkendt med ændringer.", "Udsat.", "Taget til efterretning."]


def test_a_missing_chunk_part_or_a_damaged_zip_directory_still_reads_the_rest() -> None:
    page = b"<html><body><p>Beslutning: Godkendt.</p></body></html>"
    data = _docx(_p("Punkt 1: A") + '<w:altChunk r:id="rId1"/>' + '<w:altChunk r:id="rId9"/>',
                 {"word/a.htm": page})
    doc = read_bytes(data, "x.docx")
    assert "Beslutning: Godkendt." in doc.text
    assert any("rId9" in w for w in doc.warnings)
    broken = read_bytes(data[:data.rfind(b"PK\x05\x06")], "x.docx")  # no end of central directory
    assert "Beslutning: Godkendt." in broken.text and broken.warnings


def test_the_rtf_is_read_with_tracked_changes_accepted_and_hidden_text_dropped() -> None:
    m = read_path(ODENSE).meeting
    assert (m.municipality, m.committee, m.date, m.time, m.status) == (
        "Odense", "By- og Kulturudvalget", date(2024, 9, 10), "08:30", "minutes")
    assert m.location == "Udvalgsværelse 3, Odense Rådhus, Flakhaven 2, 5000 Odense C"
    assert m.absentees == ["Jakob Friis (DF)"]
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "24/10311"),
        ("2", "Kulturelle fyrtårne 2025-2027 - fordeling af tilskud", "24/08862"),
        ("3", "Områdefornyelse i Vollsmose - investeringsplan 2025-2029", "24/05127"),
        ("4", "Forslag til lokalplan 1-1012 for boliger ved Dalumvej", "24/03390"),
        ("5", "Lukket punkt: Køb af ejendom", None),
        ("6", "Meddelelser", "24/10312"),
    ]
    firsts = [it.decisions[0].text.split("\n")[0] if it.decisions else None for it in m.items]
    assert firsts == ["Godkendt.", "Godkendt, idet tilskuddet til Fynske Litteraturdage hæves til 0,75 mio. kr. "
                      "årligt finansieret af puljens ufordelte reserve.",
                      "Anbefales over for Økonomiudvalget og Byrådet.", "Forslaget sendes i offentlig høring i 8 uger.",
                      None, "Taget til efterretning."]
    assert m.items[4].closed
    three, four = m.items[2], m.items[3]
    assert "24 mio. kr., hvoraf staten refunderer en tredjedel, svarende til 8 mio. kr." in three.text
    assert "9 mio. kr." not in three.text and "18 mio. kr." not in three.text
    assert "Mikael Dahl (Ø) undlod at stemme." in three.decisions[0].text
    assert "Imod stemte" not in three.decisions[0].text
    assert [(v.position, v.count) for v in three.decisions[0].votes] == [("for", 5), ("abstain", 1)]
    assert "op til 4 etager" in four.text and "54 etager" not in four.text
    assert "4. april 2025" in m.items[5].text and "Intern note" not in m.items[5].text
    assert "2. maj 2025" not in m.items[5].text


def test_the_earlier_rtf_parses_as_before() -> None:
    m = read_path(GLOSTRUP).meeting
    assert [it.number for it in m.items] == ["41", "42", "43", "44", "45", "46"]
    assert m.absentees == ["Preben Munk (O)"] and m.time == "18:00"
    assert m.items[2].decisions[0].text.startswith("Anbefales. For stemte: A, V, C, F.")


def test_rtf_list_numbers_from_the_list_table_pntext_and_unicode() -> None:
    lists = (r"{\rtf1\ansi{\*\listtable{\list\listtemplateid1{\listlevel\levelnfc0\levelstartat3{\leveltext\'02\'00.;}"
             r"{\levelnumbers\'01;}}{\listlevel\levelnfc0\levelstartat1{\leveltext\'04\'00.\'01.;}"
             r"{\levelnumbers\'01\'03;}}\listid77}}{\*\listoverridetable{\listoverride\listid77\listoverridecount0"
             r"\ls2}}\pard\ls2\ilvl0 Alpha\par\pard\ls2\ilvl1 Sub\par\pard\ls2\ilvl0 Beta\par\pard Plain\par}")
    assert rtf_text(lists.encode()) == "3.\tAlpha\n3.1.\tSub\n4.\tBeta\nPlain"
    pntext = r"{\rtf1\ansi{\pntext 1.\tab}{\*\pn\pnlvlbody\pndec}\pard Et\par{\pntext 2.\tab}\pard To\par}"
    assert rtf_text(pntext.encode()) == "1.\tEt\n2.\tTo"
    uni = r"{\rtf1\ansi\ansicpg1252\uc2 A\u-10179\'3f\'3f\u-8704\'3f\'3fB {\uc0 \u248 x}\'e6\~\par}"
    assert rtf_text(uni.encode()) == "A\U0001F600B øxæ\u00a0".rstrip()


def test_word_style_revisions_and_a_decision_row(tmp_path: Path) -> None:
    rtf = (r"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Arial;}}{\*\revtbl {Unknown;}{Jens;}}{\header Side 1\par}"
           r"\pard Referat\par Teknisk Udvalg\par M\'f8dedato: 5. marts 2024\par"
           r"\pard\plain {\rtlch\fcs1 Punkt 1: Vejbump}{\rtlch \par }"
           r"\trowd\cellx2000\cellx9000\pard\plain\intbl {\b Beslutning}{\cell }"
           r"\pard\plain\intbl {Godkendt med }{\deleted\revauthdel1 5}{\revised\revauth1 6} stemmer.{\v  Note}\cell "
           r"\pard\plain\intbl {\trowd\cellx2000\cellx9000\row }"
           r"\pard Punkt 2: Cykelsti\par Beslutning\par Udsat.\par}")
    m = parse_bytes(rtf.encode("latin-1"), str(tmp_path / "referat.rtf")).meeting
    assert [it.title for it in m.items] == ["Vejbump", "Cykelsti"]
    assert m.items[0].decisions[0].text == "Godkendt med 6 stemmer."
    assert "Side 1" not in m.items[0].text


def test_bad_rtf_is_an_error_naming_the_file(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="tom.rtf.*RTF has no text"):
        parse_bytes(rb"{\rtf1\ansi{\fonttbl{\f0 Arial;}}{\v skjult}{\deleted slettet}}", str(tmp_path / "tom.rtf"))
    assert rtf_text(rb"{\rtf1\ansi {\b Hej \'f8") == "Hej ø"  # truncated: what was read
    assert rtf_text(rb"{\rtf1\ansi Hej}} med}\par}") == "Hej med"  # unbalanced braces
