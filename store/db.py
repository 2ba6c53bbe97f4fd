"""Where the shared state lives: a SQLite file in the data dir (one machine; `store.sqlite.SqliteDatabase`) or
PostgreSQL (``REFERAT_DATABASE_URL``, any number of replicas; `PostgresDatabase` here). The catalog, the
conversations and the sync state are written once, against the `Database` protocol.

The SQL is written once, in the spelling both engines accept: ``?`` placeholders (turned into ``%s`` for psycopg),
``INSERT … ON CONFLICT (key) DO UPDATE`` (no ``INSERT OR REPLACE``), ``RETURNING`` (no ``lastrowid``), result
columns read by name, ``"user"`` quoted. The schema is written in SQLite's DDL and `PostgresDatabase.ddl` maps
its three differences (AUTOINCREMENT → identity, REAL → DOUBLE PRECISION, the ``CURRENT_TIMESTAMP`` text
default). `Database.lock` is a cross-process write lock: on SQLite a leased row in ``locks``, on PostgreSQL an
advisory lock held on a connection of its own (released by the server when the holder dies).
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from core.errors import StoreError, StoreUnavailable


class Cursor(Protocol):
    @property
    def rowcount(self) -> int: ...
    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...
    def __iter__(self) -> Iterator[Any]: ...


class Conn(Protocol):
    """One connection: rows are read by column name (``row["id"]``, ``dict(row)``)."""

    def execute(self, sql: str, args: Sequence[Any] = ()) -> Cursor: ...
    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None: ...


class Database(Protocol):
    dialect: str  # "sqlite" | "postgresql"

    def connection(self) -> AbstractContextManager[Conn]:
        """A connection in autocommit mode: each statement is its own transaction."""
        ...

    def transaction(self) -> AbstractContextManager[Conn]:
        """One write transaction: committed at the end of the block, rolled back on any exception."""
        ...

    def create_schema(self, ddl: str) -> None:
        """Run ``CREATE … IF NOT EXISTS`` statements (SQLite's DDL); safe from many processes at once."""
        ...

    def lock(self, name: str, wait: float) -> AbstractContextManager[None]:
        """Hold the cross-process lock ``name``; TimeoutError when another holder keeps it past ``wait`` seconds."""
        ...

    def describe(self) -> str: ...
    def close(self) -> None: ...


def upsert(table: str, columns: Sequence[str], key: Sequence[str]) -> str:
    """``INSERT … ON CONFLICT (key) DO UPDATE`` setting every other column: the portable ``INSERT OR REPLACE``."""
    rest = [c for c in columns if c not in key]
    return (f"INSERT INTO {table}({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
            f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET {', '.join(f'{c}=excluded.{c}' for c in rest)}")


def utc_stamp() -> str:
    """Now as SQLite's CURRENT_TIMESTAMP writes it (UTC, 'YYYY-MM-DD HH:MM:SS'), for both engines alike."""
    return time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime())


def lock_key(name: str) -> int:
    """A stable signed 64-bit key for PostgreSQL's advisory locks (the same in every process and version)."""
    return int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), "big", signed=True)


def open_database(url: str, sqlite_path: Path) -> Database:
    """PostgreSQL when ``url`` is a postgresql:// URL, else the SQLite file ``sqlite_path``."""
    if not url:
        from store.sqlite import SqliteDatabase

        return SqliteDatabase(sqlite_path)
    if url.split("://", 1)[0] in {"postgresql", "postgres"}:
        return PostgresDatabase(url)
    raise StoreError(f"REFERAT_DATABASE_URL must be a postgresql:// URL (or empty for SQLite), got {url[:40]!r}")


# -- PostgreSQL -----------------------------------------------------------------------------------------------
@lru_cache(maxsize=512)
def _pg_sql(sql: str) -> str:
    return sql.replace("%", "%%").replace("?", "%s")


class _PgConn:
    def __init__(self, conn: Any, owner: PostgresDatabase) -> None:
        self.conn, self.owner = conn, owner

    def execute(self, sql: str, args: Sequence[Any] = ()) -> Cursor:
        with self.owner.errors():
            cur: Cursor = self.conn.execute(_pg_sql(sql), tuple(args))
        return cur

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with self.owner.errors(), self.conn.cursor() as cur:
            cur.executemany(_pg_sql(sql), list(rows))


class PostgresDatabase:
    """A pool of connections (psycopg 3, autocommit, rows as dicts); each lock holds a connection of its own."""

    dialect = "postgresql"

    def __init__(self, url: str, max_connections: int = 10, timeout: float = 10.0) -> None:
        import psycopg
        from psycopg.rows import dict_row
        from psycopg_pool import ConnectionPool

        self.url = url
        self._psycopg = psycopg
        self._created: set[str] = set()
        self.pool = ConnectionPool(url, min_size=1, max_size=max_connections, timeout=timeout, open=True,
                                   kwargs={"autocommit": True, "row_factory": dict_row, "connect_timeout": 10},
                                   check=ConnectionPool.check_connection, name="referat")

    @contextmanager
    def errors(self) -> Iterator[None]:
        """A lost server or connection is StoreUnavailable (the API answers 503), as when Chroma is down."""
        from psycopg_pool import PoolTimeout

        try:
            yield
        except PoolTimeout as exc:
            raise StoreUnavailable(f"PostgreSQL ({self.describe()}) is not available: {exc}") from exc
        except self._psycopg.OperationalError as exc:
            if isinstance(exc, self._psycopg.errors.LockNotAvailable | self._psycopg.errors.QueryCanceled):
                raise
            raise StoreUnavailable(f"PostgreSQL ({self.describe()}) is not available: {exc}") from exc

    @contextmanager
    def connection(self) -> Iterator[Conn]:
        with self.errors(), self.pool.connection() as conn:
            yield _PgConn(conn, self)

    @contextmanager
    def transaction(self) -> Iterator[Conn]:
        with self.errors(), self.pool.connection() as conn, conn.transaction():
            yield _PgConn(conn, self)

    @staticmethod
    def ddl(sqlite_ddl: str) -> list[str]:
        text = sqlite_ddl.replace("INTEGER PRIMARY KEY AUTOINCREMENT", "BIGINT GENERATED BY DEFAULT AS IDENTITY "
                                  "PRIMARY KEY")
        text = text.replace("DEFAULT CURRENT_TIMESTAMP",
                            "DEFAULT (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'))")
        text = re.sub(r"\bREAL\b", "DOUBLE PRECISION", text)
        return [s.strip() for s in text.split(";") if s.strip()]

    def create_schema(self, ddl: str) -> None:
        """Under a transaction-scoped advisory lock: two processes creating the tables at once would otherwise
        collide in the system catalogs (CREATE … IF NOT EXISTS is not atomic)."""
        if ddl in self._created:
            return
        with self.transaction() as conn:
            conn.execute("SELECT pg_advisory_xact_lock(?)", (lock_key("referat:schema"),))
            for statement in self.ddl(ddl):
                conn.execute(statement)
        self._created.add(ddl)

    @contextmanager
    def lock(self, name: str, wait: float) -> Iterator[None]:
        """``pg_advisory_lock`` on a connection of its own, held for the block: waiting holders queue in the server,
        and a holder that dies (its connection closes) releases the lock at once."""
        key = lock_key(name)
        with self.errors():
            conn = self._psycopg.connect(self.url, autocommit=True, connect_timeout=10)
        try:
            with self.errors():
                got = conn.execute("SELECT pg_try_advisory_lock(%s)", (key,)).fetchone()
                if not (got and got[0]):
                    if wait <= 0:
                        raise TimeoutError(f"{name} is locked by another writer")
                    conn.execute(f"SET lock_timeout = {max(1, int(wait * 1000))}")
                    try:
                        conn.execute("SELECT pg_advisory_lock(%s)", (key,))
                    except self._psycopg.errors.LockNotAvailable as exc:
                        raise TimeoutError(f"{name} is locked by another writer (waited {wait:g} s)") from exc
            yield
            with self.errors():
                conn.execute("SELECT pg_advisory_unlock(%s)", (key,))
        finally:
            conn.close()  # closing releases the lock too, whatever happened above

    def describe(self) -> str:
        from psycopg.conninfo import conninfo_to_dict

        info = conninfo_to_dict(self.url)
        user = f"{info['user']}@" if info.get("user") else ""
        return f"postgresql://{user}{info.get('host', '')}:{info.get('port', 5432)}/{info.get('dbname', '')}"

    def close(self) -> None:
        self.pool.close()
