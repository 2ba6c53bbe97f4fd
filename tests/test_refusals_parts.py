"""Questions the item found cannot settle although it is about the topic: a part of a counted whole, a comparison
with an earlier period, blame; and the finer answer kinds (an address, a municipality, a firm hired, an
official) that choose the sentence carrying the fact. Pure functions, calibrated on eval/dev18.jsonl."""

from __future__ import annotations

from assistant.answer_kind import answer_kind
from assistant.compared import asks_comparison, comparison_unstated
from assistant.counted import subset, uncounted
from assistant.outside import asks_opinion
from assistant.value_kinds import new_values

POOL = "Hvor mange af de 31 ansøgninger til Idrætspuljen 2025 kom fra fodboldklubber?"


def test_a_part_of_a_counted_whole_needs_a_figure_said_of_the_part() -> None:
    assert subset(POOL) == ("31", ["fodboldklub"])
    assert subset("How many of the 612 responses were against?") == ("612", ["imod"])
    assert subset("Hvor mange ansøgninger kom der?") is None  # a whole, not a part
    whole = "Idrætspuljen Der er indsendt 31 ansøgninger for i alt 1.596.201 kr. Udvalget anbefaler 23 ansøgninger."
    assert uncounted(whole, "count", POOL)  # 23 is said of the applications recommended, not the football clubs
    assert not uncounted(whole + " Heraf kom 12 fra fodboldklubber.", "count", POOL)
    against = "How many of the 612 responses were against?"
    assert uncounted("Der kom 612 høringssvar.", "count", against)
    assert not uncounted("Der kom 612 høringssvar, heraf 400 imod.", "count", against)


def test_a_comparison_with_an_earlier_period_needs_the_other_period() -> None:
    q = "var der flere børn med til sommerferieaktiviteterne i 2024 end året før?"
    assert asks_comparison(q) and asks_comparison("Was spending higher than last year?")
    assert not asks_comparison("Hvor mange børn deltog i 2024?")
    this_year = "Omkring 400 børn og unge har deltaget i en sommerferieaktivitet. Udvalget tog det til efterretning."
    assert comparison_unstated(q, this_year)
    assert not comparison_unstated(q, this_year + " Det er 50 flere børn end sidste år.")
    assert not comparison_unstated(q, "I 2023 deltog 350 børn, i 2024 omkring 400 børn.")
    # a change said of something else does not compare the children
    assert comparison_unstated(q, this_year + " Budgettet er steget.")


def test_blame_is_a_judgement() -> None:
    assert asks_opinion("Is the mayor to blame for the credit card case?")
    assert asks_opinion("Er borgmesteren skyld i sagen?")
    assert not asks_opinion("Hvad var skyld i forsinkelsen?")  # a cause the minutes may give


def test_finer_answer_kinds() -> None:
    assert answer_kind("lunas ark pavilions - what address are they going up at?") == "address"
    assert answer_kind("who did greve hire to run the tryghedsvagter?") == "company"
    assert answer_kind("Which other municipality is part of Sundhedsråd Aarhus together with Aarhus?") == "municipality"
    assert answer_kind("Which official attends the meeting for the item?") == "person"
    assert new_values("address", "en del af ejendommen Hundigevej 36, 2670 Greve", "") == {"hundigevej 36"}
    assert not new_values("address", "pavillonerne opstilles på matriklen", "")
    said = "Aarhus Kommune indgår i Sundhedsråd Aarhus sammen med Samsø Kommune og Region Midtjylland."
    assert new_values("municipality", said, "Which other municipality is part of Sundhedsråd Aarhus?") == {
        "samsø", "region midtjylland"}


def test_whether_something_will_happen_is_a_forecast() -> None:
    from assistant.traps import asks_forecast

    assert asks_forecast("bliver aarhus udpeget som testkommune for selvkørende biler?")
    assert asks_forecast("Will the school close?") and asks_forecast("Kommer der flere p-pladser?")
    assert not asks_forecast("Blev det vedtaget?") and not asks_forecast("Bliver det besluttet at lukke skolen?")
    assert answer_kind("bliver aarhus udpeget som testkommune?") == "yesno"


def test_calibration_dev19_rules() -> None:
    from assistant.answer_quote import asks_decided
    from assistant.compared import comparison_unstated
    from assistant.meeting_facts import aspects
    from assistant.query import understand
    from assistant.topics import topic_nouns

    assert new_values("company", "Leverandøren Køkkenet Vestegnen har varslet en prisstigning.", "") == {
        "leverandøren køkkenet vestegnen"}
    assert asks_decided(understand("Hvor meget bevilgede Børne- og Skoleudvalget til lektiecaféen?"))
    assert not asks_decided(understand("Hvor meget søger foreningen om?"))
    assert topic_nouns("Hvornår åbner det åbne bibliotek i Ishøj?", "da") == ["bibliotek"]
    assert aspects("Hvornår begyndte Økonomiudvalgets møde i Nuuk den 18. juni 2024?", {"økonomiudvalg"}) == ["time"]
    q = "Er besparelsen ved sommerlukningen større end sidste år?"
    saving = "Sommerlukningen giver en besparelse på 310.000 kr., som indgår i budget 2025."
    assert comparison_unstated(q, saving, "2025-04-08")  # 2025 is the year asked about, not the one before
    assert not comparison_unstated(q, saving + " Besparelsen var 280.000 kr. i 2024.", "2025-04-08")


def test_the_start_time_in_both_printed_forms() -> None:
    from datetime import date

    from core.model import Meeting

    m = Meeting(municipality="Sermersooq", committee="Økonomiudvalget", date=date(2024, 6, 18), time="09:00")
    assert m.facts()["date"] == "Mødedato: 18-06-2024 (18. juni 2024) kl. 09.00 (09:00)"


def test_a_zero_padded_item_number_is_the_same_item() -> None:
    from eval.runner import _number

    assert _number("04") == _number("4") == "4" and _number("4a") == "4a" and _number("0") == "0"


def test_a_forecast_about_a_year_needs_that_year_beside_the_topic() -> None:
    from assistant.traps import forecast_year_untold

    budget = ("Budget 2026-29 er vedtaget. Hertil kan indberetningen i overslagsårene 2027-29 give mindre udsving.\n"
              "A, med bemærkning om at A ønsker at hæve skatten med 0,4%.")
    assert forecast_year_untold("Kommer Greve til at hæve skatten i 2027?", budget) == "2027"
    assert forecast_year_untold("will greve raise the tax in 2027?", budget) == "2027"
    told = budget + "\nSkatten hæves med 0,4 procentpoint fra 2027."
    assert forecast_year_untold("Kommer Greve til at hæve skatten i 2027?", told) is None
    assert forecast_year_untold("Hævede Greve skatten i 2027?", budget) is None  # not a forecast


def test_a_part_of_a_sum_needs_an_amount_said_of_the_part() -> None:
    from assistant.part_amount import asked_part, part_untold

    q = "How much of the expected overspend of 6.3 million kroner is due to special education?"
    assert asked_part(q) == ("special education", ["specialundervisning", "specialtilbud"])
    total = "Budgetopfølgningen viser et forventet merforbrug på 6,3 mio. kr. Specialundervisningen er under pres."
    assert part_untold(q, total) == "special education"
    assert part_untold(q, total + "\nHeraf skyldes 2,1 mio. kr. specialundervisning.") is None
    table = "Fordelt således:\nHospital | Mio. kr.\nHerlev Hospital | 12,5\nRigshospitalet | 25,0"
    assert part_untold("How much of the 100 million goes to Herlev Hospital?", table) is None
    assert part_untold("Hvor meget af pengene gik til vejene?", "Der er afsat 5 mio. kr. til stier.") == "vejene"
    assert asked_part("Hvor meget koster projektet?") is None


def test_the_price_of_one_of_several_needs_an_amount_per_unit() -> None:
    from assistant import part_amount
    total = "Der frigives anlægsbevilling på 21,5 mio. kr. til to kunstgræsbaner og et ankomstareal."
    assert part_amount.unit_untold("Hvad koster den ene af de to nye kunstgræsbaner?", total)
    assert part_amount.unit_untold("What does each of the pitches cost?", total)
    each = total + " Hver bane koster 8 mio. kr."
    assert not part_amount.unit_untold("Hvad koster den ene af de to nye kunstgræsbaner?", each)
    assert not part_amount.unit_untold("Hvad koster kunstgræsbanerne?", total)  # the total is asked
    assert not part_amount.unit_untold("Hvem står for den ene af de to baner?", total)  # no price asked
