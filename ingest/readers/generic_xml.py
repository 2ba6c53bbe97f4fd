"""Any other well-formed XML export: find the agenda items by what their fields hold.

An element is item-like when its fields (attributes, child elements, and the fields of a child that is
one record, e.g. ``HandlingItem/Title``; names as in ``fieldnames``: title/titel/caption/overskrift,
number/nummer/nr, text/content/indhold, decision/beslutning, …) give a title and a number or a body.
Of all groups of same-named siblings the reader takes the best by: how many of proper title, number
and body (or a list of headed sections) it has; then a group of two or more; then the outermost; then
the largest. Meeting facts (date/dato/when/mødedato, committee/udvalg, location/sted, …) come from
outside the items and the people (a party attribute joins the name; present/fremmoedt="nej" is absence). A
part labelled by an attribute (<afsnit type="Sagsfremstilling">) is a section of that name, or a decision when
the label names one; a decision's organ/dato attributes say whose and when. Fields it cannot name become
sections headed by their element name, so no text is lost. An HTML body (CDATA, escaped, or base64 text
``xmlutil.unbase64`` accepts) is split on its headings as in ``greve_json``, a decision heading giving the
decision. People inside an absence element (<fravaerende><person>) or with status="Fraværende"/"afbud" are
absent; an item's printed number wins over its place in a list (<item seq="0" number="1"> is item 1); an access
field (adgang="Lukket") closes an item. A time "16.00" or "1600" is stored "16:00"; "20240416" is a date;
an empty element's value is its name attribute (<Myndighed Navn="…"/>); an address beside the venue joins it.
A list of the case's handlings (<Behandlinger><Behandling organ dato aktuel>) gives the item's decisions, this
meeting's first, and a person's note on coming late or leaving early is a remark (``xmlhandlings``).
Without items or a meeting date ``sniff`` is False and the full-text fallback indexes the document instead.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from core import vocab
from ingest.readers import fieldnames as names
from ingest.readers.base import ItemDraft, MeetingDraft, Source
from ingest.readers.greve_json import read_field
from ingest.readers.markup import fragment_text
from ingest.readers.xmldecision import decides, decision, status_decision, status_of
from ingest.readers.xmlhandlings import REMARK, handlings, person_remarks
from ingest.readers.xmlutil import (
    CLOCK,
    Element,
    absent_by_flag,
    absent_by_status,
    access_closed,
    attendance,
    compact_clock,
    content,
    field_clock,
    flag,
    has_kids,
    heading_of,
    kind_attr,
    local,
    placeholder,
    printed_number,
    published,
    record,
    squash,
    texty,
)
from ingest.readers.xmlutil import when_compact as when

HTML_HEADING = re.compile(r"<h[1-6]\b[^>]*>", re.I)
_NOT_TEXT = names.CLOSED + names.OPEN + names.CASE + names.NUMBER
_FLAGS = (names.NUMBER, names.CLOSED, names.OPEN, names.PRESENT, names.ABSENT)  # fields whose value may be a flag
Field = tuple[str, str, "Element | None"]  # (name, value, element; None for an attribute)
STATUS = ("status", "attendance", "fremmøde", "fremmoede", "tilstedeværelse")  # a person's "Til stede"/"Fraværende"
ACCESS = ("adgang", "access", "accesslevel", "visibility", "synlighed")  # an item's "Aaben"/"Lukket"
ADDRESS = {"adresse", "address", "mødeadresse", "moedeadresse"}  # the venue's street address, beside it
PLAIN = names.PLAIN_BODY | {"broedtekst", "bodytext", "hovedtekst"}  # body fields that name no section


def _fields(el: Element, flatten: bool = True) -> list[Field]:
    """An element's attributes and child elements; then the fields of a child that is itself one record
    (``HandlingItem/{SerialNo, Title}``), named "Container/Child" and after the direct ones."""
    out: list[Field] = [(str(k), str(v).strip(), None) for k, v in el.attrib.items()]
    later: list[Field] = []
    kids_ = [c for c in el if local(c)]
    counts = Counter(local(c) for c in kids_)
    for c in kids_:
        one_record = counts[local(c)] == 1 and record(c)
        if flatten and one_record and not names.kind_of(local(c), names.ATTACH + names.PEOPLE) and not status_of(c):
            later += [(f"{local(c)}/{n}", v, cc) for n, v, cc in _fields(c, flatten=False)]
        else:
            out.append((local(c), (content(c) if not has_kids(c) else "".join(c.itertext())).strip(), c))
    return out + later


def _first(el: Element, vocab_: tuple[str, ...]) -> str:
    return next((squash(v) for n, v, c in _fields(el)
                 if names.kind_of(n, vocab_) and not has_kids(c) and (texty(v) or vocab_ in _FLAGS)
                 and not placeholder(v)), "")


def _title(el: Element) -> str:
    return _first(el, names.TITLE) or _first(el, names.NAME)


def _label(el: Element) -> str:
    """A person's or an attachment's name: its title/name field, or its own text."""
    return _title(el) or ("" if has_kids(el) else squash("".join(el.itertext())))


def _person(el: Element) -> str:
    """A participant's name, with the party a field states: <deltager parti="V">John</deltager> -> "John (V)"."""
    name, party = _label(el), _first(el, names.PARTY)
    return f"{name} ({party})" if name and party and not name.endswith(")") else name


def _typed(el: Element | None) -> str:
    """The label a part gives itself in an attribute (<afsnit type="Sagsfremstilling">), when it reads as one."""
    attrs = el.attrib.items() if el is not None else []
    return next((lb for n, v in attrs if names.key(str(n)) in names.LABEL and (lb := names.label(str(v)))), "")


def _rank(els: list[Element]) -> tuple[int, bool, int, int] | None:
    """How item-like a group of same-named siblings is (None: not at all): a proper title, a number and a
    body (or a list of headed sections) count one each; then a group of two or more, then the outermost."""
    like = [e for e in els if _title(e)]
    if not like:
        return None
    filled = [[(n, c) for n, v, c in _fields(e) if v] for e in like]
    numbered = any(any(names.kind_of(n, names.NUMBER) for n, _ in f) for f in filled)
    bodied = any(any(_is_body(n, c) for n, c in f) for f in filled)
    if not (numbered or bodied) or (len(els) == 1 and not (numbered and len(filled[0]) >= 3)):
        return None
    quality = int(numbered) + int(bodied) + int(all(_first(e, names.TITLE) for e in like))
    return quality, len(like) >= 2, -len(list(els[0].iterancestors())), len(like)


def _is_body(name: str, c: Element | None) -> bool:
    if status_of(c):  # <vedtaget><tekst>…</tekst></vedtaget>: a decision
        return True
    if c is not None and has_kids(c):
        return any(_title(s) for s in c if local(s) and not names.kind_of(local(s), names.PEOPLE))
    return names.kind_of(name, names.BODY + names.DECISION) and texty("".join(c.itertext()) if c is not None else "x")


@dataclass
class Layout:
    items: list[Element]
    tag: str
    meta: list[Element] = field(default_factory=list)  # meeting-level elements: not in an item or a person
    people: list[Element] = field(default_factory=list)


def layout(root: Element) -> Layout | None:
    best: tuple[tuple[int, bool, int, int], list[Element]] | None = None
    for parent in root.iter():
        groups: dict[str, list[Element]] = {}
        for c in parent:
            if local(c) and not names.kind_of(local(c), names.PEOPLE):
                groups.setdefault(local(c), []).append(c)
        for els in groups.values():
            rank = _rank(els)
            if rank is not None and (best is None or rank > best[0]):
                best = (rank, [e for e in els if _title(e)])
    if best is None:
        return None
    items = best[1]
    alive = {id(it) for it in items}  # the items stay referenced, so their proxies' ids are stable
    outside = [e for e in root.iter()
               if local(e) and id(e) not in alive and not any(id(a) in alive for a in e.iterancestors())]
    people = [e for e in outside if names.kind_of(local(e), names.PEOPLE) and _label(e)]
    alive |= {id(p) for p in people}
    meta = [e for e in outside if not any(id(a) in alive for a in e.iterancestors())]
    return Layout(items, local(items[0]), meta, people)


def _meeting_value(lay: Layout, vocab_: tuple[str, ...]) -> str:
    return _meeting_field(lay, vocab_)[0]


def _meeting_field(lay: Layout, vocab_: tuple[str, ...]) -> tuple[str, Element | None]:
    """The first meeting-level value under a name of ``vocab_``, and its element: exact names before compound
    ones ("Committee" before "ShowCommittee"); flags and bare numbers are no values, except a compact date
    "20240416" under a date name and a compact clock "1300" under a time name."""
    for exact in (True, False):
        for el in lay.meta:
            pairs = [(str(n), str(v)) for n, v in el.attrib.items()]
            own = "".join(el.itertext())
            if has_kids(el) or not own.strip():  # <Myndighed Navn="Aabenraa Kommune"/>: its name attribute
                pairs.append((local(el), _title(el)))
            else:  # named by its tag, or by a type attribute: <body type="committee">Økonomiudvalget</body>
                pairs += [(name, own) for name in (local(el), kind_attr(el)) if name]
            for name, value in pairs:
                value = squash(value)
                hit = names.key(name) in vocab_ if exact else names.kind_of(name, vocab_)
                if hit and value and flag(value) is None and (not value.isdigit() or _compact(value, vocab_)):
                    return value, el
    return "", None


def _compact(value: str, vocab_: tuple[str, ...]) -> bool:
    """A bare number that is a value after all: a compact date under a date name, a clock under a time name."""
    if vocab_ is names.DATE:
        return when(value)[0] is not None  # only "yyyymmdd[Thhmm]" gives a bare number a date
    return vocab_ in (names.TIME, names.START) and compact_clock(value)


def _location(lay: Layout) -> str | None:
    """The venue, with the street address the same element states beside it (Lokale="…" Adresse="…"), or all the
    parts of a venue record (<sted><lokale/><bygning/><adresse/></sted>)."""
    venue, el = _meeting_field(lay, names.LOCATION)
    if el is None:
        return None
    up = el.getparent()  # <sted><lokale/><bygning/><adresse/></sted>: the venue is all its parts
    if up is not None and names.key(local(up)) in names.LOCATION and record(up) and not any(map(has_kids, up)):
        return ", ".join(dict.fromkeys(v for c in up if local(c) and (v := squash(content(c))))) or None
    pairs = [(str(n), str(v)) for n, v in el.attrib.items()] + [(local(c), content(c)) for c in el if local(c)]
    address = next((squash(v) for n, v in pairs if names.key(n) in ADDRESS and squash(v)), "")
    return (f"{venue}, {address}" if address and address not in venue else venue) or None


class GenericXmlReader:
    name = "generic-xml"

    def sniff(self, src: Source) -> bool:
        root = src.xml
        if root is None or local(root) == "wordDocument":  # a Word 2003 document: text, read by ingest.wordml
            return False
        from ingest.flatopc import is_office_text_xml

        if is_office_text_xml(src.data):  # a Flat OPC Word package or a .fodt: text, read by ingest.read
            return False
        lay = layout(root)
        return lay is not None and when(_meeting_value(lay, names.DATE))[0] is not None

    def read(self, src: Source) -> MeetingDraft:
        root = src.xml
        lay = layout(root)
        assert lay is not None
        day, clock = when(_meeting_value(lay, names.DATE))
        assert day is not None
        committee = _meeting_value(lay, names.COMMITTEE)
        items = [_item(e, committee, day) for e in lay.items]
        kind = _meeting_value(lay, names.KIND).lower()
        decided = any(it.decisions for it in items)
        minutes = bool(re.search(r"referat|minutes|protokol|protocol", kind)) or (decided and "agenda" not in kind
                                                                                    and "dagsorden" not in kind)
        participants = list(dict.fromkeys(_person(el) for el in lay.people))
        flags = [(_person(el), attendance(_first(el, STATUS)) if (p := flag(_first(el, names.PRESENT))) is None else p)
                 for el in lay.people]  # a present flag, else a status ("Til stede", "Fraværende")
        absentees = [_person(el) for el in lay.people if flag(_first(el, names.ABSENT)) is True
                     or any(names.kind_of(local(a), names.ABSENT) for a in el.iterancestors())]  # <fravaerende><person>
        absentees += absent_by_status([(_person(el), _first(el, STATUS)) for el in lay.people])
        meeting_text = " ".join(squash(v) for el in lay.meta for _, v, c in _fields(el) if not has_kids(c))
        return MeetingDraft(
            committee=committee,
            date=day,
            items=items,
            municipality=_meeting_value(lay, names.TOWN) or None,
            time=clock or _start(lay),
            location=_location(lay),
            participants=participants,
            absentees=list(dict.fromkeys(absentees + absent_by_flag(flags))),
            remarks=person_remarks([(_person(el), _first(el, REMARK)) for el in lay.people]),
            status="minutes" if minutes else "agenda",
            extraordinary=bool(re.search(r"ekstraordin|extraordinary", meeting_text, re.I)),
            published=published(root),
            warnings=[f"read by the generic XML reader (generic-xml): {len(items)} <{lay.tag}> elements as agenda "
                      f"items{'' if committee else '; no committee named'}"],
        )


def _start(lay: Layout) -> str | None:
    """The start time: a time field, else a start field holding a bare clock (<meeting start="16:30">, "1630")."""
    for vocab_ in (names.TIME, names.START):
        value = _meeting_value(lay, vocab_)
        clock = when(value)[1] or (field_clock(value) if CLOCK.search(value) or compact_clock(value) else None)
        if clock:
            return clock
    return field_clock(_meeting_value(lay, names.TIME))


def _item(el: Element, committee: str, day: date) -> ItemDraft:
    draft = ItemDraft(title=_title(el))
    printed = printed_number([(n, v) for n, v, c in _fields(el) if not has_kids(c)])
    num = re.sub(r"^(?:punkt|pkt\.?|item|no\.?)\s*", "", printed, flags=re.I).rstrip(".")
    draft.number = num or None
    draft.case_number = _first(el, names.CASE) or None
    draft.case_worker = squash(_first(el, names.CASE_WORKER)) or None
    closed, public = flag(_first(el, names.CLOSED)), flag(_first(el, names.OPEN))
    draft.closed = (closed is True or public is False or access_closed(_first(el, ACCESS)) is True
                    or bool(re.match(r"lukket\b", draft.title, re.I)))
    used = {draft.title, _first(el, names.NUMBER), printed, draft.case_number, _first(el, names.CASE_WORKER)}
    for name, value, c in _fields(el):
        if not value or (value in used and not has_kids(c)):
            continue
        text = fragment_text(content(c) if c is not None else value)
        if names.kind_of(name, names.ATTACH) and c is not None:
            draft.attachments += [_label(a) for a in c if local(a) and _label(a)] if has_kids(c) else [squash(value)]
        elif names.kind_of(name, names.ABSENT):
            draft.absentees += vocab.split_names(squash(value))
        elif status_of(c):  # <ns2:vedtaget>, <udsat>: the decision, its name the outcome
            found, absent = status_decision(c, committee)
            draft.decisions += [found] if not placeholder(found.text) else []
            draft.absentees += [a for a in absent if a not in draft.absentees]
        elif c is not None and (handled := handlings(c, committee, day)) is not None:  # <Behandlinger>
            draft.decisions += handled
        elif c is not None and has_kids(c) and any(_title(s) or _typed(s) for s in c if local(s)):
            _sections(c, draft, committee)
        elif placeholder(text) or not texty(value):
            continue
        elif c is not None and not has_kids(c) and HTML_HEADING.search(value):  # an HTML body (CDATA): its headings
            read_field(draft, _typed(c) or ("" if names.fold(local(c)) in PLAIN else heading_of(local(c))),
                       value, committee, day, bare_decision=False)
        elif names.kind_of(name, names.DECISION) or decides(_typed(c)):
            draft.decisions.append(decision(text, _typed(c), c, committee))
        elif _typed(c) or names.kind_of(name, names.BODY) or (len(value) > 60 and not names.kind_of(name, _NOT_TEXT)):
            draft.sections.append((_typed(c) or heading_of(name.split("/")[-1]), text))
    return draft


def _sections(container: Element, draft: ItemDraft, committee: str) -> None:
    """A nested list of headed parts (<sections><section><heading/><text/></section>…) as sections/decisions."""
    for part in container:
        if not local(part) or names.kind_of(local(part), names.PEOPLE):
            continue
        heading = _title(part) or _typed(part)
        body = "\n\n".join(fragment_text(content(c) if c is not None else v) for n, v, c in _fields(part)
                           if texty(v) and v != heading and names.kind_of(n, names.BODY + names.DECISION))
        own = content(part) if not has_kids(part) else ""
        if not body and texty(own) and squash(own) != heading:  # <tekst overskrift="Resumé">its own text</tekst>
            body = fragment_text(own)
        if placeholder(body):
            continue
        if decides(heading):
            draft.decisions.append(decision(body, heading, part, committee))
        else:
            draft.sections.append((heading, body))


READER = GenericXmlReader()
