"""Whether a quote gives the reason a why-question asks: a party's own reason for its vote ("Imod stemte: Ø,
med bemærkning om ..."), or only the question's own words again ("deltog ikke på grund af inhabilitet" for "Hvorfor
var Per Mose inhabil?"). Pure functions of question and quote, used by ``unanswered.lacks_value``."""

from __future__ import annotations

import re

from assistant.value_kinds import KIND_PATTERNS
from core import parties
from store.lexical import tokens

_CAUSE = re.compile(r"\b(?:på grund af|pga\.?|grundet|fordi|idet|because of|because|due to)\s+([^.;:\n]{2,80})", re.I)


def restated_reason(quote_text: str, question: str) -> bool:
    """Every reason the quote gives only restates the question ("Hvorfor var Per Mose inhabil?" of "deltog ikke
    på grund af inhabilitet"): the cause's words are the question's own, so no reason is given."""
    causes = [m.group(1) for m in _CAUSE.finditer(quote_text)]
    if not causes:
        return False
    asked = [t for t in tokens(question) if len(t) >= 4]

    def said(word: str) -> bool:  # "inhabilitet" restates "inhabil"; "høringsfrist" is not "høringssvaret"
        return any(word.startswith(t) or t.startswith(word) for t in asked)

    return all((words := [t for t in tokens(c) if len(t) >= 4 and not t.isdigit()]) and all(map(said, words))
               for c in causes)


# a cue word, a remark to the record, or a relative clause right after the party ("Imod stemte: Ø, som ønsker færre
# boliger"): the party's own reason
_REASON = re.compile(KIND_PATTERNS["explanation"].pattern + r"|bemærkning|protokol|^\s*,\s*(?:som|der)\s+\w+|"
                     # the party's own stance sentence ("SF ønsker ingen øvre timegrænse i standarden.")
                     r"^\s*(?:ønsker|ønskede|finder|fandt|mener|mente|foreslår|foreslog|henviser|henviste|"
                     r"lægger vægt|lagde vægt|tager forbehold|tog forbehold|wants|wanted|finds|found that|believes)\b",
                     re.I)
_NEXT_VOTE = re.compile(r"\b(?:imod|for|undlod|undlader|against|abstained)\b(?:\s+stemte)?\s*:|\n", re.I)
_BARE_LETTER = re.compile(r"(?<![\wÆØÅæøå])([A-HJ-ZÆØÅ])(?=\s+(?:undlod|stemte|voted|abstained|kunne|imod\b|for\b))")


_AGAINST_ASKED = re.compile(r"\b(?:stemme|stemte|voted?|voting)\s+(?:imod|against)\b|\bimod\b|\bagainst\b", re.I)
_AGAINST_LINE = re.compile(r"\bimod stemte\s*:?\s*([A-ZÆØÅ](?:\s*(?:,|og)\s*[A-ZÆØÅ])*)\b", re.I)


def party_reason(question: str, quote_text: str) -> bool | None:
    """For a why-question about a party's vote ("Hvorfor undlod SF at stemme?"): does the quote give that party's
    reason, a cue word or remark right after the party ("Imod stemte: Ø, med bemærkning om ...")? None when the
    question names no party. Another party's remark in the same decision is no reason for this one."""
    letters = {letter for _, letter, _, _ in parties.party_names(question)}
    letters |= set(_BARE_LETTER.findall(question))
    if not letters and _AGAINST_ASKED.search(question):  # "begrundelsen for at stemme imod": those who did
        letters = {x for m in _AGAINST_LINE.finditer(quote_text) for x in re.findall(r"\b[A-ZÆØÅ]\b", m.group(1))}
    if not letters:
        return None
    low = quote_text.lower()
    for letter in letters:
        starts = [m.end() for m in re.finditer(rf"(?<![\wÆØÅæøå.\-]){re.escape(letter)}(?![\wÆØÅæøå\-.])", quote_text)]
        for name in parties.PARTIES.get(letter, ()):
            starts += [m.end() for m in re.finditer(re.escape(name.lower()[:9]) + r"\w*", low)]
        for start in starts:
            window = quote_text[start:start + 160]
            stop = _NEXT_VOTE.search(window)
            cue = _REASON.search(window[:stop.start()] if stop else window)
            if cue and not _restates_stance(cue.group(0), question):
                return True
    return False


# a stance the question itself names is no reason for it: "Why did V enter a reservation?" of "V tog forbehold"
_STANCES = ((re.compile(r"forbehold", re.I), re.compile(r"forbehold|reservation", re.I)),
            (re.compile(r"foreslå|foreslog", re.I), re.compile(r"foreslå|foreslog|propos", re.I)))


def _restates_stance(cue: str, question: str) -> bool:
    return any(said.search(cue) and asked.search(question) for said, asked in _STANCES)
