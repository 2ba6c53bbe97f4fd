"""read -> segment -> header + items -> Meeting."""

from __future__ import annotations

import re
from pathlib import Path

from core import dates, municipalities, vocab
from core.errors import IngestError, TooLarge
from core.model import AgendaItem, Meeting
from ingest import header, pagetext
from ingest.items import build_item, render_text
from ingest.read import MAX_BYTES, Document
from ingest.readers import ReadResult
from ingest.readers.base import own_remarks
from ingest.segment import segment


def parse_document(doc: Document, municipality: str | None = None) -> Meeting:
    seg = segment(doc.text)
    if not seg.blocks:
        raise IngestError(doc.path, "no agenda items found (no 'Punkt N' headings and no decision blocks)")
    head = header.parse_header(seg.header)
    committee = doc.hints.get("committee") or head.committee
    day = dates.first_date(doc.hints.get("date", "")) or head.date
    if committee is None:
        bodies = [d.body for b in seg.blocks for d in _decision_heads(b.lines) if d.body]
        committee = max(set(bodies), key=bodies.count) if bodies else None
    if committee is None:  # the running page header may name it
        committee = next((c for c in map(header.committee_in, pagetext.running_headers(doc.text)) if c), None)
    if day is None:
        days = [d.date for b in seg.blocks for d in _decision_heads(b.lines) if d.date]
        day = max(set(days), key=days.count) if days else None
    if day is None:
        raise IngestError(doc.path, "no meeting date found in the header or the decisions")
    committee = committee or municipalities.UNKNOWN_COMMITTEE
    items = parent_cases([build_item(b, k, committee, day) for k, b in enumerate(seg.blocks, 1)])

    name, evidence = municipalities.resolve(municipality, doc.hints.get("municipality"), doc.text, doc.path)
    return Meeting(
        municipality=name,
        municipality_evidence=evidence,
        committee=committee,
        date=day,
        time=head.time,
        location=head.location,
        participants=head.participants,
        absentees=head.absentees,
        remarks=own_remarks(head.remarks, items, committee, day),
        status=head.status,  # type: ignore[arg-type]
        extraordinary=any(re.search(r"\bekstraordinært\s+møde|\bextraordinary\s+meeting", x, re.I) for x in seg.header),
        source=Path(doc.path).name,
        items=items,
    )


def parent_cases(items: list[AgendaItem]) -> list[AgendaItem]:
    """A sub-item ("244.1", "4.2") that prints no case number of its own is handled in its parent item's case (a
    budget's amendments, a plan's parts): it takes the parent's case number. A closed sub-item keeps none."""
    cases = {it.number: it.case_number for it in items if it.number and it.case_number}
    for it in items:
        parent = it.number.rsplit(".", 1)[0] if it.number and "." in it.number else None
        if parent and not it.case_number and not it.closed and cases.get(parent):
            it.case_number = cases[parent]
            it.text = render_text(it)
    return items


def _decision_heads(lines: list[str]) -> list[vocab.DecisionHeading]:
    return [d for d in (vocab.decision_heading(x) for x in lines if x) if d]


def parse_bytes(data: bytes, path: str, municipality: str | None = None) -> ReadResult:
    """Any supported source to a Meeting, by the first reader that recognises its content."""
    from ingest.readers import read_source
    from ingest.readers.base import Source

    if not data.strip():
        raise IngestError(path, "empty file")
    if len(data) > MAX_BYTES:
        raise TooLarge(path, f"file too large ({len(data)} bytes; limit {MAX_BYTES})")
    return read_source(Source(data, path), municipality)


def read_path(path: str | Path, municipality: str | None = None) -> ReadResult:
    p = Path(path)
    if not p.exists():
        raise IngestError(str(path), "no such file")
    if not p.is_file():
        raise IngestError(str(path), "not a regular file")
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise TooLarge(str(path), f"file too large ({size} bytes; limit {MAX_BYTES})")
    return parse_bytes(p.read_bytes(), str(path), municipality)


def parse_file(path: str | Path, municipality: str | None = None) -> Meeting:
    return read_path(path, municipality).meeting
