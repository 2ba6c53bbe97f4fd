"""A case's history printed as a TABLE inside an HTML item: its rows are earlier decisions, not this meeting's.

First Agenda's publication print view (and other portals) prints an item's "Sagsforløb" as
``<table class="history"><thead><tr><th>Udvalg</th><th>Dato</th><th>Punkt</th><th>Beslutning</th></tr>…`` with one
row per earlier treatment ("Børne- og Undervisningsudvalget | 12-06-2024 | 3 | Udsat til næste møde."). Read as
text, the column head "Beslutning" looks like the item's decision heading and the row like this meeting's decision.
A table whose header row names a body column, a date column and a decision column, and whose every row dates its
decision, is taken out of the item and read as the earlier decisions it lists (body and date from their columns).
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree
from lxml import html as lhtml

from core import dates
from ingest.readers.base import DecisionDraft
from ingest.readers.markup import fragment_text

BODY = re.compile(r"^(?:udvalg|organ|forum|mødeforum|behandlet af|instans|myndighed|committee|body)$", re.I)
DAY = re.compile(r"^(?:dato|mødedato|behandlingsdato|date|meeting date)$", re.I)
DECISION = re.compile(r"^(?:beslutning|afgørelse|decision)$", re.I)


def _text(el: Any) -> str:
    return " ".join(el.text_content().split())


def _columns(table: Any) -> tuple[int, int, int, int] | None:
    """(body, date, decision) column positions and the header row's width, or None when the table is no history."""
    rows = table.xpath("./thead/tr|./tr|./tbody/tr")
    head = next((r for r in rows if r.xpath("./th") and not r.xpath("./td")), None)
    if head is None:
        return None
    names = [_text(c).rstrip(":").strip() for c in head.xpath("./th")]
    body = next((k for k, x in enumerate(names) if BODY.match(x)), None)
    day = next((k for k, x in enumerate(names) if DAY.match(x)), None)
    decision = next((k for k, x in enumerate(names) if DECISION.match(x)), None)
    if body is None or day is None or decision is None:
        return None
    return body, day, decision, len(names)


def _decisions(table: Any) -> list[DecisionDraft] | None:
    cols = _columns(table)
    if cols is None:
        return None
    body, day, decision, width = cols
    found: list[DecisionDraft] = []
    for row in table.xpath("./tr|./tbody/tr"):
        cells = row.xpath("./td")
        if not cells:
            continue
        if len(cells) != width:
            return None
        when = dates.first_date(_text(cells[day]))
        if when is None:  # an undated row: not a history of treatments
            return None
        text = fragment_text(etree.tostring(cells[decision], encoding="unicode", method="html")).strip()
        if text:
            found.append(DecisionDraft(text, _text(cells[body]) or None, when))
    return found or None


def take(fragment: str) -> tuple[str, list[DecisionDraft]]:
    """The item's HTML without its history tables, and the earlier decisions they list (in their order)."""
    if "<table" not in fragment.lower():
        return fragment, []
    frag = lhtml.fragment_fromstring(fragment, create_parent="div")
    earlier: list[DecisionDraft] = []
    for table in list(frag.iter("table")):
        found = _decisions(table) if table.getparent() is not None else None
        if found:
            earlier += found
            table.drop_tree()
    if not earlier:
        return fragment, []
    return etree.tostring(frag, encoding="unicode", method="html"), earlier
