"""A JSON Feed (https://jsonfeed.org/version/1.1, also 1.0) of a committee's newest agenda items: one entry per item.

Layout read: ``{"version": "https://jsonfeed.org/version/1.1", "title", "home_page_url", "description",
"authors": [{"name"}], "items": [...]}``; each entry ``{"id", "url", "title": "3. Titel", "content_html" |
"content_text", "summary", "date_published", "date_modified", "tags": [...], "_<publisher>": {...}}``. The feed
format has no meeting fields, so a publisher puts them in an extension object (a key starting with "_", e.g.
``"_dagsorden": {"udvalg", "moede_start", "moedested", "punktnummer", "sagsnummer", "fravaerende"}``), read by field
name as the JSON readers read any record (``fieldnames.kind``), an object inside it included.

A feed lists the NEWEST items, so it may hold items of several meetings (the last points of the meeting before, two
meetings with an item 6 each). Entries are grouped into meetings by what says which meeting they belong to: a
meeting id/url field of the extension, the committee (extension, else a committee tag, else the feed's title) and
the meeting date (the extension's meeting start, else a dated tag, else an unnumbered entry printing the meeting's
facts as "Mødedato:"/"Mødested:"/"Afbud:" lines, as in ``feed``, else the feed's title or description). Each
meeting is a draft of its own (``read_all``), items in number order; ``read`` gives the first. ``date_published``
and ``date_modified`` are when an entry was published, never the meeting's date: the newest of a meeting's entries
is its publication time, and only a feed stating no meeting date anywhere is dated by it (with a warning).

An entry's title prints its number ("3. Titel", "Punkt 3: Titel"), else the extension's number field does; its
body HTML is split on its headings into sections and the decision as in the RSS/Atom reader (``feed``), the
extension's case number before a "Sagsnr.:" line, a "Lukket" tag, title or flag closing it. The extension's absence
list is the meeting's. A feed whose entries are mostly not numbered items (news) is not claimed.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass, field
from datetime import date
from html import escape
from typing import Any

from core import dates, municipalities, vocab
from core.errors import IngestError
from ingest import header
from ingest.readers import fieldnames as names
from ingest.readers.base import ItemDraft, MeetingDraft, Source
from ingest.readers.feed import BARE_NUMBER, KIND, NUMBERED, PREFIXED
from ingest.readers.feed import Entry as FeedEntry
from ingest.readers.feed import _facts as facts_entry
from ingest.readers.feed import _item as feed_item
from ingest.readers.greve_json import seq, text_of
from ingest.readers.json_facts import flag_of, name_of, when_of
from ingest.readers.xmlutil import access_closed

VERSION = re.compile(r"^https?://jsonfeed\.org/version/\d+(?:\.\d+)?/?$", re.I)
MEETING_ID = re.compile(r"^(?:moede|mode|meeting|session)(?:id|uuid|guid|url|link|nr|nummer|number)$")


@dataclass
class Entry:
    title: str
    number: str | None
    body: str
    tags: list[str]
    facts: dict[str, Any]  # the extension's values by kind (``fieldnames.kind``), "kind" for a document type
    published: str | None
    meeting_id: str = ""
    attachments: list[str] = field(default_factory=list)


@dataclass
class Meeting:
    key: tuple[str, str, date | None]
    entries: list[Entry] = field(default_factory=list)


def feed_of(data: Any) -> dict[str, Any] | None:
    """The feed object: a JSON Feed version URL and a list of entry objects."""
    if not isinstance(data, dict) or not VERSION.match(text_of(data.get("version"))):
        return None
    items = data.get("items")
    if not isinstance(items, list) or not items or not all(isinstance(i, dict) for i in items):
        return None
    return data


def _facts(raw: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """The extension objects' values by kind (an object inside one read too, its values after the outer ones), and
    a meeting id/url field's value."""
    facts: dict[str, Any] = {}
    meeting_id = ""
    objects = [v for k, v in raw.items() if str(k).startswith("_") and isinstance(v, dict)]
    objects += [v for o in list(objects) for v in o.values() if isinstance(v, dict)]
    for obj in objects:
        for key, value in obj.items():
            if value in (None, "", [], {}):
                continue
            if MEETING_ID.match(names.fold(key)) and not meeting_id:
                meeting_id = text_of(value)
            kind = "kind" if names.kind_of(str(key), names.KIND) else names.kind(str(key))
            if kind and kind not in facts:
                facts[kind] = value
    return facts, meeting_id


def _entry(raw: dict[str, Any]) -> Entry:
    title = " ".join(text_of(raw.get("title")).split())
    facts, meeting_id = _facts(raw)
    number, m = None, PREFIXED.match(title) or NUMBERED.match(title)
    if m:
        number, title = m["num"], m["title"].strip()
    elif (stated := BARE_NUMBER.match(text_of(facts.get("number")))) is not None:
        number = stated[1]
    html = raw.get("content_html")
    plain = next((v for k in ("content_text", "summary") if isinstance(v := raw.get(k), str) and v.strip()), "")
    body = html if isinstance(html, str) and html.strip() else _text_html(plain)
    tags = [" ".join(t.split()) for t in seq(raw.get("tags")) if isinstance(t, str) and t.strip()]
    stamps = [s for k in ("date_modified", "date_published") if (s := text_of(raw.get(k)))]
    files = [a for a in seq(raw.get("attachments")) if isinstance(a, dict)]
    attached = [n for a in files if (n := text_of(a.get("title")) or text_of(a.get("url")))]
    return Entry(title, number, body, tags, facts, max(stamps) if stamps else None, meeting_id, attached)


def _text_html(text: str) -> str:
    """A plain-text body as HTML: a line naming a section or a decision ("Sagsfremstilling", "Beslutning") is a
    heading, any other line a paragraph."""
    lines = [" ".join(x.split()) for x in text.splitlines() if x.strip()]
    heads = [bool(vocab.section_name(x.rstrip(":")) or vocab.decision_heading(x)) and len(x) <= 140 for x in lines]
    return "".join(f"<h3>{escape(x)}</h3>" if h else f"<p>{escape(x)}</p>" for x, h in zip(lines, heads, strict=True))


def _heads(feed: dict[str, Any]) -> list[str]:
    return [h for k in ("title", "description") if (h := " ".join(text_of(feed.get(k)).split()))]


def _committee(e: Entry, heads: list[str], stated: header.Header) -> str:
    named = name_of(e.facts.get("committee")) if e.facts.get("committee") else ""
    tagged = next((c for t in e.tags if (c := header.committee_in(t))), None)
    parts = [p for h in heads for p in re.split(r"\s+[-–—|·•:]\s+", h)]
    return named or tagged or next((c for p in parts if (c := header.committee_in(p))), stated.committee or "")


def _day(e: Entry, heads: list[str], stated: header.Header) -> tuple[date | None, str | None]:
    """The meeting's date and clock: the extension's, else a dated tag's, else the facts entry's, else the feed's
    title or description."""
    day, clock = when_of(e.facts["date"]) if e.facts.get("date") else (None, None)
    if day is None and e.facts.get("time"):
        day, clock = when_of(e.facts["time"])
    if clock is None and e.facts.get("time"):
        clock = when_of(e.facts["time"])[1] or dates.find_time(text_of(e.facts["time"]))
    if day is None:
        day = next((d for t in e.tags if (d := dates.first_date(t))), None) or stated.date
        day = day or next((d for t in heads if (d := dates.first_date(t))), None)
    return day, clock or (stated.time if day == stated.date else None)


def _municipality(feed: dict[str, Any], group: list[Entry], heads: list[str]) -> str | None:
    authors = [a.get("name") for a in [*seq(feed.get("authors")), feed.get("author")] if isinstance(a, dict)]
    stated = [name_of(e.facts.get("municipality")) for e in group] + [text_of(a) for a in authors]
    stated += [p for h in heads for p in re.split(r"\s+[-–—|·•:]\s+|,\s*", h)]
    return next((name for s in stated if s and (name := municipalities.canonical_name(s))), None)


def _status(group: list[Entry], items: list[ItemDraft]) -> str:
    said = " ".join([*(text_of(e.facts.get("kind")) for e in group), *(t for e in group for t in e.tags)])
    word = (KIND.findall(said) or [""])[0].lower()
    if word:
        return "agenda" if word == "dagsorden" else "minutes"
    return "minutes" if any(it.decisions for it in items) else "agenda"


def _absent(group: list[Entry]) -> list[str]:
    out: list[str] = []
    for e in group:
        value = e.facts.get("absent")
        people = value if isinstance(value, list) else [value] if value else []
        out += [n for p in people if (n := name_of(p)) and n not in out]
    return out


def _draft(feed: dict[str, Any], meeting: Meeting, day: date, stated: header.Header,
           warnings: list[str]) -> MeetingDraft:
    group, heads = meeting.entries, _heads(feed)
    committee = meeting.key[1]
    items = []
    for e in sorted(group, key=lambda e: vocab.number_key(e.number or "0")):
        item = feed_item(FeedEntry(None, e.title, e.body, e.number, e.tags), committee, day, False)
        item.case_number = text_of(e.facts.get("case")) or item.case_number
        item.attachments += [a for a in e.attachments if a not in item.attachments]
        closed, opened = flag_of(e.facts.get("closed")), flag_of(e.facts.get("open"))
        item.closed = item.closed or closed is True or opened is False or any(access_closed(t) for t in e.tags)
        items.append(item)
    clock = next((c for e in group if (c := _day(e, heads, stated)[1])), None)
    own = stated.date in (None, day)  # the facts entry's attendance and venue are its meeting's
    said = " ".join([*(text_of(e.facts.get("kind")) for e in group), *(t for e in group for t in e.tags)])
    return MeetingDraft(
        committee=committee,
        date=day,
        items=items,
        municipality=_municipality(feed, group, heads),
        time=clock,
        location=next((text_of(v) for e in group if (v := e.facts.get("location"))), None)
        or (stated.location if own else None),
        participants=list(stated.participants) if own else [],
        absentees=_absent(group) or (list(stated.absentees) if own else []),
        status=_status(group, items),
        extraordinary=bool(re.search(r"ekstraordin", said, re.I)),
        published=max((e.published for e in group if e.published), default=None),
        warnings=[*warnings, *([] if committee else ["the feed names no committee"])],
    )


def analyse(src: Source) -> list[MeetingDraft] | None:
    """A draft per meeting the feed's entries belong to, in the order the feed first lists them; None when the
    source is no JSON Feed of numbered agenda items."""
    feed = feed_of(src.json)
    if feed is None:
        return None
    entries = [_entry(raw) for raw in feed["items"]]
    numbered = [e for e in entries if e.number and e.title]
    if not numbered or 2 * len(numbered) < len(entries):
        return None  # news, not agenda items
    heads = _heads(feed)
    stated = facts_entry([FeedEntry(None, e.title, e.body, e.number, e.tags) for e in entries]) or header.Header()
    meetings: dict[tuple[str, str, date | None], Meeting] = {}
    for e in numbered:
        key = (e.meeting_id, _committee(e, heads, stated), _day(e, heads, stated)[0])
        meetings.setdefault(key, Meeting(key)).entries.append(e)
    drafts = []
    for meeting in meetings.values():
        day, warnings = meeting.key[2], [f"read a JSON Feed of {len(entries)} entries; {len(meetings)} meeting(s)"]
        if day is None:
            stamp = max((e.published for e in meeting.entries if e.published), default=None)
            day = when_of(stamp)[0] if stamp else None
            if day is None:
                return None
            warnings.append("no meeting date in the feed; dated by its entries' publication date")
        drafts.append(_draft(feed, meeting, day, stated, warnings))
    return drafts


class JsonFeedReader:
    name = "jsonfeed"

    def __init__(self) -> None:
        self._cache: weakref.WeakKeyDictionary[Source, list[MeetingDraft] | None] = weakref.WeakKeyDictionary()

    def _drafts(self, src: Source) -> list[MeetingDraft] | None:
        if src not in self._cache:
            self._cache[src] = analyse(src)
        return self._cache[src]

    def sniff(self, src: Source) -> bool:
        return bool(self._drafts(src))

    def read_all(self, src: Source) -> list[MeetingDraft]:
        return list(self._drafts(src) or [])

    def read(self, src: Source) -> MeetingDraft:
        drafts = self._drafts(src)
        if not drafts:
            raise IngestError(src.path, "not a JSON Feed of agenda items")
        return drafts[0]


READER = JsonFeedReader()
