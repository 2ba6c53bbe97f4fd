"""Fault injection for crash tests: ``REFERAT_FAULT=POINT[:N]`` makes the process SIGKILL itself at POINT.

Points, in the order one meeting passes them:
  after_parse            a file has been parsed and handed to the indexer (nothing of it written yet)
  after_embed            chunks have been embedded (N counts chunks, not meetings)
  before_catalog_commit  new vectors written, the catalog transaction open but not committed
  after_commit           the catalog switched to the new version, stale vectors not yet deleted
The process dies the first time the point's running count in this process reaches N (default 1).
``REFERAT_PAUSE=POINT=DIR`` instead pauses there: it creates ``DIR/POINT.reached`` and waits until
``DIR/POINT.go`` exists (a test drives a server by its progress, e.g. asks /health mid-ingest).
Unset (the normal case), ``fault_point`` does nothing.
"""

from __future__ import annotations

import os
import signal
import time
from collections import Counter
from pathlib import Path

ENV = "REFERAT_FAULT"
PAUSE = "REFERAT_PAUSE"
POINTS = ("after_parse", "after_embed", "before_catalog_commit", "after_commit")
_seen: Counter[str] = Counter()


def fault_point(name: str, amount: int = 1) -> None:
    """Count ``amount`` at point ``name``; SIGKILL this process if $REFERAT_FAULT says to die here."""
    pause = os.environ.get(PAUSE)
    if pause:
        point, _, folder = pause.partition("=")
        if point == name and folder:
            (Path(folder) / f"{name}.reached").touch()
            while not (Path(folder) / f"{name}.go").exists():
                time.sleep(0.02)
    spec = os.environ.get(ENV)
    if not spec:
        return
    point, _, n = spec.partition(":")
    if point != name:
        return
    _seen[name] += amount
    if _seen[name] >= int(n or 1):
        os.kill(os.getpid(), signal.SIGKILL)
