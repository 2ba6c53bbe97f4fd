"""The `referat` command line: setup, parse, ingest, sync, ask, serve, eval, delete, check.

Domain errors are translated here, at the edge, into a one-line message and an exit code.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import typer

from assistant import llm_serve
from assistant.settings import Settings, get_settings
from ingest.errors import IngestError, ReferatError, StoreError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Referat: ask Danish municipal committee minutes, get cited answers.")

DataDir = Annotated[Path | None, typer.Option("--data-dir", help="Data folder (default: $REFERAT_DATA_DIR or "
                                                                  "~/.local/share/referat)")]


app.add_typer(llm_serve.app, name="llm")  # referat llm assemble | serve: a local LLM (docs/llm.md)


def settings_for(data_dir: Path | None, **overrides: Any) -> Settings:
    base = get_settings()
    update: dict[str, Any] = {k: v for k, v in overrides.items() if v is not None}
    if data_dir is not None:
        update["data_dir"] = data_dir
    return base.model_copy(update=update) if update else base


def fail(message: str, code: int = 1) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


@app.command()
def setup(data_dir: DataDir = None) -> None:
    """Rebuild the offline multilingual embedding model into the data folder (once)."""
    from ingest.chunk import encoding
    from ingest.embed import ensure_default_model

    s = settings_for(data_dir)
    encoding()
    if s.embedder == "sentence-transformers" and not s.embedding_model:
        path = ensure_default_model(s.model_dir)
        typer.echo(f"embedding model ready: {path}")


@app.command()
def parse(file: Path, as_json: Annotated[bool, typer.Option("--json", help="Print the meeting as JSON")] = False,
          municipality: Annotated[str | None, typer.Option(help="Municipality, if not detected")] = None,
          data_dir: DataDir = None) -> None:
    """Parse one file of minutes and print its meeting and agenda items."""
    from ingest.parse import parse_file

    try:
        meeting = parse_file(file, municipality)
    except ReferatError as exc:
        fail(str(exc))
        return
    if as_json:
        typer.echo(meeting.model_dump_json(indent=2))
        return
    typer.echo(f"{meeting.municipality} · {meeting.committee} · {meeting.date} · {len(meeting.items)} items")
    for it in meeting.items:
        decided = "; ".join(f"{d.body}: {d.outcome}" for d in it.decisions)
        typer.echo(f"  {it.number or '-':>5}  {it.title[:70]}  [{decided}]")


@app.command()
def ingest(paths: list[Path], municipality: Annotated[str | None, typer.Option(help="Municipality for all files")]
           = None, as_json: Annotated[bool, typer.Option("--json")] = False, data_dir: DataDir = None) -> None:
    """Ingest files or folders of minutes (txt, md, html, pdf, docx, json). Re-ingesting replaces."""
    from tqdm import tqdm

    from assistant.container import Container
    from ingest.pipeline import FileOutcome, expand, ingest_paths

    container = Container(settings_for(data_dir))
    files = list(expand(paths))
    outcomes: list[FileOutcome] = []

    def show(outcome: FileOutcome) -> None:
        outcomes.append(outcome)
        if not as_json:
            tqdm.write(outcome.line(), file=sys.stderr if outcome.status == "failed" else sys.stdout)

    try:
        with tqdm(total=len(files), desc="ingest", unit="file", disable=as_json or not sys.stderr.isatty()) as bar:
            report = ingest_paths(container.indexer, files, municipality, on_file=lambda p: bar.update(1),
                                  on_outcome=show)
    except ReferatError as exc:
        fail(str(exc), 2)
        return
    if as_json:
        typer.echo(json.dumps({**report.as_dict(), "files": [asdict(o) for o in outcomes]}, ensure_ascii=False,
                              indent=2))
    else:
        counts = Counter(o.status for o in outcomes)
        typer.echo(f"{len(outcomes)} files: " + ", ".join(f"{counts[k]} {k}" for k in
                   ("added", "replaced", "unchanged", "kept", "failed") if counts[k])
                   + f"; {report.items} items, {report.chunks} chunks")
    if report.failed:
        raise typer.Exit(1)


@app.command()
def ask(question: str, as_json: Annotated[bool, typer.Option("--json")] = False,
        municipality: Annotated[list[str] | None, typer.Option(help="Only these municipalities")] = None,
        committee: Annotated[str | None, typer.Option()] = None,
        date_from: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
        date_to: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
        data_dir: DataDir = None) -> None:
    """Ask a question; prints the answer with citations."""
    from datetime import date

    from assistant.container import Container
    from assistant.query import Filters

    try:
        filters = Filters(municipalities=municipality or [], committee=committee,
                          date_from=date.fromisoformat(date_from) if date_from else None,
                          date_to=date.fromisoformat(date_to) if date_to else None)
    except ValueError as exc:
        fail(f"bad date: {exc}")
        return
    container = Container(settings_for(data_dir))
    try:
        answer = container.service.ask(question, filters)
    except ReferatError as exc:
        fail(str(exc))
        return
    if as_json:
        typer.echo(answer.model_dump_json(indent=2, exclude={"conversation_id", "standalone_question"}))
        return
    typer.echo(answer.answer)
    for k, c in enumerate(answer.citations, 1):
        typer.echo(f"[{k}] {c.municipality} · {c.committee} · {c.meeting_date} · Punkt {c.item_number or '-'} "
                   f"· {c.item_title} · {c.url}")


@app.command("eval")
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


def _print_metrics(ours: dict[str, float], base: dict[str, float] | None) -> None:
    from eval.report import LABELS

    typer.echo(f"{'metric':<32}{'Referat':>10}" + (f"{'baseline':>10}" if base else ""))
    for key, label in LABELS.items():
        if key in ours:
            b = f"{base[key]:>10}" if base and key in base else ("" if not base else f"{'–':>10}")
            typer.echo(f"{label:<32}{ours[key]:>10}{b}")


@app.command("slack-socket")
def slack_socket(data_dir: DataDir = None) -> None:
    """Run the Slack bot in Socket Mode (needs REFERAT_SLACK_BOT_TOKEN and REFERAT_SLACK_APP_TOKEN)."""
    from assistant.container import Container
    from assistant.slack import run_socket_mode

    s = settings_for(data_dir)
    if not (s.slack_bot_token and s.slack_app_token):
        fail("set REFERAT_SLACK_BOT_TOKEN and REFERAT_SLACK_APP_TOKEN for Socket Mode", 2)
    c = Container(s)
    run_socket_mode(s, c.service, c.catalog)


@app.command()
def delete(meeting_id: str, data_dir: DataDir = None) -> None:
    """Delete one meeting (by id, as listed by GET /meetings) from the store."""
    from assistant.container import Container

    if not Container(settings_for(data_dir)).indexer.delete(meeting_id):
        fail(f"no meeting with id {meeting_id!r}")


@app.command()
def sync(sources: Annotated[list[str] | None, typer.Argument(help="Source names in sources.toml (default: all)")]
         = None,
         sources_file: Annotated[Path | None, typer.Option("--sources", help="Default: $REFERAT_SOURCES or "
                                                                             "./sources.toml")] = None,
         full: Annotated[bool, typer.Option("--full", help="Fetch and read every document again (ignore ETags and "
                                                            "hashes), e.g. after the readers improved")] = False,
         as_json: Annotated[bool, typer.Option("--json")] = False, data_dir: DataDir = None) -> None:
    """Fetch new and changed minutes from the municipalities' portals (sources.toml) and ingest them."""
    from assistant.container import Container
    from assistant.syncing import run_sync

    container = Container(settings_for(data_dir))
    try:
        runs = run_sync(container, sources or None, full, None if as_json else typer.echo, sources_file)
    except ReferatError as exc:
        fail(str(exc), 2)
        return
    if as_json:
        typer.echo(json.dumps([r.as_dict() for r in runs], ensure_ascii=False, indent=2))
    if any(not r.ok or r.counts["failed"] for r in runs):
        raise typer.Exit(1)


@app.command()
def check(repair: Annotated[bool, typer.Option("--repair", help="Re-embed missing vectors, drop stray ones, "
                                                                  "rebuild stale BM25 indexes")] = False,
          data_dir: DataDir = None) -> None:
    """Verify the catalog, Chroma vectors and BM25 indexes agree; exit 1 naming what is off."""
    from assistant.container import Container
    from ingest import check as checking

    c = Container(settings_for(data_dir))
    try:
        findings = checking.check(c.catalog, c.vectors, c.lexical)
        problems = [line for f in findings for line in f.lines()]
        if problems and repair:
            checking.repair(c.catalog, c.vectors, c.lexical, c.embedder, findings)
            for line in problems:
                typer.echo(f"repaired: {line}")
            problems = [line for f in checking.check(c.catalog, c.vectors, c.lexical) for line in f.lines()]
    except ReferatError as exc:
        fail(str(exc))
    for line in problems:
        typer.echo(line)
    if problems:
        fail(f"{len(problems)} inconsistencies" + ("" if repair else "; run `referat check --repair`"))
    counts = c.catalog.counts()
    typer.echo(f"ok: {counts['meetings']} meetings, {counts['items']} items, {counts['chunks']} chunks agree "
               "across catalog, vectors and BM25")


@app.command()
def serve(host: Annotated[str | None, typer.Option()] = None, port: Annotated[int | None, typer.Option()] = None,
          sync_every: Annotated[str | None, typer.Option("--sync-every", help="Also sync sources.toml every 30m, "
                                                                               "1h, … in the background")] = None,
          data_dir: DataDir = None) -> None:
    """Serve the chat API, web page and Slack endpoint with uvicorn."""
    import uvicorn

    from assistant.api import create_app

    s = settings_for(data_dir, host=host, port=port)
    container, loop = None, None
    if sync_every:
        from assistant.container import Container
        from assistant.syncing import start_sync_loop
        from ingest.sync.config import load_sources, parse_duration

        try:
            every = parse_duration(sync_every)
            load_sources(s.sources).pick(None)  # a missing or broken sources.toml stops the server now
        except (ValueError, ReferatError) as exc:
            fail(str(exc), 2)
            return
        container = Container(s)
        try:
            container.preload()  # the model and indexes once, before the sync thread and the first request
        except StoreError as exc:
            typer.echo(f"warning: store unavailable at start: {exc}", err=True)
        loop = start_sync_loop(container, every)
    try:
        # X-Forwarded-* are honoured only when REFERAT_TRUST_PROXY_HEADERS says the proxy in front is trusted
        uvicorn.run(create_app(s, container), host=s.host, port=s.port, log_level="info",
                    proxy_headers=s.trust_proxy_headers, forwarded_allow_ips="*")
    finally:
        if loop is not None:
            loop.stop()


def main() -> None:
    try:
        app()
    except IngestError as exc:  # pragma: no cover - commands translate their own errors
        typer.echo(f"error: {exc}", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
