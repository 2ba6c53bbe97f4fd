"""Reads besides chat: municipalities, freshness, meetings, items (JSON and the pages citations link to)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from assistant.items import ItemsService
from assistant.pages import item_page, meeting_page
from assistant.routes.auth import require_read
from assistant.routes.deps import get_container
from store.rows import MeetingSummary


def items_service(request: Request) -> ItemsService:
    return ItemsService(get_container(request).catalog)


Items = Annotated[ItemsService, Depends(items_service)]
router = APIRouter(dependencies=[Depends(require_read)])


@router.get("/municipalities")
def municipalities(items: Items) -> list[str]:
    return items.municipalities()


@router.get("/freshness")
def freshness(items: Items) -> list[dict[str, Any]]:
    """How fresh each municipality's data is: its meetings, the latest meeting's date, when it was last
    ingested, and when a `referat sync` source naming it last finished a run without errors (else null)."""
    return items.freshness()


@router.get("/meetings")
def meetings(items: Items, municipality: str | None = None, limit: int = Query(200, ge=1, le=1000),
             offset: int = Query(0, ge=0)) -> list[MeetingSummary]:
    return items.meetings(municipality, limit, offset)


@router.get("/meetings/{meeting_id}")
def meeting(meeting_id: str, items: Items) -> dict[str, Any]:
    return items.meeting_json(meeting_id)


@router.get("/meetings/{meeting_id}/page", response_class=HTMLResponse)
def meeting_html(meeting_id: str, items: Items, q: str | None = None) -> str:
    found = items.meeting(meeting_id)
    return meeting_page(found, items.agenda(found), q)


@router.get("/api/items/{item_id}")
def item_json(item_id: str, items: Items) -> dict[str, Any]:
    return items.item_json(item_id)


@router.get("/items/{item_id}", response_class=HTMLResponse)
def item_html(item_id: str, items: Items, q: str | None = Query(None, max_length=5000)) -> str:
    return item_page(items.item(item_id), q)
