"""First Agenda publication page, the version that loads item bodies later and groups rows into sections.

The item table's rows (``tr.punktrow``) hold only the number and the title: the row's ``div.details`` is empty
(``data-loaded="false"``) and names its body by ``data-punkt-id`` (the row's own ``id`` is ``punktrow_<id>``).
The bodies are shipped elsewhere on the page, typically ``<template class="punkt-indhold" data-punkt-id="…">``
elements in a hidden cache after the table, in the portal's id order rather than agenda order; each body holds
the ``span.sagsnummer``, ``#sagsfremstillingContainer`` and attachment links a loaded row would. A body is
therefore joined to its row by the id, never by position.

The table may be split into ``tbody`` sections with heading rows (``tr.sektion``: "Åbne punkter", "Lukkede
punkter"); a row under a closed-items heading, or a row classed ``lukket``, is a closed item.
"""

from __future__ import annotations

import re
from typing import Any

CLOSED_SECTION = re.compile(r"^\s*(?:Lukkede?|Fortrolige?)\b", re.I)
_OWN_BODY = "span.sagsnummer, [id=sagsfremstillingContainer], a.bilag-link"


def _text(tag: Any) -> str:
    return " ".join(tag.get_text(" ").split()) if tag is not None else ""


def row_key(row: Any) -> str | None:
    """The item id a row names its body by: a ``data-punkt-id`` on the row or inside it, else ``punktrow_<id>``."""
    if row.get("data-punkt-id"):
        return str(row["data-punkt-id"])
    holder = row.select_one("[data-punkt-id]")
    if holder is not None and holder.get("data-punkt-id"):
        return str(holder["data-punkt-id"])
    m = re.fullmatch(r"punktrow_(.+)", str(row.get("id") or ""))
    return m.group(1) if m else None


def bodies(soup: Any) -> dict[str, Any]:
    """Item bodies outside the item table keyed by their ``data-punkt-id``: ``<template>`` elements and any
    other element with that id and content that is not in a row."""
    found: dict[str, Any] = {}
    for tag in soup.find_all(attrs={"data-punkt-id": True}):
        key = str(tag.get("data-punkt-id") or "")
        if not key or key in found or tag.name == "tr" or tag.find_parent("tr", class_="punktrow") is not None:
            continue
        if tag.name == "template" or tag.find(True) is not None:
            found[key] = tag
    return found


def body_for(row: Any, cached: dict[str, Any]) -> Any | None:
    """The row's body shipped elsewhere on the page, when the row holds none of its own; a template's content
    as a page of its own."""
    if row.select_one(_OWN_BODY) is not None:
        return None
    key = row_key(row)
    body = cached.get(key) if key else None
    if body is None or body.name != "template":
        return body
    from bs4 import BeautifulSoup  # a template's strings are no page text to get_text(): parse its content anew

    return BeautifulSoup(body.decode_contents(), "lxml")


def rows_with_section(soup: Any) -> list[tuple[Any, bool]]:
    """The item rows in document order, each with whether it stands under a closed-items heading row
    (``tr.sektion``) or is classed ``lukket``."""
    out: list[tuple[Any, bool]] = []
    closed_section = False
    for tr in soup.select("tr.punktrow, tr.sektion"):
        classes = tr.get("class", [])
        if "punktrow" not in classes:
            closed_section = bool(CLOSED_SECTION.match(_text(tr)))
            continue
        out.append((tr, closed_section or "lukket" in classes))
    return out
