"""Near misses from blind rounds dev27 and dev28, asked of whole stored meetings: a plan for a later meeting asked
what was said there, a rejected or postponed proposal taken as done, a sum the question assumes, a bidder the
minutes leave unnamed, the approval of the agenda ranked above the item. Each beside a twin the minutes answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.container import Container
from tests.helpers import ingest_text

GREVE = """Greve Kommune
Referat af Sundheds- og Omsorgsudvalget den 9. januar 2023

Punkt 1: Godkendelse af dagsorden
Godkendelse af dagsorden for mødet den 9. januar 2023.
Beslutning i Sundheds- og Omsorgsudvalget den 09-01-2023
Godkendt.

Punkt 2: Plan for introduktionsmøder i 2023
Sagsfremstilling
Den 13. marts 2023 orienterer lederen af Træningsenheden om genoptræningsplaner.
Beslutning i Sundheds- og Omsorgsudvalget den 09-01-2023
Godkendt.

Punkt 3: Stop Spild Lokalt - ophør af støtte
Sagsfremstilling
Stop Spild Lokalt har indført et håndteringsgebyr på 35 kr.
Indstilling
Administrationen indstiller, at støtten på 10.000 kr. ophører fra 1. januar 2025.
Beslutning i Sundheds- og Omsorgsudvalget den 09-01-2023
Ikke godkendt.

Punkt 4: Salg af den tidligere skole i Tune
Sagsfremstilling
Det højeste bud er på 3.150.000 kr. fra Tune Udvikling ApS, som vil bygge 14 rækkehuse.
Det næsthøjeste bud er på 2.700.000 kr. fra en privat køber, der vil bruge bygningerne til værksteder.
Beslutning i Sundheds- og Omsorgsudvalget den 09-01-2023
Godkendt, at ejendommen sælges til Tune Udvikling ApS.
"""


@pytest.fixture()
def greve(container: Container, tmp_path: Path) -> Container:
    return ingest_text(container, tmp_path / "greve.txt", GREVE)


def test_what_was_said_at_a_later_meeting_an_item_only_plans(greve: Container) -> None:
    later = greve.service.ask("Hvad fortalte lederen af Træningsenheden om genoptræningsplaner på "
                              "introduktionsmødet 13. marts 2023?")
    assert later.refused
    plan = greve.service.ask("Hvem orienterer om genoptræningsplaner på introduktionsmøderne i Greve?")
    assert not plan.refused and "Træningsenheden" in plan.answer


def test_a_rejected_proposal_taken_as_done(greve: Container) -> None:
    done = greve.service.ask("Udvalget stoppede jo støtten til Stop Spild Lokalt i Greve – fra hvornår gælder det?")
    assert done.refused and "ikke godkendt" in done.answer
    asked = greve.service.ask("Hvor stort er gebyret hos Stop Spild Lokalt i Greve?")
    assert not asked.refused and "35 kr." in asked.answer


def test_a_bidder_the_minutes_leave_unnamed(greve: Container) -> None:
    unnamed = greve.service.ask("Who was the private bidder who offered 2.7 million kroner for the old school in Tune?")
    assert unnamed.refused
    wrong = greve.service.ask("Who offered 2.9 million kroner for the old school in Tune?")
    assert wrong.refused
    named = greve.service.ask("Who offered 3.15 million kroner for the old school in Tune?")
    assert not named.refused and "Tune Udvikling" in named.answer


def test_the_approval_of_the_agenda_answers_no_topic(greve: Container) -> None:
    answer = greve.service.ask("Hvad blev der besluttet om introduktionsmøderne på Greves møde i januar 2023?")
    assert answer.citations and answer.citations[0].item_number == "2"
