"""The vocabulary of Danish minutes: headings, decisions, votes, absentees, case numbers.

Each recogniser works on one cleaned line (markdown marks and bullets normalised, see
``clean_line``) and is a pure function, so the segmenter can be read top to bottom.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from core.dates import find_dates, first_date

# the vote parsers live in core.votes; their names stay importable from here
from core.votes import POSITIONS as POSITIONS
from core.votes import VOTE as VOTE
from core.votes import Found as Found
from core.votes import merged as merged
from core.votes import prose_votes as prose_votes
from core.votes import vote_line as vote_line
from core.votes import vote_members as vote_members
from core.votes import votes_in as votes_in

# --- lines -----------------------------------------------------------------------------

_MD = re.compile(r"^\s*(?:#{1,6}\s*|>\s*)")
_EMPH = re.compile(r"(\*\*|__)(.*?)\1")
_BULLET = re.compile(r"^\s*(?:[•●▪◦·]|\?(?=\s))\s*")
# a markdown rule ("---", "***", "* * *", "___") or a setext heading's underline ("====")
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,}|(?:\*\s+){2,}\*|={3,})\s*$")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")  # "1\. Titel", "Kl. 18.00 \- 20.40"
_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")  # "[24/40010](https://...)" -> "24/40010"


def clean_line(raw: str) -> str:
    """Strip markdown heading marks, emphasis, escapes and link targets, unify bullets and white space; a markdown
    rule is blank."""
    if _RULE.match(raw):
        return ""
    line = raw.replace("\u00a0", " ").replace("\u200b", "").replace("\t", " ")
    line = _MD_LINK.sub(r"\1", _MD_ESCAPE.sub(r"\1", line))
    line = _MD.sub("", line)
    line = _EMPH.sub(r"\2", line).strip().strip("*").strip()
    if len(line) > 2 and line[0] == line[-1] == "_" and "_" not in line[1:-1]:
        line = line[1:-1].strip()  # "_Lukket punkt_": the whole line in emphasis
    line = _BULLET.sub("- ", line)
    return re.sub(r"\s{2,}", " ", line)


_SMALL_WORDS = {"og", "i", "for", "af", "til", "med", "på", "fra", "den", "det", "d.", "om", "ved", "samt", "eller",
                "under", "mellem", "kl.", "nr.", "vedr."} | {
    "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november",
    "december"}


def all_caps(text: str) -> bool:
    """Printed in capitals only ("TEKNIK- OG MILJØUDVALGET", "BESLUTNING"): at least two letters, none lower case."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and not any(c.islower() for c in letters)


def readable(text: str) -> str:
    """A name printed in capitals in the form it is written elsewhere: each word capitalised but the small ones
    ("og", "i", "for", months): "TEKNIK- OG MILJØUDVALGET" -> "Teknik- og Miljøudvalget". Other text unchanged."""
    if not all_caps(text):
        return text
    words = text.lower().split(" ")
    return " ".join(w if k and w in _SMALL_WORDS else re.sub(r"[^\W\d_]", lambda m: m.group().upper(), w, count=1)
                    for k, w in enumerate(words))


TOC_ENTRY = re.compile(r"(?:\.{3,}|…{2,}|\s{2,}|\t)\s*\d{1,4}\s*$")
TOC_HEADING = re.compile(r"^(?:indholdsfortegnelse|indhold|dagsordenspunkter|oversigt)\s*:?$", re.I)


def is_toc(raw: str, line: str) -> bool:
    return bool(TOC_ENTRY.search(raw.rstrip()) and "...." in raw) or bool(TOC_HEADING.match(line))


# --- item headings ----------------------------------------------------------------------

ITEM = re.compile(
    # "Sag 3. Cykelsti langs Gl. Vardevej", "Sag 241 Godkendelse af dagsorden" (numbered through the year), "Sag
    # 244.1 Ændringsforslag": an item heading; "Sag: 24/1234", "Sag 24/16820" and "Sag nr. 24/16820" are case numbers
    r"^(?:Punkt|Pkt\.?|Dagsordens?punkt|Sag\s+nr\.?|Sag(?=\s+\d{1,4}(?:\.\d{1,3})*[.:]?\s+(?-i:[A-ZÆØÅ])))\s*"
    r"(?P<num>\d{1,4}(?:\.\d{1,3})*)\.?"
    r"(?:\s*[:.\-–—]\s*|\s+|$)(?P<title>.*)$",
    re.I,
)
# "§ 112. Titel" / "§ 112 Titel" (regions, older minutes): a paragraph-sign heading; a law reference at a line
# start ("§ 31, stk. 2 i styrelsesloven", "§ 68 i loven") is none: the title must not start in lower case
PARAGRAPH_ITEM = re.compile(
    r"^§\s*(?P<num>\d{1,4})\.?(?:\s*[:.\-–—]\s*|\s+|$)(?!Stk\b)(?P<title>(?:[^\W\d_a-zæøå]|[\d\"'«»“(]).*|)$")
BARE_ITEM = re.compile(r"^(?P<num>\d{1,3}(?:\.\d{1,2})*)[.)]?\s+(?P<title>[A-ZÆØÅ][^\n]{2,160})$")
CLOSED = re.compile(r"\b(lukket(?:\s+punkt)?|fortroligt?|lukkede)\b", re.I)


# "IV.    TITEL": items numbered in roman numerals (read only as a rising run I, II, III, ...)
ROMAN_ITEM = re.compile(r"^(?P<num>(?-i:[IVXL]{1,6}))\.\s+(?P<title>[A-ZÆØÅ\"«“(][^\n]{2,160})$")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def roman(num: str) -> int | None:
    """The value of a roman numeral ("IV" -> 4), or None."""
    if not num or any(c not in _ROMAN for c in num):
        return None
    values = [_ROMAN[c] for c in num]
    return sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values))


def number_key(num: str) -> tuple[int, ...]:
    """"IV" -> (4,), "10.2" -> (10, 2); "9a" (an item added after 9, on a tillægsdagsorden) -> (9, 1)."""
    value = roman(num)
    if value is not None:
        return (value,)
    if num[-1:].isalpha() and num[:-1].isdigit():
        return (int(num[:-1]), ord(num[-1].lower()) - ord("a") + 1)
    return tuple(int(p) for p in num.split("."))


# --- section headings --------------------------------------------------------------------

SECTIONS: list[tuple[str, re.Pattern[str]]] = [
    (name, re.compile(rf"^(?:{pattern})\s*:?$", re.I))
    for name, pattern in [
        ("Beslutningstema", r"beslutningstema"),
        ("Resumé", r"(?:sags)?resum[eé]|kort resum[eé]|sammenfatning|kort fortalt"),
        ("Sagsfremstilling", r"sagsfremstilling|sagsbeskrivelse|sagens (?:indhold|baggrund|forløb)|beskrivelse|"
                             r"redegørelse"),
        ("Indstilling", r"(?:\w+s )?indstilling(?:er)?|"  # "Forvaltningens", "Forretningsudvalgets indstilling"
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
        ("Bilag", r"(?:relaterede |vedlagte )?bilag(?:sliste|oversigt|sfortegnelse)?"),
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
_CAPS_DEC = re.compile(r"^(?:BESLUTNING(?:ER)?|AFGØRELSE|PROTOKOL(?:LAT)?)(?=\s*:)")
_DEC_INLINE = re.compile(r"^Beslutning(?:er)?\s*:\s*(?P<text>\S.*)$")


@dataclass
class DecisionHeading:
    body: str | None
    date: date | None
    inline_text: str | None = None


def decision_heading(line: str) -> DecisionHeading | None:
    """Recognise "Beslutning i Byrådet den 27-04-2022", "Beslutning", "Udvalgets beslutning"."""
    line = _CAPS_DEC.sub(lambda m: m.group().capitalize(), readable(line))  # "BESLUTNING", "BESLUTNING: Godkendt."
    if len(line) > 140:  # a long line is a heading only with its decision after a colon ("Beslutning: Udvalget …")
        m = _DEC_INLINE.match(line)
        return DecisionHeading(None, None, m.group("text")) if m else None
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
    return DecisionHeading(readable(body) or None, day)  # "Beslutning i ØKONOMIUDVALGET" -> Økonomiudvalget


# the deciding body itself says no: "Udvalget kunne ikke anbefale indstillingen", "Byrådet besluttede ikke at ..."
# (not a group's dissent: "Alternativet kunne ikke tiltræde indstillingen" in an approved decision)
_BODY_REFUSES = (r"(?:^|[.!?:]\s+)(?:(?:(?-i:[A-ZÆØÅ])\w*-?,?\s+(?:og\s+)?){0,4}"  # "Børne- og Unge|udvalget"
                 r"[\w-]*(?:udvalget|byrådet|rådet|bestyrelsen|magistraten|direktionen)|kommunalbestyrelsen|"
                 r"regionsrådet)\s+(?:(?:kunne|kan|vil|ville|ønskede|ønsker|besluttede|beslutter)\s+ikke\s+(?:at\s+)?"
                 r"(?:godkende|tiltræde|vedtage|anbefale|imødekomme)\b|"
                 r"(?:godkender|godkendte|tiltræder|tiltrådte|anbefaler|anbefalede|vedtog)\s+ikke\b)")
OUTCOMES: list[tuple[str, re.Pattern[str]]] = [
    ("rejected", re.compile(r"ikke (?:godkendt|tiltrådt|vedtaget|anbefalet|imødekommet|accepteret)|forkast|afvist|"
                            r"afslået|faldt\b|bortfald|"
                            # "Udvalget meddeler afslag på ansøgningen": a refusal of an application
                            r"\b(?:meddele[rs]?|meddelt|give[rs]?|gives|givet)\s+(?:\w+\s+)?afslag\b|\bafslag på\b|"
                            + _BODY_REFUSES, re.I | re.M)),
    ("postponed", re.compile(r"\budsat\b|\budsættes\b|\butsat\b|genoptages|sendt tilbage|tilbagesendt", re.I)),
    ("approved", re.compile(r"godkend|tiltrå|vedtag|anbefal|imødekom|bevilg|besluttede|udpegede|accepter|"
                            r"\bvalgt\b|\bvalgte\b", re.I)),
    ("noted", re.compile(r"efterretning|orientering(?:en)? (?:blev )?(?:givet|taget)|drøftet|drøftede|"
                         r"orienteret|til orientering|intet under|^\.?$", re.I)),
]


def outcome(text: str) -> str:
    for label, pattern in OUTCOMES:
        if pattern.search(text):
            return label
    return "other"


# --- absentees (the votes are in core/votes.py) ------------------------------------------------

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
                               # "forlod mødet kl. 16.10 under behandlingen": one item only, not the meeting
                               r"inhabil|forlod mødet (?:kl\.?\s*\d{1,2}[.:]\d{2}\s+)?"
                               r"(?:under|ved|efter|før|inden)", re.I)
_PARTY = re.compile(r"^(?P<name>.+?)\s*\((?P<party>[^)]{1,30})\)\s*$")
_NONE = re.compile(r"^(?:ingen|intet|-)\.?$", re.I)
_ROLES = r"(?:næst)?(?:formand|forkvinde|forperson)(?:en)?|(?:vice)?borgmester(?:en)?|rådmand(?:en)?"
ROLE = re.compile(rf"^\(?(?:{_ROLES})\)?\.?$", re.I)  # "Ole Bjørn (A), formand, ..."
# "formand Kirsten Hvid (A)": a role before a name is no part of it
_ROLE_BEFORE = re.compile(rf"^(?:{_ROLES})\s+(?=(?-i:[A-ZÆØÅ]))", re.I)


# a member who came late or left early: "Peter Kolind (Ø) forlod mødet kl. 19.50 under behandlingen af punkt 5",
# "Yasmin Dahl (Ø) deltog fra kl. 17.25", "Anders Kirk (F) ankom kl. 9.15"
ATTENDANCE_CHANGE = re.compile(r"\b(?:(?:havde )?forladt (?:mødet|salen)|stedfortræder for|suppleant for|"
                               r"(?:deltog|mødte|indkaldt|indkaldtes) som (?:stedfortræder|suppleant)|"
                               r"stedfortrædere?\s*:|"
                               r"deltog i stedet for|substitute for|substituting for|"
                               r"forlod (?:mødet|udvalgsmødet|byrådsmødet|salen)|ankom\b|deltog (?:først )?fra\b|"
                               r"mødte (?:op )?(?:kl\.|klokken|under|efter)|kom (?:for sent|kl\.|under)|"
                               r"left the meeting|arrived (?:at|late|during)|joined (?:the meeting )?(?:at|during))",
                               re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])|\n")


def attendance_remarks(text: str) -> list[str]:
    """The sentences of ``text`` that record a member coming late or leaving early, as printed."""
    found = []
    for sentence in _SENTENCE_END.split(text):
        sentence = re.sub(r"^(?:Bemærkning(?:er)?|Note|Remarks?)\b\s*:?\s*", "", sentence.strip(), flags=re.I)
        if ATTENDANCE_CHANGE.search(sentence) and re.search(r"[A-ZÆØÅ][a-zæøå]+", sentence) and len(sentence) < 240:
            found.append(sentence)
    return list(dict.fromkeys(found))


def item_only_absentees(text: str) -> set[str]:
    """Names a decision text records as absent from its own item only ("Jens Ø (V) deltog ikke i behandlingen
    af punktet"): they were at the meeting."""
    found: set[str] = set()
    for line in text.splitlines():
        m = ABSENT_SENTENCE.match(line.strip())
        if m and ITEM_ONLY_ABSENCE.search(line) and not ABSENT_LABEL.match(line.strip()):
            found.update(split_names(re.split(r"[.:;]\s+", m.group("names"))[-1]))
    return found


# a further absence label inside a line of names, and a remark after a member's party ("Pia Juhl (C) (uden afbud)")
_NEXT_LABEL = re.compile(r"\.?\s+(?:Afbud|Fraværende|Fravær|Forfald|Ikke til stede)\s*:\s*", re.I)
_AFTER_PARTY = re.compile(r"(\([^()]{1,30}\))\s*\([^()]{1,40}\)$")
# the reason after a name ("Karin Høgsted (V), afbud; Bent Lykke (A)"): no name of its own
_REASONS = r"(?:(?:meldt\s+)?afbud|fraværende|fravær|forfald|syg(?:dom)?|ferie|orlov)"
_REASON = re.compile(rf"^\(?{_REASONS}\)?\.?$", re.I)
# the reason after a dash ("Kurt Engmark (O) - afbud"): the name alone
_DASH_REASON = re.compile(rf"\s+[-–]\s+{_REASONS}\.?$", re.I)


# one name with its party and what the member did ("Poul Erik Dreyer (O) forlod mødet kl. 17.05 og deltog ikke i
# behandlingen af punkt 11-14"): the remark is the member's, not a second name after "og"
_NAME_REMARK = re.compile(r"^(?P<name>(?:[A-ZÆØÅ][\w'’.-]*\s+){1,5}\([^()]{1,12}\))\s+"
                          r"(?P<remark>[a-zæøå][^()]{5,150})$")


def split_names(text: str) -> list[str]:
    text = text.strip().rstrip(".")
    if not text or _NONE.match(text):
        return []
    remarked = _NAME_REMARK.match(text)
    if remarked and not _REASON.match(remarked["remark"]):
        return [f"{remarked['name']} ({remarked['remark']})"]
    text = _NEXT_LABEL.sub(", ", text)  # "Allan Bork (O). Fraværende: Pia Juhl (C)": both are absent
    # "Pernille Bak (F). Susanne Holm (F) deltog som stedfortræder.": a remark follows the last name's sentence
    text = re.split(r"(?<=\))\.\s+", text)[0]
    parts = [_ROLE_BEFORE.sub("", _AFTER_PARTY.sub(r"\1", _DASH_REASON.sub("", p.strip())))
             for p in re.split(r",\s*|\s+og\s+|;\s*", text)]
    return [p for p in parts if p and len(p) < 60 and not ROLE.match(p) and not _REASON.match(p)]


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
CASE_ALONE = re.compile(r"^(?:(?:Sags?\s*(?:nr|nummer)\.?|Sag(?=\s*:)|Journal\s*(?:nr|nummer)\.?|J\.\s*nr\.?)\s*:?\s*)?"
                        rf"(?P<case>{'|'.join(CASE_FORMS)})\.?$", re.I)
CASE_LABELLED = re.compile(r"(?:Sags?\s*(?:nr|nummer)\.?|Journal\s*(?:nr|nummer)\.?|J\.\s*nr\.?)\s*:?\s*"
                           rf"(?P<case>{'|'.join(CASE_FORMS)}|[A-Z0-9][\w./-]{{3,30}})", re.I)
CASE_ANY = re.compile(rf"(?<![\w./-])(?P<case>{'|'.join(CASE_FORMS[:3])})(?![\w/-])")
# in a question, a number the words "sag", "case" or "sagsnummer" introduce is a case number in any form: "sag
# 21-014445" (alone, "21-014445" could be a span of years or a date, so CASE_ANY leaves the last two forms out)
CASE_ASKED = re.compile(r"\b(?:sag(?:en)?|sags?nr\.?|sagsnummer(?:et)?|journalnummer(?:et)?|j\.\s*nr\.?|case|"
                        rf"case (?:number|no\.?))\s*:?\s*(?P<case>(?:{'|'.join(CASE_FORMS)})[A-ZÆØÅ]?)(?![\w/-])",
                        re.I)  # "sag 20-075304K": a letter after the number is part of it


# "Sag: 23/18804" (First Agenda prints): after the bare word "Sag" only a number in a known form is a case number
_CASE_SAG = re.compile(rf"(?<!\w)Sag\s*:\s*(?P<case>{'|'.join(CASE_FORMS)})(?![\w/-])")


def case_number(line: str) -> str | None:
    m = CASE_ALONE.match(line) or CASE_LABELLED.search(line) or _CASE_SAG.search(line)
    return m.group("case") if m else None


# a closed item's status note: "Lukket punkt.", "Punktet er lukket for offentligheden.", "Sagen er behandlet for
# lukkede døre.", "Lukket punkt – ikke offentligt."
STATUS_NOTE = re.compile(
    r"^\(?(?:(?:lukket|lukkede?|fortroligt?)(?:\s+(?:punkt|sag|dagsordenspunkt))?(?:\s*[-–—,]\s*ikke\s+offentligt?)?|"
    r"(?:punktet|sagen)\s+er\s+lukket(?:\s+for\s+offentligheden)?|"
    # "Beslutningen fremgår af den lukkede protokol": the decision is recorded elsewhere, none here
    r"(?:beslutningen|afgørelsen)\s+fremgår\s+af\s+(?:den\s+)?lukkede?\s+(?:protokol|del\s+af\s+referatet)|"
    r"(?:(?:punktet|sagen)\s+(?:er\s+|blev\s+)?)?behandle[ts]\s+(?:for\s+lukkede\s+døre|på\s+lukket\s+møde))\)?$",
    re.I)


def status_only(text: str) -> bool:
    """The text only says that the item is closed (attendance lines beside that say nothing either)."""
    lines = [x.strip() for x in text.splitlines() if x.strip()]
    notes = [x for x in lines if not ABSENT_LABEL.match(x) and not ABSENT_SENTENCE.match(x)]
    sentences = [x.strip() for line in notes for x in re.split(r"(?<=\.)\s+", line) if x.strip()]
    return bool(sentences) and all(STATUS_NOTE.match(x.rstrip(".").strip()) for x in sentences)
