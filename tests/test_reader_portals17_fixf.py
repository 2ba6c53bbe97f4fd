"""Two more versions of real JSON formats (sample_data/portals17, facts in sample_data/portals17-expected.md): a
Formpipe-style meeting publication JSON whose texts are ProseMirror documents (key figures in separate bold text
nodes), with a midnight date beside a start time, a protocol number beside the agenda number and the closed item 5
in its own section after item 6; and a First Agenda "Vis" JSON whose supplementary item sits in a nested
``TillaegsDagsorden.Dagsordenpunkter`` list and whose only absence is an ``AttendanceType`` "Afbud".
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from core.errors import IngestError
from ingest.readers import ReadResult, prosemirror, read_source
from ingest.readers.base import Source
from ingest.readers.generic_json import by_number

ROOT = Path(__file__).resolve().parent.parent
HJOERRING = ROOT / "sample_data" / "portals17" / "hjoerring_teknik-og-miljoeudvalget_2024-03-20.json"
SILKEBORG = ROOT / "sample_data" / "portals17" / "silkeborg_boerne-og-ungeudvalget_2024-09-16.json"


def read(path: Path, data: bytes | None = None) -> ReadResult:
    return read_source(Source(path.read_bytes() if data is None else data, str(path)))


def edited(path: Path, change: Any) -> bytes:
    doc = json.loads(path.read_text(encoding="utf-8"))
    change(doc)
    return json.dumps(doc, ensure_ascii=False).encode()


def own_decisions(result: ReadResult) -> list[list[str]]:
    m = result.meeting
    return [[d.text for d in it.decisions if (d.body, d.date) == (m.committee, m.date)] for it in m.items]


def test_readers() -> None:
    assert read(HJOERRING).reader == "generic-json"
    assert read(SILKEBORG).reader == "greve-json"


# --- Hjørring: Formpipe-style publication JSON, ProseMirror texts ---------------------------------------------


def test_hjoerring_meeting_facts() -> None:
    m = read(HJOERRING).meeting
    assert (m.municipality, m.committee, m.date, m.time) == ("Hjørring", "Teknik- og Miljøudvalget",
                                                            date(2024, 3, 20), "08:30")  # start only in startTime
    assert m.location == "Mødelokale 1.14, Hjørring Rådhus, Springvandspladsen 5, 9800 Hjørring"
    assert m.status == "minutes"
    assert m.absentees == ["Bo Vestergaard (C)"]  # attendanceStatusName "Afbud" of a nested person object
    assert len(m.participants) == 7 and m.participants[0] == "Lars Brønnum (V)"


def test_hjoerring_items_in_agenda_order_with_agenda_numbers() -> None:
    m = read(HJOERRING).meeting
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "00.01.00-A00-9-24"),
        ("2", "Hastighedsnedsættelse på Sindalvej i Astrup", "05.01.00-P20-4-23"),
        ("3", "Ny genbrugsplads i Tårs", "07.00.00-G01-2-22"),
        ("4", "Tilskud til naturgenopretning ved Uggerby Å", "06.02.00-G01-7-24"),
        ("5", "Lukket punkt: Erstatning for ekspropriation i Bindslev", None),
        ("6", "Meddelelser", "00.01.00-A00-10-24"),
    ]  # never the protocol numbers 41-46; closed item 5 between 4 and 6
    assert [it.closed for it in m.items] == [False] * 4 + [True, False]


def test_hjoerring_decisions_first_words() -> None:
    own = own_decisions(read(HJOERRING))
    assert [len(x) for x in own] == [1, 1, 1, 1, 0, 1]
    assert own[0][0] == "Godkendt." and own[1][0] == "Godkendt."
    assert own[2][0].startswith("Anbefales over for Økonomiudvalget og Byrådet. For stemte: V, A, C og O (5). "
                                "Imod stemte: Jesper Lind (Ø), der ønsker pladsen placeret ved Tårs Vandværk.")
    assert own[3][0].startswith("Godkendt med den bemærkning, at tilsagnet er betinget af, at stien langs åen")
    assert own[5][0] == "Taget til efterretning."


def test_hjoerring_vote_and_sections() -> None:
    m = read(HJOERRING).meeting
    votes = m.items[2].decisions[0].votes
    assert [(v.position, v.count) for v in votes] == [("for", 5), ("against", 1)]
    assert votes[1].members[0].name == "Jesper Lind"
    assert [s.heading for s in m.items[1].sections] == ["Sagsfremstilling", "Økonomi", "Indstilling"]
    assert not m.items[4].sections and not m.items[4].decisions


def test_hjoerring_bold_runs_joined_without_a_separator() -> None:
    m = read(HJOERRING).meeting
    two, three, four = m.items[1].text, m.items[2].text, m.items[3].text
    assert "trafikmængde på 3.400 køretøjer i døgnet, og målinger" in two
    assert "fra 50 til 40 km/t på strækningen" in two and "koster 620.000 kr. og finansieres" in two
    assert "rumme 18 containere." in three and "beregnet til 9,2 mio. kr., som finansieres" in three
    assert "genslynge 1,7 km af Uggerby Å" in four and "medfinansiering på 350.000 kr. af et samlet budget" in four
    assert "15. april 2024" in m.items[5].text and "29. maj 2024" in m.items[5].text
    assert '"type"' not in two and "<strong>" not in two


def test_prosemirror_document_as_html() -> None:
    doc = {"type": "doc", "content": [
        {"type": "heading", "attrs": {"level": 2}, "content": [{"type": "text", "text": "Økonomi"}]},
        {"type": "paragraph", "content": [
            {"type": "text", "text": "Pris "}, {"type": "text", "marks": [{"type": "bold"}], "text": "5 < 6 kr."},
            {"type": "hardBreak"}, {"type": "text", "text": "ny linje"}]},
        {"type": "bulletList", "content": [{"type": "listItem", "content": [
            {"type": "paragraph", "content": [{"type": "text", "text": "punkt"}]}]}]}]}
    assert prosemirror.is_doc(doc) and not prosemirror.is_doc({"type": "doc", "content": "x"})
    assert prosemirror.html(doc) == ("<h2>Økonomi</h2><p>Pris <strong>5 &lt; 6 kr.</strong><br>ny linje</p>"
                                     "<ul><li><p>punkt</p></li></ul>")


def test_sections_are_ordered_by_their_printed_numbers_only_when_all_are_whole_numbers() -> None:
    rows = [{"agendaNumber": "1"}, {"agendaNumber": "3"}, {"agendaNumber": "2"}]
    assert [r["agendaNumber"] for r in by_number(rows)] == ["1", "2", "3"]
    lettered = [{"agendaNumber": "1"}, {"agendaNumber": "3"}, {"agendaNumber": "2a"}]
    assert by_number(lettered) == lettered
    twice = [{"agendaNumber": "2"}, {"agendaNumber": "1"}, {"agendaNumber": "1"}]
    assert by_number(twice) == twice


def test_hjoerring_protocol_number_is_not_the_item_number() -> None:
    def shift_agenda_numbers(doc: dict[str, Any]) -> None:
        for section in doc["agenda"]["sections"]:
            for item in section["items"]:
                item["agendaNumber"] = str(int(item["agendaNumber"]) + 10)

    m = read(HJOERRING, edited(HJOERRING, shift_agenda_numbers)).meeting
    assert [it.number for it in m.items] == ["11", "12", "13", "14", "15", "16"]


# --- Silkeborg: First Agenda "Vis" JSON, nested tillægsdagsorden ------------------------------------------------


def test_silkeborg_meeting_facts() -> None:
    m = read(SILKEBORG).meeting
    assert (m.municipality, m.committee, m.date, m.time) == ("Silkeborg", "Børne- og Ungeudvalget",
                                                            date(2024, 9, 16), "16:30")
    assert m.location == "Mødelokale 4, Silkeborg Rådhus, Søvej 1, 8600 Silkeborg"
    assert m.status == "minutes"
    assert m.absentees == ["Jens Kirkegaard (V)"]
    assert "Ida Holmgaard (V)" in m.participants and "Sofie Lykke (F)" not in m.absentees
    assert "Sofie Lykke (F) deltog fra punkt 3." in m.remarks  # Moede.Bemaerkning
    assert m.published == "2024-09-18T09:12:41"


def test_silkeborg_seven_items_with_the_supplementary_one() -> None:
    m = read(SILKEBORG).meeting
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "24/31207"),
        ("2", "Kapacitet i dagtilbud i Virklund og Them", "24/18833"),
        ("3", "Sprogvurdering af 3-årige - resultater 2023/24", "24/20114"),
        ("4", "Ferieplan for skoleåret 2025/26", "24/15560"),
        ("5", "Lukket: Klage over afgørelse om befordring", "24/27719"),
        ("6", "Meddelelser", "24/31208"),
        ("7", "Ansøgning om puljemidler til flere pædagoger", "24/30911"),
    ]
    assert [it.closed for it in m.items] == [False] * 4 + [True, False, False]
    assert "3,4 mio. kr." in m.items[6].text and "25. september 2024" in m.items[6].text


def test_silkeborg_decisions_first_words() -> None:
    own = own_decisions(read(SILKEBORG))
    assert [len(x) for x in own] == [1] * 7
    assert own[0][0] == "Godkendt." and own[3][0] == "Godkendt."
    assert own[1][0].startswith("Ad 1) Godkendt. Ad 2) Anbefales over for Økonomiudvalget og Byrådet. "
                                "For stemte: A, V, C og F (7). Imod stemte: Ø (1)")
    assert own[2][0].startswith("Taget til efterretning. Udvalget beder om en status")
    assert own[4][0] == "Forvaltningens afgørelse fastholdes."  # the closed item's bare decision
    assert own[5][0] == "Taget til efterretning."
    assert own[6][0] == "Godkendt. Udvalget ønsker, at Lysbro Børnehus prioriteres ved fordelingen."
    earlier = [d for d in read(SILKEBORG).meeting.items[1].decisions if d.date == date(2024, 9, 2)]
    assert len(earlier) == 1 and earlier[0].text.startswith("Udsat") and earlier[0].outcome == "postponed"


def test_silkeborg_supplementary_item_already_in_the_main_list_is_read_once() -> None:
    def duplicate(doc: dict[str, Any]) -> None:
        doc["Dagsordenpunkter"].append(doc["TillaegsDagsorden"]["Dagsordenpunkter"][0])

    m = read(SILKEBORG, edited(SILKEBORG, duplicate)).meeting
    assert [it.number for it in m.items] == ["1", "2", "3", "4", "5", "6", "7"]


def test_silkeborg_attendance_type_alone_marks_the_absence() -> None:
    def only_type(doc: dict[str, Any]) -> None:
        for person in doc["Moede"]["Moededeltagere"]:
            person["ParticipationCancelled"] = False

    m = read(SILKEBORG, edited(SILKEBORG, only_type)).meeting
    assert m.absentees == ["Jens Kirkegaard (V)"]  # "Stedfortræder" is present


def test_silkeborg_without_a_meeting_date_is_a_clear_error() -> None:
    def undated(doc: dict[str, Any]) -> None:
        del doc["Moede"]["Dato"]

    with pytest.raises(IngestError, match="meeting date"):
        read(SILKEBORG, edited(SILKEBORG, undated))
