"""The `referat` command line: setup, parse, ingest, sync, ask, serve, eval, delete, check,
migrate.

Domain errors are translated here, at the edge, in one place: ``EXIT_CODES`` (the first class in an error's
MRO that it names gives the exit code) and ``_Commands.invoke`` (prints "error: <message>" and exits with it).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from assistant import llm_serve
from assistant.cliargs import DataDir, fail, settings_for
from core.errors import NotFound, ReferatError, StoreError
from ingest.sync.config import SourcesError

# 1: the input or the data is wrong (a file, a question, an id); 2: the setup is (sources.toml, the store)
EXIT_CODES: dict[type[ReferatError], int] = {SourcesError: 2, StoreError: 2, ReferatError: 1}


def exit_code(exc: ReferatError) -> int:
    return next(EXIT_CODES[cls] for cls in type(exc).__mro__ if cls in EXIT_CODES)


class _Commands(TyperGroup):
    """Every command (plugins too) runs inside ``invoke``: a domain error becomes its message and exit code."""

    def invoke(self, ctx: Any) -> Any:  # typer's own (vendored) click Context
        try:
            return super().invoke(ctx)
        except ReferatError as exc:
            fail(str(exc), exit_code(exc))


app = typer.Typer(cls=_Commands, add_completion=False, no_args_is_help=True,
                  help="Referat: ask Danish municipal committee minutes, get cited answers.")

app.add_typer(llm_serve.app, name="llm")  # referat llm assemble | serve: a local LLM (docs/llm.md)


@app.command()
def setup(data_dir: DataDir = None) -> None:
    """Rebuild the offline multilingual embedding model into the data folder (once)."""
    from ingest.chunk import encoding
    from store.embed import ensure_default_model
    from store.onnx_embed import unsupported

    s = settings_for(data_dir)
    encoding()
    if s.embedder == "sentence-transformers" and not s.embedding_model:
        path = ensure_default_model(s.model_dir)
        typer.echo(f"embedding model ready: {path}")
        int8 = s.embed_backend == "onnx-int8" or (s.embed_backend == "onnx" and s.embed_int8)
        if s.embed_backend != "sentence-transformers" and not unsupported(path, int8):  # export now, not on first use
            from store.onnx_embed import export_onnx

            typer.echo(f"ONNX encoder ready: {export_onnx(path, int8)}")


@app.command()
def parse(file: Path, as_json: Annotated[bool, typer.Option("--json", help="Print the meeting as JSON")] = False,
          municipality: Annotated[str | None, typer.Option(help="Municipality, if not detected")] = None,
          data_dir: DataDir = None) -> None:
    """Parse one file of minutes and print its meeting (each, if it holds several) and agenda items."""
    from ingest.parse import read_path

    meetings = read_path(file, municipality).meetings
    if as_json:  # one meeting as an object, several as a list of them
        dumped = [m.model_dump(mode="json") for m in meetings]
        typer.echo(json.dumps(dumped[0] if len(dumped) == 1 else dumped, indent=2, ensure_ascii=False))
        return
    for meeting in meetings:
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

    with tqdm(total=len(files), desc="ingest", unit="file", disable=as_json or not sys.stderr.isatty()) as bar:
        report = ingest_paths(container.indexer, files, municipality, on_file=lambda p: bar.update(1),
                              on_outcome=show)
    if as_json:
        typer.echo(json.dumps({**report.as_dict(), "files": [asdict(o) for o in outcomes]}, ensure_ascii=False,
                              indent=2))
    else:
        counts = Counter(o.status for o in outcomes)
        typer.echo(f"{len(outcomes)} files: " + ", ".join(f"{counts[k]} {k}" for k in
                   ("added", "replaced", "unchanged", "kept", "skipped", "failed") if counts[k])
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
    answer = Container(settings_for(data_dir)).service.ask(question, filters)
    if as_json:
        typer.echo(answer.model_dump_json(indent=2, exclude={"conversation_id", "standalone_question"}))
        return
    typer.echo(answer.answer)
    for k, c in enumerate(answer.citations, 1):
        typer.echo(f"[{k}] {c.label} · {c.item_title} · {c.url}")


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
        raise NotFound(f"no meeting with id {meeting_id!r}")


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
    runs = run_sync(container, sources or None, full, None if as_json else typer.echo, sources_file)
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
    from store import check as checking

    c = Container(settings_for(data_dir))
    findings = checking.check(c.catalog, c.vectors, c.lexical)
    problems = [line for f in findings for line in f.lines()]
    if problems and repair:
        checking.repair(c.catalog, c.vectors, c.lexical, c.embedder, findings)
        for line in problems:
            typer.echo(f"repaired: {line}")
        problems = [line for f in checking.check(c.catalog, c.vectors, c.lexical) for line in f.lines()]
    for line in problems:
        typer.echo(line)
    if problems:
        fail(f"{len(problems)} inconsistencies" + ("" if repair else "; run `referat check --repair`"))
    counts = c.catalog.counts()
    typer.echo(f"ok: {counts['meetings']} meetings, {counts['items']} items, {counts['chunks']} chunks agree "
               f"across catalog ({c.catalog.db.describe()}), vectors and BM25")


@app.command()
def migrate(as_json: Annotated[bool, typer.Option("--json")] = False, data_dir: DataDir = None) -> None:
    """Move vectors from the old per-municipality Chroma collections into the one national collection."""
    from assistant.container import Container
    from store.migrate import migrate as run

    report = run(Container(settings_for(data_dir)).vectors)
    if as_json:
        typer.echo(json.dumps(report.as_dict(), ensure_ascii=False))
    elif report.collections:
        typer.echo(f"migrated {report.vectors} vectors from {len(report.collections)} per-municipality "
                   f"collections into one; run `referat check` to verify")
    else:
        typer.echo("nothing to migrate: the store already has one collection")


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
        except ValueError as exc:
            fail(str(exc), 2)
            return
        load_sources(s.sources).pick(None)  # a missing or broken sources.toml stops the server now (exit 2)
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


def _add_plugin_commands() -> None:
    """Commands other packages add through the entry-point group "referat.commands" (pyproject.toml): eval/ adds
    `referat eval`, so assistant/ never imports eval/ (eval/ uses the assistant's public service)."""
    from importlib.metadata import distributions

    seen: set[str] = set()
    # every distribution, not entry_points()'s first per name: a stale referat.egg-info in the working directory
    # (left by `pip wheel .`) would hide the installed metadata
    for dist in distributions():
        for ep in dist.entry_points.select(group="referat.commands"):
            if ep.name not in seen:
                seen.add(ep.name)
                app.command(ep.name)(ep.load())


_add_plugin_commands()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
