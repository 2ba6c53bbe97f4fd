"""A month the question names is the meeting's month unless it starts a span ("siden marts 2022") or a rule's
effect ("åbent på hverdage fra februar 2025"); the record of a month ("sagen fra august 2025") is the meeting's."""

from __future__ import annotations

from datetime import date

from assistant.query import understand
from core.dates import meeting_months


def test_the_month_something_takes_effect_is_no_meeting_month() -> None:
    assert not meeting_months("Hvor længe skal skadestuen have åbent på hverdage fra februar 2025?")
    assert not meeting_months("What will the monthly SFO fee be in Norddjurs from August 2024?")
    assert not meeting_months("Hvad er der sket siden marts 2022?")


def test_the_month_of_a_record_or_a_meeting_is() -> None:
    for question in ("Hvad koster broen ifølge byrådssagen fra august 2025?",
                     "According to the business committee papers from September 2012, who voted against?",
                     "Hvad besluttede udvalget i februar 2025?"):
        assert len(meeting_months(question)) == 1, question


def test_the_filters_follow() -> None:
    effect = understand("Hvor længe skal skadestuen have åbent på hverdage fra februar 2025?").filters
    assert effect.date_from is None and effect.date_to is None
    record = understand("Hvad koster broen ifølge byrådssagen fra august 2025?").filters
    assert (record.date_from, record.date_to) == (date(2025, 8, 1), date(2025, 8, 31))
    since = understand("Hvad er der sket siden marts 2022?").filters
    assert (since.date_from, since.date_to) == (date(2022, 3, 1), None)
