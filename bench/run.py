"""Benchmarks near the hardware limit, ratios measured in one run. `python -m bench.run [--meetings N]`.

Prints tables and writes bench/results/latest.json:
- parse: items/s; raw encoder: chunks/s; end-to-end ingest: chunks/s and its ratio to the encoder;
- query latency p50/p95 at growing store sizes, split into embed / dense / BM25 / fusion / answer;
- concurrency: requests/s with 8 and 32 clients against uvicorn on loopback; server memory;
- national_query: a question over all of ≥ 100 municipalities against one municipality's (bench/national.py).
  `--national-only` runs just that and merges it into the existing results file.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

from assistant.container import Container
from assistant.settings import Settings
from bench import plot
from bench.corpus import write_corpus
from bench.national import national_query
from ingest.chunk import chunk_item
from ingest.parse import parse_file
from ingest.pipeline import ingest_paths

QUESTIONS = ["Hvad besluttede udvalget om renovering af plejecenter?", "Hvad koster den nye daginstitution?",
             "What did the committee decide about the bike path by the harbour?", "Status på klimatilpasning",
             "Hvem stemte imod lokalplanen?", "Anlægsbevilling til sportshal", "Høring om affaldsordning",
             "Tilskud til kollektiv trafik", "Hvad blev besluttet om skolestruktur?", "Strategi for bibliotek"]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def timed(fn: Any, repeats: int = 3) -> float:
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


class NoisyEmbedder:
    """Real query vectors; stored vectors are real ones plus noise, to grow the store cheaply."""

    def __init__(self, base: np.ndarray, real: Any) -> None:
        self.base, self.real, self.dim, self.rng = base, real, base.shape[1], np.random.default_rng(1)

    def embed(self, texts: list[str], kind: str) -> np.ndarray:
        if kind == "query":
            return self.real.embed(texts, kind)  # type: ignore[no-any-return]
        rows = self.base[self.rng.integers(0, len(self.base), len(texts))]
        noisy = rows + self.rng.normal(0, 0.05, rows.shape).astype(np.float32)
        return noisy / np.linalg.norm(noisy, axis=1, keepdims=True)


def query_latency(c: Container, n: int = 40) -> dict[str, float]:
    parts: dict[str, list[float]] = {}
    for i in range(n):
        a = c.service.ask(QUESTIONS[i % len(QUESTIONS)])
        for k, v in a.timings_ms.items():
            parts.setdefault(k, []).append(v)
    out = {}
    for k, vs in parts.items():
        out[f"{k}_p50"] = round(float(np.percentile(vs, 50)), 1)
        out[f"{k}_p95"] = round(float(np.percentile(vs, 95)), 1)
    total, embed = out.get("total_p50", 0.0), out.get("embed_p50", 0.0)
    out["outside_embedding_share"] = round((total - embed) / total, 3) if total else 0.0
    return out


def concurrency(data_dir: Path, model: str, clients: list[int], per_client: int = 10) -> dict[str, Any]:
    import httpx

    port = 8700 + os.getpid() % 200
    env = {**os.environ, "REFERAT_DATA_DIR": str(data_dir), "REFERAT_EMBEDDING_MODEL": model,
           "REFERAT_RATE_LIMIT_PER_MINUTE": "0"}  # one loopback client address: do not rate-limit the benchmark
    proc = subprocess.Popen([sys.executable, "-m", "assistant.cli", "serve", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                if httpx.get(base + "/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        results: dict[str, Any] = {}
        for n in clients:
            errors = 0

            def worker(k: int) -> list[float]:
                nonlocal errors
                lat = []
                with httpx.Client(base_url=base, timeout=60) as cl:
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
            results[f"clients_{n}"] = {"requests": len(lats), "rps": round(len(lats) / wall, 1), "errors": errors,
                                       "p50_ms": round(float(np.percentile(lats, 50)), 1),
                                       "p95_ms": round(float(np.percentile(lats, 95)), 1)}
        results["server_peak_rss_mb"] = round(rss_mb(proc.pid), 1)
        return results
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--meetings", type=int, default=24)
    ap.add_argument("--sizes", default="1000,10000,100000", help="store sizes (chunks), one municipality")
    ap.add_argument("--national", default="10000", help="store sizes (chunks) spread over all municipalities")
    ap.add_argument("--municipality", default="Esbjerg")
    ap.add_argument("--out", default="bench/results/latest.json")
    ap.add_argument("--national-municipalities", type=int, default=120)
    ap.add_argument("--national-meetings-per", type=int, default=2)
    ap.add_argument("--national-only", action="store_true", help="run only national_query; merge into --out")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="referat-bench-"))
    if args.national_only:
        out = Path(args.out)
        result = json.loads(out.read_text()) if out.exists() else {"cpus": os.cpu_count()}
        result["national_query"] = national_query(work, args.national_municipalities, args.national_meetings_per)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, indent=2))
        print_national(result["national_query"])
        return
    settings = Settings(data_dir=work / "real")
    real = Container(settings)
    model = str(real.settings.model_dir) if not settings.embedding_model else settings.embedding_model
    paths = write_corpus(work / "corpus", args.meetings)
    result: dict[str, Any] = {"meetings": args.meetings, "cpus": os.cpu_count()}

    meetings = [parse_file(p) for p in paths]
    items = sum(len(m.items) for m in meetings)
    t_parse = timed(lambda: [parse_file(p) for p in paths])
    chunks = [c for m in meetings for it in m.items for c in chunk_item(m, it, settings.chunk_tokens,
                                                                         settings.chunk_overlap)]
    t_chunk = timed(lambda: [chunk_item(m, it) for m in meetings for it in m.items])
    texts = [c.text for c in chunks]
    real.embedder.embed(texts[:32], "passage")  # warm up
    t0 = time.perf_counter()
    vectors = real.embedder.embed(texts, "passage")
    t_encode = time.perf_counter() - t0
    t0 = time.perf_counter()
    report = ingest_paths(real.indexer, paths)
    t_ingest = time.perf_counter() - t0
    result["ingest"] = {"items": items, "chunks": len(chunks), "parse_items_per_s": round(items / t_parse, 1),
                        "chunk_items_per_s": round(items / t_chunk, 1),
                        "encoder_chunks_per_s": round(len(chunks) / t_encode, 1),
                        "ingest_chunks_per_s": round(report.chunks / t_ingest, 1),
                        "ingest_items_per_s": round(report.items / t_ingest, 2),
                        "ingest_vs_encoder": round((report.chunks / t_ingest) / (len(chunks) / t_encode), 3)}

    result["query"] = {}
    per = max(1, len(chunks) // max(1, args.meetings))
    plan = [(int(s), args.municipality) for s in args.sizes.split(",") if s]
    plan += [(int(s), None) for s in args.national.split(",") if s]
    for size, muni in plan:
        name = f"store-{size}-{'one' if muni else 'all'}"
        c = Container(settings.model_copy(update={"data_dir": work / name}),
                      embedder_override=NoisyEmbedder(vectors, real.embedder))
        grow = write_corpus(work / f"corpus-{name}", max(1, size // per), seed=size, municipality=muni)
        t0 = time.perf_counter()
        rep = ingest_paths(c.indexer, grow)
        c.preload()
        label = f"{rep.chunks} ({'1 municipality' if muni else str(len(c.catalog.municipalities())) + ' partitions'})"
        result["query"][label] = {"build_s": round(time.perf_counter() - t0, 1), **query_latency(c)}
        if muni:
            last_store = work / name
    result["national_query"] = national_query(work, args.national_municipalities, args.national_meetings_per)
    result["concurrency"] = concurrency(work / "real", model, [8, 32])
    if args.sizes:
        result["server_rss_largest_store_mb"] = concurrency(last_store, model, [8], per_client=3)[
            "server_peak_rss_mb"]
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2))
    Path(args.out).with_suffix(".svg").write_text(plot.render(result))
    print_tables(result)


def print_tables(r: dict[str, Any]) -> None:
    print("\n== ingest ==")
    for k, v in r["ingest"].items():
        print(f"  {k:<26}{v:>12}")
    print("\n== query latency (ms) by store size in chunks ==")
    keys = ["total_p50", "total_p95", "embed_p50", "dense_p50", "bm25_p50", "fusion_p50", "outside_embedding_share"]
    print("  " + f"{'chunks':>30}" + "".join(f"{k:>14}" for k in keys))
    for size, q in r["query"].items():
        print("  " + f"{size:>30}" + "".join(f"{q.get(k, 0):>14}" for k in keys))
    print("\n== concurrency (uvicorn, loopback) ==")
    for k, v in r["concurrency"].items():
        print(f"  {k:<22}{v}")
    if "server_rss_largest_store_mb" in r:
        print(f"  server RSS at largest store: {r['server_rss_largest_store_mb']} MB")
    if "national_query" in r:
        print_national(r["national_query"])


def print_national(n: dict[str, Any]) -> None:
    print(f"\n== national question, one collection: {n['municipalities']} municipalities, {n['chunks']} chunks ==")
    print(f"  all p50 {n['p50_ms_all']} ms, p95 {n['p95_ms_all']} ms; one municipality p50 "
          f"{n['p50_ms_one_municipality']} ms; all/one = {n['ratio_all_to_one_p50']}")


if __name__ == "__main__":
    main()
