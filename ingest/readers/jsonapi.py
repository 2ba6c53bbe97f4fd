"""JSON:API documents (https://jsonapi.org): ``{"data": resource | [resource], "included": [resource]}``, each
resource ``{type, id, attributes, relationships: {name: {data: {type, id} | [{type, id}]}}}``.

``resolve`` turns one into the plain nested JSON ``generic_json`` reads by field name: a resource becomes its
attributes plus each relationship resolved to the included resources it names, in the order the relationship
lists them (never the order of ``included``). Ids, types, links and meta are dropped; a relationship to a
resource the document does not include is left out. Included resources no relationship reaches but that point
at a reached one (an item naming its meeting, with no list of items on the meeting) are listed under that
resource by their type, ordered by their sort-order or number field. A primary list of items that all name
one included resource (their meeting) is read the same way, from that resource. A resource is never nested
inside itself (relationships back to the meeting stop there); the tree stops growing at ``MAX_NODES`` resources.
"""

from __future__ import annotations

import re
from typing import Any

from ingest.readers import fieldnames as names

MAX_NODES = 5000
MAX_DEPTH = 10
Ref = tuple[str, str]


def is_resource(value: Any) -> bool:
    return (isinstance(value, dict) and isinstance(value.get("type"), str)
            and isinstance(value.get("attributes", {}), dict) and isinstance(value.get("relationships", {}), dict)
            and ("attributes" in value or "relationships" in value))


def is_document(data: Any) -> bool:
    """A JSON:API top level: primary ``data`` that is a resource or a list of them, with ``included``
    resources or relationships to follow."""
    if not isinstance(data, dict) or "data" not in data:
        return False
    primary = data["data"] if isinstance(data["data"], list) else [data["data"]]
    if not primary or not all(is_resource(r) for r in primary):
        return False
    return isinstance(data.get("included"), list) or "jsonapi" in data or any(r.get("relationships") for r in primary)


def resolve(data: Any) -> Any | None:
    """The document as plain nested JSON (an object, or a list for a list of primary resources), or None when
    ``data`` is no JSON:API document."""
    if not is_document(data):
        return None
    primary = data["data"] if isinstance(data["data"], list) else [data["data"]]
    included = [r for r in data.get("included") or [] if is_resource(r)]
    index: dict[Ref, dict[str, Any]] = {}
    for res in [*primary, *included]:
        index.setdefault(_ref(res), res)
    host = _host(primary, index) if isinstance(data["data"], list) else None
    if host is not None:  # a list of items all naming one meeting: read from the meeting
        primary = [host]
    children = _inverse(primary, index)
    budget = [MAX_NODES]

    def plain(res: dict[str, Any], path: frozenset[Ref]) -> dict[str, Any]:
        budget[0] -= 1
        out = dict(res.get("attributes") or {})
        path = path | {_ref(res)}
        deeper = len(path) < MAX_DEPTH
        for name, rel in (res.get("relationships") or {}).items():
            linkage = rel.get("data") if isinstance(rel, dict) else None
            targets = [index.get(_ref(x)) for x in (linkage if isinstance(linkage, list) else [linkage])
                       if isinstance(x, dict)]
            found = [t for t in targets if t is not None and _ref(t) not in path and deeper and budget[0] > 0]
            if found and name not in out:
                resolved = [plain(t, path) for t in found]
                out[name] = resolved if isinstance(linkage, list) else resolved[0]
        for kind, group in children.get(_ref(res), {}).items():
            found = [c for c in group if _ref(c) not in path and deeper and budget[0] > 0]
            if found and kind not in out:
                out[kind] = [plain(c, path) for c in found]
        return out

    tree = [plain(r, frozenset()) for r in primary]
    return tree if isinstance(data["data"], list) and host is None else tree[0]


def _ref(value: dict[str, Any]) -> Ref:
    return str(value.get("type")), str(value.get("id"))


def _targets(res: dict[str, Any]) -> list[Ref]:
    out = []
    for rel in (res.get("relationships") or {}).values():
        linkage = rel.get("data") if isinstance(rel, dict) else None
        out += [_ref(x) for x in (linkage if isinstance(linkage, list) else [linkage]) if isinstance(x, dict)]
    return out


def _host(primary: list[dict[str, Any]], index: dict[Ref, dict[str, Any]]) -> dict[str, Any] | None:
    """The one included resource every primary resource names (the meeting of a list of items); of several,
    one with a date field."""
    common = [t for t in dict.fromkeys(_targets(primary[0])) if t in index and all(t in _targets(r) for r in primary)]
    dated = [t for t in common if "date" in names.fields(index[t].get("attributes") or {})]
    return index[(dated or common)[0]] if common else None


def _inverse(primary: list[dict[str, Any]], index: dict[Ref, dict[str, Any]]) -> dict[Ref, dict[str, list[Any]]]:
    """The resources only reachable backwards (their relationship names a reached resource): by parent, then
    by their type, each group in sort order."""
    reached: set[Ref] = set()

    def reach(todo: list[Ref]) -> None:  # forward first: a resource some relationship lists is never a child
        while todo:
            ref = todo.pop()
            if ref not in reached and ref in index:
                reached.add(ref)
                todo += _targets(index[ref])

    reach([_ref(r) for r in primary])
    children: dict[Ref, dict[str, list[Any]]] = {}
    grew = True
    while grew:
        grew = False
        for ref, res in index.items():
            parent = next((t for t in _targets(res) if t in reached), None) if ref not in reached else None
            if parent is not None:
                children.setdefault(parent, {}).setdefault(ref[0], []).append(res)
                reach([ref])
                grew = True
    for groups in children.values():
        for kind, group in groups.items():
            groups[kind] = _sorted(group)
    return children


def _sorted(group: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Resources by their sort-order field, else their number field, when every one has it; else as listed."""
    for field in ("order", "number"):
        keys = [_numeric(names.fields(r.get("attributes") or {}).get(field, ("", None))[1]) for r in group]
        if all(k is not None for k in keys):
            return [r for _, _, r in sorted(zip(keys, range(len(group)), group, strict=True))]
    return group


def _numeric(value: Any) -> tuple[int, ...] | None:
    """ "4", 4, "4.1", "Punkt 4" as a sort key; None when it holds no number."""
    if isinstance(value, bool):
        return None
    m = re.search(r"\d{1,4}(?:\.\d{1,3})*", str(value)) if isinstance(value, int | str) else None
    return tuple(int(p) for p in m.group().split(".")) if m else None
