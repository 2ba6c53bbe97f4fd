"""eDoc (Fujitsu) agenda XML fields written as ATTRIBUTES (the 2016 schema, ``…/agenda/xml/schemas/2016/05/01/``),
read by ``edoc_xml`` beside the element form of the earlier schemas.

The newer exporter writes almost every fact as an attribute of its element rather than as a child element:
``Committee@{Name, ShortName, Organisation}``, ``Meeting@{MeetingDateTime, EndDateTime, MeetingLocation,
MeetingStateCode}``, ``MeetingParticipant@{Name, RoleInMeeting, PoliticalParty, Participate}``, ``Agenda@Type``,
``AgendaElement@{SortOrder, AccessIsPublic, AccessName, Category}``, ``Absence@{Name, Reason}``,
``HandlingItem@{SerialNo, Title, NeutralTitle, CaseNumber, CaseWorker}`` and ``Attachment@{Title, FileType}``.
Only the texts are element content: ``CasePresentation@{Title, IsDecision, Index}`` and ``Decision@{Status,
DecisionDate}`` hold their HTML as CDATA directly (no ``Content`` child). A decision's ``Status`` states its outcome
when it is a status word ("Udsat": postponed); "Frigivet"/"IkkeFrigivet" only say whether it was released.
"""

from __future__ import annotations

from ingest.readers import fieldnames as names
from ingest.readers.xmlutil import Element, child, has_kids, markup, text


def field(el: Element | None, name: str) -> str:
    """A field written as a child element (``<edoc:Placement>This</…>``) or as an attribute (``Placement="This"``,
    namespaced or not); '' when neither is there."""
    if el is None:
        return ""
    if child(el, name) is not None:
        return text(el, name)
    for key, value in el.attrib.items():
        if key.rsplit("}", 1)[-1] == name:
            return str(value).strip()
    return ""


def has_field(el: Element | None, name: str) -> bool:
    """True when the field is there, as a child element or as an attribute (even empty)."""
    return el is not None and (child(el, name) is not None
                               or any(k.rsplit("}", 1)[-1] == name for k in el.attrib))


def body(el: Element | None) -> str:
    """A text element's HTML: its ``Content`` child, or (the 2016 schema) its own CDATA when it has no child
    elements; '' when it has neither."""
    if el is None:
        return ""
    content = child(el, "Content")
    if content is not None:
        return markup(content)
    return "" if has_kids(el) else markup(el)


def status_outcome(decision: Element | None) -> str | None:
    """The outcome a decision's ``Status`` attribute states ("Udsat" -> "postponed"), else None."""
    return names.status(field(decision, "Status")) if decision is not None else None
