"""Content terms of a question: stems minus question words, generic civic words and municipality names."""

from __future__ import annotations

from assistant.glossary import expand
from assistant.query import language
from core.municipalities import ALL_MUNICIPALITIES
from store.lexical import tokens

GENERIC = {"beslut", "besluttet", "decid", "decided", "decision", "udvalg", "udvalget", "kommun", "kommune", "mød",
           "mødet", "punkt", "punktet", "sag", "sagen", "ny", "nye", "skete", "what", "when", "who", "which", "many",
           "much", "municipality", "committe", "committee", "meeting", "about", "hvor", "hvordan", "hvilk", "hvilken",
           "hvem", "hvornår", "blev", "der", "item", "agenda", "ifølg"}
MUNI_TOKENS = {t for m in ALL_MUNICIPALITIES for t in [*tokens(m), *tokens(m + "s")]}


def content_terms(question_tokens: set[str]) -> set[str]:
    return {t for t in question_tokens if t not in GENERIC and t not in MUNI_TOKENS
            and (not t.isdigit() or len(t) == 4)}


def question_terms(question: str) -> set[str]:
    """The question's content terms without figures, an English question's with the glossary's Danish words: what a
    sentence of the minutes must share to be about the question."""
    words = expand(question) if language(question) == "en" else question
    return {t for t in content_terms(set(tokens(words))) if not t.isdigit()}


def match(term: str, text_tokens: set[str], prefixes: set[str]) -> float:
    """1 for the same stem, 0.7 for a shared 6-letter prefix (Danish compounds), else 0."""
    if term in text_tokens:
        return 1.0
    return 0.7 if len(term) >= 6 and term[:6] in prefixes else 0.0


def prefixes(text_tokens: set[str]) -> set[str]:
    return {t[:6] for t in text_tokens if len(t) >= 6}


def coverage(question_tokens: set[str], text_tokens: set[str]) -> float:
    """Share of the question's content terms found in the text."""
    content = content_terms(question_tokens)
    if not content:
        return 0.0
    pre = prefixes(text_tokens)
    return sum(1 for t in content if match(t, text_tokens, pre)) / len(content)
