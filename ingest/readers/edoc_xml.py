"""eDoc (Fujitsu) agenda XML: ``Root/edoc:Committee/edoc:Meeting/edoc:Agenda`` holding its elements either flat
(``Agenda/AgendaElements/AgendaElement``, the 2009 schema) or grouped in sections
(``Agenda/AgendaSections/AgendaSection/{SectionName, AccessIsPublic, AgendaElements/AgendaElement}``, later
versions, e.g. "Åbne sager" / "Lukkede sager").

The printed item number is ``HandlingItem/SerialNo``; ``SortOrder`` only orders the elements (two elements may share
one; an element printed without a number, such as "Meddelelser", has an empty SerialNo and the numbering continues
past it); the closed elements may be exported before the open ones. An element is closed when its own or its
section's ``AccessIsPublic`` is false or its ``AccessName`` says "Fortrolig"/"Lukket". ``CasePresentation``s are the
sections (``IsDecision`` true: a decision, whose title may name another body's or an earlier meeting's decision);
the decision of this meeting is the ``Handling`` placed "This" (a placeholder such as "Beslutning ikke frigivet" is
no decision); other handlings with a decision are earlier or later bodies' (or meetings') decisions. Meeting
participants carry a ``Participate`` flag; the meeting's ``DescriptionText`` records who came late or left early; an
element's ``Absences/Absence/{Name, Reason}`` who was away from that item only (afbud, inhabil). The meeting's date
and start are ``MeetingDateTime`` ("02-05-2017 10:00") or, in other installations, ``MeetingStart`` (ISO with zone).
HTML content is CDATA or entity-escaped text. An ``Attachment`` may carry its own text (``ContentText``): a section
of its item. A field may be written as a child element or as an attribute of the same name; the 2016 schema writes
nearly every fact as an attribute, its texts as the element's own CDATA and a decision's outcome as its ``Status``
("Udsat"), its municipality as ``Committee@Organisation`` (``edoc_attrs``).
"""

from __future__ import annotations

import re
from datetime import date

from core import municipalities, vocab
from core.errors import IngestError
from ingest.readers import edoc_xml2007
from ingest.readers.base import DecisionDraft, ItemDraft, MeetingDraft, Source
from ingest.readers.edoc_attrs import body as _body
from ingest.readers.edoc_attrs import field as _field
from ingest.readers.edoc_attrs import has_field as _has_field
from ingest.readers.edoc_attrs import status_outcome
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
    member_label,
    placeholder,
    published,
    squash,
    text,
    timestamp,
    when,
)

NAMESPACE = "fujitsu.dk/agenda/xml"
_CLOSED = re.compile(r"fortrolig|lukket|ikke offentlig", re.I)
_CLOSED_SECTION = re.compile(r"fortrolig|\blukke(?:t|de)\b|ikke offentlig", re.I)
_MINUTES = re.compile(r"referat|beslutningsprotokol|protokol|\bminutes\b", re.I)


def _meeting(root: Element) -> Element | None:
    return child(root, "Committee", "Meeting") if local(root) != "Committee" else child(root, "Meeting")


def _elements(node: Element | None, sections: tuple[Element, ...] = ()) -> list[tuple[Element, tuple[Element, ...]]]:
    """The agenda's elements in document order, each with the sections that hold it (outermost first): the
    ``AgendaElements`` lists directly under the agenda or inside (nested) section elements."""
    found: list[tuple[Element, tuple[Element, ...]]] = []
    for c in kids(node):
        name = local(c)
        if name == "AgendaElement":
            found.append((c, sections))
        elif name == "AgendaElements":
            found += _elements(c, sections)
        elif len(c):  # a section (it has fields of its own: SectionName, AccessIsPublic) or a list of sections
            own = bool(c.attrib) or any(local(f) and not len(f) for f in c)
            found += _elements(c, (*sections, c) if own else sections)
    return found


def _section_closed(section: Element) -> bool:
    public = flag(_field(section, "AccessIsPublic"))
    if public is not None:
        return not public
    return bool(_CLOSED_SECTION.search(_field(section, "SectionName") or _field(section, "Name")))


def _ordered(entries: list[tuple[Element, tuple[Element, ...]]]) -> list[tuple[Element, tuple[Element, ...]]]:
    """By ``SortOrder``. Sections that number their elements on one scale (no SortOrder shared between two
    sections) are ordered by it across sections; sections that each count from 1 keep their document order."""
    groups: dict[int, set[int]] = {}
    section_rank: dict[int, int] = {}
    for el, sections in entries:
        key = id(sections[-1]) if sections else 0
        section_rank.setdefault(key, len(section_rank))
        value = _int(_field(el, "SortOrder"))
        if value != 1 << 30:
            groups.setdefault(key, set()).add(value)
    values = [v for g in groups.values() for v in g]
    one_scale = len(values) == len(set(values))

    def rank(pair: tuple[int, tuple[Element, tuple[Element, ...]]]) -> tuple[int, int, int]:
        pos, (el, sections) = pair
        section = 0 if one_scale else section_rank[id(sections[-1]) if sections else 0]
        return section, _int(_field(el, "SortOrder")), pos

    return [entry for _, entry in sorted(enumerate(entries), key=rank)]


class EdocXmlReader:
    name = "edoc-xml"

    def sniff(self, src: Source) -> bool:
        root = src.xml
        if root is None:
            return False
        meeting = _meeting(root)
        if not _elements(child(meeting, "Agenda")):  # or the 2007 schema's Items/Item, in the eDoc namespace
            return bool(edoc_xml2007.items(child(meeting, "Agenda"))) and any(
                NAMESPACE in (ns or "") for ns in root.nsmap.values())
        return any(NAMESPACE in (ns or "") for ns in root.nsmap.values()) or bool(every(meeting, "HandlingItem"))

    def read(self, src: Source) -> MeetingDraft:
        root = src.xml
        committee_el = root if local(root) == "Committee" else child(root, "Committee")
        meeting = _meeting(root)
        agenda = child(meeting, "Agenda")
        if not _elements(agenda) and edoc_xml2007.items(agenda):
            return edoc_xml2007.read(src, root, committee_el, meeting)
        day, clock = when(_field(meeting, "MeetingDateTime") or _field(meeting, "MeetingStart"))
        if day is None:  # the handlings placed at this meeting repeat its date
            day, clock = when(next((_field(h, "MeetingDate") for h in every(agenda, "Handling")
                                    if _field(h, "Placement").lower() == "this" and _field(h, "MeetingDate")), ""))
        if day is None:
            raise IngestError(src.path, "eDoc XML without a MeetingDateTime")
        committee = squash(_field(committee_el, "Name")) or squash(_field(committee_el, "ShortName"))
        participants, absentees, labels = _people(meeting)
        items = [_item(el, sections, committee, day, labels) for el, sections in _ordered(_elements(agenda))]
        agenda_type = " ".join(x for x in (_field(agenda, "Type"), _field(root, "OutputTypeEnumName")) if x)
        decided = any(d.body is None for it in items for d in it.decisions)
        status = "minutes" if _MINUTES.search(agenda_type) or decided else "agenda"
        warnings = [f"{sum(1 for it in items if it.number is None)} element(s) without a SerialNo"] \
            if any(it.number is None for it in items) else []
        description = _field(meeting, "DescriptionText")
        about = " ".join([agenda_type, description, _field(meeting, "MeetingStateCode")])
        organisation = _field(committee_el, "Organisation") or _field(root, "Organisation")  # "Vejen Kommune"
        return MeetingDraft(
            committee=committee,
            date=day,
            items=items,
            municipality=municipalities.canonical_name(organisation) if organisation else None,
            time=clock,
            location=squash(_field(meeting, "MeetingLocation"))
            or squash(_field(committee_el, "DefaultLocation")) or None,
            participants=participants,
            absentees=absentees,
            remarks=vocab.attendance_remarks(fragment_text(description)) if description else [],
            status=status,
            extraordinary=bool(re.search(r"ekstraordin", about, re.I)),
            published=published(root) or timestamp(_field(root, "GeneratedAt")),  # the export's time stamp
            warnings=warnings,
        )


def _int(value: str) -> int:
    return int(value) if value.strip().lstrip("-").isdigit() else 1 << 30


def _people(meeting: Element) -> tuple[list[str], list[str], dict[str, str]]:
    """The participant lines, the members absent from the meeting, and each member's printed label by name."""
    people: list[tuple[str, bool | None]] = []
    participants: list[str] = []
    labels: dict[str, str] = {}
    for p in every(child(meeting, "MeetingParticipants"), "MeetingParticipant"):
        name = squash(_field(p, "Name"))
        if not name:
            continue
        party = squash(_field(p, "PoliticalPartyList")) or squash(_field(p, "PoliticalParty"))  # a letter, or a name
        label, line = member_label(name, party, squash(_field(p, "RoleInMeeting")))
        participants.append(line)
        labels[name] = label
        people.append((label, flag(_field(p, "Participate"))))
    for p in every(child(meeting, "MeetingParticipantExternals"), "MeetingParticipantExternal"):
        name = squash(_field(p, "Name"))
        if name:
            participants.append(name)
    return participants, absent_by_flag(people), labels


def _decider(title: str, committee: str, day: date) -> tuple[str | None, date | None]:
    """Whose decision a decision section is, by its title ("Beslutning i Økonomiudvalget den 20-05-2024"): (None,
    None) for this meeting's own (no body or date named, or this committee on this day), else (body, date)."""
    heading = vocab.decision_heading(squash(title)) if title else None
    if heading is None or heading.inline_text is not None:
        return None, None
    body = heading.body if heading.body and heading.body.lower() != committee.lower() else None
    on = heading.date if heading.date and heading.date != day else None
    if body is None and on is None:
        return None, None
    return body or committee or None, heading.date


def _item(el: Element, sections: tuple[Element, ...], committee: str, day: date, labels: dict[str, str]) -> ItemDraft:
    handling = child(el, "HandlingItem")
    plan = every(child(handling, "HandlingPlan"), "Handling")
    public = flag(_field(el, "AccessIsPublic"))
    number = _field(handling, "SerialNo")
    if not _has_field(handling, "SerialNo"):  # no own SerialNo field: the number of the handling at this meeting
        number = next((_field(h, "SerialNo") for h in plan if _field(h, "Placement").lower() == "this"), "")
    draft = ItemDraft(
        title=squash(_field(handling, "Title")) or squash(_field(handling, "NeutralTitle")),
        number=number.strip().rstrip(".") or None,
        case_number=_field(handling, "CaseNumber") or None,
        case_worker=squash(_field(handling, "CaseWorker")) or None,
        closed=public is False or bool(_CLOSED.search(_field(el, "AccessName")))
        or any(_section_closed(s) for s in sections),
    )
    # the public title and the case's own title, when they say more than the item's title ("Fejloprettet" is
    # published as "Udvalgets indsatser 2010-2013"): searchable and quotable as sections
    for label, field in (("Offentlig titel", "NeutralTitle"),):
        value = squash(_field(handling, field))
        if value and value.lower() != draft.title.lower() and value not in (v for _, v in draft.sections) \
                and not (draft.closed and _CLOSED.match(value)):  # "Lukket sag" says no more than closed does
            draft.sections.append((label, value))
    for cp in kids(child(handling, "CasePresentations"), "CasePresentation"):
        body = fragment_text(_body(cp))
        if flag(_field(cp, "IsDecision")):
            if not placeholder(body):
                draft.decisions.append(DecisionDraft(body, *_decider(_field(cp, "Title"), committee, day)))
        elif body:
            draft.sections.append((squash(_field(cp, "Title")), body))
    for holder in (el, handling):
        decision = fragment_text(markup(child(holder, "Decision")))
        if not placeholder(decision):  # its Status may state the outcome ("Udsat")
            draft.decisions.append(DecisionDraft(decision, outcome=status_outcome(child(holder, "Decision"))))
    for h in plan:
        decision = fragment_text(markup(child(h, "Decision")))
        if placeholder(decision):
            continue
        if _field(h, "Placement").lower() in {"", "this"}:
            draft.decisions.append(DecisionDraft(decision))
        else:  # an earlier (or later) meeting's handling: that body's decision on that day, not this meeting's
            draft.decisions.append(DecisionDraft(decision, squash(_field(h, "CommitteeName")) or None,
                                                 when(_field(h, "MeetingDate"))[0]))
    own = "\n".join(d.text for d in draft.decisions if d.body is None)
    for absence in kids(child(el, "Absences")):
        name = squash(_field(absence, "Name")) or squash(text(absence))
        label = labels.get(name, name)
        name = label if label in own else name  # as this meeting's decision prints them ("Louise Riis (F)")
        if name and name not in draft.absentees:
            draft.absentees.append(name)
    unique: list[DecisionDraft] = []
    for dec in draft.decisions:  # one decision stated twice (IsDecision section and "This" handling) is one
        if all((dec.text, dec.body, dec.date) != (u.text, u.body, u.date) for u in unique):
            unique.append(dec)
    draft.decisions = unique
    for attachment in every(child(handling, "Attachments"), "Attachment"):
        title = squash(_field(attachment, "Title"))
        if title:
            draft.attachments.append(title)
        body = fragment_text(markup(child(attachment, "ContentText")))
        if body.strip():  # the attachment's own text, searchable as a section of its item
            heading = title if title.lower().startswith("bilag") else f"Bilag {title}".strip()
            draft.sections.append((heading, body))
    return draft


READER = EdocXmlReader()
