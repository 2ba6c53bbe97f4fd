"""Party names and ballot letters: an item that prints "Ø" mentions Enhedslisten."""

from __future__ import annotations

from assistant.salient import missing, salient_names
from core import parties

VOTE = "Ad 1 og 2 Stemte imod: A, med bemærkning om skatten. Ø, da Ø har eget budget."


def test_a_party_name_is_one_salient_name() -> None:
    assert salient_names("Did the Red-Green Alliance and Dansk Folkeparti vote against?") == [
        "Red-Green Alliance", "Dansk Folkeparti"]


def test_an_item_printing_the_letter_mentions_the_party() -> None:
    assert missing(VOTE, ["Enhedslisten", "Socialdemokratiet", "Red-Green Alliance"]) == []
    assert missing(VOTE, ["Dansk Folkeparti", "Venstre"]) == ["Dansk Folkeparti", "Venstre"]


def test_letters_count_only_where_they_stand_for_a_party() -> None:
    assert not parties.mentions_letter("I 2023 vandt foreningen prisen", "I")
    assert parties.mentions_letter("Stemte for: A, I og V", "I")
    assert not parties.mentions_letter("se bilag A-2 og afsnit A.1", "A")
    assert parties.mentions_letter("Et flertal (V) stemte for", "V")


def test_letters_and_names_map_both_ways() -> None:
    assert parties.letter_of("enhedslisten") == "Ø"
    assert parties.letter_of("The Social Democrats") == "A"
    assert parties.name_of("ø") == "Enhedslisten"
    assert parties.letter_of("Kongeruten") is None


def test_periods_and_compound_acronyms_are_not_whole_names() -> None:
    assert salient_names("What share was sanctioned in Q2 2024-Q1 2025?") == []
    assert salient_names("Hvor mange kommuner har tilsluttet sig monopolbruddet på KMD-systemerne?") == ["KMD"]


def test_exonyms_and_old_spellings_name_a_municipality() -> None:
    from assistant.query import extract_filters

    assert extract_filters("What did Copenhagen decide about the metro?").municipalities == ["København"]
    assert extract_filters("Hvad besluttede Århus Byråd om letbanen?").municipalities == ["Aarhus"]
    assert extract_filters("Hvad besluttede Bornholms Regionskommune om færgen?").municipalities == ["Bornholm"]
    # a region named in a question is often the source of a figure, not the author of the minutes
    assert extract_filters("According to Region Sjælland, what would it cost?").municipalities == []


def test_possessive_apostrophes_are_not_quotes() -> None:
    question = "What will the members of Ballerup's IT committee try out in the pilot for councillors' IT setup?"
    assert salient_names(question) == ["IT"]  # not "committee", "pilot", "councillors" as a quoted phrase
    assert salient_names("Hvad skete der med 'Kongeruten'?") == ["Kongeruten"]
    assert "harbour" in salient_names("What did the council say about 'the harbour plan'?")


def test_danmarksdemokraterne_by_their_english_name_and_their_two_letters() -> None:
    assert salient_names("What happened to the Danish Democrats' proposal?") == ["Danish Democrats"]
    assert missing("Svar på forslag fra DD om principbeslutning", ["Danish Democrats"]) == []
