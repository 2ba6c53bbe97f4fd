"""What each source showed, in the catalog's database (SQLite, or PostgreSQL: store/db.py): one row per document a
portal listed, and one per run.

``sync_state`` holds a document's validators (ETag, Last-Modified, content hash) and the meeting it became,
so the next run asks the portal "changed since?" and ingests nothing that is not new. ``sync_runs`` keeps the
last runs of each source for ``/health``. Nothing here deletes a meeting.
"""

from __future__ import annotations

import json
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from store.db import Conn, Database, upsert
from store.sqlite import SqliteDatabase

SCHEMA = """
CREATE TABLE IF NOT EXISTS sync_state (
  source TEXT NOT NULL, doc_key TEXT NOT NULL, url TEXT NOT NULL, label TEXT NOT NULL DEFAULT '',
  scope TEXT NOT NULL DEFAULT '', etag TEXT, last_modified TEXT, sha256 TEXT, meeting_id TEXT,
  status TEXT NOT NULL DEFAULT '', error TEXT, seen_at TEXT, changed_at TEXT, removed_at TEXT,
  PRIMARY KEY (source, doc_key));
CREATE TABLE IF NOT EXISTS sync_runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT, source TEXT NOT NULL, municipality TEXT, started_at TEXT NOT NULL,
  finished_at TEXT, ok INTEGER NOT NULL DEFAULT 0, counts TEXT NOT NULL DEFAULT '{}',
  errors TEXT NOT NULL DEFAULT '[]');
CREATE INDEX IF NOT EXISTS sync_runs_source ON sync_runs(source, id);
"""
KEEP_RUNS = 50  # per source


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class DocState:
    source: str
    doc_key: str
    url: str
    label: str = ""
    scope: str = ""
    etag: str | None = None
    last_modified: str | None = None
    sha256: str | None = None
    meeting_id: str | None = None  # the meeting it became; a document of several: their ids, space-separated
    status: str = ""  # added | replaced | unchanged | kept | skipped | failed (how its content last ended)
    error: str | None = None  # the last attempt's error (fetch or read), cleared by a good one
    seen_at: str | None = None
    changed_at: str | None = None
    removed_at: str | None = None  # set when the portal stopped listing it (the meeting stays stored)


_FIELDS = list(DocState.__dataclass_fields__)


class SyncState:
    def __init__(self, where: Path | Database) -> None:
        """``where``: the catalog's SQLite file, or its `Database` (``Catalog.db``)."""
        self.db: Database = SqliteDatabase(where) if isinstance(where, Path) else where
        self.db.create_schema(SCHEMA)

    def _conn(self) -> AbstractContextManager[Conn]:
        return self.db.connection()

    # -- documents ---------------------------------------------------------------------------
    def docs(self, source: str) -> dict[str, DocState]:
        with self._conn() as db:
            rows = db.execute("SELECT * FROM sync_state WHERE source=?", (source,)).fetchall()
        return {r["doc_key"]: DocState(**{k: r[k] for k in _FIELDS}) for r in rows}

    def put(self, doc: DocState) -> None:
        with self._conn() as db:
            db.execute(upsert("sync_state", _FIELDS, ("source", "doc_key")), [getattr(doc, k) for k in _FIELDS])

    # -- runs --------------------------------------------------------------------------------
    def start_run(self, source: str, municipality: str | None) -> int:
        with self._conn() as db:
            rows = db.execute("INSERT INTO sync_runs(source, municipality, started_at) VALUES (?,?,?) RETURNING id",
                              (source, municipality, now())).fetchall()
            return int(rows[0]["id"])

    def finish_run(self, run_id: int, ok: bool, counts: dict[str, int], errors: list[str]) -> None:
        with self._conn() as db:
            row = db.execute("SELECT source FROM sync_runs WHERE id=?", (run_id,)).fetchone()
            db.execute("UPDATE sync_runs SET finished_at=?, ok=?, counts=?, errors=? WHERE id=?",
                       (now(), int(ok), json.dumps(counts), json.dumps(errors, ensure_ascii=False), run_id))
            if row:
                db.execute("DELETE FROM sync_runs WHERE source=? AND id NOT IN (SELECT id FROM sync_runs "
                           "WHERE source=? ORDER BY id DESC LIMIT ?)", (row["source"], row["source"], KEEP_RUNS))

    def last_runs(self) -> dict[str, dict[str, Any]]:
        """The latest run of every source (a run still going shows ``finished_at: null``), and when the source
        last finished a run without errors (how fresh its municipality's data is)."""
        out: dict[str, dict[str, Any]] = {}
        with self._conn() as db:
            rows = db.execute("SELECT r.* FROM sync_runs r JOIN (SELECT source, MAX(id) AS id FROM sync_runs "
                              "GROUP BY source) l ON r.id = l.id ORDER BY r.source").fetchall()
            for r in rows:
                good = db.execute("SELECT MAX(finished_at) AS at FROM sync_runs WHERE source=? AND ok=1",
                                  (r["source"],)).fetchone()["at"]
                out[r["source"]] = {
                    "municipality": r["municipality"], "started_at": r["started_at"],
                    "finished_at": r["finished_at"], "ok": bool(r["ok"]), "counts": json.loads(r["counts"]),
                    "errors": json.loads(r["errors"]), "last_ok_at": good,
                }
        return out
