"""BM25 side index with Danish stemming and stop-words (bm25s + PyStemmer), one per municipality.

Chroma single-node has no BM25, so this index lives beside the store. It is derived from
the catalog's chunk texts and stamped with the catalog generation: an index whose stamp
differs from the catalog is rebuilt, so it can never drift out of step with the store.
"""

from __future__ import annotations

import json
import re
import shutil
import threading
from functools import lru_cache
from pathlib import Path

import bm25s
import Stemmer
from bm25s.stopwords import STOPWORDS_DANISH

from ingest.catalog import Catalog
from ingest.model import slug

_WORD = re.compile(r"[0-9a-zæøåäöüé]+(?:[/.-][0-9]+)*", re.I)
_STOP = set(STOPWORDS_DANISH) | {"the", "what", "did", "decide", "on", "of", "and", "in", "was", "who", "how"}


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("danish")


def tokens(text: str) -> list[str]:
    """Lower-cased Danish stems; numbers and case numbers ("23/26518") kept whole and in parts."""
    out: list[str] = []
    for word in _WORD.findall(text.lower()):
        if word in _STOP or len(word) < 2 and not word.isdigit():
            continue
        if any(ch in word for ch in "/.-") and any(ch.isdigit() for ch in word):
            out.append(word)
            out += [p for p in re.split(r"[/.-]", word) if p]
            continue
        out.append(word if word.isdigit() else _stemmer().stemWord(word))
    return out


class LexicalIndex:
    """BM25 over one municipality's chunks."""

    def __init__(self, ids: list[str], item_ids: list[str], texts: list[str]) -> None:
        self.ids, self.item_ids = ids, item_ids
        self.bm25 = bm25s.BM25(k1=1.2, b=0.75)
        corpus = [tokens(t) or ["__empty__"] for t in texts]
        if corpus:
            self.bm25.index(corpus, show_progress=False)

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        q = [t for t in tokens(query) if t in getattr(self.bm25, "vocab_dict", {})]
        if not q or not self.ids:
            return []
        docs, scores = self.bm25.retrieve([q], k=min(k, len(self.ids)), show_progress=False, n_threads=1)
        return [(self.ids[int(d)], float(s)) for d, s in zip(docs[0], scores[0], strict=False) if s > 0]

    def save(self, path: Path, generation: int) -> None:
        tmp = path.with_name(path.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        if self.ids:
            self.bm25.save(str(tmp), show_progress=False)
        (tmp / "ids.json").write_text(json.dumps({"generation": generation, "ids": self.ids,
                                                  "item_ids": self.item_ids}))
        shutil.rmtree(path, ignore_errors=True)
        tmp.rename(path)

    @classmethod
    def load(cls, path: Path, generation: int) -> LexicalIndex | None:
        try:
            meta = json.loads((path / "ids.json").read_text())
        except (OSError, ValueError):
            return None
        if meta.get("generation") != generation:
            return None
        index = cls.__new__(cls)
        index.ids, index.item_ids = meta["ids"], meta["item_ids"]
        index.bm25 = bm25s.BM25.load(str(path), show_progress=False) if index.ids else bm25s.BM25()
        return index


class LexicalStore:
    """All municipalities' BM25 indexes, kept in step with the catalog generation."""

    def __init__(self, root: Path, catalog: Catalog) -> None:
        self.root, self.catalog = root, catalog
        self._cache: dict[str, tuple[int, LexicalIndex]] = {}
        self._lock = threading.Lock()

    def _path(self, municipality: str) -> Path:
        return self.root / slug(municipality)

    def index(self, municipality: str) -> LexicalIndex:
        generation = self.catalog.generation(municipality)
        with self._lock:
            cached = self._cache.get(municipality)
            if cached and cached[0] == generation:
                return cached[1]
            idx = LexicalIndex.load(self._path(municipality), generation)
            if idx is None:
                idx = self.rebuild(municipality, generation)
            self._cache[municipality] = (generation, idx)
            return idx

    def rebuild(self, municipality: str, generation: int | None = None) -> LexicalIndex:
        generation = self.catalog.generation(municipality) if generation is None else generation
        rows = self.catalog.chunks(municipality)
        idx = LexicalIndex([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows])
        idx.save(self._path(municipality), generation)
        return idx

    def refresh(self) -> None:
        """Bring every municipality's index up to the catalog generation (after an ingest)."""
        for muni in self.catalog.municipalities():
            self.index(muni)

    def search(self, query: str, municipalities: list[str], k: int) -> list[tuple[str, float]]:
        hits: list[tuple[str, float]] = []
        for muni in municipalities:
            hits += self.index(muni).search(query, k)
        return sorted(hits, key=lambda h: -h[1])[:k]


