"""Acadre MM exports in the ``table``/``row``/``field`` shape: each ``<table name="…">`` holds ``<row>`` elements
whose ``<field name="…">`` children carry the values as text or CDATA (comments and processing instructions such
as ``<?page-break?>`` between them are not content).

An ``agendaItem`` table's rows are the items, one each: number, title, casenumber, access ("Åben"/"Lukket" or
1 = public), ``bullet`` (HTML whose headings give the sections) and ``decisionheading`` ("Beslutning i
Kommunalbestyrelsen den 10-12-2024": whose decision, and when) with ``decision`` (HTML). A ``meeting`` row's
``members``/``absence`` (HTML lists, "Afbud: …"/"Fraværende: …" lines) give the people; a ``format`` attribute
("dd-MM-yyyy") says how a date field is written.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from core import vocab
from ingest.readers.base import DecisionDraft, ItemDraft
from ingest.readers.markup import fragment_sections, fragment_text
from ingest.readers.xmlutil import Element, access_closed, kids, local, placeholder, squash, when

# .NET date format tokens (longest first) as strptime directives
_TOKENS = [("yyyy", "%Y"), ("MM", "%m"), ("dd", "%d"), ("HH", "%H"), ("mm", "%M"), ("ss", "%S"), ("yy", "%y")]


def rows(table: Element) -> list[Element]:
    """The records of a table: its ``<fields>`` holders, else its ``<row>`` children, else the table itself."""
    return kids(table, "fields") or kids(table, "row") or [table]


def row_fields(row: Element) -> dict[str, str]:
    """A row's own ``<field name="…">`` values (CDATA and text), names lower-cased; empty fields left out."""
    out: dict[str, str] = {}
    for field in kids(row, "field"):
        value = "".join(field.itertext()).strip()
        if value and field.get("name"):
            out.setdefault(field.get("name").lower(), value)
    return out


def field_format(row: Element | None, name: str) -> str | None:
    """The ``format`` attribute of a row's field ("dd-MM-yyyy"), if it states one."""
    for field in kids(row, "field") if row is not None else []:
        if (field.get("name") or "").lower() == name and field.get("format"):
            return str(field.get("format"))
    return None


def dated(value: str | None, fmt: str | None = None) -> tuple[date | None, str | None]:
    """A date field read by its stated format when it has one ("MM/dd/yyyy"), else as ``when`` reads it."""
    if value and fmt:
        directive = fmt
        for token, code in _TOKENS:
            directive = directive.replace(token, code)
        for cut in (len(value), len(value.split()[0]) if value.split() else 0):
            try:
                stamp = datetime.strptime(value.strip()[:cut].strip(), directive)
            except ValueError:
                continue
            clock = stamp.strftime("%H:%M") if "%H" in directive and stamp.strftime("%H:%M") != "00:00" else None
            return stamp.date(), clock or when(value)[1]
    return when(value)


def people(value: str | None) -> list[str]:
    """Names in an HTML list or lines ("Marianne Holm (V), borgmester<br/>Lars Tranberg (V)")."""
    out: list[str] = []
    for line in fragment_text(value or "").splitlines():
        out += [n for n in vocab.split_names(squash(line)) if n not in out]
    return out


def absent(value: str | None) -> list[str]:
    """The names of "Afbud: …"/"Fraværende: …" lines, or a bare list of names."""
    out: list[str] = []
    for line in fragment_text(value or "").splitlines():
        m = vocab.ABSENT_LABEL.match(squash(line))
        out += [n for n in vocab.split_names(m["names"] if m else squash(line)) if n and n not in out]
    return out


def closed(access: str | None, title: str) -> bool:
    """An access field "Lukket"/"Åben" (or 1 = public, anything else closed), or a title "Lukket punkt: …"."""
    said = access_closed(access or "")
    if said is None and (access or "").strip():
        said = (access or "").strip() != "1"
    return bool(said) or bool(re.match(r"lukket\b", title, re.I))


def row_item(row: Element) -> ItemDraft:
    """An ``agendaItem`` row as an item: its fields, the bullet's headed sections and the decision."""
    own = row_fields(row)
    title = squash(own.get("title") or own.get("name") or "")
    draft = ItemDraft(
        title=title,
        number=(own.get("number") or own.get("sort") or "").strip().rstrip(".") or None,
        case_number=squash(own.get("casenumber") or own.get("caseno") or "") or None,
        closed=closed(own.get("access"), title),
    )
    for key, value in own.items():  # every HTML body field (bullet, bulletcontent, …) split on its headings
        if key in ("bullet", "bulletcontent", "content", "text", "body"):
            for heading, body in fragment_sections(value):
                head = vocab.decision_heading(heading) if heading else None
                if head is not None:
                    if not placeholder(body):
                        draft.decisions.append(DecisionDraft(body, head.body, head.date))
                elif body.strip():
                    draft.sections.append((heading, body))
    body = fragment_text(own.get("decision", ""))
    if not placeholder(body):
        head = vocab.decision_heading(squash(own.get("decisionheading", "")))
        draft.decisions.append(DecisionDraft(body, head.body if head else None, head.date if head else None))
    draft.attachments = [squash(v) for k, v in own.items() if k in ("enclosure", "attachment") and v.strip()]
    return draft


def item_rows(tables: list[Element]) -> list[Element]:
    """The ``<row>`` records of agenda item tables that hold their fields directly (no nested tables)."""
    return [r for t in tables for r in kids(t, "row") if kids(r, "field") and not kids(r, "table")
            and any(local(f) for f in r)]


def heading_dates(rows_: list[Element]) -> list[date]:
    """The dates the items' decision headings state ("Beslutning i Kommunalbestyrelsen den 10-12-2024")."""
    out = []
    for row in rows_:
        head = vocab.decision_heading(squash(row_fields(row).get("decisionheading", "")))
        if head is not None and head.date is not None:
            out.append(head.date)
    return out
