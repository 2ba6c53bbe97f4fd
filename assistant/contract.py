"""The answer JSON shared by CLI, API, web page, Slack bot and eval."""

from __future__ import annotations

from typing import Protocol

from pydantic import BaseModel, Field

from assistant.query import Query
from assistant.retrieve import Hit


class Citation(BaseModel):
    municipality: str
    committee: str
    meeting_date: str
    item_number: str | None
    item_title: str | None
    quote: str
    item_id: str = ""
    url: str = ""
    case_number: str | None = None


class Answer(BaseModel):
    answer: str
    refused: bool = False
    citations: list[Citation] = Field(default_factory=list)
    conversation_id: str | None = None
    standalone_question: str | None = None
    timings_ms: dict[str, float] = Field(default_factory=dict)


class Answerer(Protocol):
    """Writes the answer for a question from the retrieved items."""

    def answer(self, query: Query, hits: list[Hit]) -> Answer: ...
