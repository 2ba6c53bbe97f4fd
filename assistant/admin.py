"""Writes and checks on the store behind the API: ingest one uploaded file, delete a meeting, health.

Blocking work (run it off the event loop). Errors are domain errors (IngestError naming the uploaded file,
TooLarge, NotFound); the edges translate them.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from core.errors import IngestError, NotFound, TooLarge
from ingest.index import IngestReport
from ingest.parse import read_path
from ingest.pipeline import add_meetings

if TYPE_CHECKING:
    from assistant.container import Container


class AdminService:
    def __init__(self, container: Container, store_backend: str) -> None:
        self.c = container
        self.store_backend = store_backend

    def ingest(self, name: str, data: BinaryIO, municipality: str | None, limit: int) -> IngestReport:
        """Parse and index one file (``name``: a safe plain file name, ``data``: its bytes, at most ``limit``)."""
        report = IngestReport()
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / name
            with path.open("wb") as out:
                data.seek(0)
                while block := data.read(1 << 20):
                    out.write(block)
                    if out.tell() > limit:
                        raise TooLarge(name, f"upload is larger than {limit} bytes (the limit)")
            try:
                add_meetings(self.c.indexer, read_path(path, municipality), report)  # every meeting of the file
            except TooLarge as exc:  # named by the upload's name, not the temporary path
                raise TooLarge(name, exc.reason) from exc
            except IngestError as exc:
                raise IngestError(name, exc.reason, exc.status) from exc
            finally:
                self.c.indexer.finish()
        return report

    def delete(self, meeting_id: str) -> None:
        if not self.c.indexer.delete(meeting_id):
            raise NotFound(f"no meeting with id {meeting_id!r}")

    def health(self) -> dict[str, Any]:
        """``status`` "ok" when the store answers and the model embeds, else "degraded"; the counts, and the last
        `referat sync` run per source (which never makes the server unhealthy)."""
        c = self.c
        store_ok = c.vectors.heartbeat()
        try:
            model_ok = c.embedder.embed(["sundhedstjek"], "query").shape[1] == c.embedder.dim
        except Exception:
            model_ok = False
        ok = store_ok and model_ok
        body: dict[str, Any] = {"status": "ok" if ok else "degraded", "store": store_ok, "model": model_ok,
                                "backend": self.store_backend, "embedder": type(c.embedder).__name__,
                                "database": c.catalog.db.describe(), **c.catalog.counts()}
        try:
            from assistant.syncing import sync_health

            body["sync"] = sync_health(c.catalog)
        except Exception as exc:
            body["sync"] = {"error": f"{type(exc).__name__}: {exc}"}
        return body
