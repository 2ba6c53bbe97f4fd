"""The default answerer: extractive, no LLM, never invents. Answers in the question's language."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from assistant import bodies, evidence, meeting_facts, salient, scope, topics, unanswered
from assistant.amounts import english_amounts
from assistant.answer_kind import answer_kind, clauses
from assistant.contract import Answer, Citation
from assistant.evidence import EvidenceConfig
from assistant.query import Query
from assistant.quotes import (
    MONEY,
    best_sentence,
    decision_trail,
    has_content,
    own_decision_quote,
    proposal_quote,
    quote_for,
)
from assistant.ranking import DEFAULT_RANKING, RankingConfig
from assistant.retrieve import Hit
from core.dates import find_dates
from core.model import AgendaItem, Decision, Meeting, fold
from store.lexical import tokens

MeetingLookup = Callable[[str], Meeting | None]
CommitteeLookup = Callable[[str | None], list[str]]

MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
OUTCOME_EN = {"approved": "approved", "noted": "noted", "postponed": "postponed", "rejected": "rejected",
              "other": "recorded"}
OUTCOME_DA = {"approved": "godkendt", "noted": "taget til efterretning", "postponed": "udsat",
              "rejected": "ikke godkendt", "other": "behandlet"}

NO_DECISION = {
    "da": "Der er ikke registreret en beslutning om punktet (kun dagsorden); indstillingen lyder:",
    "en": "No decision on this item is recorded (agenda only); the recommendation reads:",
}

REFUSAL = {
    "da": "Jeg kan ikke finde et dagsordenspunkt i de indlæste referater, der besvarer spørgsmålet.",
    "en": "I could not find an agenda item in the indexed minutes that answers this question.",
}


UNKNOWN = {
    "da": "Referatet oplyser det ikke endnu — det siger:",
    "en": "The minutes do not state it yet; they say:",
}


ONLY_APPLIED = {
    "da": "Referatet nævner kun ansøgningen, ikke om der blev givet tilskud — det siger:",
    "en": "The minutes record only the application, not whether it was granted; they say:",
}

NO_VOTE = {
    "da": "Referatet noterer ingen afstemning om punktet, så der er intet stemmetal — det nærmeste er:",
    "en": "The minutes record no vote on this item, so there is no count; the closest they say is:",
}

CONTRADICTED = {
    "da": {"approved": "Referatet siger det modsatte af spørgsmålet: forslaget blev godkendt —",
           "rejected": "Referatet siger det modsatte af spørgsmålet: forslaget blev ikke godkendt —"},
    "en": {"approved": "The minutes say the opposite of the question: the proposal was approved;",
           "rejected": "The minutes say the opposite of the question: the proposal was not approved;"},
}
_FIGURE_KINDS = frozenset({"amount", "count", "date", "measure", "percent"})
OFF_TOPIC = {
    "da": "Det fundne punkt nævner ikke {what}, så dets tal handler om noget andet — det nærmeste er:",
    "en": "The item found does not mention {what}, so its figures are about something else; the closest it says is:",
}
NOT_STATED_HEAD = {
    "da": "Det fundne punkt nævner ikke {what}, som spørgsmålet efterspørger — det nærmeste er:",
    "en": "The item found does not state {what} that answers the question; the closest it says is:",
}


def refusal(lang: str, note: str | None = None) -> Answer:
    text = REFUSAL.get(lang, REFUSAL["da"])
    if note:
        text += f" ({note})"
    return Answer(answer=text, refused=True, citations=[])


def citation(hit: Hit, quote: str, public_url: str) -> Citation:
    row, item = hit.item, hit.item.item
    return Citation(municipality=row.municipality, committee=row.committee, meeting_date=row.date,
                    item_number=item.number, item_title=item.title, quote=quote, item_id=hit.item_id,
                    url=f"{public_url.rstrip('/')}/items/{hit.item_id}", case_number=item.case_number)


def where(hit: Hit, lang: str) -> str:
    row, item = hit.item, hit.item.item
    y, m, d = (int(x) for x in row.date.split("-"))
    if lang == "en":
        num = f"item {item.number}" if item.number else f"agenda item no. {item.order} (unnumbered)"
        return (f"{row.municipality} Municipality, {row.committee}, meeting of {d} {MONTHS_EN[m - 1]} {y}, "
                f"{num} “{item.title}”")
    num = f"punkt {item.number}" if item.number else f"dagsordenspunkt nr. {item.order} (uden nummer)"
    return f"{row.municipality} Kommune, {row.committee}, mødet den {d:02d}-{m:02d}-{y}, {num} »{item.title}«"


def _votes(decisions: list[Decision], lang: str) -> str:
    parts = []
    for dec in decisions:
        for v in dec.votes:
            names = ", ".join(f"{x.name} ({x.party})" if x.party else x.name for x in v.members)
            label = {"for": "For", "against": "Against" if lang == "en" else "Imod",
                     "abstain": "Abstained" if lang == "en" else "Undlod"}[v.position]
            count = v.count if v.count is not None else len(v.members)
            if count or names:
                parts.append(f"{label}: {count}" + (f" ({names})" if names else ""))
    return "; ".join(dict.fromkeys(parts))


def _summary(item: AgendaItem, lang: str, meeting_date: str = "") -> str:
    """The outcome of this meeting's decision(s) (earlier bodies' decisions are in the case history)."""
    decisions = own_decisions(item, meeting_date) if meeting_date else item.decisions
    if not decisions:
        return ""
    labels = OUTCOME_EN if lang == "en" else OUTCOME_DA
    bodies = list(dict.fromkeys(f"{d.body}: {labels[d.outcome]}" for d in decisions))
    lead = "Outcome" if lang == "en" else "Udfald"
    text = f"{lead}: " + "; ".join(bodies) + "."
    votes = _votes(decisions, lang)
    if votes:
        text += (" Vote: " if lang == "en" else " Afstemning: ") + votes + "."
    return text


YES_NO_DECISION = re.compile(r"^\s*(?:fik|blev|godkendte|vedtog|bevilgede|besluttede|did|was|were|has|have)\b", re.I)
YES = {"da": "Ja.", "en": "Yes."}
NO = {"da": "Nej.", "en": "No."}


_YES_NO_OPEN = re.compile(r"^\s*(?:fik|blev|har|havde|gav|afviste|godkendte|vedtog|besluttede|bevilgede|tildelte|"
                          r"did|has|have|had|was|were)\b", re.I)
_ACTS = re.compile(r"\b(?:reject|approv|grant|adopt|decid|agree|accept|afvis|afvist|godkend|vedt[ao]g|bevilg|beslut|"
                   r"tildel|gav\b|give[ns]?\b|imødekom|dispens)", re.I)


def asks_decided(query: Query) -> bool:
    """Does the question ask what a body decided: a decision or vote question, or a yes/no question about a
    decision act ("Did the council reject ...?", "Gav byrådet dispensation ...?")."""
    return query.intent in {"decision", "vote"} or bool(_YES_NO_OPEN.search(query.text) and _ACTS.search(query.text))


def yes_no(item: AgendaItem, question: str, kind: str, lang: str, meeting_date: str) -> str:
    """"Ja."/"Nej." first when a yes/no question asks whether something was decided, from this meeting's outcome."""
    if kind != "yesno" or not YES_NO_DECISION.search(question):
        return ""
    outcomes = {d.outcome for d in own_decisions(item, meeting_date)}
    if outcomes == {"approved"}:
        return YES[lang] + " "
    if outcomes == {"rejected"}:
        return NO[lang] + " "
    return ""


ASKS_MONEY = re.compile(r"\bkr\.?\b|kroner|\bkost|\bcost|beløb|\bpris|\bprice|amount|\bdkk\b|udgift|expense|"
                        r"\bspend|betal|\bpaid|\bpay|afgift|gebyr|\bfee\b|\bleje\b|husleje|\brent\b", re.I)


ASKS_PROPOSAL = re.compile(r"\brecommend|\bpropos|\bindstil|\banbefal|\bforeslå", re.I)

EVERY_BODY = re.compile(r"udvalgene|\bcommittees\b|\bbodies\b|organerne|hvert udvalg|each committee|"
                        r"de forskellige udvalg|all the committees", re.I)


def evidence_quote(item: AgendaItem, query: Query, kind: str, hit: Hit,
                   cfg: EvidenceConfig = DEFAULT_RANKING.evidence) -> str:
    """The verbatim quote that holds what was asked: this meeting's decision for a decision question,
    else the best one to three passages for the wanted kind of answer."""
    main = _evidence_quote(item, query, kind, hit, cfg)
    parts = main.split(evidence.JOIN)
    day = hit.item.date
    context = f"{hit.item.municipality} {hit.item.committee}"
    for clause in clauses(query.text)[1:]:  # a compound question: the passage that answers each further part
        sub = answer_kind(clause)
        proposal = proposal_quote(item) if sub in {"decision", "fact"} and ASKS_PROPOSAL.search(clause) else None
        if proposal and proposal not in main and len(main) + len(proposal) <= cfg.max_chars * 2:
            parts.append(proposal)  # "..., and what do they recommend?": the recommendation as printed
            continue
        if sub in {"decision", "fact"} or evidence.new_values(sub, main, query.text):
            continue  # nothing particular asked, or the first part's passage already answers this one
        found = [p.text for p in evidence.select(item, f"{clause} {query.text}", sub, day, hit.focus, context, cfg=cfg)
                 if p.text not in main and evidence.new_values(sub, p.text, query.text)]
        if found:
            parts.append(found[0])
    asked = clauses(query.text)
    if len(asked) > 1 and answer_kind(asked[0]) == "decision" and kind != "decision":
        # "what did X decide about Y, and how large ...": the first part is answered by the decision itself
        own = own_decision_quote(item, day)
        if own and len(own) <= cfg.max_chars // 3 and own not in main:
            parts.insert(0, own)
    return evidence.JOIN.join(parts)


def _evidence_quote(item: AgendaItem, query: Query, kind: str, hit: Hit, cfg: EvidenceConfig) -> str:
    day = hit.item.date
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
    if (kind == "decision" or (kind == "yesno" and asks_decided(query))
            or (kind == "vote" and any(d.votes for d in own_decisions(item, day)))):
        named = {d.body for d in named_decisions(item, query.text)}
        own = own_decision_quote(item, day, named, bool(EVERY_BODY.search(query.text)))
        if own:
            what = decided_what(item, query, own, hit, cfg)
            return f"{what}{evidence.JOIN}{own}" if what else own
    context = f"{hit.item.municipality} {hit.item.committee}"
    found = evidence.select(item, query.text, kind, day, hit.focus, context, cfg=cfg)
    if found:
        return evidence.quote(found)
    return quote_for(item, query.intent, query.text, hit.focus)


# words a decision uses to refer to the recommendation rather than restate it ("1. Godkendt. 2. Anbefales.")
_BARE_DECISION = re.compile(r"godkend\w*|anbefal\w*|tiltr\w*|indstilling\w*|taget|til|efterretning|orientering\w*|"
                            r"blev|som|og|med|den|det|udvalget|byrådet|beslutning|beslutter|vedtaget|vedtog|ingen|"
                            r"bemærkninger|sagen|punktet|fremsendes|oversendes|videre|behandling", re.I)


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
    return (query.intent == "money" or kind == "amount") and bool(ASKS_MONEY.search(query.text))


YEAR = re.compile(r"(?<![\d/.-])(?:19|20)\d{2}(?![\d/])")
SEASON = re.compile(r"(?<![\d/.-])((?:19|20)\d{2})/(?:(?:19|20)\d{2}|\d{2})(?![\d/])")
MEETING_DATE = re.compile(r"(?:\bmøde[t]?|\bmeeting|\bsession)\b[^.?!]{0,15}$|"
                          r"(?:udvalg\w*|byråd\w*|råd\w*|council|committee|board)\s+(?:den|on|d\.)\s*$", re.I)


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
        else:  # a meeting the item reports on ("referat af Movias bestyrelsesmøde den 16. august 2012")
            known |= {d.isoformat() for pos, d in mentioned if MEETING_DATE.search(item.text[max(0, pos - 30):pos])}
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


def meeting_where(meeting: Meeting, lang: str) -> str:
    d = meeting.date
    if lang == "en":
        return f"{meeting.municipality}, {meeting.committee}, meeting of {d.day} {MONTHS_EN[d.month - 1]} {d.year}"
    return f"{meeting.municipality} Kommune, {meeting.committee}, mødet den {d.strftime('%d-%m-%Y')}"


class ExtractiveAnswerer:
    """Quotes the item: the decision for "what did X decide", vote lines, absentees, the money sentence."""

    def __init__(self, public_url: str = "http://127.0.0.1:8000", threshold: float = 0.85,
                 meetings: MeetingLookup | None = None, ranking: RankingConfig = DEFAULT_RANKING,
                 committees: CommitteeLookup | None = None, mentioned: topics.Mentioned | None = None) -> None:
        if not 0 <= threshold <= 1:
            raise ValueError(f"refusal threshold must be within 0..1, got {threshold!r}")
        self.public_url, self.threshold = public_url, threshold
        self.ranking = ranking  # every other ranking and refusal constant (assistant/ranking.py)
        self.meetings = meetings
        self.committees = committees  # the stored committees of a municipality (None: of all)
        self.mentioned = mentioned  # does any stored chunk hold these word parts (None: topics not checked)

    def meeting_answer(self, query: Query, hits: list[Hit]) -> Answer | None:
        """A question about the meeting itself, answered from the meeting's facts, or None."""
        if self.meetings is None or not hits or hits[0].in_conversation:
            return None  # a follow-up about an item asks about that item
        row = hits[0].item
        asked = meeting_facts.aspects(query.text, set(tokens(row.committee)) | set(tokens(row.municipality)))
        if not asked:
            return None
        wanted = asked[0]
        f = query.filters
        day = row.date
        if (f.date_from and day < f.date_from.isoformat()) or (f.date_to and day > f.date_to.isoformat()):
            return None  # the question names another date than the meeting found
        meeting = self.meetings(row.meeting_id)
        if meeting is None:
            return None
        lines = [x for w in asked for x in meeting_facts.fact_lines(meeting, w)]
        lines = list(dict.fromkeys(lines))
        lang = query.language
        head = meeting_where(meeting, lang)
        if not lines and wanted == "chair":
            return refusal(lang, "the minutes do not name who chaired the meeting" if lang == "en"
                           else "referatet nævner ikke, hvem der var formand")
        if not lines:
            return None  # the meeting records no such fact: the items may (an absentee line under a decision)
        text = f"{head}:\n" + "\n".join(f"«{x}»" for x in lines)
        cit = Citation(municipality=meeting.municipality, committee=meeting.committee,
                       meeting_date=meeting.date.isoformat(), item_number=None,
                       item_title=("Meeting facts" if lang == "en" else "Mødeoplysninger"), quote=lines[0],
                       item_id=meeting.id, url=f"{self.public_url.rstrip('/')}/meetings/{meeting.id}/page",
                       kind="meeting")
        extra = [cit.model_copy(update={"quote": x}) for x in lines[1:]]
        return Answer(answer=text, refused=False, citations=[cit, *extra])

    def cited_refusal(self, head: str, hit: Hit, quote: str, lang: str) -> Answer:
        """A refusal that says why and cites the passage that comes closest."""
        return Answer(answer=f"{head}\n{where(hit, lang)}:\n«{quote}»", refused=True,
                      citations=[citation(hit, quote, self.public_url)])

    def supported(self, hit: Hit, lang: str = "da") -> bool:
        """Calibrated on the seed question set: dense similarity plus a little term coverage; or every term
        found; or dense and BM25 both rank the item first. An English question meets Danish text: its
        similarities run lower, so its threshold is lower (calibrated on the calibration sets)."""
        r = self.ranking
        threshold = self.threshold + (r.english_threshold_offset if lang == "en" else 0.0)
        agree = hit.dense_rank == 0 and hit.lexical_rank == 0 and hit.dense >= threshold - r.agree_slack
        return (hit.in_conversation or hit.overlap >= r.full_coverage or agree
                or hit.dense + r.coverage_weight * hit.overlap >= threshold)

    @staticmethod
    def naming(query: Query, hits: list[Hit]) -> tuple[list[Hit], list[str]]:
        """Hits reordered so the first names every salient name of the question; or the names none names."""
        if not hits or hits[0].in_conversation:
            return hits, []
        names = salient.salient_names(query.text)
        if not names:
            return hits, []

        def text_of(h: Hit) -> str:
            return f"{h.item.municipality} {h.item.committee} {h.item.title}\n{h.item.text}"

        full = [h for h in hits if not salient.missing(text_of(h), names)]
        if not full:
            return hits, salient.missing(text_of(hits[0]), names)
        return [full[0], *[h for h in hits if h is not full[0]]], []

    def absent_topics(self, query: Query, hits: list[Hit]) -> list[str]:
        """The topic nouns of the question no stored minutes (of the municipalities it names) mention."""
        if self.mentioned is None or not hits or hits[0].in_conversation:
            return []
        stored = self.mentioned
        found = [fold(f"{h.item.title}\n{h.item.text}") for h in hits]  # the items' full text: attachment titles too

        def mentioned(parts: tuple[str, ...], municipalities: list[str]) -> bool:
            return any(all(p in text for p in parts) for text in found) or stored(parts, municipalities)

        return topics.absent(query.text, query.language, list(query.filters.municipalities), mentioned)

    def absent_bodies(self, query: Query, hits: list[Hit]) -> list[str]:
        """The committees the question names that neither the stored minutes (of the municipalities it names)
        nor the decisions in the items found are: "Teknisk Udvalg i Aarhus" when only Aarhus Byråd is stored."""
        if self.committees is None or not hits or hits[0].in_conversation or not bodies.named(query.text):
            return []
        munis: list[str | None] = list(query.filters.municipalities) or [None]
        stored = [c for m in munis for c in self.committees(m)]
        decided = [d.body for h in hits for d in h.item.item.decisions]
        # what a committee decided is in its own minutes or decisions; anything else may be told by any item. A
        # committee in an item's title is the item's topic ("Anbefalinger fra §17, stk. 4-udvalget")
        texts = [h.item.title for h in hits] + ([] if asks_decided(query) else [h.item.text for h in hits])
        return bodies.unmatched(query.text, stored + decided, texts)

    def off_topic(self, query: Query, hit: Hit) -> list[str]:
        """The question's topic nouns when the item found holds none of them (each judged as the topic check
        judges the whole store): then a figure it states is about something else."""
        text = fold(f"{hit.item.title}\n{hit.item.text}")
        nouns = topics.topic_nouns(query.text, query.language)
        missing = topics.absent(query.text, query.language, [], lambda parts, _m: all(p in text for p in parts))
        return missing if nouns and len(missing) == len(nouns) else []

    def decided_elsewhere(self, query: Query, hit: Hit) -> str | None:
        """The committee a decision question names ("hvad endte teknikudvalget med at beslutte?") when the item
        found is another body's and records no decision of that committee: its minutes are not stored."""
        if not asks_decided(query) or hit.in_conversation:
            return None
        decided = [hit.item.committee] + [d.body for d in hit.item.item.decisions]
        missing = bodies.unmatched(query.text, decided)
        return missing[0] if missing else None

    def years(self, query: Query, hits: list[Hit]) -> tuple[list[Hit], list[str]]:
        """A year the question names ("trafikbestillingen for 2027") must be the meeting's year or occur in the
        item: hits reordered so the first does, or the years no hit has."""
        if not hits or hits[0].in_conversation:
            return hits, []
        # "mødet i Byråd 2022-2025" names a body, not a year: body names are no years, in question or item
        asked = _without(query.text, {b for h in hits for b in _bodies(h)})
        spans = [(pos, pos + 22) for pos, _ in find_dates(asked)]  # years inside full dates: checked apart
        wanted = [m.group(0) for m in YEAR.finditer(asked) if not any(a <= m.start() < b for a, b in spans)]
        wanted += [m.group(1) for m in SEASON.finditer(asked)]  # "varmesæsonen 2020/2021": its first year
        if not wanted:
            return hits, []

        def has(h: Hit) -> bool:
            text = _without(f"{h.item.date} {h.item.title}\n{h.item.text}", _bodies(h))
            return all(y in text for y in wanted)

        # an item further down holding the year answers only when it is near-tied with the first (as a second
        # citation would be): a far weaker item that merely mentions the year is no answer about that year
        bar = self.ranking.second_ratio * hits[0].score
        full = [h for h in hits if has(h) and (h is hits[0] or h.score >= bar)]
        if not full:
            return hits, list(dict.fromkeys(wanted))
        return [full[0], *[h for h in hits if h is not full[0]]], []

    def by_evidence(self, query: Query, hits: list[Hit]) -> list[Hit]:
        """Among near-tied top items, the one whose text holds more of what was asked comes first
        (two meetings handling one case, two budget items of one meeting)."""
        if len(hits) < 2 or hits[0].in_conversation or query.intent in {"case", "list"}:
            return hits
        kind = answer_kind(query.text)
        r = self.ranking
        window = [h for h in hits[:r.rerank_window] if h.score >= r.rerank_min_ratio * hits[0].score
                  and self.supported(h, query.language)]
        if len(window) < 2:
            return hits

        def strength(h: Hit) -> float:
            return evidence.strength(h.item.item, query.text, kind, h.item.date,
                                     f"{h.item.municipality} {h.item.committee}")

        first = strength(window[0])
        best = max(window[1:], key=strength)
        if strength(best) >= first + r.rerank_margin:
            return [best, *[h for h in hits if h is not best]]
        return hits

    def cited(self, query: Query, hits: list[Hit]) -> list[Hit]:
        if query.intent == "case" or query.filters.case_number:
            return sorted(hits, key=lambda h: h.item.date)
        if query.intent == "list":
            return hits
        chosen = [hits[0]]
        for h in hits[1:self.ranking.max_citations]:
            if h.score >= self.ranking.second_ratio * hits[0].score and self.supported(h, query.language):
                chosen.append(h)
        return chosen

    def answer(self, query: Query, hits: list[Hit]) -> Answer:
        lang = query.language
        if unanswered.asks_opinion(query.text):
            return refusal(lang, "minutes record what was decided; they hold no opinions or forecasts" if lang == "en"
                           else "referater viser, hvad der blev besluttet; de rummer ingen holdninger eller spådomme")
        facts = self.meeting_answer(query, hits)
        if facts is not None:
            return facts
        day = unmatched_date(query, hits)
        if day is not None:
            when = day.strftime("%d-%m-%Y")
            return refusal(lang, f"no stored minutes are from a meeting on {when} or mention that date" if lang == "en"
                           else f"ingen indlæste referater er fra et møde den {when} eller nævner datoen")
        hits, absent = self.naming(query, hits)
        if not absent:
            absent = self.absent_topics(query, hits)
        if not absent:
            hits, years = self.years(query, hits)
            if years:  # the items that answer the question do not hold the year (other minutes may)
                return refusal(lang, f"the items found do not mention {' or '.join(years)}" if lang == "en"
                               else f"de fundne punkter nævner ikke {' eller '.join(years)}")
        committees = [] if absent else self.absent_bodies(query, hits)
        if committees:
            in_ = " / ".join(query.filters.municipalities)
            return refusal(lang, f"no stored minutes are from {', '.join(committees)}{' in ' + in_ if in_ else ''}"
                           if lang == "en" else
                           f"ingen indlæste referater er fra {', '.join(committees)}{' i ' + in_ if in_ else ''}")
        if absent:
            where_ = ", ".join(query.filters.municipalities)
            note = (f"no stored minutes{' from ' + where_ if where_ else ''} mention {', '.join(absent)}"
                    if lang == "en" else
                    f"ingen indlæste referater{' fra ' + where_ if where_ else ''} nævner {', '.join(absent)}")
            return refusal(lang, note)
        if not hits or not self.supported(hits[0], lang):
            return refusal(lang)
        hits = self.by_evidence(query, hits)
        kind = answer_kind(query.text)
        if asks_amount(query, kind) and not MONEY.search(hits[0].item.item.text):
            return refusal(lang, "the item found states no amount" if lang == "en"
                           else "det fundne punkt nævner intet beløb")
        cited = self.cited(query, hits)
        citations: list[Citation] = []
        lines: list[str] = []
        for hit in cited:
            item: AgendaItem = hit.item.item
            agenda_only = (asks_decided(query) and not own_decisions(item, hit.item.date)
                           and not named_decisions(item, query.text)
                           # a vote the text records (another body's, in the case history) answers "who voted"
                           and not (query.intent == "vote" and unanswered.VOTE_RECORD.search(item.text)))
            quote = ((proposal_quote(item) if agenda_only else None)
                     or evidence_quote(item, query, kind, hit, self.ranking.evidence))
            titles = kind == "list" or query.intent == "list"  # "which sub-items did it have?" is answered by titles
            decided = asks_decided(query) or query.intent == "case"  # "what happened in case X?": its decision
            if not has_content(quote, item, hit.item.committee, titles) or not decided and bare_decision(quote):
                quote = best_sentence(item, query.text, query.intent, hit.focus) or ""
                if (not has_content(quote, item, hit.item.committee, titles)
                        or not decided and bare_decision(quote)):
                    continue  # a heading or a body's name is not an answer
            scoped, years = scope.rescope(item, query.text, quote, hit.item.date)
            if scoped is None and not citations:
                return refusal(lang, f"the item found says nothing about {' or '.join(years)}" if lang == "en"
                               else f"det fundne punkt siger intet om {' eller '.join(years)}")
            if scoped is None:
                continue  # a further item about another year is no evidence for this one
            quote = scoped
            if not citations and unanswered.states_unknown(quote, kind, query.text):
                # the minutes say the figure is not known yet: that is the answer, and it is not the figure
                return self.cited_refusal(UNKNOWN[lang], hit, quote, lang)
            other = None if citations else self.decided_elsewhere(query, hit)
            if other:
                decision = own_decision_quote(item, hit.item.date) or quote
                head = (f"The stored minutes hold no decision by {other} on this; the item found was decided by "
                        f"{hit.item.committee}:" if lang == "en" else
                        f"De indlæste referater har ingen beslutning fra {other} om det; punktet er afgjort af "
                        f"{hit.item.committee}:")
                return self.cited_refusal(head, hit, decision, lang)
            open_ = None if citations else unanswered.left_open(item.text, quote, kind, query.text)
            if open_:
                return self.cited_refusal(UNKNOWN[lang], hit, open_, lang)
            applied = None if citations else unanswered.only_applied(item.text, query.text)
            if applied:
                return self.cited_refusal(ONLY_APPLIED[lang], hit, applied, lang)
            own = own_decisions(item, hit.item.date)
            opposite = None if citations else unanswered.contradicted(query.text, {d.outcome for d in own}, lang)
            if opposite:
                decision = own_decision_quote(item, hit.item.date) or quote
                return self.cited_refusal(CONTRADICTED[lang][opposite], hit, decision, lang)
            voted = any(d.votes for d in own)
            if not citations and unanswered.no_vote_count(quote, kind, query.text, voted):
                return self.cited_refusal(NO_VOTE[lang], hit, quote, lang)
            elsewhere = [] if citations or lang != "da" or kind not in _FIGURE_KINDS else self.off_topic(query, hit)
            if elsewhere:  # "Hvad koster den nye svømmehal?" of an item on a sports ground: its figure is another's
                return self.cited_refusal(OFF_TOPIC[lang].format(what=", ".join(elsewhere)), hit, quote, lang)
            if (not citations and query.intent not in {"case", "list"}
                    and (unanswered.lacks_value(quote, kind, query.text)
                         or unanswered.uncounted(item.text, kind, query.text))):
                # the item is about the topic but holds no value of the kind asked (no firm, no figure): say so
                what = unanswered.NOT_STATED[kind][0 if lang == "en" else 1]
                return self.cited_refusal(NOT_STATED_HEAD[lang].format(what=what), hit, quote, lang)
            own_quote = own_decision_quote(item, hit.item.date) if kind == "yesno" else None
            if own_quote and own_quote not in quote and len(own_quote) <= self.ranking.evidence.max_chars // 3:
                quote = f"{own_quote}{evidence.JOIN}{quote}"  # a yes or no rests on what was decided: quote it
            citations.append(citation(hit, quote, self.public_url))
            head = yes_no(item, query.text, kind, lang, hit.item.date) + where(hit, lang)
            summary = _summary(item, lang, hit.item.date)
            if agenda_only and len(citations) == 1:
                # the question asks what was decided and nothing was: say so, and show what was proposed
                return Answer(answer=f"{head}. {NO_DECISION[lang]}\n«{quote}»", refused=True, citations=citations)
            if agenda_only:
                lines.append(f"{head}. {NO_DECISION[lang]}\n«{quote}»")
            elif query.intent in {"decision", "vote", "case", "list"}:
                lines.append(f"{head}. {summary}\n«{quote}»".replace(". \n", ".\n"))
            else:
                lines.append(f"{head}:\n«{quote}»" + (f"\n{summary}" if summary else ""))
            amounts = english_amounts(quote) if lang == "en" else []
            if amounts:  # English framing of the Danish figures; the quote stays verbatim
                lines[-1] += "\nAmounts: " + "; ".join(amounts) + "."
        if not citations:
            return refusal(lang)
        if query.intent == "case" and len(cited) > 1:
            intro = ("The case was handled in these meetings, in date order:" if lang == "en"
                     else "Sagen er behandlet på disse møder, i datoorden:")
            lines.insert(0, intro)
        return Answer(answer="\n\n".join(lines), refused=False, citations=citations)
