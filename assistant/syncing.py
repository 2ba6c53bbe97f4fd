"""Glue between the settings and ``ingest.sync``: one sync run over the configured sources (``referat sync``),
the background loop of ``referat serve --sync-every``, and the last runs for ``/health``."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from assistant.container import Container
from ingest.sync.config import SourcesFile, load_sources
from ingest.sync.core import SyncLoop, SyncRun, sync_sources
from ingest.sync.http import Fetcher, user_agent
from ingest.sync.state import SyncState
from store.catalog import Catalog


def fetcher_for(container: Container, sources: SourcesFile,
                sleep: Callable[[float], None] = time.sleep) -> Fetcher:
    s = container.settings
    return Fetcher(user_agent(sources.contact or s.sync_contact), timeout=s.sync_timeout, delay=s.sync_delay,
                   attempts=s.sync_attempts, sleep=sleep)


def run_sync(container: Container, names: list[str] | None = None, full: bool = False,
             on_line: Callable[[str], None] | None = None, sources_path: Path | None = None,
             sleep: Callable[[float], None] = time.sleep) -> list[SyncRun]:
    """Sync the named sources (default: all) of sources.toml into the container's store."""
    sources = load_sources(sources_path or container.settings.sources)
    picked = sources.pick(names)
    fetcher = fetcher_for(container, sources, sleep)
    try:
        return sync_sources(container.indexer, SyncState(container.catalog.db), picked, fetcher, full, on_line)
    finally:
        fetcher.close()


def start_sync_loop(container: Container, every: float, sources_path: Path | None = None) -> SyncLoop:
    """Sync every ``every`` seconds in a daemon thread (sources.toml is read again each time)."""
    log = logging.getLogger("referat.sync")
    return SyncLoop(lambda: run_sync(container, on_line=log.info, sources_path=sources_path), every).start()


def sync_health(catalog: Catalog) -> dict[str, Any]:
    """The last run of each source: when, counts, errors, and when it last synced cleanly."""
    return SyncState(catalog.db).last_runs()
