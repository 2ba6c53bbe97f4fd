"""A "samlet referat": one printed document (a PDF text layer) holding the minutes of SEVERAL meetings, e.g. a
week's committee meetings exported from Word as one file ("Udvalgsmøder i uge 22, 2024").

How such a file looks: an optional cover page (the collection's title, a table of contents grouped per meeting),
then each meeting starting on a NEW page with its own title ("Referat" / "Dagsorden" / "Beslutningsprotokol"),
committee, date labels, members and absence, then its items, whose numbers start again at 1 in each meeting. A
running header is printed first on every page ("Morsø Kommune - Samlet referat, uge 22 2024 Teknik- og
Miljøudvalget": the collection's name, then the current meeting's committee), so in extracted text it stands
before each page's body, also inside a decision that runs over a page break.

``split`` finds the pages that open a meeting (a title at the top, a header naming a committee and a date) and
cuts the text there, the running header lines dropped from every page; each part is then read by the text parser
as a meeting of its own. A document with fewer than two such pages, or two of the same meeting (an agenda and its
minutes, a reprint), is left to the one-meeting reading as before.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from core import vocab
from core.errors import IngestError
from ingest import header
from ingest.read import Document

if TYPE_CHECKING:
    from ingest.readers import ReadResult

# the title a meeting's first page opens with ("Referat", "Dagsorden", "Referat fra mødet i ...")
_TITLE = re.compile(r"^(?:åben\s+|åbent\s+)?(?:referat|dagsorden|beslutningsprotokol|protokol)\b", re.I)
_BARE_TITLE = re.compile(r"^(?:referat|dagsorden|beslutningsprotokol|protokol)$", re.I)
_PAGE_NO = re.compile(r"^(?:Side|Page)\s+\d{1,4}\s*(?:af|ud af|of|/)\s*\d{1,4}$", re.I)
_LEADERS = re.compile(r"\.{5,}|…{2,}")  # a table of contents' dotted leaders
_MIN_PREFIX = 12  # a running header's shared start: at least this many characters
_DATE_LABELS = {"mødedato", "dato", "mødetidspunkt"}
_HEAD_LINES = 40  # a meeting's header: at most this many lines before its first item


@dataclass
class Part:
    """One meeting's pages of the document: its text (pages joined by form feeds) and the head's facts."""

    text: str
    committee: str
    day: date


def running_prefix(pages: list[str]) -> str | None:
    """The start shared by the first line of every page after the first (three pages or more in all): a running
    header whose tail names the current section ("… uge 22 2024 Teknik- og Miljøudvalget"), cut at a word end."""
    firsts = [_lines(p)[0] for p in pages[1:] if _lines(p)]
    if len(pages) < 3 or len(firsts) < 2 or len(firsts) < len(pages) - 1:
        return None
    common = os.path.commonprefix(firsts)
    if len(common) < len(min(firsts, key=len)) and not common[-1:].isspace():
        common = common.rsplit(" ", 1)[0] if " " in common else ""
    common = common.rstrip()
    if len(common) < _MIN_PREFIX or _TITLE.match(common) or vocab.ITEM.match(common):
        return None
    return common


def split(text: str) -> list[Part] | None:
    """The meetings of a document of several (see the module's doc), in page order; None when it holds one."""
    pages = text.split("\f")
    if len(pages) < 2:
        return None
    prefix = running_prefix(pages)
    pages = [_without_running(p, prefix) for p in pages]
    furniture = _tops(pages)
    opens: list[tuple[int, str, date]] = []
    for k, page in enumerate(pages):
        found = _opens_meeting(page, furniture)
        if found is not None:
            opens.append((k, *found))
    if len(opens) < 2 or len({(c.lower(), d) for _, c, d in opens}) != len(opens):
        return None
    ends = [k for k, _, _ in opens[1:]] + [len(pages)]
    return [Part("\f".join(pages[k:end]), committee, day) for (k, committee, day), end in zip(opens, ends, strict=True)]


def _tops(pages: list[str]) -> set[str]:
    """Lines among the first three of at least half the pages (two or more): a running header ("Referat
    13.08.2024" atop every page is no meeting's title). A bare title ("Referat") opens each meeting: not one."""
    count: dict[str, int] = {}
    for page in pages:
        for line in set(_lines(page)[:3]):
            count[line] = count.get(line, 0) + 1
    return {x for x, n in count.items() if n >= max(2, (len(pages) + 1) // 2) and not _BARE_TITLE.match(x)}


def _lines(page: str) -> list[str]:
    return [x.strip() for x in page.splitlines() if x.strip()]


def _without_running(page: str, prefix: str | None) -> str:
    """The page without its running header lines at the top (those starting with ``prefix``); a "Side n af m"
    line stays for the page text's own footer handling."""
    if prefix is None:
        return page
    lines = page.split("\n")
    filled = [k for k, x in enumerate(lines) if x.strip()][:3]
    drop = {k for k in filled if lines[k].strip().startswith(prefix)}
    return "\n".join(x for k, x in enumerate(lines) if k not in drop)


def _opens_meeting(page: str, furniture: set[str]) -> tuple[str, date] | None:
    """(committee, date) of a page that opens a meeting: its first line (page numbers and the lines printed atop
    every page passed over) is a minutes' or agenda's title, and the lines before its first item heading name a
    committee and a labelled date ("Mødedato: …"). A table of contents (dotted leaders) opens none."""
    lines = [x for x in _lines(page) if not _PAGE_NO.match(x)]
    while lines and lines[0] in furniture:
        lines = lines[1:]
    if not lines or not _TITLE.match(lines[0]):
        return None
    head: list[str] = []
    for line in lines[:_HEAD_LINES]:
        if vocab.ITEM.match(line) or vocab.PARAGRAPH_ITEM.match(line):
            break
        if _LEADERS.search(line):
            return None
        head.append(line)
    dated = any((m := header.LABEL.match(x)) and m.group("label").lower() in _DATE_LABELS for x in head)
    facts = header.parse_header(head)
    if not dated or facts.committee is None or facts.date is None:
        return None
    return facts.committee, facts.date


def read_meetings(doc: Document, municipality: str | None = None) -> ReadResult | None:
    """Each meeting of a document of several, read by the text parser on its own pages; None when the document
    holds one meeting, or when a part does not read as a meeting (no items), or two parts share an id. The
    municipality is the whole document's (its cover or running header names it, a part's own pages may not)."""
    from core import municipalities
    from ingest.parse import parse_document
    from ingest.readers import ReadResult, several

    found = split(doc.text)
    if found is None:
        return None
    name, evidence = municipalities.resolve(municipality, doc.hints.get("municipality"), doc.text, doc.path)
    parts: list[ReadResult] = []
    for part in found:
        sub = Document(doc.path, part.text, dict(doc.hints), [])
        try:
            meeting = parse_document(sub, municipality)
        except IngestError:
            return None
        if municipality is None:
            meeting.municipality, meeting.municipality_evidence = name, evidence
        parts.append(ReadResult(meeting, "text", list(doc.warnings)))
    if len({p.meeting.id for p in parts}) != len(parts):
        return None
    return several.combine(parts, "pages")
