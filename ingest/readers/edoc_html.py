"""The eDoc (Fujitsu) HTML rendering of an agenda (the XSLT output published beside the XML).

Its structure, by class: ``xsltAgendaTitle`` ("Dagsorden" / committee), ``xsltDateAndLocation`` (date, time,
"Mødested:"), ``xsltItemsHeader`` ("Åbne sager" / "Lukkede sager"), per item a ``table.xsltTitleTableBegin``
(printed number and title) and ``table.xsltTitleTableEnd`` ("Sagsnr.:", "Åben"/"Lukket"), then ``div.xsltHeader``
headings each followed by its content ``div``, and a "Bilag:" heading followed by ``a.xsltAttachment`` links. A
later template puts each item in one ``table.xsltItem``: a ``tr.xsltTitleRow`` (``td.xsltTitle`` number,
``div.xsltTitle`` title), a ``tr.xsltSubTitleRow`` ("Sagsnr.:", "Åben") and one row per section (``div.xsltHeader``
and its content ``div``), and may list the members in ``table.xsltParticipants`` (``td.xsltAbsence``: "Afbud"; the
role in the name cell, "Name (V), Formand", or in its own ``td.xsltParticipantRole``). A ``div.xsltRemark`` below
the members records who came late or left early; a ``div.xsltAbsence`` closing an item ("Afbud: …", "Fraværende: …")
who was away from that item (a member who came late is "Fraværende" on the items before they came: away from those
items, not from the meeting). Item sections may be headed "Åbne punkter" / "Lukkede punkter" as well as "… sager".
The page may be in windows-1252. The tables of contents (``table.xsltListOfContent*``) link each item to its body by
anchor; an item listed there without a body (a closed item published without its text) is kept, by its number and
title. Items are numbered in agenda order but printed open items first, then "Lukkede sager" (closed item 6 after
open item 7): numbered 1, 2, 3 … each once, they are put back in their numbers' order. A template without a member
list reads the attendance from the signature sheet at the end (``edoc_signature``). The page may be saved as UTF-16
with a BOM. The result is the same meeting as the XML it renders (same committee string and date), so one replaces
the other.
"""

from __future__ import annotations

import re
from typing import Any

from core import dates, vocab
from core.errors import IngestError
from ingest.readers.base import DecisionDraft, ItemDraft, MeetingDraft, Source
from ingest.readers.edoc_signature import signature_people
from ingest.readers.markup import fragment_text
from ingest.readers.xmlutil import placeholder, squash

Tag = Any  # a BeautifulSoup Tag


def _has_class(tag: Tag, name: str) -> bool:
    return name in (tag.get("class") or [])


def _lines(tag: Tag | None) -> list[str]:
    if tag is None:
        return []
    return [squash(x) for x in tag.get_text("\n").splitlines() if squash(x)]


class EdocHtmlReader:
    name = "edoc-html"

    def sniff(self, src: Source) -> bool:
        soup = src.html
        if soup is None:
            return False
        items = soup.find(class_="xsltTitleTableBegin") is not None or (
            soup.find("table", class_="xsltItem") is not None and soup.find(class_="xsltTitleRow") is not None)
        return items and soup.find(class_=re.compile(r"^xslt(AgendaTitle|DateAndLocation|ItemsHeader)$")) is not None

    def read(self, src: Source) -> MeetingDraft:
        soup = src.html
        if soup is None:
            raise IngestError(src.path, "not an HTML page")
        title_lines = _lines(soup.find(class_="xsltAgendaTitle"))
        page_title = squash(soup.title.get_text()) if soup.title else ""
        kind = title_lines[0] if title_lines else ""
        committee = " ".join(title_lines[1:]) or page_title.split(" - ")[0]
        when_lines = _lines(soup.find(class_="xsltDateAndLocation"))
        when_text = " ".join(when_lines) or page_title
        day = dates.first_date(when_text) or dates.first_date(page_title)
        if day is None:
            raise IngestError(src.path, "eDoc HTML without a meeting date")
        location = next((re.sub(r"^Mødested\s*:\s*", "", x) for x in when_lines if x.lower().startswith("mødested")),
                        None)
        items = _items(soup)
        participants, absentees = _people(soup)
        if not participants:
            participants, absentees = signature_people(soup)
        remarks = [r for tag in soup.find_all("div", class_="xsltRemark")
                   for r in vocab.attendance_remarks("\n".join(_lines(tag)))]
        decided = any(d.body is None for it in items for d in it.decisions)
        minutes = bool(re.search(r"referat|beslutningsprotokol", kind, re.I)) or decided
        return MeetingDraft(
            committee=squash(committee),
            date=day,
            items=items,
            time=dates.find_time(when_text),
            location=location or None,
            participants=participants,
            absentees=absentees,
            remarks=list(dict.fromkeys(remarks)),
            status="minutes" if minutes else "agenda",
            extraordinary=bool(re.search(r"ekstraordin", kind + " " + page_title, re.I)),
        )


def _anchor(tag: Tag) -> str:
    link = tag.find("a", attrs={"name": True})
    return str(link["name"]).strip() if link is not None else ""


def _items(soup: Tag) -> list[ItemDraft]:
    items: list[ItemDraft] = []
    anchors: list[str] = []
    closed = False
    for tag in soup.find_all(["div", "table"]):
        if _has_class(tag, "xsltItemsHeader") or _has_class(tag, "xsltGroupCaption"):
            closed = bool(re.search(r"lukke", tag.get_text(), re.I))
        elif _has_class(tag, "xsltTitleTableBegin"):
            items.append(_begin(tag, closed))
            anchors.append(_anchor(tag))
        elif tag.name == "table" and _has_class(tag, "xsltItem"):
            items.append(_item_table(tag, closed))
            anchors.append(_anchor(tag))
        elif not items:
            continue
        elif _has_class(tag, "xsltTitleTableEnd"):
            _end(tag, items[-1])
        elif _has_class(tag, "xsltHeader"):
            _section(tag, items[-1])
        elif tag.name == "div" and _has_class(tag, "xsltAbsence"):
            _absence(tag, items[-1])
    return _in_number_order(_listed_only(soup, items, anchors))


def _in_number_order(items: list[ItemDraft]) -> list[ItemDraft]:
    """The items by their printed numbers when these are plain and distinct (1, 2, … each once: the closed items
    printed after the open ones belong between them); else as printed."""
    numbers = [it.number or "" for it in items]
    if not all(n.isdigit() for n in numbers) or len(set(numbers)) != len(numbers):
        return items
    return sorted(items, key=lambda it: int(it.number or 0))


def _item_table(table: Tag, closed: bool) -> ItemDraft:
    """One ``table.xsltItem``: its title row, then the sub-title row (case number, "Åben"/"Lukket")."""
    row = table.find("tr", class_="xsltTitleRow") or table.find("tr")
    number_cell = row.find("td", class_="xsltTitle") if row is not None else None
    title_tag = row.find("div", class_="xsltTitle") if row is not None else None
    number = squash(number_cell.get_text(" ")).rstrip(".") if number_cell is not None else ""
    item = ItemDraft(title=squash(title_tag.get_text(" ")) if title_tag is not None else "", number=number or None,
                     closed=closed)
    sub = table.find("tr", class_="xsltSubTitleRow")
    if sub is not None:
        _end(sub, item)
    return item


def _listed_only(soup: Tag, items: list[ItemDraft], anchors: list[str]) -> list[ItemDraft]:
    """The items with a body, and in their place in the tables of contents those listed there only (linked to an
    anchor no item body has: a closed item published without its text)."""
    entries: list[tuple[str, ItemDraft]] = []
    for toc in soup.find_all("table", class_=re.compile(r"^xsltListOfContent")):
        title_tag = toc.find(class_="xsltContentTitle")
        closed = bool(re.search(r"lukke|fortrolig", title_tag.get_text(" ") if title_tag else "", re.I))
        for row in toc.find_all("tr"):
            link = row.find("a", href=re.compile(r"^#."))
            cells = row.find_all("td")
            if link is None or not cells:
                continue
            number = squash(cells[0].get_text(" ")).rstrip(".")
            entries.append((str(link["href"])[1:], ItemDraft(title=squash(link.get_text(" ")), number=number or None,
                                                             closed=closed)))
    if not any(anchor in anchors for anchor, _ in entries):  # no table of contents linking to these bodies
        return items
    out = list(items)
    last: ItemDraft | None = None  # the item listed before the entry
    for anchor, entry in entries:
        if anchor in anchors:
            last = items[anchors.index(anchor)]
        elif entry.title:
            out.insert(next((j + 1 for j, it in enumerate(out) if it is last), 0), entry)
            last = entry
    return out


def _people(soup: Tag) -> tuple[list[str], list[str]]:
    """The members table: "Name (Party), Formand" and its absence cell ("Afbud")."""
    participants: list[str] = []
    absentees: list[str] = []
    for table in soup.find_all("table", class_="xsltParticipants"):
        for row in table.find_all("tr"):
            absence = row.find("td", class_="xsltAbsence")
            name_cell = row.find("td", class_="xsltParticipantName") or row.find("td")
            if absence is None or name_cell is None or name_cell is absence:
                continue
            label, _, role = squash(name_cell.get_text(" ")).partition(", ")
            role_cell = row.find("td", class_="xsltParticipantRole")
            role = role or (squash(role_cell.get_text(" ")) if role_cell is not None else "")
            if not label:
                continue
            participants.append(f"{label}, {role.lower()}" if role and role.lower() != "medlem" else label)
            if squash(absence.get_text(" ")):
                absentees.append(label)
    return participants, absentees


def _absence(tag: Tag, item: ItemDraft) -> None:
    """An item's absence note: one "Afbud: A (V), B (C)" / "Fraværende: …" line per reason; kept as printed (a
    section), so the item's text says which reason each name had."""
    notes = []
    for line in _lines(tag):
        m = vocab.ABSENT_LABEL.match(line)
        if m:
            item.absentees += [n for n in vocab.split_names(m.group("names")) if n not in item.absentees]
            notes.append(line)
    if notes:
        item.sections.append(("Fravær", "\n".join(notes)))


def _begin(table: Tag, closed: bool) -> ItemDraft:
    cells = table.find_all("td")
    number = squash(cells[0].get_text()).rstrip(".") if cells else ""
    text_cell = table.find("td", class_="xsltTitleText") or (cells[1] if len(cells) > 1 else None)
    title = squash(text_cell.get_text(" ")) if text_cell else ""
    return ItemDraft(title=title, number=number or None, closed=closed)


def _end(table: Tag, item: ItemDraft) -> None:
    for line in _lines(table):
        m = re.match(r"^Sags?nr\.?\s*:?\s*(?P<case>\S.*)?$", line, re.I)
        worker = re.match(r"^Sagsbehandler\s*:\s*(?P<name>\S.*)$", line, re.I)
        if m and m.group("case"):
            item.case_number = m.group("case").strip()
        elif worker:
            item.case_worker = worker.group("name").strip()
        elif re.fullmatch(r"lukket|fortrolig", line, re.I):
            item.closed = True


def _section(header: Tag, item: ItemDraft) -> None:
    heading = squash(header.get_text(" ")).rstrip(":").strip()
    if re.fullmatch(r"bilag", heading, re.I):
        for sib in header.find_next_siblings("div"):
            links = sib.find_all("a", class_="xsltAttachment")
            if not links:
                break
            item.attachments += [squash(a.get_text(" ")) for a in links if squash(a.get_text(" "))]
        return
    body_tag = header.find_next_sibling()
    if body_tag is None or _has_class(body_tag, "xsltHeader") or body_tag.name != "div":
        return
    body = fragment_text(body_tag.decode_contents())
    dec = vocab.decision_heading(heading)
    if dec is not None:
        if not placeholder(body):
            item.decisions.append(DecisionDraft(body, dec.body, dec.date))
    elif body:
        item.sections.append((heading, body))


READER = EdocHtmlReader()
