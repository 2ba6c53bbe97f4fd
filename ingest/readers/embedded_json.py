"""Web pages whose meeting lives in a JSON state blob, not in the visible markup (client-rendered portals).

Layout: an HTML page (often an empty shell: a spinner, a ``<noscript>`` notice) carrying the page's data in a
script (``scripts.blobs``): Next.js ``<script id="__NEXT_DATA__" type="application/json">`` ({"props":
{"pageProps": {"meeting": {..., "agendaItems": {"1": {...}, ...}}}}}), Nuxt ``__NUXT_DATA__``, any other
``<script type="application/json">``, or an inline ``window.__INITIAL_STATE__ = {...};`` /
``window.__APOLLO_STATE__``. The JSON is read as ``generic_json`` reads a JSON file: the best list (or object
keyed by item number) of item-like records, the meeting facts from the objects around it; epoch-millisecond
and ISO times with a zone in Danish local time (``stamps``). JSON-LD is left to the HTML reader.

Claimed only when a blob holds at least two agenda items (a list named as one, or records with an item number,
case number or decision: never a consent banner's titled categories), the meeting is dated (by a date field, else by
the page's ``<title>``), and the visible HTML does not already hold as many items (``generic_html``): a page
that prints its agenda is read from its markup, and an unrelated blob (analytics, a cookie banner's config)
holds no item records.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from core import dates, municipalities
from ingest.readers import fieldnames as names
from ingest.readers import generic_html, scripts
from ingest.readers.base import AnalysedReader, MeetingDraft, Source
from ingest.readers.generic_json import find_items, ordered, read_data
from ingest.readers.json_facts import date_time, meeting_facts
from ingest.readers.json_rows import grouped

TITLE = re.compile(r"<title\b[^>]*>(?P<title>.*?)</title\s*>", re.I | re.S)
MIN_ITEMS = 2


def _page(src: Source) -> bool:
    """Markup that is a web page carrying a script."""
    low = src.head[:1000].lower()
    return low.startswith("<") and any(m in low for m in ("<html", "<!doctype html", "<head", "<body")) \
        and "<script" in src.text.lower()


def _best(text: str) -> tuple[str, Any, int] | None:
    """(kind, JSON, item count) of the blob holding the most item records, at least ``MIN_ITEMS``."""
    best: tuple[str, Any, int] | None = None
    for kind, value in scripts.blobs(text):
        if kind == "ld+json":
            continue
        found = find_items(value)
        count = len(found[0]) if found and _agenda(*found) else 0
        if count >= MIN_ITEMS and (best is None or count > best[2]):
            best = (kind, value, count)
    return best


def _agenda(records: list[dict[str, Any]], parents: list[dict[str, Any]], path: str) -> bool:
    """Records that are agenda items, not any titled texts (a consent banner's categories): the list is named as
    an item list ("agendaItems", "dagsorden") or its records carry an item number, a case number or a decision."""
    named = re.sub(r"[^a-z]", "", names.fold(re.split(r"[.\[]", path)[-1] if "." in path else "")) in names.ITEM_LISTS
    return named or any({"number", "case", "decision"} & set(names.fields(r)) for r in records)


def _title(text: str) -> str:
    m = TITLE.search(text[:20000])
    return " ".join(m["title"].split()) if m else ""


def _stated_day(data: Any) -> date | None:
    """The meeting date the JSON's own fields state."""
    found = find_items(data)
    if found is None:
        return None
    records, parents, _ = found
    return date_time(meeting_facts(parents, ordered(grouped(records))))[0]


def analyse(src: Source) -> MeetingDraft | None:
    """The meeting of the page's embedded JSON, or None when the page is not one to read this way."""
    if not _page(src):
        return None
    best = _best(src.text)
    if best is None:
        return None
    kind, data, _ = best
    title = _title(src.text)
    day = _stated_day(data) or dates.first_date(title)
    if day is None:
        return None  # no meeting date anywhere: no meeting page
    draft = read_data(data, src.name, f"read from the page's embedded JSON ({kind}): {{n}} items from {{path}}", day)
    if generic_html.READER.sniff(src) and len(generic_html.READER.read(src).items) >= len(draft.items):
        return None  # the visible page holds the items: its markup is read
    if not draft.municipality:  # "Kultur-, Fritids- og Idrætsudvalget 08.10.2024 | Politik | Gladsaxe Kommune"
        draft.municipality = next((p.strip() for p in re.split(r"\s+[-–|·]\s+", title)
                                   if municipalities.canonical_name(p.strip())), None)
    return draft


READER = AnalysedReader("embedded-json", analyse, "no agenda items in the page's embedded JSON")
