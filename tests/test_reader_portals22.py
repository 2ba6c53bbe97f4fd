"""A third blind probe (sample_data/portals22, the careful reading in sample_data/portals22-expected.md): an accordion
HTML page, a semicolon CSV with one row per item, an XML export with HTML in CDATA whose absentee value carries its own
label ("<deltager>Afbud: Jan Kjærsgaard (S)</deltager>"), and a Markdown export. Each is read into the meeting a
careful reader sees; an absence label inside a value is no part of the name, and the name is listed once."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ingest.readers import read_source
from ingest.readers.base import Source, unlabelled

ROOT = Path(__file__).resolve().parent.parent / "sample_data" / "portals22"

EXPECTED = {
    "hedensted_teknisk-udvalg_2024-10-08.html": (
        ("Hedensted", "Teknisk Udvalg", date(2024, 10, 8), ["Henrik Dalsgaard (S)"]),
        [str(n) for n in range(84, 91)], [None, "24/18842", "23/09417", "24/15503", None, "24/12260", "24/00211"], 4),
    "jammerbugt_oekonomiudvalget_2025-02-19.md": (
        ("Jammerbugt", "Økonomiudvalget", date(2025, 2, 19), ["Ole Fredslund (V)"]),
        [str(n) for n in range(15, 22)], [None, "24/20415", "23/17730", "25/00412", None, "24/08836", "25/00019"], 4),
    "nyborg_social-og-sundhedsudvalget_2024-11-12.xml": (
        ("Nyborg", "Social- og Sundhedsudvalget", date(2024, 11, 12), ["Jan Kjærsgaard (S)"]),
        [str(n) for n in range(112, 119)], [None, "24/09951", "24/04477", "24/13380", "24/11862", None, "24/00302"], 5),
    "ringsted_kultur-og-fritidsudvalget_2024-05-14.csv": (
        ("Ringsted", "Kultur- og Fritidsudvalget", date(2024, 5, 14), ["Lone Abildgaard (V)"]),
        [str(n) for n in range(31, 38)], [None, "23/21904", "24/03318", "24/06671", None, "24/01127", "24/00088"], 4),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_third_blind_export_is_read_as_a_careful_reader_reads_it(name: str) -> None:
    path = ROOT / name
    m = read_source(Source(path.read_bytes(), path.name)).meeting
    facts, numbers, cases, closed = EXPECTED[name]
    assert (m.municipality, m.committee, m.date, m.absentees) == facts
    assert [it.number for it in m.items] == numbers
    assert [it.case_number for it in m.items] == cases
    assert [k for k, it in enumerate(m.items) if it.closed] == [closed]
    assert all(it.decisions for it in m.items) and m.status == "minutes"


def test_an_absence_label_inside_a_value_is_no_part_of_the_name() -> None:
    assert unlabelled(["Afbud: Jan Kjærsgaard (S)", "Jan Kjærsgaard (S)"]) == ["Jan Kjærsgaard (S)"]
    assert unlabelled(["Fraværende:  Bo Lind (V)", "Afbud"]) == ["Bo Lind (V)", "Afbud"]


def test_the_politicians_are_no_topic() -> None:
    from assistant import topics

    assert topics.topic_nouns("Hvad sagde politikerne i udvalget til den nye demensstrategi?", "da") == [
        "demensstrategi"]
