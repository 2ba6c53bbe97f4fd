"""The LLM answerer and follow-up rewriter via LangChain (ChatOpenAI against any OpenAI-compatible endpoint).

The LLM writes the prose; the citations stay ours. Sources are numbered; the answer must cite
them as [n]; each cited source becomes a citation with a verified quote from the item. An
answer that cites nothing, says NO_ANSWER, or states a number that no cited item contains
(e.g. one planted by a prompt injection in the minutes) falls back to the extractive answer.

An LLM that fails never costs the answer: unreachable, erroring (HTTP 5xx, malformed replies),
silent past ``llm_first_token_timeout`` or slower than ``llm_timeout`` in all, or empty, it is
replaced by the extractive answer (``answered_by="extractive-fallback"``), and counted by reason.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterator
from typing import Any

from pydantic import SecretStr

from assistant import bounded, prompts
from assistant.answer import ExtractiveAnswerer, citation, refusal, where
from assistant.contract import Answer
from assistant.metrics import FALLBACK_REASONS
from assistant.query import Query
from assistant.quotes import decision_quote, quote_for
from assistant.retrieve import Hit
from assistant.safety import sanitize
from assistant.service import Rewriter, Turn
from assistant.settings import Settings

log = logging.getLogger("referat.llm")
MAX_SOURCE_CHARS = 2500
_CITE = re.compile(r"\[(\d{1,2})\]")
_NUMBER = re.compile(r"\d[\d.,]*\d|\d")


def chat_model(settings: Settings, streaming: bool = False) -> Any:
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(base_url=settings.llm_base_url, model=settings.llm_model, api_key=SecretStr(settings.llm_api_key),
                      temperature=0, timeout=settings.llm_timeout, max_retries=0, streaming=streaming)


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
        self.model = model or chat_model(settings, streaming=True)
        self.fallback = ExtractiveAnswerer("", settings.refusal_threshold)  # links made absolute by the service
        self.fallbacks = dict.fromkeys(FALLBACK_REASONS, 0)
        self._lock = threading.Lock()

    def messages(self, query: Query, hits: list[Hit]) -> list[tuple[str, str]]:
        v = self.settings.prompt_version
        user = prompts.load("answer", v, query.language).format(question=query.text,
                                                                sources=render_sources(query, hits))
        return [("system", prompts.load("system", v)), ("human", user)]

    def _tokens(self, query: Query, hits: list[Hit]) -> Iterator[str]:
        for chunk in self.model.stream(self.messages(query, hits)):
            text = chunk.content if isinstance(chunk.content, str) else str(chunk.content or "")
            if text:
                yield text

    def stream(self, query: Query, hits: list[Hit]) -> Iterator[str | Answer]:
        """The LLM's text as it comes, then the checked Answer (or the extractive one, if the LLM failed)."""
        if not hits or not self.fallback.supported(hits[0]):
            yield refusal(query.language)
            return
        hits, parts = hits[:5], []
        s = self.settings
        try:
            for token in bounded.within(lambda: self._tokens(query, hits), s.llm_first_token_timeout, s.llm_timeout):
                parts.append(token)
                yield token
        except bounded.Deadline as exc:
            yield self.fall_back(query, hits, "timeout", exc)
            return
        except Exception as exc:  # connection refused, HTTP 5xx, a reply that is not an OpenAI response, ...
            yield self.fall_back(query, hits, "error", exc)
            return
        yield self.check(query, hits, "".join(parts).strip())

    def answer(self, query: Query, hits: list[Hit]) -> Answer:
        final = [piece for piece in self.stream(query, hits) if isinstance(piece, Answer)]
        return final[-1]

    def fall_back(self, query: Query, hits: list[Hit], reason: str, error: object = None) -> Answer:
        with self._lock:
            self.fallbacks[reason] += 1
        log.warning("LLM answer not used (%s%s); answering extractively", reason, f": {error}" if error else "")
        return self.fallback.answer(query, hits).model_copy(update={"answered_by": "extractive-fallback"})

    def check(self, query: Query, hits: list[Hit], text: str) -> Answer:
        if not text:
            return self.fall_back(query, hits, "empty")
        if "NO_ANSWER" in text:
            return refusal(query.language).model_copy(update={"answered_by": "llm"})
        cited = sorted({int(n) for n in _CITE.findall(text) if 1 <= int(n) <= len(hits)})
        if not cited:
            return self.fall_back(query, hits, "unverified", "no source cited")
        sources = " ".join(sanitize(hits[n - 1].row["text"])[0] + " " + where(hits[n - 1], query.language)
                           for n in cited)
        if not _numbers(_CITE.sub("", text)) <= _numbers(sources):
            # a number no cited item contains: do not trust the prose
            return self.fall_back(query, hits, "unverified", "a number no cited source contains")
        citations = [citation(hits[n - 1], quote_for(hits[n - 1].row["item"], query.intent, query.text,
                                                     hits[n - 1].focus), "") for n in cited]
        return Answer(answer=text, refused=False, citations=citations, answered_by="llm")


class LLMRewriter(Rewriter):
    def __init__(self, settings: Settings, model: Any = None) -> None:
        self.settings = settings
        self.model = model or chat_model(settings)

    def rewrite(self, question: str, history: list[Turn]) -> str:
        convo = "\n".join(f"- {t.standalone}" for t in history[-4:])
        prompt = prompts.load("followup", self.settings.prompt_version).format(history=convo, question=question)
        try:
            reply = bounded.call(lambda: self.model.invoke([("human", prompt)]), self.settings.llm_first_token_timeout)
            out = str(reply.content).strip()
        except Exception:  # an unreachable, failing or silent LLM must not break follow-ups
            return super().rewrite(question, history)
        return out.splitlines()[0][:500] if out else super().rewrite(question, history)
