"""Conversations kept in the catalog's SQLite file, so a restart keeps them.

Ids are issued by the server (``secrets.token_urlsafe``), never chosen by a client, and each conversation
is bound to its owner: the web page's cookie, the Slack channel and thread, or the API key. A client that
names an id it does not own, or one that does not exist, starts a new conversation.
"""

from __future__ import annotations

import json
import re
import secrets
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ID_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"
_ID = re.compile(ID_PATTERN)
SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (
  id TEXT PRIMARY KEY, owner TEXT NOT NULL, turns TEXT NOT NULL, updated REAL NOT NULL);
CREATE INDEX IF NOT EXISTS conversations_owner ON conversations(owner, updated);
CREATE INDEX IF NOT EXISTS conversations_updated ON conversations(updated);
"""


def new_id() -> str:
    return secrets.token_urlsafe(24)


def valid_id(cid: str | None) -> bool:
    return bool(cid) and bool(_ID.match(cid or ""))


class ConversationStore:
    """(owner, id) -> turns as JSON; at most ``limit`` conversations, the least recently used dropped first."""

    def __init__(self, path: Path | None, limit: int = 10_000) -> None:
        self.path = str(path) if path is not None else ":memory:"
        self.limit = limit
        self._local = threading.local()
        self._shared: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        if path is None:  # one in-memory database, shared by the threads under a lock
            self._shared = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
        with self._conn() as db:
            db.executescript(SCHEMA)

    @contextmanager
    def _conn(self) -> Iterator[sqlite3.Connection]:
        if self._shared is not None:
            with self._lock:
                yield self._shared
            return
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            db.execute("PRAGMA journal_mode=WAL")
            self._local.db = db
        yield db

    def load(self, cid: str | None, owner: str) -> list[dict[str, Any]] | None:
        """The turns of conversation ``cid`` when ``owner`` owns it, else None."""
        if not valid_id(cid):
            return None
        with self._conn() as db:
            row = db.execute("SELECT owner, turns FROM conversations WHERE id=?", (cid,)).fetchone()
        if row is None or not secrets.compare_digest(row[0].encode(), owner.encode()):
            return None
        turns: list[dict[str, Any]] = json.loads(row[1])
        return turns

    def latest(self, owner: str) -> str | None:
        """The id of ``owner``'s most recent conversation (a Slack thread has one)."""
        with self._conn() as db:
            row = db.execute("SELECT id FROM conversations WHERE owner=? ORDER BY updated DESC LIMIT 1",
                             (owner,)).fetchone()
        return row[0] if row else None

    def save(self, cid: str, owner: str, turns: list[dict[str, Any]]) -> None:
        with self._conn() as db:
            db.execute("INSERT INTO conversations(id, owner, turns, updated) VALUES (?,?,?,?) "
                       "ON CONFLICT(id) DO UPDATE SET turns=excluded.turns, updated=excluded.updated "
                       "WHERE conversations.owner=excluded.owner",
                       (cid, owner, json.dumps(turns, ensure_ascii=False), time.time()))
            n = db.execute("SELECT COUNT(*) FROM conversations").fetchone()[0]
            if n > self.limit:
                db.execute("DELETE FROM conversations WHERE id IN (SELECT id FROM conversations "
                           "ORDER BY updated LIMIT ?)", (n - self.limit,))

    def __len__(self) -> int:
        with self._conn() as db:
            return int(db.execute("SELECT COUNT(*) FROM conversations").fetchone()[0])
