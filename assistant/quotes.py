"""Pick verbatim quotes from an item's text: the decision, the vote, the absentees, the sentence that answers."""

from __future__ import annotations

import re

from ingest.lexical import tokens
from ingest.model import AgendaItem

MAX_QUOTE = 700
_MONEY = re.compile(r"\d[\d.,]*\s*(?:kr\.?|kroner|mio\.?|million|mia\.?)|kr\.\s*\d", re.I)
_ABSENT = re.compile(r"fravær|afbud|deltog ikke|inhabil", re.I)


def sentences(text: str) -> list[str]:
    """Verbatim sentences/lines of ``text`` (every one is a substring of it)."""
    out: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        parts = re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅ0-9\"“])", line)
        out += [p.strip() for p in parts if len(p.strip()) > 2]
    return out


def _clip(text: str, limit: int = MAX_QUOTE) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit]
    stop = max(cut.rfind(". "), cut.rfind("\n"))
    return cut[: stop + 1].rstrip() if stop > limit // 3 else cut.rsplit(" ", 1)[0]


def decision_quote(item: AgendaItem) -> str | None:
    """All decisions as printed in the item text, from the first heading to the last text."""
    if not item.decisions:
        return None
    text, pos, first = item.text, 0, -1
    for dec in item.decisions:
        when = f" den {dec.date.strftime('%d-%m-%Y')}" if dec.date else ""
        pos = text.find(f"Beslutning i {dec.body}{when}", pos)
        if pos < 0:
            return None
        first = pos if first < 0 else first
        pos = text.find(dec.text, pos) + len(dec.text) if dec.text else pos
    end = pos
    if end <= first:
        return None
    whole = text[first:end].strip()
    if len(whole) <= MAX_QUOTE:
        return whole
    own = item.decisions[-1]
    start = text.rfind(f"Beslutning i {own.body}", first, end)
    return _clip(text[start:end].strip()) if start >= 0 else _clip(whole)


def vote_quote(item: AgendaItem) -> str | None:
    for dec in item.decisions:
        if dec.votes:
            return _clip(dec.text)
    return None


def absent_quote(item: AgendaItem) -> str | None:
    lines = item.text.split("\n")
    for k, line in enumerate(lines):
        if _ABSENT.search(line):
            nxt = next((x for x in lines[k + 1:k + 3] if x.strip()), "")
            if line.rstrip().endswith(":") and nxt:
                start = item.text.find(line)
                return _clip(item.text[start:item.text.find(nxt, start) + len(nxt)])
            return _clip(line)
    return None


_DATE = re.compile(r"\b\d{1,2}\.?\s*(?:-\s*\d{1,2}\.\s*)?(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-zæøå]*|"
                   r"\b\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|\b(?:19|20)\d{2}\b|\bkl\.\s*\d", re.I)
_NAME = re.compile(r"\b[A-ZÆØÅ][a-zæøåé]+(?: [A-ZÆØÅ][a-zæøåé]+){1,3}\b")
_NUMBER = re.compile(r"\d")
_HOW_MANY = re.compile(r"hvor mange|how many|antal|number of|hvor stor|how large|how big", re.I)


def best_sentence(item: AgendaItem, question: str, intent: str = "fact", focus: str = "") -> str | None:
    """The sentence that answers: question terms (title terms count less), plus what the intent asks for."""
    q = set(tokens(question))
    title = set(tokens(item.title))
    best: str | None = None
    best_score = 0.0
    for sent in sentences(item.text)[1:]:
        if len(sent) < 12:
            continue
        st = set(tokens(sent))
        score = float(len((q - title) & st)) + 0.3 * len(q & title & st)
        if intent == "money" and _MONEY.search(sent):
            score += 2.5
        if intent == "date" and _DATE.search(sent):
            score += 2.0
        if intent == "who" and _NAME.search(sent):
            score += 1.0
        if _HOW_MANY.search(question) and _NUMBER.search(sent):
            score += 1.5
        if focus and sent in focus:
            score += 0.75
        score -= len(sent) / 2000
        if score > best_score:
            best, best_score = sent, score
    return _clip(best) if best else None


def quote_for(item: AgendaItem, intent: str, question: str, focus: str = "") -> str:
    if intent == "vote":
        found = vote_quote(item) or decision_quote(item)
    elif intent == "absent":
        found = absent_quote(item) or decision_quote(item)
    elif intent in {"who", "date", "fact", "money"}:
        found = best_sentence(item, question, intent, focus) or decision_quote(item)
    else:
        found = decision_quote(item) or best_sentence(item, question, intent, focus)
    return found or _clip(item.text.split("\n\n")[0])
