"""A meeting invitation saved as iCalendar (RFC 5545, ``.ics``) whose event carries the agenda.

Outlook and the portals' "add to calendar" links send a ``VEVENT`` with the meeting's facts as properties and the
agenda as its ``DESCRIPTION`` text. Sniffed by content: ``BEGIN:VCALENDAR`` with a ``VEVENT``. Read by its
structure:

- content lines are unfolded first (a CRLF/LF followed by a space or tab continues the line; Outlook folds at 75
  octets, also inside a UTF-8 character, so the bytes are unfolded before decoding), then split into name,
  parameters (quoted values may hold ``;`` and ``:``) and value; TEXT values are unescaped (``\\n``, ``\\,``, ``\\;``,
  ``\\\\``);
- ``DTSTART`` gives the date and start time: a ``TZID`` time (an Olson or a Windows zone name such as "Romance
  Standard Time") is the local time as written; a UTC time (``…Z``) is turned into Danish local time;
- ``LOCATION`` is the venue; ``ATTENDEE`` lines name the members (``CN``) and their answers: ``PARTSTAT=DECLINED``
  is an absence, a tentative or missing answer is not; optional and non-participants (officials) are no members;
- the items are the ``DESCRIPTION`` text read by the text parser (``Punkt N: …`` headings), or failing that the
  ``X-ALT-DESC`` HTML; the committee is the description's or ``SUMMARY``'s. An invitation is an agenda unless its
  text holds decisions.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from core.municipalities import UNKNOWN_COMMITTEE
from ingest import header
from ingest.html import html_to_text
from ingest.read import Document
from ingest.readers.base import AnalysedReader, MeetingDraft, Source
from ingest.readers.textparts import item_draft, parse_text

_FOLD = re.compile(rb"\r?\n[ \t]")
_NAME = re.compile(r"^[A-Za-z0-9-]+$")
_WHEN = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z)?)?$")
_ESCAPE = re.compile(r"\\([nN,;\\])")
_AGENDA = re.compile(r"\bdagsorden\b", re.I)
_MINUTES = re.compile(r"\b(?:referat|beslutningsprotokol)\b", re.I)


class Prop:
    """One content line: name, parameters (upper-case keys, unquoted values) and raw value."""

    def __init__(self, name: str, params: dict[str, str], value: str) -> None:
        self.name, self.params, self.value = name, params, value

    @property
    def text(self) -> str:
        """The value as TEXT (RFC 5545 3.3.11), escapes undone."""
        return _ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), self.value)


def _content_line(line: str) -> tuple[str, dict[str, str], str] | None:
    """Name (upper case), parameters (upper-case keys, quotes removed) and value of one unfolded line; a ``:`` or
    ``;`` inside a quoted parameter value (``CN="Udvalg; Kultur"``) belongs to the value."""
    parts: list[str] = []
    quoted, start = False, 0
    for k, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in ";:":
            parts.append(line[start:k])
            start = k + 1
            if ch == ":":
                break
    else:
        return None
    if not _NAME.match(parts[0]):
        return None
    params: dict[str, str] = {}
    for part in parts[1:]:
        key, _, val = part.partition("=")
        params[key.strip().upper()] = val.strip().strip('"')
    return parts[0].upper(), params, line[start:]


def _event(data: bytes) -> list[Prop] | None:
    """The properties of the first VEVENT (not those of its alarms), or None when there is none."""
    raw = _FOLD.sub(b"", data.lstrip(b"\xef\xbb\xbf \t\r\n"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    stack: list[str] = []
    props: list[Prop] = []
    seen = False
    for line in text.splitlines():
        parsed = _content_line(line)
        if parsed is None:
            continue
        name, params, value = parsed
        if name == "BEGIN":
            stack.append(value.strip().upper())
            seen = seen or stack == ["VCALENDAR", "VEVENT"]
        elif name == "END":
            if stack and stack[-1] == "VEVENT" and props:
                return props
            if stack:
                stack.pop()
        elif stack[-1:] == ["VEVENT"]:
            props.append(Prop(name, params, value))
    return props if seen and props else None


def _first(props: list[Prop], name: str) -> Prop | None:
    return next((p for p in props if p.name == name), None)


def _when(prop: Prop | None) -> tuple[date | None, str | None]:
    """The date and local start time ("15:00") of a DTSTART."""
    m = _WHEN.match(prop.value.strip()) if prop else None
    if not m:
        return None, None
    y, mo, d, h, mi, _s, utc = m.groups()
    try:
        day = date(int(y), int(mo), int(d))
        if h is None:
            return day, None
        moment = datetime(int(y), int(mo), int(d), int(h), int(mi))
    except ValueError:
        return None, None
    if utc:
        moment = _danish(moment.replace(tzinfo=UTC))
    return moment.date(), f"{moment.hour:02d}:{moment.minute:02d}"


def _danish(moment: datetime) -> datetime:
    """A UTC time as Danish local time (Europe/Copenhagen; CET/CEST by the EU rule when no zone data is there)."""
    try:
        from zoneinfo import ZoneInfo

        return moment.astimezone(ZoneInfo("Europe/Copenhagen")).replace(tzinfo=None)
    except Exception:  # no tz database: summer time from the last Sunday of March to that of October, 01:00 UTC
        y = moment.year

        def last_sunday(month: int) -> datetime:
            d = datetime(y, month, 31, 1, tzinfo=UTC)
            return d - timedelta(days=(d.weekday() + 1) % 7)

        summer = last_sunday(3) <= moment < last_sunday(10)
        return (moment + timedelta(hours=2 if summer else 1)).replace(tzinfo=None)


def _people(props: list[Prop]) -> tuple[list[str], list[str]]:
    """Members invited (required participants and chairs) and those who declined."""
    members: list[str] = []
    declined: list[str] = []
    for p in props:
        if p.name != "ATTENDEE":
            continue
        name = p.params.get("CN", "").strip() or re.sub(r"^mailto:", "", p.value, flags=re.I).strip()
        role = p.params.get("ROLE", "REQ-PARTICIPANT").upper()
        if not name or role in {"OPT-PARTICIPANT", "NON-PARTICIPANT"}:
            continue
        members.append(name)
        if p.params.get("PARTSTAT", "").upper() == "DECLINED":
            declined.append(name)
    return members, declined


def _analyse(src: Source) -> MeetingDraft | None:
    if not src.data.lstrip(b"\xef\xbb\xbf \t\r\n")[:15].upper().startswith(b"BEGIN:VCALENDAR"):
        return None
    props = _event(src.data)
    if props is None:
        return None
    day, time = _when(_first(props, "DTSTART"))
    summary = (_first(props, "SUMMARY") or Prop("", {}, "")).text.strip()
    committee = header.committee_in(summary)
    texts = [p.text for p in props if p.name == "DESCRIPTION"]
    texts += [html_to_text(p.text) for p in props if p.name == "X-ALT-DESC" and "html" in p.params.get("FMTTYPE", "")]
    for text in texts:
        meeting = parse_text(Document(src.path, text), committee, day)
        if meeting is not None and meeting.items:
            break
    else:
        return None
    members, declined = _people(props)
    location = (_first(props, "LOCATION") or Prop("", {}, "")).text.strip() or meeting.location
    decided = any(it.decisions for it in meeting.items)
    kind = f"{summary}\n{text[:300]}"
    minutes = decided and not _AGENDA.search(kind) or bool(_MINUTES.search(kind))
    return MeetingDraft(
        committee=committee or (meeting.committee if meeting.committee != UNKNOWN_COMMITTEE else ""),
        date=day or meeting.date,
        items=[item_draft(it) for it in meeting.items],
        time=time or meeting.time,
        location=location,
        participants=members or list(meeting.participants),
        absentees=list(dict.fromkeys([*declined, *meeting.absentees])),
        status="minutes" if minutes else "agenda",
        warnings=["read the agenda an iCalendar invitation carries (DESCRIPTION)"],
    )


READER = AnalysedReader("icalendar", _analyse, "not an iCalendar meeting invitation with an agenda")
