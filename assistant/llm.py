"""The LLM answerer and follow-up rewriter via LangChain (ChatOpenAI against any OpenAI-compatible endpoint).

The LLM writes the prose; what it may say is bounded on both sides:

* before: it is asked only when the extractive answerer found an answer (a refusal, a meeting-facts answer
  or an agenda-only item is the extractive answer as it is), and it sees only a focused excerpt of the one to
  three items the extractive answer cites, within ``llm_prompt_tokens`` (``assistant.llm_prompt``);
* after: ``assistant.llm_guard`` checks it sentence by sentence as it streams, and only checked sentences are
  streamed; the citations are the extractive answer's verified quotes of the items the kept sentences cite.

An LLM that fails never costs the answer: unreachable, erroring (HTTP 5xx, malformed replies), silent past
``llm_first_token_timeout`` or slower than ``llm_timeout`` in all, empty, answering NO_ANSWER, citing a source
that does not exist, or left with no checked sentence, it is replaced by the extractive answer
(``answered_by="extractive-fallback"``), and counted by reason (``/metrics``).
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterator
from typing import Any

from pydantic import SecretStr

from assistant import bounded, prompts
from assistant.answer import ExtractiveAnswerer
from assistant.contract import Answer
from assistant.llm_guard import Guard, Rejected, sentence_language
from assistant.llm_prompt import Prompt, Source, build
from assistant.metrics import FALLBACK_REASONS
from assistant.query import Query
from assistant.retrieve import Hit
from assistant.service import Rewriter, Turn
from assistant.settings import Settings

log = logging.getLogger("referat.llm")
MAX_SOURCES = 3


def chat_model(settings: Settings, streaming: bool = False, timeout: float | None = None) -> Any:
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(base_url=settings.llm_base_url, model=settings.llm_model, api_key=SecretStr(settings.llm_api_key),
                      temperature=0, timeout=timeout or settings.llm_timeout, max_retries=0, streaming=streaming,
                      max_completion_tokens=settings.llm_max_tokens)


def _words(text: str) -> list[str]:
    return re.findall(r"\s*\S+\s*", text) or [text]


class LLMAnswerer:
    def __init__(self, settings: Settings, model: Any = None) -> None:
        self.settings = settings
        self.model = model or chat_model(settings, streaming=True)
        # links made absolute by the service
        self.fallback = ExtractiveAnswerer("", settings.refusal_threshold, ranking=settings.ranking)
        self.fallbacks = dict.fromkeys(FALLBACK_REASONS, 0)
        self._lock = threading.Lock()
        self.last_prompt_tokens = 0  # of the latest prompt (the eval reports it)

    def prompt(self, query: Query, hits: list[Hit], extractive: Answer) -> Prompt:
        """The prompt over the items the extractive answer cites (at most three), in its order."""
        by_id = {h.item_id: h for h in hits}
        sources = [Source(k + 1, by_id[c.item_id], c) for k, c in enumerate(extractive.citations)
                   if c.kind == "item" and c.item_id in by_id][:MAX_SOURCES]
        return build(query, sources, self.settings.prompt_version, self.settings.llm_prompt_tokens)

    def messages(self, query: Query, hits: list[Hit]) -> list[tuple[str, str]]:
        return self.prompt(query, hits, self.fallback.answer(query, hits)).messages

    def _tokens(self, messages: list[tuple[str, str]]) -> Iterator[str]:
        for chunk in self.model.stream(messages):
            text = chunk.content if isinstance(chunk.content, str) else str(chunk.content or "")
            if text:
                yield text

    def stream(self, query: Query, hits: list[Hit]) -> Iterator[str | Answer]:
        """Checked sentences of the LLM's answer as they come, then the final Answer (the extractive one when
        the LLM is not asked, failed, or its answer did not stand)."""
        extractive = self.fallback.answer(query, hits)
        if extractive.refused or not any(c.kind == "item" for c in extractive.citations):
            yield extractive  # a refusal, meeting facts, an agenda-only item: nothing for the LLM to word
            return
        prompt = self.prompt(query, hits, extractive)
        if not prompt.sources:
            yield self.fall_back(extractive, "unverified", "no excerpt fits the prompt budget")
            return
        self.last_prompt_tokens = prompt.tokens
        guard = Guard([s.check_text() for s in prompt.sources], query.language)
        s = self.settings
        try:
            for token in bounded.within(lambda: self._tokens(prompt.messages), s.llm_first_token_timeout,
                                        s.llm_timeout):
                for piece in guard.feed(token):
                    yield from _words(piece)
            for piece in guard.finish():
                yield from _words(piece)
        except Rejected as exc:
            yield self.fall_back(extractive, exc.reason, exc.detail)
            return
        except bounded.Deadline as exc:
            yield self.fall_back(extractive, "timeout", exc)
            return
        except Exception as exc:  # connection refused, HTTP 5xx, a reply that is not an OpenAI response, ...
            yield self.fall_back(extractive, "error", exc)
            return
        if guard.dropped:
            log.info("LLM sentences dropped (a number or name their source does not hold): %s", guard.dropped)
        text = guard.text.strip()
        said = sentence_language(text)  # the whole answer, names and quotes aside
        if said and said != query.language:
            yield self.fall_back(extractive, "unverified", f"answered in {said}, asked in {query.language}")
            return
        citations = [prompt.sources[n - 1].citation for n in guard.cited]
        yield Answer(answer=text, refused=False, citations=citations, answered_by="llm")

    def answer(self, query: Query, hits: list[Hit]) -> Answer:
        final = [piece for piece in self.stream(query, hits) if isinstance(piece, Answer)]
        return final[-1]

    def fall_back(self, extractive: Answer, reason: str, error: object = None) -> Answer:
        with self._lock:
            self.fallbacks[reason] += 1
        log.warning("LLM answer not used (%s%s); answering extractively", reason, f": {error}" if error else "")
        return extractive.model_copy(update={"answered_by": "extractive-fallback"})


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
