"""The structured readers, most specific first. Each module holds one format."""

from __future__ import annotations

from ingest.readers.base import Reader

READERS: list[Reader] = []
