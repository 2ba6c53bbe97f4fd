"""Any JSON (or JSON lines) no format reader knows: find the item-like records and map their fields by name.

An item-like record is an object with a title-ish string and a body, a decision, an item number or a case
number. The list holding the most wins, preferring a list whose key says "items"/"agenda"/"punkter", then the
shallowest; a sort field ("sortOrder") orders it. Field names (``xmlnames.JSON_FIELDS``) are compared slug-folded
after dropping a leading "item"/"agenda"/"meeting"/"punkt"/"moede" ("itemTitle", "meeting_date"). Meeting facts
come from the objects enclosing the list, each followed by the objects beside it ({"meeting": {...},
"agendaItems": [...]}), then from records that repeat them; a date-time gives date and time. A list of {heading,
text} objects is the item's sections, one whose heading or type names a decision its decision; HTML bodies are
split on their headings as in ``greve_json``, plain ones on lines that are known headings. The reader names
itself in a warning. If no list qualifies, ``sniff`` says no and the full-text reader indexes the text instead.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from core import dates, vocab
from core.model import slug
from ingest.readers import xmlnames as names
from ingest.readers.base import ItemDraft, MeetingDraft, Source
from ingest.readers.greve_json import CLOSED_TITLE, add_decision, read_field, seq, text_of, when
from ingest.readers.greve_jsonl import rows_of
from ingest.readers.markup import fragment_text
from ingest.readers.xmlutil import absent_by_flag, flag
from ingest.readers.xmlutil import when as xml_when

MAX_DEPTH = 12
CLOCK = re.compile(r"\b([01]?\d|2[0-3])[:.]([0-5]\d)\b")
Facts = dict[str, list[Any]]  # meeting-level values by kind, best first


def _fold(key: Any) -> str:
    return re.sub(r"[^a-z0-9]", "", slug(str(key)))


def kind(key: str) -> str | None:
    """What a field holds, judged by its name."""
    folded = _fold(key)
    keys = [folded] + [folded[len(p):] for p in names.PREFIXES if folded.startswith(p) and len(folded) > len(p)]
    for name in keys:
        for field, words in names.JSON_FIELDS.items():
            if name in words:
                return field
    for name in keys:  # compounds: "decisionText" holds a decision, "bodyHtml" a body
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


def _value(obj: Any, name: str) -> Any:
    """The first non-empty value of kind ``name`` in an object, else None."""
    return fields(obj).get(name, ("", None))[1] if isinstance(obj, dict) else None


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
                named = re.sub(r"[^a-z]", "", slug(key)) in names.ITEM_LISTS
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
        orders = [int(o) if isinstance(o := _value(r, "order"), str) and o.isdigit() else o for r in records]
        if all(isinstance(o, int) and not isinstance(o, bool) for o in orders):
            records = [r for _, _, r in sorted(zip(orders, range(len(records)), records, strict=True))]
        facts = meeting_facts(parents, records)
        committee = _first_name(facts, "committee")
        day, time = _date_time(facts)
        items = [read_item(r, committee, day or date.min) for r in records]
        warnings = [f"read by the generic JSON reader: {len(items)} items from {path}"]
        if day is None:
            day, note = _undated(facts, items, src.name)
            warnings.append(note)
        people, absentees = _attendance(facts)
        return MeetingDraft(
            committee=committee, date=day, time=time, items=items,
            municipality=_first_name(facts, "municipality") or None,
            location=_first_name(facts, "location") or None, participants=people, absentees=absentees,
            status="minutes" if any(it.decisions for it in items) else "agenda", warnings=warnings,
        )


def meeting_facts(parents: list[dict[str, Any]], records: list[dict[str, Any]]) -> Facts:
    """The values of the objects around the item list (``_around``), then those the records repeat. Around
    the items, a short name under "body"/"organ" is the committee ({"meeting": {"body": "Teknisk Udvalg"}})."""
    facts: Facts = {}
    around = _around(parents)
    for k, obj in enumerate([*around, *records]):
        for key, value in obj.items():
            name = kind(key)
            if name == "text" and k < len(around) and _fold(key) in names.NAME_KEYS and _name_like(value):
                name = "committee"
            if name and value not in (None, "", [], {}):
                facts.setdefault(name, []).append(value)
    return facts


def _around(parents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The objects enclosing the item list, nearest first, each followed by the objects in it beside the
    list that no field name claims ({"meeting": {...}}, {"moede": {...}}), meeting-like keys first."""
    out: list[dict[str, Any]] = []
    for depth in range(len(parents) - 1, -1, -1):
        obj, inner = parents[depth], parents[depth + 1] if depth + 1 < len(parents) else None
        beside = [(k, v) for k, v in obj.items() if isinstance(v, dict) and v is not inner and kind(k) is None]
        beside.sort(key=lambda kv: _fold(kv[0]) not in names.MEETING_KEYS)
        out += [obj, *(v for _, v in beside)]
    return out


def _first_name(facts: Facts, name: str) -> str:
    return next((n for v in facts.get(name, []) if (n := _name(v))), "")


def _date_time(facts: Facts) -> tuple[date | None, str | None]:
    """The date of the first date field that parses (a date-time gives the time too); the time from it or
    from a time field ("kl": "16.30")."""
    stamps = [_when(v) for v in [*facts.get("date", []), *facts.get("time", [])]]
    day, clock = next(((d, c) for d, c in stamps if d), (None, None))
    clocks = [c for d, c in stamps if d in (None, day)]
    clocks += [f"{int(m[1]):02d}:{m[2]}" for v in facts.get("time", []) if (m := CLOCK.search(text_of(v)))]
    return day, clock or next((c for c in clocks if c), None)


def _when(value: Any) -> tuple[date | None, str | None]:
    """ISO (a UTC stamp in local time), "30.10.2024 17:00", "3. juni 2024 kl. 14": the date and "HH:MM"."""
    day, clock = when(value)
    other_day, other_clock = xml_when(text_of(value))
    return day or other_day, clock or (other_clock if other_day == (day or other_day) else None)


def _undated(facts: Facts, items: list[ItemDraft], source: str) -> tuple[date, str]:
    """No meeting date. A date field that does not parse is never replaced by a date from the item texts.
    Dated today, the meeting shares its id with any other undated meeting of the committee: say so."""
    clash = f"dated today ({source}; another undated meeting of this committee would replace it)"
    if facts.get("date"):
        return date.today(), f"meeting date {text_of(facts['date'][0])!r} not understood; {clash}"
    day = next((d for it in items for _, t in it.sections if (d := dates.first_date(t))), None)
    if day:
        return day, f"no meeting date field; took the first date in the text ({source})"
    return date.today(), f"no meeting date field; {clash}"


def _attendance(facts: Facts) -> tuple[list[str], list[str]]:
    """The participants; the absentees an absence field lists, then the participants flagged absent, or
    flagged not present when some are flagged present ({"name": ..., "present": false})."""
    listed = next((v for v in facts.get("participants", []) if isinstance(v, list)), [])
    people = [(_person(p), p) for p in listed if _person(p)]
    absent = next(([n for p in v if (n := _person(p))] if isinstance(v, list) else vocab.split_names(v)
                   for v in facts.get("absent", []) if isinstance(v, list | str)), [])
    absent += [n for n, p in people if _flag(_value(p, "absent")) is True]
    absent += absent_by_flag([(n, _flag(_value(p, "present"))) for n, p in people])
    return [n for n, _ in people], list(dict.fromkeys(absent))


def _flag(value: Any) -> bool | None:
    return value if isinstance(value, bool) else flag(text_of(value))


def _name(value: Any) -> str:
    """A name given as a string or as an object with a name/title field."""
    return text_of(_value(value, "title") or _value(value, "committee") if isinstance(value, dict) else value)


def _person(value: Any) -> str:
    """A person's name with the party a field states: {"name": "Søren Lund", "party": "C"} -> "Søren Lund (C)"."""
    name, party = _name(value), text_of(_value(value, "party"))
    return f"{name} ({party})" if name and party and not name.endswith(")") else name


def _name_like(value: Any) -> bool:
    """An object with a name, or a short one-line name."""
    short = isinstance(value, str) and len(value) <= 80 and 0 < len(value.split()) <= 8 and "<" not in value
    return bool(_name(value)) if isinstance(value, dict) else short


def read_item(record: dict[str, Any], committee: str, day: date) -> ItemDraft:
    found = fields(record)
    number_key, number = found.get("number", ("", None))
    if isinstance(number, int) and not isinstance(number, bool) and "index" in number_key.lower():
        number += 1  # a 0-based index, not a printed number
    title = text_of(found["title"][1])
    closed = bool(CLOSED_TITLE.match(title)) or _flag(_value(record, "closed")) is True \
        or _flag(_value(record, "open")) is False  # "offentlig": false
    printed = re.sub(r"^(?:punkt|pkt|nr|no|item)\b\.?\s*", "", text_of(number), flags=re.I).rstrip(".")
    item = ItemDraft(title=title, number=printed or None, closed=closed,
                     case_number=text_of(_value(record, "case")) or None,
                     case_worker=text_of(_value(record, "worker")) or None)
    claimed = {name for name, _ in found.values()}
    for key, value in record.items():  # every body field, and any other field holding prose or sections, in order
        if kind(key) == "text" or key not in claimed and (isinstance(value, str) and _prose(value)
                                                          or _section_list(value)):
            heading = "" if _fold(key) in names.PLAIN_BODY else str(key)
            for sub, text in _parts(value):
                for printed, chunk in _headed(text):
                    read_field(item, printed or sub or heading, chunk, committee, day, bare_decision=False)
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
    if isinstance(value, str | int | float):
        return [("", str(value))]
    if isinstance(value, list):
        return [_part(p) if isinstance(p, dict) else ("", _flat(p)) for p in value]
    if isinstance(value, dict):
        heading, text = _part(value)
        if heading and "text" in fields(value):  # {heading, text}
            return [(heading, text)]
        return [(str(k), _flat(v)) for k, v in value.items() if isinstance(v, str | list | dict) and _flat(v).strip()]
    return []


def _part(part: dict[str, Any]) -> tuple[str, str]:
    """A {heading, text} object. The heading is its title, else its type ("Background"); a type or title
    naming a decision makes it a decision ({"type": "Decision", "title": "Udvalgets svar"})."""
    sub = fields(part)
    title = text_of(sub.get("title", ("", ""))[1])
    label = next((lb for k, v in part.items() if _fold(k) in names.LABEL_KEYS and (lb := names.label(text_of(v)))), "")
    heading = title or label
    if any(names.kind_of(x, names.DECISION) for x in (label, title) if x) and vocab.decision_heading(heading) is None:
        heading = "Beslutning"
    return heading, _flat(sub.get("text", sub.get("decision", ("", "")))[1])


def _section_list(value: Any) -> bool:
    """A list of {heading, text} objects under a name no field list knows ("blokke": [{"type", "tekst"}])."""
    parts = [_part(p) for p in value if isinstance(p, dict)] if isinstance(value, list) else []
    return 0 < len(parts) == len(value) and all(h for h, _ in parts) and any(t.strip() for _, t in parts)


def _headed(text: str) -> list[tuple[str, str]]:
    """A plain text whose own lines head its parts ("Sagsfremstilling\\n…\\n\\nIndstilling\\n…"): a line that is
    a known section or decision heading. HTML is split on its heading elements by ``read_field``."""
    out: list[tuple[str, list[str]]] = [("", [])]
    for line in text.splitlines() if "<" not in text else []:
        bare = line.strip().rstrip(":").strip()
        if _heading_line(bare):
            out.append((bare, []))
        else:
            out[-1][1].append(line)
    if len(out) == 1:
        return [("", text)]
    return [(h, "\n".join(lines).strip()) for h, lines in out if h or "".join(lines).strip()]


def _heading_line(line: str) -> bool:
    if not 0 < len(line.split()) <= 6 or line.endswith("."):
        return False
    dec = vocab.decision_heading(line)
    return bool(dec and dec.inline_text is None) or vocab.section_name(line) is not None


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
