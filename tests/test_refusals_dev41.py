"""Near misses from the blind rounds of session 18, each beside a twin the minutes answer: a chat fragment whose
words an item names only in unrelated paragraphs ("greve svømmehal renovering?"), and a meeting fact asked of a
meeting that a later item only recalls ("hvem var fraværende, da udvalget holdt møde den 14. august 2023?")."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import together, topics
from assistant.container import Container
from assistant.retrieve import acting
from tests.helpers import ingest_text

MINUTES = """Sorø Kommune
Referat af Kultur- og Fritidsudvalget den 28. maj 2024
Fraværende: Hans Hansen (V)

Punkt 1: Opfølgning på energibesparelser
Sagsfremstilling
I svømmehallen sænkes vandtemperaturen med en grad, og saunaerne holdes åbne.

Energirenoveringsprojekterne fortsætter i 2024 med nye vinduer på rådhuset.
Beslutning i Kultur- og Fritidsudvalget den 28-05-2024
Godkendt.

Punkt 2: Renovering af skøjtehallen
Sagsfremstilling
Renoveringen af skøjtehallen omfatter nyt tag og ny køleanlæg og koster 12 mio. kr.
Beslutning i Kultur- og Fritidsudvalget den 28-05-2024
Godkendt.

Punkt 3: Opfølgning på foreningspuljen
Sagsfremstilling
På udvalgsmødet den 14. august 2023 besluttede udvalget at afsætte 300.000 kr. til puljen.
Beslutning i Kultur- og Fritidsudvalget den 28-05-2024
Taget til efterretning.
"""


@pytest.fixture()
def solby(container: Container, tmp_path: Path) -> Container:
    return ingest_text(container, tmp_path / "solby.txt", MINUTES)


def test_a_fragment_whose_words_an_item_names_only_apart(solby: Container) -> None:
    apart = solby.service.ask("sorø svømmehal renovering?")
    assert apart.refused and "svømmehal" in apart.answer
    said = solby.service.ask("sorø skøjtehal renovering pris?")
    assert not said.refused and "12 mio. kr." in said.answer


def test_the_paragraph_check() -> None:
    text = "i svoemmehallen saenkes temperaturen.\n\nenergirenoveringsprojekterne fortsaetter."
    assert together.near("", text, ["svømmehal", "renovering"]) == ["svømmehal", "renovering"]
    assert together.near("renovering af svoemmehallen", text, ["svømmehal", "renovering"]) == []
    assert together.near("", "renoveringen af svoemmehallen koster 3 mio.", ["svømmehal", "renovering"]) == []


def test_a_meeting_fact_of_a_meeting_an_item_only_recalls(solby: Container) -> None:
    recalled = solby.service.ask("Hvem var fraværende, da Kultur- og Fritidsudvalget holdt møde den 14. august 2023?")
    assert recalled.refused and "14-08-2023" in recalled.answer
    stored = solby.service.ask("Hvem var fraværende, da Kultur- og Fritidsudvalget holdt møde den 28. maj 2024?")
    assert not stored.refused and "Hans Hansen" in stored.answer


def test_a_municipality_acting_is_not_a_place_told_of() -> None:
    assert acting("Samsø", "Hvem har Samsø Kommune udpeget til at sidde i Sundhedsråd Aarhus?")
    assert acting("Samsø", "What did Samsø Municipality decide about the health council?")
    assert not acting("Samsø", "Hvad besluttede Aarhus om færgen til Samsø Kommune?")
    assert not acting("Samsø", "Hvor mange pladser får Samsø i sundhedsrådet?")


def test_topic_nouns_after_a_year_and_after_a_genitive() -> None:
    # "for 2024" is said; the participle after the year is no noun. "Morsø Kommunes kulturpris" is one.
    asked = "Hvilken dato bliver Morsø Kommunes kulturpris for 2024 overrakt?"
    assert topics.topic_nouns(asked, "da") == ["kulturpris"]
    assert "overrakt" not in topics.topic_nouns("Hvornår bliver prisen for 2024 overrakt?", "da")


def test_the_asker_s_framing_is_no_topic() -> None:
    # "Til en artikel:", "Jeg forbereder mig til ... -": the asker's purpose, not a chat fragment naming the topic
    framed = "Til en artikel: hvor stor en anlægsbevilling har kommunalbestyrelsen givet til daginstitutionen?"
    assert topics.fragment_nouns(framed) == [] and "artikel" not in topics.topic_nouns(framed, "da")
    preparing = "Jeg forbereder mig til kommunalbestyrelsens møde - hvordan blev der stemt om bostøtten?"
    assert topics.fragment_nouns(preparing) == []
    assert topics.fragment_nouns("greve svømmehal renovering pris?") == ["svømmehal", "renovering"]
    # a time of day is no topic; the plural article before an adjective is followed by one
    assert "morgnen" not in topics.topic_nouns("hvornår om morgnen begynder de at salte cykelstierne?", "da")
    asked = "hvornår begynder de kommunale tryghedsvagter at gå runder om aftenen?"
    assert topics.topic_nouns(asked, "da")[:1] == ["tryghedsvagter"]


def test_a_double_name_typed_with_a_space_and_a_town_centre() -> None:
    from assistant.query import extract_filters

    assert extract_filters("hvornår salter de cykelstierne i lyngby taarbæk?").municipalities == ["Lyngby-Taarbæk"]
    assert extract_filters("tryghedsvagter i aarhus midtby om aftenen?").municipalities == ["Aarhus"]
    assert extract_filters("Hvad koster Køge Bugt Strandpark?").municipalities == []
