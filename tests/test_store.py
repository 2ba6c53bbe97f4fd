"""The store: idempotent ingest, whole-meeting replacement, crash-safe versions, BM25 in step."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from assistant.container import Container
from ingest.chunk import chunk_item, count_tokens
from ingest.index import IngestReport, meeting_version
from ingest.parse import parse_file
from ingest.pipeline import ingest_paths
from tests.conftest import SEEDS

ESBJERG = next(s for s in SEEDS if s.name.startswith("003"))


def snapshot(container: Container) -> tuple:
    chunk_ids = sorted(cid for m in container.catalog.municipalities() for cid, _, _ in container.catalog.chunks(m))
    return container.catalog.counts(), container.vectors.count(), chunk_ids


def test_chunks_never_cross_items_and_respect_token_limit() -> None:
    m = parse_file(ESBJERG)
    for item in m.items:
        for chunk in chunk_item(m, item, max_tokens=120, overlap=20):
            assert chunk.item_id == m.item_id(item)
            assert count_tokens(chunk.text) <= 120
            assert chunk.text.startswith("Esbjerg Kommune · Social & Arbejdsmarkedsudvalget · 2024-01-16 · Punkt ")


def test_ingest_twice_gives_the_same_store(container: Container) -> None:
    ingest_paths(container.indexer, SEEDS)
    first = snapshot(container)
    report = ingest_paths(container.indexer, SEEDS)
    assert len(report.unchanged) == len(SEEDS) and not report.added
    assert snapshot(container) == first
    assert first[0]["items"] == 49 and first[1] == first[0]["chunks"]


def test_corrected_meeting_replaces_old_and_removed_items_disappear(container: Container, tmp_path: Path) -> None:
    ingest_paths(container.indexer, [ESBJERG])
    text = ESBJERG.read_text(encoding="utf-8")
    cut = text.index("Punkt 8: Information")
    corrected = tmp_path / "esbjerg_v2.txt"
    corrected.write_text(text[:cut].replace("Indstillingen er godkendt ved stemmeflertal.",
                                            "Indstillingen er forkastet."), encoding="utf-8")
    report = ingest_paths(container.indexer, [corrected])
    assert len(report.replaced) == 1
    mid = parse_file(ESBJERG).id
    meeting = container.catalog.meeting(mid)
    assert meeting is not None
    assert len(meeting.items) == 7
    assert meeting.items[4].decisions[0].outcome == "rejected"
    assert container.catalog.item(f"{mid}--009") is None
    assert container.vectors.count() == container.catalog.counts()["chunks"]
    versions = {m["version"] for _, m in container.vectors.get({"municipality": "Esbjerg"}, metadatas=True) if m}
    assert versions == {container.catalog.version_of(mid)}


def test_crash_between_vectors_and_catalog_keeps_old_version_live(
        container: Container, monkeypatch: pytest.MonkeyPatch) -> None:
    ingest_paths(container.indexer, [ESBJERG])
    before = snapshot(container)
    m = parse_file(ESBJERG)
    m.items[4].decisions[0].text = "Ændret tekst."

    def boom(*args: Any, **kwargs: Any) -> None:
        raise KeyboardInterrupt("killed")

    monkeypatch.setattr(container.catalog, "replace_meeting", boom)
    with pytest.raises(KeyboardInterrupt):
        container.indexer.add(m, IngestReport())
    monkeypatch.undo()
    # orphan vectors of the new version exist, but retrieval only sees the live version
    assert container.catalog.counts() == before[0]
    from assistant.query import understand

    hits = container.retriever.retrieve(understand("Helhedsplan Esbjerg afstemning"), 5).hits
    assert all("Ændret" not in h.row["text"] for h in hits)
    # a re-run completes and cleans up
    container.indexer.add(m, IngestReport())
    assert container.catalog.version_of(m.id) == meeting_version(m)
    assert container.vectors.count() == container.catalog.counts()["chunks"]


def test_bm25_follows_catalog(container: Container) -> None:
    ingest_paths(container.indexer, SEEDS)
    hits = container.lexical.search("Kalaparken", ["Esbjerg"], 5)
    assert hits and hits[0][0].startswith("esbjerg_")
    mid = parse_file(ESBJERG).id
    assert container.indexer.delete(mid)
    assert container.lexical.search("Kalaparken", ["Esbjerg"], 5) == []
    assert container.catalog.meeting(mid) is None
    assert not container.indexer.delete(mid)
