"""Two portals16 exports (facts in sample_data/portals16-expected.md), each another version of a format in
sample_data/minutes: the First Agenda "Vis" JSON with the API's English twin names only and .NET "/Date(…)/" dates,
an AGENDA with a supplementary item "3a" stored last (Syddjurs; ``greve_json`` + ``greve_english``), and a JSON-lines
SECTION export grouped by section type in which one case spans two meetings (Ishøj; ``generic_json`` +
``json_rows``/``json_casemeetings``). Facts are also checked on edited copies, so the rules follow the formats, not
these files' words; a meeting is never dated today.
"""

from __future__ import annotations

import copy
import json
import random
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from core.errors import IngestError
from core.model import Meeting
from ingest.readers import ReadResult, read_source
from ingest.readers.base import Source
from ingest.readers.stamps import date_clock, net_date

ROOT = Path(__file__).resolve().parent.parent / "sample_data" / "portals16"
SYDDJURS = ROOT / "syddjurs_udvalget-for-natur-teknik-og-miljoe_2024-06-10.json"
ISHOEJ = ROOT / "ishoej_boerne-og-skoleudvalget_2024-11-12.jsonl"


def read_json(data: Any, name: str = "x.json") -> ReadResult:
    return read_source(Source(json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"), name))


def read_lines(rows: list[dict[str, Any]], name: str = "x.jsonl") -> ReadResult:
    text = "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n"
    return read_source(Source(text.encode("utf-8"), name))


def syddjurs() -> dict[str, Any]:
    return json.loads(SYDDJURS.read_text(encoding="utf-8"))


def ishoej() -> list[dict[str, Any]]:
    return [json.loads(x) for x in ISHOEJ.read_text(encoding="utf-8").splitlines() if x.strip()]


def first(m: Meeting, number: str) -> str:
    item = next(it for it in m.items if it.number == number)
    return " ".join(item.decisions[0].text.split()) if item.decisions else ""


# --- .NET JSON dates ---

def test_net_date_is_the_epoch_instant_at_the_stated_offset() -> None:
    stamp = net_date("/Date(1718028000000+0200)/")
    assert stamp == datetime(2024, 6, 10, 14, 0, tzinfo=UTC) and stamp.utcoffset() == timedelta(hours=2)
    assert net_date("\\/Date(1718028000000)\\/") == datetime(2024, 6, 10, 14, 0, tzinfo=UTC)
    assert net_date("/Date(1718028000000-0300)/").utcoffset() == -timedelta(hours=3)  # type: ignore[union-attr]
    assert net_date("/Date(12)/") is None and net_date("Date(1718028000000)") is None
    # the Copenhagen clock of the instant: 16:00 in June, 15:00 in winter, whatever offset the writer had
    assert date_clock("/Date(1718028000000+0000)/") == (date(2024, 6, 10), "16:00")
    assert date_clock("/Date(1731423600000+0100)/") == (date(2024, 11, 12), "16:00")


# --- Syddjurs: the "Vis" JSON with English names, an agenda ---

def test_syddjurs_meeting_facts() -> None:
    r = read_source(Source(SYDDJURS.read_bytes(), SYDDJURS.name))
    m = r.meeting
    assert r.reader == "greve-json" and not any("today" in w for w in r.warnings)
    assert (m.municipality, m.committee) == ("Syddjurs", "Udvalget for Natur, Teknik og Miljø")
    assert m.date == date(2024, 6, 10)
    assert m.time == "16:00"  # /Date(1718028000000+0200)/ is 14:00Z; not item 7's "kl. 16.00" of 12 August
    assert m.location == "Mødelokale 2, Syddjurs Rådhus, Lundbergsvej 2, 8400 Ebeltoft"
    assert m.absentees == ["Anders Sørensen (V)"]  # ParticipationCancelled, Absent false
    assert len(m.participants) == 7 and "Kirstine Bille (A)" in m.participants
    assert m.status == "agenda" and not m.extraordinary
    assert m.published == "2024-06-04T12:00:00+02:00"  # ReleasedDate, not the meeting's date


def test_syddjurs_items_and_supplementary_3a_last() -> None:
    m = read_json(syddjurs()).meeting
    assert [(it.number, it.title, it.case_number, it.closed) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "24/11820", False),
        ("2", "Spildevandsplan 2024-2030 - forslag til offentlig høring", "23/30417", False),
        ("3", "Naturpleje på kommunale arealer 2025", "24/06651", False),
        ("4", "Trafiksikkerhedsplan - prioritering af projekter 2025", "23/19044", False),
        ("5", "Orientering om vandløbsvedligeholdelse 1. kvartal 2024", "24/02290", False),
        ("6", "Lukket: Erstatningssag vedrørende vejudvidelse i Feldballe", None, True),
        ("7", "Meddelelser", "24/11821", False),
        ("3a", "Ekstraordinær reparation af kajmur i Ebeltoft Færgehavn", "24/12004", False),
    ]
    assert [it.order for it in m.items] == list(range(1, 9))
    assert all(not it.decisions for it in m.items)  # an agenda: no decisions at all


def test_syddjurs_item_texts() -> None:
    m = read_json(syddjurs()).meeting
    two, five, six, extra = m.items[1], m.items[4], m.items[5], m.items[7]
    assert [s.name for s in two.sections] == ["Indstilling", "Sagsfremstilling", "Økonomi"]
    assert "8 uger" in two.sections[0].text and "Hornslet skal fremrykkes" in two.sections[0].text  # the <ol>
    assert "1.150 ejendomme" in two.text and "212 mio. kr." in two.text
    assert five.attachments == ["Kvartalsrapport vandløb 1. kvartal 2024", "Oversigt over grødeskæring 2024",
                                "Klage fra Lodsejerlauget ved Alling Å"]
    assert not six.sections and six.title.startswith("Lukket")
    assert "29. maj 2024" in extra.text and "1,9 mio. kr." in extra.text


def test_syddjurs_english_names_follow_the_format_not_the_file() -> None:
    doc = syddjurs()
    doc["Meeting"]["Date"] = "/Date(1731423600000+0100)/"  # 12 November 2024, 15:00Z: 16:00 local in winter
    doc["Committee"]["Name"] = "Teknisk Udvalg"
    doc["Meeting"]["Link"] = "https://dagsordener.favrskov.dk/vis?id=1"
    doc["Meeting"]["Participants"][0]["Absent"] = True
    doc["AgendaItems"].insert(3, doc["AgendaItems"].pop())  # a portal that sorts "3a" after 3
    m = read_json(doc).meeting
    assert (m.municipality, m.committee, m.date, m.time) == ("Favrskov", "Teknisk Udvalg", date(2024, 11, 12), "16:00")
    assert m.absentees == ["Kirstine Bille (A)", "Anders Sørensen (V)"]
    assert [it.number for it in m.items] == ["1", "2", "3", "3a", "4", "5", "6", "7"]


def test_syddjurs_decision_field_makes_minutes() -> None:
    doc = syddjurs()
    doc["AgendaItems"][0]["Fields"].append(
        {"Name": "Beslutning", "Order": 2, "Html": "<div class='felt'><h4>Beslutning</h4><p>Godkendt.</p></div>"})
    m = read_json(doc).meeting
    assert m.status == "minutes" and first(m, "1") == "Godkendt."


def test_syddjurs_without_a_usable_date_is_an_error_not_today() -> None:
    doc = syddjurs()
    doc["Meeting"]["Date"] = "snarest"
    with pytest.raises(IngestError) as caught:
        read_json(doc, "nodate.json")
    assert "nodate.json" in str(caught.value) and "'snarest' not understood" in str(caught.value)
    del doc["Meeting"]["Date"]
    with pytest.raises(IngestError) as caught:
        read_json(doc, "nodate.json")
    assert "without a meeting date" in str(caught.value)


def test_camel_case_agenda_items_stay_with_the_generic_reader() -> None:
    doc = {"meeting": {"committee": "Teknisk Udvalg", "date": "2024-06-10"},
           "AgendaItems": [{"number": "1", "caption": "Budget", "text": "Om budgettet."}]}
    assert read_json(doc).reader == "generic-json"  # no Meeting/Committee object: not the portal's layout


# --- Ishøj: JSON-lines, one line per section, a case over two meetings ---

ISHOEJ_ITEMS = [
    ("1", "Godkendelse af dagsorden", "24/018811", False),
    ("2", "Kvalitetsrapport for folkeskolerne 2023/24", "24/011540", False),
    ("3", "Udvidelse af Børnehuset Stjernen", "24/009972", False),
    ("4", "Evaluering af sommerferieaktiviteter 2024", "24/015203", False),
    ("5", "Skolevejsanalyse for Ishøj Landsby", "24/007735", False),
    ("6", "Lukket punkt: Klage over afslag på skoleskift", None, True),
    ("7", "Meddelelser", "24/018812", False),
]


def test_ishoej_meeting_facts() -> None:
    r = read_source(Source(ISHOEJ.read_bytes(), ISHOEJ.name))
    m = r.meeting
    assert r.reader == "generic-json"
    assert (m.municipality, m.committee, m.date, m.time) == ("Ishøj", "Børne- og Skoleudvalget", date(2024, 11, 12),
                                                             "17:00")
    assert m.location == "Udvalgsværelset, Ishøj Rådhus, Ishøj Store Torv 20, 2635 Ishøj"
    assert m.absentees == ["Lars Dyhr (V)"]  # only in the decisions' texts
    assert m.status == "minutes" and m.participants == []


def test_ishoej_items_one_per_case() -> None:
    m = read_lines(ishoej()).meeting
    assert [(it.number, it.title, it.case_number, it.closed) for it in m.items] == ISHOEJ_ITEMS


def test_ishoej_decisions_first_words() -> None:
    m = read_lines(ishoej()).meeting
    assert first(m, "1") == "Godkendt. Afbud: Lars Dyhr (V)"
    assert first(m, "2").startswith("Godkendt og oversendes til Byrådet. Udvalget ønsker en handleplan")
    assert first(m, "3").startswith("Anbefales. Stemmer for: 5 (A, F, Ø). Stemmer imod: 1 (O)")
    assert first(m, "4") == "Taget til efterretning. Afbud: Lars Dyhr (V)"
    assert first(m, "5") == "Godkendt, at løsning A gennemføres med opstart i foråret 2025. Afbud: Lars Dyhr (V)"
    assert first(m, "6") == ""
    assert first(m, "7") == "Taget til efterretning. Afbud: Lars Dyhr (V)"
    three = m.items[2].decisions[0]
    assert [(v.position, v.count) for v in three.votes] == [("for", 5), ("against", 1)]
    assert all(it.absentees == ["Lars Dyhr (V)"] for it in m.items if it.decisions)


def test_ishoej_case_over_two_meetings_is_one_item() -> None:
    five = read_lines(ishoej()).meeting.items[4]
    assert [(d.date, d.outcome) for d in five.decisions] == [(date(2024, 11, 12), "approved"),
                                                             (date(2024, 10, 8), "postponed")]
    assert five.decisions[1].text.startswith("Udsat, idet udvalget ønsker skolebestyrelsens vurdering")
    assert [s.name for s in five.sections] == ["Sagsfremstilling", "Indstilling", "Supplerende sagsfremstilling"]
    assert "4.200 biler" in five.text and "450.000 kr." in five.text and "1,7 mio. kr." in five.text
    assert "Beslutning i Børne- og Skoleudvalget den 08-10-2024" in five.text


def test_ishoej_rules_follow_the_format() -> None:
    rows = ishoej()
    random.Random(7).shuffle(rows)  # any line order: grouped by item, ordered by number and afsnit_nr
    m = read_lines(rows).meeting
    assert [(it.number, it.title) for it in m.items] == [(n, t) for n, t, _, _ in ISHOEJ_ITEMS]
    assert m.date == date(2024, 11, 12) and [d.date for d in m.items[4].decisions][0] == date(2024, 11, 12)
    edited = copy.deepcopy(ishoej())
    for row in edited:  # the earlier meeting's rows without a case number: joined by the title
        if row["moede_id"] != 4471:
            row["sagsnr"] = None
            if row["afsnit"] == "Beslutning":
                row["indhold"] = "Udsat. Afbud: Mette Holm (A)"  # absent from that meeting, not this one
    m = read_lines(edited).meeting
    five = m.items[4]
    assert len(m.items) == 7 and five.case_number == "24/007735" and len(five.decisions) == 2
    assert "Mette Holm (A)" not in m.absentees and "Mette Holm (A)" not in five.absentees
    assert five.decisions[1].date == date(2024, 10, 8) and "(Afbud: Mette Holm (A))" in five.decisions[1].text


def test_section_rows_of_one_meeting_are_unchanged() -> None:
    rows = [r for r in ishoej() if r["moede_id"] == 4471]  # no earlier meeting: item 5 has no case text
    m = read_lines(rows).meeting
    assert [it.number for it in m.items] == ["1", "2", "3", "4", "5", "6", "7"]
    assert [d.date for d in m.items[4].decisions] == [date(2024, 11, 12)]


def test_jsonl_without_a_date_is_an_error_not_today() -> None:
    rows = [{k: v for k, v in r.items() if k not in ("moededato", "moedetid")} for r in ishoej()]
    for r in rows:
        r["indhold"] = r["indhold"].replace("2024", "").replace("2025", "")  # no date in the texts either
    with pytest.raises(IngestError) as caught:
        read_lines(rows, "undated.jsonl")
    assert "undated.jsonl" in str(caught.value) and "no meeting date" in str(caught.value)


def test_tz_aware_net_date_offset_only_tells_the_writer() -> None:
    west = timezone(-timedelta(hours=3))
    assert net_date("/Date(1718028000000-0300)/") == datetime(2024, 6, 10, 11, 0, tzinfo=west)
