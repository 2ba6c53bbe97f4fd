"""Danish dates in every form seen in minutes.

"Torsdag, 5 maj, 2022 - 15:30", "8. marts 2021 kl. 15.30", "d. 25-11-2019",
"16-01-2024", "2024-01-16", "16.01.2024". Dates that do not exist are skipped.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
MONTHS_DA = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
             "november", "december"]


def long_date(day: date) -> str:
    """"12. juni 2024": a date as Danish minutes print it."""
    return f"{day.day}. {MONTHS_DA[day.month - 1]} {day.year}"

MONTHS = {
    "januar": 1, "jan": 1, "februar": 2, "feb": 2, "marts": 3, "mar": 3, "april": 4, "apr": 4,
    "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
    # English names (questions are asked in English; "april", "august", ... are spelt alike)
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "october": 10, "oct": 10,
}
# any month name or abbreviation (longest first): one alternation for every pattern that names a month
MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
# a Danish month name or abbreviation inside running text ("16. jan.", "3. marts")
MONTH_STEM = r"(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-zæøå]*"

# "16-01-2024", "16.01.2024", and the informal "15/5 2013", "15/5-2013"
NUMERIC = re.compile(r"\b(\d{1,2})[-./](\d{1,2})(?:[-./]|(?<=/\d)\s|(?<=/\d\d)\s)(\d{4})\b")
ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?!\d)")
WORDED = re.compile(rf"\b(\d{{1,2}})\.?\s*({MONTH_RE})\.?,?\s+(\d{{4}})\b", re.IGNORECASE)
# English forms of a question ("Oct 22nd, 2025", "October 22, 2025", "22nd October 2025"): (month, day, year) or
# (day, month, year)
ENGLISH = re.compile(rf"\b({MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b|"
                     rf"\b(\d{{1,2}})(?:st|nd|rd|th)\s+(?:of\s+)?({MONTH_RE})\.?,?\s+(\d{{4}})\b", re.IGNORECASE)
# a month and year without a day ("marts 2022", "May 2024"): (month name, year)
MONTH_YEAR = re.compile(rf"\b({MONTH_RE})\.?\s+((?:19|20)\d{{2}})\b", re.IGNORECASE)
# "siden marts 2022", "since March 2022": a span from that month on, not a month something happened in
_SINCE = re.compile(r"\b(?:siden|since)\s+$", re.I)
# "skal have åbent fra februar 2025", "cost from May 2025": when something takes effect, not when it was decided;
# but "sagen fra august 2025", "papers from September 2012": the record (and its meeting) of that month
_FROM = re.compile(r"(\w*)[\s,]+(?:fra|from|starting|as of|per|pr\.)\s+$", re.I)
_RECORD = re.compile(r"(?:sag|referat|dagsorden|møde|forslag|beslutning|indstilling|paper|minute|agenda|meeting|case|"
                     r"proposal|decision|report|rapport|notat)(?:en|et|ens|ets|er|erne|ne|s|e)?$", re.I)


def month_role(text: str, match: re.Match[str]) -> Literal["meeting", "since", "effect"]:
    """What a month with its year (a ``MONTH_YEAR`` match in ``text``) names: the start of a span ("siden marts
    2022"), the start of a rule's effect ("åbent på hverdage fra februar 2025") or a time things happened in."""
    before = text[:match.start()]
    if _SINCE.search(before):
        return "since"
    effect = _FROM.search(before)
    return "effect" if effect and not _RECORD.search(effect.group(1)) else "meeting"


def meeting_months(text: str) -> list[re.Match[str]]:
    """The months with their year the text names as a time things happened in (``month_role``)."""
    return [m for m in MONTH_YEAR.finditer(text) if month_role(text, m) == "meeting"]


# a day and month without a year ("den 8. april", "April 8"): (day, month) or (month, day)
DAY_MONTH = re.compile(rf"\b(\d{{1,2}})\.?\s+({MONTH_RE})\b\.?(?!\s*\d{{4}})|"
                       rf"\b({MONTH_RE})\.?\s+(\d{{1,2}})\b(?!\s*,?\s*\d{{4}})", re.IGNORECASE)
TIME = re.compile(r"(?:\bkl\.?\s*|\s-\s*)(\d{1,2})[.:](\d{2})\b(?![.:]\d)")  # not "- 04.03.2025"


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _worded(match: re.Match[str]) -> date | None:
    """Parse "5. maj 2022" with dateparser (Danish), falling back to the month table."""
    import dateparser  # ~0.05 s: loaded with the first worded date, not at import

    day, month, year = match.group(1), match.group(2).lower(), match.group(3)
    parsed = dateparser.parse(
        f"{day} {month} {year}", languages=["da"], settings={"DATE_ORDER": "DMY", "STRICT_PARSING": True}
    )
    if parsed is not None:
        return parsed.date()
    return _make(int(year), MONTHS[month.rstrip(".")], int(day))


def find_dates(text: str) -> list[tuple[int, date]]:
    """All valid dates in ``text`` with their start offsets, in order of appearance."""
    found: list[tuple[int, date]] = []
    for m in NUMERIC.finditer(text):
        d = _make(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if d:
            found.append((m.start(), d))
    for m in ISO.finditer(text):
        d = _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            found.append((m.start(), d))
    for m in WORDED.finditer(text):
        d = _worded(m)
        if d:
            found.append((m.start(), d))
    for m in ENGLISH.finditer(text):
        month, day, year = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
        d = _make(int(year), MONTHS[month.lower()], int(day))
        if d and not any(start <= m.start() < start + 12 for start, _ in found):
            found.append((m.start(), d))
    return sorted(found, key=lambda pair: pair[0])


def first_date(text: str) -> date | None:
    dates = find_dates(text)
    return dates[0][1] if dates else None


def find_time(text: str) -> str | None:
    m = TIME.search(text)
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        return None
    return f"{int(m.group(1)):02d}:{m.group(2)}"
