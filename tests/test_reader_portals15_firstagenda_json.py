"""Two First Agenda exports of portals15 (facts in sample_data/portals15-expected.md), each another version of a format
in sample_data/minutes: the portal's "Vis" JSON written as the API returns it (Køge: one line of ``\\u`` escapes,
only ``MeetingBeginUtc`` in UTC, members as ``Moede.Deltagere`` objects, sub-items nested in ``Underpunkter``, the
decision printed after the case history, attachments with their own text; ``greve_json`` + ``greve_nested``/
``greve_people``) and the derived JSON-lines export with a meeting record and a ``decisions[]`` list per item
(Frederikshavn: items numbered through the year, ``meeting_date`` in UTC, an earlier "Udsat" in the list;
``greve_jsonl`` + ``greve_records``). Facts are also checked on edited copies, so the rules follow the formats,
not these files' words.
"""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from core.errors import IngestError
from core.model import Meeting
from ingest.readers import ReadResult, greve_jsonl, read_source
from ingest.readers.base import Source
from ingest.readers.greve_nested import portal_municipality
from ingest.readers.greve_people import absence_lines, people

ROOT = Path(__file__).resolve().parent.parent / "sample_data" / "portals15"
KOEGE = ROOT / "koege_boerne-og-ungeudvalget_2025-05-12.json"
FREDERIKSHAVN = ROOT / "frederikshavn_teknisk-udvalg_2023-11-21.jsonl"


def read_json(data: Any, name: str = "x.json") -> ReadResult:
    return read_source(Source(json.dumps(data).encode("utf-8"), name))  # ensure_ascii, as the portal writes it


def read_lines(rows: list[dict[str, Any]], name: str = "x.jsonl") -> ReadResult:
    text = "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n"
    return read_source(Source(text.encode("utf-8"), name))


def koege() -> dict[str, Any]:
    return json.loads(KOEGE.read_text(encoding="utf-8"))


def frederikshavn() -> list[dict[str, Any]]:
    return [json.loads(x) for x in FREDERIKSHAVN.read_text(encoding="utf-8").splitlines() if x.strip()]


def first(m: Meeting, number: str) -> str:
    item = next(it for it in m.items if it.number == number)
    return item.decisions[0].text if item.decisions else ""


# --- Køge: the "Vis" JSON of another version ---

def test_koege_file_is_one_escaped_line() -> None:
    raw = KOEGE.read_bytes()
    assert "Børne".encode() not in raw and b"B\\u00f8rne" in raw and raw.count(b"\n") <= 1


def test_koege_meeting_facts() -> None:
    r = read_source(Source(KOEGE.read_bytes(), KOEGE.name))
    m = r.meeting
    assert r.reader == "greve-json"
    assert (m.municipality, m.committee, m.date) == ("Køge", "Børne- og Ungeudvalget", date(2025, 5, 12))
    assert m.time == "16:30"  # MeetingBeginUtc 14:30Z; not the 15.45 visit of the Description
    assert m.location == "Mødelokale 1, Køge Rådhus, Torvet 1, 4600 Køge"
    assert m.status == "minutes" and not m.extraordinary
    assert m.absentees == ["Birthe Agerskov (C)"]  # Tobias Hvam left after item 3: not absent
    assert "Birthe Agerskov (C)" in m.participants and "Tobias Hvam (Ø)" in m.participants
    assert any(r.startswith("Tobias Hvam (Ø)") and "punkt 3" in r for r in m.remarks)


def test_koege_items_with_nested_sub_items() -> None:
    m = read_json(koege()).meeting
    assert [(it.number, it.title, it.case_number, it.closed) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "25/08812", False),
        ("2", "Kapacitetsplan for dagtilbud 2026-2030", "24/29114", False),
        ("3", "Tilsyn med private pasningsordninger 2024", "25/03321", False),
        ("4", "Skolestruktur i Køge Nord", "24/31870", False),
        ("4.1", "Høring om ændret skoledistrikt for Ølby Skole", "24/31870", False),
        ("4.2", "Anlægsbevilling til udvidelse af Ellebækskolen", "25/01146", False),
        ("5", "Lukket: Klage over visitation til specialtilbud", "25/07719", True),
        ("6", "Meddelelser", "25/08813", False),
    ]


def test_koege_decisions_first_words() -> None:
    m = read_json(koege()).meeting
    assert first(m, "1").startswith("Godkendt.") and "Afbud: Birthe Agerskov (C)" in first(m, "1")
    assert first(m, "2").startswith("1. Godkendt.\n")
    assert "placeres ved Ølsemagle Børnehus i stedet for ved Ellemarkens Børnehus" in first(m, "2")
    assert first(m, "3").startswith("Taget til efterretning. Udvalget ønsker en opfølgning")
    assert first(m, "4") == "" and first(m, "5") == ""
    assert first(m, "4.1").startswith("Godkendt, at forslaget sendes i høring fra den 19. maj til den 16. juni 2025")
    assert first(m, "4.2").startswith("Anbefales over for Økonomiudvalget og Byrådet.")
    assert "4 stemmer mod 1 (O)" in first(m, "4.2")
    assert first(m, "6").startswith("Taget til efterretning.")


def test_koege_own_decision_before_the_case_history() -> None:
    item = read_json(koege()).meeting.items[1]
    assert [(d.body, d.date) for d in item.decisions] == [
        ("Børne- og Ungeudvalget", date(2025, 5, 12)), ("Handicaprådet", date(2025, 4, 28))]
    assert "pavilloner med 40 pladser ved Ellemarkens Børnehus" in item.text  # the administration's proposal


def test_koege_left_early_is_no_absentee_name() -> None:
    m = read_json(koege()).meeting
    for number in ("4.1", "4.2", "6"):
        item = next(it for it in m.items if it.number == number)
        assert item.decisions[0].absentees == ["Birthe Agerskov (C)"]
        assert item.absentees == ["Birthe Agerskov (C)"]
    parent = next(it for it in m.items if it.number == "4")
    assert parent.absentees == ["Birthe Agerskov (C)"]  # an attendee without party, named as the members list


def test_koege_attachment_text_is_read() -> None:
    item = read_json(koege()).meeting.items[1]
    assert "71 pct." in item.text and item.attachments[0].startswith("Bilag 1: Befolkningsprognose")
    assert any(s.heading.startswith("Bilag 1") and "2.618 (2030)" in s.text for s in item.sections)
    assert not any(s.heading.startswith("Bilag 2") for s in item.sections)  # Tekst: null


def test_koege_variant_sub_items_without_numbers_and_status_flags() -> None:
    data = koege()
    for sub in data["Dagsordenpunkter"][3]["Underpunkter"]:
        del sub["Punktnummer"], sub["Number"]
    data["Moede"]["Deltagere"][6]["Status"] = "Fraværende"  # Nanna Friis
    data["Moede"]["MeetingBeginUtc"] = "2025-01-13T14:30:00Z"  # winter: UTC+1
    m = read_json(data).meeting
    assert [it.number for it in m.items][3:6] == ["4", "4.1", "4.2"]
    assert m.absentees[:2] == ["Birthe Agerskov (C)", "Nanna Friis (O)"]
    assert (m.date, m.time) == (date(2025, 1, 13), "15:30")


def test_koege_variant_sub_items_in_bad_shape_are_skipped() -> None:
    data = koege()
    data["Dagsordenpunkter"][3]["Underpunkter"] = {"not": "a list"}
    data["Dagsordenpunkter"][0]["Underpunkter"] = ["text", 3]
    data["Moede"]["Deltagere"] = "Line Hauge"
    m = read_json(data).meeting
    assert [it.number for it in m.items] == ["1", "2", "3", "4", "5", "6"]
    assert m.participants == [] and m.absentees == ["Birthe Agerskov (C)"]  # from the decisions' Afbud lines


def test_portal_host_names_the_municipality() -> None:
    assert portal_municipality(["https://dagsordener.koege.dk/vis?id=1"]) == "Køge"
    assert portal_municipality(["https://dagsorden.hoeje-taastrup.dk/vis"]) == "Høje-Taastrup"
    assert portal_municipality(["https://www.example.com/x"]) is None


def test_absence_line_sentence_and_people_objects() -> None:
    left = "Afbud: A B (C). D E (Ø) havde forladt mødet."
    assert absence_lines(left) == "Afbud: A B (C).\nD E (Ø) havde forladt mødet."
    assert absence_lines("Afbud: A B (C). Fraværende: D E (V)") == "Afbud: A B (C). Fraværende: D E (V)"
    got = people([{"name": "A B", "party": "V", "present": True}, {"name": "C D", "party": "A", "present": False},
                  {"Navn": "E F", "Status": "Deltager", "Bemaerkning": "Kom kl. 17.10 under behandlingen af punkt 2"}])
    assert got.absentees == ["C D (A)"] and got.participants == ["A B (V)", "C D (A)", "E F"]
    assert got.remarks and got.remarks[0].startswith("E F: Kom kl. 17.10")


# --- Frederikshavn: JSON lines with a meeting record and a decisions list ---

def test_frederikshavn_meeting_facts() -> None:
    r = read_source(Source(FREDERIKSHAVN.read_bytes(), FREDERIKSHAVN.name))
    m = r.meeting
    assert r.reader == "greve-jsonl"
    assert (m.municipality, m.committee, m.date, m.time) == ("Frederikshavn", "Teknisk Udvalg", date(2023, 11, 21),
                                                              "08:30")
    assert m.location == "Mødelokale 0.A, Rådhuset, Rådhus Allé 100, 9900 Frederikshavn"
    assert m.absentees == ["Mogens Tranberg (A)"] and len(m.participants) == 7
    assert m.status == "minutes" and not m.extraordinary


def test_frederikshavn_items_numbered_through_the_year() -> None:
    m = read_lines(frederikshavn()).meeting
    assert [(it.number, it.case_number, it.closed) for it in m.items] == [
        ("231", "23-020114", False), ("232", "23-014477", False), ("233", "23-009912", False),
        ("234", "22-031876", False), ("235", "23-016650", False), ("236", None, True), ("237", "23-020115", False)]
    assert m.items[5].title == "Lukket punkt: Salg af erhvervsgrund i Ålbæk" and not m.items[5].decisions
    assert m.items[1].title == "Regulativ for vintervedligeholdelse 2023-2024"


def test_frederikshavn_decisions_from_the_list() -> None:
    m = read_lines(frederikshavn()).meeting
    assert first(m, "231").startswith("Godkendt.")
    assert first(m, "232").startswith("Godkendt. Forslaget blev vedtaget med 5 stemmer mod 1.")
    assert first(m, "233").startswith("Udvalget besluttede at gennemføre løsning A")
    assert first(m, "234").startswith("Anbefales over for Økonomiudvalget og Byrådet.")
    assert "Karsten Hvidtfeldt (DF) tog forbehold" in first(m, "235")
    assert first(m, "237").startswith("Orienteringen blev taget til efterretning.")
    item = m.items[2]
    assert [(d.date, d.outcome) for d in item.decisions] == [(date(2023, 11, 21), "approved"),
                                                              (date(2023, 10, 24), "postponed")]
    against = [v for v in m.items[1].decisions[0].votes if v.position == "against"]
    assert against and against[0].members[0].name == "Bo Krogsgaard"


def test_frederikshavn_text_split_into_sections() -> None:
    item = read_lines(frederikshavn()).meeting.items[1]
    assert [s.heading for s in item.sections] == ["Sagsfremstilling", "Økonomi", "Indstilling"]
    assert "5.200 tons salt" in item.sections[1].text
    assert all("Fraværende" not in s.text for s in item.sections)


def test_frederikshavn_variant_untyped_meeting_line_and_date_only() -> None:
    rows = frederikshavn()
    for row in rows:
        row.pop("record_type")
    rows[0]["meeting_date"] = "2023-11-21"  # the clock then comes from the title ("kl. 08.30")
    m = read_lines(rows).meeting
    assert (m.date, m.time, m.location) == (date(2023, 11, 21), "08:30", rows[0]["location"])
    assert [it.number for it in m.items][0] == "231" and len(m.items) == 7


def test_frederikshavn_variant_earlier_absence_is_not_this_meetings() -> None:
    rows = frederikshavn()
    rows[3]["decisions"][0]["text"] += " Fraværende: Lisbeth Kold (V)"  # the 2023-10-24 entry
    rows[0]["participants"] = []
    m = read_lines(copy.deepcopy(rows)).meeting
    assert "Lisbeth Kold (V)" not in m.absentees and "Mogens Tranberg (A)" in m.absentees
    assert "(Fraværende: Lisbeth Kold (V))" in m.items[2].decisions[1].text


def test_frederikshavn_variant_other_body_same_day_is_not_own() -> None:
    rows = frederikshavn()
    rows[4]["decisions"].insert(0, {"committee": "Økonomiudvalget", "meeting_date": "2023-11-21", "text": "Godkendt."})
    item = read_lines(rows).meeting.items[3]
    assert item.decisions[0].text.startswith("Anbefales") and item.decisions[1].body == "Økonomiudvalget"


def test_frederikshavn_only_a_meeting_record_is_refused() -> None:
    text = json.dumps(frederikshavn()[0], ensure_ascii=False).encode("utf-8")
    src = Source(text, "meeting.jsonl")
    assert not greve_jsonl.READER.sniff(src)
    with pytest.raises(IngestError, match="meeting.jsonl"):
        greve_jsonl.READER.read(src)
