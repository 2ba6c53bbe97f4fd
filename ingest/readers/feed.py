"""An Atom or RSS 2.0 feed of one meeting's agenda items: one ``<entry>`` (``<item>``) per item.

Layout read: an Atom ``<feed xmlns="http://www.w3.org/2005/Atom">`` or an ``<rss><channel>``; each entry's
``<title>`` is "Punkt 3: Titel" / "Pkt. 3 Titel" / "3. Titel" (or a dedicated number/position element, or a bare
numeric ``<category>``), its body HTML (escaped or CDATA) is in ``<content>``/``<summary>`` (Atom) or
``<description>``/``<content:encoded>`` (RSS), split on its headings into sections and the decision
(``greve_json.read_field``), "Sagsnr.: …" giving the case number and a "Lukket" category or title closing it.
Entries may come in any order (a feed is often newest first): items are sorted by number. One entry without a
number whose body has "Mødedato:"/"Mødested:"/"Deltagere:"/"Afbud:" lines holds the meeting facts; the committee,
municipality and date also come from the feed's title/subtitle ("Rebild Kommune – Ældre- og Sundhedsudvalget –
Referat 14.08.2024"). ``updated``/``pubDate`` is the publication time, never the meeting date. A feed whose
entries are not mostly numbered items (news) is not claimed, so the generic readers still get it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from email.utils import parsedate_to_datetime

from core import dates, municipalities, vocab
from ingest import header
from ingest.readers import fieldnames as names
from ingest.readers.base import ItemDraft, MeetingDraft, Source
from ingest.readers.greve_json import read_field
from ingest.readers.markup import fragment_text
from ingest.readers.xmlutil import Element, access_closed, child, kids, local, squash, text, timestamp

ATOM = "http://www.w3.org/2005/Atom"
BODY_TAGS = ("content", "encoded", "description", "summary")  # best first; content:encoded is "encoded"
PREFIXED = re.compile(r"^(?:Punkt|Pkt\.?|Dagsordens?punkt|Nr\.?)\s*(?P<num>\d{1,3}(?:\.\d{1,2})*)\.?"
                      r"(?:\s*[:.\-–—]\s*|\s+)(?P<title>\S.*)$", re.I)
NUMBERED = re.compile(r"^(?P<num>\d{1,3}(?:\.\d{1,2})*)(?:\.|\s*[:–—-])\s+(?P<title>[A-ZÆØÅ].*)$")  # "3. Titel"
BARE_NUMBER = re.compile(r"^(?:Punkt|Pkt\.?|Nr\.?)?\s*(\d{1,3}(?:\.\d{1,2})*)\.?$", re.I)
KIND = re.compile(r"referat|beslutningsprotokol|dagsorden", re.I)
# a prose meeting sentence's venue: "… møde tirsdag den 8. april 2025 kl. 17.30 i Mødelokale A, Rådhuset, Vej 30."
VENUE = re.compile(r"(?:\bkl\.?\s*\d{1,2}(?:[.:]\d{2})?(?:\s*[-–]\s*\d{1,2}(?:[.:]\d{2})?)?|\b(?:19|20)\d{2})"
                   r"\s+(?:i|på)\s+(?P<venue>[A-ZÆØÅ0-9](?:[^.]|\.(?!\s+[A-ZÆØÅ]|\s*$))*)")
NEXT_LABEL = re.compile(r"(?<=[.)])\s+(?=(?:Afbud|Fraværende|Fravær|Forfald|Ikke til stede)\s*:)", re.I)


@dataclass
class Entry:
    el: Element
    title: str
    body: str  # the HTML (or plain) text of the entry's body
    number: str | None
    categories: list[str]


def _entries(root: Element) -> tuple[Element, list[Element]] | None:
    """The feed element holding the meeting's title, and its entries; None for anything but Atom or RSS."""
    if local(root) == "feed" and str(root.tag).startswith(f"{{{ATOM}}}"):
        return root, kids(root, "entry")
    if local(root) == "rss":
        channel = child(root, "channel")
        return (channel, kids(channel, "item")) if channel is not None else None
    if local(root) == "RDF":  # RSS 1.0: the items sit beside the channel
        channel = child(root, "channel")
        return (channel, kids(root, "item")) if channel is not None else None
    return None


def _entry(el: Element) -> Entry:
    title = squash(text(el, "title"))
    cats = [squash(str(c.get("term") or c.get("label") or "".join(c.itertext()))) for c in kids(el, "category")]
    body = next((b for tag in BODY_TAGS if (b := text(el, tag))), "")
    number, m = None, PREFIXED.match(title) or NUMBERED.match(title)
    if m:
        number, title = m["num"], m["title"].strip()
    else:  # a dedicated element (<punktnummer>3</punktnummer>, <position>) or a bare numeric category
        own = [text(c) for c in kids(el) if names.kind_of(local(c), names.NUMBER)] + cats
        number = next((n[1] for v in own if (n := BARE_NUMBER.match(v))), None)
    return Entry(el, title, body, number, cats)


def _analyse(src: Source) -> tuple[Element, list[Entry]] | None:
    root = src.xml
    found = _entries(root) if root is not None else None
    if found is None:
        return None
    feed, els = found
    entries = [_entry(e) for e in els]
    numbered = [e for e in entries if e.number and e.title]
    if len(numbered) < 2 or 2 * len(numbered) < len(entries) or len({e.number for e in numbered}) < len(numbered):
        return None  # news, or a feed of several meetings: not one meeting's items
    return feed, entries


def _lines(html: str) -> list[str]:
    return [squash(x) for x in fragment_text(html).splitlines()]


def _facts(entries: list[Entry]) -> header.Header | None:
    """The meeting facts entry: an unnumbered one whose body prints meeting labels ("Mødedato:", "Mødested:")."""
    for e in entries:
        if e.number is None:
            lines = _lines(e.body)
            if sum(bool(header.LABEL.match(x)) for x in lines) >= 2:
                return header.parse_header([e.title, *lines])
    return None


def _published(feed: Element) -> str | None:
    value = text(feed, "updated") or text(feed, "lastBuildDate") or text(feed, "pubDate")
    if stamp := timestamp(value):
        return stamp
    try:  # RSS: RFC 822 "Fri, 16 Aug 2024 10:02:17 +0200"
        return parsedate_to_datetime(value).isoformat() if value else None
    except (TypeError, ValueError):
        return None


def _municipality(heads: list[str], feed: Element) -> str | None:
    author = text(feed, "author", "name") or text(feed, "managingEditor") or text(feed, "copyright")
    parts = [p for h in [*heads, author] for p in re.split(r"\s+[-–—|·•]\s+|,\s*", h)]
    return next((name for p in parts if (name := municipalities.canonical_name(p.strip()))), None)


def _prose_venue(heads: list[str]) -> str | None:
    """The venue a feed's prose description names after the meeting's date or clock ("… kl. 17.30 i Mødelokale A,
    Vallensbæk Rådhus, Vallensbækvej 30, 2625 Vallensbæk.")."""
    return next((squash(m["venue"]).rstrip(".") for h in heads if (m := VENUE.search(h))), None)


def _prose_absent(heads: list[str]) -> list[str]:
    """The names of "Afbud: …"/"Fraværende: …" sentences in a feed's prose description."""
    out: list[str] = []
    for part in (p for h in heads for p in NEXT_LABEL.split(h)):
        m = vocab.ABSENT_LABEL.match(part.strip())
        if m and ":" in part.strip()[:m.start("names")]:  # a label, not a sentence that opens with the word
            out += [n for n in vocab.split_names(m["names"].strip().rstrip(".")) if n and n not in out]
    return out


def _attendance(draft: ItemDraft, moved: bool) -> None:
    """A decision's "Afbud: X (C). Fraværende: Y (F)." line: one line per label, so each list of names reads. When
    the facts entry states the meeting's attendance (``moved``), such lines are the item's own: they leave the
    decision (whose absentees would count for the meeting) for the item's absentees and a closing section."""
    notes: list[str] = []
    for dec in draft.decisions:
        keep = []
        for line in dec.text.splitlines():
            parts = NEXT_LABEL.split(line.strip())
            labels = [m for p in parts if (m := vocab.ABSENT_LABEL.match(p)) and m["names"].strip()]
            if not line.strip() or len(labels) < len(parts):
                keep.append(line)
            elif moved:
                notes += parts
                names_ = [n for m in labels for n in vocab.split_names(m["names"])]
                draft.absentees += [n for n in dict.fromkeys(names_) if n not in draft.absentees]
            else:
                keep += parts
        dec.text = "\n".join(keep).strip()
    draft.decisions = [d for d in draft.decisions if d.text]
    if notes:
        draft.sections.append(("Fravær", "\n".join(notes)))


def _item(e: Entry, committee: str, day: date, moved: bool) -> ItemDraft:
    draft = ItemDraft(title=e.title, number=e.number)
    body = e.body
    if "<" not in body:
        body = "".join(f"<p>{x}</p>" for x in body.splitlines() if x.strip())
    read_field(draft, "", body, committee, day, bare_decision=False)
    if draft.sections and not draft.sections[0][0]:  # the text before any heading: "Sagsnr.: 24/7733" lines
        keep = []
        for line in draft.sections[0][1].splitlines():
            case = vocab.case_number(line.strip()) if not draft.case_number and len(line) < 60 else None
            if case:
                draft.case_number = case
            else:
                keep.append(line)
        draft.sections[0] = ("", "\n".join(keep).strip())
        draft.sections = [s for s in draft.sections if s[0] or s[1]]
    _attendance(draft, moved)
    draft.closed = (any(access_closed(c) for c in e.categories)
                    or bool(re.match(r"lukket\b", e.title, re.I)))
    return draft


class FeedReader:
    name = "feed"

    def sniff(self, src: Source) -> bool:
        found = _analyse(src)
        return found is not None and self._date(found[0], found[1]) is not None

    @staticmethod
    def _heads(feed: Element) -> list[str]:
        return [h for h in (squash(text(feed, t)) for t in ("title", "subtitle", "description")) if h]

    def _date(self, feed: Element, entries: list[Entry]) -> date | None:
        facts = _facts(entries)
        if facts is not None and facts.date:
            return facts.date
        return next((d for h in self._heads(feed) if (d := dates.first_date(h))), None)

    def read(self, src: Source) -> MeetingDraft:
        found = _analyse(src)
        assert found is not None
        feed, entries = found
        day = self._date(feed, entries)
        assert day is not None
        facts = _facts(entries) or header.Header()
        heads = self._heads(feed)
        committee = facts.committee or next((c for h in heads if (c := header.committee_in(h))), "") or ""
        numbered = sorted((e for e in entries if e.number and e.title), key=lambda e: vocab.number_key(e.number or "0"))
        moved = bool(facts.absentees or facts.participants)
        items = [_item(e, committee, day, moved) for e in numbered]
        kind = " ".join([*heads, *(e.title for e in entries if e.number is None),
                         *(c for e in entries if e.number is None for c in e.categories)])
        word = (KIND.findall(kind) or [""])[0].lower()
        decided = any(it.decisions for it in items)
        minutes = word in ("referat", "beslutningsprotokol") or (decided and word != "dagsorden")
        time = facts.time or next((t for h in heads if (t := dates.find_time(h))), None)
        participants = list(dict.fromkeys([*facts.participants, *facts.absentees]))
        return MeetingDraft(
            committee=committee,
            date=day,
            items=items,
            municipality=_municipality(heads, feed),
            time=time,
            location=facts.location or _prose_venue(heads),
            participants=participants,
            absentees=list(dict.fromkeys(facts.absentees)) or _prose_absent(heads),
            remarks=facts.remarks,
            status="minutes" if minutes else "agenda",
            extraordinary=bool(re.search(r"ekstraordin", kind, re.I)),
            published=_published(feed),
            warnings=[] if committee else ["the feed names no committee"],
        )


READER = FeedReader()
