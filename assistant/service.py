"""The chat service: understand -> retrieve -> answer -> verify, with conversations and follow-ups."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date
from typing import Any

from assistant import salient, topics
from assistant.answer import refusal
from assistant.contract import Answer, Answerer
from assistant.links import absolute
from assistant.query import Filters, Query, is_followup, understand
from assistant.retrieve import Hit, Retrieval, Retriever
from assistant.verify import verify
from core.errors import QuestionError
from store.catalog import Catalog
from store.conversations import ConversationStore, new_id


def filters_to_json(f: Filters) -> dict[str, Any]:
    """A conversation turn's filters as stored in store/conversations (dates as ISO strings)."""
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in asdict(f).items()}


def filters_from_json(raw: dict[str, Any]) -> Filters:
    names = {f.name for f in fields(Filters)}
    kw = {k: v for k, v in raw.items() if k in names}
    for key in ("date_from", "date_to"):
        if kw.get(key):
            kw[key] = date.fromisoformat(kw[key])
    return Filters(**kw)


# "hvem tog forbehold i magistraten?", "hvem stemte imod?": in a conversation, a short question that names no town,
# no name and no topic of its own asks about what the conversation is about
_TOPICLESS_WORDS = 8
_WHO_WHEN = re.compile(r"^\W*(?:og\s+|and\s+)?(?:hvem|hvornår|hvorfor|who|when|why)\b", re.I)  # not "hvor højt ...?"


def _topicless(question: str, query: Query) -> bool:
    return (len(re.findall(r"\w+", question)) <= _TOPICLESS_WORDS and _WHO_WHEN.match(question) is not None
            and not query.filters.municipalities
            and not query.filters.case_number and not query.filters.item_number
            and not salient.salient_names(question) and not topics.topic_nouns(question, query.language))


@dataclass
class Turn:
    question: str
    standalone: str
    filters: Filters
    item_ids: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"question": self.question, "standalone": self.standalone, "filters": filters_to_json(self.filters),
                "item_ids": self.item_ids}

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Turn:
        return cls(str(raw.get("question", "")), str(raw.get("standalone", "")),
                   filters_from_json(raw.get("filters") or {}), list(raw.get("item_ids") or []))


@dataclass
class _Pending:
    started: float
    question: str
    conversation_id: str | None
    owner: str
    turns: list[Turn]
    query: Query
    search_text: str
    retrieval: Retrieval
    hits: list[Hit]


LEAN_BACK_WORDS = 12  # a question this short, refused when read alone, is tried as a follow-up (dev26: "How many
# households does the change affect?"); longer questions say what they are about


class Rewriter:
    """Rewrites a follow-up into a standalone question (the LLM one lives in assistant.llm)."""

    def rewrite(self, question: str, history: list[Turn]) -> str:
        prev = history[-1]
        return f"{prev.standalone} {question}"


class ChatService:
    def __init__(self, catalog: Catalog, retriever: Retriever, answerer: Answerer, top_k: int = 5,
                 max_question_chars: int = 1000, max_turns: int = 20, rewriter: Rewriter | None = None,
                 max_conversations: int = 10_000, base_url: str = "http://127.0.0.1:8000",
                 conversations: ConversationStore | None = None, max_history_chars: int = 20_000,
                 respell: Callable[[str], str] | None = None) -> None:
        self.catalog, self.retriever, self.answerer = catalog, retriever, answerer
        self.respell = respell  # a typing slip mended to the stored word it meant (``store.spelling``)
        self.base_url = base_url  # citation links when the caller names no base (CLI, eval, Socket Mode)
        self.top_k, self.max_question_chars, self.max_turns = top_k, max_question_chars, max_turns
        self.rewriter = rewriter or Rewriter()
        # conversations: server-issued ids bound to their owner (in the catalog file when the container wires it)
        self.conversations = conversations if conversations is not None else ConversationStore(None, max_conversations)
        self.max_history_chars = max_history_chars

    def _validate(self, question: str) -> str:
        question = (question or "").strip()
        if not question:
            raise QuestionError("the question is empty")
        if len(question) > self.max_question_chars:
            raise QuestionError(f"the question is {len(question)} characters; the limit is {self.max_question_chars}")
        return question

    def _history(self, conversation_id: str | None, history: list[str] | None,
                 owner: str, replay: bool = True) -> tuple[str | None, list[Turn]]:
        """The conversation's id and turns when ``owner`` owns ``conversation_id``; else (None, the given history):
        an unknown or foreign id starts a new conversation. ``replay``: the last given turn is answered again
        to learn what it cited."""
        stored = self.conversations.load(conversation_id, owner)
        if stored is not None:
            return conversation_id, [Turn.from_json(t) for t in stored]
        history = [q for q in (history or []) if isinstance(q, str) and q.strip()]
        if len(history) > self.max_turns:
            raise QuestionError(f"the history has {len(history)} turns; the limit is {self.max_turns}")
        size = sum(len(q) for q in history)
        if size > self.max_history_chars or any(len(q) > self.max_question_chars for q in history):
            raise QuestionError(f"the history is {size} characters; the limit is {self.max_history_chars} "
                                f"and {self.max_question_chars} per turn")
        turns = [Turn(q, q, understand(q).filters) for q in history]
        if turns and replay:  # the last turn as the chat would have stored it: its own rewrite and the items it cited
            turns[-1] = self._replayed(tuple(history), owner)
        return None, turns

    def _replayed(self, history: tuple[str, ...], owner: str) -> Turn:
        """The last question of a history given as text, answered as in a conversation (the turns before it read
        as written): what it cited is what the next question's "it" refers to, as in the chat."""
        *before, last = history
        turn = self._prepare(last, None, None, list(before), 0, owner, replay=False)
        turn, answer = self._lean_back(turn, self._answer(turn), last, None, 0)
        return Turn(last, turn.search_text, turn.query.filters, [c.item_id for c in answer.citations])

    def ask(self, question: str, filters: Filters | None = None, conversation_id: str | None = None,
            history: list[str] | None = None, base_url: str | None = None, owner: str = "local") -> Answer:
        """The answer; its citation links under ``base_url`` (the server the user asked), else the default.
        ``owner`` (cookie, API key, Slack thread) owns the conversation; "local" is the CLI and in-process callers."""
        return self.ask_with_hits(question, filters, conversation_id, history, base_url=base_url, owner=owner)[0]

    def ask_with_hits(self, question: str, filters: Filters | None = None, conversation_id: str | None = None,
                      history: list[str] | None = None, depth: int = 0,
                      base_url: str | None = None, owner: str = "local") -> tuple[Answer, list[Hit]]:
        """The answer and the ranked items behind it (``depth`` of them, for evaluation)."""
        turn = self._prepare(question, filters, conversation_id, history, depth, owner)
        turn, answer = self._lean_back(turn, self._answer(turn), question, filters, depth)
        return self._finish(turn, answer, base_url), turn.retrieval.hits

    def _answer(self, turn: _Pending) -> Answer:
        if turn.retrieval.note and not turn.hits:
            return refusal(turn.query.language, turn.retrieval.note)
        return self.answerer.answer(turn.query, turn.hits)

    def _lean_back(self, turn: _Pending, answer: Answer, question: str, filters: Filters | None,
                   depth: int) -> tuple[_Pending, Answer]:
        """"How many households does the change affect?" after a question on school districts: a short question in
        a conversation that names no municipality and that, read alone, nothing answers is read as a follow-up;
        its answer is kept when that one is not refused. And a follow-up the conversation's item does not answer
        ("og hvor stor en andel ... ultimo august?" when the item before was another) is tried on its own search."""
        if answer.refused and turn.hits and turn.hits[0].in_conversation:
            town = turn.hits[0].item.municipality  # the conversation's town: another's item answers nothing of it
            unpinned = [replace(h, in_conversation=False) for h in turn.retrieval.hits[:max(self.top_k, depth)]
                        if h.item.municipality == town]
            own = replace(turn, hits=unpinned[:self.top_k])
            again = self._answer(own) if unpinned else answer
            if not again.refused:
                return own, again
        towns = turn.turns[-1].filters.municipalities if turn.turns else []
        # "hvor mange stemte for?" after a question on Greve's budget, answered alone from another town's minutes:
        # the conversation's town is meant, and its item is asked (its refusal stands)
        drifted = bool(not answer.refused and towns and answer.citations
                       and answer.citations[0].municipality not in towns)
        if not ((answer.refused or drifted) and turn.turns and not turn.query.followup
                and not turn.query.filters.municipalities
                and len(re.findall(r"\w+", turn.question)) <= LEAN_BACK_WORDS):
            return turn, answer
        leaning = self._prepare(question, filters, turn.conversation_id, None, depth, turn.owner, followup=True,
                                turns=turn.turns)
        again = self._answer(leaning)
        return (turn, answer) if again.refused and not drifted else (leaning, again)

    def stream(self, question: str, filters: Filters | None = None, conversation_id: str | None = None,
               history: list[str] | None = None, base_url: str | None = None,
               owner: str = "local") -> Iterator[dict[str, Any]]:
        """Events for a streaming client: {"type": "token", "text"} ..., then {"type": "answer", ...}.

        When the text shown so far is not the final answer (the LLM failed or was overruled by the checks),
        a {"type": "reset"} event withdraws it and the final answer follows as tokens: the tokens after the
        last reset always spell the answer, and no half answer is ever left standing.
        """
        turn = self._prepare(question, filters, conversation_id, history, 0, owner)
        streamer = getattr(self.answerer, "stream", None)
        shown: list[str] = []
        answer: Answer | None = None
        if turn.retrieval.note and not turn.hits:
            answer = refusal(turn.query.language, turn.retrieval.note)
        elif streamer is not None and turn.hits:
            for piece in streamer(turn.query, turn.hits):
                if isinstance(piece, Answer):
                    answer = piece
                else:
                    shown.append(piece)
                    yield {"type": "token", "text": piece}
        if answer is None:
            answer = self.answerer.answer(turn.query, turn.hits)
        # shown tokens are reset below when the answer changes
        turn, answer = self._lean_back(turn, answer, question, filters, 0)
        final = self._finish(turn, answer, base_url)
        if "".join(shown).strip() != final.answer.strip():
            if shown:
                yield {"type": "reset"}
            for word in re.findall(r"\S+\s*", final.answer):
                yield {"type": "token", "text": word}
        yield {"type": "answer", **final.model_dump()}

    def _prepare(self, question: str, filters: Filters | None, conversation_id: str | None,
                 history: list[str] | None, depth: int, owner: str = "local", followup: bool = False,
                 replay: bool = True, turns: list[Turn] | None = None) -> _Pending:
        """``turns``: the conversation as already read (a retry of the same question), else read from
        ``conversation_id`` or ``history``."""
        started = time.perf_counter()
        question = self._validate(question)
        if turns is None:
            conversation_id, turns = self._history(conversation_id, history, owner, replay)
        if len(turns) >= self.max_turns:
            raise QuestionError(f"the conversation has {len(turns)} turns; the limit is {self.max_turns}")
        if self.respell is not None:
            question = self.respell(question)
        query = understand(question, filters)
        search_text = question
        followup = bool(turns) and (followup or is_followup(question, turns[-1].filters.municipalities,
                                                            turns[-1].question) or _topicless(question, query))
        if followup:
            prev = turns[-1]
            search_text = self.rewriter.rewrite(question, turns)
            query = understand(search_text, filters)
            query.intent = understand(question).intent
            query.text, query.filters = question, query.filters.merged(prev.filters)
            query.followup = True
        retrieval = self.retriever.retrieve(query, max(self.top_k, depth), search_text=search_text)
        hits = retrieval.hits[: self.top_k]
        if followup and turns[-1].item_ids:
            prev_ids = turns[-1].item_ids
            hits = sorted(hits, key=lambda h: h.item_id not in prev_ids[:1])
            for h in hits[:1]:
                h.in_conversation = h.item_id in prev_ids[:1]
        return _Pending(started, question, conversation_id, owner, turns, query, search_text, retrieval, hits)

    def _finish(self, p: _Pending, answer: Answer, base_url: str | None = None) -> Answer:
        answer = absolute(verify(answer, self.catalog, refusal(p.query.language)), base_url or self.base_url)
        cid = p.conversation_id or new_id()
        self._remember(cid, p.owner, p.turns, Turn(p.question, p.search_text, p.query.filters,
                                          [c.item_id for c in answer.citations]))
        timings = {k: round(v * 1000, 2) for k, v in p.retrieval.timings.items()}
        timings["total"] = round((time.perf_counter() - p.started) * 1000, 2)
        return answer.model_copy(update={"conversation_id": cid, "standalone_question": p.search_text,
                                         "timings_ms": timings})

    def _remember(self, cid: str, owner: str, turns: list[Turn], turn: Turn) -> None:
        self.conversations.save(cid, owner, [t.as_json() for t in [*turns, turn]][-self.max_turns:])
