"""Lines at the edges of an item's block of text that are not its own text: a heading over the group of items that
follows ("Sager til orientering", "Lukkede sager") printed at the end of the item before them, and a case-number
label printed with its number after the decisions ("JOURNALNUMMER" / "24031907"), read as the item's case number.
"""

from __future__ import annotations

import re

from core import vocab

# "Sagsnr.: -": the case-number label with none after it (a closed item's), a fact line, no title text
NO_CASE = re.compile(r"^(?:Sags?\s*(?:nr|nummer)\.?|Journal\s*(?:nr|nummer)\.?|J\.\s*nr\.?)\s*:?\s*[-–—]?$", re.I)
# a heading over a group of items, printed right before the first of them
_GROUP = re.compile(r"^(?:(?:Åbne|Lukkede|Fortrolige)\s+(?:sager|punkter)|Sager\s+til\s+(?:beslutning|orientering|"
                    r"drøftelse|godkendelse)|(?:Beslutnings|Orienterings|Drøftelses)(?:sager|punkter))$", re.I)
_CASE_VALUE = re.compile(r"^(?=.*\d)[A-Z0-9][\w./-]{3,30}$")  # "24031907", "24/1234"


def without_group(body: list[str]) -> list[str]:
    """The block's lines without a group heading at their end: it heads the items that follow."""
    last = next((k for k in range(len(body) - 1, -1, -1) if body[k]), None)
    return body[:last] + body[last + 1:] if last is not None and _GROUP.match(body[last]) else body


def case_first(body: list[str]) -> list[str]:
    """Where the block's first lines name no case number: a case-number label alone with its number on the next
    line, wherever it is printed ("JOURNALNUMMER" / "24031907" after the decisions), read first as one line
    ("JOURNALNUMMER: 24031907"), where the item's case number is read."""
    if any(vocab.case_number(x) for x in body[:8] if x):
        return body
    for k, line in enumerate(body):
        n = next((j for j in range(k + 1, len(body)) if body[j]), len(body))
        if line and NO_CASE.match(line) and not line.rstrip().endswith(("-", "–", "—")) and n < len(body) \
                and _CASE_VALUE.match(body[n]):
            return [f"{line.rstrip(' :')}: {body[n]}", *body[:k], *body[k + 1:n], *body[n + 1:]]
    return body
