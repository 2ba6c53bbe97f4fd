"""SBSYS eDagsorden Publications holding several ``Agenda`` elements, for ``sbsys_xml``.

A supplementary agenda (tillægsdagsorden) is published by SBSYS as a second ``Agendas/Agenda`` of the same
publication, with its own ``Name`` ("Børneudvalget - 01-10-2024 - Tillægsdagsorden"), ``Frontpage`` and its own
full copy of the ``Meeting`` (When, Until, Where, Members) and ``Committee``; only its ``Items`` differ. Such an
agenda belongs to the meeting of the first one when its committee and its meeting day are the same: its items are
that meeting's further items (after the first agenda's), and its repeated members are no second meeting. An item
printed again with the same number and caption (a republished agenda) is read once. An agenda of another meeting
(another committee or day) is not merged; ``sbsys_xml`` warns that it was left out.
"""

from __future__ import annotations

from datetime import date

from ingest.readers.base import ItemDraft
from ingest.readers.xmlutil import Element, child, kids, squash, text, when


def _committee(agenda: Element) -> str:
    return squash(text(agenda, "Committee", "Name")).casefold()


def meeting_agendas(root: Element | None, first: Element, day: date) -> tuple[list[Element], int]:
    """The publication's agendas of the first agenda's meeting (the first agenda, then each further agenda with
    the same committee and meeting day, in document order), and how many agendas of other meetings it holds."""
    agendas = kids(child(root, "Agendas"), "Agenda") if root is not None else []
    same = [first]
    others = 0
    for agenda in agendas:
        if agenda is first:
            continue
        on = when(text(agenda, "Meeting", "When"))[0] or when(text(agenda, "Name"))[0]
        if on == day and _committee(agenda) == _committee(first):
            same.append(agenda)
        else:
            others += 1
    return same, others


def merged(item_lists: list[list[ItemDraft]]) -> list[ItemDraft]:
    """The items of each agenda in turn; an item whose printed number and caption an earlier agenda already
    gave is read once (the first)."""
    seen: set[tuple[str, str]] = set()
    out: list[ItemDraft] = []
    for items in item_lists:
        for it in items:
            key = ((it.number or "").strip(), squash(it.title).casefold())
            if key[0] and key in seen:
                continue
            seen.add(key)
            out.append(it)
    return out
