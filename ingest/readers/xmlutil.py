"""Small helpers the XML readers share: namespace-agnostic lookup, flags, dates, placeholders, regions, base64 bodies.

Element names are matched by their local name, so ``edoc:Name`` and ``Name`` are the same field;
every value is stripped text (CDATA included). Nothing here parses free text into structure.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections import Counter
from datetime import date, datetime
from typing import Any

from core import dates, municipalities

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


_NUMERIC_DT = re.compile(r"^\s*(\d{1,2})[-./](\d{1,2})[-./](\d{4})(?:[ T]+(\d{1,2})[:.](\d{2})(?::(\d{2}))?)?")
_ISO_DT = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?")


def when(value: str | None) -> tuple[date | None, str | None]:
    """A date and "HH:MM" from "02-05-2017 10:00", "15-05-2013 16:30:00", ISO or Danish words; the time
    is None when the value states none (or states midnight with seconds, the way exports say 'no time')."""
    value = (value or "").strip()
    if not value:
        return None, None
    m = _NUMERIC_DT.match(value)
    if m:
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = _ISO_DT.match(value)
        if m:
            year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if m:
        try:
            found = date(year, month, day)
        except ValueError:
            return None, None
        hour, minute = m.group(4), m.group(5)
        clock = f"{int(hour):02d}:{minute}" if hour is not None and minute is not None else _clock(value[m.end():])
        return found, (None if clock == "00:00" else clock)
    clock = dates.find_time(value) or _clock(value)
    return dates.first_date(value), (None if clock == "00:00" else clock)


_BARE_CLOCK = re.compile(r"(?<![\d.:])([01]?\d|2[0-3]):([0-5]\d)(?::\d{2})?(?!\d)")


def _clock(rest: str) -> str | None:
    """The time in what follows a field's date: "kl. 16.00", or a bare "16:00" ("27. august 2018 16:00")."""
    found = dates.find_time(rest)
    if found:
        return found
    m = _BARE_CLOCK.search(rest)
    return f"{int(m.group(1)):02d}:{m.group(2)}" if m else None


def timestamp(value: str | None) -> str | None:
    """A publication time stamp as ISO "YYYY-MM-DDTHH:MM:SS" (offset kept when stated), else None."""
    value = (value or "").strip()
    m = _ISO_DT.match(value)
    if m and m.group(4):
        stamp = f"{m.group(1)}-{m.group(2)}-{m.group(3)}T{m.group(4)}:{m.group(5)}:{m.group(6) or '00'}"
        zone = m.group(7) or ""
        return stamp + ("+00:00" if zone == "Z" else zone)
    m = _NUMERIC_DT.match(value)
    if m and m.group(4):
        try:
            stamp_dt = datetime(int(m.group(3)), int(m.group(2)), int(m.group(1)), int(m.group(4)),
                                int(m.group(5)), int(m.group(6) or 0))
        except ValueError:
            return None
        return stamp_dt.isoformat()
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


_REGION_BODY = re.compile(r"\bregionsråd|\bregion\b", re.I)


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
    """An element's content as an HTML/text fragment: CDATA or text as is, nested elements serialised."""
    if el is None:
        return ""
    if not has_kids(el):
        return "".join(el.itertext())
    from lxml import etree

    inner = [el.text or ""] + [etree.tostring(c, encoding="unicode", with_tail=True) for c in el]
    return re.sub(r"\sxmlns(?::\w+)?=\"[^\"]*\"", "", "".join(inner))


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


_COMPACT_DAY = re.compile(r"^\s*((?:19|20)\d\d)(0[1-9]|1[0-2])([0-3]\d)(?:T?([01]\d|2[0-3])([0-5]\d)(?:[0-5]\d)?)?\s*$")
_COMPACT_CLOCK = re.compile(r"^\s*([01]\d|2[0-3])([0-5]\d)\s*$")
CLOCK = re.compile(r"^\s*(?:kl\.?\s*)?([01]?\d|2[0-3])(?:[:.]([0-5]\d))?\s*(?:[-–].*)?$", re.I)


def when_compact(value: str | None) -> tuple[date | None, str | None]:
    """``when``, and also a compact date field "20240416" / "20240416T1300" (yyyymmdd[hhmm])."""
    found = when(value)
    m = _COMPACT_DAY.match(value or "") if found[0] is None else None
    if m is None:
        return found
    try:
        return date(int(m[1]), int(m[2]), int(m[3])), (f"{m[4]}:{m[5]}" if m[4] and m[4] + m[5] != "0000" else None)
    except ValueError:
        return found


def compact_clock(value: str) -> bool:
    """A bare "hhmm" clock ("1300"), as exports write a start time."""
    return bool(_COMPACT_CLOCK.match(value))


def field_clock(value: str) -> str | None:
    """A time field as "HH:MM" ("16.00", "kl. 16", "1600" -> "16:00"); as printed when it names no clock."""
    m = CLOCK.search(value) or _COMPACT_CLOCK.match(value)
    return f"{int(m[1]):02d}:{m[2] or '00'}" if m else (value or None)


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


_CLOSED_WORDS = re.compile(r"^(?:lukket|closed|fortrolig|confidential|private|ikke\s+offentlig|not\s+public)\b", re.I)
_OPEN_WORDS = re.compile(r"^(?:åben|aaben|aben|åbent|aabent|offentlig|public|open)\b", re.I)


def access_closed(value: str) -> bool | None:
    """An access field's value (Adgang="Lukket"/"Aaben") as closed: True, False, or None when it says neither."""
    return True if _CLOSED_WORDS.match(squash(value)) else False if _OPEN_WORDS.match(squash(value)) else None


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
