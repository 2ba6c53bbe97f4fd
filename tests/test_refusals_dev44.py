"""Near misses from the blind rounds of session 19, each beside a twin the minutes answer: how each party voted on a
decision taken without a vote, a person's age said only of others, where something is held when no place is said,
a sum asked of a committee's own name ("Social- og Sundhedsudvalget"), and an absence asked with its reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import asked_values, honesty, salient
from assistant.container import Container
from tests.helpers import ingest_text

MINUTES = """Struer Kommune
Referat af Social- og Sundhedsudvalget den 10. juni 2024
Afbud: Ole Bach (V)

Punkt 1: Ventetid på genoptræning
Sagsfremstilling
Ventetiden på genoptræning er steget til 12 uger. To ekstra fysioterapeuter ansættes for at få ventetiden ned.
De ekstra fysioterapeuter koster 1,1 mio. kr. om året.
Beslutning i Social- og Sundhedsudvalget den 10-06-2024
Godkendt.

Punkt 2: Salg af den gamle brandstation i Byrum
Sagsfremstilling
Den gamle brandstation i Byrum sælges til højstbydende efter offentligt udbud.
Beslutning i Social- og Sundhedsudvalget den 10-06-2024
Godkendt.

Punkt 3: Udbygningsplan for plejeboliger
Sagsfremstilling
Udbygningsplanen giver 60 nye plejeboliger frem mod 2030.
Beslutning i Social- og Sundhedsudvalget den 10-06-2024
Godkendt med 5 stemmer for og 2 stemmer imod. Imod stemte Anne Buus og Per Holm, som ønskede byggeriet i
kommunalt regi.
"""


@pytest.fixture()
def struer(container: Container, tmp_path: Path) -> Container:
    return ingest_text(container, tmp_path / "struer.txt", MINUTES)


def test_how_the_parties_voted_on_a_decision_taken_without_a_vote(struer: Container) -> None:
    unvoted = struer.service.ask("Hvordan stemte de enkelte partier om salget af brandstationen i Byrum?")
    assert unvoted.refused
    english = struer.service.ask("How did the committee vote on the sale of the fire station in Byrum?")
    assert english.refused
    voted = struer.service.ask("Hvordan stemte udvalget om udbygningsplanen for plejeboliger?")
    assert not voted.refused and "5 stemmer for" in voted.answer


def test_a_sum_asked_of_a_body_whose_name_has_a_joined_word(struer: Container) -> None:
    # "Social-" belongs to the committee's name, not a thing the item must price on its own
    asked = struer.service.ask("Hvad koster de ekstra fysioterapeuter om året, som Struers Social- og "
                               "Sundhedsudvalg ansatte for at få ventetiden på genoptræning ned?")
    assert not asked.refused and "1,1 mio. kr." in asked.answer
    question = "Hvad koster fysioterapeuterne, som Struers Social- og Sundhedsudvalg ansatte?"
    assert "Social" in salient.salient_names(question)
    assert "Social" not in honesty.priced_names(question, "Social- og Sundhedsudvalget")
    assert "Social" not in honesty.priced_names(question, "Byrådet")  # "Social- og": a joined word of a name
    assert "Byrum" in honesty.priced_names("Hvad koster brandstationen i Byrum?", "Social- og Sundhedsudvalget")


def test_who_sent_apologies_and_why_asks_the_meeting(struer: Container) -> None:
    asked = struer.service.ask("Who sent apologies for the Social- og Sundhedsudvalget meeting in Struer on "
                               "10 June 2024, and why?")
    assert not asked.refused and "Ole Bach" in asked.answer


def test_an_age_is_said_of_the_person_asked_about() -> None:
    text = "Mette Kragh er ansat som ny skoleleder. Skolen har 450 elever i alderen 6-16 år."
    assert asked_values.asked("Hvor gammel er Mette Kragh?") == "age"
    assert asked_values.unstated("Hvor gammel er Mette Kragh?", text) == "age"
    said = "Mette Kragh, 45 år, er ansat som ny skoleleder. Skolen har 450 elever."
    assert asked_values.unstated("Hvor gammel er Mette Kragh?", said) is None


def test_where_something_is_held_needs_a_place_in_a_sentence_about_it() -> None:
    asked = "Hvor holdes dialogmødet om værdighedspolitikken med Ældrerådet?"
    assert asked_values.asked(asked) == "where"
    assert asked_values.asked("Where will the new sports hall be built?") == "where"
    assert asked_values.asked("Hvor blev mødet holdt?") is None  # the meeting's venue: a meeting fact
    assert asked_values.asked("Hvor mange boliger bygges der?") is None
    unsaid = "Udvalget holder dialogmøde med Ældrerådet om værdighedspolitikken i efteråret."
    assert asked_values.unstated(asked, unsaid) == "where"
    said = "Dialogmødet om værdighedspolitikken holdes på Plejecenter Solgården den 3. oktober."
    assert asked_values.unstated(asked, said) is None
    elsewhere = unsaid + "\n\nByrådet mødes på Rådhuset."  # a place, but not in a sentence about the dialogue
    assert asked_values.unstated(asked, elsewhere) == "where"
    # a sentence about where the thing goes names it by its siting, not by the question's words
    site = "Hvor skal den nye genbrugsplads ligge?"
    sited = "Genbrugspladsen er for lille.\n\nUdvalget peger på placeringen ved Industrivej."
    assert asked_values.unstated(site, sited) is None
    # the question's word inside the sentence's compound ("dagpleje" in "gæstedagpleje") makes it about the thing
    guest = "Hvor skal dagplejen holdes i sommerferien?"
    assert asked_values.asked(guest) == "where"
    assert asked_values.unstated(guest, "Der oprettes gæstedagpleje i uge 29 og 30.") == "where"
    assert asked_values.unstated(guest, "Der oprettes gæstedagpleje i Ebeltoft og Kolind i uge 29.") is None


def test_a_figure_after_a_conjunction_counts_its_own_thing() -> None:
    from assistant import counted

    asked = "Hvor mange henvisninger til genoptræning kom der fra Hospitalsenhed Vest i 2023?"
    other = "Ventetiden skyldes flere henvisninger fra Hospitalsenhed Vest og 2 ubesatte stillinger."
    assert counted.uncounted(other, "count", asked)
    assert not counted.uncounted("Der kom 340 henvisninger fra Hospitalsenhed Vest.", "count", asked)
    assert not counted.uncounted("Antallet af henvisninger steg til 340 i 2023.", "count", asked)
