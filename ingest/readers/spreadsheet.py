"""Minutes exported as a spreadsheet (XLSX, ODS, old XLS), read by the workbook's structure.

Sniffed by content: a zip holding ``xl/workbook.xml`` (XLSX), a zip whose ``mimetype`` member is the ODF
spreadsheet type (ODS), or an OLE2 file with a ``Workbook``/``Book`` stream (XLS). Every visible sheet is read
with python-calamine into rows of text: a date cell as its ISO date, a time cell as "HH:MM", a whole number
without ".0"; hidden columns (an internal id such as "SagsID") are left out.

Then the sheets (also those of an Excel 2003 XML workbook, ``excel_xml``) are mapped as the CSV reader maps a table
(``row_meeting.meeting_from_rows``): the first sheet with a header row naming item columns gives the items. Meeting
facts come from two-column label/value rows (on other sheets, or above the item header: "Udvalg | Børne- og
Skoleudvalget", "Mødedato | 07-11-2024", "Mødetid | 16:30 | Sluttid | 18:45"), the label read with the CSV reader's
column names; a lone title cell ("Odder Kommune", "Referat – Social- og Seniorudvalget") gives the municipality, or
the document kind and the committee. A sheet headed name | (party) | attendance ("Navn | Parti | Rolle | Fremmøde")
lists the participants; those marked "Afbud" or "Fraværende" are the absentees.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime, time, timedelta
from typing import Any

from core.errors import IngestError
from ingest.readers.base import XML_PARSER_OPTIONS, MeetingDraft, Source
from ingest.readers.row_meeting import MEETING_KINDS, column_kind, item_kinds, meeting_from_rows

ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_XML_BYTES = 64 * 1024 * 1024  # a workbook part read for hidden columns (its unzipped size)
REMARK = re.compile(r"^(?:bemærkning|bemaerkning|remark|note|notat)", re.I)
TITLE = re.compile(r"^(referat|beslutningsprotokol|protokol|dagsorden|minutes|agenda)\b\s*(?:[-–—:]\s*(.+))?$", re.I)
TOWN = re.compile(r"^\s*(.+?\bkommune)\s*$", re.I)
CLOCK = re.compile(r"^\d{1,2}:\d{2}$")
STATUS = re.compile(r"^(?:fremmøde|fremmoede|status|deltagelse|tilstede|til stede|attendance|present)", re.I)
PARTY = re.compile(r"^(?:parti|party|liste)$", re.I)
PERSON = re.compile(r"^(?:navn|name|medlem|member|deltager)$", re.I)
ABSENT = re.compile(r"\b(?:afbud|fraværende|fravaerende|absent|ikke til stede|forfald|meldt fra)\b", re.I)

ODF_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
SML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


def _zip(data: bytes) -> zipfile.ZipFile | None:
    if not data.startswith(b"PK\x03\x04"):
        return None
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        return None


def kind_of(data: bytes) -> str | None:
    """"xlsx", "ods" or "xls" by content, else None."""
    if data.startswith(OLE2):
        head = data[:1 << 20]
        return "xls" if "Workbook".encode("utf-16-le") in head or "Book".encode("utf-16-le") + b"\0\0" in head \
            else None
    zf = _zip(data)
    if zf is None:
        return None
    with zf:
        members = set(zf.namelist())
        if "xl/workbook.xml" in members:
            return "xlsx"
        if "mimetype" in members and zf.getinfo("mimetype").file_size < 200 \
                and zf.read("mimetype").strip() == ODS_MIME:
            return "ods"
    return None


def cell_text(value: Any) -> str:
    """A cell as text: a date as its ISO date, a time as HH:MM, a date-time as both, a whole float without ".0"."""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, timedelta):  # a duration cell holding a time of day
        minutes = int(value.total_seconds()) // 60
        return f"{minutes // 60:02d}:{minutes % 60:02d}" if 0 <= minutes < 24 * 60 else str(value)
    if isinstance(value, bool):
        return "Ja" if value else "Nej"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if value is None:
        return ""
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def _xml(zf: zipfile.ZipFile, member: str) -> Any | None:
    from lxml import etree

    try:
        if zf.getinfo(member).file_size > MAX_XML_BYTES:
            return None
        return etree.fromstring(zf.read(member), etree.XMLParser(**XML_PARSER_OPTIONS))  # type: ignore[arg-type]
    except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError, ValueError, OSError):
        return None


def hidden_columns(data: bytes, kind: str) -> dict[str, set[int]]:
    """Sheet name -> the 0-based indexes of its hidden columns (XLSX ``<col hidden="1">``, ODS
    ``table:visibility="collapse"``); nothing when the parts cannot be read."""
    zf = _zip(data)
    if zf is None:
        return {}
    found: dict[str, set[int]] = {}
    with zf:
        if kind == "xlsx":
            book, rels = _xml(zf, "xl/workbook.xml"), _xml(zf, "xl/_rels/workbook.xml.rels")
            if book is None or rels is None:
                return {}
            targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(f"{{{PKG_REL}}}Relationship")}
            for sheet in book.iter(f"{{{SML}}}sheet"):
                target = targets.get(sheet.get(f"{{{REL}}}id"), "")
                member = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
                root = _xml(zf, member) if target else None
                if root is None:
                    continue
                cols = {k - 1 for c in root.iter(f"{{{SML}}}col") if c.get("hidden") in ("1", "true")
                        for k in range(int(c.get("min", "0")), min(int(c.get("max", "0")), 16384) + 1)}
                found[sheet.get("name", "")] = cols
        elif kind == "ods":
            root = _xml(zf, "content.xml")
            if root is None:
                return {}
            for table in root.iter(f"{{{ODF_TABLE}}}table"):
                k, cols = 0, set()
                for col in table.iter(f"{{{ODF_TABLE}}}table-column"):
                    n = min(int(col.get(f"{{{ODF_TABLE}}}number-columns-repeated", "1")), 16384)
                    if col.get(f"{{{ODF_TABLE}}}visibility") in ("collapse", "filter"):
                        cols.update(range(k, k + n))
                    k += n
                found[table.get(f"{{{ODF_TABLE}}}name", "")] = cols
    return found


def sheets_of(src: Source, kind: str) -> list[tuple[str, list[list[str]]]]:
    """(name, rows of cell text) of every visible sheet that has a non-blank cell."""
    from python_calamine import CalamineWorkbook, SheetVisibleEnum

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(src.data))
        visible = [m.name for m in book.sheets_metadata if m.visible == SheetVisibleEnum.Visible]
        hidden = hidden_columns(src.data, kind)
        sheets = []
        for name in visible:
            drop = hidden.get(name, set())
            rows = [[cell_text(v) for k, v in enumerate(row) if k not in drop]
                    for row in book.get_sheet_by_name(name).to_python(skip_empty_area=False)]
            if any(any(r) for r in rows):
                sheets.append((name, rows))
    except IngestError:
        raise
    except Exception as exc:  # calamine's errors: a broken zip, a missing part, a password-protected file
        raise IngestError(src.path, f"unreadable {kind.upper()} workbook ({type(exc).__name__}: {exc})") from exc
    if not sheets:
        raise IngestError(src.path, f"{kind.upper()} workbook has no visible sheet with any cell filled in")
    return sheets


def _attendance(rows: list[list[str]]) -> tuple[list[str], list[str]] | None:
    """(participants, absentees) of a sheet headed name | (party) | attendance, else None."""
    start = next((k for k, r in enumerate(rows) if any(r)), None)
    if start is None:
        return None
    header = rows[start]
    person = next((k for k, h in enumerate(header) if PERSON.match(h) or column_kind(h) == "name"), None)
    status = next((k for k, h in enumerate(header) if STATUS.match(h)), None)
    party = next((k for k, h in enumerate(header) if PARTY.match(h)), None)
    if person is None or status is None:
        return None
    people, absent = [], []
    for row in rows[start + 1:]:
        cell = (row + [""] * len(header))
        who = cell[person].strip()
        if not who:
            continue
        if party is not None and cell[party].strip() and "(" not in who:
            who = f"{who} ({cell[party].strip()})"
        people.append(who)
        if ABSENT.search(cell[status]):
            absent.append(who)
    return people, absent


def _facts(rows: list[list[str]]) -> list[tuple[str, str]]:
    """(kind, value) of label/value rows and lone title cells; kinds as the CSV reader names columns, and
    "remark" for a remark."""
    found: list[tuple[str, str]] = []
    for row in rows:
        filled = [c for c in row if c]
        if len(filled) == 1:
            if m := TOWN.match(filled[0]):
                found.append(("town", m[1]))
            elif m := TITLE.match(filled[0]):
                found.append(("kind", m[1]))
                if m[2]:
                    found.append(("committee", m[2].strip()))
            continue
        for label, value in zip(row[0::2], row[1::2], strict=False):
            label = label.strip().rstrip(":")
            if not label or not value or "\n" in label or len(label) > 40:
                continue
            if REMARK.match(label):
                found.append(("remark", value))
                continue
            kind = column_kind(label)
            if kind == "date" and CLOCK.match(value):  # "Mødestart" holding a time cell
                kind = "time"
            if kind in MEETING_KINDS and kind != "end":
                found.append((kind, value))
    return found


class SpreadsheetReader:
    name = "spreadsheet"

    def sniff(self, src: Source) -> bool:
        return kind_of(src.data) is not None

    def read(self, src: Source) -> MeetingDraft:
        kind = kind_of(src.data)
        if kind is None:
            raise IngestError(src.path, "not an XLSX, ODS or XLS workbook")
        return meeting_from_sheets(sheets_of(src, kind), src.path, f"{kind.upper()} workbook")


def meeting_from_sheets(sheets: list[tuple[str, list[list[str]]]], path: str, what: str) -> MeetingDraft:
    """A workbook's (name, rows of cell text) sheets as one meeting: the items from the first sheet with an item
    header row, the meeting facts from label/value rows, the attendance from a sheet of people (module doc)."""
    item_sheet = next(((k, r) for k, (_, rows) in enumerate(sheets) for r, cells in enumerate(rows)
                       if item_kinds([c.strip() for c in cells]) is not None), None)
    if item_sheet is None:
        shown = ", ".join(repr(n) for n, _ in sheets)
        raise IngestError(path, f"{what} has no sheet with a header row naming agenda-item columns (an item number, "
                                f"a title, and a text, decision, date or committee); sheets: {shown}")
    at, header_row = item_sheet
    stated: list[tuple[str, str]] = []
    people: list[str] = []
    absent: list[str] = []
    for k, (_, rows) in enumerate(sheets):
        if k == at:
            stated += _facts(rows[:header_row])
        elif (listed := _attendance(rows)) is not None:
            people += [p for p in listed[0] if p not in people]
            absent += [a for a in listed[1] if a not in absent]
        else:
            stated += _facts(rows)
    if people:
        stated.append(("people", "\n".join(people)))
    if absent:
        stated.append(("absent", "\n".join(absent)))
    remarks = [line.strip() for k, v in stated if k == "remark" for line in v.splitlines() if line.strip()]
    name, rows = sheets[at]
    draft = meeting_from_rows(rows, path, [(k, v) for k, v in stated if k != "remark"], what=f"sheet {name!r}")
    draft.remarks += [r for r in remarks if r not in draft.remarks]
    return draft


READER = SpreadsheetReader()
