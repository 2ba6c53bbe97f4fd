"""eDoc (Fujitsu) agenda XML: ``Root/edoc:Committee/edoc:Meeting/edoc:Agenda/edoc:AgendaElements``.

The printed item number is ``HandlingItem/SerialNo``; ``SortOrder`` only orders the elements (two
elements may share one). An element is closed when ``AccessIsPublic`` is false or its ``AccessName``
says "Fortrolig"/"Lukket". ``CasePresentation``s are the sections (``IsDecision`` true: a decision);
the decision of this meeting is the ``Handling`` placed "This" (a placeholder such as "Beslutning ikke
frigivet" is no decision); other handlings with a decision are earlier or later bodies' decisions.
"""

from __future__ import annotations

import re

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
    local,
    markup,
    placeholder,
    published,
    squash,
    text,
    when,
)

NAMESPACE = "fujitsu.dk/agenda/xml"
_CLOSED = re.compile(r"fortrolig|lukket|ikke offentlig", re.I)
_MINUTES = re.compile(r"referat|beslutningsprotokol|protokol", re.I)


def _meeting(root: Element) -> Element | None:
    return child(root, "Committee", "Meeting") if local(root) != "Committee" else child(root, "Meeting")


class EdocXmlReader:
    name = "edoc-xml"

    def sniff(self, src: Source) -> bool:
        root = src.xml
        if root is None:
            return False
        meeting = _meeting(root)
        if child(meeting, "Agenda", "AgendaElements") is None:
            return False
        return any(NAMESPACE in (ns or "") for ns in root.nsmap.values()) or bool(every(meeting, "HandlingItem"))

    def read(self, src: Source) -> MeetingDraft:
        root = src.xml
        committee_el = root if local(root) == "Committee" else child(root, "Committee")
        meeting = _meeting(root)
        agenda = child(meeting, "Agenda")
        day, clock = when(text(meeting, "MeetingDateTime"))
        if day is None:  # the handlings placed at this meeting repeat its date
            day, clock = when(next((text(h, "MeetingDate") for h in every(agenda, "Handling")
                                    if text(h, "Placement").lower() == "this" and text(h, "MeetingDate")), ""))
        if day is None:
            raise IngestError(src.path, "eDoc XML without a MeetingDateTime")
        committee = squash(text(committee_el, "Name")) or squash(text(committee_el, "ShortName"))
        elements = kids(child(agenda, "AgendaElements"), "AgendaElement")
        ordered = sorted(enumerate(elements), key=lambda pair: (_int(text(pair[1], "SortOrder")), pair[0]))
        items = [_item(el) for _, el in ordered]
        participants, absentees = _people(meeting)
        agenda_type = text(agenda, "Type")
        decided = any(d.body is None for it in items for d in it.decisions)
        status = "minutes" if _MINUTES.search(agenda_type) or decided else "agenda"
        warnings = [f"{sum(1 for it in items if it.number is None)} element(s) without a SerialNo"] \
            if any(it.number is None for it in items) else []
        about = " ".join([agenda_type, text(meeting, "DescriptionText"), text(meeting, "MeetingStateCode")])
        return MeetingDraft(
            committee=committee,
            date=day,
            items=items,
            time=clock,
            location=squash(text(meeting, "MeetingLocation")) or squash(text(committee_el, "DefaultLocation")) or None,
            participants=participants,
            absentees=absentees,
            status=status,
            extraordinary=bool(re.search(r"ekstraordin", about, re.I)),
            published=published(root),
            warnings=warnings,
        )


def _int(value: str) -> int:
    return int(value) if value.strip().lstrip("-").isdigit() else 1 << 30


def _people(meeting: Element) -> tuple[list[str], list[str]]:
    people: list[tuple[str, bool | None]] = []
    participants: list[str] = []
    for p in every(child(meeting, "MeetingParticipants"), "MeetingParticipant"):
        name = squash(text(p, "Name"))
        if not name:
            continue
        party = squash(text(p, "PoliticalPartyList"))
        label = f"{name} ({party})" if party and len(party) <= 3 else name
        role = squash(text(p, "RoleInMeeting"))
        participants.append(f"{label}, {role.lower()}" if role and role.lower() not in {"medlem", "member"} else label)
        people.append((label, flag(text(p, "Participate"))))
    for p in every(child(meeting, "MeetingParticipantExternals"), "MeetingParticipantExternal"):
        name = squash(text(p, "Name"))
        if name:
            participants.append(name)
    return participants, absent_by_flag(people)


def _item(el: Element) -> ItemDraft:
    handling = child(el, "HandlingItem")
    public = flag(text(el, "AccessIsPublic"))
    draft = ItemDraft(
        title=squash(text(handling, "Title")) or squash(text(handling, "NeutralTitle")),
        number=text(handling, "SerialNo") or None,
        case_number=text(handling, "CaseNumber") or None,
        case_worker=squash(text(handling, "CaseWorker")) or None,
        closed=public is False or bool(_CLOSED.search(text(el, "AccessName"))),
    )
    # the public title and the case's own title, when they say more than the item's title ("Fejloprettet" is
    # published as "Udvalgets indsatser 2010-2013"): searchable and quotable as sections
    for label, field in (("Offentlig titel", "NeutralTitle"),):
        value = squash(text(handling, field))
        if value and value.lower() != draft.title.lower() and value not in (v for _, v in draft.sections):
            draft.sections.append((label, value))
    for cp in kids(child(handling, "CasePresentations"), "CasePresentation"):
        body = fragment_text(markup(child(cp, "Content")))
        if flag(text(cp, "IsDecision")):
            if not placeholder(body):
                draft.decisions.append(DecisionDraft(body))
        elif body:
            draft.sections.append((squash(text(cp, "Title")), body))
    for holder in (el, handling):
        decision = fragment_text(markup(child(holder, "Decision")))
        if not placeholder(decision):
            draft.decisions.append(DecisionDraft(decision))
    for h in every(child(handling, "HandlingPlan"), "Handling"):
        decision = fragment_text(markup(child(h, "Decision")))
        if placeholder(decision):
            continue
        if text(h, "Placement").lower() in {"", "this"}:
            draft.decisions.append(DecisionDraft(decision))
        else:
            draft.decisions.append(DecisionDraft(decision, squash(text(h, "CommitteeName")) or None,
                                                 when(text(h, "MeetingDate"))[0]))
    for absence in kids(child(el, "Absences")):
        name = squash(text(absence, "Name")) or squash(text(absence))
        if name and name not in draft.absentees:
            draft.absentees.append(name)
    unique: list[DecisionDraft] = []
    for dec in draft.decisions:
        if all(dec.text != u.text for u in unique):
            unique.append(dec)
    draft.decisions = unique
    draft.attachments = [squash(text(a, "Title")) for a in every(child(handling, "Attachments"), "Attachment")
                         if squash(text(a, "Title"))]
    return draft


READER = EdocXmlReader()
