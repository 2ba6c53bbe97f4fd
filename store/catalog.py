"""The catalog: which meeting versions are live, their items and chunk texts (SQLite, or PostgreSQL when
REFERAT_DATABASE_URL is set: see store/db.py).

The catalog is the source of truth. Chroma holds vectors keyed by chunk id *and version*;
a meeting switches to its new version in one transaction, so a reader never sees
half a meeting, and a crash leaves either the old or the new version live.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

from core.errors import StoreError
from core.model import AgendaItem, Chunk, Meeting
from store.db import Conn, Database, upsert, utc_stamp
from store.faults import fault_point
from store.rows import ChunkRow, ItemMeta, MeetingSummary, StoredItem, chunk_row, meeting_summary
from store.sqlite import SqliteDatabase

SCHEMA = """
CREATE TABLE IF NOT EXISTS meetings (
  id TEXT PRIMARY KEY, version TEXT NOT NULL, municipality TEXT NOT NULL, committee TEXT NOT NULL,
  date TEXT NOT NULL, source TEXT, json TEXT NOT NULL, ingested_at TEXT DEFAULT CURRENT_TIMESTAMP);
CREATE INDEX IF NOT EXISTS meetings_muni ON meetings(municipality);
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
CREATE TABLE IF NOT EXISTS feedback (
  id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT DEFAULT CURRENT_TIMESTAMP, source TEXT, "user" TEXT,
  question TEXT, answer TEXT, helpful INTEGER);
"""
MEETING_COLUMNS = ("id", "version", "municipality", "committee", "date", "source", "json", "ingested_at")


class Catalog:
    def __init__(self, where: Path | Database) -> None:
        """``where``: the SQLite file, or a `Database` (store/db.py: SQLite or PostgreSQL)."""
        self.db: Database = SqliteDatabase(where) if isinstance(where, Path) else where
        self._held: dict[str, threading.Lock] = {}
        self._held_guard = threading.Lock()
        self.db.create_schema(SCHEMA)

    @property
    def path(self) -> Path:
        """The SQLite file (the sync state and conversations share it); a PostgreSQL catalog has none."""
        path = getattr(self.db, "path", None)
        if not isinstance(path, Path):
            raise StoreError(f"the catalog is not a SQLite file ({self.db.describe()}); use Catalog.db")
        return path

    def _conn(self) -> AbstractContextManager[Conn]:
        return self.db.connection()

    # -- the write lock of one meeting ------------------------------------------------------------
    @contextmanager
    def meeting_lock(self, meeting_id: str, wait: float = 3600.0) -> Iterator[None]:
        """Hold the write lock of ``meeting_id``, shared by every process (and replica) using this catalog: a leased
        row in ``locks`` on SQLite, an advisory lock on PostgreSQL (store/db.py). Threads of this process queue on
        a local lock first."""
        with self._held_guard:
            local = self._held.setdefault(meeting_id, threading.Lock())
        with local, self.db.lock(f"meeting:{meeting_id}", wait):
            yield

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
        with self.db.transaction() as db:
            row = db.execute("SELECT municipality FROM meetings WHERE id=?", (mid,)).fetchone()
            old_muni = row["municipality"] if row else None
            new_ids = meeting.item_ids()
            old_ids = {r["id"] for r in db.execute("SELECT id FROM items WHERE meeting_id=?", (mid,))}
            now = utc_stamp()
            db.executemany(upsert("gone_items", ("id", "meeting_id", "at"), ("id",)),
                           [(i, mid, now) for i in sorted(old_ids - set(new_ids))])
            db.executemany("DELETE FROM gone_items WHERE id=?", [(i,) for i in new_ids])
            db.execute("DELETE FROM items WHERE meeting_id=?", (mid,))
            db.execute("DELETE FROM chunks WHERE meeting_id=?", (mid,))
            db.execute(upsert("meetings", MEETING_COLUMNS, ("id",)),
                       (mid, version, meeting.municipality, meeting.committee, meeting.date.isoformat(),
                        meeting.source, meeting.model_dump_json(exclude={"items"}), now))
            db.executemany(
                "INSERT INTO items VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [(iid, mid, meeting.municipality, meeting.committee, meeting.date.isoformat(),
                  it.number, it.order, it.title, it.case_number, it.text, it.model_dump_json())
                 for iid, it in zip(new_ids, meeting.items, strict=True)])
            db.executemany("INSERT INTO chunks VALUES (?,?,?,?,?,?,?)",
                           [(c.id, c.item_id, c.meeting_id, chunk_municipality, version, c.kind, c.text)
                            for c in chunks])
            for muni in sorted({meeting.municipality, old_muni or meeting.municipality}):  # one order: no deadlock
                self._bump(db, muni)
            fault_point("before_catalog_commit")

    def delete_meeting(self, meeting_id: str) -> bool:
        with self.db.transaction() as db:
            row = db.execute("SELECT municipality FROM meetings WHERE id=?", (meeting_id,)).fetchone()
            n = db.execute("DELETE FROM meetings WHERE id=?", (meeting_id,)).rowcount
            db.execute("DELETE FROM items WHERE meeting_id=?", (meeting_id,))
            db.execute("DELETE FROM chunks WHERE meeting_id=?", (meeting_id,))
            if row:
                self._bump(db, row["municipality"])
        return n > 0

    @staticmethod
    def _bump(db: Conn, municipality: str) -> None:
        db.execute("INSERT INTO state(key, value) VALUES(?, '1') ON CONFLICT(key) DO UPDATE "
                   "SET value = CAST(CAST(state.value AS INTEGER) + 1 AS TEXT)", (f"generation:{municipality}",))

    def add_feedback(self, source: str, user: str, question: str, answer: str, helpful: bool) -> None:
        with self._conn() as db:
            db.execute('INSERT INTO feedback(source, "user", question, answer, helpful) VALUES (?,?,?,?,?)',
                       (source, user, question, answer, int(helpful)))

    # -- reads -------------------------------------------------------------------------------
    def generation(self, municipality: str) -> int:
        with self._conn() as db:
            row = db.execute("SELECT value FROM state WHERE key=?", (f"generation:{municipality}",)).fetchone()
        return int(row["value"]) if row else 0

    def generations(self) -> dict[str, int]:
        """Every municipality with meetings and its generation, in one query (the BM25 stamp, read per search)."""
        with self._conn() as db:
            rows = db.execute("SELECT m.municipality AS muni, s.value AS gen FROM (SELECT DISTINCT municipality "
                              "FROM meetings) m LEFT JOIN state s ON s.key = 'generation:' || m.municipality")
            return {r["muni"]: int(r["gen"] or 0) for r in rows}

    def titles(self) -> list[str]:
        """Every stored item title once, in a stable order (the vocabulary of ``store.neighbours``)."""
        with self._conn() as db:
            return [r["title"] for r in db.execute("SELECT DISTINCT title FROM items ORDER BY title")]

    def stamp(self) -> str:
        """Every municipality's generation in one string: what caches built from the whole store are keyed by."""
        return ";".join(f"{m}={g}" for m, g in sorted(self.generations().items()))

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
            return [(r["id"], r["version"]) for r in db.execute("SELECT id, version FROM chunks WHERE municipality=?",
                                                     (municipality,))]

    def chunk_rows(self, municipality: str, chunk_ids: list[str]) -> list[ChunkRow]:
        """Chunks with what their vector's metadata needs (for `referat check --repair`)."""
        out: list[ChunkRow] = []
        with self._conn() as db:
            for start in range(0, len(chunk_ids), 500):
                part = chunk_ids[start:start + 500]
                out += [chunk_row(r) for r in db.execute(
                    "SELECT c.id, c.item_id, c.meeting_id, c.version, c.kind, c.text, i.municipality AS "
                    "item_municipality, i.committee, i.date, i.number, i.title FROM chunks c JOIN items i "
                    f"ON i.id = c.item_id WHERE c.municipality=? AND c.id IN ({','.join('?' * len(part))})",
                    (municipality, *part))]
        return out

    def municipalities(self) -> list[str]:
        with self._conn() as db:
            return [r["municipality"] for r in db.execute("SELECT DISTINCT municipality FROM meetings ORDER BY 1")]

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

    def meetings(self, municipality: str | None = None) -> list[MeetingSummary]:
        sql = "SELECT id, municipality, committee, date, source, version FROM meetings"
        args: tuple[str, ...] = ()
        if municipality:
            sql, args = sql + " WHERE municipality=?", (municipality,)
        with self._conn() as db:
            return [meeting_summary(r) for r in db.execute(sql + " ORDER BY date DESC, municipality, committee",
                                                           args)]

    def committees(self, municipality: str | None = None) -> list[str]:
        """The committees whose minutes are stored (of one municipality, or of all)."""
        sql, args = "SELECT DISTINCT committee FROM meetings", tuple[str, ...]()
        if municipality:
            sql, args = sql + " WHERE municipality=?", (municipality,)
        with self._conn() as db:
            return sorted(r["committee"] for r in db.execute(sql, args))

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

    def item_rows(self, item_ids: list[str] | None = None, **where: str) -> list[StoredItem]:
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
            rows = db.execute(sql + " ORDER BY date, ord", args).fetchall()
        return [StoredItem.from_row(r) for r in rows]  # the JSON parsed with the connection given back

    def item_meta(self, item_ids: list[str]) -> list[ItemMeta]:
        """Light rows (no text, no JSON) for ranking many candidates."""
        if not item_ids:
            return []
        sql = (f"SELECT id, meeting_id, municipality, committee, date, number, ord, title, case_number FROM items "
               f"WHERE id IN ({','.join('?' * len(item_ids))})")
        with self._conn() as db:
            return [ItemMeta.from_row(r) for r in db.execute(sql, item_ids)]

    def removed_item(self, item_id: str) -> str | None:
        """The meeting an item id belonged to before a correction removed it (the id now answers 410)."""
        with self._conn() as db:
            row = db.execute("SELECT g.meeting_id FROM gone_items g JOIN meetings m ON m.id = g.meeting_id "
                             "WHERE g.id=?", (item_id,)).fetchone()
        return row["meeting_id"] if row else None

    def item(self, item_id: str) -> StoredItem | None:
        rows = self.item_rows([item_id])
        return rows[0] if rows else None

    def counts(self) -> dict[str, int]:
        with self._conn() as db:
            return {t: int(db.execute(f"SELECT COUNT(*) AS n FROM {t}").fetchone()["n"])
                    for t in ("meetings", "items", "chunks")}
