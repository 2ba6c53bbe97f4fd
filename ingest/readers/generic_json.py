"""Any JSON (or JSON lines) no format reader knows: find the item-like records and map their fields by name.

An item-like record is an object with a title-ish string and at least one of a body text, a decision, an
item number or a case number. The list holding the most of them wins, preferring a list whose own key says
"items"/"agenda"/"punkter" and then the shallowest. Field names are compared case- and accent-folded with
``_`` and ``-`` removed, after dropping a leading "item"/"agenda"/"meeting"/"punkt"/"moede" ("itemTitle",
"agenda_index", "meeting_date"). The names are those the real exports use (Greve portal and JSON lines,
eDoc, SBSYS) plus their plain English forms. Meeting-level fields come from the objects enclosing the list,
else from the first record that repeats them. HTML bodies are split on their headings as in ``greve_json``.
The reader names itself in a warning. If no list qualifies, ``sniff`` says no and the full-text reader
indexes the document's text instead.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from core import dates, vocab
from core.model import slug
from ingest.readers.base import ItemDraft, MeetingDraft, Source
from ingest.readers.greve_json import CLOSED_TITLE, add_decision, read_field, seq, text_of, when
from ingest.readers.greve_jsonl import rows_of
from ingest.readers.markup import fragment_text

FIELDS: dict[str, set[str]] = {
    "case": {"case", "casenumber", "caseno", "sagsnummer", "sagsnr", "sag", "journalnummer", "journalnr"},
    "worker": {"caseworker", "sagsbehandler", "casehandler", "handler", "officer"},
    "number": {"number", "nummer", "nr", "no", "punkt", "sorting", "index", "serialno"},
    "title": {"title", "titel", "navn", "name", "caption", "overskrift", "heading", "subject", "emne",
              "sectiontitle", "neutraltitle"},
    "text": {"text", "tekst", "html", "body", "content", "indhold", "felter", "fields", "description",
             "beskrivelse", "sagsfremstilling", "sections", "summary", "resume", "casepresentations"},
    "decision": {"decision", "beslutning", "afgoerelse", "resolution", "itemdecision"},
    "attachments": {"attachments", "bilag", "documents", "files", "enclosures"},
    "closed": {"closed", "lukket", "isclosed", "erlukket", "confidential", "fortrolig"},
    "date": {"date", "dato", "datetime", "start", "startdate", "begin", "beginutc", "when", "heldon"},
    "time": {"time", "tid", "starttime", "starttid", "klokken", "kl"},
    "committee": {"committee", "udvalg", "udvalgsnavn", "board", "organ", "committeename"},
    "municipality": {"municipality", "kommune", "organisation", "organization", "city"},
    "location": {"location", "sted", "venue", "place", "lokale", "room", "where", "adresse", "address"},
    "participants": {"participants", "deltagere", "members", "medlemmer", "attendees", "moededeltagere"},
    "absent": {"absent", "absentees", "afbud", "fravaerende", "absence", "absences"},
}
PLAIN_BODY = {"text", "tekst", "html", "body", "content", "indhold", "felter", "fields", "sections",
              "casepresentations"}  # body keys that name no section
PREFIXES = ("agendaitem", "item", "agenda", "meeting", "moede", "punkt", "dagsorden")
ITEM_LISTS = {"items", "agenda", "agendaitems", "punkter", "dagsordenpunkter", "dagsorden", "points", "rows",
              "elements", "agendaelements"}
MAX_DEPTH = 12


def kind(key: str) -> str | None:
    """What a field holds, judged by its name."""
    folded = re.sub(r"[^a-z0-9]", "", slug(str(key)))
    names = [folded] + [folded[len(p):] for p in PREFIXES if folded.startswith(p) and len(folded) > len(p)]
    for name in names:
        for field, words in FIELDS.items():
            if name in words:
                return field
    for name in names:  # compounds: "decisionText" holds a decision, "bodyHtml" a body
        if name.startswith(("decision", "beslutning")):
            return "decision"
        if name.endswith(("html", "text", "tekst", "body", "content", "indhold")):
            return "text"
    return None


def fields(record: dict[str, Any]) -> dict[str, tuple[str, Any]]:
    """{kind: (key, value)} for the first non-empty value of each kind."""
    out: dict[str, tuple[str, Any]] = {}
    for key, value in record.items():
        found = kind(key)
        if found and found not in out and value not in (None, "", [], {}):
            out[found] = (key, value)
    return out


def item_like(record: Any) -> bool:
    if not isinstance(record, dict):
        return False
    found = fields(record)
    numbered = re.fullmatch(r"\d{1,4}(?:\.\d{1,3})*\.?", text_of(found.get("number", ("", ""))[1])) is not None
    return isinstance(found.get("title", (None, None))[1], str) and (numbered or bool({"text", "decision", "case"}
                                                                                      & set(found)))


def find_items(data: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]], str] | None:
    """(records, enclosing objects from the root, path) of the best list of item-like records, or None."""
    best: tuple[tuple[int, int, int], list[dict[str, Any]], list[dict[str, Any]], str] | None = None

    def walk(node: Any, parents: list[dict[str, Any]], path: str, key: str, depth: int) -> None:
        nonlocal best
        if depth > MAX_DEPTH:
            return
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, [*parents, node], f"{path}.{k}", str(k), depth + 1)
        elif isinstance(node, list):
            records = [x for x in node if item_like(x)]
            if records and len(records) * 2 >= len(node):
                named = re.sub(r"[^a-z]", "", slug(key)) in ITEM_LISTS
                score = (int(named), -depth, len(records))
                if best is None or score > best[0]:
                    best = (score, records, parents, path or "$")
            for k, v in enumerate(node[:500]):
                walk(v, parents, f"{path}[{k}]", key, depth + 1)

    walk(data, [], "$", "", 0)
    if best is None and item_like(data):  # the document is itself one item
        return [data], [], "$"
    return (best[1], best[2], best[3]) if best else None


def _data(src: Source) -> Any:
    return src.json if src.json is not None else (rows_of(src) or None)


class GenericJsonReader:
    name = "generic-json"

    def sniff(self, src: Source) -> bool:
        data = _data(src)
        return data is not None and find_items(data) is not None

    def read(self, src: Source) -> MeetingDraft:
        found = find_items(_data(src))
        assert found is not None
        records, parents, path = found
        meeting: dict[str, Any] = {}
        for obj in [*reversed(parents), *records]:  # nearest enclosing object first, then repeated on records
            for name, (_, value) in fields(obj).items():
                meeting.setdefault(name, value)
        committee = _name(meeting.get("committee"))
        day, time = when(meeting.get("date"))
        clock = re.search(r"\b([01]?\d|2[0-3])[:.]([0-5]\d)\b", text_of(meeting.get("time")))
        time = time or (f"{int(clock.group(1)):02d}:{clock.group(2)}" if clock else None)
        items = [read_item(r, committee, day or date.min) for r in records]
        warnings = [f"read by the generic JSON reader: {len(items)} items from {path}"]
        if day is None:
            day = next((d for it in items for _, t in it.sections if (d := dates.first_date(t))), None)
            warnings.append("no meeting date field; " + ("took the first date in the text" if day else "dated today"))
            day = day or date.today()
        people = [_name(p) for p in seq(meeting.get("participants")) if _name(p)]
        absent = meeting.get("absent")
        absentees = [_name(p) for p in absent if _name(p)] if isinstance(absent, list) else \
            vocab.split_names(absent) if isinstance(absent, str) else []
        absentees += [_name(p) for p in seq(meeting.get("participants"))
                      if isinstance(p, dict) and fields(p).get("absent", (None, False))[1] is True]
        return MeetingDraft(
            committee=committee, date=day, time=time, items=items,
            municipality=_name(meeting.get("municipality")) or None,
            location=_name(meeting.get("location")) or None,
            participants=people, absentees=list(dict.fromkeys(absentees)),
            status="minutes" if any(it.decisions for it in items) else "agenda", warnings=warnings,
        )


def _name(value: Any) -> str:
    """A name given as a string or as an object with a name/title field."""
    if isinstance(value, dict):
        value = fields(value).get("title", (None, None))[1] or fields(value).get("committee", (None, None))[1]
    return text_of(value)


def read_item(record: dict[str, Any], committee: str, day: date) -> ItemDraft:
    found = fields(record)
    number_key, number = found.get("number", ("", None))
    if isinstance(number, int) and not isinstance(number, bool) and "index" in number_key.lower():
        number += 1  # a 0-based index, not a printed number
    title = text_of(found["title"][1])
    closed = CLOSED_TITLE.match(title) is not None or found.get("closed", ("", None))[1] is True
    item = ItemDraft(title=title, number=text_of(number) or None, closed=closed,
                     case_number=text_of(found.get("case", ("", None))[1]) or None,
                     case_worker=text_of(found.get("worker", ("", None))[1]) or None)
    claimed = {name for name, _ in found.values()}
    for key, value in record.items():  # every body field, and any other field holding prose, in order
        folded = re.sub(r"[^a-z0-9]", "", slug(str(key)))
        if kind(key) == "text" or (key not in claimed and isinstance(value, str) and _prose(value)):
            heading = "" if folded in PLAIN_BODY else str(key)
            for sub, text in _parts(value):
                read_field(item, sub or heading, text, committee, day, bare_decision=False)
    decision = found.get("decision", ("", None))[1]
    if decision is not None:
        add_decision(item, fragment_text("\n".join(v for _, v in _parts(decision))))
    for attachment in seq(found.get("attachments", ("", []))[1]):
        if _name(attachment):
            item.attachments.append(_name(attachment))
    return item


def _parts(value: Any) -> list[tuple[str, str]]:
    """A body as (heading, HTML or text): a string; a list of strings or of {heading, text} objects; or an
    object mapping headings to texts."""
    if value is None:
        return []
    if isinstance(value, str | int | float):
        return [("", str(value))]
    if isinstance(value, list):
        out: list[tuple[str, str]] = []
        for part in value:
            if isinstance(part, dict):
                sub = fields(part)
                out.append((text_of(sub.get("title", ("", ""))[1]), _flat(sub.get("text", ("", ""))[1])))
            else:
                out.append(("", _flat(part)))
        return out
    if isinstance(value, dict):
        sub = fields(value)
        if "text" in sub and "title" in sub:  # {heading, text}
            return [(text_of(sub["title"][1]), _flat(sub["text"][1]))]
        return [(str(k), _flat(v)) for k, v in value.items() if isinstance(v, str | list | dict) and _flat(v).strip()]
    return []


def _prose(value: str) -> bool:
    """A string that reads as text (several words), not an id, a URL or a code."""
    return len(value.split()) >= 4 and not re.match(r"^\s*(?:https?://|[\w.-]+@)", value)


def _flat(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "\n\n".join(_flat(v) for v in value)
    if isinstance(value, dict):
        return "\n\n".join(_flat(v) for v in value.values() if isinstance(v, str | list | dict))
    return "" if value is None else str(value)


READER = GenericJsonReader()
