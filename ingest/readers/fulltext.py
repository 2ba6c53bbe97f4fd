"""The last resort: a document whose text can be read but whose items cannot be found.

Its text becomes one searchable meeting with one item, so Referat is never worse than a plain text index on a file
such an index could read. Meeting facts come from what the document states: in JSON or XML from fields whose names
say what they hold (XML attributes too) (udvalg/committee, dato/date, sted/location, titel/title, in any case or
spelling such as ``meeting_date``), else from the text's header (``header.parse_header``). The title is the first
heading-like line; the date, failing all that, the first date in the text, and failing that today (with a warning).
Nothing here raises but ``IngestError``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from core import dates
from core.errors import IngestError
from core.model import Meeting
from core.municipalities import UNKNOWN_COMMITTEE
from ingest import header
from ingest.readers.base import ItemDraft, MeetingDraft, Source, build_meeting

MIN_LETTERS = 20
KEYS = {  # normalised field names (lower case, letters only); "contains" kinds also match longer names
    "committee": ("udvalg", "committee", "forsamling", "board"),
    "date": ("dato", "date", "modedato", "moededato", "mødedato", "meetingdate", "starttime", "start", "begin",
             "meetingbegin", "meetingbeginutc", "datetime", "when", "tidspunkt"),
    "location": ("sted", "location", "modested", "moedested", "mødested", "where", "venue", "place", "lokale"),
    "title": ("titel", "title", "overskrift", "headline", "caption", "heading", "subject", "emne"),
    "name": ("navn", "name"),  # a title when nothing is called one (a name can also be a person's)
}
CONTAINS = {"committee", "date", "title"}
_ISO_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ](\d{2}):(\d{2})")
_ID_LIKE = re.compile(r"^[\w-]*\d[\w-]*$|^https?://|^[\w.+-]+@[\w.-]+$")


def _strings(value: Any, out: list[str], depth: int = 0) -> None:
    if depth > 50:
        return
    if isinstance(value, dict):
        for v in value.values():
            _strings(v, out, depth + 1)
    elif isinstance(value, list):
        for v in value:
            _strings(v, out, depth + 1)
    elif isinstance(value, str) and value.strip():
        out.append(value)


def document_text(src: Source) -> str:
    """The readable text of any source: JSON string values, XML text and attribute values, HTML text, PDF/DOCX
    text, or plain."""
    from ingest.readers.markup import fragment_text

    if src.json is not None or src.json_lines is not None:
        parts: list[str] = []
        _strings(src.json if src.json is not None else src.json_lines, parts)
        return "\n".join(fragment_text(p) for p in parts)
    if src.xml is not None:
        return "\n".join(fragment_text(t) for t in xml_strings(src.xml))
    from ingest.read import read_bytes

    try:
        return read_bytes(src.data, src.path).text
    except IngestError:
        if src.head[:1] in ("{", "[", "<") and not src.head.startswith("{\\rtf"):  # damaged JSON or XML: its raw
            # text is still searchable (an RTF's is control words)
            return src.text
        if src.path.lower().endswith((".csv", ".tsv")):  # a table that holds no agenda items: its cells are
            return src.text  # still searchable
        raise


def xml_strings(root: Any) -> list[str]:
    """An XML document's text in document order: each element's attribute values that hold words (a record whose
    every value is an attribute, ``<z:row ows_Title="…"/>``), then its text and its children's."""
    out: list[str] = []
    for el in root.iter():
        if isinstance(el.tag, str):
            out += [v for v in map(str, el.attrib.values()) if _WORDY.search(v) and not _ID_LIKE.match(v.strip())]
        if isinstance(el.tag, str) and el.text and el.text.strip():
            out.append(el.text)
        if el is not root and el.tail and el.tail.strip():
            out.append(el.tail)
    return out


_WORDY = re.compile(r"[^\W\d_]{2}")


def _norm(key: str) -> str:
    return re.sub(r"[^a-zæøå]", "", key.split("}")[-1].lower())


def _pairs_json(value: Any, out: list[tuple[str, str]], key: str = "", depth: int = 0) -> None:
    if depth > 50 or len(out) > 5000:
        return
    if isinstance(value, dict):
        for k, v in value.items():
            _pairs_json(v, out, str(k), depth + 1)
    elif isinstance(value, list):
        for v in value:
            _pairs_json(v, out, key, depth + 1)
    elif isinstance(value, str | int | float) and not isinstance(value, bool) and key:
        out.append((_norm(key), str(value).strip()))


def _pairs_xml(root: Any) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue  # comments, processing instructions
        for name, value in el.attrib.items():
            out.append((_norm(str(name)), str(value).strip()))
        if el.text and el.text.strip() and len(el) == 0:
            out.append((_norm(str(el.get("name") or el.tag)), el.text.strip()))
        if len(out) > 5000:
            break
    return out


@dataclass
class Fields:
    """Meeting facts named by the fields of a structured document: for each kind the first plausible value
    of a field with exactly that name, else of a field whose name contains it ("meeting_date")."""

    exact: dict[str, str] = field(default_factory=dict)
    partial: dict[str, str] = field(default_factory=dict)

    def add(self, key: str, raw: str) -> None:
        from ingest.readers.markup import fragment_text

        value = " ".join((fragment_text(raw) if "<" in raw else raw).split())
        if not value or len(value) > 200:
            return
        for kind, names in KEYS.items():
            if key in names:
                target = self.exact
            elif kind in CONTAINS and any(n in key for n in names):
                target = self.partial
            else:
                continue
            if kind in target or (kind == "date" and dates.first_date(value) is None):
                continue
            if kind != "date" and (len(value) > 120 or _ID_LIKE.match(value)):
                continue
            target[kind] = value

    @property
    def values(self) -> dict[str, str]:
        return {**self.partial, **self.exact}


def structured_fields(src: Source) -> dict[str, str]:
    pairs: list[tuple[str, str]] = []
    if src.json is not None or src.json_lines is not None:
        _pairs_json(src.json if src.json is not None else src.json_lines, pairs)
    elif src.xml is not None:
        pairs = _pairs_xml(src.xml)
    found = Fields()
    for key, value in pairs:
        found.add(key, value)
    return found.values


def heading_like(line: str) -> bool:
    """A title: short, mostly letters, not a sentence, a label, an id, a date or a page number."""
    letters = sum(c.isalpha() for c in line)
    return (3 <= len(line) <= 120 and letters >= 3 and letters >= 0.5 * len(line.replace(" ", ""))
            and not line.endswith((".", ",", ";")) and not re.match(r"^[\wæøåÆØÅ .-]{1,30}:\s*\S", line)
            and not _ID_LIKE.match(line) and dates.first_date(line) is None)


def readable(src: Source) -> bool:
    try:
        text = document_text(src)
    except IngestError:
        return False
    except Exception:  # a reader library failing on odd input: not readable, never a crash
        return False
    return len(re.findall(r"[A-Za-zÆØÅæøå]", text)) >= MIN_LETTERS


def whole_draft(src: Source) -> MeetingDraft:
    """The document as one meeting with one item (its text as one section), with warnings."""
    try:
        text = document_text(src)
    except IngestError:
        raise
    except Exception as exc:  # a reader library failing on odd input is unreadable input, not a crash
        raise IngestError(src.path, f"unreadable ({type(exc).__name__})") from exc
    lines = [" ".join(x.split()) for x in text.splitlines() if x.strip()]
    fields = structured_fields(src)
    head = header.parse_header(lines[:40])
    warnings: list[str] = []
    day = dates.first_date(fields.get("date", "")) or head.date or dates.first_date(text[:100_000])
    if day is None:
        day = date.today()
        warnings.append("no date in the document; dated today")
    iso = _ISO_TIME.search(fields.get("date", ""))
    time = (f"{iso.group(1)}:{iso.group(2)}" if iso and iso.group(1, 2) != ("00", "00") else
            dates.find_time(fields.get("date", "")) or head.time)
    title = fields.get("title") or fields.get("name") or next((x for x in lines[:60] if heading_like(x)), None)
    title = (title or next((x for x in lines if len(x) > 3), src.name))[:120]
    return MeetingDraft(
        committee=fields.get("committee") or head.committee or UNKNOWN_COMMITTEE,
        date=day,
        items=[ItemDraft(title=title, sections=[("", "\n".join(lines))])],
        time=time,
        location=fields.get("location") or head.location,
        participants=head.participants,
        absentees=head.absentees,
        remarks=head.remarks,
        status=head.status,
        warnings=warnings,
    )


def read_whole(src: Source, municipality: str | None = None) -> Meeting:
    return build_meeting(whole_draft(src), src, municipality)
