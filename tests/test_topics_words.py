"""The topic check's reading of a question's words: which are topic nouns, and in which forms minutes may hold
them (calibration: eval/dev47.jsonl)."""

from __future__ import annotations

from assistant import topics
from assistant.glossary import danish
from core.model import fold
from core.vocab import split_names


def test_an_indefinite_adjective_is_no_topic_noun() -> None:
    nouns = topics.topic_nouns("Hvad skal en almindelig helårsbolig betale for skraldeafhentning?", "da")
    assert "almindelig" not in nouns
    assert "skraldeafhentning" in nouns
    # a noun that ends like an adjective stays one
    assert topics.topic_nouns("Hvad koster en ny ældrebolig i Greve?", "da") == ["ældrebolig"]


def test_an_english_comparative_is_no_topic_noun() -> None:
    nouns = topics.topic_nouns("Which cycle paths would have had a lower winter service level?", "en")
    assert "lower" not in nouns
    assert "winter" in nouns


def test_a_compound_with_a_short_tail_is_held_by_its_long_head() -> None:
    """"weekendbusserne" of minutes that write "weekendafgangene": the tail "bus" is too short to judge, the head
    "weekend" is the compound's specific half."""
    assert topics.named_in(fold("de lavt benyttede weekendafgange på rute 54"), "weekendbusserne")
    assert not topics.named_in(fold("de lavt benyttede afgange på rute 54 på hverdage"), "weekendbusserne")


def test_the_glossary_knows_a_solar_park() -> None:
    assert "solcelleanlæg" in danish("solar park")
    assert "solar park" in topics.topic_nouns("Who voted against the solar park plan near Ramme?", "en")


def test_a_remark_after_the_last_absent_name_is_no_name() -> None:
    assert split_names("Pernille Bak (F). Susanne Holm (F) deltog som stedfortræder.") == ["Pernille Bak (F)"]
    assert split_names("Allan Bork (O). Fraværende: Pia Juhl (C)") == ["Allan Bork (O)", "Pia Juhl (C)"]


def test_a_neuter_adjective_and_a_season_are_no_topic_nouns() -> None:
    from assistant import topics

    assert topics.topic_nouns("Hvad kommer et varmt måltid fra madservice til at koste?", "da") == ["madservice"]
    assert "projekt" in topics.topic_nouns("Hvad koster et projekt om skolen?", "da")  # a noun before "om"
    assert topics.topic_nouns("Hentes gammelt tøj ved huset fra foråret 2025?", "da") == ["huset"]


def test_a_passive_verb_after_a_modal_and_a_change_are_no_topic_nouns() -> None:
    # "hvornår skal det behandles igen?": a verb in -es after a modal and its subject, not a noun after "det"
    assert topics.topic_nouns("Hvornår skal det behandles igen i Sønderborg?", "da") == []
    # "efter ændringen" refers to the item's own change, as "forslaget" and "beslutningen" do
    assert topics.topic_nouns("Hvor mange timer er der personale på biblioteket efter ændringen?", "da") == [
        "biblioteket"]
    assert topics.topic_nouns("Hvornår skal de nye boliger bygges?", "da") == ["boliger"]


def test_an_english_verb_an_auxiliary_left_to_the_end_is_no_topic_noun() -> None:
    assert topics.topic_nouns("From what date do Thisted's new rates for foster families apply?", "en") == [
        "rates", "foster", "families"]
    assert "start" not in topics.topic_nouns("When does the roadwork on the main street start?", "en")
    # a noun at the end stays one, and without an auxiliary the word is read as before
    assert "trips" in topics.topic_nouns("How much did the committee grant for the camp school trips?", "en")


def test_a_pool_of_money_and_a_free_choice_are_in_the_glossary() -> None:
    """"the 2018 village pool" is a pulje as often as "the swimming pool" is a hal; "a free choice of meal supplier"
    is "frit valg", not only "gratis" (calibration: dev48 d48_025; the grant-pool questions of the dev sets)."""
    assert {"hal", "pulje"} <= set(danish("pool"))
    assert {"gratis", "frit"} <= set(danish("free"))
