"""Does an item count what a count question asks about? "Hvor mange høringssvar kom der?" is answered by a
figure written beside "høringssvar" ("der kom 14 høringssvar"), not by the "8" of "Bilag 8. Høringssvar", the
"10." of "10. september" or the "19.00" of "klokken 19.00". A pure function of item text and question.

A figure counts the thing when it stands up to ``NEAR_BEFORE`` words before the thing's word ("10 nye midlertidige
pladser", "200 besøgende"), or up to ``NEAR_AFTER`` words after it ("Antallet af ledige forventes at stige fra
780"). Dates, clock times, case numbers, references ("bilag 2", "nr. 1010", "§ 85"), periods ("2. kvartal",
"1. runde") and years are removed first: they are figures that count nothing.
"""

from __future__ import annotations

import os
import re

from assistant.glossary import danish
from assistant.query import language
from core.dates import MONTH_RE
from store.lexical import tokens

NEAR_BEFORE = 5  # words between a figure and the thing it counts ("10 nye midlertidige pladser")
NEAR_AFTER = 5  # "Antallet af ledige forventes at stige fra 780 til 850" (calibration: 2 lost an answer)

# "hvor mange besøgende ...?", "how many visitors ...?": the thing counted
_COUNTED = re.compile(r"\b(?:hvor mange|how many|antal(?:let)?(?:\s+af)?|(?:the )?number of)\s+((?:\w+\s+){0,2}\w+)",
                      re.I)
_NOT_COUNTED = set("nye new flere more de the af of kommunale municipal danske danish ekstra extra gange times "
                   "penge money kroner mio procent percent".split())
# too general to be what the figure stands beside ("how many people" may be counted as "ledige" or "elever")
_GENERAL = set("people persons personer mennesker folk ones".split())
_VERB = re.compile(r"(?:ede|[^n]te|[^n]de)$|"
                   r"^(?:har|er|blev|var|skal|vil|kan|fik|have|has|had|are|were|was|did|do|will)$")
# a measure counted in units ("hvor mange kvadratmeter", "how many hectares"): the unit as the minutes write it
_AREA = "kvadratmeter kvm m2 m² etagemeter etm etagem2 boligm2"
_UNITS = {"kvadrat": _AREA, "square": _AREA, "m2": _AREA, "hektar": "hektar ha tdr", "hectare": "hektar ha tdr",
          "meter": "meter m lbm km kilometer", "metre": "meter m lbm km kilometer", "km": "km kilometer",
          "kilomet": "km kilometer"}
_DIGIT = re.compile(r"\d")
_COUNT_WORDS = set("to tre fire fem seks syv otte ni ti elleve tolv tyve hundrede tusind two three four five six seven "
                   "eight nine ten eleven twelve twenty hundred thousand".split())
_REFERENCE = re.compile(r"bilag|nr\.?|sagsnr\.?|j\.?nr\.?|pkt\.?|punkt|§|kl\.?|klokken|stk\.?|side|uge|lokalplan|"
                        r"kommuneplan|linje|buslinje|etape|fase|model|scenarie")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_SHARE_OR_SUM = re.compile(r"(?:pct|procent\w*|%|kr|kroner|mio|mia|million\w*|mia\w*)\.?,?$", re.I)
# sentences, not lines: a table's header row ("Skole | Elever") and its rows ("Hedelyskolen | 450") belong together
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])")
_COUNT_TAIL = re.compile(r"s?e?(?:tal|antal)")
_YEAR_RANGE = re.compile(r"\b((?:19|20)\d{2})\s*[-–/]\s*((?:19|20)?\d{2})\b")
# figures that count nothing: dates, clock times, case numbers, year ranges, ordinal periods
_NOT_A_COUNT = re.compile(
    rf"\b\d{{1,2}}\.?\s*(?:{MONTH_RE})\b|\b\d{{1,2}}[-./]\d{{1,2}}[-./]\d{{2,4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|"
    r"\b\d{1,2}[.:]\d{2}\b(?!\s*(?:mio|mia|kr|%|pct|procent))|"
    r"\b\d{2}[-/]\d{4,}(?:[-/]\d+)*\b|"  # a case number ("24-009644", "23/21177"), not a range ("62-63 flygtninge")
    r"\b\d{1,2}\.\s*(?:kvartal|halvår|runde|behandling|klasse|etape|fase|årgang|klassetrin|quarter|round|reading|"
    r"grade)\w*|"
    r"\b\d{1,2}\.?\s*(?:[-–]|til|to)\s*\d{1,2}\.\s*(?:klasse|årgang|klassetrin|grade)\w*|"  # "6.-9. årgang"
    r"\b(?:19|20)\d{2}\s*[-–/]\s*\d{2,4}\b", re.I)


# a reference's number ("pkt. 5", "beslutningspunkterne 1 og 2", "bilag 2", "§ 17, stk. 4")
_REFERENCED = re.compile(rf"(?:§|\b\w*punkt\w*|\b(?:{_REFERENCE.pattern}))\s*\d+\w*(?:\s*(?:,|og|and|-|–)\s*\d+\w*\b)*",
                         re.I)


def without_non_counts(text: str) -> str:
    """``text`` without the figures that count nothing: dates, clock times, case numbers, ordinal periods and the
    numbers of references."""
    return _REFERENCED.sub(" ", _NOT_A_COUNT.sub(" ", text))


# "hvor mange af de 31 ansøgninger kom fra fodboldklubber?", "how many of the 612 responses were against?": a part
# of a whole the question names; the figure must be said of the part ("fra fodboldklubber", "imod")
_SUBSET = re.compile(r"\b(?:hvor mange|how many)\s+(?:af|of)\s+(?:(?:de|disse|dem|the|these|those)\s+)?"
                     r"(?:([\d.,]+)\s+)?([^\W\d]+)\s+(.+)", re.I)


_SUBSET_VERB = re.compile(r"(?:ede|[^n]te)$|^(?:kom|var|blev|er|fik|gik|gav|har|havde|ville|kunne|skal|skulle|"
                          r"were|was|are|is|came|went|got|had|have|did|do|will|would)$", re.I)


def subset(question: str) -> tuple[str | None, list[str]] | None:
    """The whole's figure the question gives ("31") and the stems that name the part asked about (the words after
    the verb: "kom fra fodboldklubber"); None when the question counts no part of a named whole, or the part cannot
    be told in Danish (an English word the glossary lacks)."""
    m = _SUBSET.search(question)
    if m is None:
        return None
    rest = re.findall(r"[^\W\d]+", m.group(3).lower())
    verb = next((i for i, w in enumerate(rest) if _SUBSET_VERB.search(w)), None)
    if verb is None:
        return None
    english = language(question) == "en"
    stems: list[str] = []
    for word in (w for w in rest[verb + 1:] if len(w) >= 4):
        if english:
            glossed = danish(word)
            if not glossed:
                return None
            stems += [t for d in glossed for t in tokens(d)[:1]]
        else:
            stems += tokens(word)[:1]
    return (m.group(1), stems) if stems else None


def _part_counted(item_text: str, question: str) -> bool | None:
    """Does a sentence give a figure (not the whole's) beside every word of the part asked about? None: the
    question asks no part."""
    asked = subset(question)
    if asked is None:
        return None
    whole, stems = asked
    for sentence in _SENTENCE.split(item_text):
        words = re.findall(r"[\w.,§²%]+", _NOT_A_COUNT.sub(" ", sentence))
        figures = [w for i, w in enumerate(words)
                   if _is_figure(words, i) and w.strip(".,") != (whole or "").strip(".,")]
        said = set(tokens(sentence))
        if figures and all(any(t.startswith(stem[:5]) for t in said) for stem in stems):
            return True
    return False


# people counted by the places that take them: "hvor mange flere børn må børnehaven tage ind?" is answered by
# "en udvidelse med 10 pladser", "how many residents?" by "72 plejeboligpladser"
_HOUSED = {"børn", "barn", "elev", "bebo", "borg", "brug", "ung", "ældr", "patient"}
_PLACE = "plad"  # the stem of "plads", "pladser", "børnehavepladser"


_ADJECTIVE = re.compile(r"(?:lige|ige|iske|ske|ende)$")  # "børnefaglige", "psykiske", "igangværende"


def counted(question: str) -> list[str] | None:
    """Stems the counted thing is written with (Danish; English through the glossary); None: cannot judge."""
    stems = _counted(question)
    return [*stems, _PLACE] if stems and _HOUSED & set(stems) else stems


def _counted(question: str) -> list[str] | None:
    m = _COUNTED.search(question)
    if m is None:
        return None
    words = [w for w in m.group(1).lower().split() if w not in _NOT_COUNTED]
    if not words or len(words[0]) < 2:
        return None
    for stem, written in _UNITS.items():
        if words[0].startswith(stem):
            return written.split()
    if len(words[0]) < 4 or words[0] in _GENERAL or _VERB.search(words[0]):
        return None  # "hvor mange anbefalede udvalget?": the counted thing is not named
    if language(question) == "en":
        if len(words) > 1 and words[1] not in _GENERAL and not _VERB.search(words[1]) and danish(words[1]):
            return None  # "citizen reports", "traffic accidents": which word names the thing counted is unclear
        return [t for d in danish(words[0]) for t in tokens(d)[:1]] or None
    if len(words) > 1 and _ADJECTIVE.search(words[0]) and not _VERB.search(words[1]) and len(words[1]) >= 4:
        return tokens(words[1])[:1] or None  # "børnefaglige undersøgelser": the thing is the noun, not its adjective
    return tokens(words[0])[:1] or None


def _is_figure(words: list[str], i: int) -> bool:
    word = words[i]
    if not (_DIGIT.match(word) or word.lower() in _COUNT_WORDS) or word.endswith("%"):
        return False  # "14%" is a share
    if i and _REFERENCE.fullmatch(words[i - 1].lower()) or _YEAR.fullmatch(word.rstrip(".,")):
        return False  # "Bilag 2", "nr. 1010", "§ 85", a year: a reference, not a count
    # "Ungeledigheden er steget til 5,4 pct.": a share or a sum, not a count of young people
    return not (i + 1 < len(words) and _SHARE_OR_SUM.match(words[i + 1]))


def uncounted(item_text: str, kind: str, question: str) -> bool:
    """A count question names what it counts ("how many visitors did the exhibition attract?") and no figure in
    the item stands beside it: the item's figures count something else (kroner, years, dates)."""
    if kind not in {"count", "measure"}:
        return False
    part = _part_counted(item_text, question)
    if part is not None:
        return not part
    stems = counted(question)
    if not stems:
        return False
    units = kind == "measure"
    if units and stems[0] not in {written.split()[0] for written in _UNITS.values()}:
        return False  # "how tall ...?": no unit named to look for
    asked_years = _years(question)
    for sentence in _SENTENCE.split(item_text):
        if asked_years and (said := _years(sentence)) and not asked_years & said:
            continue  # "Festivalen havde 21.000 gæster i 2024" does not count the guests of 2025
        if _counts_in(sentence, stems, units):
            return False
    return True


def _counts_in(sentence: str, stems: list[str], units: bool) -> bool:
    words = re.findall(r"[\w.,§²%]+", _NOT_A_COUNT.sub(" ", sentence))
    for i, word in enumerate(words):
        if not _is_figure(words, i):
            continue
        if units:  # "12 hektar", "1.200 m2"; a table's "Areal (m²): 1.200" names the unit before
            near = words[max(0, i - NEAR_AFTER): i] + words[i + 1: i + 3]
            if any(w.lower().strip(".,()") in stems for w in near) or _fused(word, stems):
                return True
            continue
        near = _clause(words[max(0, i - NEAR_AFTER): i], last=True) + _clause(words[i + 1: i + NEAR_BEFORE + 1])
        if any(_is_thing(t, stem) for w in near for t in [*tokens(w), w.lower()] for stem in stems):
            return True
    return False


# "flere henvisninger fra Hospitalsenhed Vest og 2 ubesatte stillinger": a conjunction between a thing and a figure
# starts another phrase, whose figure counts its own thing
_CONJUNCTION = {"og", "samt", "eller", "men", "and", "or", "but"}


def _clause(words: list[str], last: bool = False) -> list[str]:
    """The words of ``words`` on the figure's side of the nearest conjunction (all of them when there is none)."""
    cuts = [k for k, w in enumerate(words) if w.lower() in _CONJUNCTION]
    if not cuts:
        return words
    return words[cuts[-1] + 1:] if last else words[:cuts[0]]


def _is_thing(word: str, stem: str) -> bool:
    """The word names the counted thing: the thing itself, inflected ("pavillonenheder" for "enheder"), or a
    compound ending in it; or the head of the asked compound written alone ("Tre projekter" for
    "vandløbsprojekter"). A compound the thing only begins is something else ("ansøgningsfristen" is a deadline)."""
    w = word.lower().strip(".,;:()")
    if len(stem) >= 9 and len(os.path.commonprefix([w, stem])) >= len(stem) - 2:
        return True  # a long word typed with a slip ("undersøgelsr" for "undersøgelser")
    at = w.rfind(stem)
    if at >= 0 and (len(w) - at - len(stem) <= 4 or _COUNT_TAIL.match(w, at + len(stem))):
        return True  # "elevtallet", "antallet af borgere": the count of the thing
    return len(stem) > len(w) >= 5 and w[:5] in stem[-len(w) - 1:]


def _years(text: str) -> set[int]:
    """The years a text names, ranges spelt out ("2025-28" is 2025 to 2028)."""
    found = {int(y) for y in re.findall(r"\b(?:19|20)\d{2}\b", text)}
    for m in _YEAR_RANGE.finditer(text):
        start, end = int(m.group(1)), m.group(2)
        stop = int(end) if len(end) == 4 else start // 100 * 100 + int(end)
        found |= set(range(start, stop + 1)) if start <= stop <= start + 30 else set()
    return found


def _fused(word: str, units: list[str]) -> bool:
    """"1.200m2": figure and unit written together."""
    low = word.lower().rstrip(".,")
    return any(low.endswith(u) and u != low for u in units if not u.isalpha() or len(u) > 1)
