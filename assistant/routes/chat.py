"""The chat: the web page, POST /chat, POST /chat/stream (NDJSON), and the Slack events endpoint."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from fastapi.responses import HTMLResponse, StreamingResponse
from pydantic import BaseModel, Field, field_validator

from assistant.contract import Answer
from assistant.query import Filters
from assistant.routes.auth import OwnerDep, require_read
from assistant.routes.deps import MAX_FILTER_VALUES, MAX_NAME_CHARS, BaseUrl, get_container, no_surrogates
from assistant.service import ChatService
from store.conversations import ID_PATTERN

if TYPE_CHECKING:
    from assistant.container import Container
    from assistant.settings import Settings

WEB = Path(__file__).resolve().parent.parent / "web"


class ChatRequest(BaseModel):
    question: str = Field(..., description="The question, Danish or English")
    municipality: str | list[str] | None = Field(None, description=f"one name or at most {MAX_FILTER_VALUES}")
    committee: str | None = Field(None, max_length=MAX_NAME_CHARS)
    date_from: date | None = None
    date_to: date | None = None
    conversation_id: str | None = Field(None, max_length=64, pattern=ID_PATTERN,
                                        description="as the server issued it; an unknown one starts a new conversation")
    history: list[str] | None = Field(None, description="earlier questions (bounded: turns and characters)")

    @field_validator("question", "committee")
    @classmethod
    def _text(cls, v: str | None) -> str | None:
        return v if v is None else no_surrogates(v, "text")

    @field_validator("history")
    @classmethod
    def _history(cls, v: list[str] | None) -> list[str] | None:
        for q in v or []:
            no_surrogates(q, "history")
        return v

    @field_validator("municipality")
    @classmethod
    def _munis(cls, v: str | list[str] | None) -> str | list[str] | None:
        values = [v] if isinstance(v, str) else (v or [])
        if len(values) > MAX_FILTER_VALUES:
            raise ValueError(f"{len(values)} municipalities in the filter; the limit is {MAX_FILTER_VALUES}")
        for m in values:
            if len(m) > MAX_NAME_CHARS:
                raise ValueError(f"a municipality name of {len(m)} characters; the limit is {MAX_NAME_CHARS}")
            no_surrogates(m, "municipality")
        return v

    def filters(self) -> Filters:
        munis = [self.municipality] if isinstance(self.municipality, str) else (self.municipality or [])
        return Filters(municipalities=[m for m in munis if m], committee=self.committee or None,
                       date_from=self.date_from, date_to=self.date_to)


def chat_service(request: Request) -> ChatService:
    return get_container(request).service


Chat = Annotated[ChatService, Depends(chat_service)]
router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def index() -> str:
    page = WEB / "index.html"
    return page.read_text(encoding="utf-8") if page.exists() else "<h1>Referat</h1><p>See /docs.</p>"


@router.post("/chat", response_model=Answer, dependencies=[Depends(require_read)])
def chat(req: ChatRequest, response: Response, who: OwnerDep, service: Chat, base: BaseUrl) -> Answer:
    who.set_cookie(response)
    return service.ask(req.question, req.filters(), req.conversation_id, req.history, base_url=base, owner=who.id)


@router.post("/chat/stream", dependencies=[Depends(require_read)])
def chat_stream(req: ChatRequest, who: OwnerDep, service: Chat, base: BaseUrl) -> StreamingResponse:
    """NDJSON: {"type": "token", "text": ...} lines as the answer is written, then {"type": "answer", ...}.
    A {"type": "reset"} line withdraws the text so far (the LLM failed); the tokens after it spell the answer."""
    events = service.stream(req.question, req.filters(), req.conversation_id, req.history, base_url=base,
                            owner=who.id)
    first = next(events)  # raise validation errors before the response starts

    def body() -> Iterator[bytes]:
        yield (json.dumps(first, ensure_ascii=False, default=str) + "\n").encode()
        for event in events:
            yield (json.dumps(event, ensure_ascii=False, default=str) + "\n").encode()

    streaming = StreamingResponse(body(), media_type="application/x-ndjson")
    who.set_cookie(streaming)
    return streaming


# -- Slack (included only when REFERAT_SLACK_SIGNING_SECRET is set) --------------------------------------
def slack_handler(settings: Settings, container: Container) -> Any:
    """slack-bolt's FastAPI adapter around the bot (assistant/slack.py); create_app keeps it in app.state.slack."""
    from slack_bolt.adapter.fastapi import SlackRequestHandler

    from assistant.slack import build_app

    return SlackRequestHandler(build_app(settings, container.service, container.catalog))


slack_router = APIRouter(include_in_schema=False)


@slack_router.post("/slack/events")
async def slack_events(request: Request, base: BaseUrl) -> Any:
    stamp = request.headers.get("x-slack-request-timestamp", "")
    if not (stamp.isdigit() and len(stamp) <= 12):
        raise HTTPException(401, "missing or malformed X-Slack-Request-Timestamp (unsigned request)")
    # answers link to the server that delivered the event, unless REFERAT_PUBLIC_URL says otherwise
    return await request.app.state.slack.handle(request, {"base_url": base})
