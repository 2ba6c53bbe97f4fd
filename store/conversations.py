"""Conversations kept in the catalog's database (the SQLite file, or PostgreSQL shared by the replicas), so a
restart keeps them and any replica continues a conversation another began.

Ids are issued by the server (``secrets.token_urlsafe``), never chosen by a client, and each conversation
is bound to its owner: the web page's cookie, the Slack channel and thread, or the API key. A client that
names an id it does not own, or one that does not exist, starts a new conversation.
"""

from __future__ import annotations

import json
import re
import secrets
import time
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from store.db import Conn, Database
from store.sqlite import SqliteDatabase

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

    def __init__(self, where: Path | Database | None, limit: int = 10_000) -> None:
        """``where``: a `Database` (the container passes the catalog's), a SQLite file, or None (in memory)."""
        self.db: Database = where if where is not None and not isinstance(where, Path) else SqliteDatabase(where)
        self.limit = limit
        self.db.create_schema(SCHEMA)

    def _conn(self) -> AbstractContextManager[Conn]:
        return self.db.connection()

    def load(self, cid: str | None, owner: str) -> list[dict[str, Any]] | None:
        """The turns of conversation ``cid`` when ``owner`` owns it, else None."""
        if not valid_id(cid):
            return None
        with self._conn() as db:
            row = db.execute("SELECT owner, turns FROM conversations WHERE id=?", (cid,)).fetchone()
        if row is None or not secrets.compare_digest(row["owner"].encode(), owner.encode()):
            return None
        turns: list[dict[str, Any]] = json.loads(row["turns"])
        return turns

    def latest(self, owner: str) -> str | None:
        """The id of ``owner``'s most recent conversation (a Slack thread has one)."""
        with self._conn() as db:
            row = db.execute("SELECT id FROM conversations WHERE owner=? ORDER BY updated DESC LIMIT 1",
                             (owner,)).fetchone()
        return row["id"] if row else None

    def save(self, cid: str, owner: str, turns: list[dict[str, Any]]) -> None:
        with self._conn() as db:
            db.execute("INSERT INTO conversations(id, owner, turns, updated) VALUES (?,?,?,?) "
                       "ON CONFLICT(id) DO UPDATE SET turns=excluded.turns, updated=excluded.updated "
                       "WHERE conversations.owner=excluded.owner",
                       (cid, owner, json.dumps(turns, ensure_ascii=False), time.time()))
            n = int(db.execute("SELECT COUNT(*) AS n FROM conversations").fetchone()["n"])
            if n > self.limit:
                db.execute("DELETE FROM conversations WHERE id IN (SELECT id FROM conversations "
                           "ORDER BY updated LIMIT ?)", (n - self.limit,))

    def __len__(self) -> int:
        with self._conn() as db:
            return int(db.execute("SELECT COUNT(*) AS n FROM conversations").fetchone()["n"])
