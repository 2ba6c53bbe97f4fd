"""`referat migrate`: move vectors from the old layout (one ``referat-<municipality>`` Chroma collection per
municipality) into the one national collection, then drop the old collections.

Copies ids, embeddings, documents and metadata in batches (upsert: a re-run after a crash copies again what
it had copied, nothing twice); an old collection is deleted only after all of it is in the new one, so a
crash at any point loses nothing and the next run finishes. Metadata without a ``municipality`` (none of ours
lack it) gets the old collection's. Idempotent: with no old collections left it does nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from store.vectors import BATCH, VectorStore


@dataclass
class MigrationReport:
    collections: list[str] = field(default_factory=list)
    vectors: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {"collections": self.collections, "vectors": self.vectors}


def migrate(vectors: VectorStore, batch: int = BATCH) -> MigrationReport:
    report = MigrationReport()
    client = vectors.client()
    for name in vectors.legacy_collections():
        old = client.get_collection(name)
        fallback = (old.metadata or {}).get("municipality", name.removeprefix("referat-"))
        offset = 0
        while True:
            got = vectors._call(old.get, include=["embeddings", "documents", "metadatas"], limit=batch,
                                offset=offset)
            ids = list(got["ids"])
            if ids:
                metas = [{**(m or {})} for m in got["metadatas"]]
                for m in metas:
                    m.setdefault("municipality", fallback)
                raw = got["embeddings"]
                embeddings = raw.tolist() if hasattr(raw, "tolist") else [list(e) for e in raw]
                vectors.add(ids, embeddings, list(got["documents"]), metas)
                report.vectors += len(ids)
            if len(ids) < batch:
                break
            offset += batch
        vectors._call(client.delete_collection, name)
        report.collections.append(name)
    return report
