"""HTML minutes from portals no other reader knows, read by their structure (never flattened and re-segmented).

Items, in this order of preference: repeated containers (a class ending in "item"/"punkt", an id "punkt-3",
``data-number``/``data-nr``, ``<details><summary>``, table rows whose first cell is a number; the largest valid
group, the outer one on a tie); numbered h1-h4 headings ("3. Titel", "Punkt 3: Titel") at the level most share,
plus one at another level that fills a missing number; unnumbered headings at one level each followed by section
labels. An item is its container or heading and what follows up to the next item; sections come from sub-headings
and label elements (``<strong>Indstilling</strong>``, ``<dt>``, ``<span class="felt-titel">``), decisions from
Beslutning/Afgørelse labels. Meeting facts: labelled fields of the page head (``<th>Udvalg</th><td>``, "Mødedato:
…", ``class="…__committee"``, ``<time datetime>``, ``<meta>``), then its h1, lines and <title>; print dates are
skipped. Page furniture (nav, footer, cookie banners, breadcrumbs, "Print" links) is removed first. Fewer than two
items or no meeting date: the page is not claimed, and the text parser reads it.
"""

from __future__ import annotations

import html as htmllib
import re
import weakref
from dataclasses import dataclass
from datetime import date
from typing import Any

from lxml import etree
from lxml import html as lhtml

from core import dates, municipalities, vocab
from core.errors import IngestError
from core.model import fold
from ingest import header
from ingest.readers.base import DecisionDraft, ItemDraft, MeetingDraft, Source
from ingest.readers.markup import fragment_text

El = Any  # an lxml.html element
HEADS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
BLOCKS = {"p", "div", "section", "article", "ul", "ol", "li", "table", "tr", "dl", "details", "br", *HEADS}
INLINE = {"strong", "b", "span", "em", "u"}
LABEL_TAGS = INLINE | {"dt", "label", "p", "div", "th", "td", "legend", "caption"}
FURNITURE = {"script", "style", "noscript", "template", "svg", "iframe", "object", "input", "select", "textarea",
             "nav", "footer"}
FURNITURE_ATTR = re.compile(r"cookie|breadcrumb|skip-?link|footer|sr-only|visually-hidden|no-?print|print-?(?:link|"
                            r"button)|(?:^|[\s_-])(?:nav|navbar|navigation|menu|sidebar|share)(?:$|[\s_-])", re.I)
FURNITURE_LINK = re.compile(r"^(?:print|udskriv|printvenlig(?: version)?|til toppen|tilbage|læs mere|del|"
                            r"gå til (?:hoved)?indhold|tilgængelighedserklæring)$", re.I)
PRINTED = re.compile(r"\b(?:udskrevet|printet|udskriftsdato|udskrift|print|genereret|senest (?:ændret|opdateret))",
                     re.I)
ITEM_ID = re.compile(r"^(?:agenda-?)?(?:item|punkt|dagsordens?punkt)[-_]?\d+(?:[-_.]\d+)*$", re.I)
NUMBER_ATTRS = ("data-number", "data-nr", "data-punkt", "data-punktnummer", "data-item-number")
NUMBER = re.compile(r"^(?:Punkt|Pkt\.?|Nr\.?|Dagsordenspunkt)?\s*(\d{1,3}(?:\.\d{1,3})*)\.?$", re.I)
TITLE_CLASS = re.compile(r"title|titel|overskrift|heading|emne|headline")
NUMBER_CLASS = re.compile(r"(?:nr|number|nummer|num|no)$")
CASE_CLASS = re.compile(r"sags?nr|sagsnummer|case|journal")
ROLE = re.compile(r"^(?:formand|næstformand|medlem|sekretær|referent|borgmester|viceborgmester)$", re.I)
ABSENT = re.compile(r"\s*\((?:afbud|fraværende|fravær)\)", re.I)
LABELS = {k: re.compile(rf"^(?:{v})$", re.I) for k, v in {
    "committee": r"udvalg|udvalgsnavn|forum|mødeforum|organ|politisk udvalg|committee",
    "date": r"mødedato|dato|møde|mødedag|date|(?:møde)?dato og (?:tid|tidspunkt)",
    "time": r"tidspunkt|mødetidspunkt|tid|klokken|starttidspunkt|mødestart|time",
    "place": r"sted|mødested|lokale|mødelokale|lokation|location|adresse",
    "present": r"deltagere|mødedeltagere|til stede|medlemmer|fremmødte",
    "absent": r"fraværende|afbud|forfald|fravær|ikke til stede",
    "kind": r"type|dokumenttype|dokument|status|mødetype", "municipality": r"kommune|myndighed"}.items()}
CLASS_FIELDS = {k: re.compile(rf"^(?:{v})$") for k, v in {
    "committee": r"committee|udvalg|forum|body", "date": r"date|dato|when|datetime", "kind": r"type|status",
    "place": r"place|sted|location|lokale|venue", "municipality": r"kommune|municipality|org|organi[sz]ation"}.items()}
CLOCK = re.compile(r"(?<![\d.:])([01]?\d|2[0-3])[.:]([0-5]\d)(?![\d.:])")
LINE_LABEL = re.compile(r"^(?P<label>[A-ZÆØÅa-zæøå][\wæøåÆØÅ ]{1,28}?)\s*:\s*(?P<value>\S.*)$")
_MARK = "\u2063§L§"
_CACHE: weakref.WeakKeyDictionary[Source, MeetingDraft | None] = weakref.WeakKeyDictionary()


def _text(el: El) -> str:
    return " ".join(el.text_content().split()) if el is not None else ""


def _attrs(el: El) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}".lower()


def _elements(el: El) -> list[El]:
    return list(el.iter(etree.Element))


def _html(el: El, tail: bool = False) -> str:
    return str(etree.tostring(el, encoding="unicode", method="html", with_tail=tail))


def _level(el: El) -> int:
    aria = str(el.get("aria-level") or "2")
    return HEADS.get(el.tag) or ((int(aria) if aria.isdigit() else 2) if el.get("role") == "heading" else 0)


def _starts_block(el: El) -> bool:
    parent = el.getparent()
    return parent is None or (el.getprevious() is None and not (parent.text or "").strip())


def _label(el: El, named: bool = True) -> str | None:
    """The label a heading or label element prints ("Indstilling", "Beslutning i Byrådet"), else None; with
    ``named`` False every sub-heading is one."""
    level = _level(el)
    if not level and (el.tag not in LABEL_TAGS or "title" in _attrs(el)
                      or any(x.tag in BLOCKS for x in el.iterdescendants())):
        return None
    if el.tag in INLINE and not _starts_block(el):
        return None  # a word in running text, not a label starting its block
    text = _text(el)
    if not text or len(text) > 140:
        return None
    line = vocab.clean_line(text)
    return text if (level and not named) or vocab.section_name(line) or vocab.decision_heading(line) else None


@dataclass
class _Anchor:
    el: El
    flow: bool  # a heading: the item is what follows it
    title: str = ""
    number: str | None = None
    parts: tuple[El, ...] = ()  # the number, case and title elements inside a container
    case: str | None = None


def _split_number(title: str, number: str | None) -> tuple[str, str | None]:
    m = vocab.ITEM.match(title) or vocab.BARE_ITEM.match(title)
    if m and m.group("title").strip() and number in (None, m.group("num")):
        return m.group("title").strip(), m.group("num")
    return title, number


def _anchor(el: El) -> _Anchor:
    if _level(el):
        return _Anchor(el, True, *_split_number(_text(el), None))
    found = _elements(el)[1:]
    number = next((m.group(1) for m in (NUMBER.match(el.get(a) or "") for a in NUMBER_ATTRS) if m), None)
    cells = el.xpath("./td|./th") if el.tag == "tr" else []
    num_el = cells[0] if cells and NUMBER.match(_text(cells[0])) else next(
        (x for x in found if NUMBER_CLASS.search(_attrs(x).split(" ")[0]) and NUMBER.match(_text(x))), None)
    m = NUMBER.match(_text(num_el)) if num_el is not None and not number else None
    number = m.group(1) if m else number
    case_el = next((x for x in found if CASE_CLASS.search(_attrs(x)) and vocab.case_number(_text(x))), None)
    summary = next((x for x in found if x.tag == "summary"), None)
    scope = _elements(summary) if summary is not None else _elements(cells[1]) if (
        len(cells) > 1 and num_el is cells[0]) else found  # a row: the title is in the cell after the number
    inside = [x for x in scope
              if x is not num_el and x is not case_el and (num_el is None or num_el not in x.iterancestors())]
    titles = [x for x in inside if (TITLE_CLASS.search(_attrs(x)) or _level(x) or x.tag == "caption" or (
        x.tag in {"b", "strong"} and _starts_block(x))) and not _label(x)] + ([summary] if summary is not None else [])
    title_el = min(titles, key=lambda x: (not TITLE_CLASS.search(_attrs(x)), x is not summary, not _level(x)),
                   default=None)
    if title_el is None and len(cells) > 1 and not any(x.tag in BLOCKS for x in cells[1].iterdescendants()):
        title_el = cells[1]
    title, case = _text(title_el), vocab.case_number(_text(case_el)) if case_el is not None else None
    if case_el is not None and title_el is not None and (case_el is title_el or title_el in case_el.iterancestors()):
        title = title.replace(_text(case_el), "").strip()
    return _Anchor(el, False, *_split_number(title, number), tuple(x for x in (num_el, case_el, title_el)
                                                                   if x is not None), case)


def _groups(body: El) -> list[list[El]]:
    groups: dict[tuple[str, str], list[El]] = {}
    for el in _elements(body):
        keys = [("class", c) for c in str(el.get("class") or "").lower().split() if c.endswith(("item", "punkt"))]
        keys += [("id", "")] if ITEM_ID.match(el.get("id") or "") else []
        keys += [("data", a) for a in NUMBER_ATTRS if NUMBER.match(el.get(a) or "")]
        keys += [("details", "")] if el.tag == "details" and el.find("summary") is not None else []
        cells = el.xpath("./td|./th") if el.tag == "tr" else []
        keys += [("row", str(id(el.getparent())))] if len(cells) > 1 and NUMBER.match(_text(cells[0])) else []
        for key in keys:
            groups.setdefault(key, []).append(el)
    out: list[list[El]] = []
    for members in groups.values():
        outer = [m for m in members if not any(a in set(members) for a in m.iterancestors())]
        if len(outer) >= 2 and outer not in out:
            out.append(outer)
    return out


def _valid(anchors: list[_Anchor], order: dict[El, int], elements: list[El]) -> bool:
    """Two titled items or more, numbered or labelled, with some text beyond their titles."""
    if len(anchors) < 2 or sum(bool(a.title) for a in anchors) < 2:
        return False
    region = _common([a.el for a in anchors])
    ends = [order[a.el] for a in anchors[1:]] + [order[region] + len(_elements(region))]
    labelled = texted = 0
    for a, end in zip(anchors, ends, strict=True):
        span = [x for x in elements[order[a.el] + 1:end] if not any(p is x or p in x.iterancestors() for p in a.parts)]
        labelled += any(_label(x) for x in span if not a.flow or _level(x) in (0, *range(_level(a.el) + 1, 7)))
        texted += any(len((x.text or "").strip() + (x.tail or "").strip()) >= 15 for x in span)
    return texted > 0 and 2 * max(labelled, sum(bool(a.number) for a in anchors)) >= len(anchors)


def _headings(order: dict[El, int], elements: list[El]) -> list[_Anchor]:
    heads = [x for x in elements if 0 < _level(x) <= 4 and not any(a.tag == "aside" for a in x.iterancestors())]
    numbered = [a for a in map(_anchor, heads) if a.number and not _label(a.el)]
    best = max({_level(a.el) for a in numbered}, default=0, key=lambda lv: (sum(
        1 + bool(vocab.ITEM.match(_text(a.el))) for a in numbered if _level(a.el) == lv), -lv))
    main = [a for a in numbered if _level(a.el) == best]
    keys = [vocab.number_key(a.number or "0") for a in main]
    if len(main) >= 2 and 3 * sum(b > a for a, b in zip(keys, keys[1:], strict=False)) >= 2 * (len(main) - 1):
        kept: list[_Anchor] = []
        for a in numbered:  # another level fills a missing number: "Punkt 3:" among "2." and "4."
            key, nxt = vocab.number_key(a.number or "0"), next((b for b in main if order[b.el] > order[a.el]), None)
            if _level(a.el) == best or (a.number not in {b.number for b in main} and (
                    not kept or vocab.number_key(kept[-1].number or "0") < key)
                    and (nxt is None or key < vocab.number_key(nxt.number or "0"))):
                kept.append(a)
        return kept
    for lv in range(1, 5):  # unnumbered: the headings of one level, each followed by section labels
        cands = [x for x in heads if _level(x) == lv and not _label(x)]
        bounds = sorted(order[x] for x in heads if _level(x) <= lv) + [len(elements)]
        marked = [any(_label(y) for y in elements[order[x] + 1:next(b for b in bounds if b > order[x])]
                      if _level(y) in (0, *range(lv + 1, 7))) for x in cands]
        if sum(marked) >= 2 and 5 * sum(marked) >= 3 * (len(cands) - marked.index(True)):
            return [_anchor(x) for x in cands[marked.index(True):]]
    return []


def _anchors(body: El) -> list[_Anchor]:
    elements = _elements(body)
    order = {x: k for k, x in enumerate(elements)}
    best: list[_Anchor] = []
    for group in _groups(body):
        anchors = [_anchor(x) for x in group]
        if len(anchors) > len(best) and _valid(anchors, order, elements):
            best = anchors
    anchors = best or _headings(order, elements)
    return anchors if _valid(anchors, order, elements) else []


def _common(els: list[El]) -> El:
    others = [set(x.iterancestors()) for x in els[1:]]
    return next(a for a in els[0].iterancestors() if all(a in up for up in others))


def _between(region: El, start: El | None, stop: El | None) -> str:
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
                out.append(_html(child, tail=True))
        return True

    walk(region)
    return "".join(out)


def _own_html(a: _Anchor) -> str:
    """A container's HTML without its number, case and title elements (a table row: each cell a block)."""
    if a.flow:
        return ""
    cells = a.el.xpath("./td|./th") if a.el.tag == "tr" else [a.el]
    heads = a.el.xpath("ancestor::table[1]//tr[th and not(td)][1]/th") if a.el.tag == "tr" else []
    named = [_label(h) or "" for h in heads] if len(heads) == len(cells) else [""] * len(cells)
    for part in a.parts:
        if part is not a.el and part.getparent() is not None:
            part.drop_tree()
    return "".join(f"<div>{f'<div>{htmllib.escape(name)}</div>' if name else ''}{htmllib.escape(c.text or '')}"
                   f"{''.join(_html(x, True) for x in c)}</div>" for c, name in zip(cells, named, strict=True)
                   if c not in a.parts)


def _sections(fragment: str) -> list[tuple[str, str]]:
    """An item's HTML split on its headings and label elements: [(label, text)], '' before the first label."""
    frag = lhtml.fragment_fromstring(fragment, create_parent="div")
    for aside in list(frag.iter("aside")):  # related links beside the item, not its text
        aside.drop_tree()
    for el in _elements(frag)[1:]:
        label = _label(el, named=False)
        if label is not None and el.getparent() is not None:
            mark = etree.Element("div")
            mark.text, mark.tail = _MARK + label, el.tail
            el.getparent().replace(el, mark)
    out: list[tuple[str, list[str]]] = [("", [])]
    for line in fragment_text(_html(frag)).splitlines():
        if line.startswith(_MARK):
            out.append((line[len(_MARK):].strip(), []))
        else:
            out[-1][1].append(line)
    return [(h, "\n".join(lines).strip()) for h, lines in out]


def _item(a: _Anchor, html: str) -> ItemDraft:
    item = ItemDraft(title=a.title, number=a.number, case_number=a.case, closed=bool(vocab.CLOSED.search(a.title)))
    for heading, text in _sections(html):
        line = vocab.clean_line(heading)
        dec = vocab.decision_heading(line) if line else None
        if not heading:
            lines = text.splitlines()
            for k, x in enumerate(lines[:8]):  # the case number printed under the title
                if len(x) < 80 and vocab.case_number(x) and not item.case_number:
                    item.case_number, lines[k] = vocab.case_number(x), ""
            item.sections += [("", "\n".join(lines).strip())]
        elif dec is not None:
            body = "\n".join(x for x in (dec.inline_text or "", text) if x).strip()
            item.decisions += [DecisionDraft(body, dec.body, dec.date)] if body else []
        elif vocab.section_name(line) == "Bilag":
            item.attachments += [x.lstrip("- ").strip() for x in text.splitlines() if x.strip()]
        else:
            item.sections.append((heading.rstrip(":").strip(), text))
    return item


def _clock(text: str) -> str | None:
    m = CLOCK.search(dates.ISO.sub(" ", dates.NUMERIC.sub(" ", text)))
    return f"{int(m.group(1)):02d}:{m.group(2)}" if m else None


def _meeting(root: El, head_html: str, items: list[ItemDraft]) -> MeetingDraft | None:
    """The meeting facts from the page head (everything before the first item)."""
    frag = lhtml.fragment_fromstring(head_html, create_parent="div")
    lines = [x for x in fragment_text(head_html).splitlines() if x.strip() and not PRINTED.search(x)]
    rows = [c for c in (tr.xpath("./td|./th") for tr in frag.iter("tr")) if len(c) == 2]
    rows += [[dt, dt.getnext()] for dt in frag.iter("dt") if getattr(dt.getnext(), "tag", "") == "dd"]
    pairs = [(_text(k), ", ".join(x.lstrip("- ") for x in fragment_text(_html(v)).splitlines() if x.strip()))
             for k, v in rows] + [(m["label"], m["value"]) for m in map(LINE_LABEL.match, lines) if m]
    leaves = [x for x in _elements(frag) if len(_text(x)) <= 200 and not any(
        y.tag in BLOCKS for y in x.iterdescendants())]

    def field(kind: str) -> str | None:
        value = next((v for k, v in pairs if LABELS[kind].match(k.strip().rstrip(":").strip()) and v.strip()), None)
        return value or next((_text(x) for x in leaves if kind in CLASS_FIELDS and _text(x) and any(
            CLASS_FIELDS[kind].match(re.split(r"[-_]+", c)[-1]) for c in _attrs(x).split())), None)

    title = _text(root.find(".//title"))
    metas = {(m.get("name") or m.get("property") or "").lower(): m.get("content") or "" for m in root.iter("meta")}
    h1s, stamps = [_text(x) for x in frag.iter("h1")], [str(x.get("datetime") or "") for x in frag.iter("time")]
    head = header.parse_header(h1s + lines + [title])
    when = next((x for x in [field("date"), *stamps, metas.get("dcterms.date"), metas.get("meeting-date"), *h1s,
                             *lines, title] if x and not PRINTED.search(x) and dates.first_date(x)), None)
    day: date | None = dates.first_date(when) if when else None
    if day is None:
        return None  # the text parser also looks for the date in the decisions
    clock = field("time")
    time = (_clock(clock) if clock else None) or dates.find_time(when or "") or next(
        (_clock(s.partition("T")[2]) for s in stamps if "T" in s), None) or head.time
    place = re.search(r"\bkl\.?\s*\d{1,2}[.:]\d{2}\s+(?:i|på)\s+(?P<place>[A-ZÆØÅ][^.]{3,90})", when or "")
    committee = field("committee") or head.committee or ""
    municipality = next((x.strip() for x in [field("municipality"), *(metas.get(k) for k in (
        "og:site_name", "application-name", "publisher", "author")), *re.split(r"\s+[-–|·]\s+", title), *lines[:15]]
        if x and municipalities.canonical_name(x.strip())), None)
    present = [x for x in vocab.split_names(field("present") or "") if not ROLE.match(x)] or [
        x for x in head.participants if not ROLE.match(x)]
    absent = [x for x in vocab.split_names(field("absent") or "")] or head.absentees
    absent += [ABSENT.sub("", x) for x in present if ABSENT.search(x) and ABSENT.sub("", x) not in absent]
    for dec in (d for it in items for d in it.decisions):  # "Beslutning i <this committee>": the meeting's own
        if dec.body and committee and fold(dec.body) == fold(committee) and dec.date in (None, day):
            dec.body = dec.date = None
    kind = " ".join([field("kind") or "", *h1s, title])
    word = (re.findall(r"referat|beslutningsprotokol|dagsorden", kind, re.I) or [""])[0].lower()
    any_decision = any(it.decisions for it in items)
    minutes = any(d.body is None for it in items for d in it.decisions) or (word not in ("", "dagsorden")
                                                                            and any_decision)
    return MeetingDraft(
        committee=committee, date=day, items=items, municipality=municipality, time=time,
        location=field("place") or (place.group("place").strip() if place else None) or head.location,
        participants=[ABSENT.sub("", x) for x in present], absentees=absent,
        status="minutes" if minutes else "agenda", extraordinary=bool(re.search(r"ekstraordinær", kind, re.I)),
        warnings=[f"the page says {word!r} but records no decision; read as an agenda"]
        if word not in ("", "dagsorden") and not any_decision else [])


def _parse(src: Source) -> El | None:
    low = src.head[:1000].lower()  # a page starts with markup (JSON with HTML in its fields does not)
    markup = any(m in low for m in ("<html", "<!doctype html", "<body", "<div", "<table"))
    if not low.startswith("<") or not markup or (low.startswith("<?xml") and "<html" not in low):
        return None
    try:
        root = lhtml.document_fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", src.text))
    except (etree.ParserError, ValueError):
        return None
    for el in _elements(root):
        if el.getparent() is not None and el.tag not in {"body", "main"} and (
                el.tag in FURNITURE or el.get("role") in {"navigation", "contentinfo", "search"}
                or el.tag == "button" and not any(_level(x) for x in el.iterdescendants())  # an accordion's title stays
                or FURNITURE_ATTR.search(_attrs(el)) or el.tag == "a" and FURNITURE_LINK.match(_text(el))):
            el.drop_tree()
    return root


def analyse(src: Source) -> MeetingDraft | None:
    """The meeting when the page marks its items by structure, else None (the text parser reads it)."""
    root = _parse(src)
    body = root.find("body") if root is not None else None
    anchors = _anchors(body) if body is not None else []
    if not anchors:
        return None
    region = _common([a.el for a in anchors])
    head_html = _between(body, None, anchors[0].el)
    tails = [_between(region, a.el, b.el if b else None) for a, b in zip(anchors, [*anchors[1:], None], strict=True)]
    items = [_item(a, _own_html(a) + tail) for a, tail in zip(anchors, tails, strict=True)]
    return _meeting(root, head_html, items)


class GenericHtmlReader:
    name = "generic-html"

    def sniff(self, src: Source) -> bool:
        if src not in _CACHE:
            _CACHE[src] = analyse(src)
        return _CACHE[src] is not None

    def read(self, src: Source) -> MeetingDraft:
        draft = _CACHE[src] if src in _CACHE else analyse(src)
        if draft is None:
            raise IngestError(src.path, "no agenda items marked in the page's structure")
        return draft


READER = GenericHtmlReader()
