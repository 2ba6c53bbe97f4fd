"""Rows of cells under a header row to a meeting: what each column holds, judged by its header name, and each row
an item. Shared by the CSV reader (``csv_rows``), spreadsheets (``spreadsheet``) and SharePoint rowsets.

Each row is an item: the number and title from their columns; every body column, and every column no list knows, a
section named by its header (a line inside it that is a known heading, such as "Indstilling" or "Økonomi", starts a
section of its own); a decision column a decision (empty: none), labelled by a sub-point column ("Ad 1") and followed
by a vote column; a status or access column saying "Lukket" closes it. A row with no number and no title continues
the item above (``row_items``). Meeting facts come from the columns that hold them (date and time, municipality,
location, absence, participants, a document-type column, which may call the meeting extraordinary). With no decision
in any row and no document type saying otherwise, the meeting is an agenda.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from core import vocab
from core.errors import IngestError
from ingest.readers import fieldnames as names
from ingest.readers import row_items
from ingest.readers.base import ItemDraft, MeetingDraft
from ingest.readers.csv_meetings import (
    AGENDA_WORDS,
    MINUTES_WORDS,
    Layout,
    Row,
    column_cells,
    document_kind,
    extraordinary,
    meetings_of,
    status_closed,
)
from ingest.readers.greve_json import CLOSED_TITLE, add_decision, read_field, text_of
from ingest.readers.json_facts import date_time, undated
from ingest.readers.markup import fragment_text, headed_parts
from ingest.readers.xmlutil import access_closed, flag

MAX_NAME_CHARS, MAX_NAME_WORDS = 40, 4  # a header cell is a field name, not prose

# names the shared lists (fieldnames.py) lack, kept here
NUMBER_EXTRA = ("item", "itemnr", "itemnumber", "agendaitem", "punktnr", "dagsordenpunkt", "dagsordenspunkt")
TIME_EXTRA = ("mødetid", "moedetid", "mødetidspunkt", "moedetidspunkt", "starttid", "klokken", "klokkeslæt")
TOWN_EXTRA = ("kommunenavn", "municipalityname")
END = ("end", "ends", "enddate", "endtime", "enddatetime", "until", "slut", "sluttid", "slutdato", "sluttidspunkt",
       "mødeslut", "moedeslut")  # when the meeting ends: never its date or start time
PEOPLE_EXTRA = ("deltagere", "medlemmer", "members", "participants", "attendees")
DECISION_PREFIXES = ("beslutning", "decision", "afgørelse")
ACCESS = ("adgang", "access", "accesslevel", "visibility", "synlighed")  # an item's "Åben"/"Lukket"

# (column kind, names) in the order tried: a case number is no item number, "sluttidspunkt" an end not a date,
# "mødetidspunkt" a time not a date, "datetime" a date not a time, "udvalgsnavn" a committee not a name
KINDS: list[tuple[str, tuple[str, ...]]] = [
    ("case", names.CASE), ("worker", names.CASE_WORKER), ("decision", names.DECISION), ("vote", row_items.VOTE),
    ("part", row_items.PART), ("access", ACCESS), ("end", END),
    ("time", TIME_EXTRA),
    ("date", names.DATE), ("time", names.TIME), ("committee", names.COMMITTEE), ("town", names.TOWN + TOWN_EXTRA),
    ("location", names.LOCATION), ("absent", names.ABSENT), ("people", names.PRESENT + names.PEOPLE + PEOPLE_EXTRA),
    ("kind", names.KIND), ("closed", names.CLOSED), ("open", names.OPEN), ("attach", names.ATTACH),
    ("number", names.NUMBER + NUMBER_EXTRA), ("title", names.TITLE), ("body", names.BODY), ("name", names.NAME),
]
MEETING_KINDS = {"date", "time", "end", "committee", "town", "location", "absent", "people", "kind"}
SNIFF_BODIES = {"body", "decision", "date", "committee"}
CLOSED_EN = re.compile(r"^\s*Closed\s+(?:item|session|meeting)\b", re.I)  # CLOSED_TITLE knows "Lukket"
NUMBER_PREFIX = re.compile(r"^(?:punkt|pkt|nr|no|item)\b\.?\s*", re.I)


def column_kind(header: str) -> str | None:
    """What a column holds, judged by its header name; None for a name no list knows."""
    k = names.key(header)
    if not k:
        return None
    if k.startswith(DECISION_PREFIXES):  # "beslutningstekst", "decisiontext"
        return "decision"
    return next((kind for kind, words in KINDS if names.kind_of(header, words)), None)


def _header_like(cells: list[str]) -> bool:
    named = [c.strip() for c in cells if c.strip()]
    return len(named) >= 3 and all(len(c) <= MAX_NAME_CHARS and "\n" not in c and len(c.split()) <= MAX_NAME_WORDS
                                   for c in named)


def item_kinds(header: list[str]) -> list[str | None] | None:
    """The columns' kinds when ``header`` names a table of agenda items (an item number, a title, and a body,
    decision, date or committee; short names, not prose), else None."""
    if not _header_like(header):
        return None
    kinds = [column_kind(h) for h in header]
    if "number" not in kinds or not {"title", "name"} & set(kinds) or not SNIFF_BODIES & set(kinds):
        return None
    return kinds


def draft_from(table: list[Row], lay: Layout, source: str, stated: list[tuple[str, str]] | None = None,
               what: str = "CSV file") -> MeetingDraft:
    """The first meeting of a table of agenda items, with a warning naming the meetings skipped when rows of several
    are grouped. ``stated``: meeting facts given outside the table as (column kind, value), e.g. a spreadsheet's
    sheet of label/value rows; they come before the values of the table's own columns."""
    first, *skipped = meetings_of(table, lay.kinds)
    return meeting_draft(first, lay, source, stated, what, skipped)


def meeting_draft(rows: list[Row], lay: Layout, source: str, stated: list[tuple[str, str]] | None = None,
                  what: str = "CSV file", skipped: list[list[Row]] | None = None) -> MeetingDraft:
    """The meeting of one group of rows; ``skipped``: the file's other meetings, named in a warning."""
    said, kinds = stated or [], lay.kinds

    def values(kind: str) -> list[str]:
        return [v for k, v in said if k == kind and v] + _values(rows, kinds, kind)

    warnings: list[str] = []
    dated = [v for k, v in said if k == "date" and v] + column_cells(rows, kinds, "date")  # "dato", "tidspunkt"
    facts: dict[str, list[Any]] = {"date": dated, "time": values("time")}
    day, time = date_time(facts)
    committee = next(iter(values("committee")), "")
    if skipped:
        warnings.append(f"{len(skipped) + 1} meetings in one {what}; read the first ({committee or 'no committee'}, "
                        f"{day or 'undated'}, {len(rows)} rows), skipped {len(skipped)} "
                        f"({sum(map(len, skipped))} rows)")
    absent = _values(rows, kinds, "absent")
    shared_absence = len(set(absent)) <= 1 and len(absent) in (0, len(rows))
    items = read_items(rows, lay, committee, day or date.min, not shared_absence)
    if day is None:
        day, note = undated(facts, items, source)
        warnings.append(note)
    decided = any(it.decisions for it in items)
    doc_kind = document_kind([v for k, v in said if k == "kind" and v] + column_cells(rows, kinds, "kind"))
    status = "minutes" if decided else "agenda"
    if MINUTES_WORDS.search(doc_kind):
        status = "minutes"
    elif AGENDA_WORDS.search(doc_kind):
        status = "agenda"
    people = next(iter(values("people")), "")
    said_absent = list(dict.fromkeys(n for k, v in said if k == "absent" for n in _names(v)))
    table_absent = _names(absent[0]) if shared_absence and absent else []
    return MeetingDraft(
        committee=committee, date=day, time=time, items=items,
        municipality=next(iter(values("town")), None),
        location=next(iter(values("location")), None),
        participants=_names(people),
        absentees=said_absent + [n for n in table_absent if n not in said_absent],
        status=status, extraordinary=extraordinary(doc_kind), warnings=warnings,
    )


def meeting_from_rows(cells: list[list[str]], path: str, stated: list[tuple[str, str]] | None = None,
                      what: str = "table") -> MeetingDraft:
    """Rows of cells (a spreadsheet's sheet) to a meeting, read as a CSV table is: the first row that names item
    columns is the header, each non-blank row under it an item (cells past the header's width are dropped).
    Raises ``IngestError`` when no row is such a header or none follows it."""
    start = next((k for k, r in enumerate(cells) if item_kinds([c.strip() for c in r]) is not None), None)
    if start is None:
        raise IngestError(path, f"{what} has no header row naming agenda-item columns (an item number, a title, "
                                f"and a text, decision, date or committee)")
    header = [c.strip() for c in cells[start]]
    while header and not header[-1]:
        header.pop()
    lay = Layout("", header, [column_kind(h) for h in header])
    rows = [Row(k, k, (r + [""] * len(header))[: len(header)])
            for k, r in enumerate(cells[start + 1:], start + 2) if any(c.strip() for c in r)]
    if not rows:
        raise IngestError(path, f"{what} has a header row but no rows under it")
    return draft_from(rows, lay, Path(path).name, stated, what)


def read_items(rows: list[Row], lay: Layout, committee: str, day: date, item_absence: bool) -> list[ItemDraft]:
    """Each row an item, except a row continuing the item above (``row_items``: one row per decision)."""
    items: list[ItemDraft] = []
    above: tuple[str, str] | None = None
    for row in rows:
        item = read_item(row, lay, committee, day, item_absence)
        if items and row_items.continues(item.number or "", item.title, above):
            row_items.merge(items[-1], item)
            continue
        items.append(item)
        above = (item.number or "", item.title)
    return items


def read_item(row: Row, lay: Layout, committee: str, day: date, item_absence: bool) -> ItemDraft:
    kinds = lay.kinds
    title = text_of(row.get(kinds, "title") or row.get(kinds, "name"))
    number = NUMBER_PREFIX.sub("", text_of(row.get(kinds, "number"))).rstrip(".")
    closed = bool(CLOSED_TITLE.match(title) or CLOSED_EN.match(title)) or flag(row.get(kinds, "closed")) is True \
        or flag(row.get(kinds, "open")) is False or status_closed(row, kinds) \
        or access_closed(row.get(kinds, "access")) is True
    item = ItemDraft(title=title, number=number or None, closed=closed,
                     case_number=text_of(row.get(kinds, "case")) or None,
                     case_worker=text_of(row.get(kinds, "worker")) or None)
    title_column = kinds.index("title") if "title" in kinds else kinds.index("name")
    decided: list[str] = []
    for k, (header, kind, cell) in enumerate(zip(lay.header, kinds, row.cells, strict=False)):
        if not cell.strip() or not header or k == title_column or kind in MEETING_KINDS and not (
                kind == "absent" and item_absence):  # absence differing from row to row is the item's
            continue
        if kind == "decision":
            decided.append(fragment_text(cell) if "<" in cell else cell.strip())
        elif kind == "attach":
            item.attachments += _lines(cell)
        elif kind == "absent" and item_absence:
            item.absentees += [n for n in _names(cell) if n not in item.absentees]
        elif kind in ("body", "name", "title", None):  # unknown columns are sections named by their header
            for printed, chunk in headed_parts(cell):
                read_field(item, printed or _label(header), chunk, committee, day, bare_decision=False)
    part, vote = row.get(kinds, "part"), row.get(kinds, "vote")
    for k, cell in enumerate(decided or [""]):  # the sub-point labels the first decision, the vote follows the last
        text = row_items.decision_text(cell, part if k == 0 else "", vote if k == len(decided or [""]) - 1 else "")
        if text:
            add_decision(item, text)
    return item


def _label(header: str) -> str:
    """A column's name as a section heading: the canonical name of a known section ("sagsfremstilling" ->
    "Sagsfremstilling"), else the header with "_" as spaces and a capital first letter."""
    plain = " ".join(header.replace("_", " ").split())
    return vocab.section_name(plain) or plain[:1].upper() + plain[1:]


def _values(rows: list[Row], kinds: list[str | None], kind: str) -> list[str]:
    return [v for row in rows if (v := row.get(kinds, kind))]


def _lines(text: str) -> list[str]:
    return [x.strip() for x in text.splitlines() if x.strip()]


def _names(text: str) -> list[str]:
    return [n for line in _lines(text) for n in vocab.split_names(line)]
