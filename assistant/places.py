"""A passage about another place than the one asked: "hvor mange meter bolværk skred ud i Vesterø havn?" of an
item titled "Østerby Havn - akut skade på bolværk", "hvornår kan man flytte ind i plejeboligerne i Jyderup?" of
"48 plejeboliger i Tølløse med forventet indflytning i 2028".

The item may name the asked place elsewhere (the fishing boats moved to Vesterø Havn); what matters is that the
passage quoted, with the item's title, names a place of the same kind (the same head noun, or the same noun and
preposition before it) and never the asked one. A pure function of question, quote and title.
"""

from __future__ import annotations

import re

from assistant.salient import mentions, plain_name, salient_names
from core.model import fold

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
    return None
