"""A part of a sum the item never splits out: "How much of the 6.3 million overspend is due to special education?",
"Hvor meget af pengene gik til vejene?". The item may state the whole; the answer needs an amount said of the part,
in a sentence naming it. A pure function of question and item text."""

from __future__ import annotations

import re

from assistant.glossary import expand
from assistant.query import language
from assistant.quotes import MONEY, SENTENCE_BREAK
from core.municipalities import ALL_MUNICIPALITIES
from store.lexical import tokens

_TOWNS = {w for m in ALL_MUNICIPALITIES for w in m.split()}  # "i Hvidovre" places the part, names no part of it

_ASKS = re.compile(r"^\W*(?:how much of|hvor (?:meget|mange penge|stor en del) af)\s+(?P<whole>.+?)\s+"
                   r"(?P<verb>is due to|was due to|is spent on|was spent on|went to|goes to|gik til|går til|"
                   r"blev brugt på|bruges på|skyldes|skyldtes|vedrører|vedrørte|concerned|concerns|"
                   r"kom fra|kommer fra|stammer fra|stammede fra|came from|comes from|"
                   r"(?:blev |bliver )?overført til|overføres til|(?:was|is|were) transferred to|"
                   r"is|was|are|were)\s+"
                   r"(?P<part>[^?]+)", re.I)


def asked_part(question: str) -> tuple[str, list[str]] | None:
    """The part of a sum the question asks about and the Danish stems it is written with; None when the question
    asks no part, or an English part the glossary cannot put in Danish."""
    m = _ASKS.search(question)
    if m is None:
        return None
    part = m.group("part").strip()
    if language(question) == "en":
        danish = expand(part)[len(part):]  # the glossary's Danish words for the part, phrases included
        names = " ".join(re.findall(r"\b[A-ZÆØÅ][\wæøå-]+", part))  # a name is written alike ("Rigshospitalet")
        stems = tokens(f"{danish} {names}")
    else:
        stems = [t for w in re.findall(r"[^\W\d]{4,}", part) if w not in _TOWNS for t in tokens(w)[:1]]
    return (part, stems) if stems else None


def part_untold(question: str, item_text: str) -> str | None:
    """The part asked about when no sentence of the item states an amount beside a word for it; else None."""
    asked = asked_part(question)
    if asked is None:
        return None
    part, stems = asked
    for sentence in SENTENCE_BREAK.split(item_text):
        if not (MONEY.search(sentence) or " | " in sentence and re.search(r"\d", sentence)):
            continue  # a table row's figures carry their unit in the header
        said = tokens(sentence)
        if any(t.startswith(s[:5]) or s in t for s in stems for t in said):
            return None
    return part


# "Hvad koster den ene af de to baner?", "what does each pitch cost?": the price of one of several, which a total
# for them all does not give; an item stating one says "pr. bane", "hver", "each" or "á"
_ASKS_UNIT = re.compile(r"\b(?:den|det) ene af (?:de )?(?:to|tre|fire|fem|\d+)\b|\bhver (?:af|enkelt|eneste)\b|"
                        r"\beach (?:of the|one|single)\b|\bone of the (?:two|three|four|five|\d+)\b|\bapiece\b", re.I)
_COST = re.compile(r"kost|\bcost|\bpris|\bprice|\bbeløb|\bhvor meget\b|\bhow much\b|udgift", re.I)
_UNIT_STATED = re.compile(r"\bpr\.\s*(?!år\b|måned\b|md\b|uge\b)[a-zæøå]+|\bper\s+(?!år\b|year\b|month\b)[a-zæøå]+|"
                          r"\bhver\b|\bstk\b|\bá\b|\beach\b|\bstykket\b|\bstykpris", re.I)


def unit_untold(question: str, item_text: str) -> bool:
    """The question asks what one of several costs and no sentence of the item states an amount per unit."""
    if not (_ASKS_UNIT.search(question) and _COST.search(question)):
        return False
    return not any((MONEY.search(s) or " | " in s) and _UNIT_STATED.search(s) for s in SENTENCE_BREAK.split(item_text))


# "Hvor meget koster den nye idrætssal på Løsning Skole alene?": the price of one thing apart from what it is built
# with, which a sum for the whole project does not give
_ALONE = re.compile(r"^\W*(?:hvad|hvor meget)\s+(?:koster|kostede)\s+(?P<thing>[^?]+?)\s+"
                    r"(?:alene|for sig|i sig selv)\b", re.I)
_LEAD = {"den", "det", "de", "nye", "ny", "nyt", "samlede", "hele", "koste", "kostet", "selve"}
# a sum for several things together ("22,5 mio. kr. inklusive rådgivning", "i alt", "samlet") is none of theirs
_TOGETHER = re.compile(r"\bsamle\w*|\bi alt\b|\btilsammen\b|\binklusi\w*|\binkl\b|\bherunder\b|\bog\b", re.I)


def alone_untold(question: str, item_text: str) -> str | None:
    """The thing whose own price is asked ("X alene") when no sentence of the item states an amount beside it that
    is not a sum for several things; else None."""
    m = _ALONE.search(question)
    if m is None:
        return None
    words = [w for w in re.findall(r"[^\W\d]+", m.group("thing")) if w.lower() not in _LEAD]
    if not words or len(words[0]) < 4 or words[0][:1].isupper():
        return None  # the thing is not named by a noun of its own
    head = tokens(words[0])[:1]
    if not head:
        return None
    for sentence in SENTENCE_BREAK.split(item_text):
        if MONEY.search(sentence) and any(t.startswith(head[0][:5]) for t in tokens(sentence)) \
                and not _TOGETHER.search(sentence):
            return None
    return words[0].lower()
