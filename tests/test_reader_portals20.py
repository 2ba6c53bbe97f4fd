"""Four exports in layouts no reader was written for, written blind by another hand (sample_data/portals20, the careful
reading in sample_data/portals20-expected.md): an HTML page with <details> items, a namespaced XML with its facts in
attributes, a JSON export with mixed Danish/English keys, and a paged print. Each is read into the meeting a careful
reader sees: municipality, committee, date, time, venue, absences, every item's printed number, case number, closed
flag and whether a decision is recorded."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ingest.readers import read_source
from ingest.readers.base import Source

ROOT = Path(__file__).resolve().parent.parent / "sample_data" / "portals20"

EXPECTED = {
    "gribskov_klima-og-miljoeudvalget_2024-09-10.html": (
        ("Gribskov", "Klima- og Miljøudvalget", date(2024, 9, 10), "15:30",
         "Mødelokale Esrum, Rådhuset, Rådhusvej 3, 3200 Helsinge", ["Jesper Rahbek (Ø)"]),
        ["1", "2", "3", "4", "5", "6", "7"],
        [None, "24/08812", "23/15530", "24/02217", "24/11046", None, "24/00134"]),
    "skanderborg_boerne-og-undervisningsudvalget_2025-03-12.json": (
        ("Skanderborg", "Børne- og Undervisningsudvalget", date(2025, 3, 12), "16:00",
         "Mødelokale 3, Skanderborg Rådhus, Adelgade 44, 8660 Skanderborg", ["Troels Brandt (C)"]),
        ["1", "2", "3", "4", "5", "6", "7"],
        [None, "25/4471", "24/18320", "25/1290", "25/2056", None, "25/0088"]),
    "toender_oekonomiudvalget_2024-06-18.txt": (
        ("Tønder", "Økonomiudvalget", date(2024, 6, 18), "14:00",
         "Udvalgsværelset, Tønder Rådhus, Kongevej 57, 6270 Tønder", ["Tina Lindholm (Æ)"]),
        ["112", "113", "114", "115", "116", "117", "118"],
        [None, "24/5518", "23/19027", "24/2841", "24/6102", None, "24/0311"]),
    "varde_plan-og-teknikudvalget_2024-11-05.xml": (
        ("Varde", "Plan- og Teknikudvalget", date(2024, 11, 5), "13:00",
         "Mødelokale 1, Varde Rådhus, Bytoften 2, 6800 Varde", ["Ulla Fog Jakobsen (O)"]),
        ["1", "2", "3", "4", "5", "6", "7"],
        [None, "01.02.05-P16-3-23", "05.01.02-G01-12-22", "05.07.00-P20-4-24", "05.01.10-P24-1-24", None,
         "00.01.00-A00-4-24"]),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_an_unfamiliar_export_is_read_by_its_structure(name: str) -> None:
    path = ROOT / name
    m = read_source(Source(path.read_bytes(), path.name)).meeting
    facts, numbers, cases = EXPECTED[name]
    assert (m.municipality, m.committee, m.date, m.time, m.location, m.absentees) == facts
    assert m.status == "minutes"
    assert [it.number for it in m.items] == numbers
    assert [it.case_number for it in m.items] == cases
    assert [it.closed for it in m.items] == [False] * 5 + [True, False]  # "Lukket punkt: ..." is the sixth item
    assert all(it.decisions for it in m.items)  # every item, the closed one too, records a decision
    assert m.items[0].title == "Godkendelse af dagsorden" and m.items[-1].title == "Meddelelser"
