"""A version of the First Agenda "Vis" JSON that ``greve_json`` reads: sub-items nested in their item, attachments
that carry their own text, this meeting's decision printed after the case history, and the portal's host.

- Sub-items: an item may hold its sub-items as a list (``Underpunkter``, ``SubItems``, ``Children``), each an item
  of its own with its printed number ("4.1"), ``ParentUid`` the parent's ``Id`` and ``Sorting`` counted inside the
  parent. They follow their parent in the agenda (``sub_items``); one without a number is numbered after the
  parent ("4.1", "4.2").
- Attachments: ``Bilag[]`` entries may hold the attachment's text (``Tekst``, ``Text``, ``Indhold``); it becomes a
  section headed by the attachment's name, as a meeting package's attachment does (``attachment_sections``).
- Decisions: an item that prints "Sagens forløb" before "Beslutning" reads the earlier bodies' decisions first;
  this meeting's own decision is put first, as the portal's usual order has it (``own_first``).
- Supplementary agenda: ``TillaegsDagsorden`` (``SupplementaryAgenda``) is a flag in most installations, the items
  standing in the main list; another writes it as an OBJECT ({Navn "Tillægsdagsorden", Udsendt, Dagsordenpunkter})
  with its OWN item list. Those items follow the main list's (``supplement_items``); one the main list already
  holds (the same ``Id``) is not read twice.
- Municipality: the portal's host ("https://dagsordener.koege.dk/vis?id=…" -> Køge, "hoeje-taastrup" ->
  Høje-Taastrup), a municipality's name written in ASCII (``portal_municipality``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlparse

from core import municipalities
from ingest.readers.base import ItemDraft

SUPPLEMENT_KEYS = ("TillaegsDagsorden", "Tillaegsdagsorden", "TillægsDagsorden", "SupplementaryAgenda")
SUB_KEYS = ("Underpunkter", "Underpunkt", "SubItems", "Children", "Delpunkter")
NUMBER_KEYS = ("Punktnummer", "Number", "Nummer")
TEXT_KEYS = ("Tekst", "Text", "Indhold", "Content")
MAX_DEPTH = 3
_HOST_WORDS = {"www", "dk", "com", "net", "dagsorden", "dagsordener", "referater", "politik", "web", "vis", "portal"}


def _value(obj: dict[str, Any], keys: tuple[str, ...]) -> Any:
    lowered = {str(k).lower(): v for k, v in obj.items()}
    return next((lowered[k.lower()] for k in keys if lowered.get(k.lower()) not in (None, "", [], {})), None)


def sub_items(raw: dict[str, Any], depth: int = 0) -> list[dict[str, Any]]:
    """The sub-items nested in an item, depth first and in order, each with a printed number."""
    subs = _value(raw, SUB_KEYS)
    if not isinstance(subs, list) or depth >= MAX_DEPTH:
        return []
    parent = _value(raw, NUMBER_KEYS)
    out: list[dict[str, Any]] = []
    for k, sub in enumerate((s for s in subs if isinstance(s, dict)), 1):
        if _value(sub, NUMBER_KEYS) is None and parent is not None:
            sub = {**sub, "Punktnummer": f"{parent}.{k}"}
        out += [sub, *sub_items(sub, depth + 1)]
    return out


def supplement_items(payload: Any, items_of: Callable[[Any], list[Any]]) -> list[Any]:
    """The items of a supplementary agenda written as an object (or a list of them) with its own item list
    (``items_of`` finds it), in order, leaving out those the main list (``items_of(payload)``) holds already."""
    if not isinstance(payload, dict):
        return []
    value = _value(payload, SUPPLEMENT_KEYS)
    agendas = [value] if isinstance(value, dict) else [v for v in value if isinstance(v, dict)] \
        if isinstance(value, list) else []
    seen = {str(x.get("Id")) for x in items_of(payload) if isinstance(x, dict) and x.get("Id")}
    out: list[Any] = []
    for agenda in agendas:
        listed = items_of(agenda) or _list(agenda.get("AgendaItems"))  # the English layout's own list
        out += [x for x in listed if not (isinstance(x, dict) and x.get("Id") and str(x["Id"]) in seen)]
    return out


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def attachment_sections(raw: Any, name: str) -> list[tuple[str, str]]:
    """An attachment's own text as a (name, text) section, or nothing."""
    text = _value(raw, TEXT_KEYS) if isinstance(raw, dict) else None
    if not isinstance(text, str) or not text.strip():
        return []
    return [(name or "Bilag", text.strip())]


def own_first(item: ItemDraft) -> None:
    """This meeting's decisions (no other body named) before the earlier bodies' ones, otherwise in order."""
    item.decisions.sort(key=lambda d: d.body is not None)


def portal_municipality(urls: list[str]) -> str | None:
    """The municipality a portal's host names ("dagsordener.koege.dk" -> Køge), from the first URL that names one."""
    for url in urls:
        host = urlparse(url.strip()).hostname or ""
        for word in reversed(host.split(".")):
            if word and word not in _HOST_WORDS and re.fullmatch(r"[a-z0-9æøå-]+", word):
                name = municipalities.canonical_name(word) or municipalities.from_path(word)
                if name and name in municipalities.MUNICIPALITIES:
                    return name
    return None
