"""The names structured exports give their fields, in Danish and English, learnt from the formats we read (eDoc:
SerialNo/Title/CaseNumber; SBSYS: Number/Caption/Content; Greve: Punktnummer/Navn/SagsNummer/Bilag; Acadre:
name/caseno) and from common English schemas. A field name matches a list when, lower-cased and stripped of
punctuation, it is one of the words or ends with one of four letters or more ("AgendaItemTitle" is a title,
"MeetingDateTime" a date); an escaped name is decoded first ("M_x00f8_dedato", as SharePoint and XML writers spell
"Mødedato"). ``JSON_FIELDS`` and the sets after it are the JSON keys ``generic_json`` knows, compared slug-folded
and whole (``kind``, ``fields``); a Drupal field name ("field_os2web_m_bp_number") by its most specific known ending
once its prefixes are stripped.
"""

from __future__ import annotations

import re
from typing import Any

from core.model import slug

TITLE = ("title", "titel", "caption", "overskrift", "heading", "subject", "emne", "rubrik", "headline", "punkttitel")
NAME = ("name", "navn")  # a title only when nothing better is there (people have names too)
NUMBER = ("number", "nummer", "punktnummer", "punktnr", "itemno", "serialno", "nr", "no", "num", "punkt", "pkt",
          "sequence", "seq", "position")  # <agendaItem sequence="3">; schema.org's ListItem position
# a number field that may be a place in a list, counted from 0 or 1 (<item seq="0" number="1">): a printed number
# beside it wins
POSITION = ("sequence", "seq", "position", "index", "idx", "sortorder", "sortindex", "order", "rækkefølge",
            "raekkefoelge")
BODY = ("text", "tekst", "content", "indhold", "body", "description", "beskrivelse", "fremstilling", "resume",
        "resumé", "summary", "indstilling", "recommendation", "proposal", "html", "details", "notes", "note",
        "bemærkninger", "redegørelse", "baggrund", "background", "sagsbeskrivelse", "sagsfremstilling")
DECISION = ("beslutning", "decision", "afgørelse", "resolution", "outcome", "konklusion", "conclusion", "ruling",
            "verdict")
# an element named after the decision's status (<vedtaget>, <udsat>, <tagetTilEfterretning>, <approved>) holds the
# decision; the name is its outcome (``core.model.Outcome``)
STATUS = {
    "approved": ("vedtaget", "godkendt", "anbefalet", "tiltrådt", "tiltraadt", "bevilget", "imødekommet",
                 "imoedekommet", "approved", "adopted", "accepted", "recommended", "carried", "passed", "granted"),
    "noted": ("tagettilefterretning", "tilefterretning", "efterretning", "drøftet", "droeftet", "noted",
              "takennote", "takentonote", "discussed"),
    "postponed": ("udsat", "postponed", "deferred", "adjourned"),
    "rejected": ("afvist", "forkastet", "ikkegodkendt", "ikkevedtaget", "ikkeanbefalet", "bortfaldet", "rejected",
                 "refused", "declined"),
}
CLASSIFICATION = ("kle", "klenummer", "klenr", "klekode", "emnenummer", "emnenr", "facet", "handlingsfacet",
                  "klassifikation", "classification", "classificationcode", "taskcode")  # KLE "24.10.00": no case
CASE_WORKER = ("caseworker", "sagsbehandler", "casehandler", "handler", "officer", "ansvarlig")
CASE = ("casenumber", "caseno", "casenr", "sagsnummer", "sagsnr", "journalnummer", "journalnr", "jnr", "caseref",
        "case")  # <m:case>24/00052</m:case>
CLOSED = ("closed", "lukket", "confidential", "fortrolig", "private")
OPEN = ("public", "offentlig", "ispublic", "open", "åben", "aaben")
ATTACH = ("attachments", "attachment", "bilag", "enclosures", "enclosure", "files", "documents", "vedhæftninger")
ABSENT = ("absent", "absentees", "fraværende", "fravaerende", "afbud", "fravær", "fravaer")
DATE = ("date", "dato", "when", "mødedato", "moededato", "meetingdate", "start", "starttime", "startdate", "begin",
        "datetime", "tidspunkt", "meetingdatetime", "heldon", "held")
TIME = ("time", "tid", "klokkeslæt", "kl")
START = ("start", "starttime", "starttid", "begin", "mødestart", "moedestart")  # a start field may hold only a clock
COMMITTEE = ("committee", "udvalg", "committeename", "udvalgsnavn", "board", "council", "organ", "forum")
LOCATION = ("location", "sted", "mødested", "moedested", "where", "venue", "place", "lokale", "room")
KIND = ("type", "status", "kind", "documenttype", "doctype", "dokumenttype", "art")
TOWN = ("municipality", "kommune", "region", "organisation", "organization", "myndighed")
PRESENT = ("participate", "present", "deltog", "attended", "tilstede", "attending", "fremmødt",
           "fremmoedt")
PEOPLE = ("member", "participant", "deltager", "medlem", "attendee", "person")
PARTY = ("party", "parti", "partibogstav")
LABEL = ("type", "kind", "art", "titel", "title", "navn", "name", "overskrift", "heading")  # a part's own label
NOT_LABELS = {"html", "xhtml", "text", "plain", "string", "markdown", "rtf", "cdata",  # a type="..." naming no part
              "true", "false", "yes", "no", "ja", "nej"}


# JSON keys (``generic_json``), compared slug-folded: "Mødedato" -> "moededato", after dropping a prefix.
JSON_FIELDS: dict[str, set[str]] = {
    "case": {"case", "casenumber", "caseno", "casenr", "casereference", "caseref", "sagsnummer", "sagsnr", "sag",
             "journalnummer", "journalnr", "jnr"},
    "worker": {"caseworker", "sagsbehandler", "casehandler", "handler", "officer"},
    "number": {"number", "nummer", "nr", "no", "punkt", "pkt", "position", "sorting", "index", "serialno"},
    "order": {"sortorder", "order", "raekkefoelge", "sequence"},
    "title": {"title", "titel", "navn", "name", "caption", "overskrift", "heading", "subject", "emne",
              "sectiontitle", "neutraltitle", "fullname", "displayname", "filename"},
    "text": {"text", "tekst", "html", "body", "content", "indhold", "felter", "fields", "description", "beskrivelse",
             "sagsfremstilling", "fremstilling", "sections", "summary", "resume", "casepresentations", "afsnit",
             "punkttekst", "paragraphs"},
    "decision": {"decision", "beslutning", "afgoerelse", "resolution", "itemdecision", "ruling", "verdict"},
    "attachments": {"attachments", "bilag", "documents", "files", "enclosures"},
    "closed": {"closed", "lukket", "isclosed", "erlukket", "confidential", "fortrolig"},
    "open": {"public", "ispublic", "offentlig", "aaben", "open"},
    "date": {"date", "dato", "datetime", "start", "startdate", "startdatetime", "begin", "beginutc", "when",
             "heldon", "tidspunkt", "startsat", "startat", "beginsat", "heldat", "held", "scheduledat",
             "scheduledfor", "scheduledstart", "plannedstart", "occursat", "takesplaceat", "afholdt", "afholdes",
             "afholdelsesdato"},  # "held_at": when the meeting was held (never "fetched_at", "ended_at")
    "time": {"time", "tid", "starttime", "starttid", "klokken", "kl"},
    "end": {"end", "enddate", "enddatetime", "endtime", "ends", "until", "slut", "sluttid", "slutdato",
            "sluttidspunkt", "endsat", "endat"},  # when the meeting ends: never its date
    "committee": {"committee", "udvalg", "udvalgsnavn", "board", "organ", "committeename"},
    "municipality": {"municipality", "kommune", "organisation", "organization", "city", "organizationname",
                     "municipalityname"},
    "location": {"location", "sted", "venue", "place", "lokale", "room", "where", "adresse", "address"},
    "participants": {"participants", "deltagere", "members", "medlemmer", "attendees", "moededeltagere", "partic",
                     "attendance", "fremmoede"},  # a list of people with their attendance
    "absent": {"absent", "absentees", "afbud", "fravaerende", "fravaer", "absence", "absences", "cancel",
               "cancelled", "canceled", "cancellations", "apologies"},
    "present": {"present", "ispresent", "attended", "attending", "tilstede", "deltog", "fremmoedt"},
    "party": {"party", "parti", "partibogstav", "partyletter"},
    # a note on attendance: who came late or left early ("protocolNote": "X deltog fra kl. 17.25 ...")
    "remarks": {"remarks", "remark", "bemaerkning", "bemaerkninger", "protocolnote", "protokolbemaerkning",
                "attendancenote", "moedebemaerkning"},
}
ABSENT_STEMS = ("afbud", "fravaer", "absent")  # "AfbudTekst", "FravaerendeMedlemmer": who did not attend
PLAIN_BODY = {"text", "tekst", "html", "body", "content", "indhold", "felter", "fields", "sections",
              "casepresentations", "afsnit", "punkttekst", "paragraphs"}  # body keys that name no section
PREFIXES = ("agendaitem", "item", "agenda", "meeting", "moede", "punkt", "dagsorden")
ITEM_LISTS = {"items", "agenda", "agendaitems", "punkter", "dagsordenpunkter", "dagsordenspunkter", "dagsorden",
              "points", "rows", "elements", "agendaelements"}
NAME_KEYS = {"body", "organ"}  # beside the items, a short name under these is the committee, not a text
MEETING_KEYS = {"meeting", "moede", "mode", "session", "header", "meta", "metadata"}  # looked in first
# a row's section name, when a file has one row per section
SECTION_KEYS = {"afsnit", "afsnitnavn", "afsnittitel", "afsnitstitel", "afsnitsnavn", "section", "sectionname",
                "sectionheading", "sectiontype", "felt", "feltnavn", "fieldname"}
# a section's label when it has no title ("blocks": [{"blockType": "Sagsfremstilling", "content": …}])
LABEL_KEYS = {"type", "kind", "typename", "sectiontype", "blocktype", "fieldtype", "art", "label"}


_ESCAPE = re.compile(r"_x([0-9a-fA-F]{4})_")


def decoded(name: str) -> str:
    """A name with the XML/SharePoint escapes of characters a name cannot hold decoded ("M_x00f8_dedato" ->
    "Mødedato", "_x00d8_konomi" -> "Økonomi")."""
    return _ESCAPE.sub(lambda m: chr(int(m[1], 16)), name) if "_x" in name else name


def key(name: str) -> str:
    return re.sub(r"[^a-z0-9æøåé]", "", decoded(name.rsplit("}", 1)[-1]).lower())


def kind_of(name: str, vocab_: tuple[str, ...]) -> bool:
    k = key(name)
    if vocab_ is NUMBER and (k in CASE or any(k.endswith(t) for t in CASE)):
        return False  # "CaseNumber" is no item number
    tail = key(name.rsplit("/", 1)[-1])  # "sagsreference/kle": the child's own name
    if (vocab_ is NUMBER or vocab_ is CASE) and (tail in CLASSIFICATION or tail.startswith("kle")):
        return False  # a KLE classification code ("KLENummer" 24.10.00) is neither an item nor a case number
    return k in vocab_ or any(len(t) >= 4 and k.endswith(t) for t in vocab_)


def status(name: str) -> str | None:
    """The outcome an element's status name states (<ns2:vedtaget> -> "approved", <udsat> -> "postponed")."""
    k = key(name)
    return next((outcome for outcome, words in STATUS.items() if k in words), None)


def label(value: str) -> str:
    """A value that reads as a part's label ("Sagsfremstilling", "Decision"), not a format, flag or code; else ""."""
    value = " ".join(value.split())
    ok = value.lower() not in NOT_LABELS and re.fullmatch(r"[^\W\d_][\w ,.'&()-]{0,79}", value)
    return value if ok else ""


def fold(key: Any) -> str:
    return re.sub(r"[^a-z0-9]", "", slug(decoded(str(key))))


def kind(key: str) -> str | None:
    """What a JSON field holds, judged by its name; a Drupal field by its most specific known ending."""
    folded = fold(key)
    keys = [folded] + [folded[len(p):] for p in PREFIXES if folded.startswith(p) and len(folded) > len(p)]
    keys += drupal_tails(key)
    for name in keys:
        for field, words in JSON_FIELDS.items():
            if name in words:
                return field
    for name in keys:  # compounds: "decisionText" holds a decision, "AfbudTekst" absentees, "bodyHtml" a body
        if name.startswith(("decision", "beslutning")):
            return "decision"
        if name.startswith(ABSENT_STEMS):
            return "absent"
        if name.endswith(("html", "text", "tekst", "body", "content", "indhold")):
            return "text"
    return None


def drupal_tails(key: str) -> list[str]:
    """A Drupal field name ("field_" + module prefix + name) without its prefixes, longest first:
    "field_os2web_m_bp_number" -> "os2webmbpnumber", "mbpnumber", "bpnumber", "number"."""
    parts = [p for p in re.split(r"_+", str(key)) if p]
    if len(parts) < 2 or parts[0].lower() != "field":
        return []
    return [fold("".join(parts[k:])) for k in range(1, len(parts))]


def fields(record: dict[str, Any]) -> dict[str, tuple[str, Any]]:
    """A JSON record's fields: {kind: (key, value)} for the first non-empty value of each kind."""
    out: dict[str, tuple[str, Any]] = {}
    for key, value in record.items():
        found = kind(key)
        if found and found not in out and value not in (None, "", [], {}):
            out[found] = (key, value)
    return out
