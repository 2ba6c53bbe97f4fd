"""The stored title words nearest a word (store.neighbours): the vocabulary is every stored item title's words,
embedded once per catalog generation; a word is near a title word when that word is among its k nearest."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from assistant.container import Container
from store.embed import Kind
from store.neighbours import TitleNeighbours, title_words
from tests.helpers import ingest_text

SORO = """Sorø Kommune
Referat af Økonomiudvalget den 18. september 2024

Punkt 1: Kommunegaranti for lån til ny multihal ved Sorø Hallerne
Sagsfremstilling
Sorø Hallerne søger kommunegaranti for et lån på 12 mio. kr. til en ny multihal.
Beslutning
Anbefales.

Punkt 2: Låneoptagelse 2024
Sagsfremstilling
Kommunen optager lån på 40 mio. kr. til anlæg.
Beslutning
Godkendt.
"""

# meanings as directions: a word of the same meaning points the same way, with a small offset of its own
_MEANING = {"multihal": 0, "sportshal": 0, "idrætshal": 0, "kommunegaranti": 1, "låneoptagelse": 1, "hallerne": 2,
            "sorø": 3, "sommerhus": 4, "færgeleje": 5}


class MeaningEmbedder:
    """Each word along the axis of its meaning (unknown words along their own), plus a per-word offset."""

    dim = 16

    def __init__(self) -> None:
        self.calls = 0
        self.texts: list[str] = []

    def embed(self, texts: list[str], kind: Kind) -> np.ndarray:
        self.calls += 1
        self.texts += texts
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, word in enumerate(texts):
            axis = _MEANING.get(word, 6 + sum(map(ord, word)) % (self.dim - 6))
            out[i, axis] = 1.0
            if word == "sommerhus":  # a little of a loan's meaning, none of a hall's
                out[i, _MEANING["kommunegaranti"]] = 0.3
            out[i, (axis + 1 + len(word)) % self.dim] += 0.1 * (len(word) % 5)
            out[i] /= np.linalg.norm(out[i])
        return out


def test_title_words_are_lower_case_words_not_numbers() -> None:
    assert title_words("Kommunegaranti for lån til ny Multihal 2024-2028, sag 5.a") == {"kommunegaranti", "multihal"}


def test_a_word_is_near_the_title_word_of_its_meaning(container: Container, tmp_path: Path) -> None:
    ingest_text(container, tmp_path / "soro.txt", SORO)
    near = TitleNeighbours(container.catalog, MeaningEmbedder()).near
    assert near("sportshal", {"multihal", "hallerne"}, 1)
    assert not near("sportshal", {"kommunegaranti"}, 1)  # a title word of another meaning
    assert near("sommerhus", {"kommunegaranti", "låneoptagelse"}, 1)  # the nearest there is
    # five of a store's five title words would make every word near: a small store takes its nearest one only
    assert not near("sommerhus", {"multihal"}, 5)
    assert not near("sportshal", set(), 5)


def test_the_vocabulary_follows_the_catalog(container: Container, tmp_path: Path) -> None:
    embedder = MeaningEmbedder()
    neighbours = TitleNeighbours(container.catalog, embedder)
    assert not neighbours.near("sportshal", {"multihal"}, 3)  # nothing stored yet
    ingest_text(container, tmp_path / "soro.txt", SORO)
    assert neighbours.near("sportshal", {"multihal"}, 1)  # the new generation's titles are embedded
    calls = embedder.calls
    assert neighbours.near("idrætshal", {"multihal"}, 1)
    assert embedder.calls == calls + 1  # the vocabulary is kept: only the asked word is embedded
    embedder.texts.clear()
    ingest_text(container, tmp_path / "soro2.txt", SORO.replace("18. september", "2. oktober").replace(
        "Låneoptagelse 2024", "Ny sportshal i Pedersborg"))
    assert neighbours.near("idrætshal", {"sportshal"}, 1)
    # a new generation embeds only its new title words (and the asked word)
    assert sorted(embedder.texts) == ["idrætshal", "pedersborg", "sportshal"]


def test_preload_embeds_the_title_words_before_the_first_question(container: Container, tmp_path: Path) -> None:
    ingest_text(container, tmp_path / "soro.txt", SORO)
    embedder = MeaningEmbedder()
    container.__dict__["neighbours"] = TitleNeighbours(container.catalog, embedder)  # the fake embedder has none
    container.preload()
    assert {"multihal", "kommunegaranti", "låneoptagelse"} <= set(embedder.texts)
    embedder.texts.clear()
    assert container.near is not None and container.near("sportshal", {"multihal"}, 1)
    assert embedder.texts == ["sportshal"]


def test_a_word_alone_finds_the_items_whose_text_holds_its_meaning(container: Container, tmp_path: Path) -> None:
    """WordItems.finds: the first k distinct items of the dense search for the word alone (the fake embedder's
    vectors are hashed letters, so an item holding the word comes first)."""
    from store.neighbours import WordItems

    ingest_text(container, tmp_path / "soro.txt", SORO)
    items = {i.title: i.id for i in container.catalog.item_rows()}
    hall, loan = items["Kommunegaranti for lån til ny multihal ved Sorø Hallerne"], items["Låneoptagelse 2024"]
    finds = WordItems(container.vectors, container.embedder).finds
    assert finds("multihal", hall, 1) and not finds("multihal", loan, 1)
    assert finds("låneoptagelse", loan, 1) and not finds("låneoptagelse", hall, 1)
    assert finds("multihal", loan, 2)  # the store's second item
    assert not finds("multihal", hall, 0)
