"""A fourth blind probe (sample_data/portals23, the careful reading in sample_data/portals23-expected.md): a portal
page with `<section class="agenda-item">` items, a nested JSON export with `{label, html}` fields, a paged PDF print
with a dotted table of contents and "Side N af M" footers, and a namespaced XML export. Its questions use everyday
words the minutes do not (eval/portals23.jsonl). Read first time, no reader changed for it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ingest.readers import read_source
from ingest.readers.base import Source

ROOT = Path(__file__).resolve().parent.parent / "sample_data" / "portals23"

EXPECTED = {
    "aabenraa_social-og-sundhedsudvalget_2024-09-11.xml": (
        ("Aabenraa", "Social- og Sundhedsudvalget", date(2024, 9, 11), ["Ole Vinding (C)"]),
        [str(n) for n in range(95, 104)],
        [None, "23/31775", "24/14402", "24/12093", "24/11560", None, "24/09985", "24/05531", "24/00318"], "100"),
    "broenderslev_boerne-og-skoleudvalget_2024-10-07.json": (
        ("Brønderslev", "Børne- og Skoleudvalget", date(2024, 10, 7), ["Niels Erik Kjær (DF)"]),
        [str(n) for n in range(78, 86)],
        [None, "24/11490", "23/18805", "24/06617", "24/08120", None, "24/10056", "24/00057"], "83"),
    "mariagerfjord_teknik-og-miljoeudvalget_2024-11-19.html": (
        ("Mariagerfjord", "Teknik- og Miljøudvalget", date(2024, 11, 19), ["Hanne Kirk (S)"]),
        [str(n) for n in range(142, 150)],
        [None, "24/15873", "24/09231", "24/17402", None, "23/20118", "24/12877", "24/00145"], "146"),
    "odder_kultur-og-fritidsudvalget_2025-01-20.txt": (
        ("Odder", "Kultur- og Fritidsudvalget", date(2025, 1, 20), ["Rikke Sønderskov (A)"]),
        [str(n) for n in range(1, 10)],
        [None, "24/18230", "24/20561", "24/19942", None, "24/15108", "24/13377", "24/21004", "25/00031"], "5"),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_fourth_blind_export_is_read_as_a_careful_reader_reads_it(name: str) -> None:
    path = ROOT / name
    m = read_source(Source(path.read_bytes(), path.name)).meeting
    facts, numbers, cases, closed = EXPECTED[name]
    assert (m.municipality, m.committee, m.date, m.absentees) == facts
    assert [it.number for it in m.items] == numbers
    assert [it.case_number for it in m.items] == cases
    assert [it.number for it in m.items if it.closed] == [closed]
