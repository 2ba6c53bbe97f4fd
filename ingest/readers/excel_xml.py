"""Excel 2003 XML spreadsheets (SpreadsheetML: ``<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">``),
read by the workbook's structure and mapped as the other workbooks are (``spreadsheet.meeting_from_sheets``).

Sniffed by content: the root element ``Workbook`` in the SpreadsheetML namespace. Each visible ``Worksheet`` is a
table of ``Row``/``Cell`` elements; a cell stands in the column its ``ss:Index`` names (1-based; cells before it
are empty), else in the next one; ``ss:MergeAcross`` spans further columns, and a row merged down over the
rows under it (``ss:MergeDown``) leaves them without those cells: the table mapper reads such a row as a further
part of the item above (``row_items``). Hidden columns are left out. A cell's ``Data`` is text by its
``ss:Type``: a Number whole without ".0", a Boolean "Ja"/"Nej", a DateTime its ISO date, its clock "HH:MM" when
it is a time of day alone (Excel's day 0, "1899-12-31T15:30:00.000"), or both.
"""

from __future__ import annotations

import re
from typing import Any

from ingest.readers.base import MeetingDraft, Source
from ingest.readers.spreadsheet import meeting_from_sheets
from ingest.readers.xmlutil import local

SS = "urn:schemas-microsoft-com:office:spreadsheet"
STAMP = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$")
TIME_ONLY_DAYS = {"1899-12-30", "1899-12-31", "1900-01-00"}  # the epoch days Excel writes under a bare time
MAX_COLUMNS = 16384


def _attr(el: Any, name: str) -> str:
    return str(el.get(f"{{{SS}}}{name}") or el.get(name) or "")


def _int(value: str, default: int) -> int:
    return int(value) if value.isdigit() else default


def cell_text(cell: Any) -> str:
    """A cell's value as text (module doc); '' for an empty cell."""
    data = next((c for c in cell if local(c) == "Data"), None)
    if data is None:
        return ""
    raw = "".join(data.itertext()).replace("\r\n", "\n").replace("\r", "\n").strip()
    kind = _attr(data, "Type")
    if kind == "Number":
        try:
            number = float(raw)
        except ValueError:
            return raw
        return str(int(number)) if number.is_integer() else raw
    if kind == "Boolean":
        return "Ja" if raw in ("1", "true", "True") else "Nej" if raw in ("0", "false", "False") else raw
    if kind == "DateTime" and (m := STAMP.match(raw)):
        day, clock = f"{m[1]}-{m[2]}-{m[3]}", f"{m[4]}:{m[5]}" if m[4] else ""
        if day in TIME_ONLY_DAYS:
            return clock or raw
        return day if clock in ("", "00:00") else f"{day} {clock}"
    return raw


def _hidden(table: Any) -> set[int]:
    """0-based indexes of the columns ``<Column ss:Hidden="1">`` hides."""
    out: set[int] = set()
    k = 0
    for col in (c for c in table if local(c) == "Column"):
        k = _int(_attr(col, "Index"), k + 1)
        span = _int(_attr(col, "Span"), 0)
        if _attr(col, "Hidden") in ("1", "true"):
            out.update(range(k - 1, min(k + span, MAX_COLUMNS)))
        k += span
    return out


def _rows(table: Any) -> list[list[str]]:
    rows: list[list[str]] = []
    for row in (r for r in table if local(r) == "Row"):
        at = _int(_attr(row, "Index"), len(rows) + 1)
        rows += [[] for _ in range(at - 1 - len(rows))]  # rows skipped by an index are empty
        cells: list[str] = []
        for cell in (c for c in row if local(c) == "Cell"):
            column = min(_int(_attr(cell, "Index"), len(cells) + 1), MAX_COLUMNS)
            cells += [""] * (column - 1 - len(cells))
            cells.append(cell_text(cell))
            cells += [""] * min(_int(_attr(cell, "MergeAcross"), 0), MAX_COLUMNS)
        rows.append(cells)
    drop = _hidden(table)
    return [[c for k, c in enumerate(r) if k not in drop] for r in rows]


def _visible(sheet: Any) -> bool:
    options = [o for o in sheet if local(o) == "WorksheetOptions"]
    return not any(local(v) == "Visible" and "hidden" in "".join(v.itertext()).lower()
                   for o in options for v in o)


def sheets_of(root: Any) -> list[tuple[str, list[list[str]]]]:
    """(name, rows of cell text) of every visible worksheet with a non-blank cell."""
    out = []
    for sheet in (s for s in root if local(s) == "Worksheet" and _visible(s)):
        rows = [r for table in sheet if local(table) == "Table" for r in _rows(table)]
        if any(any(r) for r in rows):
            out.append((_attr(sheet, "Name"), rows))
    return out


def is_workbook(root: Any) -> bool:
    return root is not None and local(root) == "Workbook" and str(root.tag).startswith(f"{{{SS}}}")


class ExcelXmlReader:
    name = "excel-xml"

    def sniff(self, src: Source) -> bool:
        return is_workbook(src.xml)

    def read(self, src: Source) -> MeetingDraft:
        return meeting_from_sheets(sheets_of(src.xml), src.path, "Excel 2003 XML workbook")


READER = ExcelXmlReader()
