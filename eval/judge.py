"""Faithfulness by an LLM judge (when one is configured): is every claim of the answer supported by its quotes?"""

from __future__ import annotations

from typing import Any

from assistant import prompts
from assistant.contract import Answer


class Judge:
    def __init__(self, model: Any, version: str = "v1") -> None:
        self.model, self.version = model, version

    def faithful(self, question: str, answer: Answer) -> float | None:
        """1.0 or 0.0 for an answered question; None for a refusal (nothing to judge)."""
        if answer.refused or not answer.citations:
            return None
        quotes = "\n".join(f"[{k}] {c.quote}" for k, c in enumerate(answer.citations, 1))
        prompt = prompts.load("judge", self.version).format(question=question, answer=answer.answer, quotes=quotes)
        reply = str(self.model.invoke([("human", prompt)]).content).strip().upper()
        return 1.0 if reply.startswith("YES") else 0.0
