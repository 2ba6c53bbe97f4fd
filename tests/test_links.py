"""Citation links point at the server the user asked: REFERAT_PUBLIC_URL when set, else the request's own base
URL (X-Forwarded-Proto/Host only behind a trusted proxy), else (no request: CLI) the configured host and port."""

from __future__ import annotations

import html
import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from assistant.api import create_app
from assistant.container import Container
from assistant.settings import Settings
from ingest.pipeline import ingest_paths
from tests.conftest import ROOT, SEEDS
from tests.helpers import free_port, wait_until_up

QUESTION = {"question": "Hvad besluttede Esbjerg om Prækvalifikation Helhedsplan 2025-2029?"}
FORWARDED = {"x-forwarded-proto": "https", "x-forwarded-host": "referat.kommune.example"}


def first_link(client: TestClient, path: str = "/chat", **kw: object) -> str:
    r = client.post(path, json=QUESTION, **kw)  # type: ignore[arg-type]  # kw passes headers through to httpx untyped
    assert r.status_code == 200, r.text
    final = r.json() if path == "/chat" else json.loads(r.text.splitlines()[-1])
    return str(final["citations"][0]["url"])


def app_client(container: Container, base_url: str = "http://testserver", **settings: object) -> TestClient:
    container.settings = container.settings.model_copy(update=settings)
    container.__dict__.pop("service", None)  # rebuilt from the changed settings
    return TestClient(create_app(container.settings, container), base_url=base_url)


def test_links_follow_the_request_and_resolve(seeded: Container) -> None:
    with app_client(seeded, "http://localhost:8123") as client:
        for path in ("/chat", "/chat/stream"):
            url = first_link(client, path)
            assert url.startswith("http://localhost:8123/items/esbjerg_"), url
        page = client.get(url)
        assert page.status_code == 200 and "Prækvalifikation Helhedsplan 2025-2029" in page.text
        assert first_link(client, headers=FORWARDED).startswith("http://localhost:8123/")  # proxy not trusted


def test_trusted_proxy_headers_and_public_url(seeded: Container) -> None:
    with app_client(seeded, trust_proxy_headers=True) as client:
        assert first_link(client, headers=FORWARDED).startswith("https://referat.kommune.example/items/")
        junk = {"x-forwarded-proto": "javascript", "x-forwarded-host": "evil.example/<script>"}
        assert first_link(client, headers=junk).startswith("http://testserver/items/")
    with app_client(seeded, public_url="https://referat.example/", trust_proxy_headers=True) as client:
        assert first_link(client, headers=FORWARDED).startswith("https://referat.example/items/")
        assert first_link(client, "/chat/stream").startswith("https://referat.example/items/")


def test_without_a_request_links_use_the_configured_server(seeded: Container) -> None:
    url = seeded.service.ask(QUESTION["question"]).citations[0].url
    assert url.startswith("http://127.0.0.1:8000/items/")
    s = Settings(data_dir=seeded.settings.data_dir, embedder="fake", refusal_threshold=0.25, host="0.0.0.0",
                 port=8123)
    assert Container(s).service.ask(QUESTION["question"]).citations[0].url.startswith("http://127.0.0.1:8123/")


@pytest.mark.slow  # a uvicorn server process
def test_serve_on_any_port_hands_out_links_to_itself(tmp_path: Path) -> None:
    data = tmp_path / "data"
    c = Container(Settings(data_dir=data, embedder="fake", public_url=None, refusal_threshold=0.25))
    assert not ingest_paths(c.indexer, SEEDS).failed
    env = {k: v for k, v in os.environ.items() if not k.startswith("REFERAT_")}
    env.update({"REFERAT_DATA_DIR": str(data), "REFERAT_EMBEDDER": "fake", "REFERAT_REFUSAL_THRESHOLD": "0.25",
                "PYTHONPATH": str(ROOT)})
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "assistant.cli", "serve", "--port", str(port)], env=env,
                            cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        if not wait_until_up(base + "/health", 240):
            proc.terminate()
            pytest.fail("server did not start: " + (proc.communicate(timeout=60)[1] or ""))
        body = httpx.post(base + "/chat", json=QUESTION, timeout=300).json()
        cit = body["citations"][0]
        assert cit["url"].startswith(f"{base}/items/"), cit["url"]
        page = httpx.get(cit["url"], timeout=300)
        assert page.status_code == 200
        row = c.catalog.item(cit["item_id"])
        assert row is not None and html.escape(row.item.text[:200]) in page.text
    finally:
        proc.terminate()
        proc.wait(timeout=60)
