"""From blind probe portals32: a school year ("skoleåret 2026/27") is no fraction, so a sentence holding one does not
answer "how much will it cost?"; and a member's absence line with what the member did ("Poul Erik Dreyer (O) forlod
mødet kl. 17.05 og deltog ikke i behandlingen af punkt 11-14") is one absentee with a remark, not two names."""

from __future__ import annotations

from assistant import unanswered
from core import vocab

COST_Q = "Hvor meget vil den ekstra skolebuskørsel koste, hvis overbygningen lægges sammen med Terndrup?"


def test_a_school_year_does_not_answer_how_much() -> None:
    quote = ("Børne- og Ungdomsudvalget har foreslået, at distriktet for 7.-9. klasse lægges sammen med Terndrup "
             "Skoles distrikt fra skoleåret 2026/27.")
    assert unanswered.lacks_value(quote, "amount", COST_Q)
    assert not unanswered.lacks_value("Kommunen betaler 2/3 af udgiften.", "amount", COST_Q)  # a fraction answers
    assert not unanswered.lacks_value("Kørslen koster 0,4 mio. kr. om året.", "amount", COST_Q)


def test_an_absence_line_with_what_the_member_did_is_one_name() -> None:
    line = "Poul Erik Dreyer (O) forlod mødet kl. 17.05 og deltog ikke i behandlingen af punkt 11-14."
    assert vocab.split_names(line) == [
        "Poul Erik Dreyer (O) (forlod mødet kl. 17.05 og deltog ikke i behandlingen af punkt 11-14)"]
    assert vocab.split_names("Allan Bork (O) og Pia Juhl (C)") == ["Allan Bork (O)", "Pia Juhl (C)"]


def test_which_town_council_member_asks_for_a_person() -> None:
    from assistant.answer_kind import answer_kind

    assert answer_kind("And which Hvidovre council member had put forward the proposal?") == "person"
    assert answer_kind("Which council decided it?") == "body"


def test_daycare_is_the_minutes_dagtilbud_too() -> None:
    from assistant import topics

    assert topics.absent("What will parents pay for daycare in 2023?", "en", [],
                         lambda parts, _m: all(p in "takster for dagtilbud 2023" for p in parts)) == []
