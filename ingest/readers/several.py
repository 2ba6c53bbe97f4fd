"""One JSON file holding several meetings: a list of meeting records (a portal API answering with the committee's
last meetings, newest first), bare or in a wrapper object (``{"meetings": [...], "count": 2}``).

The file is read as several meetings when every record, serialised on its own, is recognised by a structured
reader as a meeting with its own date and committee, and no two records are the same meeting (an id of its
own each). Each record is read by the reader that recognises it (``greve_json`` for First Agenda "Vis" records,
``generic_json`` for any other layout), so each meeting has its own date, items, attendance and kind (agenda or
minutes). Anything short of that (a list of item records, rows of one meeting, a record with no date of its own,
two records of one meeting) leaves the file to the reader that took it as a whole, exactly as before.
"""

from __future__ import annotations

import json
import re
from typing import Any

from core.errors import IngestError
from core.model import Meeting
from ingest.readers import ReadResult, structured_readers
from ingest.readers.base import Source, build_meeting

# a reader's note that it dated a meeting from no date field of its own (today, or the first date in the text)
UNDATED = re.compile(r"dated today|no meeting date|no meeting_date", re.I)
MAX_RECORDS = 500  # a list longer than this is no portal's answer of meetings: left to the whole-file reader


def meeting_records(data: Any) -> tuple[str, list[dict[str, Any]]] | None:
    """(path, records) of a list of two or more objects: the top level, or the one list of a wrapper object
    (a wrapper holding several lists is not one)."""
    path, rows = "$", data
    if isinstance(data, dict):
        lists = [(k, v) for k, v in data.items() if isinstance(v, list)]
        if len(lists) != 1:
            return None
        path, rows = f"$.{lists[0][0]}", lists[0][1]
    if not isinstance(rows, list) or not 2 <= len(rows) <= MAX_RECORDS:
        return None
    if not all(isinstance(r, dict) and r for r in rows):
        return None
    return path, rows


def read_record(record: dict[str, Any], src: Source, municipality: str | None) -> ReadResult | None:
    """One record as a meeting of its own, by the first structured reader that recognises it; None when no
    reader does, when it is a single item (the generic reader reads a lone item record as a one-item meeting),
    or when the meeting has no date or committee of its own."""
    from ingest.readers import generic_json

    sub = Source(json.dumps(record, ensure_ascii=False).encode("utf-8"), src.path)
    for reader in structured_readers():
        try:
            matched = reader.sniff(sub)
        except Exception:  # as in read_source: a sniffer never sinks the file
            matched = False
        if not matched:
            continue
        if reader.name == generic_json.READER.name and generic_json.item_list_path(sub) in (None, "$"):
            return None
        try:
            draft = reader.read(sub)
            if not draft.committee.strip() or UNDATED.search(" ".join(draft.warnings)):
                return None
            return ReadResult(build_meeting(draft, sub, municipality), reader.name, draft.warnings)
        except (IngestError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
            return None  # not a meeting on its own: the whole-file reader has the file
    return None


def read_several(src: Source, municipality: str | None = None) -> ReadResult | None:
    """The meetings of a file of meeting records, or None when it is not one (see the module's doc)."""
    found = meeting_records(src.json)
    if found is None:
        return None
    path, records = found
    parts: list[ReadResult] = []
    for record in records:
        part = read_record(record, src, municipality)
        if part is None:
            return None
        parts.append(part)
    ids = [p.meeting.id for p in parts]
    if len(set(ids)) != len(ids):
        return None
    return combine(parts, path)


def combine(parts: list[ReadResult], path: str) -> ReadResult:
    """One result for a file of several meetings: ``meeting`` is the first, ``meetings`` all of them in the
    file's order; the warnings say so first, then each meeting's own warnings named by its index."""
    meetings: list[Meeting] = [p.meeting for p in parts]
    readers = [p.reader for p in parts]
    listed = ", ".join(f"{m.committee} {m.date} ({m.status})" for m in meetings)
    warnings = [f"{len(parts)} meetings in one file ({path}[0..{len(parts) - 1}]), each read and stored on its own: "
                f"{listed}"]
    warnings += [f"{path}[{k}]: {w}" for k, p in enumerate(parts) for w in p.warnings]
    return ReadResult(meetings[0], "+".join(dict.fromkeys(readers)), warnings, meetings, readers)
