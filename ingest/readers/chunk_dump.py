"""A RAG pipeline's chunk dump of minutes: the document's text split into overlapping chunks, one record each.

Layout read: JSON Lines (or a JSON array) of chunk records as vector stores and LangChain/LlamaIndex export them:
LangChain's ``{"id", "page_content", "metadata": {source, page, start_index, …}}`` (also its serialised form
``{"lc": 1, "type": "constructor", "kwargs": {"page_content", "metadata"}}``), LlamaIndex's nodes ``{"id_", "text",
"metadata", "start_char_idx", "end_char_idx"}`` and Haystack's ``{"content", "meta"}``. A text splitter
(``RecursiveCharacterTextSplitter(chunk_overlap=…, add_start_index=True)``) cuts each loaded document (a page, an
agenda item) into chunks of a few hundred characters at word boundaries that OVERLAP: the tail of one chunk opens
the next, so a sentence (a decision's vote) may be cut at one chunk's edge and whole only in the next. Stores dump
the records in their own order (by id), not the text's.

The document is rebuilt and then read as the text it is (``ingest.parse``):

- chunks belong to one loaded document when their metadata agree apart from the chunk's own position fields
  (``start_index``, ``chunk_index``, ``page`` …); a document's chunks are ordered by start offset, else chunk index;
- the overlap is removed: the chunk's start offset says how much of it the text so far already holds (checked
  against the text), else the longest end of the text so far that opens the chunk (at least ``MIN_OVERLAP``);
- documents are ordered by page, then by the item number their metadata state (none first: the cover), then by
  where they first appear.

Where the text names no committee, date or municipality, the metadata's title and date fields and the source URL's
host stand in.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from core import municipalities, vocab
from core.municipalities import UNKNOWN_COMMITTEE
from ingest import header
from ingest.read import Document
from ingest.readers import fieldnames
from ingest.readers.base import AnalysedReader, MeetingDraft, Source
from ingest.readers.greve_nested import portal_municipality
from ingest.readers.textparts import meeting_draft, parse_text

CONTENT = ("page_content", "text", "content")
META = ("metadata", "meta")
START = ("start_index", "start_char_idx", "start", "offset", "char_start")
INDEX = ("chunk_index", "chunk_id", "chunk", "chunk_no", "chunk_number", "split_id", "seq_num")
PAGE = ("page", "page_number", "page_no", "pagenumber", "side", "sidenummer")
OWN = set(START + INDEX + PAGE) | {"end_index", "end_char_idx", "end", "id", "id_", "_id", "page_label", "char_end",
                                   "_split_overlap", "split_idx_start", "score", "embedding"}
MIN_OVERLAP = 20  # a shorter repeat at a chunk edge may be chance ("og ", "kr. ")


@dataclass
class Chunk:
    text: str
    meta: dict[str, Any]
    seen: int  # its place in the file
    start: int | None = None
    index: int | None = None


@dataclass
class Doc:
    chunks: list[Chunk] = field(default_factory=list)


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _first(record: dict[str, Any], meta: dict[str, Any], keys: tuple[str, ...]) -> int | None:
    return next((v for k in keys for v in (_int(meta.get(k)), _int(record.get(k))) if v is not None), None)


def _chunk(record: Any, seen: int) -> Chunk | None:
    if not isinstance(record, dict):
        return None
    if isinstance(record.get("kwargs"), dict) and record.get("lc"):  # LangChain's serialised Document
        record = record["kwargs"]
    text = next((record[k] for k in CONTENT if isinstance(record.get(k), str)), None)
    meta = next((record[k] for k in META if isinstance(record.get(k), dict)), None)
    if text is None or meta is None:
        return None
    return Chunk(text, meta, seen, _first(record, meta, START), _first(record, meta, INDEX))


def chunks(src: Source) -> list[Chunk] | None:
    """The chunk records, or None when the file is no chunk dump: most records a text with its metadata, and either
    LangChain's ``page_content`` or a chunk position field."""
    rows = src.json_lines if src.json_lines is not None else src.json
    if not isinstance(rows, list) or len(rows) < 2:
        return None
    found = [c for c in (_chunk(r, k) for k, r in enumerate(rows)) if c is not None]
    if len(found) < max(2, 0.9 * len(rows)):
        return None
    lc = any(isinstance(r, dict) and ("page_content" in r or "lc" in r) for r in rows)
    placed = sum(c.start is not None or c.index is not None for c in found)
    if not lc and placed < 0.9 * len(found):
        return None
    return found


def _doc_key(c: Chunk) -> str:
    return json.dumps({k: v for k, v in c.meta.items() if k.lower() not in OWN}, sort_keys=True, default=str)


def _number(meta: dict[str, Any]) -> tuple[int, ...] | None:
    """The item number a document's metadata state ("punkt": "2"), if any."""
    for key, value in meta.items():
        k = fieldnames.key(key)
        if k in fieldnames.NUMBER and k not in fieldnames.POSITION and value not in (None, ""):
            m = re.fullmatch(r"\s*(\d{1,3}(?:\.\d{1,3})*)\.?\s*", str(value))
            if m:
                return vocab.number_key(m.group(1))
    return None


def _doc_order(doc: Doc) -> tuple[int, int, tuple[int, ...], int]:
    pages = [p for c in doc.chunks if (p := _first({}, c.meta, PAGE)) is not None]
    number = _number(doc.chunks[0].meta)
    return (min(pages) if pages else -1, number is not None, number or (), min(c.seen for c in doc.chunks))


def _overlap(text: str, nxt: str, expected: int | None) -> int:
    """How many characters at the start of ``nxt`` the text so far already ends with."""
    if expected is not None and 0 < expected <= len(nxt) and text.endswith(nxt[:expected]):
        return expected
    for k in range(min(len(text), len(nxt)), MIN_OVERLAP - 1, -1):
        if text.endswith(nxt[:k]):
            return k
    return 0


def joined(doc: Doc) -> str:
    """A document's text from its chunks in order, each overlap kept once."""
    parts = sorted(doc.chunks, key=lambda c: (c.start if c.start is not None else -1,
                                              c.index if c.index is not None else -1, c.seen))
    text, end = "", 0
    for c in parts:
        if not text:
            text, end = c.text, (c.start or 0) + len(c.text)
            continue
        cut = _overlap(text, c.text, end - c.start if c.start is not None else None)
        rest = c.text[cut:]
        if not cut and rest and not text[-1:].isspace() and not rest[:1].isspace():  # the splitter strips the space
            rest = ("\n" if re.search(r"[.:!?]$", text) else " ") + rest
        text += rest
        end = (c.start + len(c.text)) if c.start is not None else end + len(rest)
    return text


def document_text(found: list[Chunk]) -> str:
    docs: dict[str, Doc] = {}
    for c in found:
        docs.setdefault(_doc_key(c), Doc()).chunks.append(c)
    return "\n\n".join(joined(d).strip() for d in sorted(docs.values(), key=_doc_order))


def _stated(found: list[Chunk], kinds: tuple[str, ...]) -> list[str]:
    """The metadata's values of fields of these kinds (a title, a date), each once."""
    values = [str(v) for c in found for k, v in c.meta.items()
              if isinstance(v, (str, int)) and fieldnames.key(k) in kinds and str(v).strip()]
    return list(dict.fromkeys(values))


def _analyse(src: Source) -> MeetingDraft | None:
    found = chunks(src)
    if found is None:
        return None
    text = document_text(found)
    meeting = parse_text(Document(src.path, text))
    if meeting is None or meeting.committee == UNKNOWN_COMMITTEE:  # the metadata's title and date stand in
        titles = _stated(found, fieldnames.TITLE) + _stated(found, ("dokumenttitel", "documenttitle", "filename"))
        committee = next((c for t in titles if (c := header.committee_in(t))), None)
        day = next((d for t in titles + _stated(found, fieldnames.DATE) if (d := header.parse_header([t]).date)), None)
        meeting = parse_text(Document(src.path, text), committee, day) or meeting
    if meeting is None or not meeting.items:
        return None  # the full-text reader keeps the words searchable
    detected = municipalities.detect(text).name or header.masthead_municipality(text)
    sources = [str(v) for c in found for k, v in c.meta.items() if k.lower() in {"source", "url", "link"}]
    return meeting_draft(meeting, detected or portal_municipality(list(dict.fromkeys(sources))),
                         [f"rebuilt the text of {len(found)} overlapping chunks of a RAG chunk dump"])


READER = AnalysedReader("chunk-dump", _analyse, "not a chunk dump (text chunks with their metadata)")
