"""Benchmarks near the hardware limit, ratios measured within one run. Every command merges its sections into
bench/results/latest.json (other sections are kept) and prints them:

    .venv/bin/python -m bench.run                          # every section below (1M chunks excepted), ~40 min
    .venv/bin/python -m bench.run --only core              # parse/chunk/encoder/ingest rates, query latency by size
    .venv/bin/python -m bench.run --only national          # national_query: all vs one of >= 100 municipalities
    .venv/bin/python -m bench.run --only encoder           # encoder: sentence-transformers / torch int8 / ONNX
                                                           #   fp32 / ONNX int8 speed, agreement, ingest, eval quality
    .venv/bin/python -m bench.run --only scale             # scale_curve: dense + BM25 p50/p95 at 10k and 100k chunks
    .venv/bin/python -m bench.run --only scale --max-chunks 1000000   # ... and 1M (opt-in: 30+ min of inserts at
                                                           #   the ~520 chunks/s measured up to 100k)
    .venv/bin/python -m bench.run --only throughput        # answers/s at 1, 8, 32 clients, one `referat serve`
    .venv/bin/python -m bench.run --only throughput --throughput-embedder onnx,sentence-transformers,fake
                                                           #   the same load, servers taking turns (needs
                                                           #   container.py to pass backend=s.embed_backend)
    .venv/bin/python -m bench.run --only throughput --replicas 2   # needs REFERAT_DATABASE_URL and
                                                           #   REFERAT_STORE_BACKEND=http + a `chroma run` server
    (--national-only is the old spelling of --only national)

Sections (bench/*.py say what each measures):
- core: parse items/s; raw encoder chunks/s; end-to-end ingest chunks/s and its ratio to the encoder; query latency
  p50/p95 at growing store sizes, split into embed / dense / BM25 / fusion / answer (real question embeddings);
- national_query (bench/national.py): a question over all of >= 100 municipalities against one municipality's;
- encoder (bench/encoder.py): the four encoder backends in one process, and `referat eval` quality for each;
- scale_curve (bench/scale.py): VectorStore.query (no filter, one municipality, three) and BM25 at 10k/100k/1M
  synthetic chunks, insert rate, recall@10 against exact search;
- throughput (bench/throughput.py): real `referat serve` processes over HTTP, real embedder unless
  --throughput-embedder fake, after ingesting sample_data/minutes; the server's peak RSS.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import tempfile
import time
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


def core(work: Path, args: argparse.Namespace) -> dict[str, Any]:
    """Parse/chunk/encoder/ingest rates and query latency by store size (real query embeddings)."""
    settings = Settings(data_dir=work / "real")
    real = Container(settings)
    paths = write_corpus(work / "corpus", args.meetings)
    result: dict[str, Any] = {"meetings": args.meetings}
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
    plan = [(int(x), args.municipality) for x in args.sizes.split(",") if x]
    plan += [(int(x), None) for x in args.national.split(",") if x]
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
            result["_largest_store"] = str(work / name)
    return result


SECTIONS = ("core", "national", "encoder", "scale", "throughput")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", default="", help=f"comma-separated sections of {', '.join(SECTIONS)} (default: all)")
    ap.add_argument("--out", default="bench/results/latest.json")
    ap.add_argument("--meetings", type=int, default=24, help="core: meetings in the ingest corpus")
    ap.add_argument("--sizes", default="1000,10000,100000", help="core: store sizes (chunks), one municipality")
    ap.add_argument("--national", default="10000", help="core: store sizes (chunks) spread over all municipalities")
    ap.add_argument("--municipality", default="Esbjerg")
    ap.add_argument("--national-municipalities", type=int, default=120)
    ap.add_argument("--national-meetings-per", type=int, default=2)
    ap.add_argument("--national-only", action="store_true", help="the old spelling of --only national")
    ap.add_argument("--encoder-passages", type=int, default=96, help="encoder: passages per speed round")
    ap.add_argument("--encoder-rounds", type=int, default=3)
    ap.add_argument("--encoder-no-quality", action="store_true", help="encoder: skip ingest + eval per backend")
    ap.add_argument("--scale-sizes", default="10000,100000,1000000", help="scale: collection sizes (chunks)")
    ap.add_argument("--max-chunks", type=int, default=100_000, help="scale: sizes above this are skipped "
                    "(1M takes 30+ min of inserts on 2 cores: pass --max-chunks 1000000 to run it)")
    ap.add_argument("--scale-queries", type=int, default=60)
    ap.add_argument("--no-bm25", action="store_true", help="scale: dense only")
    ap.add_argument("--clients", default="1,8,32", help="throughput: concurrent client counts")
    ap.add_argument("--requests", type=int, default=48, help="throughput: requests per client count")
    ap.add_argument("--replicas", type=int, default=1, help="throughput: `referat serve` processes (>= 2 needs "
                    "REFERAT_DATABASE_URL and REFERAT_STORE_BACKEND=http with a chroma server)")
    ap.add_argument("--keep-work", action="store_true", help="keep the temporary stores (else removed at the end)")
    ap.add_argument("--throughput-embedder", default="real", help="throughput: real (as configured), fake, or an "
                    "encoder runtime (onnx, onnx-int8, sentence-transformers); a comma-separated list runs each, the "
                    "first stored as throughput, the others under compare_<name>_embedder")
    args = ap.parse_args()
    only = ["national"] if args.national_only else [x for x in args.only.split(",") if x] or list(SECTIONS)
    unknown = set(only) - set(SECTIONS)
    if unknown:
        ap.error(f"unknown section(s) {sorted(unknown)}; choose from {', '.join(SECTIONS)}")
    if args.replicas > 1 and "throughput" in only:
        from bench.throughput import ReplicaSetupError, shared_env

        try:
            shared_env(args.replicas)  # fail now, not after the other sections
        except ReplicaSetupError as exc:
            ap.exit(2, f"error: {exc}\n")
    work = Path(tempfile.mkdtemp(prefix="referat-bench-"))
    try:
        run_sections(args, only, work)
    finally:
        if args.keep_work:
            print(f"stores kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def run_sections(args: argparse.Namespace, only: list[str], work: Path) -> None:
    out = Path(args.out)
    result: dict[str, Any] = json.loads(out.read_text()) if out.exists() else {}
    result["cpus"] = os.cpu_count()
    largest: str | None = None

    def save() -> None:  # after every section: a long run that stops keeps what it measured
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, indent=2, ensure_ascii=False))
        if "query" in result:
            out.with_suffix(".svg").write_text(plot.render(result))

    if "core" in only:
        got = core(work, args)
        largest = got.pop("_largest_store", None)
        result.update(got)
        save()
    if "national" in only:
        result["national_query"] = national_query(work, args.national_municipalities, args.national_meetings_per)
        save()
    if "encoder" in only:
        from bench.encoder import encoder_bench

        result["encoder"] = encoder_bench(work, args.encoder_passages, args.encoder_rounds,
                                          quality=not args.encoder_no_quality)
        save()
    if "scale" in only:
        from bench.scale import scale_curve

        result["scale_curve"] = scale_curve(work, [int(x) for x in args.scale_sizes.split(",") if x], args.max_chunks,
                                            args.scale_queries, bm25=not args.no_bm25)
        save()
    if "throughput" in only:
        from bench.throughput import throughput

        clients = [int(x) for x in args.clients.split(",") if x]
        embedders = [x for x in args.throughput_embedder.split(",") if x]
        result["throughput"] = throughput(work / "throughput", clients, args.replicas, args.requests, embedders)
        result.pop("concurrency", None)  # the older 8/32-client section; throughput supersedes it
        if largest:
            result["server_rss_largest_store_mb"] = throughput(
                work / "largest", [8], 1, 16, ["real"], data_dir=Path(largest))["server_peak_rss_mb"][0]
        save()
    print_tables(result, only)


def print_tables(r: dict[str, Any], only: list[str] | tuple[str, ...] = SECTIONS) -> None:
    if "core" in only and "ingest" in r:
        print("\n== ingest ==")
        for k, v in r["ingest"].items():
            print(f"  {k:<26}{v:>12}")
        print("\n== query latency (ms) by store size in chunks ==")
        keys = ["total_p50", "total_p95", "embed_p50", "dense_p50", "bm25_p50", "fusion_p50",
                "outside_embedding_share"]
        print("  " + f"{'chunks':>30}" + "".join(f"{k:>14}" for k in keys))
        for size, q in r["query"].items():
            print("  " + f"{size:>30}" + "".join(f"{q.get(k, 0):>14}" for k in keys))
    if "national" in only and "national_query" in r:
        print_national(r["national_query"])
    if "encoder" in only and "encoder" in r:
        from bench.encoder import print_encoder

        print_encoder(r["encoder"])
    if "scale" in only and "scale_curve" in r:
        print_scale(r["scale_curve"])
    if "throughput" in only and "throughput" in r:
        t = r["throughput"]
        print(f"\n== throughput: {t['replicas']} replica(s), {t['embedder']} embedder, POST /chat ==")
        for k, v in t.items():
            if k.startswith("clients_"):
                print(f"  {k:<12} {v['answers_per_s']:>7} answers/s  p50 {v['p50_ms']:>8} ms  p95 {v['p95_ms']:>8} ms"
                      f"  errors {v['errors']}")
        print(f"  server peak RSS: {t['server_peak_rss_mb']} MB")
        for key, c in t.items():
            if key.startswith("compare_"):
                print(f"  {key}: " + ", ".join(f"{k[8:]} clients {v['answers_per_s']}/s p50 {v['p50_ms']} ms"
                                               for k, v in c.items() if k.startswith("clients_")))


def print_scale(sc: dict[str, Any]) -> None:
    print(f"\n== scale curve: one collection, {sc['municipalities']} municipalities, k={sc['k']} (ms) ==")
    keys = ["dense_all_p50_ms", "dense_all_p95_ms", "dense_one_municipality_p50_ms", "dense_one_municipality_p95_ms",
            "bm25_all_p50_ms", "bm25_one_municipality_p50_ms", "dense_all_recall10"]
    print("  " + f"{'chunks':>9}" + "".join(f"{k.replace('_ms', '').replace('municipality', 'muni'):>24}"
                                          for k in keys))
    for size, row in sc["sizes"].items():
        print("  " + f"{size:>9}" + "".join(f"{row.get(k, '-')!s:>24}" for k in keys))
    print(f"  insert rate {sc.get('insert_chunks_per_s')} chunks/s; skipped sizes: {sc.get('skipped_sizes')}")


def print_national(n: dict[str, Any]) -> None:
    print(f"\n== national question, one collection: {n['municipalities']} municipalities, {n['chunks']} chunks ==")
    print(f"  all p50 {n['p50_ms_all']} ms, p95 {n['p95_ms_all']} ms; one municipality p50 "
          f"{n['p50_ms_one_municipality']} ms; all/one = {n['ratio_all_to_one_p50']}")


if __name__ == "__main__":
    main()
