"""Read a file of minutes into text: txt, md, html, pdf, docx, and First Agenda JSON.

Each reader returns a ``Document``: the text in the line form the segmenter reads, plus
hints (committee, date, ...) when the source states them as fields.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ingest.errors import IngestError
from ingest.firstagenda import json_to_text
from ingest.html import html_to_text

MAX_BYTES = 50 * 1024 * 1024
MAX_UNZIPPED = 200 * 1024 * 1024


@dataclass
class Document:
    path: str
    text: str
    hints: dict[str, str] = field(default_factory=dict)


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
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise IngestError(path, f"unreadable PDF ({exc})") from exc
    text = "\n".join(pages)
    if not text.strip():
        raise IngestError(path, "PDF has no text layer (scanned?); OCR it first")
    return text


def _docx(data: bytes, path: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            total = sum(info.file_size for info in zf.infolist())
            if total > MAX_UNZIPPED:
                raise IngestError(path, f"DOCX unpacks to {total} bytes (limit {MAX_UNZIPPED}); refusing a zip bomb")
    except zipfile.BadZipFile as exc:
        raise IngestError(path, "not a valid DOCX (bad zip archive)") from exc
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on broken parts
        raise IngestError(path, f"unreadable DOCX ({type(exc).__name__})") from exc
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def read_bytes(data: bytes, path: str) -> Document:
    if not data.strip():
        raise IngestError(path, "empty file")
    if len(data) > MAX_BYTES:
        raise IngestError(path, f"file too large ({len(data)} bytes; limit {MAX_BYTES})")
    suffix = Path(path).suffix.lower()
    if data.startswith(b"%PDF") or suffix == ".pdf":
        return Document(path, _pdf(data, path))
    if data.startswith(b"PK") or suffix == ".docx":
        return Document(path, _docx(data, path))
    text = decode(data, path)
    head = text.lstrip()[:1]
    if suffix == ".json" or head in "{[":
        try:
            payload = json.loads(text)
        except json.JSONDecodeError as exc:
            raise IngestError(path, f"invalid JSON (line {exc.lineno}: {exc.msg})") from exc
        body, hints = json_to_text(payload, path)
        return Document(path, body, hints)
    if suffix in {".html", ".htm"} or re.match(r"\s*(<!doctype html|<html|<\w+[^>]*>)", text[:500], re.I):
        return Document(path, html_to_text(text))
    return Document(path, text)


def read_file(path: str | Path) -> Document:
    p = Path(path)
    if not p.exists():
        raise IngestError(str(path), "no such file")
    if not p.is_file():
        raise IngestError(str(path), "not a regular file")
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise IngestError(str(path), f"file too large ({size} bytes; limit {MAX_BYTES})")
    return read_bytes(p.read_bytes(), str(path))
