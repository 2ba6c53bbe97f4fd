"""BM25 side index with Danish stemming and stop-words (bm25s + PyStemmer): one index over every
municipality, searched through a per-municipality mask.

One index, not one per municipality: inside one municipality's index the words every chunk shares
(its committees' names, the municipality's own name) get no weight, so a question naming
"Hennys testudvalg" could not find that committee's items; and scores from separate indexes are
not comparable when a question spans municipalities.

Chroma single-node has no BM25, so this index lives beside the store. It is derived from
the catalog's chunk texts and stamped with the catalog generations: an index whose stamp
differs from the catalog is rebuilt, so it can never drift out of step with the store.
"""

from __future__ import annotations

import json
import re
import shutil
import threading
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import Stemmer

from core.model import fold
from store import spelling
from store.catalog import Catalog

if TYPE_CHECKING:  # bm25s pulls in scipy (~0.3 s): imported where an index is built or loaded, not at import
    import numpy as np

_WORD = re.compile(r"[0-9a-zæøåäöüé]+(?:[/.-][0-9]+)*", re.I)
_EXTRA_STOP = {"the", "what", "did", "decide", "on", "of", "and", "in", "was", "who", "how"}


@lru_cache(maxsize=1)
def _stop() -> frozenset[str]:
    """bm25s's Danish stop-words, read from its plain-data ``bm25s/stopwords.py`` without running the package's
    ``__init__`` (which imports scipy, ~0.3 s): tokenising a question must not cost the search engine's import."""
    import importlib.util

    spec = importlib.util.find_spec("bm25s")
    folder = Path(next(iter(spec.submodule_search_locations or []))) if spec else None
    words: tuple[str, ...] = ()
    if folder is not None and (folder / "stopwords.py").exists():
        data = importlib.util.spec_from_file_location("_referat_bm25s_stopwords", folder / "stopwords.py")
        if data is not None and data.loader is not None:
            module = importlib.util.module_from_spec(data)
            data.loader.exec_module(module)
            words = tuple(module.STOPWORDS_DANISH)
    if not words:  # a layout we did not expect: the ordinary import
        from bm25s.stopwords import STOPWORDS_DANISH

        words = tuple(STOPWORDS_DANISH)
    return frozenset(words) | _EXTRA_STOP


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("danish")


def tokens(text: str) -> list[str]:
    """Lower-cased Danish stems; numbers and case numbers ("23/26518") kept whole and in parts."""
    out: list[str] = []
    stop = _stop()
    for word in _WORD.findall(text.lower()):
        if word in stop or len(word) < 2 and not word.isdigit():
            continue
        if any(ch in word for ch in "/.-") and any(ch.isdigit() for ch in word):
            out.append(word)
            out += [p for p in re.split(r"[/.-]", word) if p]
            continue
        out.append(word if word.isdigit() else _stemmer().stemWord(word))
    return out


class LexicalIndex:
    """BM25 over a set of chunks."""

    def __init__(self, ids: list[str], item_ids: list[str], texts: list[str]) -> None:
        self.ids, self.item_ids = ids, item_ids
        self.owners: list[str] = []  # the municipality of each chunk (set by the store)
        import bm25s

        self.bm25 = bm25s.BM25(k1=1.2, b=0.75)
        corpus = [tokens(t) or ["__empty__"] for t in texts]
        if corpus:
            self.bm25.index(corpus, show_progress=False)

    def search(self, query: str, k: int, mask: np.ndarray | None = None) -> list[tuple[str, float]]:
        q = [t for t in tokens(query) if t in getattr(self.bm25, "vocab_dict", {})]
        if not q or not self.ids:
            return []
        if mask is not None:
            k = min(k, int(mask.sum()))
            if k == 0:
                return []
        docs, scores = self.bm25.retrieve([q], k=min(k, len(self.ids)), show_progress=False, n_threads=1,
                                          weight_mask=mask)
        return [(self.ids[int(d)], float(s)) for d, s in zip(docs[0], scores[0], strict=False) if s > 0]

    def containing(self, fragment: str) -> np.ndarray:
        """The chunks (positions) holding a word whose stem contains ``fragment`` (folded): "svoemmehal" is in
        "svømmehal" and in "lisbjergsvømmehal". One C-level scan of the joined vocabulary, not a Python loop."""
        import numpy as np

        if not self.ids or not fragment:
            return np.zeros(0, dtype=np.int64)
        if getattr(self, "_vocab", None) is None:
            words = sorted(self.bm25.vocab_dict.items(), key=lambda kv: kv[1])
            self._vocab = ("\n" + "\n".join(fold(w) for w, _ in words) + "\n",
                           np.cumsum([0] + [len(fold(w)) + 1 for w, _ in words]), [i for _, i in words])
        text, starts, token_ids = self._vocab
        indptr, indices = self.bm25.scores["indptr"], self.bm25.scores["indices"]
        found: list[np.ndarray] = []
        at = text.find(fragment)
        while at >= 0:
            n = int(np.searchsorted(starts, at, side="right")) - 1  # the word this match falls in
            t = token_ids[n]
            if t + 1 < len(indptr):
                found.append(indices[indptr[t]:indptr[t + 1]])
            at = text.find(fragment, int(starts[n + 1]))  # the next word
        return np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)

    def mentioned(self, parts: tuple[str, ...], municipalities: list[str]) -> bool:
        """Does one chunk (of these municipalities; all when none) hold a word containing each folded part?"""
        import numpy as np

        allowed = self._allowed(tuple(sorted(set(municipalities)))) if municipalities else None
        common: np.ndarray | None = None
        for part in parts:
            docs = self.containing(part)
            if allowed is not None:
                docs = docs[allowed[docs]]
            common = docs if common is None else np.intersect1d(common, docs, assume_unique=True)
            if not common.size:
                return False
        return common is not None and bool(common.size)

    def _allowed(self, municipalities: tuple[str, ...]) -> np.ndarray:
        """Which chunks belong to these municipalities (cached per set: owners change only with a new index)."""
        import numpy as np

        cache: dict[tuple[str, ...], np.ndarray] = self.__dict__.setdefault("_allowed_cache", {})
        if municipalities not in cache:
            keep = set(municipalities)
            cache[municipalities] = np.array([o in keep for o in self.owners], dtype=bool)
        return cache[municipalities]

    def save(self, path: Path, generation: str) -> None:
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
    def load(cls, path: Path, generation: str) -> LexicalIndex | None:
        try:
            meta = json.loads((path / "ids.json").read_text())
        except (OSError, ValueError):
            return None
        if meta.get("generation") != generation:
            return None
        index = cls.__new__(cls)
        index.ids, index.item_ids = meta["ids"], meta["item_ids"]
        import bm25s

        index.bm25 = bm25s.BM25.load(str(path), show_progress=False) if index.ids else bm25s.BM25()
        return index


class LexicalStore:
    """One BM25 index over all municipalities, kept in step with the catalog generations."""

    def __init__(self, root: Path, catalog: Catalog) -> None:
        self.root, self.catalog = root, catalog
        self._cache: tuple[str, LexicalIndex] | None = None
        self._masks: dict[tuple[str, ...], np.ndarray] = {}
        self._lock = threading.Lock()
        self._surface: tuple[str, dict[str, int]] | None = None  # stored words for ``respell``

    def _stamp(self) -> str:
        return self.catalog.stamp()  # one query

    def _path(self) -> Path:
        return self.root / "all"

    def index(self) -> LexicalIndex:
        stamp = self._stamp()
        with self._lock:
            if self._cache and self._cache[0] == stamp:
                return self._cache[1]
            idx = LexicalIndex.load(self._path(), stamp)
            if idx is None:
                idx = self._rebuild(stamp)
            else:
                idx.owners = self._owners(idx.ids)
            self._cache, self._masks = (stamp, idx), {}
            return idx

    def _owners(self, ids: list[str]) -> list[str]:
        owner = {cid: muni for muni in self.catalog.municipalities() for cid, _, _ in self.catalog.chunks(muni)}
        return [owner.get(cid, "") for cid in ids]

    def _rebuild(self, stamp: str) -> LexicalIndex:
        ids, item_ids, texts, owners = [], [], [], []
        for muni in sorted(self.catalog.municipalities()):
            for cid, iid, text in self.catalog.chunks(muni):
                ids.append(cid)
                item_ids.append(iid)
                texts.append(text)
                owners.append(muni)
        idx = LexicalIndex(ids, item_ids, texts)
        idx.owners = owners
        idx.save(self._path(), stamp)
        return idx

    def rebuild(self) -> LexicalIndex:
        with self._lock:
            idx = self._rebuild(self._stamp())
            self._cache, self._masks = None, {}
        return idx

    def refresh(self) -> None:
        """Bring the index up to the catalog generations (after an ingest)."""
        self.index()

    def search(self, query: str, municipalities: list[str], k: int) -> list[tuple[str, float]]:
        idx = self.index()
        wanted = tuple(sorted(municipalities))
        mask = None
        if set(wanted) != set(idx.owners):
            mask = self._masks.get(wanted)
            if mask is None:
                keep = set(wanted)
                import numpy as np

                mask = np.array([o in keep for o in idx.owners], dtype=np.float32)
                self._masks[wanted] = mask
        return idx.search(query, k, mask)

    def mentioned(self, parts: tuple[str, ...], municipalities: list[str]) -> bool:
        """Does one chunk (of these municipalities; all when none) hold a word containing each folded part?
        ("lejr", "skol"): a compound the minutes write apart or inflect differently still counts."""
        return self.index().mentioned(parts, municipalities)

    def respell(self, question: str) -> str:
        """The question with a typing slip in a long lower-case word mended to the stored word it meant
        ("var der nogen fraværnde?"); see ``store.spelling``. A word is checked only when its stem is in no
        chunk; the stored words are counted then, once per catalog generation."""
        idx = self.index()
        vocab = getattr(idx.bm25, "vocab_dict", {})

        def fix(word: str) -> str | None:
            stem = next(iter(tokens(word)), "")
            if not stem or stem in vocab:
                return None
            words = self._surface_words()
            return spelling.meant(word, words.keys(), words)

        return spelling.respell(question, fix)

    def _surface_words(self) -> dict[str, int]:
        """Each lower-case word of the stored chunks with the number of chunks holding it."""
        stamp = self._stamp()
        if self._surface is None or self._surface[0] != stamp:
            counts: dict[str, int] = {}
            for muni in self.catalog.municipalities():
                for _, _, text in self.catalog.chunks(muni):
                    for w in set(spelling.words(text.lower())):
                        counts[w] = counts.get(w, 0) + 1
            self._surface = (stamp, counts)
        return self._surface[1]
