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

Punkt 5: Dispensation til kunstgræsbane med gummigranulat
Sagsfremstilling
Tune IF søger dispensation til at anlægge en kunstgræsbane med gummigranulat.
Beslutning i Sundheds- og Omsorgsudvalget den 09-01-2023
Udvalget kunne enstemmigt tiltræde indstillingen.
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


def test_the_town_compared_with_is_not_the_town_asked_about() -> None:
    from assistant.outside import asked_towns
    from assistant.scope import other_year
    assert asked_towns("Har Middelfart også indført tryghedsvagter ligesom Greve?", ["Middelfart", "Greve"]) == [
        "Middelfart"]
    assert asked_towns("Did Aarhus, like Greve, hire security guards?", ["Aarhus", "Greve"]) == ["Aarhus"]
    assert asked_towns("Hvad besluttede Greve og Aarhus om kunstgræs?", ["Greve", "Aarhus"]) == ["Greve", "Aarhus"]
    # a span the quote scopes that does not cover the year asked
    quote = "Puljen er på 4,8 mio. kr. årligt i perioden 2025-2027. Der foreslås 1,2 mio. kr. årligt til festivalen."
    assert other_year(quote, ["2024"]) == "2025-2027"
    assert other_year(quote, ["2026"]) is None


def test_how_many_voted_of_a_unanimous_decision(greve: Container) -> None:
    count = greve.service.ask("Hvor mange medlemmer stemte for dispensationen til kunstgræsbanen i Tune?")
    assert count.refused and "enstemmig" in count.answer
    how = greve.service.ask("Hvordan blev dispensationen til kunstgræsbanen i Tune vedtaget?")
    assert not how.refused and "enstemmigt" in how.answer


def test_a_figure_of_another_month_or_gross_for_net() -> None:
    from assistant import asked_values
    from assistant.scope import other_month
    said = "Ledigheden i Kolding Kommune var 2,9 pct. i september 2024 mod 3,1 pct. i september 2023."
    assert other_month("What was the unemployment rate in Kolding in October 2024?", said, "2024-11-18") == (
        "October 2024", "september 2024")
    assert other_month("What was the unemployment rate in Kolding in September 2024?", said, "2024-11-18") is None
    assert other_month("Hvad var ledigheden på mødet i november 2024?", said, "2024-11-18") is None  # the meeting
    net = "Nettoindtægten skønnes til 9,6 mio. kr. årligt efter fradrag af udgifter til skiltning og kontrol."
    assert asked_values.not_stated("Hvad er bruttoindtægten fra betalingsparkeringen?", net, net, "", "da") == (
        "et bruttobeløb")
    assert asked_values.not_stated("Hvad er nettoindtægten fra betalingsparkeringen?", net, net, "", "da") is None


GUARDS = """Greve Kommune
Referat af Plan- og Tryghedsudvalget den 25. marts 2025

Punkt 3: Tryghedsvagter i Greve Kommune
Sagsfremstilling
Kommunen har efter udbud indgået aftale med Vagtteam DK om tryghedsvagter i Greve Nord.
Ordningen koster 2,4 mio. kr. om året.
Beslutning i Plan- og Tryghedsudvalget den 25-03-2025
Godkendt.

Punkt 4: Ny legeplads ved Hundige Strand
Sagsfremstilling
Legepladsen koster 1,1 mio. kr. og åbner til sommer.
Beslutning i Plan- og Tryghedsudvalget den 25-03-2025
Godkendt.
"""


def test_a_history_given_as_text_is_replayed_like_a_conversation(container: Container, tmp_path: Path) -> None:
    from assistant.query import is_followup
    assert is_followup("ok and which security firm got the job?", ["Greve"], "What do the guards in Greve do?")
    ingest_text(container, tmp_path / "guards.txt", GUARDS)
    history = ["Hvad går tryghedsvagt-ordningen i Greve ud på?", "hvem har vundet opgaven?"]
    answer = container.service.ask("hvad koster det så kommunen om året?", history=history)
    assert not answer.refused and "2,4 mio. kr." in answer.answer
    assert answer.citations[0].item_number == "3"


KOEGE = """Køge Kommune
Referat af Teknik- og Miljøudvalget den 2. april 2025

Punkt 2: Ny legeplads ved Køge Strand
Sagsfremstilling
Legepladsen ved Køge Strand er tegnet af landskabsarkitekt Mette Holm og koster 2,0 mio. kr.
Beslutning i Teknik- og Miljøudvalget den 02-04-2025
Godkendt.
"""


def test_a_follow_up_the_conversations_item_does_not_answer_stays_in_its_town(container: Container,
                                                                               tmp_path: Path) -> None:
    ingest_text(container, tmp_path / "guards.txt", GUARDS)
    ingest_text(container, tmp_path / "koege.txt", KOEGE)
    history = ["Hvad koster den nye legeplads ved Hundige Strand?"]  # no town: the search is not narrowed
    answer = container.service.ask("og hvem har tegnet den?", history=history)
    assert all(c.municipality == "Greve" for c in answer.citations)
    assert "Mette Holm" not in answer.answer
