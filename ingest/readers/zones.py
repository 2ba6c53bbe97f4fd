"""A time zone a structured export states beside its time stamps (``"timeZone": "America/Nuuk"``): an IANA zone
name under a time-zone key. A stamp that fixes an instant (epoch seconds or milliseconds, an ISO date-time with
"Z" or an offset) is shown as that zone's clock; without a stated zone ``stamps`` shows it in Danish local time.
A naive ISO date-time is local already and is never shifted. A name the zone database does not know is no zone.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from ingest.readers import stamps

ZONE_KEYS = {"timezone", "timezoneid", "timezonename", "tz", "tzid", "tzname", "zone", "zoneid", "ianatimezone",
             "tidszone"}
IANA = re.compile(r"^[A-Za-z][A-Za-z_+-]*(?:/[A-Za-z0-9_+-]+){0,2}$")


def fold(key: Any) -> str:
    return re.sub(r"[^a-z0-9]", "", str(key).lower())


def is_zone_key(key: Any) -> bool:
    return fold(key) in ZONE_KEYS


def zone(value: Any) -> Any | None:
    """The ``ZoneInfo`` an IANA zone name names ("America/Nuuk", "Europe/Copenhagen"), else None."""
    if not isinstance(value, str) or not IANA.match(value.strip()) or "/" not in value and value.strip() != "UTC":
        return None
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(value.strip())
    except Exception:  # not a zone the database knows, or no database
        return None


def date_clock(value: Any, name: str | None) -> tuple[date | None, str | None] | None:
    """The date and "HH:MM" of a stamp fixing an instant, as the clock of the zone ``name`` shows it (no clock for
    a midnight, as ``stamps.date_clock``); None when there is no such zone or the value fixes no instant."""
    tz = zone(name) if name else None
    if tz is None:
        return None
    stamp = stamps.epoch(value)
    iso = stamps.iso(value) if stamp is None and isinstance(value, str) else None
    if iso is not None and iso.utcoffset() is not None:  # "2024-09-12T10:00:00Z"; a naive one is local already
        stamp = iso
    if not isinstance(stamp, datetime):
        return None
    shown = stamp.astimezone(tz)
    clock = shown.strftime("%H:%M")
    return shown.date(), (None if clock == "00:00" else clock)
