"""Acadre XML whose records are attribute-style ``<field>`` elements: one ``<field …/>`` per record in a table's
``<fields>`` (participants, items) and the item texts in nested tables whose fields are the sections. The Stevns
sample in sample_data/portals25 (``bulletPoint``/``bulletPointText``), then an invented file of the same shape with
other table and field names, so the items are found by what the records hold, not by the tables' names."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ingest.parse import parse_bytes, read_path
from ingest.readers.acadre_records import holder_records, records
from ingest.readers.acadre_xml import READER as ACADRE
from ingest.readers.base import Source

STEVNS = (Path(__file__).resolve().parent.parent / "sample_data" / "portals25"
          / "stevns_kultur-og-fritidsudvalget_2024-02-06.xml")

TITLES = [
    "Godkendelse af dagsorden",
    "Meddelelser",
    "Fordeling af Kultur- og Fritidspuljen 2024, 1. runde",
    "Driftsaftale med Store Heddinge Kulturhus 2024-2027",
    "Spareforslag: Lukning af Strøby Egede Bibliotek",
    "Forslag fra Dansk Folkeparti om gratis haltid til seniorforeninger",
    "Kunstgræsbane ved Hårlev Idrætscenter",
    "Lukket: Forpagtning af cafeteriet i Hårlev Idrætscenter",
]


def flat(text: str) -> str:
    return " ".join(text.split())


def test_stevns_meeting_facts() -> None:
    result = read_path(STEVNS)
    m = result.meeting
    assert result.reader == "acadre-xml" and not result.warnings  # no "text is in the referenced file" warning
    assert (m.municipality, m.committee, m.date, m.time, m.status) == (
        "Stevns", "Kultur- og Fritidsudvalget", date(2024, 2, 6), "16:00", "minutes")
    assert m.location == "Mødelokale 3, Rådhuset, Store Heddinge"
    # one <field name role status/> per person in one participant table: all six read, not only the first
    assert m.participants[:6] == ["Michael Vinther (A)", "Lene Kofoed (V)", "Stig Rasmussen (C)", "Pernille Bak (F)",
                                  "Torben Iversen (O)", "Susanne Holm (F)"]
    assert m.absentees[0] == "Pernille Bak (F)"  # the one status="Afbud"


def test_stevns_reader_people() -> None:
    draft = ACADRE.read(Source(STEVNS.read_bytes(), str(STEVNS)))
    assert draft.absentees == ["Pernille Bak (F)"]
    assert len(draft.participants) == 6 and "Susanne Holm (F)" not in draft.absentees  # stedfortræder, present


def test_stevns_items() -> None:
    m = read_path(STEVNS).meeting
    assert [it.number for it in m.items] == [str(n) for n in range(1, 9)]
    assert [it.title for it in m.items] == TITLES
    assert [it.case_number for it in m.items][:3] == ["24/118", "24/119", "24/205"]
    assert [it.closed for it in m.items] == [False] * 7 + [True]  # access="Lukket"
    three = m.items[2]
    assert [s.heading for s in three.sections] == ["Sagsfremstilling", "Økonomi", "Indstilling"]
    assert "Hårlev Musikforening" in three.text and "180.000 kr." in three.text
    assert all(len(it.decisions) == 1 for it in m.items)  # every decision heading read, not only the first field
    dec = three.decisions[0]
    assert (dec.body, dec.date) == ("Kultur- og Fritidsudvalget", date(2024, 2, 6))
    assert flat(dec.text).startswith("Godkendt. Afbud: Pernille Bak (F).")
    assert flat(m.items[4].decisions[0].text).startswith("Indstillingen blev ikke godkendt.")
    assert flat(m.items[6].decisions[0].text).startswith("Udsat til mødet den 5. marts 2024")
    assert not m.items[7].sections and flat(m.items[7].decisions[0].text).startswith("Godkendt.")


INVENTED = """<?xml version="1.0" encoding="utf-8"?><root>
<table name="committee"><fields><field sysid="7" name="Teknisk Udvalg"/></fields></table>
<table name="meeting"><fields><field sysid="9" name="Teknisk Udvalg" date="2025-03-04T17:00:00"
 location="Byrådssalen"/></fields>
 <table name="deltager"><fields><field navn="Ida Holm (V)" status="Deltager"/>
 <field navn="Bo Berg (A)" status="Fraværende"/></fields></table></table>
<table name="agenda"><fields><field sysid="3" name="Dagsorden"/></fields></table>
<table name="punkt"><fields><field nr="2" titel="Vejplan 2025" sagsnr="25/7" adgang="Åben"/></fields>
 <table name="afsnit"><fields>
  <field overskrift="Sagsfremstilling" tekst="&lt;p&gt;Planen omfatter 12 km cykelsti.&lt;/p&gt;"/>
  <field overskrift="Indstilling" tekst="&lt;p&gt;At planen godkendes.&lt;/p&gt;"/>
 </fields></table>
 <table name="bilag"><fields><field name="Kort over cykelstier" filename="kort.pdf"/></fields></table></table>
<table name="punkt"><fields><field nr="1" titel="Godkendelse af dagsorden" adgang="Åben"/></fields>
 <table name="afsnit"><fields><field overskrift="Beslutning" tekst="&lt;p&gt;Godkendt.&lt;/p&gt;"/>
 </fields></table></table>
<table name="punkt"><fields><field nr="3" titel="Salg af grund" adgang="Lukket"/></fields></table>
</root>"""


def test_invented_attribute_records_with_other_names() -> None:
    result = parse_bytes(INVENTED.encode(), "punkter.xml")
    m = result.meeting
    assert result.reader == "acadre-xml" and not result.warnings
    assert (m.committee, m.date, m.time, m.location) == ("Teknisk Udvalg", date(2025, 3, 4), "17:00", "Byrådssalen")
    assert [(it.number, it.title, it.case_number, it.closed) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", None, False), ("2", "Vejplan 2025", "25/7", False),
        ("3", "Salg af grund", None, True)]
    two = m.items[1]
    assert [s.heading for s in two.sections] == ["Sagsfremstilling", "Indstilling"] and not two.decisions
    assert "12 km cykelsti" in two.text and two.attachments == ["Kort over cykelstier"]
    assert [flat(d.text) for d in m.items[0].decisions] == ["Godkendt."]
    assert m.participants == ["Ida Holm (V)", "Bo Berg (A)"] and m.absentees == ["Bo Berg (A)"]


def test_records_split_attribute_fields_but_not_text_fields() -> None:
    from lxml import etree

    several = etree.fromstring('<table><fields><field a="1" b="x"/><field a="2" b="y"/></fields></table>')
    assert records(several) == [{"a": "1", "b": "x"}, {"a": "2", "b": "y"}]
    texts = etree.fromstring('<fields><field name="number">1</field><field name="caseno"/>'
                             '<field name="bullet" type="html"/></fields>')
    assert [r["number"] for r in holder_records(texts)] == ["1"]  # empty text fields: still one record
