"""A real, throwaway PostgreSQL server for the tests (fixtures ``pg_server`` and ``pg_url``), loaded by conftest.

The server binaries come from the Debian package (``make postgres`` installs it): /usr/lib/postgresql/*/bin or
PATH. Without them the tests that need a server are skipped, saying why. ``initdb`` refuses to run as root, so
under root the server runs as the ``postgres`` user (else ``nobody``) in a directory that user owns. Readiness is
a condition polled with a generous timeout (a connection succeeds), never a fixed sleep.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import free_port, until

USER = "referat"


def pg_bin() -> Path | None:
    """The folder holding initdb and postgres: the newest /usr/lib/postgresql/<version>/bin, else PATH."""
    def version(folder: Path) -> tuple[int, ...]:  # /usr/lib/postgresql/15/bin -> (15,)
        return tuple(int(x) for x in folder.parent.name.split(".") if x.isdigit())

    found = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=version, reverse=True)
    for folder in found:
        if (folder / "initdb").exists() and (folder / "postgres").exists():
            return folder
    initdb = shutil.which("initdb")
    if initdb and shutil.which("postgres"):
        return Path(os.path.realpath(initdb)).parent
    return None


def _run_as() -> dict[str, Any]:
    """Popen arguments that drop root to an unprivileged user (initdb and postgres refuse root)."""
    if os.geteuid() != 0:
        return {}
    import pwd

    for name in ("postgres", "nobody"):
        try:
            pw = pwd.getpwnam(name)
        except KeyError:
            continue
        return {"user": pw.pw_uid, "group": pw.pw_gid, "extra_groups": []}
    raise RuntimeError("running as root and neither user 'postgres' nor 'nobody' exists to run PostgreSQL")


class PostgresServer:
    """initdb into a temporary folder, ``postgres`` on a free loopback port, stopped (fast shutdown) at the end."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin = bin_dir
        # under /tmp (not pytest's root-only tmp dirs, nor a private $TMPDIR): reachable by the server's user
        self.root = Path(tempfile.mkdtemp(prefix="referat-pg-", dir="/tmp" if os.geteuid() == 0 else None))
        self.data, self.sock = self.root / "data", self.root / "sock"
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = self.root / "postgres.log"

    @property
    def url(self) -> str:
        return f"postgresql://{USER}@127.0.0.1:{self.port}/postgres"

    def url_for(self, database: str) -> str:
        return f"postgresql://{USER}@127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        as_user = _run_as()
        self.sock.mkdir()
        os.chmod(self.root, 0o755)
        if as_user:
            for p in (self.root, self.sock):
                os.chown(p, as_user["user"], as_user["group"])
        env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
        subprocess.run([str(self.bin / "initdb"), "-D", str(self.data), "--auth=trust", "-U", USER, "-E", "UTF8",
                        "--locale=C", "--no-sync"], check=True, capture_output=True, env=env, cwd=self.root,
                       **as_user)
        with self.log.open("wb") as log:
            self.proc = subprocess.Popen(
                [str(self.bin / "postgres"), "-D", str(self.data), "-k", str(self.sock), "-p", str(self.port),
                 "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300", "-c", "fsync=off",
                 "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
                stdout=log, stderr=subprocess.STDOUT, env=env, cwd=self.root, **as_user)
        if not until(lambda: self.proc is None or self.proc.poll() is not None or self._accepts(), 180, 0.1):
            self.stop()
            raise RuntimeError(f"postgres did not accept connections: {self.log.read_text(errors='replace')}")
        if self.proc.poll() is not None:
            raise RuntimeError(f"postgres exited: {self.log.read_text(errors='replace')}")

    def _accepts(self) -> bool:
        import psycopg

        try:
            with psycopg.connect(self.url, connect_timeout=5):
                return True
        except psycopg.OperationalError:
            return False

    def create_database(self) -> str:
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return name

    def drop_database(self, name: str) -> None:
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)  # fast shutdown: clients are disconnected
            try:
                self.proc.wait(timeout=120)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    folder = pg_bin()
    if folder is None:
        pytest.skip("no PostgreSQL server binaries (initdb, postgres): `make postgres` installs them")
    server = PostgresServer(folder)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_url(pg_server: PostgresServer) -> Iterator[str]:
    """A fresh, empty database on the session's server (dropped after the test)."""
    name = pg_server.create_database()
    try:
        yield pg_server.url_for(name)
    finally:
        pg_server.drop_database(name)
