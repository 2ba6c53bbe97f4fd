"""Understand a question: language, intent, and filters (municipality, dates, item, case)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date

from core import dates as ddates
from core.municipalities import ALL_MUNICIPALITIES, QUESTION_ALIASES, REGIONS
from core.vocab import CASE_ANY, CASE_ASKED, CASE_NUMBERS

EN_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
# Function words that tell the two languages apart; names (Tværhøjgård, Aarhus) never decide it.
EN_WORDS = {"what", "did", "the", "who", "when", "how", "which", "was", "were", "decide", "decided", "about",
            "and", "is", "of", "on", "vote", "voted", "absent", "much", "meeting", "committee", "item", "does",
            "do", "to", "in", "a", "an", "its", "their", "has", "have", "had", "are", "many", "will", "would",
            "should", "can", "could", "from", "with", "by", "at", "this", "that", "there", "any", "why", "where",
            "whom", "whose", "it", "be", "been", "get", "got", "into", "after", "before", "than", "or", "not",
            "since", "until"}
# glossary keys that are Danish words too ("plan", "budget", "festival"): no sign of English in a fragment
DA_NOUNS = {"plan", "budget", "festival", "center", "job", "mentor", "integration", "social", "status", "workshop",
            "procedure", "kontrakt", "bus", "hospital", "transport", "proces"}
DA_WORDS = {"hvad", "hvem", "hvornår", "hvordan", "hvilke", "hvilken", "hvilket", "besluttede", "blev", "om", "og",
            "er", "på", "af", "til", "det", "den", "mødet", "udvalget", "punkt", "var", "stemte", "hvor", "meget",
            "mange", "har", "havde", "skal", "skulle", "kan", "kunne", "vil", "ville", "fik", "med", "i", "en", "et",
            "de", "der", "som", "ved", "fra", "efter", "hvorfor", "sagen", "ikke", "eller", "end", "ud", "sig"}

INTENTS: list[tuple[str, re.Pattern[str]]] = [
    ("vote", re.compile(r"\bstem(?:te|me|mer|ning)|afstemning|\bvot(?:e|ed|es|ing)\b|"
                        r"(?<!\btage )(?<!\btaget )(?<!\btager )(?<!\btog )(?<!\bmodtage )\bimod\b|against|"
                        r"flertal|majority", re.I)),
    ("absent", re.compile(r"fravær|afbud|\babsent|absence|deltog ikke|not attend|missing from|"
                          r"did not take part|inhabil", re.I)),
    ("casenr", re.compile(r"sagsnummer|sagsnr|journalnummer|journalnr|case number|case no", re.I)),
    ("money", re.compile(r"\bkr\.?\b|kroner|beløb|\bmio\b|million|koste|\bcost|how much|hvor meget|"
                         r"budget|bevilling|tilskud|\bpris\b|\bprice|amount|egenfinansiering|finansier|udgift|"
                         r"omkostning|expense|spend|besparelse|saving", re.I)),
    ("case", re.compile(r"what happened (?:to|with) case|hvad skete der med sag|"
                        rf"(?:\bsag(?:en)?s?(?:nr|nummer)?\.?|\bcase)\s*(?:{CASE_NUMBERS})(?![\w/-])", re.I)),
    ("list", re.compile(r"\bwhich items\b|\bhvilke punkter\b|list (?:the|all)|\boversigt\b|what was on the agenda|"
                        r"hvad var på dagsordenen", re.I)),
    ("date", re.compile(r"\bhvornår\b|\bwhen\b|what date|hvilken dato", re.I)),
    ("who", re.compile(r"\bhvem\b|\bwho\b", re.I)),
]

_MUNI = re.compile(r"(?<![\w-])(" + "|".join(sorted((re.escape(m) for m in [*ALL_MUNICIPALITIES, *QUESTION_ALIASES]),
                                                     key=len, reverse=True)) + r")s?(?![\w-])", re.I)
# "punkt 5", "punkt 4a", "punkt 10.1", "punkt IV" (roman numerals in capitals: "punkt i" is a preposition)
_ITEM = re.compile(r"\b(?:punkt|pkt\.?|item|agenda item|dagsordenspunkt)\s*(?:nr\.?\s*)?"
                   r"(\d{1,4}(?:\.\d{1,3})?(?:[a-h](?![a-zæøå]))?|(?-i:[IVXL]{1,6}))\b", re.I)
_ENUMERATION = re.compile(r"\s*(?:og|and|,|-|–)\s*\d")
_YEAR = re.compile(r"\b(?:i|in|during|fra|from|år|year)\s+((?:19|20)\d{2})\b", re.I)
_LAST = re.compile(r"\b(?:last|latest|most recent|seneste|sidste)\s+(?:meeting|møde)", re.I)
_OPENER = r"(?:(?:ok(?:ay)?|nå|ja|jamen|so|well|right)\W+)?"  # "ok and which firm got the job?"
_FOLLOWUP = re.compile(r"^" + _OPENER + r"(?:and|og|what about|hvad med|men|but|also|også|then|så)\b|"
                       r"\b(?:it|that|this|they|them|"
                       r"det|den|dette|denne|de|dem|punktet|sagen|there|der)\b", re.I)


@dataclass
class Filters:
    municipalities: list[str] = field(default_factory=list)
    committee: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    item_number: str | None = None
    case_number: str | None = None
    latest: bool = False
    soft_dates: bool = False  # dates read from the question rank items; dates from the request filter them
    soft_item: bool = False  # "punkt 5" read from the question ranks items ("budgettets punkt 1 og 2" is no item)

    def merged(self, other: Filters) -> Filters:
        """Request filters win; question filters fill the gaps."""
        return Filters(
            municipalities=self.municipalities or other.municipalities,
            committee=self.committee or other.committee,
            date_from=self.date_from or other.date_from,
            date_to=self.date_to or other.date_to,
            item_number=self.item_number or other.item_number,
            case_number=self.case_number or other.case_number,
            latest=self.latest or other.latest,
            soft_dates=self.soft_dates if (self.date_from or self.date_to) else other.soft_dates,
            soft_item=self.soft_item if self.item_number else other.soft_item,
        )


@dataclass
class Query:
    text: str
    language: str
    intent: str
    filters: Filters
    followup: bool = False  # leans on an earlier question ("Og hvor stort er tilskuddet til centret?")


def language(text: str) -> str:
    words = re.findall(r"[a-zæøå]+", text.lower())
    en = sum(w in EN_WORDS for w in words)
    da = sum(w in DA_WORDS for w in words)
    if en == da:  # a chat fragment with no function words ("greve ukrainian refugees total?"): its nouns decide
        from assistant.glossary import danish

        en = sum(bool(danish(w)) and w not in DA_NOUNS for w in words)
        da = sum(bool(re.search(r"[æøå]", w)) for w in words)
    return "en" if en > da else "da"


DECISION = re.compile(r"besluttede|beslut|\bdecid|decision|vedt[ao]g|godkend|skete der|\bsket\b|happened|konklu|"
                      r"conclud|"
                      r"\btraf\b|resultat|outcome|\bsagde\b|\bsagt\b|\bsay\b|\bsaid\b|udfald|afgørelse|"
                      r"\bgjorde\b.{0,60}\bmed\b|\bdo (?:with|about)\b|\bdone (?:with|about)\b", re.I)


STRONG_MONEY = re.compile(r"hvor meget|how much|\bkr\.?\b|kroner|koste|\bcost|beløb|\bpris\b|\bprice|amount|"
                           r"udgift|expense|spend|besparelse|saving|hvor stor[te]? (?:er|var|bliver)", re.I)


def intent(text: str) -> str:
    for name, pattern in INTENTS:
        if pattern.search(text):
            if name == "money" and DECISION.search(text) and not STRONG_MONEY.search(text):
                return "decision"  # "hvad besluttede X om budget 2024" asks for the decision
            return name
    return "decision" if DECISION.search(text) else "fact"


def _canon_muni(raw: str) -> str:
    low = raw.lower()
    return QUESTION_ALIASES.get(low) or next(m for m in ALL_MUNICIPALITIES if m.lower() == low)


# ... and the town's own centre ("aarhus midtby", "Vejle centrum") is the town itself
_CIVIC_NEXT = re.compile(r"\s+(?:[Mm]idtby\w*|[Cc]entrum|[Bb]ymidte\w*|"
                         r"Kommune|Kommunes|Byråd|Byrådet|Byråds|Municipality|City|Council|Region|"
                         r"[A-ZÆØÅ]\w*udvalg\w*|Kommunalbestyrelse\w*|"
                         # "Gentoftes Kultur- og Fritidsudvalg", "Greves Klima-, Teknik- og Miljøudvalg"
                         r"[A-ZÆØÅ][\wæøå]*-,?(?:\s+[\wæøå]+-,?){0,3}\s+og\s+[\wæøå]*udvalg\w*)\b")
# "Glostrup Økonomiudvalg" names both
# a capitalised word, or a place noun typed in lower case ("køge bugt strandpark", "aarhus havn")
_NAME_NEXT = re.compile(r"\s+(?:[A-ZÆØÅ][a-zæøå]|(?:bugt|fjord|havn|strand|sø|å|skov|bakke|midtby|centrum|station|"
                        r"nord|syd|øst|vest|ø|hospital|sygehus)(?:en|et|s|'s)?\b)")  # "herlev hospital's share"


# "outside Hjørring Kommune", "uden for Greve": a town the question sets apart, not whose minutes are asked
_OUTSIDE = re.compile(r"\b(?:outside(?: of)?|uden ?for|beyond|except|undtagen)\s+(?:the\s+)?$", re.I)


# a town whose name is an everyday word typed in lower case ("hvornår åbner vejen?": the road): the town only
# before a civic word ("vejens teknik- og miljøudvalg", "vejen kommune")
_EVERYDAY = {"vejen"}


def _part_of_a_name(text: str, m: re.Match[str]) -> bool:
    """"Køge Bugt Strandpark", "Aarhus Ø": a municipality's name inside a place's own name is not a filter."""
    rest = text[m.end():]
    if m.group(1) in _EVERYDAY and not re.match(_CIVIC_NEXT.pattern, rest, re.I):
        return True
    return bool(_NAME_NEXT.match(rest)) and not _CIVIC_NEXT.match(rest)


# a region the question's opening makes its subject ("Hvordan fordelte Region Sjælland ...", "Did Region Midtjylland
# ..."): whose minutes are asked for. Named later, a region is often an actor cited in another's minutes ("according
# to Region Sjælland"), which says nothing about whose minutes are meant, so it is no filter there.
_REGION_SUBJECT = re.compile(r"^\W*(?:[\wæøå]+\s+){1,3}?(" + "|".join(REGIONS) + r")\b", re.I)
_CITES = re.compile(r"\b(?:ifølge|according|fra|from|til|to|med|with|af|by|i forhold)\b", re.I)


def _region_subject(text: str) -> str | None:
    m = _REGION_SUBJECT.search(text)
    if m is None or _CITES.search(text[:m.start(1)]):
        return None
    return next(r for r in REGIONS if r.lower() == m.group(1).lower())


def _season(case: str) -> bool:
    """"23/24": a season or school year (two years in a row), no case number."""
    a, _, b = case.partition("/")
    return len(a) == len(b) == 2 and a.isdigit() and b.isdigit() and int(b) == (int(a) + 1) % 100


def extract_filters(text: str) -> Filters:
    f = Filters()
    f.municipalities = list(dict.fromkeys(_canon_muni(m.group(1)) for m in _MUNI.finditer(text)
                                          if not _part_of_a_name(text, m) and not _OUTSIDE.search(text[:m.start()])))
    region = _region_subject(text)
    if region:  # "Is Region Syddanmark cutting the bus between Tønder and Højer?": the towns are places in its minutes
        f.municipalities = list(dict.fromkeys([region, *f.municipalities]))
    m = _ITEM.search(text)
    if m and not _ENUMERATION.match(text[m.end():]):  # "punkt 1 og 2" counts recommendation points, not items
        f.item_number, f.soft_item = m.group(1), True
    m = CASE_ASKED.search(text) or CASE_ANY.search(text)
    if m and not (m.re is CASE_ANY and _season(m.group("case"))):
        f.case_number = m.group("case")  # not "vinter 23/24", "skoleåret 24/25": two years in a row
    found = ddates.find_dates(text)
    if found:
        f.date_from = f.date_to = found[0][1]
    else:
        # a meeting's month, else a span's start ("siden marts 2022"); not when a rule takes effect
        named = [(m, ddates.month_role(text, m)) for m in ddates.MONTH_YEAR.finditer(text)]
        mm, role = next((n for n in named if n[1] == "meeting"), named[0] if named else (None, ""))
        if mm and role != "effect":
            name, year = mm.group(1).lower().rstrip("."), int(mm.group(2))
            month = ddates.MONTHS.get(name) or EN_MONTHS[name]
            f.date_from = date(year, month, 1)
            # "siden marts 2022", "since March 2022": from that month on, not in it
            f.date_to = None if role == "since" else date(year, month, calendar.monthrange(year, month)[1])
        else:
            my = _YEAR.search(text)
            if my:
                f.date_from, f.date_to = date(int(my.group(1)), 1, 1), date(int(my.group(1)), 12, 31)
    f.latest = bool(_LAST.search(text))
    f.soft_dates = bool(f.date_from or f.date_to)
    return f


# an opening that continues, or an English pronoun: never a standalone question's
_CONTINUES = re.compile(r"^\W*" + _OPENER + r"(?:and|og|what about|hvad med|men|but|also|også|then|så)\b|"
                        r"\b(?:it|its|they|them|their)\b", re.I)


_PARTS = re.compile(r",\s*(?:og|and|men|but)\s+|;\s*", re.I)  # the parts of a compound question
_DEFINITE_EN = re.compile(r"\bthe\s+([a-z]{4,})\b", re.I)
_DEFINITE_DA = re.compile(r"\b([a-zæøå]{3,}?)(?:erne|ene|en|et|ne)\b", re.I)


def _refers_back(text: str, previous: str) -> bool:
    """A definite noun naming a thing of the question before ("... how long would the bridge be?" after "the
    proposed bridge"; "broen" after "en bro"): the question speaks of what was asked about."""
    before = {w.lower() for w in re.findall(r"\w+", previous)}
    stems = {w[:6] for w in before if len(w) >= 4}
    if any(m.group(1).lower()[:6] in stems for m in _DEFINITE_EN.finditer(text)):
        return True
    return any(m.group(1).lower() in before for m in _DEFINITE_DA.finditer(text))


def is_followup(text: str, before: list[str] | None = None, previous: str | None = None) -> bool:
    """Does the question lean on the one before it (``previous``: "and how much did it cost?", "how long would
    the bridge be?")? Naming another municipality than the conversation's (``before``) starts a new question;
    naming the same one does not ("And how much will Greve itself pay?")."""
    words = re.findall(r"\w+", text)
    named = {_canon_muni(m.group(1)) for m in _MUNI.finditer(text)}
    if named - set(before or []):
        return False
    # a short question, or a short part of a compound one ("How many pupils does that school have, and how old are
    # the rooms?"), that speaks of "it", "that", "de", "sagen"
    short = [part for part in _PARTS.split(text) if len(re.findall(r"\w+", part)) <= 12] if len(words) <= 20 else []
    return (any(_FOLLOWUP.search(part) for part in short) or (len(words) <= 20 and bool(_CONTINUES.search(text)))
            or (len(words) <= 20 and not named and previous is not None and _refers_back(text, previous)))


def understand(text: str, request_filters: Filters | None = None) -> Query:
    found = extract_filters(text)
    filters = request_filters.merged(found) if request_filters else found
    return Query(text=text, language=language(text), intent=intent(text), filters=filters)
