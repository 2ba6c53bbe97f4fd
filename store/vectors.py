"""Chroma vector store: embedded (PersistentClient) or server (HttpClient), one collection per municipality.

Never uses Chroma's default embedding function (it downloads a model): vectors come from
our own Embedder and every collection is created with ``embedding_function=None``.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from core.errors import StoreUnavailable
from core.model import slug

PREFIX = "referat-"


def collection_name(municipality: str) -> str:
    return f"{PREFIX}{slug(municipality)}"[:60]


class VectorStore:
    def __init__(self, backend: str = "embedded", path: Path | None = None, host: str = "127.0.0.1",
                 port: int = 8001, token: str = "") -> None:
        if backend not in {"embedded", "http"}:
            raise ValueError(f"store backend must be 'embedded' or 'http', got {backend!r}")
        self.backend, self.path, self.host, self.port, self.token = backend, path, host, port, token
        self._client: Any = None
        self._collections: dict[str, Any] = {}
        self._lock = threading.Lock()

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
                raise StoreUnavailable(f"Chroma ({self.backend}) is not available: {exc}") from exc
        return self._client

    def collection(self, municipality: str) -> Any:
        name = collection_name(municipality)
        with self._lock:
            if name not in self._collections:
                try:
                    self._collections[name] = self.client().get_or_create_collection(
                        name, embedding_function=None, configuration={"hnsw": {"space": "cosine"}},
                        metadata={"municipality": municipality})
                except StoreUnavailable:
                    raise
                except Exception as exc:
                    self._client = None
                    raise StoreUnavailable(f"Chroma ({self.backend}) is not available: {exc}") from exc
            return self._collections[name]

    def _call(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except Exception as exc:
            if "connect" in str(exc).lower() or type(exc).__name__ in {"ConnectError", "ConnectionError"}:
                with self._lock:
                    self._collections.clear()
                    self._client = None
                raise StoreUnavailable(f"Chroma ({self.backend}) is not available: {exc}") from exc
            raise

    def add(self, municipality: str, ids: list[str], vectors: list[list[float]], docs: list[str],
            metas: list[dict[str, Any]]) -> None:
        col = self.collection(municipality)
        for start in range(0, len(ids), 1000):
            end = start + 1000
            self._call(col.upsert, ids=ids[start:end], embeddings=vectors[start:end], documents=docs[start:end],
                       metadatas=metas[start:end])

    def delete_where(self, municipality: str, where: dict[str, Any]) -> None:
        self._call(self.collection(municipality).delete, where=where)

    def query(self, municipality: str, vector: list[float], k: int,
              where: dict[str, Any] | None = None) -> list[tuple[str, float, dict[str, Any]]]:
        col = self.collection(municipality)
        res = self._call(col.query, query_embeddings=[vector], n_results=k, where=where or None,
                         include=["distances", "metadatas", "documents"])
        for meta, doc in zip(res["metadatas"][0], res["documents"][0], strict=False):
            meta["_doc"] = doc
        ids, dists, metas = res["ids"][0], res["distances"][0], res["metadatas"][0]
        return [(i, 1.0 - float(d), m) for i, d, m in zip(ids, dists, metas, strict=False)]

    def count(self) -> int:
        try:
            return sum(c.count() for c in self.client().list_collections() if c.name.startswith(PREFIX))
        except StoreUnavailable:
            raise
        except Exception as exc:
            raise StoreUnavailable(f"Chroma ({self.backend}) is not available: {exc}") from exc

    def heartbeat(self) -> bool:
        try:
            self.client().heartbeat()
            return True
        except Exception:
            self._client = None
            self._collections.clear()
            return False
