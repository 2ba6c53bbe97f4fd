"""Trustworthy under load, faults and hostile input: limits, keys, crash safety, a bounded soak test."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant import limits
from assistant.api import create_app
from assistant.container import Container
from bench.corpus import write_corpus
from ingest.pipeline import ingest_paths
from tests.conftest import ROOT, SEEDS
from tests.helpers import free_port, wait_until_up


@pytest.fixture
def client(seeded: Container) -> Iterator[TestClient]:
    seeded.settings = seeded.settings.model_copy(update={
        "api_key": "k", "rate_limit_per_minute": 30, "max_upload_bytes": 200_000,
        "cors_origins": ["https://kommune.example"]})
    with TestClient(create_app(seeded.settings, seeded)) as c:
        yield c


def test_rate_limit_per_client(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [1000.0]  # the limiter's clock stands still: the bucket refills only when the test moves it
    monkeypatch.setattr(limits, "now", lambda: clock[0])
    ask = {"question": "Hvad besluttede Lejre om virksomhedsprisen?"}
    codes = [client.post("/chat", json=ask).status_code for _ in range(40)]
    assert codes.count(200) == 30 and set(codes[30:]) == {429}
    assert client.get("/health").status_code == 200  # reads other than chat are not limited
    clock[0] += 2.0  # 30 a minute: one more request after two seconds, not two
    assert [client.post("/chat", json=ask).status_code for _ in range(2)] == [200, 429]


def test_body_and_upload_limits_are_4xx(client: TestClient) -> None:
    big = b"x" * 400_000
    r = client.post("/ingest", files={"file": ("big.txt", big)}, headers={"x-api-key": "k"})
    assert r.status_code == 413
    r = client.post("/chat", content=b"{" + b" " * 300_000 + b"}", headers={"content-type": "application/json"})
    assert r.status_code == 413
    assert client.get("/meetings", params={"limit": 5000}).status_code == 422
    assert len(client.get("/meetings", params={"limit": 2}).json()) == 2
    assert client.post("/chat", json={"question": "hej", "history": ["q"] * 25}).status_code == 422
    assert client.post("/chat", content=b"not json", headers={"content-type": "application/json"}).status_code == 422


def test_cors_restricted(client: TestClient) -> None:
    ok = client.options("/chat", headers={"origin": "https://kommune.example", "access-control-request-method": "POST"})
    assert ok.headers.get("access-control-allow-origin") == "https://kommune.example"
    bad = client.options("/chat", headers={"origin": "https://evil.example", "access-control-request-method": "POST"})
    assert "access-control-allow-origin" not in bad.headers


def test_reads_can_require_the_key(seeded: Container) -> None:
    seeded.settings = seeded.settings.model_copy(update={"api_key": "k", "read_requires_key": True})
    with TestClient(create_app(seeded.settings, seeded)) as c:
        assert c.post("/chat", json={"question": "hej"}).status_code == 401
        assert c.get("/meetings").status_code == 401
        assert c.get("/meetings", headers={"authorization": "Bearer k"}).status_code == 200


def test_writes_disabled_without_a_key(seeded: Container) -> None:
    with TestClient(create_app(seeded.settings, seeded)) as c:
        assert c.delete("/meetings/x", headers={"x-api-key": ""}).status_code == 403


def _consistent(container: Container) -> dict[str, int]:
    """Every stored meeting complete in Chroma, and BM25 in step with the catalog."""
    cat = container.catalog
    live = {m["id"]: m["version"] for m in cat.meetings()}
    for muni in cat.municipalities():
        chunk_ids = {cid for cid, _, _ in cat.chunks(muni)}
        got = container.vectors.get({"municipality": muni}, metadatas=True)
        vec_live = {i.rsplit("@", 1)[0] for i, m in got if m and live.get(m["meeting_id"]) == m["version"]}
        assert vec_live == chunk_ids, muni
        idx = container.lexical.index()
        assert {cid for cid, owner in zip(idx.ids, idx.owners, strict=True) if owner == muni} == chunk_ids, muni
    return cat.counts()


def _check_store(data: Path) -> tuple[Container, dict[str, int]]:
    """Read the store back from disk, as a fresh process would, and check it consistent."""
    from chromadb.api.shared_system_client import SharedSystemClient

    from assistant.settings import Settings

    SharedSystemClient.clear_system_cache()  # no cached view of a store another process has written
    container = Container(Settings(data_dir=data, embedder="fake"))
    return container, _consistent(container)


def test_kill_ingest_at_every_fault_point_then_resume(tmp_path: Path) -> None:
    """Progress-driven crash test: $REFERAT_FAULT makes `referat ingest` SIGKILL itself at a named step
    (see store/faults.py); every kill leaves a consistent store and the next run resumes."""
    from ingest.parse import parse_file
    from store.faults import POINTS

    corpus = sorted(write_corpus(tmp_path / "corpus", 16, seed=3))
    data = tmp_path / "data"
    base_env = {k: v for k, v in os.environ.items() if k != "REFERAT_FAULT"}
    env = {**base_env, "REFERAT_DATA_DIR": str(data), "REFERAT_EMBEDDER": "fake", "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "assistant.cli", "ingest", str(tmp_path / "corpus"), "--json"]

    def run(fault: str | None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(cmd, env={**env, "REFERAT_FAULT": fault} if fault else env, capture_output=True,
                              text=True, timeout=600)

    def killed_at(fault: str) -> int:
        out = run(fault)
        assert out.returncode == -signal.SIGKILL, (fault, out.returncode, out.stderr[-2000:])
        return _check_store(data)[1]["meetings"]

    # (fault, meetings committed by that run before it died); files are ingested in sorted order
    third_chunks = len(_check_store(data)[0].indexer.chunks(parse_file(corpus[2])))
    plan = [("after_parse", 0), ("after_embed:1", 0), ("before_catalog_commit", 0), ("after_commit", 1),
            ("after_parse:3", 1),  # corpus[0] is unchanged, corpus[1] added, dies after parsing corpus[2]
            (f"after_embed:{third_chunks + 1}", 1),  # corpus[2] stored, dies embedding corpus[3]
            ("before_catalog_commit:2", 1), ("after_commit:3", 3)]
    assert {f.split(":")[0] for f, _ in plan} == set(POINTS)
    meetings = 0
    for fault, added in plan:
        got = killed_at(fault)
        assert got == meetings + added, (fault, got, meetings)
        meetings = got

    # a corrected version of a stored meeting: killed mid-commit the old version stays live; killed right
    # after the commit the new one is live (its stale vectors are ignored by version)
    mid = parse_file(corpus[0]).id
    old = _check_store(data)[0].catalog.version_of(mid)
    corpus[0].write_text(corpus[0].read_text(encoding="utf-8") + "\nRettet: tilføjet efter mødet.\n",
                         encoding="utf-8")
    assert killed_at("before_catalog_commit") == meetings
    assert _check_store(data)[0].catalog.version_of(mid) == old
    assert killed_at("after_commit") == meetings
    assert _check_store(data)[0].catalog.version_of(mid) not in {None, old}

    done = run(None)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert not report["failed"] and len(report["added"]) == 16 - meetings
    _, counts = _check_store(data)
    assert counts["meetings"] == len({parse_file(p).id for p in corpus}) == 16


QUESTIONS = ["Hvad besluttede Esbjerg om Helhedsplan 2025?", "Hvad kostede fleksjobkampagnen i Svendborg?"]


@pytest.mark.slow  # a real uvicorn server
def test_soak_chat_while_ingesting(seeded: Container, tmp_path: Path) -> None:
    import httpx
    import uvicorn

    corpus = write_corpus(tmp_path / "more", 12, seed=5)
    app = create_app(seeded.settings, seeded)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    assert wait_until_up(base + "/health", 120), "server did not start"
    before = seeded.catalog.counts()["meetings"]
    results: list[tuple[int, float]] = []
    errors: list[BaseException] = []

    def ingest() -> None:
        try:
            ingest_paths(seeded.indexer, corpus)
        except BaseException as exc:  # reported below, not lost in the thread
            errors.append(exc)

    def chat(k: int) -> None:
        try:
            with httpx.Client(base_url=base, timeout=300) as cl:  # a bound against hanging, not a speed verdict
                for j in range(8):
                    t = time.perf_counter()
                    r = cl.post("/chat", json={"question": QUESTIONS[(k + j) % 2]})
                    results.append((r.status_code, time.perf_counter() - t))
        except BaseException as exc:
            errors.append(exc)

    writer = threading.Thread(target=ingest)
    threads = [writer, *(threading.Thread(target=chat, args=(k,)) for k in range(6))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(900)
    server.should_exit = True
    thread.join(60)
    assert not any(t.is_alive() for t in threads), "a reader or the writer never finished"
    assert not errors, errors
    assert len(results) == 48 and {code for code, _ in results} == {200}
    after = seeded.catalog.counts()["meetings"]
    assert after >= before + 10  # synthetic meetings may share (municipality, committee, date)
    _consistent(seeded)
    lat = sorted(t for _, t in results)
    print(json.dumps({"requests": len(lat), "p50_ms": round(lat[len(lat) // 2] * 1000, 1),
                      "p95_ms": round(lat[int(len(lat) * 0.95)] * 1000, 1)}))


def test_more_bad_inputs_leave_store_unchanged(container: Container, tmp_path: Path) -> None:
    ingest_paths(container.indexer, SEEDS[:1])
    before = (container.catalog.counts(), container.vectors.count())
    cases = {
        "ctrl.txt": "Punkt 1:\x01\x02\x03\x04\x05\x06\x07\x08" * 200,
        "fake.docx": "Punkt 1: Ikke en docx\nBeslutning\nGodkendt.",
        "fake.pdf": "Dette er ikke en PDF",
        "weird.json": json.dumps({"Dagsordenpunkter": [], "Udvalg": "x"}),
    }
    paths = []
    folder = tmp_path / "bad"  # not tmp_path itself: the store's own files live there
    folder.mkdir()
    for name, text in cases.items():
        p = folder / name
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    paths.append(folder)  # a folder with only bad files in it is walked, each one reported
    report = ingest_paths(container.indexer, paths)
    assert {Path(f).name for f, _ in report.failed} >= set(cases)
    assert (container.catalog.counts(), container.vectors.count()) == before


def test_readable_text_without_structure_is_kept_searchable(container: Container, tmp_path: Path) -> None:
    """Text a plain index could read is never rejected: it is stored as one searchable meeting."""
    cases = {
        "dates.txt": "Referat Økonomiudvalget 30-02-2023\nPunkt 1: Test\nBeslutning\nGodkendt.\n",
        "noitems.html": "<html><body><h1>Velkommen til Ærø Kommune</h1><p>Ingen referater er lagt op endnu, "
                        "men byrådet mødes igen i foråret.</p></body></html>",
    }
    (tmp_path / "docs").mkdir()
    for name, text in cases.items():
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    report = ingest_paths(container.indexer, [tmp_path / "docs"])
    assert not report.failed and len(report.added) == 2
    texts = [r.text for r in container.catalog.item_rows()]
    assert any("Ingen referater er lagt op endnu" in t for t in texts)


def test_duplicated_item_numbers_parse_without_losing_text(tmp_path: Path) -> None:
    from ingest.parse import parse_file

    p = tmp_path / "dup.txt"
    p.write_text("Referat Økonomiudvalget, Odense Kommune 01-02-2023\nPunkt 1: A\nBeslutning\nGodkendt.\n"
                 "Punkt 1: B\nBeslutning\nUdsat.\nPunkt 2: C\nBeslutning\nGodkendt.\n", encoding="utf-8")
    m = parse_file(p)
    assert [it.number for it in m.items] == ["1", "2"]
    assert "Punkt 1: B" in m.items[0].text or "Udsat." in m.items[0].text
