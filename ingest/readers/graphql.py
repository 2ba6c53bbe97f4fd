"""GraphQL responses (Relay-style connections): ``{"items": {"totalCount", "pageInfo", "edges": [{"cursor", "node":
{...}}]}}`` and ``{"participants": {"nodes": [{...}]}}``.

``unwrap`` turns a response into the plain nested JSON ``generic_json`` reads by field name: a connection object
(an object holding only ``edges``/``nodes`` and the paging fields beside them) becomes the list of its nodes, in
the order the edges give; a list of edges (every entry an object with a ``node`` and at most a ``cursor`` beside
it) becomes the list of their nodes. So an item list is the list of the edges' nodes, never a list found inside
one node (its body blocks). Everything else is kept as it is; nothing is changed when there is no connection.
"""

from __future__ import annotations

from typing import Any

MAX_DEPTH = 40
EDGE_KEYS = {"node", "cursor", "__typename"}
# the fields a connection object holds beside its edges or nodes: paging, counts and the type name
PAGING_KEYS = {"edges", "nodes", "pageinfo", "totalcount", "count", "total", "__typename", "typename", "cursor"}


def is_edges(value: Any) -> bool:
    """A non-empty list of edges: every entry an object with a ``node`` (an object) and at most a cursor."""
    return (isinstance(value, list) and bool(value)
            and all(isinstance(e, dict) and isinstance(e.get("node"), dict) and set(e) <= EDGE_KEYS for e in value))


def nodes_of(value: Any) -> list[Any] | None:
    """The nodes of a connection object ({"edges": [{"node"}]} or {"nodes": [...]}, with paging fields), of a
    list of edges, else None."""
    if is_edges(value):
        return [e["node"] for e in value]
    if not isinstance(value, dict) or not value or not {k.lower() for k in value} <= PAGING_KEYS:
        return None
    if is_edges(value.get("edges")):
        return [e["node"] for e in value["edges"]]
    nodes = value.get("nodes")
    if isinstance(nodes, list) and all(isinstance(n, dict) for n in nodes) and "edges" not in value:
        return nodes
    return None


def has_connection(data: Any, depth: int = 0) -> bool:
    if depth > MAX_DEPTH:
        return False
    if nodes_of(data) is not None:
        return True
    children = data.values() if isinstance(data, dict) else data if isinstance(data, list) else []
    return any(has_connection(v, depth + 1) for v in children)


def unwrap(data: Any) -> Any:
    """The document with every connection replaced by the list of its nodes (``nodes_of``); the document itself
    (the same object) when it holds none."""
    if not has_connection(data):
        return data

    def plain(value: Any, depth: int) -> Any:
        if depth > MAX_DEPTH:
            return value
        nodes = nodes_of(value)
        if nodes is not None:
            return [plain(n, depth + 1) for n in nodes]
        if isinstance(value, dict):
            return {k: plain(v, depth + 1) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v, depth + 1) for v in value]
        return value

    return plain(data, 0)
