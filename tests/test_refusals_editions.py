"""An earlier year's edition of a recurring item does not answer for a later year, however its text looks ahead
to it; its own year, the year it replaces and a year its decision settles are answered from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.container import Container
from tests.helpers import ingest_text

MINUTES = """Nordby Kommune
Referat af Teknik- og Miljøudvalget den 12. september 2030
Afbud: Ole Bach (V)

Punkt 1: Færgetakster 2031
Sagsfremstilling
Prisen for en voksen enkeltbillet hæves fra 80 kr. i 2030 til 85 kr. i 2031. Ønsker til ændringer kan rejses i
løbet af foråret, så de kan indgå i arbejdet med færgetakster 2032.
Beslutning i Teknik- og Miljøudvalget den 12-09-2030
Godkendt.

Punkt 2: Parkeringsafgift ved stranden - evaluering af sæsonen 2030
Sagsfremstilling
Der blev solgt 12.000 døgnbilletter á 25 kr. i sæsonen 2030.
Beslutning i Teknik- og Miljøudvalget den 12-09-2030
Taget til efterretning, idet ordningen fortsætter uændret i 2031.
"""


@pytest.fixture()
def nordby(container: Container, tmp_path: Path) -> Container:
    return ingest_text(container, tmp_path / "nordby.txt", MINUTES)


def test_a_later_edition_is_refused_naming_the_edition_found(nordby: Container) -> None:
    later = nordby.service.ask("Hvad koster en voksen enkeltbillet med færgen efter færgetaksterne for 2032?")
    assert later.refused
    assert "Færgetakster 2031" in later.answer and "2032" in later.answer


def test_the_edition_answers_for_its_own_year_and_the_year_it_replaces(nordby: Container) -> None:
    own = nordby.service.ask("Hvad koster en voksen enkeltbillet med færgen efter færgetaksterne for 2031?")
    assert not own.refused and "85 kr." in own.answer
    before = nordby.service.ask("Hvad kostede en voksen enkeltbillet med færgen i 2030?")
    assert not before.refused and "80 kr." in before.answer


def test_a_decision_for_the_later_year_answers_for_it(nordby: Container) -> None:
    settled = nordby.service.ask("Fortsætter parkeringsordningen ved stranden i 2031?")
    assert not settled.refused and "uændret i 2031" in settled.answer
