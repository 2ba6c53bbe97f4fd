"""Question sets (JSON Lines): load and validate, with the line number in every error."""

from __future__ import annotations

import json
import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from core.errors import ReferatError

TYPES = {"decision", "fact", "who", "vote", "money", "date", "list", "unanswerable", "followup", "case", "meeting"}


class QuestionSetError(ReferatError):
    pass


class Question(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str
    question: str
    municipality: str | None = None
    meeting_date: str | None = None
    committee: str | None = None
    item_number: str | None = None
    item_order: int | None = None
    item_title: str | None = None
    expected_answer: str | None = None
    answer_keywords: list[str] = []
    type: str = "decision"
    history: list[str] = []

    @field_validator("item_number", mode="before")
    @classmethod
    def _number(cls, v: object) -> object:
        return str(v) if isinstance(v, int) else v

    @field_validator("history", mode="before")
    @classmethod
    def _history(cls, v: object) -> object:
        """Earlier questions as strings, or a chat transcript ([{"role": "user", "content": ...}, ...]) whose
        user turns are the earlier questions (question sets from elsewhere write either)."""
        if isinstance(v, list) and any(isinstance(t, dict) for t in v):
            return [t.get("content") for t in v if isinstance(t, dict) and t.get("role", "user") == "user"]
        return v

    @field_validator("type")
    @classmethod
    def _type(cls, v: str) -> str:
        """Any one-word type is accepted (question sets from elsewhere name their own kinds; only
        "unanswerable" changes scoring); ``TYPES`` lists the kinds our own sets use."""
        if not re.fullmatch(r"[a-z][a-z0-9_-]{0,30}", v or ""):
            raise ValueError(f"type must be one lower-case word such as {sorted(TYPES)[:4]}, got {v!r}")
        return v

    @property
    def answerable(self) -> bool:
        return self.type != "unanswerable"

    @property
    def meeting_level(self) -> bool:
        """Gold is a whole meeting (attendance, venue, time), not one item."""
        return self.item_number is None and self.item_order is None and not self.item_title


def load(path: str | Path) -> list[Question]:
    p = Path(path)
    if not p.is_file():
        raise QuestionSetError(f"{path}: no such question file")
    questions, seen = [], set()
    for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            q = Question.model_validate(json.loads(line))
        except json.JSONDecodeError as exc:
            raise QuestionSetError(f"{path}:{n}: not valid JSON ({exc.msg})") from exc
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(x) for x in first["loc"])
            raise QuestionSetError(f"{path}:{n}: {where}: {first['msg']}") from exc
        if q.id in seen:
            raise QuestionSetError(f"{path}:{n}: duplicate id {q.id!r}")
        seen.add(q.id)
        questions.append(q)
    if not questions:
        raise QuestionSetError(f"{path}: no questions")
    return questions
