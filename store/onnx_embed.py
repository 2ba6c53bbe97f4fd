"""An ONNX Runtime encoder for the local e5 folder, beside the sentence-transformers one (store/embed.py).

The folder's BERT, mean pooling and L2 normalisation are exported once, offline, with ``torch.onnx.export`` into
``model.onnx`` next to the weights; ``model.int8.onnx`` is that graph with its weights dynamically quantised to int8
(``onnxruntime.quantization.quantize_dynamic``, per channel). Both are written on first use under a file lock and
moved into place atomically, so concurrent processes export once and never read a half-written file. Tokenisation
uses the folder's own ``tokenizer.json`` (the ``tokenizers`` library), with the sentence-transformers prompts
("query: " / "passage: ") and truncation, so fp32 vectors match sentence-transformers' to cosine ≥ 0.999
(tests/test_onnx_embed.py). Needs the ``onnx`` extra (``pip install -e '.[onnx]'``).
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

    from store.embed import Kind

ONNX_FILE = "model.onnx"
INT8_FILE = "model.int8.onnx"
OPSET = 17
TOKENS_PER_BATCH = 1024


def onnx_path(model_dir: Path, int8: bool = False) -> Path:
    return Path(model_dir) / (INT8_FILE if int8 else ONNX_FILE)


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive advisory lock on ``path`` (POSIX flock): one exporter per model folder at a time."""
    import fcntl

    with open(path, "a+b") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _check_folder(model_dir: Path) -> None:
    """The export covers Transformer -> mean Pooling -> Normalize (what e5model.build writes); refuse others."""
    modules: list[dict[str, Any]] = _read_json(model_dir / "modules.json") or []
    if not isinstance(modules, list) or not modules:
        raise ValueError(f"{model_dir}: not a sentence-transformers folder (no modules.json)")
    kinds = [str(m.get("type", "")).rsplit(".", 1)[-1] for m in modules]
    pooling = _read_json(model_dir / "1_Pooling" / "config.json")
    mean = pooling.get("pooling_mode") == "mean" or pooling.get("pooling_mode_mean_tokens") is True
    if kinds[:3] != ["Transformer", "Pooling", "Normalize"] or not mean or not (model_dir / "tokenizer.json").exists():
        raise ValueError(f"{model_dir}: the ONNX encoder supports Transformer + mean Pooling + Normalize folders "
                         f"with a tokenizer.json; found {kinds}, pooling {pooling.get('pooling_mode')!r}")


def _export_fp32(model_dir: Path, out: Path) -> None:
    import warnings

    import torch
    from transformers import AutoModel
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    bert = AutoModel.from_pretrained(str(model_dir), attn_implementation="eager").eval()

    class Pooled(torch.nn.Module):
        """BERT -> mean of the unmasked token states -> L2 normalised (sentence-transformers' Pooling + Normalize)."""

        def __init__(self, encoder: torch.nn.Module) -> None:
            super().__init__()
            self.encoder = encoder

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, p=2, dim=1)

    # two rows of different lengths (one padded), so the traced graph keeps the masking path
    ids = torch.tensor([[0, 1000, 2000, 3000, 2], [0, 1000, 2, 1, 1]], dtype=torch.long)
    mask = torch.tensor([[1, 1, 1, 1, 1], [1, 1, 1, 0, 0]], dtype=torch.long)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")  # the TorchScript exporter's deprecation and tracer notes
            torch.onnx.export(Pooled(bert), (ids, mask), str(tmp), dynamo=False, opset_version=OPSET,
                              input_names=["input_ids", "attention_mask"], output_names=["sentence_embedding"],
                              dynamic_axes={"input_ids": {0: "batch", 1: "tokens"},
                                            "attention_mask": {0: "batch", 1: "tokens"},
                                            "sentence_embedding": {0: "batch"}})
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)


def _quantize(fp32: Path, out: Path) -> None:
    import logging

    from onnxruntime.quantization import QuantType, quantize_dynamic

    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)  # quantize_dynamic logs a pre-processing hint on the root logger
    try:
        # per channel keeps cosine to fp32 at ~0.996 (per tensor: ~0.986); Gather (the 250k x 384 token table)
        # is quantised too, which brings the file from 470 MB to ~118 MB
        quantize_dynamic(str(fp32), str(tmp), weight_type=QuantType.QInt8, per_channel=True)
        os.replace(tmp, out)
    finally:
        root.setLevel(level)
        tmp.unlink(missing_ok=True)


def unsupported(model: str | Path, int8: bool = False) -> str | None:
    """Why the ONNX encoder cannot run for ``model`` (None when it can), checked without importing the runtimes."""
    import importlib.util

    model_dir = Path(model)
    if not model_dir.is_dir():
        return f"{str(model)!r} is not a local model folder"
    if importlib.util.find_spec("onnxruntime") is None:
        return "onnxruntime is not installed (pip install -e '.[onnx]')"
    if not onnx_path(model_dir, int8).exists():
        if importlib.util.find_spec("onnx") is None:
            return "the onnx package, needed once to export the model, is not installed (pip install -e '.[onnx]')"
        try:
            _check_folder(model_dir)
        except ValueError as exc:
            return str(exc)
    return None


def export_onnx(model_dir: Path, int8: bool = False) -> Path:
    """``model.onnx`` (and ``model.int8.onnx`` when ``int8``) in ``model_dir``, exported once; returns the one asked."""
    model_dir = Path(model_dir)
    target = onnx_path(model_dir, int8)
    if target.exists():
        return target
    _check_folder(model_dir)
    with _locked(model_dir / ".onnx-export.lock"):
        if target.exists():  # another process exported it while we waited
            return target
        fp32 = onnx_path(model_dir, False)
        if not fp32.exists():
            _export_fp32(model_dir, fp32)
        if int8:
            _quantize(fp32, target)
    return target


class OnnxEmbedder:
    """The e5 folder through ONNX Runtime (fp32 or int8); the same vectors as SentenceTransformerEmbedder (fp32)."""

    def __init__(self, model_dir: str | Path, int8: bool = False, batch_size: int = 32, threads: int = 0) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        model_dir = Path(model_dir)
        path = export_onnx(model_dir, int8)
        st_config = _read_json(model_dir / "config_sentence_transformers.json")
        self.prompts: dict[str, str] = st_config.get("prompts") or {}
        tok_config = _read_json(model_dir / "tokenizer_config.json")
        bert_config = _read_json(model_dir / "config.json")
        max_len = (_read_json(model_dir / "sentence_bert_config.json").get("max_seq_length")
                   or tok_config.get("model_max_length") or bert_config.get("max_position_embeddings", 512))
        self.max_length = int(min(max_len, bert_config.get("max_position_embeddings", max_len)))
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        pad_token = tok_config.get("pad_token") or "<pad>"
        pad_id = self.tokenizer.token_to_id(pad_token)
        pad_id = bert_config.get("pad_token_id", 0) if pad_id is None else pad_id
        self.tokenizer.enable_truncation(max_length=self.max_length)
        self.tokenizer.no_padding()  # we pad each length-sorted batch ourselves
        self.pad_id = int(pad_id)
        options = ort.SessionOptions()
        if threads:
            options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        # no busy-waiting between runs: in a server the same cores compose answers, search BM25 and serve HTTP
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self.dim = int(self.session.get_outputs()[0].shape[-1])
        self.batch_size = batch_size
        self.int8 = int8
        # one batch already uses every core; concurrent requests queue here instead of thrashing
        self._lock = threading.Lock()

    def _batch(self, encodings: list[Any]) -> dict[str, np.ndarray]:
        import numpy as np

        width = max(len(e.ids) for e in encodings)
        ids = np.full((len(encodings), width), self.pad_id, dtype=np.int64)
        mask = np.zeros((len(encodings), width), dtype=np.int64)
        for row, enc in enumerate(encodings):
            ids[row, :len(enc.ids)] = enc.ids
            mask[row, :len(enc.ids)] = 1
        return {"input_ids": ids, "attention_mask": mask}

    def embed(self, texts: list[str], kind: Kind) -> np.ndarray:
        import numpy as np

        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        prompt = self.prompts.get(kind, "")
        encodings = self.tokenizer.encode_batch([prompt + t for t in texts])
        order = sorted(range(len(texts)), key=lambda i: -len(encodings[i].ids))  # longest first: little padding
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        with self._lock:
            start = 0
            while start < len(order):
                # at most batch_size texts and about TOKENS_PER_BATCH padded tokens: a few long chunks or many
                # short ones per run (smaller padded batches measured ~10-15% faster on 2 cores than 32 at once)
                width = len(encodings[order[start]].ids)
                rows = order[start:start + max(1, min(self.batch_size, TOKENS_PER_BATCH // width))]
                out[rows] = self.session.run(None, self._batch([encodings[i] for i in rows]))[0]
                start += len(rows)
        return out
