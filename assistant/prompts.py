"""Prompts live as versioned files in prompts/: NAME.vN.md or NAME.LANG.vN.md."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

PROMPTS_DIR = Path(__file__).resolve().parent.parent / "prompts"


class PromptNotFound(LookupError):
    pass


@lru_cache(maxsize=64)
def load(name: str, version: str = "v1", lang: str | None = None, root: Path = PROMPTS_DIR) -> str:
    candidates = ([root / f"{name}.{lang}.{version}.md"] if lang else []) + [root / f"{name}.{version}.md"]
    for path in candidates:
        if path.is_file():
            return path.read_text(encoding="utf-8").strip()
    raise PromptNotFound(f"no prompt {name!r} version {version!r} (looked for {[p.name for p in candidates]})")
