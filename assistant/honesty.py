"""The first cited item is close to the question but may not hold what was asked: the checks that then answer
honestly, in order, each with the head of the refusal and the passage it cites (what the item does say). The
checks themselves are pure functions in ``unanswered``, ``traps``, ``asked_values`` and ``views``."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant import (
    asked_values,
    bodies,
    counted,
    designation,
    outside,
    part_amount,
    places,
    premise,
    salient,
    scope,
    traps,
    unanswered,
    value_kinds,
)
from assistant.amounts import sum_sentences, unstated_amount
from assistant.answer_quote import own_decisions
from assistant.answer_text import (
    ABSENT_VOTER,
    AFTERMATH,
    CONTRADICTED,
    FORECAST_YEAR,
    NO_CHOICE,
    NO_VOTE,
    NO_VOTE_WHO,
    NOT_SAID,
    NOT_STATED_HEAD,
    OFF_TOPIC,
    ONLY_APPLIED,
    OTHER_PART,
    OTHER_PLACE,
    PARTIES_ONLY,
    RESTATED,
    UNANIMOUS_ONLY,
    UNKNOWN,
    UNSETTLED,
    UNSETTLED_PAST,
    UNSTATED_SUM,
    VOTED_OTHERWISE,
    counted_votes,
)
from assistant.query import Query
from assistant.quotes import own_decision_quote, sentences
from assistant.retrieve import Hit
from core.model import AgendaItem

if TYPE_CHECKING:
    from assistant.answer import ExtractiveAnswerer

_NAMED_KINDS = {"company", "body", "party"}  # a name the title may give as well as the text


# a question asking for a value ("who offered ...?", "hvornår ...?"), not whether something happened
_ASKS_WH = re.compile(r"^\W*(?:who|whom|which|what|when|where|hvem|hvilk\w*|hvad|hvornår|hvor)\b", re.I)


_UNANIMOUS_LINE = re.compile(r"[^.\n]*(?:enstemmig\w*|unanim\w*)[^.\n]*", re.I)  # the sentence that says so


_MONTHLY = frozenset({"amount", "percent", "count", "measure"})  # figures reported for a month


def trap(answerer: ExtractiveAnswerer, query: Query, hit: Hit, quote: str, kind: str) -> tuple[str, str] | None:
    """(refusal head, quote) when the item found does not answer what was asked, else None."""
    item: AgendaItem = hit.item.item
    lang = query.language
    if unanswered.states_unknown(quote, kind, query.text):
        # the minutes say the figure is not known yet: that is the answer, and it is not the figure
        return UNKNOWN[lang], quote
    if outside.untold_aftermath(query.text, kind, quote) or outside.after_meeting(query.text, hit.item.date):
        # "Blev broen faktisk bygget?" of the item deciding on the bridge: what came of it is not in these minutes
        return AFTERMATH[lang], own_decision_quote(item, hit.item.date) or quote
    other = answerer.decided_elsewhere(query, hit)
    if other:
        decision = own_decision_quote(item, hit.item.date) or quote
        head = (f"The stored minutes hold no decision by {other} on this; the item found was decided by "
                f"{hit.item.committee}:" if lang == "en" else
                f"De indlæste referater har ingen beslutning fra {other} om det; punktet er afgjort af "
                f"{hit.item.committee}:")
        return head, decision
    open_ = unanswered.left_open(item.text, quote, kind, query.text)
    if open_:
        return UNKNOWN[lang], open_
    applied = unanswered.only_applied(item.text, query.text)
    if applied:
        return ONLY_APPLIED[lang], applied
    own = own_decisions(item, hit.item.date)
    opposite = premise.contradicted(query.text, {d.outcome for d in own}, lang, kind)
    if opposite:
        decision = own_decision_quote(item, hit.item.date) or quote
        return CONTRADICTED[lang][opposite], decision
    month = scope.other_month(query.text, quote, hit.item.date) if kind in _MONTHLY else None
    if month:  # "the unemployment rate in October 2024" of "Ledigheden var 2,9 pct. i september 2024"
        return OTHER_PART[lang].format(what=month[0], other=month[1]), quote
    place = None if hit.in_conversation or query.followup else places.other_place(query.text, quote, item.title)
    if place:  # "bolværk i Vesterø havn" of a passage under "Østerby Havn - akut skade på bolværk"
        return OTHER_PLACE[lang].format(what=place[0], other=place[1]), quote
    rank = designation.other_rank(query.text, quote, item.text)
    if rank and rank[2] is not None:  # the item's sentence on the asked rank must hold the value asked
        wanted = unanswered.asked_kind(kind, query.text)
        wanted = "name" if wanted == "person" else wanted
        if wanted in unanswered.NOT_STATED and not unanswered.holds_value(wanted, rank[2], query.text):
            # "who placed the second-highest bid?" of "Det næsthøjeste bud er på 2.700.000 kr. fra en privat køber"
            what = unanswered.NOT_STATED[wanted][0 if lang == "en" else 1]
            return NOT_STATED_HEAD[lang].format(what=what), rank[2]
    elif rank:  # "the second-highest bid" of "Det højeste bud er på 3.150.000 kr."
        return OTHER_PART[lang].format(what=f"det {rank[0]}" if lang == "da" else f"the {rank[0]}",
                                       other=f"det {rank[1]}" if lang == "da" else f"the {rank[1]}"), quote
    restated = None if query.followup else traps.restated_figure(query.text, quote, kind)
    if restated:  # the quote's only figure is the one the question gives ("6,9 i snit"): not the one asked
        return NOT_STATED_HEAD[lang].format(what=RESTATED[lang].format(given=restated)), quote
    # the item, or else its title and the passage quoted, is about another part (the title "... 2. kvartal 2024 til
    # 1. kvartal 2025", the quote "4. kvartal 2023 – 3. kvartal 2024" or no period at all, the asked period named
    # only as the next report's)
    part = designation.other_designation(f"{item.title}\n{item.text}", query.text)
    titled = None if part else designation.other_designation(item.title, query.text)
    if titled:
        part = designation.other_designation(quote, query.text) or (
            None if designation.names_any(quote, query.text) else titled)
    if part:  # "stage 4" of an item on stage 3
        return OTHER_PART[lang].format(what=part[0], other=part[1]), quote
    edition = scope.other_edition(query.text, item.title, item.text)
    if edition:  # "mødekalender 2026" of "Mødekalender 2024 for Skole-, Børne- og Ungeudvalget"
        return OTHER_PART[lang].format(what=edition[0], other=edition[1]), quote
    sum_ = None if hit.in_conversation or query.followup else unstated_amount(query.text, f"{item.title}\n{item.text}")
    if sum_:  # "who offered 2.7 million kroner?" of an item whose highest bid is 3.15 million
        what = f"DKK {sum_:,.0f}" if lang == "en" else f"{sum_:,.0f} kr.".replace(",", ".")
        return UNSTATED_SUM[lang].format(what=what), quote
    asked = unanswered.asked_kind(kind, query.text)
    asked = "name" if asked == "person" else asked
    valued = asked in unanswered.NOT_STATED and asked != "amount" and _ASKS_WH.search(query.text) is not None
    anchored = sum_sentences(query.text, sentences(item.text)) \
        if valued and not (hit.in_conversation or query.followup) else []
    if anchored and not any(unanswered.holds_value(asked, s, query.text) for s in anchored):
        # "who offered 2.7 million kroner?" of "Det næsthøjeste bud er på 2.700.000 kr. fra en privat køber"
        return NOT_STATED_HEAD[lang].format(what=unanswered.NOT_STATED[asked][0 if lang == "en" else 1]), anchored[0]
    share = part_amount.part_untold(query.text, item.text) or part_amount.alone_untold(query.text, item.text)
    if share:  # "how much of the overspend is due to special education?" of an item giving only the total
        what = f"an amount for {share}" if lang == "en" else f"et beløb for {share}"
        return NOT_STATED_HEAD[lang].format(what=what), quote
    if part_amount.unit_untold(query.text, item.text):  # "what does one of the two pitches cost?" of a total
        what = "an amount for each one" if lang == "en" else "et beløb for hver enkelt"
        return NOT_STATED_HEAD[lang].format(what=what), quote
    names = priced_names(query.text, hit.item.committee)
    lone = traps.amount_elsewhere(item.text, item.title, kind, query.text, names)
    if lone:  # "what did Supercykelsti Tilst cost?" of an item giving only the total of four projects
        what = f"an amount for {lone}" if lang == "en" else f"et beløb for {lone}"
        return NOT_STATED_HEAD[lang].format(what=what), quote
    speaker = traps.unrecorded_speech(item.text, query.text)
    if speaker:
        decision = own_decision_quote(item, hit.item.date) or quote
        return NOT_SAID[lang].format(who=speaker), decision
    if own and traps.asks_choice(query.text) and not any(d.outcome in {"approved", "rejected"} for d in own):
        # "which model did they pick?" of a decision that sent the case on: nothing was chosen
        return NO_CHOICE[lang], own_decision_quote(item, hit.item.date) or quote
    year = traps.forecast_year_untold(query.text, f"{item.title}\n{item.text}") if kind == "yesno" else None
    if year:  # "will Greve raise the tax in 2027?" of a budget that says nothing of 2027's tax
        return FORECAST_YEAR[lang].format(year=year), quote
    if (own and kind == "yesno" and traps.asks_forecast(query.text)
            and not any(d.outcome in {"approved", "rejected"} for d in own)):
        # "bliver Aarhus udpeget som testkommune?" of a proposal that was postponed: nothing settles it
        return UNSETTLED[lang], own_decision_quote(item, hit.item.date) or quote
    if (own and kind == "yesno" and traps.asks_settled(query.text)
            and not any(d.outcome in {"approved", "rejected"} for d in own)):
        # "Blev Aarhus udpeget som testkommune?" of a proposal sent on for a recommendation: nothing settled it
        return UNSETTLED_PAST[lang], own_decision_quote(item, hit.item.date) or quote
    meeting = answerer.meetings(hit.item.meeting_id) if answerer.meetings is not None else None
    absent = traps.absent_voter(query.text, meeting.absentees) if meeting is not None else None
    if absent:  # "Hvordan stemte Pia Juhl?" of a meeting she was absent from
        return ABSENT_VOTER[lang].format(who=absent), own_decision_quote(item, hit.item.date) or quote
    voted = any(d.votes for d in own)
    # "Hvorfor stemte Enhedslisten for?" asks the reason of a vote the minutes do not record; "stemte Ø imod?" is
    # answered by the vote itself
    side = traps.voted_otherwise(query.text, own) if voted and premise.WHY.search(query.text) else None
    if side:  # "Hvorfor stemte Enhedslisten for lokalplanen?" of "Imod stemte: Ø"
        return VOTED_OTHERWISE[lang][side[1]].format(party=side[0]), own_decision_quote(item, hit.item.date) or quote
    if unanswered.no_vote_count(quote, kind, query.text, voted):
        return NO_VOTE[lang], quote
    if own and unanswered.unrecorded_vote(item.text, kind, query.text, voted):
        return NO_VOTE_WHO[lang], own_decision_quote(item, hit.item.date) or quote
    unanimous = [m.group(0) for m in _UNANIMOUS_LINE.finditer(quote)]
    if not voted and unanimous and unanswered.asks_vote_count(query.text) and not re.search(r"\d", " ".join(unanimous)):
        # "How many Kulturudvalget members voted for it?" of "Udvalget kunne enstemmigt tiltræde indstillingen"
        return UNANIMOUS_ONLY[lang], quote
    if voted and unanswered.asks_vote_count(query.text) and not counted_votes(own):
        # "how many members voted against?" of "Imod stemte: Ø": the parties, not a number of members
        return PARTIES_ONLY[lang], own_decision_quote(item, hit.item.date) or quote
    # a follow-up's "centret" is the one the conversation is about, though the item writes "FrivilligCenter"
    priced = None if query.followup or hit.in_conversation else traps.priced_absent(
        query.text, f"{item.title}\n{item.text}")
    # "hvad kostede udvalgsturen?" of an item on the visit that states other costs; not the asker's word for its topic
    if priced and priced not in hit.paraphrase:
        return OFF_TOPIC[lang].format(what=priced), quote
    figure = lang == "da" and kind in value_kinds.FIGURE_KINDS and not (hit.in_conversation or query.followup)
    elsewhere = answerer.off_topic(query, hit) if figure else []
    if elsewhere:  # "Hvad koster den nye svømmehal?" of an item on a sports ground: its figure is another's
        return OFF_TOPIC[lang].format(what=", ".join(elsewhere)), quote
    if kind == "date" and traps.past_dates_only(query.text, quote, hit.item.date) \
            and not unanswered.clock_answered(query.text, quote):
        # "Fra hvornår skal skolerne være lagt sammen?" of an item dating only an earlier decision: not stated
        return NOT_STATED_HEAD[lang].format(what=unanswered.NOT_STATED["date"][0 if lang == "en" else 1]), quote
    fine = asked_values.not_stated(query.text, item.text, quote, answerer.people(hit), lang, hit.item.date)
    if fine:  # "what time ...?" of an item that states no time of day, "what does Movia think?": say so
        return NOT_STATED_HEAD[lang].format(what=fine), quote
    asked = unanswered.asked_kind(kind, query.text)
    if (query.intent not in {"case", "list", "casenr"}  # a case number is no count ("Sagsnr. 25-007456")
            # a firm or body the title names is stated ("Kommunegaranti for lån til Middelfart Fjernvarme")
            and (unanswered.lacks_value(quote, asked, query.text)
                 and not (asked in _NAMED_KINDS and unanswered.holds_value(asked, item.title, query.text))
                 or counted.uncounted(item.text, kind, query.text))):
        # the item is about the topic but holds no value of the kind asked (no firm, no figure): say so
        what = unanswered.NOT_STATED[asked][0 if lang == "en" else 1]
        return NOT_STATED_HEAD[lang].format(what=what), quote
    return None


def priced_names(question: str, committee: str) -> list[str]:
    """The names in ``question`` that could be things with a sum of their own: not the committee's acronym ("Greve
    SOU") nor a word of a body's name ("Struers Social- og Sundhedsudvalg": "Social" is no thing with a sum)."""
    short = bodies.acronyms(committee)
    return [n for n in salient.salient_names(question) if n.upper() not in short
            and not re.search(re.escape(n) + r"-\s+(?:og|and)\b", question) and n.lower() not in committee.lower()]
