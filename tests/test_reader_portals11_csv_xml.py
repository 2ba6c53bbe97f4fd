"""The CSV and XML files of sample_data/portals11 (invented minutes in third-party scraper shapes), read as
sample_data/portals11-expected.md says: a ';'-separated CSV with a BOM holding TWO meetings of one committee (each
read on its own: items, absence, time, venue, extraordinary flag), and a namespaced scraper XML of an agenda whose
items carry a 0-based ``seq`` beside the printed ``number`` and whose only absence is a member's status attribute.
Edited variants show each rule is read from the structure, not fitted to the files.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from core.model import Meeting
from ingest.parse import parse_bytes, read_path
from ingest.pipeline import FileOutcome, ingest_paths
from ingest.readers import csv_rows
from ingest.readers.base import Source, build_meeting

if TYPE_CHECKING:
    from assistant.container import Container

ROOT = Path(__file__).resolve().parent.parent
PORTALS11 = ROOT / "sample_data" / "portals11"
LAESOE = PORTALS11 / "laesoe_teknik-og-miljoeudvalget_2024-08-14.csv"
SYDDANMARK = PORTALS11 / "regionsyddanmark_udvalget-for-det-naere-sundhedsvaesen_2024-10-21.xml"
COMMITTEE = "Teknik- og Miljøudvalget"


def _flat(text: str) -> str:
    return " ".join(text.split())


def _meetings(data: bytes, name: str = "export.csv") -> list[Meeting]:
    """Every meeting the CSV reader reads in a table, each built as the pipeline builds a meeting."""
    src = Source(data, name)
    assert csv_rows.READER.sniff(src)
    return [build_meeting(draft, src) for draft in csv_rows.READER.read_all(src)]


def _csv() -> str:
    return LAESOE.read_bytes().decode("utf-8-sig")


def _csv_bytes(text: str) -> bytes:
    return ("\ufeff" + text).encode("utf-8")


# -- Læsø: one CSV, two meetings ---------------------------------------------------------------------------------


def test_laesoe_csv_holds_two_meetings_each_with_its_own_facts() -> None:
    first, extra = _meetings(LAESOE.read_bytes(), LAESOE.name)
    for m in (first, extra):
        assert (m.municipality, m.committee, m.status) == ("Læsø", COMMITTEE, "minutes")
        assert m.participants == [] and m.source == LAESOE.name
    assert first.id != extra.id
    assert (first.date, first.time, first.extraordinary) == (date(2024, 8, 14), "14:00", False)  # "14:00-16:10"
    assert first.location == "Mødelokale 1, Læsø Rådhus, Doktorvejen 2, 9940 Læsø"
    assert first.absentees == ["Kirsten Dahl (A)"]
    assert (extra.date, extra.time, extra.extraordinary) == (date(2024, 8, 29), "08:00", True)
    assert extra.location == "Afholdt som Teams-møde"
    assert extra.absentees == ["Ole Bach Kristensen (V)"]  # the fravaer column of its own rows


def test_laesoe_first_meeting_items() -> None:
    m = _meetings(LAESOE.read_bytes(), LAESOE.name)[0]
    assert [(it.number, it.case_number, it.closed) for it in m.items] == [
        ("1", "24/00981", False), ("2", "24/00712", False), ("3", "23/01255", False), ("4", "24/00846", False),
        ("5", None, True), ("6", "24/00982", False)]
    assert [it.title for it in m.items] == [
        "Godkendelse af dagsorden", "Regulativ for vintervedligeholdelse 2024-2025",
        "Spildevandsplan 2024-2030 - endelig vedtagelse",
        "Østerby Havn - renovering af bolværk og ansøgning om tilskud", "Lukket punkt: Køb af areal ved Vesterø Havn",
        "Orientering fra administrationen"]
    assert [_flat(it.decisions[0].text) for it in m.items if it.decisions] == [
        "Godkendt.", "Godkendt, idet Byrumvej fortsat prioriteres som klasse 1-vej.",
        "Anbefales over for Økonomiudvalget og Kommunalbestyrelsen. For stemte: V og L (3) Imod stemte: Ø (1) "
        "Ø ønsker, at sommerhusejerne kan betale tilslutningsbidraget over 10 år.",
        "Godkendt, at administrationen søger tilskud.", "Taget til orientering."]
    assert all(len(it.decisions) == 1 for k, it in enumerate(m.items) if k != 4)
    closed = m.items[4]
    assert not closed.decisions and not [s for s in closed.sections if s.name != "Kilde url"]
    assert {v.position: v.count for v in m.items[2].decisions[0].votes} == {"for": 3, "against": 1}
    assert {d.date for it in m.items for d in it.decisions} == {date(2024, 8, 14)}
    assert "42 km kommuneveje" in m.items[1].sections[0].text  # a quoted multi-line cell, blank lines kept


def test_laesoe_extraordinary_meeting_items() -> None:
    m = _meetings(LAESOE.read_bytes(), LAESOE.name)[1]
    assert [(it.number, it.case_number, it.closed) for it in m.items] == [
        ("1", "24/01044", False), ("2", "24/00846", False), ("3", "24/01012", False), ("4", "24/00995", False),
        ("5", None, False)]
    assert [it.title for it in m.items] == [
        "Godkendelse af dagsorden", "Østerby Havn - akut skade på bolværk",
        "Midlertidig lukning af Byrum Genbrugsplads",
        "Hastighedsbegrænsning ved Læsø Skole", "Eventuelt"]
    assert [_flat(it.decisions[0].text) for it in m.items] == [
        "Godkendt.",
        "Anbefales over for Økonomiudvalget, at der gives en tillægsbevilling på 0,65 mio. kr. finansieret af "
        "kassebeholdningen.",
        "Taget til efterretning.", "Godkendt.", "Intet."]
    harbour = m.items[1]
    assert len(harbour.decisions) == 1 and harbour.decisions[0].date == date(2024, 8, 29)
    # the case text quotes the 14 August decision (doubled quotes in the CSV): text, not a decision
    assert '"Godkendt, at administrationen søger tilskud."' in harbour.sections[0].text


def test_the_reader_alone_gives_the_first_meeting_and_names_the_other() -> None:
    src = Source(LAESOE.read_bytes(), str(LAESOE))
    draft = csv_rows.READER.read(src)
    assert (draft.date, len(draft.items)) == (date(2024, 8, 14), 6)
    assert draft.warnings == ["2 meetings in one CSV file; read the first (Teknik- og Miljøudvalget, 2024-08-14, "
                              "6 rows), skipped 1 (5 rows)"]
    assert [d.warnings for d in csv_rows.READER.read_all(src)] == [[], []]


def test_read_path_gives_both_meetings() -> None:
    result = read_path(LAESOE)
    assert [m.id for m in result.meetings] == ["laesoe_teknik-og-miljoeudvalget_2024-08-14",
                                               "laesoe_teknik-og-miljoeudvalget_2024-08-29"]
    assert result.meeting is result.meetings[0] and result.reader == "csv" and result.readers == ["csv", "csv"]
    assert result.warnings == ["2 meetings in one file (rows[0..1]), each read and stored on its own: "
                               "Teknik- og Miljøudvalget 2024-08-14 (minutes), Teknik- og Miljøudvalget 2024-08-29 "
                               "(minutes)"]
    assert result.meetings == _meetings(LAESOE.read_bytes(), str(LAESOE))


def test_ingest_stores_both_meetings_and_a_second_ingest_is_unchanged(container: Container) -> None:
    seen: list[FileOutcome] = []
    report = ingest_paths(container.indexer, [LAESOE], on_outcome=seen.append)
    assert not report.failed, report.failed
    (outcome,) = seen
    first, extra = "laesoe_teknik-og-miljoeudvalget_2024-08-14", "laesoe_teknik-og-miljoeudvalget_2024-08-29"
    assert outcome.status == "added" and outcome.items == 11
    assert [(m.meeting_id, m.status, m.items) for m in outcome.meetings] == [(first, "added", 6), (extra, "added", 5)]
    stored = {m["id"]: m for m in container.catalog.meetings()}
    assert set(stored) == {first, extra}
    assert (stored[first]["date"], stored[extra]["date"]) == ("2024-08-14", "2024-08-29")
    # case 24/00846 in both meetings: each meeting's own item, with its own date
    case = sorted((r.date, r.number) for r in container.catalog.item_rows(case_number="24/00846"))
    assert case == [("2024-08-14", "4"), ("2024-08-29", "2")]
    assert container.vectors.count() == container.catalog.counts()["chunks"]
    again: list[FileOutcome] = []
    ingest_paths(container.indexer, [LAESOE], on_outcome=again.append)
    assert [m.status for o in again for m in o.meetings] == ["unchanged", "unchanged"]


# -- CSV variants ------------------------------------------------------------------------------------------------


def test_rows_of_one_meeting_are_one_meeting() -> None:
    lines = _csv().split("\r\n")
    one = "\r\n".join(ln for ln in lines if ";4452;" not in ln)
    (m,) = _meetings(_csv_bytes(one))
    assert (m.date, len(m.items), m.extraordinary) == (date(2024, 8, 14), 6, False)


def test_meetings_are_told_apart_by_committee_too_and_kept_in_file_order() -> None:
    """Three meetings: the second meeting's rows split between two committees on one date."""
    text = _csv()
    text = re.sub(r"(Teknik- og Miljøudvalget)(;4452;29-08-2024;[^;]*;[^;]*;[^;]*;[45];)",
                  r"Erhvervsudvalget\2", text)
    first, extra, other = _meetings(_csv_bytes(text))
    assert [(m.committee, m.date, len(m.items)) for m in (first, extra, other)] == [
        (COMMITTEE, date(2024, 8, 14), 6), (COMMITTEE, date(2024, 8, 29), 3),
        ("Erhvervsudvalget", date(2024, 8, 29), 2)]
    assert [it.number for it in other.items] == ["4", "5"] and other.extraordinary


def test_a_time_column_named_as_a_date_gives_the_start() -> None:
    text = _csv().replace(";14:00-16:10;", ";kl. 13.30 - 15.00;").replace(";08:00-08:45;", ";29-08-2024 07:45;")
    first, extra = _meetings(_csv_bytes(text))
    assert (first.date, first.time) == (date(2024, 8, 14), "13:30")
    assert (extra.date, extra.time) == (date(2024, 8, 29), "07:45")


def test_the_document_type_says_extraordinary_and_agenda() -> None:
    text = _csv().replace("Referat - ekstraordinært møde", "Dagsorden - ekstraordinært møde")
    text = text.replace(";Referat;", ";Referat - ordinært møde;")
    first, extra = _meetings(_csv_bytes(text))
    assert (first.status, first.extraordinary) == ("minutes", False)
    assert (extra.status, extra.extraordinary) == ("agenda", True)  # decisions or not, the type says agenda


def test_a_status_column_saying_lukket_closes_the_item() -> None:
    text = _csv().replace(";Lukket punkt: Køb af areal ved Vesterø Havn;", ";Køb af areal ved Vesterø Havn;")
    m = _meetings(_csv_bytes(text))[0]
    assert m.items[4].title == "Køb af areal ved Vesterø Havn" and m.items[4].closed
    assert [it.closed for it in m.items] == [False, False, False, False, True, False]  # "Åben" opens nothing else
    text = text.replace(";Lukket;", ";Åben;")
    assert not any(it.closed for it in _meetings(_csv_bytes(text))[0].items)


def test_a_status_naming_the_document_closes_nothing() -> None:
    text = _csv().replace(";Åben;", ";Lukket dagsorden;").replace(";Lukket;", ";Lukket dagsorden;")
    text = text.replace(";Lukket punkt: Køb", ";Køb")
    m = _meetings(_csv_bytes(text))[0]
    assert not any(it.closed for it in m.items)
    assert m.status == "minutes"  # the dokumenttype column ("Referat") comes first


# -- Region Syddanmark: a namespaced scraper XML of an agenda ---------------------------------------------------


def test_region_syddanmark_agenda_facts() -> None:
    result = read_path(SYDDANMARK)
    m = result.meeting
    assert result.reader == "generic-xml" and len(result.meetings) == 1
    assert (m.municipality, m.committee, m.date, m.time) == (
        "Region Syddanmark", "Udvalget for Det Nære Sundhedsvæsen", date(2024, 10, 21), "15:00")
    assert m.location == "Mødelokale Lillebælt, Regionshuset, Damhaven 12, 7100 Vejle"
    assert (m.status, m.extraordinary) == ("agenda", False)
    assert m.absentees == ["Lise Brandt (V)"]  # only status="afbud" says so
    assert len(m.participants) == 9 and "Lise Brandt (V)" in m.participants


def test_region_syddanmark_items_take_the_printed_number_not_the_seq() -> None:
    m = read_path(SYDDANMARK).meeting
    assert [(it.number, it.case_number, it.closed) for it in m.items] == [
        ("1", "24/00052", False), ("2", "23/41870", False), ("3", "24/18233", False), ("4", "24/20517", False),
        ("5", None, True), ("6", "24/00053", False)]
    assert [it.title for it in m.items] == [
        "Godkendelse af dagsorden", "Praksisplan for almen praksis 2025-2028 - efter høring",
        "Lægedækning i Tønder - etablering af regionsklinik", "Tilskud til sundhedshuse 2025",
        "Lukket punkt: Overdragelse af ydernummer", "Meddelelser"]
    assert not any(it.decisions for it in m.items)  # every <m:decision/> is empty: an agenda
    clinic = m.items[2]  # the blockquoted "Beslutning" of 19 August is part of the case text
    assert [s.heading for s in clinic.sections] == ["Sagsfremstilling", "Økonomi", "Indstilling"]
    assert "Udvalget ønsker en ny sag" in clinic.sections[0].text
    assert m.items[0].sections[0].text == "Administrationen indstiller, at dagsordenen godkendes."
    assert not m.items[4].sections


# -- XML variants ------------------------------------------------------------------------------------------------


def _xml() -> str:
    return SYDDANMARK.read_text(encoding="utf-8")


def _read_xml(text: str) -> Meeting:
    result = parse_bytes(text.encode("utf-8"), "export.xml")
    assert result.reader == "generic-xml"
    return result.meeting


def test_the_printed_number_wins_wherever_it_stands() -> None:
    swapped = re.sub(r'seq="(\d+)" number="(\w+)"', r'number="\2" seq="\1"', _xml())  # attribute order
    assert [it.number for it in _read_xml(swapped).items] == ["1", "2", "3", "4", "5", "6"]
    child = re.sub(r'<m:item seq="(\d+)" number="(\w+)" (access="\w+")>',
                   r'<m:item seq="\1" \3><m:nummer>\2</m:nummer>', _xml())  # the number as a child element
    assert [it.number for it in _read_xml(child).items] == ["1", "2", "3", "4", "5", "6"]
    lettered = _xml().replace('seq="4" number="5"', 'seq="4" number="4a"')
    assert [it.number for it in _read_xml(lettered).items] == ["1", "2", "3", "4", "4a", "6"]
    positions = re.sub(r' number="\w+"', "", _xml())  # only a place in the list: kept as the export states it
    assert [it.number for it in _read_xml(positions).items] == ["0", "1", "2", "3", "4", "5"]


def test_a_status_attribute_or_element_says_absent() -> None:
    absent = _xml().replace('status="afbud"', 'status="Fraværende"')
    assert _read_xml(absent).absentees == ["Lise Brandt (V)"]
    two = absent.replace('<m:member party="C">', '<m:member party="C" attendance="afbud">')
    assert _read_xml(two).absentees == ["Lise Brandt (V)", "Thomas Krogh (C)"]
    present = _xml().replace('status="afbud"', 'status="til stede"')
    assert _read_xml(present).absentees == []
    other = _xml().replace('status="afbud"', 'status="suppleant"')  # a status that is no attendance
    assert _read_xml(other).absentees == []


def test_a_status_every_member_has_states_nothing() -> None:
    text = re.sub(r'<m:member party="(\w+)"(?: role="\w+")?(?: status="\w+")?>',
                  r'<m:member party="\1" status="afbud">', _xml())
    assert _read_xml(text).absentees == []


def test_filled_decisions_make_minutes() -> None:
    text = _xml().replace('kind="dagsorden"', 'kind="referat"').replace(
        "<m:decision/>", "<m:decision><![CDATA[<p>Godkendt.</p>]]></m:decision>")
    m = _read_xml(text)
    assert m.status == "minutes" and [len(it.decisions) for it in m.items] == [1] * 6
    assert m.items[0].decisions[0].text == "Godkendt." and m.items[0].decisions[0].date == date(2024, 10, 21)


def test_an_empty_case_element_is_no_case_number() -> None:
    text = _xml().replace("<m:case>24/00052</m:case>", "<m:case/>")
    assert [it.case_number for it in _read_xml(text).items][:2] == [None, "23/41870"]
