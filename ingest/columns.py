"""A page head printed in two columns, as ``pdftotext -layout`` lays it out, back into one column per fact.

A cover page often prints the document kind and the committee on the left and the meeting facts on the right
("Referat" / "Regionsrådet" left; "Mødedato: …", "Mødested: …" from column 58). The layout transcript puts both
on the same physical lines ("Regionsrådet            Mødested: Regionshuset Viborg,") and wraps a long right-hand
value onto lines indented to the value's column. Read as lines, the committee would run into the venue. Here the
head's left column is read first, then the right column, a wrapped value joined to its label's line:
"Regionsrådet" and "Mødested: Regionshuset Viborg, Regionsrådssalen, Skottenborg 26, 8800 Viborg".

Only the top of the first page is rearranged, and only where it is plainly two columns: one right-hand column
start shared by at least three lines, at least one of them beside left-hand text, and at least one right-hand line
a labelled meeting fact ("Mødedato:"). The head ends before the first item heading, section heading or table of
contents line, and at a line that crosses the column.
"""

from __future__ import annotations

import re
from collections import Counter

from core import vocab
from ingest import header

_GAP = re.compile(r"(?<=\S)[ \t]{3,}(?=\S)")  # the white space between the two columns
_MIN_COLUMN = 24  # a right-hand column starts at least this far in
_SLACK = 1  # a column start may wobble by one character
_HEAD_LINES = 60

Part = tuple[str, int | None, str]  # left text, right column start (None: no right text), right text


def _parts(line: str) -> Part | None:
    """The line's left and right text; None for a blank line."""
    text = line.expandtabs(8).rstrip()
    if not text.strip():
        return None
    indent = len(text) - len(text.lstrip())
    if indent >= _MIN_COLUMN:
        return "", indent, text.strip()
    m = _GAP.search(text, indent)
    if m is None or m.end() < _MIN_COLUMN:
        return text.strip(), None, ""
    left = text[:m.start()].strip()
    if left.endswith(":"):  # "Mødedato:           27. november 2024": a label and its value, one column
        return text.strip(), None, ""
    return left, m.end(), text[m.end():].strip()


def _ends_head(line: str) -> bool:
    """An item heading, a section or decision heading or a table of contents line: the head is over."""
    clean = vocab.clean_line(line)
    return bool(vocab.ITEM.match(clean) or vocab.BARE_ITEM.match(clean) or vocab.section_name(clean)
                or vocab.decision_heading(clean) or vocab.is_toc(line, clean))


def _join(prev: str, more: str) -> str:
    if prev.endswith("-") and more[:1].islower():
        return prev[:-1] + more
    return f"{prev} {more}"


def unfold(text: str) -> str:
    """``text`` with a two-column head on its first page read column by column (see the module)."""
    first, sep, rest = text.partition("\f")
    lines = first.split("\n")
    parts: list[Part | None] = []
    for line in lines[:_HEAD_LINES]:
        if line.strip() and _ends_head(line):
            break
        parts.append(_parts(line))
    starts = Counter(p[1] for p in parts if p is not None and p[1] is not None)
    if not starts:
        return text
    column, _ = max(starts.items(), key=lambda kv: (sum(n for c, n in starts.items() if abs(c - kv[0]) <= _SLACK),
                                                    -kv[0]))
    at_column = [p for p in parts if p is not None and p[1] is not None and abs(p[1] - column) <= _SLACK]
    if len(at_column) < 3 or not any(p[0] for p in at_column):
        return text
    end = 0  # the head: up to the last line with right-hand text, every line before it fitting the two columns
    for k, p in enumerate(parts):
        if p is None:
            continue
        left, start, _ = p
        if start is None and len(left) >= column - _SLACK:
            break  # a line across the column: no longer the two-column head
        if start is not None and start < column - _SLACK:
            break
        if start is not None:
            end = k + 1
    head = [p for p in parts[:end] if p is not None]
    right: list[str] = []
    for _, start, value in head:
        if not value:
            continue
        if start is not None and start > column + _SLACK and right:
            right[-1] = _join(right[-1], value)  # a wrapped value, indented to its column
        else:
            right.append(value)
    if not any(header.LABEL.match(x) for x in right):
        return text
    left_lines = [left for left, _, _ in head if left]
    out = [*left_lines, "", *right, *lines[end:]]
    return "\n".join(out) + sep + rest
