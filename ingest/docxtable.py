"""A DOCX whose agenda items are the rows of one table, read by its structure.

Older Word minutes (Word 97-2003 templates saved as .docx) often print the items as one two-column table: a header
row ("Pkt. | Sag"), then one row per item whose first cell is the printed number ("3.") and whose other cell holds
the title, "Sagsnr.: …" and one paragraph per section, the label ("Sagsfremstilling:", "Beslutning:") separated from
its text by a manual line break (``w:br``). Flattened to text such a row is one long line the segmenter cannot cut
(and a line "1. behandling i …" after a break looks like an item heading), so the rows are read here: each row one
item, each labelled paragraph one section or decision.

The meeting's facts come from the paragraphs before the table (``header.parse_header``: "Mødetidspunkt:",
"Mødested:", "Afbud:"), and what they leave open (committee, date, municipality) from the page header parts
(``word/header*.xml``: "Fanø Kommune<TAB>Økonomiudvalget" / "Referat fra mødet den 20.08.2024"), never from the
items' text. ``table_draft`` returns None when the document has no such table, so the text reader takes it.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from typing import Any

from core import dates, vocab
from ingest import header
from ingest.docxtext import DOCUMENT, DocxError, W, local_member, paragraph_text, parse_xml
from ingest.readers.base import DecisionDraft, ItemDraft, MeetingDraft
from ingest.segment import NO_CASE

LIMIT = 40 * 1024 * 1024
_NUMBER = re.compile(r"^(?:(?:Pkt|Punkt)\.?\s*)?(?P<num>\d{1,3}(?:\.\d{1,2})?)\.?$", re.I)
_LABEL = re.compile(r"^(?P<label>[A-ZÆØÅ][\wæøåÆØÅ ,./()-]{1,60}?)\s*:\s*(?P<text>.*)$")
_CLOSED_NOTE = re.compile(r"^\(?(?:lukket|fortroligt?)(?:\s+(?:punkt|sag))?\)?\.?$", re.I)  # a status, no decision
_KOMMUNE = re.compile(r"\b[\wæøåÆØÅ-]+\s+(?:Kommune|Regionskommune)\b")

Paragraph = list[str]  # its lines (a manual line break starts a new one)


def zip_part(data: bytes, name: str) -> bytes | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            if name not in zf.namelist() or zf.getinfo(name).file_size > LIMIT:
                return None
            with zf.open(name) as part:
                return part.read(LIMIT + 1)[:LIMIT]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, zlib.error, OSError):
        try:
            return local_member(data, name, LIMIT)
        except (DocxError, zlib.error):
            return None


def _header_parts(data: bytes) -> list[str]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = sorted(n for n in zf.namelist() if re.fullmatch(r"word/header\d*\.xml", n))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError):
        return []
    return names


def page_header(data: bytes) -> list[str]:
    """The text of the page header parts (``word/header*.xml``), each tab-separated part one line."""
    out: list[str] = []
    for name in _header_parts(data):
        part = zip_part(data, name)
        if part:
            try:
                out += [c.strip() for p in parse_xml(part, name).iter(f"{W}p")  # type: ignore[attr-defined]
                        for line in paragraph_lines(p, tabs=True) for c in line.split("\t") if c.strip()]
            except DocxError:
                continue
    return out


def paragraph_lines(p: object, tabs: bool = False) -> Paragraph:
    """A paragraph's lines, white space squashed (a tab kept as one when ``tabs``, else a space)."""
    out = [re.sub(r"[^\S\t]+", " ", x).strip() for x in paragraph_text(p).split("\n")]
    return [x if tabs else " ".join(x.split()) for x in out if x.strip()]


def _cells(row: object) -> list[list[Paragraph]]:
    return [[lines for p in tc.iter(f"{W}p") if (lines := paragraph_lines(p))]  # type: ignore[attr-defined]
            for tc in row.findall(f"{W}tc")]  # type: ignore[attr-defined]


def _labelled(line: str) -> tuple[str, str] | None:
    """(label, inline text) of a section or decision label opening a paragraph ("Tidsplan:", "Beslutning: …")."""
    dec = vocab.decision_heading(line)
    if dec and dec.inline_text and line.endswith(dec.inline_text):  # "Beslutning: Godkendt."
        return line[:-len(dec.inline_text)].rstrip(" :"), dec.inline_text
    if dec or vocab.section_name(line):
        return line.rstrip(":").strip(), ""
    m = _LABEL.match(line)
    if not m or vocab.case_number(line) or NO_CASE.match(line):
        return None
    label = m.group("label")
    known = vocab.decision_heading(label) or vocab.section_name(label)
    if known or (not m.group("text") and len(label.split()) <= 4 and not vocab.ABSENT_LABEL.match(line)):
        return label, m.group("text")
    return None


def _item_row(cells: list[list[Paragraph]]) -> tuple[str, list[Paragraph]] | None:
    """(number, content paragraphs) of a row whose first cell is an item's number and whose other cells hold its
    title first."""
    if len(cells) < 2 or len(cells[0]) != 1 or len(cells[0][0]) != 1:
        return None
    m = _NUMBER.match(cells[0][0][0])
    content = [p for cell in cells[1:] for p in cell]
    if not m or not content or _labelled(content[0][0]) or vocab.case_number(content[0][0]):
        return None
    return m.group("num"), content


def _structured(content: list[Paragraph]) -> bool:
    return any(_labelled(p[0]) for p in content[1:])


def item_draft(number: str, content: list[Paragraph]) -> ItemDraft:
    item = ItemDraft(title=" ".join(content[0]), number=number, closed=bool(vocab.CLOSED.search(content[0][0])))
    heading: str | None = None
    texts: list[str] = []

    def close() -> None:
        if heading is None and not texts:
            return
        text = "\n".join(texts)
        dec = vocab.decision_heading(heading) if heading else None
        if dec is None:
            item.sections.append((heading or "", text))
            return
        rest = [x for x in texts if not vocab.ABSENT_LABEL.match(x)]
        if item.closed and all(_CLOSED_NOTE.match(x) for x in rest):  # "Beslutning: Lukket punkt.": none taken
            for m in filter(None, map(vocab.ABSENT_LABEL.match, texts)):
                item.absentees += [n for n in vocab.split_names(m.group("names")) if n not in item.absentees]
            return
        item.decisions.append(DecisionDraft(text, body=dec.body, date=dec.date))

    for lines in content[1:]:
        first = lines[0]
        if item.case_number is None and not item.sections and not item.decisions and heading is None and (
                vocab.case_number(first) or NO_CASE.match(first)) and len(lines) == 1:
            item.case_number = vocab.case_number(first)
            continue
        label = _labelled(first)
        if label:
            close()
            heading, texts = label[0], [x for x in [label[1], *lines[1:]] if x]
        else:
            texts.append(" ".join(lines) if heading is None else "\n".join(lines))
    close()
    return item


def _rows(table: object) -> list[tuple[str, list[Paragraph]]]:
    found = []
    for row in table.findall(f"{W}tr"):  # type: ignore[attr-defined]
        hit = _item_row(_cells(row))
        if hit:
            found.append(hit)
    return found


def _rising(rows: list[tuple[str, list[Paragraph]]]) -> bool:
    keys = [vocab.number_key(num) for num, _ in rows]
    return all(a < b for a, b in zip(keys, keys[1:], strict=False))


def meeting_facts(lines: list[str], page_header: list[str]) -> tuple[header.Header, str | None, str | None]:
    """The meeting's header facts, the committee and municipality the page header names when the body does not."""
    head = header.parse_header(lines)
    top = header.parse_header(page_header)
    head.committee = head.committee or top.committee or next(
        (c for c in map(header.committee_in, page_header) if c), None)
    head.date = head.date or top.date or next((d for d in map(dates.first_date, page_header) if d), None)
    head.time = head.time or top.time
    named = next((m.group() for x in lines + page_header if (m := _KOMMUNE.search(x))), None)
    return head, head.committee, named


def document_root(data: bytes) -> Any | None:
    """The parsed document part of a DOCX (its ``w:document`` element), or None when it has none or it is no XML."""
    xml = zip_part(data, DOCUMENT)
    if not xml:
        return None
    try:
        return parse_xml(xml)
    except DocxError:
        return None


def table_draft(data: bytes) -> MeetingDraft | None:
    """The meeting of a DOCX whose items are the rows of one table (see the module), else None."""
    root = document_root(data)
    if root is None:
        return None
    body = root.find(f"{W}body")  # type: ignore[attr-defined]
    if body is None:
        return None
    tables = [(t, _rows(t)) for t in body.findall(f"{W}tbl")]
    table, rows = max(tables, key=lambda x: len(x[1]), default=(None, []))
    if table is None or len(rows) < 2 or not _rising(rows) or 2 * sum(_structured(c) for _, c in rows) < len(rows):
        return None
    before: list[str] = []
    for child in body:
        if child is table:
            break
        if child.tag == f"{W}p":
            before += paragraph_lines(child)
    if any(vocab.ITEM.match(x) for x in before):
        return None  # items printed as headings too: the text reader's
    head, committee, named = meeting_facts(before, page_header(data))
    if head.date is None:
        return None
    items = [item_draft(num, content) for num, content in rows]
    return MeetingDraft(
        committee=committee or "", date=head.date, items=items, municipality=named, time=head.time,
        location=head.location, participants=head.participants, absentees=head.absentees, remarks=head.remarks,
        status="minutes" if any(it.decisions for it in items) else head.status,
    )
