"""A later year's edition of a recurring thing (assistant.editions): the pairing of a year with its subject in
question and title, and the spans a title covers."""

from __future__ import annotations

import pytest

from assistant.editions import asked_years, covers, other_year


@pytest.mark.parametrize(("question", "title", "english", "expected"), [
    # the subject the question dates is the title's, with an earlier year: another edition
    ("Hvad ændrede kommunen i bestillingen af busruter for 2031?", "Bestilling af busruter 2030", False, "2030"),
    ("Hvilke takster for færgen 2029 blev vedtaget?", "Takster for færgen 2028", False, "2028"),
    ("Hvad bliver prisen i takstbladet for 2031?", "Takstblad for havneafgifter 2030", False, "2030"),
    ("What was decided on the 2031 budget?", "Budget 2026-29 - 2. behandling", True, "2026-29"),
    ("Hvornår starter skoleåret 2027/28?", "Ferieplan for skoleåret 2026/27", False, "2026/27"),
    # a year inside the title's span, or the title's own year: the same edition
    ("Hvad vedtog byrådet om budget 2028?", "Budget 2026-29 - 2. behandling", False, None),
    ("Hvad koster maden i takstbladet for 2030?", "Takstblad for madservice 2030", False, None),
    # an earlier year: the edition states the figures it replaces, so the year check decides
    ("Hvad var gebyret for affald i 2029?", "Takster for affald 2030", False, None),
    # the year dates another word ("i 2031" after a place or a verb) or is a month's year: not judged
    ("Hvad koster maden i Nordby i 2031?", "Takster for madservice 2030", False, None),
    ("Hvad skete i oktober 2031 med taksterne?", "Takster 2030", False, None),
    # the question names the title's years too: it compares editions, it does not mistake one for another
    ("Hvor meget steg taksten for 2031 i forhold til taksten for 2030?", "Takst 2030", False, None),
    # no year in the question
    ("Hvad koster maden?", "Takster for madservice 2030", False, None),
])
def test_other_year(question: str, title: str, english: bool, expected: str | None) -> None:
    assert other_year(question, title, english) == expected


def test_covers_spans_not_seasons() -> None:
    assert covers("Regulativ for vintervedligeholdelse 2024-2028", "2026")
    assert covers("Budget 2026-29", "2029")
    assert not covers("Budget 2026-29", "2030")
    assert not covers("Ferieplan for skoleåret 2025/26", "2026")  # a season is the edition of its first year
    assert not covers("Takster 2025", "2026")


def test_season_against_season_and_year() -> None:
    # a school year after a school year by its first year; a plain year inside a season is that season's
    assert other_year("Hvornår starter skoleåret 2027/28?", "Ferieplan for skoleåret 2026/27") == "2026/27"
    assert other_year("Hvad sker der med skoleudviklingen i 2027?", "Skoleudvikling 2026/2027") is None
    assert other_year("Hvad sker der med skoleudviklingen i 2028?", "Skoleudvikling 2026/2027") == "2026/2027"


def test_a_decision_for_the_later_year_answers_for_it() -> None:
    question = "Hvad bliver parkeringsafgiften for sæsonen 2031?"
    title = "Parkeringsafgift - evaluering af sæsonen 2030"
    assert other_year(question, title) == "2030"
    assert other_year(question, title, decided="Taget til efterretning, idet ordningen fortsætter i 2031.") is None


def test_asked_years_as_written() -> None:
    assert asked_years("Hvornår starter skoleåret 2027/28?") == ["2027/28"]
    assert asked_years("Hvad skete i oktober 2031?") == []
