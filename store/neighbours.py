"""The stored title words nearest a word in the embedder's space: is "sportshal" the asker's word for the item
titled "ny multihal"? ("multihal" is among the five stored title words nearest "sportshal"), while "sommerhus"
of an item titled "Affaldsgebyrer 2025" is not ("affaldsgebyrer" ranks past a thousand other title words).

A single word's similarity to another says little by itself (multilingual-e5-small puts most word pairs between
0.80 and 0.93, "vasketøjet" ~ "hjælp" at 0.87); its rank among every title word stored says which words the model
takes for the nearest meaning. The vocabulary is every lower-case word of four letters or more in the stored item
titles, embedded once per catalog generation, on the first question that asks."""

from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING

from store.catalog import Catalog
from store.embed import Embedder
from store.vectors import VectorStore

if TYPE_CHECKING:
    import numpy as np

_WORD = re.compile(r"[^\W\d_]{4,}")  # a word, not a number, a case number or a short function word
# a store of few title words takes fewer neighbours: one per 200 words, at least the nearest. Five of a store's 90
# title words are a nineteenth of them ("vejnavnet" ~ "navngivning" ranks 4th of 156, an unanswerable question);
# the calibration stores hold 25-1395 title words
WORDS_PER_NEIGHBOUR = 200


def title_words(text: str) -> set[str]:
    """The lower-case words of a title the vocabulary holds."""
    return {w.lower() for w in _WORD.findall(text)}


class TitleNeighbours:
    """Nearest stored title words by the embedder's cosine similarity (``near``)."""

    def __init__(self, catalog: Catalog, embedder: Embedder) -> None:
        self.catalog, self.embedder = catalog, embedder
        self._vocab: tuple[str, list[str], np.ndarray] | None = None
        self._seen: dict[str, np.ndarray] = {}  # every word embedded so far: a new generation embeds its new words
        self._lock = threading.Lock()

    def _vectors(self) -> tuple[list[str], np.ndarray]:
        stamp = self.catalog.stamp()
        with self._lock:
            if self._vocab is None or self._vocab[0] != stamp:
                words = sorted({w for t in self.catalog.titles() for w in title_words(t)})
                new = [w for w in words if w not in self._seen]
                if new:
                    self._seen.update(zip(new, self.embedder.embed(new, "query"), strict=True))
                import numpy as np

                vecs = np.stack([self._seen[w] for w in words]) if words else np.zeros((0, 1), dtype=np.float32)
                self._vocab = (stamp, words, vecs)
            return self._vocab[1], self._vocab[2]

    def warm(self) -> None:
        """Embed the stored title words now (server start), not on the first question that asks."""
        self._vectors()

    def near(self, word: str, candidates: set[str], k: int) -> bool:
        """Is one of ``candidates`` (lower-case title words) among the ``k`` stored title words nearest ``word``
        (fewer in a small store, see ``WORDS_PER_NEIGHBOUR``)?"""
        if not candidates:
            return False
        words, vecs = self._vectors()
        if not words:
            return False
        k = max(1, min(k, len(words) // WORDS_PER_NEIGHBOUR))
        import numpy as np

        sims = vecs @ self.embedder.embed([word.lower()], "query")[0]
        return any(words[i] in candidates for i in np.argsort(-sims, kind="stable")[:k])


class WordItems:
    """The stored items a word alone finds first by dense search over every stored chunk (``finds``): the asker's
    "vasketøjet" finds the item "Serviceniveau for praktisk hjælp" whose text speaks of "tøjvask", while
    "sommerhus" asked of "Takster for affald 2025" finds items on summer-house areas first.

    Unlike a word's nearest title words (``TitleNeighbours``), the search sees each item's whole text in context;
    it is asked of the whole store, so a larger store makes it stricter, never looser."""

    def __init__(self, vectors: VectorStore, embedder: Embedder) -> None:
        self.vectors, self.embedder = vectors, embedder

    def finds(self, word: str, item_id: str, k: int) -> bool:
        """Is ``item_id`` among the first ``k`` distinct items the dense search for ``word`` alone returns?"""
        if k < 1:
            return False
        vec = self.embedder.embed([word.lower()], "query")[0].tolist()
        first: list[str] = []
        for _id, _sim, meta in self.vectors.query(vec, k * _CHUNKS_PER_ITEM):
            found = str(meta.get("item_id", ""))
            if found not in first:
                first.append(found)
            if len(first) == k:
                break
        return item_id in first


# an item has several chunks (a long item, its decision, its attachments): ask for enough to see k distinct items
_CHUNKS_PER_ITEM = 8
