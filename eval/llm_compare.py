"""The LLM against the extractive answerer on the same questions, in one run (`referat eval Q.jsonl --llm`).

Both answer every question over the same store and retrieval; per answerer the report gives the time per
answer, refusals (of answerable and of unanswerable questions), citation hit, keyword recall and, with a judge,
faithfulness; for the LLM also how its answers ended (``answered_by``) and why it fell back.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from assistant.answer import ExtractiveAnswerer
from assistant.service import ChatService
from eval import metrics as m
from eval import runner
from eval.questions import Question
from store.conversations import ConversationStore

KEYS = ("citation_hit", "first_citation", "keyword_recall", "faithfulness", "refusal_rate", "false_refusal_rate",
        "latency_p50_ms", "latency_p95_ms")


def extractive_service(container: Any) -> ChatService:
    """The container's service as it is without an LLM: same catalog, retriever and limits."""
    s = container.settings
    answerer = ExtractiveAnswerer("", s.refusal_threshold, meetings=container.catalog.meeting)
    return ChatService(container.catalog, container.retriever, answerer, s.top_k, s.max_question_chars,
                       s.max_history_turns, None, base_url=s.default_base_url,
                       conversations=ConversationStore(None, 1000), max_history_chars=s.max_history_chars)


def summarize(rows: list[runner.Scored]) -> dict[str, Any]:
    agg = runner.aggregate(rows)
    out: dict[str, Any] = {k: agg[k] for k in KEYS if k in agg}
    latencies = [r.scores["latency_ms"] for r in rows]
    out["latency_mean_ms"] = round(m.mean(latencies), 1)
    out["judged"] = sum(1 for r in rows if "faithfulness" in r.scores)
    out["refused"] = sum(1 for r in rows if r.outcome.answer is None or r.outcome.answer.refused)
    out["answered_by"] = dict(Counter(r.outcome.answer.answered_by if r.outcome.answer else "error" for r in rows))
    asked = [r.scores["latency_ms"] for r in rows if r.outcome.answer and r.outcome.answer.answered_by != "extractive"]
    if asked:
        out["latency_mean_ms_llm_asked"] = round(m.mean(asked), 1)
    return out


def compare(container: Any, questions: list[Question], judge: Any = None,
            progress: Callable[[], None] | None = None) -> dict[str, Any]:
    """Run ``questions`` through the extractive answerer, then through the container's LLM answerer."""
    llm_service = container.service
    ext_service = extractive_service(container)
    ext_service.ask("opvarmning")  # warm up: the embedding model and BM25 load once, outside the timings
    before = dict(getattr(container.answerer, "fallbacks", {}))
    ext_rows = runner.run(questions, runner.InProcess(ext_service), progress, judge)
    llm_rows = runner.run(questions, runner.InProcess(llm_service), progress, judge)
    after = dict(getattr(container.answerer, "fallbacks", {}))
    llm = summarize(llm_rows)
    delta = {k: after.get(k, 0) - before.get(k, 0) for k in after}
    llm["fallback_reasons"] = {k: v for k, v in delta.items() if v}
    per_question = []
    for e, g in zip(ext_rows, llm_rows, strict=True):
        per_question.append({
            "id": e.question.id, "type": e.question.type, "question": e.question.question,
            "extractive": _row(e), "llm": _row(g)})
    return {"n": len(questions), "model": container.settings.llm_model,
            "prompt_tokens_budget": container.settings.llm_prompt_tokens,
            "extractive": summarize(ext_rows), "llm": llm, "questions": per_question}


def _row(r: runner.Scored) -> dict[str, Any]:
    a = r.outcome.answer
    return {"answered_by": a.answered_by if a else "error", "refused": a.refused if a else None,
            "latency_ms": round(r.scores["latency_ms"], 1), "citation_hit": r.scores.get("citation_hit"),
            "faithfulness": r.scores.get("faithfulness"), "answer": a.answer if a else r.outcome.error}


LABELS = [("latency_mean_ms", "time per answer, mean (ms)"), ("latency_p50_ms", "time per answer, p50 (ms)"),
          ("latency_p95_ms", "time per answer, p95 (ms)"), ("false_refusal_rate", "refused, answerable"),
          ("refusal_rate", "refused, unanswerable"), ("citation_hit", "citation hit"),
          ("first_citation", "first citation is gold"), ("keyword_recall", "keyword recall"),
          ("faithfulness", "faithfulness (judge)"), ("judged", "answers judged")]


def render(result: dict[str, Any]) -> str:
    ext, llm = result["extractive"], result["llm"]
    lines = [f"{result['n']} questions; LLM {result['model']}, prompt budget {result['prompt_tokens_budget']} tokens",
             f"{'':<28}{'extractive':>12}{'llm':>12}"]
    for key, label in LABELS:
        if key in ext or key in llm:
            lines.append(f"{label:<28}{ext.get(key, '–')!s:>12}{llm.get(key, '–')!s:>12}")
    lines.append(f"LLM answers: {llm['answered_by']}; fallbacks: {llm.get('fallback_reasons') or {}}")
    if "latency_mean_ms_llm_asked" in llm:
        lines.append(f"time per answer where the LLM was asked, mean: {llm['latency_mean_ms_llm_asked']} ms")
    return "\n".join(lines)
