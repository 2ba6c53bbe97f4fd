"""Item headings printed as table cells, which PDF text extraction gives one cell per line: the item number alone on
its line ("44"), the title on the next line(s), then the case number ("Sag: 24/4417", "Sagsnr. 24-000031"). This is
a grey heading table in a scanned referat, or the rows of a beslutningsprotokol table "Nr. | Sag | Beslutning",
where the cell after the case number is the decision itself, with no heading of its own.

A bare number line starts an item only in a run whose numbers rise by one, and only where a table header "Nr."
comes right before the run or most of its headings agree (a case-number line right under the title). Also the
item of a supplementary agenda ("Tillægsdagsorden" / "5a. Titel") printed after the last item."""

from __future__ import annotations

import re

from core import vocab

Head = tuple[int, str, str]
_NUMBER_CELL = re.compile(r"^(?P<num>\d{1,3})\.?$")
_NO_CASE = re.compile(r"^(?:Sags?\s*(?:nr|nummer)\.?|Sag|Journal\s*(?:nr|nummer)\.?|J\.\s*nr\.?)\s*:?\s*[-–—]?$", re.I)
_NUMBER_HEAD = re.compile(r"^(?:Nr|Nummer|Pkt|Punkt)\.?$", re.I)
_EMPTY_CELL = re.compile(r"^[-–—]$")
_DECISION_COLUMN = re.compile(r"^(?:Beslutning|Afgørelse)$", re.I)
# "5a. Titel" after a "Tillægsdagsorden" line: the supplementary agenda's item, printed after the others
_SUPPLEMENT = re.compile(r"\b(?:tillægsdagsorden|supplerende\s+dagsorden|tillægspunkt(?:er)?)\b", re.I)
_LETTER_ITEM = re.compile(r"^(?P<num>(?P<base>\d{1,3})[a-h])[.)]?\s+(?P<title>[A-ZÆØÅ][^\n]{2,160})$")


def _titled(line: str) -> bool:
    return (bool(line) and len(line) < 200 and (line[0].isupper() or line[0].isdigit())
            and not _NUMBER_CELL.match(line) and not vocab.decision_heading(line) and not vocab.section_name(line)
            and not vocab.case_number(line) and not _NO_CASE.match(line) and not vocab.ABSENT_LABEL.match(line))


def _case_line(line: str) -> bool:
    return bool(vocab.CASE_ALONE.match(line) or _NO_CASE.match(line))


def _after(lines: list[str], k: int) -> int:
    return next((j for j in range(k, len(lines)) if lines[j]), len(lines))


def _case_at(lines: list[str], title: int) -> int | None:
    """The case-number line under a title wrapped onto at most two more lines."""
    j = title
    for _ in range(3):
        j = _after(lines, j + 1)
        if j >= len(lines):
            return None
        if _case_line(lines[j]):
            return j
        if not _titled(lines[j]) and not lines[j][:1].islower():
            return None
    return None


def _header_row(lines: list[str], i: int) -> list[int] | None:
    """The lines of a table header row "Nr." / "Sag" / "Beslutning" that ends right before line i."""
    row: list[int] = []
    j = i - 1
    while j >= 0 and len(row) < 5:
        if not lines[j]:
            j -= 1
            continue
        if len(lines[j]) > 30 or _NUMBER_CELL.match(lines[j]):
            return None
        row.insert(0, j)
        if _NUMBER_HEAD.match(lines[j]):
            return row
        j -= 1
    return None


def _runs(lines: list[str]) -> list[list[tuple[int, str, int | None]]]:
    cands = []
    for i, line in enumerate(lines):
        m = _NUMBER_CELL.match(line)
        t = _after(lines, i + 1) if m else len(lines)
        if m and t < len(lines) and _titled(lines[t]):
            cands.append((i, m.group("num"), _case_at(lines, t)))
    runs: list[list[tuple[int, str, int | None]]] = []
    for start in range(len(cands)):
        run = [cands[start]]
        for c in cands[start + 1:]:
            if int(c[1]) == int(run[-1][1]) + 1:
                run.append(c)
        runs.append(run)
    return runs


def number_cells(lines: list[str]) -> tuple[list[str], list[Head]] | None:
    """The lines (a table's repeated header rows and empty decision cells dropped, a "Beslutning" heading put
    before each decision cell) and the item headings, or None where bare number lines are no item headings."""
    best: list[tuple[int, str, int | None]] = []
    for run in _runs(lines):
        if len(run) < 2 or len(run) <= len(best):
            continue
        cased = sum(c is not None for _, _, c in run)
        if _header_row(lines, run[0][0]) is not None or cased * 4 >= len(run) * 3:
            best = run
    if not best:
        return None
    first_row = _header_row(lines, best[0][0]) or []
    decisions = any(_DECISION_COLUMN.match(lines[j]) for j in first_row)
    drop: set[int] = set()
    insert: set[int] = set()  # a "Beslutning" heading goes after these lines
    for i, _, case in best:
        if case is not None and _NO_CASE.match(lines[case]):
            drop.add(case)  # "Sag: -": no case number
        row = _header_row(lines, i)
        if row is not None and i != best[0][0]:
            drop.update(row)  # the header row repeated on the next page
        if not decisions:
            continue
        after = _after(lines, (case if case is not None else _after(lines, i + 1)) + 1)
        if after < len(lines) and _EMPTY_CELL.match(lines[after]):
            drop.add(after)  # an empty decision cell: no decision
        elif case is not None and after < len(lines) and not _NUMBER_CELL.match(lines[after]) \
                and not vocab.decision_heading(lines[after]) and not vocab.section_name(lines[after]):
            insert.add(case)
    out: list[str] = []
    index: dict[int, int] = {}
    for k, line in enumerate(lines):
        if k in drop:
            if k in insert:
                out.append("Beslutning")
            continue
        index[k] = len(out)
        out.append(line)
        if k in insert:
            out.append("Beslutning")
    return out, [(index[i], num, "") for i, num, _ in best]


def supplement(lines: list[str], heads: list[Head]) -> tuple[list[str], list[Head]]:
    """Headings "5a. Titel" of a supplementary agenda after the last item: each a further item where a line naming
    the supplementary agenda ("Tillægsdagsorden") comes between the last item and it and its base number is one of
    the items'. The lines come back with those marker lines blanked (they belong to no item)."""
    numbers = {num for _, num, _ in heads}
    out = list(heads)
    marked: int | None = None
    markers: set[int] = set()
    if not heads:
        return lines, heads
    for i in range(heads[-1][0] + 1, len(lines)):
        line = lines[i]
        m = _LETTER_ITEM.match(line)
        if m and marked is not None and m.group("base") in numbers and m.group("num") not in {n for _, n, _ in out}:
            out.append((i, m.group("num"), m.group("title").strip()))
            markers.add(marked)
        elif _SUPPLEMENT.search(line) and len(line) < 120 and not _LETTER_ITEM.match(line):
            marked = i
    return [("" if k in markers else x) for k, x in enumerate(lines)], out
