"""Machine time stamps in Danish local time: an ISO 8601 date-time with a zone ("2024-11-04T16:30:00+01:00",
"2024-10-08T15:00:00Z") and an epoch value (seconds, or milliseconds as JavaScript states them:
1728399600000). A stamp with a zone is shown as the Europe/Copenhagen clock at that instant; one without a zone
is taken as written; a date alone gives no time. ``zoneinfo`` supplies the rules; where the system has no time
zone database (and the ``tzdata`` package is not installed) the EU summer-time rule gives the same answer for
Denmark.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

ZONE = "Europe/Copenhagen"
ISO_STAMP = re.compile(
    r"^\s*\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?\s*$", re.I)
EPOCH_MIN, EPOCH_MAX = datetime(1990, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC)


def _last_sunday(year: int, month: int) -> datetime:
    day = datetime(year, month + 1, 1, 1, tzinfo=UTC) - timedelta(days=1)  # the month's last day, 01:00 UTC
    return day - timedelta(days=(day.weekday() + 1) % 7)


def local(stamp: datetime) -> datetime:
    """An aware date-time as the Copenhagen clock shows it; a naive one as it is."""
    if stamp.tzinfo is None or stamp.utcoffset() is None:
        return stamp
    try:
        from zoneinfo import ZoneInfo

        return stamp.astimezone(ZoneInfo(ZONE))
    except Exception:  # no time zone database: the EU rule (summer time from 01:00 UTC on the last Sunday of
        utc = stamp.astimezone(UTC)  # March to 01:00 UTC on the last Sunday of October)
        summer = _last_sunday(utc.year, 3) <= utc < _last_sunday(utc.year, 10)
        return utc.astimezone(timezone(timedelta(hours=2 if summer else 1)))


def epoch(value: Any) -> datetime | None:
    """An epoch number (or a string of its digits) in milliseconds (13 digits) or seconds (10 digits) that falls
    between 1990 and 2100, as an aware UTC date-time; None for anything else (an id, a year, a count)."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    if isinstance(value, str):
        if not re.fullmatch(r"\s*\d{10}(?:\d{3})?\s*", value):
            return None
        value = int(value)
    for scale in (1000, 1):
        try:
            stamp = datetime.fromtimestamp(value / scale, tz=UTC)
        except (OverflowError, OSError, ValueError):
            continue
        if EPOCH_MIN <= stamp < EPOCH_MAX:
            return stamp
    return None


def iso(value: str) -> datetime | None:
    """An ISO 8601 date or date-time ("Z" or an offset allowed), else None."""
    if not ISO_STAMP.match(value or ""):
        return None
    try:
        return datetime.fromisoformat(re.sub(r"\s*Z$", "+00:00", value.strip(), flags=re.I).replace(",", "."))
    except ValueError:
        return None


def date_clock(value: Any) -> tuple[date | None, str | None] | None:
    """The local date and "HH:MM" of an epoch value or an ISO stamp (no clock for a date alone, or for a
    midnight: the way exports say 'no time'); None when the value is neither."""
    stamp = epoch(value)
    if stamp is None and isinstance(value, str):
        stamp = iso(value)
        if stamp is not None and "T" not in value.upper() and ":" not in value:
            return stamp.date(), None  # "2024-11-04": a date, no time
    if stamp is None:
        return None
    shown = local(stamp)
    clock = shown.strftime("%H:%M")
    return shown.date(), (None if clock == "00:00" else clock)
