"""Tree helpers for the HTML item reader: the nearest common ancestor of elements, the HTML between two
elements, and what follows an item container up to the next one."""

from __future__ import annotations

import html as htmllib
from collections.abc import Callable
from typing import Any

from lxml import etree
from lxml import html as lhtml

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
