"""Two variants of the First Agenda "Vis" JSON that ``greve_json`` reads.

An API envelope: the agenda object wrapped in an answer such as ``{"success": true, "statusCode": 200, "message":
null, "data": {"Dagsordenpunkter": [...], "Udvalg": {...}, "Moede": {...}}}``. Whatever the envelope's key, when an
object holds exactly one object or list beside its plain values (flags, codes, messages) and that one is an object
or a list of one object, the agenda is looked for in it (``envelope``); a list of several meeting records is
``several``'s.

This meeting's decision in "Sagens forløb" only: an item with no "Beslutning" heading publishes its decision as the
case history's entry for this meeting (``<u>26-11-2024 Byrådet</u><br> Godkendt.<br><br>Afbud: …``), the earlier
entries being earlier bodies' decisions. The entry dated the meeting's day whose body names the meeting's committee
(the same name, or the committee's name without an election period: "Byrådet" for "Byrådet 2022-2025") is then the
item's own decision, its "Afbud:"/"Fraværende:" lines this meeting's absence (``own_entry``). An item that has a
"Beslutning" keeps it, and the entry that repeats it is left out as before.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from core import vocab
from ingest.readers.base import ItemDraft

MAX_DEPTH = 4
ELECTION_PERIOD = re.compile(r"\s*[(,-]?\s*(?:19|20)\d{2}\s*[-–/]\s*(?:19|20)\d{2}\s*\)?$")
BRACKETED = re.compile(r"^\((?P<line>.*)\)$")


def envelope(data: Any, has_agenda: Any) -> Any:
    """The object holding the agenda: ``data`` itself when ``has_agenda(data)``, else the one object an envelope
    wraps beside plain values, or the one object of a one-element list (recursively, a few levels); ``data`` when
    there is none."""
    node = data
    for _ in range(MAX_DEPTH):
        if isinstance(node, dict) and has_agenda(node):
            return node
        inner = [v for v in node.values() if isinstance(v, dict | list) and v] if isinstance(node, dict) else [node]
        if len(inner) != 1 or isinstance(inner[0], list) and len(inner[0]) != 1:
            return data
        node = inner[0][0] if isinstance(inner[0], list) else inner[0]
        if not isinstance(node, dict):
            return data
    return data


def body_name(name: str) -> str:
    """A body's name without an election period, folded for comparison ("Byrådet 2022-2025" -> "byrådet")."""
    return " ".join(ELECTION_PERIOD.sub("", name).split()).casefold()


def same_body(body: str | None, committee: str) -> bool:
    return bool(body) and bool(committee) and body_name(body or "") == body_name(committee)


def own_entry(item: ItemDraft, committee: str, day: date) -> tuple[str, str] | None:
    """Sort the "Sagens forløb" entries dated this meeting and naming its committee (read with every entry kept).
    With a decision of its own the item drops the entry that repeats it (its body exactly the committee, as
    before); without one, the first such entry is removed from the earlier decisions and returned as (body as
    printed, decision text with its absence lines unbracketed) for the caller to add as the item's decision."""
    mine = [d for d in item.decisions if d.body is not None and d.date == day and same_body(d.body, committee)]
    if any(d.body is None for d in item.decisions) or not mine:
        item.decisions = [d for d in item.decisions if not (d.date == day and d.body == committee)]
        return None
    item.decisions = [d for d in item.decisions if all(d is not m for m in mine)]
    text = "\n".join(m.group("line") if (m := BRACKETED.match(x.strip())) and vocab.ABSENT_LABEL.match(m.group("line"))
                     else x for x in mine[0].text.splitlines())
    return mine[0].body or committee, text


def first_own(item: ItemDraft, decided: int) -> None:
    """Move the decision appended last (the item's own, from its case history) before the earlier decisions."""
    if len(item.decisions) > decided:
        item.decisions.insert(0, item.decisions.pop())
