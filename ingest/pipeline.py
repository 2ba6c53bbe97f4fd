"""Ingest files and folders, one meeting at a time (streaming), collecting per-file errors."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ingest.errors import IngestError, ReferatError
from ingest.faults import fault_point
from ingest.index import Indexer, IngestReport
from ingest.parse import parse_file

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx", ".json", ".jsonl", ".ndjson", ".xml"}


def expand(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files as given; folders walked recursively for known suffixes, in sorted order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            yield path


def ingest_paths(indexer: Indexer, paths: Iterable[str | Path], municipality: str | None = None,
                 on_file: Callable[[Path], None] | None = None) -> IngestReport:
    report = IngestReport()
    try:
        for path in expand(paths):
            if on_file:
                on_file(path)
            try:
                meeting = parse_file(path, municipality)
                fault_point("after_parse")
                indexer.add(meeting, report)
            except IngestError as exc:
                report.failed.append((str(path), exc.reason))
            except ReferatError:
                raise
            except (ValueError, OSError) as exc:
                report.failed.append((str(path), f"{type(exc).__name__}: {exc}"))
    finally:
        indexer.finish()
    return report
