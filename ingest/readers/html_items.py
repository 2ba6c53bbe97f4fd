"""Agenda items in an HTML page, found and read by the page's structure (never flattened and re-segmented).

Items, in this order of preference: repeated containers (a class ending in "item"/"punkt", an id "punkt-3",
``data-number``/``data-nr``, ``<details><summary>``, an accordion's trigger and panel, a key/value table or ``<dl>``
per item (``html_records``), table rows whose first cell is a number; the largest valid group, the outer one on a
tie); numbered h1-h4 headings ("3. Titel", "Punkt 3: Titel") at the level most share,
plus one at another level that fills a missing number; unnumbered headings at one level each followed by section
labels. An item is its container or heading and what follows up to the next item; sections come from sub-headings
and label elements (``<strong>Indstilling</strong>``, ``<dt>``, ``<span class="felt-titel">``), decisions from
Beslutning/Afgørelse labels. ``generic_html`` cleans the page first and reads the meeting facts from the head.
"""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass
from typing import Any

from lxml import etree
from lxml import html as lhtml

from core import vocab
from ingest.readers import html_disclosure, html_facts, html_history, html_labels, html_records, html_tree, microdata
from ingest.readers.base import DecisionDraft, ItemDraft
from ingest.readers.html_tree import between as _between
from ingest.readers.html_tree import common as _common
from ingest.readers.markup import fragment_text

El = Any  # an lxml.html element
HEADS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
BLOCKS = {"p", "div", "section", "article", "ul", "ol", "li", "table", "tr", "dl", "details", "br", *HEADS}
INLINE = {"strong", "b", "span", "em", "u"}
LABEL_TAGS = INLINE | {"dt", "label", "p", "div", "th", "td", "legend", "caption", "summary"}
ITEM_ID = re.compile(r"^(?:agenda-?)?(?:item|punkt|dagsordens?punkt)[-_]?\d+(?:[-_.]\d+)*$", re.I)
NUMBER_ATTRS = ("data-number", "data-nr", "data-punkt", "data-punktnummer", "data-item-number")
NUMBER = re.compile(r"^(?:Punkt|Pkt\.?|Nr\.?|Dagsordenspunkt)?\s*(\d{1,3}(?:\.\d{1,3})*)\.?$", re.I)
TITLE_CLASS = re.compile(r"title|titel|overskrift|heading|emne|headline")
NUMBER_CLASS = re.compile(r"(?:nr|number|nummer|num|no)$")
CASE_CLASS = re.compile(r"sags?nr|sagsnummer|case|journal")
_MARK = "\u2063§L§"


def inner_text(el: El) -> str:
    return " ".join(el.text_content().split()) if el is not None else ""


def attrs(el: El) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}".lower()


def subtree(el: El) -> list[El]:
    return list(el.iter(etree.Element))


def outer_html(el: El, tail: bool = False) -> str:
    return str(etree.tostring(el, encoding="unicode", method="html", with_tail=tail))


def heading_level(el: El) -> int:
    aria = str(el.get("aria-level") or "2")
    return HEADS.get(el.tag) or ((int(aria) if aria.isdigit() else 2) if el.get("role") == "heading" else 0)


def _starts_block(el: El) -> bool:
    parent, prev = el.getparent(), el.getprevious()
    if prev is not None:  # after a block ("<p>…</p><strong>Beslutning</strong>"), with no text between
        return prev.tag in BLOCKS and not (prev.tail or "").strip()
    return parent is None or not (parent.text or "").strip()


def _label(el: El, named: bool = True) -> str | None:
    """The label a heading or label element prints ("Indstilling", "Beslutning i Byrådet"), else None; with
    ``named`` False every sub-heading is one."""
    level, own = heading_level(el), html_labels.section_title(el)  # own: a class names it a section's title
    if not level and (el.tag not in LABEL_TAGS or "title" in attrs(el) and not own
                      or any(x.tag in BLOCKS for x in el.iterdescendants())):
        return None
    if el.tag in INLINE and not _starts_block(el):
        return None  # a word in running text, not a label starting its block
    text = inner_text(el)
    if not text or len(text) > 140:
        return None
    line = vocab.clean_line(text)
    return text if (level and not named) or own or vocab.section_name(line) or vocab.decision_heading(line) else None


@dataclass
class _Anchor:
    el: El
    flow: bool  # a heading: the item is what follows it
    title: str = ""
    number: str | None = None
    parts: tuple[El, ...] = ()  # the number, case and title elements inside a container
    case: str | None = None
    record: bool = False  # a key/value table or list: its other rows are the sections


def _split_number(title: str, number: str | None) -> tuple[str, str | None]:
    m = vocab.ITEM.match(title) or vocab.BARE_ITEM.match(title)
    if m and m.group("title").strip() and number in (None, m.group("num")):
        return m.group("title").strip(), m.group("num")
    return title, number


def _anchor(el: El) -> _Anchor:
    if heading_level(el):
        return _Anchor(el, True, *_split_number(inner_text(el), microdata.position(el)))
    if (rec := html_records.fields(el)) is not None:
        return _Anchor(el, False, *_split_number(rec[1], rec[0]), rec[3], rec[2], record=True)
    found = subtree(el)[1:]
    number = next((m.group(1) for m in (NUMBER.match(el.get(a) or "") for a in NUMBER_ATTRS) if m), None)
    number = number or microdata.position(el, el)
    cells = el.xpath("./td|./th") if el.tag == "tr" else []
    num_el = cells[0] if cells and NUMBER.match(inner_text(cells[0])) else next(
        (x for x in found if (NUMBER_CLASS.search(attrs(x).split(" ")[0]) or html_labels.names_number(x))
         and NUMBER.match(inner_text(x))), None)
    m = NUMBER.match(inner_text(num_el)) if num_el is not None and not number else None
    number = m.group(1) if m else number
    case_el = next((x for x in found if CASE_CLASS.search(attrs(x)) and vocab.case_number(inner_text(x))), None)
    summary = next((x for x in el if x.tag == "summary"), None)  # its own, not a part's (<details> inside it)
    scope = subtree(summary) if summary is not None else subtree(cells[1]) if (
        len(cells) > 1 and num_el is cells[0]) else found  # a row: the title is in the cell after the number
    inside = [x for x in scope
              if x is not num_el and x is not case_el and (num_el is None or num_el not in x.iterancestors())]
    titles = [x for x in inside if (TITLE_CLASS.search(attrs(x)) or heading_level(x) or x.tag == "caption" or (
        x.tag in {"b", "strong"} and _starts_block(x))) and not _label(x)] + ([summary] if summary is not None else [])
    if not number and num_el is None and len(titles) > 1 and (m := NUMBER.match(inner_text(titles[0]))):
        num_el, number = titles[0], m.group(1)  # "<b>3.</b>" in a cell of its own before the title: the number
        titles = [x for x in titles[1:] if num_el not in x.iterancestors()]
    title_el = min(titles, key=lambda x: (not TITLE_CLASS.search(attrs(x)), x is not summary, not heading_level(x)),
                   default=None)
    if title_el is None and len(cells) > 1 and not any(x.tag in BLOCKS for x in cells[1].iterdescendants()):
        title_el = cells[1]
    title, case = inner_text(title_el), vocab.case_number(inner_text(case_el)) if case_el is not None else None
    if case_el is not None and title_el is not None and (case_el is title_el or title_el in case_el.iterancestors()):
        title = title.replace(inner_text(case_el), "").strip()
    return _Anchor(el, False, *_split_number(title, number), tuple(x for x in (num_el, case_el, title_el)
                                                                   if x is not None), case)


def _groups(body: El) -> list[list[El]]:
    groups: dict[tuple[str, str], list[El]] = {}
    for el in subtree(body):
        keys = [("class", c) for c in str(el.get("class") or "").lower().split() if c.endswith(("item", "punkt"))]
        keys += [("id", "")] if ITEM_ID.match(el.get("id") or "") else []
        keys += [("data", a) for a in NUMBER_ATTRS if NUMBER.match(el.get(a) or "")]
        keys += [("article", c) for c in str(el.get("class") or "").split()] if el.tag == "article" else []
        keys += [("details", "")] if el.tag == "details" and el.find("summary") is not None else []
        keys += [("disclosure", "")] if el.get(html_disclosure.MARK) is not None else []
        keys += [("record", el.tag)] if html_records.is_record(el) else []
        cells = el.xpath("./td|./th") if el.tag == "tr" else []
        keys += [("row", str(id(el.getparent())))] if len(cells) > 1 and NUMBER.match(inner_text(cells[0])) else []
        for key in keys:
            groups.setdefault(key, []).append(el)
    out: list[list[El]] = []
    for members in groups.values():
        outer = [m for m in members if not any(a in set(members) for a in m.iterancestors())]
        if len(outer) >= 2 and outer not in out:
            out.append(outer)
    return html_labels.outer_articles(out)


def _valid(anchors: list[_Anchor], order: dict[El, int], elements: list[El]) -> bool:
    """Two titled items or more, numbered or labelled, with some text beyond their titles."""
    if len(anchors) < 2 or sum(bool(a.title) for a in anchors) < 2:
        return False
    region = _common([a.el for a in anchors])
    ends = [order[a.el] for a in anchors[1:]] + [order[region] + len(subtree(region))]
    labelled = texted = 0
    for a, end in zip(anchors, ends, strict=True):
        span = [x for x in elements[order[a.el] + 1:end] if not any(p is x or p in x.iterancestors() for p in a.parts)]
        labelled += any(_label(x) for x in span
                        if not a.flow or heading_level(x) in (0, *range(heading_level(a.el) + 1, 7)))
        texted += any(len((x.text or "").strip() + (x.tail or "").strip()) >= 15 for x in span)
    return texted > 0 and 2 * max(labelled, sum(bool(a.number) for a in anchors)) >= len(anchors)


def _headings(order: dict[El, int], elements: list[El]) -> list[_Anchor]:
    heads = [x for x in elements if 0 < heading_level(x) <= 4 and not any(a.tag == "aside" for a in x.iterancestors())]
    numbered = [a for a in map(_anchor, heads) if a.number and not _label(a.el)]
    best = max({heading_level(a.el) for a in numbered}, default=0, key=lambda lv: (sum(
        1 + bool(vocab.ITEM.match(inner_text(a.el))) for a in numbered if heading_level(a.el) == lv), -lv))
    main = [a for a in numbered if heading_level(a.el) == best]
    keys = [vocab.number_key(a.number or "0") for a in main]
    if len(main) >= 2 and 3 * sum(b > a for a, b in zip(keys, keys[1:], strict=False)) >= 2 * (len(main) - 1):
        kept: list[_Anchor] = []
        for a in numbered:  # another level fills a missing number: "Punkt 3:" among "2." and "4."
            key, nxt = vocab.number_key(a.number or "0"), next((b for b in main if order[b.el] > order[a.el]), None)
            if heading_level(a.el) == best or (a.number not in {b.number for b in main} and (
                    not kept or vocab.number_key(kept[-1].number or "0") < key)
                    and (nxt is None or key < vocab.number_key(nxt.number or "0"))):
                kept.append(a)
        return kept
    for lv in range(1, 5):  # unnumbered: the headings of one level, each followed by section labels
        cands = [x for x in heads if heading_level(x) == lv and not _label(x)]
        bounds = sorted(order[x] for x in heads if heading_level(x) <= lv) + [len(elements)]
        marked = [any(_label(y) for y in elements[order[x] + 1:next(b for b in bounds if b > order[x])]
                      if heading_level(y) in (0, *range(lv + 1, 7))) for x in cands]
        if sum(marked) >= 2 and 5 * sum(marked) >= 3 * (len(cands) - marked.index(True)):
            return [_anchor(x) for x in cands[marked.index(True):]]
    return []


def _parts_of(inner: list[_Anchor], outer: list[_Anchor]) -> bool:
    """Every container of ``inner`` lies inside one of ``outer``, whose containers are numbered more often: the
    inner ones are the items' parts (``<details><summary>Sagsfremstilling</summary>`` in each ``<article>`` whose
    header prints "Punkt 3"), not items."""
    within = {a.el for a in outer}
    return inner is not outer and all(any(p in within for p in a.el.iterancestors()) for a in inner) \
        and sum(bool(a.number) for a in outer) > sum(bool(a.number) for a in inner)


def _anchors(body: El) -> list[_Anchor]:
    elements = subtree(body)
    order = {x: k for k, x in enumerate(elements)}
    best: list[_Anchor] = []
    valid = [anchors for group in _groups(body) if _valid(anchors := [_anchor(x) for x in group], order, elements)]
    for anchors in valid:
        if len(anchors) > len(best) and not any(_parts_of(anchors, other) for other in valid):
            best = anchors
    anchors = html_facts.leading(best or _headings(order, elements))  # "Mødeoplysninger": the head's, not an item
    if not _valid(anchors, order, elements):
        return []
    unnumbered = not any(a.number for a in anchors)  # an <ol> that prints the numbers by its markers (or a counter)
    positions = (unnumbered and html_labels.list_positions([a.el for a in anchors])) or []
    for a, number in zip(anchors, positions, strict=False):
        a.number = number
    return anchors


def _own_html(a: _Anchor) -> str:
    """A container's HTML without its number, case and title elements (a table row: each cell a block)."""
    if a.flow or a.record:
        return html_records.own_html(a.el, a.parts) if a.record else ""
    cells = a.el.xpath("./td|./th") if a.el.tag == "tr" else [a.el]
    heads = a.el.xpath("ancestor::table[1]//tr[th and not(td)][1]/th") if a.el.tag == "tr" else []
    named = [_label(h) or "" for h in heads] if len(heads) == len(cells) else [""] * len(cells)
    for part in a.parts:
        if part is not a.el and part.getparent() is not None:
            part.drop_tree()
    return "".join(f"<div>{f'<div>{htmllib.escape(name)}</div>' if name else ''}{htmllib.escape(c.text or '')}"
                   f"{''.join(outer_html(x, True) for x in c)}</div>" for c, name in zip(cells, named, strict=True)
                   if c not in a.parts)


def _sections(fragment: str) -> list[tuple[str, str]]:
    """An item's HTML split on its headings and label elements: [(label, text)], '' before the first label."""
    frag = lhtml.fragment_fromstring(fragment, create_parent="div")
    html_tree.asides(frag)  # related links beside the item go; a decision box is read after the text
    labels: list[str] = []
    for el in subtree(frag)[1:]:
        alt = " ".join(str(el.get("alt") or "").split()) if el.tag == "img" else ""  # an icon naming a section
        label = alt if alt and (vocab.section_name(alt) or vocab.decision_heading(alt)) else _label(el, named=False)
        if label is not None and el.getparent() is not None:
            labels.append(label)
            mark = etree.Element("div")
            mark.text, mark.tail = _MARK + label, el.tail
            el.getparent().replace(el, mark)
    out: list[tuple[str, list[str]]] = [("", [])]
    for line in fragment_text(outer_html(frag)).splitlines():
        first, *marked = line.split(_MARK)
        if not marked:  # a value cell beside a spacer cell prints a bare separator first ("| Godkendt.")
            out[-1][1].append(line.lstrip(" |") if line.lstrip().startswith("| ") else line)
            continue
        if first.strip(" |"):
            out[-1][1].append(first.strip(" |"))
        for part in marked:  # a label inside a table row's line ("… | <mark>Beslutning …"): its own section
            label = max((x for x in labels if part.startswith(x)), key=len, default=part.strip())
            out.append((label.strip(), [part[len(label):].strip(" |")] if part[len(label):].strip(" |") else []))
    return [(h, "\n".join(lines).strip()) for h, lines in out]


def _item(a: _Anchor, html: str) -> ItemDraft:
    item = ItemDraft(title=a.title, number=a.number, case_number=a.case, closed=bool(vocab.CLOSED.search(a.title)))
    html, item.decisions = html_history.take(html)  # a Sagsforløb table: earlier decisions, the oldest first
    for heading, text in _sections(html):
        line = vocab.clean_line(heading)
        dec = vocab.decision_heading(line) if line else None
        if not heading:
            lines = [x.strip(" |") for x in text.splitlines()]  # a row's empty cells print bare separators
            for k, x in enumerate(lines[:8]):  # the case number printed under the title
                if len(x) < 80 and vocab.case_number(x) and not item.case_number:
                    item.case_number, lines[k] = vocab.case_number(x), ""
            item.sections += [("", html_labels.without_status(lines))]
        elif dec is not None:
            body = "\n".join(x for x in (dec.inline_text or "", text) if x).strip()
            own = html_labels.decision_head(body) if not (dec.body or dec.date) else None
            body, who, day = own if own else (body, dec.body, dec.date)  # its first line heads it: "Xs beslutning …:"
            item.decisions += [DecisionDraft(body, who, day)] if body else []
        elif vocab.section_name(line) == "Bilag":
            item.attachments += [x.lstrip("- ").strip() for x in text.splitlines()
                                 if x.strip() and not html_labels.no_attachments(x)]
        else:
            item.sections.append((heading.rstrip(":").strip(), text))
    return item


def read_items(body: El) -> tuple[str, list[ItemDraft]] | None:
    """The page head's HTML (all before the first item) and the items; None when no structure marks items."""
    anchors = _anchors(body)
    if not anchors:
        return None
    region = _common([a.el for a in anchors])
    head_html = _between(body, None, anchors[0].el)
    tails = [_between(region, a.el, b.el if b else None) if not (a.record or a.el.get(html_disclosure.MARK) is not None)
             else "" for a, b in zip(anchors, [*anchors[1:], None], strict=True)]  # a record or panel is whole
    groups = [html_tree.group_heading(a.el, t) if not a.flow else (False, "")
              for a, t in zip(anchors, tails, strict=True)]
    tails = ["" if grouped else html_tree.own_tail(a.el, t, _label) if not a.flow else t
             for a, t, (grouped, _) in zip(anchors, tails, groups, strict=True)]
    leads = ["", *(note for _, note in groups[:-1])]  # a group heading's note ("Tillægsdagsorden …"): the next item's
    return head_html, [_item(a, lead + _own_html(a) + tail)
                       for a, lead, tail in zip(anchors, leads, tails, strict=True)]
