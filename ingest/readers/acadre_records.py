"""Acadre tables read by what their records hold, not by the tables' names.

A record is a ``<fields>``/``<row>`` holder's name→text fields (``<field name="caseno">24/118</field>``), or, when
a holder's ``<field>`` elements state their values as attributes and there are several of them, each such field
(``<field number="1" name="Godkendelse af dagsorden" caseno="24/118" access="Åben"/>``).

An item table is a table whose records hold a title and a number (e.g. ``bulletPoint``: number, name, caseno,
access "Åben"/"Lukket"). The records of its nested tables that hold a heading and an HTML body are its sections
(e.g. ``bulletPointText``: name "Sagsfremstilling", text "<p>…</p>"). A decision heading ("Beslutning i Kultur- og
Fritidsudvalget den 06-02-2024") makes a section a decision, and a record with a name and a file name is an
attachment.
"""

from __future__ import annotations

from core import vocab
from ingest.readers.acadre_rows import closed, rows
from ingest.readers.base import DecisionDraft, ItemDraft
from ingest.readers.markup import fragment_text
from ingest.readers.xmlutil import Element, flag, kids, local, placeholder, squash

TITLE = ("name", "title", "overskrift", "titel")
NUMBER = ("number", "sort", "nr", "nummer")
HEADING = ("name", "heading", "bulletname", "overskrift")
BODY = ("text", "content", "bulletcontent", "tekst")
FILE = ("filename", "file", "filnavn")
_NOT_VALUES = {"name", "type", "format"}  # attributes that describe a text field rather than hold a value


def _key(name: object) -> str:
    return str(name).rsplit("}", 1)[-1].lower()


def _attribute_style(field: Element) -> bool:
    """A field stating its values as attributes: no text, and attributes besides name/type/format."""
    return not "".join(field.itertext()).strip() and any(_key(k) not in _NOT_VALUES for k in field.attrib)


def merged(holder: Element) -> dict[str, str]:
    """A holder's fields as one record: text under @name, else the field's attributes (the first value wins)."""
    out: dict[str, str] = {}
    for field in kids(holder, "field"):
        value = "".join(field.itertext()).strip()
        if value and field.get("name"):
            out.setdefault(field.get("name").lower(), value)
        else:
            for key, val in field.attrib.items():
                out.setdefault(_key(key), val.strip())
    return out


def holder_records(holder: Element) -> list[dict[str, str]]:
    """A holder's records: one per attribute-style field when it has several and no text fields, else one."""
    fields = kids(holder, "field")
    split = [f for f in fields if _attribute_style(f)]
    if len(split) >= 2 and not any("".join(f.itertext()).strip() for f in fields):
        return [{_key(k): v.strip() for k, v in f.attrib.items()} for f in split]
    record = merged(holder)
    return [record] if record else []


def _held(table: Element) -> list[tuple[Element, dict[str, str]]]:
    return [(holder, r) for holder in rows(table) for r in holder_records(holder)]


def records(table: Element) -> list[dict[str, str]]:
    """A table's own records (not those of its nested tables), in document order."""
    return [r for _, r in _held(table)]


def first(record: dict[str, str], keys: tuple[str, ...]) -> str:
    """The first of ``keys`` the record has a value for, stripped; '' when none."""
    return next((record[k].strip() for k in keys if record.get(k, "").strip()), "")


def _is_item(record: dict[str, str]) -> bool:
    return bool(squash(first(record, TITLE))) and bool(first(record, NUMBER))


def record_items(root: Element, facts: set[str], owned: set[str]) -> list[ItemDraft]:
    """The items of every table whose records hold a title and a number, in document order. Tables named in
    ``facts`` (meeting facts, participants) are never items but may hold item tables; the subtrees of tables named
    in ``owned`` (item tables read by name) and of item tables are not searched for further item tables."""
    out: list[ItemDraft] = []
    for el in kids(root):
        if local(el) == "field":
            continue
        name = (el.get("name") or "").lower() if local(el) == "table" else ""
        if name in owned:
            continue
        held = [] if local(el) != "table" or name in facts else [(h, r) for h, r in _held(el) if _is_item(r)]
        if not held:
            out += record_items(el, facts, owned)
            continue
        for holder, record in held:  # a table of one item owns its nested tables; a row owns those inside it
            subs = (kids(holder, "table") if holder is not el else []) + (kids(el, "table") if len(held) == 1 else [])
            out.append(_item(record, subs))
    return out


def _item(record: dict[str, str], subs: list[Element]) -> ItemDraft:
    """An item record with the sections, decisions and attachments its nested tables' records hold."""
    title = squash(first(record, TITLE))
    public = flag(record.get("public") or record.get("offentlig"))
    draft = ItemDraft(
        title=title,
        number=first(record, NUMBER).rstrip(".") or None,
        case_number=squash(first(record, ("caseno", "casenumber", "sagsnr", "sagsnummer"))) or None,
        closed=closed(first(record, ("access", "adgang", "accessid")), title) or public is False,
    )
    for row in [r for table in subs for r in records(table)]:
        heading, body = squash(first(row, HEADING)), first(row, BODY)
        if body:
            add_section(draft, heading, body)
        elif heading and first(row, FILE):
            draft.attachments.append(heading)
    return draft


def add_section(draft: ItemDraft, heading: str, html: str) -> None:
    """A headed HTML body as the item's section, or as its decision when the heading is a decision heading."""
    text = fragment_text(html)
    dec = vocab.decision_heading(heading) if heading else None
    if dec is not None:
        if not placeholder(text):
            draft.decisions.append(DecisionDraft(text, dec.body, dec.date))
    elif text.strip():
        draft.sections.append((heading, text))


# a record's pointer to the item it belongs to, in a table beside the items (``agendaItemBullet``, ``attachment``)
LINK = ("itemsysid", "agendaitemsysid", "itemid", "agendaitemid")


def linked_items(root: Element, item_tables: list[Element]) -> list[ItemDraft]:
    """The items of ``agendaItem`` tables whose attribute-style records stand directly in the table
    (``<field name number sysid access casenumber/>``), each with the records of other tables that point back to
    its ``sysid`` by ``itemsysid``: headed HTML bodies become its sections or decision (``agendaItemBullet``:
    name "Sagsfremstilling", text "<p>…</p>"), named files its attachments. Tables of ``<row>`` records are read
    by ``acadre_rows``."""
    tables = [t for t in item_tables if not kids(t, "row")]
    if not tables:
        return []
    own = {id(t) for t in tables}
    pointing: dict[str, list[dict[str, str]]] = {}
    for table in root.iter():
        if local(table) == "table" and id(table) not in own:
            for record in records(table):
                if first(record, LINK):
                    pointing.setdefault(first(record, LINK), []).append(record)
    out: list[ItemDraft] = []
    for record in [r for t in tables for r in records(t) if _is_item(r)]:
        draft = _item(record, [])
        linked = pointing.get(record.get("sysid", "").strip(), []) if record.get("sysid", "").strip() else []
        for row in sorted(linked, key=_sort_order):
            heading, body = squash(first(row, HEADING)), first(row, BODY)
            if body:
                add_section(draft, heading, body)
            elif heading and first(row, FILE):
                draft.attachments.append(heading)
        out.append(draft)
    return out


def _sort_order(record: dict[str, str]) -> int:
    order = first(record, ("sortorder", "sort", "index"))
    return int(order) if order.isdigit() else 0
