"""Date and clock fields of XML exports: "02-05-2017 10:00", ISO 8601 ("2025-02-04T14:00:00Z", "…+01:00"), Danish
words ("27. august 2018 kl. 16.00"), compact "20240416T1300" and bare clocks ("16.00", "1600").

A clock stated with a zone ("Z" or an offset) is the instant it names, shown as the Europe/Copenhagen clock
(``stamps.local``: "2025-02-04T14:00:00Z" is 15:00 in February, 16:00 in summer); a clock without a zone is taken
as written. Midnight with no other clock is an export's way of saying "no time".
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone

from core import dates
from ingest.readers import stamps

_NUMERIC_DT = re.compile(r"^\s*(\d{1,2})[-./](\d{1,2})[-./](\d{4})(?:[ T]+(\d{1,2})[:.](\d{2})(?::(\d{2}))?)?")
_ISO_DT = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?")


def when(value: str | None) -> tuple[date | None, str | None]:
    """A date and "HH:MM" from "02-05-2017 10:00", "15-05-2013 16:30:00", ISO or Danish words; the time
    is None when the value states none (or states midnight with seconds, the way exports say 'no time')."""
    value = (value or "").strip()
    if not value:
        return None, None
    m = _NUMERIC_DT.match(value)
    if m:
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = _ISO_DT.match(value)
        if m:
            year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if m:
        try:
            found = date(year, month, day)
        except ValueError:
            return None, None
        hour, minute = m.group(4), m.group(5)
        if m.re is _ISO_DT and hour is not None and m.group(7):  # "14:00Z", "15:00+01:00": the local clock then
            found, clock = _zoned(found, int(hour), int(minute), m.group(7))
        else:
            clock = f"{int(hour):02d}:{minute}" if hour is not None and minute is not None else _clock(value[m.end():])
        return found, (None if clock == "00:00" else clock)
    clock = dates.find_time(value) or _clock(value)
    return dates.first_date(value), (None if clock == "00:00" else clock)


def _zoned(day: date, hour: int, minute: int, zone: str) -> tuple[date, str | None]:
    """The Copenhagen date and "HH:MM" of a clock stated in UTC ("Z") or at an offset ("+01:00", "-0500")."""
    if zone.upper() == "Z":
        offset = UTC
    else:
        sign = -1 if zone[0] == "-" else 1
        hours, minutes = int(zone[1:3]), int(zone[-2:])
        offset = timezone(sign * timedelta(hours=hours, minutes=minutes))
    try:
        shown = stamps.local(datetime(day.year, day.month, day.day, hour, minute, tzinfo=offset))
    except ValueError:  # hour 24, an offset past a day
        return day, f"{hour:02d}:{minute:02d}"
    return shown.date(), shown.strftime("%H:%M")


_BARE_CLOCK = re.compile(r"(?<![\d.:])([01]?\d|2[0-3]):([0-5]\d)(?::\d{2})?(?!\d)")


def _clock(rest: str) -> str | None:
    """The time in what follows a field's date: "kl. 16.00", or a bare "16:00" ("27. august 2018 16:00")."""
    found = dates.find_time(rest)
    if found:
        return found
    m = _BARE_CLOCK.search(rest)
    return f"{int(m.group(1)):02d}:{m.group(2)}" if m else None


def timestamp(value: str | None) -> str | None:
    """A publication time stamp as ISO "YYYY-MM-DDTHH:MM:SS" (offset kept when stated), else None."""
    value = (value or "").strip()
    m = _ISO_DT.match(value)
    if m and m.group(4):
        stamp = f"{m.group(1)}-{m.group(2)}-{m.group(3)}T{m.group(4)}:{m.group(5)}:{m.group(6) or '00'}"
        zone = m.group(7) or ""
        return stamp + ("+00:00" if zone == "Z" else zone)
    m = _NUMERIC_DT.match(value)
    if m and m.group(4):
        try:
            stamp_dt = datetime(int(m.group(3)), int(m.group(2)), int(m.group(1)), int(m.group(4)),
                                int(m.group(5)), int(m.group(6) or 0))
        except ValueError:
            return None
        return stamp_dt.isoformat()
    return None


_COMPACT_DAY = re.compile(r"^\s*((?:19|20)\d\d)(0[1-9]|1[0-2])([0-3]\d)(?:T?([01]\d|2[0-3])([0-5]\d)(?:[0-5]\d)?)?\s*$")
_COMPACT_CLOCK = re.compile(r"^\s*([01]\d|2[0-3])([0-5]\d)\s*$")
CLOCK = re.compile(r"^\s*(?:kl\.?\s*)?([01]?\d|2[0-3])(?:[:.]([0-5]\d))?\s*(?:[-–].*)?$", re.I)


def when_compact(value: str | None) -> tuple[date | None, str | None]:
    """``when``, and also a compact date field "20240416" / "20240416T1300" (yyyymmdd[hhmm])."""
    found = when(value)
    m = _COMPACT_DAY.match(value or "") if found[0] is None else None
    if m is None:
        return found
    try:
        return date(int(m[1]), int(m[2]), int(m[3])), (f"{m[4]}:{m[5]}" if m[4] and m[4] + m[5] != "0000" else None)
    except ValueError:
        return found


def compact_clock(value: str) -> bool:
    """A bare "hhmm" clock ("1300"), as exports write a start time."""
    return bool(_COMPACT_CLOCK.match(value))


def field_clock(value: str) -> str | None:
    """A time field as "HH:MM" ("16.00", "kl. 16", "1600" -> "16:00"); as printed when it names no clock."""
    m = CLOCK.search(value) or _COMPACT_CLOCK.match(value)
    return f"{int(m[1]):02d}:{m[2] or '00'}" if m else (value or None)
