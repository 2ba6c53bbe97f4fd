"""Read a file of minutes into text: txt, md, html, pdf, docx, odt, rtf, Word 2003 XML (``ingest.wordml``).

Each reader returns a ``Document``: the text in the line form the segmenter reads, plus
hints (committee, date, ...) when the source states them as fields. JSON is structure, not text:
it is read by the JSON readers (``ingest.readers``), never flattened here; ``read_bytes`` raises
for JSON with the reason no reader took it, so the full-text reader can take over. CSV likewise: a ``.csv``
or ``.tsv`` file the CSV reader (``ingest.readers.csv_rows``) did not take raises with the reason.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from core import municipalities
from core.errors import IngestError, TooLarge
from ingest import fixedwidth, flatopc, frontmatter, header, hocr, labelblocks, pdfoutline, wordml
from ingest import odttext as odt
from ingest.docxtext import DocxText
from ingest.html import html_to_text
from ingest.pdfmargin import MarginText

MAX_BYTES = 50 * 1024 * 1024
# decompression bounds: what a small file may unpack to, and how much work its pages may cost
MAX_UNZIPPED = 40 * 1024 * 1024  # a DOCX's document part (and all its parts together) unpacked
MAX_PDF_PAGES = 2000
MAX_TEXT_CHARS = 8 * 1024 * 1024  # the text a PDF or DOCX yields
MAX_SECONDS = 120.0  # reading one PDF's pages
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv", ".tsv"}


@dataclass
class Document:
    path: str
    text: str
    hints: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def decode(data: bytes, path: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252/latin-1. CRLF -> LF."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    if "\x00" in text:
        raise IngestError(path, "binary data (NUL bytes); expected text, HTML, PDF, DOCX or JSON")
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.01 * max(1, len(text[:20000])):
        raise IngestError(path, "binary data (control characters); expected a text document")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _pdf(data: bytes, path: str) -> str:
    import time

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        count = len(reader.pages)
        if count > MAX_PDF_PAGES:
            raise IngestError(path, f"PDF has {count} pages; the limit is {MAX_PDF_PAGES} pages", 422)
        pages: list[str] = []
        size, start = 0, time.monotonic()
        for page in reader.pages:
            margin = MarginText()  # section headings in a left margin column drawn after the body
            pages.append(margin.text(page.extract_text(visitor_text=margin) or "").strip("\n"))
            size += len(pages[-1])
            if size > MAX_TEXT_CHARS:
                raise TooLarge(path, f"PDF text passes {MAX_TEXT_CHARS} characters (the limit)")
            if time.monotonic() - start > MAX_SECONDS:
                raise IngestError(path, f"reading the PDF's pages took more than {MAX_SECONDS:.0f} s (the limit)",
                                  422)
    except (PdfReadError, ValueError, KeyError, TypeError, RecursionError, AttributeError) as exc:
        raise IngestError(path, f"unreadable PDF ({str(exc)[:200]})") from exc
    pages = pdfoutline.numbered_headings(reader, pages)  # item numbers printed only in the bookmarks
    text = "\n\f".join(pages)  # a form feed marks each page break (see ingest.pagetext)
    if not text.strip():
        raise IngestError(path, "PDF has no text layer (scanned?); OCR it first")
    return text


def _docx(data: bytes, path: str, extract: Callable[[bytes, int], DocxText] | None = None) -> Document:
    """The paragraphs of ``word/document.xml`` (or of an ODT's ``content.xml``, with ``extract``); a damaged zip
    or missing parts are read with a warning."""
    import logging

    from ingest.docxtext import DocxError, docx_text

    try:
        found = (extract or docx_text)(data, MAX_UNZIPPED)
    except DocxError as exc:
        if exc.too_large:
            raise TooLarge(path, str(exc)) from exc
        raise IngestError(path, str(exc)) from exc
    if len(found.text) > MAX_TEXT_CHARS:
        raise TooLarge(path, f"DOCX text passes {MAX_TEXT_CHARS} characters (the limit)")
    for warning in found.warnings:
        logging.getLogger(__name__).warning("%s: %s", path, warning)
    return Document(path, found.text, warnings=found.warnings)


def read_bytes(data: bytes, path: str) -> Document:
    """The file's text and hints; a municipality named only by a masthead in capitals is a hint
    (``header.masthead_municipality``), used where the text names none the usual way."""
    doc = _read_bytes(data, path)
    named = None if "municipality" in doc.hints else header.masthead_municipality(doc.text)
    if named and municipalities.detect(doc.text).name is None:
        doc.hints["municipality"] = named
    return doc


def _read_bytes(data: bytes, path: str) -> Document:
    if not data.strip():
        raise IngestError(path, "empty file")
    if len(data) > MAX_BYTES:
        raise TooLarge(path, f"file too large ({len(data)} bytes; limit {MAX_BYTES})")
    suffix = Path(path).suffix.lower()
    if data.startswith(b"%PDF") or suffix == ".pdf":
        return Document(path, labelblocks.as_headings(_pdf(data, path)))
    if suffix == ".odt" or data.startswith(b"PK") and odt.is_odt(data):
        return _docx(data, path, odt.odt_text)
    if data.startswith(b"PK") or suffix == ".docx":
        return _docx(data, path)
    if data.lstrip().startswith(b"{\\rtf") or suffix == ".rtf":
        return Document(path, _rtf(data, path))
    if flatopc.is_flat_opc(data):  # a Word "XML Document": a whole DOCX package in one XML file (Flat OPC)
        return _docx(data, path, flatopc.flat_opc_text)
    if odt.is_flat_odt(data):  # a flat OpenDocument text (.fodt): the ODT's parts in one XML file
        return _docx(data, path, lambda raw, _limit: odt.flat_odt_text(raw))
    if wordml.is_wordml(data):
        return _docx(data, path, lambda raw, _limit: wordml.wordml_text(raw))
    text = decode(data, path)
    head = text.lstrip()[:1]
    if suffix in JSON_SUFFIXES or (head and head in "{["):
        try:
            payload = json.loads(text)
        except (json.JSONDecodeError, RecursionError) as exc:
            if _json_lines(text):
                raise IngestError(path, "JSON lines with no agenda items a reader recognises") from exc
            if suffix in JSON_SUFFIXES:
                line = f"line {exc.lineno}: {exc.msg}" if isinstance(exc, json.JSONDecodeError) else "nested too deep"
                raise IngestError(path, f"invalid JSON ({line})") from exc
        else:
            raise IngestError(path, unrecognised_json(payload))
    if suffix in CSV_SUFFIXES:
        from ingest.readers.csv_rows import unrecognised_csv

        raise IngestError(path, unrecognised_csv(text))
    if head == "<" and hocr.is_hocr(text):  # an OCR engine's layout of a scan: its lines and pages, not its markup
        return Document(path, hocr.hocr_text(text))
    if suffix in {".html", ".htm", ".xhtml"} or re.match(r"\s*(<!doctype html|<html|<\w+[^>]*>)", text[:500], re.I):
        return Document(path, html_to_text(text))
    return Document(path, labelblocks.as_headings(fixedwidth.as_items(frontmatter.as_header(text))))


_RTF_CODEPAGE = re.compile(rb"\\ansicpg(\d{3,4})")


def _rtf(data: bytes, path: str) -> str:
    """The text of an RTF file as Word shows it, tracked changes accepted (``ingest.rtftext``: deletions and hidden
    text dropped, list numbers, table rows); striprtf only where that reader fails, with ``\\'xx`` escapes in the
    code page the file declares (``\\ansicpg``, else 1252)."""
    from striprtf.striprtf import rtf_to_text

    from ingest.rtftext import rtf_text

    try:
        text = rtf_text(data)
    except (ValueError, LookupError, IndexError, RecursionError):
        text = None
    if text is not None:
        if not text.strip():
            raise IngestError(path, "RTF has no text")
        if len(text) > MAX_TEXT_CHARS:
            raise TooLarge(path, f"RTF text passes {MAX_TEXT_CHARS} characters (the limit)")
        return text
    page = _RTF_CODEPAGE.search(data[:2000])
    encoding = f"cp{page.group(1).decode()}" if page else "cp1252"
    try:
        "".encode(encoding)
    except LookupError:
        encoding = "cp1252"
    try:
        text = rtf_to_text(data.decode("latin-1"), encoding=encoding, errors="replace")
    except (ValueError, IndexError, RecursionError) as exc:
        raise IngestError(path, f"unreadable RTF ({str(exc)[:200]})") from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise IngestError(path, "RTF has no text")
    if len(text) > MAX_TEXT_CHARS:
        raise TooLarge(path, f"RTF text passes {MAX_TEXT_CHARS} characters (the limit)")
    return text


def _json_lines(text: str) -> bool:
    lines = [x for x in text.splitlines() if x.strip()]
    try:
        return len(lines) > 1 and all(isinstance(json.loads(x), dict) for x in lines)
    except (json.JSONDecodeError, RecursionError):
        return False


def unrecognised_json(payload: object) -> str:
    """Why no JSON reader took a parsed JSON document (the structured readers have had their turn)."""
    if isinstance(payload, dict):
        items = next((v for k, v in payload.items() if str(k).lower() == "dagsordenpunkter"), None)
        if isinstance(items, list):
            bad = next((k for k, x in enumerate(items) if not isinstance(x, dict)), None)
            if bad is not None:
                return f"Dagsordenpunkter[{bad}] is not an object"
            return "the 'Dagsordenpunkter' list is empty"
        return "JSON has no 'Dagsordenpunkter' list and no item-like records (a title with a text, number or decision)"
    kind = "array" if isinstance(payload, list) else type(payload).__name__
    return f"JSON {kind} with no item-like records; not a First Agenda publication (expected an object)"
