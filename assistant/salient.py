"""Salient names in a question (proper nouns, acronyms, quoted phrases) and whether an item mentions them.

A question about "City Metro" or "Kongeruten" is not answered by an item that never names it, however
close its topic: the answerer refuses and says which name no stored minutes mention.
"""

from __future__ import annotations

import re

from core import parties
from core.dates import MONTHS
from core.model import fold
from core.municipalities import ALL_MUNICIPALITIES, MUNICIPALITY_WORDS, QUESTION_ALIASES, REGIONS

_WORD = re.compile(r"[A-Za-zÆØÅæøåÉéÜü][\w\-ÆØÅæøåÉéÜü]*")
# a quoted phrase; a single quote opens one only at a word's start ("Ballerup's" and "councillors'" are possessives)
_QUOTED = re.compile(r"[\"“”«»]([^\"“”«»]{3,60})[\"“”«»]|(?<!\w)'([^'\"“”«»]{3,60})'(?!\w)")
_QUARTER = re.compile(r"[QK][1-4]|H[12]")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n)$")
_CIVIC_WORDS = {
    "byråd", "byrådet", "byrådets", "kommune", "kommunes", "kommunen", "region", "regionsrådet", "udvalg",
    "udvalget", "udvalgets", "city", "council", "municipality", "committee", "mayor", "borgmester", "i", "the",
    "dkk", "kr", "mio", "danish", "denmark", "danmark", "punkt", "item", "agenda", "minutes", "referat",
    "dagsorden", "formand", "chair", "english", "monday", "tuesday", "wednesday", "thursday", "friday",
    "mandag", "tirsdag", "onsdag", "torsdag", "fredag",
    # the councils' and standing committees' usual short forms ("KB-medlemmerne", "ØU", "BR"): the body, no name
    "kb", "kmb", "br", "øu", "fu", "mb",
} | MUNICIPALITY_WORDS
_CIVIC = {fold(w) for w in _CIVIC_WORDS}
_BODY_ENDINGS = ("udvalg", "udvalget", "udvalgets", "raad", "raadet", "raadets", "komite", "bestyrelse")
_PLACES = ({fold(m) for m in ALL_MUNICIPALITIES} | {fold(w) for r in REGIONS for w in r.split()}
           | {fold(a) for a in QUESTION_ALIASES})  # "Elsinore", "Copenhagen": the municipality, named in English


_NAMED_AFTER = re.compile(r"[ \t]+([A-ZÆØÅ][a-zæøå][\wæøå-]*)")


def plain_name(word: str) -> bool:
    """A capitalised word that names a thing, not a body, a civic word, a month or another town."""
    low = fold(word)
    return not (low in _CIVIC or low.endswith(_BODY_ENDINGS) or low in MONTHS or low in _PLACES)


def town_places(question: str) -> list[str]:
    """Places named after their town ("Skive Svømmehal", "Køge Bugt"): the town and the capitalised word after it.
    The town may be a possessive ("Lejres Plan- og Teknikudvalg") or a word of a name the minutes write otherwise,
    so these only prefer the item naming them; they refuse nothing."""
    out = []
    for m in _WORD.finditer(question):
        low = fold(m.group(0))
        after = _NAMED_AFTER.match(question, m.end())
        if low in _PLACES and after and plain_name(after.group(1)) and not after.group(1).endswith("-"):
            out.append(f"{m.group(0)} {after.group(1)}")
    return out


def salient_names(question: str, ignore: set[str] | None = None) -> list[str]:
    """Capitalised words not at a sentence start, acronyms, and quoted phrases' words, minus place,
    month and civic words (and ``ignore``: e.g. the committee's own words)."""
    skip = {fold(w) for w in (ignore or set())}
    out: list[str] = []
    spans = []
    for name, _letter, start, end in parties.party_names(question):  # "Dansk Folkeparti" is one name, not two
        out.append(name)
        spans.append((start, end))
    for m in _WORD.finditer(question):
        if any(a <= m.start() < b for a, b in spans):
            continue
        word = m.group(0).removesuffix("'s").rstrip("-")
        head = word.split("-")[0]
        if len(head) >= 2 and head.isupper() and head != word:
            word = head  # "KMD-systemerne": the name is KMD; the inflected compound may be written apart
        elif head != word and len(head) >= 3 and word.split("-")[-1].islower():
            word = head  # "Cabi-forløbet": the name is Cabi ("Cabi understøtter udviklingsforløbet")
        if _QUARTER.fullmatch(word):
            continue  # "Q2 2024" is a period, not a name
        acronym = len(word) >= 2 and word.isupper()
        if not (word[:1].isupper() and (acronym or not _SENTENCE_START.search(question[: m.start()]))):
            continue
        key = fold(word).removesuffix("s") if not acronym else fold(word)
        low = fold(word)
        if (low in _CIVIC or low.endswith(_BODY_ENDINGS) or low in MONTHS
                or low in _PLACES or key in _PLACES or low in skip or len(word) < 3 and not acronym):
            continue
        out.append(word)
    for m in _QUOTED.finditer(question):
        phrase = m.group(1) or m.group(2)
        out += [w for w in _WORD.findall(phrase) if len(w) >= 4 and fold(w) not in skip and w not in out]
    return list(dict.fromkeys(out))


_DEMONYM = ("ian", "ians", "ean", "eans", "ese", "ish")


# a first-person opening that frames the question ("Jeg skriver en artikel om kulturstøtte i Storkøbenhavn - hvor
# meget fik ...?", "I sit on the council. When ...?"): who asks and why, not what is asked
_FRAMING = re.compile(r"^\W*(?:jeg|vi|(?-i:I)(?=\s+(?-i:[a-z]))|I'm|I am|I've|we|we're|as an?)\b"
                      r"[^?]*?(?:\s[-–—]\s|[.:;!]\s+)(?=\S)", re.I)
_ASKING = re.compile(r"\?|^\W*(?:hvad|hvem|hvor|hvornår|hvorfor|hvordan|hvilke\w*|what|who|where|when|why|how|which)\b",
                     re.I)


def asked_part(question: str) -> str:
    """The question without a first-person opening that frames it, when a question follows; else the question."""
    m = _FRAMING.match(question)
    if m is None:
        return question
    rest = question[m.end():]
    return rest if _ASKING.search(rest) else question


def mentions(text: str, name: str) -> bool:
    """Does ``text`` name ``name``: a folded prefix match tolerant of Danish inflection (Movia/Movias)."""
    key = fold(name)
    # Ukrainian ~ ukrainske, Movias ~ Movia; a long name keeps all but an inflection's letters, so a compound's
    # first half is not its name ("Svømmeklubben" is not in "svømmehallen")
    # an English people's name (its Danish form ends otherwise: ukrainske) or a hyphenated compound (its tail
    # inflected or written apart: "Broderist-udstillingen" ~ "Broderist udstilling")
    loose = key.endswith(_DEMONYM) or "-" in key
    stem = key[: max(4, min(6, len(key) - 2), 0 if loose else len(key) - 3)] if len(key) > 5 else key
    return re.search(rf"(?<![a-z0-9]){re.escape(stem)}", fold(text)) is not None


def item_text(municipality: str, committee: str, title: str, text: str) -> str:
    """What an item names a salient name by: its meeting's town and committee (also by the committee's initials,
    "KTM" for Klima-, Teknik- og Miljøudvalget), its title and its text."""
    from assistant.bodies import acronyms

    # the committees the item names in its text (the case history: "Klima-, Teknik- og Miljøudvalget besluttede")
    # are named by their initials too ("KTM")
    named = {c for m in _COMMITTEE_IN_TEXT.finditer(text) for c in acronyms(m.group(0))}
    short = " ".join(sorted(acronyms(committee) | named))
    return f"{municipality} {committee} {short} {title}\n{text}"


_COMMITTEE_IN_TEXT = re.compile(r"(?:\b[A-ZÆØÅ][a-zæøå]+-,?\s+)*(?:og\s+)?\b[A-ZÆØÅ][a-zæøå]*udvalg\w*")


def missing(text: str, names: list[str]) -> list[str]:
    """The names ``text`` does not mention. An English word that is a civic term ("Health Council") counts
    as mentioned when one of its Danish glossary words is ("sundhed")."""
    from assistant.glossary import GLOSSARY

    out = []
    for name in names:
        if mentions(text, name) or parties.mentions(text, name):  # "Enhedslisten" is printed "Ø" in a vote
            continue
        danish = GLOSSARY.get(name.lower(), "").split()
        if danish and any(mentions(text, d) for d in danish):
            continue
        out.append(name)
    return out
