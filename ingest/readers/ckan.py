"""A CKAN DataStore API response (Open Data DK and other CKAN portals): ``/api/3/action/datastore_search`` answers
``{"help": …, "success": true, "result": {"fields": [{"id", "type"}], "records": […], "records_format", "sort",
"filters", "_links", "total"}}``.

The rows are the resource's table, one row an agenda item of a meeting. With ``records_format=lists`` each row is
an ARRAY in the column order of ``result.fields`` (no keys in the rows); ``objects`` (the default) gives objects,
``csv``/``tsv`` one text of lines. ``resolve`` turns any of them into plain ``{"records": [{column: value}]}`` (the
datastore's own row id ``_id`` and full-text rank columns dropped; an ASCII column id of a section heading,
"oekonomi", named by its heading, "Økonomi") that ``generic_json`` reads by field name.

A portal's resource often holds every document published for a meeting: the agenda rows AND the minutes rows of
the same items, told apart by a document-kind column ("dokumenttype": "Dagsorden" | "Referat"). They are one
meeting: of each item (its printed number and title) the minutes row is kept, the agenda row only for an item the
minutes lack. The rows come in the order the query asked for (``sort=sagsnr``), not the agenda's: they are read in
the order of their printed item numbers ("5" before "5a" before "6"), when every row prints one.

A response whose rows span several meetings (dates or committees) is not read here (left to the generic reader);
an error response (``"success": false``) is an ``IngestError`` naming the API's message.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from core import vocab
from core.errors import IngestError
from ingest.readers import fieldnames as names
from ingest.readers.base import MeetingDraft, Source
from ingest.readers.csv_meetings import AGENDA_WORDS, MINUTES_WORDS
from ingest.readers.generic_json import find_items, read_data
from ingest.readers.greve_json import text_of
from ingest.readers.json_facts import printed_number, value_of

ROW_ID = {"_id", "_full_text", "rank"}  # the datastore's own columns, no meeting's
NUMBER = re.compile(r"(\d{1,4})(?:\.(\d{1,3}))?\s*([a-zæøå]?)", re.I)


def is_response(data: Any) -> bool:
    """A CKAN action API answer: a ``result`` object with a ``fields`` list of {"id"} columns and ``records``, or an
    error answer (``success`` false with an ``error`` object) of a CKAN action API (its ``help`` link)."""
    if not isinstance(data, dict) or not isinstance(data.get("success"), bool):
        return False
    if data["success"] is False:
        return isinstance(data.get("error"), dict) and "action" in str(data.get("help", ""))
    result = data.get("result")
    return (isinstance(result, dict) and isinstance(result.get("fields"), list) and "records" in result
            and all(isinstance(f, dict) and isinstance(f.get("id"), str) for f in result["fields"]))


def rows(data: dict[str, Any], source: str) -> list[dict[str, Any]]:
    """The records as objects keyed by column id, whatever ``records_format`` the query asked for."""
    if data["success"] is False:
        error = data.get("error") or {}
        message = "; ".join(f"{k}: {v}" for k, v in error.items() if k != "__type") or "no message"
        raise IngestError(source, f"CKAN API error response ({error.get('__type', 'error')}): {message}"[:300])
    result = data["result"]
    columns = [f["id"] for f in result["fields"]]
    records = result["records"]
    if isinstance(records, str):  # records_format=csv|tsv: one text of lines, no header
        delimiter = "\t" if result.get("records_format") == "tsv" else ","
        records = list(csv.reader(io.StringIO(records), delimiter=delimiter))
    if not isinstance(records, list):
        raise IngestError(source, "CKAN datastore response: 'records' is neither a list nor CSV text")
    out = []
    for k, record in enumerate(records):
        if isinstance(record, list):
            if len(record) != len(columns):
                raise IngestError(source, f"CKAN datastore response: row {k + 1} has {len(record)} values for "
                                          f"{len(columns)} fields")
            record = dict(zip(columns, record, strict=True))
        if not isinstance(record, dict):
            raise IngestError(source, f"CKAN datastore response: row {k + 1} is no list or object")
        out.append({_column(c): v for c, v in record.items() if c not in ROW_ID})
    return out


def _column(name: str) -> str:
    """A column id spelt in ASCII (a database column: "oekonomi") that is a known section heading only in its Danish
    letters ("Økonomi"): the heading. Any other id as it is."""
    words = name.replace("_", " ").strip()
    if vocab.section_name(words) is not None:
        return name
    danish = re.sub(r"aa|oe|ae", lambda m: {"aa": "å", "oe": "ø", "ae": "æ"}[m[0].lower()], words, flags=re.I)
    return vocab.section_name(danish) or name


def _meeting_key(row: dict[str, Any]) -> tuple[str, str]:
    return text_of(value_of(row, "date"))[:10], " ".join(text_of(value_of(row, "committee")).split()).casefold()


def _document(row: dict[str, Any]) -> str:
    """"minutes", "agenda" or "" by the row's document-kind column."""
    kinds = [v for k, v in row.items() if names.kind_of(k, names.KIND) and isinstance(v, str)]
    if any(MINUTES_WORDS.search(v) for v in kinds):
        return "minutes"
    return "agenda" if any(AGENDA_WORDS.search(v) for v in kinds) else ""


def _item_key(row: dict[str, Any]) -> tuple[str, str]:
    found = printed_number(row)
    return (text_of(found[1]) if found else "", " ".join(text_of(value_of(row, "title")).split()).casefold())


def one_document(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Of an item given by both the agenda and the minutes rows, the minutes row (in the place of the first)."""
    docs = [_document(r) for r in records]
    if "minutes" not in docs or "agenda" not in docs:
        return records
    minutes = {_item_key(r) for r, d in zip(records, docs, strict=True) if d == "minutes"}
    return [r for r, d in zip(records, docs, strict=True) if d == "minutes" or _item_key(r) not in minutes]


def by_printed_number(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows in the order of their printed numbers ("2" < "5" < "5a" < "6" < "10"), when every row prints a
    different one; otherwise as given."""
    keys = []
    for r in records:
        m = NUMBER.fullmatch(_item_key(r)[0].rstrip("."))
        if m is None:
            return records
        keys.append((int(m[1]), int(m[2] or 0), m[3].lower()))
    if len(set(keys)) < len(keys):
        return records
    return [r for _, _, r in sorted(zip(keys, range(len(records)), records, strict=True))]


def resolve(data: Any, source: str) -> dict[str, Any] | None:
    """The response as ``{"records": [...]}`` of one meeting's items (see the module's doc); None when it is no CKAN
    datastore response, or its rows span several meetings."""
    if not is_response(data):
        return None
    records = rows(data, source)
    if len({_meeting_key(r) for r in records}) > 1:
        return None
    return {"records": by_printed_number(one_document(records))}


class CkanReader:
    name = "ckan-datastore"

    def sniff(self, src: Source) -> bool:
        if not is_response(src.json):
            return False
        try:
            data = resolve(src.json, src.path)
        except IngestError:
            return True  # an error response or a broken row: read() names the problem
        return data is not None and find_items(data) is not None

    def read(self, src: Source) -> MeetingDraft:
        data = resolve(src.json, src.path)
        if data is None or find_items(data) is None:
            raise IngestError(src.path, "CKAN datastore response holds no agenda items of one meeting")
        both = {_document(r) for r in rows(src.json or {}, src.path)} >= {"agenda", "minutes"}
        note = " (agenda and minutes rows of the meeting: the minutes rows kept)" if both else ""
        return read_data(data, src.name, f"read as a CKAN datastore response: {{n}} items from {{path}}{note}")


READER = CkanReader()
