"""Machine time stamps in Danish local time: an ISO 8601 date-time with a zone ("2024-11-04T16:30:00+01:00",
"2024-10-08T15:00:00Z") and an epoch value (seconds, or milliseconds as JavaScript states them: 1728399600000), also
as a .NET JSON date ("/Date(1718028000000+0200)/": epoch milliseconds in UTC, the suffix only the writer's local
offset, so the instant is the number's). A stamp with a zone is shown as the Europe/Copenhagen clock at that
instant; one without a zone is taken as written; a date alone gives no time. ``zoneinfo`` supplies the rules; where
the system has no time zone database (and the ``tzdata`` package is not installed) the EU summer-time rule gives the
same answer for Denmark.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

ZONE = "Europe/Copenhagen"
ISO_STAMP = re.compile(
    r"^\s*\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?\s*$", re.I)
NET_DATE = re.compile(r"^\s*\\?/Date\((?P<ms>-?\d{1,15})(?P<offset>[+-]\d{4})?\)\\?/\s*$")
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
    between 1990 and 2100, as an aware UTC date-time (a .NET JSON date at the offset it states: ``net_date``); None
    for anything else (an id, a year, a count)."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    if isinstance(value, str) and (net := net_date(value)) is not None:
        return net
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


def net_date(value: str) -> datetime | None:
    """A .NET JSON date ("/Date(1718028000000+0200)/", as ASP.NET's serialisers write dates) as an aware date-time
    at the offset it states (UTC without one); None for anything else or an instant outside 1990-2100."""
    m = NET_DATE.match(value)
    if m is None:
        return None
    offset = m["offset"] or "+0000"
    zone = timezone((-1 if offset[0] == "-" else 1) * timedelta(hours=int(offset[1:3]), minutes=int(offset[3:])))
    try:
        stamp = datetime.fromtimestamp(int(m["ms"]) / 1000, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None
    return stamp.astimezone(zone) if EPOCH_MIN <= stamp < EPOCH_MAX else None


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
