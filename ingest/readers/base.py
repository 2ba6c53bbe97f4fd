"""What every format reader shares: the raw source, drafts of items and meetings, and the build step.

A reader maps a source's own structure (JSON keys, XML elements, HTML classes) into drafts;
``build_meeting`` turns drafts into the civic model, parsing only the free text inside a field
(a decision's votes and absentees) with the same vocabulary the text parser uses.
"""

from __future__ import annotations

import json
import re
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any, Protocol

from core import municipalities, vocab
from core.errors import IngestError
from core.model import AgendaItem, Meeting
from ingest.items import decision_from_text, render_text, section_from

XML_PARSER_OPTIONS = {"resolve_entities": False, "no_network": True, "huge_tree": False, "recover": False}


class Source:
    """One file's bytes, decoded and parsed lazily (each view computed at most once)."""

    def __init__(self, data: bytes, path: str) -> None:
        self.data = data
        self.path = path

    @cached_property
    def text(self) -> str:
        from ingest.read import decode

        return decode(self.data, self.path)

    @cached_property
    def head(self) -> str:
        """The first characters, BOM and leading white space removed (for sniffing)."""
        try:
            return self.text.lstrip("\ufeff \t\r\n")[:4000]
        except IngestError:
            return ""

    @cached_property
    def json(self) -> Any | None:
        if self.head[:1] not in ("{", "["):
            return None
        try:
            return json.loads(self.text)
        except (json.JSONDecodeError, RecursionError):
            return None

    @cached_property
    def json_lines(self) -> list[Any] | None:
        """Every non-blank line a JSON object (JSON lines), else None."""
        if self.head[:1] != "{" or self.json is not None:
            return None
        rows = []
        for line in self.text.splitlines():
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except (json.JSONDecodeError, RecursionError):
                return None
            if not isinstance(row, dict):
                return None
            rows.append(row)
        return rows or None

    @cached_property
    def xml(self) -> Any | None:
        """The lxml root element, or None when the source is not well-formed XML."""
        if not self.head.startswith("<") or self.head[:200].lower().lstrip().startswith(("<!doctype html", "<html")):
            return None
        from lxml import etree

        parser = etree.XMLParser(**XML_PARSER_OPTIONS)  # type: ignore[arg-type]  # lxml stubs lack kwargs
        try:  # the bytes first: lxml honours the BOM and the declared encoding (Latin-1 exports)
            return etree.fromstring(self.data, parser)
        except (etree.XMLSyntaxError, ValueError):
            pass
        try:  # a declaration that lies about the encoding: parse the decoded text without it
            text = re.sub(r"^\s*<\?xml[^>]*\?>", "", self.text)
            return etree.fromstring(text.encode("utf-8"), parser)
        except (etree.XMLSyntaxError, ValueError):
            return None

    @cached_property
    def html(self) -> Any | None:
        """A BeautifulSoup tree when the source looks like HTML, else None."""
        low = self.head[:1000].lower()
        if not ("<html" in low or "<!doctype html" in low or "<body" in low or "<div" in low or "<table" in low):
            return None
        from bs4 import BeautifulSoup

        return BeautifulSoup(self.text, "lxml")

    @property
    def name(self) -> str:
        return Path(self.path).name


@dataclass
class DecisionDraft:
    text: str
    body: str | None = None  # None: the meeting's committee
    date: date | None = None  # None: the meeting's date when body is None
    outcome: str | None = None  # as the source states it (<vedtaget>: "approved"); None: read from the text


@dataclass
class ItemDraft:
    """An agenda item as a source states it. ``sections`` are (heading as printed, text)."""

    title: str
    number: str | None = None
    case_number: str | None = None
    case_worker: str | None = None
    closed: bool = False
    sections: list[tuple[str, str]] = field(default_factory=list)
    decisions: list[DecisionDraft] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    absentees: list[str] = field(default_factory=list)


@dataclass
class MeetingDraft:
    committee: str
    date: date
    items: list[ItemDraft]
    municipality: str | None = None  # as the source states it, if it does
    time: str | None = None
    location: str | None = None
    participants: list[str] = field(default_factory=list)
    absentees: list[str] = field(default_factory=list)
    remarks: list[str] = field(default_factory=list)  # who came late or left early, as the source prints it
    status: str = "minutes"  # "minutes" | "agenda"
    extraordinary: bool = False
    published: str | None = None  # ISO timestamp of this publication/version, when the source states it
    warnings: list[str] = field(default_factory=list)


class Reader(Protocol):
    """One source format. ``sniff`` looks at content only (never the file name)."""

    name: str

    def sniff(self, src: Source) -> bool: ...

    def read(self, src: Source) -> MeetingDraft: ...


class AnalysedReader:
    """A reader whose sniff and read are one analysis of the source (``analyse`` gives the draft, or None when the
    layout is not there), computed once per source and kept while the source lives."""

    def __init__(self, name: str, analyse: Callable[[Source], MeetingDraft | None], refusal: str) -> None:
        self.name = name
        self._analyse = analyse
        self._refusal = refusal  # the error when read() is asked of a source the analysis does not claim
        self._cache: weakref.WeakKeyDictionary[Source, MeetingDraft | None] = weakref.WeakKeyDictionary()

    def _draft(self, src: Source) -> MeetingDraft | None:
        if src not in self._cache:
            self._cache[src] = self._analyse(src)
        return self._cache[src]

    def sniff(self, src: Source) -> bool:
        return self._draft(src) is not None

    def read(self, src: Source) -> MeetingDraft:
        draft = self._draft(src)
        if draft is None:
            raise IngestError(src.path, self._refusal)
        return draft


def build_item(draft: ItemDraft, order: int, committee: str, meeting_date: date) -> AgendaItem:
    decisions = [decision_from_text(d.text, d.body or committee, d.date if d.body else (d.date or meeting_date))
                 for d in draft.decisions if d.text.strip()]
    for dec, stated in zip(decisions, [d for d in draft.decisions if d.text.strip()], strict=True):
        if stated.outcome in ("approved", "noted", "postponed", "rejected"):
            dec.outcome = stated.outcome  # type: ignore[assignment]
    absentees = list(draft.absentees)
    for dec in decisions:
        absentees += [a for a in dec.absentees if a not in absentees]
    item = AgendaItem(
        number=draft.number,
        order=order,
        title=draft.title.strip() or "(uden titel)",
        title_derived=not draft.title.strip(),
        case_number=draft.case_number or _case_line(draft.sections),
        case_worker=draft.case_worker or None,
        closed=draft.closed,
        sections=[section_from(h, t) for h, t in draft.sections if t.strip()],
        decisions=decisions,
        attachments=draft.attachments,
        absentees=absentees,
    )
    item.text = render_text(item)
    return item


def _case_line(sections: list[tuple[str, str]]) -> str | None:
    """The case number a body's first line states alone, labelled ("Sagsnr.: 28.00.00-P20-6-23"), when the export
    has no field for it (SBSYS publication.xml prints it so)."""
    first = next((t.strip().splitlines()[0].strip() for _, t in sections if t.strip()), "")
    m = vocab.CASE_ALONE.match(first)
    return m.group("case") if m and m.start("case") > 0 else None  # a label before it: no bare figure


def municipality_for(draft: MeetingDraft, src: Source, explicit: str | None, text: str) -> tuple[str, list[str]]:
    """Explicit > a source field > mentions in the text > a municipality named in the file's path."""
    return municipalities.resolve(explicit, draft.municipality, text, src.path)


_PATH_STAMP = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})[ T_](\d{2})[.:](\d{2})[.:](\d{2})(?!\d)")


def published_from_path(path: str) -> str | None:
    """A publication time printed in the folder a portal export sits in (eDoc and SBSYS publish each
    version into a folder named by its time, e.g. ``…/Os2Dagsorden TEST/2017-04-21 12.24.03/…xml``)."""
    parents = list(Path(path).parts[:-1])[-3:]
    for part in reversed(parents):
        m = _PATH_STAMP.search(part)
        if m:
            y, mo, d, h, mi, se = m.groups()
            return f"{y}-{mo}-{d}T{h}:{mi}:{se}"
    return None


def own_remarks(stated: list[str], items: list[AgendaItem], committee: str, day: date) -> list[str]:
    """Who came late or left early: the remarks the meeting's facts print, then those in its own decisions
    ("Peter Ulstrup forlod mødet under behandlingen af punkt 5")."""
    found = list(stated)
    for it in items:
        for dec in it.decisions:
            if dec.body == committee and dec.date in (None, day):
                found += [r for r in vocab.attendance_remarks(dec.text) if r not in found]
    return found


def own_absentees(item: AgendaItem, committee: str, day: date) -> list[str] | None:
    """The names the meeting's own decisions under ``item`` record as absent from the meeting, not from the item
    only ("Jens Ø (V) deltog ikke i behandlingen af punktet"); None when the item has no decision of its own."""
    own = [d for d in item.decisions if d.body == committee and d.date in (None, day)]
    if not own:
        return None
    out: list[str] = []
    for dec in own:
        item_only = vocab.item_only_absentees(dec.text)
        out += [a for a in dec.absentees if a not in out and a not in item_only]
    return out


def part_absent(recorded: list[tuple[str, list[str]]], stated: set[str]) -> dict[str, str]:
    """Members absent from only some of the meeting's items (``recorded``: each item with a decision of its own,
    by number, and its ``own_absentees``), where every item records its absences: "Afbud: Annika Thorsø" under
    items 2-24 and "Fraværende: Tobias Wendt Madsen" under 21-24 only. Tobias left during the meeting: he is listed
    as absent from those items only ("Tobias Wendt Madsen (fraværende under punkt 21, 22, 23, 24)"). Where only
    some items print an absence line (the convention of printing it once), nothing is judged."""
    if len(recorded) < 2 or not all(names for _, names in recorded):
        return {}
    out = {}
    for name in dict.fromkeys(a for _, names in recorded for a in names):
        at = [num for num, names in recorded if name in names]
        if name not in stated and len(at) < len(recorded):
            out[name] = f"{name} (fraværende under punkt {', '.join(at)})"
    return out


def unlabelled(names: list[str]) -> list[str]:
    """The absentees without an absence label a field value printed before a name ("<deltager>Afbud: Jan
    Kjærsgaard (S)</deltager>"), each once; a bare label stays as it was."""
    bare = [(m["names"].strip() if (m := vocab.ABSENT_LABEL.match(n.strip())) and ":" in n else "") or n.strip()
            for n in names]
    return list(dict.fromkeys(n for n in bare if n))


def build_meeting(draft: MeetingDraft, src: Source, explicit_municipality: str | None = None) -> Meeting:
    if not draft.items:
        raise IngestError(src.path, "no agenda items found")
    committee = draft.committee.strip() or municipalities.UNKNOWN_COMMITTEE
    items = [build_item(d, k, committee, draft.date) for k, d in enumerate(draft.items, 1)]
    absentees = unlabelled(draft.absentees)
    stated = set(absentees)
    # absences recorded in this meeting's own decisions (not other bodies' earlier ones)
    recorded = [(it.number or str(it.order), names) for it in items
                if (names := own_absentees(it, committee, draft.date)) is not None]
    absentees = list(dict.fromkeys([*absentees, *(a for _, names in recorded for a in names)]))
    partly = part_absent(recorded, stated)
    # "Jesper Lindgaard Rask" of a flag and "Jesper Lindgaard Rask (O)" of a decision's line are one person
    parties = {vocab.member(a)[0] for a in absentees if vocab.member(a)[1]}
    absentees = [partly.get(a, a) for a in absentees if vocab.member(a)[1] or a not in parties]
    text = "\n".join([committee, draft.location or ""] + [it.text for it in items])
    name, evidence = municipality_for(draft, src, explicit_municipality, text)
    return Meeting(
        municipality=name,
        municipality_evidence=evidence,
        committee=committee,
        date=draft.date,
        time=draft.time,
        location=draft.location,
        participants=draft.participants,
        absentees=absentees,
        remarks=own_remarks(draft.remarks, items, committee, draft.date),
        status="agenda" if draft.status == "agenda" else "minutes",
        extraordinary=draft.extraordinary,
        published=draft.published or published_from_path(src.path),
        source=src.name,
        items=items,
    )
