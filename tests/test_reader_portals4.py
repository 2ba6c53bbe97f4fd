"""Layouts of sample_data/portals4 (invented minutes, written blind to the readers): ODT, RTF, Word-HTML in
windows-1252, schema.org microdata, nested English-keyed JSON with item sections, English-element XML, an e-mail
with a fixed-width decision table and a PDF with "Punkt N (Åben)" items; plus a small invented variant of each
new rule.
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date
from pathlib import Path

import pytest

from ingest.parse import parse_bytes, read_path

PORTALS4 = Path(__file__).resolve().parent.parent / "sample_data" / "portals4"
FILES = {  # file: (reader, municipality, committee, date, time, status, absent, item numbers)
    "albertslund_teknik-og-miljoeudvalget_2024-09-17.odt": (
        "text", "Albertslund", "Teknik- og Miljøudvalget", date(2024, 9, 17), "17:00", "minutes",
        ["Henrik Saxe (C)"], ["1", "2", "3", "4", "5", "6"]),
    "glostrup_oekonomiudvalget_2024-06-12.rtf": (
        "text", "Glostrup", "Økonomiudvalget", date(2024, 6, 12), "18:00", "minutes", ["Preben Munk (O)"],
        ["41", "42", "43", "44", "45", "46"]),
    "haderslev_socialudvalget_2024-05-27.htm": (
        "generic-html", "Haderslev", "Socialudvalget", date(2024, 5, 27), "15:00", "agenda", ["Bo Ravnkilde (C)"],
        ["1", "2", "3", "4", "5"]),
    "guldborgsund_kultur-og-fritidsudvalget_2024-10-08.html": (
        "generic-html", "Guldborgsund", "Kultur- og Fritidsudvalget", date(2024, 10, 8), "16:00", "minutes",
        ["Lise Bruun (V)"], ["1", "2", "3", "4", "5", "6"]),
    "norddjurs_boerne-og-ungeudvalget_2024-03-05.json": (
        "generic-json", "Norddjurs", "Børne- og Ungeudvalget", date(2024, 3, 5), "14:00", "minutes",
        ["Bent Ulrik (V)"], ["1", "2", "3", "4", "5", "6"]),
    "assens_klima-natur-og-miljoeudvalget_2024-11-12.xml": (
        "generic-xml", "Assens", "Klima-, Natur- og Miljøudvalget", date(2024, 11, 12), "16:30", "minutes",
        ["Claus Tønnesen (C)"], ["1", "2", "3", "4", "5"]),
    "varde_beskaeftigelsesudvalget_2024-02-20.txt": (
        "text", "Varde", "Beskæftigelsesudvalget", date(2024, 2, 20), "08:00", "minutes", ["Karen Bjerre (A)"],
        ["1", "2", "3", "4", "5"]),
    "nyborg_plan-klima-og-teknikudvalget_2024-08-13.pdf": (
        "text", "Nyborg", "Plan-, Klima- og Teknikudvalget", date(2024, 8, 13), "15:30", "minutes",
        ["Michael Vorre (V)"], ["1", "2", "3", "4", "5", "6"]),
}


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_portals4_file_is_read_as_the_expected_file_says(name: str) -> None:
    reader, town, committee, day, time, status, absent, numbers = FILES[name]
    result = read_path(PORTALS4 / name)
    m = result.meeting
    assert result.reader == reader
    assert (m.municipality, m.committee, m.date, m.time, m.status) == (town, committee, day, time, status)
    assert m.absentees == absent and m.location
    assert [it.number for it in m.items] == numbers
    assert not any(it.title.startswith("(Åben)") for it in m.items)
    closed = [it.number for it in m.items if it.closed]
    assert len(closed) == (0 if status == "agenda" else 1), closed  # every minutes file has one closed item
    if status == "minutes":
        assert all(it.decisions for it in m.items if not it.closed)
    else:
        assert not any(it.decisions for it in m.items)  # an agenda: each "Beslutning" heading is empty


def test_the_fixed_width_table_wraps_titles_and_decisions_and_keeps_each_note_with_its_item() -> None:
    m = read_path(PORTALS4 / "varde_beskaeftigelsesudvalget_2024-02-20.txt").meeting
    three = m.items[2]
    assert three.title == "Samarbejdsaftale med Varde Handelsskole om ungeindsatsen"
    assert three.case_number == "24/000877"
    assert three.decisions[0].text.startswith("Godkendt. For stemte: V, F. Imod stemte: Ø. Enhedslisten ønsker")
    assert "30 brobygningsforløb" in three.text and "30 brobygningsforløb" not in m.items[4].text
    assert "hilsen" not in m.items[4].text  # the e-mail's sign-off is no part of the last item


def test_a_fixed_width_table_variant(tmp_path: Path) -> None:
    text = """Beslutningsprotokol
Teknisk Udvalg, Roskilde Kommune
Dato: 3. marts 2024

Nr.  Titel                   Afgørelse
---  ----------------------  -------------------------
1    Vejbelysning på         Godkendt med den ændring,
     Ringvejen               at LED bruges.
2    Cykelsti                Udsat.
"""
    m = parse_bytes(text.encode(), str(tmp_path / "protokol.txt")).meeting
    assert [(it.number, it.title) for it in m.items] == [("1", "Vejbelysning på Ringvejen"), ("2", "Cykelsti")]
    assert [it.decisions[0].text for it in m.items] == ["Godkendt med den ændring, at LED bruges.", "Udsat."]


def _odt(content: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", content)
    return buf.getvalue()


def test_an_odt_variant_with_a_list_and_a_table(tmp_path: Path) -> None:
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"')
    content = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {ns}><office:body><office:text>
<text:p>Referat</text:p><text:p>Kultur<text:s/>og Fritidsudvalget, Fredensborg Kommune</text:p>
<table:table><table:table-row><table:table-cell><text:p>Mødedato</text:p></table:table-cell>
<table:table-cell><text:p>4. april 2024 kl. 16.00</text:p></table:table-cell></table:table-row></table:table>
<text:h text:outline-level="1">1. Hal i Humlebæk</text:h>
<text:p>Projektet omfatter:</text:p>
<text:list><text:list-item><text:p>en ny hal</text:p></text:list-item>
<text:list-item><text:p>omklædning</text:p></text:list-item></text:list>
<text:h text:outline-level="2">Beslutning</text:h><text:p>Godkendt.</text:p>
<text:h text:outline-level="1">2. Meddelelser</text:h>
<text:h text:outline-level="2">Beslutning</text:h><text:p>Taget til efterretning.</text:p>
</office:text></office:body></office:document-content>"""
    m = parse_bytes(_odt(content), str(tmp_path / "referat.odt")).meeting
    assert (m.committee, m.date, m.time) == ("Kultur og Fritidsudvalget", date(2024, 4, 4), "16:00")
    assert [(it.number, it.title) for it in m.items] == [("1", "Hal i Humlebæk"), ("2", "Meddelelser")]
    assert "- omklædning" in m.items[0].text and m.items[0].decisions[0].text == "Godkendt."


def test_an_rtf_variant_in_its_code_page(tmp_path: Path) -> None:
    rtf = (r"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Arial;}}{\header Side 1}"
           r"\pard Referat\par Teknisk Udvalg\par Mødedato: 5. marts 2024\par"
           r"\pard Punkt 1: Ny b\'f8rnehave i R\'f8dby\par Beslutning\par Godkendt.\par"
           r"\pard Punkt 2: Vejbump\par Beslutning\par Udsat.\par}")
    m = parse_bytes(rtf.encode("latin-1"), str(tmp_path / "referat.rtf")).meeting
    assert [it.title for it in m.items] == ["Ny børnehave i Rødby", "Vejbump"]
    assert "Side 1" not in m.items[0].text


def test_xml_field_named_by_its_type_attribute_and_a_sequence_number(tmp_path: Path) -> None:
    xml = """<export><meeting date="2024-05-02" start="09:30"><body type="committee">Teknisk Udvalg</body>
<items><item sequence="1"><title>Vejbelysning</title><decision>Godkendt.</decision></item>
<item sequence="2"><title>Cykelsti</title><decision>Udsat.</decision></item></items></meeting></export>"""
    m = parse_bytes(xml.encode(), str(tmp_path / "moede.xml")).meeting
    assert (m.committee, m.time) == ("Teknisk Udvalg", "09:30")
    assert [(it.number, it.title) for it in m.items] == [("1", "Vejbelysning"), ("2", "Cykelsti")]


def test_microdata_position_numbers_items_and_location_names_the_place(tmp_path: Path) -> None:
    page = """<html><body><main itemscope itemtype="https://schema.org/Event"><h1 itemprop="name">Teknisk Udvalg</h1>
<p>Referat, <time itemprop="startDate" datetime="2024-05-02T09:30">2. maj 2024</time></p>
<div itemprop="location" itemscope itemtype="https://schema.org/Place"><span itemprop="name">Byrådssalen</span></div>
<ol><li itemprop="subEvent" itemscope><meta itemprop="position" content="7"><h2 itemprop="name">Vejbelysning</h2>
<div itemprop="description"><p>Lamperne skiftes.</p></div><section><h3>Beslutning</h3><p>Godkendt.</p></section></li>
<li itemprop="subEvent" itemscope><meta itemprop="position" content="8"><h2 itemprop="name">Cykelsti</h2>
<div itemprop="description"><p>Stien forlænges.</p></div><section><h3>Beslutning</h3><p>Udsat.</p></section></li>
</ol></main></body></html>"""
    m = parse_bytes(page.encode(), str(tmp_path / "moede.html")).meeting
    assert [(it.number, it.title) for it in m.items] == [("7", "Vejbelysning"), ("8", "Cykelsti")]
    assert m.location == "Byrådssalen"


def test_json_items_in_sections_are_all_read_and_attendance_fields_count(tmp_path: Path) -> None:
    doc = {"meeting": {"committee": {"name": "Teknisk Udvalg"}, "date": "2024-05-02",
                       "location": {"room": "Lokale 2", "address": "Torvet 1"},
                       "participants": [{"name": "Ole Dahl", "attendance": "present"},
                                        {"name": "Eva Krog", "attendance": "absent"}],
                       "sections": [{"title": "Åbne punkter", "items": [
                           {"number": 1, "title": "Vejbelysning", "decision": {"text": "Godkendt."}}]},
                                    {"title": "Lukkede punkter", "items": [
                           {"number": 2, "title": "Ejendomskøb", "access": "closed"}]}]}}
    m = parse_bytes(json.dumps(doc).encode(), str(tmp_path / "moede.json")).meeting
    assert [(it.number, it.closed) for it in m.items] == [("1", False), ("2", True)]
    assert m.location == "Lokale 2, Torvet 1" and m.absentees == ["Eva Krog"]


def test_text_access_marks_and_an_email_header_naming_a_recipient(tmp_path: Path) -> None:
    text = """From: Sekretariatet
To: Økonomiudvalget; Direktionen
Subject: Referat

Referat
Teknisk Udvalg
Mødedato
12. marts 2024
Mødetid
15:30 - 17:00

Punkt 1 (Åben) Vejbelysning
Beslutning
Godkendt.

Punkt 2 (Lukket) Ejendomskøb
Beslutning
Godkendt.
"""
    m = parse_bytes(text.encode(), str(tmp_path / "mail.txt")).meeting
    assert (m.committee, m.time) == ("Teknisk Udvalg", "15:30")
    assert [(it.title, it.closed) for it in m.items] == [("Vejbelysning", False), ("(Lukket) Ejendomskøb", True)]


def test_a_broken_odt_or_rtf_is_an_error_naming_the_file(tmp_path: Path) -> None:
    from core.errors import IngestError

    with pytest.raises(IngestError, match="notes.odt.*not a valid ODT"):
        parse_bytes(b"PK\x03\x04" + b"\x00" * 40, str(tmp_path / "notes.odt"))
    with pytest.raises(IngestError, match="tom.rtf.*RTF has no text"):
        parse_bytes(rb"{\rtf1\ansi{\fonttbl{\f0 Arial;}}}", str(tmp_path / "tom.rtf"))
