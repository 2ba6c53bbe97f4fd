"""Tree helpers for the HTML item reader: the nearest common ancestor of elements, the HTML between two
elements, and what follows an item container up to the next one."""

from __future__ import annotations

import html as htmllib
from collections.abc import Callable
from typing import Any

from lxml import etree
from lxml import html as lhtml

from core import vocab

El = Any  # an lxml.html element


def common(els: list[El]) -> El:
    others = [set(x.iterancestors()) for x in els[1:]]
    return next(a for a in els[0].iterancestors() if all(a in up for up in others))


def between(region: El, start: El | None, stop: El | None) -> str:
    """The HTML after ``start`` (or from the region's start) and before ``stop`` (or to the region's end)."""
    out: list[str] = []
    started = start is None
    start_up = set(start.iterancestors()) if start is not None else set()
    stop_up = set(stop.iterancestors()) if stop is not None else set()

    def walk(el: El) -> bool:
        nonlocal started
        for child in el:
            if child is stop:
                return False
            if not started or not isinstance(child.tag, str):
                if child is start:
                    started = True
                elif child in start_up and not walk(child):
                    return False
                out.append(htmllib.escape(child.tail or "", quote=False) if started else "")
            elif child in stop_up:
                out.append(f"<{child.tag}>{htmllib.escape(child.text or '', quote=False)}")
                if not walk(child):
                    return False
                out.append(f"</{child.tag}>{htmllib.escape(child.tail or '', quote=False)}")
            else:
                out.append(str(etree.tostring(child, encoding="unicode", method="html", with_tail=True)))
        return True

    walk(region)
    return "".join(out)


def own_tail(el: El, tail: str, is_label: Callable[[El], object]) -> str:
    """What follows an item container up to the next item: its text, unless the container holds its own labelled
    sections and the tail holds none (then the tail is the next group's header, "Lukkede punkter", not text)."""
    if not tail.strip() or not any(map(is_label, list(el.iter(etree.Element))[1:])):
        return tail
    frag = lhtml.fragment_fromstring(tail, create_parent="div")
    return tail if any(map(is_label, list(frag.iter(etree.Element))[1:])) else ""


_HEADS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


def group_heading(el: El, tail: str) -> tuple[bool, str]:
    """Whether what follows an item container opens with a heading at the level of the container's own title or
    above (items titled by ``<h2>``, then ``<h2>Tillægsdagsorden</h2>`` before the next item): it heads the items
    after it (a supplementary agenda, the closed items), it is not this item's text. With it, the note the heading
    carries (text beyond the headings: "Tillægsdagsordenen blev udsendt den 7. juni 2024."), else ""."""
    level = min((_HEADS[x.tag] for x in el.iter(*_HEADS)), default=0)
    if not level or not tail.strip():
        return False, ""
    frag = lhtml.fragment_fromstring(tail, create_parent="div")
    first = next((x for x in frag if isinstance(x.tag, str)), None)
    if first is None or (frag.text or "").strip() or _HEADS.get(first.tag, 7) > level:
        return False, ""
    noted = any(x.tag not in _HEADS and (x.text or "").strip() for x in frag.iter(etree.Element)) or any(
        (x.tail or "").strip() for x in frag.iter(etree.Element))
    return True, tail if noted else ""


def asides(frag: El) -> None:
    """An item's ``<aside>`` elements: related links beside the item, not its text, are dropped; a decision box
    printed before the case text (headed "Beslutning") is the item's decision, moved after the text so that it ends
    no section of it."""
    for aside in list(frag.iter("aside")):
        heads = aside.iter(*_HEADS, "strong", "b", "dt", "label")
        if not any(vocab.decision_heading(vocab.clean_line(" ".join(x.text_content().split()))) for x in heads):
            aside.drop_tree()
        elif aside.getparent() is not None:
            to_end(aside, frag)


def to_end(el: El, root: El) -> None:
    """Move ``el`` to the end of ``root``, its tail text left where it stood."""
    parent, prev = el.getparent(), el.getprevious()
    if el.tail and parent is not None:
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    el.tail = None
    root.append(el)
