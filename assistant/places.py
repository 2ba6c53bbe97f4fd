"""A passage about another place than the one asked: "hvor mange meter bolværk skred ud i Vesterø havn?" of an
item titled "Østerby Havn - akut skade på bolværk", "hvornår kan man flytte ind i plejeboligerne i Jyderup?" of
"48 plejeboliger i Tølløse med forventet indflytning i 2028".

The item may name the asked place elsewhere (the fishing boats moved to Vesterø Havn); what matters is that the
passage quoted, with the item's title, names a place of the same kind (the same head noun, or the same noun and
preposition before it) and never the asked one. A pure function of question, quote and title.
"""

from __future__ import annotations

import re

from assistant.query import language
from assistant.salient import mentions, plain_name, salient_names
from core.model import fold
from store.lexical import tokens

_NAME = r"[A-ZÆØÅ][a-zæøåé]+(?:-[A-ZÆØÅ]?[a-zæøåé]+)?"
_PREPOSITIONS = ("i", "på", "ved", "in", "at")
# words that follow a name without being the kind of place it is ("Vesterø og ...", "Jyderup i 2028")
_NOT_HEADS = {"og", "and", "or", "eller", "i", "in", "på", "ved", "til", "for", "med", "fra", "at", "of", "the",
              "er", "is", "was", "var", "kommune", "kommunes", "municipality", "by"}


def _key(word: str) -> str:
    """A noun's stem for comparison: "havn", "havnen" and "Havn" agree; so do "plejeboliger" and "plejeboligerne"."""
    return fold(word)[:5]


def _asked_slots(question: str, name: str) -> tuple[set[str], set[tuple[str, str]]]:
    """The head nouns after ``name`` ("Vesterø havn": {"havn"}) and the (noun, preposition) pairs before it
    ("plejeboliger i Jyderup": {("plejeb", "i")})."""
    esc = re.escape(name)
    heads = {_key(m.group(1)) for m in re.finditer(rf"\b{esc}\s+([a-zæøåA-ZÆØÅ]{{4,}})", question)
             if m.group(1).lower() not in _NOT_HEADS}
    before = {(_key(m.group(1)), m.group(2).lower())
              for m in re.finditer(rf"\b([a-zæøå]{{5,}})\s+({'|'.join(_PREPOSITIONS)})\s+{esc}\b", question, re.I)}
    return heads, before


def _other(found: str, question: str) -> bool:
    """A place's name the question does not give, and no town, month or body (``salient.plain_name``)."""
    return plain_name(found) and not mentions(question, found)


# a lower-case word this common in Danish is no place's name ("den store hede", "de nye boliger"); place names sit
# lower (Rømø 3.2, Blokhus 3.6 on wordfreq's Zipf scale; store 5.9, kommunale 4.3)
_NAME_ZIPF = 4.0


# what a lower-case name is the place of ("gimsing hede", "stranden på rømø", "skolen i bording"): other nouns after a
# rare word are no sign of a place ("emergency renovation", "cykelbro mellem")
_PLACE_NOUNS = {_key(w) for w in ("hede", "heden", "strand", "stranden", "havn", "havnen", "skov", "skoven", "sø",
                                  "søen", "mose", "mosen", "fjord", "bugt", "klint", "bakke", "eng", "engen", "skole",
                                  "skolen", "hal", "hallen", "svømmehal", "svømmehallen", "bibliotek", "biblioteket",
                                  "station", "stationen", "kirke", "kirken", "plads", "pladsen", "torv", "torvet")}


def _typed_names(question: str, text: str) -> list[str]:
    """Words typed in lower case that may be a place's name ("parkering på stranden på rømø", "gimsing hede"):
    rare in Danish, not in the passage or title, and no misspelling of a word there."""
    from difflib import get_close_matches

    from wordfreq import zipf_frequency  # its lists load on first use, not at import

    seen = {fold(w) for w in tokens(text)}
    out = []
    for m in re.finditer(r"(?<![\w-])([a-zæøå]{4,})(?![\w-])", question):
        word = m.group(1)
        low = fold(word)
        if low in seen or word in _NOT_HEADS or not plain_name(word.capitalize()):
            continue
        if zipf_frequency(word, "da") >= _NAME_ZIPF or get_close_matches(low, seen, n=1, cutoff=0.8):
            continue
        out.append(word)
    return out


def _typed_slots(question: str, word: str) -> tuple[set[str], set[str]]:
    """Head nouns after a typed name ("gimsing hede": {"hede"}) and nouns before it with any place preposition
    ("stranden på rømø": {"stran"}): "på Rømø" and "i Blokhus" are the same slot."""
    esc = re.escape(word)
    heads = {_key(m.group(1)) for m in re.finditer(rf"\b{esc}\s+([a-zæøå]{{2,}})", question)}
    before = {_key(m.group(1)) for m in re.finditer(
        rf"\b([a-zæøå]{{2,}})\s+(?:{'|'.join(_PREPOSITIONS)})\s+{esc}\b", question)}
    return heads & _PLACE_NOUNS, before & _PLACE_NOUNS


def _typed_place(question: str, text: str) -> tuple[str, str] | None:
    """A place typed in lower case that the passage never names, where it names another of the same kind."""
    if language(question) == "en":  # English words are rare in Danish without being names
        return None
    for word in _typed_names(question, text):
        heads, before = _typed_slots(question, word)
        for m in re.finditer(rf"\b({_NAME})\s+([A-Za-zæøåÆØÅ]{{4,}})", text):
            if _key(m.group(2)) in heads and _other(m.group(1), question):
                return word, f"{m.group(1)} {m.group(2)}"
        for m in re.finditer(rf"\b([a-zæøå]{{5,}})\s+(?:{'|'.join(_PREPOSITIONS)})\s+({_NAME})\b", text):
            if _key(m.group(1)) in before and _other(m.group(2), question):
                return word, m.group(2)
    return None


def other_place(question: str, quote: str, title: str) -> tuple[str, str] | None:
    """(asked place, place the passage is about) when the quote and title never name a salient place of the
    question but name another of the same kind; else None."""
    text = f"{title}\n{quote}"
    for name in salient_names(question):
        if mentions(text, name):
            continue
        heads, before = _asked_slots(question, name)
        for m in re.finditer(rf"\b({_NAME})\s+([A-Za-zæøåÆØÅ]{{4,}})", text):
            if _key(m.group(2)) in heads and _other(m.group(1), question):
                return name, f"{m.group(1)} {m.group(2)}"
        for m in re.finditer(rf"\b([a-zæøå]{{5,}})\s+({'|'.join(_PREPOSITIONS)})\s+({_NAME})\b", text):
            if (_key(m.group(1)), m.group(2)) in before and _other(m.group(3), question):
                return name, m.group(3)
    return _typed_place(question, text)
