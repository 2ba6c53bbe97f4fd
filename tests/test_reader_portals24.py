"""Two more blind probes in the real portal schemas of sample_data/minutes/SOURCES.md, read first time
(sample_data/portals24: First Agenda JSON, JSON-lines sections, SBSYS Publication XML, eDoc XML; sample_data/portals25:
First Agenda publication HTML, PDF text, SBSYS-Aarhus publication.xml, Acadre XML with item records). The careful
reading is in sample_data/portals24-expected.md and portals25-expected.md."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ingest.parse import read_path

ROOT = Path(__file__).resolve().parent.parent / "sample_data"
KLE = ["00.01.00-A00-14-23", "00.01.00-A00-15-23", "28.00.00-P20-6-23", "27.12.00-Ø00-3-23", "17.12.00-A26-2-23",
       "17.01.10-P22-1-23", "28.03.00-A00-2-23", "28.15.00-S00-4-23", "28.03.04-G01-1-23", "17.02.00-P22-3-23", None]

EXPECTED = {
    "portals24/samsoe_oekonomiudvalget_2024-06-18.xml": (
        ("Samsø", "Økonomiudvalget", date(2024, 6, 18), ["Lars Ole Brandt (V)"]),
        [str(n) for n in range(87, 96)],
        [None, None, "2024-000842", "2024-000213", "2024-001187", "2024-000990", "2024-000655", "2024-001044", None],
        ["94", "95"]),
    "portals24/solroed_boerne-og-uddannelsesudvalget_2025-03-04.jsonl": (
        ("Solrød", "Børne- og Uddannelsesudvalget", date(2025, 3, 4), ["Hanne Lykke Sommer"]),
        [str(n) for n in range(1, 10)],
        [None, "24-017455", "25-001203", "24-019002", "24-020512", "25-002214", "25-000877", None, None], ["4"]),
    "portals24/vesthimmerland_teknik-og-miljoeudvalget_2024-11-12.json": (
        ("Vesthimmerland", "Teknik- og Miljøudvalget", date(2024, 11, 12), ["Torben Hvass", "Mette Nørgaard Dahl"]),
        [str(n) for n in range(1, 10)],
        [None, "24-018231", "24-015530", "24-012904", "24-009876", "23-020114", "24-017702", None, None], ["2"]),
    "portals24/vordingborg_social-og-sundhedsudvalget_2023-10-03.xml": (
        ("Vordingborg", "Social- og Sundhedsudvalget", date(2023, 10, 3), ["Birgit Holm Jensen (V)"]),
        [str(n) for n in range(1, 9)],
        [None, None, "27.12.00-G01-14-23", "27.00.00-P22-2-23", "00.30.10-S00-37-23", "82.02.00-G01-9-23",
         "29.09.00-G01-5-23", "27.27.00-A00-3-23"], ["6"]),
    "portals25/billund_boerne-og-familieudvalget_2023-11-07.xml": (
        ("Billund", "Børne- og Familieudvalget", date(2023, 11, 7), ["Thomas Juhl (C)"]),
        ["1", "2", "2.1", "2.2", "2.3", "3", "4", "5", "6", "7", "8"], KLE, ["8"]),
    "portals25/lemvig_teknik-og-miljoeudvalget_2024-05-14.html": (
        ("Lemvig", "Teknik- og Miljøudvalget", date(2024, 5, 14), ["Karina Bach (C)"]),
        [str(n) for n in range(1, 9)],
        ["00.01.00-A00-1-24", "00.01.00-A00-2-24", "00.30.14-S00-3-24", "01.02.05-P16-4-23", "05.01.10-G01-2-24",
         "05.13.00-P15-1-23", "00.22.04-A00-3-24", "13.06.02-P20-5-24"], ["8"]),
    "portals25/samsoe_oekonomiudvalget_2025-03-18.txt": (
        ("Samsø", "Økonomiudvalget", date(2025, 3, 18), ["Niels Brink (C)"]),
        [str(n) for n in range(1, 10)],
        ["25/214", "25/215", "25/087", "24/1033", "23/0877", "24/0661", "25/0190", "25/0152", "24/0875"], ["9"]),
    "portals25/stevns_kultur-og-fritidsudvalget_2024-02-06.xml": (
        ("Stevns", "Kultur- og Fritidsudvalget", date(2024, 2, 6), ["Pernille Bak (F)"]),
        [str(n) for n in range(1, 9)],
        ["24/118", "24/119", "24/205", "23/3310", "24/061", "24/072", "23/2894", "24/090"], ["8"]),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_real_schema_export_is_read_as_a_careful_reader_reads_it(name: str) -> None:
    [m] = read_path(ROOT / name, None).meetings
    facts, numbers, cases, closed = EXPECTED[name]
    assert (m.municipality, m.committee, m.date, m.absentees) == facts
    assert [it.number for it in m.items] == numbers
    assert [it.case_number for it in m.items] == cases
    assert [it.number for it in m.items if it.closed] == closed


def test_an_absence_only_in_the_attendance_flags_is_read() -> None:
    """Vesthimmerland: Torben Hvass is absent by the participant flags alone, no decision text names him."""
    path = ROOT / "portals24/vesthimmerland_teknik-og-miljoeudvalget_2024-11-12.json"
    assert "Afbud: Torben Hvass" not in path.read_text(encoding="utf-8")
    [m] = read_path(path, None).meetings
    assert "Torben Hvass" in m.absentees
