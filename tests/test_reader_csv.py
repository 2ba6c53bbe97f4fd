"""The CSV reader (``ingest.readers.csv_rows``): one row per agenda item, sniffed by its header, never by name.

The Rudersdal open-data export is checked against sample_data/portals2-expected.md; invented variations live in
tests/fixtures/readers/csv/.
"""

from __future__ import annotations

import logging
import shutil
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from core.errors import IngestError
from ingest.parse import read_path
from ingest.pipeline import expand, ingest_paths
from ingest.readers import csv_rows
from ingest.readers.base import Source

if TYPE_CHECKING:
    from assistant.container import Container

ROOT = Path(__file__).resolve().parent.parent
RUDERSDAL = ROOT / "sample_data" / "portals2" / "rudersdal_plan-og-boligudvalget_2024-11-26.csv"
FIXTURES = Path(__file__).parent / "fixtures" / "readers" / "csv"


def _source(path: Path) -> Source:
    return Source(path.read_bytes(), str(path))


def test_rudersdal_meeting_facts() -> None:
    result = read_path(RUDERSDAL)
    m = result.meeting
    assert result.reader == "csv" and result.warnings == []
    assert (m.municipality, m.committee, m.date, m.time) == ("Rudersdal", "Plan- og Boligudvalget", date(2024, 11, 26),
                                                             "16:30")
    assert m.status == "agenda"  # every beslutning empty
    assert m.location is None and m.absentees == [] and m.participants == []


def test_rudersdal_items() -> None:
    m = read_path(RUDERSDAL).meeting
    assert [(it.number, it.title) for it in m.items] == [
        ("1", "Godkendelse af dagsorden"),
        ("2", "Forslag til lokalplan 4.123 for boliger på Holte Stationsvej"),
        ("3", "Skema A for almene familieboliger i Birkerød"),
        ("4", "Parkeringsstrategi for Holte bymidte"),
        ("5", "Lukket punkt: Salg af kommunal ejendom"),
    ]
    assert all(not it.decisions and it.case_number is None for it in m.items)
    assert [it.closed for it in m.items] == [False, False, False, False, True]
    assert m.items[0].sections == []
    # the Økonomi and Indstilling paragraphs inside the sagsfremstilling cell are sections of their own
    assert [s.name for s in m.items[2].sections] == ["Sagsfremstilling", "Økonomi", "Indstilling"]
    first = m.items[1].sections[0].text
    assert first.startswith("Lokalplanforslaget giver mulighed") and "\n\nParkering skal ske" in first
    assert m.items[1].sections[1].text.startswith("Forvaltningen indstiller, at forslag til lokalplan 4.123")


def test_rudersdal_header_is_no_committee() -> None:
    """Read as text it had the header line as committee and one item: the header is columns, not a line."""
    m = read_path(RUDERSDAL).meeting
    assert "moededato" not in m.committee and not any("moededato" in it.title for it in m.items)


def test_english_comma_separated_with_decisions() -> None:
    result = read_path(FIXTURES / "english_minutes.csv")
    m = result.meeting
    assert result.reader == "csv"
    assert (m.committee, m.date, m.time, m.status) == ("Technical Committee", date(2024, 3, 5), "17:00", "minutes")
    assert [(it.number, it.title) for it in m.items] == [
        ("1", "Approval of the agenda"), ("2", "Bicycle path along Harbour Road, phase 2"),
        ("3", "Winter road service"), ("4", "Closed item: Purchase of land")]
    assert [[d.text for d in it.decisions] for it in m.items] == [
        ["Approved."], ["Approved. For: A, V. Against: O."], ["Noted."], []]
    assert all(d.body == "Technical Committee" for it in m.items for d in it.decisions)
    assert m.items[1].sections[0].name == "Description" and "4.5 million DKK" in m.items[1].sections[0].text
    assert m.items[3].closed and not m.items[0].closed


def test_bad_row_names_the_row() -> None:
    path = FIXTURES / "bad_row.csv"
    with pytest.raises(IngestError) as err:
        read_path(path)
    assert err.value.path == str(path)
    assert err.value.reason == "CSV row 7 (line 8) has 5 fields, header has 7"  # row 3 spans two lines
    assert str(path) in str(err.value)


def test_prose_with_semicolons_not_claimed() -> None:
    path = FIXTURES / "prose_semicolons.txt"
    assert ";" in path.read_text(encoding="utf-8").splitlines()[0]
    assert not csv_rows.READER.sniff(_source(path))
    result = read_path(path)
    assert result.reader == "text" and len(result.meeting.items) == 2


def test_several_meetings_are_each_read() -> None:
    """Tab-separated; blank date and committee cells repeat the row above; an unknown column is a section."""
    result = read_path(FIXTURES / "two_meetings.tsv")
    m, later = result.meetings
    assert m is result.meeting and result.readers == ["csv", "csv"]
    assert (m.committee, m.date, len(m.items)) == ("Socialudvalget", date(2024, 9, 4), 3)
    assert result.warnings == ["2 meetings in one file (rows[0..1]), each read and stored on its own: "
                               "Socialudvalget 2024-09-04 (minutes), Socialudvalget 2024-09-18 (minutes)"]
    assert m.absentees == ["Karen Holm (V)"]  # the same afbud cell on every row: the meeting's
    assert m.items[1].case_worker == "Jens Berg"
    assert [(s.name, s.text) for s in m.items[1].sections] == [("Økonomi", "Rammen er 1,2 mio. kr.")]
    assert m.status == "minutes" and not m.items[2].decisions
    assert (later.committee, later.date, [it.title for it in later.items]) == (
        "Socialudvalget", date(2024, 9, 18), ["Godkendelse af dagsorden", "Budget 2025"])
    assert later.absentees == [] and all(it.decisions for it in later.items)


def test_absence_differing_per_row_is_the_items(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text("nr;titel;beslutning;dato;fraværende\n1;Budget;Godkendt.;2024-05-02;Ole Ravn (C)\n"
                    "2;Skoler;Godkendt.;2024-05-02;\n", encoding="utf-8")
    m = read_path(path).meeting
    assert m.absentees == [] and m.items[0].absentees == ["Ole Ravn (C)"] and m.items[1].absentees == []


def test_csv_with_no_item_columns_is_indexed_as_text_and_says_why() -> None:
    """A table that holds no agenda items is not rejected: its cells are indexed as one searchable document,
    and the warning names why no reader took it."""
    result = read_path(FIXTURES / "not_items.csv")
    assert result.reader == "fulltext"
    assert "CSV header ('navn', 'adresse', 'telefon') names no column" in result.warnings[0]
    assert "Rådhusvej 1" in result.meeting.items[0].text


def test_utf16_tab_separated_excel_export(tmp_path: Path) -> None:
    text = "Punkt\tTitel\tBeslutning\tMødedato\r\n1\tGodkendelse af dagsorden\tGodkendt.\t05.02.2024\r\n"
    path = tmp_path / "export.txt"
    path.write_bytes(text.encode("utf-16"))  # with BOM, as Excel writes "Unicode text"
    result = read_path(path)
    assert result.reader == "csv" and result.meeting.date == date(2024, 2, 5)
    assert result.meeting.items[0].title == "Godkendelse af dagsorden"


def test_sniffed_by_content_not_name(tmp_path: Path) -> None:
    path = tmp_path / "minutes.dat"
    shutil.copy(RUDERSDAL, path)
    assert read_path(path).reader == "csv"


def test_folder_picks_up_csv_and_reports_unknown(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    shutil.copy(RUDERSDAL, tmp_path / RUDERSDAL.name)
    (tmp_path / "notes.pages").write_bytes(b"PK\x03\x04")
    (tmp_path / ".DS_Store").write_bytes(b"\x00")
    skipped: list[tuple[Path, str]] = []
    assert list(expand([tmp_path], on_skip=lambda p, why: skipped.append((p, why)))) == [tmp_path / RUDERSDAL.name]
    assert skipped == [(tmp_path / "notes.pages", "unknown file type '.pages'; not read")]
    with caplog.at_level(logging.WARNING, logger="referat.ingest"):
        list(expand([tmp_path]))
    assert any("notes.pages" in r.getMessage() and "unknown file type" in r.getMessage() for r in caplog.records)


def test_folder_ingest_stores_the_csv_meeting(tmp_path: Path, container: Container) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(RUDERSDAL, folder / RUDERSDAL.name)
    report = ingest_paths(container.indexer, [folder])
    assert not report.failed and len(report.added) == 1 and report.items == 5
