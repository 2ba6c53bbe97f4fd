"""Parts a question names that the item found is not about: a numbered line or stage, a budget, an account, a school
year or a season."""

from __future__ import annotations

from assistant.designation import designations, other_designation, periods


def test_a_span_of_budget_years_covers_each_year() -> None:
    assert periods("Budget 2025-2028 - 2. behandling") == {("budget", y) for y in ("2025", "2026", "2027", "2028")}
    assert periods("How did the council vote on the 2024 budget?") == {("budget", "2024")}
    assert periods("budgettet for 2026") == {("budget", "2026")}
    assert periods("Budgetaftale 2024 - økonomisk balance") == {("budget", "2024")}  # the agreement on it
    assert periods("regnskabsåret 2023") == {("regnskab", "2023")}


def test_a_school_year_is_named_by_its_two_years() -> None:
    assert periods("Ferieplan for skoleåret 2025/26") == {("skoleår", "2025/26")}
    assert periods("school year 2026-2027") == {("skoleår", "2026/27")}
    assert periods("sæsonen 2024-25") == {("sæson", "2024/25")}


def test_another_period_of_the_same_kind_is_another_item() -> None:
    item = "Budget 2025-2028 - 2. behandling\nBudgettet blev vedtaget.\nFor stemte: Siumut og IA (12)"
    assert other_designation(item, "How did the council vote on the 2024 budget?") == (
        "budget 2024", "budget 2025, budget 2026, budget 2027")
    assert other_designation("Ferieplan for skoleåret 2025/26\nFørste skoledag er mandag den 11. august 2025.",
                             "Hvornår er første skoledag i skoleåret 2026/27?") \
        == ("skoleår 2026/27", "skoleår 2025/26")


def test_a_period_inside_the_span_or_not_named_by_the_item_stands() -> None:
    assert other_designation("Budget 2025-2028", "Hvad blev budget 2026 vedtaget med?") is None
    assert other_designation("Ferieplan for skoleåret 2025/26", "første skoledag i skoleåret 2025/2026?") is None
    # the item names no budget year: nothing to set against the asked one
    assert other_designation("Budgetopfølgning pr. 31. marts", "Hvordan går budget 2024?") is None
    # a year alone is no period ("i 2024" is checked by the years the items hold, not here)
    assert periods("Hvad besluttede byrådet i 2024 om budgettet?") == set()


def test_numbers_named_together_are_each_named() -> None:
    # "buslinjerne 224 og 225": the plural and every number of the list; not an amount or a number of other length
    assert designations("ændring af buslinjerne 224 og 225 sidste sommer") == {("linje", "224"), ("linje", "225")}
    assert designations("etape 2, 3 og 4") == {("etape", "2"), ("etape", "3"), ("etape", "4")}
    assert designations("etape 2 og 3,5 mio. kr.") == {("etape", "2")}
    assert designations("lokalplan 1221 og 40 boliger") == {("lokalplan", "1221")}
    assert designations("bus lines 12 and 14") == {("linje", "12"), ("linje", "14")}
    # so an item naming both lines is not "about another line" when one of them is asked
    assert other_designation("klager efter ændringen af buslinjerne 224 og 225", "Hvor kører linje 225 nu?") is None
