"""Four more exports written blind by another hand (sample_data/portals21, the careful reading in
sample_data/portals21-expected.md): a Word document with headings and tables, a JSON-lines export with one line per
item section whose every line repeats the meeting object, an old portal page laying each item out as table rows of a
spacer cell, a label cell (td.lbl) and a value cell, and a paged PDF print with hyphenated line ends and
"Fraværende: Kurt Engmark (O) - afbud". Each is read into the meeting a careful reader sees."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from core.vocab import split_names
from ingest.readers import read_source
from ingest.readers.base import Source

ROOT = Path(__file__).resolve().parent.parent / "sample_data" / "portals21"

EXPECTED = {
    "assens_teknik-og-miljoeudvalget_2024-10-07.docx": (
        ("Assens", "Teknik- og Miljøudvalget", date(2024, 10, 7), "16:30",
         "Mødelokale 1, Assens Rådhus, Rådhus Allé 5, 5610 Assens", ["Tina Mølgaard (A)"]),
        ["1", "2", "3", "4", "5", "6", "7"],
        ["24-000311", "24-018733", "24-011290", "24-015502", "24-009876", "24-019002", "24-000312"], 5),
    "faaborg-midtfyn_boerne-og-familieudvalget_2024-11-26.html": (
        ("Faaborg-Midtfyn", "Børne- og Familieudvalget", date(2024, 11, 26), "16:00",
         "Mødelokale 3, Rådhuset, Centrum 1, 5750 Ringe", ["Maja Tønnesen (A)"]),
        ["52", "53", "54", "55", "56", "57", "58"],
        ["24/00511", "24/24117", "24/21880", "24/19032", "24/20561", "24/22950", "24/00512"], 5),
    "halsnaes_oekonomiudvalget_2025-02-11.txt": (
        ("Halsnæs", "Økonomiudvalget", date(2025, 2, 11), "16:00",
         "Byrådssalen, Rådhuset, Rådhuspladsen 1, 3300 Frederiksværk", ["Kurt Engmark (O)"]),
        ["14", "15", "16", "17", "18", "19", "20", "21"],
        ["25/98", "24/31877", "25/1944", "24/29010", "24/22561", "24/27703", "25/1170", "25/102"], 3),
    "lolland_kultur-og-fritidsudvalget_2025-03-04.jsonl": (
        ("Lolland", "Kultur- og Fritidsudvalget", date(2025, 3, 4), "15:30",
         "Mødelokale 2.1, Lolland Rådhus, Jernbanevej 7, 4900 Nakskov", ["Niels Bonde (O)"]),
        ["31", "32", "33", "34", "35", "36", "37"],
        ["25/139", "25/2187", "24/19955", "24/28840", "25/412", "25/871", "25/140"], 5),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_blind_export_is_read_as_a_careful_reader_reads_it(name: str) -> None:
    path = ROOT / name
    m = read_source(Source(path.read_bytes(), path.name)).meeting
    facts, numbers, cases, closed = EXPECTED[name]
    assert (m.municipality, m.committee, m.date, m.time, m.location, m.absentees) == facts
    assert [it.number for it in m.items] == numbers
    assert [it.case_number for it in m.items] == cases
    assert [k for k, it in enumerate(m.items) if it.closed] == [closed]
    assert all(it.decisions for it in m.items) and m.status == "minutes"
    # a value cell beside a spacer cell is the decision's text, not "| Godkendt."
    assert all(not d.text.startswith("|") for it in m.items for d in it.decisions)


def test_a_reason_after_a_dash_is_no_part_of_the_name() -> None:
    assert split_names("Kurt Engmark (O) - afbud") == ["Kurt Engmark (O)"]
    assert split_names("Anne-Marie Holm (A), Bo Lind (V) – ferie") == ["Anne-Marie Holm (A)", "Bo Lind (V)"]
    assert split_names("Jens Hansen-Berg (V)") == ["Jens Hansen-Berg (V)"]


def test_a_word_table_of_data_keeps_its_cells_apart() -> None:
    """A grants table in a Word document: each row keeps its cells apart with " | ", as an HTML table's does, so
    "which association got the most?" can tell the applied sum from the granted one; a label row stays a label."""
    from ingest.votetable import table_lines

    rows = [["Ansøger", "Projekt", "Ansøgt (kr.)", "Indstillet (kr.)"],
            ["Haarby Å's Venner", "Gydegrus i Haarby Å", "140.000", "118.000"]]
    assert table_lines(rows)[1] == "Haarby Å's Venner | Gydegrus i Haarby Å | 140.000 | 118.000"
    assert table_lines([["Beslutning", "Godkendt."]]) == ["Beslutning", "Godkendt."]
    path = ROOT / "assens_teknik-og-miljoeudvalget_2024-10-07.docx"
    grants = read_source(Source(path.read_bytes(), path.name)).meeting.items[2]
    assert any(line.startswith("Haarby Å's Venner | ") for s in grants.sections for line in s.text.splitlines())
