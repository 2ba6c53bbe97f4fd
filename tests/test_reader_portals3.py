"""Structured layouts of sample_data/portals3 (invented minutes) read by the generic readers: a JSON item that is
one HTML string (Kalundborg), JSON Lines with one line per section (Ikast-Brande), an XML item body in CDATA HTML
(Struer) and an HTML page with its facts in namespaced meta tags and a header list (Skive); plus a small invented
variant of each.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from ingest.parse import parse_bytes, read_path

PORTALS3 = Path(__file__).resolve().parent.parent / "sample_data" / "portals3"


def _first_words(text: str, n: int = 4) -> str:
    return " ".join(text.split()[:n])


def test_json_item_as_one_html_string_kalundborg() -> None:
    result = read_path(PORTALS3 / "kalundborg_social-og-sundhedsudvalget_2024-06-04.json")
    m = result.meeting
    assert result.reader == "generic-json"
    assert (m.municipality, m.committee, m.date, m.time, m.status) == (
        "Kalundborg", "Social- og Sundhedsudvalget", date(2024, 6, 4), "15:30", "minutes")
    assert m.location == "Mødelokale 1.14, Rådhuset, Holbækvej 141, 4400 Kalundborg"
    assert m.absentees == ["Hanne Dybdahl (V)"] and len(m.participants) == 5
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "24/7701"),
        ("2", "Takster for madservice 2025", "24/6120"),
        ("3", "Akutpladser i Kalundborg Sundhedshus", "24/5532"),
        ("4", "Tilsynsrapport for Plejecenter Møllebakken", "24/4403"),
        ("5", "Lukket punkt: Personalesag", None)]
    assert [_first_words(it.decisions[0].text) for it in m.items[:4]] == [
        "Godkendt.", "Anbefales. For stemte: A,", "Godkendt, idet udvalget ønsker",
        "Taget til efterretning. Fraværende:"]
    assert m.items[4].closed and not m.items[4].decisions
    assert [s.heading for s in m.items[1].sections] == ["Sagsfremstilling", "Økonomi", "Indstilling"]
    assert all("Sagsnr" not in s.text for it in m.items for s in it.sections)


def test_json_item_as_one_html_string_variant(tmp_path: Path) -> None:
    doc = {"udvalg": "Teknisk Udvalg", "dato": "2024-02-01", "punkter": [
        {"nr": 1, "indhold": "<h3>Punkt 1. Vejbelysning</h3><p>Sagsnr.: 24/100</p><h4>Sagsfremstilling</h4>"
                             "<p>Lamperne skiftes.</p><h4>Beslutning</h4><p>Godkendt.</p>"},
        {"nr": 2, "indhold": "<h3>2) Cykelsti</h3><h4>Beslutning</h4><p>Udsat.</p>"}]}
    m = parse_bytes(json.dumps(doc).encode(), str(tmp_path / "moede.json")).meeting
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Vejbelysning", "24/100"), ("2", "Cykelsti", None)]
    assert [it.decisions[0].text for it in m.items] == ["Godkendt.", "Udsat."]
    assert [s.heading for s in m.items[0].sections] == ["Sagsfremstilling"]


def test_json_lines_one_line_per_section_ikast_brande() -> None:
    result = read_path(PORTALS3 / "ikast-brande_sundheds-og-omsorgsudvalget_2024-10-07.jsonl")
    m = result.meeting
    assert (m.municipality, m.committee, m.date, m.time, m.status) == (
        "Ikast-Brande", "Sundheds- og Omsorgsudvalget", date(2024, 10, 7), "15:00", "minutes")
    assert m.location == "Mødelokale 1, Rådhuset, Centerparken 1, 7430 Ikast"
    assert m.absentees == ["Mikkel Brandt (V)"]
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "24-012001"),
        ("2", "Rehabiliteringspladser på Plejecenter Lyngtoften", "24-009871"),
        ("3", "Demensstrategi 2025-2028", "24-007420"),
        ("4", "Takster for træning 2025", "24-010355"),
        ("5", "Budgetopfølgning 3. kvartal", "24-011230")]
    assert [it.decisions[0].text.splitlines()[0] for it in m.items] == [
        "Godkendt.", "Anbefales. For stemte: V, C, F. Imod stemte: A, som ønsker pladserne bevaret i Brande.",
        "Godkendt.", "Godkendt.", "Taget til efterretning."]
    assert all(it.absentees == ["Mikkel Brandt (V)"] for it in m.items[1:])
    assert [s.heading for s in m.items[1].sections] == ["Sagsfremstilling", "Økonomi", "Indstilling"]
    assert all(len(it.decisions) == 1 for it in m.items)


def test_json_lines_one_line_per_section_variant(tmp_path: Path) -> None:
    rows = [
        {"punkt": 2, "punkt_titel": "Skolevej", "afsnit": "Beslutning", "tekst": "Godkendt.", "dato": "2024-03-05",
         "udvalg": "Teknisk Udvalg"},
        {"punkt": 1, "punkt_titel": "Dagsorden", "afsnit": "Beslutning", "tekst": "Godkendt.", "dato": "2024-03-05",
         "udvalg": "Teknisk Udvalg"},
        {"punkt": 2, "punkt_titel": "Skolevej", "afsnit": "Sagsfremstilling", "tekst": "Vejen lægges om.",
         "dato": "2024-03-05", "udvalg": "Teknisk Udvalg"},
    ]
    data = "\n".join(json.dumps(r, ensure_ascii=False) for r in rows).encode()
    m = parse_bytes(data, str(tmp_path / "afsnit.jsonl")).meeting
    assert [(it.number, it.title) for it in m.items] == [("1", "Dagsorden"), ("2", "Skolevej")]
    assert [(s.heading, s.text) for s in m.items[1].sections] == [("Sagsfremstilling", "Vejen lægges om.")]
    assert m.items[1].decisions[0].text == "Godkendt." and m.status == "minutes"


def test_xml_cdata_html_body_struer() -> None:
    result = read_path(PORTALS3 / "struer_plan-og-miljoeudvalget_2024-05-14.xml")
    m = result.meeting
    assert result.reader == "generic-xml"
    assert (m.municipality, m.committee, m.date, m.time, m.status) == (
        "Struer", "Plan- og Miljøudvalget", date(2024, 5, 14), "16:00", "minutes")
    assert m.location == "Byrådssalen, Struer Rådhus, Østergade 11-15, 7600 Struer"
    assert m.absentees == ["Lars Kjeldgaard (V)"] and len(m.participants) == 5
    assert [(it.number, it.case_number) for it in m.items] == [
        ("1", "24/4010"), ("2", "23/12560"), ("3", "24/1877"), ("4", "24/2215")]
    assert [_first_words(it.decisions[0].text) for it in m.items] == [
        "Godkendt.", "Godkendt. For stemte: V,", "Anbefales over for Økonomiudvalget.", "Godkendt."]
    assert [s.heading for s in m.items[2].sections] == ["Sagsfremstilling", "Økonomi", "Indstilling"]


def test_xml_cdata_html_body_variant(tmp_path: Path) -> None:
    doc = """<?xml version="1.0" encoding="UTF-8"?>
<moede udvalg="Teknisk Udvalg" dato="2024-03-05" tid="kl. 9.30">
  <fravaerende><person parti="A">Ole Hansen</person></fravaerende>
  <punkt nummer="1" titel="Vejbelysning"><tekst><![CDATA[<h3>Sagsfremstilling</h3><p>Lamperne skiftes.</p>
  <h3>Beslutning</h3><p>Godkendt.</p>]]></tekst></punkt>
  <punkt nummer="2" titel="Cykelsti"><tekst><![CDATA[<h3>Beslutning</h3><p>Udsat.</p>]]></tekst></punkt>
</moede>"""
    m = parse_bytes(doc.encode(), str(tmp_path / "moede.xml")).meeting
    assert m.time == "09:30" and m.absentees == ["Ole Hansen (A)"]
    assert [it.decisions[0].text for it in m.items] == ["Godkendt.", "Udsat."]
    assert [(s.heading, s.text) for s in m.items[0].sections] == [("Sagsfremstilling", "Lamperne skiftes.")]


def test_html_meta_and_header_facts_skive() -> None:
    result = read_path(PORTALS3 / "skive_kultur-og-fritidsudvalget_2024-04-16.html")
    m = result.meeting
    assert result.reader == "generic-html"
    assert (m.municipality, m.committee, m.date, m.time, m.status) == (
        "Skive", "Kultur- og Fritidsudvalget", date(2024, 4, 16), "16:30", "minutes")
    assert m.location == "Mødelokale C, Rådhuset, Torvegade 10, 7800 Skive"
    assert m.absentees == ["Anders Bach (A)"]
    assert m.participants == ["Else Mortensen (V)", "Anders Bach (A)", "Jens Kruse (DF)", "Maja Thorup (SF)",
                              "Ib Nørgaard (V)"]
    assert len(m.items) == 5 and all(it.decisions for it in m.items)


def test_html_meta_facts_variant(tmp_path: Path) -> None:
    page = """<!DOCTYPE html><html><head><title>Referat</title>
<meta name="moede:udvalg" content="Teknisk Udvalg"><meta name="moede:dato" content="2024-03-05">
<meta name="moede:start" content="17:15"><meta name="moede:sted" content="Byrådssalen"></head><body>
<main><header><h1>Referat</h1></header>
<section id="punkt-1" class="agenda-point"><div class="point-head"><span class="nr">1</span><h3>Vejbelysning</h3></div>
<div class="afsnit"><h4>Sagsfremstilling</h4><p>Lamperne skiftes.</p></div>
<div class="beslutning"><span class="label">Beslutning</span><p>Godkendt.</p></div></section>
<section id="punkt-2" class="agenda-point"><div class="point-head"><span class="nr">2</span><h3>Cykelsti</h3></div>
<div class="beslutning"><span class="label">Beslutning</span><p>Udsat.</p></div></section></main>
</body></html>"""
    m = parse_bytes(page.encode(), str(tmp_path / "side.html")).meeting
    assert (m.committee, m.date, m.time, m.location) == ("Teknisk Udvalg", date(2024, 3, 5), "17:15", "Byrådssalen")
    assert [it.title for it in m.items] == ["Vejbelysning", "Cykelsti"]
