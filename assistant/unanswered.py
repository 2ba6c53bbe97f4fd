"""Does the quoted evidence answer what was asked, or only come close? The checks behind the answerer's honest
refusals: the minutes say the value is not known yet or the answer is given elsewhere ("sendt til skriftlig
besvarelse"), the outcome asked is still to come, the best passage holds no value of the kind asked, or a vote
count is asked of a decision taken without a recorded vote. Each is a pure function of quote and question.
"""

from __future__ import annotations

import re

from assistant.answer_kind import clauses
from assistant.evidence import JOIN
from assistant.glossary import expand
from assistant.premise import WHY
from assistant.query import language
from assistant.quotes import MONEY, sentences
from assistant.reasons import party_reason, restated_reason
from assistant.salient import mentions
from assistant.terms import content_terms, match, prefixes
from assistant.value_kinds import FIGURE_KINDS, VALUE_KINDS, new_values
from store.lexical import tokens

_NOT_KNOWN = re.compile(r"\b(?:kendes|vides)\s+(?:endnu\s+)?ikke\b|\b(?:er|var|bliver)\s+(?:endnu\s+)?ikke\s+"
                        r"(?:kendt|opgjort|fastlagt|afklaret)|uafklaret|"
                        r"ikke muligt at (?:opgøre|vurdere|beregne)", re.I)
_DEFERRED = re.compile(r"(?:sendt|sendes|oversendt|henvist)\s+til\s+skriftlig\s+besvarelse|besvares\s+skriftligt|"
                       r"(?:vil blive|bliver)\s+besvaret\s+skriftligt", re.I)  # the answer is given outside the minutes
_ASKS_ANSWER = re.compile(r"\bsvar(?:ede|et|er)?\b|\bansw|\brepl", re.I)


_OUTCOME = re.compile(r"\b(?:vandt|vundet|won|viste|showed|resulterede|resulted|blev (?:valgt|udpeget|tildelt)|"
                      r"was (?:chosen|selected|awarded|appointed)|fik (?:tildelt|kontrakten|opgaven)|"
                      r"(?:blev|was|were) (?:\w+ )?(?:bygget|built|opført|indviet|inaugurated|completed)|"
                      r"åbnede|opened|sat op|put up|konkluderede|concluded?)\b", re.I)
_TO_COME = re.compile(r"\b(?:kommende|forestående|vil blive|forventes|planlægges|planlagt|gennemføres|igangsættes|"
                      r"påbegyndes|skal undersøges|skulle undersøges|undersøges|upcoming|will be|is expected|planned|"
                      r"to be (?:examined|investigated|studied))\b", re.I)


def still_to_come(quote_text: str, question: str) -> bool:
    """The question asks for an outcome ("which firm won the tender?", "what did the survey show?") and the
    quote speaks of it only as still to come ("det kommende udbud", "resultaterne forventes i juni"), naming
    no outcome: the minutes do not have the answer yet."""
    return bool(_OUTCOME.search(question) and _TO_COME.search(quote_text) and not _OUTCOME.search(quote_text))


def states_unknown(quote_text: str, kind: str, question: str) -> bool:
    """A quoted passage about what a value question asks says the value is not known (yet) and states none:
    "Udgifterne til selve kystbeskyttelsen kendes endnu ikke." answers "what will the coast protection cost?"
    honestly, by not giving a figure (even beside a figure for something else)."""
    if _ASKS_ANSWER.search(question) and _DEFERRED.search(quote_text):
        return True
    if still_to_come(quote_text, question):
        return True  # "what did the council answer?" - "the question was sent for a written answer"
    if kind not in VALUE_KINDS or not _NOT_KNOWN.search(quote_text):
        return False
    asked = content_terms(set(tokens(expand(question) if language(question) == "en" else question)))
    for part in quote_text.split(JOIN):
        toks = set(tokens(part))
        about = any(match(t, toks, prefixes(toks)) for t in asked)
        if _NOT_KNOWN.search(part) and about and not new_values(kind, part, question):
            return True
    return False


# kinds whose absence from the best passage makes the answer "the item does not state ...". Names of people are
# not checked: "who" is as often a body, a role or an organisation (calibration sets: checking persons refused
# six answerable questions)
NOT_STATED = {"amount": ("an amount", "et beløb"), "percent": ("a share", "en andel"),
              "count": ("a number", "et antal"), "measure": ("a measure", "et mål"), "date": ("a date", "en dato"),
              "company": ("a firm", "et firma"), "explanation": ("a reason", "en begrundelse"),
              "name": ("a name", "et navn"), "address": ("an address", "en adresse")}
_NUMERIC = FIGURE_KINDS - {"date"}
# a fraction is a small numerator over a small denominator ("2/3", "1/10"): not a school year ("2026/27", "23/24")
# or a case number ("25/11873")
_FRACTION = re.compile(r"\b(?:halvdel\w*|(?:en |to )?(?:tredjedel|fjerdedel|femtedel)\w*|"
                       r"(?<![\d/.-])[1-9]/(?:[2-9]|1[0-2])(?![\d/])|"
                       r"half|(?:one |two )?(?:third|quarter|fifth)s?)\b", re.I)
_ASKS_WHEN = re.compile(r"^\W*(?:hvornår|when|by when|inden hvornår|what date|which date|hvilken dato)\b|"
                        r"\bfrist(?:en)?\b|\bdeadline\b", re.I)


_BARE_YEAR = re.compile(r"(?:19|20)\d{2}")
_TIME_YEAR = re.compile(r"\b(?:i|in|af|of|fra|til|inden|senest|primo|medio|ultimo|from|until|by|before|after|"
                        r"efter|før|forår|efterår|sommer|vinter|spring|autumn|summer|winter)(?:et|en)?\s+"
                        r"((?:19|20)\d{2})\b", re.I)


def _time_years(text: str) -> set[str]:
    return {m.group(1) for m in _TIME_YEAR.finditer(text)}


def lacks_value(quote_text: str, kind: str, question: str) -> bool:
    """The best evidence the item holds for a one-part value question ("which firm ...?", "how much ...?")
    states no value of that kind the question does not already say: the item is about the topic but does
    not answer it. (Evidence selection already prefers a passage holding such a value, so none does.)
    Figures count for every numeric kind ("how large a part" may be answered by a share or an amount);
    a date only when the question opens by asking when ("who was absent when ..." asks for names)."""
    if kind not in NOT_STATED or len(clauses(question)) > 1:
        return False
    if kind == "date" and not _ASKS_WHEN.search(question):
        return False
    if kind == "explanation":
        given = party_reason(question, quote_text)
        if given is not None:
            return not given
        if restated_reason(quote_text, question):
            return True
    parts = quote_text.split(JOIN)
    org = _ASKS_MEMBER.search(question) if kind == "name" else None
    if org and org.group(1)[:1].isupper():
        # "who from COWI ...?" of "Jesper Koziara ..., begge fra KLAR Forsyning A/S": not COWI's people
        parts = [s for p in parts for s in sentences(p) if mentions(s, org.group(1))]
    return not any(holds_value(kind, part, question) for part in parts)


# a question for a person's name: "Hvad hedder den nye leder?", "Who is the alderman for health?"
_ASKS_NAME = re.compile(r"\bhvad (?:hedder|hed)\b|\bnavnet på\b|\bthe name of\b|"
                        r"\bwhat(?:'s| is| was) (?:his|her|their) name|"
                        r"^\W*(?:hvem|who)\b.{0,60}\b(?:formand\w*|næstformand\w*|borgmester\w*|rådmand\w*|"
                        r"leder(?:en)?|direktør\w*|chef(?:en)?|chair\w*|mayor|alderman|leader|head|director|principal|"
                        r"sagsbehandler\w*|kontaktperson\w*|projektleder\w*|case (?:officer|worker|handler)|"
                        r"contact person|project manager)\b",
                        re.I)


def asked_kind(kind: str, question: str) -> str:
    """The kind of value whose absence is checked: a question opening "why" ("Why could the Social Democrats not
    support ...?") asks for a reason whatever else it names (a vote, a decision); one asking what a person in a
    role is called asks for a name, which a quote naming only the role does not give."""
    if kind not in NOT_STATED and WHY.search(question):
        return "explanation"
    if _ASKS_NAME.search(question) and len(clauses(question)) == 1:
        return "name"
    if kind == "person" and _ASKS_MEMBER.search(question) and not ASKS_VOTE.search(question) \
            and len(clauses(question)) == 1:
        return "name"  # "Hvem fra COWI fremlagde analyserne?": a person of the firm, not the firm
    return kind


# "who from COWI ...?", "hvem i udvalget var inhabil?": one of an organisation's people, named by name
_ASKS_MEMBER = re.compile(r"^\W*(?:hvem|who)\s+(?:fra|i|hos|from|at|in|on|of)\s+(?:the\s+)?([\wæøåÆØÅ-]+)", re.I)


_UNIT_ASKED = re.compile(r"\b(?:hvor mange|how many)\s+(?:tons?|tonnes?|kg|kilo\w*|liter|litres?|kubikmeter\w*|m3|m³|"
                         r"kvadratmeter\w*|m2|m²|hektar\w*|hectares?|meter|metres?|meters?|km|kilomet\w*)\b", re.I)


# a length asked ("hvor lang bliver broen?", "how wide is the path?"), not a time ("hvor lang tid", "how long did it
# take") and answered by a length only
_LENGTH_ASKED = re.compile(r"\bhvor (?:lang|langt|bred|høj|dyb)\b(?! tid)|"
                           r"\bhow (?:long|wide|high|tall|deep|far)\b(?!.{0,40}\b(?:take|took|last|lasted|time)\b)|"
                           r"\b(?:længde|bredde|højde|length|width|height)\b", re.I)
_LENGTH = re.compile(r"\d[\d.,]*\s*(?:m|meter|km|cm|kilometer)\b(?!/)|"
                     r"\b(?:en|to|tre|fire|fem|seks|syv|otte|ni|ti|halv|halvanden)\s+(?:meter|kilometer)\b", re.I)


_SPAN = re.compile(r"\d[\d.,]*\s*(?:uger?|måneder?|dage?|døgn|år|timer|weeks?|months?|days?|years?)\b|"
                   r"\b(?:en|et|to|tre|fire|fem|seks|syv|otte|ni|ti|tolv)\s+(?:uger?|måneder?|dage?|år)\b|"
                   r"\binden\b|\bsenest\b|\bfrist", re.I)


# a time of day asked ("until what time", "hvad tid", "klokken hvad") and said ("kl. 22", "kl. 8.30", "21:00")
_ASKS_CLOCK = re.compile(r"\bwhat time\b|\bhvad tid\b|\bklokken hvad\b|\bhvilket klokkeslæt\b|\bwhat hour\b", re.I)
_CLOCK_SAID = re.compile(r"\bkl\.?\s*\d{1,2}(?:[.:]\d{2})?\b|\b\d{1,2}[:.]\d{2}\s*(?:am|pm)?\b|\b\d{1,2}\s*(?:am|pm)\b",
                         re.I)


def clock_answered(question: str, text: str) -> bool:
    """The question asks a time of day and ``text`` says one it does not already give."""
    return _ASKS_CLOCK.search(question) is not None and any(c not in question for c in _CLOCK_SAID.findall(text))


def holds_value(kind: str, text: str, known: str) -> bool:
    """Does ``text`` hold an answer of ``kind`` that ``known`` (the question) does not already state? For the
    numeric kinds any new figure or fraction counts: "how large a part of the grant" is answered by "25 procent".
    A year alone answers "when" only as a time ("i 2027", "inden 2026"), not inside a name ("Kommuneplan 2025")."""
    if kind == "date":
        times = _time_years(text)
        if clock_answered(known, text):
            return True  # "until what time is the clinic open?" is answered by "til kl. 22"
        return any(not _BARE_YEAR.fullmatch(v) or v in times for v in new_values(kind, text, known))
    if kind == "name":  # a person's name the question does not already give ("Greve Kommune" is none)
        return bool(new_values("person", text, known))
    if kind not in _NUMERIC:
        return bool(new_values(kind, text, known))
    if kind == "measure" and _LENGTH_ASKED.search(known):  # "hvor lang bliver broen?": a length, not "10 tons"
        # a period or deadline is what "hvor lang blev høringsperioden?" asks: a length of time counts too
        return any(v not in known for v in _LENGTH.findall(text)) or _SPAN.search(text) is not None
    if kind == "measure" and _UNIT_ASKED.search(known):  # "how many tonnes": a figure with a unit, not "to af"
        return bool(new_values("measure", text, known))
    # a sum of money is answered by an amount, a share or a fraction, not by a count of something else ("30
    # courses a year" does not say how much was granted)
    kinds = _NUMERIC - {"count", "measure"} if kind == "amount" and " | " not in text else _NUMERIC  # a table row's
    # figures carry their unit in the table's header; a sum of money counts nothing ("How many bids?" of "det laveste
    # tilbud er på 21,9 mio. kr.")
    if kind == "count" and " | " not in text:
        kinds, text = kinds - {"amount"}, MONEY.sub(" ", text)
    return any(new_values(k, text, known) for k in kinds) or _FRACTION.search(text) is not None


ASKS_VOTE = re.compile(r"\bstem(?:te|me|mer|ning)\w*|afstemning|\bvot(?:e|ed|es|ing)\b", re.I)  # not "tog imod"
VOTE_RECORD = re.compile(r"\bstemte\b|\bstemmer (?:for|imod)\b|\bundlod\b|afstemning|enstemmig|\bflertal|"
                         r"\bmindretal|kunne ikke tiltræde|\bvoted\b|unanimous", re.I)  # a vote the minutes record
COUNTS = re.compile(r"\bhvor mange\b|\bhow many\b|\bantal(?:let)?\b|\bnumber of\b|\bvote (?:count|tally)|"
                    r"\bstemmetal(?:let)?\b", re.I)
# how the votes fell: the parties answer it, and a decision taken without a vote has none to give
_SPLIT = re.compile(r"\bvote split|\bstemmefordeling(?:en)?\b|\bhow (?:was|were) the votes\b|"
                    r"\bhvordan (?:faldt|fordelte) (?:afstemningen|stemmerne)|\bhvordan stemte\b|"
                    r"\bhow did\b.{0,60}\bvote\b", re.I)


def asks_vote_count(question: str) -> bool:
    """"Hvor mange stemte imod?", "how many members voted against?": a number of votes is asked."""
    return COUNTS.search(question) is not None and ASKS_VOTE.search(question) is not None


_WHO_VOTED = re.compile(r"^\W*(?:hvem|who|which (?:members|parties|party)|hvilke(?:t)? (?:medlemmer|partier|parti))\b"
                        r".{0,40}\b(?:stemte|voted)\b", re.I)


def unrecorded_vote(item_text: str, kind: str, question: str, votes_recorded: bool) -> bool:
    """"Who voted against ...?" of an item whose text records no vote at all (no "stemte", no "enstemmigt"):
    no one is recorded voting; the question takes a split vote for granted."""
    return (kind == "vote" and _WHO_VOTED.search(question) is not None and not votes_recorded
            and VOTE_RECORD.search(item_text) is None)


def no_vote_count(quote_text: str, kind: str, question: str, votes_recorded: bool) -> bool:
    """"How many voted for?" of a decision taken without a recorded vote (and a quote that records none):
    there is no count to give."""
    return (kind == "vote" and (COUNTS.search(question) is not None or _SPLIT.search(question) is not None)
            and ASKS_VOTE.search(question) is not None and not votes_recorded
            and VOTE_RECORD.search(quote_text) is None)



# the noun a value question names its value by ("hvornår er ansøgningsfristen?"), per kind; English through Danish
_VALUE_NOUNS = {
    "date": ("frist", "tidspunkt", "dato", "deadline"),
    "amount": ("pris", "udgift", "omkostning", "beløb", "cost", "price"),
    "count": ("antal",),
    "company": ("leverandør", "entreprenør", "operatør", "rådgiver", "contractor", "supplier", "operator"),
}
_DANISH_NOUN = {"deadline": "frist", "cost": "udgift", "price": "pris", "contractor": "entreprenør",
                "supplier": "leverandør", "operator": "operatør"}
# "Fristen for at søge ... fastlægges af Børn og Unge": the value is to be set later, by someone else
_LATER = re.compile(r"\b(?:fastlægges|fastsættes|afklares|aftales|besluttes|udmeldes|meldes ud|afgøres)\b|"
                    r"\b(?:to be|will be) (?:decided|determined|set|agreed|announced)\b", re.I)


def _value_noun(question: str, kind: str) -> str | None:
    for word in re.findall(r"[\wæøåÆØÅ]+", question.lower()):
        for noun in _VALUE_NOUNS.get(kind, ()):
            if noun in word:
                return _DANISH_NOUN.get(noun, noun)
    return None


def left_open(item_text: str, quote_text: str, kind: str, question: str) -> str | None:
    """The sentence of the item saying the value asked for is still to be set ("Fristen ... fastlægges af Børn
    og Unge") when the question names that value ("ansøgningsfristen") and no quoted passage naming it states
    one: the honest answer is that sentence, not a date found elsewhere in the item. Else None."""
    noun = _value_noun(question, kind)
    if noun is None:
        return None
    if any(noun in part.lower() and holds_value(kind, part, question) for part in quote_text.split(JOIN)):
        return None
    for sentence in sentences(item_text):
        low = sentence.lower()
        if noun in low and (_LATER.search(sentence) or _NOT_KNOWN.search(sentence)) \
                and not holds_value(kind, sentence, question):
            return sentence
    return None


# "Fik kommunerne tilskud fra Statens Kystpulje?" asks whether money was received from a source the question names;
# minutes that only decide to apply to that source do not say
_ASKS_RECEIVED = re.compile(r"^\W*(?:fik|modtog|har .{0,60}\b(?:fået|modtaget)|did .{0,60}\b(?:receive|get|obtain)|"
                            r"(?:was|were|has|have) .{0,60}\b(?:received|granted|awarded|given))\b", re.I)
_FUNDS = re.compile(r"tilskud|støtte|midler|penge|bevilling|grant|fund|subsid|support|money", re.I)
_SOURCE = re.compile(r"\b(?:fra|from)\s+((?:[A-ZÆØÅ][\wæøå-]+\s*){1,4})")
_APPLIES = re.compile(r"\bansøg\w*|\bsøge[rs]? om\b|\bsøgt om\b|\bappl(?:y|ied|ication)", re.I)
_RECEIVED = re.compile(r"\btilsagn\w*|\bmodtag(?:et|e|er)\b|\bmodtog\b|\bfået\b|\bfik\b|\btildelt\w*|"
                       r"\bbevilg\w*|\bgranted\b|\bawarded\b|\breceived\b", re.I)


def only_applied(item_text: str, question: str) -> str | None:
    """The sentence recording an application to the source a yes/no question names ("fik kommunerne tilskud fra
    Statens Kystpulje?") when no sentence naming that source says anything was received or granted: the minutes
    record the application, not its outcome."""
    source = _SOURCE.search(question)
    if not _ASKS_RECEIVED.search(question) or not _FUNDS.search(question) or source is None:
        return None
    name = source.group(1).split()[-1]  # "Statens Kystpulje" -> "Kystpulje"
    about = [s for s in sentences(item_text) if re.search(rf"\b{re.escape(name[:max(4, len(name) - 2)])}", s, re.I)]
    if any(_RECEIVED.search(s) for s in about):
        return None  # "kommunen har fået tilsagn fra puljen": the item does say
    asked = set(tokens(question))
    return max((s for s in about if _APPLIES.search(s)), key=lambda s: len(asked & set(tokens(s))), default=None)
