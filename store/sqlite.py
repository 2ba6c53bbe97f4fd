"""The SQLite `Database` (store/db.py): one connection per thread to the data dir's file (WAL, autocommit, rows by
name), shared by the catalog, the conversations and the sync state; the write lock is a leased row in ``locks``.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from store.db import Conn, Cursor

LOCK_LEASE = 3600.0  # seconds: a holder that died on this host is seen at once, one elsewhere after the lease
LOCKS = """CREATE TABLE IF NOT EXISTS locks (name TEXT PRIMARY KEY, owner TEXT NOT NULL, host TEXT NOT NULL,
  pid INTEGER NOT NULL, expires REAL NOT NULL);"""


class _SqliteConn:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def execute(self, sql: str, args: Sequence[Any] = ()) -> Cursor:
        return self.db.execute(sql, args)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self.db.executemany(sql, rows)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


class SqliteDatabase:
    """One connection per thread to a file (WAL, autocommit); ``path=None``: one in-memory database shared by the
    threads under a lock."""

    dialect = "sqlite"

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._local = threading.local()
        self._shared: sqlite3.Connection | None = None
        self._guard = threading.RLock()
        self._created: set[str] = set()  # the DDL already run through this object
        if path is None:
            self._shared = self._open(":memory:")
        else:
            path.parent.mkdir(parents=True, exist_ok=True)

    @staticmethod
    def _open(where: str) -> sqlite3.Connection:
        db = sqlite3.connect(where, timeout=30, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.row_factory = sqlite3.Row
        return db

    @contextmanager
    def connection(self) -> Iterator[Conn]:
        if self._shared is not None:
            with self._guard:
                yield _SqliteConn(self._shared)
            return
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            db = self._local.db = self._open(str(self.path))
        yield _SqliteConn(db)

    @contextmanager
    def transaction(self) -> Iterator[Conn]:
        with self.connection() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def create_schema(self, ddl: str) -> None:
        if ddl in self._created:
            return
        with self.connection() as conn:
            assert isinstance(conn, _SqliteConn)
            conn.db.executescript(ddl)
        self._created.add(ddl)

    @contextmanager
    def lock(self, name: str, wait: float) -> Iterator[None]:
        """A row in ``locks``; a holder that died is taken over at once on this host, elsewhere after the lease."""
        self.create_schema(LOCKS)
        token = self._acquire(name, wait)
        try:
            yield
        finally:
            with self.connection() as conn:
                conn.execute("DELETE FROM locks WHERE name=? AND owner=?", (name, token))

    def _acquire(self, name: str, wait: float) -> str:
        token, host, pid = uuid.uuid4().hex, socket.gethostname(), os.getpid()
        deadline, pause = time.monotonic() + wait, 0.01
        while True:
            with self.transaction() as conn:
                row = conn.execute("SELECT host, pid, expires FROM locks WHERE name=?", (name,)).fetchone()
                free = (row is None or row["expires"] < time.time()
                        or (row["host"] == host and row["pid"] != pid and not _alive(row["pid"])))
                if free:
                    conn.execute("INSERT OR REPLACE INTO locks(name, owner, host, pid, expires) VALUES (?,?,?,?,?)",
                                 (name, token, host, pid, time.time() + LOCK_LEASE))
            if free:
                return token
            if time.monotonic() >= deadline:
                raise TimeoutError(f"{name} is locked by another writer (pid {row['pid']} on {row['host']})")
            time.sleep(pause)  # another process holds it: poll, backing off
            pause = min(pause * 2, 0.5)

    def describe(self) -> str:
        return f"sqlite:{self.path or ':memory:'}"

    def close(self) -> None:
        pass  # per-thread connections close with their threads


