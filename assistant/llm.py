"""The LLM answerer and follow-up rewriter via LangChain (ChatOpenAI against any OpenAI-compatible endpoint).

The LLM writes the prose; the citations stay ours. Sources are numbered; the answer must cite
them as [n]; each cited source becomes a citation with a verified quote from the item. An
answer that cites nothing, says NO_ANSWER, or states a number that no cited item contains
(e.g. one planted by a prompt injection in the minutes) falls back to the extractive answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pydantic import SecretStr

from assistant import prompts
from assistant.answer import ExtractiveAnswerer, citation, refusal, where
from assistant.contract import Answer
from assistant.query import Query
from assistant.quotes import decision_quote, quote_for
from assistant.retrieve import Hit
from assistant.safety import sanitize
from assistant.service import Rewriter, Turn
from assistant.settings import Settings

MAX_SOURCE_CHARS = 2500
_CITE = re.compile(r"\[(\d{1,2})\]")
_NUMBER = re.compile(r"\d[\d.,]*\d|\d")


def chat_model(settings: Settings, streaming: bool = False) -> Any:
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(base_url=settings.llm_base_url, model=settings.llm_model, api_key=SecretStr(settings.llm_api_key),
                      temperature=0, timeout=settings.llm_timeout, max_retries=1, streaming=streaming)


def render_sources(query: Query, hits: list[Hit]) -> str:
    blocks = []
    for n, hit in enumerate(hits, 1):
        item = hit.row["item"]
        parts = [where(hit, "da")]
        dq = decision_quote(item)
        if dq:
            parts.append(dq)
        best = quote_for(item, query.intent, query.text, hit.focus)
        if best and best != dq:
            parts.append(best)
        body, _ = sanitize("\n".join(parts))
        rest, _ = sanitize(item.text[: max(0, MAX_SOURCE_CHARS - len(body))])
        blocks.append(f"<source n=\"{n}\">\n{body}\n---\n{rest}\n</source>")
    return "\n\n".join(blocks)


def _numbers(text: str) -> set[str]:
    return {n.replace(".", "").replace(",", "") for n in _NUMBER.findall(text)}


class LLMAnswerer:
    def __init__(self, settings: Settings, model: Any = None) -> None:
        self.settings = settings
        self.model = model or chat_model(settings)
        self.fallback = ExtractiveAnswerer(settings.public_url, settings.refusal_threshold)

    def messages(self, query: Query, hits: list[Hit]) -> list[tuple[str, str]]:
        v = self.settings.prompt_version
        user = prompts.load("answer", v, query.language).format(question=query.text,
                                                                sources=render_sources(query, hits))
        return [("system", prompts.load("system", v)), ("human", user)]

    def stream(self, query: Query, hits: list[Hit]) -> Iterator[str]:
        for chunk in chat_model(self.settings, streaming=True).stream(self.messages(query, hits)):
            yield str(chunk.content)

    def answer(self, query: Query, hits: list[Hit], text: str | None = None) -> Answer:
        if not hits or not self.fallback.supported(hits[0]):
            return refusal(query.language)
        hits = hits[:5]
        if text is None:
            text = str(self.model.invoke(self.messages(query, hits)).content)
        return self.check(query, hits, text.strip())

    def check(self, query: Query, hits: list[Hit], text: str) -> Answer:
        cited = sorted({int(n) for n in _CITE.findall(text) if 1 <= int(n) <= len(hits)})
        if "NO_ANSWER" in text or not cited:
            return self.fallback.answer(query, hits) if "NO_ANSWER" not in text else refusal(query.language)
        sources = " ".join(sanitize(hits[n - 1].row["text"])[0] + " " + where(hits[n - 1], query.language)
                           for n in cited)
        if not _numbers(_CITE.sub("", text)) <= _numbers(sources):
            return self.fallback.answer(query, hits)  # a number no cited item contains: do not trust the prose
        citations = [citation(hits[n - 1], quote_for(hits[n - 1].row["item"], query.intent, query.text,
                                                     hits[n - 1].focus), self.settings.public_url) for n in cited]
        return Answer(answer=text, refused=False, citations=citations)


class LLMRewriter(Rewriter):
    def __init__(self, settings: Settings, model: Any = None) -> None:
        self.settings = settings
        self.model = model or chat_model(settings)

    def rewrite(self, question: str, history: list[Turn]) -> str:
        convo = "\n".join(f"- {t.standalone}" for t in history[-4:])
        prompt = prompts.load("followup", self.settings.prompt_version).format(history=convo, question=question)
        try:
            out = str(self.model.invoke([("human", prompt)]).content).strip()
        except Exception:  # an unreachable LLM must not break follow-ups
            return super().rewrite(question, history)
        return out.splitlines()[0][:500] if out else super().rewrite(question, history)
