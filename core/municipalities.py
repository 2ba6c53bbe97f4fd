"""The 98 Danish municipalities, 5 regions and Greenland's 5 municipalities (whose minutes are written in Danish),
and detection of which one wrote a text."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

MUNICIPALITIES = (
    "Albertslund Allerød Assens Ballerup Billund Bornholm Brøndby Brønderslev Dragør Egedal "
    "Esbjerg Fanø Favrskov Faxe Fredensborg Fredericia Frederiksberg Frederikshavn Frederikssund "
    "Furesø Faaborg-Midtfyn Gentofte Gladsaxe Glostrup Greve Gribskov Guldborgsund Haderslev "
    "Halsnæs Hedensted Helsingør Herlev Herning Hillerød Hjørring Holbæk Holstebro Horsens "
    "Hvidovre Høje-Taastrup Hørsholm Ikast-Brande Ishøj Jammerbugt Kalundborg Kerteminde Kolding "
    "København Køge Langeland Lejre Lemvig Lolland Lyngby-Taarbæk Læsø Mariagerfjord Middelfart "
    "Morsø Norddjurs Nordfyn Nyborg Næstved Odder Odense Odsherred Randers Rebild "
    "Ringkøbing-Skjern Ringsted Roskilde Rudersdal Rødovre Samsø Silkeborg Skanderborg Skive "
    "Slagelse Solrød Sorø Stevns Struer Svendborg Syddjurs Sønderborg Thisted Tønder Tårnby "
    "Vallensbæk Varde Vejen Vejle Vesthimmerland Viborg Vordingborg Ærø Aabenraa Aalborg Aarhus"
).split()
# Greenland's municipalities, named officially "Kommuneqarfik Sermersooq", "Qeqqata Kommunia", "Kommune Kujalleq"
GREENLAND = ("Avannaata", "Qeqertalik", "Qeqqata", "Sermersooq", "Kujalleq")
ALL_MUNICIPALITIES = (*MUNICIPALITIES, *GREENLAND)  # what a question may name as the municipality asked about
REGIONS = ("Region Hovedstaden", "Region Sjælland", "Region Syddanmark", "Region Midtjylland", "Region Nordjylland")

# other names users ask by: English exonyms and old spellings. Regions are left out: minutes cite them as actors
# ("according to Region Sjælland, ..."), so a region named in a question does not say whose minutes are meant
# (calibration set: a region filter refused one answerable question)
QUESTION_ALIASES = {
    "copenhagen": "København", "københavns kommune": "København", "århus": "Aarhus", "ålborg": "Aalborg",
    "åbenrå": "Aabenraa", "elsinore": "Helsingør", "bornholms regionskommune": "Bornholm",
}


def _plain(name: str, double: bool) -> str:
    """A name typed without Danish letters: "kobenhavn" (or "koebenhavn" with ``double``)."""
    low = name.lower().replace("æ", "ae")
    return low.replace("ø", "oe" if double else "o").replace("å", "aa" if double else "a")


# typed on a keyboard without æ, ø and å ("Kobenhavn", "Koebenhavn"); "koge" is a verb, not Køge
QUESTION_ALIASES.update({plain: m for m in ALL_MUNICIPALITIES for plain in {_plain(m, False), _plain(m, True)}
                         if plain != m.lower() and plain not in {"koge"}})
# a double name typed with a space for its hyphen ("lyngby taarbæk", "ringkøbing skjern")
QUESTION_ALIASES.update({spaced: m for m in ALL_MUNICIPALITIES if "-" in m
                         for spaced in {m.lower().replace("-", " "), _plain(m, True).replace("-", " "),
                                        _plain(m, False).replace("-", " ")}})

# the words for "municipality" in official names and questions ("Qeqqata Kommunias Økonomiudvalg"): no topic
MUNICIPALITY_WORDS = frozenset("kommune kommunes kommunen regionskommune kommunia kommunias kommuneqarfik "
                               "kommuneqarfiup".split())

_NAMES = "|".join(sorted((re.escape(m) for m in MUNICIPALITIES), key=len, reverse=True))
_GREENLAND = "|".join(GREENLAND)
_STRONG = [
    re.compile(rf"\b({_NAMES})s?\s+(?:Kommune|kommune|Regionskommune)"),
    re.compile(rf"\b({_GREENLAND})\s+Kommunias?\b|\b(?:Kommuneqarfik|Kommune)\s+({_GREENLAND})\b"),
    re.compile(rf"(?:[Kk]ommunalbestyrelsen|[Bb]yrådet|[Bb]orgmesteren)\s+i\s+({_NAMES})\b"),
]
_MEDIUM = [re.compile(rf"\b(?:Jobcenter|Rådhus(?:et)?|Borgerservice)\s+({_NAMES})\b")]
_WEAK = re.compile(rf"(?<![\w-])({_NAMES}|{_GREENLAND})(?![\w-])")
_REGION = re.compile(r"\b(" + "|".join(REGIONS) + r")\b")
_ALIASES = {"Københavns": "København", "Bornholms": "Bornholm"}


@dataclass
class Detection:
    """Which municipality a text belongs to, and why."""

    name: str | None
    evidence: list[str] = field(default_factory=list)


def _canonical(name: str) -> str:
    return _ALIASES.get(name, name)


def canonical_name(text: str) -> str | None:
    """Map a user's spelling ("esbjerg", "Esbjerg Kommune") to the canonical name."""
    low = text.lower().strip().removesuffix(" kommune").removesuffix(" regionskommune").strip()
    low = re.sub(r"^(?:kommuneqarfik|kommune)\s+|\s+kommunia$", "", low)  # "Kommuneqarfik Sermersooq"
    for name in [*MUNICIPALITIES, *GREENLAND, *REGIONS]:
        if name.lower() == low:
            return name
    for name in MUNICIPALITIES:  # the official genitive form: "Vesthimmerlands Kommune", "Bornholms Regionskommune"
        if name.lower() + "s" == low:
            return name
    return None


def detect(text: str, header_lines: int = 12) -> Detection:
    """Score mentions: "<Name> Kommune" 3, "Jobcenter <Name>" 2, bare name 1, header counting double; a region
    6 in the header (as strong as "<Name> Kommune" there), else 1."""
    head = "\n".join(text.splitlines()[:header_lines])
    scores: Counter[str] = Counter()
    evidence: dict[str, list[str]] = {}

    def add(name: str, weight: int, snippet: str) -> None:
        name = _canonical(name)
        scores[name] += weight
        notes = evidence.setdefault(name, [])
        if len(notes) < 5 and snippet not in notes:
            notes.append(snippet)

    for part, factor in ((text, 1), (head, 1)):
        for pattern in _STRONG:
            for m in pattern.finditer(part):
                add(m.group(m.lastindex or 1), 3 * factor, m.group(0))
        for pattern in _MEDIUM:
            for m in pattern.finditer(part):
                add(m.group(1), 2 * factor, m.group(0))
        for m in _WEAK.finditer(part):
            add(m.group(1), 1 * factor, m.group(0))
    # a region named in the head is the writer ("Region Midtjylland · Regionsrådet"); in the body it is an actor
    # ("Region Sjælland oplyser ..."), as weak as a town named in the venue
    for part, weight in ((head, 5), (text, 1)):
        for m in _REGION.finditer(part):
            add(m.group(1), weight, m.group(0))
    if not scores:
        return Detection(None, [])
    name, score = scores.most_common(1)[0]
    notes = [f"score {score}"] + evidence[name]
    return Detection(name, notes)


def from_path(path: str) -> str | None:
    """A municipality or region named in a file's path ("greve_byraad_2025-10-01.json" -> Greve), else None.

    The weakest evidence: used only when the source's fields and text name no municipality.
    """
    from pathlib import PurePath

    from core.model import slug as fold

    words = re.split(r"[^a-z0-9]+", fold(" ".join(PurePath(path).parts[-3:])))
    joined = "-".join(words)
    for name in sorted([*MUNICIPALITIES, *GREENLAND], key=len, reverse=True):
        if fold(name) in words or ("-" in name and fold(name) in joined):
            return name
    if "regionh" in words or "hovedstaden" in words:
        return "Region Hovedstaden"
    for region in REGIONS:
        if fold(region.split()[1]) in words:
            return region
    return None


UNKNOWN = "Ukendt kommune"  # what is stored when nothing names the municipality
UNKNOWN_COMMITTEE = "Ukendt udvalg"


def resolve(explicit: str | None, stated: str | None, text: str, path: str) -> tuple[str, list[str]]:
    """The municipality of a document and why: given explicitly > a source field > mentions in the text >
    a municipality named in the file's path > ``UNKNOWN``."""
    if explicit:
        return (canonical_name(explicit) or explicit), ["given explicitly"]
    if stated:
        name = canonical_name(stated) or detect(stated).name
        if name:
            return name, [f"source field: {stated}"]
    found = detect(text)
    if found.name:
        return found.name, found.evidence
    named = from_path(path)
    if named:
        return named, [f"file path: {path.replace(chr(92), '/').rsplit('/', 1)[-1]}"]
    return UNKNOWN, ["no municipality named in the source; pass --municipality"]
