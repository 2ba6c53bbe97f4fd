"""Questions about a meeting itself (who was absent, where and when it was held, who took part)
and their answers, quoted from the meeting's own facts (``Meeting.facts``)."""

from __future__ import annotations

import re

from assistant.glossary import GLOSSARY
from assistant.quotes import sentences
from core.dates import MONTHS
from core.model import Meeting
from core.municipalities import MUNICIPALITY_WORDS, QUESTION_ALIASES
from store.lexical import tokens

ASPECTS: list[tuple[str, re.Pattern[str]]] = [
    # who came late or left early ("Hvem forlod mødet før tid?", "Who turned up late?")
    ("remarks", re.compile(r"\bforlod\b|\bleft\b.{0,40}\b(?:early|before)|\bleave early|\b(?:arrived|turned up|came|"
                           r"showed up|joined) (?:late|after)|\blate(?:r)? (?:arrival|to the meeting)|\bfor sent\b|"
                           r"\bankom\b|\bkom senere\b|\bgik (?:tidligt|før)|\bfør tid\b|\bdeltog (?:først )?fra\b|"
                           r"\bhvornår kom\b|\bwhen did\b.{0,40}\b(?:arrive|come|join|show up|turn up)\b|"
                           r"\bdukkede\b.{0,30}\bop\b|"
                           # a substitute for an absent member is noted beside the attendance
                           r"\bstedfortræder\w*|\bsuppleant\w*|\bsubstitut\w*|\bstood in\b|\bin place of\b|"
                           r"\bi stedet for\b",
                           re.I)),
    ("chair", re.compile(r"\bformand|\bforperson|\bchair(?:s|ed|man|woman|person)?\b|\bpresided", re.I)),
    ("absent", re.compile(r"fravær|afbud|\babsent|absence|apologies|deltog ikke|ikke deltog|ikke (?:var )?til stede|"
                          r"not attend|(?:did not|didn't) attend|not present|missing|\bmissed\b|meldt(?:e)? fra|"
                          r"meldt afbud|\bmanglede\b|\budeblev\w*|\bikke mødt", re.I)),
    # "hvor moedtes ...": chat typing without æøå
    ("venue", re.compile(r"\bhvor (?:blev|holdt|m(?:ø|oe|o)dtes|foregik|var|afholdt)|"
                         r"hvordan blev .{0,80}(?:afholdt|holdt)|"
                         r"\bhvor\b.{0,60}\b(?:m(?:ø|oe|o)des|holdes|afholdes)\b|"
                         r"how was .{0,80}\bheld|mødested|\bwhere\b|venue|location|"
                         r"\bsted\b|lokale|\bwhich (?:room|building|hall)\b|\bwhat (?:room|building|hall)\b|"
                         r"\bhvilket (?:lokale|rum|mødelokale)\b", re.I)),
    ("time", re.compile(r"hvornår (?:startede|begyndte|starter|begynder|start|begynde)|what time|hvilket tidspunkt|"
                        # the meeting's day: "hvilken dag holdt udvalget sit møde i juni?", "what date was it held?"
                        r"\bhvilken (?:dag|dato) (?:holdt|blev|mødtes|var|afholdt)\b|\bhvornår (?:holdt|afholdt)\b|"
                        r"\bwhat (?:day|date) (?:was|did)\b.{0,60}\b(?:meet|meeting|held)\b|"
                        r"hvornår (?:gik|går|kom|kommer)\b.{0,40}\bi gang\b|"
                        r"\bhvad tid\b|"
                        r"\bklokken\b|\bkl\.|start(?:ed|ede|er|s)?\b|begin|began|begynder", re.I)),
    ("participants", re.compile(r"delt(?:ag|og)|\bmedlem|\bmembers?\b|attend|"
                                r"present|til stede", re.I)),
    ("extraordinary", re.compile(r"ekstraordinær|extraordinary", re.I)),
    ("status", re.compile(r"dagsorden eller (?:et )?referat|agenda or (?:the )?minutes|referat foreligger", re.I)),
]
_ASKS_ABSENT = re.compile(r"\bafbud\b|\bapologies\b|\bfraværende\b|\babsent\b|\bmeldt(?:e)? (?:afbud|fra)\b", re.I)
_PERSON = re.compile(r"\b[A-ZÆØÅ][a-zæøåé]+(?:\s+[A-ZÆØÅ][a-zæøåé]+)+\b")
# "mødet i Nuuk", and a chat question's last word after "i"/"på", typed in lower case ("... d. 25/11-2024 på frb?")
_IN_PLACE = re.compile(r"\b(?:i|in|på|at)\s+([A-ZÆØÅ][\wæøå-]+)|\b(?:i|på)\s+([a-zæøå][\wæøå-]{1,14})\s*\?\s*$")
_CHAIR_ROLE = re.compile(r"\b(?:formand|forperson|chair|borgmester)\b", re.I)
MEETING = re.compile(r"mød(?:e|et|er|erne|tes|es)\b|\bmo(?:e)?de(?:t)?\b|\bmo(?:e)?d(?:t)?es\b|"
                     r"\bmeeting|\bmee?t\b|\bheld\b|\bholdt\b",
                      re.I)  # "moede"/"mode": typed without ø  # "byrådsmødet"
# words that ask about the meeting, not a topic: question words, meeting vocabulary, months
_FRAME = set(tokens(
    "ekstraordinære ekstraordinært ekstraordinær extraordinary special "
    "hvem hvad hvor hvornår hvilke hvilken var blev havde har holdt holdte mødtes møde mødet meldt meldte afbud "
    "fraværende fravær deltog deltagere deltager medlemmer medlem ikke til stede den det de og i på ved om af for "
    "da som kommune kommunes udvalg udvalget udvalgets byråd byrådet regionsråd ekstraordinære ekstraordinær "
    "who what where when which was were is the a an of at on in to from did not attend attended absent "
    "it this that there and or for by with mode modet moede moedet moedtes modtes moedes d dukkede op sit sin "
    "egentlig egentligt dag dagen dato datoen day "
    "stedfortræder stedfortræderen suppleant suppleanten substitute substituted stood place stedet "
    "absence members member meeting held city council committee municipality municipal regional extraordinary "
    "present chair " + " ".join(MUNICIPALITY_WORDS) + " "
    # "which member did not take part in one item?": attendance at some of the meeting's items
    "take took part one item items punkt punkter punktet enkelte "
    "chaired formand næstformand ifølge according participant list deltagerlisten start startede time "
    "januar februar marts april maj juni juli august september oktober november december january february "
    "march may june july october sent send gave had has have havde været been har apologies apology meet meets mødes "
    "anyone anybody someone nobody nogen ingen hvordan how afholdt missing missed skulle skal holdes afholdes fra "
    "hold holds its their take took place begynder begynde begyndte starter starte does do will would begins "
    "starts forlod left leave early late turned up arrived came showed joined before sent senere tid tidligt gik "
    "ankom først kom manglede udeblev mødt room rooms building hall lokale lokalet rum mødelokale mødelokalet "
    "why hvorfor reason reasons årsag årsagen grund grunden "  # "who sent apologies, and why?": the absence's reason
    "gang igang "  # "hvad tid gik udvalget i gang?": started
    # a committee trip is where the meeting went ("hvor gik turen hen?")
    "tur turen udvalgstur udvalgsturen trip hen "
    # a time frame narrows the meeting, it names no topic ("in mid-May 2013", "i efteråret 2024")
    "mid midt midten medio primo ultimo start starten begyndelsen slutningen end last sidste year år month måned "
    "week uge spring autumn fall summer winter forår foråret efterår efteråret sommer sommeren vinter vinteren"))


_ALIASES = {t for a in QUESTION_ALIASES for t in tokens(a)}
_FRAME |= {t for month in MONTHS for t in tokens(month)}  # "i nov 2023": abbreviations too


def aspects(question: str, committee_tokens: set[str] | None = None) -> list[str]:
    """The meeting facts a question asks for ("hvor og hvornår blev mødet holdt?" asks two), or [] when it asks
    about an agenda item's topic."""
    found = [name for name, pattern in ASPECTS if pattern.search(question)]
    if "absent" in found and "participants" in found:
        found.remove("participants")  # "var der medlemmer, der ikke deltog?" asks who was absent
    if "remarks" in found:  # "hvem deltog først fra kl. 17?", "who left before the vote?": a remark, not the list
        # unless the question asks for the absent too ("Who sent apologies ..., and who left early?")
        keep = {"absent"} if _ASKS_ABSENT.search(question) else set()
        found = [f for f in found if f not in {"participants", "absent", "time"} - keep]
    known = committee_tokens or set()
    # "hvad tid startede kmb it-udvalget?": a body named with its start or venue asks about its meeting
    body = {"time", "venue"} & set(found) and any(t in known and len(t) >= 4 for t in tokens(question))
    if not found or not {"absent", "chair", "remarks"} & set(found) and not MEETING.search(question) and not body:
        return []
    stems = {t[:8] for t in known if len(t) >= 8}
    english = {t for w in re.findall(r"[a-z]+", question.lower()) if _names_committee(w, known) for t in tokens(w)}
    # "Hvornår kom Anne Ravnsborg til mødet?": the person whose arrival or leaving is asked names no topic
    people = {t for m in _PERSON.finditer(question) for t in tokens(m.group(0))} if "remarks" in found else set()
    # "Økonomiudvalgets møde i Nuuk": a town the meeting was held in narrows the meeting, it names no topic
    places = {t for m in _IN_PLACE.finditer(question) for t in tokens(m.group(1) or m.group(2))}
    words = [t for t in tokens(question) if t not in people and t not in places and not re.fullmatch(r"[\d/.-]+", t)
             and t not in _FRAME and t not in known
             and t.removesuffix("s") not in known  # "Fanøs Teknik- og Miljøudvalg": a genitive of the meeting's
             and not (len(t) >= 4 and any(k.startswith(t) for k in known))  # "Henny's test committee": its name
             and t[:8] not in stems and t not in english  # "forretningsudvalgsmødet" names the committee too
             and t not in _ALIASES  # "Elsinore's city council": the municipality by its English name
             and not (len(t) > 6 and t.endswith(("mød", "møde")))  # "byrådsmødet": the meeting of a body
             and not _short_name(t, known)]
    return found if not words else []


def _short_name(token: str, known: set[str]) -> bool:
    """"sundhedsudvalget" for Sundheds- og Omsorgsudvalget: the first part of the committee's name and "udvalg"."""
    head = token[:-len("udvalg")] if token.endswith("udvalg") else ""
    head = head.rstrip("s")
    return len(head) >= 4 and any(k.startswith(head) or head.startswith(k) for k in known if len(k) >= 4)


def aspect(question: str, committee_tokens: set[str] | None = None) -> str | None:
    """The first meeting fact a question asks for, or None."""
    found = aspects(question, committee_tokens)
    return found[0] if found else None


def _names_committee(word: str, known: set[str]) -> bool:
    """An English word of the committee's name ("health" of Sundheds- og Omsorgsudvalget), through the glossary."""
    words = GLOSSARY.get(word, "").split()
    forms = words + [t for d in words for t in tokens(d)]
    return any(k.startswith(d) or d.startswith(k) or len(d) >= 5 and d in k  # a part of a compound name
               for d in forms for k in known if len(d) >= 4 and len(k) >= 4)


def fact_lines(meeting: Meeting, wanted: str) -> list[str]:
    facts = meeting.facts()
    if wanted == "absent":
        return [facts["absent"]] if "absent" in facts else []
    if wanted == "remarks":
        return [facts["remarks"]] if "remarks" in facts else []
    if wanted == "venue":
        return [facts["venue"]] if "venue" in facts else []
    if wanted == "time":
        return [facts["date"]]
    if wanted == "chair":
        chairs = [p for p in meeting.participants if _CHAIR_ROLE.search(p)]
        return chairs[:2]
    if wanted == "participants":
        return [facts[k] for k in ("participants", "absent") if k in facts]
    if wanted == "extraordinary":
        return [facts.get("extraordinary", facts["date"])]
    return [facts["status"]]


# where the meeting is held, told in an item's text when the export has no meeting head ("Mødet holdes undtagelsesvis
# i Forum Horsens, mødelokale Tribunen, og indledes kl. 16.00 ...", "Mødested: Rådhuset, lokale 2")
_VENUE_SAID = re.compile(r"\bmødet\b[^.\n]{0,40}\b(?:holdes|afholdes|finder sted|foregår|er flyttet)\b[^\n]{0,60}?"
                         r"\b(?:i|på)\s+(?-i:[A-ZÆØÅ])|^\s*Mødested\s*:", re.I)


def venue_sentence(text: str) -> str | None:
    """The sentence of an item's text that says where the meeting is held, or None."""
    return next((s for line in text.split("\n") for s in sentences(line) if _VENUE_SAID.search(s)), None)
