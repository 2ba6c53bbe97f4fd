"""The generic XML reader on attribute-only exports (an ESDH "Sag og Dokument" layout): meeting facts as
attributes with compact dates ("20240416") and clocks ("1300"), a person's status attribute, an access attribute,
a case body as base64 of HTML and a decision as escaped HTML. The portals5 Aabenraa file and a small invented
variant with other element names.
"""

from __future__ import annotations

import base64
import textwrap
from datetime import date
from pathlib import Path

from ingest.parse import parse_bytes, read_path
from ingest.readers.xmlutil import attendance, unbase64, when_compact

AABENRAA = (Path(__file__).resolve().parent.parent / "sample_data" / "portals5"
            / "aabenraa_plan-og-teknikudvalget_2024-04-16.xml")


def test_aabenraa_attribute_export() -> None:
    result = read_path(AABENRAA)
    m = result.meeting
    assert result.reader == "generic-xml"
    assert (m.municipality, m.committee, m.date, m.time, m.status) == (
        "Aabenraa", "Plan- og Teknikudvalget", date(2024, 4, 16), "13:00", "minutes")
    assert m.location == "Mødelokale 1, Aabenraa Rådhus, Skelbækvej 2, 6200 Aabenraa"
    assert m.absentees == ["Helle Møller (C)"]
    assert m.participants == ["Arne Thygesen (V)", "Pia Lorenzen (A)", "Bo Asmussen (S)", "Helle Møller (C)",
                              "Kim Frost (O)"]
    assert [(it.number, it.title, it.case_number, it.closed) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "24/5001", False),
        ("2", "Forslag til lokalplan 1.142 for boliger ved Vestergade i Rødekro", "23/14433", False),
        ("3", "Renovering af Mølleåbroen ved Felsted", "24/1877", False),
        ("4", "Takster for snerydning på private fællesveje", "24/2210", False),
        ("5", "Lukket punkt: Ekspropriation til cykelsti", None, True),
        ("6", "Orientering fra formanden og administrationen", "24/5002", False),
    ]
    firsts = [it.decisions[0].text.split("\n")[0] if it.decisions else None for it in m.items]
    assert firsts == ["Godkendt.", "Godkendt til udsendelse i offentlig høring i 8 uger.",
                      "Anbefales over for Økonomiudvalget og Byrådet.", "Godkendt.", None, "Taget til efterretning."]
    assert all("<" not in d.text for it in m.items for d in it.decisions)  # the escaped HTML is read as HTML
    assert all((d.body, d.date) == ("Plan- og Teknikudvalget", date(2024, 4, 16))
               for it in m.items for d in it.decisions)
    four = m.items[3]
    assert "Imod stemte: A." in four.decisions[0].text
    # the base64 bodies are decoded and split on their <h3> headings
    assert [s.heading for s in m.items[0].sections] == []
    assert [s.heading for s in m.items[2].sections] == ["Sagsfremstilling", "Økonomi", "Indstilling"]
    assert "Mølleåbroen på Kirkevej i Felsted" in m.items[2].sections[0].text
    assert not any("PGgz" in s.text for it in m.items for s in it.sections)
    assert m.items[4].sections == [] and m.items[4].decisions == []


def _b64(html: str) -> str:
    """Base64 of UTF-8 HTML, wrapped at 76 characters and indented, as ESDH exports write it."""
    encoded = base64.b64encode(html.encode("utf-8")).decode("ascii")
    return "\n" + "\n".join("        " + line for line in textwrap.wrap(encoded, 76)) + "\n      "


VARIANT = f"""<?xml version="1.0" encoding="UTF-8"?>
<Export xmlns="urn:example:politics:2">
  <Kommune Navn="Vejle Kommune" Nummer="630"/>
  <Meeting Committee="Teknisk Udvalg" DocumentType="Minutes" MeetingDate="20230912" StartTime="0930"
           Room="Byrådssalen" Address="Skolegade 1, 7100 Vejle"/>
  <Attendees>
    <Attendee Name="Anna Holm" Party="A" Attendance="Present"/>
    <Attendee Name="Bo Lind" Party="V" Attendance="Absent"/>
    <Attendee Name="Carl Due" Party="F" Attendance="Present"/>
  </Attendees>
  <Items>
    <Item No="1" Title="Asfaltering af Skovvej" CaseRef="23/100" Access="Open">
      <Content Encoding="base64">{_b64("<h3>Sagsfremstilling</h3><p>Skovvej er nedslidt og skal have "
                                          "ny asfalt på 1,2 km.</p><h3>Indstilling</h3><p>Forvaltningen "
                                          "indstiller, at arbejdet sættes i gang.</p>")}</Content>
      <Decision Committee="Teknisk Udvalg" Date="20230912">&lt;p&gt;Godkendt.&lt;/p&gt;</Decision>
    </Item>
    <Item No="2" Title="Trafiksikkerhedsplan 2024" CaseRef="23/200" Access="Open">
      <Content Encoding="base64">{_b64("<p>Planen udpeger ti strækninger med mange uheld.</p>")}</Content>
      <Decision Committee="Teknisk Udvalg" Date="20230912">&lt;p&gt;Anbefales.&lt;/p&gt;</Decision>
    </Item>
    <Item No="3" Title="Grundkøb ved havnen" CaseRef="23/300" Access="Lukket"/>
  </Items>
</Export>
"""


def test_invented_attribute_variant() -> None:
    result = parse_bytes(VARIANT.encode("utf-8"), "variant.xml")
    m = result.meeting
    assert result.reader == "generic-xml"
    assert (m.municipality, m.committee, m.date, m.time, m.status) == (
        "Vejle", "Teknisk Udvalg", date(2023, 9, 12), "09:30", "minutes")
    assert m.location == "Byrådssalen, Skolegade 1, 7100 Vejle"
    assert m.participants == ["Anna Holm (A)", "Bo Lind (V)", "Carl Due (F)"]
    assert m.absentees == ["Bo Lind (V)"]
    assert [(it.number, it.title, it.case_number, it.closed) for it in m.items] == [
        ("1", "Asfaltering af Skovvej", "23/100", False),
        ("2", "Trafiksikkerhedsplan 2024", "23/200", False),
        ("3", "Grundkøb ved havnen", "23/300", True),  # closed by its access attribute alone
    ]
    one, two = m.items[0], m.items[1]
    assert [s.heading for s in one.sections] == ["Sagsfremstilling", "Indstilling"]
    assert "ny asfalt på 1,2 km" in one.sections[0].text
    assert [d.text for d in one.decisions] == ["Godkendt."] and one.decisions[0].date == date(2023, 9, 12)
    assert len(two.sections) == 1 and "ti strækninger" in two.sections[0].text  # a body without headings
    assert [d.text for d in two.decisions] == ["Anbefales."]


def test_base64_is_decoded_only_when_it_is_text() -> None:
    html = "<p>Sagen blev udsat til næste møde.</p>"
    assert unbase64(base64.b64encode(html.encode()).decode()) == html
    assert unbase64(base64.b64encode("Sagen blev udsat til et senere møde".encode()).decode()) is not None  # words
    assert unbase64(base64.b64encode(bytes(range(256))).decode()) is None  # binary
    assert unbase64(base64.b64encode(b"\x01\x02 kontrol tegn her").decode()) is None  # control characters
    assert unbase64("SGVq") is None  # too short to be a body
    assert unbase64("Godkendt uden bemaerkninger") is None  # plain words stay words
    assert unbase64("Sagenbleudsattilnaestemoede") is None  # letters only, but not base64 of text
    assert unbase64("A" * (5 * 1024 * 1024)) is None  # beyond the size bound


def test_compact_dates_clocks_and_statuses() -> None:
    assert when_compact("20240416") == (date(2024, 4, 16), None)
    assert when_compact("20240416T1300") == (date(2024, 4, 16), "13:00")
    assert when_compact("20241332") == (None, None)
    assert when_compact("16-04-2024 13:00") == (date(2024, 4, 16), "13:00")
    assert (attendance("Til stede"), attendance("Fraværende"), attendance("Medlem")) == (True, False, None)
