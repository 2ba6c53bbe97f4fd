"""The XML readers (eDoc, eDoc HTML, SBSYS, SBSYS-Aarhus, Acadre, generic): golden files for the real
exports in sample_data/minutes, the facts of the table in docs/minutes-sources.md, and our own fixtures.

Regenerate the golden files after a deliberate change: ``python -m tests.test_reader_xml`` (review the diff).
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from ingest.readers import ReadResult, read_source
from ingest.readers.acadre_xml import READER as ACADRE
from ingest.readers.base import Source
from ingest.readers.edoc_html import READER as EDOC_HTML
from ingest.readers.edoc_xml import READER as EDOC
from ingest.readers.generic_xml import READER as GENERIC
from ingest.readers.sbsys_aarhus_xml import READER as AARHUS
from ingest.readers.sbsys_xml import READER as SBSYS
from ingest.readers.xmlutil import absent_by_flag, dated_entries, placeholder, timestamp, when
from tests.helpers import PORTALS, invented

ROOT = Path(__file__).resolve().parent.parent
MINUTES = ROOT / "sample_data" / "minutes"
FIXTURES = Path(__file__).parent / "fixtures" / "readers" / "xml"
GOLDEN = Path(__file__).parent / "golden" / "readers"

EDOC_A = "middelfart_hennys-testudvalg_2017-05-02_a.xml"
EDOC_B = "middelfart_hennys-testudvalg_2017-05-02_b.xml"
EDOC_B_HTML = "middelfart_hennys-testudvalg_2017-05-02_b.html"
BALLERUP = "ballerup_kmb-it-udvalget_2013-05-15.xml"
REGIONH = "regionh_forretningsudvalget_2012-09-25.xml"
AARHUS_XML = "aarhus_moedesystemgruppen_2016-10-06.xml"
REAL = [EDOC_A, EDOC_B, EDOC_B_HTML, BALLERUP, REGIONH, AARHUS_XML]


def read(path: Path, municipality: str | None = None) -> ReadResult:
    return read_source(Source(path.read_bytes(), str(path)), municipality)


def payload(result: ReadResult) -> dict[str, Any]:
    return {"reader": result.reader, "warnings": result.warnings,
            "meeting": json.loads(result.meeting.model_dump_json())}


@pytest.mark.parametrize("name", REAL)
def test_real_export_matches_golden(name: str) -> None:
    want = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
    assert payload(read(MINUTES / name)) == want


# file, reader, municipality, committee, date, time, items (printed numbers), closed numbers — the table in
# docs/minutes-sources.md
TABLE = [
    (EDOC_A, "edoc-xml", "Middelfart", "Hennys testudvalg", date(2017, 5, 2), "10:00", ["2", "3", "4", "5", "6"], []),
    (EDOC_B, "edoc-xml", "Middelfart", "Hennys testudvalg", date(2017, 5, 2), "10:00",
     ["1", "2", "3", "4", "5", "6"], ["5", "6"]),
    (EDOC_B_HTML, "edoc-html", "Middelfart", "Hennys testudvalg", date(2017, 5, 2), "10:00",
     ["1", "2", "3", "4", "5", "6"], ["5", "6"]),
    (BALLERUP, "sbsys-publication-xml", "Ballerup", "KMB IT-udvalget", date(2013, 5, 15), "16:30",
     ["1", "2", "3", "4", "5"], []),
    (REGIONH, "sbsys-publication-xml", "Region Hovedstaden", "FORRETNINGSUDVALGET", date(2012, 9, 25), "15:30",
     ["1", "2", "3", "4"], []),
    (AARHUS_XML, "sbsys-aarhus-xml", "Aarhus", "Mødesystemgruppen", date(2016, 10, 6), "13:00",
     ["1", "1.1", "1.2", "1.3", "1.4", "2", "2.1", "2.2", "2.3", "3", "0", "0"], ["0"]),
]


@pytest.mark.parametrize(("name", "reader", "town", "committee", "day", "clock", "numbers", "closed"), TABLE,
                         ids=[row[0] for row in TABLE])
def test_table_facts(name: str, reader: str, town: str, committee: str, day: date, clock: str,
                     numbers: list[str], closed: list[str]) -> None:
    result = read(MINUTES / name)
    m = result.meeting
    assert (result.reader, m.municipality, m.committee, m.date, m.time) == (reader, town, committee, day, clock)
    assert [it.number for it in m.items] == numbers
    assert sorted({it.number for it in m.items if it.closed}) == closed  # type: ignore[type-var]  # closed items always print a number here


def test_municipality_evidence_middelfart_only_from_path_ballerup_from_content() -> None:
    assert read(MINUTES / EDOC_B).meeting.municipality_evidence[0].startswith("file path:")
    assert not read(MINUTES / BALLERUP).meeting.municipality_evidence[0].startswith("file path:")


def test_edoc_serial_number_participants_and_placeholder_decision() -> None:
    m = read(MINUTES / EDOC_B).meeting
    assert m.location == "Mødelokale 1, Midtpunkt" and m.status == "agenda"
    assert "Allan Buch (A), formand" in m.participants
    assert m.absentees == ["Niels Bebe (V)"]  # Participate false
    assert all(not it.decisions for it in m.items)  # "Beslutning ikke frigivet" is no decision
    four = m.items[3]
    assert (four.number, four.case_number) == ("4", "2013-000038")
    assert "Brenderup Børnehave" in four.text
    assert m.items[0].attachments[0] == "TrekantBrand Nyhedsbrev nr. 1-2017.msg"
    assert m.published is None  # only the folder path states the publication time
    earlier = read(MINUTES / EDOC_A).meeting
    assert earlier.id == m.id and [it.title for it in earlier.items][2] == "Fejloprettet"


def test_edoc_html_is_the_same_meeting_as_its_xml() -> None:
    xml, html = read(MINUTES / EDOC_B).meeting, read(MINUTES / EDOC_B_HTML).meeting
    assert html.id == xml.id
    assert (html.location, html.status) == (xml.location, xml.status)
    # the XML also carries each item's public title ("Fejloprettet" is published as "Udvalgets indsatser
    # 2010-2013"), which the HTML rendering does not print; everything else is the same
    public = re.compile(r"\n\nOffentlig titel\n[^\n]*")
    assert [(it.number, it.title, it.case_number, it.closed, it.attachments, it.text) for it in html.items] == \
        [(it.number, it.title, it.case_number, it.closed, it.attachments, public.sub("", it.text)) for it in xml.items]
    assert "Offentlig titel\nUdvalgets indsatser 2010-2013" in xml.items[2].text


def test_sbsys_ballerup_agenda_without_decisions() -> None:
    m = read(MINUTES / BALLERUP).meeting
    assert m.location == "Mødecenter A, Lokale 3 på Ballerup Rådhus"
    assert (m.status, m.extraordinary, m.published) == ("agenda", False, "2013-05-07T11:16:47")
    assert "Doris Børger (A)" in m.participants and not m.absentees
    three = m.items[2]
    assert not three.decisions and three.section("Indstilling") is not None
    assert any(s.heading == "Beslutningen træffes af" for s in three.sections)  # a section, not a decision
    assert "74 kommuner" in three.text and three.attachments == ["Brev fra KL til Kommunalbestyrelsen vedr Monopolbrud"]


def test_sbsys_region_h_region_extraordinary_and_earlier_decision() -> None:
    m = read(MINUTES / REGIONH).meeting
    assert m.municipality_evidence == ["source field: Region Hovedstaden"]
    assert (m.location, m.extraordinary, m.status) == ("H2", True, "agenda")
    first = m.items[0]
    assert [(d.date, d.outcome) for d in first.decisions] == [(date(2012, 9, 18), "postponed")]
    assert "25. september 2012" not in first.decisions[0].text  # the empty entry for this meeting is no decision
    assert not m.items[2].decisions  # "Tomt indhold"
    assert "100 mio. kr." in m.items[1].text and "Hans Toft" in m.items[3].title


def test_sbsys_aarhus_sub_items_and_flags() -> None:
    m = read(MINUTES / AARHUS_XML).meeting
    two = m.items[5]
    assert two.title == "GetOrganized"
    assert two.section("Underpunkter").text.splitlines() == [  # type: ignore[union-attr]  # the reader must have produced this section; None fails the test
        "2.1 Status siden sidst", "2.2 Plan for resten af året", "2.3 Status over udviklingsønsker"]
    assert [it.title for it in m.items if it.number == "0"] == ["Lukket referat", "Åbent referat"]
    assert m.items[-1].attachments == ["Referat - Åbent"]
    assert len(m.participants) == 11 and m.absentees == []  # Participate 0 for everyone states nothing
    assert (m.location, m.published, m.status) == ("Rådhuset lokale 233", "2017-10-12T11:54:45+02:00", "minutes")


def test_edoc_minutes_variant_decisions_closed_and_absences() -> None:
    m = read(invented(FIXTURES, "edoc_referat_variant.xml"), "Vejle").meeting
    assert (m.status, m.extraordinary, m.absentees) == ("minutes", True, ["Per Holm (V)"])
    assert [(it.number, it.closed) for it in m.items] == [("11", False), ("12", True)]  # ordered by SortOrder
    eleven = m.items[0]
    assert [(d.body, d.date, d.text) for d in eleven.decisions] == [
        ("Teknisk Udvalg", date(2019, 11, 14), "Godkendt."),  # IsDecision and the "This" handling: one decision
        ("Økonomiudvalget", date(2019, 11, 4), "Oversendes til Teknisk Udvalg.")]
    assert "310 km" in eleven.text and m.items[1].absentees == ["Per Holm (V)"]


def test_sbsys_decision_fields_bodies_and_attendance() -> None:
    m = read(invented(FIXTURES, "sbsys_final_with_decisions.xml")).meeting
    assert (m.municipality, m.status, m.absentees) == ("Lolland", "minutes", ["Jens Ø (V)"])
    one = m.items[0]
    assert [s.name for s in one.sections] == ["Sagsfremstilling", "Indstilling"]  # in field Index order
    assert [(d.body, d.outcome) for d in one.decisions] == [("Økonomiudvalget", "approved")]  # "Tomt indhold": none
    assert one.decisions[0].votes[0].count == 4


def test_agman_publication_numbers_codes_and_history() -> None:
    """The AgMan/eDagsorden variant (our fixture, from the OS2web importer's description): the number is the
    Item's @Nummer, When is in Danish words, status codes 2/3 are cancellations, ItemHistory holds an
    earlier committee's decision, and an empty field (HasContent False) is no section."""
    r = read(FIXTURES / "agman_publication.xml")
    m = r.meeting
    assert r.reader == SBSYS.name
    assert (m.municipality, m.date, m.time, m.status) == ("Thisted", date(2024, 8, 27), "16:00", "minutes")
    assert m.absentees == ["Bo Kjær (V)", "Carl Juul (F)"]  # "Dorte Lind" took part from item 2 (code 4)
    assert [it.number for it in m.items] == ["1", "2"]
    two = m.items[1]
    assert [s.name for s in two.sections] == ["Sagsfremstilling", "Indstilling"]
    assert [(d.body, d.date, d.outcome) for d in two.decisions] == [
        ("Teknik- og Miljøudvalget", date(2024, 8, 27), "approved"), ("Økonomiudvalget", date(2024, 6, 12), "other")]


def test_acadre_index_reads_what_it_states_and_warns_about_the_body_file() -> None:
    result = read(invented(FIXTURES, "acadre_index_XML_1863.xml"), "Vejen")
    m = result.meeting
    assert result.reader == "acadre-xml"
    assert (m.committee, m.date, m.time, m.location) == ("Teknik- og Miljøudvalget", date(2021, 3, 9), "16:00",
                                                         "Mødelokale 2, Rådhuset")
    assert len(m.items) == 1 and "Files_1863_77012/77012.xml" in m.items[0].text
    assert any("Files_1863_77012/77012.xml" in w for w in result.warnings)
    assert (m.status, m.published) == ("agenda", "2021-03-02T09:15:00")


def test_acadre_agenda_file_items() -> None:
    result = read(invented(FIXTURES, "acadre_agenda_77012.xml"), "Vejen")
    m = result.meeting
    assert result.warnings == [] and m.status == "minutes"
    assert [(it.number, it.title, it.closed) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", False), ("2", "Trafiksikkerhedsplan 2021-2024", False),
        ("3", "Salg af areal", True)]
    two = m.items[1]
    assert two.case_number == "21/1234" and two.attachments == ["Trafiksikkerhedsplan udkast"]
    assert two.decisions[0].outcome == "approved" and two.absentees == ["Ole Madsen (V)"]
    assert "14 skoleveje" in two.section("Resumé").text  # type: ignore[union-attr]  # the reader must have produced this section; None fails the test


def test_generic_english_schema() -> None:
    result = read(invented(FIXTURES, "generic_english_minutes.xml"), "Vejle")
    m = result.meeting
    assert result.reader == "generic-xml" and "generic-xml" in result.warnings[0]
    assert (m.committee, m.date, m.time, m.location, m.status) == (
        "Planning and Environment Committee", date(2024, 3, 12), "17:00", "Town Hall, Room 2", "minutes")
    assert m.absentees == ["Bo Jensen (V)"] and len(m.participants) == 3
    assert [it.number for it in m.items] == ["1", "2", "3"] and m.items[2].closed
    two = m.items[1]
    assert two.case_number == "24/0456" and two.attachments == ["Draft local plan", "Traffic study"]
    assert "350 homes" in two.text and two.decisions[0].text.startswith("Approved")


def test_generic_danish_schema_with_nested_sections() -> None:
    m = read(invented(FIXTURES, "generic_dansk_referat.xml"), "Holbæk").meeting
    assert (m.committee, m.date, m.time, m.location, m.extraordinary) == (
        "Børne- og Skoleudvalget", date(2024, 3, 12), "16:00", "Byrådssalen, Rådhuset", True)
    four = m.items[0]
    assert (four.number, four.title, four.case_number) == ("4", "Skoledistrikter 2025", "24/1234")
    assert [s.name for s in four.sections] == ["Sagsfremstilling", "Indstilling"]
    assert four.decisions[0].outcome == "approved" and m.absentees == ["Mette Lund (C)"]
    assert m.items[1].closed


def test_generic_attribute_schema() -> None:
    m = read(invented(FIXTURES, "generic_attributes.xml"), "Skive").meeting
    assert (m.committee, m.date, m.time, m.location, m.status) == (
        "Økonomiudvalget", date(2023, 6, 1), "15:00", "Mødelokale 1", "agenda")
    assert [(it.number, it.closed) for it in m.items] == [("1", False), ("2", True)]
    assert "4,2 mio. kr." in m.items[0].text


# file -> (municipality, committee, date, time, participants, absentees), [(number, title, section names,
# (decision body, date, text))] — typed parts (<afsnit type="Sagsfremstilling">) and "fremmoedt" flags
TYPED = {
    "frederikssund_byraadet_2024-01-31.xml": (
        ("Frederikssund", "Byrådet", date(2024, 1, 31), "18:00",
         ["Tina Tving Stauning (A)", "John Schmidt Andersen (V)"], ["John Schmidt Andersen (V)"]),
        [("1", "Godkendelse af dagsorden", [], [("Byrådet", date(2024, 1, 31), "Godkendt.")]),
         ("2", "Lokalplan 143 for boliger ved Vinge Station", ["Sagsfremstilling", "Indstilling"],
          [("Byrådet", date(2024, 1, 31), "Vedtaget. Imod stemte: Ø (1).")]),
         ("3", "Ny svømmehal i Jægerspris", ["Sagsfremstilling", "Indstilling"],
          [("Byrådet", date(2024, 1, 31), "Sagen blev sendt tilbage til Økonomiudvalget.")]),
         ("4", "Valg af nyt medlem til Folkeoplysningsudvalget", ["Sagsfremstilling", "Indstilling"],
          [("Byrådet", date(2024, 1, 31), "Line Kristensen (C) blev valgt.")])]),
    "silkeborg_klima-og-miljoeudvalget_2024-03-05.xml": (
        ("Silkeborg", "Klima- og Miljøudvalget", date(2024, 3, 5), "16:30",
         ["Anne Bak (A)", "Jens Lund (V)", "Mia Sø (Ø)"], ["Jens Lund (V)"]),
        [("1", "Godkendelse af dagsorden", [], [("Klima- og Miljøudvalget", date(2024, 3, 5), "Godkendt.")]),
         ("2", "Klimahandleplan 2030", ["Sagsfremstilling", "Indstilling"],
          [("Økonomiudvalget", date(2024, 2, 26), "Oversendt til Klima- og Miljøudvalget."),
           ("Klima- og Miljøudvalget", date(2024, 3, 5), "Anbefales over for Byrådet.")]),
         ("3", "Status på vandløbsprojekter", ["Resumé"],
          [("Klima- og Miljøudvalget", date(2024, 3, 5), "Taget til efterretning.")])]),
}


@pytest.mark.parametrize("name", sorted(TYPED))
def test_generic_typed_parts_and_attendance_flags(name: str) -> None:
    (town, committee, day, clock, participants, absentees), items = TYPED[name]
    result = read(invented(FIXTURES, name))
    m = result.meeting
    assert result.reader == "generic-xml" and m.status == "minutes"
    assert (m.municipality, m.committee, m.date, m.time) == (town, committee, day, clock)
    assert (m.participants, m.absentees) == (participants, absentees)
    assert [(it.number, it.title, [s.name for s in it.sections], [(d.body, d.date, d.text) for d in it.decisions])
            for it in m.items] == items


def test_generic_typed_short_part_is_kept() -> None:
    """A typed part is a section however short (an untyped field needs 60 characters to count as text)."""
    m = read(invented(FIXTURES, "frederikssund_byraadet_2024-01-31.xml")).meeting
    assert "Morten Skov (C) er udtrådt" in m.items[3].section("Sagsfremstilling").text  # type: ignore[union-attr]  # the reader must have produced this section; None fails the test


@pytest.mark.parametrize(("name", "committee", "numbers"), [
    (EDOC_B, "Hennys testudvalg", ["1", "2", "3", "4", "5", "6"]),
    (BALLERUP, "KMB IT-udvalget", ["1", "2", "3", "4", "5"]),
    (REGIONH, "FORRETNINGSUDVALGET", ["1", "2", "3", "4"]),
    (AARHUS_XML, "Mødesystemgruppen", ["1", "1.1", "1.2", "1.3", "1.4", "2", "2.1", "2.2", "2.3", "3", "0", "0"]),
])
def test_generic_reader_alone_finds_the_items_of_the_known_formats(name: str, committee: str,
                                                                     numbers: list[str]) -> None:
    """The names it knows are learnt from these formats: without their readers it still finds the items."""
    src = Source((MINUTES / name).read_bytes(), name)
    assert GENERIC.sniff(src)
    draft = GENERIC.read(src)
    assert (draft.committee, [it.number for it in draft.items]) == (committee, numbers)
    assert all(it.title for it in draft.items)


@pytest.mark.parametrize("name", ["generic_no_items.xml", "generic_no_date.xml"])
def test_generic_declines_without_items_or_date(name: str) -> None:
    path = invented(FIXTURES, name)
    assert not GENERIC.sniff(Source(path.read_bytes(), str(path)))


def test_each_xml_export_is_claimed_by_its_own_reader_only() -> None:
    specific: dict[Any, list[str]] = {EDOC: [EDOC_A, EDOC_B], SBSYS: [BALLERUP, REGIONH], AARHUS: [AARHUS_XML],
                ACADRE: [], EDOC_HTML: [EDOC_B_HTML]}
    for reader, mine in specific.items():
        for path in sorted(MINUTES.iterdir()):  # the other formats (JSON, FirstAgenda HTML, PDF text) too
            src = Source(path.read_bytes(), path.name)
            assert reader.sniff(src) == (path.name in mine), (reader.name, path.name)
    for fixture in [*FIXTURES.glob("generic_*.xml"), *PORTALS.glob("*.xml")]:
        src = Source(fixture.read_bytes(), fixture.name)
        assert not any(r.sniff(src) for r in specific)


def test_external_entities_are_not_resolved(tmp_path: Path) -> None:
    path = tmp_path / "xxe.xml"
    path.write_text('<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                    "<m><date>2024-01-02</date><item><number>1</number><title>A &x;</title>"
                    "<text>Tekst om noget.</text></item><item><number>2</number><title>B</title>"
                    "<text>Mere tekst.</text></item></m>", encoding="utf-8")
    m = read(path, "Greve").meeting
    assert "root:" not in json.dumps(m.model_dump(mode="json"))
    assert [it.number for it in m.items] == ["1", "2"]  # an unresolved entity does not cost the item


def test_xml_value_helpers() -> None:
    assert when("02-05-2017 10:00") == (date(2017, 5, 2), "10:00")
    assert when("15-05-2013 16:30:00") == (date(2013, 5, 15), "16:30")
    assert when("2021-03-09T00:00:00") == (date(2021, 3, 9), None)
    assert when("12. marts 2024 kl. 16.00") == (date(2024, 3, 12), "16:00")
    # a bare clock after a date in words (AgMan/eDagsorden "When"), "kl." after a numeric date, seconds
    assert when("27. august 2018 16:00") == (date(2018, 8, 27), "16:00")
    assert when("27.08.2018 kl. 16.00") == (date(2018, 8, 27), "16:00")
    assert when("27. august 2018 16:00:00") == (date(2018, 8, 27), "16:00")
    assert when("27. august 2018 00:00:00") == (date(2018, 8, 27), None)
    assert timestamp("07-05-2013 11:16:47") == "2013-05-07T11:16:47"
    assert timestamp("2017-10-12T11:54:45.4878045+02:00") == "2017-10-12T11:54:45+02:00"
    assert timestamp("02-05-2017") is None
    assert placeholder("Beslutning ikke frigivet") and placeholder(" Tomt indhold ") and placeholder("")
    assert not placeholder("Godkendt.")
    assert dated_entries("18. september 2012: Udsat.\n25. september 2012:") == [
        (date(2012, 9, 18), "Udsat."), (date(2012, 9, 25), "")]
    assert dated_entries("Godkendt den 3. maj 2012.") == [(None, "Godkendt den 3. maj 2012.")]
    assert absent_by_flag([("A", True), ("B", False)]) == ["B"]
    assert absent_by_flag([("A", False), ("B", False)]) == []


def regen() -> None:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for name in REAL:
        out = GOLDEN / f"{name}.json"
        out.write_text(json.dumps(payload(read(MINUTES / name)), ensure_ascii=False, indent=2) + "\n",
                       encoding="utf-8")
        print("wrote", out.relative_to(ROOT))


if __name__ == "__main__":
    regen()
