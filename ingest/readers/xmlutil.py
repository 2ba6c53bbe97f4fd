"""Small helpers the XML readers share: namespace-agnostic lookup, flags, placeholders, regions, base64 bodies; the
date and clock fields (``xmlwhen``) are re-exported here.

Element names are matched by their local name, so ``edoc:Name`` and ``Name`` are the same field;
every value is stripped text (CDATA included). Nothing here parses free text into structure.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections import Counter
from datetime import date
from typing import Any

from core import dates, municipalities
from ingest.readers import fieldnames as names
from ingest.readers.xmlwhen import CLOCK as CLOCK
from ingest.readers.xmlwhen import compact_clock as compact_clock
from ingest.readers.xmlwhen import field_clock as field_clock
from ingest.readers.xmlwhen import timestamp as timestamp
from ingest.readers.xmlwhen import when as when
from ingest.readers.xmlwhen import when_compact as when_compact

Element = Any  # an lxml element (the stubs do not type lxml trees usefully)


def local(el: Element) -> str:
    """The local name of an element ("{ns}Name" -> "Name"); '' for comments and processing instructions."""
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def kids(el: Element | None, name: str | None = None) -> list[Element]:
    """Child elements, optionally only those with local name ``name``."""
    if el is None:
        return []
    return [c for c in el if local(c) and (name is None or local(c) == name)]


def child(el: Element | None, *path: str) -> Element | None:
    """The first element along a path of local names, or None."""
    for name in path:
        if el is None:
            return None
        el = next((c for c in el if local(c) == name), None)
    return el


def has_kids(el: Element | None) -> bool:
    """True when the element has child elements (comments, entities and PIs do not count)."""
    return el is not None and any(local(c) for c in el)


def every(el: Element | None, name: str) -> list[Element]:
    """All descendants with local name ``name``, in document order."""
    if el is None:
        return []
    return [d for d in el.iter() if local(d) == name]


def text(el: Element | None, *path: str) -> str:
    """The whole text of the element at ``path`` (CDATA and nested markup's text), stripped; '' if absent."""
    node = child(el, *path) if path else el
    if node is None:
        return ""
    return "".join(node.itertext()).strip()


def squash(value: str) -> str:
    """White space runs to one space: "Hanne  Lauritsen " -> "Hanne Lauritsen"."""
    return " ".join(value.split())


def flag(value: str | None) -> bool | None:
    """true/false/1/0/ja/nej as a boolean; None when empty or anything else."""
    low = (value or "").strip().lower()
    if low in {"true", "1", "yes", "ja", "y"}:
        return True
    if low in {"false", "0", "no", "nej", "n"}:
        return False
    return None


# A field a system fills in before anything is decided: not a decision, not content.
_PLACEHOLDER = re.compile(
    r"^(?:beslutning(?:en)?\s+(?:er\s+)?ikke\s+(?:frigivet|truffet|offentliggjort)|tomt\s+indhold|ikke\s+udfyldt|"
    r"intet\s+indhold|udfyldes\s+(?:efter|på)\s+mødet|-+|\.+|n/?a)\.?$",
    re.I)


def placeholder(value: str) -> bool:
    """True for an empty field or a system placeholder ("Beslutning ikke frigivet", "Tomt indhold")."""
    return not value.strip() or bool(_PLACEHOLDER.match(squash(value)))


# "18. september 2012:" or "25-09-2012:" opening a paragraph of a decision field
_DATED = re.compile(r"^\s*(?P<date>\d{1,2}\.?\s*[A-Za-zæøå]+\.?\s+\d{4}|\d{1,2}[-./]\d{1,2}[-./]\d{4})\s*:\s*",
                    re.M)


def dated_entries(value: str) -> list[tuple[date | None, str]]:
    """Split a decision field that records several meetings ("18. september 2012: Udsat. ... 25. september
    2012: ...") into (date, text) entries; one (None, text) entry when it states no such dates."""
    marks = [(m, dates.first_date(m.group("date"))) for m in _DATED.finditer(value)]
    marks = [(m, d) for m, d in marks if d]
    if not marks:
        return [(None, value.strip())]
    out: list[tuple[date | None, str]] = []
    head = value[: marks[0][0].start()].strip()
    if head:
        out.append((None, head))
    for k, (m, day) in enumerate(marks):
        end = marks[k + 1][0].start() if k + 1 < len(marks) else len(value)
        out.append((day, value[m.end():end].strip()))
    return out


_REGION_BODY = re.compile(r"\bregions(?:råd|hus|sekretariat|direktion|direktør)|\bregion\b", re.I)


def region_named(hints: list[str], body_text: str) -> str | None:
    """The region a regional body's export comes from.

    A region's minutes name neighbouring municipalities in passing, and a single bare municipality name
    outscores many mentions of the region in ``municipalities.detect``. So when the export's own
    organisation fields (committee group, front page, organisation, decision captions) say the author is
    a region, the region named most often in the text is the author."""
    stated = " ".join(hints)
    for region in municipalities.REGIONS:
        if region.lower() in stated.lower():
            return region
    if not _REGION_BODY.search(stated):
        return None
    counts = Counter({r: body_text.count(r) for r in municipalities.REGIONS if r in body_text})
    return counts.most_common(1)[0][0] if counts else None


def markup(el: Element | None) -> str:
    """An element's content as an HTML/text fragment: CDATA or text as is, nested elements serialised without
    namespace declarations or tag prefixes (<ns5:p>, <xhtml:br/> read as HTML's <p>, <br/>)."""
    if el is None:
        return ""
    if not has_kids(el):
        return "".join(el.itertext())
    from lxml import etree

    inner = [el.text or ""] + [etree.tostring(c, encoding="unicode", with_tail=True) for c in el]
    return re.sub(r"<(/?)[A-Za-z_][\w.-]*:", r"<\1", re.sub(r"\sxmlns(?::\w+)?=\"[^\"]*\"", "", "".join(inner)))


def member_label(name: str, party: str, role: str) -> tuple[str, str]:
    """A member as the minutes print them: "Name (V)" (a party letter, not a long list name), and the participant
    line with the role unless it is plain membership ("Name (V), formand")."""
    label = f"{name} ({party})" if party and len(party) <= 3 else name
    return label, f"{label}, {role.lower()}" if role and role.lower() not in {"medlem", "member"} else label


def absent_by_flag(people: list[tuple[str, bool | None]]) -> list[str]:
    """Names whose attendance flag is False. A flag that is False for everyone states nothing (exports
    write the default before the meeting), so then nobody is counted absent."""
    if not any(flag_ is True for _, flag_ in people):
        return []
    return [name for name, flag_ in people if flag_ is False]


PUBLISHED_FIELDS = ("Published", "PublishedDate", "PublicationDate", "PublishDate", "PublishedAt", "Udgivet",
                    "Offentliggjort", "Publiceret")


def published(root: Element) -> str | None:
    """The publication time stamp an export states (a Published element or a TimeStamp attribute on the root)."""
    stamp = timestamp(root.get("TimeStamp") or root.get("timestamp") or root.get("published"))
    if stamp:
        return stamp
    for el in root.iter():
        if local(el) in PUBLISHED_FIELDS:
            stamp = timestamp(text(el))
            if stamp:
                return stamp
    return None


_BASE64, _HTML_TAG = re.compile(r"[A-Za-z0-9+/]+={0,2}"), re.compile(r"<[a-z][a-z0-9]*\b[^<>]*>", re.I)
MAX_BASE64 = 4 * 1024 * 1024  # characters of an encoded body we are willing to decode


def unbase64(value: str) -> str | None:
    """The text a base64 element holds (an ESDH body: base64 of UTF-8 HTML); None unless valid base64 of 16 to
    MAX_BASE64 characters decoding to UTF-8 without control characters that has HTML tags or is mostly words."""
    packed = "".join(value.split())
    if not 16 <= len(packed) <= MAX_BASE64 or len(packed) % 4 or not _BASE64.fullmatch(packed):
        return None
    try:
        decoded = base64.b64decode(packed, validate=True).decode("utf-8")
    except (binascii.Error, ValueError):
        return None
    if any(ord(ch) < 32 and ch not in "\t\r\n" or 0x7f <= ord(ch) < 0xa0 for ch in decoded):
        return None
    wordy = " " in decoded and sum(ch.isalpha() or ch.isspace() for ch in decoded) >= 0.75 * len(decoded)
    return decoded if _HTML_TAG.search(decoded) or wordy else None


def content(el: Element | None) -> str:
    """``markup``, with a base64 body (no child elements) decoded (``unbase64``)."""
    return (None if has_kids(el) else unbase64(markup(el))) or markup(el)


_ABSENT_WORDS = re.compile(r"^(?:fraværende|fravaerende|fravær|fravaer|afbud|absent|ikke\s+til\s+stede|not\s+present|"
                           r"udeblevet|forfald|meldt\s+afbud)\b", re.I)
_PRESENT_WORDS = re.compile(r"^(?:til\s+stede|tilstede|present|deltog|deltager|mødt|fremmødt|attend(?:ed|ing))\b", re.I)


def attendance(value: str) -> bool | None:
    """A person's status value as presence: "Til stede" -> True, "Fraværende"/"Afbud" -> False, else None."""
    return False if _ABSENT_WORDS.match(squash(value)) else True if _PRESENT_WORDS.match(squash(value)) else None


def absent_by_status(people: list[tuple[str, str]]) -> list[str]:
    """Names whose status value says absent (<member status="afbud">), even when nobody's says present: a word
    is stated, not a default flag. A status every person has states nothing (as in ``absent_by_flag``)."""
    absent = [name for name, status in people if attendance(status) is False]
    return absent if len(absent) < len(people) else []


_CLOSED_WORDS = re.compile(r"^(?:lukket|closed|fortrolig|confidential|private|ikke\s+offentlig|not\s+public)\b", re.I)
_OPEN_WORDS = re.compile(r"^(?:åben|aaben|aben|åbent|aabent|offentlig|public|open)\b", re.I)


def access_closed(value: str) -> bool | None:
    """An access field's value (Adgang="Lukket"/"Aaben") as closed: True, False, or None when it says neither."""
    return True if _CLOSED_WORDS.match(squash(value)) else False if _OPEN_WORDS.match(squash(value)) else None


def printed_number(fields: list[tuple[str, str]]) -> str:
    """The number an item prints, of its (name, value) fields: a number field before a place in a list counted from
    0 or 1 (<item seq="0" number="1">: "1"; ``fieldnames.POSITION``); '' when none has a value."""
    found = [(names.key(n.rsplit("/", 1)[-1]) in names.POSITION, squash(v)) for n, v in fields
             if names.kind_of(n, names.NUMBER) and not placeholder(v)]
    return next((v for _, v in sorted(found, key=lambda f: f[0])), "")


def record(el: Element) -> bool:
    """Child elements with distinct names (a record), not a list of same-named entries."""
    names = [local(c) for c in el if local(c)]
    return len(names) >= 2 and len(set(names)) == len(names)


def texty(value: str) -> bool:
    """A value that can be text: not empty, not a flag, not a bare number."""
    value = value.strip()
    return bool(value) and flag(value) is None and not value.isdigit()


def kind_attr(el: Element) -> str:
    """The field name a type attribute gives an element (<body type="committee">), if any."""
    pairs = [(re.sub(r"[^a-z0-9æøåé]", "", str(n).rsplit("}", 1)[-1].lower()), str(v)) for n, v in el.attrib.items()]
    return next((v for k, v in pairs if k in {"type", "kind", "role"}), "")


def heading_of(name: str) -> str:
    """A field's element name as a section heading: "CaseText" -> "Case text"."""
    words = re.sub(r"(?<=[a-zæøå])(?=[A-ZÆØÅ])", " ", name).replace("_", " ").replace("-", " ")
    return squash(words).capitalize()
