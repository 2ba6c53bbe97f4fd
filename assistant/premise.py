"""A question that takes for granted what the minutes contradict: "why did X reject it?" of an approved item, "the
grant the committee stopped" when the proposal to stop it was not approved, "now that the committee has adopted
it" of an item that was postponed. The answer says what the minutes record instead."""

from __future__ import annotations

import re

# "Hvorfor afviste byrådet ...?" takes the outcome for granted: a why-question whose verb says what was done
WHY = re.compile(r"^\W*(?:hvorfor|why|what was the reason|what were the reasons|med hvilken begrundelse|"
                 r"hvad var (?:begrundelsen|grunden|årsagen))\b", re.I)
_SAYS_REJECTED = re.compile(r"\b(?:afvis\w*|afvist\w*|afslog|forkast\w*|reject\w*|refus\w*|turn(?:ed|s)? down|"
                            r"vot(?:ed|es) down|declin\w*|sagde nej|said no)\b", re.I)
_SAYS_APPROVED = re.compile(r"\b(?:godkendte|vedtog|bevilgede|approved|adopted|granted)\b|"
                            r"\bdid\b.{0,60}\b(?:approve|adopt|grant)\b", re.I)
_SAYS_ADOPTED = re.compile(r"\b(?:har|er|blev|er blevet|var blevet)\s+(?:\w+\s+){0,2}?(?:vedtaget|godkendt|bevilget|"
                           r"indført)\b|\b(?:has|have|had|was|were)\s+(?:been\s+)?(?:approved|adopted|granted)\b",
                           re.I)
_DA_DONE = (r"\b(?:godkendte|vedtog|bevilgede|stoppede|lukkede|indførte|hævede|sænkede|nedlagde|afskaffede|"
            r"opsagde)\b")
_SAYS_DONE = {  # past tense in Danish ("at stoppe" only proposes); "why did X approve" in English
    "en": re.compile(r"\b(?:(?:approv|grant|adopt|stopp?|clos|introduc|rais|lower|abolish)(?:e|ed|es)?|cut)\b", re.I),
    "da_past": re.compile(_DA_DONE, re.I),
    # a why-question may also say it was decided: "Hvorfor besluttede udvalget at stoppe støtten?"
    "da": re.compile(_DA_DONE + r"|\b(?:besluttede|valgte)\b(?!.{0,40}\bikke\b).{0,80}\bat (?:stoppe|lukke|indføre|"
                     r"hæve|sænke|nedlægge|afskaffe|opsige|godkende|bevilge|give|tildele|yde)\b", re.I),
    "en_past": re.compile(r"\b(?:approved|granted|adopted|stopped|closed|introduced|raised|lowered|abolished)\b", re.I),
}


_BODY_WORD = re.compile(r"\b(?:\w*udvalg\w*|\w*byråd\w*|kommunalbestyrelse\w*|kommune[n]?|magistrat\w*|politiker\w*|de|"
                        r"council|committee|board|they)\b", re.I)


def _by_body(verb: re.Pattern[str], question: str) -> bool:
    """The question says a body did it: a body word within a few words before the verb ("nu hvor udvalget har
    vedtaget", "Udvalget stoppede jo"); a bare passive may be said of another thing ("when the agenda was
    approved")."""
    return any(_BODY_WORD.search(question[max(0, m.start() - 40):m.start()]) for m in verb.finditer(question))


def contradicted(question: str, outcomes: set[str], lang: str, kind: str = "") -> str | None:
    """The recorded outcome when a why-question takes the opposite for granted ("why did X reject it?" of an
    approved item, "why did X stop the grant?" when the proposal to stop it was not approved), or when any
    question takes an approval for granted of an item only noted ("which measures did the committee approve?"
    of "Orienteringen blev taget til efterretning"); else None. Any question but a yes/no one ("Stoppede de
    støtten?" is answered no) that takes a rejected proposal as done ("Udvalget stoppede jo støtten - fra hvornår
    gælder det?") asks about something that did not happen."""
    if outcomes == {"noted"} and _SAYS_APPROVED.search(question):
        return "noted"
    if len(outcomes) != 1:
        return None
    outcome = next(iter(outcomes))
    why = WHY.search(question) is not None
    if why and outcome == "approved" and _SAYS_REJECTED.search(question):
        return outcome
    # a why-question's English verb may be bare ("why did they stop it?"); any other question's must be past
    done = _SAYS_DONE[("da" if lang != "en" else "en") if why else "da_past" if lang != "en" else "en_past"]
    # "Hvad besluttede udvalget om at stoppe støtten?" and "Stoppede de støtten?" are answered by the decision
    # outside a why-question the body must be the one said to have done it ("Udvalget stoppede jo støtten"), not
    # another ("the handling fee that Stop Spild Lokalt introduced")
    said = done.search(question) if why else _by_body(done, question)
    if (why or kind not in {"yesno", "decision", "vote"}) and outcome == "rejected" and said \
            and not _SAYS_REJECTED.search(question):
        return outcome
    # "nu hvor udvalget har vedtaget betalingsparkering" of an item that was postponed: nothing was adopted
    if kind not in {"yesno", "decision", "vote"} and outcome == "postponed" and _by_body(_SAYS_ADOPTED, question):
        return outcome
    return None
