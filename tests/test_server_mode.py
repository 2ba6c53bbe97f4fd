"""The same store tests against a real Chroma server (`chroma run` on loopback) as against embedded Chroma,
and the API's 503 while the server is down, recovering when it returns."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.api import create_app
from assistant.container import Container
from assistant.settings import Settings
from ingest.pipeline import ingest_paths
from tests.conftest import SEEDS
from tests.helpers import free_port, wait_until_up

CHROMA = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")


class ChromaServer:
    def __init__(self, path: Path, port: int) -> None:
        self.path, self.port = path, port
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen([CHROMA, "run", "--path", str(self.path), "--host", "127.0.0.1", "--port",
                                      str(self.port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if not wait_until_up(f"http://127.0.0.1:{self.port}/api/v2/heartbeat", 180):
            raise RuntimeError("chroma server did not start")

    def stop(self) -> None:
        if self.proc:
            self.proc.terminate()
            self.proc.wait(timeout=20)
            self.proc = None


@pytest.fixture
def chroma(tmp_path: Path) -> Iterator[ChromaServer]:
    server = ChromaServer(tmp_path / "chroma-server", free_port())
    server.start()
    yield server
    server.stop()


@pytest.fixture(params=["embedded", pytest.param("http", marks=pytest.mark.slow)])
def backend(request: pytest.FixtureRequest, settings: Settings) -> Container:
    if request.param == "http":
        chroma = request.getfixturevalue("chroma")  # the server starts only for the http backend
        return Container(settings.model_copy(update={"store_backend": "http", "chroma_port": chroma.port}))
    return Container(settings)


def test_store_roundtrip_on_both_backends(backend: Container) -> None:
    report = ingest_paths(backend.indexer, SEEDS)
    assert len(report.added) == 5 and not report.failed
    assert backend.vectors.count() == backend.catalog.counts()["chunks"]
    again = ingest_paths(backend.indexer, SEEDS)
    assert len(again.unchanged) == 5 and backend.vectors.count() == backend.catalog.counts()["chunks"]
    names = sorted(c.name for c in backend.vectors.client().list_collections())
    assert names == ["referat"]  # one collection for the country; municipalities are metadata
    munis = {m["municipality"] for _, m in backend.vectors.get(metadatas=True) if m}
    assert munis == set(backend.catalog.municipalities())
    a = backend.service.ask("Hvad besluttede Esbjerg om Prækvalifikation Helhedsplan 2025-2029?")
    assert a.citations[0].item_number == "5"
    assert backend.indexer.delete(a.citations[0].item_id.rsplit("--", 1)[0])
    assert backend.vectors.count() == backend.catalog.counts()["chunks"]


@pytest.mark.slow  # a Chroma server process
def test_api_503_while_chroma_is_down_and_recovers(settings: Settings, chroma) -> None:
    c = Container(settings.model_copy(update={"store_backend": "http", "chroma_port": chroma.port}))
    ingest_paths(c.indexer, SEEDS[:1])
    with TestClient(create_app(c.settings, c)) as client:
        q = {"question": "Hvad besluttede udvalget om handleplanskataloget til Fredericia for Livet?"}
        assert client.post("/chat", json=q).status_code == 200
        chroma.stop()
        down = client.post("/chat", json=q)
        assert down.status_code == 503 and "unavailable" in down.json()["detail"]
        assert client.get("/health").status_code == 503
        chroma.start()
        assert client.get("/health").status_code == 200
        assert client.post("/chat", json=q).status_code == 200
