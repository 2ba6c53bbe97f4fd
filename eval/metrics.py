"""Metrics as small pure functions. ``ranked`` is a list of booleans: is the item at rank i gold?"""

from __future__ import annotations

import math
from collections.abc import Sequence

from core import model


def hit_at(ranked: Sequence[bool], k: int) -> float:
    return 1.0 if any(ranked[:k]) else 0.0


def reciprocal_rank(ranked: Sequence[bool]) -> float:
    return next((1.0 / (i + 1) for i, g in enumerate(ranked) if g), 0.0)


def ndcg_at(ranked: Sequence[bool], k: int = 10) -> float:
    """Binary relevance with one gold item: DCG of the hits over the ideal DCG."""
    dcg = sum(1.0 / math.log2(i + 2) for i, g in enumerate(ranked[:k]) if g)
    ideal = sum(1.0 / math.log2(i + 2) for i in range(min(k, max(1, sum(ranked)))))
    return dcg / ideal if ideal else 0.0


def citation_precision(cited: Sequence[bool]) -> float:
    return sum(cited) / len(cited) if cited else 0.0


def citation_hit(cited: Sequence[bool]) -> float:
    return 1.0 if any(cited) else 0.0


fold = model.fold  # one definition of the folded form, shared with the assistant


def keyword_recall(answer: str, keywords: Sequence[str]) -> float:
    if not keywords:
        return 1.0
    folded = " ".join(fold(answer).split())
    return sum(1 for k in keywords if " ".join(fold(k).split()) in folded) / len(keywords)


def percentile(values: Sequence[float], p: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    pos = (len(ordered) - 1) * p / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0
