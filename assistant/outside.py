"""What lies outside any minutes: the assistant's own opinion or a judgement ("Was it a good idea?", "for dyr"),
and what came of a decision after the meeting ("Blev broen faktisk bygget?", "i resten af 2025"). Pure functions
of the question (and, for the aftermath, of the passage found, which may tell an outcome after all)."""

from __future__ import annotations

import re

from assistant.answer_kind import DECISION_ACT
from assistant.unanswered import ASKS_VOTE

# "Hvem tror du vinder valget?", "Do you think taxes will go up?": an opinion or a forecast, which minutes never hold
_OPINION = re.compile(r"\b(?:tror|synes|mener|forventer|gætter) (?:du|i)\b|\bhvad (?:er din|synes du)|"
                      r"\b(?:do|would) you (?:think|expect|guess|predict|recommend|believe)\b|"
                      r"\byour (?:opinion|view|guess)\b|\bin your (?:opinion|view)\b|\bwho will win\b|\bhvem vinder\b|"
                      # a judgement the minutes cannot settle: "Was it a good idea ...?", "Er ... pengene værd?"
                      r"\b(?:was|is) (?:it|this|that) (?:a )?(?:good|bad|wise|smart|sensible|right|wrong)\b|"
                      r"\b(?:a good|the right|a wise|a bad|the wrong) (?:idea|decision|choice)\b|"
                      # "Was selling the old school a good deal for Lolland?", "var salget en god handel?"
                      r"\ba (?:good|bad|fair) (?:deal|bargain)\b|\ben (?:god|dårlig|fair) handel\b|"
                      r"\btoo (?:much|expensive|high|costly|little|low|cheap)\b|"
                      r"\b(?:var|er|blev)\b.{0,40}\bfor (?:dyr|dyrt|høj|højt|lav|lavt)\b|"
                      # an evaluative superlative the minutes do not rank ("den farligste skolevej", "the best")
                      r"\b(?:farligste|bedste|værste|most dangerous|the best|the worst|største forkæmper|"
                      r"biggest (?:champion|supporter|opponent))\b|"
                      r"\bworth (?:it|the money|the cost)\b|\bpengene værd\b|"
                      r"\b(?:var|er) det (?:ikke )?(?:(?:ret|lidt|meget|helt|bare) )?(?:en )?(?:god|godt|klog|klogt|"
                      r"fornuftig|fornuftigt|rigtig|rigtigt|forkert|dårlig|dårligt|fair|unfair|retfærdigt|uretfærdigt|rimeligt|"
                      r"urimeligt|uansvarligt|ansvarligt|dumt|tåbeligt|skandaløst|pinligt)\b|"
                      r"\b(?:isn't|wasn't|is it not|was it not) (?:it |this |that )?(?:(?:a bit|rather|quite|very) )?"
                      r"(?:irresponsible|unfair|wrong|stupid|a scandal|outrageous|reckless)\b|"
                      r"\b(?:was|is) (?:it|this|that) (?:fair|unfair|reasonable|unreasonable|justified)\b|"
                      # "was X wrong to vote against it?", "var det forkert af X at ..."
                      r"\b(?:was|were|is|are)\b.{0,60}\b(?:wrong|right) to\b|\bvar det (?:forkert|rigtigt) af\b|"
                      r"\b(?:en god|den rigtige|en klog|en dårlig|den forkerte) (?:idé|ide|beslutning)\b|"
                      # blame: "is the mayor to blame?", "er borgmesteren skyld i ...?" (not "hvad var skyld i")
                      r"\bto blame\b|\bat fault\b|\b(?:er|var) (?:\w+ ){1,3}skyld i\b|\b(?:har|havde) skylden\b", re.I)


def asks_opinion(question: str) -> bool:
    """The question asks the assistant's own opinion or forecast, not what the minutes record."""
    return _OPINION.search(question) is not None


# what came of a decision after the meeting ("Blev broen faktisk bygget?", "Hvordan gik pilottesten?", "Did they
# end up ...?"): the minutes of the meeting record the decision, not its aftermath. A question naming a decision
# act ("Blev forslaget faktisk vedtaget?") or a sum ("how much did they end up setting aside?") asks for the decision
_AFTERMATH = re.compile(r"\b(?:faktisk|actually|end(?:ed|s)? up|in the end|til sidst|"
                        r"endte (?:det |man |de |vi |kommunen |udvalget )?med at)\b|"
                        r"^\W*hvordan gik\b|"
                        r"^\W*hvordan (?:er|har) det (?:gået|fungeret)\b|"
                        r"^\W*how (?:has|have|did) .{0,60}\b(?:gone|worked|fared|turned out)\b|"
                        # "Blev Kongeruten færdig?", "Was the bridge built?": a completion after the meeting
                        r"^\W*(?:blev|er)\b[^?]{0,60}\b(?:færdig\w*|bygget|indviet|åbnet|etableret|opført|realiseret)\b|"
                        r"^\W*(?:was|were|has|have)\b[^?]{0,60}\b(?:built|finished|completed|opened|inaugurated)\b|"
                        # "Hvilken rente fik kommunen endeligt?" (not "hvornår skal byrådet endeligt tage stilling?")
                        r"\b(?:fik|blev|kostede|endte|landede)\b[^?]{0,60}\bendeligt\b|"
                        r"^\W*how did\b.{0,80}\bgo\b|\bwhat came (?:out )?of\b|\bhvad kom der ud af\b|"
                        # "Hvor mange kom der i resten af 2025?": a past verb over the time after the meeting
                        r"\b(?:kom|fik|blev|var|kostede|came|got|arrived|was|were|cost)\b[^?]{0,60}"
                        r"\b(?:resten af|the rest of|senere i|later in)\b|"
                        r"\bblev\b.{0,60}\btil noget\b", re.I)
# the passage tells what happened afterwards: a completion, a result, an evaluation
_AFTERMATH_TOLD = re.compile(r"\b(?:er|blev|var) (?:nu )?(?:blevet )?(?:bygget|etableret|gennemført|indviet|åbnet|"
                             r"færdig\w*|afsluttet|opført|udført|taget i brug|vedtaget|indført)\b|"
                             r"\bresultat(?:et|er|erne)?\b|"
                             r"\bviste\b|\bevaluering\w*|\bhas been\b|\bwas (?:built|completed|opened|finished)\b|"
                             r"\berfaring\w*", re.I)


# "hvor meget regner de med faktisk at nå at bruge?": what the minutes expect, not what came of it
_EXPECTED = re.compile(r"\bregner\s+(?:\w+\s+)?med\b|\bforvent(?:er|ede|es|ning\w*)\b|\bexpect(?:s|ed)?\b", re.I)


def untold_aftermath(question: str, kind: str, quote_text: str) -> bool:
    """The question asks what came of a decision afterwards and the passage found tells no outcome."""
    return (kind != "amount" and _AFTERMATH.search(question) is not None and _EXPECTED.search(question) is None
            and DECISION_ACT.search(question) is None and _AFTERMATH_TOLD.search(quote_text) is None
            and ASKS_VOTE.search(question) is None)  # "how did the vote go on X?" asks for the vote


# "Fortsatte samarbejdet efter 2022?", "did they keep it up after 2022?": a year after the meeting asked about
_AFTER_YEAR = re.compile(r"\b(?:efter|after)\s+((?:19|20)\d{2})\b", re.I)


def after_meeting(question: str, meeting_date: str) -> bool:
    """The question asks what happened after a year no earlier than the meeting's: minutes cannot tell."""
    return any(int(m.group(1)) >= int(meeting_date[:4]) for m in _AFTER_YEAR.finditer(question))



# "den største anlægsbevilling nogensinde", "the biggest grant ever": a superlative over all time, which the minutes
# of a few meetings cannot rank
_ALL_TIME = re.compile(r"\b(?:nogensinde|nogen\s?sinde|i (?:kommunens|byens|regionens) historie|gennem tiden|"
                       r"of all time|in (?:its|the municipality's|the council's) history)\b|"
                       r"\b(?:\w+est|most \w+|biggest|largest|highest|lowest|best|worst)\b.{0,60}\bever\b", re.I)
# two municipalities set against each other: "Bruger Aarhus eller Greve flest penge på ...?", "lower in Greve than in
# Aarhus?" - minutes record each town's own decisions, none weighs one town against another
_COMPARES = re.compile(r"\b(?:flest|mest|størst\w*|højest\w*|lavest\w*|mindst\w*|færrest|billigst\w*|dyrest\w*|"
                       r"most|more|less|fewer|higher|lower|bigger|larger|smaller|cheaper|dearer)\b|"
                       r"\b(?:end|than|sammenlignet med|compared (?:with|to)|i forhold til)\b", re.I)


def all_time(question: str) -> bool:
    """The question asks a superlative over all time ("nogensinde", "ever")."""
    return _ALL_TIME.search(question) is not None


def compares_towns(question: str, municipalities: list[str]) -> bool:
    """The question sets two or more municipalities against each other ("Bruger Aarhus eller Greve flest ...?")."""
    return len(set(municipalities)) >= 2 and _COMPARES.search(question) is not None


# "Har Middelfart også indført tryghedsvagter ligesom Greve?": the town after "ligesom" is the example compared
# with, not the one asked about
_LIKE = re.compile(r"\b(?:ligesom|sådan som|således som|på samme måde som|like|just as|as in)\s+(?:i\s+|in\s+)?"
                   r"([A-ZÆØÅ][\wæøå-]+(?:[ -][A-ZÆØÅ][\wæøå-]+)?)", re.I)


def asked_towns(question: str, municipalities: list[str]) -> list[str]:
    """The municipalities a question asks about: those it names, less one named only as the example it compares
    with ("ligesom Greve", "like Greve"), when another remains."""
    examples = {m.group(1).lower() for m in _LIKE.finditer(question)}
    asked = [m for m in municipalities if not any(m.lower() == e or e.startswith(m.lower()) for e in examples)]
    return asked if asked else list(municipalities)
