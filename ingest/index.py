"""Index meetings: chunk -> embed -> Chroma, then switch the catalog in one transaction.

Order of writes makes every meeting replace whole or not at all:
1. vectors of the new version are added under version-stamped ids (one Chroma collection for the country);
2. the catalog switches the meeting to the new version (one SQLite transaction);
3. vectors of other versions are deleted.
A crash before 2 leaves the old version live (new vectors are ignored by version);
a crash after 2 leaves stale vectors that the next ingest of that meeting removes.
All three steps run under the meeting's write lock (a row in the catalog), so two writers of one meeting,
in one process or several, never interleave: without it, each deleted the other's vectors in step 3.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.model import Chunk, Meeting, vector_id
from ingest.chunk import chunk_item
from store.catalog import Catalog
from store.embed import Embedder
from store.faults import fault_point
from store.lexical import LexicalStore
from store.vectors import VectorStore


def superseded(stored: Meeting | None, incoming: Meeting) -> bool:
    """True when the store already holds a newer publication of this meeting than ``incoming``.

    Two publications of one meeting (two versions of an eDoc export, an XML and its HTML rendering)
    share a meeting id. Minutes (a referat) are published after the meeting's agenda, so an agenda never
    replaces stored minutes, whatever either states, and minutes always replace an agenda. Between two of
    one kind, the one whose source states the later publication time wins, and a source that states none
    does not replace one that does; with neither stating one, the last ingested wins.
    """
    if stored is None:
        return False
    if stored.status != incoming.status:
        return stored.status == "minutes"
    if not stored.published:
        return False
    return not incoming.published or incoming.published < stored.published


ID_SCHEME = "item-ids:v2"  # stable ids (meeting + printed number): a store written with the old ones re-ingests


def meeting_version(meeting: Meeting) -> str:
    payload = meeting.model_dump_json(exclude={"source"})
    return hashlib.sha256(f"{ID_SCHEME}\n{payload}".encode()).hexdigest()[:16]


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    items: int = 0
    chunks: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {"added": self.added, "replaced": self.replaced, "unchanged": self.unchanged,
                "failed": [{"file": f, "error": e} for f, e in self.failed], "items": self.items,
                "chunks": self.chunks}


class Indexer:
    def __init__(self, catalog: Catalog, vectors: VectorStore, lexical: LexicalStore, embedder: Embedder,
                 chunk_tokens: int = 300, chunk_overlap: int = 40) -> None:
        self.catalog, self.vectors, self.lexical, self.embedder = catalog, vectors, lexical, embedder
        self.chunk_tokens, self.chunk_overlap = chunk_tokens, chunk_overlap

    def chunks(self, meeting: Meeting) -> list[Chunk]:
        return [c for it, iid in zip(meeting.items, meeting.item_ids(), strict=True)
                for c in chunk_item(meeting, it, self.chunk_tokens, self.chunk_overlap, iid)]

    def add(self, meeting: Meeting, report: IngestReport) -> str:
        """Store ``meeting`` whole, under its write lock: "added", "replaced", "unchanged", or "kept" (a newer
        publication of it is stored)."""
        fault_point("after_parse")  # the file is read and parsed; nothing of it written yet
        with self.catalog.meeting_lock(meeting.id):
            if superseded(self.catalog.meeting(meeting.id), meeting):
                report.unchanged.append(meeting.id)
                return "kept"
            return self._add(meeting, report)

    def _add(self, meeting: Meeting, report: IngestReport) -> str:
        version = meeting_version(meeting)
        old = self.catalog.version_of(meeting.id)
        if old == version:
            report.unchanged.append(meeting.id)
            return "unchanged"
        chunks = self.chunks(meeting)
        vectors = self.embedder.embed([c.text for c in chunks], "passage")
        fault_point("after_embed", len(chunks))
        by_item = dict(zip(meeting.item_ids(), meeting.items, strict=True))
        metas = [{
            "meeting_id": meeting.id, "item_id": c.item_id, "version": version, "kind": c.kind,
            "municipality": meeting.municipality, "committee": meeting.committee,
            "date": meeting.date.isoformat(), "date_int": int(meeting.date.strftime("%Y%m%d")),
            "number": by_item[c.item_id].number or "", "title": by_item[c.item_id].title[:200],
        } for c in chunks]
        muni = meeting.municipality
        self.vectors.add([vector_id(c.id, version) for c in chunks], vectors.tolist(), [c.text for c in chunks], metas)
        self.catalog.replace_meeting(meeting, version, chunks, muni)
        fault_point("after_commit")
        # one collection: this also drops the old version's vectors when the meeting changed municipality
        self.vectors.delete_where({"$and": [{"meeting_id": meeting.id}, {"version": {"$ne": version}}]})
        (report.replaced if old else report.added).append(meeting.id)
        report.items += len(meeting.items)
        report.chunks += len(chunks)
        return "replaced" if old else "added"

    def delete(self, meeting_id: str) -> bool:
        with self.catalog.meeting_lock(meeting_id):
            muni = self.catalog.municipality_of(meeting_id)
            if muni is None:
                return False
            self.catalog.delete_meeting(meeting_id)
            self.vectors.delete_where({"meeting_id": meeting_id})
        self.lexical.refresh()
        return True

    def finish(self) -> None:
        """Bring the BM25 side index in step with the catalog (once per batch, not per meeting)."""
        self.lexical.refresh()


def open_indexer(data_dir: Path, vectors: VectorStore, embedder: Embedder, chunk_tokens: int = 300,
                 chunk_overlap: int = 40) -> Indexer:
    catalog = Catalog(data_dir / "catalog.sqlite")
    return Indexer(catalog, vectors, LexicalStore(data_dir / "bm25", catalog), embedder, chunk_tokens, chunk_overlap)
