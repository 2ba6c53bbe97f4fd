"""Select the evidence inside a cited item: the one to three verbatim passages that hold what was asked.

An item's text is split into passages (sentences, list entries, table rows), each remembering the
section it came from (Resumé, Indstilling, Økonomi, a decision of this meeting or an earlier one).
A passage scores by the question's terms (weighted by rarity inside the item; title words count
less, since every passage is about the title) and by whether it holds the kind of answer wanted
(an amount, a share, a date, names, ...). Constants are in ``EvidenceConfig`` with their reasons.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from assistant.answer_kind import CUES, SINCE_ASKED
from assistant.glossary import expand
from assistant.query import language
from assistant.quotes import headings, identifier_only, sentences
from assistant.terms import GENERIC, content_terms, match, prefixes
from assistant.value_kinds import (
    FIGURE_KINDS,
    KIND_PATTERNS,
    MANY,
    NUMBER,
    STRICT_KINDS,
    new_values,
)
from core.model import AgendaItem
from core.vocab import ABSENT_LABEL, ABSENT_WORD
from store.lexical import tokens

_LIST_ENTRY = re.compile(r"^\s*(?:[-–•*]|\d{1,2}(?:\.\d{1,2})*[.)]?|[a-h][.)]|At \d+\))\s+")
# "A. Sammenlægning af ...", "B. Lukning af ...": a capital letter marks an entry only inside a list (after a lead-in
# ending in a colon, or after another entry); elsewhere it may be an initial ("H. C. Andersen")
_LETTER_ENTRY = re.compile(r"^\s*([A-H])[.)]\s+")
# a question about who was there (the vocabulary's absence words, and being there, leaving, joining, substituting)
_ASKS_ATTENDANCE = re.compile(ABSENT_WORD.pattern + r"|til stede|deltog|deltage|mødt|absent|apolog|attend|present|"
                              r"missing|manglede|forlod|\bgik\b|\bleft\b|\bjoin|remote|virtuel|online|"
                              r"stedfortræder|suppleant|substitut|deputi", re.I)
# the case file's label lines: who handles the case, not an answer about its matter
_HANDLER_LABEL = re.compile(r"^\s*(?:sagsbehandler|sagsansvarlig|kontaktperson|ansvarlig)\w*\s*:", re.I)
_ASKS_HANDLER = re.compile(r"sagsbehandl|sagsansvarl|ansvarlig|kontakt|officer|handl|responsib|contact", re.I)
_SINCE = re.compile(r"\b(?:siden|since)\s+(?:\d|[a-zæøå]+\s+\d)", re.I)
_ATTACHMENTS = re.compile(r"(?:Bilag|Bilagsliste|Bilagsoversigt|Attachments)\s*:?", re.I)
_ENTRY_CHARS = 90  # "Supercykelsti – Tilst" under "på nedenstående projekter:" is an entry; a paragraph is not
JOIN = " … "  # passages of one item quoted together; verification checks each part


@dataclass(frozen=True)
class EvidenceConfig:
    kind_bonus: float = 2.5  # a passage holding the wanted kind of answer beats one that merely repeats terms
    own_decision_bonus: float = 1.5  # decision/vote/yes-no questions are answered by this meeting's decision
    earlier_decision_bonus: float = 0.4  # an earlier body's decision is evidence too, but second to this meeting's
    title_weight: float = 0.3  # title words are in every passage's context; they discriminate little
    restate_weight: float = 0.5  # term evidence is damped by this share of the words the question already says:
    # a passage that restates the question is not its answer (calibration sets: no passage choice got worse)
    section_bonus: float = 1.0  # the passage sits under a heading the question names ("Hvad foreslår
    # forvaltningen?" -> "Forvaltningen foreslår", "what are the economic consequences?" -> "Økonomi")
    cognate_weight: float = 0.5  # an English term sharing a five-letter stem with a Danish word: likely the same
    # word ("pavilion" ~ "pavillon"), but less sure than a glossary translation
    focus_bonus: float = 1.0  # the passage lies in the chunk the dense search found closest to the question
    length_penalty: float = 1 / 1500  # per character: prefer the shortest passage that answers
    saturation: int = 400  # term evidence of a passage longer than ~200 chars is damped by (len-200)/saturation:
    # a run-on paragraph that mentions every term once should not beat the sentence that answers
    second_ratio: float = 0.6  # a further passage is quoted when it scores at least this share of the best
    max_passages: int = 3
    max_passages_many: int = 6  # "which members", "hvilke partier": every matching entry
    max_chars: int = 900  # the quotes of one item together


CONFIG = EvidenceConfig()

@dataclass
class Passage:
    text: str  # verbatim in the item's text
    section: str  # the heading it sits under ("" before any)
    decision: str = ""  # "own" (this meeting's decision), "earlier", or ""
    entry: bool = False  # a list entry


def passages(item: AgendaItem, meeting_date: str = "") -> list[Passage]:
    """Sentences and list entries of the item with the section each came from."""
    heads = headings(item)
    decisions = {d.label:
                 ("own" if d.date is None or d.date.isoformat() == meeting_date else "earlier")
                 for d in item.decisions}
    out: list[Passage] = []
    section, decision = "", ""
    first = True
    listing = False  # after a line ending in ':', short lines without a full stop are its entries, marked or not
    in_list = False  # the line before was a lead-in ending in ':' or an entry
    letter = "@"  # the capital letter that marked the last entry ("@": none yet, so "A" comes next)
    for line in item.text.split("\n"):
        stripped = line.strip()
        if not stripped:
            continue
        if first:  # the label and title line
            first = False
            continue
        if stripped in decisions:
            section, decision, listing, in_list = stripped, decisions[stripped], False, False
            continue
        if stripped in heads:
            section, decision, listing, in_list = stripped, "", False, False
            continue
        if _ATTACHMENTS.fullmatch(stripped):  # "Bilag" printed as a plain line: the attachment titles follow it,
            # under their own heading (a question naming "bilag" finds them), no list of what the item decides
            section, decision, listing, in_list = stripped.rstrip(":"), "", False, False
            continue
        unmarked = listing and len(stripped) <= _ENTRY_CHARS and not stripped.endswith((".", ":"))
        marked = _LETTER_ENTRY.match(stripped)
        lettered = in_list and marked is not None and ord(marked.group(1)) == ord(letter) + 1  # A, B, C in turn
        entry = unmarked or bool(_LIST_ENTRY.match(stripped)) or lettered
        listing = stripped.endswith(":") or unmarked  # marked entries end it: what follows them is no entry
        in_list = stripped.endswith(":") or entry
        if lettered and marked:
            letter = marked.group(1)
        elif not entry:
            letter = "@"  # a lead-in or prose: the next lettered list starts at "A" again
        for sent in sentences(stripped):
            out.append(Passage(sent, section, decision, entry))
    return out


def asked_terms(question: str, title: str, context: str) -> set[str]:
    """The question's content terms that neither the item's title nor the meeting (municipality, committee) hold."""
    if language(question) == "en":
        question = expand(question)
    return content_terms(set(tokens(question))) - set(tokens(title)) - set(tokens(context))


def is_heading_line(line: str, item: AgendaItem) -> bool:
    """A decision heading or a section heading of the item, not text."""
    stripped = line.strip()
    return not stripped or stripped in headings(item) or any(stripped == d.label for d in item.decisions)


def _restated(text: str, said: set[str]) -> float:
    """The share of a passage's words that the question, title or meeting already say."""
    toks = [t for t in tokens(text) if len(t) > 2]
    return sum(t in said for t in toks) / len(toks) if toks else 1.0


def under_asked(p: Passage, asked: set[str]) -> bool:
    """The passage sits under a section heading (not a decision's) the question names."""
    return bool(p.section) and not p.decision and _names(asked, p.section)


def _names(asked: set[str], heading: str) -> bool:
    """A heading holds one of the asked terms (stem or prefix: "indstiller" names "Indstilling")."""
    toks = set(tokens(heading))
    pre = prefixes(toks)
    return any(match(t, toks, pre) for t in asked)


# Danish words for when something starts or ends, and for days and times of day, any of which the minutes may use
# for another ("hvornår går tryghedsvagterne i gang?" - "Opstarten er planlagt til den 1. april"; "which days?" -
# "torsdag, fredag og lørdag"): stems, as store.lexical.tokens gives them
_SAME_EVENT = [{"gang", "start", "opstart", "begynd", "igangsæt", "åbn", "åbning"},
               {"slut", "ophør", "afslut", "udløb", "luk", "lukning", "afslutning"},
               {"dag", "ugedag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"},
               {"tid", "tidspunk", "tidsrum", "klokkeslæt"},
               # a total ("samlet bevilling?" - "Anlægsbevillingen på i alt 30,7 mio. kr."; "i alt" is two stop words,
               # so a passage holding it carries the stem "total", see _terms_score)
               {"saml", "samled", "total", "sammenlag", "tilsam"},
               # a yearly figure ("tilskud om året?" - "yder årligt et driftstilskud")
               {"året", "årl", "annual", "yearly"}]
_IN_ALL = re.compile(r"\bi alt\b", re.I)
_STAGE = re.compile(r"\b(etape|fase|deletape|trin)\s+(\d{1,2})\b", re.I)


def _stages(text: str) -> set[str]:
    """"etape 2" as one term ("etape#2"): a stage's number is what tells it from the others."""
    return {f"{m.group(1).lower()}#{m.group(2)}" for m in _STAGE.finditer(text)}


def _weight(term: str, ts: set[str], pre: set[str]) -> float:
    """How well a passage's stems hold ``term``, or a word for the same event (start, end)."""
    w = match(term, ts, pre)
    for same in _SAME_EVENT:
        if not w and term in same:
            w = max(match(other, ts, pre) for other in same)
    return w




def _terms_score(cands: list[Passage], question: str, title: str, cfg: EvidenceConfig,
                 ignore: set[str]) -> list[float]:
    # a town's name is a content term here unless it is the item's own ("Herlev Hospital" in Region H's minutes)
    q = {t for t in tokens(question) if t not in GENERIC and (not t.isdigit() or len(t) == 4)} - ignore
    title_tok = set(tokens(title))
    # "etape 2" is a term of its own: its number tells it from "etape 1" (unless the title names it: the whole item
    # is about that stage)
    q |= _stages(question) - _stages(title)
    toks = [set(tokens(c.text)) | ({"total"} if _IN_ALL.search(c.text) else set()) | _stages(c.text) for c in cands]
    english = language(question) == "en"
    weights = [{t: _weight(t, ts, prefixes(ts)) for t in q} for ts in toks]
    if english:  # English words the glossary does not know still share a stem with their
        # Danish cognates ("pavilion" ~ "pavillonenheder", "coordinator" ~ "koordinator" does not): half weight
        for w, ts in zip(weights, toks, strict=True):
            five = {x[:5] for x in ts if len(x) >= 5}
            for t in q:
                if not w[t] and len(t) >= 6 and t[:5] in five:
                    w[t] = cfg.cognate_weight
    df = {t: sum(1 for w in weights if w[t]) for t in q}
    raw = [sum(w[t] * math.log(1 + len(cands) / df[t]) * (cfg.title_weight if t in title_tok else 1.0)
               for t in q if w[t]) for w in weights]
    return [r / (1 + max(0, len(c.text) - 200) / cfg.saturation) for r, c in zip(raw, cands, strict=True)]


def select(item: AgendaItem, question: str, kind: str, meeting_date: str = "", focus: str = "",
           context: str = "", cfg: EvidenceConfig = CONFIG) -> list[Passage]:
    """The best one to three passages for ``question``, in the order they appear in the item.

    ``focus`` is the chunk dense search found closest; ``context`` names the meeting (municipality,
    committee): its words identify the meeting, not the answer, so they do not score passages."""
    # a case number printed on a line of its own names the case and answers nothing (its digits are no count, date
    # or year of the question)
    cands = [p for p in passages(item, meeting_date) if len(p.text) >= 8 and not identifier_only(p.text)]
    if not cands:
        return []
    if language(question) == "en":
        question = expand(question)
    base = _terms_score(cands, question, item.title, cfg, set(tokens(context)))
    pattern = KIND_PATTERNS.get(kind)
    known = f"{question} {item.title} {context}"
    if cfg.restate_weight:  # a passage that only restates the question ("X and Y approved plan Z") says nothing new
        said = set(tokens(known))
        base = [b * (1 - cfg.restate_weight * _restated(c.text, said)) for b, c in zip(base, cands, strict=True)]
    asked = asked_terms(question, item.title, context)
    decisive = kind in {"decision", "vote", "yesno"}
    scored: list[tuple[float, int]] = []
    named = _who_voted(kind, question)
    # an item with no list of its own may name the answers inside a sentence ("til Havnefestival Odense og … til
    # Fynske Litteraturdage"): then a passage naming two or more new names is the list
    listed = kind == "list" and any(map(_is_list, cands))
    # an attendance line ("Afbud: Rasmus Dyhr (V)") answers who was absent, nothing else: not "who bought the plot?"
    attendance = kind == "absent" or _ASKS_ATTENDANCE.search(question) is not None
    handler = _ASKS_HANDLER.search(question) is not None  # nor does "Sagsbehandler: Jonas Brink" say who won
    for k, (p, score) in enumerate(zip(cands, base, strict=True)):
        if not attendance and ABSENT_LABEL.match(p.text) or not handler and _HANDLER_LABEL.match(p.text):
            scored.append((-math.inf, k))
            continue
        if named and not _names_voter(p.text, known, named):
            pass  # "which party voted against?": a vote line that names no party or person does not answer
        elif pattern is not None and new_values(kind, p.text, known) or kind == "amount" and _table_number(p.text) \
                or kind == "list" and (_is_list(p)  # a list answers "which ..."
                                       or not listed and len(_new_names(p.text, known)) >= 2):
            score += cfg.kind_bonus
        if p.decision == "own":
            # the decision's own figure or date overrules the proposal's ("Anbefales, dog med en mindstepris på ...")
            valued = kind in FIGURE_KINDS and pattern is not None and bool(new_values(kind, p.text, known))
            score += cfg.own_decision_bonus if decisive or valued else cfg.own_decision_bonus / 3
        elif p.decision == "earlier":
            score += cfg.earlier_decision_bonus if decisive else 0.0
        if focus and p.text in focus:
            score += cfg.focus_bonus
        if p.section and not p.decision and _names(asked, p.section):
            score += cfg.section_bonus
        score -= len(p.text) * cfg.length_penalty
        scored.append((score, k))
    scored.sort(key=lambda s: -s[0])
    if kind in STRICT_KINDS or kind == "address":  # the answer must hold the wanted value: a passage that only
        # repeats the topic cannot
        def holds(text: str) -> bool:  # a table row's figure carries its unit in the header ("Mio. kr.")
            return bool(new_values(kind, text, known)) or kind == "amount" and _table_number(text)

        # a passage sharing no term may still sit under a heading the question names ("Hvornår behandlede udvalget
        # sagen første gang?" - "Tidligere behandling: Børne- og Skoleudvalget den 14. januar 2025, punkt 5")
        holding = [(sc, k) for sc, k in scored if (base[k] > 0 or under_asked(cands[k], asked))
                   and holds(cands[k].text)]
        # the address sits in the sentence before or after the one naming the topic ("... byggeri på Vejleåvej 101.
        # Byggeriet er en batteripark, der er opført uden landzonetilladelse")
        if not holding and kind == "address":
            holding = [(sc, k) for sc, k in scored if any(
                0 <= j < len(cands) and base[j] > 0 and cands[j].section == cands[k].section for j in (k - 1, k + 1))
                and holds(cands[k].text)]
        if kind == "date" and SINCE_ASKED.search(question):  # "how long has it been ...?": the date it has been since
            holding = [s for s in holding if _SINCE.search(cands[s[1]].text)] or holding
        if holding:
            scored = holding + [s for s in scored if s not in holding]
    # a vote line naming a party or person answers "which party voted against?" whatever words it shares; each such
    # line names other voters, so all of them, and only they, are quoted (up to the limit)
    voted = [(sc, k) for sc, k in scored if named and pattern is not None and pattern.search(cands[k].text)
             and _names_voter(cands[k].text, known, named)]
    scored = voted + [s for s in scored if s not in voted]
    best_score, best = scored[0]
    if best_score <= 0:
        return []
    chosen = [best]
    if kind == "list":  # "which ...": a list among the best passages is quoted whole, with its introduction
        for _, k in scored:  # the best-scoring list that holds a term of the question
            entries = _entries_after(cands, k) if base[k] > 0 else []
            if entries:
                chosen = sorted({best, k, *entries}) if k != best else [k, *entries]
                break
    limit = cfg.max_passages_many if kind in {"list", "person", "party", "vote", "absent"} and MANY.search(question) \
        else cfg.max_passages
    for score, k in scored[1:]:
        if len(chosen) >= limit or score < cfg.second_ratio * best_score and (score, k) not in voted:
            break
        if k not in chosen and (pattern is None or pattern.search(cands[k].text)) \
                and (not voted or (score, k) in voted):
            chosen.append(k)
    for k in list(chosen):  # a lead-in cut off before its list ("Administrationen indstiller," then "1. at ...")
        if cands[k].text.rstrip().endswith((",", ":")) and k + 1 < len(cands) and cands[k + 1].entry:
            chosen += [j for j in _entries_after(cands, k + 1) if j not in chosen]
    picked: list[Passage] = []
    total = 0
    for k in sorted(set(chosen)):
        if total + len(cands[k].text) > cfg.max_chars and picked:
            continue
        picked.append(cands[k])
        total += len(cands[k].text)
    return picked


_ASKS_PARTY, _ASKS_PERSON = (dict(CUES)[name] for name in ("party", "person"))


def _who_voted(kind: str, question: str) -> tuple[str, ...]:
    """The kinds of name a vote question asks for: "which party could not back point 1?", "hvem stemte imod?"
    want a party or a person named in the vote line, not any line about the vote."""
    if kind != "vote":
        return ()
    if _ASKS_PARTY.search(question):
        return ("party",)
    return ("party", "person") if _ASKS_PERSON.search(question) else ()


def _names_voter(text: str, known: str, named: tuple[str, ...]) -> bool:
    """The passage names a party or person the question does not ("(A) og (C) undlader": a party's capital letter
    counts, however short; the word "i" does not)."""
    if "party" in named:
        party = KIND_PATTERNS["party"]
        asked = {m.group(0).lower() for m in party.finditer(known)}
        if any(m.group(0).lower() not in asked and (len(m.group(0).strip("()")) > 1 or m.group(0).isupper())
               for m in party.finditer(text)):
            return True
    return "person" in named and bool(new_values("person", text, known))


def strength(item: AgendaItem, question: str, kind: str, meeting_date: str = "", context: str = "") -> float:
    """How well the item's best passage answers: the question terms it holds (of those not naming the meeting),
    plus one when it holds the wanted kind of answer. Comparable across items (unlike ``select``'s scores,
    whose term weights depend on the item's length)."""
    if language(question) == "en":
        question = expand(question)
    q = content_terms(set(tokens(question))) - set(tokens(context)) - set(tokens(item.title))
    pattern = KIND_PATTERNS.get(kind)
    best = 0.0
    for p in passages(item, meeting_date):
        toks = set(tokens(p.text))
        pre = prefixes(toks)
        score = sum(match(t, toks, pre) for t in q)
        if pattern is not None and pattern.search(p.text):
            score += 1.0
        best = max(best, score)
    return best


# an enumeration inside a sentence ("fire pejlemærker: Sunde rammer, Sammen om sundhed, ... samt Lighed i sundhed",
# "initiativer såsom Center for trivsel, Børnesamtaler og Socialkompasset")
_INLINE_LIST = re.compile(r"(?::|\bsåsom\b|\bherunder\b|\bnemlig\b|\bsuch as\b|\bnamely\b|\bomfatter\b(?:\s+\w+\s+af)?|"
                          r"\bbestår af\b)\s*[^.:;]{2,80}?,"
                          r"\s*[^.:;,]{2,80}?(?:,|\bog\b|\bsamt\b|\band\b)")


def _is_list(p: Passage) -> bool:
    """A list entry, a lead-in ending in a colon, or a list inside a sentence ("herunder a, b og c")."""
    return p.entry or p.text.rstrip().endswith(":") or _INLINE_LIST.search(p.text) is not None


_NAME = re.compile(r"(?<![.!?:]\s)(?<![.!?:])\b[A-ZÆØÅ][\wæøå&-]+(?:\s+(?:[A-ZÆØÅ][\wæøå&-]+|A/S|ApS))*")


def _new_names(text: str, known: str) -> set[str]:
    """The names a passage gives inside its sentences (not a sentence's first word) that the question, title and
    meeting do not: "til Havnefestival Odense og … til Fynske Litteraturdage" names two festivals."""
    seen = set(tokens(known))
    return {m.group(0) for m in _NAME.finditer(text) if m.start() > 0 and not set(tokens(m.group(0))) <= seen}


def _table_number(text: str) -> bool:
    """A table row with a figure ("Rigshospitalet | 22,50"): amounts in tables carry their unit in the header."""
    return " | " in text and NUMBER.search(text) is not None


def _entries_after(cands: list[Passage], k: int) -> list[int]:
    """A passage that introduces a list (ends with ':' or is an entry) brings the list's entries."""
    start = k + 1 if cands[k].text.rstrip().endswith(":") else k
    if not (cands[k].text.rstrip().endswith(":") or cands[k].entry):
        return []
    while start > 0 and cands[start - 1].entry and cands[k].entry:
        start -= 1
    out = []
    for j in range(start, min(len(cands), start + 12)):
        if not cands[j].entry and j != k:
            break
        out.append(j)
    return out


def quote(found: list[Passage]) -> str:
    """One citation's quote: the passages joined by an ellipsis (each part verbatim in the item)."""
    return JOIN.join(p.text for p in found)
