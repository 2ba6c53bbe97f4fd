"""Citation verification for every answerer: each citation must resolve to a stored item,
and its quote must occur in that item's text. Unsupported citations are dropped; an answer
left without support becomes a refusal."""

from __future__ import annotations

import re

from assistant.contract import Answer, Citation
from store.catalog import Catalog

_WS = re.compile(r"\s+")


def normalise(text: str) -> str:
    return _WS.sub(" ", text.replace("«", "").replace("»", "")).strip().lower()


def quote_in(quote: str, text: str) -> bool:
    """Every part of the quote (parts joined by " … ") occurs verbatim in ``text`` (white space aside)."""
    body = normalise(text)
    parts = [normalise(p).rstrip(".…").strip() for p in quote.split(" … ")]
    return bool(parts) and all(p and p in body for p in parts)


def verify(answer: Answer, catalog: Catalog, refusal: Answer) -> Answer:
    if answer.refused and not answer.citations:
        return answer
    kept: list[Citation] = []
    for cit in answer.citations:
        if cit.kind == "meeting":
            meeting = catalog.meeting(cit.item_id) if cit.item_id else None
            if meeting is not None and quote_in(cit.quote, meeting.facts_text()):
                kept.append(cit.model_copy(update={"municipality": meeting.municipality,
                                                   "committee": meeting.committee,
                                                   "meeting_date": meeting.date.isoformat(), "item_number": None}))
            continue
        stored = catalog.item(cit.item_id) if cit.item_id else None
        if stored is None or not quote_in(cit.quote, stored.text):
            continue
        # the metadata must be the stored item's own, whatever the answerer wrote
        item = stored.item
        kept.append(cit.model_copy(update={"municipality": stored.municipality, "committee": stored.committee,
                                           "meeting_date": stored.date, "item_number": item.number,
                                           "item_title": item.title, "case_number": item.case_number}))
    if not kept:
        return refusal
    return answer.model_copy(update={"citations": kept})
