"""Trap questions whose answer a close item does not hold (session 7, dev7): which option was chosen when the
decision chose none, a person's words in the debate, another numbered stage or plan than the item's, and the
price of one named thing where the item's amounts are a total or another's. Each a pure function of the
question and the item's text; the answerer (assistant/answer.py) refuses with the item cited.
"""

from __future__ import annotations

import re

from assistant import initialisms
from assistant.quotes import SENTENCE_BREAK, sentences
from assistant.salient import mentions
from assistant.terms import question_terms
from assistant.value_kinds import KIND_PATTERNS
from core import parties
from core.dates import find_dates
from core.model import Decision, fold
from store.lexical import tokens

# "Which bridge model did the council pick?": a choice among options, which only a decision makes
_CHOICE = re.compile(r"^\W*(?:hvilke[nt]?|which|what)\b.{0,120}\b(?:valgte|vælge|valgt|besluttede sig for|landede på|"
                     r"gik videre med|chose|chosen|choose|pick(?:ed)?|select(?:ed)?|opted|settled on|went with)\b",
                     re.I)


def asks_choice(question: str) -> bool:
    """The question asks which option a body chose ("Hvilken model valgte byrådet?")."""
    return _CHOICE.search(question) is not None


# "bliver Aarhus udpeget som testkommune?", "Will the school close?": whether something will happen, which a
# decision settles only when it approves or rejects it
_FORECAST = re.compile(r"^\W*(?:bliver|vil|kommer)\s+(?!(?:det|der)\s+(?:besluttet|vedtaget|godkendt))\w+|^\W*will\b",
                       re.I)


def asks_forecast(question: str) -> bool:
    """A yes/no question about whether something will happen ("bliver X udpeget ...?", "will X ...?")."""
    return _FORECAST.search(question) is not None


# "Blev Aarhus udpeget som testkommune?", "Was the site chosen?": whether a designation or choice was made, which a
# decision that sends the proposal on or postpones it does not settle
_SETTLED = re.compile(r"^\W*(?:blev|er|var|har|was|were|has|have|did)\b.{0,80}\b(?:udpeget|udnævnt|udvalgt|valgt|"
                      r"designated?|selected|select|chosen|choose|appointed|appoint|named)\b", re.I)


def asks_settled(question: str) -> bool:
    """A yes/no question about whether a designation or choice was made ("Blev Aarhus udpeget ...?")."""
    return _SETTLED.search(question) is not None


def forecast_year_untold(question: str, item_text: str) -> str | None:
    """"Kommer Greve til at hæve skatten i 2027?": the year asked about when no sentence of the item names it
    beside a term of the question (a budget for 2026-29 and a party wishing to raise the tax do not say what
    happens in 2027); None when the question is no forecast about a year, or a sentence tells it."""
    years = re.findall(r"\b(?:19|20)\d{2}\b", question)
    if not years or not asks_forecast(question):
        return None
    terms = question_terms(question)
    for sentence in SENTENCE_BREAK.split(item_text):
        if all(y in sentence for y in years) and terms & set(tokens(sentence)):
            return None
    return years[0]


# "Hvad sagde Liselott Blixt i debatten?", "What did the mayor argue?": a person's words, which minutes record only
# as a remark to the record ("med bemærkning", "ønskede ført til protokol") or a reported statement
_SPEAKER = re.compile(r"\b(?:hvad (?:sagde|mente|argumenterede|udtalte|fremhævede)|what did)\s+(?P<who>"
                      r"(?-i:[A-ZÆØÅ][\wæøåé-]+(?:\s+[A-ZÆØÅ][\wæøåé-]+)+)|(?:the |den nye )?(?:borgmester(?:en)?|"
                      r"formand(?:en)?|rådmand(?:en)?|direktør(?:en)?|mayor|chair(?:man|woman)?|alderman|director))"
                      r"(?:'s)?\s+(?P<rest>.*)", re.I)
_SPEECH_VERB = re.compile(r"\b(?:say|said|argue|argued|state|claim|mean|think|tell)\b", re.I)
_SAID = re.compile(r"udtal\w*|\bsagde\b|bemærk\w*|tilkendegav|gav udtryk for|\boplyste\b|fremhæv\w*|argumenter\w*|"
                   r"\bmente\b|protokol\w*|redegjorde|fremlagde|\bfortalte\b|pointerede|understregede|påpegede|"
                   r"\bindlæg\w*|\btale\b", re.I)
_ROLE_STEM = {"mayor": "borgmester", "chair": "formand", "chairman": "formand", "chairwoman": "formand",
              "alderman": "rådmand", "director": "direktør"}


def unrecorded_speech(item_text: str, question: str) -> str | None:
    """Who the question asks the words of, when no sentence of the item reports that person saying anything:
    minutes record decisions and remarks to the record, not the debate. Else None (a body's view, "hvad sagde
    udvalget?", is its decision and is not judged here)."""
    m = _SPEAKER.search(question)
    if m is None or evidence_generic(m.group("who")):
        return None
    if m.group(0).lower().startswith("what did") and not _SPEECH_VERB.search(m.group("rest")):
        return None  # "what did Anne Holm vote?" is no question about words
    who = m.group("who")
    word = re.sub(r"^(?:the|den nye)\s+", "", who, flags=re.I).split()[-1].lower()
    stem = _ROLE_STEM.get(word, word)[:7]
    reported = [s for s in sentences(item_text) if stem in s.lower() and _SAID.search(s)]
    return None if reported else who


def evidence_generic(name: str) -> bool:
    """A body or a municipality, not a person ("Greve Byråd", "Teknisk Udvalg")."""
    return re.search(r"kommune|region|byråd|udvalg|forvaltning|administration|municipality|council|committee|"
                     r"magistrat", name, re.I) is not None


_WINDOW = 1  # sentences either side of an amount that may name its thing ("Havnebadet blev indviet. Det kostede ...");
# calibration: 2 let "Karlslunde" two sentences from a budget total count as its price
_PAIRED = re.compile(r"\b([A-ZÆØÅ][\wæøå]+) (?:og|&|and) ([A-ZÆØÅ][\wæøå]+)\b")
_BODY_BEFORE = re.compile(r"(?:afdeling\w*|forvaltning\w*|magistrat\w*|center|centret)\s+(?:for\s+)?$", re.I)


def amount_elsewhere(item_text: str, title: str, kind: str, question: str, names: list[str]) -> str | None:
    """The name a money question asks about ("How much did Supercykelsti Tilst cost?") when the item names it
    among other things but no sentence stating an amount, nor the two around it, does: the item's amounts are
    for something else (a total, another project). A name in the item's title is what the whole item is about,
    and one inside a department's name ("Magistratsafdelingen for Teknik og Miljø") is no thing with a price.
    ``names``: the question's salient names. Else None."""
    if kind != "amount":
        return None
    if any(mentions(title, n) for n in names):
        return None  # "Hvad koster LED-belysningen i Snedsted?" of the item on Snedsted's lighting: its subject
    said = sentences(item_text)
    paired = {w for m in _PAIRED.finditer(question) for w in (m.group(1), m.group(2))}  # "Teknik og Miljø": a unit
    named = [n for n in names if not parties.letter_of(n) and n not in paired and any(mentions(s, n) for s in said)
             and not _in_body_name(item_text, n)]
    if not named:
        return None
    money, near = KIND_PATTERNS["amount"], _WINDOW
    valued = [k for k, sentence in enumerate(said)  # a table row's figure carries its unit in the table's header
              if (money.search(sentence) or " | " in sentence and re.search(r"\d", sentence))
              and not _TOTAL.search(sentence)]

    def priced(name: str) -> bool:
        return any(mentions(" ".join(said[max(0, k - near):k + near + 1]), name) for k in valued)

    # "Hvor meget fik Hundige Boldklub fra Idrætspuljen?": the pool's own sum is no answer for the club; each name
    # the question writes as one ("Hundige Boldklub") must be near an amount, not only one of them
    groups = _grouped(question, named)
    unpriced = [group for group in groups if not any(priced(n) for n in group)]
    if len(unpriced) < len(groups) and not any(len(g) > 1 for g in unpriced):
        return None
    if unpriced:
        named = unpriced[0]
    starts = [question.find(n) for n in named]
    ends = [s + len(n) for s, n in zip(starts, named, strict=True)]
    if min(starts) >= 0 and max(ends) - min(starts) <= 40:  # "Cykelsti Nordvej": the name as the question writes it
        return question[min(starts):max(ends)]
    return named[0]


def _grouped(question: str, names: list[str]) -> list[list[str]]:
    """The names in groups the question writes together ("Hundige Boldklub", "Supercykelsti Tilst")."""
    groups: list[list[str]] = []
    last_end = -2
    for name in sorted(names, key=lambda n: question.find(n)):
        start = question.find(name)
        if groups and start >= 0 and question[last_end:start].strip() == "":
            groups[-1].append(name)
        else:
            groups.append([name])
        last_end = start + len(name) if start >= 0 else -2
    return groups


# an amount for several things together ("Samlet set ... 48,3 mio. kr. til de fire projekter") is none of theirs
_TOTAL = re.compile(r"\bsamlet set\b|\btilsammen\b|\bsammenlagt\b|^\W*i alt\b|"
                    r"\b(?:de|disse) (?:\w+ )?(?:projekter|anlæg|sager|initiativer|puljer)\b|\bin total\b|"
                    r"\baltogether\b|\ball (?:\w+ )?projects\b", re.I)


def _in_body_name(text: str, name: str) -> bool:
    """Does ``text`` name ``name`` only inside a department's name ("Magistratsafdelingen for Teknik og Miljø")?"""
    spots = [m.start() for m in re.finditer(re.escape(name), text, re.I)]
    return bool(spots) and all(_BODY_BEFORE.search(text[max(0, k - 60):k]) for k in spots)


# "hvad kostede udvalgsturen til Kofoedsminde?": the thing whose price is asked, right after the verb
_PRICED = re.compile(r"\b(?:hvad|hvor meget)\s+(?:har\s+|vil\s+|skal\s+)?(?:kostede|koster|kostet|koste)\s+"
                     r"(?:den\s+|det\s+|de\s+)?(?:nye\s+|samlede\s+|hele\s+|endelige\s+)?([a-zæøå-]{5,})\b", re.I)


# "hvad koster det at parkere ved stationen?": the thing priced is the doing, found by the verb's stem ("parker" of
# "parkering", "parkeringsafgift"); a stem shorter than five letters ("bygg") says too little
_PRICED_DOING = re.compile(r"\b(?:hvad|hvor meget)\s+(?:har\s+|vil\s+|skal\s+)?(?:kostede|koster|kostet|koste)\s+det\s+"
                           r"(?:\w+\s+)?at\s+([a-zæøå]{5,}e)\b", re.I)


_NOT_A_THING = set("samlet samlede ekstra årligt totalt egentlig ialt cirka omkring mindst højst allerede stadig "
                   "fortsat også endnu kommunen borgerne".split())


def priced_absent(question: str, item_text: str) -> str | None:
    """The thing a Danish price question names ("udvalgsturen") when the item found never mentions it (in any
    of the forms the topic check accepts): the item's amounts are another thing's. Else None."""
    from assistant import topics  # topics imports nothing of traps; kept local to keep the import graph flat

    doing = _PRICED_DOING.search(question)
    if doing is not None:
        verb = doing.group(1).lower()
        return None if fold(verb[:-1]) in fold(item_text) else verb
    m = _PRICED.search(question)
    if m is None or not m.group(1).islower() or m.group(1) in _NOT_A_THING:
        return None  # "Tårnbys plan": a name; "hvad koster det samlet?": an adverb, the thing is the topic's
    noun = m.group(1)
    forms = topics.forms(noun, "da")
    text = fold(item_text)
    if not forms or any(all(p in text for p in parts) for parts in forms):
        return None
    # "skolefritidsordningen" of an item on "Takster for SFO": named, abbreviated
    return None if initialisms.written_as_initials(noun, [item_text]) else noun


_HOW_VOTED = re.compile(r"\b(?:hvordan|hvad) stemte\b|\bstemte\b.{0,60}\b(?:for|imod)\b|\bhow did\b.{0,60}\bvote\b|"
                        r"\bdid\b.{0,60}\bvote\b|\bvoted?\b.{0,20}\b(?:for|against)\b", re.I)


def absent_voter(question: str, absentees: list[str]) -> str | None:
    """The absentee ("Pia Juhl (C)") whose vote a question asks ("Hvordan stemte Pia Juhl om ...?"): a member
    absent from the meeting cast no vote there. None when the question asks no one's vote or no absentee."""
    if not _HOW_VOTED.search(question):
        return None
    low = question.lower()
    for person in absentees:
        words = re.findall(r"[A-Za-zÆØÅæøåÉéÜü-]{2,}", re.sub(r"\([^)]*\)", " ", person))
        if len(words) >= 2 and all(re.search(rf"\b{re.escape(w.lower())}\b", low) for w in (words[0], words[-1])):
            return person
    return None



# "Fra hvornår skal skolerne være lagt sammen?", "when will the hall open?": a date still to come
_FUTURE = re.compile(r"\b(?:skal|vil|bliver|kommer\s+\w+\s+til at|forventes|regner\s+\w+\s+med|will|shall|is expected|"
                     r"are expected|is going to|are going to|is planned|are planned)\b", re.I)
_PAST_ASKED = re.compile(r"\b(?:blev|var|skete|fik|holdt|besluttede|was|were|did|had)\b", re.I)


def past_dates_only(question: str, quote: str, meeting_date: str) -> bool:
    """A question asking when something is still to happen, of a quote whose every date lies before the meeting
    (the date of an earlier decision or hearing, "besluttede den 15. januar 2024"): the date asked is not stated."""
    if not meeting_date or not _FUTURE.search(question) or _PAST_ASKED.search(question):
        return False
    found = find_dates(quote)
    later_years = [y for y in re.findall(r"\b20\d\d\b", quote) if y > meeting_date[:4]]  # "i 2026": still to come
    if not found or later_years or any(d.isoformat() >= meeting_date for _, d in found):
        return False
    # a date right after a word of the question dates the thing asked about ("På byrådsseminariet den 14. marts"),
    # whatever the meeting's date
    asked = question_terms(question)
    for start, _ in found:
        before = set(tokens(quote[max(0, start - 40):start]))
        if any(t in before or len(t) >= 6 and any(b.startswith(t[:6]) for b in before) for t in asked):
            return False
    return True


# a number as printed ("6,9", "2.700.000", "25"); a year or a date is no figure of the kind asked
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")
_YEAR = re.compile(r"(?:19|20)\d\d")
# a figure asked by the noun it is known by ("hvad var landsgennemsnittet?", "what was the average?")
_FIGURE_NOUN = re.compile(r"gennemsnit|\baverage|\bmean\b|\bniveau|\blevel\b|\brate\b|\bsats\b", re.I)
_FIGURES_ASKED = frozenset({"amount", "percent", "count", "measure"})
# a figure written as a word ("seks klager") is a figure the question does not give
_NUMBER_WORD = re.compile(r"\b(?:to|tre|fire|fem|seks|syv|otte|ni|ti|elleve|tolv|tretten|fjorten|femten|tyve|"
                          r"tredive|fyrre|halvtreds|hundrede|tusind|halvdelen|en tredjedel|en fjerdedel|"
                          r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|hundred|thousand|"
                          r"half)\b", re.I)


def _numbers(text: str) -> set[str]:
    text = re.sub(r"\b\d{1,2}[-./]\d{1,2}[-./]\d{2,4}\b", " ", text)  # a date
    return {n.rstrip(".,") for n in _NUMBER.findall(text) if not _YEAR.fullmatch(n.rstrip(".,"))}


def restated_figure(question: str, quote: str, kind: str) -> str | None:
    """The figure the question itself gives ("Tønders afgangsprøver gav 6,9 i snit - hvad var landsgennemsnittet?")
    when it is the only one the quote states: the quote restates the premise, not the figure asked. Else None."""
    if not re.match(r"^\W*(?:\S+\s+){0,25}?(?:hvad|hvor|what|how)\b", question, re.I) \
            or re.search(r"\b(?:hvilke\w*|which|hvem|who)\b", question, re.I) or _NUMBER_WORD.search(quote):
        return None  # "which hospital gets the largest share of the 100 million?" asks a name
    if kind not in _FIGURES_ASKED and not _FIGURE_NOUN.search(question):
        return None
    said, given = _numbers(quote), _numbers(question)
    return ", ".join(sorted(said)) if said and said <= given else None


# the side a question says a party voted on: "Hvorfor stemte Enhedslisten for ...?", "Why did V vote against ...?"
_AGAINST = re.compile(r"\bimod\b|\bagainst\b|\bopposed?\b|\bnej\b", re.I)
_FOR = re.compile(r"\bstemte\s+(?:[\wÆØÅæøå]+\s+){0,3}?for\b|\bvoted?\s+(?:[\w]+\s+){0,2}?for\b|\bsupport(?:ed)?\b|"
                  r"\bstøttede\b|\bbacked\b|\bvotede? ja\b", re.I)
_BARE = re.compile(r"(?<![\wÆØÅæøå])([A-HJ-ZÆØÅ])(?![\wÆØÅæøå])")


def voted_otherwise(question: str, decisions: list[Decision]) -> tuple[str, str] | None:
    """(party, the side it voted on) when the question has a party vote on one side ("Hvorfor stemte Enhedslisten
    for lokalplanen?") and the recorded vote puts it only on another ("Imod stemte: Ø"); else None."""
    asked = "against" if _AGAINST.search(question) else "for" if _FOR.search(question) else None
    if asked is None:
        return None
    named = {letter: name for name, letter, _, _ in parties.party_names(question)}
    named |= {m.group(1): m.group(1) for m in _BARE.finditer(question) if m.group(1) in parties.PARTIES}
    for letter, name in named.items():
        sides = {v.position for d in decisions for v in d.votes for m in v.members
                 if (parties.letter_of(m.name) or (m.name.strip() if len(m.name.strip()) <= 2 else m.party)) == letter}
        if sides and asked not in sides:
            return name, sorted(sides)[0]
    return None
