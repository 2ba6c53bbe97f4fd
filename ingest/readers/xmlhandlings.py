"""A case's handlings and the members' notes in generic XML exports (``generic_xml``).

Publication exports of the EG/ESDH kind write an item's decisions as the list of the case's handlings, one entry
per body and day, instead of one decision field: ``<Behandlinger><Behandling Organ="…" Dato="2024-05-06"
Resultat="Udsat"><x:p>…</x:p></Behandling><Behandling … Dato="2024-06-03" Aktuel="true">…</Behandling>``
(XHTML elements in their own namespace as the text). A list element is such a list when every child has the same
name, states a date (attribute) and holds text, and none has a title of its own. Each entry is the decision of its
body (an organ/committee attribute; the meeting's own committee is stored as None) on its day, with the outcome a
result attribute names ("Udsat" -> postponed). The entry flagged current (``Aktuel``/``Current="true"``), or when
none is flagged the one dated the meeting's day, is this meeting's decision and comes first; the others are earlier
(or later) meetings' and keep their dates.

A person's note (``<Deltager Bemaerkning="Ankom kl. 16.25 under behandlingen af punkt 2">``) is a remark when it
records a member coming late or leaving early (``vocab.attendance_remarks``), printed "Name (P): note".
"""

from __future__ import annotations

from datetime import date

from core import vocab
from ingest.readers import fieldnames as names
from ingest.readers.base import DecisionDraft
from ingest.readers.markup import fragment_text
from ingest.readers.xmldecision import decision
from ingest.readers.xmlutil import Element, content, flag, local, placeholder, squash, texty
from ingest.readers.xmlutil import when_compact as when

CURRENT = ("aktuel", "current", "iscurrent", "gaeldende", "gældende", "thismeeting")  # the meeting's own handling
RESULT = ("resultat", "result", "outcome", "udfald")  # the handling's outcome ("Godkendt", "Udsat")
REMARK = ("bemærkning", "bemaerkning", "remark", "remarks", "note", "kommentar", "comment")  # a person's note


def _attr(el: Element, vocab_: tuple[str, ...]) -> str:
    return next((squash(str(v)) for n, v in el.attrib.items() if names.key(str(n)) in vocab_), "")


def _day(el: Element) -> date | None:
    return next((d for n, v in el.attrib.items() if names.kind_of(str(n), names.DATE) and (d := when(str(v))[0])),
                None)


def handlings(el: Element, committee: str, day: date) -> list[DecisionDraft] | None:
    """The decisions a list of handlings holds, this meeting's first; None when ``el`` is no such list."""
    entries = [c for c in el if local(c)]
    if not entries or len({local(c) for c in entries}) != 1:
        return None
    dated: list[tuple[Element, date, str]] = []
    for entry in entries:
        on = _day(entry)
        body = fragment_text(content(entry)).strip()
        if on is None or any(names.key(str(n)) in names.TITLE for n in entry.attrib):
            return None
        if texty(body) and not placeholder(body):
            dated.append((entry, on, body))
    if not dated:
        return None
    flagged = [e for e, _, _ in dated if flag(_attr(e, CURRENT)) is True]
    current = flagged or [e for e, on, _ in dated if on == day]
    found: list[tuple[bool, DecisionDraft]] = []
    for entry, _on, body in dated:
        draft = decision(body, "", entry, committee)
        draft.outcome = names.status(_attr(entry, RESULT)) if _attr(entry, RESULT) else None
        found.append((entry in current, draft))
    return [d for own, d in found if own] + [d for own, d in found if not own]


def person_remarks(people: list[tuple[str, str]]) -> list[str]:
    """The remarks of (person, note) pairs that record a member coming late or leaving early."""
    out: list[str] = []
    for person, note in people:
        if person and note:
            out += [r for r in vocab.attendance_remarks(f"{person}: {note}") if r not in out]
    return out
