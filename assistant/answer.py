"""The default answerer: extractive, no LLM, never invents. Answers in the question's language.

Its phrases and formatting helpers are in assistant/answer_text.py, its quote building in assistant/answer_quote.py;
the names other modules import from here (refusal, where, own_decisions, bare_decision) stay importable."""

from __future__ import annotations

from assistant import (
    deciders,
    evidence,
    honesty,
    paraphrase,
    salient,
    scope,
    topics,
    unanswered,
    value_kinds,
)
from assistant.absent import CommitteeLookup, not_stored, outside_minutes
from assistant.amounts import english_amounts
from assistant.answer_kind import answer_kind
from assistant.answer_quote import (
    asks_amount,
    asks_decided,
    bare_decision,
    evidence_quote,
    named_decisions,
    own_decisions,
)
from assistant.answer_text import (
    CLOSED,
    CLOSED_BARE,
    NO_DECISION,
    _summary,
    citation,
    refusal,
    where,
    yes_no,
)
from assistant.contract import Answer, Citation
from assistant.meeting_answer import MeetingLookup, meeting_answer
from assistant.ordering import _AGENDA_APPROVAL, agenda_last, briefing_first, closed_first, unnamed
from assistant.query import Query
from assistant.quotes import (
    MONEY,
    best_sentence,
    has_content,
    opening_quote,
    own_decision_quote,
    proposal_quote,
)
from assistant.ranking import DEFAULT_RANKING, RankingConfig
from assistant.retrieve import Hit
from assistant.terms import content_terms
from core import vocab
from core.dates import find_dates
from core.model import AgendaItem
from store.lexical import tokens


class ExtractiveAnswerer:
    """Quotes the item: the decision for "what did X decide", vote lines, absentees, the money sentence."""

    def __init__(self, public_url: str = "http://127.0.0.1:8000", threshold: float = 0.85,
                 meetings: MeetingLookup | None = None, ranking: RankingConfig = DEFAULT_RANKING,
                 committees: CommitteeLookup | None = None, mentioned: topics.Mentioned | None = None,
                 near: paraphrase.Near | None = None, finds: paraphrase.Finds | None = None) -> None:
        if not 0 <= threshold <= 1:
            raise ValueError(f"refusal threshold must be within 0..1, got {threshold!r}")
        self.public_url, self.threshold = public_url, threshold
        self.ranking = ranking  # every other ranking and refusal constant (assistant/ranking.py)
        self.meetings = meetings
        self.committees = committees  # the stored committees of a municipality (None: of all)
        self.mentioned = mentioned  # does any stored chunk hold these word parts (None: topics not checked)
        self.near = near  # the stored title words nearest a word (store.neighbours; None: not consulted)
        self.finds = finds  # the items a word alone finds first (store.neighbours; None: not consulted)

    def people(self, hit: Hit) -> str:
        """The participants of the hit's meeting, as text (a party printed beside a name answers "which party")."""
        meeting = self.meetings(hit.item.meeting_id) if self.meetings is not None else None
        return "\n".join([*meeting.participants, *meeting.absentees]) if meeting is not None else ""

    def meeting_answer(self, query: Query, hits: list[Hit]) -> Answer | None:
        """A question about the meeting itself, answered from the meeting's facts, or None."""
        return meeting_answer(query, hits, self.meetings, self.public_url)

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

    def supported_first(self, hits: list[Hit], lang: str, query: Query | None = None) -> list[Hit]:
        """When the first item is not supported but one near-tied with it is (as a second citation would be), that
        one comes first: a title word naming the town or committee may lift an item the question is not about
        ("Resultatkontrakt med Erhverv Langeland" above "Tilskud til shuttlebus" for "Langeland's business
        committee's grant for the shuttle bus")."""
        if not hits or hits[0].in_conversation or self.supported(hits[0], lang):
            return hits
        bar = self.ranking.second_ratio * hits[0].score
        names = salient.salient_names(query.text) if query else []
        missing = unnamed(names, hits[0])  # not one lacking a name the first holds ("Vesterø")
        better = next((h for h in hits[1:self.ranking.max_citations] if h.score >= bar and self.supported(h, lang)
                       and unnamed(names, h) <= missing), None)
        return hits if better is None else [better, *[h for h in hits if h is not better]]

    def off_topic(self, query: Query, hit: Hit) -> list[str]:
        """The question's topic nouns when the item found holds none of them (each judged as the topic check
        judges the whole store): then a figure it states is about something else."""
        nouns = topics.topic_nouns(query.text, query.language)
        missing = paraphrase.unheld(query.text, query.language, hit)
        # an amount of a thing the item never names ("Hvor meget dækker forsikringen af vandskaden?" of an item on
        # the water damage that names no insurance) is no amount of that thing, even if the rest is named
        partial = answer_kind(query.text) == "amount" and missing and len(nouns) >= 2
        if not nouns or len(missing) < len(nouns) and not partial:
            return []
        # an item whose title shares a term of the question is about its topic ("vindmøller på Aarhus Havn" for
        # "how many households could wind turbines at the harbour supply with power?"): its figures are not another's
        meeting = set(tokens(f"{hit.item.municipality} {hit.item.committee}"))
        common = " ".join(w for w in query.text.split() if not w[:1].isupper())  # not a place ("i Lisbjerg")
        shared = content_terms(set(tokens(common))) & set(tokens(hit.item.title)) - meeting
        # nor is an item whose own title word the model puts nearest the asker's noun ("busser" of "køreplan for
        # rute 115"). (Not the noun's own dense search, as the paraphrase rule takes: with none of its guards it
        # found "Boliger til ukrainske flygtninge" among the first five items for "vuggestueplads", and its rents
        # were quoted as a nursery's monthly price)
        return [] if shared or any(paraphrase.names_title(n, hit, self.near) for n in missing) else missing

    def decided_elsewhere(self, query: Query, hit: Hit) -> str | None:
        """The body a decision question names when the item found records no decision of it (``deciders``)."""
        return deciders.decided_elsewhere(query, hit)

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

        # the approval of the agenda may name every item's topic; it answers none of them. An item that lacks a
        # name of the question the first one holds ("Vesterø", "Jyderup") is about another place or thing
        names = salient.salient_names(query.text)
        first_unnamed = unnamed(names, window[0])
        window = [window[0], *[h for h in window[1:] if not _AGENDA_APPROVAL.match(h.item.title)
                               and unnamed(names, h) <= first_unnamed]]
        if len(window) < 2:
            return hits
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
        early = outside_minutes(query) or self.meeting_answer(query, hits)
        if early is not None:
            return early
        hits, refused = not_stored(query, hits, self.mentioned, self.committees, self.ranking.second_ratio,
                                    self.near, self.finds)
        if refused is not None:
            return refused
        hits = self.supported_first(hits, lang, query)
        if not hits or not self.supported(hits[0], lang):
            return refusal(lang)
        hits = self.by_evidence(query, hits)
        hits = briefing_first(query, agenda_last(query, hits))
        hits = closed_first(query, hits)
        hits = deciders.voted_first(query, deciders.council_first(query, hits))
        kind = answer_kind(query.text)
        if asks_amount(query, kind) and not MONEY.search(hits[0].item.item.text):
            return refusal(lang, "the item found states no amount" if lang == "en"
                           else "det fundne punkt nævner intet beløb")
        cited = self.cited(query, hits)
        citations: list[Citation] = []
        lines: list[str] = []
        for hit in cited:
            item: AgendaItem = hit.item.item
            # "what happened to case X?" asks its outcome too; "when was case X treated?" asks its history
            asks_outcome = asks_decided(query) or query.intent == "case" and kind in {"decision", "fact"}
            agenda_only = (asks_outcome and not own_decisions(item, hit.item.date)
                           and not named_decisions(item, query.text)
                           # a vote the text records (another body's, in the case history) answers "who voted",
                           # unless the question asks the vote of this meeting's day ("d. 3 marts 2025")
                           and not (query.intent == "vote" and unanswered.VOTE_RECORD.search(item.text)
                                    and hit.item.date not in {d.isoformat() for _, d in find_dates(query.text)}))
            quote = ((proposal_quote(item) if agenda_only else None)
                     or evidence_quote(item, query, kind, hit, self.ranking.evidence))
            titles = kind == "list" or query.intent == "list"  # "which sub-items did it have?" is answered by titles
            decided = asks_decided(query) or query.intent == "case"  # "what happened in case X?": its decision
            bare = not own_decisions(item, hit.item.date)  # a closed item published with its title alone
            # a closed item whose only text says it is closed ("Lukket punkt. Beslutningen fremgår af den lukkede
            # protokol.") has no content either
            untold = all(vocab.status_only(sec.text) for sec in item.sections)
            if not citations and item.closed and untold and (not decided or bare) \
                    and kind not in {"yesno", "list"} \
                    and (kind not in value_kinds.VALUE_KINDS or unanswered.lacks_value(quote, kind, query.text)
                         or vocab.status_only(quote)
                         # "Anbefales over for Kommunalbestyrelsen." names no buyer; a title naming the firm does
                         or bare_decision(quote) and not unanswered.holds_value(kind, item.title, query.text)):
                # "what was the lease about?" of a closed item: only its decision is public, if that
                head = CLOSED[lang] if not bare else CLOSED_BARE[lang]
                return self.cited_refusal(head, hit, own_decision_quote(item, hit.item.date) or item.title, lang)
            case = query.intent == "casenr"
            if not has_content(quote, item, hit.item.committee, titles, case) or not decided and bare_decision(quote):
                decision_only = quote if has_content(quote, item, hit.item.committee, titles, case) else ""
                quote = best_sentence(item, query.text, query.intent, hit.focus) or ""
                if (query.intent == "case" or query.filters.case_number) \
                        and not has_content(quote, item, hit.item.committee, titles, case):
                    quote = opening_quote(item) or quote  # "what is case X about?": how the item opens
                if (not has_content(quote, item, hit.item.committee, titles, case)
                        or not decided and bare_decision(quote)):
                    if not (decision_only and unanswered.holds_value(kind, item.title, query.text)):
                        continue  # a heading or a body's name is not an answer
                    quote = decision_only  # "Anbefales over for Byrådet." of an item titled by the firm asked
            scoped, years = scope.rescope(item, query.text, quote, hit.item.date)
            if scoped is None and not citations:
                return refusal(lang, f"the item found says nothing about {' or '.join(years)}" if lang == "en"
                               else f"det fundne punkt siger intet om {' eller '.join(years)}")
            if scoped is None:
                continue  # a further item about another year is no evidence for this one
            quote = scoped
            trapped = None if citations else honesty.trap(self, query, hit, quote, kind)
            if trapped:  # the item is close but does not hold what was asked: say what it does say
                return self.cited_refusal(trapped[0], hit, trapped[1], lang)
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
