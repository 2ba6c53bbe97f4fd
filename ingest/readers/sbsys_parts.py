"""Parts of an SBSYS publication that some exports put in other places than the Ballerup/Region H schema.

- A field that is the whole item (the compact SBSYS-Aarhus export writes ONE ``ItemField`` per item whose
  ``Caption`` repeats the item caption) holds its sections as heading elements inside its HTML
  (``<h3>Sagsfremstilling</h3><div>…</div><h3>Beslutning</h3><div>…</div>``): the markup is split on those
  headings, and the part under a decision heading is the decision.
- The trailing records numbered "0" ("Åbent referat", "Lukket referat") only carry the referat PDF as an
  enclosure. When the publication's items carry text, those records are the minutes document, not agenda
  items; when no item carries text (a table-of-contents publication, as the Aarhus sample) they are kept. A record
  without enclosures that names the document ("Åben dagsorden") is one too.
- Items whose ``@ID``s rise in document order were written in the order of their records, not the agenda's
  (numbers 5, 1, 2, 3, 7, 4, 6): they are read in the order of their printed numbers; otherwise as they stand.
- Absences a front page prints ("Afbud: Kim Dalsgaard") when the members' flags state none.
- The municipality from the meeting's own fields when no organisation field names it: the venue
  ("Nordfyns Rådhus", "Rådhuset i …") and the e-mail domains of the publisher and members
  ("@nordfynskommune.dk").
- Items grouped by access (``Agenda/ItemGroups/ItemGroup/{Caption "Åbne punkter", IsPublic, Items/Item}``
  instead of ``Agenda/Items``): every group's items, closed when their group is not public, in the order of
  their printed numbers (the closed group comes last in the file, "1–5, 7, 6", but item 6 is the sixth).
- Sub-items nested in their parent (``Item/Items/Item``) follow their parent, numbered as printed ("5.1"; a
  bare "1" inside item 5 is "5.1").
- An enclosure that carries its own text (``Enclosure/Text``) is a section "Bilag …" of its item.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from core import municipalities, vocab
from core.model import slug
from ingest.readers.base import ItemDraft
from ingest.readers.markup import HEADINGS, fragment_sections, fragment_text
from ingest.readers.xmlutil import Element, child, every, flag, kids, squash, text

_HEADING_TAG = re.compile(r"<h[1-6][\s>]", re.I)
# "Nordfyns Rådhus", "Rådhuset, Langeland": a name next to the town hall
_HALL = re.compile(r"([\wÆØÅæøå-]+)\s+Rådhus|Rådhus(?:et)?,?\s+(?:i\s+)?([\wÆØÅæøå-]+)")
_DOMAIN = re.compile(r"@(?:[\w-]+\.)*?([\w-]+)\.dk\b", re.I)
_DOTTED = re.compile(r"\d+(?:\.\d+)*")
_DOCUMENT = re.compile(r"\b(?:dagsorden|referat|beslutningsprotokol)\b", re.I)  # a record naming the document


def agenda_items(agenda: Element | None, read: Callable[[Element], ItemDraft]) -> list[ItemDraft]:
    """The agenda's items, each read by ``read``: ``Agenda/Items/Item`` in document order, or the items of
    every ``Agenda/ItemGroups/ItemGroup`` in the order of their printed numbers; sub-items nested in an item's
    own ``Items`` follow their parent."""
    groups = kids(child(agenda, "ItemGroups"), "ItemGroup")
    if not groups:
        elements = kids(child(agenda, "Items"), "Item")
        found = _with_nested(elements, read, None)
        return _by_number(found) if _in_id_order(elements) else found
    items: list[ItemDraft] = []
    for group in groups:
        found = _with_nested(kids(child(group, "Items"), "Item"), read, None)
        if flag(text(group, "IsPublic")) is False:
            for it in found:
                it.closed = True
        items += found
    return _by_number(items)


def _with_nested(elements: list[Element], read: Callable[[Element], ItemDraft], parent: str | None) -> list[ItemDraft]:
    out: list[ItemDraft] = []
    for el in elements:
        draft = read(el)
        if parent and draft.number and draft.number.isdigit():  # "1" inside item 5 is "5.1"
            draft.number = f"{parent}.{draft.number}"
        out.append(draft)
        out += _with_nested(kids(child(el, "Items"), "Item"), read, draft.number)
    return out


def _in_id_order(elements: list[Element]) -> bool:
    """True when the items stand in the order of their numeric ``@ID``s (the record ids: 88090, 88101, …): the
    export sorted them by record, not by agenda (numbers 5, 1, 2, 3, 7, 4, 6), so their printed numbers order them."""
    ids = [(el.get("ID") or el.get("Id") or el.get("id") or "").strip() for el in elements]
    return len(ids) > 1 and all(i.isdigit() for i in ids) and [int(i) for i in ids] == sorted(int(i) for i in ids)


def _by_number(items: list[ItemDraft]) -> list[ItemDraft]:
    """Items in the order of their printed numbers ("6" before "7"), the records numbered "0" last; as they
    stand when some number is not a plain (dotted) number."""
    records = [it for it in items if it.number == "0"]
    numbered = [it for it in items if it.number != "0"]
    if not all(it.number and _DOTTED.fullmatch(it.number) for it in numbered):
        return items
    numbered.sort(key=lambda it: [int(n) for n in (it.number or "").split(".")])
    return numbered + records


def enclosure_sections(item: Element) -> list[tuple[str, str]]:
    """The texts the item's enclosures carry (``Enclosure/Text``), each a section "Bilag 1: <name>"."""
    found: list[tuple[str, str]] = []
    for enc in kids(child(item, "Enclosures"), "Enclosure"):
        body = fragment_text(text(enc, "Text")).strip()
        if not body:
            continue
        name = squash(text(enc, "Name")) or squash(text(enc, "FileName"))
        number = text(enc, "Number").strip()
        label = f"{number}: {name}" if number and name else (name or number)
        found.append((f"Bilag {label}".strip(), body))
    return found


def headed_parts(caption: str, item_title: str, html: str) -> list[tuple[str, str]] | None:
    """A field's markup split on its heading elements, [(heading, text)], when the field is the whole item (its
    caption repeats the item's, or is empty) or one of its headings is a decision heading; else None (the field
    is one section headed by its caption). Text before the first heading keeps the field's caption."""
    if not _HEADING_TAG.search(html):
        return None
    parts = fragment_sections(html, HEADINGS)
    whole_item = not caption or caption.casefold() == item_title.casefold()
    if not whole_item and not any(h and vocab.decision_heading(h) for h, _ in parts):
        return None
    return [(h or caption, body) for h, body in parts]


def drop_referat_records(items: list[ItemDraft]) -> list[ItemDraft]:
    """Without the records numbered "0" that only carry enclosures (or only name the publication's document:
    "Åben dagsorden", "Lukket referat", whose PDF the portal links), when the other items carry text."""

    def record(it: ItemDraft) -> bool:
        return it.number == "0" and not it.sections and not it.decisions \
            and (bool(it.attachments) or bool(_DOCUMENT.search(it.title)))

    if not any(it.sections or it.decisions for it in items if not record(it)):
        return items
    return [it for it in items if not record(it)]


def frontpage_absentees(frontpage_html: str, members: list[str]) -> list[str]:
    """The names a front page's "Afbud:"/"Fraværende:" paragraphs list, printed as in the member list."""
    found: list[str] = []
    for line in fragment_text(frontpage_html).splitlines():
        m = vocab.ABSENT_LABEL.match(line.strip())
        if not m or not m.group("names").strip():
            continue
        for name in vocab.split_names(m.group("names")):
            printed = next((p for p in members if p == name or vocab.member(p)[0] == vocab.member(name)[0]), name)
            if printed not in found:
                found.append(printed)
    return found


def own_municipality(location: str, root: Element | None, mentions: str) -> str | None:
    """The municipality the meeting's venue or its people's e-mail domains name, when the text's mentions name
    another (a town an item is about: "linje 130 mellem Bogense og Odense"); None when they agree, so that the
    text's evidence stands, or when these fields name none."""
    own = _own_fields(location, root)
    return own if own and municipalities.detect(mentions).name != own else None


def _own_fields(location: str, root: Element | None) -> str | None:
    for m in _HALL.finditer(location):
        name = municipalities.canonical_name(m.group(1) or m.group(2) or "")
        if name:
            return name
    by_slug = {slug(n): n for n in municipalities.MUNICIPALITIES}
    found: Counter[str] = Counter()
    for el in every(root, "EmailAddress"):
        for dm in _DOMAIN.finditer(squash(text(el))):
            label = dm.group(1).lower().removesuffix("kommune").removesuffix("-")
            name = by_slug.get(label) or (by_slug.get(label[:-1]) if label.endswith("s") else None)
            if name:
                found[name] += 1
    return found.most_common(1)[0][0] if found else None
