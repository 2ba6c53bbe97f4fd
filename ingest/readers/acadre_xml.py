"""Acadre XML: ``<root>`` of ``<table name="…">`` rows whose ``<fields>`` hold ``<field>`` elements.

A field states its value either as attributes (the index file, e.g. ``XML_1863.xml``:
``<field sysid="…" name="…" date="…" xmlfilename="…" filesfolder="…"/>``) or as text under a ``name``
attribute (the agenda file: ``<field name="caseno">21/1234</field>``). Tables read:
- ``committee`` (name), ``meeting`` (name, date, finish, location), ``agenda`` (producedate);
- the ``table``/``row``/``field`` shape (``acadre_rows``): agendaItem rows are the items;
- ``producedAgenda`` rows: the agenda/minutes documents the index points to (``filesfolder``/``xmlfilename``,
  ``docfilename``, ``type`` 0 kladde / 1 dagsorden / 2 referat, ``publish``);
- ``agendaitemparents`` (``sort`` is the item's number) each holding an ``agendaitem`` (name, caseno,
  access 1 = public) with ``bullet`` tables (bulletname, bulletcontent HTML) and ``enclosure`` tables;
- any other table whose records hold a title and a number (``acadre_records``), e.g. ``bulletPoint`` with one
  attribute-style ``<field number name caseno access/>`` and a nested ``bulletPointText`` of section fields;
- ``participant`` tables anywhere: one per person, or one attribute-style field per person.

An index holds no item text: it becomes a meeting with one entry per referenced document (what the index
states: kind, file, dates), and a warning says where the body lives.
"""

from __future__ import annotations

import re
from datetime import date

from core import vocab
from ingest.readers.acadre_records import linked_items, merged, record_items, records
from ingest.readers.acadre_rows import absent, dated, field_format, heading_dates, item_rows, people, row_item, rows
from ingest.readers.base import DecisionDraft, ItemDraft, MeetingDraft, Source
from ingest.readers.markup import fragment_text
from ingest.readers.xmlutil import Element, field_clock, flag, kids, local, placeholder, squash, timestamp

KINDS = {"0": "Kladde", "1": "Dagsorden", "2": "Referat"}
PARTICIPANT = {"participant", "participants", "attendee", "member", "deltager", "meetingparticipant"}
TABLES = {"committee", "meeting", "agenda", "producedagenda", "agendaitemparents", "agendaitem"}
FACTS = {"committee", "meeting", "agenda", "producedagenda"} | PARTICIPANT  # tables that are never items


def _tables(el: Element, name: str) -> list[Element]:
    return [t for t in el.iter() if local(t) == "table" and (t.get("name") or "").lower() == name.lower()]


def fields(table: Element | None) -> dict[str, str]:
    """A table row's own fields (not those of nested tables): text under @name, or the attributes."""
    out: dict[str, str] = {}
    if table is None:
        return out
    for holder in rows(table):
        for key, value in merged(holder).items():
            out.setdefault(key, value)
    return out


class AcadreXmlReader:
    name = "acadre-xml"

    def sniff(self, src: Source) -> bool:
        root = src.xml
        if root is None:
            return False
        names = {(t.get("name") or "").lower() for t in root.iter() if local(t) == "table"}
        return ("meeting" in names or "agenda" in names) and len(names & TABLES) >= 2

    def read(self, src: Source) -> MeetingDraft:
        root = src.xml
        committee = fields(next(iter(_tables(root, "committee")), None))
        meeting_table = next(iter(_tables(root, "meeting")), None)
        meeting = fields(meeting_table)
        agenda = fields(next(iter(_tables(root, "agenda")), None))
        day, clock = _day(root)
        warnings: list[str] = []
        if day is None:  # read all the same: the structure is there, only the date is not
            day, note = _undated([*produced_rows(root), agenda])
            warnings.append(note)
        name = (committee.get("name") or committee.get("title") or meeting.get("comname") or meeting.get("name")
                or "")
        produced = produced_rows(root)
        items = [_item(t) for t in _tables(root, "agendaitemparents")]
        items += [row_item(r) for r in item_rows(_tables(root, "agendaitem"))]
        items += linked_items(root, _tables(root, "agendaitem"))  # records beside them point to the items
        items += record_items(root, FACTS, TABLES - FACTS)  # any other table whose records are items
        items = [it for it in items if it.title]
        items.sort(key=lambda it: _number_key(it.number))
        if not items:
            items = [_reference(p, name, day.strftime("%d-%m-%Y")) for p in produced]
            files = ", ".join(_path(p) for p in produced) or "a file the index does not name"
            warnings.append(f"Acadre index: the agenda/minutes text is in the referenced file(s) {files}; "
                            "only what the index states was read")
        kinds = {p.get("type", "") for p in produced} | {agenda.get("type", ""), agenda.get("name", "")}
        minutes = "2" in kinds or any(re.match(r"referat|beslutningsprotokol", k, re.I) for k in kinds)
        decided = any(d.body is None or (d.body == squash(name) and d.date in (None, day))  # this meeting's own
                      for it in items for d in it.decisions)
        start = meeting.get("starttime") or meeting.get("starttid") or meeting.get("time")
        listed, gone = _participants(root)
        absentees = absent(meeting.get("absence") or meeting.get("absent"))
        absentees += [a for a in gone if a not in absentees]
        members = people(meeting.get("members")) + [n for n in listed if n not in people(meeting.get("members"))]
        return MeetingDraft(
            committee=squash(name),
            date=day,
            items=items,
            municipality=squash(committee.get("organisation") or committee.get("organization") or "") or None,
            time=clock or (field_clock(start) if start else None),
            location=squash(meeting.get("location") or meeting.get("locationname") or "") or None,
            participants=members + [a for a in absentees if a not in members],
            absentees=absentees,
            remarks=vocab.attendance_remarks(fragment_text(meeting.get("remark", ""))),
            status="minutes" if minutes or decided else "agenda",
            extraordinary=bool(re.search(r"ekstraordin", " ".join(meeting.values()), re.I)),
            published=timestamp(agenda.get("producedate") or next((p.get("producedate") for p in produced), None)),
            warnings=warnings,
        )


def _day(root: Element) -> tuple[date | None, str | None]:
    """The meeting's date (and clock): the meeting's date/start field (read by its ``format`` attribute), the
    agenda's date, else the date every item's decision heading states. Never a produced document's date."""
    meeting_table = next(iter(_tables(root, "meeting")), None)
    meeting = fields(meeting_table)
    agenda = fields(next(iter(_tables(root, "agenda")), None))
    row = next(iter(rows(meeting_table)), None) if meeting_table is not None else None
    for value, fmt in ((meeting.get("date"), field_format(row, "date")), (meeting.get("start"), None),
                       (agenda.get("date"), None)):
        day, clock = dated(value, fmt)
        if day is not None:
            return day, clock
    stated = set(heading_dates(item_rows(_tables(root, "agendaitem"))))
    return (stated.pop(), None) if len(stated) == 1 else (None, None)


def _participants(root: Element) -> tuple[list[str], list[str]]:
    """The records of the ``participant`` tables anywhere in the document (name, party, role, status
    "Deltager"/"Afbud"; one table per person or one record per person): every member as "Name (Party)", and those
    whose status is an absence."""
    listed: list[str] = []
    gone: list[str] = []
    for row in [r for t in root.iter() if local(t) == "table" and (t.get("name") or "").lower() in PARTICIPANT
                for r in records(t)]:
        name = squash(row.get("name") or row.get("navn") or "")
        party = squash(row.get("party") or row.get("parti") or "")
        if not name:
            continue
        name = f"{name} ({party})" if party and not name.endswith(")") else name
        listed += [name] if name not in listed else []
        if vocab.ABSENT_WORD.search(row.get("status") or row.get("state") or row.get("attendance") or ""):
            gone += [name] if name not in gone else []
    return listed, gone


def produced_rows(root: Element) -> list[dict[str, str]]:
    return [r for t in _tables(root, "producedAgenda") for r in records(t)]


def _undated(rows_: list[dict[str, str]]) -> tuple[date, str]:
    """No meeting date anywhere: the date the produced document states (approved/produced), else today."""
    for row in rows_:
        for key in ("approved", "producedate", "date"):
            day = dated(row.get(key), None)[0]
            if day is not None:
                return day, f"Acadre XML without a meeting date: dated by the document's {key} date {day.isoformat()}"
    return date.today(), "Acadre XML without a meeting date: dated today"


def _number_key(number: str | None) -> tuple[int, ...]:
    parts = (number or "").split(".")
    return tuple(int(p) if p.isdigit() else 1 << 30 for p in parts)


def _path(row: dict[str, str]) -> str:
    parts = [row.get("filesfolder", ""), row.get("xmlfilename", "")]
    return "/".join(p for p in parts if p) or row.get("docfilename", "")


def _reference(row: dict[str, str], committee: str, day: str) -> ItemDraft:
    kind = KINDS.get(row.get("type", ""), "Dokument")
    lines = [f"{kind} for {committee} {day}.".strip(), f"Teksten ligger i den refererede fil {_path(row)}."]
    if row.get("docfilename"):
        lines.append(f"Dokument: {row['docfilename']}")
    if flag(row.get("publish")) is False:
        lines.append("Markeret som ikke publiceret.")
    return ItemDraft(title=f"{kind} ({_path(row) or 'refereret fil'})", sections=[("Henvisning", "\n".join(lines))],
                     closed=row.get("accessid", "1") not in {"", "1"})


def _item(parent: Element) -> ItemDraft:
    item_table = next(iter(_tables(parent, "agendaitem")), None)
    own, item = fields(parent), fields(item_table)
    draft = ItemDraft(
        title=squash(item.get("name", "")),
        number=(own.get("sort") or own.get("number") or "").rstrip(".") or None,
        case_number=item.get("caseno") or None,
        closed=item.get("access", "1") not in {"", "1"},
    )
    if item_table is None:
        return draft
    for bullet in [t for t in kids(item_table, "table") if (t.get("name") or "").lower() == "bullet"]:
        row = fields(bullet)
        heading, body = squash(row.get("bulletname", "")), fragment_text(row.get("bulletcontent", ""))
        dec = vocab.decision_heading(heading)
        if dec is not None:
            if not placeholder(body):
                draft.decisions.append(DecisionDraft(body, dec.body, dec.date))
        elif body:
            draft.sections.append((heading, body))
    draft.attachments = [squash(fields(t).get("name", "")) for t in kids(item_table, "table")
                         if (t.get("name") or "").lower() == "enclosure" and fields(t).get("name")]
    return draft


READER = AcadreXmlReader()
