"""A compound noun the minutes write as its initials is held by the item (assistant.initialisms): "skolefritids-
ordningen" is "SFO", "kommunekontaktrådet" is "KKR"; a word the initials do not spell part by part is not."""

from __future__ import annotations

import pytest

from assistant.initialisms import initials_in, spells, written_as_initials


@pytest.mark.parametrize(("noun", "initials"), [
    ("skolefritidsordningen", "SFO"), ("kommunekontaktrådet", "KKR"),
    ("pædagogisk-psykologisk rådgivning", "PPR"),
])
def test_a_compound_written_out_spells_its_initials(noun: str, initials: str) -> None:
    assert spells(noun, initials)


@pytest.mark.parametrize(("noun", "initials"), [
    ("sommerfest", "SFO"),  # no part begins with "o"
    ("sundhedsplejen", "SSP"),  # a one-letter part ("s") is no part
    ("sfo", "SFO"),  # the initials themselves are found by the plain word check
    ("forebyggelse", "FGU"),
    ("skolefritidsordningen", "SF"),  # two letters are too few to tell
])
def test_other_words_do_not(noun: str, initials: str) -> None:
    assert not spells(noun, initials)


def test_initials_are_capitals_standing_alone() -> None:
    assert initials_in("Takster for SFO og klub 2026 (jf. KL's vejledning), SFO-takst") == {"SFO"}
    assert written_as_initials("skolefritidsordningen", ["Punkt 6: Takster for SFO og klub 2026"])
    assert not written_as_initials("skolefritidsordningen", ["Takster for sfo og klub"])
