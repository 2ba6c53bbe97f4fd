"""JSON rows that are not whole items: one section of an item per row (grouped back into items), and the text of
a value that may be a string, a list, an object or a formatted-text object (``flat``), and the records of an
object keyed by item number ({"1": {...}, "2": {...}}: ``numbered_records``)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from core import vocab
from ingest.readers import fieldnames as names
from ingest.readers import prosemirror
from ingest.readers.base import ItemDraft
from ingest.readers.greve_json import add_decision, text_of
from ingest.readers.json_casemeetings import earlier_heading, joined_keys, part_key, split_absence
from ingest.readers.json_facts import value_of, when_of
from ingest.readers.markup import fragment_text


def grouped(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of one section each ({"punkt": 2, "punkt_titel": …, "afsnit": "Økonomi", "tekst": …}, in any order):
    the rows with the same item number and title are one item, ordered by number, its sections in the order
    of their own number ("afsnit_nr") or as given, as {"heading", "text"} parts. An "Afbud"/"Fraværende" part
    is added to the decision as a line. Rows of another meeting's date join this meeting's item of the same case
    (``json_casemeetings``). Records that repeat no item are left as they are."""
    rows = [(r, _section_row(r)) for r in records]
    keys = [(text_of(value_of(r, "number")), text_of(value_of(r, "title"))) for r in records]
    if any(row is None for _, row in rows) or len(set(keys)) == len(keys):
        return records
    groups: dict[tuple[str, str], list[tuple[Any, str, str]]] = {}
    dropped: dict[tuple[str, str], dict[str, Any]] = {}
    earlier: dict[tuple[str, str], dict[str, Any]] = {}
    keys, others = joined_keys(records, keys)  # a case's rows filed under an earlier meeting join its item
    for k, ((record, row), key, other) in enumerate(zip(rows, keys, others, strict=True)):
        assert row is not None
        label_key, text_key, order_key = row
        order = record.get(order_key) if order_key else None
        heading, text = text_of(record[label_key]), flat(record[text_key])
        text = split_absence(text) if vocab.decision_heading(heading) else text
        if other is not None:
            heading, text = earlier_heading(heading, text, record, other)
        groups.setdefault(key, []).append((part_key(order if isinstance(order, int) else k, k, heading, other),
                                           heading, text))
        facts = {f: v for f, v in record.items() if f not in {label_key, text_key, order_key}}
        (earlier if other is not None else dropped).setdefault(key, facts)  # the item's facts: this meeting's rows
    out = []
    for key, parts in sorted(groups.items(), key=lambda kv: _number_key(kv[0][0])):
        sections: list[dict[str, str]] = []
        absent: list[str] = []
        mine: list[dict[str, str]] = []  # this meeting's decisions (another meeting's sort first in the key)
        for place, heading, text in sorted(parts):
            if (m := vocab.ABSENT_LABEL.match(heading)) and not m.group("names"):
                absent.append(f"{heading}: {fragment_text(text)}")
            else:
                sections.append({"heading": heading, "text": text})
                mine += [sections[-1]] if not place[0] and vocab.decision_heading(heading) else []
        decision = mine[-1] if mine else None
        if decision is not None and absent:
            decision["text"] = "\n".join([decision["text"], *absent])
        elif absent:
            sections.append({"heading": "Fraværende", "text": "\n".join(absent)})
        out.append({**dropped.get(key, earlier.get(key, {})), "sections": sections})
    return out


ITEM_KEY = re.compile(r"\d{1,4}(?:\.\d{1,3})*[a-z]?", re.I)


def numbered_records(node: dict[str, Any]) -> list[dict[str, Any]] | None:
    """An object keyed by item number ({"1": {"title": …}, "2": {…}}, as JavaScript state often keeps a list): its
    records in number order, each given its key as its "number" when it states none; None for any other object."""
    if not node or not all(isinstance(k, str) and ITEM_KEY.fullmatch(k) and isinstance(v, dict)
                           for k, v in node.items()):
        return None
    return [v if "number" in names.fields(v) else {**v, "number": k}
            for k, v in sorted(node.items(), key=lambda kv: _number_key(kv[0]))]


def _number_key(number: str) -> tuple[int, ...]:
    parts = re.findall(r"\d+", number)
    return tuple(int(p) for p in parts) if parts else (10**6,)


def _section_row(record: dict[str, Any]) -> tuple[str, str, str | None] | None:
    """(section-name key, text key, section-number key) of a row holding one section of an item, else None."""
    label_key = next((k for k, v in record.items() if names.fold(k) in names.SECTION_KEYS and isinstance(v, str)
                      and names.label(v) and len(v.split()) <= 6), None)
    text_key = next((k for k, v in record.items() if k != label_key and names.kind(k) == "text"
                     and isinstance(v, str | list | dict)), None)
    if label_key is None or text_key is None:
        return None
    order_key = next((k for k, v in record.items() if isinstance(v, int) and k != label_key
                      and names.fold(k) in {names.fold(label_key) + s for s in ("nr", "no", "number", "nummer")}), None)
    return label_key, text_key, order_key


def flat(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "\n\n".join(flat(v) for v in value)
    if isinstance(value, dict):
        text = formatted(value)
        if text is not None:
            return text
        return "\n\n".join(flat(v) for v in value.values() if isinstance(v, str | list | dict))
    return "" if value is None else str(value)


def formatted(value: dict[str, Any]) -> str | None:
    """A formatted-text object (Drupal: {"value", "format", "processed", "summary"}) is one text: its value,
    else its processed rendering; never both. A rich-text editor's ProseMirror document ({"type": "doc",
    "content": […]}) is one text too: its HTML (``prosemirror``). None for any other object."""
    if prosemirror.is_doc(value):
        return prosemirror.html(value)
    has = set(value)
    if not ("value" in has and has & {"format", "processed"} or {"processed", "format"} <= has):
        return None
    return next((v for k in ("value", "processed") if isinstance(v := value.get(k), str) and v.strip()), "")


def add_dated_decisions(item: ItemDraft, value: Any, committee: str, day: date) -> bool:
    """Each entry of a decision list that says whose and when (``dated_decisions``) as the item's decision; False
    when the value is no such list."""
    listed = dated_decisions(value, committee, day)
    for text, body, when in listed or []:
        add_decision(item, text, body, when)
    return listed is not None


def dated_decisions(value: Any, committee: str, day: date) -> list[tuple[str, str | None, date | None]] | None:
    """A decision list whose entries say whose and when ({"committeeName", "date", "body"}, as a case's decisions
    by several bodies): (text, body, date) each, in order; body and date None for this meeting's own (this
    committee, this date or none). Another meeting's absence lines are kept in parentheses, so they are not read
    as absence from this one. None when the value is no such list."""
    entries = [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []
    if not entries or len(entries) < len(value) or not all({"committee", "date"} & set(names.fields(e))
                                                           for e in entries):
        return None
    out: list[tuple[str, str | None, date | None]] = []
    for entry in entries:
        found = names.fields(entry)
        body = " ".join(text_of(found.get("committee", ("", ""))[1]).split())
        stated = when_of(found["date"][1])[0] if "date" in found else None
        own = (not body or body.casefold() == committee.casefold()) and stated in (None, day)
        text = fragment_text(flat(found.get("text", found.get("decision", ("", "")))[1]))
        if not own:
            text = "\n".join(f"({x.strip()})" if vocab.ABSENT_LABEL.match(x.strip()) else x for x in text.splitlines())
        out.append((text, None if own else body or committee, None if own else stated))
    return out
