"""Attendance as the First Agenda exports state it, for ``greve_json`` and ``greve_jsonl``.

The portal's "Vis" JSON lists the meeting's members under ``Moede.Moededeltagere`` as ``{Name, Absent,
ParticipationCancelled}`` flags, in one installation with an ``AttendanceType`` ("Deltager", "Afbud",
"Stedfortræder") and the meeting's remark in ``Moede.Bemaerkning`` (``meeting_remarks``); another version lists
``Moede.Deltagere`` as ``{Navn, Parti, Rolle, Status ("Deltager"/"Afbud"), Bemaerkning}``; exports derived from it
write ``{name, party, role, present, absence_reason}``. A member is absent when an absence flag is set, when the
status or the absence reason names an absence ("Afbud", "Fraværende"), or when ``present`` is false while others are
flagged present (``xmlutil.absent_by_flag``). A member with a party is named as the minutes print members ("Birthe
Agerskov (C)"). A remark or a reason that records coming late or leaving early ("Forlod mødet kl. 18.10 efter
behandlingen af punkt 3") is the member's remark, not an absence.

A decision's absence line may go on with a sentence about another member ("Afbud: Birthe Agerskov (C). Tobias Hvam
(Ø) havde forladt mødet."): that sentence is put on a line of its own (``absence_lines``), so that it is not read as
a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from core import vocab
from ingest.readers.xmlutil import absent_by_flag, member_label

ABSENT_FLAGS = ("Absent", "ParticipationCancelled", "Afbud", "Fravaerende", "Fraværende", "IsAbsent")
PRESENT_FLAGS = ("present", "Tilstede", "Deltog", "Participate", "Attended", "IsPresent")
# a sentence about a member after the names of an absence line: "… (C). Tobias Hvam (Ø) havde forladt mødet."
_MEMBER_SENTENCE = re.compile(r"(?<=\))\.\s+(?=[A-ZÆØÅ][^():.]{1,60}\([^()]{1,30}\)\s+[a-zæøå])")


@dataclass
class Attendance:
    participants: list[str] = field(default_factory=list)
    absentees: list[str] = field(default_factory=list)
    remarks: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # a name -> as printed with the party


def _get(obj: dict[str, Any], *keys: str) -> Any:
    lowered = {str(k).lower(): v for k, v in obj.items()}
    return next((lowered[k.lower()] for k in keys if lowered.get(k.lower()) not in (None, "", [], {})), None)


def _text(value: Any) -> str:
    return " ".join(str(value).split()) if isinstance(value, str | int | float) else ""


def people(entries: list[Any]) -> Attendance:
    """The members of a meeting from a list of person objects (or plain names)."""
    out = Attendance()
    flagged: list[tuple[str, bool | None]] = []
    for person in entries:
        if not isinstance(person, dict):
            if _text(person):
                out.participants.append(_text(person))
            continue
        name = _text(_get(person, "Name", "Navn", "FullName", "Fuldenavn"))
        if not name:
            continue
        party = _text(_get(person, "Parti", "Party", "PoliticalParty"))
        label = member_label(name, party, "")[0] if not name.endswith(")") else name
        out.participants.append(label)
        out.labels[name] = label
        status = _text(_get(person, "Status", "Deltagelse", "Fremmoede", "AttendanceStatus", "AttendanceType"))
        reason = _text(_get(person, "absence_reason", "AbsenceReason", "Fravaersaarsag", "Aarsag", "Reason"))
        present = _get(person, *PRESENT_FLAGS)
        flagged.append((label, present if isinstance(present, bool) else None))
        if any(_get(person, f) is True for f in ABSENT_FLAGS) or any(vocab.ABSENT_WORD.search(x)
                                                                    for x in (status, reason) if x):
            out.absentees.append(label)
        for note in (reason, _text(_get(person, "Bemaerkning", "Bemærkning", "Remark", "Note", "Comment"))):
            if note and not vocab.ABSENT_WORD.search(note):
                out.remarks += [r for r in vocab.attendance_remarks(f"{label}: {note}") if r not in out.remarks]
    out.absentees += [n for n in absent_by_flag(flagged) if n not in out.absentees]
    return out


def meeting_remarks(moede: Any, remarks: list[str]) -> list[str]:
    """The members' remarks, then the sentences of the meeting's own remark (``Moede.Bemaerkning``: "Sofie Lykke
    (F) deltog fra punkt 3.") that record a member coming late, leaving early or standing in."""
    note = _text(_get(moede, "Bemaerkning", "Bemærkning", "Remark", "Note")) if isinstance(moede, dict) else ""
    return [*remarks, *(r for r in vocab.attendance_remarks(note) if r not in remarks)]


def labelled(names: list[str], labels: dict[str, str]) -> list[str]:
    """Names as the members list prints them ("Birthe Agerskov" -> "Birthe Agerskov (C)"), each once."""
    return list(dict.fromkeys(labels.get(n, n) for n in names if n))


def absence_lines(text: str) -> str:
    """An absence line's trailing sentence about a member on a line of its own (see the module docstring)."""
    if "(" not in text:
        return text
    return "\n".join(_MEMBER_SENTENCE.sub(".\n", line) if vocab.ABSENT_LABEL.match(line.strip()) else line
                     for line in text.split("\n"))
