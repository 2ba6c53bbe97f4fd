"""The scale curve of the one national collection: query p50/p95 at 10k, 100k (and, opt-in, 1M) chunks.

Synthetic, so only the store is measured: 384-dim L2-normalised vectors drawn around 2,000 topic centres (cosine
~0.8 to their centre, like real e5 vectors, which are far from isotropic), spread evenly over the 98 municipalities,
with the metadata the Indexer writes (meeting, item, version, kind, municipality, committee, date, date_int, number,
title) and ~1 kB fake documents made of sentences of the seed minutes. The collection grows in place, size by size,
through the real ``store.vectors.VectorStore`` (embedded Chroma, ``add`` = upsert in batches of 1,000), and at each
size the real query path is timed: ``VectorStore.query(vec, 40)`` without a filter (a national question), with
``{"municipality": m}`` (one municipality) and with ``$in`` of three; and the BM25 side index
(``store.lexical.LexicalIndex``, rebuilt at each size from the same texts) searched over all and with one
municipality's mask. Recall@10 of each dense query against exact search over the same vectors is reported too.

`python -m bench.run --only scale --max-chunks 100000` (1M is opt-in: `--max-chunks 1000000`).
"""

from __future__ import annotations

import os
import random
import shutil
import time
from pathlib import Path
from typing import Any

import numpy as np

from bench.corpus import COMMITTEES, OBJECTS, TOPICS, _sentences
from bench.national import QUESTIONS
from core.municipalities import MUNICIPALITIES

DIM = 384
CENTRES = 2000


def _pct(values: list[float], q: float) -> float:
    return round(float(np.percentile(values, q)), 2)


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def disk_mb(path: Path) -> float:
    return round(sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20, 1)


class Synth:
    """Deterministic synthetic chunks: vectors, metadata, texts and their BM25 tokens (tokenised once per sentence)."""

    def __init__(self, seed: int = 3) -> None:
        from store.lexical import tokens

        self.rng = np.random.default_rng(seed)
        self.pyrng = random.Random(seed)
        c = self.rng.normal(size=(CENTRES, DIM)).astype(np.float32)
        self.centres = c / np.linalg.norm(c, axis=1, keepdims=True)
        self.sentences = _sentences()
        self.sentence_tokens = [tokens(s) for s in self.sentences]

    def vectors(self, n: int) -> np.ndarray:
        k = self.rng.integers(0, CENTRES, n)
        v = self.centres[k] + self.rng.normal(0, 0.038, (n, DIM)).astype(np.float32)
        return v / np.linalg.norm(v, axis=1, keepdims=True)

    def rows(self, start: int, n: int) -> tuple[list[str], list[dict[str, Any]], list[str], list[list[str]]]:
        ids, metas, docs, toks = [], [], [], []
        for i in range(start, start + n):
            muni = MUNICIPALITIES[i % len(MUNICIPALITIES)]
            meeting = f"syn-{i // 60:07d}"  # ~60 chunks a meeting
            day = 20180101 + (i // 60) % 2900
            picks = [self.pyrng.randrange(len(self.sentences)) for _ in range(self.pyrng.randint(5, 9))]
            ids.append(f"{meeting}-{i % 60:02d}@v1")
            metas.append({"meeting_id": meeting, "item_id": f"{meeting}-{(i % 60) // 6}", "version": "v1",
                          "kind": "body", "municipality": muni, "committee": COMMITTEES[(i // 60) % len(COMMITTEES)],
                          "date": str(day), "date_int": day, "number": str((i % 60) // 6 + 1),
                          "title": f"{TOPICS[i % len(TOPICS)]} {OBJECTS[(i // 7) % len(OBJECTS)]}"})
            docs.append(" ".join(self.sentences[p] for p in picks))
            toks.append([t for p in picks for t in self.sentence_tokens[p]])
        return ids, metas, docs, toks


# questions whose topic nouns the topic check looks up (some compounds, so their halves are looked up too)
TOPIC_QUESTIONS = ["Hvad har kommunen besluttet om en ny svømmehal og lejrskoler?",
                   "Hvad koster renoveringen af skolernes legepladser?",
                   "Hvad blev besluttet om budgetbehandlingen og parkeringsafgifter?"]


def _bm25(ids: list[str], toks: list[list[str]], owners: list[str]) -> Any:
    """A ``LexicalIndex`` over pre-tokenised texts (its constructor tokenises; the tokens are the same)."""
    import bm25s

    from store.lexical import LexicalIndex

    idx = LexicalIndex.__new__(LexicalIndex)
    idx.ids, idx.item_ids, idx.owners = ids, ids, owners
    idx.bm25 = bm25s.BM25(k1=1.2, b=0.75)
    idx.bm25.index([t or ["__empty__"] for t in toks], show_progress=False)
    return idx


def _recall(got: list[str], exact: list[str]) -> float:
    return len(set(got) & set(exact)) / max(1, len(exact))


def measure(store: Any, all_vecs: np.ndarray, all_ids: list[str], owners: np.ndarray, synth: Synth,
            queries: int, bm25: Any | None) -> dict[str, Any]:
    rng = random.Random(len(all_ids))
    qvecs = synth.vectors(queries)
    from assistant import topics

    lat: dict[str, list[float]] = {"all": [], "one": [], "three": [], "bm25_all": [], "bm25_one": [], "topics": []}
    recall: dict[str, list[float]] = {"all": [], "one": []}
    masks: dict[str, np.ndarray] = {}
    for j in range(queries):
        q = qvecs[j].tolist()
        muni = rng.choice(MUNICIPALITIES)
        three = rng.sample(MUNICIPALITIES, 3)
        for scope, where in (("all", None), ("one", {"municipality": muni}),
                             ("three", {"municipality": {"$in": three}})):
            t = time.perf_counter()
            hits = store.query(q, 40, where)
            lat[scope].append((time.perf_counter() - t) * 1000)
            if scope in recall and j % 3 == 0:  # exact top-10 by brute force, on a third of the queries
                sims = all_vecs @ qvecs[j]
                if scope == "one":
                    sims = np.where(owners == muni, sims, -2.0)
                exact = [all_ids[i] for i in np.argsort(-sims)[:10]]
                recall[scope].append(_recall([h[0] for h in hits[:10]], exact))
        if bm25 is not None:
            text = QUESTIONS[j % len(QUESTIONS)]
            t = time.perf_counter()
            bm25.search(text, 40)
            lat["bm25_all"].append((time.perf_counter() - t) * 1000)
            if muni not in masks:
                masks[muni] = (owners == muni).astype(np.float32)
            t = time.perf_counter()
            bm25.search(text, 40, masks[muni])
            lat["bm25_one"].append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()  # the topic check of the answer path (assistant/topics.py) on this index
            topics.absent(TOPIC_QUESTIONS[j % len(TOPIC_QUESTIONS)], "da", [muni], bm25.mentioned)
            lat["topics"].append((time.perf_counter() - t) * 1000)
    out: dict[str, Any] = {}
    for scope, name in (("all", "dense_all"), ("one", "dense_one_municipality"),
                        ("three", "dense_three_municipalities"), ("bm25_all", "bm25_all"),
                        ("bm25_one", "bm25_one_municipality"), ("topics", "topic_check")):
        if lat[scope]:
            out[f"{name}_p50_ms"] = _pct(lat[scope], 50)
            out[f"{name}_p95_ms"] = _pct(lat[scope], 95)
    out["dense_all_recall10"] = round(float(np.mean(recall["all"])), 3)
    out["dense_one_municipality_recall10"] = round(float(np.mean(recall["one"])), 3)
    return out


def scale_curve(work: Path, sizes: list[int], max_chunks: int = 100_000, queries: int = 60, bm25: bool = True,
                batch: int = 5000, seed: int = 3) -> dict[str, Any]:
    from store.vectors import VectorStore

    skipped = sorted(s for s in sizes if s > max_chunks)
    sizes = sorted(s for s in sizes if s <= max_chunks)
    path = work / "scale" / "chroma"
    shutil.rmtree(path, ignore_errors=True)
    store = VectorStore("embedded", path)
    synth = Synth(seed)
    ids: list[str] = []
    vec_parts: list[np.ndarray] = []
    owners: list[str] = []
    toks: list[list[str]] = []
    insert_s = 0.0
    out: dict[str, Any] = {"sizes": {}, "municipalities": len(MUNICIPALITIES), "dim": DIM,
                           "queries_per_size": queries, "k": 40, "cpus": os.cpu_count(),
                           "store": "embedded Chroma (PersistentClient), one collection, hnsw cosine, default M/ef",
                           "skipped_sizes": []}
    for size in sizes:
        t_stage = time.perf_counter()
        while len(ids) < size:
            n = min(batch, size - len(ids))
            bids, metas, docs, btoks = synth.rows(len(ids), n)
            vecs = synth.vectors(n)
            t = time.perf_counter()
            store.add(bids, vecs.tolist(), docs, metas)
            insert_s += time.perf_counter() - t
            ids += bids
            vec_parts.append(vecs)
            owners += [m["municipality"] for m in metas]
            toks += btoks
        grow_s = time.perf_counter() - t_stage
        all_vecs = np.concatenate(vec_parts) if len(vec_parts) > 1 else vec_parts[0]
        vec_parts = [all_vecs]
        index = None
        bm25_build = None
        if bm25:
            t = time.perf_counter()
            index = _bm25(ids, toks, owners)
            bm25_build = round(time.perf_counter() - t, 1)
        row = {"chunks": store.count(), "insert_chunks_per_s_cumulative": round(len(ids) / insert_s, 1),
               "stage_build_s": round(grow_s, 1), "bm25_build_s": bm25_build,
               **measure(store, all_vecs, ids, np.array(owners), synth, queries, index),
               "chroma_disk_mb": disk_mb(path), "bench_process_rss_mb": rss_mb()}
        out["sizes"][str(size)] = row
        print(f"  scale {size}: {row}", flush=True)
        del index
    out["skipped_sizes"] = skipped  # opt-in: --max-chunks
    if insert_s:
        rate = len(ids) / insert_s
        out["insert_chunks_per_s"] = round(rate, 1)
        out["projected_insert_minutes_1m"] = round(1_000_000 / rate / 60, 1)
    return out
