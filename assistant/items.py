"""Browsing the stored minutes: municipalities and how fresh they are, meetings, items (the API's reads
besides chat). A missing id raises NotFound; an item removed by a corrected meeting raises Gone."""

from __future__ import annotations

import logging
from typing import Any

from core.errors import Gone, NotFound
from core.model import Meeting
from store.catalog import Catalog
from store.rows import MeetingSummary, StoredItem

log = logging.getLogger("referat.items")


class ItemsService:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog

    def municipalities(self) -> list[str]:
        return self.catalog.municipalities()

    def freshness(self) -> list[dict[str, Any]]:
        """Per municipality: its meetings, the latest meeting's date, when it was last ingested, and when a
        `referat sync` source naming it last finished a run without errors (``last_sync``, else None)."""
        synced: dict[str, str] = {}
        try:
            from assistant.syncing import sync_health

            for run in sync_health(self.catalog).values():
                muni, good = run.get("municipality"), run.get("last_ok_at")
                if muni and good and good > synced.get(muni, ""):
                    synced[muni] = good
        except Exception as exc:  # the sync state is extra: the catalog's own dates still answer
            log.warning("sync state unreadable for /freshness: %s: %s", type(exc).__name__, exc)
        return [{**row, "last_sync": synced.get(row["municipality"])} for row in self.catalog.freshness()]

    def meetings(self, municipality: str | None = None, limit: int = 200, offset: int = 0) -> list[MeetingSummary]:
        return self.catalog.meetings(municipality)[offset:offset + limit]

    def meeting(self, meeting_id: str) -> Meeting:
        found = self.catalog.meeting(meeting_id)
        if found is None:
            raise NotFound(f"no meeting with id {meeting_id!r}")
        return found

    def meeting_json(self, meeting_id: str) -> dict[str, Any]:
        """The meeting as JSON, with its id and each item's id."""
        found = self.meeting(meeting_id)
        data = found.model_dump(mode="json")
        data["id"] = meeting_id
        for iid, raw in zip(found.item_ids(), data["items"], strict=False):
            raw["id"] = iid
        return data

    @staticmethod
    def agenda(meeting: Meeting) -> list[tuple[str, str]]:
        """(item id, "label: title") per agenda item, for the meeting page."""
        return [(iid, f"{it.label}: {it.title}") for iid, it in zip(meeting.item_ids(), meeting.items, strict=True)]

    def item(self, item_id: str) -> StoredItem:
        """The stored item (its meeting's municipality, committee and date; ``item``: the AgendaItem)."""
        stored = self.catalog.item(item_id)
        if stored is None:
            gone = self.catalog.removed_item(item_id)
            if gone is not None:
                raise Gone(gone, f"item {item_id!r} was removed when its meeting was corrected; "
                                 f"see the meeting {gone!r}")
            raise NotFound(f"no item with id {item_id[:200]!r}")
        return stored

    def item_json(self, item_id: str) -> dict[str, Any]:
        return self.item(item_id).as_json()
