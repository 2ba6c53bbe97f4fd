"""Near misses from the blind rounds dev31 and dev32: a facility named after its town, a committee named by its
initials in another's item, a first-person framing that names no topic, a hearing's responses asked of an item that
only sends a plan to hearing, a person of one firm asked of a passage naming another's, a unit of weight, the
regional council's decision asked of a committee's recommendation. Each beside a twin the minutes answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import salient, topics, unanswered
from assistant.container import Container
from tests.helpers import ingest_text

SKIVE = """Skive Kommune
Referat af Kultur- og Fritidsudvalget den 16. april 2024

Punkt 1: Ny driftsaftale med Skive Svømmehal
Sagsfremstilling
Den nye driftsaftale med Skive Svømmehal gælder fra 1. januar 2025 og indeholder krav om 20 timers ugentlig
skolesvømning.
Beslutning i Kultur- og Fritidsudvalget den 16-04-2024
Godkendt.

Punkt 2: Trafiksikkerhedsplan 2024-2028 - udsendelse i høring
Sagsfremstilling
Planen bygger på borgernes henvendelser om utrygge steder. Der kom 642 henvendelser.
Planen foreslås sendt i offentlig høring i otte uger.
Beslutning i Kultur- og Fritidsudvalget den 16-04-2024
Godkendt med den ændring, at høringsperioden forlænges til ti uger.

Punkt 3: Temamøde om affaldsudbuddet
Sagsfremstilling
KLAR Forsyning A/S har sammen med det rådgivende ingeniørfirma COWI A/S udarbejdet analyser om drivmidler.
Teknisk direktør Jesper Koziara, fra KLAR Forsyning A/S, vil præsentere oplægget.
Beslutning i Kultur- og Fritidsudvalget den 16-04-2024
Taget til efterretning.

Punkt 4: Slam på marken ved Hvidevej
Sagsfremstilling
Marken ligger over to af forsyningens kildepladser. Klima-, Teknik- og Miljøudvalget har tidligere behandlet
sagen. Administrationen har varslet et forbud mod udbringning af slam.
Beslutning i Kultur- og Fritidsudvalget den 16-04-2024
Godkendt.
"""

TONDER = """Tønder Kommune
Referat af Kultur- og Fritidsudvalget den 29. oktober 2024

Punkt 1: Renovering af Tønder Svømmehal
Sagsfremstilling
Svømmehallen holdes lukket fra 1. maj til 31. august 2025 under renoveringen.
Beslutning i Kultur- og Fritidsudvalget den 29-10-2024
Godkendt.
"""


@pytest.fixture()
def towns(container: Container, tmp_path: Path) -> Container:
    ingest_text(container, tmp_path / "skive.txt", SKIVE)
    return ingest_text(container, tmp_path / "tonder.txt", TONDER)


def test_a_facility_named_after_its_town_is_that_town_s(towns: Container) -> None:
    assert salient.town_places("Hvornår lukker Skive Svømmehal for renovering?") == ["Skive Svømmehal"]
    skive = towns.service.ask("Hvornår lukker Skive Svømmehal for renovering?")
    assert skive.refused and "Tønder" not in skive.answer.split("\n")[0]
    hours = towns.service.ask("Hvor mange timers skolesvømning skal Skive Svømmehal tilbyde?")
    assert not hours.refused and "20 timers" in hours.answer


def test_a_hearing_s_responses_of_an_item_sending_a_plan_to_hearing(towns: Container) -> None:
    answers = towns.service.ask("Hvor mange høringssvar kom der i høringen om trafiksikkerhedsplanen i Skive?")
    assert answers.refused
    before = towns.service.ask("Hvor mange henvendelser kom der om utrygge steder til trafiksikkerhedsplanen i Skive?")
    assert not before.refused and "642" in before.answer


def test_a_person_of_one_firm_is_not_another_s(towns: Container) -> None:
    cowi = towns.service.ask("Hvem fra COWI fremlagde analyserne om drivmidler på temamødet i Skive?")
    assert cowi.refused
    klar = towns.service.ask("Hvem fra KLAR Forsyning fremlagde analyserne om drivmidler på temamødet i Skive?")
    assert not klar.refused and "Jesper Koziara" in klar.answer


def test_a_weight_asked_of_an_item_stating_none(towns: Container) -> None:
    tonnes = towns.service.ask("Hvor mange tons slam skulle udbringes på marken ved Hvidevej i Skive?")
    assert tonnes.refused


def test_the_pure_checks() -> None:
    # an initials-named committee is found in another committee's item that names it in full
    text = salient.item_text("Greve", "Økonomiudvalget", "Energi", "Klima-, Teknik- og Miljøudvalget besluttede")
    assert not salient.missing(text, ["KTM"])
    # a first-person framing is who asks, not what is asked
    assert salient.asked_part("Jeg skriver en artikel om kulturstøtte i Storkøbenhavn - hvor meget fik X?") == (
        "hvor meget fik X?")
    assert salient.asked_part("I Greve har byrådet besluttet X. Hvad koster det?").startswith("I Greve")
    # the minutes' own word given in brackets is looked for whole, not by its halves ("løb" in "forløb")
    absent = topics.absent("Has Greve any rules for rental e-scooters (løbehjul)?", "en", ["Greve"],
                           lambda parts, _m: all(p in "forloeb aarshjul" for p in parts))
    assert "løbehjul" in absent
    assert "gerne" not in topics.topic_nouns("Jeg vil gerne have et ændringsforslag med. Hvornår skal det senest "
                                             "være inde?", "da")
    # a stance the question itself names is no reason for it
    q = "Why did Venstre enter a reservation on the framework?"
    assert unanswered.party_reason(q, "Venstre tog forbehold.") is False
    assert unanswered.party_reason("Hvorfor stemte V imod?", "Venstre tog forbehold.") is True
