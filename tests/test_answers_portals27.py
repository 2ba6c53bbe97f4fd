"""Answers of the kind the blind set portals27 met (session 26), end to end over a stored meeting: a closed item
whose decision only recommends it to the council names no buyer, while an item titled by the firm asked about
is still the answer; a compound noun the minutes abbreviate ("skolefritidsordningen" / "SFO") is no absent
topic."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.container import Container
from tests.helpers import ingest_text

MINUTES = """Herlev Kommune
Referat af Økonomiudvalget den 3. september 2025

Punkt 3: Lukket punkt: Salg af byggefelt B3 i Herlev Bymidte
Beslutning i Økonomiudvalget den 03-09-2025
Anbefales over for Kommunalbestyrelsen.

Punkt 4: Kommunegaranti for lån til Herlev Fjernvarme
Beslutning i Økonomiudvalget den 03-09-2025
Anbefales over for Kommunalbestyrelsen.

Punkt 5: Takster for SFO og klub 2026
Sagsfremstilling
Forvaltningen foreslår en månedlig takst i SFO på 1.950 kr. i 2026 og en takst i klub på 520 kr.
Beslutning i Økonomiudvalget den 03-09-2025
Godkendt.
"""


@pytest.fixture()
def herlev(container: Container, tmp_path: Path) -> Container:
    return ingest_text(container, tmp_path / "herlev.txt", MINUTES)


def test_a_bare_recommendation_of_a_closed_item_names_no_buyer(herlev: Container) -> None:
    bought = herlev.service.ask("Hvem har købt byggefelt B3 i Herlev Bymidte?")
    assert bought.refused
    firm = herlev.service.ask("Hvilket selskab søger Herlev om en kommunegaranti?")
    assert not firm.refused and "Herlev Fjernvarme" in firm.answer


def test_a_word_written_out_that_the_minutes_abbreviate(herlev: Container) -> None:
    fee = herlev.service.ask("Hvad koster skolefritidsordningen om måneden i Herlev i 2026?")
    assert not fee.refused and "1.950 kr." in fee.answer


HORSENS = """Horsens Kommune
Referat af Kultur- og Fritidsudvalget den 11. november 2024
Afbud: Camilla Brask Nørgaard

Punkt 1: Godkendelse af dagsorden
Resume
Mødet holdes undtagelsesvis i Forum Horsens, mødelokale Tribunen, og indledes kl. 16.00 med en rundvisning.
Beslutning i Kultur- og Fritidsudvalget den 11-11-2024
Godkendt.

Punkt 2: Kulturpuljen 2025
Sagsfremstilling
Puljen fordeles til 14 foreninger.
Beslutning i Kultur- og Fritidsudvalget den 11-11-2024
Godkendt.
"""


def test_a_venue_told_only_in_an_item_answers_where_the_meeting_was_held(container: Container,
                                                                        tmp_path: Path) -> None:
    horsens = ingest_text(container, tmp_path / "horsens.txt", HORSENS)
    answer = horsens.service.ask("Hvem havde meldt afbud til mødet i Horsens' Kultur- og Fritidsudvalg den "
                                 "11. november 2024, og hvor blev mødet holdt?")
    assert not answer.refused and "Camilla Brask Nørgaard" in answer.answer and "Forum Horsens" in answer.answer
    venue = next(c for c in answer.citations if "Forum Horsens" in c.quote)
    assert venue.item_number == "1"  # cited to the item that says it, verbatim
