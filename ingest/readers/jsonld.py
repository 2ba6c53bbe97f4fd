"""A meeting's facts from the schema.org JSON-LD of its web page (``<script type="application/ld+json">``).

Layout: an ``Event`` (``scripts.ld_events``) with ``startDate`` (ISO; with an offset it is shown as the
Copenhagen clock, a date alone gives no time) and ``location`` (a ``Place`` with ``name`` and a
``PostalAddress``: streetAddress, postalCode addressLocality; or a plain string). Its ``subEvent`` list (the
items, ``position`` their running order, not their printed numbers) and any ``BreadcrumbList`` are never read
as items: the page's markup holds those. Only facts the markup leaves out are filled in, and only from an
Event of the meeting's own date.
"""

from __future__ import annotations

from typing import Any

from ingest.readers import scripts, stamps
from ingest.readers.base import MeetingDraft


def _text(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def place(value: Any) -> str | None:
    """A location as printed: "Mødelokale Esrum, Fredensborg Rådhus, Egevangen 13, 2980 Kokkedal"."""
    if isinstance(value, list):
        return next((p for v in value if (p := place(v))), None)
    if isinstance(value, str):
        return _text(value) or None
    if not isinstance(value, dict):
        return None
    address = value.get("address")
    if isinstance(address, dict):
        town = " ".join(x for x in (_text(address.get("postalCode")), _text(address.get("addressLocality"))) if x)
        address = ", ".join(x for x in (_text(address.get("streetAddress")), town) if x)
    parts = [p for p in (_text(value.get("name")), _text(address)) if p]
    return ", ".join(parts) or None


def complete(draft: MeetingDraft, page: str) -> None:
    """Fill the draft's missing time and place from the page's Event of the meeting's date."""
    if draft.time and draft.location or "ld+json" not in page:
        return
    for event in scripts.ld_events(page):
        found = stamps.date_clock(event.get("startDate"))
        if found is None or found[0] != draft.date:
            continue
        draft.time = draft.time or found[1]
        draft.location = draft.location or place(event.get("location"))
        return
