"""What the catalog's reads return, typed: an agenda item as stored (`StoredItem`, built in one place from a
database row by `StoredItem.from_row`), its light form for ranking (`ItemMeta`), a meeting of the list
(`MeetingSummary`) and a chunk with its item's metadata (`ChunkRow`).

These are storage shapes, not the civic model: a stored item carries its meeting's municipality, committee and
date beside the parsed `AgendaItem` (core/model.py), and its id and order are the catalog's columns. So they live
in store/, next to the SQL they mirror; core/ stays free of the catalog's columns.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from typing_extensions import TypedDict  # pydantic (FastAPI's response model) needs it before Python 3.12

from core.model import AgendaItem


def _meta_fields(row: Mapping[str, Any]) -> dict[str, Any]:
    return {"id": row["id"], "meeting_id": row["meeting_id"], "municipality": row["municipality"],
            "committee": row["committee"], "date": row["date"], "number": row["number"], "order": row["ord"],
            "title": row["title"], "case_number": row["case_number"]}


@dataclass(frozen=True, slots=True)
class ItemMeta:
    """An item's columns without its text and JSON: what ranking many candidates reads (``Catalog.item_meta``)."""

    id: str
    meeting_id: str
    municipality: str  # the meeting's
    committee: str  # the meeting's
    date: str  # the meeting's date, ISO 8601 (YYYY-MM-DD)
    number: str | None  # the item's number on the agenda ("5", "5.a"); None when unnumbered
    order: int  # the item's place on the agenda (column ``ord``)
    title: str
    case_number: str | None

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> ItemMeta:
        return cls(**_meta_fields(row))


@dataclass(frozen=True, slots=True)
class StoredItem(ItemMeta):
    """An agenda item as stored: its columns, its text and the parsed `AgendaItem` (``item``)."""

    text: str
    item: AgendaItem

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> StoredItem:
        """From a row of ``SELECT * FROM items`` (its ``json`` column parsed)."""
        return cls(**_meta_fields(row), text=row["text"], item=AgendaItem.model_validate(json.loads(row["json"])))

    def as_json(self) -> dict[str, Any]:
        """The item as the API returns it (``GET /api/items/{id}``): the table's columns in table order, ``json``
        replaced by ``item``."""
        return {"id": self.id, "meeting_id": self.meeting_id, "municipality": self.municipality,
                "committee": self.committee, "date": self.date, "number": self.number, "ord": self.order,
                "title": self.title, "case_number": self.case_number, "text": self.text,
                "item": self.item.model_dump(mode="json")}


class MeetingSummary(TypedDict):
    """A meeting of the list (``Catalog.meetings``, ``GET /meetings``). A TypedDict, not a dataclass: the API
    returns it as it is, and `store.check` reads it by key."""

    id: str
    municipality: str
    committee: str
    date: str
    source: str | None
    version: str


def meeting_summary(row: Mapping[str, Any]) -> MeetingSummary:
    return MeetingSummary(id=row["id"], municipality=row["municipality"], committee=row["committee"],
                          date=row["date"], source=row["source"], version=row["version"])


class ChunkRow(TypedDict):
    """A chunk with what its vector's metadata needs (``Catalog.chunk_rows``, read by key in `store.check`)."""

    id: str
    item_id: str
    meeting_id: str
    version: str
    kind: str
    text: str
    item_municipality: str
    committee: str
    date: str
    number: str | None
    title: str


def chunk_row(row: Mapping[str, Any]) -> ChunkRow:
    return ChunkRow(id=row["id"], item_id=row["item_id"], meeting_id=row["meeting_id"], version=row["version"],
                    kind=row["kind"], text=row["text"], item_municipality=row["item_municipality"],
                    committee=row["committee"], date=row["date"], number=row["number"], title=row["title"])
