"""Answers/s and latency at 1, 8 and 32 concurrent clients against real `referat serve` processes (uvicorn) over
HTTP on loopback, after ingesting sample_data/minutes.

``replicas=1``: one server over its own data dir (embedded Chroma, SQLite). ``replicas>=2``: that many servers over
ONE shared state, which must be given in the environment: REFERAT_DATABASE_URL (PostgreSQL) and
REFERAT_STORE_BACKEND=http with REFERAT_CHROMA_HOST/PORT (a `chroma run` server); each replica keeps its own data dir
(its BM25 copy) and the clients go round-robin over the replicas. Without that environment it stops with a clear
error, since replicas over separate data dirs would not be one deployment.

The embedder is the real one by default (the model folder built by `referat setup`, as served in production), or the
fake one with ``embedder="fake"``; the result says which. Bounded: each level sends ``requests`` requests in all.
`python -m bench.run --only throughput [--replicas 2] [--clients 1,8,32]`.
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ["Hvad besluttede udvalget om renovering af plejecenter?", "Hvad koster den nye daginstitution?",
             "What did the committee decide about the bike path by the harbour?", "Status på klimatilpasning",
             "Hvem stemte imod lokalplanen?", "Anlægsbevilling til sportshal", "Høring om affaldsordning",
             "Tilskud til kollektiv trafik", "Hvad blev besluttet om skolestruktur?", "Strategi for bibliotek"]


BACKENDS = ("onnx", "onnx-int8", "sentence-transformers")


class ReplicaSetupError(RuntimeError):
    pass


def peak_rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return 0.0


def served_backend() -> str:
    """The encoder runtime `referat serve` uses: REFERAT_EMBED_BACKEND once the container passes it to make_embedder,
    else make_embedder's default."""
    import inspect

    from assistant.container import Container
    from store.embed import DEFAULT_BACKEND

    if "embed_backend" in inspect.getsource(Container):
        from assistant.settings import Settings

        return str(Settings().embed_backend)
    return DEFAULT_BACKEND


def shared_env(replicas: int) -> dict[str, str]:
    """The environment that makes ``replicas`` servers one deployment; {} for one replica."""
    if replicas <= 1:
        return {}
    missing = [k for k in ("REFERAT_DATABASE_URL",) if not os.environ.get(k)]
    if os.environ.get("REFERAT_STORE_BACKEND") != "http":
        missing.append("REFERAT_STORE_BACKEND=http (with REFERAT_CHROMA_HOST/REFERAT_CHROMA_PORT)")
    if missing:
        raise ReplicaSetupError(
            f"--replicas {replicas} needs shared state for all replicas: set {', '.join(missing)} (a PostgreSQL URL "
            "and a running `chroma run` server); the 1-replica path needs neither")
    keys = ("REFERAT_DATABASE_URL", "REFERAT_STORE_BACKEND", "REFERAT_CHROMA_HOST", "REFERAT_CHROMA_PORT",
            "REFERAT_CHROMA_TOKEN")
    return {k: os.environ[k] for k in keys if k in os.environ}


def ingest(data_dir: Path, embedder: str, model: str, corpus: Path) -> int:
    """Ingest ``corpus`` into the deployment (the shared one when the environment names it); returns chunks."""
    from assistant.container import Container
    from assistant.settings import Settings
    from ingest.pipeline import ingest_paths

    c = Container(Settings(data_dir=data_dir, embedder=embedder, embedding_model=model))  # type: ignore[arg-type]
    try:
        report = ingest_paths(c.indexer, [corpus])
        assert not report.failed, report.failed
        return int(c.vectors.count())
    finally:
        if hasattr(c, "close"):
            c.close()


def _wait(base: str, proc: subprocess.Popen[bytes], seconds: float = 180) -> None:
    import httpx

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"`referat serve` exited with {proc.returncode} before it answered /health")
        try:
            if httpx.get(base + "/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{base} did not answer /health within {seconds:.0f} s")


def load_level(bases: list[str], n: int, requests: int) -> dict[str, Any]:
    """``n`` concurrent clients (round-robin over ``bases``) sending ``requests`` questions in all."""
    import httpx

    per_client = max(1, math.ceil(requests / n))
    errors = 0

    def worker(k: int) -> list[float]:
        nonlocal errors
        lat = []
        with httpx.Client(base_url=bases[k % len(bases)], timeout=120) as cl:
            for j in range(per_client):
                t = time.perf_counter()
                r = cl.post("/chat", json={"question": QUESTIONS[(k + j) % len(QUESTIONS)]})
                lat.append((time.perf_counter() - t) * 1000)
                errors += r.status_code != 200
        return lat

    t0 = time.perf_counter()
    with ThreadPoolExecutor(n) as pool:
        lats = [x for part in pool.map(worker, range(n)) for x in part]
    wall = time.perf_counter() - t0
    return {"requests": len(lats), "answers_per_s": round(len(lats) / wall, 2), "errors": errors,
            "p50_ms": round(float(np.percentile(lats, 50)), 1), "p95_ms": round(float(np.percentile(lats, 95)), 1)}


@contextmanager
def backend_env(embedder: str) -> Iterator[dict[str, str]]:
    """REFERAT_EMBED_BACKEND for a named encoder runtime, in this process (the ingest) and for the servers."""
    if embedder not in {"real", "fake", *BACKENDS}:
        raise ValueError(f"embedder must be real, fake or one of {', '.join(BACKENDS)}, got {embedder!r}")
    if embedder not in BACKENDS:
        yield {}
        return
    before = os.environ.get("REFERAT_EMBED_BACKEND")
    os.environ["REFERAT_EMBED_BACKEND"] = embedder
    try:
        if served_backend() != embedder:
            raise RuntimeError(f"cannot serve with the {embedder} encoder: assistant/container.py does not pass "
                               "Settings.embed_backend to make_embedder (backend=s.embed_backend)")
        yield {"REFERAT_EMBED_BACKEND": embedder}
    finally:
        if before is None:
            os.environ.pop("REFERAT_EMBED_BACKEND", None)
        else:
            os.environ["REFERAT_EMBED_BACKEND"] = before


def throughput(work: Path, clients: list[int], replicas: int = 1, requests: int = 48,
               embedders: tuple[str, ...] | list[str] = ("real",), model: str = "", corpus: Path | None = None,
               data_dir: Path | None = None) -> dict[str, Any]:
    """Start ``replicas`` servers per embedder, warm them, and load them at each client count, the embedders taking
    turns at each count (so a busy machine's drift hits them alike). The first embedder's figures are the result;
    the others' go under ``compare_<name>_embedder``. ``data_dir`` given: serve that (already ingested) data dir
    instead of ingesting ``corpus`` (sample_data/minutes) into a fresh one."""
    shared = shared_env(replicas)
    if len(embedders) > 1 and (shared or data_dir is not None):
        raise ValueError("several embedders need a data dir each: one embedder with shared state or a given data dir")
    corpus = corpus or ROOT / "sample_data" / "minutes"
    if not model and any(e != "fake" for e in embedders):  # one model folder for all (else each builds its own)
        from assistant.settings import Settings
        from store.embed import ensure_default_model

        model = str(ensure_default_model(Settings(data_dir=work / "model").model_dir))
    port = 8700 + os.getpid() % 150
    servers: dict[str, list[tuple[str, subprocess.Popen[bytes]]]] = {}
    info: dict[str, dict[str, Any]] = {}
    try:
        for e in embedders:
            kind = "fake" if e == "fake" else "sentence-transformers"
            with backend_env(e) as env_e:
                chunks = None
                home = data_dir or work / e / "serve-0"
                if data_dir is None:  # with replicas: into the shared state named in os.environ
                    chunks = ingest(home, kind, model if kind != "fake" else "", corpus)
                info[e] = {"embedder": "fake" if kind == "fake" else f"real (multilingual-e5-small, "
                           f"{served_backend()})", "chunks": chunks}
                servers[e] = []
                for r in range(replicas):
                    env = {**os.environ, **shared, **env_e, "REFERAT_DATA_DIR": str(home if r == 0 else
                                                                                     work / e / f"serve-{r}"),
                           "REFERAT_EMBEDDER": kind, "REFERAT_EMBEDDING_MODEL": model if kind != "fake" else "",
                           "REFERAT_RATE_LIMIT_PER_MINUTE": "0"}  # one loopback client address: no rate limit
                    proc = subprocess.Popen([sys.executable, "-m", "assistant.cli", "serve", "--port", str(port)],
                                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                    servers[e].append((f"http://127.0.0.1:{port}", proc))
                    port += 1
        for group in servers.values():
            for base, proc in group:
                _wait(base, proc)
        for group in servers.values():  # warm: model, BM25 copy, first-request paths
            load_level([b for b, _ in group], len(group), 2 * len(group))
        levels: dict[str, dict[str, Any]] = {e: {} for e in embedders}
        for n in clients:
            for e in embedders:
                levels[e][f"clients_{n}"] = got = load_level([b for b, _ in servers[e]], n, requests)
                print(f"  throughput {e}, {n} clients: {got}", flush=True)
        out: dict[str, dict[str, Any]] = {}
        for e in embedders:
            out[e] = {"replicas": replicas, **info[e],
                      "corpus": str(corpus.relative_to(ROOT)) if corpus.is_relative_to(ROOT) else str(corpus),
                      "requests_per_level": requests, "endpoint": "POST /chat (extractive answerer)", **levels[e],
                      "server_peak_rss_mb": [peak_rss_mb(p.pid) for _, p in servers[e]]}
        main, *others = embedders
        return {**out[main], **{f"compare_{e}_embedder": out[e] for e in others}}
    finally:
        procs = [p for group in servers.values() for _, p in group]
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
