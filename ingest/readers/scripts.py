"""The JSON a web page carries in its scripts, for the readers that look past the visible markup.

Layouts found: ``<script type="application/json">`` (Next.js ``<script id="__NEXT_DATA__">``, any framework's
props/state island), Nuxt 3's ``<script id="__NUXT_DATA__">`` (a flat array in which objects and lists refer to
their values by index: ``unflatten``), an inline assignment of the page state (``window.__INITIAL_STATE__ =
{...};``, ``window.__APOLLO_STATE__=``, ``window["__NUXT__"] =``, also ``= JSON.parse("…")``), and schema.org
JSON-LD (``<script type="application/ld+json">``, ``ld_events``). The JSON is parsed as JSON only: a script
that is JavaScript beyond the assignment yields nothing.
"""

from __future__ import annotations

import json
import re
from typing import Any

SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.I | re.S)
TYPE = re.compile(r"""\btype\s*=\s*["']?(?P<type>[\w/+.-]+)""", re.I)
ID = re.compile(r"""\bid\s*=\s*["']?(?P<id>[\w-]+)""", re.I)
STATE = re.compile(r"""\bwindow\s*(?:\.\s*(?P<name>__\w+__)|\[\s*["'](?P<quoted>__\w+__)["']\s*\])\s*=\s*""")
JSON_PARSE = re.compile(r"""JSON\.parse\(\s*(?=["'])""")
MAX_SCRIPT = 5_000_000  # characters: a larger script is no page state we read
NUXT_TYPES = {"Reactive", "ShallowReactive", "Ref", "ShallowRef", "EmptyRef", "EmptyShallowRef", "NuxtError"}


def _decode(text: str) -> Any | None:
    """The JSON value at the start of ``text`` (what follows is ignored: ";", more JavaScript)."""
    try:
        value, _ = json.JSONDecoder().raw_decode(text)
    except (json.JSONDecodeError, RecursionError):
        return None
    return value


def _state(body: str) -> list[Any]:
    """The values assigned to ``window.__NAME__`` in an inline script, parsed as JSON."""
    out = []
    for m in STATE.finditer(body):
        rest = body[m.end():]
        if (p := JSON_PARSE.match(rest)) is not None:  # = JSON.parse("{\"a\": 1}")
            literal = _decode(rest[p.end():]) if rest[p.end()] == '"' else None
            value = _decode(literal) if isinstance(literal, str) else None
        else:
            value = _decode(rest)
        if isinstance(value, dict | list):
            out.append(value)
    return out


def unflatten(data: list[Any]) -> Any:
    """Nuxt's payload (devalue): entry 0 is the root; in objects and lists every value is the index of another
    entry; a list opening with a type name (["ShallowReactive", 1], ["Date", "2024-…"]) wraps one value."""
    done: dict[int, Any] = {}

    def value(k: Any, depth: int = 0) -> Any:
        if not isinstance(k, int) or isinstance(k, bool) or not 0 <= k < len(data) or depth > 60:
            return None
        if k in done:
            return done[k]
        node = data[k]
        wrapper = isinstance(node, list) and node and isinstance(node[0], str) and node[0] in NUXT_TYPES | {"Date"}
        if wrapper:
            inner = node[1] if len(node) > 1 else None
            done[k] = inner if node[0] == "Date" else value(inner, depth + 1)
        elif isinstance(node, list):
            done[k] = out = []
            out += [value(x, depth + 1) for x in node]
        elif isinstance(node, dict):
            done[k] = obj = {}
            obj.update({key: value(x, depth + 1) for key, x in node.items()})
        else:
            done[k] = node
        return done[k]

    return value(0)


def blobs(text: str) -> list[tuple[str, Any]]:
    """Every JSON value a page's scripts carry, in page order, as (kind, value): kind "json" for a JSON script,
    "state" for an inline state assignment, "ld+json" for JSON-LD."""
    out: list[tuple[str, Any]] = []
    for m in SCRIPT.finditer(text):
        body, attrs = m["body"], m["attrs"]
        if len(body) > MAX_SCRIPT or not body.strip():
            continue
        kind = (t["type"].lower() if (t := TYPE.search(attrs)) else "")
        if kind in ("application/json", "application/ld+json"):
            value = _decode(body.strip())
            if isinstance(value, list) and (i := ID.search(attrs)) and i["id"] == "__NUXT_DATA__":
                value = unflatten(value)
            if isinstance(value, dict | list):
                out.append(("ld+json" if kind.endswith("ld+json") else "json", value))
        elif kind in ("", "text/javascript", "application/javascript", "module"):
            out += [("state", v) for v in _state(body)]
    return out


def ld_events(text: str) -> list[dict[str, Any]]:
    """The schema.org Event objects (of type Event or a kind of it: "BusinessEvent") of a page's JSON-LD, at the
    top, in a list or in an ``@graph``."""
    found: list[dict[str, Any]] = []
    for kind, value in blobs(text):
        if kind != "ld+json":
            continue
        nodes = value if isinstance(value, list) else [value, *_seq(value.get("@graph"))]
        for node in nodes:
            types = node.get("@type") if isinstance(node, dict) else None
            if isinstance(node, dict) and any(str(t).endswith("Event") for t in _seq(types) or [types]):
                found.append(node)
    return found


def _seq(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
