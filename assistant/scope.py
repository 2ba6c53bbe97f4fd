"""The year a question is about ("i 2022", "in 2024") against the year the quoted evidence is about.

"Hvem vandt prisen i 2024?" is not answered by "I 2023 vandt Stop Spild Lokalt prisen", even in minutes from
2024, and "how large a share was sanctioned in 2022?" is not answered by this period's share. A year the
question scopes with a preposition must be in the quoted passage; failing that, a passage of the item that
holds it and a term of the question is quoted instead; failing that, the answer says which year is missing.
A year inside a name ("budget 2026", "Kommuneplan 2025") or beside a month ("i oktober 2025": the meeting)
is not a scope.
"""

from __future__ import annotations

import re

from assistant.evidence import JOIN, passages
from assistant.glossary import expand
from assistant.query import language
from assistant.salient import mentions, salient_names
from assistant.terms import content_terms, match, prefixes
from core.dates import MONTH_YEAR, MONTHS
from core.model import AgendaItem
from store.lexical import tokens

_SCOPED = re.compile(r"\b(?:i|in|during|år|året|for året|in the year)\s+((?:19|20)\d\d)\b(?![-/–]\d)", re.I)
_ANY_SCOPED = re.compile(r"\b(?:i|in|during|år|året|for)\s+((?:19|20)\d\d)\b(?![-/–]\d)", re.I)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def scoped_years(question: str) -> list[str]:
    """The years the question scopes with a preposition ("i 2022", "in 2024"), not years in names or dates."""
    return list(dict.fromkeys(m.group(1) for m in _SCOPED.finditer(question)))


def _covers(text: str, year: str) -> bool:
    """Does the passage state the year, alone or inside a range ("2022-2025", "2024-27")?"""
    if year in _YEAR.findall(text):
        return True
    for m in re.finditer(r"((?:19|20)\d\d)\s*[-–/]\s*((?:19|20)?\d\d)\b", text):
        a, b = int(m.group(1)), m.group(2)
        end = int(b) if len(b) == 4 else a // 100 * 100 + int(b)
        if a <= int(year) <= end:
            return True
    return False


# a span the quote scopes: "i perioden 2025-2027", "i 2025-27", "for årene 2025-2028"
_SCOPED_SPAN = re.compile(r"\b(?:i|in|for)\s+(?:perioden|årene|the period|the years)?\s*((?:19|20)\d\d\s*[-–]\s*"
                          r"(?:19|20)?\d\d)\b", re.I)


def other_year(quote: str, years: list[str]) -> str | None:
    """A year or span the quote itself scopes ("I 2023 vandt ...", "årligt i perioden 2025-2027") that is none of
    the asked ``years`` and covers none of them."""
    for m in _ANY_SCOPED.finditer(quote):
        if m.group(1) not in years:
            return m.group(1)
    for m in _SCOPED_SPAN.finditer(quote):
        if not any(_covers(m.group(1), y) for y in years):
            return m.group(1)
    return None


def rescope(item: AgendaItem, question: str, quote: str, meeting_date: str) -> tuple[str | None, list[str]]:
    """``(quote, [])`` when the quote is about the asked year (or the question scopes none); ``(passage, [])``
    for a passage of the item that is, when the quote is not; ``(None, years)`` for the asked years no
    passage about the question states."""
    years = scoped_years(question)
    if not years:
        return quote, []
    parts = quote.split(JOIN)
    # a name the question gives ("Den Grønne Fællesskabspris") that the title does not: what the quote says of it is
    # of another year when every passage naming it is ("I 2023 vandt Stop Spild Lokalt ... Fællesskabspris")
    names = [n for n in salient_names(question) if not mentions(item.title, n)]
    naming = [p for p in parts if any(mentions(p, n) for n in names)]
    if naming and all(other_year(p, years) and not any(_covers(p, y) for y in years) for p in naming):
        return None, years
    if all(any(_covers(p, y) for p in parts) for y in years):
        return quote, []
    meeting_year = meeting_date[:4]
    if years == [meeting_year] and other_year(quote, years) is None:
        return quote, []  # "i 2024" of a 2024 meeting: the minutes are of that year unless the quote says otherwise
    found = passages(item, meeting_date)
    if other_year(quote, years) is None:
        # the quote names no other year and its section (or the title) is about the asked one: "Forvaltningen har
        # beregnet taksten for 2025 ... Taksten foreslås fastsat til 865 kr." answers "what does it cost in 2025?"
        sections = {p.section for p in found if p.text in parts}
        if all(_covers(item.title, y) or any(_covers(p.text, y) for p in found if p.section in sections)
               for y in years):
            return quote, []
    q = question if language(question) != "en" else expand(question)
    asked = content_terms(set(tokens(q))) - set(years)
    for p in found:  # a passage of another thing of that year ("Foreninger fik tilsagn om midlerne i 2024") is none

        if names and not any(mentions(p.text, n) for n in names):
            continue
        if all(_covers(p.text, y) for y in years):
            toks = set(tokens(p.text))
            if any(match(t, toks, prefixes(toks)) for t in asked):
                return p.text, []
    return None, years


def other_month(question: str, quote: str, meeting_date: str) -> tuple[str, str] | None:
    """("oktober 2024", "september 2024") when the question asks a figure of a month ("the unemployment rate in
    October 2024") and the quote gives it only for another month of that year; the meeting's own month is the
    meeting, not a scope. Else None."""
    meeting = (int(meeting_date[5:7]), int(meeting_date[:4])) if len(meeting_date) >= 7 else None

    def months(text: str) -> list[tuple[tuple[int, int], str]]:
        return [((MONTHS[m.group(1).lower().rstrip(".")], int(m.group(2))), m.group(0))
                for m in MONTH_YEAR.finditer(text) if m.group(1).lower().rstrip(".") in MONTHS]

    # "siden marts 2022": a span from that month on, not a figure of the month
    since = {m.group(0) for m in MONTH_YEAR.finditer(question)
             if re.search(r"\b(?:siden|since)\s+$", question[:m.start()], re.I)}
    asked = [(k, t) for k, t in months(question) if k != meeting and t not in since]
    said = months(quote)
    if not asked or not said or any(k in {s for s, _ in said} for k, _ in asked):
        return None
    same_year = [t for s, t in said if any(s[1] == k[1] for k, _ in asked)]
    return (asked[0][1], same_year[0]) if same_year else None


# a named thing with its year in the question ("mødekalender 2026", "Budget 2027", "kvalitetsrapport 2025")
_EDITION = re.compile(r"\b([A-Za-zæøåÆØÅ][a-zæøå]{4,})\s+((?:19|20)\d\d)\b(?!\s*[-–/]\s*\d)")


def other_edition(question: str, title: str, text: str) -> tuple[str, str] | None:
    """("mødekalender 2026", "Mødekalender 2024") when the question names a thing of one year and the item found is
    that thing of another year ("Mødekalender 2024 for Skole-, Børne- og Ungeudvalget") and names the asked year
    nowhere: it is another edition. Else None."""
    for m in _EDITION.finditer(question):
        noun, year = m.group(1), m.group(2)
        found = re.search(rf"\b{re.escape(noun[:5])}\w*\s+((?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?)", title, re.I)
        if found and not _covers(found.group(1), year) and not _covers(f"{title}\n{text}", year):
            return f"{noun} {year}", found.group(0)
    return None
