"""The names structured exports give their fields, in Danish and English, learnt from the formats we read
(eDoc: SerialNo/Title/CaseNumber; SBSYS: Number/Caption/Content; Greve: Punktnummer/Navn/SagsNummer/Bilag;
Acadre: name/caseno) and from common English schemas. A field name matches a list when, lower-cased and
stripped of punctuation, it is one of the words or ends with one of four letters or more
("AgendaItemTitle" is a title, "MeetingDateTime" a date).
"""

from __future__ import annotations

import re

TITLE = ("title", "titel", "caption", "overskrift", "heading", "subject", "emne", "rubrik", "headline", "punkttitel")
NAME = ("name", "navn")  # a title only when nothing better is there (people have names too)
NUMBER = ("number", "nummer", "punktnummer", "punktnr", "itemno", "serialno", "nr", "no", "num", "punkt", "pkt")
BODY = ("text", "tekst", "content", "indhold", "body", "description", "beskrivelse", "fremstilling", "resume",
        "resumé", "summary", "indstilling", "recommendation", "proposal", "html", "details", "notes", "note",
        "bemærkninger", "redegørelse", "baggrund", "background", "sagsbeskrivelse", "sagsfremstilling")
DECISION = ("beslutning", "decision", "afgørelse", "resolution", "outcome", "konklusion", "conclusion")
CASE_WORKER = ("caseworker", "sagsbehandler", "casehandler", "handler", "officer", "ansvarlig")
CASE = ("casenumber", "caseno", "casenr", "sagsnummer", "sagsnr", "journalnummer", "journalnr", "jnr", "caseref")
CLOSED = ("closed", "lukket", "confidential", "fortrolig", "private")
OPEN = ("public", "offentlig", "ispublic", "open", "åben", "aaben")
ATTACH = ("attachments", "attachment", "bilag", "enclosures", "enclosure", "files", "documents", "vedhæftninger")
ABSENT = ("absent", "absentees", "fraværende", "afbud", "fravær")
DATE = ("date", "dato", "when", "mødedato", "moededato", "meetingdate", "start", "starttime", "startdate", "begin",
        "datetime", "tidspunkt", "meetingdatetime", "heldon", "held")
TIME = ("time", "tid", "klokkeslæt", "kl")
COMMITTEE = ("committee", "udvalg", "committeename", "udvalgsnavn", "board", "council", "organ", "forum")
LOCATION = ("location", "sted", "mødested", "moedested", "where", "venue", "place", "lokale", "room")
KIND = ("type", "status", "kind", "documenttype", "doctype", "dokumenttype", "art")
TOWN = ("municipality", "kommune", "region", "organisation", "organization", "myndighed")
PRESENT = ("participate", "present", "deltog", "attended", "tilstede", "attending")
PEOPLE = ("member", "participant", "deltager", "medlem", "attendee", "person")


def key(name: str) -> str:
    return re.sub(r"[^a-z0-9æøåé]", "", name.rsplit("}", 1)[-1].lower())


def kind_of(name: str, vocab_: tuple[str, ...]) -> bool:
    k = key(name)
    if vocab_ is NUMBER and (k in CASE or any(k.endswith(t) for t in CASE)):
        return False  # "CaseNumber" is no item number
    return k in vocab_ or any(len(t) >= 4 and k.endswith(t) for t in vocab_)
