"""The answer JSON shared by CLI, API, web page, Slack bot and eval."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal, Protocol

from pydantic import BaseModel, Field

from assistant.query import Query
from assistant.retrieve import Hit
from core.model import item_label


class Citation(BaseModel):
    """One source of an answer: an agenda item (``kind="item"``) or a meeting's own facts (``"meeting"``)."""

    municipality: str
    committee: str
    meeting_date: str
    item_number: str | None
    item_title: str | None
    quote: str
    item_id: str = ""
    url: str = ""
    case_number: str | None = None
    kind: Literal["item", "meeting"] = "item"

    @property
    def label(self) -> str:
        """"Esbjerg · Byrådet · 2024-01-16 · Punkt 5": how the CLI and Slack name a source."""
        return f"{self.municipality} · {self.committee} · {self.meeting_date} · {item_label(self.item_number)}"


class Answer(BaseModel):
    answer: str
    refused: bool = False
    citations: list[Citation] = Field(default_factory=list)
    conversation_id: str | None = None
    standalone_question: str | None = None
    timings_ms: dict[str, float] = Field(default_factory=dict)
    # which answerer spoke: the extractive one, the LLM, or the extractive one because the LLM failed
    answered_by: Literal["extractive", "llm", "extractive-fallback"] = "extractive"


class Answerer(Protocol):
    """Writes the answer for a question from the retrieved items."""

    def answer(self, query: Query, hits: list[Hit]) -> Answer: ...


class StreamingAnswerer(Answerer, Protocol):
    """An answerer that writes as it goes: text pieces, then exactly one final Answer (always last)."""

    def stream(self, query: Query, hits: list[Hit]) -> Iterator[str | Answer]: ...
