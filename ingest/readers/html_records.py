"""Agenda items printed as records: a key/value table (``<th>Punkt</th><td>4</td>``) or ``<dl>`` per item.

Print views and simple exports set each item out as label rows: Punkt/Nr. (the number), Titel/Overskrift (the
title), Sagsnr. (the case), then Sagsfremstilling, Indstilling, Beslutning, … A table or list with one title row
beside a number, case or section row is one item: its number, title and case rows are the item's head,
every other row a section named by its label. A table or list holding several such records (the label that
opens a record comes back) is first split into one per record, so both layouts read the same way.
"""

from __future__ import annotations

import html as htmllib
import re
from typing import Any

from lxml import etree

from core import vocab

El = Any  # an lxml.html element
NUMBER_LABEL = re.compile(r"^(?:punkt|pkt\.?|nr\.?|punkt\s*nr\.?|punktnr\.?|punktnummer|dagsordens?punkt(?:\s*nr\.?)?|"
                          r"nummer|item|no\.?)$", re.I)
TITLE_LABEL = re.compile(r"^(?:titel|overskrift|emne|sagstitel|punkttitel|punktoverskrift|sagens titel|title)$", re.I)
CASE_LABEL = re.compile(r"^(?:sags?\s*nr\.?|sagsnummer|j\.?\s*nr\.?|journal\s*nr\.?|journalnummer|sags-?id|"
                        r"case(?: number)?)$", re.I)
NUMBER_VALUE = re.compile(r"^(?:Punkt\s*|Pkt\.?\s*|Nr\.?\s*)?(\d{1,3}(?:\.\d{1,3})*)\.?$", re.I)
MAX_LABEL = 40


def _text(el: El) -> str:
    return " ".join(el.text_content().split()) if el is not None else ""


def _bare(label: str) -> str:
    return label.rstrip(":").strip()


def _known(label: str) -> bool:
    line = vocab.clean_line(label)
    return any(p.match(label) for p in (NUMBER_LABEL, TITLE_LABEL, CASE_LABEL)) or bool(
        vocab.section_name(line) or vocab.decision_heading(line))


def rows(el: El) -> list[tuple[str, El | None, El, list[El]]]:
    """(label, label element or None, value element, the elements of the row) for each row of a table or list."""
    out: list[tuple[str, El | None, El, list[El]]] = []
    if el.tag == "table":
        for tr in el.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"):
            cells = tr.xpath("./th|./td")
            label = _bare(_text(cells[0])) if len(cells) == 2 else ""
            if label and len(label) <= MAX_LABEL and (
                    cells[0].tag == "th" and cells[1].tag == "td" or _text(cells[0]).endswith(":") or _known(label)):
                out.append((label, cells[0], cells[1], [tr]))
            else:
                out.append(("", None, tr, [tr]))
    elif el.tag == "dl":
        for dt in el.iterchildren("dt"):
            dd = dt.getnext()
            if dd is not None and dd.tag == "dd" and 0 < len(_bare(_text(dt))) <= MAX_LABEL:
                out.append((_bare(_text(dt)), dt, dd, [dt, dd]))
    return out


def _kind(label: str, value: El) -> str:
    if NUMBER_LABEL.match(label) and NUMBER_VALUE.match(_text(value)):
        return "number"
    return "title" if TITLE_LABEL.match(label) else "case" if CASE_LABEL.match(label) else ""


def _holds_item(found: list[tuple[str, El | None, El, list[El]]]) -> bool:
    labelled = [(label, _kind(label, value)) for label, _, value, _ in found if label]
    kinds = [k for _, k in labelled]
    if kinds.count("number") > 1 or kinds.count("title") != 1:
        return False
    return "number" in kinds or any(k == "case" or not k and _known(x) for x, k in labelled)


def is_record(el: El) -> bool:
    """A table or list that sets out one agenda item: a title row beside a number, case or section row."""
    return el.tag in {"table", "dl"} and _holds_item(rows(el))


def fields(el: El) -> tuple[str | None, str, str | None, tuple[El, ...]] | None:
    """A record's number, title, case and the rows holding them; None when ``el`` is no record."""
    if not is_record(el):
        return None
    number = title = case = None
    parts: list[El] = []
    for label, _, value, row in rows(el):
        kind = _kind(label, value) if label else ""
        if kind == "number" and number is None:
            number = NUMBER_VALUE.match(_text(value)).group(1)  # type: ignore[union-attr]
        elif kind == "title" and title is None:
            title = _text(value)
        elif kind == "case" and case is None:
            case = vocab.case_number(_text(value)) or _text(value) or None
        else:
            continue
        parts += row
    return number, title or "", case, tuple(parts)


def own_html(el: El, parts: tuple[El, ...]) -> str:
    """The record's other rows as HTML: each labelled row a heading (its label) and the value's content."""
    out: list[str] = []
    for label, _, value, row in rows(el):
        if any(x in parts for x in row):
            continue
        if label:
            out.append(f"<div><h4>{htmllib.escape(label, quote=False)}</h4><div>{_inner(value)}</div></div>")
        else:  # a row that is no label and value: its cells' content
            out += [f"<div>{_inner(x)}</div>" for x in (value.xpath("./th|./td") if value.tag == "tr" else [value])]
    return "".join(out)


def _inner(el: El) -> str:
    return htmllib.escape(el.text or "", quote=False) + "".join(
        etree.tostring(x, encoding="unicode", method="html", with_tail=True) for x in el)


def split(root: El) -> int:
    """Split each table or list holding several records into one per record (at the label that opens the first
    record, when it comes back); the number of records made."""
    made = 0
    for el in list(root.iter("table", "dl")):
        found = rows(el)
        opener = next((label.lower() for label, _, value, _ in found if label and _kind(label, value) in {
            "number", "title"}), None)
        starts = [k for k, (label, _, _, _) in enumerate(found) if opener and label.lower() == opener]
        spans = list(zip(starts, [*starts[1:], len(found)], strict=True)) if starts else []
        if len(starts) < 2 or el.getparent() is None or sum(_holds_item(found[a:b]) for a, b in spans) < 2:
            continue
        last = el
        for start, end in spans:
            record = el.makeelement(el.tag, {"class": el.get("class") or "", "data-referat-record": ""})
            for _, _, _, row in found[start:end]:
                for x in row:
                    record.append(x)
            last.addnext(record)
            last, made = record, made + 1
        if not rows(el) and not _text(el):
            el.drop_tree()
    return made
