"""`referat sync`: fake portals on loopback serve the real files of sample_data/minutes in each portal's shape.

A first run ingests everything, a second ingests nothing and says so, a changed meeting replaces the old one,
a meeting gone from the listing is reported (not deleted); a portal that fails (500, 429, malformed JSON,
slower than the timeout) costs no stored meeting. Waits are recorded, never slept; no wall-clock assertions."""

from __future__ import annotations

import io
import json
import os
import shutil
import threading
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

from ingest.sync.config import SourceConfig, SourcesError, load_sources, parse_duration
from ingest.sync.core import Syncer, SyncLoop, SyncRun
from ingest.sync.http import Fetcher, user_agent
from ingest.sync.state import SyncState
from tests.portals import GREVE, MINUTES, FakeAgendaApi, FakeFirstAgenda

OS2_EDOC = "Hennys testudvalg/2017-05-02 10.00/Dagsorden/Dagsorden/Os2Dagsorden TEST"


class Waits(list[float]):
    """Stands in for time.sleep: remembers how long the fetcher asked to wait."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def fetcher(waits: Waits | None = None, **kw: Any) -> Fetcher:
    opts: dict[str, Any] = {"timeout": 5.0, "delay": 0.0, "attempts": 3, "backoff": 1.0}
    opts.update(kw)
    return Fetcher(user_agent("tests@example.org"), sleep=waits if waits is not None else Waits(), **opts)


def sync(container: Any, source: SourceConfig, waits: Waits | None = None, full: bool = False,
         **kw: Any) -> SyncRun:
    f = fetcher(waits, **kw)
    try:
        return Syncer(container.indexer, SyncState(container.catalog.path), f, full).run(source)
    finally:
        f.close()


def snapshot(container: Any) -> dict[str, tuple[str, int]]:
    """meeting id -> (version, item count): what a failing run must leave exactly as it was."""
    return {m["id"]: (m["version"], len(container.catalog.item_rows(meeting_id=m["id"])))
            for m in container.catalog.meetings()}


@pytest.fixture
def embeds(container: Any) -> list[int]:
    """Counts the texts embedded (the ingest work a sync with nothing new must not do)."""
    calls: list[int] = []
    original = container.embedder.embed

    def counting(texts: list[str], kind: str) -> Any:
        calls.append(len(texts))
        return original(texts, kind)

    container.embedder.embed = counting  # type: ignore[method-assign]  # a test spy on the container's embedder
    return calls


@pytest.fixture
def greve() -> Any:
    with FakeAgendaApi() as portal:
        yield portal


def greve_source(portal: FakeAgendaApi, **kw: Any) -> SourceConfig:
    return SourceConfig(name="greve", kind="agenda-api", base=portal.url, municipality="Greve", **kw)


# -- the agenda API (Greve) ---------------------------------------------------------------------------------


def test_first_run_ingests_all_second_run_nothing(container: Any, greve: FakeAgendaApi, embeds: list[int]) -> None:
    first = sync(container, greve_source(greve))
    assert first.ok and first.counts["added"] == len(GREVE) == first.listed, first.lines
    stored = snapshot(container)
    assert len(stored) == len(GREVE)
    assert {container.catalog.meeting(m).municipality for m in stored} == {"Greve"}
    work = len(embeds)

    second = sync(container, greve_source(greve))
    assert second.ok and second.parsed == 0 and second.counts["not_modified"] == len(GREVE), second.lines
    assert "nothing new" in second.summary() and "no ingest work" in second.summary()
    assert len(embeds) == work and snapshot(container) == stored
    conditional = [r for r in greve.requests[-len(GREVE):] if r["path"].startswith("/api/agenda/dagsorden/")]
    assert len(conditional) == len(GREVE) and all("If-None-Match" in r["headers"] for r in conditional)


def test_polite_by_default(container: Any, greve: FakeAgendaApi) -> None:
    sync(container, greve_source(greve))
    assert all(r["headers"]["User-Agent"] == "Referat/0.1 (+tests@example.org)" for r in greve.requests)
    assert greve.max_inflight == 1  # one request at a time
    waits, frozen = Waits(), time.monotonic()
    f = fetcher(waits, delay=5.0, clock=lambda: frozen)  # a clock that stands still: no request is late
    try:
        f.get(greve.url + greve.LIST)
        f.get(greve.url + greve.LIST)
    finally:
        f.close()
    assert waits == [5.0]  # the second request waited the delay out


def test_a_changed_meeting_replaces_the_old(container: Any, greve: FakeAgendaApi) -> None:
    sync(container, greve_source(greve))
    before = snapshot(container)
    mid = greve.id_of("greve_byraad_2022-01-14.json")
    path = greve.doc_path(mid)
    greve.put(path, greve.docs[path].replace(b"tog orienteringen til efterretning",
                                             b"tog orienteringen til efterretning med en rettelse"))
    run = sync(container, greve_source(greve))
    assert run.counts["replaced"] == 1 and run.counts["not_modified"] == len(GREVE) - 1 and run.parsed == 1
    after = snapshot(container)
    changed = [m for m in after if after[m] != before[m]]
    assert len(changed) == 1 and set(after) == set(before)
    items = container.catalog.item_rows(meeting_id=changed[0])
    assert any("med en rettelse" in r.text for r in items)


def test_a_meeting_gone_from_the_portal_is_reported_not_deleted(container: Any, greve: FakeAgendaApi) -> None:
    sync(container, greve_source(greve))
    before = snapshot(container)
    greve.remove(greve.id_of("greve_oekonomiudvalget_2023-11-16.json"))
    run = sync(container, greve_source(greve))
    removed = [ln for ln in run.lines if "removed from portal:" in ln]
    assert len(removed) == 1 and "Økonomiudvalget 2023-11-16" in removed[0] and "kept in the store" in removed[0]
    assert run.counts["removed"] == 1 and snapshot(container) == before
    again = sync(container, greve_source(greve))  # said once, not every run
    assert not again.counts["removed"] and "nothing new" in again.summary()


def test_500_then_recovers_with_backoff(container: Any, greve: FakeAgendaApi) -> None:
    path = greve.doc_path(greve.id_of("greve_byraad_2025-10-01.json"))
    greve.script(greve.LIST, (503, {}, b"busy"))
    greve.script(path, (500, {}, b"oops"), (502, {}, b"oops"))
    waits = Waits()
    run = sync(container, greve_source(greve), waits, attempts=4)
    assert run.ok and run.counts["added"] == len(GREVE), run.lines
    assert len(greve.hits(path)) == 3 and len(greve.hits(greve.LIST)) == 2
    assert waits == [1.0, 1.0, 2.0]  # exponential backoff: the listing's one retry, the document's two


def test_429_honours_retry_after(container: Any, greve: FakeAgendaApi) -> None:
    path = greve.doc_path(greve.id_of("greve_byraad_2022-01-14.json"))
    greve.script(path, (429, {"Retry-After": "7"}, b"slow down"))
    waits = Waits()
    run = sync(container, greve_source(greve), waits)
    assert run.ok and run.counts["added"] == len(GREVE)
    assert waits == [7.0]


def test_retry_after_too_long_gives_up_until_next_run(container: Any, greve: FakeAgendaApi) -> None:
    path = greve.doc_path(greve.id_of("greve_byraad_2022-01-14.json"))
    greve.script(path, (429, {"Retry-After": "86400"}, b"come back tomorrow"))
    run = sync(container, greve_source(greve), max_wait=60)
    assert run.counts["failed"] == 1 and run.counts["added"] == len(GREVE) - 1
    assert any("Retry-After" in ln for ln in run.lines)
    assert sync(container, greve_source(greve)).counts["added"] == 1  # the next run fetches it


def _break_malformed(portal: FakeAgendaApi, path: str) -> None:
    portal.put(path, portal.docs[path][: len(portal.docs[path]) // 2])  # a truncated JSON document


def _break_500(portal: FakeAgendaApi, path: str) -> None:
    portal.script(path, *[(500, {}, b"internal error")] * 5)


def _break_timeout(portal: FakeAgendaApi, path: str) -> None:
    portal.put(path, portal.docs[path] + b" ")  # changed, so it must be fetched whole ...
    portal.hold[path] = threading.Event()  # ... and the portal does not answer in time


@pytest.mark.parametrize("breakage", [_break_malformed, _break_500, _break_timeout], ids=lambda f: f.__name__[7:])
def test_a_failing_document_costs_nothing_stored(container: Any, greve: FakeAgendaApi, breakage: Any) -> None:
    sync(container, greve_source(greve))
    before = snapshot(container)
    victim = greve.id_of("greve_sundheds-og-omsorgsudvalget_2023-01-09.json")
    other = greve.id_of("greve_byraad_2022-01-14.json")
    breakage(greve, greve.doc_path(victim))
    greve.put(greve.doc_path(other), greve.docs[greve.doc_path(other)].replace(
        b"tog orienteringen til efterretning", b"tog orienteringen til efterretning (rettet)"))
    try:
        # the held document never answers, so any timeout fails it; the others need time on a loaded machine
        run = sync(container, greve_source(greve), timeout=2.0, attempts=2)
    finally:
        for event in greve.hold.values():
            event.set()
    failed = [ln for ln in run.lines if " failed " in ln]
    assert run.counts["failed"] == 1 and len(failed) == 1, run.lines
    assert run.counts["replaced"] == 1  # the run went on past the failure
    after = snapshot(container)
    assert set(after) == set(before)
    assert sum(after[m] != before[m] for m in after) == 1  # only the corrected meeting changed
    health = SyncState(container.catalog.path).last_runs()["greve"]
    assert not health["ok"] and health["counts"]["failed"] == 1 and health["errors"]


def test_malformed_document_on_first_sight_is_reported_and_the_rest_ingested(container: Any,
                                                                             greve: FakeAgendaApi) -> None:
    path = greve.doc_path(greve.id_of("greve_byraad_2025-10-01.json"))
    greve.put(path, b'{"Dagsordenpunkter": [{"Navn": "Punkt"')
    run = sync(container, greve_source(greve))
    assert run.counts["failed"] == 1 and run.counts["added"] == len(GREVE) - 1
    assert any("invalid JSON" in ln for ln in run.lines)
    again = sync(container, greve_source(greve))  # unchanged at the portal: reported again, not read again
    assert again.parsed == 0 and again.counts["failed"] == 1


@pytest.mark.parametrize("listing", [b'{"Udvalg": {"Aktuelle politiske', b"<html>Fejl</html>", b'{"Fejl": 1}',
                                     b'{"Udvalg": {"Aktuelle politiske udvalg": []}}'],
                         ids=["truncated", "html", "no-udvalg", "empty"])
def test_a_broken_listing_removes_nothing(container: Any, greve: FakeAgendaApi, listing: bytes) -> None:
    sync(container, greve_source(greve))
    before = snapshot(container)
    greve.script(greve.LIST, (200, {"Content-Type": "application/json"}, listing))
    run = sync(container, greve_source(greve))
    assert not run.ok and not run.counts["removed"] and run.errors
    assert snapshot(container) == before
    assert sync(container, greve_source(greve)).ok  # and the next run is back to normal


def test_committees_and_years_are_filtered_before_fetching(container: Any, greve: FakeAgendaApi) -> None:
    run = sync(container, greve_source(greve, committees=("byråd",), years=(2025,)))
    assert run.counts["added"] == 1 and run.checked == 1 and run.listed == len(GREVE)
    (meeting,) = container.catalog.meetings()
    assert (meeting["committee"], meeting["date"]) == ("Byråd 2022-2025", "2025-10-01")
    assert len([r for r in greve.requests if r["path"].startswith("/api/agenda/dagsorden/")]) == 1


def test_a_meeting_deleted_from_the_store_is_fetched_again(container: Any, greve: FakeAgendaApi) -> None:
    sync(container, greve_source(greve))
    victim = next(iter(snapshot(container)))
    container.indexer.delete(victim)
    run = sync(container, greve_source(greve))
    assert run.counts["added"] == 1 and victim in snapshot(container)


def test_full_reads_everything_again_and_changes_nothing(container: Any, greve: FakeAgendaApi) -> None:
    sync(container, greve_source(greve))
    before = snapshot(container)
    run = sync(container, greve_source(greve), full=True)
    assert run.parsed == len(GREVE) and run.counts["unchanged"] == len(GREVE)
    assert snapshot(container) == before


# -- a First Agenda publication site (Aarhus) ---------------------------------------------------------------


def aarhus_source(portal: FakeFirstAgenda, **kw: Any) -> SourceConfig:
    return SourceConfig(name="aarhus", kind="firstagenda-site", base=portal.url, municipality="Aarhus",
                        years=kw.pop("years", (2025,)), **kw)


def test_firstagenda_site(container: Any, embeds: list[int]) -> None:
    with FakeFirstAgenda() as site:
        first = sync(container, aarhus_source(site))
        assert first.ok and first.counts["added"] == 2 and first.listed == 2, first.lines
        assert [r["path"] for r in site.requests][0] == "/?request.kriterie.udvalgId=&request.kriterie.moedeDato=2025"
        meetings = {(m["committee"], m["date"]) for m in container.catalog.meetings()}
        assert meetings == {("Aarhus Byråd", "2025-10-08"), ("Aarhus Byråd", "2025-10-22")}
        work = len(embeds)

        second = sync(container, aarhus_source(site))
        assert second.parsed == 0 and "nothing new" in second.summary() and len(embeds) == work

        site.unlist("/vis/byraad-2025-10-22")
        third = sync(container, aarhus_source(site))
        assert any("removed from portal: Aarhus Byråd 22.10.2025" in ln for ln in third.lines)
        assert len(container.catalog.meetings()) == 2

        site.hold["/?request.kriterie.udvalgId=&request.kriterie.moedeDato=2025"] = threading.Event()
        try:
            slow = sync(container, aarhus_source(site), timeout=0.2, attempts=1)
        finally:
            site.hold.popitem()[1].set()
        assert not slow.ok and not slow.counts["removed"] and len(container.catalog.meetings()) == 2


def test_firstagenda_committee_filter_reads_once(container: Any) -> None:
    with FakeFirstAgenda() as site:
        run = sync(container, aarhus_source(site, committees=("Økonomiudvalget",)))
        assert run.counts["skipped"] == 2 and not container.catalog.meetings()
        again = sync(container, aarhus_source(site, committees=("Økonomiudvalget",)))
        assert again.parsed == 0 and again.counts["not_modified"] == 2


def test_an_error_page_is_not_a_meeting(container: Any) -> None:
    with FakeFirstAgenda() as site:
        site.add("/vis/fejl", "Ukendt møde", b"<html><body><h1>Der opstod en fejl</h1><p>Beklager.</p></body></html>")
        run = sync(container, aarhus_source(site))
        assert run.counts["added"] == 2 and run.counts["failed"] == 1


# -- a publication folder (eDoc / SBSYS) --------------------------------------------------------------------


def edoc_tree(root: Path, *publications: str) -> None:
    files = {"2017-04-21 12.00.48": ("middelfart_hennys-testudvalg_2017-05-02_a.xml",
                                     "41a93779-8b2a-414b-9f87-691e24f8f40a.xml"),
             "2017-04-21 12.24.03": ("middelfart_hennys-testudvalg_2017-05-02_b.xml",
                                     "e9117c72-1d79-4fe9-9653-ef7ab6f27187.xml")}
    for stamp in publications:
        sample, name = files[stamp]
        target = root / OS2_EDOC / stamp / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(MINUTES / sample, target)


def folder_source(root: Path, name: str, municipality: str | None = None) -> SourceConfig:
    return SourceConfig(name=name, kind="publication-folder", base=str(root), municipality=municipality)


def test_publication_folder_edoc(container: Any, tmp_path: Path, embeds: list[int]) -> None:
    root = tmp_path / "edoc"
    source = folder_source(root, "middelfart", "Middelfart")  # eDoc names files by uuid: say whose they are
    edoc_tree(root, "2017-04-21 12.24.03")  # the later publication first
    first = sync(container, source)
    assert first.ok and first.counts["added"] == 1, first.lines
    work = len(embeds)

    second = sync(container, source)
    assert second.parsed == 0 and second.counts["not_modified"] == 1 and len(embeds) == work

    edoc_tree(root, "2017-04-21 12.00.48")  # an older publication of the same meeting turns up: the newer stays
    third = sync(container, source)
    assert third.counts["kept"] == 1, third.lines
    (meeting,) = container.catalog.meetings()
    assert meeting["municipality"] == "Middelfart"
    assert [it.number for it in container.catalog.meeting(meeting["id"]).items] == ["1", "2", "3", "4", "5", "6"]


def test_publication_folder_sbsys(container: Any, tmp_path: Path, embeds: list[int]) -> None:
    root = tmp_path / "sbsys"
    root.mkdir()
    source = folder_source(root, "sbsys")  # no municipality given: each publication names its own
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("Publication32/Publication32.xml",
                    (MINUTES / "ballerup_kmb-it-udvalget_2013-05-15.xml").read_bytes())
    (root / "Publication32.zip").write_bytes(buf.getvalue())
    shutil.copy(MINUTES / "regionh_forretningsudvalget_2012-09-25.xml", root / "Publication553.xml")
    (root / "readme.txt").write_text("not a publication", encoding="utf-8")

    first = sync(container, source)
    assert first.ok and first.counts["added"] == 2 and first.listed == 2, first.lines
    assert {m["municipality"] for m in container.catalog.meetings()} == {"Ballerup", "Region Hovedstaden"}
    work = len(embeds)
    second = sync(container, source)
    assert second.parsed == 0 and "nothing new" in second.summary() and len(embeds) == work

    before = snapshot(container)
    (root / "Publication553.xml").unlink()
    third = sync(container, source)
    assert any("removed from portal: Publication553.xml" in ln for ln in third.lines)
    assert snapshot(container) == before

    shutil.rmtree(root)  # an unmounted share is an error, not every meeting removed
    gone = sync(container, source)
    assert not gone.ok and not gone.counts["removed"] and snapshot(container) == before


# -- sources.toml, durations, the CLI, /health and the loop -------------------------------------------------


def test_sources_toml(tmp_path: Path) -> None:
    good = tmp_path / "sources.toml"
    good.write_text('contact = "me@example.org"\n'
                    '[[source]]\nname = "greve"\nmunicipality = "Greve"\nkind = "agenda-api"\n'
                    'url = "https://dagsordener.greve.dk/"\ncommittees = ["Byråd"]\nyears = [2025]\n'
                    '[[source]]\nname = "os2"\nkind = "publication-folder"\npath = "pub"\n', encoding="utf-8")
    loaded = load_sources(good)
    assert loaded.contact == "me@example.org"
    greve, os2 = loaded.sources
    assert greve.base == "https://dagsordener.greve.dk" and greve.committees == ("Byråd",) and greve.years == (2025,)
    assert os2.base == str((tmp_path / "pub").resolve()) and os2.municipality is None
    assert loaded.pick(["os2"]) == [os2]
    with pytest.raises(SourcesError, match="no source named 'x'"):
        loaded.pick(["x"])
    bad = {
        '[[source]]\nname = "a"\nkind = "rss"\nurl = "https://x"\n': "kind must be one of",
        '[[source]]\nname = "a"\nkind = "agenda-api"\n': "needs url",
        '[[source]]\nname = "a"\nkind = "agenda-api"\nurl = "https://x"\nyear = [2025]\n': "unknown key",
        '[[source]]\nname = "a"\nkind = "agenda-api"\nurl = "https://x"\n' * 2: "unique",
        "[[source]\n": "not valid TOML",
    }
    for text, message in bad.items():
        good.write_text(text, encoding="utf-8")
        with pytest.raises(SourcesError, match=message):
            load_sources(good)
    with pytest.raises(SourcesError, match="no such file"):
        load_sources(tmp_path / "missing.toml")


def test_parse_duration() -> None:
    assert [parse_duration(t) for t in ("30m", "1h", "1h30m", "90s", "2d", "45", "10min")] == \
        [1800, 3600, 5400, 90, 172800, 45, 600]
    for bad in ("", "0", "1x", "h", "-5m"):
        with pytest.raises(ValueError):
            parse_duration(bad)


def test_cli_sync_and_health(container: Any, greve: FakeAgendaApi, tmp_path: Path,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    from fastapi.testclient import TestClient
    from typer.testing import CliRunner

    from assistant.api import create_app
    from assistant.cli import app
    from assistant.settings import get_settings

    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[source]]\nname = "greve"\nmunicipality = "Greve"\nkind = "agenda-api"\n'
                       f'url = "{greve.url}"\n', encoding="utf-8")
    for key in [k for k in os.environ if k.startswith("REFERAT_")]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("REFERAT_EMBEDDER", "fake")
    monkeypatch.setenv("REFERAT_SYNC_DELAY", "0")
    monkeypatch.setenv("REFERAT_SOURCES", str(sources))
    data = str(container.settings.data_dir)
    get_settings.cache_clear()
    try:
        first = CliRunner().invoke(app, ["sync", "--data-dir", data])
        assert first.exit_code == 0, first.output
        assert f"greve: {len(GREVE)} meetings checked: {len(GREVE)} added" in first.output
        second = CliRunner().invoke(app, ["sync", "greve", "--json", "--data-dir", data])
        assert second.exit_code == 0, second.output
        (run,) = json.loads(second.output)
        assert run["parsed"] == 0 and "nothing new" in run["summary"]
        unknown = CliRunner().invoke(app, ["sync", "nope", "--data-dir", data])
        assert unknown.exit_code == 2 and "no source named 'nope'" in unknown.output
        greve.script(greve.LIST, (200, {}, b"{broken"))
        broken = CliRunner().invoke(app, ["sync", "--data-dir", data])
        assert broken.exit_code == 1 and "not JSON" in broken.output
    finally:
        get_settings.cache_clear()

    with TestClient(create_app(container.settings, container)) as client:
        body = client.get("/health").json()
    entry = body["sync"]["greve"]
    assert entry["municipality"] == "Greve" and not entry["ok"] and entry["errors"]
    assert entry["last_ok_at"] is not None and entry["finished_at"] is not None


def test_sync_loop_runs_until_stopped() -> None:
    done = threading.Event()
    calls: list[int] = []

    def job() -> None:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("a bad run must not end the loop")
        done.set()

    loop = SyncLoop(job, every=0.0).start()
    assert done.wait(10)
    loop.stop(wait=10)
    assert not loop.thread.is_alive() and len(calls) >= 2
