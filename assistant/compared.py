"""A comparison with an earlier period ("var der flere børn med i 2024 end året før?", "was it more than last
year?") that the item cannot settle: it gives this period's figure but neither the other period nor a change.
A pure function of question and item text."""

from __future__ import annotations

import re

from assistant.quotes import SENTENCE_BREAK
from assistant.terms import question_terms
from store.lexical import tokens

_YEAR = r"(?:19|20)\d{2}"
# the earlier period a question compares with: "end året før", "than last year", "compared with 2023"
_ASKS = re.compile(
    rf"\b(?:flere|færre|mere|mindre|højere|lavere|større|billigere|dyrere|længere|kortere)\b[^?]{{0,80}}?\bend\s+"
    rf"(?:(?:i\s+)?(?:året før|sidste år|i fjor|forrige år|tidligere år|året inden|sidst|tidligere|{_YEAR}))|"
    rf"\b(?:more|fewer|less|higher|lower|larger|bigger|cheaper|greater|longer|shorter)\b[^?]{{0,80}}?\bthan\s+"
    rf"(?:(?:in\s+)?(?:the (?:year|time) before|last year|the previous year|the year prior|before|previously|{_YEAR}))|"
    rf"\bcompared (?:to|with) (?:last year|the (?:previous|prior) year|the year before|{_YEAR})|"
    rf"\b(?:i forhold til|sammenlignet med) (?:sidste år|året før|forrige år|tidligere år|{_YEAR})\b|"
    rf"\b(?:steget|faldet|stigning|fald|increased|decreased|gone (?:up|down)) (?:siden|since) (?:sidste år|{_YEAR}|"
    rf"last year)", re.I)
# a sentence that states a change or another period's figure
_CHANGE = re.compile(r"\b(?:stig\w*|steg|steget|fald\w*|faldt|øge\w*|øgning|reduc\w*|nedgang|fremgang|tilbagegang|"
                     r"flere end|færre end|mere end|mindre end|sammenlign\w*|i forhold til|end sidste år|"
                     r"sidste år|året før|sidste års|forrige år|tidligere år|i fjor|increase\w*|decrease\w*|"
                     r"compared|last year|previous year)\b", re.I)


def asks_comparison(question: str) -> bool:
    return _ASKS.search(question) is not None


def comparison_unstated(question: str, item_text: str, meeting_date: str = "") -> bool:
    """The question compares with an earlier period and no sentence of the item that shares a term with the
    question states a change or names another year than the one asked about (the question's, else the meeting's:
    "større end sidste år" asked of a 2025 meeting is not told by "besparelse ... i budget 2025")."""
    if not asks_comparison(question):
        return False
    asked_years = set(re.findall(rf"\b{_YEAR}\b", question)) or ({meeting_date[:4]} if meeting_date else set())
    terms = question_terms(question)
    for sentence in SENTENCE_BREAK.split(item_text):
        said = set(tokens(sentence))
        if not terms & said:
            continue
        other_year = set(re.findall(rf"\b{_YEAR}\b", sentence)) - asked_years
        if _CHANGE.search(sentence) or other_year:
            return False
    return True
