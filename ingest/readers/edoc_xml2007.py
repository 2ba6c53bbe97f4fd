"""The older eDoc (Fujitsu) agenda XML (the 2007 schema, namespace ``…/agenda/xml/schemas/2007/06/01/``), read by
``edoc_xml`` when an agenda holds ``Items/Item`` instead of ``AgendaElement``s.

Its names for the same facts: ``Committee/{CommitteeName, CommitteeShortName, Meeting}``; the meeting's date and
start time in separate fields (``MeetingDate`` "07-10-2024", ``StartTime`` "16:30"), ``Place``, ``Remark`` (who
came late or left early), ``Members/Member/{Name, Role, Party, Present, AbsenceReason}``, and
``Agenda/{AgendaType, Items/Item}``. Each ``Item``: ``Sequence`` (its position), ``ItemNo`` (the PRINTED number, "4a"
for an addendum item, so the two differ after it), ``Heading``, ``CaseNo``, ``Public``,
``Absentees/Absentee/{Name, Reason}`` (absent from that item), ``Texts/Text/{TextHeading, TextBody}`` (the sections)
and ``DecisionHeading`` + ``DecisionText`` (the decision; its heading may name another body or an earlier date).
"""

from __future__ import annotations

import re
from datetime import date

from core import vocab
from core.errors import IngestError
from ingest.readers.base import DecisionDraft, ItemDraft, MeetingDraft, Source
from ingest.readers.markup import fragment_text
from ingest.readers.xmlutil import (
    Element,
    absent_by_flag,
    child,
    every,
    flag,
    kids,
    markup,
    member_label,
    placeholder,
    published,
    squash,
    text,
    when,
)

_MINUTES = re.compile(r"referat|beslutningsprotokol|protokol", re.I)


def items(agenda: Element | None) -> list[Element]:
    """The agenda's ``Items/Item`` elements that carry a heading (the 2007 layout); [] for any other layout."""
    found = [el for el in kids(child(agenda, "Items"), "Item")]
    return found if found and all(child(el, "Heading") is not None for el in found) else []


def _first(el: Element | None, *names: str) -> str:
    return next((squash(text(el, n)) for n in names if squash(text(el, n))), "")


def _sequence(el: Element) -> int:
    value = text(el, "Sequence")
    return int(value) if value.isdigit() else 1 << 30


def read(src: Source, root: Element, committee_el: Element | None, meeting: Element | None) -> MeetingDraft:
    agenda = child(meeting, "Agenda")
    day, clock = when(" ".join(x for x in (text(meeting, "MeetingDate"), text(meeting, "StartTime")) if x))
    if day is None:
        day, clock = when(text(meeting, "MeetingDateTime"))
    if day is None:
        raise IngestError(src.path, "eDoc XML without a MeetingDate")
    committee = _first(committee_el, "CommitteeName", "Name", "CommitteeShortName", "ShortName")
    ordered = sorted(enumerate(items(agenda)), key=lambda pair: (_sequence(pair[1]), pair[0]))
    drafts = [_item(el, committee, day) for _, el in ordered]
    participants, absentees = _people(meeting)
    kind = " ".join(x for x in (text(agenda, "AgendaType"), text(root, "OutputType")) if x)
    decided = any(d.body is None for it in drafts for d in it.decisions)
    remark = fragment_text(markup(child(meeting, "Remark")))
    return MeetingDraft(
        committee=committee,
        date=day,
        items=drafts,
        time=clock,
        location=_first(meeting, "Place", "MeetingLocation", "Location") or None,
        participants=participants,
        absentees=absentees,
        remarks=vocab.attendance_remarks(remark) if remark else [],
        status="minutes" if _MINUTES.search(kind) or decided else "agenda",
        extraordinary=bool(re.search(r"ekstraordin", " ".join([kind, remark, text(meeting, "State")]), re.I)),
        published=published(root),
        warnings=[f"{sum(1 for it in drafts if it.number is None)} item(s) without an ItemNo"]
        if any(it.number is None for it in drafts) else [],
    )


def _people(meeting: Element | None) -> tuple[list[str], list[str]]:
    people: list[tuple[str, bool | None]] = []
    participants: list[str] = []
    for member in kids(child(meeting, "Members"), "Member"):
        name = squash(text(member, "Name"))
        if not name:
            continue
        label, line = member_label(name, squash(text(member, "Party")), squash(text(member, "Role")))
        participants.append(line)
        present = flag(text(member, "Present"))
        if present is None and squash(text(member, "AbsenceReason")):
            present = False
        people.append((label, present))
    return participants, absent_by_flag(people)


def _item(el: Element, committee: str, day: date) -> ItemDraft:
    from ingest.readers.edoc_xml import _decider  # whose decision a decision heading names (shared rule)

    public = flag(text(el, "Public"))
    draft = ItemDraft(
        title=squash(text(el, "Heading")),
        number=text(el, "ItemNo").rstrip(".").strip() or None,
        case_number=text(el, "CaseNo") or None,
        case_worker=squash(text(el, "CaseWorker")) or None,
        closed=public is False,
    )
    for section in kids(child(el, "Texts"), "Text"):
        body = fragment_text(markup(child(section, "TextBody")))
        if body:
            draft.sections.append((squash(text(section, "TextHeading")), body))
    decision = fragment_text(markup(child(el, "DecisionText")))
    if not placeholder(decision):
        draft.decisions.append(DecisionDraft(decision, *_decider(text(el, "DecisionHeading"), committee, day)))
    for absentee in kids(child(el, "Absentees"), "Absentee"):
        name = squash(text(absentee, "Name")) or squash(text(absentee))
        if name and name not in draft.absentees:
            draft.absentees.append(name)
    draft.attachments = [_first(a, "Title", "Name") for a in every(child(el, "Attachments"), "Attachment")
                         if _first(a, "Title", "Name")]
    return draft
