"""Dates and years a question names that the items found do not bear out, each answered with a refusal saying so:
a day no stored meeting was held or item mentions, a month the committee did not meet, a topic asked of a meeting day
that did not treat it ("Hvad besluttede byrådet om vindmøller på mødet den 27. august 2025?" when the wind turbines
came up on 8 October: the refusal names the day that did), and a year no item found holds."""

from __future__ import annotations

from datetime import date

from assistant import bodies, editions, paraphrase, salient, topics
from assistant.answer_quote import SEASON, YEAR, _bodies, _without, unmatched_date, unmatched_month
from assistant.query import Query
from assistant.retrieve import Hit
from core.dates import MONTHS, MONTHS_DA, MONTHS_EN, find_dates, meeting_months
from core.model import fold


def _unnamed(hit: Hit, query: Query, sure: bool = False, nouns_only: bool = False) -> list[str]:
    """The salient names ("City Metro") and topic nouns of the question the item does not name. ``sure``: only
    those the minutes' own words judge - an English noun only when the asker glossed it ("artificial turf
    (kunstgræsbaner)"), since the glossary's Danish words for it ("pool": svømmehal) may not be the item's."""
    raw = salient.item_text(hit.item.municipality, hit.item.committee, hit.item.title, hit.item.text)
    asked = salient.asked_part(query.text)  # not what a first-person framing names ("til lokalavisen")
    nouns = paraphrase.unheld(asked, query.language, hit)
    if sure and query.language == "en":
        nouns = [n for n in nouns if n in topics.glossed(query.text)]
    return nouns if nouns_only else [*salient.missing(raw, salient.salient_names(asked)), *nouns]


def _mentions_all(hit: Hit, query: Query) -> bool:
    return not _unnamed(hit, query)


def _asked_days(query: Query) -> dict[str, date]:
    """The meeting days a question names, keyed by the prefix of an ISO date they match: exact dates, or else
    months with their year ("på mødet i juni 2022", "at its October 2024 meeting")."""
    days = {d.isoformat(): d for _, d in find_dates(query.text)}
    if days:
        return days
    months = [(int(m.group(2)), MONTHS[m.group(1).lower()]) for m in meeting_months(query.text)]
    return {f"{year:04d}-{month:02d}": date(year, month, 1) for year, month in months}


def treated_on_other_day(query: Query, hits: list[Hit]) -> tuple[date, Hit | None, str] | None:
    """(the day asked, the item of another day that treats the topic or None, the terms missing) when no
    retrieved item of the day (or month) asked names the question's topic nouns and salient names; else None.
    The meeting asked about is found, so a topic none of its items names was not on its agenda, whether or not
    another day's was."""
    if not hits or hits[0].in_conversation or query.followup:
        return None
    days = _asked_days(query)
    asked_text = salient.asked_part(query.text)
    if not days or not (topics.topic_nouns(asked_text, query.language) or salient.salient_names(asked_text)):
        return None

    def asked(h: Hit) -> str | None:
        return next((k for k in days if h.item.date.startswith(k)), None)

    on_day = [h for h in hits if asked(h)]
    if not on_day or any(_mentions_all(h, query) for h in on_day):
        return None
    other = next((h for h in hits if not asked(h) and _mentions_all(h, query)), None)
    # with no other day's item naming the topic, only the terms the minutes' own words judge rule the day out; of
    # two topic nouns or more, one named is the topic ("p-strategi for bymidten" of "Parkeringsstrategi for
    # Hørsholm Midtby": the item has another word for the centre)
    nouns = topics.topic_nouns(salient.asked_part(query.text), query.language)
    if other is None and any(not _unnamed(h, query, sure=True)
                             or len(nouns) >= 2 and len(_unnamed(h, query, nouns_only=True)) < len(nouns)
                             for h in on_day):
        return None
    key = asked(on_day[0]) or ""
    day = days[key] if len(key) == 10 else date.fromisoformat(on_day[0].item.date)
    return day, other, ", ".join(_unnamed(on_day[0], query, sure=other is None))


def refusal_note(query: Query, hits: list[Hit]) -> str | None:
    """Why the date the question names rules the items found out (in the question's language), or None."""
    en = query.language == "en"
    day = unmatched_date(query, hits)
    if day is not None:
        when = day.strftime("%d-%m-%Y")
        return (f"no stored minutes are from a meeting on {when} or mention that date" if en
                else f"ingen indlæste referater er fra et møde den {when} eller nævner datoen")
    moved = treated_on_other_day(query, hits)
    if moved is not None:
        asked, other, terms = moved
        when = asked.strftime("%d-%m-%Y")
        if other is None:
            return (f"the meeting on {when} has no item on {terms}" if en
                    else f"mødet den {when} har intet punkt om {terms}")
        then = other.item.date
        then = f"{then[8:10]}-{then[5:7]}-{then[:4]}"
        return (f"the meeting on {when} has no item on it; {other.item.committee} treated it on {then} (item "
                f"{other.item.number or '-'} “{other.item.title}”)" if en else
                f"mødet den {when} har intet punkt om det; {other.item.committee} behandlede det den {then} (punkt "
                f"{other.item.number or '-'} »{other.item.title}«)")
    month = unmatched_month(query, hits)
    if month is not None:
        name = (MONTHS_EN if en else MONTHS_DA)[month[1] - 1]
        return (f"no stored minutes are from a meeting in {name} {month[0]}" if en
                else f"ingen indlæste referater er fra et møde i {name} {month[0]}")
    return None


def years(query: Query, hits: list[Hit], second_ratio: float) -> tuple[list[Hit], list[str]]:
    """A year the question names ("takstbladet for 2031") must be the meeting's year or occur in an item that
    is not about another year's edition of the thing asked (``editions``): hits reordered so the first does, or
    the years no hit has."""
    if not hits or hits[0].in_conversation:
        return hits, []
    # "mødet i Byråd 2022-2025" names a body, not a year: body names are no years, in question or item
    asked = _without(query.text, {b for h in hits for b in _bodies(h)})
    spans = [(pos, pos + 22) for pos, _ in find_dates(asked)]  # years inside full dates: checked apart
    wanted = [m.group(0) for m in YEAR.finditer(asked) if not any(a <= m.start() < b for a, b in spans)]
    wanted += [m.group(1) for m in SEASON.finditer(asked)]  # "varmesæsonen 2020/2021": its first year
    if not wanted:
        return hits, []

    english = query.language == "en"

    def has(h: Hit) -> bool:
        text = _without(f"{h.item.date} {h.item.title}\n{h.item.text}", _bodies(h))
        # "Bustrafikbestilling 2030" is no answer about the order for 2031, however its text looks ahead
        return (all(y in text or editions.covers(h.item.title, y) for y in wanted)
                and editions.other_year(query.text, h.item.title, english, _decided(h)) is None)

    # an item further down holding the year answers only when it is near-tied with the first (as a second
    # citation would be): a far weaker item that merely mentions the year is no answer about that year
    bar = second_ratio * hits[0].score
    named = {fold(m) for m in query.filters.municipalities}  # another municipality's item answers nothing asked
    asked_fold = fold(query.text)  # "hennys testudvalg 2017: ...": the committee written out owns its year
    # nor is one holding less of the question's terms: "vandafledningsbidraget i 2026" is not answered by a tree
    # policy that mentions the budget for 2026 because the tariff item states only 2025's
    full = [h for h in hits if has(h) and (h is hits[0] or h.score >= bar
                                           or bodies.named_in_full(asked_fold, h.item.committee))
            and (not named or fold(h.item.municipality) in named)
            and (h is hits[0] or h.overlap >= hits[0].overlap)]
    if not full:
        return hits, list(dict.fromkeys(wanted))
    return [full[0], *[h for h in hits if h is not full[0]]], []


def _decided(hit: Hit) -> str:
    return "\n".join(d.text for d in hit.item.item.decisions)


def edition_note(query: Query, hit: Hit) -> str | None:
    """Why the item found does not answer for the year asked when it is an earlier year's edition ("the item
    found is about “Budget 2026-29”, not 2031"); None when it simply does not hold the year."""
    en = query.language == "en"
    if editions.other_year(query.text, hit.item.title, en, _decided(hit)) is None:
        return None
    asked = (" or " if en else " eller ").join(editions.asked_years(query.text, en))
    return (f"the item found is about “{hit.item.title}”, not {asked}" if en
            else f"det fundne punkt handler om »{hit.item.title}«, ikke {asked}")
