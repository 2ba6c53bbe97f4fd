"""Sitecore JSS Layout Service responses: a CMS meeting page as ``/sitecore/api/layout/render/jss?item=…`` returns it.

The shape is Sitecore's own: ``{"sitecore": {"context": {site, language, itemPath, …}, "route": {name, displayName,
fields, placeholders}}}``. A page is a tree of components (``{componentName, dataSource, params, fields,
placeholders}``), each placeholder a named list of components. Every field is a ``{"value": …}`` wrapper (with
``editable`` markup in editing mode); a linked item is a reference ``{id, url, name, displayName, fields}``. The
component names are the site's own, so components are recognised by their fields (``fieldnames``), never by name:

- an item is a component with a printed number and a title field ("Number", "Heading"); its body is the components
  of its own placeholders, in order: a text component (a label and an HTML text) is a section, one whose label is a
  decision heading ("Beslutning") the decision, a component listing rows with For / Imod / Undlod columns a vote
  table, whose counts are added to the decision as the vote lines minutes print ("For stemte: C, A og B (4).");
- the meeting's facts are the fields of the first other component with a meeting date (the page's meeting header:
  committee reference, start, location, members with their attendance); a start given in UTC ("…T16:30:00Z") is
  the Danish clock. Components beside it (related meetings, the site's header and footer) give no date, committee
  or venue; the route's publication date is the page's ``published``, never the meeting date. The municipality is
  what the site's own components name ("Frederiksberg Kommune" in the logo's alt text or the footer).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from core import municipalities
from core.errors import IngestError
from ingest.items import decision_from_text
from ingest.readers import fieldnames as names
from ingest.readers.base import AnalysedReader, ItemDraft, MeetingDraft, Source
from ingest.readers.csv_meetings import AGENDA_WORDS, MINUTES_WORDS
from ingest.readers.greve_json import CLOSED_TITLE, add_decision, read_field, text_of
from ingest.readers.json_facts import attendance, date_time, first_name, flag_of, meeting_facts, value_of
from ingest.readers.xmlutil import timestamp

MAX_DEPTH = 30
_WRAPPER_KEYS = {"value", "editable", "editablefirstpart", "editablelastpart", "metadata"}
_REFERENCE_KEYS = {"id", "url", "name", "displayname", "fields"}
_KIND_KEYS = {"documenttype", "doctype", "dokumenttype", "type", "kind", "art", "pagetype"}
_PUBLISHED_KEYS = re.compile(r"^(?:published|publiceret|publishdate|publisheddate|publiceringsdato|udgivet)", re.I)
# a vote table's count columns, by the position they count
POSITIONS = {"for": "For stemte", "ja": "For stemte", "imod": "Imod stemte", "against": "Imod stemte",
             "nej": "Imod stemte", "undlod": "Undlod at stemme", "undlader": "Undlod at stemme",
             "abstain": "Undlod at stemme", "abstention": "Undlod at stemme", "blank": "Undlod at stemme",
             "hverkenforellerimod": "Undlod at stemme"}


@dataclass
class Component:
    """One rendered component: its fields unwrapped (``plain``) and the components of its placeholders."""

    fields: dict[str, Any]
    children: list[Component] = field(default_factory=list)


def is_layout(data: Any) -> bool:
    """A Layout Service response: ``{"sitecore": {"route": {"placeholders": {…}}}}``."""
    sitecore = data.get("sitecore") if isinstance(data, dict) else None
    route = sitecore.get("route") if isinstance(sitecore, dict) else None
    return isinstance(route, dict) and isinstance(route.get("placeholders"), dict)


def plain(value: Any, depth: int = 0) -> Any:
    """A field as its value: ``{"value": x}`` is x, a reference its own fields beside its display name."""
    if depth > MAX_DEPTH:
        return None
    if isinstance(value, dict):
        keys = {names.fold(k) for k in value}
        if "value" in value and keys <= _WRAPPER_KEYS:
            return plain(value["value"], depth + 1)
        if isinstance(value.get("fields"), dict) and keys <= _REFERENCE_KEYS:
            own = {str(k): plain(v, depth + 1) for k, v in value["fields"].items()}
            return {**own, "displayName": text_of(value.get("displayName") or value.get("name"))}
        return {str(k): plain(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(x, depth + 1) for x in value]
    return value


def components(placeholders: Any, depth: int = 0) -> list[Component]:
    """The components of a ``placeholders`` object, placeholder by placeholder, in order (editing chromes, which have
    no ``componentName``, are left out)."""
    out: list[Component] = []
    if not isinstance(placeholders, dict) or depth > MAX_DEPTH:
        return out
    for listed in placeholders.values():
        for raw in listed if isinstance(listed, list) else []:
            if isinstance(raw, dict) and raw.get("componentName"):
                fields = plain(raw.get("fields")) if isinstance(raw.get("fields"), dict) else {}
                out.append(Component(fields, components(raw.get("placeholders"), depth + 1)))
    return out


def _is_item(c: Component) -> bool:
    found = names.fields(c.fields)
    number = text_of(found.get("number", ("", ""))[1])
    return isinstance(found.get("title", ("", None))[1], str) and re.fullmatch(r"\d{1,3}[a-z]?(?:\.\d{1,3})*\.?",
                                                                               number) is not None


def _walk(parts: list[Component], items: list[Component], others: list[Component]) -> None:
    """The item components in page order, and every component outside the items."""
    for c in parts:
        if _is_item(c):
            items.append(c)
            _walk([x for x in c.children if _is_item(x)], items, [])  # sub-items after their parent
        else:
            others.append(c)
            _walk(c.children, items, others)


def _label(fields: dict[str, Any]) -> str:
    """A body component's label: its title or label field ("Heading", "Label")."""
    return next((v.strip() for k, v in fields.items() if isinstance(v, str) and v.strip()
                 and (names.kind(k) == "title" or names.fold(k) in names.LABEL_KEYS)), "")


def _texts(fields: dict[str, Any]) -> list[str]:
    return [v for k, v in fields.items() if isinstance(v, str) and v.strip() and names.kind(k) in ("text", "decision")]


def vote_lines(fields: dict[str, Any]) -> list[str]:
    """A vote table's rows (party and a count per position) as vote lines; [] when the component is none."""
    rows = next((v for v in fields.values() if isinstance(v, list) and v and all(isinstance(r, dict) for r in v)
                 and any(_counts(r) for r in v)), None)
    if rows is None:
        return []
    voters: dict[str, list[tuple[str, int]]] = {}
    for row in rows:
        party = text_of(value_of(row, "party")) or _label(row)
        for line, n in _counts(row).items():
            if n > 0 and party:
                voters.setdefault(line, []).append((party, n))
    out = []
    for line, who in voters.items():
        listed = [p for p, _ in who]
        joined = ", ".join(listed[:-1]) + " og " + listed[-1] if len(listed) > 1 else listed[0]
        out.append(f"{line}: {joined} ({sum(n for _, n in who)}).")
    return out


def _counts(row: dict[str, Any]) -> dict[str, int]:
    """{vote line: count} of a row's position columns that hold a number."""
    out: dict[str, int] = {}
    for key, value in row.items():
        line = POSITIONS.get(names.fold(key))
        if line and re.fullmatch(r"\d{1,3}", text_of(value).strip()):
            out[line] = out.get(line, 0) + int(text_of(value))
    return out


def read_item(c: Component, committee: str, day: date) -> ItemDraft:
    found = names.fields(c.fields)
    title = text_of(found["title"][1]).strip()
    closed = bool(CLOSED_TITLE.match(title)) or flag_of(value_of(c.fields, "closed")) is True \
        or flag_of(value_of(c.fields, "open")) is False
    item = ItemDraft(title=title, number=text_of(found["number"][1]).strip().rstrip(".") or None, closed=closed,
                     case_number=text_of(value_of(c.fields, "case")).strip() or None)
    votes: list[str] = []
    for part in _body(c.children):
        if lines := vote_lines(part.fields):
            votes += lines
            continue
        label = _label(part.fields)
        for html in _texts(part.fields):
            read_field(item, label, html, committee, day, bare_decision=False)
    if votes:
        own = next((d for d in reversed(item.decisions) if d.body is None), None)
        if own is not None:
            own.text = "\n".join([own.text, *unsaid(own.text, votes)])
        else:
            add_decision(item, "\n".join(votes))
    return item


def unsaid(text: str, lines: list[str]) -> list[str]:
    """The vote lines a decision's own words do not already give: "Anders Wedel (B) stemte imod" is the table's
    "Imod stemte: B (1)" when the count and the parties agree, and is kept instead of it (never counted twice)."""
    told = decision_from_text(text, "-", None).votes
    out = []
    for line in lines:
        table = decision_from_text(line, "-", None).votes
        if not table:
            continue
        same = [v for v in told if v.position == table[0].position]
        named = [m.party for v in same for m in v.members]
        parties = {m.name for m in table[0].members}
        if not (same and named and all(p in parties for p in named)
                and sum(v.count or len(v.members) for v in same) == table[0].count):
            out.append(line)
    return out


def _body(parts: list[Component]) -> list[Component]:
    """An item's body components in order, nested ones after their container; other items are not its body."""
    out: list[Component] = []
    for c in parts:
        if not _is_item(c):
            out += [c, *_body(c.children)]
    return out


def _chrome_text(parts: list[Component]) -> str:
    """The strings of the site's own components (logo alt text, footer address), for the municipality."""
    found: list[str] = []

    def strings(value: Any) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for v in value.values():
                strings(v)
        elif isinstance(value, list):
            for v in value:
                strings(v)

    for c in parts:
        strings(c.fields)
    return "\n".join(found)


def _status(fields: dict[str, Any], items: list[ItemDraft]) -> str:
    said = next((text_of(v) for k, v in fields.items() if names.fold(k) in _KIND_KEYS and text_of(v)), "")
    if MINUTES_WORDS.search(said):
        return "minutes"
    if AGENDA_WORDS.search(said):
        return "agenda"
    return "minutes" if any(it.decisions for it in items) else "agenda"


def analyse(src: Source) -> MeetingDraft | None:
    data = src.json
    if data is None or not is_layout(data):
        return None
    route = data["sitecore"]["route"]
    items_c: list[Component] = []
    others: list[Component] = []
    _walk(components(route["placeholders"]), items_c, others)
    if not items_c:
        return None
    header = next((c for c in others if date_time(meeting_facts([], [c.fields]))[0] is not None), None)
    if header is None:
        raise IngestError(src.path, "Sitecore layout: no component states the meeting's date (no date field)")
    facts = meeting_facts([], [header.fields])
    day, clock = date_time(facts)
    assert day is not None
    committee = first_name(facts, "committee")
    warnings = ["read as a Sitecore JSS layout: items from the components with a number and a heading"]
    if not committee:
        warnings.append(f"{src.name}: no committee field in the meeting's component")
    items = [read_item(c, committee, day) for c in items_c]
    people, absent = attendance(facts)
    route_fields = plain(route.get("fields")) if isinstance(route.get("fields"), dict) else {}
    stamp = next((text_of(v) for k, v in route_fields.items() if _PUBLISHED_KEYS.match(str(k)) and text_of(v)), "")
    town = municipalities.detect(_chrome_text([c for c in others if c is not header])).name
    return MeetingDraft(
        committee=committee, date=day, time=clock, items=items, municipality=town,
        location=first_name(facts, "location") or None, participants=people, absentees=absent,
        status=_status(header.fields, items), published=timestamp(stamp) if stamp else None, warnings=warnings)


READER = AnalysedReader("sitecore-jss", analyse, "not a Sitecore JSS layout response with agenda item components")
