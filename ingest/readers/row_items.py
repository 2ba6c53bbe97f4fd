"""Rows of a table that are parts of one item (``csv_rows``): a decision list with one row per decision.

A row with neither an item number nor a title continues the item of the row above (a spreadsheet that merges
the item's cells down over its rows: the second row of item 86 holds only "Ad 2" and its decision); so does a row
repeating the number and title of the row above. Its decision joins the item's own decision as a line, its other
texts the item's sections (a text already there is not repeated).

A row's decision is its decision cell, labelled by a sub-point column ("Delpkt.": "Ad 1") and followed by a vote
column's cell ("Afstemning": "For stemte: V, A, S og C (6). Undlod: F (1)."), each vote on a line of its own.
"""

from __future__ import annotations

import re

from ingest.readers.base import ItemDraft

VOTE_LINE = re.compile(r"(?<=[.)])\s+(?=(?:for|imod|undlod|undlader|hverken|blank)\b[^:\n]{0,30}:)", re.I)
PART = ("delpunkt", "delpkt", "underpunkt", "subitem", "subpoint", "ad")  # "Ad 1": the part of an item decided
VOTE = ("afstemning", "afstemningsresultat", "votering", "stemmer", "stemmeafgivning", "vote", "votes", "voting")


def decision_text(decision: str, part: str, vote: str) -> str:
    """A row's decision: "Ad 1 Anbefales …" with the vote on a line of its own; '' when it states neither."""
    if not decision.strip() and not vote.strip():
        return ""
    head = " ".join(x for x in (part.strip(), decision.strip()) if x)
    return "\n".join(x for x in (head, VOTE_LINE.sub("\n", vote.strip())) if x)


def continues(number: str, title: str, above: tuple[str, str] | None) -> bool:
    """A row that is a further part of the item above: no number and no title, or the same ones."""
    if above is None:
        return False
    return (not number and not title) or (number, title) == above


def merge(item: ItemDraft, more: ItemDraft) -> None:
    """A continuation row's item into the item it continues: its own decision joins the item's own decision."""
    for dec in more.decisions:
        own = next((d for d in item.decisions if d.body is None and d.date is None), None)
        if own is not None and dec.body is None and dec.date is None:
            own.text = f"{own.text}\n{dec.text}"
        else:
            item.decisions.append(dec)
    item.sections += [s for s in more.sections if s not in item.sections]
    item.attachments += [a for a in more.attachments if a not in item.attachments]
    item.absentees += [a for a in more.absentees if a not in item.absentees]
    item.case_number = item.case_number or more.case_number
    item.case_worker = item.case_worker or more.case_worker
    item.closed = item.closed or more.closed
