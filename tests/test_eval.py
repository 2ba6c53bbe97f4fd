"""The evaluation suite: metrics on hand-made cases, question-set validation, runner, report, quality gate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.container import Container
from eval import metrics as m
from eval import report, runner
from eval.questions import Question, QuestionSetError, load
from tests.conftest import ROOT


def test_retrieval_metrics() -> None:
    assert m.hit_at([False, True, False], 1) == 0.0 and m.hit_at([False, True], 2) == 1.0
    assert m.reciprocal_rank([False, False, True]) == pytest.approx(1 / 3)
    assert m.reciprocal_rank([False, False]) == 0.0
    assert m.ndcg_at([True], 10) == 1.0
    assert m.ndcg_at([False, True], 10) == pytest.approx(1 / 1.5849625, rel=1e-6)
    assert m.ndcg_at([False] * 12 + [True], 10) == 0.0


def test_citation_and_answer_metrics() -> None:
    assert m.citation_precision([True, False, False, True]) == 0.5 and m.citation_precision([]) == 0.0
    assert m.citation_hit([False, True]) == 1.0 and m.citation_hit([]) == 0.0
    assert m.keyword_recall("Indstillingen er GODKENDT ved stemmeflertal", ["godkendt", "Stemmeflertal"]) == 1.0
    assert m.keyword_recall("Tina Skov Larsen havde afbud", ["tina  skov larsen", "Aarøe"]) == 0.5
    assert m.keyword_recall("Ærø og Aabenraa", ["ÆRØ"]) == 1.0 and m.keyword_recall("x", []) == 1.0
    assert m.keyword_recall("café", ["cafe"]) == 1.0


def test_percentiles() -> None:
    assert m.percentile([1, 2, 3, 4, 5], 50) == 3 and m.percentile([], 95) == 0.0
    assert m.percentile([10, 20], 95) == pytest.approx(19.5)


def test_loader_errors_name_the_line(tmp_path: Path) -> None:
    p = tmp_path / "q.jsonl"
    p.write_text('{"id": "a", "question": "x"}\n{"id": "b", "question": "y", "type": "two words!"}\n')
    with pytest.raises(QuestionSetError, match=r"q.jsonl:2: type"):
        load(p)
    p.write_text('{"id": "a", "question": "x", "type": "comparison"}\n')  # another team's kind: accepted
    assert load(p)[0].type == "comparison"
    p.write_text('{"id": "a", "question": "x"}\nnot json\n')
    with pytest.raises(QuestionSetError, match=r"q.jsonl:2: not valid JSON"):
        load(p)
    p.write_text('{"id": "a", "question": "x"}\n{"id": "a", "question": "y"}\n')
    with pytest.raises(QuestionSetError, match="duplicate id"):
        load(p)
    p.write_text('{"id": "a", "question": "x", "item_number": 5, "extra": true}\n')
    assert load(p)[0].item_number == "5"


def test_shipped_question_set_covers_every_type() -> None:
    qs = load(ROOT / "eval" / "seeds.jsonl")
    assert len(qs) >= 100
    types = {q.type for q in qs}
    assert types == {"decision", "fact", "who", "vote", "money", "date", "list", "unanswerable", "followup"}
    assert sum(q.type == "unanswerable" for q in qs) >= 10


def test_is_gold_by_number_order_and_municipality_spelling() -> None:
    q = Question(id="x", question="?", municipality="Esbjerg Kommune", meeting_date="2024-01-16", item_number="5")
    assert runner.is_gold(q, runner.Ref("Esbjerg", "2024-01-16", "5", 5))
    assert not runner.is_gold(q, runner.Ref("Esbjerg", "2024-01-16", "4", 4))
    u = Question(id="y", question="?", municipality="Svendborg", meeting_date="2021-03-08", item_order=6)
    assert runner.is_gold(u, runner.Ref("Svendborg", "2021-03-08", None, 6))
    none = Question(id="z", question="?", type="unanswerable")
    assert not runner.is_gold(none, runner.Ref("Esbjerg", "2024-01-16", "5", 5))


def test_runner_report_and_gate(seeded: Container, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    qs = load(ROOT / "eval" / "seeds.jsonl")[:12] + [q for q in load(ROOT / "eval" / "seeds.jsonl")
                                                    if q.type == "unanswerable"][:3]
    rows = runner.run(qs, runner.InProcess(seeded.service))
    agg = runner.aggregate(rows)
    assert agg["n"] == 15 and 0 <= agg["hit5"] <= 1 and agg["latency_p95_ms"] >= agg["latency_p50_ms"]
    result = {"metrics": agg, "by_type": runner.by_type(rows), "questions": [runner.question_report(r) for r in rows]}
    html = report.render(result, {"metrics": {"hit1": 0.5, "hit5": 0.7}})
    assert "<svg" in html and "naive baseline" in html and "hit@5" in html

    qfile = tmp_path / "q.jsonl"
    qfile.write_text("\n".join(q.model_dump_json() for q in qs), encoding="utf-8")
    monkeypatch.setenv("REFERAT_EMBEDDER", "fake")
    monkeypatch.setenv("REFERAT_REFUSAL_THRESHOLD", "0.25")
    from assistant.settings import get_settings

    get_settings.cache_clear()
    out = CliRunner().invoke(app, ["eval", str(qfile), "--data-dir", str(seeded.settings.data_dir), "--json",
                                   "--report", str(tmp_path / "r.html")])
    get_settings.cache_clear()
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)["n"] == 15 and (tmp_path / "r.html").exists()
    gated = CliRunner().invoke(app, ["eval", str(qfile), "--data-dir", str(seeded.settings.data_dir),
                                     "--min-hit5", "1.01"])
    assert gated.exit_code == 3 and "quality gate failed" in gated.output


def test_history_may_be_a_chat_transcript() -> None:
    """Question sets from elsewhere write a follow-up's history as strings or as chat turns; the user turns are
    the earlier questions."""
    q = Question.model_validate({"id": "r1", "question": "Hvor mange pladser?", "type": "followup", "history": [
        {"role": "user", "content": "Hvad besluttede udvalget om akutpladserne?"},
        {"role": "assistant", "content": "Udvalget godkendte ..."}]})
    assert q.history == ["Hvad besluttede udvalget om akutpladserne?"]
    assert Question(id="r2", question="Og prisen?", history=["Hvad koster broen?"]).history == ["Hvad koster broen?"]
