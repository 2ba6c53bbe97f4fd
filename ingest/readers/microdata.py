"""schema.org microdata in portal HTML: an item's number in ``<meta itemprop="position" content="3">``."""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

El = Any  # an lxml.html element
NUMBER = re.compile(r"^(?:Punkt|Pkt\.?|Nr\.?)?\s*(\d{1,3}(?:\.\d{1,3})*)\.?$", re.I)  # as html_items reads one


def position(el: El, scope: El | None = None) -> str | None:
    """schema.org microdata: the number in <meta itemprop="position" content="3"> of the item's own scope (``scope``,
    or for a heading the nearest element around it with ``itemscope``)."""
    if scope is None:
        scope = next((a for a in el.iterancestors() if a.get("itemscope") is not None), None)
        if scope is None:
            return None
    inside = list(scope.iter(etree.Element))[1:]
    pos = next((x for x in inside if x.get("itemprop") == "position" and own_scope(x, scope)), None)
    m = NUMBER.match((pos.get("content") or " ".join(pos.text_content().split())).strip()) if pos is not None else None
    return m.group(1) if m else None


def own_scope(x: El, item: El) -> bool:
    """No other microdata item (``itemscope``) lies between ``x`` and ``item``: the property is the item's own."""
    for a in x.iterancestors():
        if a is item:
            return True
        if a.get("itemscope") is not None:
            return False
    return False
