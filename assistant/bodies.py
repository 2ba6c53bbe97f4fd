"""Committees a question names ("Teknisk Udvalg", "teknikudvalget", "the employment committee") and whether a
stored committee or decision body is that one.

"Hvad besluttede Teknisk Udvalg i Aarhus om ...?" is not answered by the city council's minutes that send the case
to Teknisk Udvalg: when no stored minutes are that committee's, the answerer says so. Informal names match by the
stems of the committee's name: "teknikudvalget" and "Teknisk Udvalg" are Klima-, Teknik- og Miljøudvalget's,
"skoleudvalget" is Skole-, Børne- og Ungeudvalget's.
"""

from __future__ import annotations

import re

from assistant.glossary import GLOSSARY
from core.model import fold

_DA = re.compile(r"(?:\b([A-ZÆØÅ][\wæøå]*)\s+)?\b((?:[\wæøå]+-,?\s*(?:og\s+)?)*[\wæøå]*)"
                 r"[Uu]dvalg(?:et|ets|s)?\b")
_OPENS = re.compile(r"(?:^|[.!?:]\s*)\W*$")  # the text before a word that opens a sentence
_FOR = re.compile(r"\s+for\s+((?:[\wæøå-]+(?:\s*(?:&|og|,)\s*|\s+)?){1,4})")  # "Udvalget for Job & Arbejdsmarked"
_LOOSE = re.compile(r"\b([a-zæøå]+)\s+og\s+([a-zæøå]+)\s+udvalg(?:et|ets)?\b")
_ADJECTIVE = re.compile(r"\b([a-zæøå]{4,}isk)\s+udvalg(?:et|ets)?\b")  # "teknisk udvalg", "økonomisk udvalg"
_EN = re.compile(r"((?:[\w'-]+\s+){1,5})committee\b", re.I)
_SKIP_EN = {"the", "and", "of", "its", "their", "a", "an", "for", "s", "on", "in", "city", "council", "municipality",
            "municipal", "standing", "what", "did", "which", "when", "who", "how", "was", "has", "by", "at", "to"}
# the kind of committee, not its name: "hvilket fagudvalg behandlede sagen?", "et stående udvalg", "underudvalget"
_KINDS = {"fag", "staaende", "politisk", "politiske", "under", "saer", "permanent", "permanente", "midlertidig",
          "midlertidige", "ad", "hoc", "standing", "select", "sub"}
_STEM = 5  # "teknisk" ~ "teknik", "kultur" ~ "kulturudvalget": Danish stems agree in their first five letters


def _parts(name: str) -> list[str]:
    """The words of a committee name without its "udvalg" ending: "Klima-, Teknik- og Miljøudvalget" ->
    klima, teknik, miljø."""
    words = re.findall(r"[a-zæøå0-9]+", fold(name).replace("udvalg", " udvalg "))
    return [w for w in words if w not in {"og", "udvalg", "udvalget", "udvalgets", "s", "et", "ets"}]


def _named_parts(name: str) -> list[str]:
    """The parts of a committee name a question gives, but for words naming only a kind of committee."""
    return [w for w in _parts(name) if w not in _KINDS]


def named(question: str) -> list[tuple[str, list[str]]]:
    """The committees ``question`` names, each as the stems of its own name (an owner such as "Hennys",
    "Greves" or "Region Hovedstadens" is not part of it)."""
    out: list[tuple[str, list[str]]] = []
    for m in _DA.finditer(question):
        before, compound = m.group(1), m.group(2) or ""
        stems = _named_parts(compound)
        after = _FOR.match(question, m.end())
        if not stems and after:
            stems, phrase = _named_parts(after.group(1)), m.group(0)[m.start(2) - m.start(0):] + after.group(0)
        elif not stems and before and m.start(1) > 0 and not before.endswith("s") \
                and ("Udvalg" in m.group(0) or not _OPENS.search(question[:m.start(1)])):
            # "Teknisk Udvalg"; but a capital opening a sentence is no name: "Fulgte udvalget administrationen?"
            stems, phrase = _named_parts(before), m.group(0)  # "Teknisk Udvalg" (not an owner: "Lejres Udvalget for")
        else:
            phrase = m.group(0)[m.start(2) - m.start(0):]
        if stems:
            out.append((phrase.strip(), stems))
    for m in _LOOSE.finditer(question):  # "social sundhed og ældre udvalget": an informal name, typed apart
        if not any(m.start() < e and b < m.end() for b, e in [(x.start(), x.end()) for x in _DA.finditer(question)
                                                               if _parts(x.group(2) or "")]):
            stems = [fold(w) for w in (m.group(1), m.group(2)) if len(w) >= 4]
            if stems:
                out.append((m.group(0).strip(), stems))
    for m in _ADJECTIVE.finditer(question):  # "teknisk udvalg" typed in lower case
        if not any(m.start() < e and b < m.end() for b, e in [(x.start(), x.end()) for x in _DA.finditer(question)
                                                               if _parts(x.group(2) or "")]) \
                and not any(p == m.group(0) for p, _ in out) and fold(m.group(1)) not in _KINDS:
            out.append((m.group(0), [fold(m.group(1))]))
    for m in _EN.finditer(question):
        words = [w for w in re.findall(r"[\w'-]+", m.group(1)) if fold(w) not in _SKIP_EN]
        stems, used = [], []
        for w in words[-3:]:
            if len(w) >= 2 and w.isupper():
                stems.append(fold(w))  # "KMB IT committee"
                used.append(w)
                continue
            if w.endswith(("'s", "'")) or w[:1].isupper():
                continue  # an owner: "Greve's employment committee"
            danish = GLOSSARY.get(w.lower(), "").split()
            if not danish:
                stems = []
                break  # a word we cannot put in Danish: the committee cannot be judged
            stems += [fold(d) for d in danish]  # any of its Danish words may be the committee's
            used.append(w)
        if stems:
            out.append((" ".join([*used, "committee"]), stems))
    return out


def _stem_in(stem: str, parts: list[str]) -> bool:
    key = stem[:_STEM]
    return any(p.startswith(key) or (len(p) >= 3 and key.startswith(p)) for p in parts)


def matches(stems: list[str], body: str) -> bool:
    """Could ``body`` (a stored committee or decision body) be the committee named by ``stems``?"""
    parts = _parts(body)
    return any(_stem_in(s, parts) for s in stems)  # one shared stem will do: "Kultur- og Idrætsudvalget" may
    # be how a user names Kultur- og Fritidsudvalget, and "health and care" is Sundheds- og Omsorgsudvalget


def mentioned(stems: list[str], text: str) -> bool:
    """Does ``text`` name a committee with one of ``stems`` ("Folkeoplysningsudvalget anbefaler ...")?"""
    folded = fold(text)
    return any(re.search(rf"(?<![a-z0-9]){re.escape(s[:_STEM])}[a-z0-9-]*(?:,? [a-z0-9-]+){{0,4}}?\s*udvalg", folded)
               for s in stems)


def unmatched(question: str, bodies: list[str], texts: tuple[str, ...] | list[str] = ()) -> list[str]:
    """The committees ``question`` names that none of ``bodies`` is and none of ``texts`` names, as the
    question writes them."""
    out = []
    for phrase, stems in named(question):
        if not any(matches(stems, b) for b in bodies) and not any(mentioned(stems, t) for t in texts):
            out.append(phrase)
    return out


def acronyms(name: str) -> set[str]:
    """The short forms users write a committee by: the initials of its words, with and without the U of
    "udvalg" ("Klima-, Teknik- og Miljøudvalget" -> KTM, KTMU; "Beskæftigelses- og Erhvervsudvalget" -> BE, BEU)."""
    words = [w for w in re.findall(r"[A-Za-zÆØÅæøå]+", name) if w.lower() not in {"og", "and", "for", "of", "the"}]
    if len(words) < 2 and not (words and "udvalg" in words[0].lower() and not words[0].lower().startswith("udvalg")):
        return set()
    initials = "".join(w[0].upper() for w in words)
    out = {initials} if len(initials) >= 2 else set()
    if "udvalg" in words[-1].lower() and not words[-1].lower().startswith("udvalg"):
        out.add(initials + "U")
    return out


def named_in_full(folded_question: str, committee: str) -> bool:
    """The question writes out the committee's own name ("hennys testudvalg", "Social- og Handicapudvalget"), its
    council period ("Byråd 2022-2025") left out; a name shorter than ``_LONG_NAME`` ("Byråd") names no committee."""
    name = fold(re.sub(r"\s*\d{4}\s*[-–]\s*\d{4}\s*$", "", committee)).strip()
    return len(name) >= _LONG_NAME and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", folded_question) is not None


_LONG_NAME = 12  # "Byråd", "Magistraten": too general to name one committee
