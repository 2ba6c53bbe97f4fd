"""A topic asked of a meeting day that did not treat it (the item of that day is about something else; another
day's item is about the topic), and a region named as an actor in another's minutes (calibration set dev18)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.container import Container
from tests.helpers import ingest_text

AUGUST = """Aarhus Kommune
Referat af Aarhus Byråd den 27. august 2025
Mødedato: 27. august 2025 kl. 18.00

Punkt 2: Svar på forslag om at sikre Havnens Perle på Aarhus Ø
Sagsfremstilling
Forslaget handler om en principbeslutning om Havnens Perle ved havnen på Aarhus Ø.

Beslutning i Aarhus Byråd den 27-08-2025
Fremsendes til Teknisk Udvalg.
"""

OCTOBER = """Aarhus Kommune
Referat af Aarhus Byråd den 8. oktober 2025
Mødedato: 8. oktober 2025 kl. 18.00

Punkt 11: Svar på forslag om vindmøller på Aarhus Havn
Sagsfremstilling
Byrådet har bedt om en undersøgelse af vindmøller på Aarhus Havn og dialog med havnen.

Beslutning i Aarhus Byråd den 08-10-2025
Godkendt.
"""

GREVE = """Greve Kommune
Referat af Social- og Handicapudvalget den 9. september 2024
Mødedato: 9. september 2024 kl. 16.00

Punkt 2: Besøg på Kofoedsminde
Sagsfremstilling
Rammeaftale Sjælland gør opmærksom på, at Region Sjælland estimerer, at det vil koste ca. 43,7 mio. kr. årligt at
drive 10 nye pladser på Kofoedsminde.

Beslutning i Social- og Handicapudvalget den 09-09-2024
Taget til efterretning.
"""


REGION = """Region Syddanmark
Referat af Udvalget for Det Nære Sundhedsvæsen den 21. oktober 2024
Mødedato: 21. oktober 2024 kl. 15.00

Punkt 3: Lægedækning i Tønder - etablering af regionsklinik
Sagsfremstilling
Siden 2022 er 4 ydernumre i Tønder Kommune blevet ledige, og ca. 5.600 borgere er i dag tilknyttet midlertidige
udbudsklinikker.

Beslutning i Udvalget for Det Nære Sundhedsvæsen den 21-10-2024
Anbefales.
"""


@pytest.fixture()
def store(container: Container, tmp_path: Path) -> Container:
    for name, text in (("august", AUGUST), ("october", OCTOBER), ("greve", GREVE), ("region", REGION)):
        ingest_text(container, tmp_path / f"{name}.txt", text)
    return container


def test_a_topic_asked_of_a_day_that_did_not_treat_it(store: Container) -> None:
    wrong = store.service.ask("Hvad besluttede Aarhus Byråd om vindmøller på Aarhus Havn på mødet den 27. august 2025?")
    assert wrong.refused and "08-10-2025" in wrong.answer and "vindmøller" in wrong.answer
    right = store.service.ask("Hvad besluttede Aarhus Byråd om vindmøller på Aarhus Havn på mødet den 8. oktober 2025?")
    assert not right.refused and right.citations[0].item_number == "11"


def test_a_region_named_as_an_actor_in_another_municipalitys_minutes(store: Container) -> None:
    asked = store.service.ask("Hvad estimerer Region Sjælland, at det koster årligt at drive 10 nye pladser?")
    assert not asked.refused and "43,7 mio. kr." in asked.answer
    other = store.service.ask("Hvordan fordelte Region Sjælland pengene til nye svømmehaller?")
    assert other.refused and "Region Sjælland" in other.answer


def test_a_town_with_no_minutes_told_of_by_its_region(store: Container) -> None:
    question = "Hvor mange borgere i {} Kommune er tilknyttet udbudsklinikker ifølge Region Syddanmark?"
    asked = store.service.ask(question.format("Tønder"))
    assert not asked.refused and "5.600 borgere" in asked.answer
    other = store.service.ask(question.format("Aabenraa"))
    assert other.refused and "Aabenraa" in other.answer


def test_a_topic_asked_of_a_month_whose_meeting_did_not_treat_it(store: Container) -> None:
    """A month with its year names the meeting as a day does (calibration set dev20)."""
    wrong = store.service.ask("Hvad besluttede Aarhus Byråd om vindmøller på Aarhus Havn på mødet i august 2025?")
    assert wrong.refused and "08-10-2025" in wrong.answer
    right = store.service.ask("Hvad besluttede Aarhus Byråd om vindmøller på Aarhus Havn på mødet i oktober 2025?")
    assert not right.refused and right.citations[0].item_number == "11"


def test_a_topic_no_item_of_the_day_names_is_refused_with_no_other_day(store: Container) -> None:
    """The day's meeting is found and none of its items names the topic: it was not on that agenda, whether or
    not another day's item is found; the refusal names what is missing. A name ("City Metro") counts too."""
    asked = store.service.ask("Hvad besluttede Aarhus Byråd om letbanen på mødet den 27. august 2025?")
    assert asked.refused and "27-08-2025" in asked.answer and "letbanen" in asked.answer
    glossed = store.service.ask("What did Aarhus City Council decide about artificial turf pitches (kunstgræsbaner) "
                                "at its meeting on 27 August 2025?")
    assert glossed.refused and "kunstgræsbaner" in glossed.answer
    named = store.service.ask("What did Aarhus City Council decide about the Aarhus City Metro at its meeting on "
                              "27 August 2025?")
    assert named.refused and "Metro" in named.answer
    kept = store.service.ask("What did Aarhus City Council decide about Havnens Perle at its meeting on "
                             "27 August 2025?")
    assert not kept.refused and kept.citations[0].item_number == "2"
