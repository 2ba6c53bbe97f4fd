"""The catalog: which meeting versions are live, their items and chunk texts (SQLite).

The catalog is the source of truth. Chroma holds vectors keyed by chunk id *and version*;
a meeting switches to its new version in one SQLite transaction, so a reader never sees
half a meeting, and a crash leaves either the old or the new version live.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from core.model import AgendaItem, Chunk, Meeting
from store.faults import fault_point
from store.sqlite import ThreadConnections

SCHEMA = """
CREATE TABLE IF NOT EXISTS meetings (
  id TEXT PRIMARY KEY, version TEXT NOT NULL, municipality TEXT NOT NULL, committee TEXT NOT NULL,
  date TEXT NOT NULL, source TEXT, json TEXT NOT NULL, ingested_at TEXT DEFAULT CURRENT_TIMESTAMP);
CREATE TABLE IF NOT EXISTS items (
  id TEXT PRIMARY KEY, meeting_id TEXT NOT NULL, municipality TEXT NOT NULL, committee TEXT NOT NULL,
  date TEXT NOT NULL, number TEXT, ord INTEGER NOT NULL, title TEXT NOT NULL, case_number TEXT,
  text TEXT NOT NULL, json TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS items_meeting ON items(meeting_id);
CREATE INDEX IF NOT EXISTS items_case ON items(case_number);
CREATE TABLE IF NOT EXISTS chunks (
  id TEXT PRIMARY KEY, item_id TEXT NOT NULL, meeting_id TEXT NOT NULL, municipality TEXT NOT NULL,
  version TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS chunks_meeting ON chunks(meeting_id);
CREATE INDEX IF NOT EXISTS chunks_muni ON chunks(municipality);
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS gone_items (
  id TEXT PRIMARY KEY, meeting_id TEXT NOT NULL, at TEXT DEFAULT CURRENT_TIMESTAMP);
CREATE TABLE IF NOT EXISTS locks (name TEXT PRIMARY KEY, owner TEXT NOT NULL, host TEXT NOT NULL, pid INTEGER NOT NULL,
  expires REAL NOT NULL);
CREATE TABLE IF NOT EXISTS feedback (
  id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT DEFAULT CURRENT_TIMESTAMP, source TEXT, user TEXT,
  question TEXT, answer TEXT, helpful INTEGER);
"""


LOCK_LEASE = 3600.0  # seconds; a holder that died on this host is seen at once, one elsewhere after the lease


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


class Catalog:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._connections = ThreadConnections(path)
        self._held: dict[str, threading.Lock] = {}
        self._held_guard = threading.Lock()
        with self._conn() as db:
            db.executescript(SCHEMA)

    @contextmanager
    def _conn(self) -> Iterator[sqlite3.Connection]:
        yield self._connections.get()

    # -- the write lock of one meeting ------------------------------------------------------------
    @contextmanager
    def meeting_lock(self, meeting_id: str, wait: float = 3600.0) -> Iterator[None]:
        """Hold the write lock of ``meeting_id``: a row in ``locks``, so writers in other processes (and other
        replicas sharing this catalog) wait too. A lock whose holder died is taken over: at once when the holder
        ran on this host, else when its lease has passed. Threads of this process queue on a local lock first."""
        with self._held_guard:
            local = self._held.setdefault(meeting_id, threading.Lock())
        with local:
            token = self._acquire(f"meeting:{meeting_id}", wait)
            try:
                yield
            finally:
                with self._conn() as db:
                    db.execute("DELETE FROM locks WHERE name=? AND owner=?", (f"meeting:{meeting_id}", token))

    def _acquire(self, name: str, wait: float) -> str:
        token, host, pid = uuid.uuid4().hex, socket.gethostname(), os.getpid()
        deadline, pause = time.monotonic() + wait, 0.01
        while True:
            with self._conn() as db:
                db.execute("BEGIN IMMEDIATE")
                try:
                    row = db.execute("SELECT host, pid, expires FROM locks WHERE name=?", (name,)).fetchone()
                    free = (row is None or row["expires"] < time.time()
                            or (row["host"] == host and row["pid"] != pid and not _alive(row["pid"])))
                    if free:
                        db.execute("INSERT OR REPLACE INTO locks(name, owner, host, pid, expires) VALUES (?,?,?,?,?)",
                                   (name, token, host, pid, time.time() + LOCK_LEASE))
                    db.execute("COMMIT")
                except BaseException:
                    db.execute("ROLLBACK")
                    raise
            if free:
                return token
            if time.monotonic() > deadline:
                raise TimeoutError(f"{name} is locked by another writer (pid {row['pid']} on {row['host']})")
            time.sleep(pause)  # another process holds it: poll, backing off
            pause = min(pause * 2, 0.5)

    # -- writes ------------------------------------------------------------------------------
    def municipality_of(self, meeting_id: str) -> str | None:
        with self._conn() as db:
            row = db.execute("SELECT municipality FROM meetings WHERE id=?", (meeting_id,)).fetchone()
        return row["municipality"] if row else None

    def version_of(self, meeting_id: str) -> str | None:
        with self._conn() as db:
            row = db.execute("SELECT version FROM meetings WHERE id=?", (meeting_id,)).fetchone()
        return row["version"] if row else None

    def replace_meeting(self, meeting: Meeting, version: str, chunks: list[Chunk],
                        chunk_municipality: str) -> None:
        """Switch ``meeting`` to ``version`` with its items and chunks, in one transaction."""
        mid = meeting.id
        with self._conn() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                row = db.execute("SELECT municipality FROM meetings WHERE id=?", (mid,)).fetchone()
                old_muni = row["municipality"] if row else None
                new_ids = meeting.item_ids()
                old_ids = {r["id"] for r in db.execute("SELECT id FROM items WHERE meeting_id=?", (mid,))}
                db.executemany("INSERT OR REPLACE INTO gone_items(id, meeting_id) VALUES (?,?)",
                               [(i, mid) for i in sorted(old_ids - set(new_ids))])
                db.executemany("DELETE FROM gone_items WHERE id=?", [(i,) for i in new_ids])
                db.execute("DELETE FROM items WHERE meeting_id=?", (mid,))
                db.execute("DELETE FROM chunks WHERE meeting_id=?", (mid,))
                db.execute("INSERT OR REPLACE INTO meetings(id, version, municipality, committee, date, source, json)"
                           " VALUES (?,?,?,?,?,?,?)",
                           (mid, version, meeting.municipality, meeting.committee, meeting.date.isoformat(),
                            meeting.source, meeting.model_dump_json(exclude={"items"})))
                db.executemany(
                    "INSERT INTO items VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    [(iid, mid, meeting.municipality, meeting.committee, meeting.date.isoformat(),
                      it.number, it.order, it.title, it.case_number, it.text, it.model_dump_json())
                     for iid, it in zip(new_ids, meeting.items, strict=True)])
                db.executemany("INSERT INTO chunks VALUES (?,?,?,?,?,?,?)",
                               [(c.id, c.item_id, c.meeting_id, chunk_municipality, version, c.kind, c.text)
                                for c in chunks])
                self._bump(db, meeting.municipality)
                if old_muni and old_muni != meeting.municipality:
                    self._bump(db, old_muni)
                fault_point("before_catalog_commit")
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise

    def delete_meeting(self, meeting_id: str) -> bool:
        with self._conn() as db:
            db.execute("BEGIN IMMEDIATE")
            row = db.execute("SELECT municipality FROM meetings WHERE id=?", (meeting_id,)).fetchone()
            n = db.execute("DELETE FROM meetings WHERE id=?", (meeting_id,)).rowcount
            db.execute("DELETE FROM items WHERE meeting_id=?", (meeting_id,))
            db.execute("DELETE FROM chunks WHERE meeting_id=?", (meeting_id,))
            if row:
                self._bump(db, row["municipality"])
            db.execute("COMMIT")
        return n > 0

    @staticmethod
    def _bump(db: sqlite3.Connection, municipality: str) -> None:
        db.execute("INSERT INTO state(key, value) VALUES(?, '1') ON CONFLICT(key) DO UPDATE "
                   "SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)", (f"generation:{municipality}",))

    def add_feedback(self, source: str, user: str, question: str, answer: str, helpful: bool) -> None:
        with self._conn() as db:
            db.execute("INSERT INTO feedback(source, user, question, answer, helpful) VALUES (?,?,?,?,?)",
                       (source, user, question, answer, int(helpful)))

    # -- reads -------------------------------------------------------------------------------
    def generation(self, municipality: str) -> int:
        with self._conn() as db:
            row = db.execute("SELECT value FROM state WHERE key=?", (f"generation:{municipality}",)).fetchone()
        return int(row["value"]) if row else 0

    def live_versions(self, meeting_ids: list[str]) -> dict[str, str]:
        ids = sorted(set(meeting_ids))
        if not ids:
            return {}
        with self._conn() as db:
            rows = db.execute(f"SELECT id, version FROM meetings WHERE id IN ({','.join('?' * len(ids))})", ids)
            return {r["id"]: r["version"] for r in rows}

    def chunks(self, municipality: str | None = None) -> list[tuple[str, str, str]]:
        """(chunk id, item id, text) for BM25, in a stable order."""
        sql, args = "SELECT id, item_id, text FROM chunks", tuple[str, ...]()
        if municipality:
            sql, args = sql + " WHERE municipality=?", (municipality,)
        with self._conn() as db:
            return [(r["id"], r["item_id"], r["text"]) for r in db.execute(sql + " ORDER BY id", args)]

    def chunk_versions(self, municipality: str) -> list[tuple[str, str]]:
        """(chunk id, live version) of a municipality's chunks: the vector ids Chroma must hold."""
        with self._conn() as db:
            return [(r[0], r[1]) for r in db.execute("SELECT id, version FROM chunks WHERE municipality=?",
                                                     (municipality,))]

    def chunk_rows(self, municipality: str, chunk_ids: list[str]) -> list[dict[str, Any]]:
        """Chunks with what their vector's metadata needs (for `referat check --repair`)."""
        out: list[dict[str, Any]] = []
        with self._conn() as db:
            for start in range(0, len(chunk_ids), 500):
                part = chunk_ids[start:start + 500]
                out += [dict(r) for r in db.execute(
                    "SELECT c.id, c.item_id, c.meeting_id, c.version, c.kind, c.text, i.municipality AS "
                    "item_municipality, i.committee, i.date, i.number, i.title FROM chunks c JOIN items i "
                    f"ON i.id = c.item_id WHERE c.municipality=? AND c.id IN ({','.join('?' * len(part))})",
                    (municipality, *part))]
        return out

    def municipalities(self) -> list[str]:
        with self._conn() as db:
            return [r[0] for r in db.execute("SELECT DISTINCT municipality FROM meetings ORDER BY 1")]

    def freshness(self) -> list[dict[str, Any]]:
        """Per municipality: its meetings, the latest meeting's date, and when a meeting of it was last ingested
        (UTC, ISO 8601)."""
        with self._conn() as db:
            rows = db.execute("SELECT municipality, COUNT(*) AS meetings, MAX(date) AS latest_meeting, "
                              "MAX(ingested_at) AS last_ingested FROM meetings GROUP BY municipality ORDER BY 1")
            out = [dict(r) for r in rows]
        for r in out:  # SQLite's CURRENT_TIMESTAMP is UTC without a zone: say so
            stamp = r["last_ingested"]
            if isinstance(stamp, str) and len(stamp) == 19 and stamp[10] == " ":
                r["last_ingested"] = f"{stamp[:10]}T{stamp[11:]}+00:00"
        return out

    def meetings(self, municipality: str | None = None) -> list[dict[str, Any]]:
        sql = "SELECT id, municipality, committee, date, source, version FROM meetings"
        args: tuple[str, ...] = ()
        if municipality:
            sql, args = sql + " WHERE municipality=?", (municipality,)
        with self._conn() as db:
            return [dict(r) for r in db.execute(sql + " ORDER BY date DESC, municipality, committee", args)]

    def meeting(self, meeting_id: str) -> Meeting | None:
        with self._conn() as db:
            row = db.execute("SELECT json FROM meetings WHERE id=?", (meeting_id,)).fetchone()
            if not row:
                return None
            items = [AgendaItem.model_validate_json(r["json"]) for r in
                     db.execute("SELECT json FROM items WHERE meeting_id=? ORDER BY ord", (meeting_id,))]
        meeting = Meeting.model_validate_json(row["json"])
        meeting.items = items
        return meeting

    def item_rows(self, item_ids: list[str] | None = None, **where: str) -> list[dict[str, Any]]:
        sql, args = "SELECT * FROM items", []
        clauses = []
        if item_ids is not None:
            if not item_ids:
                return []
            clauses.append(f"id IN ({','.join('?' * len(item_ids))})")
            args += item_ids
        for key, value in where.items():
            clauses.append(f"{key}=?")
            args.append(value)
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        with self._conn() as db:
            rows = [dict(r) for r in db.execute(sql + " ORDER BY date, ord", args)]
        for r in rows:
            r["item"] = AgendaItem.model_validate(json.loads(r.pop("json")))
        return rows

    def item_meta(self, item_ids: list[str]) -> list[dict[str, Any]]:
        """Light rows (no text, no JSON) for ranking many candidates."""
        if not item_ids:
            return []
        sql = (f"SELECT id, meeting_id, municipality, committee, date, number, ord, title, case_number FROM items "
               f"WHERE id IN ({','.join('?' * len(item_ids))})")
        with self._conn() as db:
            return [dict(r) for r in db.execute(sql, item_ids)]

    def removed_item(self, item_id: str) -> str | None:
        """The meeting an item id belonged to before a correction removed it (the id now answers 410)."""
        with self._conn() as db:
            row = db.execute("SELECT g.meeting_id FROM gone_items g JOIN meetings m ON m.id = g.meeting_id "
                             "WHERE g.id=?", (item_id,)).fetchone()
        return row["meeting_id"] if row else None

    def item(self, item_id: str) -> dict[str, Any] | None:
        rows = self.item_rows([item_id])
        return rows[0] if rows else None

    def counts(self) -> dict[str, int]:
        with self._conn() as db:
            return {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("meetings", "items", "chunks")}
