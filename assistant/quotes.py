"""Pick verbatim quotes from an item's text: the decision, the vote, the absentees, the sentence that answers."""

from __future__ import annotations

import math
import re

from assistant.terms import content_terms, match, prefixes
from core import vocab
from core.dates import MONTH_STEM
from core.model import AgendaItem, decision_heading
from core.vocab import ABSENT_WORD
from store.lexical import tokens

MAX_QUOTE = 700
MONEY = re.compile(r"\d[\d.,]*\s*(?:kr\.?|kroner|mio\.?|million|mia\.?)|kr\.\s*\d", re.I)


_ABBREV = re.compile(r"(?:\b(?:pr|kr|mio|mia|ca|bl\.a|f\.eks|jf|nr|pkt|kl|d|evt|inkl|ekskl|hhv|vedr|mht|iht|stk|tlf|"
                     r"ang|dvs|mv|osv|m\.fl|ift|st|gl|brdr|matr|afd|adm|sdr|ndr|tidl)\.)$", re.I)


# a name's middle initial ("Aage V. Jensen Naturfond"): no sentence ends after a first name and one letter
_INITIAL = re.compile(r"\b[A-ZÆØÅ][a-zæøå]+ [A-ZÆØÅ]\.$")


# a sentence's end before a capital, or a line break: the plain split the refusal checks share ("kr. Heraf" ends
# one, so an amount stays with its own sentence; ``sentences`` below keeps abbreviations for quoting)
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])|\n")


def sentences(text: str) -> list[str]:
    """Verbatim sentences/lines of ``text`` (every one is a substring of it); abbreviations do not end one."""
    out: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        parts = re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅÉ0-9\"“])", line)
        merged: list[str] = []
        for part in parts:
            if merged and (_ABBREV.search(merged[-1]) or _INITIAL.search(merged[-1])):
                merged[-1] = f"{merged[-1]} {part}"
            else:
                merged.append(part)
        out += [p.strip() for p in merged if len(p.strip()) > 2]
    return [s for s in out if s in text]


def _clip(text: str, limit: int = MAX_QUOTE) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit]
    stop = max(cut.rfind(". "), cut.rfind("\n"))
    return cut[: stop + 1].rstrip() if stop > limit // 3 else cut.rsplit(" ", 1)[0]


def briefing_quote(item: AgendaItem) -> str | None:
    """The briefings of a "Meddelelser" item ("a) Asfaltudbuddet ... b) Midttrafik har varslet ..."): its first section
    of text that is no decision, no attachment list and no bare case number."""
    for sec in item.sections:
        text = sec.text.strip()
        if sec.name != "Bilag" and re.search(r"[a-zæøå]{3,}\s+[a-zæøå]{2,}", text) and not vocab.status_only(text):
            return _clip(text)
    return None


def decision_quote(item: AgendaItem) -> str | None:
    """All decisions as printed in the item text, from the first heading to the last text."""
    if not item.decisions:
        return None
    text, pos, first = item.text, 0, -1
    for dec in item.decisions:
        pos = text.find(dec.label, pos)
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
    start = text.rfind(decision_heading(own.body, None), first, end)
    return _clip(text[start:end].strip()) if start >= 0 else _clip(whole)


def own_decision_quote(item: AgendaItem, meeting_date: str, bodies: set[str] | None = None,
                       every_body: bool = False) -> str | None:
    """This meeting's decision(s) as printed (heading and text), plus those of ``bodies`` (or of every body
    when the question asks about all of them), not the earlier ones a case history repeats."""
    blocks = []
    for dec in item.decisions:
        own = dec.date is None or dec.date.isoformat() == meeting_date
        if not dec.text.strip() or not (own or every_body or dec.body in (bodies or set())):
            continue
        block = dec.block
        if block in item.text:
            blocks.append(_clip(block, MAX_QUOTE // 2 if every_body else MAX_QUOTE))
    return " … ".join(blocks[:4]) if blocks else None


def decision_trail(item: AgendaItem, meeting_date: str, limit: int = 6) -> str | None:
    """How the case went: every body's decision the item prints, in date order (this meeting's last), verbatim."""
    dated = sorted((d.date.isoformat() if d.date else meeting_date, k, d) for k, d in enumerate(item.decisions)
                   if d.text.strip() and d.block in item.text)
    blocks = [_clip(d.block, MAX_QUOTE // 2) for _, _, d in dated][-limit:]
    return " … ".join(blocks) if len(blocks) > 1 else None


def vote_quote(item: AgendaItem) -> str | None:
    for dec in item.decisions:
        if dec.votes:
            return _clip(dec.text)
    return None


def absent_quote(item: AgendaItem) -> str | None:
    lines = item.text.split("\n")
    for k, line in enumerate(lines):
        if ABSENT_WORD.search(line):
            nxt = next((x for x in lines[k + 1:k + 3] if x.strip()), "")
            if line.rstrip().endswith(":") and nxt:
                start = item.text.find(line)
                return _clip(item.text[start:item.text.find(nxt, start) + len(nxt)])
            return _clip(line)
    return None


_DATE = re.compile(r"\b\d{1,2}\.?\s*(?:-\s*\d{1,2}\.\s*)?" + MONTH_STEM + r"|"
                   r"\b\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|\b(?:19|20)\d{2}\b|\bkl\.\s*\d", re.I)
_NAME = re.compile(r"\b[A-ZÆØÅ][a-zæøåé]+(?: [A-ZÆØÅ][a-zæøåé]+){1,3}\b")
_NUMBER = re.compile(r"(?<![\d.,])(?!(?:19|20)\d\d\b)\d[\d.,]*")
_HOW_MANY = re.compile(r"hvor mange|how many|antal|number of|hvor stor|how large|how big", re.I)


def _candidates(item: AgendaItem) -> list[str]:
    """Sentences, plus each decision block (heading with its text) as one passage."""
    skip = headings(item)
    out = [x for x in sentences(item.text)[1:] if x.strip() not in skip]
    for dec in item.decisions:
        block = dec.block
        if block in item.text:
            out.append(block)
    return out


def _with_list(text: str, passage: str) -> str:
    """A passage ending in ':' is followed by its list: take the bullet lines after it too."""
    if not passage.rstrip().endswith(":"):
        return passage
    start = text.find(passage)
    end = start + len(passage)
    for line in text[end:].split("\n")[1:9]:
        if not line.strip():
            end += 1
            continue
        if not re.match(r"^\s*(?:[-–•*]|\d+[.)])\s+", line) and len(line) > 120:
            break
        end += 1 + len(line)
    return text[start:end].rstrip()


def best_sentence(item: AgendaItem, question: str, intent: str = "fact", focus: str = "") -> str | None:
    """The passage that answers: question terms weighted by rarity in the item (title terms count less),
    plus what the intent asks for (an amount, a date, a name, a number)."""
    q = content_terms(set(tokens(question)))
    title = set(tokens(item.title))
    cands = _candidates(item)
    toks = [set(tokens(c)) for c in cands]
    pres = [prefixes(ts) for ts in toks]
    weights = [{t: match(t, ts, pr) for t in q} for ts, pr in zip(toks, pres, strict=True)]
    df = {t: sum(1 for w in weights if w[t]) for t in q}
    best: str | None = None
    best_score = 0.0
    for sent, w in zip(cands, weights, strict=True):
        if len(sent) < 12:
            continue
        score = sum(w[t] * math.log(1 + len(cands) / df[t]) * (0.3 if t in title else 1.0) for t in q if w[t])
        if intent == "money" and MONEY.search(sent):
            score += 3.0
        if intent == "date" and _DATE.search(sent):
            score += 2.0
        if intent == "who" and _NAME.search(sent):
            score += 1.0
        if _HOW_MANY.search(question) and _NUMBER.search(sent):
            score += 2.0
        if focus and sent in focus:
            score += 0.75
        score -= len(sent) / 1500
        if score > best_score:
            best, best_score = sent, score
    return _clip(_with_list(item.text, best)) if best else None


def case_quote(item: AgendaItem) -> str | None:
    line = f"Sagsnr. {item.case_number}" if item.case_number else ""
    return line if line and line in item.text else None


_HEADING = re.compile(r"^(?:Beslutning|Afgørelse)(?:er)?\b[^\n]*$|^Punkt\s+[\d.]+\s*:?", re.I | re.M)


def headings(item: AgendaItem) -> set[str]:
    """Lines of the item text that only name a part of it: section headings, the title, the label line."""
    out = {sec.heading.strip() for sec in item.sections if sec.heading.strip()}
    out |= {item.title, f"{item.label}: {item.title}"}
    return out


_SUB_ITEM_TITLE = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?\s+[^.!?]{1,80}$")  # "2.1 Status siden sidst": a sub-item's
# title, printed where its text would be when the sub-item has none


def has_content(quote: str, item: AgendaItem, committee: str = "", titles: bool = False, case: bool = False) -> bool:
    """A quote says something: more than a decision heading, a section heading, the item's title, a body's name,
    a case number (unless ``case``: the question asks for it) or the titles of empty sub-items (unless ``titles``:
    the question asks which sub-items there are)."""
    parts = [p.strip() for x in quote.split("\n") for p in x.split(" … ")]
    lines = [x for x in parts if x and x not in headings(item) and (titles or not _SUB_ITEM_TITLE.match(x))
             and (titles or not _DOCUMENT_TITLE.fullmatch(x))]
    rest = _HEADING.sub(" ", "\n".join(lines))
    for known in (item.title, committee, *(d.body for d in item.decisions), None if case else item.case_number):
        if known:
            rest = rest.replace(known, " ")
    if not case:
        rest = _CASE_NUMBER.sub(" ", rest)  # "EMN-2025-006675" alone says nothing
    return len(re.findall(r"[A-Za-zÆØÅæøå]{3,}", rest)) >= 1


# the title of an attached document ("Svar vedrørende varmtvandsbassin i Greve Svømmehal", "Bilag 2: Notat om
# trafik"): it names what the document is about, and says none of it
_DOCUMENT_TITLE = re.compile(r"(?:svar|spørgsmål|bilag|notat|høringssvar|brev|henvendelse|redegørelse)\w*\s*(?:\d+\s*)?"
                             r"(?:vedrørende|vedr\.?|angående|ang\.|om|fra|til)\s[^:.!?]{3,100}", re.I)


# a case or document number written with letters ("EMN-2025-006675", "SAG-24-1234", "Sagsnr.: 24/1234")
_CASE_NUMBER = re.compile(r"\b[A-ZÆØÅ]{2,6}-\d{2,4}-\d{3,}\b|\b(?:sagsnr|sags nr|journalnr|j\.\s?nr)\.?:?\s*[\w./-]+",
                          re.I)
# a case or journal number written in digits alone ("21-013649", "27.00.00-A00-1-21", "24/1234")
_NUMBER_ID = re.compile(r"\b\d{2}\.\d{2}\.\d{2}(?:-[A-ZÆØÅ]\d{2}-\d+-\d{2})?\b|\b\d{2}/\d{3,}\b|\b\d{2}-\d{4,}\b")


def identifier_only(text: str) -> bool:
    """The text is only a case or document number ("EMN-2025-010585", "21-013649"): an identifier line printed
    under the title, which names the case and says nothing about it."""
    return not re.search(r"\w", _NUMBER_ID.sub(" ", _CASE_NUMBER.sub(" ", text)))


_PROPOSAL = re.compile(r"indstil|beslutningspunkt|forslag|recommend", re.I)


def proposal_quote(item: AgendaItem) -> str | None:
    """What an agenda (no decision yet) recommends: its Indstilling / Beslutningspunkter section."""
    named = [sec for sec in item.sections if sec.name == "Indstilling" and sec.text.strip()]
    headed = [sec for sec in item.sections if _PROPOSAL.search(sec.heading) and sec.text.strip()]
    for sec in named + headed:  # the recommendation itself before a section merely headed "forslag"
        return _clip(sec.text.strip())
    return None


def opening_quote(item: AgendaItem) -> str | None:
    """What the item is about, as it says itself: the first sentence of prose (with the next) in its case text
    (Resumé, Sagsfremstilling before other sections), for "what is case X about?" when no passage holds the
    question's words. Label lines ("Sagsansvarlig") and status notes are no prose."""
    ordered = sorted((sec for sec in item.sections if sec.name != "Bilag" and not vocab.status_only(sec.text)),
                     key=lambda sec: sec.name not in _CASE_TEXT)
    for sec in ordered:
        text = sec.text
        bounds = [0, *(m.end() for m in SENTENCE_BREAK.finditer(text)), len(text)]
        spans = [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if len(text[a:b].strip()) >= 40
                 and re.search(r"[a-zæøå]{3,}\s+[a-zæøå]{2,}", text[a:b])]
        if spans:
            a, b = spans[0][0], spans[1][1] if len(spans) > 1 and spans[1][0] == spans[0][1] else spans[0][1]
            return _clip(text[a:b].strip())
    return None


_CASE_TEXT = {"Resumé", "Sagsfremstilling", "Sagsbeskrivelse", "Baggrund"}


def quote_for(item: AgendaItem, intent: str, question: str, focus: str = "") -> str:
    if intent == "casenr":
        found = case_quote(item) or decision_quote(item)
    elif intent == "vote":
        found = vote_quote(item) or decision_quote(item)
    elif intent == "absent":
        found = absent_quote(item) or decision_quote(item)
    elif intent in {"who", "date", "fact", "money"}:
        found = best_sentence(item, question, intent, focus) or decision_quote(item)
    else:
        found = decision_quote(item) or best_sentence(item, question, intent, focus)
    return found or _clip(item.text.split("\n\n")[0])
