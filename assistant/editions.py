"""A later year's edition of a recurring thing: the question dates a subject ("trafikbestillingen for 2031",
"the 2031 budget") and the item's title dates the same subject with earlier years ("Bustrafikbestilling 2030 til
Movia", "Budget 2026-29"). Such an item is about its own edition, however often its text looks ahead to the year
asked ("ønsker kan indgå i årshjulet for 2031"): it cannot record what was decided for a later one. An earlier
year is not judged here: an edition commonly states the figures it replaces ("3.126 kr. i 2025 mod 2.985 kr. i
2024"), which the year check finds in its text.

A pure function of the question and the title. In the question the year pairs with the word before it (past small
linking words: "budgettet for 2031") or, in English, the word after it ("the 2031 budget"); a title names one
thing of one edition, so any of its words may be that subject."""

from __future__ import annotations

import re

from core.dates import MONTHS
from core.model import fold

# a year or a span of years: "2031", "2026-29", "2026-2029", and a season "2020/2021"
_YEARS = re.compile(r"(?<![\d/.-])((?:19|20)\d{2})(?:\s*[-–/]\s*((?:19|20)?\d{2}))?(?![\d/])")
# words between a subject and its year that are not the subject ("budgettet for året 2031")
_LINKS = frozenset(fold(w) for w in """for i til fra af om med og på pr the of in to from and year years år året årene
periode perioden period budgetåret regnskabsåret overslagsår overslagsårene""".split())
_WORD = re.compile(r"[^\W\d_]+")


def _span(m: re.Match[str]) -> set[int]:
    first = int(m.group(1))
    if not m.group(2) or "/" in m.group(0):  # a season "2025/26" is the edition of its first year
        return {first}
    last = int(m.group(2)) if len(m.group(2)) == 4 else first // 100 * 100 + int(m.group(2))
    return set(range(first, last + 1)) if first <= last <= first + 10 else {first}


def _subject(before: str, after: str, english: bool) -> str | None:
    """The word a year dates: the last word before it past linking words, unless that is a month (a date, not a
    subject); in English the first word after it ("the 2031 budget") when none stands before it."""
    words = [fold(w) for w in _WORD.findall(before)][-4:]
    while words and words[-1] in _LINKS:
        words.pop()
    if words and words[-1] in MONTHS:
        return None
    if words and len(words[-1]) >= 4:
        return words[-1]
    nxt = _WORD.match(after.lstrip())
    if english and nxt and fold(nxt.group(0)) not in _LINKS and len(nxt.group(0)) >= 4:
        return fold(nxt.group(0))
    return None


def _dated(text: str, english: bool) -> list[tuple[str, set[int], bool, str]]:
    """(subject, years, a season?, the years as written) for each year of the text that dates a word."""
    return [(s, _span(m), "/" in m.group(0), m.group(0)) for m in _YEARS.finditer(text)
            if (s := _subject(text[:m.start()], text[m.end():], english))]


def _later(asked: set[int], season: bool, title: re.Match[str]) -> bool:
    """The years asked all come after the title's: a season after a season by its first year ("2026/27" after
    "2025/26"); anything else after every year the title's span or season touches ("2026" is in "2025/26")."""
    first = int(title.group(1))
    if "/" in title.group(0):
        return min(asked) > first if season else min(asked) > first + 1
    return min(asked) > max(_span(title))


def _same(a: str, b: str) -> bool:
    """One word is the other's stem, inflected or in a compound ("trafikbestillingen" ~ "bustrafikbestilling")."""
    short, long_ = sorted((a, b), key=len)
    stem = short[:max(5, len(short) - 3)]
    return len(short) >= 5 and stem in long_


def other_year(question: str, title: str, english: bool = False, decided: str = "") -> str | None:
    """The title's years (as the title writes them) when the title dates the subject the question dates, all
    before the year asked, and neither the question names the title's years itself nor the item's decision
    (``decided``) the year asked ("ordningen fortsætter uændret i 2031" decides for that year); else None."""
    asked = _dated(question, english)
    if not asked or any(str(y) in decided for _, ys, _, _ in asked for y in ys):
        return None
    named = {y for m in _YEARS.finditer(question) for y in _span(m)}
    # a title is one thing of one edition: any of its words may be what the question dates ("Takstblad for
    # havneafgifter 2030" is the edition of "takstbladet for 2031")
    words = [fold(w) for w in _WORD.findall(title) if len(w) >= 5 and fold(w) not in _LINKS]
    for m in _YEARS.finditer(title):
        if _span(m) & named:
            continue
        if any(_later(ys, season, m) and any(_same(w, s) for w in words) for s, ys, season, _ in asked):
            return m.group(0)
    return None


def asked_years(question: str, english: bool = False) -> list[str]:
    """The years the question dates a subject with, as it writes them ("2031", "2026/27")."""
    return [written for _, _, _, written in _dated(question, english)]


def covers(title: str, year: str) -> bool:
    """The title's span of years holds the year ("Regulativ for vintervedligeholdelse 2024-2028" for the
    winter of 2026): a plan or agreement for a period answers for each year in it."""
    return any(int(year) in _span(m) for m in _YEARS.finditer(title) if "/" not in m.group(0))
