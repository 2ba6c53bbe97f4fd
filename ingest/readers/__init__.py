"""Readers, one per source format, detected by content; a generic reader and a full-text reader last.

``read_source`` never rejects a document it can read as text: a structured file no reader knows
goes to the generic readers, and failing those its text becomes one searchable meeting (with a
warning naming the reader used). Only unreadable input raises ``IngestError``.

A file holds one meeting, except a JSON list of meeting records (``several``) or a table whose rows belong to
several meetings (a reader's ``read_all``, e.g. ``csv_rows``): then ``ReadResult.meetings`` holds each, read on its
own, and ``ReadResult.meeting`` is the first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.errors import IngestError, NotMinutes
from core.model import Meeting
from ingest import mime
from ingest.readers.base import MeetingDraft, Reader, Source, build_meeting


@dataclass
class ReadResult:
    meeting: Meeting  # the file's meeting; of a file of several, the first
    reader: str  # of a file of several read by different readers, their names joined by "+"
    warnings: list[str] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)  # every meeting of the file, in its order ([meeting])
    readers: list[str] = field(default_factory=list)  # the reader of each of ``meetings``

    def __post_init__(self) -> None:
        if not self.meetings:
            self.meetings = [self.meeting]
        if not self.readers:
            self.readers = [self.reader] * len(self.meetings)


def structured_readers() -> list[Reader]:
    """The format readers in the order they are tried (most specific first)."""
    from ingest.readers import registry

    return registry.load()


_ANSWER_KEYS = {"answer_keywords", "expected_answer", "answer", "answers", "gold", "gold_answer", "history",
                "item_number", "type"}


def question_set(src: Source) -> bool:
    """A JSON or JSON Lines file of evaluation questions ({"question": ..., "answer_keywords": ...} per record)
    is no minutes, even when it names municipalities, committees and dates."""
    if src.path.lower().endswith((".csv", ".tsv")):  # a spreadsheet of questions: "question" and answer columns
        try:
            first = src.text.lstrip("\ufeff").split("\n", 1)[0]
        except Exception:  # undecodable: the readers say why
            return False
        head = {c.strip().strip('"').lower() for c in re.split(r"[;,\t]", first)}
        return "question" in head and bool(_ANSWER_KEYS & head)
    try:
        data = src.json if src.json is not None else src.json_lines
    except Exception:  # unreadable JSON is the readers' business
        return False
    records = data if isinstance(data, list) else None
    if not records:
        return False
    asked = [r for r in records if isinstance(r, dict) and isinstance(r.get("question"), str) and _ANSWER_KEYS & set(r)]
    return len(asked) >= max(1, 0.8 * len(records))


# whole-file readers whose reading of a list of meeting records merges them: such a file is read as several
SPLIT_AFTER = {"generic-json"}


def _read_all(reader: Reader, src: Source, municipality: str | None) -> ReadResult | None:
    """The meetings of a file a reader reads as several (its ``read_all`` gives a draft per meeting); None when the
    reader has no ``read_all``, finds one meeting, or two of its meetings would share an id."""
    from ingest.readers import several

    read_all = getattr(reader, "read_all", None)
    drafts: list[MeetingDraft] = read_all(src) if read_all is not None else []
    if len(drafts) < 2:
        return None
    parts = [ReadResult(build_meeting(d, src, municipality), reader.name, d.warnings) for d in drafts]
    if len({p.meeting.id for p in parts}) != len(parts):
        return None
    return several.combine(parts, "rows")


def read_source(src: Source, municipality: str | None = None) -> ReadResult:
    from ingest.readers import fulltext, several, text

    if question_set(src):
        raise NotMinutes(src.path, "a question set (records with a question and its answer fields), not minutes")
    inner = mime.inner_document(src.data)
    if inner is not None:  # a saved web page (MHTML) or an e-mail: read the document it carries
        result = read_source(Source(inner.data, src.path), municipality)
        result.warnings.insert(0, f"read the {inner.what} of a MIME message")
        return result

    for reader in structured_readers():
        try:
            matched = reader.sniff(src)
        except IngestError:
            raise
        except Exception:  # a sniffer must never sink the file; the next reader gets its chance
            matched = False
        if matched:
            if reader.name in SPLIT_AFTER and (many := several.read_several(src, municipality)) is not None:
                return many
            if (many := _read_all(reader, src, municipality)) is not None:
                return many
            draft: MeetingDraft = reader.read(src)
            meeting = build_meeting(draft, src, municipality)
            return ReadResult(meeting, reader.name, draft.warnings)
    if (many := several.read_several(src, municipality)) is not None:  # records no reader takes as a whole
        return many
    try:
        return text.read_text(src, municipality)  # one meeting, or each of a "samlet referat" (ingest.combined)
    except IngestError as exc:
        if not fulltext.readable(src):
            raise
        draft = fulltext.whole_draft(src)
        return ReadResult(build_meeting(draft, src, municipality), "fulltext",
                          [f"read as one searchable document ({exc.reason})", *draft.warnings])
