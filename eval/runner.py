"""Run a question set in-process or against a running API, and score every question."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

import httpx

from assistant.contract import Answer
from core.model import item_order
from core.municipalities import canonical_name
from eval import metrics as m
from eval.questions import Question
from store.rows import StoredItem


@dataclass
class Ref:
    """Where a retrieved or cited item comes from."""

    municipality: str
    meeting_date: str
    number: str | None
    order: int | None
    title: str = ""
    item_id: str = ""
    committee: str = ""


def same_meeting(q: Question, ref: Ref) -> bool:
    """The ref is from the gold meeting: municipality and date, and committee when the gold names one."""
    if not q.answerable or q.municipality is None:
        return False
    if _muni(ref.municipality) != _muni(q.municipality) or ref.meeting_date != (q.meeting_date or "")[:10]:
        return False
    return not (q.committee and ref.committee) or _committee(q.committee) == _committee(ref.committee)


def _committee(name: str) -> str:
    """A committee as compared: folded, without the council period it may be printed with ("Social &
    Arbejdsmarkedsudvalget 2022-2025" is Social & Arbejdsmarkedsudvalget)."""
    bare = re.sub(r"\s+(?:19|20)\d{2}\s*-\s*(?:19|20)\d{2}\s*$", "", name)
    return " ".join(m.fold(bare).replace("-", " ").split())


def is_gold(q: Question, ref: Ref) -> bool:
    if not same_meeting(q, ref):
        return False
    if q.meeting_level:
        return True
    if q.item_number is not None:
        return _number(ref.number or "") == _number(q.item_number)
    if q.item_order is not None:
        return ref.order == q.item_order
    return bool(q.item_title) and m.fold(q.item_title or "") in m.fold(ref.title)


def _number(printed: str) -> str:
    """An item number as compared: "04" and "4" (a zero-padded "Punkt 04") are the same item; "4a", "2.1" stay."""
    return printed.strip().lstrip("0") or printed.strip()


def _muni(name: str) -> str:
    """A municipality as compared: its canonical name where known ("Vesthimmerlands Kommune" is Vesthimmerland)."""
    return m.fold(canonical_name(name) or name).removesuffix(" kommune").strip()


@dataclass
class Outcome:
    answer: Answer | None
    ranked: list[Ref]
    latency_ms: float
    error: str | None = None


class Target(Protocol):
    def run(self, q: Question) -> Outcome: ...


def _ref_from_item(stored: StoredItem) -> Ref:
    item = stored.item
    return Ref(stored.municipality, stored.date, item.number, item.order, item.title, stored.id,
               stored.committee or "")


class InProcess:
    def __init__(self, service: Any) -> None:
        self.service = service

    def run(self, q: Question) -> Outcome:
        t = time.perf_counter()
        answer, hits = self.service.ask_with_hits(q.question, history=q.history or None, depth=10)
        return Outcome(answer, [_ref_from_item(h.item) for h in hits], (time.perf_counter() - t) * 1000)


class OverHttp:
    def __init__(self, url: str, timeout: float = 120) -> None:
        self.client = httpx.Client(base_url=url.rstrip("/"), timeout=timeout)

    def run(self, q: Question) -> Outcome:
        t = time.perf_counter()
        try:
            r = self.client.post("/chat", json={"question": q.question, "history": q.history or None})
            r.raise_for_status()
        except httpx.HTTPError as exc:
            return Outcome(None, [], (time.perf_counter() - t) * 1000, f"{type(exc).__name__}: {exc}")
        answer = Answer.model_validate(r.json())
        refs = [citation_ref(c) for c in answer.citations]
        return Outcome(answer, refs, (time.perf_counter() - t) * 1000)


def citation_ref(c: Any) -> Ref:
    return Ref(c.municipality, c.meeting_date, c.item_number, item_order(c.item_id), c.item_title or "", c.item_id,
               c.committee or "")




@dataclass
class Scored:
    question: Question
    outcome: Outcome
    scores: dict[str, float] = field(default_factory=dict)


def score(q: Question, o: Outcome) -> dict[str, float]:
    ranked = [is_gold(q, r) for r in o.ranked]
    cited_refs = [citation_ref(c) for c in (o.answer.citations if o.answer else [])]
    cited = [is_gold(q, r) for r in cited_refs]
    refused = 1.0 if (o.answer is None or o.answer.refused) else 0.0
    s = {"latency_ms": o.latency_ms, "refused": refused, "error": 1.0 if o.error else 0.0}
    if q.answerable:
        s.update(hit1=m.hit_at(ranked, 1), hit5=m.hit_at(ranked, 5), mrr=m.reciprocal_rank(ranked),
                 ndcg10=m.ndcg_at(ranked, 10), citation_precision=m.citation_precision(cited),
                 citation_hit=m.citation_hit(cited), first_citation=1.0 if cited[:1] == [True] else 0.0,
                 meeting_first=1.0 if o.ranked and same_meeting(q, o.ranked[0]) else 0.0,
                 keyword_recall=m.keyword_recall(o.answer.answer if o.answer else "", q.answer_keywords))
    return s


AGGREGATES = ["hit1", "hit5", "mrr", "ndcg10", "meeting_first", "first_citation", "citation_hit",
              "citation_precision", "keyword_recall"]


def aggregate(rows: list[Scored]) -> dict[str, float]:
    answerable = [r.scores for r in rows if r.question.answerable]
    unanswerable = [r.scores for r in rows if not r.question.answerable]
    out: dict[str, float] = {"n": float(len(rows)), "n_answerable": float(len(answerable))}
    for key in AGGREGATES:
        out[key] = round(m.mean([s[key] for s in answerable]), 4) if answerable else 0.0
    right = [s["keyword_recall"] for s in answerable if s.get("first_citation") == 1.0]
    out["keyword_recall_given_item"] = round(m.mean(right), 4) if right else 0.0
    judged = [s["faithfulness"] for s in answerable if "faithfulness" in s]
    if judged:
        out["faithfulness"] = round(m.mean(judged), 4)
    out["refusal_rate"] = round(m.mean([s["refused"] for s in unanswerable]), 4) if unanswerable else 0.0
    out["false_refusal_rate"] = round(m.mean([s["refused"] for s in answerable]), 4) if answerable else 0.0
    latencies = [r.scores["latency_ms"] for r in rows]
    out["latency_p50_ms"] = round(m.percentile(latencies, 50), 1)
    out["latency_p95_ms"] = round(m.percentile(latencies, 95), 1)
    out["errors"] = sum(r.scores["error"] for r in rows)
    return out


def run(questions: list[Question], target: Target, progress: Callable[[], None] | None = None,
        judge: Any = None) -> list[Scored]:
    rows = []
    for q in questions:
        outcome = target.run(q)
        scored = Scored(q, outcome, score(q, outcome))
        if judge is not None and outcome.answer is not None and q.answerable:
            verdict = judge.faithful(q.question, outcome.answer)
            if verdict is not None:
                scored.scores["faithfulness"] = verdict
        rows.append(scored)
        if progress:
            progress()
    return rows


def by_type(rows: list[Scored]) -> dict[str, dict[str, float]]:
    types = sorted({r.question.type for r in rows})
    return {t: aggregate([r for r in rows if r.question.type == t]) for t in types}


def question_report(r: Scored) -> dict[str, Any]:
    a = r.outcome.answer
    return {"id": r.question.id, "type": r.question.type, "question": r.question.question,
            "gold": {"municipality": r.question.municipality, "meeting_date": r.question.meeting_date,
                     "item_number": r.question.item_number, "item_order": r.question.item_order},
            "scores": r.scores, "refused": a.refused if a else None, "answer": a.answer if a else None,
            "retrieved": [f"{x.municipality} {x.meeting_date} #{x.number or x.order} {x.title}"
                          for x in r.outcome.ranked[:5]],
            "cited": [f"{c.municipality} {c.meeting_date} #{c.item_number or '-'} {c.item_title}"
                      for c in (a.citations if a else [])],
            "error": r.outcome.error}
