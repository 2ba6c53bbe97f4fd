"""The five real seeds: golden files, plus the facts a person reads off each one."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from core.model import Meeting
from ingest.parse import parse_file
from tests.conftest import SEEDS

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem for s in SEEDS])
def test_parse_matches_golden(seed: Path) -> None:
    got = json.loads(parse_file(seed).model_dump_json())
    want = json.loads((GOLDEN / f"{seed.stem}.json").read_text(encoding="utf-8"))
    assert got == want


def meeting(prefix: str) -> Meeting:
    return parse_file(next(s for s in SEEDS if s.name.startswith(prefix)))


def test_fredericia_items_and_multi_body_decisions() -> None:
    m = meeting("000")
    assert (m.municipality, m.committee, m.date, m.time) == ("Fredericia", "Beskæftigelses- og Sundhedsudvalget",
                                                            date(2022, 5, 5), "15:30")
    assert [it.number for it in m.items] == [str(n) for n in range(1, 10)]
    assert m.items[2].title == "Beslutningssag: Handleplanskatalog til Fredericia for Livet"
    assert [(d.body, d.date) for d in m.items[4].decisions] == [
        ("Senior- og Socialudvalget", date(2022, 5, 3)), ("Beskæftigelses- og Sundhedsudvalget", date(2022, 5, 5))]
    assert m.items[6].decisions[0].body == "Byrådet" and m.items[6].decisions[0].date == date(2022, 4, 27)
    assert m.items[7].closed and not m.items[6].closed


def test_svendborg_unnumbered_items_found_from_structure() -> None:
    m = meeting("001")
    assert (m.municipality, m.date) == ("Svendborg", date(2021, 3, 8))
    assert len(m.items) == 10
    assert all(it.number is None and it.title_derived for it in m.items)
    assert [it.order for it in m.items] == list(range(1, 11))
    assert m.items[0].title == "Godkendelse af dagsorden"
    assert m.items[2].title == "Orientering om budgetproceduren for 2022"
    assert m.items[3].decisions[0].text.startswith("Indsatsplanen blev godkendt")
    assert all(len(it.decisions) == 1 for it in m.items)


def test_faxe_markdown_numbers_case_numbers_absentees() -> None:
    m = meeting("002")
    assert (m.municipality, m.committee, m.date) == ("Faxe", "Beskæftigelses & Integrationsudvalget",
                                                     date(2019, 11, 25))
    assert [it.number for it in m.items] == [str(n) for n in range(71, 80)]
    assert m.items[1].case_number == "00.01.00-K09-2-19"
    assert m.items[0].absentees == ["Nellie Bradsted (V)"]
    assert m.items[-1].closed
    assert m.location and "Haslev" in m.location


def test_esbjerg_votes_and_four_committees() -> None:
    m = meeting("003")
    assert (m.municipality, m.committee, m.date) == ("Esbjerg", "Social & Arbejdsmarkedsudvalget", date(2024, 1, 16))
    five = m.items[4]
    assert (five.number, five.title, five.case_number) == ("5", "Prækvalifikation Helhedsplan 2025-2029", "23/26518")
    votes = {v.position: v for v in five.decisions[0].votes}
    assert votes["against"].count == 1 and votes["against"].members[0].name == "Sabrina Bech Bartholin"
    assert votes["for"].count == 3 and [x.party for x in votes["for"].members] == ["A", "V", "V"]
    assert five.decisions[0].outcome == "approved"
    assert len(m.items[3].decisions) == 4
    assert m.items[6].decisions[0].outcome == "postponed" and m.items[6].decisions[1].outcome == "noted"
    assert set(m.absentees) == {"Nicolaj Aarøe", "Rasmus Rasmussen", "Anne Marie Geisler Andersen"}
    assert m.items[8].closed


def test_lejre_decision_before_case_text() -> None:
    m = meeting("004")
    assert (m.municipality, m.committee, m.date) == ("Lejre", "Udvalget for Job & Arbejdsmarked", date(2020, 1, 8))
    assert len(m.items) == 11
    assert m.items[0].absentees[0] == "Ole Blickfeldt (O)"
    ten = m.items[9]
    assert [d.body for d in ten.decisions] == ["Udvalget for Børn & Ungdom", "Udvalget for Job & Arbejdsmarked"]
    assert ten.section("Sagsfremstilling") is not None
    assert m.items[7].decisions[0].text.startswith("Punktet blev drøftet.")
