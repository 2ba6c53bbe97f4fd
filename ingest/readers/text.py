"""Documents without a structure to read (txt, md, PDF text layer, DOCX, free HTML): the text parser. A DOCX whose
items are the rows of one table is read by that structure first (``ingest.docxtable``)."""

from __future__ import annotations

from core.model import Meeting
from ingest import frontmatter
from ingest.readers import ReadResult
from ingest.readers.base import Source, build_meeting


def read_text_meeting(src: Source, municipality: str | None = None) -> tuple[Meeting, list[str]]:
    """The meeting and the reading's warnings (e.g. a damaged DOCX read from its document part)."""
    result = read_text(src, municipality)
    return result.meeting, result.warnings


def read_text(src: Source, municipality: str | None = None) -> ReadResult:
    """The text's meeting, or each meeting of a document holding several (``ingest.combined``: a "samlet
    referat" of a week's committee meetings, each on its own pages)."""
    from ingest.combined import read_meetings
    from ingest.parse import parse_document
    from ingest.read import read_bytes

    if src.data.startswith(b"PK"):
        from ingest.docxtable import table_draft

        draft = table_draft(src.data)
        if draft is not None:
            return ReadResult(build_meeting(draft, src, municipality), "text", draft.warnings)
    doc = read_bytes(src.data, src.path)
    if src.head.startswith("---"):  # YAML front matter: its fields state the meeting's facts
        for key, value in frontmatter.stated(src.text).items():
            doc.hints.setdefault(key, value)
    if (many := read_meetings(doc, municipality)) is not None:
        return many
    return ReadResult(parse_document(doc, municipality), "text", doc.warnings)
