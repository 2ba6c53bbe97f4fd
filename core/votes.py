"""Votes in decision texts: "For stemte: A, V og C (5).", "Stemmer imod: 2 (Ø)", "Helene Skjold (Ø) undlod at
stemme.", "Forslaget blev vedtaget med 6 stemmer mod 1".

Pure functions on one cleaned line (``core.vocab.clean_line``); ``core.vocab`` re-exports the public ones. Names
lists are split by ``core.vocab.split_names``, imported where used: vocab imports this module.
"""

from __future__ import annotations

import re

from core.model import Vote

Found = tuple[str, int | None, str, str]  # (position, count, names, text)

VOTE = re.compile(
    r"^(?:Stemmer\s+)?(?P<pos>For|Imod|Undlod(?:\s+at\s+stemme)?|Hverken for eller imod|Blank)"
    r"(?P<stemte>\s+stemte)?\s*(?P<count>\d+)?\s*(?:medlemmer|stemmer)?\s*(?P<colon>:)?\s*(?P<names>.*)$",
    re.I,
)
POSITIONS = {"for": "for", "imod": "against"}


# a vote inside a sentence run: "Vedtaget. Imod stemte: Ø (1).", "For stemte: A og SF (3). Imod stemte: V (4).",
# "Stemmer for: 7 (A, V). Stemmer imod: 2 (Ø)." (after "Stemmer" the colon makes the label: "(?(label)...)")
_VOTE_CLAUSE = re.compile(
    r"(?:^|(?<=[.;])\s+)(?P<clause>(?:(?P<label>Stemmer)\s+)?"
    r"(?P<pos>For|Imod|Undlod(?:\s+at\s+stemme)?|Hverken for eller imod)"
    r"(?:\s+stemte|(?<=stemme)(?=\s*:)|(?(label)(?=\s*:)|"
    # a bare "For:"/"Imod:" when a party follows ("For: V, A og F (5). Imod: Hanne Lyng (O), der ...")
    r"(?=:\s*(?:[A-ZÆØÅ]{1,2}\b|\d|[^.;:]{0,60}\([A-ZÆØÅ]{1,2}\)))))"
    r"\s*(?P<count>\d+)?\s*:?\s*(?P<names>[^.;]*?)\s*"
    r"(?:[.;]|$))", re.I)
_COUNT_WORD = r"(?:\s+(?:stemmer?|medlem(?:mer)?))?"  # "(1 stemme)", "7 medlemmer (A, V)"
# the count after the names: "A og SF (3)", "A, V og C (5).", "F (1 stemme)"
_TOTAL = re.compile(rf"\s*\((?P<n>\d{{1,3}}){_COUNT_WORD}\)\.?$")
# the count before the names, which stand in brackets: "7 (A, V, DF, SF, I)", "2 (Ø).", "7", "(A og V)"
_LEADING = re.compile(rf"^(?:(?P<n>\d{{1,3}}){_COUNT_WORD}\s*)?(?:\((?P<names>[^()]*)\))?\.?$")


# what a party list is followed by that is no member: a remark ("Imod stemte: V, som ønskede at give dispensation")
_REMARK = re.compile(r"(?:,\s*|\s+)(?:som|der|idet|da|fordi|hvilket|men|med henvisning til|under henvisning til|"
                     r"med den begrundelse|med (?:den |følgende )?bemærkning(?:er)?(?: om)?)\s.*$")
# a sentence after the names' count: a remark ("O og D (4). O og D ønsker projektet udskudt til 2026.")
_NEXT_SENTENCE = re.compile(rf"(\(\d{{1,3}}{_COUNT_WORD}\))\.\s+\S.*$")
# a vote told as a sentence: "Helene Skjold (Ø) undlod at stemme.", "A og V stemte imod."
_VOTE_SENTENCE = re.compile(
    r"(?:^|(?<=[.;])\s+)(?P<clause>(?P<names>(?-i:[A-ZÆØÅ])[^.;:]{0,150}?)\s+"
    r"(?P<pos>undlod at stemme|undlader at stemme|afstod fra at stemme|stemte blankt|stemte imod|stemte for)\b"
    r"[^.;]*(?:[.;]|$))", re.I)
_SENTENCE_POSITIONS = {"imod": "against", "for": "for"}

# counts told in prose: "vedtaget med 6 stemmer mod 1", "med 6 stemmer for og 1 imod", "med 5 stemmer mod 2 (Ø og F)",
# "med 9 stemmer for, 2 imod og 1 undlod"; "og 1" / ", 1" needs "imod" after it, and a vote word must be printed
_BRACKET = r"(?:\s*\((?P<{}>[^()]*)\))?"
_PROSE = re.compile(
    r"\bmed\s+(?P<yes>\d{1,3})(?!\d)(?P<w1>\s+stemmer\b)?(?P<for>\s+for\b)?" + _BRACKET.format("yes_names")
    + r"(?:\s+mod|(?:\s*,|\s+og)(?=\s+\d{1,3}(?:\s+stemmer?)?\s+imod\b))\s+(?P<no>\d{1,3})(?!\d)"
    r"(?P<w2>\s+stemmer?\b)?(?P<imod>\s+imod\b)?" + _BRACKET.format("no_names")
    + r"(?:(?:\s*,|\s+og)\s+(?P<blank>\d{1,3})(?:\s+stemmer?)?\s+(?:undlod(?:\s+at\s+stemme)?|undlader at stemme|"
    r"hverken for eller imod|stemte blankt|blanke?)\b" + _BRACKET.format("blank_names") + r")?", re.I)
# "forkastet med 6 stemmer mod 1": whose six is not said; such a sentence is read only with "for" and "imod" printed
_REJECTED = re.compile(r"forkast|nedstem|faldt|afvis|afslag|ikke\s+(?:godkendt|vedtaget|anbefalet|tiltrådt)",
                       re.I)


def _split_count(names: str) -> tuple[int | None, str]:
    """The count a names list prints and the names without it or a remark after them: "A, V og C (5)." ->
    (5, "A, V og C"), "7 (A, V)" -> (7, "A, V"), "2" -> (2, ""), "A, V" -> (None, "A, V")."""
    names = _REMARK.sub("", names.strip())
    names = _NEXT_SENTENCE.sub(r"\1", names)  # "O og D (4). O og D ønsker projektet udskudt": the count ends it
    total = _TOTAL.search(names)
    if total:
        return int(total.group("n")), names[:total.start()].strip()
    lead = _LEADING.match(names)
    if lead:
        return (int(lead.group("n")) if lead.group("n") else None), (lead.group("names") or "").strip()
    return None, names


def _counted(pos: str, count: str | None, names: str) -> tuple[str, int | None, str]:
    total, names = _split_count(names)
    return POSITIONS.get(pos.lower(), "abstain"), int(count) if count else total, names


def vote_line(line: str) -> tuple[str, int | None, str] | None:
    m = VOTE.match(line)
    if not m or not (m.group("stemte") or m.group("colon") or (m.group("count") and not m.group("names"))):
        return None
    return _counted(m.group("pos"), m.group("count"), m.group("names"))


def vote_members(names: str) -> list[str]:
    """The members a vote's names list holds, without a count or a remark beside them."""
    from core.vocab import split_names

    return split_names(_split_count(names)[1])


def _voters(names: str) -> bool:
    """Names a sentence gives as the ones voting: each a member with a party ("Helene Skjold (Ø)"), a party
    letter ("Ø") or a party's name ("Enhedslisten"); not "Udvalget" or "Et flertal"."""
    from core.parties import letter_of
    from core.vocab import member, split_names

    parts = split_names(names)
    return bool(parts) and all(member(p)[1] or re.fullmatch(r"[A-ZÆØÅ]{1,3}", p) or letter_of(p) for p in parts)


def _sentence_votes(line: str, taken: list[tuple[int, int]]) -> list[tuple[int, Found]]:
    """(offset, vote) of each vote told as a sentence outside the spans already read."""
    found: list[tuple[int, Found]] = []
    for m in _VOTE_SENTENCE.finditer(line):
        start = m.start("clause")
        if any(a < m.end() and start < b for a, b in taken) or not _voters(m.group("names")):
            continue
        pos = _SENTENCE_POSITIONS.get(m.group("pos").split()[-1].lower(), "abstain")
        found.append((start, (pos, None, m.group("names").strip(), m.group("clause").strip())))
    return found


def _prose_sides(m: re.Match[str], line: str) -> list[Found]:
    """The sides one prose count gives: for, against and any abstaining, each with the parties in its bracket."""
    explicit = bool(m.group("for") or m.group("imod"))
    if not (m.group("w1") or m.group("w2") or m.group("for") and m.group("imod")):
        return []  # "med 6 mod 1" prints no vote word
    if not explicit and _REJECTED.search(re.split(r"[.;]\s", line[:m.start()])[-1]):
        return []
    sides = [("for", "yes"), ("against", "no"), ("abstain", "blank")]
    return [(pos, int(m.group(key)), _bracket_voters(m.group(f"{key}_names")), m.group().strip())
            for pos, key in sides if m.group(key)]


def _bracket_voters(names: str | None) -> str:
    return names.strip() if names and _voters(names) else ""


def prose_votes(line: str) -> list[Found]:
    """The votes counts told in prose give: "Forslaget blev vedtaget med 5 stemmer mod 2 (Ø og F)" ->
    for 5, against 2 (Ø og F)."""
    return [side for m in _PROSE.finditer(line) for side in _prose_sides(m, line)]


def _line_votes(line: str) -> list[Found]:
    clauses = list(_VOTE_CLAUSE.finditer(line))
    sentences = _sentence_votes(line, [m.span("clause") for m in clauses])
    own = line[:sentences[0][0]].rstrip() if sentences else line  # "For: A, V. Ø undlod at stemme."
    whole = vote_line(own) if own else None
    if whole and len(clauses) < 2:
        return [(*whole, own), *(vote for _, vote in sentences)]
    found = [(*_counted(m.group("pos"), m.group("count"), m.group("names")), m.group("clause").strip())
             for m in clauses]
    return found + [vote for _, vote in sentences]


def _with_prose(found: list[Found], prose: list[Found]) -> list[Found]:
    """The line's votes and its prose counts as one list: a prose count of a side the line also names is that
    vote's count, where it prints none ("vedtaget med 5 stemmer mod 1. Torben Leth (DF) stemte imod.")."""
    named = {pos for pos, _, _, _ in found}
    counts = {pos: count for pos, count, _, _ in prose}
    merged = [(pos, count if count is not None else counts.get(pos), names, text) for pos, count, names, text in found]
    return [vote for vote in prose if vote[0] not in named] + merged


def votes_in(line: str, prose: bool = False) -> list[Found]:
    """(position, count, names, text) of each vote a line records: the line itself ("For stemte 3: ...") or each
    "... stemte ..." clause in it when it holds several, or one after another sentence; and each vote told as a
    sentence ("Helene Skjold (Ø) undlod at stemme."). With ``prose``, also the counts told in prose ("vedtaget
    med 6 stemmer mod 1"); a decision that names the voters on a later line needs ``merged`` after."""
    found = _line_votes(line)
    return _with_prose(found, prose_votes(line)) if prose else found


def merged(votes: list[Vote]) -> list[Vote]:
    """A decision's votes with each prose count ("vedtaget med 3 stemmer for og 2 imod") folded into the vote
    that names the same side ("For stemte: A, V, S"): its count where that prints none, its members where it
    names none; a prose count no other vote names stays."""
    named = [v for v in votes if not _PROSE.fullmatch(v.text)]
    folded: list[Vote] = []
    for prose in (v for v in votes if _PROSE.fullmatch(v.text)):
        same = next((v for v in named if v.position == prose.position), None)
        if same is not None:
            _fold(prose, same)
            folded.append(prose)
    return [v for v in votes if all(v is not f for f in folded)]


def _fold(prose: Vote, same: Vote) -> None:
    if all(count is None for _, count, _, _ in _line_votes(same.text)):
        same.count = prose.count
    same.members = same.members or prose.members
