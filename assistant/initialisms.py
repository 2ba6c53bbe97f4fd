"""A question's compound noun that an item writes as its initials: "skolefritidsordningen" is the item's "SFO",
"pædagogisk-psykologisk rådgivning" its "PPR". The topic check (``absent.absent_topics``) counts such a noun as
held by the item, since the asker wrote the word out that the minutes abbreviate."""

from __future__ import annotations

import re
from functools import lru_cache

# three to five capitals standing alone ("SFO", "PPR", "SSP"): shorter ones are too often a party's or a unit's
_INITIALS = re.compile(r"(?<![\wÆØÅæøå])[A-ZÆØÅ]{3,5}(?![\wÆØÅæøå])")
# a compound's part is at least this long: "sko|le" would let almost any word spell almost any initials
MIN_PART = 3


def initials_in(text: str) -> set[str]:
    """The initialisms a text prints."""
    return set(_INITIALS.findall(text))


@lru_cache(maxsize=4096)
def spells(noun: str, initials: str) -> bool:
    """Can ``noun`` (spaces and hyphens ignored) be cut into parts of at least ``MIN_PART`` letters that begin
    with the initials' letters in turn ("skole|fritids|ordningen" for SFO)?"""
    word = re.sub(r"[\s-]", "", noun.lower())
    letters = initials.lower()

    def cut(i: int, j: int) -> bool:
        if j == len(letters):
            return i == len(word)
        if i >= len(word) or word[i] != letters[j]:
            return False
        return any(cut(k, j + 1) for k in range(i + MIN_PART, len(word) + 1))

    return len(letters) >= 3 and cut(0, 0)


def written_as_initials(noun: str, texts: list[str]) -> bool:
    """Does one of the texts print initials that spell the noun?"""
    return any(spells(noun, ini) for text in texts for ini in initials_in(text))
