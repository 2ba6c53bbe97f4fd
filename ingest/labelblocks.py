"""Item heads printed as a block of labelled fields (an ePublication/Netpublicator print, a case-system report)::

    Sag nr.:
    24/2207
    Punkt nr.:
    2
    Mødedato:
    14.05.2024
    Åben sag
    Udvidelse af madservice med aftensmad

are written as the heading the text parser reads ("Punkt 2: Udvidelse af madservice med aftensmad", then
"Sagsnr.: 24/2207"; a closed item's title gets "Lukket punkt: "). A field's value may stand on the label's line or
on the next. The title is the first line after the block that is neither a label, a value nor an access mark.
Text without such blocks is returned unchanged.
"""

from __future__ import annotations

import re

_ITEM_LABEL = re.compile(r"^(?:punkt\s*nr|punktnr|pkt\.?\s*nr|dagsordenspunkt(?:\s*nr)?)\.?\s*:\s*(?P<value>.*)$", re.I)
_CASE_LABEL = re.compile(r"^(?:sag(?:s)?\s*nr|sagsnummer|j\.?\s*nr|journalnr)\.?\s*:\s*(?P<value>.*)$", re.I)
_OTHER_LABEL = re.compile(r"^[A-ZÆØÅ][\wæøå. -]{1,25}:\s*(?P<value>.*)$")
_ACCESS = re.compile(r"^(?:(?P<open>åben|åbent|offentlig)|(?P<closed>lukket|lukkede|fortrolig))(?:\s+(?:sag|punkt))?$",
                     re.I)
_NUMBER = re.compile(r"^\d{1,3}[a-z]?$")
_SPAN = 10  # lines a block may take


def _value(lines: list[str], k: int, inline: str) -> tuple[str, int]:
    """A label's value and the index after it: on the label's line, else the next line."""
    if inline.strip():
        return inline.strip(), k + 1
    if k + 1 < len(lines) and lines[k + 1].strip() and not _OTHER_LABEL.match(lines[k + 1].strip()):
        return lines[k + 1].strip(), k + 2
    return "", k + 1


def _block(lines: list[str], start: int) -> tuple[list[str], int, int] | None:
    """(heading lines, first index, index after the block) for a block whose item label is at ``start``."""
    m = _ITEM_LABEL.match(lines[start].strip())
    if m is None:
        return None
    number, k = _value(lines, start, m["value"])
    if not _NUMBER.match(number):
        return None
    case, closed, first = "", False, start
    for j in range(max(0, start - 3), start):  # a case number printed before the item number
        c = _CASE_LABEL.match(lines[j].strip())
        if c:
            case, after = _value(lines, j, c["value"])
            first = j if after <= start else first
    while k < min(len(lines), start + _SPAN):
        line = lines[k].strip()
        if not line:
            k += 1
            continue
        access, label = _ACCESS.match(line), _OTHER_LABEL.match(line)
        if access:
            closed = bool(access["closed"])
            k += 1
        elif label:
            value, k = _value(lines, k, label["value"])
            case = value if _CASE_LABEL.match(line) else case
        else:
            title = f"Lukket punkt: {line}" if closed and not re.match(r"lukket", line, re.I) else line
            return [f"Punkt {number}: {title}", *([f"Sagsnr.: {case}"] if case else [])], first, k + 1
    return None


def as_headings(text: str) -> str:
    """``text`` with each labelled item block written as an item heading; unchanged without one."""
    lines = text.split("\n")
    if not any(_ITEM_LABEL.match(x.strip()) for x in lines):
        return text
    blocks = [b for k in range(len(lines)) if (b := _block(lines, k)) is not None]
    out: list[str] = []
    k = 0
    for heading, first, end in blocks:
        if first < k:
            continue  # overlaps the block before
        out += lines[k:first] + heading
        k = end
    return "\n".join(out + lines[k:])
