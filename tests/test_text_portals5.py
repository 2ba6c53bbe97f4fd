"""Text, HTML and DOCX layouts of sample_data/portals5 (invented blind to the readers): roman-numbered items, scraped
Markdown (escapes, setext headings, links), an ePublication PDF whose item heads are labelled fields, an old portal
page whose decision is marked only by an icon's alt text, a DOCX with a label/text table per item, and an agenda
whose "Beslutning:" headings are empty; plus a small invented variant of each rule."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from ingest.parse import parse_bytes, read_path

PORTALS5 = Path(__file__).resolve().parent.parent / "sample_data" / "portals5"
FILES = {  # file: (municipality, committee, date, time, status, absent, item numbers, open items without decision)
    "frederikshavn_kultur-og-fritidsudvalget_2025-01-15.txt": (
        "Frederikshavn", "Kultur- og Fritidsudvalget", date(2025, 1, 15), "15:00", "minutes", ["Britt Jensen (V)"],
        ["I", "II", "III", "IV", "V", "VI"]),
    "helsingoer_byraadet_2024-11-25.md": (
        "Helsingør", "Byrådet", date(2024, 11, 25), "18:00", "minutes", ["Anne Ravn (A)", "Erik Bundgaard (D)"],
        ["1", "2", "3", "4", "5", "6"]),
    "holstebro_boerne-og-uddannelsesudvalget_2024-09-09.htm": (
        "Holstebro", "Børne- og Uddannelsesudvalget", date(2024, 9, 9), "16:00", "minutes", ["Hanne Bach (C)"],
        ["1", "2", "3", "4", "5", "6"]),
    "koege_klima-og-miljoeudvalget_2024-10-22.html": (
        "Køge", "Klima- og Miljøudvalget", date(2024, 10, 22), "16:30", "agenda", ["Bjarne Friis (C)"],
        ["1", "2", "3", "4", "5", "6"]),
    "mariagerfjord_sundheds-og-aeldreudvalget_2024-05-14.pdf": (
        "Mariagerfjord", "Sundheds- og Ældreudvalget", date(2024, 5, 14), "08:30", "minutes", ["Karina Holt (A)"],
        ["1", "2", "3", "4", "5", "6"]),
    "syddjurs_udvalget-for-boern-og-laering_2024-06-18.docx": (
        "Syddjurs", "Udvalget for Børn og Læring", date(2024, 6, 18), "15:00", "minutes", ["Mikkel Holst (V)"],
        ["1", "2", "3", "4", "5", "6"]),
}


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_portals5_text_file_is_read_as_the_expected_file_says(name: str) -> None:
    town, committee, day, time, status, absent, numbers = FILES[name]
    m = read_path(PORTALS5 / name).meeting
    assert (m.municipality, m.committee, m.date, m.time, m.status) == (town, committee, day, time, status)
    assert m.absentees == absent
    assert [it.number for it in m.items] == numbers
    assert sum(it.closed for it in m.items) == 1
    opened = [it for it in m.items if not it.closed and it.title != "Spørgetid for borgerne"]
    if status == "minutes":
        assert all(it.decisions for it in opened)
    else:  # an agenda's "Beslutning:" headings are empty: nothing decided
        assert not any(it.decisions for it in opened)
    assert not any("Tlf." in d.text or "Underskriftsblad" in d.text for it in m.items for d in it.decisions)


def test_labelled_item_heads_give_number_title_case_and_access() -> None:
    m = read_path(PORTALS5 / "mariagerfjord_sundheds-og-aeldreudvalget_2024-05-14.pdf").meeting
    assert [(it.number, it.case_number) for it in m.items][:2] == [("1", "24/1180"), ("2", "24/2207")]
    assert m.items[1].title == "Udvidelse af madservice med aftensmad"
    assert m.items[4].closed and m.items[4].title.endswith("Klage over afgørelse om plejebolig")


def test_a_labelled_item_head_variant(tmp_path: Path) -> None:
    text = """Referat
Teknisk Udvalg, Roskilde Kommune
Mødedato: 3. marts 2024

Punkt nr.: 7
Sagsnummer: 24/555
Åbent punkt
Vejbelysning på Ringvejen
Beslutning
Godkendt.

Punkt nr.:
8
Lukket punkt
Ejendomskøb
Beslutning
Godkendt.
"""
    m = parse_bytes(text.encode(), str(tmp_path / "udskrift.txt")).meeting
    assert [(it.number, it.title, it.case_number, it.closed) for it in m.items] == [
        ("7", "Vejbelysning på Ringvejen", "24/555", False), ("8", "Lukket punkt: Ejendomskøb", None, True)]


def test_roman_numbered_items_and_markdown_escapes(tmp_path: Path) -> None:
    roman = """REFERAT
Teknisk Udvalg, Fanø Kommune
Mødedato: 3. marts 2024

I.   VEJBELYSNING
     Beslutning:
     Godkendt.

II.  CYKELSTI
     Beslutning:
     Udsat.
"""
    m = parse_bytes(roman.encode(), str(tmp_path / "referat.txt")).meeting
    assert [(it.number, it.title) for it in m.items] == [("I", "VEJBELYSNING"), ("II", "CYKELSTI")]
    markdown = """Ekstraordinært møde i Teknisk Udvalg
====================================

**Mødedato:** 3. marts 2024  \n**Tidspunkt:** Kl. 17.00 \\- 18.00

1\\. Vejbelysning
---------------

Sagsnr.: [24/100](https://example.org/sag/24-100)

#### Beslutning

Godkendt.

* * *

2\\. Cykelsti
------------

#### Beslutning

_Udsat._
"""
    m = parse_bytes(markdown.encode(), str(tmp_path / "referat.md")).meeting
    assert (m.committee, m.time, m.extraordinary) == ("Teknisk Udvalg", "17:00", True)
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Vejbelysning", "24/100"), ("2", "Cykelsti", None)]
    assert [it.decisions[0].text for it in m.items] == ["Godkendt.", "Udsat."]


def test_an_icon_labels_the_decision_inside_a_table_row(tmp_path: Path) -> None:
    page = """<html><body><p>Referat</p><p>Teknisk Udvalg, Fanø Kommune</p><p>Mødedato: 3. marts 2024</p><table>
<tr><td class="punktnr"><b>Punkt 1</b></td><td class="punkttitel"><b>Vejbelysning</b></td></tr>
<tr><td></td><td><u>Sagsfremstilling</u><br>Lamperne skiftes.</td></tr>
<tr><td></td><td><img src="ikon.gif" alt="Beslutning"><div>Godkendt.</div></td></tr>
<tr><td class="punktnr"><b>Punkt 2</b></td><td class="punkttitel"><b>Cykelsti</b></td></tr>
<tr><td></td><td><img src="ikon.gif" alt="Beslutning"><div>Udsat.</div></td></tr>
</table></body></html>"""
    m = parse_bytes(page.encode(), str(tmp_path / "moede.htm")).meeting
    assert [(it.number, [d.text for d in it.decisions]) for it in m.items] == [("1", ["Godkendt."]), ("2", ["Udsat."])]
    assert m.status == "minutes"


def test_a_docx_label_table_per_item(tmp_path: Path) -> None:
    from docx import Document

    doc = Document()
    doc.add_paragraph("Referat")
    doc.add_paragraph("Teknisk Udvalg, Fanø Kommune")
    facts = doc.add_table(rows=2, cols=2)
    facts.cell(0, 0).text, facts.cell(0, 1).text = "Mødedato", "3. marts 2024"
    facts.cell(1, 0).text = "Medlemmer"
    facts.cell(1, 1).text = "Ole Sand (V)"
    facts.cell(1, 1).add_paragraph("Mette Klit (A)")
    doc.add_paragraph("1. Vejbelysning")
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Indstilling", "Forvaltningen indstiller godkendelse."
    table.cell(1, 0).text, table.cell(1, 1).text = "Beslutning i Teknisk Udvalg den 03-03-2024", "Godkendt."
    doc.add_paragraph("2. Cykelsti")
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Beslutning", "Udsat."
    buf = io.BytesIO()
    doc.save(buf)
    m = parse_bytes(buf.getvalue(), str(tmp_path / "referat.docx")).meeting
    assert m.participants == ["Ole Sand (V)", "Mette Klit (A)"]
    assert [(it.number, it.decisions[0].text) for it in m.items] == [("1", "Godkendt."), ("2", "Udsat.")]
