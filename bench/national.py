"""The scale question for one index: a national question against a one-municipality question, ≥ 100
municipalities in one Chroma collection, through the real Indexer -> VectorStore -> Retriever path.

Synthetic minutes (bench/corpus.py) under synthetic municipality names ("Syntetisk 001" ...), embedded with the
fake (hashed bag-of-words) embedder, so the build costs no encoder time and the figures are the store's alone.
`python -m bench.run --national-only` runs just this and merges it into bench/results/latest.json.
"""

from __future__ import annotations

import random
import time
from pathlib import Path
from typing import Any

import numpy as np

from assistant.container import Container
from assistant.query import understand
from assistant.settings import Settings
from bench.corpus import write_corpus
from ingest.index import IngestReport
from ingest.pipeline import ingest_one

QUESTIONS = ["Hvad besluttede udvalget om renovering af plejecenter?", "Hvad koster den nye daginstitution?",
             "Status på klimatilpasning", "Hvem stemte imod lokalplanen?", "Anlægsbevilling til sportshal",
             "Høring om affaldsordning", "Tilskud til kollektiv trafik", "Hvad blev besluttet om skolestruktur?",
             "Strategi for bibliotek", "Udbud af cykelsti ved havnen"]


def _pct(values: list[float], q: float) -> float:
    return round(float(np.percentile(values, q)), 1)


def national_query(work: Path, municipalities: int = 120, meetings_per: int = 1, queries: int = 60,
                   seed: int = 11) -> dict[str, Any]:
    c = Container(Settings(data_dir=work / "national", embedder="fake"))
    names = [f"Syntetisk {i:03d}" for i in range(1, municipalities + 1)]
    t0 = time.perf_counter()
    for i, name in enumerate(names):
        report = IngestReport()
        for path in write_corpus(work / "national-corpus" / f"{i:03d}", meetings_per, seed=seed + i):
            ingest_one(c.indexer, path, report, name)  # BM25 is refreshed once, below
        assert not report.failed, report.failed
    c.indexer.finish()
    build_s = time.perf_counter() - t0
    known = c.catalog.municipalities()
    chunks = c.vectors.count()
    c.preload()
    rng = random.Random(seed)
    lat: dict[str, list[float]] = {"all": [], "one": []}
    dense: dict[str, list[float]] = {"all": [], "one": []}
    for scope in ("all", "one", "all", "one"):  # interleaved halves: drift on a busy machine hits both alike
        for j in range(queries // 2):
            q = understand(QUESTIONS[j % len(QUESTIONS)])
            if scope == "one":
                q.filters.municipalities = [rng.choice(known)]
            t = time.perf_counter()
            r = c.retriever.retrieve(q, 5)
            lat[scope].append((time.perf_counter() - t) * 1000)
            dense[scope].append(r.timings.get("dense", 0.0) * 1000)
            assert scope == "one" or len(r.municipalities) == len(known)
    p50_all, p50_one = _pct(lat["all"], 50), _pct(lat["one"], 50)
    return {"municipalities": len(known), "chunks": chunks, "p50_ms_all": p50_all, "p95_ms_all": _pct(lat["all"], 95),
            "p50_ms_one_municipality": p50_one, "p95_ms_one_municipality": _pct(lat["one"], 95),
            "ratio_all_to_one_p50": round(p50_all / p50_one, 2) if p50_one else None,
            "dense_p50_ms_all": _pct(dense["all"], 50), "dense_p50_ms_one_municipality": _pct(dense["one"], 50),
            "queries_per_scope": queries, "build_s": round(build_s, 1),
            "measures": "Retriever.retrieve wall time (query embedding with the fake embedder, one Chroma query, "
                        "BM25, fusion, catalog reads); no answer composition"}

