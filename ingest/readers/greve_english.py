"""A version of the First Agenda "Vis" JSON that ``greve_json`` reads: the API's ENGLISH twin names only.

The portal's API names most fields twice (``Punktnummer``/``Number``, ``Navn``/``Caption``, ``SagsNummer``/
``CaseNumber``, ``Felter``/``Fields``, ``Bilag``/``Attachments``); an installation or API version may write the
English names alone, the agenda too: ``{Id, Committee{Id, Name, IsHistoric}, Meeting{Title, DocumentType, Date,
EndDate, Location, IsFinished, ReleasedDate, Link, Participants[{Name, Role, Absent, ParticipationCancelled,
Note}]}, SupplementaryAgenda{…}, AgendaItems[{Id, Number, Sorting, Caption, CaseNumber, IsClosed, IsSupplementary,
AddedDate, Fields[{Name, Order, Html}], Attachments[…], Attendees}]}``. ASP.NET writes its dates as .NET JSON dates
("/Date(1718028000000+0200)/": epoch milliseconds in UTC, read by ``stamps``). A supplementary item ("3a", from
a tillægsdagsorden) stands where the portal sorts it (``Sorting``), usually last.

The English names are PascalCase as the API writes them, and the item list counts only beside a ``Meeting`` or
``Committee`` object: a camelCase ``agendaItems`` of another system is ``generic_json``'s.
"""

from __future__ import annotations

from typing import Any

from ingest.readers import stamps

ITEMS = "AgendaItems"
MEETING_KEYS = ("Meeting", "Committee")
COMMITTEE_KEYS = ("Udvalg", "Committee")
MEETING_OBJECT_KEYS = ("Moede", "Møde", "Meeting")
MEMBER_KEYS = ("Moededeltagere", "Deltagere", "Participants")


def agenda_items(payload: Any) -> list[Any]:
    """The ``AgendaItems`` list of an agenda in the English layout, else []."""
    if not isinstance(payload, dict) or not any(isinstance(payload.get(k), dict) for k in MEETING_KEYS):
        return []
    items = payload.get(ITEMS)
    return items if isinstance(items, list) else []


def published(value: Any) -> str | None:
    """A publication time (``ReleasedDate``) as an ISO timestamp: a .NET JSON date or an epoch value converted, an
    ISO string as it is; None when there is none."""
    if value in (None, ""):
        return None
    stamp = stamps.epoch(value)
    if stamp is not None:
        return stamps.local(stamp).isoformat()
    text = " ".join(str(value).split())
    return text or None
