"""Any JSON (or JSON lines) no format reader knows: find the item-like records and map their fields by name.

An item-like record is an object with a title-ish string and a body, a decision, an item number or a case number.
The list holding the most wins, preferring a list whose key says "items"/"agenda"/"punkter", then the shallowest; a
sort field ("sortOrder") orders it; the lists of several sections (open, then closed items) are read in the order of
their printed numbers (``by_number``). Field names (``fieldnames.JSON_FIELDS``) are compared slug-folded after
dropping a leading "item"/"agenda"/"meeting"/"punkt"/"moede" ("itemTitle", "meeting_date"). Meeting facts come from
the objects around the list and the records (``json_facts``). A list of {heading, text} objects is the item's
sections, one whose heading or type names a decision its decision; HTML bodies are split on their headings as in
``greve_json``, plain ones on their heading lines (``json_parts.text_parts``); a formatted-text object ({"value",
"format", "processed"}) is one text, its value; a rich-text editor's ProseMirror document ({"type": "doc",
"content": […]}, bold runs as text nodes of their own) is one HTML text (``prosemirror``). A JSON:API document
({"data", "included"}) is first resolved into plain nested JSON by following its relationships (``jsonapi``), an
OData response (Dataverse) without its annotations and column prefixes, its repeated expanded meeting beside the
list and its records in item-number order (``odata``); a GraphQL connection ({"edges": [{"node": …}]}) is the list
of its nodes (``graphql``). Numbers printed in front of every title of a list ("3. Titel" beside a 0-based "index")
are the items' numbers (``json_titles``). A case line and the meeting's labelled facts printed before the first
heading of a plain-text body are lifted out (``json_preamble``). A stated IANA time zone ("timeZone":
"America/Nuuk") gives the clock of epoch and UTC stamps (``zones``). A record with a number and no title whose body
is one HTML string is an item titled by the body's first heading ({"no": "3", "html": "<h2>3. Titel</h2>…"}), its
case number from a "Sagsnr.:" line before the sections. Rows of one section each (an "afsnit" name and a text, the
item's number and title repeated) are grouped into items (``grouped``). A list of numbered item records nested in an
item ("Underpunkter": [{"Punktnr": "4a", …}]) holds its sub-items: read as items right after their parent, numbered
as printed (``sub_item_keys``, ``read_items``), never as the parent's sections. The reader names itself in a
warning. If no list qualifies, ``sniff`` says no and the full-text reader indexes the text instead.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from core import vocab
from core.model import slug
from ingest.readers import fieldnames as names
from ingest.readers import graphql, json_preamble, jsonapi, odata
from ingest.readers.base import ItemDraft, MeetingDraft, Source
from ingest.readers.greve_json import CLOSED_TITLE, add_decision, read_field, seq, text_of
from ingest.readers.greve_jsonl import rows_of
from ingest.readers.json_facts import (
    access_closed,
    attendance,
    date_time,
    first_name,
    flag_of,
    meeting_facts,
    name_of,
    printed_number,
    stamped,
    undated,
    value_of,
)
from ingest.readers.json_parts import case_line, html_head, parts, prose, section_list, text_parts
from ingest.readers.json_rows import add_dated_decisions, grouped, numbered_records
from ingest.readers.json_titles import number_titles
from ingest.readers.markup import fragment_text

MAX_DEPTH = 12


def item_like(record: Any) -> bool:
    if not isinstance(record, dict):
        return False
    found = names.fields(record)
    numbered = re.fullmatch(r"\d{1,4}(?:\.\d{1,3})*\.?", text_of(found.get("number", ("", ""))[1])) is not None
    if not isinstance(found.get("title", (None, None))[1], str):  # {"no": "3", "html": "<h2>3. Titel</h2>…"}
        return numbered and html_head(record) is not None
    return numbered or bool({"text", "decision", "case"} & set(found))


def find_items(data: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]], str] | None:
    """(records, enclosing objects from the root, path) of the best list of item-like records, or None. A GraphQL
    connection is first the list of its nodes (``graphql``)."""
    data = graphql.unwrap(data)
    best: tuple[tuple[int, int, int], list[dict[str, Any]], list[dict[str, Any]], str] | None = None

    def walk(node: Any, parents: list[dict[str, Any]], path: str, key: str, depth: int, in_list: bool = False) -> None:
        nonlocal best
        if depth > MAX_DEPTH:
            return
        if isinstance(node, dict) and (rows := numbered_records(node)) is not None:  # {"1": {...}, "2": {...}}
            node = rows
        if isinstance(node, dict):  # an item's own sub-items are read with it, never as the item list
            subs = set(sub_item_keys(node)) if in_list and item_like(node) else set()
            for k, v in node.items():
                if k not in subs:
                    walk(v, [*parents, node], f"{path}.{k}", str(k), depth + 1)
        elif isinstance(node, list):
            records = [x for x in node if item_like(x)]
            if records and len(records) * 2 >= len(node):
                named = re.sub(r"[^a-z]", "", slug(key)) in names.ITEM_LISTS
                score = (int(named), -depth, len(records))
                lists[path or "$"] = records
                if best is None or score > best[0]:
                    best = (score, records, parents, path or "$")
            for k, v in enumerate(node[:500]):
                walk(v, parents, f"{path}[{k}]", key, depth + 1, bool(records))

    lists: dict[str, list[dict[str, Any]]] = {}
    walk(data, [], "$", "", 0)
    if best is None and item_like(data):  # the document is itself one item
        return [data], [], "$"
    if best is None:
        return None
    # the same list in each of a list's entries ("sections": open items, closed items): all of them, by number
    m = re.fullmatch(r"(?P<head>.*)\[\d+\](?P<tail>\.[^.\[\]]+)", best[3])
    if m:
        same = re.compile(re.escape(m["head"]) + r"\[(\d+)\]" + re.escape(m["tail"]))
        parts = sorted((int(g[1]), p) for p in lists if (g := same.fullmatch(p)))
        if len(parts) > 1:
            return by_number([r for _, p in parts for r in lists[p]]), best[2], f"{m['head']}[*]{m['tail']}"
    return best[1], best[2], best[3]


def by_number(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Items gathered from several sections ("Åbne punkter", then "Lukkede punkter") in the order of the numbers
    they print, when each prints a different whole number: a closed item 5 listed after item 6 is the agenda's
    fifth item. Otherwise as listed."""
    numbers = [text_of(found[1]) if (found := printed_number(r)) else "" for r in records]
    if not all(n.isdigit() for n in numbers) or len(set(numbers)) < len(numbers):
        return records
    return [r for _, _, r in sorted(zip((int(n) for n in numbers), range(len(records)), records, strict=True))]


def _data(src: Source) -> Any:
    """The document to search: a JSON:API document or an OData response resolved into plain nested JSON
    (``jsonapi``, ``odata``)."""
    if src.json is None:
        return rows_of(src) or None
    resolved = jsonapi.resolve(src.json)
    resolved = odata.resolve(src.json) if resolved is None else resolved
    return src.json if resolved is None else resolved


def item_list_path(src: Source) -> str | None:
    """The path of the list the items would be read from ("$.Dagsordenpunkter"); "$" when the document is
    itself one item record, None when there is none."""
    data = _data(src)
    found = find_items(data) if data is not None else None
    return found[2] if found is not None else None


class GenericJsonReader:
    name = "generic-json"

    def sniff(self, src: Source) -> bool:
        data = _data(src)
        return data is not None and find_items(data) is not None

    def read(self, src: Source) -> MeetingDraft:
        note = " (JSON:API relationships resolved)" if jsonapi.is_document(src.json) else \
            " (OData annotations and prefixes resolved)" if odata.is_document(src.json) else ""
        return read_data(_data(src), src.name, f"read by the generic JSON reader: {{n}} items from {{path}}{note}")


def read_data(data: Any, source: str, warning: str, day: date | None = None) -> MeetingDraft:
    """The meeting of a JSON document ``find_items`` finds items in (``sniff`` said so); ``warning`` names the
    reader with {n} and {path} for the item count and the list's path; ``day`` dates it when no field does."""
    found = find_items(data)
    assert found is not None
    records, parents, path = found
    records, head = json_preamble.lift(ordered(grouped(records)))  # facts printed only in an item's text
    facts = meeting_facts(parents, records)
    committee = first_name(facts, "committee")
    stated, time = date_time(facts)
    time = time or (head.time if head else None)
    day = stated or day
    items = read_items(records, committee, day or date.min)
    warnings = [warning.format(n=len(items), path=path)]
    if day is None and (guessed := stamped(facts, source)) is not None:
        day, time, note = guessed[0], time or guessed[1], guessed[2]
        warnings.append(note)
    if day is None:
        day, note = undated(facts, items, source)
        warnings.append(note)
    people, absentees = attendance(facts)
    if head is not None:
        people = people or head.participants
        absentees += [n for n in head.absentees if n not in absentees]
    return MeetingDraft(
        committee=committee, date=day, time=time, items=items,
        municipality=first_name(facts, "municipality") or None,
        location=first_name(facts, "location") or (head.location if head else None) or None,
        participants=people, absentees=absentees,
        remarks=[r for v in facts.get("remarks", []) if isinstance(v, str) for r in vocab.attendance_remarks(v)],
        status="minutes" if any(it.decisions for it in items) else "agenda", warnings=warnings,
    )


def ordered(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The records in the order of their sort field ("sortOrder") when every one has an integer one."""
    orders = [int(o) if isinstance(o := value_of(r, "order"), str) and o.isdigit() else o for r in records]
    if all(isinstance(o, int) and not isinstance(o, bool) for o in orders):
        return [r for _, _, r in sorted(zip(orders, range(len(records)), records, strict=True))]
    return records


def sub_item_keys(record: dict[str, Any]) -> list[str]:
    """The keys of the item lists nested in an item ("Underpunkter": [{"Punktnr": "4a", "Overskrift": …}]): a
    non-empty list under a name that is no body, decision or attachment field, every entry an item-like record
    with a number or a case number of its own (a list of {heading, text} parts has neither)."""
    out = []
    for key, value in record.items():
        if not isinstance(value, list) or not value or names.kind(str(key)) in ("text", "decision", "attachments"):
            continue
        if all(item_like(x) and {"number", "case"} & set(names.fields(x)) for x in value):
            out.append(str(key))
    return out


def read_items(records: list[dict[str, Any]], committee: str, day: date, parent: str | None = None,
               depth: int = 0) -> list[ItemDraft]:
    """Each record as an item, followed by its sub-items (``sub_item_keys``) in their own order, numbered as
    printed ("4a", "4b"); a sub-item numbered only "1" under item 4 is "4.1". Numbers printed in front of the
    titles of one list are read as ``json_titles`` says."""
    items: list[ItemDraft] = []
    own = [{k: v for k, v in r.items() if k not in (sub_item_keys(r) if depth < MAX_DEPTH else [])} for r in records]
    pairs = [(record, read_item(record, committee, day)) for record in own]
    number_titles(pairs)  # "3. Titel" beside a 0-based index: the printed number, the title without it
    for record, (mine, item) in zip(records, pairs, strict=True):
        subs = [k for k in record if k not in mine]
        if parent and item.number and item.number.isdigit():
            item.number = f"{parent}.{item.number}"
        items.append(item)
        for key in subs:
            items += read_items(ordered([x for x in record[key] if isinstance(x, dict)]), committee, day,
                                item.number, depth + 1)
    return items


def read_item(record: dict[str, Any], committee: str, day: date) -> ItemDraft:
    found = names.fields(record)
    if "title" not in found and (head := html_head(record)):  # the title is the body's first heading
        key, heading, rest = head
        case, rest = case_line(rest)
        record = {**record, key: rest, "title": heading, **({"case": case} if case and "case" not in found else {})}
        found = names.fields(record)
    number_key, number = found.get("number", ("", None))
    if "index" in number_key.lower() and (printed_field := printed_number(record)) is not None:
        number_key, number = printed_field  # "item_number" beside "agenda_index": the number as printed
    if isinstance(number, int) and not isinstance(number, bool) and "index" in number_key.lower():
        number += 1  # a 0-based index, not a printed number
    title = text_of(found["title"][1])
    closed = bool(CLOSED_TITLE.match(title)) or flag_of(value_of(record, "closed")) is True \
        or flag_of(value_of(record, "open")) is False or access_closed(record)  # "offentlig": false
    printed = re.sub(r"^(?:punkt|pkt|nr|no|item)\b\.?\s*", "", text_of(number), flags=re.I).rstrip(".")
    item = ItemDraft(title=title, number=printed or None, closed=closed,
                     case_number=text_of(value_of(record, "case")) or None,
                     case_worker=text_of(value_of(record, "worker")) or None)
    claimed = {name for name, _ in found.values()}
    for key, value in record.items():  # every body field, and any other field holding prose or sections, in order
        if names.kind(key) == "text" or key not in claimed and (isinstance(value, str) and prose(value)
                                                          or section_list(value)):
            heading = "" if names.fold(key) in names.PLAIN_BODY else str(key)
            for sub, text in parts(value):
                for printed, chunk in text_parts(text):
                    read_field(item, printed or sub or heading, chunk, committee, day, bare_decision=False)
    decision = found.get("decision", ("", None))[1]
    listed = add_dated_decisions(item, decision, committee, day)  # [{"committeeName", "date", "body"}, …]
    given = parts(decision) if decision is not None and not listed else []
    dec = vocab.decision_heading(given[0][0]) if len(given) == 1 and given[0][0] else None
    if dec is not None:  # {"label": "Beslutning i Økonomiudvalget den 08-10-2024", "bodyHtml": …}: whose, when
        add_decision(item, fragment_text("\n".join(x for x in (dec.inline_text, given[0][1]) if x)),
                     dec.body if dec.body and dec.body != committee else None, dec.date)
    elif given:
        add_decision(item, fragment_text("\n".join(v for _, v in given)))
    stated = status_code(decision)
    if stated and item.decisions and item.decisions[-1].outcome is None:
        item.decisions[-1].outcome = stated  # {"status": "postponed", "html": ""}: the state the export records
    for attachment in seq(found.get("attachments", ("", []))[1]):
        if name_of(attachment):
            item.attachments.append(name_of(attachment))
    return item


def status_code(decision: Any) -> str | None:
    """The outcome a decision object's status code states ({"status": "postponed", …} -> "postponed")."""
    if not isinstance(decision, dict):
        return None
    return next((found for k, v in decision.items() if isinstance(v, str) and names.kind_of(str(k), names.KIND)
                 and (found := names.status(v))), None)


READER = GenericJsonReader()
