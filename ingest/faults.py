"""Fault injection for crash tests: ``REFERAT_FAULT=POINT[:N]`` makes the process SIGKILL itself at POINT.

Points, in the order one meeting passes them:
  after_parse            a file has been parsed and handed to the indexer (nothing of it written yet)
  after_embed            chunks have been embedded (N counts chunks, not meetings)
  before_catalog_commit  new vectors written, the catalog transaction open but not committed
  after_commit           the catalog switched to the new version, stale vectors not yet deleted
The process dies the first time the point's running count in this process reaches N (default 1).
Unset (the normal case), ``fault_point`` does nothing.
"""

from __future__ import annotations

import os
import signal
from collections import Counter

ENV = "REFERAT_FAULT"
POINTS = ("after_parse", "after_embed", "before_catalog_commit", "after_commit")
_seen: Counter[str] = Counter()


def fault_point(name: str, amount: int = 1) -> None:
    """Count ``amount`` at point ``name``; SIGKILL this process if $REFERAT_FAULT says to die here."""
    spec = os.environ.get(ENV)
    if not spec:
        return
    point, _, n = spec.partition(":")
    if point != name:
        return
    _seen[name] += amount
    if _seen[name] >= int(n or 1):
        os.kill(os.getpid(), signal.SIGKILL)
