"""`referat migrate`: a store written with the old layout (one Chroma collection per municipality) is moved
into the one national collection; afterwards `referat check` is clean and questions are answered."""

from __future__ import annotations

from typer.testing import CliRunner

from assistant.container import Container
from assistant.settings import Settings, get_settings
from core.model import slug
from ingest.pipeline import ingest_paths
from store.vectors import LEGACY_PREFIX
from tests.conftest import SEEDS


def old_layout(c: Container) -> dict[str, int]:
    """Rewrite the store the way the old code wrote it: each municipality's vectors in its own collection
    (``referat-<slug>``, municipality in the collection metadata), no national collection."""
    client = c.vectors.client()
    per: dict[str, int] = {}
    got = c.vectors.collection().get(include=["embeddings", "documents", "metadatas"])
    for muni in sorted({m["municipality"] for m in got["metadatas"]}):
        keep = [i for i, m in enumerate(got["metadatas"]) if m["municipality"] == muni]
        col = client.get_or_create_collection(f"{LEGACY_PREFIX}{slug(muni)}"[:60], embedding_function=None,
                                              configuration={"hnsw": {"space": "cosine"}},
                                              metadata={"municipality": muni})
        col.add(ids=[got["ids"][i] for i in keep], embeddings=[got["embeddings"][i].tolist() for i in keep],
                documents=[got["documents"][i] for i in keep], metadatas=[got["metadatas"][i] for i in keep])
        per[muni] = len(keep)
    client.delete_collection(c.vectors.name)
    return per


def test_migrate_moves_old_collections_into_one_and_check_is_clean(settings: Settings) -> None:
    from assistant import cli

    built = Container(settings)
    ingest_paths(built.indexer, SEEDS)
    chunks = built.catalog.counts()["chunks"]
    per = old_layout(built)
    assert len(per) == 5 and sum(per.values()) == chunks
    runner = CliRunner()
    data = ["--data-dir", str(settings.data_dir)]
    env = {"REFERAT_EMBEDDER": "fake"}
    get_settings.cache_clear()
    try:
        before = runner.invoke(cli.app, ["check", *data], env=env)
        assert before.exit_code == 1 and "run `referat migrate`" in before.output, before.output
        moved = runner.invoke(cli.app, ["migrate", "--json", *data], env=env)
        assert moved.exit_code == 0, moved.output
        assert f'"vectors": {chunks}' in moved.output and "referat-esbjerg" in moved.output
        after = runner.invoke(cli.app, ["check", *data], env=env)
        assert after.exit_code == 0 and f"{chunks} chunks agree" in after.output, after.output
        again = runner.invoke(cli.app, ["migrate", *data], env=env)  # idempotent
        assert again.exit_code == 0 and "nothing to migrate" in again.output, again.output
    finally:
        get_settings.cache_clear()
    c = Container(settings)
    assert [col.name for col in c.vectors.client().list_collections()] == ["referat"]
    assert c.vectors.count() == chunks
    a = c.service.ask("Hvad besluttede Esbjerg om Prækvalifikation Helhedsplan 2025-2029?")
    assert a.citations and a.citations[0].item_number == "5", a.answer


def test_migrate_resumes_after_a_partial_copy(container: Container) -> None:
    """A crash after part of an old collection was copied (before it was dropped): the next run copies it
    again (upsert), drops it, and nothing is doubled or lost."""
    from store.migrate import migrate

    ingest_paths(container.indexer, SEEDS[:2])
    chunks = container.catalog.counts()["chunks"]
    old_layout(container)
    container.vectors._collection = None  # the national collection was dropped under it
    first = container.vectors.legacy_collections()[0]
    old = container.vectors.client().get_collection(first)
    part = old.get(include=["embeddings", "documents", "metadatas"], limit=3)
    container.vectors.add(part["ids"], part["embeddings"].tolist(), part["documents"], part["metadatas"])
    report = migrate(container.vectors, batch=4)
    assert report.vectors == chunks and container.vectors.count() == chunks
    assert container.vectors.legacy_collections() == []
    assert migrate(container.vectors).vectors == 0
