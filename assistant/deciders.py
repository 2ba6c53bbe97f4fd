"""Which body decided: a question may name the council, a committee or a region as the deciding body ("Vedtog
Byrådet ...?", "hvad besluttede teknikudvalget?", "Hvad besluttede Region Hovedstaden ...?"). When the item found
records no decision of that body, the answer says so; when the council's own handling of the same case is among
the items found, it comes first. Pure functions of question and hits."""

from __future__ import annotations

import re

from assistant import bodies
from assistant.answer_kind import answer_kind
from assistant.answer_quote import asks_decided
from assistant.query import Query
from assistant.quotes import SENTENCE_BREAK
from assistant.retrieve import Hit
from assistant.terms import match, prefixes, question_terms
from core.model import fold
from core.municipalities import REGIONS
from store.lexical import tokens

_DECIDED_ACT = re.compile(r"\b(?:vedtog|vedtaget|besluttede|besluttet|godkendte|endeligt|approved|adopted|decided|"
                          r"approve|approving|adopt|adopting|givet|bevilget|bevilgede|granted|endte|ended up)\b", re.I)
# a region as the body that decided ("Hvad besluttede Region Hovedstaden ...?", "Regionsrådet vedtog ..."): regions
# are no search filter (minutes cite them as actors), but a decision question names whose decision it asks for
_REGION = "(" + "|".join(REGIONS) + "|Regionsrådet)"
_ACT = r"(?:besluttede|vedtog|godkendte|bevilgede|afviste)"
_REGION_ACTOR = re.compile(rf"\b(?:{_ACT}|did|has|have)\s+{_REGION}|{_REGION}\s+(?:{_ACT}|decided|approved|rejected)\b")
# the council as the deciding body: "Vedtog Byrådet ...?", "Did the city council approve ...?"
_COUNCIL_NAME = (r"(?:byrådet|byråd|kommunalbestyrelsen|regionsrådet|the city council|city council|"
                 r"the municipal council|(?:the )?regional council)")
_DECIDING = (r"(?:vedtog|godkendte|besluttede|bevilgede|afviste|vedtaget|godkendt|besluttet|bevilget|afvist|givet|gav|"
             r"approved|adopted|decided|approve|adopt|decide|approving|adopting|deciding|granted|grant|gave|"
             # "Endte byrådet med at ...?", "did the council end up ...?": what it finally decided
             r"endte|ended up|end up)")
_COUNCIL_ASKED = re.compile(rf"\b{_DECIDING}\s+(?:[\wæøå]+\s+){{0,2}}?({_COUNCIL_NAME})\b|"
                            rf"\b({_COUNCIL_NAME})\s+(?:[\wæøå-]+\s+){{0,3}}?(?:har\s+)?{_DECIDING}\b", re.I)
_COUNCIL = re.compile(r"byråd|kommunalbestyrelse|regionsråd|city council|regional council|borgerrepræsentation",
                      re.I)
# the item's text tells what the council itself decided (its case history): that answers the question
_COUNCIL_DECIDED = re.compile(r"\b(?:byråd\w*|kommunalbestyrelse\w*|regionsråd\w*)\s+(?:\w+\s+){0,3}?"
                              r"(?:godkendte|vedtog|besluttede|har (?:godkendt|vedtaget|besluttet))\b|"
                              r"\b(?:godkendt|vedtaget|besluttet)\s+(?:\w+\s+){0,3}?(?:af|i)\s+"
                              r"(?:byråd\w*|kommunalbestyrelse\w*|regionsråd\w*)", re.I)


# the council only starting the work ("Byrådet besluttede i 2023 at igangsætte planlægning for ..."): no decision of
# the plan the committee now recommends
# or only sending it to hearing ("Byrådet besluttede den 11. december 2024 at sende ... i offentlig høring")
_STARTED = re.compile(r"\bigangsæt\w*|\bigangsat\w*|\bat (?:påbegynde|starte|opstarte)\b|\bopstart\w*|\bhøring\b",
                      re.I)
_ACT_WORDS = set(tokens("vedtog vedtaget endeligt endelig godkendte godkendt besluttede besluttet byrådet byråd "
                        "kommunalbestyrelsen regionsrådet"))


def _council_decided(text: str, question: str) -> bool:
    """The item's text records a decision of the council on the case asked about (a sentence naming a term of the
    question besides the council and its act), not only its start or hearing, nor another plan it adopted once."""
    asked = question_terms(question) - _ACT_WORDS
    bounds = [0, *(b.end() for b in SENTENCE_BREAK.finditer(text)), len(text)]
    for m in _COUNCIL_DECIDED.finditer(text):
        start = max(b for b in bounds if b <= m.start())
        sentence = text[start:min(b for b in bounds if b >= m.end())]
        toks = set(tokens(sentence))
        # the same word, not a compound sharing its first letters ("Kommuneplanen" is no "kommuneplantillæg")
        if not _STARTED.search(sentence) and (not asked or any(match(a, toks, prefixes(toks)) == 1.0 for a in asked)):
            return True
    return False


_VOTED_RATIO = 0.7  # a sub-item and its parent score close: "4.1 Miljørapport" 0.041 above "4 Kommuneplantillæg" 0.033


def voted_first(query: Query, hits: list[Hit]) -> list[Hit]:
    """"Hvilket parti stemte imod vindmøllerne?": when the first item records no vote and its parent or sub-item,
    found nearly as close, does ("4 Kommuneplantillæg" beside "4.1 Miljørapport"), that one comes first."""
    if len(hits) < 2 or hits[0].in_conversation or answer_kind(query.text) != "vote" \
            or any(d.votes for d in hits[0].item.item.decisions):
        return hits
    first = hits[0].item

    def kin(a: str | None, b: str | None) -> bool:  # "4" and "4.1": an item and its sub-item
        return bool(a and b) and (str(a).startswith(f"{b}.") or str(b).startswith(f"{a}."))

    for h in hits[1:3]:
        if (h.item.municipality, h.item.committee, h.item.date) == (first.municipality, first.committee, first.date) \
                and kin(h.item.number, first.number) and h.score >= _VOTED_RATIO * hits[0].score \
                and any(d.votes for d in h.item.item.decisions):
            return [h, *[x for x in hits if x is not h]]
    return hits


def council_first(query: Query, hits: list[Hit]) -> list[Hit]:
    """"Og hvad besluttede byrådet så?": when the first item is a committee's and another found is the council's
    handling of the same case (its case number or its title), the council's comes first, also after the item a
    conversation is about (the committee's, which recommended)."""
    if not hits or not _COUNCIL_ASKED.search(query.text) \
            or _COUNCIL.search(hits[0].item.committee):
        return hits
    first = hits[0].item
    for h in hits[1:]:
        same = (first.item.case_number and h.item.item.case_number == first.item.case_number) \
            or fold(h.item.title) == fold(first.title)
        if _COUNCIL.search(h.item.committee) and same and h.item.municipality == first.municipality:
            return [h, *[x for x in hits if x is not h]]
    return hits


def decided_elsewhere(query: Query, hit: Hit) -> str | None:
    """The committee a decision question names ("hvad endte teknikudvalget med at beslutte?") when the item
    found is another body's and records no decision of that committee: its minutes are not stored."""
    # "hvor mange vindmøller har byrådet endeligt vedtaget?" also asks what a body decided, and "hvorfor ville
    # udvalget ikke ...?" why it decided so
    why = answer_kind(query.text) == "explanation"
    # in a conversation only a body the follow-up names ("og hvad endte økonomiudvalget så med at beslutte?")
    if not (asks_decided(query) or _DECIDED_ACT.search(query.text) or why) \
            or hit.in_conversation and not bodies.named(query.text) and not _INITIALS.search(query.text):
        return None
    region = _REGION_ACTOR.search(query.text)
    named = region and (region.group(1) or region.group(2))
    if named and fold(named) != fold(hit.item.municipality):
        return named  # "Hvad besluttede Region Hovedstaden om ...?" of a municipality's item
    decided = [hit.item.committee] + [d.body for d in hit.item.item.decisions]
    council = _COUNCIL_ASKED.search(query.text)
    if council and not any(_COUNCIL.search(b or "") for b in decided) \
            and not _council_decided(hit.item.item.text, query.text):  # "Kommunalbestyrelsen godkendte den ..."
        return council.group(1) or council.group(2)  # "Vedtog Byrådet ...?" of a committee's recommendation
    missing = bodies.unmatched(query.text, decided)
    return missing[0] if missing else _initials_elsewhere(query.text, decided, hit.item.item.text)


_INITIALS = re.compile(r"(?<![\wÆØÅæøå])([A-ZÆØÅ]{2,5})(?![\wÆØÅæøå])")


def _initials_elsewhere(question: str, decided: list[str], text: str) -> str | None:
    """"hvad besluttede KTM så bagefter?" of the council's item sending the case to Klima-, Teknik- og Miljøudvalget:
    the initials of a committee the item names, which is none of the bodies whose decision it records."""
    own = {a for body in decided if body for a in bodies.acronyms(body)}
    asked = {m.group(1) for m in _INITIALS.finditer(question)} - own
    for phrase, _stems in bodies.named(text):  # the committees the item names ("... i Klima-, Teknik- og
        if asked & bodies.acronyms(phrase):      # Miljøudvalget")
            return phrase
    return None
