"""Chroma vector store: embedded (PersistentClient) or server (HttpClient), ONE collection for the whole country.

Every vector carries its municipality, committee and dates as metadata; a question about some municipalities
filters on them (``where``) instead of visiting one collection per municipality, so a national question is one
ANN query, not one per municipality. Stores written with the old layout (one ``referat-<municipality>``
collection each) are moved over by `referat migrate` (store/migrate.py).

Never uses Chroma's default embedding function (it downloads a model): vectors come from
our own Embedder and the collection is created with ``embedding_function=None``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from core.errors import StoreUnavailable

COLLECTION = "referat"
LEGACY_PREFIX = "referat-"  # the old layout: one collection per municipality, named referat-<slug>
BATCH = 1000
# HNSW search breadth. Chroma's default (100) missed a question's nearest chunk in about one process in six on the
# 3,000-chunk development corpus: each process rebuilds the part of the graph not yet synced to disk, with several
# threads, so the graph (and what a narrow search finds) differs from process to process. At 256 no miss was seen in
# a dozen processes, and the answer no longer depends on the process that gives it.
EF_SEARCH = 256


def municipality_filter(municipalities: list[str]) -> dict[str, Any]:
    """The ``where`` clause that keeps vectors of ``municipalities`` (one or more)."""
    if len(municipalities) == 1:
        return {"municipality": municipalities[0]}
    return {"municipality": {"$in": list(municipalities)}}


def all_of(*clauses: dict[str, Any] | None) -> dict[str, Any] | None:
    """``$and`` of the clauses given (None ones dropped); None when there are none."""
    kept = [c for c in clauses if c]
    if not kept:
        return None
    return kept[0] if len(kept) == 1 else {"$and": kept}


class VectorStore:
    def __init__(self, backend: str = "embedded", path: Path | None = None, host: str = "127.0.0.1",
                 port: int = 8001, token: str = "", name: str = COLLECTION) -> None:
        if backend not in {"embedded", "http"}:
            raise ValueError(f"store backend must be 'embedded' or 'http', got {backend!r}")
        self.backend, self.path, self.host, self.port, self.token = backend, path, host, port, token
        self.name = name
        self._client: Any = None
        self._collection: Any = None
        self._lock = threading.Lock()

    def _unavailable(self, exc: Exception) -> StoreUnavailable:
        return StoreUnavailable(f"Chroma ({self.backend}) is not available: {exc}")

    def client(self) -> Any:
        if self._client is None:
            import chromadb
            from chromadb.config import Settings as ChromaSettings

            settings = ChromaSettings(anonymized_telemetry=False)
            try:
                if self.backend == "embedded":
                    assert self.path is not None
                    self.path.mkdir(parents=True, exist_ok=True)
                    self._client = chromadb.PersistentClient(str(self.path), settings=settings)
                else:
                    headers = {"Authorization": f"Bearer {self.token}"} if self.token else None
                    self._client = chromadb.HttpClient(host=self.host, port=self.port, headers=headers,
                                                       settings=settings)
            except Exception as exc:
                raise self._unavailable(exc) from exc
        return self._client

    def collection(self) -> Any:
        """The one collection every vector lives in (created on first use)."""
        with self._lock:
            if self._collection is None:
                try:
                    col = self.client().get_or_create_collection(
                        self.name, embedding_function=None,
                        configuration={"hnsw": {"space": "cosine", "ef_search": EF_SEARCH}})
                    hnsw = (col.configuration or {}).get("hnsw") or {}
                    if int(hnsw.get("ef_search") or 0) < EF_SEARCH:  # made before EF_SEARCH was set
                        _while_locked(lambda: col.modify(configuration={"hnsw": {"ef_search": EF_SEARCH}}))
                    self._collection = col
                except StoreUnavailable:
                    raise
                except Exception as exc:
                    self._client = None
                    raise self._unavailable(exc) from exc
            return self._collection

    def _call(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except Exception as exc:
            if "connect" in str(exc).lower() or type(exc).__name__ in {"ConnectError", "ConnectionError"}:
                with self._lock:
                    self._collection = None
                    self._client = None
                raise self._unavailable(exc) from exc
            raise

    def add(self, ids: list[str], vectors: list[list[float]], docs: list[str], metas: list[dict[str, Any]]) -> None:
        """Upsert vectors; every metadata row must name its ``municipality``."""
        assert all("municipality" in m for m in metas), "every vector needs its municipality"
        col = self.collection()
        for start in range(0, len(ids), BATCH):
            end = start + BATCH
            self._call(col.upsert, ids=ids[start:end], embeddings=vectors[start:end], documents=docs[start:end],
                       metadatas=metas[start:end])

    def delete_where(self, where: dict[str, Any] | None = None, ids: list[str] | None = None) -> None:
        if where is None and not ids:
            return  # never "delete everything" by accident
        col = self.collection()
        if ids:
            for start in range(0, len(ids), BATCH):
                self._call(col.delete, ids=ids[start:start + BATCH], where=where)
        else:
            self._call(col.delete, where=where)

    def query(self, vector: list[float], k: int, where: dict[str, Any] | None = None,
              ) -> list[tuple[str, float, dict[str, Any]]]:
        """Nearest ``k`` vectors among those ``where`` keeps: (id, cosine similarity, metadata with ``_doc``)."""
        res = self._call(self.collection().query, query_embeddings=[vector], n_results=k, where=where or None,
                         include=["distances", "metadatas", "documents"])
        for meta, doc in zip(res["metadatas"][0], res["documents"][0], strict=False):
            meta["_doc"] = doc
        ids, dists, metas = res["ids"][0], res["distances"][0], res["metadatas"][0]
        return [(i, 1.0 - float(d), m) for i, d, m in zip(ids, dists, metas, strict=False)]

    def get(self, where: dict[str, Any] | None = None, metadatas: bool = False,
            page: int = 5000) -> Iterator[tuple[str, dict[str, Any] | None]]:
        """Every (id, metadata or None) that ``where`` keeps, paged."""
        col, offset = self.collection(), 0
        while True:
            got = self._call(col.get, where=where or None, include=["metadatas"] if metadatas else [], limit=page,
                             offset=offset)
            metas = got.get("metadatas") or [None] * len(got["ids"])
            yield from zip(got["ids"], metas, strict=True)
            if len(got["ids"]) < page:
                return
            offset += page

    def count(self) -> int:
        try:
            return int(self._call(self.collection().count))
        except StoreUnavailable:
            raise
        except Exception as exc:
            raise self._unavailable(exc) from exc

    def legacy_collections(self) -> list[str]:
        """Names of old-layout per-municipality collections still in the store (`referat migrate` moves them)."""
        try:
            names = [getattr(c, "name", c) for c in self.client().list_collections()]
        except StoreUnavailable:
            raise
        except Exception as exc:
            raise self._unavailable(exc) from exc
        return sorted(n for n in names if n.startswith(LEGACY_PREFIX))

    def heartbeat(self) -> bool:
        try:
            self.client().heartbeat()
            return True
        except Exception:
            self._client = None
            self._collection = None
            return False


LOCK_RETRIES = 5  # SQLite's own busy wait may lapse while another connection (a checkpoint) writes: try again


def _while_locked(fn: Any) -> Any:
    """``fn()``, tried again (with a growing pause) while SQLite says the database is locked."""
    import time

    for attempt in range(LOCK_RETRIES):
        try:
            return fn()
        except Exception as exc:  # chromadb.errors.InternalError: "(code: 5) database is locked"
            if "database is locked" not in str(exc) or attempt == LOCK_RETRIES - 1:
                raise
            time.sleep(0.2 * (attempt + 1))
    return None
