"""Documents without a structure to read (txt, md, PDF text layer, DOCX, free HTML): the text parser."""

from __future__ import annotations

from ingest.model import Meeting
from ingest.readers.base import Source


def read_text_meeting(src: Source, municipality: str | None = None) -> Meeting:
    from ingest.parse import parse_document
    from ingest.read import read_bytes

    return parse_document(read_bytes(src.data, src.path), municipality)
