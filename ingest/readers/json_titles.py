"""Item numbers printed inside the titles of a JSON item list: "3. Regionale buslinjer 2025" beside a 0-based
"index", "Punkt 03 - Godkendelse af dagsorden" beside "punkt": 3. When every item of a list prints a number in
front of its title, that number is the item's and the title is the rest:

* an item whose record states a printed number ("punkt", "nr"; ``json_facts.printed_number``) must print the same
  number in its title (compared as numbers: "Punkt 03" is 3); it keeps the number as its field states it;
* items with no such field (only a position: "index", "sortIndex", or nothing) take the printed number, and the
  printed numbers must ascend through the list (a single item: equal the number its position gives it).

Any disagreement leaves the whole list as it is: a title that merely opens with a number ("3. Limfjordsforbindelse
- høring" as item 5) keeps it. A printed number is a number (sub-numbers "4.1" and a letter "4a" allowed) after
"Punkt"/"Pkt."/"Nr."/"Item" or alone, followed by ".", ")", ":" or a dash, or by a space when nothing else
follows it. Leading zeros are dropped ("03" -> "3"). A title made closed by the rest ("6. Lukket punkt: …") is a
closed item.
"""

from __future__ import annotations

import re
from typing import Any

from ingest.readers.base import ItemDraft
from ingest.readers.greve_json import CLOSED_TITLE, text_of
from ingest.readers.json_facts import printed_number

TITLE_NUMBER = re.compile(r"^\s*(?:(?:punkt|pkt|item|nr|no)\.?\s*)?(?P<n>\d{1,3}(?:\.\d{1,3})*[a-z]?)"
                          r"(?:\s*[.):]\s*|\s+[-–—]\s+|\s+)(?=\S)", re.I)


def _key(number: str) -> tuple[tuple[int, ...], str] | None:
    m = re.fullmatch(r"\s*(?:(?:punkt|pkt|item|nr|no)\.?\s*)?(\d{1,4}(?:\.\d{1,3})*)([a-z]?)\.?\s*", number, re.I)
    return (tuple(int(p) for p in m[1].split(".")), m[2].lower()) if m else None


def _plain(number: str) -> str:
    """ "03" -> "3", "4.01" -> "4.1", "4a" stays."""
    key = _key(number)
    return ".".join(str(p) for p in key[0]) + key[1] if key else number


def split_title(title: str) -> tuple[str, str] | None:
    """(printed number, rest) of a title that opens with an item number, else None."""
    m = TITLE_NUMBER.match(title)
    return (m["n"], title[m.end():].strip()) if m and title[m.end():].strip() else None


def number_titles(pairs: list[tuple[dict[str, Any], ItemDraft]]) -> None:
    """Numbers printed in front of the titles of one list of items (record, item) made the items' numbers, the
    titles without them (see the module's docstring). Changes nothing unless every item agrees."""
    found = [split_title(item.title) for _, item in pairs]
    if not pairs or any(f is None for f in found):
        return
    printed = [f for f in found if f is not None]
    keys = [_key(n) for n, _ in printed]
    stated = [text_of(s[1]) if (s := printed_number(record)) is not None else None for record, _ in pairs]
    for key, said in zip(keys, stated, strict=True):
        if said is not None and (key is None or _key(said) is None or _key(said) != key):
            return  # the field states another number: the title's number is part of the title
    if None in stated:
        ascending = all(a is not None and b is not None and a < b for a, b in zip(keys, keys[1:], strict=False))
        position = pairs[0][1].number
        single = len(pairs) == 1 and keys[0] is not None and position is not None and _key(position) == keys[0]
        if not (ascending and len(pairs) > 1 or single):
            return
    for (number, rest), said, (_, item) in zip(printed, stated, pairs, strict=True):
        item.title = rest
        item.number = item.number if said is not None and item.number else _plain(number)
        item.closed = item.closed or bool(CLOSED_TITLE.match(rest))
