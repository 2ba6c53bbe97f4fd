"""A typing slip in a long lower-case word is mended to the one stored word it meant; names and absent topics
stay as typed, so that a question about something no minutes hold is still refused."""

from __future__ import annotations

from assistant.container import Container
from ingest.pipeline import ingest_paths
from store.spelling import meant, one_slip, respell
from tests.conftest import ROOT


def test_one_slip_is_one_insertion_deletion_substitution_or_swap() -> None:
    assert one_slip("fraværnde", "fraværende") and one_slip("fraværende", "fraværnde")  # a letter left out
    assert one_slip("budgettet", "budgetet") and one_slip("kommune", "kommuen")  # doubled, swapped
    assert one_slip("vejbelysning", "vejbelysnang")  # changed
    assert not one_slip("skole", "skole") and not one_slip("skolerne", "skole") and not one_slip("abcd", "badc")


def test_only_a_long_lower_case_word_with_one_stored_candidate_is_mended() -> None:
    counts = {"fraværende": 9, "vejbelysning": 3, "sagsbehandler": 1, "kommunen": 5, "kommunes": 5}
    assert meant("fraværnde", counts.keys(), counts) == "fraværende"
    assert meant("fraværende", counts.keys(), counts) is None  # stored already
    assert meant("sagsbehandlr", counts.keys(), counts) is None  # the stored word is in too few chunks
    assert meant("kommunen", counts.keys(), counts) is None
    assert meant("kommunex", counts.keys(), counts) is None  # two candidates: no guess
    fixed = respell("var der nogen fraværnde? Spørg Fraværnde og fra-fraværnde", lambda w: meant(w, counts, counts))
    assert fixed == "var der nogen fraværende? Spørg Fraværnde og fra-fraværnde"  # a name and a compound part stay
    # a Danish word the minutes do not print is no slip: "manglede" is not "manglende"
    counts["manglende"] = 4
    assert respell("hvem manglede?", lambda w: meant(w, counts, counts)) == "hvem manglede?"


def test_a_question_with_a_slip_is_answered_and_an_absent_topic_is_still_refused(container: Container) -> None:
    sources = [ROOT / "sample_data" / "minutes" / "greve_sundheds-og-omsorgsudvalget_2023-01-09.json",
               ROOT / "sample_data" / "minutes" / "greve_byraad_2025-10-01.json"]
    assert not ingest_paths(container.indexer, sources).failed
    a = container.service.ask("var der nogen fraværnde i sundhedsudvalget i greve i januar 2023?")
    assert not a.refused and a.citations[0].kind == "meeting" and "Rottbøll" in a.answer
    b = container.service.ask("hvad har greve besluttet om letbanestationen?")
    assert b.refused
