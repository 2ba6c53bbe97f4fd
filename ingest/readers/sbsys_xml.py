"""SBSYS "eDagsorden" Publication XML, and the mapping it shares with the compact SBSYS-Aarhus variant.

``Publication/Agendas/Agenda/{Name, Frontpage, Meeting/{When, Until, Where, Members/MeetingMember}, Committee/Name,
Items/Item/{Number, Caption, IsPublic, Case/Number, Fields/ItemField/{Caption, Content},
Enclosures/Enclosure/Name}}``; other versions group the items (``ItemGroups/ItemGroup/Items/Item``), nest sub-items
(``Item/Items/Item``), give enclosures a ``Text`` and write ISO date-times. Each ``ItemField`` is a section headed
by its caption; the field whose caption is a decision heading ("Beslutning", "FORRETNINGSUDVALGETS BESLUTNING") is
that body's decision, and a decision field recording several meetings ("18. september 2012: … 25. september 2012:
…") is one decision per date; a caption naming a body's decision ("Plan- og Udviklingsudvalgets beslutning") is
that body's, while "Tidligere beslutninger"/"Tidligere behandling" is a section. Publication type Draft (0) and
Final (1) are agendas unless this meeting's decision is filled in; Minutes (2) is minutes. Item numbers are kept as
printed ("1.1", and "0"). A field holding the whole item as HTML, referat records numbered "0", absences on the
front page and a municipality named only by the venue or e-mail domains: ``sbsys_parts``. A further ``Agenda`` of
the same meeting (a tillægsdagsorden with its own copy of the meeting) adds its items: ``sbsys_agendas``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from core import municipalities, vocab
from core.errors import IngestError
from ingest.readers.base import DecisionDraft, ItemDraft, MeetingDraft, Source
from ingest.readers.markup import fragment_text
from ingest.readers.sbsys_agendas import meeting_agendas, merged
from ingest.readers.sbsys_encoded import Contents, absent_throughout, lists_members
from ingest.readers.sbsys_parts import (
    agenda_items,
    drop_referat_records,
    enclosure_sections,
    frontpage_absentees,
    headed_parts,
    own_municipality,
)
from ingest.readers.xmlutil import (
    Element,
    absent_by_flag,
    child,
    dated_entries,
    every,
    flag,
    kids,
    local,
    placeholder,
    published,
    region_named,
    squash,
    text,
    when,
)

_ABSENT_STATUS = re.compile(r"absent|notparticipat|not\s*attend|cancel|declin|afbud|fravær|forfald", re.I)
# ParticipationStatusAsValue: 0 not decided, 1 participates, 4 participates (in part); any other code is a
# cancellation (the OS2web AgMan importer lists those members as "participants_canceled")
_PRESENT_CODES = frozenset({"0", "1", "4"})
_PRESENT_STATUS = re.compile(r"^\s*(?:notdecided|participat|deltage|til stede|present)", re.I)
_MINUTES_TYPE = re.compile(r"^(?:2|minutes|referat|protocol|beslutningsprotokol)$", re.I)


def agenda_of(src: Source) -> Element | None:
    root = src.xml
    if root is None or local(root) != "Publication":
        return None
    agenda = child(root, "Agendas", "Agenda")
    return agenda if child(agenda, "Items") is not None or child(agenda, "ItemGroups") is not None else None


class SbsysXmlReader:
    name = "sbsys-publication-xml"

    def sniff(self, src: Source) -> bool:
        if agenda_of(src) is None:
            return False
        root = src.xml
        return any(child(root, name) is not None for name in ("PublicationTypeAsEnum", "PublicationTypeAsValue",
                                                              "Published", "GeneratorSettings"))

    def read(self, src: Source) -> MeetingDraft:
        return read_publication(src)


def read_publication(src: Source) -> MeetingDraft:
    """One SBSYS publication (either variant) as a meeting draft."""
    root = src.xml
    agenda = agenda_of(src)
    meeting = child(agenda, "Meeting")
    day, clock = when(text(meeting, "When"))
    if day is None:  # "Mødesystemgruppen 06-10-2016"
        day = when(text(agenda, "Name"))[0]
    if day is None:
        raise IngestError(src.path, "SBSYS publication without a meeting date (Meeting/When)")
    committee = squash(text(agenda, "Committee", "Name")) or squash(text(agenda, "Name"))
    contents = Contents(root, agenda)
    listed: dict[int, bool] = {}  # id(draft) -> the item lists its own members
    agendas, others = meeting_agendas(root, agenda, day)  # a tillægsdagsorden: a further Agenda of this meeting

    def reader(own: Contents) -> Callable[[Element], ItemDraft]:
        def read_item(el: Element) -> ItemDraft:
            draft = _item(el, committee, day, own)
            listed[id(draft)] = lists_members(el)
            return draft
        return read_item

    readers = [(a, contents if a is agenda else Contents(root, a)) for a in agendas]
    items = drop_referat_records(merged([agenda_items(a, reader(own)) for a, own in readers]))
    _list_sub_items(items)
    participants, absentees = _members(meeting)
    throughout = absent_throughout([it.absentees for it in items], [listed.get(id(it), False) for it in items])
    absentees += [n for n in throughout if n not in absentees]
    frontpage_html = "\n".join(own.markup(child(a, "Frontpage")) for a, own in readers)
    absentees += [n for n in frontpage_absentees(frontpage_html, participants) if n not in absentees]
    kind = text(root, "PublicationTypeAsEnum") or text(agenda, "PublicationTypeAsEnum") \
        or text(root, "PublicationTypeAsValue") or text(agenda, "PublicationTypeAsValue")
    decided = any(d.body is None and d.date in (None, day) for it in items for d in it.decisions)
    frontpage = fragment_text(frontpage_html)
    hints = [text(agenda, "Committee", "CommitteeGroup", "Name"), frontpage, text(agenda, "Organisation"),
             committee] + [text(f, "Caption") for f in every(agenda, "ItemField")]
    body_text = "\n".join(s for it in items for _, s in it.sections)
    decided_text = "\n".join(d.text for it in items for d in it.decisions)
    warnings = list(dict.fromkeys(w for _, own in readers for w in own.warnings))
    if others > 0:
        warnings.append(f"the publication holds {others} agenda(s) of other meetings; only the first meeting's "
                        f"{len(agendas)} agenda(s) were read")
    location = squash(text(meeting, "Where")) or squash(text(agenda, "Committee", "DefaultMeetingPlace"))
    return MeetingDraft(
        committee=committee,
        date=day,
        items=items,
        municipality=region_named(hints, body_text) or municipalities.detect("\n".join(hints)).name
        or own_municipality(location, root, "\n".join([committee, location, body_text, decided_text])),
        time=clock,
        location=location or None,
        participants=participants,
        absentees=absentees,
        status="minutes" if _MINUTES_TYPE.match(kind.strip()) or decided else "agenda",
        extraordinary=bool(re.search(r"ekstraordin", " ".join([text(agenda, "Name"), frontpage]), re.I)),
        published=published(root),
        warnings=warnings,
    )


def _members(owner: Element | None, tag: str = "MeetingMember") -> tuple[list[str], list[str]]:
    """The members ``owner/Members/<tag>`` lists, and those of them absent (the meeting's or an item's)."""
    participants: list[str] = []
    absent: list[str] = []
    flags: list[tuple[str, bool | None]] = []
    for m in every(child(owner, "Members"), tag):
        name = squash(text(m, "Name")) or squash(text(m, "Member", "Name"))
        if not name:
            continue
        participants.append(name)
        status = " ".join([text(m, "ParticipationStatusAsText"), text(m, "ParticipationNote"), text(m, "Note")])
        code = text(m, "ParticipationStatusAsValue").strip()
        if _ABSENT_STATUS.search(status) or (code.isdigit() and code not in _PRESENT_CODES
                                             and not _PRESENT_STATUS.search(status)):
            absent.append(name)
        if child(m, "Participate") is not None:
            flags.append((name, flag(text(m, "Participate"))))
    absent += [n for n in absent_by_flag(flags) if n not in absent]
    return participants, absent


def _item(el: Element, committee: str, day: date, contents: Contents) -> ItemDraft:
    draft = ItemDraft(
        title=squash(text(el, "Caption")),
        number=(text(el, "Number") or el.get("Nummer") or el.get("Number") or "").strip().rstrip(".") or None,
        # <Case><Number> (SBSYS eDagsorden); a flat <CaseNumber> or <Sagsnummer> in other installations' exports
        case_number=(text(el, "Case", "Number") or text(el, "CaseNumber") or text(el, "Sagsnummer")).strip() or None,
        closed=flag(text(el, "IsPublic")) is False,
    )
    fields = kids(child(el, "Fields"), "ItemField")
    fields.sort(key=lambda f: int(text(f, "Index")) if text(f, "Index").isdigit() else 1 << 30)
    parts: list[tuple[str, str]] = []
    for field in fields:
        caption, html = squash(text(field, "Caption")), contents.markup(child(field, "Content"))
        parts += headed_parts(caption, draft.title, html) or [(caption, fragment_text(html))]
    for caption, body in parts:
        heading = vocab.decision_heading(caption.capitalize() if caption.isupper() else caption)
        if heading is None:
            if not placeholder(body):
                draft.sections.append((caption, body))
            continue
        decider = heading.body if heading.body and heading.body.lower() != committee.lower() else None
        for entry_date, entry in dated_entries(body):
            if not placeholder(entry):
                draft.decisions.append(DecisionDraft(entry, decider, entry_date or heading.date))
    draft.sections += enclosure_sections(el)
    draft.decisions += _history(child(el, "ItemHistory"), committee, day, contents)
    draft.absentees = _members(el, "ItemMember")[1]
    draft.attachments = [squash(text(e, "Name")) or squash(text(e, "FileName"))
                         for e in kids(child(el, "Enclosures"), "Enclosure")]
    draft.attachments = [a for a in draft.attachments if a]
    return draft


def _history(history: Element | None, committee: str, day: date, contents: Contents) -> list[DecisionDraft]:
    """Earlier decisions on the case (AgMan/eDagsorden ``ItemHistory``): each entry with content, by the
    committee and on the meeting date its ``MeetingDetails`` name; this meeting's own decision is in the fields."""
    found: list[DecisionDraft] = []
    for entry in [] if history is None else [e for e in history.iter() if child(e, "Content") is not None]:
        body = fragment_text(contents.markup(child(entry, "Content")))
        body_name = squash(text(entry, "MeetingDetails", "CommitteeName")) or None
        on = when(text(entry, "MeetingDetails", "MeetingDueDate"))[0]
        if placeholder(body) or (on == day and (body_name or committee).lower() == committee.lower()):
            continue
        found.append(DecisionDraft(body, None if body_name and body_name.lower() == committee.lower()
                                   else body_name, on))
    return found


def _list_sub_items(items: list[ItemDraft]) -> None:
    """A parent item ("2") lists its printed sub-items ("2.1 …") as a section, so the structure is searchable."""
    for parent in items:
        if not parent.number or parent.number == "0":
            continue
        subs = [f"{it.number} {it.title}" for it in items
                if it.number and it.number.startswith(parent.number + ".") and it.number.count(".") ==
                parent.number.count(".") + 1]
        if subs:
            parent.sections.append(("Underpunkter", "\n".join(subs)))


READER = SbsysXmlReader()
