"""A topic asked of a meeting day that did not treat it ("Hvad besluttede byrådet om vindmøller på mødet den 27.
august 2025?" when the wind turbines came up on 8 October): the item found on the day asked is about something
else, and an item of another day is about the topic. The honest answer names the day it was treated."""

from __future__ import annotations

from datetime import date

from assistant import topics
from assistant.query import Query
from assistant.retrieve import Hit
from core.dates import find_dates
from core.model import fold


def _mentions_all(hit: Hit, query: Query) -> bool:
    text = fold(f"{hit.item.title}\n{hit.item.text}")
    return not topics.absent(query.text, query.language, [], lambda parts, _m: all(p in text for p in parts))


def treated_on_other_day(query: Query, hits: list[Hit]) -> tuple[date, Hit] | None:
    """(the day asked, the item of another day that treats the topic) when no retrieved item of the day asked
    names the question's topic nouns and one of another day names them all; else None."""
    if not hits or hits[0].in_conversation or query.followup:
        return None
    days = {d.isoformat(): d for _, d in find_dates(query.text)}
    if not days or not topics.topic_nouns(query.text, query.language):
        return None
    on_day = [h for h in hits if h.item.date in days]
    if not on_day or any(_mentions_all(h, query) for h in on_day):
        return None
    other = next((h for h in hits if h.item.date not in days and _mentions_all(h, query)), None)
    return (days[on_day[0].item.date], other) if other else None
