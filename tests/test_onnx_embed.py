"""The ONNX Runtime encoder (store/onnx_embed.py) against sentence-transformers on the same e5 folder.

fp32 must give the same vectors (cosine >= 0.999), int8 close ones (>= 0.95), and both the same nearest passage for
each question. No timing assertions: bench/encoder.py measures speed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("onnxruntime", reason="onnxruntime is not installed (pip install -e '.[onnx]')")
pytest.importorskip("onnx", reason="onnx is not installed (pip install -e '.[onnx]')")

pytestmark = pytest.mark.slow

PASSAGES = [
    "Byrådet godkendte renoveringen af plejecentret Solgården for 42 mio. kr.",
    "Udvalget besluttede at udsætte sagen om cykelstien ved havnen til næste møde.",
    "Anlægsbevilling på 12,5 mio. kr. til en ny sportshal i Tarm blev godkendt ved stemmeflertal.",
    "Forvaltningen orienterede om status på klimatilpasning langs Vejle Å.",
    "Lokalplan 1234 for et nyt boligområde ved skoven sendes i offentlig høring i otte uger.",
    "Kommunen indfører fra 2026 en ny affaldsordning med sortering i ti fraktioner.",
    "Tilskuddet til den kollektive bustrafik øges med 3 mio. kr. om året.",
    "Skolestrukturen ændres, så to mindre skoler lægges sammen fra næste skoleår.",
    "Biblioteksstrategien 2025-2028 lægger vægt på åbne biblioteker og læselyst.",
    "Jobcentret får flere ressourcer til at hjælpe ledige over 50 år i arbejde.",
]
QUESTIONS = [
    "Hvad besluttede byrådet om plejecentret?",
    "Hvad skete der med cykelstien ved havnen?",
    "Hvor meget koster den nye sportshal?",
    "Hvordan går det med klimatilpasningen?",
    "Hvornår er lokalplanen for boligområdet i høring?",
    "Hvordan skal affaldet sorteres?",
    "Hvad er tilskuddet til busserne?",
    "Hvilke skoler lægges sammen?",
    "Hvad står der i biblioteksstrategien?",
    "Hvad gør jobcentret for ældre ledige?",
]
ODD = ["  mellemrum før og efter  ", "Økonomiudvalget\n\nanbefaler  at\tsagen udsættes.", "ord " * 700, ""]


@pytest.fixture(scope="module")
def encoders(model_dir: Path) -> dict[str, Any]:
    from store.embed import make_embedder

    return {backend: make_embedder("sentence-transformers", str(model_dir), model_dir, backend=backend)
            for backend in ("sentence-transformers", "onnx", "onnx-int8")}


def _cosines(a: Any, b: Any) -> Any:
    return (a * b).sum(axis=1)


@pytest.mark.parametrize("kind", ["query", "passage"])
def test_fp32_matches_sentence_transformers(encoders: dict[str, Any], kind: str) -> None:
    texts = PASSAGES + QUESTIONS + ODD  # 24: plain sentences, padding, truncation past 510 tokens, empty
    ref = encoders["sentence-transformers"].embed(texts, kind)
    got = encoders["onnx"].embed(texts, kind)
    assert got.shape == ref.shape == (len(texts), 384)
    assert got.dtype.name == "float32"
    assert _cosines(got, ref).min() >= 0.999
    assert abs(float((got ** 2).sum(axis=1).max()) - 1.0) < 1e-4  # L2-normalised


@pytest.mark.parametrize("kind", ["query", "passage"])
def test_int8_close_to_sentence_transformers(encoders: dict[str, Any], kind: str) -> None:
    texts = PASSAGES + QUESTIONS + ODD
    ref = encoders["sentence-transformers"].embed(texts, kind)
    assert _cosines(encoders["onnx-int8"].embed(texts, kind), ref).min() >= 0.95


def test_same_top1_neighbour(encoders: dict[str, Any]) -> None:
    tops = {}
    for backend, enc in encoders.items():
        sims = enc.embed(QUESTIONS, "query") @ enc.embed(PASSAGES, "passage").T
        tops[backend] = sims.argmax(axis=1).tolist()
    assert tops["onnx"] == tops["sentence-transformers"]
    assert tops["onnx-int8"] == tops["sentence-transformers"]


def test_batching_does_not_change_vectors(encoders: dict[str, Any]) -> None:
    one_by_one = [encoders["onnx"].embed([t], "passage")[0] for t in PASSAGES[:4]]
    together = encoders["onnx"].embed(PASSAGES[:4], "passage")
    for a, b in zip(one_by_one, together, strict=True):
        assert float(a @ b) >= 0.9999
    assert encoders["onnx"].embed([], "query").shape == (0, 384)


def test_export_happens_once(model_dir: Path, encoders: dict[str, Any]) -> None:
    from store.onnx_embed import export_onnx, onnx_path

    before = {p: p.stat().st_mtime_ns for p in (onnx_path(model_dir), onnx_path(model_dir, True))}
    for int8 in (False, True):
        assert export_onnx(model_dir, int8) == onnx_path(model_dir, int8)
    assert {p: p.stat().st_mtime_ns for p in before} == before
    assert not list(model_dir.glob(".*.tmp"))  # no half-written export left behind


def test_backend_setting_and_bad_values(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.settings import Settings
    from store.embed import FakeEmbedder, make_embedder
    from store.onnx_embed import export_onnx

    assert Settings(data_dir=tmp_path).embed_backend == "onnx"  # the default (docs/design.md: same quality, faster)
    monkeypatch.setenv("REFERAT_EMBED_BACKEND", "onnx-int8")
    assert Settings(data_dir=tmp_path).embed_backend == "onnx-int8"
    assert isinstance(make_embedder("fake", "", tmp_path, backend="onnx"), FakeEmbedder)
    with pytest.raises(ValueError, match="embed backend"):
        make_embedder("sentence-transformers", str(tmp_path), tmp_path, backend="tensorflow")
    with pytest.raises(ValueError, match="local model folder"):
        make_embedder("sentence-transformers", "intfloat/multilingual-e5-small", tmp_path, backend="onnx-int8")
    with pytest.raises(ValueError, match="sentence-transformers folder"):
        export_onnx(tmp_path)


def test_onnx_falls_back_to_sentence_transformers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  caplog: pytest.LogCaptureFixture) -> None:
    """Where ONNX cannot run (no onnx package before the first export, a hub name, another pooling), "onnx" uses
    sentence-transformers, whose vectors are the same; "onnx-int8" (other vectors) refuses instead."""
    import store.embed as embed
    from store.onnx_embed import unsupported

    made: list[tuple[Any, bool]] = []

    class Stub:
        dim = 384

        def __init__(self, path: Any, batch_size: int = 32, threads: int = 0, int8: bool = False) -> None:
            made.append((path, int8))

    monkeypatch.setattr(embed, "SentenceTransformerEmbedder", Stub)
    assert "not a local model folder" in (unsupported("intfloat/multilingual-e5-small") or "")
    assert "sentence-transformers folder" in (unsupported(tmp_path) or "")
    with caplog.at_level("WARNING"):
        assert isinstance(embed.make_embedder("sentence-transformers", str(tmp_path), tmp_path), Stub)
    assert made == [(str(tmp_path), False)] and "ONNX encoder unavailable" in caplog.text
    with pytest.raises(ValueError, match="onnx-int8 encoder cannot run"):
        embed.make_embedder("sentence-transformers", str(tmp_path), tmp_path, int8=True)  # onnx + int8 = onnx-int8
    embed.make_embedder("sentence-transformers", str(tmp_path), tmp_path, int8=True, backend="sentence-transformers")
    assert made[-1] == (str(tmp_path), True)  # torch int8 as before
