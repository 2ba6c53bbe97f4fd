"""The store: idempotent ingest, whole-meeting replacement, crash-safe versions, BM25 in step; the shared state
(catalog, conversations, sync state, write lock) on SQLite and on a real PostgreSQL server alike."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.container import Container
from assistant.settings import Settings
from ingest.chunk import chunk_item, count_tokens
from ingest.index import IngestReport, meeting_version
from ingest.parse import parse_file
from ingest.pipeline import ingest_paths
from ingest.sync.state import DocState, SyncState
from store.catalog import Catalog
from store.conversations import ConversationStore
from store.db import Database, open_database
from tests.conftest import ROOT, SEEDS
from tests.helpers import until

ESBJERG = next(s for s in SEEDS if s.name.startswith("003"))
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.slow)]


@pytest.fixture(params=BACKENDS)
def container(request: pytest.FixtureRequest, settings: Settings) -> Iterator[Container]:
    """The store tests run on the SQLite catalog and on PostgreSQL (skipped when no server can be started)."""
    url = request.getfixturevalue("pg_url") if request.param == "postgres" else ""
    c = Container(settings.model_copy(update={"database_url": url}))
    yield c
    c.close()


@pytest.fixture(params=BACKENDS)
def where(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, Path]:
    """(database URL, SQLite file): open_database(*where) opens the same database again, as another process would."""
    return (request.getfixturevalue("pg_url") if request.param == "postgres" else ""), tmp_path / "shared.sqlite"


@pytest.fixture
def db(where: tuple[str, Path]) -> Iterator[Database]:
    database = open_database(*where)
    yield database
    database.close()


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
    assert all("Ændret" not in h.item.text for h in hits)
    # a re-run completes and cleans up
    container.indexer.add(m, IngestReport())
    assert container.catalog.version_of(m.id) == meeting_version(m)
    assert container.vectors.count() == container.catalog.counts()["chunks"]


def test_replace_is_one_transaction_others_never_see_half(container: Container,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    ingest_paths(container.indexer, [ESBJERG])
    m = parse_file(ESBJERG)
    old, before = container.catalog.version_of(m.id), container.catalog.counts()
    m.items = m.items[:3]  # a correction that drops items
    seen: list[tuple[str | None, dict[str, int]]] = []
    reader = Catalog(open_database(container.settings.database_url, container.settings.data_dir / "catalog.sqlite"))

    def at_point(name: str, amount: int = 1) -> None:
        if name == "before_catalog_commit":  # the transaction is open: another connection still sees the old one
            seen.append((reader.version_of(m.id), reader.counts()))
            raise KeyboardInterrupt("killed before the commit")

    monkeypatch.setattr("store.catalog.fault_point", at_point)
    with pytest.raises(KeyboardInterrupt):
        container.indexer.add(m, IngestReport())
    assert seen == [(old, before)]
    assert container.catalog.version_of(m.id) == old and container.catalog.counts() == before  # rolled back
    monkeypatch.undo()
    container.indexer.add(m, IngestReport())
    assert reader.version_of(m.id) == meeting_version(m) and len(reader.item_rows(meeting_id=m.id)) == 3
    reader.db.close()


def test_bm25_follows_catalog(container: Container) -> None:
    ingest_paths(container.indexer, SEEDS)
    hits = container.lexical.search("Kalaparken", ["Esbjerg"], 5)
    assert hits and hits[0][0].startswith("esbjerg_")
    mid = parse_file(ESBJERG).id
    assert container.indexer.delete(mid)
    assert container.lexical.search("Kalaparken", ["Esbjerg"], 5) == []
    assert container.catalog.meeting(mid) is None
    assert not container.indexer.delete(mid)


def test_bm25_of_another_replica_follows_the_shared_catalog(settings: Settings, pg_url: str, tmp_path: Path) -> None:
    """Two containers (own data dirs, own BM25 copies) over one database: each rebuilds when the stamp moves."""
    container = Container(settings.model_copy(update={"database_url": pg_url}))
    other = Container(container.settings.model_copy(update={"data_dir": tmp_path / "replica-b"}))
    try:
        assert other.lexical.search("Kalaparken", ["Esbjerg"], 5) == []
        ingest_paths(container.indexer, [ESBJERG])
        assert other.lexical.search("Kalaparken", ["Esbjerg"], 5)
        assert container.indexer.delete(parse_file(ESBJERG).id)
        assert other.lexical.search("Kalaparken", ["Esbjerg"], 5) == []
    finally:
        other.close()
        container.close()


def test_conversations_feedback_and_sync_state(db: Database, where: tuple[str, Path]) -> None:
    store = ConversationStore(db, limit=2)
    store.save("c1", "web:a", [{"q": "første"}])
    store.save("c1", "web:b", [{"q": "kapret"}])  # another owner cannot overwrite it
    store.save("c2", "web:a", [{"q": "anden"}])
    again = open_database(*where)  # another process (replica) reading the same database
    try:
        assert ConversationStore(again).load("c1", "web:a") == [{"q": "første"}]
        assert ConversationStore(again).load("c1", "web:b") is None
        store.save("c3", "web:a", [{"q": "tredje"}])
        assert len(store) == 2 and store.load("c1", "web:a") is None  # the least recently used went
        assert store.latest("web:a") == "c3"
        Catalog(db).add_feedback("api", "u1", "spørgsmål", "svar", True)
        state = SyncState(db)
        state.put(DocState("greve", "d1", "https://x/1", etag="e1"))
        state.put(DocState("greve", "d1", "https://x/1", etag="e2", status="added"))
        run = state.start_run("greve", "Greve")
        state.finish_run(run, True, {"added": 1}, [])
        other = SyncState(again)
        assert other.docs("greve")["d1"].etag == "e2"
        last = other.last_runs()["greve"]
        assert last["ok"] and last["counts"] == {"added": 1} and last["last_ok_at"] == last["finished_at"]
        assert state.start_run("greve", "Greve") > run
    finally:
        again.close()


HOLDER = """
import sys
from pathlib import Path
from store.catalog import Catalog
from store.db import open_database
catalog = Catalog(open_database(sys.argv[1], Path(sys.argv[2])))
with catalog.meeting_lock("m1"):
    print("held", flush=True)
    sys.stdin.read()
"""


def test_meeting_lock_spans_processes_and_dies_with_its_holder(where: tuple[str, Path]) -> None:
    mine = Catalog(open_database(*where))
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, *map(str, where)], cwd=ROOT, text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(TimeoutError), mine.meeting_lock("m1", wait=0):
            pass
        with mine.meeting_lock("m2", wait=0):  # another meeting is free
            pass
        holder.kill()  # SIGKILL: no clean-up runs in the holder
        holder.wait()

        def free() -> bool:
            try:
                with mine.meeting_lock("m1", wait=0):
                    return True
            except TimeoutError:
                return False

        assert until(free, timeout=120)
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
        mine.db.close()


def test_replicas_creating_the_schema_at_once_do_not_collide(pg_url: str, tmp_path: Path) -> None:
    start, errors = threading.Barrier(4), []

    def create() -> None:
        database = open_database(pg_url, tmp_path / "unused.sqlite")
        try:
            start.wait()
            Catalog(database)
            ConversationStore(database)
            SyncState(database)
        except Exception as exc:  # collected: the test fails naming it
            errors.append(exc)
        finally:
            database.close()

    threads = [threading.Thread(target=create) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_the_collection_searches_wide_enough_and_old_ones_are_widened(tmp_path: Path) -> None:
    from store.vectors import COLLECTION, EF_SEARCH, VectorStore

    made_before = (  # a collection made with Chroma's defaults, in another process (as an older Referat did)
        "import chromadb, sys; c = chromadb.PersistentClient(sys.argv[1]); "
        "col = c.get_or_create_collection(sys.argv[2], embedding_function=None, "
        "configuration={'hnsw': {'space': 'cosine'}}); print(col.configuration['hnsw']['ef_search'])")
    out = subprocess.run([sys.executable, "-c", made_before, str(tmp_path / "chroma"), COLLECTION],
                         capture_output=True, text=True, check=True)
    assert int(out.stdout.strip()) < EF_SEARCH
    store = VectorStore(path=tmp_path / "chroma")
    assert store.collection().configuration["hnsw"]["ef_search"] >= EF_SEARCH
    assert store.collection().configuration["hnsw"]["space"] == "cosine"
