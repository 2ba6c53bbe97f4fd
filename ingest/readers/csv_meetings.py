"""A CSV table's rows and the meetings they make (``csv_rows`` reads the cells).

Rows are grouped into meetings by date and committee, in the order the meetings first appear (a blank cell repeats
the row above); a file of several meetings is several meetings, each with its own rows, date, time, venue,
absence, kind and extraordinary flag. Facts read from the cells of a meeting's rows:

- its date and time from every cell of the date columns, then the time columns: a "tidspunkt" column beside
  "dato" that holds only a clock or a range ("14:00-16:10") gives the start time;
- extraordinary when a document-type column says so ("Referat - ekstraordinært møde");
- an item is closed when a column of item status says so ("status": "Lukket" beside "Åben").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ingest.readers.greve_json import when
from ingest.readers.xmlutil import access_closed

EXTRAORDINARY = re.compile(r"ekstraordin|extraordinary", re.I)
MINUTES_WORDS = re.compile(r"referat|protokol|minutes", re.I)
AGENDA_WORDS = re.compile(r"dagsorden|agenda", re.I)


@dataclass
class Layout:
    delimiter: str
    header: list[str]
    kinds: list[str | None]


@dataclass
class Row:
    number: int  # the record's number in the file, the header being row 1
    line: int  # the line the record starts on
    cells: list[str]

    def get(self, kinds: list[str | None], kind: str) -> str:
        """The first non-blank cell of columns of ``kind``."""
        return next((c.strip() for c, k in zip(self.cells, kinds, strict=False) if k == kind and c.strip()), "")

    def every(self, kinds: list[str | None], kind: str) -> list[str]:
        """The non-blank cells of every column of ``kind``, in column order."""
        return [c.strip() for c, k in zip(self.cells, kinds, strict=False) if k == kind and c.strip()]


def meetings_of(rows: list[Row], kinds: list[str | None]) -> list[list[Row]]:
    """Rows grouped by (date, committee), in the order the meetings first appear; a blank cell repeats the
    value of the row above (a spreadsheet that states the meeting once)."""
    groups: dict[tuple[Any, str], list[Row]] = {}
    day_raw, committee = "", ""
    for row in rows:
        day_raw = row.get(kinds, "date") or day_raw
        committee = row.get(kinds, "committee") or committee
        day = when(day_raw)[0] or day_raw
        groups.setdefault((day, committee), []).append(row)
    return list(groups.values())


def column_cells(rows: list[Row], kinds: list[str | None], kind: str) -> list[str]:
    """Every non-blank cell of the columns of ``kind``, row by row: a date column's and a "tidspunkt" column's."""
    return [v for row in rows for v in row.every(kinds, kind)]


def _document(value: str) -> bool:
    return bool(MINUTES_WORDS.search(value) or AGENDA_WORDS.search(value))


def document_kind(values: list[str]) -> str:
    """The first document-kind value naming minutes or an agenda ("Referat - ekstraordinært møde"), not an item's
    access ("Åben"/"Lukket" in a "status" column); '' when none does."""
    return next((v for v in values if _document(v)), "")


def extraordinary(doc_kind: str) -> bool:
    return bool(EXTRAORDINARY.search(doc_kind))


def status_closed(row: Row, kinds: list[str | None]) -> bool:
    """An item whose status column (a document-kind name such as "status") says closed ("Lukket"), when the cell
    names no document ("Lukket dagsorden" is a document's kind)."""
    return any(access_closed(v) is True and not _document(v) for v in row.every(kinds, "kind"))
