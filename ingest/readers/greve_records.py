"""A version of the First Agenda JSON-lines export that ``greve_jsonl`` reads: typed records and a decisions list.

Each line carries a ``record_type``: the first is a ``"meeting"`` record (no ``text``, no ``agenda_index``)
holding the meeting's facts: ``committee``, ``meeting_title`` ("Referat - Teknisk Udvalg - tirsdag den 21.
november 2023 kl. 08.30"), ``meeting_date`` (an ISO time, possibly in UTC: shown in Danish local time), ``location``,
``participants[]`` as ``{name, party, role, present, absence_reason}`` (``greve_people``) and ``source_url`` (the
portal's host names the municipality). The other lines are ``"agenda_item"`` records as before; a record with no
type that has no item field (``text``, ``agenda_index``, ``section_title``, ``item_title``) but meeting facts is a
meeting record too (``split_rows``).

An item's ``text`` may leave its decisions out: they are a list ``decisions[{committee, meeting_date, text}]``,
which can also hold earlier handlings (an earlier meeting's "Udsat"). The entry of this meeting's committee (or of
no named body) on this meeting's day (or undated) is the item's own decision; the others are earlier or other
bodies' decisions, their absence lines kept in parentheses so they are not read as this meeting's
(``decision_list``). ``access`` "Lukket" closes an item.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from core import vocab
from ingest.readers.base import DecisionDraft, ItemDraft
from ingest.readers.greve_json import EXTRAORDINARY, add_decision, seq, text_of, when
from ingest.readers.greve_nested import portal_municipality
from ingest.readers.greve_people import Attendance, absence_lines, people
from ingest.readers.greve_vis import same_body
from ingest.readers.xmlutil import when as field_when

TYPE_KEYS = ("record_type", "recordtype", "kind")
MEETING_KINDS = {"meeting", "moede", "møde", "meeting_info", "meetinginfo", "header", "meta"}
ITEM_FIELDS = ("text", "agenda_index", "section_title", "item_title")
MEETING_FIELDS = ("meeting_title", "participants", "location", "meeting_end", "source_url")
LOCATION_KEYS = ("location", "venue", "sted", "moedested", "mødested", "place")
PEOPLE_KEYS = ("participants", "attendees", "members", "deltagere", "moededeltagere")
URL_KEYS = ("source_url", "url", "link", "web_url")
MINUTES_WORD = re.compile(r"^\s*(?:referat|protokol|beslutningsprotokol)\b", re.I)


@dataclass
class MeetingRecord:
    """The facts of a meeting record; ``minutes`` is None when its title names no kind."""

    committee: str = ""
    stamp: Any = None
    title: str = ""
    location: str | None = None
    attendance: Attendance = field(default_factory=Attendance)
    municipality: str | None = None
    minutes: bool | None = None


def _first(row: dict[str, Any], keys: tuple[str, ...]) -> Any:
    return next((row[k] for k in keys if row.get(k) not in (None, "", [], {})), None)


def is_meeting(row: dict[str, Any]) -> bool:
    """A record of the meeting itself, not of an item (see the module docstring)."""
    kind = text_of(_first(row, TYPE_KEYS)).lower()
    if kind:
        return kind in MEETING_KINDS
    return not any(k in row for k in ITEM_FIELDS) and any(k in row for k in MEETING_FIELDS)


def split_rows(rows: list[dict[str, Any]]) -> tuple[MeetingRecord | None, list[dict[str, Any]]]:
    """The first meeting record's facts (None when there is none) and the item records."""
    meetings = [r for r in rows if is_meeting(r)]
    return (meeting_record(meetings[0]) if meetings else None), [r for r in rows if not is_meeting(r)]


def meeting_record(row: dict[str, Any]) -> MeetingRecord:
    title = text_of(_first(row, ("meeting_title", "title", "name")))
    urls = [text_of(row.get(k)) for k in URL_KEYS if text_of(row.get(k)).startswith("http")]
    return MeetingRecord(
        committee=text_of(_first(row, ("committee", "udvalg", "body"))),
        stamp=_first(row, ("meeting_date", "meeting_start", "start", "date", "dato")),
        title=title,
        location=text_of(_first(row, LOCATION_KEYS)) or None,
        attendance=people(seq(_first(row, PEOPLE_KEYS))),
        municipality=text_of(_first(row, ("municipality", "kommune"))) or portal_municipality(urls),
        minutes=True if MINUTES_WORD.match(title) else (False if re.match(r"^\s*dagsorden\b", title, re.I) else None),
    )


def start(record: MeetingRecord) -> tuple[date | None, str | None]:
    """The meeting's day and local start: the stamp, else (or for the clock only) the title's "kl. 08.30"."""
    day, time = when(record.stamp)
    if record.title and (day is None or time is None):
        titled_day, titled_time = field_when(record.title)
        day, time = day or titled_day, time or (titled_time if titled_day in (None, day or titled_day) else None)
    return day, time


def extraordinary(record: MeetingRecord | None) -> bool:
    return record is not None and bool(re.search(r"ekstraordinær", record.title, re.I)
                                       or EXTRAORDINARY.search(record.title))


def decision_list(item: ItemDraft, entries: list[Any], committee: str, day: date,
                  tidy: Callable[[str], str]) -> None:
    """A record's ``decisions[]``: this meeting's own first, then the earlier or other bodies' (see the module
    docstring); ``tidy`` puts a collapsed text's absence and vote lines back on lines of their own."""
    earlier: list[DecisionDraft] = []
    for entry in entries:
        if not isinstance(entry, dict):
            entry = {"text": entry}
        text = tidy(text_of(_first(entry, ("text", "decision", "beslutning", "tekst"))))
        body = text_of(_first(entry, ("committee", "body", "udvalg")))
        on = when(_first(entry, ("meeting_date", "date", "dato")))[0]
        if not text:
            continue
        if on in (None, day) and (not body or same_body(body, committee)):
            add_decision(item, absence_lines(text))
        else:
            kept = "\n".join(f"({x.strip()})" if vocab.ABSENT_LABEL.match(x.strip()) else x for x in text.split("\n"))
            earlier.append(DecisionDraft(text=kept, body=body or committee, date=on))
    item.decisions += earlier
