"""The kinds of answer a question may want (an amount, a share, a count, a date, names, a party, a company, ...)
and how to find values of each kind in text: the patterns evidence selection and the refusal checks share."""

from __future__ import annotations

import re

from assistant.counted import without_non_counts
from assistant.quotes import MONEY
from core.dates import MONTH_STEM
from core.model import fold
from core.municipalities import ALL_MUNICIPALITIES, REGIONS
from core.vocab import ABSENT_WORD
from store.lexical import tokens

_PERCENT = re.compile(r"\d+(?:[.,]\d+)?\s*(?:%|\?%|procent|pct\b)", re.I)
NUMBER = re.compile(r"(?<![\d.,/])(?!(?:19|20)\d\d\b)\d[\d.,]*(?![\d/])")  # not a case number ("24/11230")
COUNT_WORD = re.compile(r"\b(?:to|tre|fire|fem|seks|syv|otte|ni|ti|elleve|tolv|tyve|tredive|fyrre|halvtreds|tres|"
                         r"halvfjerds|firs|halvfems|hundrede|tusind|two|three|four|five|six|seven|eight|nine|ten|"
                         r"eleven|twelve|twenty|hundred|thousand)\b", re.I)
_COUNT = re.compile(NUMBER.pattern + "|" + COUNT_WORD.pattern, re.I)
# a length, an area, a volume, a temperature, a weight, a duration; "40 km/t" is a speed, no length
_MEASURE = re.compile(r"\d[\d.,]*\s*(?:m\b|meter|m2|m²|kvm|m3|m³|km(?!/t|/h| i timen)|cm|grader\b|°|kvadratmeter|"
                      r"kubikmeter|hektar|ha\b|etager|boliger|pladser|tons?\b|tonnes?\b|kg\b|kilo\w*|liter\b|litres?\b|"
                      r"minutter|timer\b|uger\b|måneder\b|dage\b)",
                      re.I)
_DATE = re.compile(r"\b\d{1,2}[.:]\d{2}\s*[-–]\s*\d{1,2}[.:]\d{2}\b|"  # a clock range ("15.00-24.00"), before dd.mm-yy
                   r"\b\d{1,2}\.?\s*(?:-\s*\d{1,2}\.\s*)?" + MONTH_STEM + r"|"
                   # a month with its year ("igangsat i april 2025", "in October 2025"), before the year alone
                   r"\b(?:" + MONTH_STEM + r"|january|february|march|june|july|october)\s+(?:19|20)\d{2}\b|"
                   r"\b\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|\b(?:uge|week)\s+\d{1,2}\b|\b(?:19|20)\d{2}\b|\bkl\.\s*\d|"
                   r"(?:forår|efterår|sommer|vinter|primo|medio|ultimo|inden|senest)\w*\s+(?:19|20)\d{2}|"
                   r"\b(?:man|tirs|ons|tors|fre|lør|søn)dag(?:e|en)?\b", re.I)  # weekdays
_NAME = re.compile(r"\b[A-ZÆØÅ][a-zæøåé]+(?:[ -][A-ZÆØÅ][a-zæøåé]+){1,3}\b")
_PARTY = re.compile(r"\((?:[A-ZÆØÅ]{1,2}|[A-ZÆØÅ]{1,2}, [A-ZÆØÅ]{1,2})\)|\b[A-ZÆØÅ]\b(?: og [A-ZÆØÅ]\b)?|"
                    r"\w+(?:partiet|demokraterne|listen|venstre|alternativet)\b|byrådsgruppe|Venstre\b|"
                    r"Socialdemokrat\w*|Konservative|Moderaterne|Radikale|Liberal Alliance|Folkeparti\b|Alternativet|"
                    r"Nye Borgerlige", re.I)
_COMPANY = re.compile(r"\b[A-ZÆØÅ][\w&-]*(?:\s+(?:[A-ZÆØÅ][\w&-]*|&))*\s+(?:A/S|ApS|I/S|P/S|K/S|a\.m\.b\.a\.?)|"
                      r"\b[A-ZÆØÅ][a-zæøå]+[A-ZÆØÅa-zæøå]*\s+(?:DK|Danmark|Denmark|Group|Gruppen|Consult)\b|"
                      # a utility named after its town ("Middelfart Fjernvarme", "Greve Vand", "Vejen Forsyning")
                      r"\b[A-ZÆØÅ][a-zæøå]+\s+(?:Fjernvarme|Forsyning|Vand|Varme|Spildevand|Energi|Renovation)\b|"
                      r"\b[A-ZÆØÅ]{2,}[a-zæøå]*(?:\s+[A-ZÆØÅ][\wæøå]*)+|\b[A-ZÆØÅ]{3,6}\b|"
                      # a name after the contract or the work it does ("indgået aftale med Clavis", "revideret af BDO")
                      r"\b(?:aftale|kontrakt|overenskomst) med [A-ZÆØÅ][\w&-]+|"
                      r"\b(?:revideret|udført|leveret|drevet|varetaget|vundet) af [A-ZÆØÅ][\w&-]+|"
                      # a name after its role ("Leverandøren Køkkenet Vestegnen", "rådgiveren Niras")
                      r"\b(?:[Ll]everandør|[Ee]ntreprenør|[Rr]ådgiver|[Oo]peratør|[Ff]irma|[Vv]irksomhed|[Ss]elskab)"
                      r"(?:en|et)?\s+[A-ZÆØÅ][\w&-]+(?:\s+[A-ZÆØÅ][\w&-]+)*")
_MUNICIPALITY = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(map(re.escape, [*ALL_MUNICIPALITIES, *REGIONS]), key=len,
                                                                 reverse=True)) + r")s?(?![\w-])")
# a street address: "Hundigevej 36", "Rådhuspladsen 1", "Ishøj Store Torv 20"
_ADDRESS = re.compile(r"\b[A-ZÆØÅ][\wæøå.-]*(?:vej|gade|allé|alle|vænge|stræde|plads|pladsen|torv|boulevard|park|"
                      r"parken|høj|bakke|have|haven|sti|vang|toften|bygade|hegn|dige|kaj|bro)(?:\s+\d{1,4}\s?[A-Za-z]?)\b")
# a council's own bodies, and the state's authorities a "hvilken myndighed" question may ask for ("Vejdirektoratet",
# "Miljøstyrelsen", "Indenrigsministeriet", "Arbejdstilsynet", "Planklagenævnet")
_BODY = re.compile(r"\w*(?:udvalg|udvalget|byråd|byrådet|råd|rådet|magistrat\w*|forvaltning\w*|administration\w*|"
                   r"direktorat(?:et)?|styrelse[n]?|ministerie[t]?|tilsynet|nævnet)\b", re.I)
_PLACE = re.compile(r"\b(?:på|i|ved|til)\s+[A-ZÆØÅ][\wæøå-]+|\b\w+(?:vej|gade|torv|plads|park|havn|center)\b", re.I)
# "for at" is a purpose ("for at sikre ..."), except in a vote line, where it is "in favour of" ("For at oversende
# forslag B stemte V")
_WHY = re.compile(r"\bfordi\b|\bda\b|på grund af|derfor|med henblik på|\bfor at\b(?![^.;\n]{0,80}\bstem(?:te|mer)\b)|"
                  r"skyldes|som følge af|begrund|"
                  r"\bidet\b|årsag|baggrund|formålet\b|\bpga\b|\bgrundet\b|\bvurdering(?:en)?,? at\b|"
                  # a party's recorded stance is the reason its vote gives ("Ø kan ikke støtte forhøjelsen af ...")
                  r"\bkan ikke (?:støtte|acceptere|gå ind for)\b|\bkunne ikke (?:støtte|acceptere|gå ind for)\b", re.I)
_VOTE = re.compile(r"stemte|stemmer|\bimod\b|undlod|undlader|tiltræde|flertal|mindretal|ønskede sagen|"
                   r"\bfor stemte\b|kunne ikke", re.I)
MANY = re.compile(r"\bhvilke\b|\bwhich\b|\bmedlemmer|\bmembers|partier\b|parties|\bpersoner|\bpeople|"
                  r"\balle\b|\ball\b|\blist\b", re.I)

# kinds whose answer is a value the question does not already state
VALUE_KINDS = frozenset({"amount", "percent", "count", "measure", "date", "person", "party", "company", "body",
                         "place", "municipality", "address"})
FIGURE_KINDS = frozenset({"amount", "percent", "count", "measure", "date"})  # figures: a decision may set or amend one
STRICT_KINDS = frozenset({"amount", "percent", "count", "measure", "date", "person", "party", "company"})
KIND_PATTERNS: dict[str, re.Pattern[str]] = {
    "amount": MONEY, "percent": _PERCENT, "count": _COUNT, "measure": _MEASURE, "date": _DATE,
    "person": _NAME, "party": _PARTY, "company": _COMPANY, "body": _BODY, "place": _PLACE, "explanation": _WHY,
    "municipality": _MUNICIPALITY, "address": _ADDRESS,
    "vote": _VOTE,
    "absent": re.compile(ABSENT_WORD.pattern + r"|forlod mødet|left the meeting", re.I),
}


_GENERIC_NAME = re.compile(r"kommune|region|byråd|udvalg|forvaltning|administration|municipality|council", re.I)


# a capitalised pair that names a body, a place or an organisation, not a person
_NOT_A_PERSON = re.compile(_GENERIC_NAME.pattern + r"|klub(?:ben|bens|s)?\b|forening\w*|skole[ns]?\b|center\b|"
                           r"centret\b|hallen?\b|havn(?:en)?\b|parken?\b|fond(?:en)?\b|selskab\w*|forsyning\w*|"
                           r"\wvej\b|\wgade\b|rådet\b", re.I)
_TOWNS = {m.lower() for m in ALL_MUNICIPALITIES}


def values(kind: str, text: str) -> set[str]:
    """The answers of ``kind`` that ``text`` holds (amounts, numbers, dates, names, ...), normalised."""
    pattern = KIND_PATTERNS.get(kind)
    if pattern is None:
        return set()
    if kind == "count":  # the day of a date counts nothing ("i mødet den 30. september 2025"), nor does the number
        # of an item, paragraph or attachment ("(pkt. 5)", "§ 17, stk. 4", "bilag 2")
        text = without_non_counts(text)
    return {re.sub(r"\s+", " ", m.group(0)).strip(" .,").lower() for m in pattern.finditer(text)}


def _squeeze(text: str) -> str:
    return re.sub(r"[\W_]+", "", fold(text))


def new_values(kind: str, text: str, known: str) -> set[str]:
    """The answers of ``kind`` in ``text`` that the question, title or meeting do not already state: the
    question "How many homes does local plan 14.54 allow?" is answered by "138", not by "14.54"."""
    if kind not in VALUE_KINDS:  # cue words ("stemte imod", "fordi"), not values: the question may repeat them
        pattern = KIND_PATTERNS.get(kind)
        return values(kind, text) if pattern is not None else set()
    seen = values(kind, known)
    known_tokens = set(tokens(known))
    squeezed = _squeeze(known)
    out = set()
    for v in values(kind, text) - seen:
        if kind == "person" and (_NOT_A_PERSON.search(v) or v.split()[0].lower() in _TOWNS):
            continue  # "Solrød Kommune", "Greve Golfklubs", "Inhabilitet Ved Folkeoplysningsudvalgets": no one
        if kind in {"person", "party", "body", "place", "company", "municipality", "address"}:
            words = [w for w in tokens(v) if not _GENERIC_NAME.search(w)]
            if not words or all(w in known_tokens for w in words) or _squeeze(v) in squeezed:
                continue  # "Greve Golfklub" is the question's "Greve Golf Klub"
        out.add(v)
    return out
