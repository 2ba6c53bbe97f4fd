"""A question that joins a name and a topic ("What role does Jesper Koziara play in the security guard
(tryghedsvagter) scheme?") is answered only by an item naming both. When the items found name them apart - one
the person, another the topic - the minutes do not join them, and the answer says so instead of quoting the item
that names the person in some other matter."""

from __future__ import annotations

import re

from assistant import salient, topics
from assistant.query import Query
from assistant.retrieve import Hit
from core.model import fold


def _sure_nouns(query: Query) -> list[str]:
    """The topic nouns the minutes' own words judge: a Danish question's, an English one's glossed words."""
    if query.language == "en":
        return sorted(topics.glossed(query.text))
    return topics.topic_nouns(query.text, query.language)


_FULL_NAME = re.compile(r"\b[A-ZÆØÅ][a-zæøåé]+(?:[ -][A-ZÆØÅ][a-zæøåé]+)+\b")


def _people(question: str) -> list[str]:
    """The persons the question names: two or more capitalised salient words in a row ("Jesper Koziara"); a
    place ("Lisbjerg") or a body is a topic's setting, judged by the topic checks."""
    names = set(salient.salient_names(question))
    return [m.group(0) for m in _FULL_NAME.finditer(question) if all(w in names for w in re.split(r"[ -]", m.group(0)))]


def apart(query: Query, hits: list[Hit]) -> tuple[list[str], list[str]] | None:
    """(persons, topic nouns) when the first item names every person the question names but not its topic nouns,
    and another item found names the topic nouns but not the persons; else None."""
    if not hits or hits[0].in_conversation or query.followup:
        return None
    names = _people(query.text)
    nouns = _sure_nouns(query)
    if not names or not nouns:
        return None

    def named(h: Hit) -> bool:
        text = salient.item_text(h.item.municipality, h.item.committee, h.item.title, h.item.text)
        return not salient.missing(text, names)

    def topical(h: Hit) -> bool:
        text = fold(f"{h.item.title}\n{h.item.text}")
        return all(topics.named_in(text, n) for n in nouns)

    first = hits[0]
    if not named(first) or topical(first):
        return None
    if any(topical(h) and not named(h) for h in hits[1:]):
        return names, nouns
    return None


_PARAGRAPH = re.compile(r"\n\s*\n")


def near(head: str, text: str, nouns: list[str]) -> list[str]:
    """The nouns no paragraph of ``text`` names together with the rest (``head``, the item's title and meeting,
    names its whole text): "svømmehal" in a paragraph on pool temperatures and "energirenovering" in another do
    not answer "greve svømmehal renovering?". All folded. Empty: some passage names them all."""
    left = [n for n in nouns if not topics.named_in(head, n)]
    if not left:
        return []
    missing = [n for n in left if not topics.named_in(text, n)]
    if missing:
        return missing
    if any(all(topics.named_in(paragraph, n) for n in left) for paragraph in _PARAGRAPH.split(text)):
        return []
    return left


def fragment_first(query: Query, hits: list[Hit]) -> tuple[list[Hit], list[str]]:
    """A chat fragment ("greve svømmehal renovering?") asks about all of its words together: hits reordered so the
    first names every noun of the fragment, or the nouns no item found names together (then nothing answers it)."""
    if query.language != "da" or not hits or hits[0].in_conversation or query.followup:
        return hits, []
    nouns = topics.fragment_nouns(query.text)
    if not nouns:
        return hits, []

    def unnamed(h: Hit) -> list[str]:  # the meeting's town and committee name it too ("hennys testudvalg 2017: ...")
        head = fold(salient.item_text(h.item.municipality, h.item.committee, h.item.title, ""))
        return near(head, fold(h.item.text), nouns)

    full = next((h for h in hits if not unnamed(h)), None)
    if full is None:
        return hits, unnamed(hits[0])
    return [full, *[h for h in hits if h is not full]], []
