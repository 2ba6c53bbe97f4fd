"""The items of a free-text part of a structured source, as drafts.

A meeting package holds one PDF per item, an iCalendar invitation carries its agenda as the ``DESCRIPTION`` text:
the container's structure says which text is which, and the text inside each part is read by the text parser
(``ingest.parse``) like any document. The parsed items go back into ``ItemDraft``s so the container's reader can
order and complete them and ``build_meeting`` builds the meeting once, from the container's own facts.
"""

from __future__ import annotations

from datetime import date

from core.errors import IngestError
from core.model import AgendaItem, Meeting
from ingest.read import Document, read_bytes
from ingest.readers.base import DecisionDraft, ItemDraft, MeetingDraft


def parse_part(data: bytes, path: str, committee: str | None = None, day: date | None = None) -> Meeting | None:
    """One part's text read as a document (PDF, DOCX, text ...); None when it holds no items or cannot be read.
    ``committee`` and ``day``, when the container states them, stand in for a part that prints neither."""
    try:
        doc = read_bytes(data, path)
    except (IngestError, ValueError, OSError):
        return None
    return parse_text(doc, committee, day)


def parse_text(doc: Document, committee: str | None = None, day: date | None = None) -> Meeting | None:
    """A text already read (``Document``) parsed into a meeting; None when no items are found."""
    from ingest.parse import parse_document

    if committee:
        doc.hints.setdefault("committee", committee)
    if day:
        doc.hints.setdefault("date", day.isoformat())
    try:
        return parse_document(doc)
    except (IngestError, ValueError):
        return None


def meeting_draft(meeting: Meeting, municipality: str | None, warnings: list[str]) -> MeetingDraft:
    """A meeting the text parser read, as the draft a structured reader returns (``municipality``: the one the
    source states, or None to detect it)."""
    return MeetingDraft(
        committee=meeting.committee, date=meeting.date, items=[item_draft(it) for it in meeting.items],
        municipality=municipality, time=meeting.time, location=meeting.location,
        participants=list(meeting.participants), absentees=list(meeting.absentees), remarks=list(meeting.remarks),
        status=meeting.status, extraordinary=meeting.extraordinary, warnings=warnings)


def item_draft(item: AgendaItem) -> ItemDraft:
    """A parsed item as a draft: its sections as printed, its decisions by body and date (votes and absentees are
    read again from the decision text by ``build_meeting``)."""
    return ItemDraft(
        title=item.title,
        number=item.number,
        case_number=item.case_number,
        case_worker=item.case_worker,
        closed=item.closed,
        sections=[(s.heading or ("" if s.name == "Tekst" else s.name), s.text) for s in item.sections],
        decisions=[DecisionDraft(d.text, d.body, d.date) for d in item.decisions],
        attachments=list(item.attachments),
        absentees=list(item.absentees),
    )


def has_content(item: AgendaItem) -> bool:
    """Does the item carry more than its heading (a text, a decision or a case number)?"""
    return bool(item.sections or item.decisions or item.case_number)


def layout_draft(path: str, text: str, layout: str, note: str, named_in_text: bool) -> MeetingDraft:
    """The draft of a layout's text lines (pdf2xml, ALTO OCR): parsed as text, or, with no items to be found, the
    lines as one searchable document. The municipality is the one the parse states, or with ``named_in_text`` the
    one the text names anywhere (the file's path stays build's fallback)."""
    from core import municipalities
    from ingest.readers import fulltext
    from ingest.readers.base import Source

    meeting = parse_text(Document(path, text))
    if meeting is None or not meeting.items:
        draft = fulltext.whole_draft(Source(text.encode("utf-8"), path))
        draft.warnings.insert(0, f"read the {layout} lines as one searchable document (no agenda items found)")
        return draft
    named = municipalities.resolve(None, None, text, "")[0] if named_in_text else meeting.municipality
    return meeting_draft(meeting, named if named != municipalities.UNKNOWN else None, [note])
