"""The order of the items found, before the first is answered: the approval of the agenda after the item it names,
a closed item first when a closed item is asked, the briefings item first when briefings are asked. Pure functions
of question and hits."""

from __future__ import annotations

import re

from assistant import salient
from assistant.query import Query
from assistant.retrieve import Hit

# "the closed item about contracts", "det lukkede punkt om ...": the question is about an item held in private
_ASKS_CLOSED = re.compile(r"\bclosed (?:item|session|part|point)|\bbehind closed doors|\blukke(?:t|de) punkt|"
                          r"\bfor lukkede døre", re.I)


def closed_first(query: Query, hits: list[Hit]) -> list[Hit]:
    """When the question asks about a closed item, the first closed item found of the first item's meeting comes
    first (its text is withheld, so it ranks below the open items of its meeting)."""
    if not hits or hits[0].item.item.closed or not _ASKS_CLOSED.search(query.text):
        return hits
    meeting = hits[0].item.meeting_id
    closed = next((h for h in hits if h.item.item.closed and h.item.meeting_id == meeting), None)
    return hits if closed is None else [closed, *[h for h in hits if h is not closed]]


_AGENDA_APPROVAL = re.compile(r"^\W*(?:godkendelse af (?:den )?dagsorden(?:en)?|dagsorden(?:en)? godkendes|"
                              r"approval of (?:the )?agenda)\W*$", re.I)


# the agenda asked, or the attendance its approval often records ("Afbud: Charlotte Levin" under item 1)
def unnamed(names: list[str], hit: Hit) -> int:
    """How many of the question's salient ``names`` ("Vesterø", "Jyderup") the item does not name."""
    return len(salient.missing(salient.item_text(hit.item.municipality, hit.item.committee, hit.item.title,
                                                 hit.item.text), names)) if names else 0


_ASKS_AGENDA = re.compile(r"dagsorden|agenda|afbud|fravær|absen|apolog|deltog|attend|present", re.I)


def agenda_last(query: Query, hits: list[Hit]) -> list[Hit]:
    """The approval of the agenda may name every item's topic ("Godkendelse af dagsorden for mødet den 12. maj
    2025"); it answers none of them, so a supported item of its meeting comes first unless the agenda is asked."""
    if len(hits) < 2 or hits[0].in_conversation or not _AGENDA_APPROVAL.match(hits[0].item.title) \
            or _ASKS_AGENDA.search(query.text) or query.filters.item_number or query.filters.case_number:
        return hits
    return [*hits[1:2], hits[0], *hits[2:]]


# "hvad blev udvalget orienteret om?", "what were they briefed on?": the item of briefings and announcements
# (not "hvad besluttede udvalget om orienteringen om X?": a briefing on a topic of its own item)
_END = r"\s*(?:[?.!]|$|i\b|på\b|under\b|ved\b|til\b|at\b|in\b)"
_ASKS_BRIEFING = re.compile(rf"\borienter\w* om{_END}|\bunder meddelelser\b|\bmeddelelser(?:ne)?{_END}|"
                            rf"\bbriefed (?:on|about){_END}|\binformed (?:about|of|on){_END}|\bannouncements?\b",
                            re.I)
_BRIEFING = re.compile(r"^\W*(?:meddelelser|orientering(?:er)?|orienteringssager|meddelelser og orientering\w*|"
                       r"orientering fra \w+(?: og \w+)?|announcements)\W*$", re.I)


def briefing_first(query: Query, hits: list[Hit]) -> list[Hit]:
    """When the question asks what a meeting was told ("orienteret om"), the meeting's briefings item ("Meddelelser",
    "Orientering") found among the first five comes first."""
    if not hits or hits[0].in_conversation or not _ASKS_BRIEFING.search(query.text) \
            or _BRIEFING.match(hits[0].item.title):
        return hits
    meeting = hits[0].item.meeting_id
    found = next((h for h in hits[:5] if h.item.meeting_id == meeting and _BRIEFING.match(h.item.title)), None)
    return hits if found is None else [found, *[h for h in hits if h is not found]]


def briefed(query: Query, title: str) -> bool:
    """The question asks what a meeting was told, of its briefings item: every briefing is the answer."""
    return bool(_ASKS_BRIEFING.search(query.text) and _BRIEFING.match(title))
