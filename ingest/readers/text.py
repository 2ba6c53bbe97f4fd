"""Documents without a structure to read (txt, md, PDF text layer, DOCX, free HTML): the text parser."""

from __future__ import annotations

from core.model import Meeting
from ingest.readers.base import Source


def read_text_meeting(src: Source, municipality: str | None = None) -> tuple[Meeting, list[str]]:
    """The meeting and the reading's warnings (e.g. a damaged DOCX read from its document part)."""
    from ingest.parse import parse_document
    from ingest.read import read_bytes

    doc = read_bytes(src.data, src.path)
    return parse_document(doc, municipality), doc.warnings
