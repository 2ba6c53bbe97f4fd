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
