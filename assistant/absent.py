"""Refusals decided before any item is judged: the question asks what minutes cannot hold (an opinion, a ranking
over all time, two towns compared), or names a date, year, name, topic or committee that nothing stored holds.
Each refusal says which ("no stored minutes from Faxe mention a light rail")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from assistant import bodies, dated, initialisms, outside, salient, together, topics
from assistant.answer_quote import asks_decided
from assistant.answer_text import refusal
from assistant.contract import Answer
from assistant.paraphrase import Finds, Near, stands_for_item, unheld
from assistant.query import Query
from assistant.retrieve import Hit
from core.model import fold

CommitteeLookup = Callable[[str | None], list[str]]


def naming(query: Query, hits: list[Hit]) -> tuple[list[Hit], list[str]]:
    """Hits reordered so the first names every salient name of the question; or the names none names."""
    if not hits or hits[0].in_conversation:
        return hits, []
    names = salient.salient_names(salient.asked_part(query.text))  # not a name the asker's framing gives
    if not names:
        return town_place_first(query, hits), []

    full = [h for h in hits if not salient.missing(_text_of(h), names)]
    if not full:
        return hits, salient.missing(_text_of(hits[0]), names)
    return town_place_first(query, [full[0], *[h for h in hits if h is not full[0]]]), []


def _text_of(h: Hit) -> str:
    """The item's text with its municipality and committee, as the question's names are looked up in it."""
    return salient.item_text(h.item.municipality, h.item.committee, h.item.title, h.item.text)


def _names_places(h: Hit, places: list[str]) -> bool:
    """Does the item's title or text name every place ("Skive Svømmehal")?"""
    text = fold(f"{h.item.title}\n{h.item.text}")
    return all(fold(p) in text for p in places)


def _lexical_rank(h: Hit) -> int:
    return h.lexical_rank if h.lexical_rank is not None else 1 << 30  # not among BM25's results: last


def town_place_first(query: Query, hits: list[Hit]) -> list[Hit]:
    """The item naming a place named after its town ("Skive Svømmehal") before one naming only the place's kind
    ("Renovering af Tønder Svømmehal"), when the first does not name it."""
    places = salient.town_places(query.text)
    if not places or not hits or hits[0].in_conversation:
        return hits

    if _names_places(hits[0], places):
        return hits
    better = next((h for h in hits[1:] if _names_places(h, places)), None)
    return hits if better is None else [better, *[h for h in hits if h is not better]]


def absent_topics(query: Query, hits: list[Hit], stored: topics.Mentioned | None) -> list[str]:
    """The topic nouns of the question no stored minutes (of the municipalities it names) mention."""
    if stored is None or not hits or hits[0].in_conversation:
        return []
    named = list(query.filters.municipalities)
    towns = outside.asked_towns(query.text, named)  # not the example compared with ("ligesom Greve")
    # the items' full text (attachment titles too); not the example town's, when one was named
    own = [f"{h.item.title}\n{h.item.text}" for h in hits if towns == named or h.item.municipality in towns]
    found = [fold(text) for text in own]

    def mentioned(parts: tuple[str, ...], municipalities: list[str]) -> bool:
        return any(all(p in text for p in parts) for text in found) or stored(parts, municipalities)

    absent = topics.absent(salient.asked_part(query.text), query.language, towns, mentioned)
    # "skolefritidsordningen" of an item on "Takster for SFO": the asker wrote out what the minutes abbreviate
    return [n for n in absent if not initialisms.written_as_initials(n, own)]


def absent_bodies(query: Query, hits: list[Hit], committees: CommitteeLookup | None) -> list[str]:
    """The committees the question names that neither the stored minutes (of the municipalities it names)
    nor the decisions in the items found are: "Teknisk Udvalg i Aarhus" when only Aarhus Byråd is stored."""
    if committees is None or not hits or hits[0].in_conversation or not bodies.named(query.text):
        return []
    munis: list[str | None] = list(query.filters.municipalities) or [None]
    stored = [c for m in munis for c in committees(m)]
    decided = [d.body for h in hits for d in h.item.item.decisions]
    # what a committee decided is in its own minutes or decisions; anything else may be told by any item. A
    # committee in an item's title is the item's topic ("Anbefalinger fra §17, stk. 4-udvalget")
    texts = [h.item.title for h in hits] + ([] if asks_decided(query) else [h.item.text for h in hits])
    return bodies.unmatched(query.text, stored + decided, texts)


def outside_minutes(query: Query) -> Answer | None:
    """A refusal of what minutes cannot hold: an opinion or forecast, a ranking over all time, towns compared."""
    lang = query.language
    if outside.asks_opinion(query.text):
        return refusal(lang, "minutes record what was decided; they hold no opinions or forecasts" if lang == "en"
                       else "referater viser, hvad der blev besluttet; de rummer ingen holdninger eller spådomme")
    if outside.all_time(query.text):
        return refusal(lang, "the stored minutes record single meetings; they cannot rank anything over all time"
                       if lang == "en" else "de indlæste referater viser enkelte møder; de kan ikke sige, hvad der "
                       "er størst eller mest nogensinde")
    if outside.compares_towns(query.text, query.filters.municipalities):
        towns = (" and " if lang == "en" else " og ").join(query.filters.municipalities)
        return refusal(lang, f"the stored minutes record each municipality's own decisions; none compares {towns}"
                       if lang == "en" else f"de indlæste referater viser hver kommunes egne beslutninger; ingen "
                       f"sammenligner {towns}")
    return None


def not_stored(query: Query, hits: list[Hit], stored: topics.Mentioned | None, committees: CommitteeLookup | None,
               second_ratio: float, near: Near | None = None, finds: Finds | None = None,
               ) -> tuple[list[Hit], Answer | None]:
    """The hits (a name's, a year's or a fragment's item first) and the refusal when the question names a date,
    year, name, topic or committee that nothing stored holds, or that no item found holds together."""
    lang = query.language
    dated_note = dated.refusal_note(query, hits)
    if dated_note is not None:
        return hits, refusal(lang, dated_note)
    hits, absent = naming(query, hits)
    if not absent:
        absent = absent_topics(query, hits, stored)
        # the asker's words for the item's topic ("vejbump")
        if stands_for_item(query, hits, absent, near=near, finds=finds):
            hits, absent = [replace(hits[0], paraphrase=tuple(absent)), *hits[1:]], []
    if not absent:
        hits, years = dated.years(query, hits, second_ratio)
        if years:  # the items that answer the question do not hold the year (other minutes may)
            return hits, refusal(lang, dated.edition_note(query, hits[0])
                                 or (f"the items found do not mention {' or '.join(years)}" if lang == "en"
                                     else f"de fundne punkter nævner ikke {' eller '.join(years)}"))
    if not absent:
        hits, absent = together.fragment_first(query, hits)
        if absent:  # "greve svømmehal renovering?": no item found names them together
            return hits, refusal(lang, f"the items found do not mention {' and '.join(absent)} together"
                                 if lang == "en" else
                                 f"de fundne punkter nævner ikke {' og '.join(absent)} sammen med resten")
    joined = None if absent else together.apart(query, hits)
    if joined:  # the person in one item, the topic in another: nothing stored joins them
        both = f"{' '.join(joined[0])} {'and' if lang == 'en' else 'og'} {', '.join(joined[1])}"
        return hits, refusal(lang, f"no stored item names both {both}" if lang == "en"
                             else f"intet indlæst punkt nævner både {both}")
    named = [] if absent else absent_bodies(query, hits, committees)
    if named:
        in_ = " / ".join(query.filters.municipalities)
        return hits, refusal(lang, f"no stored minutes are from {', '.join(named)}{' in ' + in_ if in_ else ''}"
                             if lang == "en" else
                             f"ingen indlæste referater er fra {', '.join(named)}{' i ' + in_ if in_ else ''}")
    if absent:
        where_ = ", ".join(query.filters.municipalities)
        return hits, refusal(lang, f"no stored minutes{' from ' + where_ if where_ else ''} mention "
                             f"{', '.join(absent)}" if lang == "en" else
                             f"ingen indlæste referater{' fra ' + where_ if where_ else ''} nævner {', '.join(absent)}")
    # a year's or a fragment's item first may lack a name the question gives: the item naming it comes first
    return topic_first(query, naming(query, hits)[0]), None


TOPIC_FIRST_DEPTH = 5  # the items found close enough to the first to be the one meant (the answer cites from 3)


def topic_first(query: Query, hits: list[Hit]) -> list[Hit]:
    """The item holding every topic noun and name of the question before a first one that lacks a topic noun, when
    it also holds more of the question's terms (or as many, ranking higher by BM25): "Hvem er blevet ny centerleder
    i Hårlev Idrætscenter?" is answered by the briefing naming the new centre manager, not by the item titled by the
    centre. Calibration (all calibration sets): +10 right first citations, unanswerables refused unchanged."""
    if not hits or hits[0].in_conversation:
        return hits
    asked = salient.asked_part(query.text)
    first = hits[0]
    if not unheld(asked, query.language, first):
        return hits
    names = salient.salient_names(asked)
    places = salient.town_places(query.text)  # "Skive Svømmehal", not Tønder's
    towns = query.filters.municipalities

    def better(h: Hit) -> bool:
        closer = h.overlap > first.overlap or h.overlap == first.overlap and _lexical_rank(h) < _lexical_rank(first)
        return (closer and not unheld(asked, query.language, h) and not salient.missing(_text_of(h), names)
                and _names_places(h, places) and (h.item.municipality in towns or first.item.municipality not in towns))

    for h in hits[1:TOPIC_FIRST_DEPTH]:
        if better(h):
            return [h, *[x for x in hits if x is not h]]
    return hits
