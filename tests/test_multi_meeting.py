"""One source file holding several meetings: a JSON list of meeting records (a First Agenda portal answering with a
committee's last two meetings, sample_data/portals8/egedal_…json), or a wrapper object {"meetings": [...]}.

Each record is read by the reader that recognises it, as a meeting of its own (its own date, committee, items,
attendance, agenda or minutes); ingest and sync store each by its own id, a second ingest finds all unchanged,
and a change to one meeting of the file replaces that one only. Lists that are not several meetings (rows of
one meeting, two records of the same meeting, a record without a date of its own) read as before."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from assistant.container import Container
from ingest.parse import read_path
from ingest.pipeline import FileOutcome, ingest_paths
from ingest.readers import ReadResult, generic_json
from ingest.readers.base import Source, build_meeting
from ingest.sync.config import SourceConfig
from ingest.sync.core import Syncer
from ingest.sync.http import Fetcher, user_agent
from ingest.sync.state import SyncState
from tests.conftest import ROOT
from tests.portals import FakeAgendaApi

EGEDAL = ROOT / "sample_data" / "portals8" / "egedal_plan-og-klimaudvalget_2025-04-08.json"
VARIANT = ROOT / "tests" / "fixtures" / "readers" / "json" / "koege_udvalgsmoeder_2023-03_p8c.json"
APRIL, MARCH = "egedal_plan-og-klimaudvalget_2025-04-08", "egedal_plan-og-klimaudvalget_2025-03-11"
KOEGE = ("koege_kultur-og-idraetsudvalget_2023-02-28", "koege_teknik-og-miljoeudvalget_2023-03-06")
MEMBERS = ["Karina Vestergaard", "Mads Ulstrup", "Lone Brix", "Henrik Sølund", "Pia Thorsager", "Anders Bækgaard",
           "Sofie Raun"]
VENUE = "Mødelokale Stjernen, Egedal Rådhus, Dronning Dagmars Vej 200, 3650 Ølstykke"


# -- reading ------------------------------------------------------------------------------------------------------


def test_the_egedal_list_is_two_meetings_each_with_its_own_facts() -> None:
    result = read_path(EGEDAL)
    assert len(result.meetings) == 2 and result.meeting is result.meetings[0]
    assert result.reader == "greve-json" and result.readers == ["greve-json", "greve-json"]
    assert result.warnings[0].startswith("2 meetings in one file ($[0..1])")
    april, march = result.meetings
    assert [m.id for m in result.meetings] == [APRIL, MARCH]
    for m in (april, march):
        assert (m.municipality, m.committee, m.time, m.location) == ("Egedal", "Plan- og Klimaudvalget", "16:00", VENUE)
        assert m.participants == MEMBERS and m.remarks == [] and not m.extraordinary
        assert m.source == EGEDAL.name

    assert april.date == date(2025, 4, 8) and april.status == "agenda"
    assert april.absentees == ["Lone Brix"]  # only ParticipationCancelled=true (Absent=false) says so
    assert [it.number for it in april.items] == ["1", "2", "3", "4", "5", "5a", "6", "7"]
    assert not any(it.decisions for it in april.items)
    assert [it.case_number for it in april.items] == [None, "24-003118", "24-011420", "23-019877", "25-001244",
                                                      "25-004301", None, None]
    assert april.items[5].title == "Høringssvar til Movias Trafikplan 2025"
    assert [it.closed for it in april.items] == [False] * 7 + [True]

    assert march.date == date(2025, 3, 11) and march.status == "minutes"
    assert march.absentees == ["Henrik Sølund"]
    assert [it.number for it in march.items] == ["1", "2", "3", "4", "5", "6", "7"]
    assert all(it.decisions for it in march.items)
    assert march.items[0].decisions[0].text.startswith("Godkendt.")
    assert march.items[1].case_number == "24-011420" and march.items[1].decisions[0].text.startswith("Udsat.")
    assert march.items[1].decisions[0].outcome == "postponed"
    haveaffald = march.items[2]
    assert haveaffald.title == "Ny henteordning for haveaffald" and haveaffald.case_number == "24-018802"
    assert "Anbefales over for Økonomiudvalget og Byrådet." in haveaffald.decisions[0].text
    assert march.items[5].closed and march.items[5].title == "Lukket: Køb af areal ved Veksø"
    assert march.items[5].absentees == []  # the closed item's decision prints no "Fraværende:" line
    assert all(it.absentees == ["Henrik Sølund"] for k, it in enumerate(march.items) if k != 5)
    # every decision is this meeting's own: none dated to the April agenda
    assert {d.date for it in march.items for d in it.decisions} <= {date(2025, 3, 11), None}


def test_a_wrapper_object_of_meetings_in_another_layout_is_read_the_same_way() -> None:
    """{"antal": 2, "meetings": [...]}: two committees of Køge, each record in a generic (non-portal) layout."""
    result = read_path(VARIANT)
    assert [m.id for m in result.meetings] == list(KOEGE)
    assert result.readers == ["generic-json", "generic-json"]
    assert result.warnings[0].startswith("2 meetings in one file ($.meetings[0..1])")
    culture, works = result.meetings
    assert (culture.committee, culture.date, culture.time, culture.status) == \
        ("Kultur- og Idrætsudvalget", date(2023, 2, 28), "16:30", "minutes")
    assert culture.absentees == ["Jens Krog (V)"] and len(culture.items) == 3
    assert (works.committee, works.date, works.time, works.status) == \
        ("Teknik- og Miljøudvalget", date(2023, 3, 6), "15:00", "agenda")
    assert works.absentees == ["Pia Kjær (F)"] and works.location == "Køge Rådhus, mødelokale 3"
    assert [it.number for it in works.items] == ["1", "2", "3", "4"] and works.items[3].closed
    assert not any(it.decisions for it in works.items)
    assert {m.municipality for m in result.meetings} == {"Køge"}


def _as_before(path: Path) -> ReadResult:
    """What the generic reader makes of the whole file (the reading before several meetings were known)."""
    src = Source(path.read_bytes(), str(path))
    assert generic_json.READER.sniff(src)
    return ReadResult(build_meeting(generic_json.READER.read(src), src), "generic-json")


@pytest.mark.parametrize("records", [
    # rows of one meeting, each stating its committee and date: items, not meetings
    [{"udvalg": "Miljøudvalget", "dato": "2021-06-01", "punkt": str(n), "titel": f"Sag {n}", "beslutning": "Godkendt."}
     for n in (1, 2, 3)],
    # one row per meeting, still rows of items (a record that is itself an item is no meeting)
    [{"udvalg": "Miljøudvalget", "dato": f"2021-06-0{n}", "punkt": "1", "titel": f"Sag {n}", "beslutning": "Godkendt."}
     for n in (1, 2)],
])
def test_lists_of_item_rows_stay_one_meeting(tmp_path: Path, records: list[dict[str, Any]]) -> None:
    path = tmp_path / "rows.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    result = read_path(path)
    assert len(result.meetings) == 1 and result.meetings == [result.meeting]
    assert result.meeting == _as_before(path).meeting


def test_records_of_one_meeting_or_without_a_date_stay_as_before(tmp_path: Path) -> None:
    records = json.loads(EGEDAL.read_text(encoding="utf-8"))
    same = [records[1], json.loads(json.dumps(records[1]).replace("Godkendt.", "Godkendt som forelagt."))]
    undated = json.loads(json.dumps(records))
    for key in ("MeetingBeginUtc", "MeetingEndUtc", "Dato"):
        undated[1]["Moede"].pop(key)
    for name, data in (("same.json", same), ("undated.json", undated)):
        path = tmp_path / name
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        result = read_path(path)
        assert len(result.meetings) == 1 and result.reader == "generic-json", name
        assert result.meeting == _as_before(path).meeting, name


def test_a_single_meeting_file_reads_as_one() -> None:
    result = read_path(ROOT / "sample_data" / "minutes" / "greve_byraad_2022-01-14.json")
    assert result.meetings == [result.meeting] and result.readers == [result.reader] == ["greve-json"]


# -- ingest -------------------------------------------------------------------------------------------------------


def snapshot(container: Container) -> tuple[Any, ...]:
    chunk_ids = sorted(cid for m in container.catalog.municipalities() for cid, _, _ in container.catalog.chunks(m))
    versions = {m["id"]: m["version"] for m in container.catalog.meetings()}
    return container.catalog.counts(), container.vectors.count(), chunk_ids, versions


def ingest(container: Container, *paths: Path) -> list[FileOutcome]:
    seen: list[FileOutcome] = []
    report = ingest_paths(container.indexer, list(paths), on_outcome=seen.append)
    assert not report.failed, report.failed
    return seen


def test_ingest_stores_every_meeting_of_the_file_and_a_second_ingest_is_unchanged(container: Container) -> None:
    first = ingest(container, EGEDAL, VARIANT)
    assert [o.status for o in first] == ["added", "added"]
    egedal = first[0]
    assert [(m.meeting_id, m.status, m.items) for m in egedal.meetings] == [(APRIL, "added", 8), (MARCH, "added", 7)]
    assert egedal.meeting_id == APRIL and egedal.items == 15 and egedal.reader == "greve-json"
    line = egedal.line()
    assert line.startswith(f"added      {EGEDAL} -> 2 meetings: {APRIL} [greve-json, 8 items, added]; "
                           f"{MARCH} [greve-json, 7 items, added]")
    assert [m.meeting_id for m in first[1].meetings] == list(KOEGE)

    stored = {m["id"]: m for m in container.catalog.meetings()}
    assert set(stored) == {APRIL, MARCH, *KOEGE}
    assert stored[APRIL]["date"] == "2025-04-08" and stored[MARCH]["date"] == "2025-03-11"
    april, march = container.catalog.item_rows(meeting_id=APRIL), container.catalog.item_rows(meeting_id=MARCH)
    assert len(april) == 8 and {r.date for r in april} == {"2025-04-08"}
    assert len(march) == 7 and {r.date for r in march} == {"2025-03-11"}
    assert [r.number for r in april] == ["1", "2", "3", "4", "5", "5a", "6", "7"]
    assert not any(r.item.decisions for r in april) and all(r.item.decisions for r in march)
    # the same case in both meetings: each meeting's own item, with its own date
    case = sorted((r.date, r.number) for r in container.catalog.item_rows(case_number="24-011420"))
    assert case == [("2025-03-11", "2"), ("2025-04-08", "3")]
    # retrievable: a word only the March minutes hold finds the March item, one only the April agenda holds April's
    march_hit = container.lexical.search("haveaffald henteordning", ["Egedal"], 3)
    assert march_hit and march_hit[0][0].startswith(f"{MARCH}--p3")
    april_hit = container.lexical.search("Movias Trafikplan høringssvar", ["Egedal"], 3)
    assert april_hit and april_hit[0][0].startswith(f"{APRIL}--p5a")
    assert container.vectors.count() == container.catalog.counts()["chunks"]

    before = snapshot(container)
    second = ingest(container, EGEDAL, VARIANT)
    assert [o.status for o in second] == ["unchanged", "unchanged"]
    assert [m.status for o in second for m in o.meetings] == ["unchanged"] * 4
    assert snapshot(container) == before  # nothing lost, nothing rewritten


def test_a_change_to_one_meeting_replaces_only_that_meeting(container: Container, tmp_path: Path) -> None:
    path = tmp_path / EGEDAL.name
    shutil.copy(EGEDAL, path)
    ingest(container, path)
    april_before = [(r.id, r.text) for r in container.catalog.item_rows(meeting_id=APRIL)]
    records = json.loads(path.read_text(encoding="utf-8"))
    records[1]["Dagsordenpunkter"] = records[1]["Dagsordenpunkter"][:-1]  # the March minutes lose item 7
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    (outcome,) = ingest(container, path)
    assert outcome.status == "replaced"
    assert [(m.meeting_id, m.status) for m in outcome.meetings] == [(APRIL, "unchanged"), (MARCH, "replaced")]
    assert [(r.id, r.text) for r in container.catalog.item_rows(meeting_id=APRIL)] == april_before
    assert [r.number for r in container.catalog.item_rows(meeting_id=MARCH)] == ["1", "2", "3", "4", "5", "6"]
    assert container.catalog.removed_item(f"{MARCH}--p7") == MARCH
    assert container.catalog.removed_item(f"{APRIL}--p7") is None
    assert container.vectors.count() == container.catalog.counts()["chunks"]


# -- sync ---------------------------------------------------------------------------------------------------------


@pytest.fixture
def egedal_portal() -> Any:
    """An agenda API that lists one document: the Egedal file, both meetings in one answer."""
    with FakeAgendaApi() as portal:
        portal.meetings.clear()
        records = json.loads(EGEDAL.read_bytes())
        portal.meetings["egedal-pku"] = {"Navn": "Plan- og Klimaudvalget", "UdvalgId": records[0]["Udvalg"]["Id"],
                                         "Dato": records[0]["Moede"]["Dato"], "file": EGEDAL.name}
        portal.put(portal.doc_path("egedal-pku"), EGEDAL.read_bytes())
        yield portal


def sync(container: Container, portal: FakeAgendaApi, full: bool = False) -> Any:
    source = SourceConfig(name="egedal", kind="agenda-api", base=portal.url, municipality="Egedal")
    fetcher = Fetcher(user_agent("tests@example.org"), timeout=5.0, delay=0.0, attempts=1, backoff=1.0,
                      sleep=lambda _s: None)
    try:
        return Syncer(container.indexer, SyncState(container.catalog.path), fetcher, full).run(source)
    finally:
        fetcher.close()


def test_sync_stores_both_meetings_of_one_document(container: Container, egedal_portal: FakeAgendaApi) -> None:
    first = sync(container, egedal_portal)
    assert first.ok and first.counts["added"] == 1, first.lines
    assert any(f"-> 2 meetings: {APRIL} [greve-json, 8 items, added]; {MARCH} [greve-json, 7 items, added]" in ln
               for ln in first.lines), first.lines
    doc = SyncState(container.catalog.path).docs("egedal")["egedal-pku"]
    assert doc.meeting_id == f"{APRIL} {MARCH}" and doc.status == "added"
    before = snapshot(container)

    second = sync(container, egedal_portal)  # not modified at the portal: no ingest work
    assert second.parsed == 0 and second.counts["not_modified"] == 1 and snapshot(container) == before

    full = sync(container, egedal_portal, full=True)  # read again: both unchanged, nothing lost
    assert full.parsed == 1 and full.counts["unchanged"] == 1, full.lines
    assert snapshot(container) == before

    # one of the two meetings deleted from the store: the document is fetched and read again, the other untouched
    assert container.indexer.delete(MARCH)
    again = sync(container, egedal_portal)
    assert again.parsed == 1 and again.counts["added"] == 1, again.lines
    assert any(f"{APRIL} [greve-json, 8 items, unchanged]; {MARCH} [greve-json, 7 items, added]" in ln
               for ln in again.lines), again.lines
    assert snapshot(container)[0] == before[0] and len(container.catalog.item_rows(meeting_id=MARCH)) == 7
