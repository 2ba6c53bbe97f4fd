"""An everyday word for the item's topic: "fodboldbane" for an item titled "Ny kunstgræsbane ved Frihedens
Idrætscenter", "vejbump" for "Trafiksikkerhed på Skolevej ved Abildgårdskolen".

The topic check (``topics.absent``) refuses a question whose topic noun no stored minutes hold. Users do not know
the minutes' words, so a noun absent from the store may also be the asker's own word for a topic the minutes name
otherwise. It is taken so only when everything else points at one item: a Danish question (an English one is judged
by its glossary words), one topic noun absent, dense and BM25 search both rank the item first with a clear dense
lead, the item is no briefing ("Meddelelser") or approval of the agenda, it holds a good share of the question's
other words, and the question names none of the item's title words itself (if it does, "et sommerhus ...
affaldsgebyr" of an item titled "Affaldsgebyrer 2025", the absent noun is a further condition the item does not
meet, not another word for its topic). Calibrated on the calibration sets (eval/dev46.jsonl holds paraphrased
questions and near misses); see ``ParaphraseConfig``."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from assistant.ordering import _AGENDA_APPROVAL, _BRIEFING
from assistant.query import Query
from assistant.retrieve import Hit
from assistant.terms import content_terms
from store.lexical import tokens


class ParaphraseConfig(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    # the first item's dense similarity leads every other item found by this much. On the calibration sets, of the
    # Danish questions the rule could take, 0.02 kept 8 answerable ones (right item) and let 2 unanswerable ones
    # through; no lead let 4 more unanswerable ones through for 1 answerable one
    min_dense_lead: float = 0.02
    # the share of the question's terms the item holds: a question whose only match is its town ("Hvad har Rødovre
    # besluttet om nye hundeskove?", overlap 0) found the item by the town's name alone
    min_overlap: float = 0.25


DEFAULT_PARAPHRASE = ParaphraseConfig()


def stands_for_item(query: Query, hits: list[Hit], absent: list[str],
                    config: ParaphraseConfig = DEFAULT_PARAPHRASE) -> bool:
    """Is the one absent topic noun the asker's word for the first item's topic (see the module note)?"""
    if query.language != "da" or len(absent) != 1 or not hits or hits[0].in_conversation:
        return False
    first = hits[0]
    if _BRIEFING.match(first.item.title) or _AGENDA_APPROVAL.match(first.item.title):
        return False  # "Meddelelser" names no topic of its own: a word no minutes hold is none of its topics
    if first.dense_rank != 0 or first.lexical_rank != 0 or first.overlap < config.min_overlap:
        return False
    others = [h.dense for h in hits[1:]]
    if others and first.dense - max(others) < config.min_dense_lead:
        return False
    meeting = set(tokens(f"{first.item.municipality} {first.item.committee}"))
    common = " ".join(w for w in query.text.split() if not w[:1].isupper())  # not a place ("ved Abildgårdskolen")
    return not content_terms(set(tokens(common))) & set(tokens(first.item.title)) - meeting
