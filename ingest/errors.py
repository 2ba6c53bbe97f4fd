"""Domain exceptions. Raised inside; translated at the edge (CLI, API, Slack)."""

from __future__ import annotations


class ReferatError(Exception):
    """Base of every error Referat raises on purpose."""


class IngestError(ReferatError):
    """A file could not be read or parsed. The message names the file and the reason."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class StoreError(ReferatError):
    """The store (Chroma or the BM25 side index) could not be used."""


class StoreUnavailable(StoreError):
    """The store backend is not reachable (e.g. the Chroma server is down)."""


class NotFound(ReferatError):
    """A meeting or item id that does not exist."""
