"""A table's rows as text lines; a vote table (a column of "For" / "Imod" / "Undlod") as the vote lines minutes print.

Word minutes sometimes give a decision's vote only as a table ("Parti | Stemme", one row per party, a last
"Resultat" row). Its rows joined cell by cell read "A For", which no vote parser reads; rendered as "For stemte:
A, V, S" / "Imod stemte: F, Ø" after the result, the decision reads as printed minutes do.
"""

from __future__ import annotations

import re

from core import vocab
from ingest import header
from ingest.membertable import member_lines

_POSITION = re.compile(r"^(?:for|imod|undlod(?: at stemme)?|undlader at stemme|hverken for eller imod|blank|"
                       r"afstod(?: fra at stemme)?)\.?$", re.I)
_RESULT_LABEL = re.compile(r"^(?:resultat|afstemningsresultat|i alt|ialt|udfald|konklusion|samlet|beslutning)\s*:?$",
                           re.I)
_PARTY = re.compile(r"^[A-ZÆØÅ]{1,3}$")


def table_lines(rows: list[list[str]]) -> list[str]:
    """One line per row (its non-empty cells joined by spaces, by " | " in a row of three or more), the vote lines
    of a vote table, or the participant lines of a members table (``ingest.membertable``)."""
    flat = [[" ".join(c.split()) for c in row] for row in rows]
    column = _position_column(flat)  # a vote table first: "Navn | Parti | Stemme" lists members too
    if column is None:
        members = member_lines(flat)
        if members is not None:
            return members
        return [x for row, raw in zip(flat, rows, strict=True) for x in _row_lines(row, raw)]
    return _vote_lines(flat, column)


def _row_lines(row: list[str], raw: list[str]) -> list[str]:
    """A row's line; a label row ("Beslutning i … | Godkendt.", "Medlemmer | …") as the label on a line of its own
    before the text, or as "Label: value" for a meeting fact, so the text parser reads it as minutes print it."""
    cells = [(c, r) for c, r in zip(row, raw, strict=True) if c.strip()]
    if len(cells) == 2 and len(cells[0][0]) <= 120 and not header.LABEL.fullmatch(cells[1][0].rstrip(":")):
        # (a row of column names, "Tid | Sted", is no label and its value)
        label, paragraphs = cells[0][0], [" ".join(p.split()) for p in cells[1][1].split("\n") if p.strip()]
        if vocab.section_name(label) or vocab.decision_heading(label):
            return [label, *paragraphs]
        if header.LABEL.fullmatch(label.rstrip(":")) or vocab.ABSENT_LABEL.fullmatch(label.rstrip(":")):
            return [f"{label.rstrip(':')}: " + ", ".join(paragraphs)]
    full = [c for c in row if c.strip()]
    # a data table's row keeps its cells apart, as an HTML table's does ("Haarby Å's Venner | Gydegrus | 140.000 |
    # 118.000"): which figure belongs to which column stays readable
    return [(" | " if len(full) >= 3 else " ").join(full)]


def _position_column(rows: list[list[str]]) -> int | None:
    """The column whose cells are vote positions in at least two rows and half the rows after the first."""
    body = rows[1:] if len(rows) > 1 else rows
    width = max((len(r) for r in rows), default=0)
    for c in range(width):
        hits = sum(1 for r in body if c < len(r) and _POSITION.match(r[c]))
        if hits >= 2 and hits * 2 >= len(body):
            return c
    return None


def _vote_lines(rows: list[list[str]], column: int) -> list[str]:
    summary: list[str] = []
    voters: dict[str, list[str]] = {}
    for k, row in enumerate(rows):
        position = row[column] if column < len(row) else ""
        others = [c for j, c in enumerate(row) if j != column and c]
        if _POSITION.match(position):
            voters.setdefault(position.rstrip(".").capitalize(), []).append(_who(others))
        elif k == 0 and not any(_POSITION.match(c) for c in row):
            continue  # the header row ("Parti | Stemme")
        elif len(row) >= 2 and row[0] and _RESULT_LABEL.match(row[0]) and any(row[1:]):
            summary.append(" ".join(c for c in row[1:] if c))  # "Resultat | Indstillingen blev godkendt ..."
        elif others or position:
            summary.append(" ".join(c for c in row if c))
    return summary + [_vote_line(pos, [w for w in who if w]) for pos, who in voters.items()]


def _who(cells: list[str]) -> str:
    """A voter from the row's other cells: "Helle Jessen" and "A" -> "Helle Jessen (A)"; a party letter alone."""
    if len(cells) == 2 and _PARTY.match(cells[1]) and not _PARTY.match(cells[0]):
        return f"{cells[0]} ({cells[1]})"
    if len(cells) == 2 and _PARTY.match(cells[0]) and not _PARTY.match(cells[1]):
        return f"{cells[1]} ({cells[0]})"
    return ", ".join(cells)


def _vote_line(position: str, who: list[str]) -> str:
    head = f"{position} stemte" if position.lower() in {"for", "imod"} else position
    if len(who) == 1 and who[0].isdigit():
        return f"{head} {who[0]}"  # a count: "Imod stemte 2"
    return f"{head}: {', '.join(who)}"
