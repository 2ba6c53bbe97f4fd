"""Numbered and dated parts a question may name: "etape 4", "lokalplan 1221", "2. kvartal", "1. behandling",
"skoleåret 2026/27", "budget 2024". An item that names other parts of that kind, never the asked one, is about
another part: its answer is not this one's."""

from __future__ import annotations

import re

from assistant.quotes import sentences

# a numbered part of a plan, project or route: "etape 4", "4. etape", "stage 4", "lokalplan 1221", "tillæg 9",
# "linje 224"; English designators through their Danish word
_DA_DESIGNATION = re.compile(r"\b\w*?(etape|fase|lokalplan|tillæg|delområde|linje|rute)(?:rne|erne|r|n|en)?\s+"
                             r"(?:nr\.\s*)?(\d+(?:\.\d+)?)\b|\b(\d+)\.\s*(etape|fase|kvartal|behandling)(?:en)?\b",
                             re.I)
# more numbers of the same kind after the first: "buslinjerne 224 og 225", "etape 2, 3 og 4" (not an amount: "og 3,5
# mio. kr.", and only numbers as long as the first)
_MORE = re.compile(r"(?:\s*,\s*|\s+(?:og|eller|and|or)\s+)(\d+(?:\.\d+)?)\b(?![,.]\d)(?!\s*(?:mio|mia|kr|pct|%))",
                   re.I)
# also a quarter and a reading: "2. kvartal 2023", "1. behandlingen", "the second quarter", "first reading"
_EN_DESIGNATION = re.compile(r"\b(stage|phase|local plan|addendum|supplement|sub-area|line|route)s?\s+(?:no\.\s*)?"
                             r"(\d+(?:\.\d+)?)\b|\b(\d+)(?:st|nd|rd|th)\s+(stage|phase|quarter|reading)\b", re.I)
_DESIGNATOR_DA = {"stage": "etape", "phase": "fase", "local plan": "lokalplan", "addendum": "tillæg",
                  "supplement": "tillæg", "sub-area": "delområde", "line": "linje", "route": "rute",
                  "quarter": "kvartal", "reading": "behandling", "behandlingen": "behandling"}


_ORDINALS = {w: str(n) for n, words in enumerate((
    ("første", "first"), ("anden", "andet", "second"), ("tredje", "third"), ("fjerde", "fourth"),
    ("femte", "fifth"), ("sjette", "sixth"), ("syvende", "seventh"), ("ottende", "eighth")), 1) for w in words}
# an ordinal written out: "tredje etape", "the second phase"
_WORDED = re.compile(rf"\b({'|'.join(_ORDINALS)})\s+(etape|fase|stage|phase|kvartal|quarter|behandling|reading)"
                     rf"(?:en)?\b", re.I)


def designations(text: str) -> set[tuple[str, str]]:
    """(Danish designator, number) pairs ``text`` names: {("etape", "4"), ("lokalplan", "1221")}; an ordinal
    written out counts as its number ("tredje etape": ("etape", "3"))."""
    out = set()
    for pattern in (_DA_DESIGNATION, _EN_DESIGNATION):
        for m in pattern.finditer(text):
            word, number = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
            word = _DESIGNATOR_DA.get(word.lower(), word.lower())
            out.add((word, number))
            if m.group(2):  # "linjerne 224 og 225": each number named
                end = m.end()
                digits = len(number.split(".")[0])  # a sibling is written alike: "1221 og 40 boliger" is no plan 40
                while (more := _MORE.match(text, end)) and len(more.group(1).split(".")[0]) == digits:
                    out.add((word, more.group(1)))
                    end = more.end()
    for m in _WORDED.finditer(text):
        word = m.group(2).lower()
        out.add((_DESIGNATOR_DA.get(word, word), _ORDINALS[m.group(1).lower()]))
    # a quarter with its year ("4. kvartal 2024"): a period of its own, told from the same quarter of another year
    out |= {(_QUARTER_OF_YEAR, f"{m.group(1)}. kvartal {m.group(2)}") for m in _QUARTER_YEAR.finditer(text)}
    return out


_QUARTER_YEAR = re.compile(r"\b([1-4])\.\s*kvartal(?:et)?\s+((?:19|20)\d{2})\b", re.I)
_QUARTER_OF_YEAR = "kvartal i året"


# a period a plan, budget, account or school year is named for: "skoleåret 2026/27", "sæsonen 2024-25", "Budget
# 2025-2028", "regnskab 2023", "the 2024 budget", "school year 2026/27". A span of years covers each year in it (a
# budget for 2025-2028 is a budget for 2026); a school year or season is one period, named by its two years
_PERIOD_DA = re.compile(r"\b(budget|regnskab|årsregnskab|skoleår|sæson)\w*\s+(?:for\s+)?((?:19|20)\d\d)"
                        r"(?:\s*[-/–]\s*((?:19|20)?\d\d))?\b", re.I)
_PERIOD_EN = re.compile(r"\b((?:19|20)\d\d)(?:\s*[-/–]\s*((?:19|20)?\d\d))?\s+(budget|accounts|school year|season)\b|"
                        r"\b(budget|accounts|school year|season)\s+(?:for\s+)?((?:19|20)\d\d)"
                        r"(?:\s*[-/–]\s*((?:19|20)?\d\d))?\b", re.I)
_PERIOD_WORD = {"årsregnskab": "regnskab", "accounts": "regnskab", "school year": "skoleår", "season": "sæson"}
_SPANS = {"skoleår", "sæson"}  # named by the pair of years ("2025/26"), not each year


def _periods(word: str, start: str, end: str | None) -> set[tuple[str, str]]:
    word = _PERIOD_WORD.get(word.lower(), word.lower())
    last = None if end is None else int(start[:2] + end[-2:]) if len(end) == 2 else int(end)
    if word in _SPANS:
        return {(word, f"{start}/{str(last)[-2:]}" if last else start)}
    if last is None or not 0 < last - int(start) <= 10:
        return {(word, start)}
    return {(word, str(y)) for y in range(int(start), last + 1)}


def periods(text: str) -> set[tuple[str, str]]:
    """(Danish period word, period) pairs ``text`` names: {("budget", "2025"), ..., ("skoleår", "2026/27")}."""
    out = set()
    for m in _PERIOD_DA.finditer(text):
        out |= _periods(m.group(1), m.group(2), m.group(3))
    for m in _PERIOD_EN.finditer(text):
        out |= _periods(m.group(3), m.group(1), m.group(2)) if m.group(3) else _periods(m.group(4), m.group(5),
                                                                                         m.group(6))
    return out


def other_designation(item_text: str, question: str) -> tuple[str, str] | None:
    """("etape 4", "etape 3") when the question names a numbered part the item never names while the item names
    other parts of that kind: the item is about another stage, plan or route. Else None."""
    have = designations(item_text) | periods(item_text)
    for word, number in sorted(designations(question) | periods(question)):
        numbers = sorted({n for w, n in have if w == word})
        if numbers and number not in numbers:
            if word == _QUARTER_OF_YEAR:  # "4. kvartal 2024", not "kvartal i året 4. kvartal 2024"
                return number, ", ".join(numbers[:3])
            return f"{word} {number}", ", ".join(f"{word} {n}" for n in numbers[:3])
    return None


def names_any(text: str, question: str) -> bool:
    """``text`` names a numbered part or period of a kind the question names ("etape 3" for "etape 4")."""
    words = {w for w, _ in designations(question) | periods(question)}
    return any(w in words for w, _ in designations(text) | periods(text))


# a rank below the top: "det næsthøjeste bud", "the second-highest bid", "tredjestørste"; English through Danish
_SUPERLATIVES = {"highest": "højeste", "lowest": "laveste", "largest": "største", "biggest": "største",
                 "smallest": "mindste", "best": "bedste", "cheapest": "billigste"}
_DA_SUPER = "højeste|laveste|største|mindste|bedste|billigste|dyreste"
_LOWER_RANK = re.compile(rf"\b(næst|anden|tredje)\s*-?\s*({_DA_SUPER})\b|"
                         rf"\b(second|third)[- ]({'|'.join(_SUPERLATIVES)})\b", re.I)


def other_rank(question: str, quote: str, item_text: str) -> tuple[str, str, str | None] | None:
    """("næsthøjeste", "højeste", sentence) when the question asks a rank below the top ("who placed the
    second-highest bid?") and the quote gives the top one ("Det højeste bud er på 3.150.000 kr."): the top is not
    the answer. ``sentence`` is the item's own sentence on the asked rank, or None when it names none. Else None."""
    m = _LOWER_RANK.search(question)
    if m is None:
        return None
    word = (m.group(2) or _SUPERLATIVES[m.group(4).lower()]).lower()
    rank = {"anden": "næst", "second": "næst", "third": "tredje"}.get((m.group(1) or m.group(3)).lower(), "næst")
    asked = re.compile(rf"\b(?:{rank}|anden|second|third)\s*-?\s*{word}", re.I)
    if asked.search(quote) or not re.search(rf"(?<![\wæøå-]){word}\b", quote, re.I):
        return None
    own = next((s for s in sentences(item_text) if asked.search(s)), None)
    return f"{rank}{word}", word, own
