"""The meeting facts of a JSON document ``generic_json`` reads: from the objects enclosing the item list, each
followed by the objects beside it ({"meeting": {...}, "agendaItems": [...]}), then from records that repeat them; a
date-time gives date and time. Also the value readers both use: a field's value, a name, a flag.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from core import dates, vocab
from core.errors import IngestError
from ingest.readers import fieldnames as names
from ingest.readers import stamps, zones
from ingest.readers.base import ItemDraft
from ingest.readers.greve_json import text_of, when
from ingest.readers.xmlutil import absent_by_flag, flag
from ingest.readers.xmlutil import when as xml_when

CLOCK = re.compile(r"\b([01]?\d|2[0-3])[:.]([0-5]\d)\b")
HOUR = re.compile(r"\bkl\.?\s*([01]?\d|2[0-3])(?:[:.]([0-5]\d))?\b", re.I)  # "kl. 17", "kl 17.30"
# a person with the attendance printed after a dash: "Bjarne Munk (V) - Afbud, Sygdom", "Lone Kirk (A) - Deltager"
STATUS = re.compile(r"^(?P<name>.+?)\s+[-–—]\s+(?P<status>[^-–—]{2,60})$")
PRESENT_WORD = re.compile(r"^(?:deltager|deltog|til stede|mødt|fremmødt|medlem|present|attended|attending|"
                          r"participant|member|(?:næst)?formand|chair)\b", re.I)
Facts = dict[str, list[Any]]  # meeting-level values by kind, best first


def value_of(obj: Any, name: str) -> Any:
    """The first non-empty value of kind ``name`` in an object, else None."""
    return names.fields(obj).get(name, ("", None))[1] if isinstance(obj, dict) else None


POSITION_WORDS = ("index", "sorting", "position", "sequence", "order")  # where a record stands, not what it prints


def printed_number(record: Any) -> tuple[str, Any] | None:
    """(key, value) of the item number a record prints: its first number field ("item_number", "Punktnummer",
    "nr") that names no position ("agenda_index", "Sorting"); None when it has none. A public export that leaves a
    closed item out numbers its lines 0..n contiguously while the printed numbers skip it."""
    if not isinstance(record, dict):
        return None
    return next(((str(k), v) for k, v in record.items() if names.kind(str(k)) == "number"
                 and not any(w in names.fold(k) for w in POSITION_WORDS) and text_of(v)), None)


def flag_of(value: Any) -> bool | None:
    return value if isinstance(value, bool) else flag(text_of(value))


def name_of(value: Any) -> str:
    """A name given as a string or as an object with a name/title field."""
    return text_of(value_of(value, "title") or value_of(value, "committee") if isinstance(value, dict) else value)


def meeting_facts(parents: list[dict[str, Any]], records: list[dict[str, Any]]) -> Facts:
    """The values of the objects around the item list (``_around``), then those the records repeat. Around
    the items, a short name under "body"/"organ" is the committee ({"meeting": {"body": "Teknisk Udvalg"}}); an
    IANA time zone under a time-zone key ("timeZone": "America/Nuuk") is the zone of its time stamps."""
    facts: Facts = {}
    around = _around(parents)
    for k, obj in enumerate([*around, *records, *_repeated_meeting(records)]):
        for key, value in obj.items():
            name = "zone" if zones.is_zone_key(key) and zones.zone(value) is not None else names.kind(key)
            if name == "text" and k < len(around) and names.fold(key) in names.NAME_KEYS and _name_like(value):
                name = "committee"
            if name and value not in (None, "", [], {}):
                facts.setdefault(name, []).append(value)
            elif name is None and k < len(around) and _stamp_named_for_meeting(key, value):
                facts.setdefault("stamped", []).append((key, value))  # "session_date": "2025-09-15"
    return facts


# the names of a record's own time stamps (when it was fetched, made, changed, published) or of a meeting's end:
# never when the meeting was held
_RECORD_STAMP = re.compile(r"fetch|scrap|crawl|retriev|download|harvest|creat|modif|updat|chang|edit|publi|releas|"
                           r"generat|export|import|index|sync|sent|receiv|expir|deadline|due|end|until|finish|stop|"
                           r"opret|aendr|rettet|hentet|udgiv|frist|slut", re.I)
_ISO_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")


def _stamp_named_for_meeting(key: str, value: Any) -> bool:
    """A field beside the items that no name claims, holding only an ISO date or date-time, under a name that is no
    record's own stamp ("session_date", "convened_at"; not "fetched_at", "updated", "ended_at")."""
    return isinstance(value, str) and bool(_ISO_STAMP.fullmatch(value.strip())) and not _RECORD_STAMP.search(key)


def _repeated_meeting(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The meeting object each record carries when a file has no document around its records (a JSON-lines export
    whose every line repeats {"moede": {"kommune": ..., "udvalg": ..., "dato": ...}}): the first record's."""
    first = records[0] if records else {}
    return [v for k, v in first.items() if isinstance(v, dict) and names.kind(k) is None
            and names.fold(k) in names.MEETING_KEYS]


def _around(parents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The objects enclosing the item list, nearest first, each followed by the objects in it beside the
    list that no field name claims ({"meeting": {...}}, {"moede": {...}}), meeting-like keys first."""
    out: list[dict[str, Any]] = []
    for depth in range(len(parents) - 1, -1, -1):
        obj, inner = parents[depth], parents[depth + 1] if depth + 1 < len(parents) else None
        beside = [(k, v) for k, v in obj.items() if isinstance(v, dict) and v is not inner and names.kind(k) is None]
        beside.sort(key=lambda kv: names.fold(kv[0]) not in names.MEETING_KEYS)
        out += [obj, *(v for _, v in beside)]
    return out


def first_name(facts: Facts, name: str) -> str:
    """The first value of kind ``name`` that names something; a place given as parts ({"room": ..., "address":
    ...}) is its parts joined."""
    return next((n for v in facts.get(name, []) if (n := _with_address(name_of(v), v, name) or _named(v, name) or (
        _joined(v) if name == "location" and isinstance(v, dict) else ""))), "")


_ADDRESS_KEYS = {"address", "adresse", "streetaddress", "moedeadresse", "postaladdress"}


def _with_address(named: str, value: Any, name: str) -> str:
    """A venue object's name with the street address it states beside it ({"name": "Mødelokale 1", "address":
    "Solrød Rådhus, …"} -> "Mødelokale 1, Solrød Rådhus, …")."""
    if name != "location" or not named or not isinstance(value, dict):
        return named
    address = next((" ".join(v.split()) for k, v in value.items()
                    if names.fold(k) in _ADDRESS_KEYS and isinstance(v, str) and v.strip()), "")
    return f"{named}, {address}" if address and address not in named else named


def _named(value: Any, name: str) -> str:
    """An object naming the thing in a field called after it: {"UdvalgNavn": "Økonomiudvalget"} is a
    committee, {"KommuneNavn": "Hedensted Kommune"} a municipality (the field's name without "navn"/"name"
    is a word of kind ``name``)."""
    if not isinstance(value, dict):
        return ""
    for key, v in value.items():
        folded = names.fold(key)
        stem = re.sub(r"s?(?:navn|name)$", "", folded)
        if stem and stem != folded and names.kind(stem) == name and text_of(v):
            return text_of(v)
    return ""


def _joined(value: dict[str, Any]) -> str:
    return ", ".join(" ".join(v.split()) for v in value.values() if isinstance(v, str) and v.strip())


_ATTENDANCE_KEYS = {"attendance", "status", "fremmoede", "tilstedevaerelse", "deltagelse", "reason", "aarsag",
                    "bemaerkning", "remark", "note", "attendancestatus", "attendancestatusname", "attendancetype"}
# "cancelled": the person cancelled taking part (afbud), as the Greve flag ParticipationCancelled says
_ABSENT_EN = re.compile(r"^(?:absent|excused|apologies|sent apologies|not present|did not attend|cancell?ed|"
                        r"declined)$", re.I)


def _absent_by_field(person: Any) -> bool:
    """{"attendance": "absent"}, {"reason": "Afbud"}: a field of the person's attendance says absent."""
    return isinstance(person, dict) and any(
        names.fold(k) in _ATTENDANCE_KEYS and isinstance(v, str)
        and (vocab.ABSENT_WORD.search(v) is not None or _ABSENT_EN.match(v.strip()) is not None)
        for k, v in person.items())


def date_time(facts: Facts) -> tuple[date | None, str | None]:
    """The date of the first date field that parses (a date-time gives the time too); the time from it or
    from a time field ("kl": "16.30"). A stamp fixing an instant is read in the stated time zone, if any."""
    zone = next((z for z in facts.get("zone", []) if isinstance(z, str)), None)
    found = [when_of(v, zone) for v in [*facts.get("date", []), *facts.get("time", [])]]
    day, clock = next(((d, c) for d, c in found if d), (None, None))
    clocks = [c for d, c in found if d in (None, day)]
    clocks += [f"{int(m[1]):02d}:{m[2]}" for v in facts.get("time", []) if (m := CLOCK.search(text_of(v)))]
    return day, clock or next((c for c in clocks if c), None)


def when_of(value: Any, zone: str | None = None) -> tuple[date | None, str | None]:
    """ISO or epoch (a stamp with a zone in local time: the stated IANA ``zone``'s, else Danish), "30.10.2024
    17:00", "03.09.2024 kl. 17:00", "3. juni 2024 kl. 14": the date and "HH:MM"."""
    if zone and (zoned := zones.date_clock(value, zone)) is not None:  # 1726135200000 in America/Nuuk: 09:00
        return zoned
    if stamps.epoch(value) is not None:  # 1728399600000: epoch milliseconds (UTC), in Danish local time
        return stamps.date_clock(value) or (None, None)
    day, clock = when(value)
    other_day, other_clock = xml_when(text_of(value))
    clock = clock or (other_clock if other_day == (day or other_day) else None)
    if (day or other_day) and clock is None and (m := HOUR.search(text_of(value))):  # "03.09.2024 kl 17"
        clock = f"{int(m[1]):02d}:{m[2] or '00'}"
    return day or other_day, clock


def stamped(facts: Facts, source: str) -> tuple[date, str | None, str] | None:
    """No meeting date field by name: the date and time of the meeting's unnamed ISO time stamp
    (``_stamp_named_for_meeting``), with a warning naming the field; None when there is none."""
    for key, value in facts.get("stamped", []):
        day, clock = when_of(value)
        if day:
            return day, clock, f"no meeting date field by name; took {key!r} ({value}) ({source})"
    return None


def undated(facts: Facts, items: list[ItemDraft], source: str) -> tuple[date, str]:
    """No meeting date. A date field that does not parse is never replaced by a date from the item texts; with no
    date field the first date in the item texts is taken, with a warning. A meeting is never dated today (it would
    be a date the file does not give): with no date at all, an ``IngestError`` names the file and the field."""
    if facts.get("date"):
        raise IngestError(source, f"meeting date field {text_of(facts['date'][0])!r} not understood")
    day = next((d for it in items for _, t in it.sections if (d := dates.first_date(t))), None)
    if day:
        return day, f"no meeting date field; took the first date in the text ({source})"
    raise IngestError(source, "no meeting date field and no date in the item texts")


def attendance(facts: Facts) -> tuple[list[str], list[str]]:
    """The participants; the absentees an absence field lists, then the participants flagged absent, or
    flagged not present when some are flagged present ({"name": ..., "present": false}), or whose attendance
    is printed after their name ("Bjarne Munk (V) - Afbud, Sygdom"). When it is, the participants are the
    members: those an absence field lists are added to them."""
    listed = next((v for v in facts.get("participants", []) if isinstance(v, list)), [])
    people = [(_person(p), p) for p in listed if _person(p)]
    absent = next(([n for p in v if (n := _person(p))] if isinstance(v, list) else vocab.split_names(v)
                   for v in facts.get("absent", []) if isinstance(v, list | str)), [])
    if any(isinstance(p, str) and _status(p)[1] is not None for _, p in people):  # members with their attendance
        people += [(n, n) for n in absent if n not in {m for m, _ in people}]  # ("- Deltager"): absentees are members
    absent += [n for n, p in people if flag_of(value_of(p, "absent")) is True or _status(p)[1] is True
               or _absent_by_field(p)]
    absent += absent_by_flag([(n, flag_of(value_of(p, "present"))) for n, p in people])
    return [n for n, _ in people], list(dict.fromkeys(absent))


def _status(value: Any) -> tuple[str, bool | None]:
    """A name string and whether the attendance printed after a dash says absent (True), present (False) or
    nothing (None): "Bjarne Munk (V) - Afbud, Sygdom" -> ("Bjarne Munk (V)", True)."""
    name = text_of(value)
    m = STATUS.match(name)
    if not m or not (vocab.ABSENT_WORD.search(m["status"]) or PRESENT_WORD.match(m["status"])):
        return name, None
    return m["name"].strip(), bool(vocab.ABSENT_WORD.search(m["status"]))


_PERSON_KEYS = {"person", "member", "medlem", "deltager", "participant", "attendee", "politician", "politiker"}


def _person(value: Any) -> str:
    """A person's name with the party a field states: {"name": "Søren Lund", "party": "C"} -> "Søren Lund (C)"; an
    attendance record naming no one itself names the person object it holds ({"person": {"displayName": …,
    "party": …}, "role": …, "attendanceStatusName": "Afbud"})."""
    if isinstance(value, dict) and not name_of(value):
        value = next((v for k, v in value.items() if names.fold(k) in _PERSON_KEYS and isinstance(v, dict)), value)
    name, party = name_of(value) if isinstance(value, dict) else _status(value)[0], text_of(value_of(value, "party"))
    return f"{name} ({party})" if name and party and not name.endswith(")") else name


def _name_like(value: Any) -> bool:
    """An object with a name, or a short one-line name."""
    short = isinstance(value, str) and len(value) <= 80 and 0 < len(value.split()) <= 8 and "<" not in value
    return bool(name_of(value)) if isinstance(value, dict) else short


_ACCESS_KEYS = {"access", "adgang", "visibility", "synlighed", "accesslevel", "publicity"}
_CLOSED_WORD = re.compile(r"^(?:closed|lukket|private|confidential|fortrolig|internal|intern|restricted)$", re.I)


def access_closed(record: dict[str, Any]) -> bool:
    """{"access": "closed"}: a field naming who may see the item says it is not public."""
    return any(names.fold(k) in _ACCESS_KEYS and isinstance(v, str) and _CLOSED_WORD.match(v.strip()) is not None
               for k, v in record.items())
