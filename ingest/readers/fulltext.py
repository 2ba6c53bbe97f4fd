"""The last resort: a document whose text can be read but whose items cannot be found.

Its text becomes one searchable meeting with one item, so Referat is never worse than a plain
text index on a file such an index could read. The meeting date is the first date in the text.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ingest import dates, header
from ingest.errors import IngestError
from ingest.readers.base import DecisionDraft, ItemDraft, MeetingDraft, Source, build_meeting

MIN_LETTERS = 20


def _strings(value: Any, out: list[str], depth: int = 0) -> None:
    if depth > 50:
        return
    if isinstance(value, dict):
        for v in value.values():
            _strings(v, out, depth + 1)
    elif isinstance(value, list):
        for v in value:
            _strings(v, out, depth + 1)
    elif isinstance(value, str) and value.strip():
        out.append(value)


def document_text(src: Source) -> str:
    """The readable text of any source: JSON string values, XML text, HTML text, PDF/DOCX text, or plain."""
    from ingest.readers.markup import fragment_text

    if src.json is not None or src.json_lines is not None:
        parts: list[str] = []
        _strings(src.json if src.json is not None else src.json_lines, parts)
        return "\n".join(fragment_text(p) for p in parts)
    if src.xml is not None:
        return "\n".join(fragment_text(t) for t in src.xml.itertext() if t.strip())
    from ingest.read import read_bytes

    return read_bytes(src.data, src.path).text


def readable(src: Source) -> bool:
    try:
        text = document_text(src)
    except IngestError:
        return False
    return len(re.findall(r"[A-Za-zÆØÅæøå]", text)) >= MIN_LETTERS


def read_whole(src: Source, municipality: str | None = None):  # type: ignore[no-untyped-def]
    text = document_text(src)
    lines = [x.strip() for x in text.splitlines() if x.strip()]
    head = header.parse_header(lines[:40])
    found = dates.first_date(text)
    warnings = []
    if found is None:
        found = date.today()
        warnings.append("no date in the document; dated today")
    title = next((x for x in lines if len(x) > 3), src.name)[:120]
    decisions = [DecisionDraft(x) for x in lines if re.match(r"^(?:Beslutning|Afgørelse)\b", x)][:0]
    draft = MeetingDraft(
        committee=head.committee or "Ukendt udvalg",
        date=head.date or found,
        items=[ItemDraft(title=title, sections=[("", "\n".join(lines))], decisions=decisions)],
        time=head.time,
        location=head.location,
        warnings=warnings,
    )
    return build_meeting(draft, src, municipality)
