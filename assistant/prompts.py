"""Prompts live as versioned files in the ``prompts`` package: NAME.vN.md or NAME.LANG.vN.md.

They are package data (read with importlib.resources), so an installed wheel finds them wherever it runs.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from importlib.resources.abc import Traversable


class PromptNotFound(LookupError):
    pass


def prompts_root() -> Traversable:
    return files("prompts")


@lru_cache(maxsize=64)
def load(name: str, version: str = "v1", lang: str | None = None, root: Traversable | None = None) -> str:
    base = root if root is not None else prompts_root()
    names = ([f"{name}.{lang}.{version}.md"] if lang else []) + [f"{name}.{version}.md"]
    for file_name in names:
        path = base.joinpath(file_name)
        if path.is_file():
            return path.read_text(encoding="utf-8").strip()
    raise PromptNotFound(f"no prompt {name!r} version {version!r} (looked for {names})")
