"""CSV exports with one row per agenda item (open-data portals, spreadsheets): ``;``, ``,`` or tab separated.

Sniffed by content: ``csv.Sniffer`` proposes the delimiter from a sample (the other two are tried after it), and
the first record must be a header whose names say what the columns hold (``fieldnames``: Danish or English,
e.g. ``punkt_nr``/``item``, ``titel``/``title``, ``sagsfremstilling``/``description``, ``beslutning``/``decision``,
``moededato``/``date``, ``udvalg``/``committee``): an item number, a title, and at least one of a body, a decision,
a date or a committee (header cells are short names, not prose). The second record, if there is one, must be
split by the same delimiter. A text whose first line is prose with semicolons has no such header and is left to
the text reader.

Rows are grouped into meetings by date and committee (a blank cell repeats the row above; ``csv_meetings``). A file
of several meetings is several meetings (``read_all``: one draft each, with its own items and facts); ``read`` gives
the first with a warning naming how many were skipped. How each row becomes an item and which columns give the
meeting's facts is ``row_meeting``, shared with spreadsheets and SharePoint rowsets.

Errors name the file and the record: "CSV row 7 (line 12) has 5 fields, header has 7" (the header is row 1,
as in a spreadsheet; the line is where the record starts in the file).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from core.errors import IngestError
from ingest.readers.base import MeetingDraft, Source
from ingest.readers.csv_meetings import Layout, Row, meetings_of
from ingest.readers.row_meeting import SNIFF_BODIES, column_kind, draft_from, item_kinds, meeting_draft

DELIMITERS = ";,\t"
SAMPLE_CHARS = 16_000
MAX_FIELD_CHARS = 8 * 1024 * 1024  # one cell (an HTML body can pass csv's default of 128 KiB)


def _records(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(start line, cells) of each non-blank record."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', doublequote=True,
                        strict=True)
    start = 1
    for cells in reader:
        if any(c.strip() for c in cells):
            yield start, cells
        start = reader.line_num + 1


def _text(src: Source) -> str:
    return src.text.lstrip("\ufeff")


def _width(cells: list[str], header: list[str]) -> int:
    """The record's field count, not counting blank fields past the header's width (a trailing delimiter)."""
    width = len(cells)
    while width > len(header) and not cells[width - 1].strip():
        width -= 1
    return width


def layout(src: Source) -> Layout | None:
    """The delimiter and the header when the source is a CSV table of agenda items, else None."""
    text = _text(src)
    first = text.lstrip("\r\n").split("\n", 1)[0]
    candidates = [d for d in DELIMITERS if d in first]
    if not candidates:
        return None
    sample = text[:SAMPLE_CHARS]
    if len(text) > SAMPLE_CHARS and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        sniffed = ""
    candidates.sort(key=lambda d: (d != sniffed, -first.count(d)))
    for delimiter in candidates:
        try:
            records = _records(text, delimiter)
            _, header = next(records)
            found = item_kinds(header)
            if found is None:
                continue
            kinds = found
            second = next(records, None)
        except (csv.Error, StopIteration):
            continue
        if second is None or len(second[1]) > 1:  # a data row (its width is checked when read)
            return Layout(delimiter, [h.strip() for h in header], kinds)
    return None


def unrecognised_csv(text: str) -> str:
    """Why a file named as CSV is no table of agenda items (the reason ``read_bytes`` gives)."""
    first = text.lstrip("\ufeff\r\n").split("\n", 1)[0]
    delimiter = max(DELIMITERS, key=first.count)
    if not first.count(delimiter):
        return "CSV with no ';', ',' or tab on its first line (no header row)"
    try:
        header = next(csv.reader([first], delimiter=delimiter))
    except csv.Error as exc:
        return f"CSV header row unreadable ({exc})"
    kinds = {column_kind(h) for h in header}
    needs = (("an item number", "number" in kinds), ("a title", bool({"title", "name"} & kinds)),
             ("a text, decision, date or committee", bool(SNIFF_BODIES & kinds)))
    missing = [what for what, ok in needs if not ok]
    shown = ", ".join(repr(h.strip()) for h in header[:12]) + (", ..." if len(header) > 12 else "")
    if missing:
        return f"CSV header ({shown}) names no column for {' or '.join(missing)}; not a table of agenda items"
    return f"CSV header ({shown}) is not followed by a row of fields; not a table of agenda items"


def rows_of(src: Source, lay: Layout) -> list[Row]:
    """The data records; a record with another field count than the header's is an error naming it."""
    if csv.field_size_limit() < MAX_FIELD_CHARS:
        csv.field_size_limit(MAX_FIELD_CHARS)
    rows: list[Row] = []
    records = _records(_text(src), lay.delimiter)
    number, line = 1, 1
    try:
        next(records)  # the header
        for number, (line, cells) in enumerate(records, 2):
            width = _width(cells, lay.header)
            if width != len(lay.header):
                raise IngestError(src.path, f"CSV row {number} (line {line}) has {width} fields, header has "
                                            f"{len(lay.header)}")
            rows.append(Row(number, line, cells[:width]))
    except csv.Error as exc:
        raise IngestError(src.path, f"CSV row {number + 1} (from line {line}): {exc}") from exc
    if not rows:
        raise IngestError(src.path, "CSV has a header but no rows")
    return rows


class CsvRowsReader:
    name = "csv"

    def sniff(self, src: Source) -> bool:
        head = src.head
        return bool(head) and head[0] not in "{[<" and layout(src) is not None

    def read(self, src: Source) -> MeetingDraft:
        lay = layout(src)
        if lay is None:
            raise IngestError(src.path, "not a CSV table of agenda items")
        return draft_from(rows_of(src, lay), lay, src.name)

    def read_all(self, src: Source) -> list[MeetingDraft]:
        """Every meeting of the file, each from its own rows (``read`` gives the first)."""
        lay = layout(src)
        if lay is None:
            raise IngestError(src.path, "not a CSV table of agenda items")
        table = rows_of(src, lay)
        return [meeting_draft(rows, lay, src.name) for rows in meetings_of(table, lay.kinds)]

READER = CsvRowsReader()
