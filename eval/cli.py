"""`referat eval`: registered on the `referat` app through the entry point "referat.commands" (pyproject.toml),
so the dependency runs eval/ -> assistant/ only."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from assistant.cliargs import DataDir, fail, settings_for
from core.errors import ReferatError


def evaluate(questions: Path,
             url: Annotated[str | None, typer.Option(help="Evaluate a running API instead of in-process")] = None,
             as_json: Annotated[bool, typer.Option("--json")] = False,
             report: Annotated[Path | None, typer.Option(help="Write an HTML report here")] = None,
             baseline: Annotated[bool, typer.Option(help="Also run the naive LangChain baseline")] = False,
             ingest_paths: Annotated[list[Path] | None, typer.Option("--ingest", help="Ingest these first")] = None,
             corpus: Annotated[list[Path] | None, typer.Option(help="Corpus for the baseline (default: --ingest)")]
             = None,
             min_hit5: Annotated[float, typer.Option()] = 0.0, min_hit1: Annotated[float, typer.Option()] = 0.0,
             min_refusal: Annotated[float, typer.Option()] = 0.0,
             min_citation_hit: Annotated[float, typer.Option()] = 0.0,
             min_first_citation: Annotated[float, typer.Option()] = 0.0,
             min_keywords: Annotated[float, typer.Option(help="Minimum answer keyword recall")] = 0.0,
             judge: Annotated[bool, typer.Option(help="Score faithfulness with the configured LLM")] = False,
             llm: Annotated[bool, typer.Option("--llm", help="Compare the configured LLM with the extractive "
                                                            "answerer on the same questions (docs/llm.md)")] = False,
             subset: Annotated[int, typer.Option(help="Only the first N questions")] = 0,
             data_dir: DataDir = None) -> None:
    """Score retrieval, citations and answers on a question set (JSON Lines); gate on thresholds."""
    from tqdm import tqdm

    from assistant.container import Container
    from eval import questions as qs
    from eval import report as rep
    from eval import runner
    from ingest.pipeline import ingest_paths as do_ingest

    try:
        items = qs.load(questions)
    except ReferatError as exc:
        fail(str(exc), 2)
        return
    items = items[:subset] if subset > 0 else items
    container = Container(settings_for(data_dir))
    if ingest_paths:
        done = do_ingest(container.indexer, ingest_paths)
        for path, reason in done.failed:
            typer.echo(f"error: {path}: {reason}", err=True)
    target: runner.Target = runner.OverHttp(url) if url else runner.InProcess(container.service)
    quiet = as_json or not sys.stderr.isatty()
    llm_judge = None
    if judge:
        if not container.settings.llm_base_url:
            fail("--judge needs an LLM: set REFERAT_LLM_BASE_URL", 2)
        from assistant.llm import chat_model
        from eval.judge import Judge

        llm_judge = Judge(chat_model(container.settings, timeout=120), container.settings.prompt_version)
    if llm:
        from eval import llm_compare

        if not container.settings.llm_base_url:
            fail("--llm needs an LLM: set REFERAT_LLM_BASE_URL (referat llm serve)", 2)
        with tqdm(total=2 * len(items), desc="eval --llm", disable=quiet) as bar:
            compared = llm_compare.compare(container, items, llm_judge, bar.update)
        if report:
            report.write_text(json.dumps(compared, ensure_ascii=False, indent=2), encoding="utf-8")
        typer.echo(json.dumps(compared, ensure_ascii=False, indent=2) if as_json else llm_compare.render(compared))
        return
    with tqdm(total=len(items), desc="eval", disable=quiet) as bar:
        rows = runner.run(items, target, bar.update, llm_judge)
    result: dict[str, Any] = {"n": len(rows), "metrics": runner.aggregate(rows), "by_type": runner.by_type(rows),
              "questions": [runner.question_report(r) for r in rows]}
    base: dict[str, Any] | None = None
    if baseline:
        paths = corpus or ingest_paths
        if not paths:
            fail("--baseline needs the corpus: pass --ingest or --corpus", 2)
            return
        b = runner.run([q for q in items if q.answerable], runner_baseline(container, paths))
        keep = ("n", "hit1", "hit5", "mrr", "ndcg10", "meeting_first", "latency_p50_ms", "latency_p95_ms")
        base = {"metrics": {k: v for k, v in runner.aggregate(b).items() if k in keep}}
        result["baseline"] = base
    if report:
        report.write_text(rep.render(result, base), encoding="utf-8")
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        _print_metrics(result["metrics"], base["metrics"] if base else None)
        _print_types(result["by_type"])
        if report:
            typer.echo(f"report: {report}")
    gates = [("hit@5", result["metrics"]["hit5"], min_hit5), ("hit@1", result["metrics"]["hit1"], min_hit1),
             ("refusal rate", result["metrics"]["refusal_rate"], min_refusal),
             ("citation hit", result["metrics"]["citation_hit"], min_citation_hit),
             ("first citation", result["metrics"]["first_citation"], min_first_citation),
             ("keyword recall", result["metrics"]["keyword_recall"], min_keywords)]
    failed = [f"{name} {got:.3f} < {want:.3f}" for name, got, want in gates if got < want]
    if failed:
        fail("quality gate failed: " + "; ".join(failed), 3)


def runner_baseline(container: Any, paths: list[Path]) -> Any:
    from eval.baseline import Baseline

    return Baseline(container.embedder, list(paths))


def _print_types(by_type: dict[str, dict[str, float]]) -> None:
    """One line per question type: first citation, any citation, keywords (all / right item), refusals."""
    typer.echo(f"\n{'type':<14}{'n':>4}{'first':>8}{'cited':>8}{'kw':>8}{'kw|item':>9}{'refused':>9}")
    for t, v in by_type.items():
        refused = v["refusal_rate"] if t == "unanswerable" else v["false_refusal_rate"]
        typer.echo(f"{t:<14}{int(v['n']):>4}{v['first_citation']:>8.2f}{v['citation_hit']:>8.2f}"
                   f"{v['keyword_recall']:>8.2f}{v['keyword_recall_given_item']:>9.2f}{refused:>9.2f}")


def _print_metrics(ours: dict[str, float], base: dict[str, float] | None) -> None:
    from eval.report import LABELS

    typer.echo(f"{'metric':<32}{'Referat':>10}" + (f"{'baseline':>10}" if base else ""))
    for key, label in LABELS.items():
        if key in ours:
            b = f"{base[key]:>10}" if base and key in base else ("" if not base else f"{'–':>10}")
            typer.echo(f"{label:<32}{ours[key]:>10}{b}")
