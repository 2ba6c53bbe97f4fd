"""One sync run of one source: list, fetch what is new or changed, ingest it, record what was seen.

For every document the portal lists:
* known and still stored -> a conditional GET (ETag / Last-Modified; a folder: mtime and size); "not
  modified" or the same content hash ends it there, with no parsing and no ingest work;
* new or changed -> read by the same readers as ``referat ingest`` (``parse_bytes``) and ingested; ingest
  replaces a meeting by its id, and a newer publication of a meeting wins (``Meeting.published``);
* failing (HTTP error after retries, a timeout, malformed JSON, not a meeting) -> reported, the run goes on,
  and the stored meeting (if any) stays as it was.
A document the listing no longer shows is reported as removed from the portal; its meeting is not deleted.
A document of several meetings (a JSON list of meeting records) ingests each by its own id and remembers all of them.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from core.errors import IngestError, ReferatError, StoreError
from core.model import fold
from ingest.index import Indexer, IngestReport
from ingest.parse import parse_bytes
from ingest.pipeline import file_status
from ingest.readers import ReadResult
from ingest.sync.config import SourceConfig
from ingest.sync.http import Fetcher, FetchError, Response
from ingest.sync.state import DocState, SyncState, now

log = logging.getLogger("referat.sync")
_RUNNING = threading.Lock()  # one sync at a time in a process (the CLI, or serve's background loop)


class PortalError(ReferatError):
    """A portal's listing could not be read (not the shape this portal kind has)."""


@dataclass
class Entry:
    """One meeting document as a listing shows it."""

    key: str  # stable within the source: the portal's meeting id, the page's URL, the file's relative path
    url: str  # where to fetch it (a URL, or a file in a folder)
    path: str  # the name the readers see (its suffix hints the format; eDoc folders carry the publication time)
    label: str = ""  # for people: committee and date as the listing prints them
    scope: str = ""  # the part of the listing it came from (a year's page, a zip archive)
    committee: str | None = None  # when the listing states them, used to skip unwanted meetings before fetching
    day: date | None = None


@dataclass
class Listing:
    entries: list[Entry]
    scopes: set[str] | None = None  # parts listed completely (removal is judged only inside them); None: all
    errors: list[str] = field(default_factory=list)


class Portal(Protocol):
    def listing(self) -> Listing: ...

    def fetch(self, entry: Entry, known: DocState | None) -> Response:
        """The document; a conditional request when ``known`` holds validators (304: not modified)."""
        ...


def make_portal(source: SourceConfig, fetcher: Fetcher) -> Portal:
    if source.kind == "agenda-api":
        from ingest.sync.agenda_api import AgendaApi

        return AgendaApi(source, fetcher)
    if source.kind == "firstagenda-site":
        from ingest.sync.firstagenda_site import FirstAgendaSite

        return FirstAgendaSite(source, fetcher)
    from ingest.sync.folder import PublicationFolder

    return PublicationFolder(source)


def wanted(source: SourceConfig, committee: str | None, day: date | None) -> bool:
    """The source's committees (a name containing one of them, case- and accent-insensitive) and years."""
    if committee is not None and source.committees:
        if not any(fold(c) in fold(committee) for c in source.committees):
            return False
    return not (day is not None and source.years and day.year not in source.years)


STATUSES = ("added", "replaced", "unchanged", "kept", "not_modified", "same_content", "skipped", "failed",
            "removed")


@dataclass
class SyncRun:
    source: str
    municipality: str | None = None
    listed: int = 0  # documents the listing showed
    checked: int = 0  # of them, in the source's committees and years
    parsed: int = 0  # documents read by the readers (ingest work)
    counts: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    on_line: Callable[[str], None] | None = None

    @property
    def ok(self) -> bool:
        return not self.errors

    def say(self, line: str) -> None:
        self.lines.append(line)
        if self.on_line:
            self.on_line(line)

    def outcome(self, status: str, label: str, detail: str = "") -> None:
        self.counts[status] += 1
        if status in {"not_modified", "same_content"}:
            return  # the quiet case: said once, in the summary
        self.say(f"{self.source}: {status.replace('_', ' '):<10} {label}{' ' + detail if detail else ''}")

    def error(self, message: str) -> None:
        self.errors.append(message)
        self.say(f"{self.source}: error      {message}")

    def as_dict(self) -> dict[str, object]:
        return {"source": self.source, "municipality": self.municipality, "ok": self.ok, "listed": self.listed,
                "checked": self.checked, "parsed": self.parsed,
                "counts": {k: self.counts[k] for k in STATUSES if self.counts[k]}, "errors": self.errors,
                "summary": self.summary()}

    def summary(self) -> str:
        c = self.counts
        quiet = c["not_modified"] + c["same_content"]
        if not self.parsed and not c["removed"] and not self.errors and not c["failed"]:
            return (f"{self.source}: nothing new — {self.checked} meetings checked, {quiet} unchanged at the portal; "
                    "no ingest work")
        parts = [f"{c[k]} {k.replace('_', ' ')}" for k in ("added", "replaced", "unchanged", "kept", "skipped",
                                                              "failed", "removed") if c[k]]
        if quiet:
            parts.append(f"{quiet} unchanged at the portal")
        tail = f"; {len(self.errors)} error(s)" if self.errors else ""
        return f"{self.source}: {self.checked} meetings checked: " + (", ".join(parts) or "nothing to do") + tail


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Syncer:
    def __init__(self, indexer: Indexer, state: SyncState, fetcher: Fetcher, full: bool = False) -> None:
        self.indexer, self.state, self.fetcher, self.full = indexer, state, fetcher, full

    def run(self, source: SourceConfig, on_line: Callable[[str], None] | None = None) -> SyncRun:
        run = SyncRun(source.name, source.municipality, on_line=on_line)
        run_id = self.state.start_run(source.name, source.municipality)
        report = IngestReport()
        try:
            portal = make_portal(source, self.fetcher)
            try:
                listing = portal.listing()
            except (FetchError, PortalError) as exc:
                run.error(f"listing: {exc}; nothing changed in the store")
                return run
            for problem in listing.errors:
                run.error(f"listing: {problem}")
            self._documents(source, portal, listing, run, report)
        except StoreError as exc:  # every further document would fail the same way: stop, retry next run
            run.error(f"store unavailable, stopped this source ({exc}); the next run picks up from here")
        finally:
            if report.added or report.replaced:
                self.indexer.finish()
            self.state.finish_run(run_id, run.ok and not run.counts["failed"],
                                  {k: run.counts[k] for k in STATUSES if run.counts[k]},
                                  run.errors + [ln for ln in run.lines if " failed " in ln])
            run.say(run.summary())
        return run

    def _documents(self, source: SourceConfig, portal: Portal, listing: Listing, run: SyncRun,
                   report: IngestReport) -> None:
        known = self.state.docs(source.name)
        entries = list({e.key: e for e in reversed(listing.entries)}.values())[::-1]  # one per key, in order
        run.listed = len(entries)
        for entry in entries:
            if not wanted(source, entry.committee, entry.day):
                continue
            run.checked += 1
            try:
                self._one(source, portal, entry, known.get(entry.key), run, report)
            except StoreError:
                raise
            except Exception as exc:  # a bug or a surprise in one document must not cost the others
                log.exception("sync %s: %s", source.name, entry.key)
                run.outcome("failed", entry.label or entry.key, f"({type(exc).__name__}: {exc})")
        self._removed(listing, entries, known, run)

    def _one(self, source: SourceConfig, portal: Portal, entry: Entry, known: DocState | None, run: SyncRun,
             report: IngestReport) -> None:
        stored = known is not None and all(self.indexer.catalog.version_of(mid) is not None
                                           for mid in meeting_ids(known))
        base = known if (known is not None and stored and not self.full) else None
        doc = known or DocState(source.name, entry.key, entry.url)
        doc.url, doc.label, doc.scope, doc.seen_at, doc.removed_at = entry.url, entry.label, entry.scope, now(), None
        label = entry.label or entry.key
        try:
            got = portal.fetch(entry, base)
        except FetchError as exc:  # the stored meeting (if any) and the validators stay: the next run tries again
            doc.error = str(exc)
            self.state.put(doc)
            run.outcome("failed", label, f"({exc})")
            return
        if got.not_modified or (base is not None and base.sha256 == sha256(got.data)):
            doc.etag, doc.last_modified = got.etag or doc.etag, got.last_modified or doc.last_modified
            if doc.status == "failed":  # the same document that failed to read before: no point reading it again
                self.state.put(doc)
                run.outcome("failed", label, f"(unchanged since it failed: {doc.error})")
                return
            doc.error = None
            self.state.put(doc)
            run.outcome("not_modified" if got.not_modified else "same_content", label)
            return
        self._read_and_ingest(source, entry, got, doc, known, run, report)

    def _read_and_ingest(self, source: SourceConfig, entry: Entry, got: Response, doc: DocState,
                         known: DocState | None, run: SyncRun, report: IngestReport) -> None:
        label = entry.label or entry.key
        doc.sha256, doc.etag, doc.last_modified = sha256(got.data), got.etag, got.last_modified
        run.parsed += 1
        reason = ""
        try:
            result = parse_bytes(got.data, entry.path, source.municipality)
            if result.reader == "fulltext":
                why = result.warnings[0] if result.warnings else "an error page?"
                reason = f"not a meeting document any reader recognises ({why})"
        except IngestError as exc:
            reason = exc.reason
        except (ValueError, OSError, RecursionError) as exc:
            reason = f"{type(exc).__name__}: {exc}"
        if reason:
            doc.status, doc.error = "failed", reason
            self.state.put(doc)
            kept = f"; {doc.meeting_id} stays as stored" if doc.meeting_id else ""
            run.outcome("failed", label, f"({reason}{kept})")
            return
        if len(result.meetings) > 1:
            self._ingest_several(source, result, doc, known, run, report, label)
            return
        meeting = result.meeting
        if not wanted(source, meeting.committee, meeting.date):
            doc.status, doc.error, doc.meeting_id = "skipped", None, None
            self.state.put(doc)
            run.outcome("skipped", label, f"({meeting.committee} {meeting.date}: not in this source's "
                                          "committees/years)")
            return
        # ingest replaces the meeting by its id; it keeps a newer publication already stored ("kept").
        # A StoreError ends the source here, and this document is read again next run.
        status = self.indexer.add(meeting, report)
        detail = ("(a newer publication of this meeting is stored)" if status == "kept"
                  else f"-> {meeting.id} [{result.reader}, {len(meeting.items)} items]")
        if known is not None and known.meeting_id and known.meeting_id != meeting.id:
            detail += f" (was {known.meeting_id}, which stays stored)"
        doc.status, doc.error, doc.meeting_id, doc.changed_at = status, None, meeting.id, now()
        self.state.put(doc)
        run.outcome(status, label, detail)

    def _ingest_several(self, source: SourceConfig, result: ReadResult, doc: DocState, known: DocState | None,
                        run: SyncRun, report: IngestReport, label: str) -> None:
        """A document of several meetings (a JSON list of meeting records): each wanted meeting ingested by its own
        id, so none replaces or deletes another's items; the document remembers all their ids (``meeting_ids``)
        and gets one line naming each, its status the strongest of theirs (``file_status``)."""
        keep = [(m, r) for m, r in zip(result.meetings, result.readers, strict=True)
                if wanted(source, m.committee, m.date)]
        skipped = [f"{m.committee} {m.date}" for m in result.meetings if not wanted(source, m.committee, m.date)]
        if not keep:
            doc.status, doc.error, doc.meeting_id = "skipped", None, None
            self.state.put(doc)
            run.outcome("skipped", label, f"({', '.join(skipped)}: not in this source's committees/years)")
            return
        parts: list[tuple[str, str]] = []
        for meeting, reader in keep:  # a StoreError ends the source; the document is read again next run
            status = self.indexer.add(meeting, report)
            note = "a newer publication is stored" if status == "kept" else f"{len(meeting.items)} items"
            parts.append((status, f"{meeting.id} [{reader}, {note}, {status}]"))
        ids = [m.id for m, _ in keep]
        detail = f"-> {len(keep)} meetings: " + "; ".join(p for _, p in parts)
        if skipped:
            detail += f" ({', '.join(skipped)}: not in this source's committees/years)"
        was = [mid for mid in meeting_ids(known) if mid not in ids]
        if was:
            detail += f" (was {' '.join(was)}, which stays stored)"
        status = file_status([s for s, _ in parts])
        doc.status, doc.error, doc.meeting_id, doc.changed_at = status, None, " ".join(ids), now()
        self.state.put(doc)
        run.outcome(status, label, detail)

    def _removed(self, listing: Listing, entries: list[Entry], known: dict[str, DocState], run: SyncRun) -> None:
        listed = {e.key for e in entries}
        gone = [d for k, d in known.items() if k not in listed and not d.removed_at
                and (listing.scopes is None or d.scope in listing.scopes)]
        if not gone:
            return
        if not entries:
            run.error(f"the portal listed no meetings at all; not treating the {len(gone)} known ones as removed")
            return
        for doc in gone:
            doc.removed_at = now()
            self.state.put(doc)
            stored = f"{doc.meeting_id}, kept in the store" if doc.meeting_id else "never stored"
            run.counts["removed"] += 1
            run.say(f"{run.source}: removed from portal: {doc.label or doc.doc_key} ({stored})")


def meeting_ids(doc: DocState | None) -> list[str]:
    """The meetings a document became: one id, or of a document of several meetings their ids separated by
    spaces (``DocState.meeting_id``; a meeting id holds no space)."""
    return doc.meeting_id.split() if doc is not None and doc.meeting_id else []


def sync_sources(indexer: Indexer, state: SyncState, sources: Iterable[SourceConfig], fetcher: Fetcher,
                 full: bool = False, on_line: Callable[[str], None] | None = None) -> list[SyncRun]:
    """Sync each source in turn (one run at a time per process); a failing source does not stop the others."""
    syncer = Syncer(indexer, state, fetcher, full)
    with _RUNNING:
        return [syncer.run(source, on_line) for source in sources]


class SyncLoop:
    """Runs ``job`` now and then every ``every`` seconds in a daemon thread, until ``stop()``."""

    def __init__(self, job: Callable[[], object], every: float) -> None:
        self.job, self.every = job, every
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._loop, name="referat-sync", daemon=True)

    def start(self) -> SyncLoop:
        self.thread.start()
        return self

    def stop(self, wait: float | None = None) -> None:
        self.stopped.set()
        if wait is not None and self.thread.is_alive():
            self.thread.join(wait)

    def _loop(self) -> None:
        while not self.stopped.is_set():
            try:
                self.job()
            except Exception:  # a bad sources.toml or an unexpected bug must not end the loop (or the server)
                log.exception("sync failed")
            if self.stopped.wait(self.every):
                return
