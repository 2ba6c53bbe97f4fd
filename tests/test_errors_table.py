"""One table per edge: every domain error (core/errors.py) has an HTTP status
and an exit code, checked through a real request to the app and a real `referat` command."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import core.errors
from assistant import cli
from assistant.api import create_app
from assistant.routes.errors import ERRORS
from assistant.settings import Settings, get_settings
from core.errors import (
    Gone,
    IngestError,
    NotFound,
    NotMinutes,
    QuestionError,
    ReferatError,
    StoreError,
    StoreUnavailable,
    TooLarge,
)
from ingest.sync.config import SourcesError

CORE: list[type[ReferatError]] = [cls for _, cls in inspect.getmembers(core.errors, inspect.isclass)
                                   if issubclass(cls, ReferatError) and cls.__module__ == "core.errors"]
DOMAIN: list[type[ReferatError]] = CORE
STATUS = {ReferatError: 500, IngestError: 400, TooLarge: 413, NotMinutes: 422, StoreError: 500, StoreUnavailable: 503,
          NotFound: 404, Gone: 410, QuestionError: 422}
EXIT = {ReferatError: 1, IngestError: 1, TooLarge: 1, NotMinutes: 1, StoreError: 2, StoreUnavailable: 2, NotFound: 1,
        Gone: 1, QuestionError: 1, SourcesError: 2}


def make(cls: type[ReferatError]) -> ReferatError:
    if cls is Gone:
        return Gone("esbjerg_2024-01-16", "the item went with a correction")
    if issubclass(cls, IngestError):
        return cls("minutes.pdf", "unreadable")
    return cls("something failed at /srv/secret/path")


class Raising:
    """Stands in for the catalog, the indexer and the container: every call raises ``error``."""

    def __init__(self, error: Exception) -> None:
        self.error = error
        self.catalog = self.indexer = self

    def preload(self) -> None:
        pass

    def __getattr__(self, name: str) -> Any:
        def fail(*args: object, **kwargs: object) -> Any:
            raise self.error
        return fail


@pytest.fixture
def app_raising(tmp_path: Path) -> Iterator[Any]:
    settings = Settings(data_dir=tmp_path / "data", embedder="fake", public_url=None)

    def client(error: Exception) -> TestClient:
        return TestClient(create_app(settings, Raising(error)))  # type: ignore[arg-type]  # a stand-in container
    yield client


def test_every_domain_error_is_in_the_tables() -> None:
    assert set(CORE) >= {ReferatError, IngestError, TooLarge, NotMinutes, StoreError, StoreUnavailable, NotFound, Gone}
    assert set(DOMAIN) <= set(ERRORS), set(DOMAIN) - set(ERRORS)
    assert set(DOMAIN) <= set(STATUS) and set(DOMAIN) <= set(EXIT)  # a new error class: decide its status here
    assert {cls: status for cls, (status, _) in ERRORS.items()} == STATUS


@pytest.mark.parametrize("cls", DOMAIN, ids=lambda c: c.__name__)
def test_domain_error_status_through_the_app(app_raising: Any, cls: type[ReferatError]) -> None:
    error = make(cls)
    with app_raising(error) as client:
        r = client.get("/meetings")
    assert r.status_code == STATUS[cls], r.text
    body = r.json()
    assert body["code"] == ERRORS[cls][1]
    if cls is StoreUnavailable:
        assert "unavailable" in body["detail"] and "/srv/secret" in body["detail"]
    elif r.status_code >= 500:  # logged, never echoed
        assert "/srv/secret" not in body["detail"]
    else:
        assert body["detail"] == str(error)
    if cls is Gone:
        assert body["meeting_url"] == "http://testserver/meetings/esbjerg_2024-01-16/page"
        assert r.headers["link"] == '<http://testserver/meetings/esbjerg_2024-01-16/page>; rel="up"'


def test_an_ingest_error_keeps_the_status_it_names(app_raising: Any) -> None:
    with app_raising(IngestError("big.pdf", "PDF has 3000 pages; the limit is 2000 pages", 422)) as client:
        r = client.get("/items/x")
    assert r.status_code == 422 and r.json()["detail"] == "big.pdf: PDF has 3000 pages; the limit is 2000 pages"


@pytest.mark.parametrize("cls", [*DOMAIN, SourcesError], ids=lambda c: c.__name__)
def test_domain_error_exit_code_through_the_cli(cls: type[ReferatError], tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    error = make(cls)
    monkeypatch.setattr("assistant.container.Container", lambda settings: Raising(error))
    get_settings.cache_clear()
    try:
        out = CliRunner().invoke(cli.app, ["delete", "some-meeting", "--data-dir", str(tmp_path)])
    finally:
        get_settings.cache_clear()
    assert out.exit_code == EXIT[cls] == cli.exit_code(error), out.output
    assert f"error: {error}" in out.output and "Traceback" not in out.output
