"""Two `referat serve` replicas over one PostgreSQL (catalog, conversations, locks) and one Chroma server (vectors):
what one ingests the other answers from, a conversation begun on one continues on the other, and killing one
(SIGKILL) loses nothing the other serves. Each replica has its own data dir (its BM25 copy), as on two machines.

Real servers, all of them: PostgreSQL (tests/pg.py), `chroma run`, two uvicorn processes. The fake embedder
keeps it fast and deterministic; waits are on conditions (a server answering), never on the clock.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from ingest.parse import parse_file
from tests.conftest import ROOT, SEEDS
from tests.helpers import free_port, wait_until_up
from tests.test_server_mode import ChromaServer

pytestmark = pytest.mark.slow  # a PostgreSQL server, a Chroma server and two API processes

KEY = "replica-write-key"
ESBJERG = next(s for s in SEEDS if s.name.startswith("003"))
ESBJERG_Q = {"question": "Hvad besluttede Esbjerg om Prækvalifikation Helhedsplan 2025-2029?"}
TIMEOUT = 300.0  # bounds a hang only


class Replica:
    def __init__(self, name: str, root: Path, env: dict[str, str]) -> None:
        self.name, self.port = name, free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = root / f"{name}.log"
        data = root / name
        data.mkdir()
        with self.log.open("wb") as log:  # a file, not a pipe: a chatty server never blocks on a full pipe
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "assistant.cli", "serve", "--port", str(self.port)],
                env={**env, "REFERAT_DATA_DIR": str(data)}, cwd=data, stdout=log, stderr=subprocess.STDOUT)

    def up(self) -> None:
        if not wait_until_up(f"{self.url}/health", 240):
            pytest.fail(f"replica {self.name} did not start:\n{self.log.read_text(errors='replace')[-4000:]}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


@pytest.fixture
def replicas(tmp_path: Path, pg_url: str) -> Iterator[tuple[Replica, Replica]]:
    chroma = ChromaServer(tmp_path / "chroma", free_port())
    chroma.start()
    env = {k: v for k, v in os.environ.items() if not k.startswith("REFERAT_")}
    env.update({"PYTHONPATH": str(ROOT), "REFERAT_DATABASE_URL": pg_url, "REFERAT_STORE_BACKEND": "http",
                "REFERAT_CHROMA_HOST": "127.0.0.1", "REFERAT_CHROMA_PORT": str(chroma.port),
                "REFERAT_EMBEDDER": "fake", "REFERAT_REFUSAL_THRESHOLD": "0.25", "REFERAT_API_KEY": KEY})
    pair = (Replica("a", tmp_path, env), Replica("b", tmp_path, env))  # both create the schema at once
    try:
        for r in pair:
            r.up()
        yield pair
    finally:
        for r in pair:
            r.stop()
        chroma.stop()


def ingest(http: httpx.Client, replica: Replica, path: Path) -> dict[str, Any]:
    with path.open("rb") as f:
        r = http.post(f"{replica.url}/ingest", files={"file": (path.name, f, "text/plain")},
                      headers={"x-api-key": KEY})
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


def ask(http: httpx.Client, replica: Replica, body: dict[str, Any]) -> dict[str, Any]:
    r = http.post(f"{replica.url}/chat", json=body)
    assert r.status_code == 200, r.text
    answer: dict[str, Any] = r.json()
    return answer


def meeting_ids(http: httpx.Client, replica: Replica) -> set[str]:
    r = http.get(f"{replica.url}/meetings")
    assert r.status_code == 200, r.text
    return {m["id"] for m in r.json()}


def cites_esbjerg_item_5(answer: dict[str, Any]) -> bool:
    first = answer["citations"][0] if answer["citations"] else {}
    return first.get("municipality") == "Esbjerg" and first.get("item_number") == "5"


def test_two_replicas_share_one_store(replicas: tuple[Replica, Replica]) -> None:
    a, b = replicas
    esbjerg = parse_file(ESBJERG).id
    with httpx.Client(timeout=TIMEOUT) as http:
        # (a) what replica A ingests, replica B answers from (its BM25 copy rebuilds when the catalog moves)
        for path in SEEDS:
            if path != ESBJERG:
                assert len(ingest(http, a, path)["added"]) == 1
        assert esbjerg not in meeting_ids(http, b)
        assert not cites_esbjerg_item_5(ask(http, b, ESBJERG_Q))
        assert len(ingest(http, a, ESBJERG)["added"]) == 1
        assert esbjerg in meeting_ids(http, b)
        assert cites_esbjerg_item_5(ask(http, b, ESBJERG_Q))

        # (b) a conversation begun on A continues on B: the follow-up is read with A's turn (Lejre, that item)
        first = ask(http, a, {"question": "Hvad blev besluttet om godkendelse af dagsorden?", "municipality": "Lejre"})
        assert first["citations"][0]["municipality"] == "Lejre" and http.cookies  # the owner cookie A issued
        follow = {"question": "og hvem var fraværende?", "conversation_id": first["conversation_id"]}
        second = ask(http, b, follow)
        assert second["conversation_id"] == first["conversation_id"]
        assert second["citations"][0]["item_id"] == first["citations"][0]["item_id"]
        assert second["standalone_question"] != follow["question"]  # rewritten with A's turn
        with httpx.Client(timeout=TIMEOUT) as stranger:  # another owner cannot continue it on any replica
            assert ask(stranger, b, follow)["conversation_id"] != first["conversation_id"]

        # (c) A dies (SIGKILL, mid-nothing: no clean-up runs); B serves everything, and writes
        listed = meeting_ids(http, a)
        a.proc.send_signal(signal.SIGKILL)
        a.proc.wait()
        assert len(listed) == len(SEEDS) and meeting_ids(http, b) == listed
        assert cites_esbjerg_item_5(ask(http, b, ESBJERG_Q))
        third = ask(http, b, {**follow, "question": "og hvad blev besluttet?"})
        assert third["conversation_id"] == first["conversation_id"]  # the conversation outlived A
        gone = http.delete(f"{b.url}/meetings/{esbjerg}", headers={"x-api-key": KEY})
        assert gone.status_code == 200, gone.text
        assert meeting_ids(http, b) == listed - {esbjerg}
        assert not cites_esbjerg_item_5(ask(http, b, ESBJERG_Q))
        assert len(ingest(http, b, ESBJERG)["added"]) == 1  # A's meeting lock died with A
        assert meeting_ids(http, b) == listed
        assert cites_esbjerg_item_5(ask(http, b, ESBJERG_Q))
        health = http.get(f"{b.url}/health").json()
        assert health["status"] == "ok" and health["meetings"] == len(SEEDS)
        assert health["database"].startswith("postgresql://")
