"""The whole development corpus through `ingest DIR`: one outcome per file, none lost, each meeting as
docs/minutes-sources.md describes it, and two publications of one meeting stored once (the newest)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.container import Container
from ingest.pipeline import FileOutcome, ingest_paths
from tests.conftest import ROOT

MINUTES = ROOT / "sample_data" / "minutes"

# file -> (municipality, committee, date, item count) from the table in docs/minutes-sources.md
TABLE = {
    "greve_byraad_2025-10-01.json": ("Greve", "Byråd 2022-2025", "2025-10-01", 22),
    "greve_byraad_2022-01-14.json": ("Greve", "Byråd 2022-2025", "2022-01-14", 4),
    "greve_kultur-og-fritidsudvalget_2022-03-21.json": ("Greve", "Kultur- og Fritidsudvalget", "2022-03-21", 3),
    "greve_beskaeftigelses-og-erhvervsudvalget_2025-09-08.json":
        ("Greve", "Beskæftigelses- og Erhvervsudvalget", "2025-09-08", 8),
    "greve_social-og-handicapudvalget_2024-09-09.json": ("Greve", "Social- og Handicapudvalget", "2024-09-09", 6),
    "greve_sundheds-og-omsorgsudvalget_2023-01-09.json": ("Greve", "Sundheds- og Omsorgsudvalget", "2023-01-09", 10),
    "greve_oekonomiudvalget_2023-11-16.json": ("Greve", "Økonomiudvalget", "2023-11-16", 3),
    "greve_klima-teknik-og-miljoeudvalget_2024-09-05.json":
        ("Greve", "Klima-, Teknik- og Miljøudvalget", "2024-09-05", 12),
    "greve_plan-og-tryghedsudvalget_2022-06-20.json": ("Greve", "Plan- og Tryghedsudvalget", "2022-06-20", 4),
    "greve_skole-boerne-og-ungeudvalget_2023-09-12.json":
        ("Greve", "Skole-, Børne- og Ungeudvalget", "2023-09-12", 7),
    "greve_spoergsmaal-svar-til-byraadet_2022-01-01.json":
        ("Greve", ".Spørgsmål / Svar til Byrådet 2022-2025", "2022-01-01", 1),
    "greve_kultur-og-fritidsudvalget_2024-10-09.jsonl": ("Greve", "Kultur- og Fritidsudvalget", "2024-10-09", 11),
    "greve_plan-og-tryghedsudvalget_2025-03-25.jsonl": ("Greve", "Plan- og Tryghedsudvalget", "2025-03-25", 10),
    "greve_sundheds-og-omsorgsudvalget_2024-09-09.jsonl":
        ("Greve", "Sundheds- og Omsorgsudvalget", "2024-09-09", 8),
    "middelfart_hennys-testudvalg_2017-05-02_a.xml": ("Middelfart", "Hennys testudvalg", "2017-05-02", 5),
    "middelfart_hennys-testudvalg_2017-05-02_b.xml": ("Middelfart", "Hennys testudvalg", "2017-05-02", 6),
    "middelfart_hennys-testudvalg_2017-05-02_b.html": ("Middelfart", "Hennys testudvalg", "2017-05-02", 6),
    "ballerup_kmb-it-udvalget_2013-05-15.xml": ("Ballerup", "KMB IT-udvalget", "2013-05-15", 5),
    "regionh_forretningsudvalget_2012-09-25.xml": ("Region Hovedstaden", "FORRETNINGSUDVALGET", "2012-09-25", 4),
    "aarhus_moedesystemgruppen_2016-10-06.xml": ("Aarhus", "Mødesystemgruppen", "2016-10-06", 12),
    "aarhus_byraad_2025-10-08.html": ("Aarhus", "Aarhus Byråd", "2025-10-08", 10),
    "aarhus_byraad_2025-08-27.txt": ("Aarhus", "Aarhus Byråd", "2025-08-27", 21),
}


@pytest.fixture
def outcomes(container: Container) -> list[FileOutcome]:
    seen: list[FileOutcome] = []
    report = ingest_paths(container.indexer, [MINUTES], on_outcome=seen.append)
    assert not report.failed, report.failed
    return seen


def test_every_file_has_one_outcome_and_none_fails(outcomes: list[FileOutcome]) -> None:
    assert sorted(Path(o.path).name for o in outcomes) == sorted(TABLE)
    assert all(o.status in {"added", "replaced", "kept"} for o in outcomes), [o.line() for o in outcomes]
    assert all(o.reader not in {"fulltext", "text"} or o.path.endswith(".txt") for o in outcomes), \
        [o.line() for o in outcomes if o.reader in {"fulltext", "text"}]


def test_each_meeting_as_the_sources_table_says(container: Container, outcomes: list[FileOutcome]) -> None:
    stored = {m["id"]: container.catalog.meeting(m["id"]) for m in container.catalog.meetings()}
    for o in outcomes:
        muni, committee, day, count = TABLE[Path(o.path).name]
        meeting = stored[o.meeting_id]
        assert meeting is not None
        assert (meeting.municipality, meeting.committee, meeting.date.isoformat()) == (muni, committee, day), o.path
        if o.status != "kept" and not Path(o.path).name.startswith("middelfart"):
            assert len(meeting.items) == count, (o.path, len(meeting.items))


def test_two_publications_of_one_meeting_are_stored_once_the_newest(
        container: Container, outcomes: list[FileOutcome]) -> None:
    edoc = [o for o in outcomes if Path(o.path).name.startswith("middelfart")]
    assert len({o.meeting_id for o in edoc}) == 1
    meeting = container.catalog.meeting(edoc[0].meeting_id)
    assert meeting is not None
    assert [it.number for it in meeting.items] == ["1", "2", "3", "4", "5", "6"]  # the later publication (_b)
    assert len(container.catalog.meetings()) == len(TABLE) - 2


def test_an_older_publication_ingested_later_is_kept_out(container: Container, tmp_path: Path) -> None:
    """eDoc publishes each version into a folder named by its time; the later one wins in either order."""
    newer = tmp_path / "Hennys testudvalg" / "2017-04-21 12.24.03" / "e9117c72.xml"
    older = tmp_path / "Hennys testudvalg" / "2017-04-21 12.00.48" / "41a93779.xml"
    for src, dst in ((MINUTES / "middelfart_hennys-testudvalg_2017-05-02_b.xml", newer),
                     (MINUTES / "middelfart_hennys-testudvalg_2017-05-02_a.xml", older)):
        dst.parent.mkdir(parents=True)
        shutil.copy(src, dst)
    seen: list[FileOutcome] = []
    ingest_paths(container.indexer, [newer, older], municipality="Middelfart", on_outcome=seen.append)
    assert [o.status for o in seen] == ["added", "kept"]
    stored_meeting = container.catalog.meeting(seen[0].meeting_id)
    assert stored_meeting is not None and len(stored_meeting.items) == 6
    ingest_paths(container.indexer, [older, newer], municipality="Middelfart", on_outcome=seen.append)
    assert [o.status for o in seen[2:]] == ["kept", "unchanged"]
