"""One typing slip in a question ("fraværnde" for "fraværende"): the stored word it most likely meant.

People type questions into a chat fast and in lower case. A long word that no stored minutes hold and that is no
Danish or English word (wordfreq's lists, shipped inside its wheel), but that one slip (a letter left out, added,
changed, or two swapped) turns into exactly one stored word, is taken to mean that word. "manglede" is a word,
though no minutes print it: it is not turned into "manglende". Short words, capitalised words (names are spelt as
their owner spells them) and words with several candidates are left alone: a name or topic that is really absent
must stay absent, so that the question is refused, not answered about something else.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping

MIN_LENGTH = 7  # words this long before a slip is assumed; shorter ones are too often other words
MIN_CHUNKS = 2  # the word it meant is in at least this many chunks: a one-off OCR error is not a likely target
_WORD = re.compile(r"(?<![\w-])[a-zæøåäöüé]+(?![\w-])")  # a whole lower-case word: no name, no compound part


def one_slip(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` one edit apart (insertion, deletion, substitution or swap of neighbours)?"""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
    if len(a) < len(b):
        return a[i:] == b[i + 1:]
    return a[i + 1:] == b[i + 1:] or a[i + 1:i + 2] == b[i:i + 1] and a[i:i + 1] == b[i + 1:i + 2] \
        and a[i + 2:] == b[i + 2:]


def meant(word: str, vocabulary: Collection[str], chunks: Mapping[str, int]) -> str | None:
    """The one stored word ``word`` is a slip of, or None (stored already, too short, none or several)."""
    if len(word) < MIN_LENGTH or word in vocabulary:
        return None
    found = [v for v in vocabulary if abs(len(v) - len(word)) <= 1 and (v[:1] == word[:1] or v[1:2] == word[1:2])
             and one_slip(word, v) and chunks.get(v, 0) >= MIN_CHUNKS]
    return found[0] if len(found) == 1 else None


def words(text: str) -> list[str]:
    """The whole lower-case words of ``text``."""
    return _WORD.findall(text)


def is_word(word: str) -> bool:
    """A Danish or English word (any frequency in wordfreq's lists): not a slip, whatever the minutes print."""
    from wordfreq import zipf_frequency  # its lists load on first use, not at import

    return zipf_frequency(word, "da") > 0 or zipf_frequency(word, "en") > 0


def respell(question: str, fix: Callable[[str], str | None], known: Callable[[str], bool] = is_word) -> str:
    """The question with each long lower-case word that ``fix`` mends, and ``known`` does not know, replaced by
    the word it meant."""
    def swap(m: re.Match[str]) -> str:
        word = m.group(0)
        better = fix(word) if len(word) >= MIN_LENGTH and not known(word) else None
        return better if better is not None else word
    return _WORD.sub(swap, question)
