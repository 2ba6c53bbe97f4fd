"""The vocabulary of Danish minutes: headings, decisions, votes, absentees, case numbers.

Each recogniser works on one cleaned line (markdown marks and bullets normalised, see
``clean_line``) and is a pure function, so the segmenter can be read top to bottom.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from core.dates import find_dates, first_date

# --- lines -----------------------------------------------------------------------------

_MD = re.compile(r"^\s*(?:#{1,6}\s*|>\s*)")
_EMPH = re.compile(r"(\*\*|__)(.*?)\1")
_BULLET = re.compile(r"^\s*(?:[•●▪◦·]|\?(?=\s))\s*")
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")  # a markdown rule: "---", "***", "___"


def clean_line(raw: str) -> str:
    """Strip markdown heading marks and emphasis, unify bullets and white space; a markdown rule is blank."""
    if _RULE.match(raw):
        return ""
    line = raw.replace("\u00a0", " ").replace("\u200b", "").replace("\t", " ")
    line = _MD.sub("", line)
    line = _EMPH.sub(r"\2", line).strip().strip("*").strip()
    line = _BULLET.sub("- ", line)
    return re.sub(r"\s{2,}", " ", line)


TOC_ENTRY = re.compile(r"(?:\.{3,}|…{2,}|\s{2,}|\t)\s*\d{1,4}\s*$")
TOC_HEADING = re.compile(r"^(?:indholdsfortegnelse|indhold|dagsordenspunkter|oversigt)\s*:?$", re.I)


def is_toc(raw: str, line: str) -> bool:
    return bool(TOC_ENTRY.search(raw.rstrip()) and "...." in raw) or bool(TOC_HEADING.match(line))


# --- item headings ----------------------------------------------------------------------

ITEM = re.compile(
    r"^(?:Punkt|Pkt\.?|Dagsordens?punkt|Sag\s+nr\.?)\s*(?P<num>\d{1,4}(?:\.\d{1,3})*)\.?"
    r"(?:\s*[:.\-–—]\s*|\s+|$)(?P<title>.*)$",
    re.I,
)
BARE_ITEM = re.compile(r"^(?P<num>\d{1,3}(?:\.\d{1,2})*)[.)]?\s+(?P<title>[A-ZÆØÅ][^\n]{2,160})$")
CLOSED = re.compile(r"\b(lukket(?:\s+punkt)?|fortroligt?|lukkede)\b", re.I)


def number_key(num: str) -> tuple[int, ...]:
    return tuple(int(p) for p in num.split("."))


# --- section headings --------------------------------------------------------------------

SECTIONS: list[tuple[str, re.Pattern[str]]] = [
    (name, re.compile(rf"^(?:{pattern})\s*:?$", re.I))
    for name, pattern in [
        ("Beslutningstema", r"beslutningstema"),
        ("Resumé", r"(?:sags)?resum[eé]|kort resum[eé]|sammenfatning|kort fortalt"),
        ("Sagsfremstilling", r"sagsfremstilling|sagsbeskrivelse|sagens (?:indhold|baggrund|forløb)|beskrivelse|"
                             r"redegørelse"),
        ("Indstilling", r"(?:forvaltningens |administrationens |direktionens |direktørens )?indstilling(?:er)?|"
                        r"forslag til beslutning|anbefaling|beslutningspunkter|indstilling fra [\w ,&-]{3,55}\.?"),
        ("Beslutningsforslag", r"beslutningsforslag(?: fra [\w ,&.-]{1,50})?"),
        ("Påtegning", r"(?:\w+ ){0,3}\w+s påtegning"),
        ("Sagsforløb", r"sagsforløb"),
        ("Vurdering", r"(?:administrationens |forvaltningens )?vurdering(?: herunder alternativer)?|alternativer"),
        ("Økonomi", r"økonomi(?:ske)?(?: og erhvervsmæssige)?(?: konsekvenser| forhold)?|"
                    r"(?:bevillings|budget)mæssige konsekvenser|finansiering|økonomi og finansiering"),
        ("Lovgrundlag", r"lovgrundlag(?:, planer mv\.?)?|retsgrundlag|hjemmel|lovgivning"),
        ("Kompetence", r"(?:beslutnings)?kompetencer?|sagen afgøres (?:i|af)|kompetencefordeling|beslutningsniveau"),
        ("Konsekvenser", r"konsekvenser for [\wæøå ]{3,40}|co2[- ]?konsekvens\w*|klimakonsekvens\w*|"
                         r"miljømæssige konsekvenser|høring"),
        ("Bilag", r"(?:relaterede |vedlagte )?bilag(?:sliste|oversigt)?"),
    ]
]
LEAD_SECTIONS = {"Beslutningstema", "Resumé", "Indstilling"}


def section_name(line: str) -> str | None:
    if len(line) > 60:
        return None
    for name, pattern in SECTIONS:
        if pattern.match(line):
            return name
    return None


# --- decisions ---------------------------------------------------------------------------

_BODY_WORDS = re.compile(
    r"udvalg|byråd|kommunalbestyrelse|regionsråd|råd\b|rådet|bestyrelse|direktion|forum|nævn|"
    r"borgerrepræsentation|komit|repræsentantskab", re.I)
_DEC = re.compile(
    r"^(?:Beslutning(?:er)?|Afgørelse|Protokol(?:lat)?)(?:\s+(?:i|fra|for|af|truffet af))?"
    r"(?:\s+(?P<body>.+?))?(?:\s+(?:den|d\.)\s+(?P<date>.+?))?\s*:?$")
_DEC_POSSESSIVE = re.compile(r"^(?P<body>.+?s)\s+(?:beslutning|afgørelse)(?:\s+(?:den|d\.)\s+(?P<date>.+?))?\s*:?$",
                             re.I)
_DEC_INLINE = re.compile(r"^Beslutning(?:er)?\s*:\s*(?P<text>\S.*)$")


@dataclass
class DecisionHeading:
    body: str | None
    date: date | None
    inline_text: str | None = None


def decision_heading(line: str) -> DecisionHeading | None:
    """Recognise "Beslutning i Byrådet den 27-04-2022", "Beslutning", "Udvalgets beslutning"."""
    if len(line) > 140:
        return None
    # "Beslutning (Byrådet, 1-2-2023)" -> "Beslutning Byrådet, 1-2-2023"
    line = re.sub(r"^((?:Beslutning|Afgørelse)(?:er)?)\s*\((.+)\)\s*:?$", r"\1 \2", line)
    m = _DEC_INLINE.match(line)
    if m:
        return DecisionHeading(None, None, m.group("text"))
    m = _DEC.match(line)
    possessive = m is None
    m = m or _DEC_POSSESSIVE.match(line)
    if not m:
        return None
    body, raw_date = (m.group("body") or "").strip(), m.group("date")
    if possessive and body.endswith("s") and body.lower() not in {"udvalgets"}:
        body = body[:-1]  # "Økonomiudvalgets beslutning" -> Økonomiudvalget
    if not raw_date and body:  # "Beslutning Økonomiudvalget 05-05-2022", "Beslutning fra Byrådet, 27.04.2022"
        found = find_dates(body)
        if found:
            raw_date = body[found[0][0]:]
            body = body[: found[0][0]].strip(" ,-–:(")
            body = re.sub(r"(?:^|\s)(?:den|d\.)$", "", body).strip()  # "Beslutning den 03.04.2024"
    day = first_date(raw_date) if raw_date else None
    if raw_date and day is None:
        return None
    if body and not day and not (_BODY_WORDS.search(body) and len(body) < 80):
        return None
    if body.lower() in {"udvalgets", "udvalget"}:
        body = ""
    return DecisionHeading(body or None, day)


# the deciding body itself says no: "Udvalget kunne ikke anbefale indstillingen", "Byrådet besluttede ikke at ..."
# (not a group's dissent: "Alternativet kunne ikke tiltræde indstillingen" in an approved decision)
_BODY_REFUSES = (r"(?:^|[.!?:]\s+)(?:(?:(?-i:[A-ZÆØÅ])\w*-?,?\s+(?:og\s+)?){0,4}"  # "Børne- og Unge|udvalget"
                 r"[\w-]*(?:udvalget|byrådet|rådet|bestyrelsen|magistraten|direktionen)|kommunalbestyrelsen|"
                 r"regionsrådet)\s+(?:(?:kunne|kan|vil|ville|ønskede|ønsker|besluttede|beslutter)\s+ikke\s+(?:at\s+)?"
                 r"(?:godkende|tiltræde|vedtage|anbefale|imødekomme)\b|"
                 r"(?:godkender|godkendte|tiltræder|tiltrådte|anbefaler|anbefalede|vedtog)\s+ikke\b)")
OUTCOMES: list[tuple[str, re.Pattern[str]]] = [
    ("rejected", re.compile(r"ikke (?:godkendt|tiltrådt|vedtaget|anbefalet|imødekommet)|forkast|afvist|afslået|"
                            r"faldt\b|bortfald|" + _BODY_REFUSES, re.I | re.M)),
    ("postponed", re.compile(r"\budsat\b|\budsættes\b|\butsat\b|genoptages|sendt tilbage|tilbagesendt", re.I)),
    ("approved", re.compile(r"godkend|tiltrå|vedtag|anbefal|imødekom|bevilg|besluttede|udpegede|"
                            r"\bvalgt\b|\bvalgte\b", re.I)),
    ("noted", re.compile(r"efterretning|orientering(?:en)? (?:blev )?(?:givet|taget)|drøftet|drøftede|"
                         r"orienteret|til orientering|intet under|^\.?$", re.I)),
]


def outcome(text: str) -> str:
    for label, pattern in OUTCOMES:
        if pattern.search(text):
            return label
    return "other"


# --- votes and absentees -------------------------------------------------------------------

VOTE = re.compile(
    r"^(?:Stemmer\s+)?(?P<pos>For|Imod|Undlod(?:\s+at\s+stemme)?|Hverken for eller imod|Blank)"
    r"(?P<stemte>\s+stemte)?\s*(?P<count>\d+)?\s*(?:medlemmer|stemmer)?\s*(?P<colon>:)?\s*(?P<names>.*)$",
    re.I,
)
POSITIONS = {"for": "for", "imod": "against"}


# a vote inside a sentence run: "Vedtaget. Imod stemte: Ø (1).", "For stemte: A og SF (3). Imod stemte: V (4)."
_VOTE_CLAUSE = re.compile(
    r"(?:^|(?<=[.;])\s+)(?P<clause>(?:Stemmer\s+)?(?P<pos>For|Imod|Undlod(?:\s+at\s+stemme)?|Hverken for eller imod)"
    r"\s+stemte\s*(?P<count>\d+)?\s*:?\s*(?P<names>[^.;]*?)\s*(?:[.;]|$))", re.I)
_TOTAL = re.compile(r"\s*\((?P<n>\d{1,3})\)$")  # "A og SF (3)": the count after the names


def _counted(pos: str, count: str | None, names: str) -> tuple[str, int | None, str]:
    names = names.strip()
    total = _TOTAL.search(names)
    if total:
        names = names[:total.start()].strip()
    number = int(count) if count else int(total.group("n")) if total else None
    return POSITIONS.get(pos.lower(), "abstain"), number, names


def vote_line(line: str) -> tuple[str, int | None, str] | None:
    m = VOTE.match(line)
    if not m or not (m.group("stemte") or m.group("colon") or (m.group("count") and not m.group("names"))):
        return None
    return _counted(m.group("pos"), m.group("count"), m.group("names"))


def votes_in(line: str) -> list[tuple[str, int | None, str, str]]:
    """(position, count, names, text) of each vote a line records: the line itself ("For stemte 3: ...") or each
    "... stemte ..." clause in it when it holds several, or one after another sentence."""
    clauses = list(_VOTE_CLAUSE.finditer(line))
    whole = vote_line(line)
    if whole and len(clauses) < 2:
        return [(*whole, line)]
    return [(*_counted(m.group("pos"), m.group("count"), m.group("names")), m.group("clause").strip())
            for m in clauses]


# words that mark a person absent (attendance reasons, "Afbud:" lines); the line forms below
ABSENT_WORD = re.compile(r"fravær|afbud|forfald|inhabil|ikke til stede|deltog ikke", re.I)
ABSENT_LABEL = re.compile(
    r"^(?:Afbud|Fraværende|Fravær|Forfald|Ikke til stede|Deltog ikke|Inhabil)\b\s*(?:fra)?\s*:?\s*(?P<names>.*)$",
    re.I)
ABSENT_SENTENCE = re.compile(
    r"^(?P<names>.+?)\s+(?:deltog ikke|var fraværende|havde meldt afbud|var inhabil|erklærede sig inhabil|"
    r"forlod mødet)", re.I)
# an absence from one item only, not from the meeting: "X deltog ikke i behandlingen af punktet", "X var inhabil"
ITEM_ONLY_ABSENCE = re.compile(r"deltog ikke i (?:behandlingen|punktet|sagen|drøftelsen|beslutningen|afstemningen)|"
                               r"inhabil|forlod mødet (?:under|ved|efter|før|inden)", re.I)
_PARTY = re.compile(r"^(?P<name>.+?)\s*\((?P<party>[^)]{1,30})\)\s*$")
_NONE = re.compile(r"^(?:ingen|intet|-)\.?$", re.I)
_ROLE = re.compile(r"^\(?(?:næst)?(?:formand|forkvinde|forperson)(?:en)?\)?\.?$", re.I)  # "Ole Bjørn (A), formand, ..."


def item_only_absentees(text: str) -> set[str]:
    """Names a decision text records as absent from its own item only ("Jens Ø (V) deltog ikke i behandlingen
    af punktet"): they were at the meeting."""
    found: set[str] = set()
    for line in text.splitlines():
        m = ABSENT_SENTENCE.match(line.strip())
        if m and ITEM_ONLY_ABSENCE.search(line) and not ABSENT_LABEL.match(line.strip()):
            found.update(split_names(re.split(r"[.:;]\s+", m.group("names"))[-1]))
    return found


def split_names(text: str) -> list[str]:
    text = text.strip().rstrip(".")
    if not text or _NONE.match(text):
        return []
    parts = re.split(r",\s*|\s+og\s+|;\s*", text)
    return [p.strip() for p in parts if p.strip() and len(p.strip()) < 60 and not _ROLE.match(p.strip())]


def member(text: str) -> tuple[str, str | None]:
    m = _PARTY.match(text)
    return (m.group("name").strip(), m.group("party").strip()) if m else (text.strip(), None)


def looks_like_names(line: str) -> bool:
    """A line of names: "Jakob Lykke (A), Henrik Andersen (V)" or "Steen Hansen (O)"."""
    if not line or len(line) > 200 or line.endswith((".", ":")) and not line.endswith(")."):
        return False
    words = re.findall(r"[A-Za-zÆØÅæøåéü\-]+", line)
    return bool(words) and all(len(w) < 25 for w in words) and sum(w[0].isupper() for w in words) >= len(words) / 2


# --- case numbers ------------------------------------------------------------------------

CASE_FORMS = [
    r"\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}-\d{1,6}-\d{2}",  # KLE journal number 00.01.00-K09-2-19
    r"EMN-\d{4}-\d{2,7}",                                   # EMN-2025-01234
    r"\d{2}/\d{2,7}",                                       # 24/929
    r"\d{2}-\d{4,7}",                                       # 24-000617
    r"\d{4}-\d{3,7}",                                       # 2024-01234
]
CASE_NUMBERS = "|".join(CASE_FORMS[2:])  # the plain numeric forms (24/929, 24-000617, 2024-01234)
CASE_ALONE = re.compile(r"^(?:(?:Sags?\s*(?:nr|nummer)\.?|Journal\s*(?:nr|nummer)\.?|J\.\s*nr\.?)\s*:?\s*)?"
                        rf"(?P<case>{'|'.join(CASE_FORMS)})\.?$", re.I)
CASE_LABELLED = re.compile(r"(?:Sags?\s*(?:nr|nummer)\.?|Journal\s*(?:nr|nummer)\.?|J\.\s*nr\.?)\s*:?\s*"
                           rf"(?P<case>{'|'.join(CASE_FORMS)}|[A-Z0-9][\w./-]{{3,30}})", re.I)
CASE_ANY = re.compile(rf"(?<![\w./-])(?P<case>{'|'.join(CASE_FORMS[:3])})(?![\w/-])")
# in a question, a number the words "sag", "case" or "sagsnummer" introduce is a case number in any form: "sag
# 21-014445" (alone, "21-014445" could be a span of years or a date, so CASE_ANY leaves the last two forms out)
CASE_ASKED = re.compile(r"\b(?:sag(?:en)?|sags?nr\.?|sagsnummer(?:et)?|journalnummer(?:et)?|j\.\s*nr\.?|case|"
                        rf"case (?:number|no\.?))\s*:?\s*(?P<case>{'|'.join(CASE_FORMS)})(?![\w/-])", re.I)


def case_number(line: str) -> str | None:
    m = CASE_ALONE.match(line) or CASE_LABELLED.search(line)
    return m.group("case") if m else None
