"""A fixed-width table of agenda items in plain text (an e-mailed "Beslutningsprotokol", an old ESDH print) as
item lines the text parser reads.

The table is found by its rule line of dash groups under a header of column names::

    Pkt.   Sagsnr.      Sag                             Beslutning
    -----  -----------  ------------------------------  ----------
    2      24/001450    Virksomhedsrettet indsats for   Godkendt. Projektet finansieres med
                        sygedagpengemodtagere           1,8 mio. kr. fra ...

Each dash group is a column; a row starts where the first column (the item number) is filled, and lines with
an empty first column continue the row's cells (titles and decisions wrap inside their columns). The table
ends at a line whose text crosses a gap between columns. It is written as "Punkt N: Titel", "Sagsnr.: …",
the other columns as labelled lines, and the decision under "Beslutning". A table without a number and a title
column is left as it is.
"""

from __future__ import annotations

import re

_RULE = re.compile(r"^\s*-{3,}(?:\s+-{3,})+\s*$")
_NUMBER = re.compile(r"^(?:pkt|punkt|nr|no|item)\.?$", re.I)
_TITLE = re.compile(r"^(?:sag|titel|emne|overskrift|punkt|sagens titel|title|subject)\.?$", re.I)
_CASE = re.compile(r"^(?:sagsnr|sagsnummer|j\.?\s*nr|journalnr|case(?:\s*no)?)\.?$", re.I)
_DECISION = re.compile(r"^(?:beslutning|afgørelse|decision|udvalgets beslutning)\.?$", re.I)
_ITEM_NO = re.compile(r"^\d{1,3}(?:\.\d{1,2})?\.?$")


def _columns(rule: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"-+", rule)]


def _fits(line: str, cols: list[tuple[int, int]]) -> bool:
    """No text in the gaps between columns (a word there means the table has ended)."""
    for (_, end), (start, _) in zip(cols, cols[1:], strict=False):
        if line[end:start].strip() and len(line) > end:
            return False
    return True


def _cells(line: str, cols: list[tuple[int, int]]) -> list[str]:
    bounds = [c[0] for c in cols] + [10**6]
    return [line[bounds[k]:bounds[k + 1]].strip() for k in range(len(cols))]


def _render(header: list[str], rows: list[list[list[str]]]) -> list[str]:
    kinds = ["number" if _NUMBER.match(h) else "title" if _TITLE.match(h) else "case" if _CASE.match(h)
             else "decision" if _DECISION.match(h) else "other" for h in header]
    out: list[str] = []
    for row in rows:
        cell = {kind: " ".join(" ".join(row[k]).split()) for k, kind in enumerate(kinds) if kind != "other"}
        out += ["", f"Punkt {cell['number'].rstrip('.')}: {cell['title']}"]
        if cell.get("case", "").strip("-– "):
            out.append(f"Sagsnr.: {cell['case']}")
        for k, kind in enumerate(kinds):
            text = " ".join(" ".join(row[k]).split())
            if kind == "other" and text:
                out.append(f"{header[k]}: {text}")
        if len(row) > len(kinds):  # notes after the table
            out += ["Bemærkninger", " ".join(" ".join(row[-1]).split())]
        if cell.get("decision"):
            out += ["Beslutning", cell["decision"]]
    return out + [""]


def as_items(text: str) -> str:
    """``text`` with each fixed-width item table written as item lines; unchanged without one."""
    lines = text.split("\n")
    k = next((i for i, x in enumerate(lines) if i > 0 and _RULE.match(x)), None)
    if k is None:
        return text
    cols = _columns(lines[k])
    header = _cells(lines[k - 1], cols)
    if not (any(_NUMBER.match(h) for h in header) and any(_TITLE.match(h) for h in header)):
        return text
    rows: list[list[list[str]]] = []
    end = k + 1
    for end in range(k + 1, len(lines) + 1):
        if end == len(lines):
            break
        line = lines[end]
        if not line.strip():
            continue
        if not _fits(line, cols):
            break
        cells = _cells(line, cols)
        if cells[0] and _ITEM_NO.match(cells[0]):
            rows.append([[c] if c else [] for c in cells])
        elif not cells[0] and rows:
            for part, c in zip(rows[-1], cells, strict=True):
                if c:
                    part.append(c)
        else:
            break
    if not rows:
        return text
    rest = _notes(lines[end:], rows)
    return "\n".join(lines[:k - 1] + _render(header, rows) + rest)


_NOTES_HEAD = re.compile(r"^(?:bemærkninger|noter|notes|kommentarer|supplerende oplysninger)\b.{0,40}:$", re.I)
_NOTE = re.compile(r"^(?:pkt|punkt)\.?\s*(\d{1,3})\s*[:.]\s*(\S.*)$", re.I)


def _notes(rest: list[str], rows: list[list[list[str]]]) -> list[str]:
    """Notes after the table that name a row ("Pkt. 2: …", wrapped with a hanging indent) join that row as one
    more cell (written as its "Bemærkninger"), so each note stays with its item; other lines are kept in place."""
    by_number = {" ".join(r[0]).rstrip("."): r for r in rows}
    width = len(rows[0])
    kept: list[str] = []
    target: list[str] | None = None
    for line in rest:
        m = _NOTE.match(line.strip())
        if m and m.group(1) in by_number:
            row = by_number[m.group(1)]
            if len(row) == width:
                row.append([])
            target = row[-1]
            target.append(m.group(2))
            while kept and not kept[-1].strip():
                kept.pop()
            if kept and _NOTES_HEAD.match(kept[-1].strip()):
                kept.pop()  # "Bemærkninger til protokollen:" heads the notes that now sit with their items
            continue
        if target is not None and line[:1].isspace() and line.strip():
            target.append(line.strip())
            continue
        target = None
        kept.append(line)
    return kept
