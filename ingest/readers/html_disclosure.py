"""Accordions, tabs and disclosure widgets in an HTML page, rebuilt as one container per trigger and its panel.

A CMS often prints an agenda item as a trigger (a ``<button>``, a link or a heading: "Punkt 3 – Titel") and a
panel that holds the item's text. The panel is the element the trigger names (``aria-controls``, Bootstrap's
``data-bs-target``/``data-target`` or ``href="#id"`` with ``data-toggle``), the element that names the trigger
(``aria-labelledby``), or, failing those, the element right after the trigger that looks like a panel
(``role="region"``/``"tabpanel"``, ``hidden``, a class with accordion/collapse/panel/content/…). Each pair becomes
``<div data-referat-disclosure><hN class="disclosure-title">trigger text</hN>panel</div>`` at the panel's place,
so the item reader sees the title and its content together, in the panel's order (tabs list their triggers far
from their panels). Nothing is read as text here; only the tree is rearranged.
"""

from __future__ import annotations

import re
from copy import deepcopy as copy_tree
from typing import Any

from lxml import etree

from core import vocab

El = Any  # an lxml.html element
MARK = "data-referat-disclosure"
HEADS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
TRIGGER_TAGS = {"button", "a", "span", "div", "p", "dt", "li", *HEADS}
TRIGGER_CLASS = re.compile(r"accordion|collaps|toggle|disclosure|expand|trigger|(?:^|[\s_-])tab(?:$|[\s_-])", re.I)
PANEL_CLASS = re.compile(r"accordion|collaps|panel|toggle|disclosure|expand|content|body|region|details?(?:$|[\s_-])",
                         re.I)
PANE = re.compile(r"content|panel|body|region", re.I)  # a panel's class, never a trigger's
PANEL_ROLES = {"region", "tabpanel"}
INLINE = {"span", "strong", "b", "em", "i", "u", "small", "abbr", "time", "br", "img", "svg", "a", "button",
          "mark", "sup", "sub", "bdi", "bdo", "q", "cite", "dfn", "kbd", "code", "var", "s", "ins", "del"}
MAX_TITLE = 300


def _text(el: El) -> str:
    return " ".join(el.text_content().split())


def _classes(el: El) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}"


def _heading(el: El) -> int:
    if el.tag in HEADS:
        return HEADS[el.tag]
    aria = str(el.get("aria-level") or "")
    return (int(aria) if aria.isdigit() else 2) if el.get("role") == "heading" else 0


def _title(trigger: El) -> str:
    """The trigger's text without its icons and badges (an element printing no letter or digit: "🔒", "▼")."""
    copy = copy_tree(trigger)
    for x in list(copy.iterdescendants(etree.Element)):
        if x.getparent() is not None and _text(x) and not any(c.isalnum() for c in _text(x)):
            x.drop_tree()
    return _text(copy)


def _titled(el: El) -> bool:
    """A short text with no block inside but a heading: a title, not a region of the page."""
    text = _text(el)
    return 0 < len(text) <= MAX_TITLE and all(x.tag in INLINE or _heading(x) for x in el.iterdescendants()
                                              if isinstance(x.tag, str))


def _refs(el: El) -> list[str]:
    toggle = el.get("data-toggle") or el.get("data-bs-toggle")
    href = el.get("href") or ""
    refs = [*(el.get("aria-controls") or "").split(), el.get("data-bs-target") or "", el.get("data-target") or "",
            href if toggle and href.startswith("#") else ""]
    return [r.lstrip("#") for r in refs if r.strip("# ")]


def _is_trigger(el: El) -> bool:
    return el.get("aria-expanded") is not None or el.get("role") in {"tab", "button"} or el.tag == "button" or bool(
        el.get("data-toggle") or el.get("data-bs-toggle")) or bool(
        TRIGGER_CLASS.search(_classes(el)) and not PANE.search(_classes(el)))


def _chain(trigger: El) -> list[El]:
    """The trigger and the wrappers that hold nothing else (``<h2><button>…</button></h2>``), innermost first."""
    chain, text = [trigger], _text(trigger)
    while (up := chain[-1].getparent()) is not None and up.tag not in {"body", "main", "html"} and _text(up) == text:
        chain.append(up)
    return chain


def _inside(el: El, outer: El) -> bool:
    return el is outer or any(x is outer for x in el.iterancestors())


def _looks_like_panel(el: El) -> bool:
    return el.get("role") in PANEL_ROLES or el.get("hidden") is not None or el.get("aria-hidden") == "true" or bool(
        PANEL_CLASS.search(_classes(el)))


def _pairs(root: El) -> list[tuple[El, El, El]]:
    """(trigger, the element to remove with it, panel) for each disclosure of the page."""
    ids = {str(x.get("id")): x for x in root.iter(etree.Element) if x.get("id")}
    pairs: list[tuple[El, El, El]] = []
    used: set[El] = set()
    for el in root.iter(etree.Element):
        trigger, panel = el, next((ids[r] for r in _refs(el) if r in ids), None)
        if panel is None and (named := str(el.get("aria-labelledby") or "").split()) and el.get("role") in PANEL_ROLES:
            trigger, panel = ids.get(named[0]), el
        implicit = panel is None and el.tag in TRIGGER_TAGS and _is_trigger(el)
        if trigger is None or (panel is None and not implicit) or trigger in used or not _titled(trigger):
            continue
        chain = _chain(trigger)
        if implicit:  # the panel right after the trigger (or after the heading that holds it)
            box = next((x for x in chain if (n := x.getnext()) is not None and isinstance(n.tag, str)
                        and _looks_like_panel(n)), None)
            panel = box.getnext() if box is not None else None
        if panel is None or panel in used or panel.tag in {"html", "body", "main"} or _inside(trigger, panel):
            continue
        box = next((x for x in reversed(chain) if not _inside(panel, x)), None)
        if box is not None:
            used |= {trigger, panel}
            pairs.append((trigger, box, panel))
    # a panel holding other triggers ("Fold alle ud" over the whole accordion) or several numbered headings (a tab
    # "Referat" over the whole agenda) is no item
    panels = {p for _, _, p in pairs}
    holding = {up for t, _, _ in pairs for up in t.iterancestors() if up in panels}
    return [(t, b, p) for t, b, p in pairs if p not in holding and sum(
        bool(vocab.ITEM.match(_text(x)) or vocab.BARE_ITEM.match(_text(x))) for x in p.iter(etree.Element)
        if _heading(x)) < 2]


def rebuild(root: El) -> int:
    """Turn each trigger and its panel into one titled container at the panel's place; the number rebuilt."""
    pairs = _pairs(root)
    for trigger, box, panel in pairs:
        level = _heading(box) or next((_heading(x) for x in trigger.iter(etree.Element) if _heading(x)), 0) or next(
            (_heading(x) for x in trigger.iterancestors() if _heading(x)), 0) or 2
        wrap = panel.makeelement("div", {MARK: ""})
        title = panel.makeelement(f"h{min(level, 6)}", {"class": "disclosure-title"})
        title.text = _title(trigger)
        wrap.append(title)
        wrap.tail, panel.tail = panel.tail, None
        panel.addprevious(wrap)
        wrap.append(panel)
        if box.getparent() is not None:
            box.drop_tree()
    return len(pairs)
