"""A block among an HTML page's item containers that holds the meeting's facts, not an item; and the page's own
statement of its authority.

An accordion of agenda items often opens with one more panel, "Mødeoplysninger og deltagere", whose content is a
list of labelled facts (``<dt>Dato</dt><dd>…</dd>``, ``<th>Sted</th><td>…</td>``, ``<span class="…-label">``) — the
date, time, venue, members, absence. It is built like the items (a ``<details>`` with a ``<summary>``), but it has
no number, and no section or decision of its own. ``leading`` takes such blocks off the front of the items, so the
page head (everything before the first item) holds them and the meeting's facts are read from them.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from core import vocab
from ingest.readers import html_labels

El = Any  # an lxml.html element
FACT = re.compile(r"(?:møde)?(?:dato|tidspunkt|tid|sted|lokale|deltagere)|date|time|place|venue|location|medlemmer|"
                  r"members|participants|til stede|fremmødte|fraværende|fravær|afbud|forfald|absent|absentees|"
                  r"udvalg|committee", re.I)
HEADS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def _text(el: El) -> str:
    return " ".join(el.text_content().split())


def _labels(el: El) -> list[El]:
    """The label elements of ``el``'s label/value pairs: ``<dt>``, a two-cell row's first cell, a label class."""
    out = [dt for dt in el.iter("dt")]
    out += [cells[0] for tr in el.iter("tr") if len(cells := tr.xpath("./td|./th")) == 2]
    out += [label for label, _ in html_labels.class_pairs(el)]
    return out


def is_facts(el: El) -> bool:
    """At least two labelled meeting facts, and no section or decision heading."""
    facts = sum(bool(FACT.fullmatch(_text(x).rstrip(":").strip())) for x in _labels(el))
    if facts < 2:
        return False
    for x in el.iter(etree.Element):
        if x.tag in HEADS or x.tag in {"strong", "b", "dt", "th"}:
            line = vocab.clean_line(_text(x))
            if line and (vocab.section_name(line) or vocab.decision_heading(line)):
                return False
    return True


def leading(anchors: list[Any]) -> list[Any]:
    """``anchors`` (``html_items`` anchors: ``.el``, ``.number``, ``.flow``) without the unnumbered containers of
    meeting facts before the first numbered item."""
    first = next((k for k, a in enumerate(anchors) if a.number), None)
    if not first:
        return anchors
    facts = {k for k in range(first) if not anchors[k].number and not anchors[k].flow and is_facts(anchors[k].el)}
    return [a for k, a in enumerate(anchors) if k not in facts]


def side_panels(root: El) -> list[El]:
    """The page's side panels of meeting facts (``<aside>`` or ``role="complementary"``: "Mødeoplysninger" with
    Udvalg, Dato, Tidspunkt, Sted, Deltagere), which a page may print after its items, outside the page head."""
    sides = [x for x in root.iter(etree.Element) if x.tag == "aside" or x.get("role") == "complementary"]
    return [x for x in sides if not any(up in sides for up in x.iterancestors()) and is_facts(x)]


AUTHORITY = re.compile(r"^(?:[\wæøåÆØÅ-]+\s+(?:Kommune|Kommunia|Regionskommune)|(?:Kommuneqarfik|Kommune|Region)\s+"
                       r"[\wæøåÆØÅ-]+)$")


def authority(stated: list[str | None]) -> str | None:
    """The first of the page's own statements of who publishes it (a municipality field, the site name, a part of
    the title) that is the name of an authority ("Qeqqata Kommunia", "Region Nordjylland"), whether or not the list
    of names knows it: the resolver decides."""
    return next((" ".join(x.split()) for x in stated if x and AUTHORITY.match(" ".join(x.split()))), None)
