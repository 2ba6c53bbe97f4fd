"""An HTML page whose agenda items are the rows of one table under a header row naming the columns, read as a
spreadsheet sheet (``spreadsheet.meeting_from_sheets``: column kinds by header name, a row an item).

The common case is the "Eksport til Excel" file of an ESDH/committee system: a ``.xls`` that is no Excel binary but
Excel-flavoured HTML (``xmlns:x="urn:schemas-microsoft-com:office:excel"``, ``<meta name=ProgId
content=Excel.Sheet>``, a ``application/vnd.ms-excel`` content type, ``mso-number-format`` style classes). Excel
writes every cell as ``<td>`` (never ``<th>``): fact rows ("Mødedato | 21-01-2025 | Mødestart | 14:00"), a header
row ("Pkt. | Sagsnr. | Overskrift | … | Beslutning") and one row per item. The HTML item reader names a row's cells
only by a ``<th>`` header row and takes the cell after the number as the title, so such a table lost its decision
column (plain text, no decision) and took the case number for the title; here the header row is read by its names,
as the CSV and spreadsheet readers read one.

Sniffed by content: HTML with a table row that names item columns (a number, a title, and a text, decision, date or
committee column, ``row_meeting.item_kinds``) and either names a decision column or sits in Excel-flavoured HTML.
Cells as Excel reads them: ``colspan`` spreads a cell over empty columns, ``<br>`` (``mso-data-placement:same-cell``)
and paragraphs break lines, other white space collapses; a number cell ``x:num="45678"`` whose number format
(``mso-number-format`` of its class or its own style) is a date or time is that date ("2025-01-21"), clock ("14:00")
or both (serial days since 1899-12-30, or 1904-01-01 when the workbook says ``Date1904``). A row labelled as an
export or print time ("Eksporteret", "Udskrevet") is the file's publication stamp, never the meeting's date.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from lxml import etree
from lxml import html as lhtml

from core.errors import IngestError
from ingest import header
from ingest.readers.base import AnalysedReader, MeetingDraft, Source
from ingest.readers.generic_html import LINE_LABEL
from ingest.readers.markup import fragment_text
from ingest.readers.row_meeting import item_kinds
from ingest.readers.spreadsheet import cell_text, meeting_from_sheets
from ingest.readers.xmlwhen import timestamp

El = Any  # an lxml.html element
EXCEL = re.compile(r"urn:schemas-microsoft-com:office:excel|content=\"?application/vnd\.ms-excel|"
                   r"name=\"?ProgId\"?\s+content=\"?Excel\.Sheet", re.I)
STYLE_RULE = re.compile(r"\.([\w-]+)\s*\{([^}]*)\}")
NUMBER_FORMAT = re.compile(r"mso-number-format\s*:\s*(\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|[^;]+)", re.I)
SERIAL = re.compile(r"^-?\d+(?:\.\d+)?(?:[eE]-?\d+)?$")
STAMP_LABEL = re.compile(r"^(?:eksporteret|eksportdato|eksporttidspunkt|udskrevet|udskriftsdato|genereret|dannet|"
                         r"exported|generated|printed)\b", re.I)
KIND_WORD = re.compile(r"\b(referat|beslutningsprotokol|protokol|dagsorden)\b", re.I)
MAX_COLUMNS = 16384
LINE_BREAKS = {"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"}
NAMED_FORMATS = {"short date": "d", "medium date": "d", "long date": "d", "general date": "dt", "short time": "t",
                 "medium time": "t", "long time": "t"}  # Excel's named number formats
EPOCH, EPOCH_1904 = datetime(1899, 12, 30), datetime(1904, 1, 1)


def _formats(root: El) -> dict[str, str]:
    """Style class -> its ``mso-number-format`` (quotes and backslash escapes removed)."""
    out: dict[str, str] = {}
    for style in root.iter("style"):
        for name, body in STYLE_RULE.findall(style.text or ""):
            if m := NUMBER_FORMAT.search(body):
                out[name.lower()] = _unquote(m.group(1))
    return out


def _unquote(value: str) -> str:
    """A CSS value's outer quotes removed; the CSS escapes of the quote itself undone (Excel's own ``\\-`` kept)."""
    value = value.strip()
    if value[:1] in "\"'" and value[-1:] == value[:1]:
        value = value[1:-1].replace('\\"', '"').replace("\\'", "'")
    return value


def _format_of(td: El, formats: dict[str, str]) -> str:
    own = NUMBER_FORMAT.search(td.get("style") or "")
    if own:
        return _unquote(own.group(1))
    return next((formats[c] for c in (td.get("class") or "").lower().split() if c in formats), "")


def _serial(value: str, fmt: str, epoch: datetime) -> str | None:
    """An Excel serial number as the date/time its number format shows, else None (a plain number)."""
    plain = re.sub(r"\\.|\"[^\"]*\"|\[[^\]]*\]|am/pm|a/p", " ", fmt.lower())  # literals, [$-406] codes, AM/PM out
    named = NAMED_FORMATS.get(" ".join(fmt.lower().split()))
    codes = not re.search(r"[a-ce-gi-lnoq-rt-xz0#?@%]", plain)  # only d, m, y, h, s: a date or time picture
    has_date = named is not None and "d" in named or named is None and codes and bool(re.search(r"[dy]", plain))
    has_time = named is not None and "t" in named or named is None and codes and bool(re.search(r"[hs]", plain))
    if not (has_date or has_time) or not SERIAL.match(value.strip()):
        return None
    try:
        stamp = epoch + timedelta(days=float(value))
    except (OverflowError, ValueError):
        return None
    stamp = (stamp + timedelta(seconds=30)).replace(second=0, microsecond=0)  # 0.58333… days: 14:00, not 13:59
    if has_date and has_time:
        return cell_text(stamp)
    return cell_text(stamp.date()) if has_date else cell_text(stamp.time())


def _cell(td: El, formats: dict[str, str], epoch: datetime) -> str:
    """A cell's value: a date/time number as its date or clock, else its text, lines broken where Excel breaks them."""
    number = td.get("{urn:schemas-microsoft-com:office:excel}num") or td.get("x:num")
    if number and (value := _serial(number, _format_of(td, formats), epoch)) is not None:
        return value
    parts: list[str] = []

    def walk(el: El) -> None:
        parts.append(el.text or "")
        for child in el:
            if isinstance(child.tag, str) and child.tag not in ("script", "style"):
                block = child.tag in LINE_BREAKS
                parts.append("\n" if block else "")
                if child.tag != "br":
                    walk(child)
                parts.append("\n" if block else "")
            parts.append(child.tail or "")

    walk(td)
    lines = (" ".join(x.split()) for x in "".join(parts).split("\n"))
    return "\n".join(x for x in lines if x)


def _rows(table: El, formats: dict[str, str], epoch: datetime) -> list[list[str]]:
    rows: list[list[str]] = []
    for tr in table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"):
        cells: list[str] = []
        for td in tr.xpath("./td|./th"):
            cells.append(_cell(td, formats, epoch))
            span = (td.get("colspan") or "1").strip()
            cells += [""] * (min(int(span), MAX_COLUMNS) - 1 if span.isdigit() and int(span) > 1 else 0)
        rows.append(cells[:MAX_COLUMNS])
    return rows


def _item_header(rows: list[list[str]]) -> int | None:
    return next((k for k, r in enumerate(rows) if item_kinds([c.strip() for c in r]) is not None), None)


def _without_stamp(rows: list[list[str]]) -> tuple[str | None, list[list[str]]]:
    """The export/print time a label names ("Eksporteret | 23-01-2025 07:41"), and the rows with that pair blanked
    (a stamp is never the meeting's date)."""
    stamp: str | None = None
    out: list[list[str]] = []
    for row in rows:
        row = list(row)
        for k, cell in enumerate(row[:-1]):
            if STAMP_LABEL.match(cell.strip()) and row[k + 1].strip():
                stamp = stamp or row[k + 1].strip()
                row[k] = row[k + 1] = ""
        out.append(row)
    return stamp, out


def _page_rows(root: El, tables: list[El]) -> list[list[str]]:
    """The page's text outside its tables (a heading, "Mødedato: 3. marts 2025") as rows: a "Label: value" line as
    two cells, any other line as one."""
    body = root.find("body")
    if body is None:
        return []
    for el in [*tables, *body.iter("script", "style", "nav", "footer", "noscript")]:
        if el.getparent() is not None:
            el.drop_tree()
    text = fragment_text(str(etree.tostring(body, encoding="unicode", method="html")))
    lines = [x.strip() for x in text.splitlines()]
    return [[m["label"], m["value"]] if (m := LINE_LABEL.match(x)) else [x] for x in lines if 0 < len(x) <= 200]


def _parse(src: Source) -> El | None:
    low = src.head[:2000].lower()  # "" for binary data (a real .xls): the spreadsheet reader's
    if not low.startswith("<") or "<table" not in src.text.lower():
        return None
    try:
        return lhtml.document_fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", src.text))
    except (etree.ParserError, ValueError):
        return None


def analyse(src: Source) -> MeetingDraft | None:
    """The meeting when one table of the page is a sheet of item rows under a named header (module doc)."""
    root = _parse(src)
    if root is None:
        return None
    excel = bool(EXCEL.search(src.head))
    formats = _formats(root)
    epoch = EPOCH_1904 if re.search(r"<x:Date1904\s*/?>", src.text, re.I) else EPOCH
    tables = [t for t in root.iter("table") if not any(a.tag == "table" for a in t.iterancestors())]
    sheets = [_rows(t, formats, epoch) for t in tables]
    at = next((k for k, rows in enumerate(sheets) if _item_header(rows) is not None), None)
    if at is None:
        return None
    rows = sheets[at]
    start = _item_header(rows) or 0
    if not excel and "decision" not in (item_kinds([c.strip() for c in rows[start]]) or []):
        return None  # a page's own table of items without a decision column: the HTML item reader's
    stamp, facts = _without_stamp(rows[:start] + _page_rows(root, tables))
    ordered = [(f"table {at + 1}", facts + rows[start:])] + [
        (f"table {k + 1}", r) for k, r in enumerate(sheets) if k != at and any(any(c for c in x) for x in r)]
    try:
        draft = meeting_from_sheets(ordered, src.path, "Excel HTML export" if excel else "HTML table")
    except IngestError:
        return None
    lines = [c for r in facts for c in r if c and "\n" not in c and len([x for x in r if x]) == 1]
    title = " ".join((root.findtext(".//title") or "").split())
    head = header.parse_header(lines + [title])  # lone title cells ("Skoleudvalget - Beslutningsprotokol"), <title>
    draft.committee = draft.committee or head.committee or ""
    undated = [w for w in draft.warnings if w.startswith("no meeting date field")]
    if undated and head.date is not None:  # a date printed in the page's heading, not in a labelled field
        draft.date, draft.warnings = head.date, [w for w in draft.warnings if w not in undated]
    said = KIND_WORD.findall(" ".join(lines + [title]))
    if said and not any(it.decisions for it in draft.items) and said[0].lower() != "dagsorden":
        draft.warnings.append(f"the file says {said[0]!r} but records no decision; read as an agenda")
    draft.published = draft.published or timestamp(stamp)
    draft.warnings.insert(0, f"read the items of {'an Excel HTML export' if excel else 'an HTML table'} by its "
                             f"header row ({', '.join(c for c in rows[start] if c)})")
    return draft


READER = AnalysedReader("html-sheet", analyse, "no table of agenda-item rows under a named header row")
