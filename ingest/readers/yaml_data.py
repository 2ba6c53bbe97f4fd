"""A YAML dataset of a meeting (open-data projects keep minutes as ``.yaml``): read by the JSON readers.

A parsed YAML document is the same kind of tree as parsed JSON (mappings, lists, scalars), so it is not mapped
anew: the tree is handed to the registered JSON readers (``generic_json`` and the format readers before it), as the
JSON they read, and the first that recognises it reads it. What YAML adds is settled while loading:

- anchors and aliases (``udvalg: *udvalg`` repeated per item) are resolved; the copy into JSON is bounded in nodes
  and depth, so an alias bomb or a recursive alias is refused, not expanded;
- YAML 1.1 reads an unquoted ``start: 13:00`` as the base-60 integer 780: a scalar written with colons stays the
  clock time as written ("13:00"), quoted or not;
- dates and timestamps become ISO strings (``2024-10-02``), as a JSON file writes them; folded (``>-``) and literal
  (``|``) blocks are plain strings already.

Sniffed by content: text that is not JSON, XML or HTML, with ``key:`` lines at the margin and indented or listed
lines under them, whose YAML is one mapping (or list of mappings) a JSON reader claims. A Markdown file with front
matter is two documents and never loads as one; its front matter stays with ``ingest.frontmatter``.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, time
from typing import Any

from ingest.readers.base import AnalysedReader, MeetingDraft, Source

MAX_NODES = 200_000  # values copied out of the YAML tree (aliases count each time they are used)
MAX_DEPTH = 40
_KEY_LINE = re.compile(r"(?m)^[A-Za-z_\"'][^\n:#]{0,80}:(?:[ \t]|$)")
_NESTED = re.compile(r"(?m)^(?:[ \t]+[^\s#]|-[ \t])")
_CONTAINERS = {"package-zip", "icalendar", "yaml-data"}


class TooDeep(ValueError):
    """The tree passes the node or depth bound (an alias bomb, a recursive alias)."""


def _loader() -> type:
    """A safe loader that keeps colon-written numbers (YAML 1.1 base 60: ``13:00`` = 780) as written."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[misc, valid-type]
        pass

    def keep_clock(construct: Any) -> Any:
        def build(loader: Any, node: Any) -> Any:
            value = loader.construct_scalar(node)
            return value if ":" in value else construct(loader, node)
        return build

    Loader.add_constructor("tag:yaml.org,2002:int", keep_clock(base.construct_yaml_int))
    Loader.add_constructor("tag:yaml.org,2002:float", keep_clock(base.construct_yaml_float))
    return Loader


def load(text: str) -> Any:
    """The YAML document as plain JSON data, or None when the text is no single YAML document or passes the
    bounds."""
    import yaml

    try:
        tree = yaml.load(text, Loader=_loader())  # noqa: S506  # a SafeLoader subclass
        return _plain(tree, 0, [0])
    except (yaml.YAMLError, TooDeep, RecursionError, ValueError, TypeError):
        return None


def _plain(value: Any, depth: int, count: list[int]) -> Any:
    count[0] += 1
    if count[0] > MAX_NODES or depth > MAX_DEPTH:
        raise TooDeep("YAML tree passes the bounds")
    if isinstance(value, dict):
        return {_key(k): _plain(v, depth + 1, count) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [_plain(v, depth + 1, count) for v in value]
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, bytes):
        return None  # !!binary: no text of a meeting
    return value


def _key(key: Any) -> str:
    if isinstance(key, datetime | date | time):
        return key.isoformat()
    return key if isinstance(key, str) else json.dumps(key) if isinstance(key, bool) or key is None else str(key)


def _candidate(src: Source) -> bool:
    """Cheap checks before loading: text, not JSON/XML/HTML, with YAML mapping lines at the margin and nesting."""
    if src.data[:4] in (b"%PDF", b"PK\x03\x04") or src.data[:1] in (b"{", b"["):
        return False
    head = src.head
    if not head or head[:1] in "<{[" or src.json is not None:
        return False
    return bool(_KEY_LINE.search(src.text[:20000])) and bool(_NESTED.search(src.text[:20000]))


def _analyse(src: Source) -> MeetingDraft | None:
    try:
        if not _candidate(src):
            return None
    except Exception:  # undecodable: not YAML text
        return None
    data = load(src.text)
    if not isinstance(data, dict | list) or not data:
        return None
    inner = Source(json.dumps(data, ensure_ascii=False).encode("utf-8"), src.path)
    from ingest.readers import structured_readers

    for reader in structured_readers():
        if reader.name in _CONTAINERS:
            continue
        try:
            if not reader.sniff(inner):
                continue
            draft = reader.read(inner)
        except Exception:  # a reader that cannot read the tree leaves it to the next
            continue
        draft.warnings.insert(0, f"read as YAML data by the {reader.name} reader's mapping")
        return draft
    return None


READER = AnalysedReader("yaml-data", _analyse, "not a YAML dataset of a meeting")
