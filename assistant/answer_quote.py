"""The verbatim quote that answers a question: this meeting's decision, the passages that hold what was asked,
and the checks on what a question asks for (a decision, a sum, a date, a year)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from assistant import bodies, evidence, value_kinds
from assistant.answer_kind import answer_kind, clauses
from assistant.evidence import EvidenceConfig
from assistant.ordering import briefed
from assistant.query import Query
from assistant.quotes import MONEY, briefing_quote, decision_trail, own_decision_quote, proposal_quote, quote_for
from assistant.ranking import DEFAULT_RANKING
from assistant.retrieve import Hit
from assistant.traps import asks_choice
from core.dates import DAY_MONTH, MONTH_RE, MONTHS, find_dates, meeting_months
from core.model import AgendaItem, Decision, fold
from store.lexical import tokens

# a yes/no question, after a leading phrase ("At the 8 Oct 2025 meeting, did ...", "I september 2024, fik ...")
_YES_NO_OPEN = re.compile(r"^\s*(?:[^,?]{0,60},\s*)?(?:fik|blev|har|havde|gav|afviste|afslog|godkendte|vedtog|"
                          r"besluttede|bevilgede|tildelte|afskaffede|ophævede|nedlagde|did|has|have|had|was|were)\b",
                          re.I)
_ACTS = re.compile(r"\b(?:reject|approv|grant|adopt|decid|agree|accept|afvis|afvist|afslog|godkend|vedt[ao]g|bevilg|"
                   r"beslut|tildel|gav\b|give[ns]?\b|imødekom|dispens|turn(?:ed|s)? down|go-ahead|green light|"
                   r"sagde (?:ja|nej)|said (?:yes|no)|grønt lys|"
                   # doing away with something is decided too ("Did the council scrap the requirement?")
                   r"scrap|abolish|cancel|afskaf|ophæv|nedlag|nedlæg)", re.I)


def asks_decided(query: Query) -> bool:
    """Does the question ask what a body decided: a decision or vote question, or a yes/no question about a
    decision act ("Did the council reject ...?", "Gav byrådet dispensation ...?")."""
    return (query.intent in {"decision", "vote"} or bool(_YES_NO_OPEN.search(query.text) and _ACTS.search(query.text))
            or asks_choice(query.text) or _WHEN_DECIDED.search(query.text) is not None
            or _GRANTED.search(query.text) is not None)


# "Hvor meget bevilgede udvalget til lektiecaféen?", "How much did the council grant?": the amount decided
_GRANTED = re.compile(r"^\W*(?:hvor (?:meget|mange penge|mange kroner)|how much(?: money)?)\b.{0,80}"
                      r"\b(?:bevilgede|bevilget|tildelte|tildelt|afsatte|afsat|grant|granted|award|awarded|allocate|"
                      r"allocated)\b|"
                      # "hvor mange penge fik Randers Regnskov af Økonomiudvalget?": what the body gave
                      r"^\W*(?:hvor (?:meget|mange penge|mange kroner)|how much(?: money)?)\b.{0,80}"
                      r"\b(?:fik|get|got|receive|received)\b.{0,60}\b(?:af|fra|from)\s+(?:\w+\s+){0,2}\w*(?:udvalg\w*|byråd\w*|kommune\w*|council|"
                      r"committee)", re.I)
# "Hvornår blev affaldsplanen endeligt vedtaget?", "When was the plan approved?": the decision's date is asked
_WHEN_DECIDED = re.compile(r"^\W*(?:hvornår|when)\b.{0,80}\b(?:blev|was|were|has|have)\b.{0,80}"
                           r"\b(?:vedtaget|godkendt|besluttet|bevilget|adopted|approved|decided|passed)\b", re.I)


ASKS_MONEY = re.compile(r"\bkr\.?\b|kroner|\bkost|\bcost|beløb|\bpris|\bprice|amount|\bdkk\b|udgift|expense|"
                        r"\bspend|betal|\bpaid|\bpay|afgift|gebyr|\bfee\b|\bleje\b|husleje|\brent\b", re.I)


ASKS_PROPOSAL = re.compile(r"\brecommend|\bpropos|\bindstil|\banbefal|\bforeslå|\b(?:lagt|lægger|lægge) op til", re.I)
# who proposes, as opposed to the politicians who decide, next to the verb ("anbefaler forvaltningen", "does the
# administration recommend"; not "administrationsbygninger")
_STAFF_WHO = r"(?:forvaltning(?:en)?|administration(?:en)?|direktion(?:en)?|magistratsafdeling\w*|staff|officers)"
_STAFF = re.compile(rf"\b{_STAFF_WHO}\b(?:\s+\S+){{0,3}}?\s+(?:\w+\s+)?(?:anbefal|indstil|foreslå|recommend|propos)|"
                    rf"(?:anbefal|indstil|foreslå|recommend|propos)\w*\s+(?:\S+\s+){{0,3}}?{_STAFF_WHO}\b", re.I)

EVERY_BODY = re.compile(r"udvalgene|\bcommittees\b|\bbodies\b|organerne|hvert udvalg|each committee|"
                        r"de forskellige udvalg|all the committees", re.I)


def _not_money(kind: str, text: str) -> str:
    """The text a count or measure is looked for in: a sum of money ("58 kr.") counts nothing, and a number
    written as a word ("tre gange om ugen") is seldom the count asked of a part ("hvor mange borgere ...")."""
    if kind not in {"count", "measure"}:
        return text
    return value_kinds.COUNT_WORD.sub(" ", MONEY.sub(" ", text)) if kind == "count" else MONEY.sub(" ", text)


def evidence_quote(item: AgendaItem, query: Query, kind: str, hit: Hit,
                   cfg: EvidenceConfig = DEFAULT_RANKING.evidence) -> str:
    """The verbatim quote that holds what was asked: this meeting's decision for a decision question,
    else the best one to three passages for the wanted kind of answer."""
    main = _evidence_quote(item, query, kind, hit, cfg)
    parts = main.split(evidence.JOIN)
    day = hit.item.date
    context = f"{hit.item.municipality} {hit.item.committee}"
    asked = clauses(query.text)
    for i, clause in enumerate(asked if len(asked) > 1 else []):  # a compound question: a passage for each part
        sub = answer_kind(clause)
        if i == 0 and sub == kind:  # the main quote was chosen for this part, unless another part's words led it
            first = evidence.select(item, clause, sub, day, hit.focus, context, cfg=cfg)[:1]
            if first and first[0].text not in main and sub in value_kinds.VALUE_KINDS \
                    and value_kinds.new_values(sub, first[0].text, query.text):
                parts.insert(0, first[0].text)
            continue
        proposal = proposal_quote(item) if sub in {"decision", "fact"} and ASKS_PROPOSAL.search(clause) else None
        if proposal and proposal not in main and len(main) + len(proposal) <= cfg.max_chars * 2:
            parts.append(proposal)  # "..., and what do they recommend?": the recommendation as printed
            continue
        own = _own_best(item, clause, sub, hit, context, main, cfg) if sub in value_kinds.VALUE_KINDS else None
        if own:
            parts.append(own)
            continue
        if sub == "decision" or sub in value_kinds.VALUE_KINDS \
                and value_kinds.new_values(sub, _not_money(sub, " ".join(parts)), query.text):
            continue  # the decision is quoted below, or a passage already quoted answers this part
        asks = clause if sub == "fact" else f"{clause} {query.text}"  # no kind to look for: the part's own words
        # the best passages for a part that asks a kind (the first holding it counts), the best alone for a fact
        wider = cfg if sub == "fact" else replace(cfg, second_ratio=0.0)
        found = [p.text for p in evidence.select(item, asks, sub, day, hit.focus, context, cfg=wider)
                 if p.text not in main and (sub == "fact"
                                            or value_kinds.new_values(sub, _not_money(sub, p.text), query.text))]
        if found and (sub != "fact" or _adds_terms(found[0], clause, " ".join(parts), item.title, context)):
            parts.append(found[0])
    if len(asked) > 1 and answer_kind(asked[0]) == "decision" and kind != "decision":
        # "what did X decide about Y, and how large ...": the first part is answered by the decision itself
        own = own_decision_quote(item, day)
        if own and len(own) <= cfg.max_chars // 3 and own not in main:
            parts.insert(0, own)
    return evidence.JOIN.join(parts)


def _own_best(item: AgendaItem, clause: str, sub: str, hit: Hit, context: str, main: str,
              cfg: EvidenceConfig) -> str | None:
    """The passage that best answers this part by its own words, when it sits under a heading the part names, holds
    the asked kind of value and is not quoted yet: "…, og hvornår behandlede udvalget sagen første gang?" is answered
    by "Tidligere behandling: … den 14. januar 2025", not by a school year the first part's quote happens to hold."""
    best = evidence.select(item, clause, sub, hit.item.date, hit.focus, context, cfg=cfg)[:1]
    asked = evidence.asked_terms(clause, item.title, context)
    ok = bool(best) and best[0].text not in main and evidence.under_asked(best[0], asked) \
        and bool(value_kinds.new_values(sub, best[0].text, clause))
    return best[0].text if ok else None


def _adds_terms(passage: str, clause: str, quoted: str, title: str, context: str) -> bool:
    """A passage answers a part that asks no particular kind ("and what is the tax rate?") when it holds one of
    the part's own terms that neither the quotes so far, the title nor the meeting hold."""
    own = evidence.asked_terms(clause, title, context) - set(tokens(quoted))
    return bool(own & set(tokens(passage)))


def _evidence_quote(item: AgendaItem, query: Query, kind: str, hit: Hit, cfg: EvidenceConfig) -> str:
    day = hit.item.date
    briefing = briefing_quote(item) if briefed(query, item.title) else None
    if briefing:  # "hvad blev udvalget orienteret om?" of "Meddelelser": every briefing
        return briefing
    if query.intent == "casenr":
        return quote_for(item, query.intent, query.text, hit.focus)
    if (query.intent == "case" or kind == "history") and len(item.decisions) > 1:  # each body's decision, in order
        trail = decision_trail(item, day)
        if trail:
            return trail
    if query.intent == "absent":  # the sentences that name who was absent, not the whole paragraph around one
        context = f"{hit.item.municipality} {hit.item.committee}"
        found = evidence.select(item, query.text, "absent", day, hit.focus, context, cfg=cfg)
        return evidence.quote(found) if found else quote_for(item, query.intent, query.text, hit.focus)
    if kind in {"decision", "fact"} and ASKS_PROPOSAL.search(query.text) and _STAFF.search(query.text):
        # "which model does the administration recommend?": the recommendation, not the politicians' decision
        context = f"{hit.item.municipality} {hit.item.committee}"
        found = evidence.select(item, query.text, "fact", day, hit.focus, context, cfg=cfg)
        proposal = proposal_quote(item)
        if found or proposal:
            return evidence.quote(found) if found else proposal or ""
    # "which name was chosen?" is told by the decision; "which firm did they choose?" by the sentence naming a firm
    if (kind == "decision" or (kind == "yesno" and asks_decided(query))
            or (asks_choice(query.text) and kind not in value_kinds.VALUE_KINDS)
            or (kind == "vote" and any(d.votes for d in own_decisions(item, day)))):
        named = {d.body for d in named_decisions(item, query.text)}
        own = own_decision_quote(item, day, named, bool(EVERY_BODY.search(query.text)))
        if own:
            what = decided_what(item, query, own, hit, cfg)
            return f"{what}{evidence.JOIN}{own}" if what else own
    context = f"{hit.item.municipality} {hit.item.committee}"
    found = evidence.select(item, query.text, kind, day, hit.focus, context, cfg=cfg)
    if found:
        changed = superseding(item, found, day)
        return evidence.quote(([changed] if changed else []) + found)
    return quote_for(item, query.intent, query.text, hit.focus)


_PROPOSING = re.compile(r"\b(?:indstill\w*|foresl\w*|anbefal\w*|propos\w*|recommend\w*)", re.I)
_NAMED = re.compile(r"(?<!^)\b(?:[A-ZÆØÅ][\wæøå-]{2,}|\d[\d.,]*\d|\d)")


def superseding(item: AgendaItem, found: list[evidence.Passage], day: str) -> evidence.Passage | None:
    """This meeting's decision where it changed what a quoted recommendation proposes ("Direktionen indstiller, at
    vejen navngives Bakkedraget" / "Godkendt, at vejen navngives Smedeløkken"): an own decision sentence that
    restates the proposal's matter (two of its words) with a name or figure the proposal does not hold. Quoted
    first, so the answer gives what was decided, not only what was proposed."""
    proposals = [p for p in found if p.decision != "own" and (_PROPOSING.search(p.text) or "indstilling" in
                                                                p.section.lower())]
    every = evidence.passages(item, day)
    own_text = " ".join(p.text for p in every if p.decision == "own")
    # "Godkendt som anbefalet af forretningsudvalget": the decision adopts that body's decision, amendment and all
    adopted = {d.label for d in item.decisions if d.body and re.search(
        r"\b(?:anbefalet|indstillet|tiltrådt|recommended)\s+(?:af|by)\s+(?:\w+\s+){0,2}?" + re.escape(d.body.lower()),
        own_text.lower())}
    own = [p for p in every if (p.decision == "own" or p.section in adopted) and p not in found]
    for prop in proposals:
        said = set(tokens(prop.text))
        words = {t for t in said if len(t) > 2 and not _BARE_DECISION.fullmatch(t)}
        for sentence in own:
            new = [w for w in _NAMED.findall(sentence.text.strip()) if not set(tokens(w)) <= said]
            shared = len(words & set(tokens(sentence.text)))
            if new and (shared >= 2 or shared and _refigured(prop.text, sentence.text)):
                return sentence
    return None


# a figure and the unit after it ("1.150 kr.", "3 år", "25 pct.")
_FIGURE_UNIT = re.compile(r"(\d[\d.,]*)\s*(?:mio\.?\s*|mia\.?\s*)?([a-zæøå]+\d?)", re.I)


def _refigured(proposal: str, decision: str) -> bool:
    """The decision puts another figure in the proposal's place: the same unit after a different figure
    ("mindstepris på 1.150 kr. pr. m2" / "dog med en mindstepris på 1.250 kr. pr. m2")."""
    proposed = {(unit.lower(), fig) for fig, unit in _FIGURE_UNIT.findall(proposal)}
    decided = {(unit.lower(), fig) for fig, unit in _FIGURE_UNIT.findall(decision)}
    return any(u == v and f != g for u, f in proposed for v, g in decided if (v, f) not in decided)


# words a decision uses to refer to the recommendation rather than restate it ("1. Godkendt. 2. Anbefales.")
_BARE_DECISION = re.compile(r"godkend\w*|anbefal\w*|tiltr\w*|indstilling\w*|taget|til|efterretning|orientering\w*|"
                            r"blev|som|og|med|den|det|udvalget|byrådet|beslutning|beslutter|vedtaget|vedtog|ingen|"
                            r"bemærkninger|sagen|punktet|fremsendes|oversendes|videre|behandling|over|for|overfor|"
                            # "Anbefales over for Kommunalbestyrelsen.": the body recommended to is no content
                            r"kommunalbestyrelsen|regionsrådet|[\wæøå-]*udvalget", re.I)


def bare_decision(quote: str) -> bool:
    """The quote is only a decision that refers to the recommendation ("Anbefales.", "1.-3. Godkendt."): it
    answers "what was decided?" but nothing else (a closed item often prints no more)."""
    words = re.findall(r"[A-Za-zÆØÅæøå]{2,}", quote)
    return bool(words) and all(_BARE_DECISION.fullmatch(w.lower()) for w in words)


def decided_what(item: AgendaItem, query: Query, own: str, hit: Hit, cfg: EvidenceConfig) -> str | None:
    """When this meeting's decision only refers to the recommendation ("Godkendt") and the question asks what
    was decided (a day, a sum, a plan, terms the decision does not hold), the passage that states it."""
    body = "\n".join(line for line in own.split("\n") if not evidence.is_heading_line(line, item))
    words = re.findall(r"[a-zæøå]{3,}", body.lower())
    if len([w for w in words if not _BARE_DECISION.fullmatch(w)]) > 2:
        return None  # the decision says what was decided
    context = f"{hit.item.municipality} {hit.item.committee}"
    asked = evidence.asked_terms(query.text, item.title, context) - set(tokens(own))
    asked = {t for t in asked if not _BARE_DECISION.fullmatch(t) and not re.match(r"beslut|decid|vedt|godkend", t)}
    if not asked:
        return None
    found = [p for p in evidence.select(item, query.text, "fact", hit.item.date, hit.focus, context, cfg=cfg)
             if p.decision != "own" and p.text not in own]
    return found[0].text if found else None


def asks_amount(query: Query, kind: str) -> bool:
    """The question wants a sum of money ("hvad koster", "what price", "how much did it cost")."""
    # a question that names a price but asks who voted or when ("which groups couldn't back halving parking
    # prices?") asks for its own kind of answer
    named_kind = kind not in {"amount", "fact", "decision", "yesno", "list"}
    return (kind == "amount" or query.intent == "money" and not named_kind) and bool(ASKS_MONEY.search(query.text))


YEAR = re.compile(r"(?<![\d/.-])(?:19|20)\d{2}(?![\d/])")
SEASON = re.compile(r"(?<![\d/.-])((?:19|20)\d{2})/(?:(?:19|20)\d{2}|\d{2})(?![\d/])")
MEETING_DATE = re.compile(r"(?:\b\w*møde[t]?|\bmeeting|\bsession)\b(?:[^.?!]{0,15}|[^.?!]{0,30}\s(?:d\.|den|on))\s*$|"
                          r"(?:udvalg\w*|byråd\w*|råd\w*|council|committee|board)\s+(?:den|on|d\.)\s*$|"
                          # "Hvad besluttede Herning den 16. december?": the day a decision was taken, a meeting's
                          r"\b(?:besluttede|vedtog|godkendte|decided|approved|adopted)\s+(?:\w+\s+){0,2}"
                          r"(?:den|on|d\.)\s*$", re.I)


# the month is the meeting's ("på sit møde i oktober 2024", "at its February 2025 meeting", "mødet i marts 2022")
_MEETING_MONTH = re.compile(rf"\b(?:møde[t]?|meeting)\s+(?:[\wæøå'-]+\s+){{0,3}}?(?:i|in|den|on)\s+"
                            rf"(?:{MONTH_RE})\b|"
                            rf"\b(?:{MONTH_RE})\.?\s+(?:19|20)\d{{2}}\s+(?:meeting|møde[t]?)\b|"
                            # "What did X decide in September 2024?", "Hvad besluttede udvalget i maj 2024?"
                            rf"\b(?:decide|decided|besluttede|vedtog)\s+(?:[\w'-]+\s+){{0,2}}?(?:in|i)\s+"
                            rf"(?:{MONTH_RE})\b|"
                            # "på besøg hos Kultur- og Fritidsudvalget i Greve i november 2024": the committee's meeting
                            rf"\b(?:\w*udvalg\w*|committee)(?:\s+(?:i|in)\s+(?-i:[A-ZÆØÅ])[\wæøå-]+)?\s+(?:i|in)\s+"
                            rf"(?:{MONTH_RE})\.?\s+(?:19|20)\d{{2}}\b", re.I)


def day_month(text: str) -> tuple[int, int] | None:
    """A day and month the question names without a year ("den 8. april", "on April 8"), or None."""
    m = DAY_MONTH.search(text)
    if m is None:
        return None
    day, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
    return int(day), MONTHS[month.lower()]


def on_day(iso: str, day_and_month: tuple[int, int]) -> bool:
    """Is the ISO date ``iso`` on that day of that month (any year)?"""
    return int(iso[8:10]) == day_and_month[0] and int(iso[5:7]) == day_and_month[1]


def unmatched_month(query: Query, hits: list[Hit]) -> tuple[int, int] | None:
    """A month the question names ("Hvad besluttede Sorø Økonomiudvalg på sit møde i oktober 2024?") that no item
    found (of the municipality named) has as its meeting's or a decision's month, or mentions: (year, month), or
    None. When the month is the meeting's, a date the item only mentions ("2. behandling den 9. oktober") is no
    meeting of that month."""
    if not hits or hits[0].in_conversation or find_dates(query.text):
        return None  # an exact date is checked on its own (``unmatched_date``)
    # "siden marts 2022", "fra februar 2025": the start of a span or of an effect, which no item need name
    named = [(int(m.group(2)), MONTHS[m.group(1).lower()]) for m in meeting_months(query.text)]
    if not named:
        return None
    as_meeting = _MEETING_MONTH.search(query.text) is not None
    places = {fold(m) for m in query.filters.municipalities}
    for hit in hits:
        if places and fold(hit.item.municipality) not in places:
            continue
        item: AgendaItem = hit.item.item
        days = {hit.item.date, *(d.date.isoformat() for d in item.decisions if d.date)}
        if not as_meeting:
            days |= {d.isoformat() for _, d in find_dates(item.text)}
        for year, month in named:
            if any(day[:7] == f"{year:04d}-{month:02d}" for day in days):
                return None
            names = "|".join(n for n, k in MONTHS.items() if k == month)
            if not as_meeting and re.search(rf"\b(?:{names})\.?\s+{year}\b", item.text, re.I):
                return None
    return named[0]


def _bodies(hit: Hit) -> set[str]:
    """The names of the bodies of a hit: its committee and every body that decided on the item."""
    return {hit.item.committee, *(d.body for d in hit.item.item.decisions)}


def _without(text: str, names: set[str]) -> str:
    for name in names:
        text = text.replace(name, " ")
    return text


def unmatched_date(query: Query, hits: list[Hit]) -> date | None:
    """An exact date the question names that no retrieved item has as its meeting or decision date or mentions."""
    if not hits or hits[0].in_conversation:
        return None
    found = find_dates(query.text)
    named = [d for _, d in found]
    if not named:
        return None
    as_meeting = any(MEETING_DATE.search(query.text[max(0, pos - 30):pos]) for pos, _ in found)
    for hit in hits:
        item: AgendaItem = hit.item.item
        known = {hit.item.date, *(d.date.isoformat() for d in item.decisions if d.date)}
        mentioned = find_dates(item.text)
        if not as_meeting:  # a date in the topic ("the deadline of 1 May") may be one the item only mentions
            known |= {d.isoformat() for _, d in mentioned}
        else:  # a meeting the item reports on ("referat af Movias bestyrelsesmøde den 16. august 2012"); a later
            # one it only announces ("behandles på byrådsmødet den 24. november") has decided nothing yet
            known |= {d.isoformat() for pos, d in mentioned if MEETING_DATE.search(item.text[max(0, pos - 30):pos])
                      and d.isoformat() <= hit.item.date}
        if any(d.isoformat() in known for d in named):
            return None
    return named[0]


def named_decisions(item: AgendaItem, question: str) -> list[Decision]:
    """Decisions of a body the question names ("hvad besluttede Byrådet ...", "the executive committee"), on
    the date it names if it does; or any decision taken on a date the question names."""
    asked = fold(question)
    days = {d for _, d in find_dates(question)}
    named = [stems for _, stems in bodies.named(question)]

    def by_body(d: Decision) -> bool:
        return fold(d.body).removesuffix("et") in asked or any(bodies.matches(stems, d.body) for stems in named)

    # a decision of the body asked about (on the day asked, if one is), or any decision of the day asked about
    return [d for d in item.decisions if d.text.strip()
            and (by_body(d) and (not days or d.date in days) or bool(days) and d.date in days)]


def own_decisions(item: AgendaItem, meeting_date: str) -> list[Decision]:
    """The decisions taken at this meeting (not the earlier ones a case history repeats)."""
    return [d for d in item.decisions if d.date is None or d.date.isoformat() == meeting_date]

