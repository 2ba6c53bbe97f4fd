"""Numbered attachment lists: "Bilag:" followed by "1. Lokalplanforslag", "2. Miljøscreening", ...

In PDF text such entries look exactly like bare item headings ("3. Kortbilag - vejadgang" right above the item
heading "3. Tillæg nr. 7 ..."). An entry is part of the list while its numbers step by one from 1 after the
heading; a line is an item heading after all when a case number, a section heading or a decision heading follows
it (its own sections confirm it).
"""

from __future__ import annotations

import re

from core import vocab

ENTRY = re.compile(r"^(?P<num>\d{1,2})[.)]\s+\S")


def _next(lines: list[str], k: int) -> int:
    return next((j for j in range(k, len(lines)) if lines[j]), len(lines))


def _confirmed_item(lines: list[str], k: int) -> bool:
    """The line at ``k`` starts an item: a case number, section or decision heading follows it, possibly after
    one wrapped title line."""
    for n in (1, 2):
        j = _next(lines, k + 1) if n == 1 else _next(lines, _next(lines, k + 1) + 1)
        if j >= len(lines):
            return False
        line = lines[j]
        if vocab.case_number(line) or vocab.decision_heading(line) or vocab.section_name(line):
            return True
        if ENTRY.match(line) or len(line) > 120:
            return False
    return False


def listed_attachments(lines: list[str]) -> set[int]:
    """Indexes of the numbered lines that are entries of an attachment list (not item headings)."""
    found: set[int] = set()
    for i, line in enumerate(lines):
        if not line or vocab.section_name(line) != "Bilag" or ENTRY.match(line):
            continue
        expect, j = 1, _next(lines, i + 1)
        while j < len(lines):
            m = ENTRY.match(lines[j])
            if not m or int(m.group("num")) != expect or _confirmed_item(lines, j):
                break
            found.add(j)
            expect += 1
            j = _next(lines, j + 1)
            while j < len(lines) and lines[j][:1].islower():  # an entry wrapped onto a second line
                j = _next(lines, j + 1)
        found |= _by_item(lines, _next(lines, i + 1))
    return found


# a Bilag list grouped by item: "Punkt 2. <title>" followed by its attachments as dash lines
_ITEM_REF = re.compile(r"^(?:Punkt|Pkt\.?|Sag)\s+\d{1,3}[a-z]?[.:]?\s+\S", re.I)
_DASHED = re.compile(r"^[-–—•·*]\s+\S")


def _by_item(lines: list[str], j: int) -> set[int]:
    """Indexes of "Punkt 2. <title>" lines, from ``j`` on, that head a dash list of an item's attachments: they
    refer to items, they do not start them."""
    found: set[int] = set()
    while j < len(lines) and _ITEM_REF.match(lines[j]):
        k = _next(lines, j + 1)
        while k < len(lines) and lines[k][:1].islower():  # the title wrapped onto a second line
            k = _next(lines, k + 1)
        if k >= len(lines) or not _DASHED.match(lines[k]):
            break
        found.add(j)
        while k < len(lines) and _DASHED.match(lines[k]):
            k = _next(lines, k + 1)
        j = k
    return found
