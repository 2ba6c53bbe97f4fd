"""Ingest files and folders, one meeting at a time (streaming), one outcome per file.

A batch goes on past a bad file: each file ends as added, replaced, unchanged, kept (a newer
publication of the same meeting is already stored) or failed with its reason. A file of several meetings (a JSON
list of meeting records, ``ingest.readers.several``) stores each as its own meeting; its one line names each
meeting with its own outcome, and the file's status is the strongest of theirs (``file_status``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from core.errors import IngestError, NotMinutes, ReferatError
from ingest.index import Indexer, IngestReport
from ingest.parse import read_path
from ingest.readers import ReadResult

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ".pdf", ".docx", ".odt", ".rtf", ".json", ".jsonl",
            ".ndjson", ".xml", ".csv", ".tsv", ".xlsx", ".xls", ".ods", ".mht", ".mhtml", ".eml",
            ".zip", ".ics", ".yaml", ".yml", ".epub"}  # packages, invitations, YAML data, e-books (by content)
log = logging.getLogger("referat.ingest")
# a folder's own documentation ("README.md", "SOURCES.md", "LICENSE.txt"): read only when named explicitly
_DOCS = re.compile(r"^(?:readme|license|licence|changelog|changes|contributing|sources|notice|authors)\b", re.I)


@dataclass
class MeetingOutcome:
    """One meeting of a file of several."""

    meeting_id: str
    status: str  # added | replaced | unchanged | kept
    reader: str
    items: int


@dataclass
class FileOutcome:
    path: str
    status: str  # added | replaced | unchanged | kept | skipped | failed
    meeting_id: str = ""  # of a file of several meetings: the first
    reader: str = ""
    items: int = 0  # of a file of several meetings: all of them
    warnings: list[str] = field(default_factory=list)
    reason: str = ""
    meetings: list[MeetingOutcome] = field(default_factory=list)  # each meeting, when the file holds several

    def line(self) -> str:
        if self.status in {"failed", "skipped"}:
            return f"{self.status:<10} {self.path}: {self.reason}"
        extra = f" ({'; '.join(self.warnings)})" if self.warnings else ""
        if len(self.meetings) > 1:
            each = "; ".join(f"{m.meeting_id} [{m.reader}, {m.items} items, {m.status}]" for m in self.meetings)
            return f"{self.status:<10} {self.path} -> {len(self.meetings)} meetings: {each}{extra}"
        return f"{self.status:<10} {self.path} -> {self.meeting_id} [{self.reader}, {self.items} items]{extra}"


STRENGTH = ("replaced", "added", "kept", "unchanged")  # a file of several meetings: the first of these any has


def file_status(statuses: list[str]) -> str:
    """The status of a file of several meetings: "unchanged" only when every meeting is unchanged; else what
    changed most ("replaced" before "added" before "kept")."""
    return next((s for s in STRENGTH if s in statuses), statuses[0])


def expand(paths: Iterable[str | Path], on_skip: Callable[[Path, str], None] | None = None) -> Iterator[Path]:
    """Files as given; folders walked recursively for known suffixes (or content, ``_by_content``), in sorted
    order. A file a folder holds under another suffix is skipped and reported (``on_skip(path, reason)``, by
    default a logged warning); hidden files and folders (".DS_Store", ".git/") are skipped quietly."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for p in sorted(p for p in path.rglob("*") if p.is_file()):
                if p.suffix.lower() in SUFFIXES and _DOCS.match(p.stem):
                    (on_skip or _log_skip)(p, "the folder's documentation, not minutes; not read")
                elif p.suffix.lower() in SUFFIXES:
                    yield p
                elif any(part.startswith(".") for part in p.relative_to(path).parts):
                    continue
                elif _by_content(p):  # another suffix, but content a reader knows (a flat .fodt document)
                    yield p
                else:
                    (on_skip or _log_skip)(p, f"unknown file type {p.suffix.lower() or '(no extension)'!r}; not read")
        else:
            yield path


def _log_skip(path: Path, reason: str) -> None:
    log.warning("skipped    %s: %s", path, reason)


def _by_content(path: Path) -> bool:
    """A file whose suffix says nothing but whose first bytes are a format read by content: a word-processing
    document saved as one XML file (a flat OpenDocument text, a Flat OPC Word package)."""
    from ingest.flatopc import is_office_text_xml
    from ingest.readers.mbox import is_mbox  # a mail archive: "From " separator lines, then a mail's headers

    try:
        with path.open("rb") as f:
            head = f.read(16384)
    except OSError:
        return False
    return is_office_text_xml(head) or is_mbox(head)


def ingest_one(indexer: Indexer, path: Path, report: IngestReport, municipality: str | None = None) -> FileOutcome:
    try:
        result = read_path(path, municipality)
    except NotMinutes as exc:  # a question set or a README beside the minutes: nothing to store, nothing wrong
        return FileOutcome(str(path), "skipped", reason=exc.reason)
    except IngestError as exc:
        report.failed.append((str(path), exc.reason))
        return FileOutcome(str(path), "failed", reason=exc.reason)
    except (ValueError, OSError, RecursionError) as exc:
        reason = f"{type(exc).__name__}: {exc}"
        report.failed.append((str(path), reason))
        return FileOutcome(str(path), "failed", reason=reason)
    meeting = result.meeting
    out = FileOutcome(str(path), "", meeting.id, result.reader, len(meeting.items), result.warnings)
    if len(result.meetings) > 1:
        out.meetings = add_meetings(indexer, result, report)
        out.status = file_status([m.status for m in out.meetings])
        out.items = sum(m.items for m in out.meetings)
        out.warnings = [*out.warnings, *(f"a newer publication of {m.meeting_id} is stored"
                                         for m in out.meetings if m.status == "kept")]
        return out
    out.status = indexer.add(meeting, report)  # the newer-publication check runs under the meeting's lock
    if out.status == "kept":
        out.warnings = [*out.warnings, "a newer publication of this meeting is stored"]
    return out


def add_meetings(indexer: Indexer, result: ReadResult, report: IngestReport) -> list[MeetingOutcome]:
    """Every meeting of a read file stored on its own, by its own id under its own lock (``Indexer.add``): one
    meeting's ingest never replaces or deletes another's items. For any caller holding a ``ReadResult`` (the
    upload endpoint too), so a file of several meetings never stores only its first."""
    return [MeetingOutcome(meeting.id, indexer.add(meeting, report), reader, len(meeting.items))
            for meeting, reader in zip(result.meetings, result.readers, strict=True)]


def ingest_paths(indexer: Indexer, paths: Iterable[str | Path], municipality: str | None = None,
                 on_file: Callable[[Path], None] | None = None,
                 on_outcome: Callable[[FileOutcome], None] | None = None) -> IngestReport:
    report = IngestReport()
    try:
        for path in expand(paths):
            if on_file:
                on_file(path)
            try:
                outcome = ingest_one(indexer, path, report, municipality)
            except ReferatError:
                raise
            if on_outcome:
                on_outcome(outcome)
    finally:
        indexer.finish()
    return report
