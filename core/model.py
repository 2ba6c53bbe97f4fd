"""The civic data model: Meeting, AgendaItem, Decision, Vote, Section.

Modelled on OParl (Meeting, AgendaItem, Consultation) and Council Data Project
(EventMinutesItem, Matter, Vote). Everything a citation needs is here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date as Date
from typing import Literal

from pydantic import BaseModel, Field, field_validator

from core.dates import long_date

Outcome = Literal["approved", "noted", "postponed", "rejected", "other"]
Position = Literal["for", "against", "abstain"]


class Member(BaseModel):
    """A person named in a vote or an absentee line, with party letter if printed."""

    name: str
    party: str | None = None


class Vote(BaseModel):
    """One side of a recorded vote: "For stemte 3: Jakob Lykke (A), ..."."""

    position: Position
    count: int | None = None
    members: list[Member] = Field(default_factory=list)
    text: str = ""


class Decision(BaseModel):
    """The decision of one body that handled the item (OParl: Consultation + result)."""

    body: str
    date: Date | None = None
    text: str
    outcome: Outcome = "other"
    votes: list[Vote] = Field(default_factory=list)
    absentees: list[str] = Field(default_factory=list)
    heading: str = ""

    @property
    def label(self) -> str:
        """The heading item texts print before this decision: "Beslutning i Byrådet den 27-04-2022"."""
        return decision_heading(self.body, self.date)

    @property
    def block(self) -> str:
        """Heading and text as the item's text holds them (quotes cite this block verbatim)."""
        return f"{self.label}\n{self.text}".strip()


class Section(BaseModel):
    """A named part of the item: Resumé, Sagsfremstilling, Indstilling, ..."""

    name: str
    heading: str
    text: str


class AgendaItem(BaseModel):
    """One agenda item ("Punkt 5"). ``number`` is as printed, or None."""

    number: str | None
    order: int
    title: str
    title_derived: bool = False
    case_number: str | None = None
    case_worker: str | None = None  # the official handling the case ("Sagsbehandler"), when the source names one
    closed: bool = False
    sections: list[Section] = Field(default_factory=list)
    decisions: list[Decision] = Field(default_factory=list)
    attachments: list[str] = Field(default_factory=list)
    absentees: list[str] = Field(default_factory=list)
    text: str = ""

    def section(self, name: str) -> Section | None:
        return next((s for s in self.sections if s.name == name), None)

    @property
    def label(self) -> str:
        return item_label(self.number, self.order)


class Meeting(BaseModel):
    """A meeting of one committee (body) of one municipality."""

    municipality: str
    municipality_evidence: list[str] = Field(default_factory=list)
    committee: str
    date: Date
    time: str | None = None
    location: str | None = None
    participants: list[str] = Field(default_factory=list)
    absentees: list[str] = Field(default_factory=list)
    # who came late or left early, as printed ("Peter Kolind (Ø) forlod mødet kl. 19.50 under punkt 5")
    remarks: list[str] = Field(default_factory=list)
    status: Literal["minutes", "agenda"] = "minutes"
    extraordinary: bool = False
    published: str | None = None  # the source's own publication/version timestamp (ISO), when it states one
    source: str = ""
    items: list[AgendaItem] = Field(default_factory=list)

    @field_validator("municipality")
    @classmethod
    def _canonical_municipality(cls, v: str) -> str:
        """One spelling per municipality ("esbjerg kommune" -> "Esbjerg"), so one meeting has one id."""
        from core.municipalities import canonical_name

        v = " ".join(v.split())
        return canonical_name(v) or v

    @property
    def id(self) -> str:
        return meeting_id(self.municipality, self.committee, self.date)

    def item_ids(self) -> list[str]:
        """Stable ids, aligned with ``items``: meeting id + printed number ("--p5", "--p10.1"), so a corrected
        meeting keeps its links; an unnumbered item by its order ("--003"); a repeated number gets "~2", "~3"."""
        out: list[str] = []
        seen: dict[str, int] = {}
        for it in self.items:
            number = re.sub(r"[^0-9A-Za-z.]+", "-", it.number or "").strip("-.")[:20]
            tail = f"p{number}" if number else f"{it.order:03d}"
            seen[tail] = seen.get(tail, 0) + 1
            out.append(tail if seen[tail] == 1 else f"{tail}~{seen[tail]}")
        return [item_id(self.id, tail) for tail in out]

    def item_id(self, item: AgendaItem) -> str:
        ids = self.item_ids()
        for k, it in enumerate(self.items):
            if it is item:
                return ids[k]
        for k, it in enumerate(self.items):
            if it.order == item.order:
                return ids[k]
        return item_id(self.id, f"{item.order:03d}")

    def facts(self) -> dict[str, str]:
        """The meeting's own facts as labelled lines (the meeting page prints them; citations quote them)."""
        # the time as Danish minutes print it ("kl. 09.00") and as structured exports write it ("09:00")
        # and the day in words ("12-06-2024 (12. juni 2024)"), as a question about the meeting's day asks it
        when = f"{self.date.strftime('%d-%m-%Y')} ({long_date(self.date)})" + (
            f" kl. {self.time.replace(':', '.')} ({self.time})" if self.time else "")
        out = {"meeting": f"{self.committee}, {self.municipality}", "date": f"Mødedato: {when}"}
        if self.location:
            out["venue"] = f"Mødested: {self.location}"
        if self.extraordinary:
            out["extraordinary"] = "Ekstraordinært møde"
        out["status"] = ("Dokument: dagsorden (der er ikke registreret beslutninger)" if self.status == "agenda"
                         else "Dokument: referat")
        if self.participants:
            out["participants"] = "Deltagere: " + ", ".join(self.participants)
        if self.absentees:
            out["absent"] = "Fraværende/afbud: " + ", ".join(self.absentees)
        if self.remarks:
            out["remarks"] = "Bemærkning: " + " ".join(self.remarks)
        return out

    def facts_text(self) -> str:
        return "\n".join(self.facts().values())


@dataclass
class Chunk:
    """A piece of one item's text as stored and embedded (ingest/chunk.py cuts them)."""

    id: str
    item_id: str
    meeting_id: str
    text: str
    kind: str  # "decision" | "body"
    n: int


def fold(text: str) -> str:
    """Case- and accent-insensitive form for matching (æ, ø, å spelt ae, oe, aa; other accents dropped)."""
    text = text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def slug(text: str) -> str:
    """ASCII slug: "Social & Arbejdsmarkedsudvalget" -> "social-arbejdsmarkedsudvalget"."""
    table = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "ae", "Ø": "oe", "Å": "aa"})
    text = unicodedata.normalize("NFKD", text.translate(table))
    text = text.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


# The shared strings and ids: one function builds each, one reads it back. Slugs hold no "--", "#" or "@", so
# the separators below split unambiguously.

def meeting_id(municipality: str, committee: str, day: Date) -> str:
    """"esbjerg_social-arbejdsmarkedsudvalget_2024-01-16"."""
    return f"{slug(municipality)}_{slug(committee)}_{day.isoformat()}"


def item_id(meeting: str, tail: str) -> str:
    """Meeting id + "--" + the item's tail: "p5" (printed number), "003" (unnumbered, by order), "p3~2"."""
    return f"{meeting}--{tail}"


def split_item_id(item: str) -> tuple[str, str]:
    """(meeting id, tail) of an item id; the tail is "" when ``item`` is no item id."""
    meeting, _, tail = item.partition("--")
    return meeting, tail


def item_order(item: str) -> int | None:
    """The order of an unnumbered item from its id ("...--003" -> 3), else None."""
    tail = split_item_id(item)[1]
    return int(tail) if tail.isdigit() else None


def chunk_id(item: str, n: int) -> str:
    return f"{item}#{n}"


def chunk_item_id(chunk: str) -> str:
    """The item id a chunk id (or a chunk's vector id) belongs to."""
    return chunk.split("#")[0]


def vector_id(chunk: str, version: str) -> str:
    """A chunk's id in the vector store, stamped with the meeting version that wrote it."""
    return f"{chunk}@{version}"


def split_vector_id(vector: str) -> tuple[str, str]:
    """(chunk id, version) of a vector id."""
    chunk, _, version = vector.rpartition("@")
    return chunk, version


def item_label(number: str | None, order: int | None = None) -> str:
    """"Punkt 5"; unnumbered: "Punkt (nr. 3 i rækkefølgen)" when the order is known, else "Punkt uden nummer"."""
    if number:
        return f"Punkt {number}"
    return f"Punkt (nr. {order} i rækkefølgen)" if order is not None else "Punkt uden nummer"


def decision_heading(body: str, day: Date | None) -> str:
    """"Beslutning i Byrådet den 27-04-2022" (no date: "Beslutning i Byrådet"); core.vocab reads it back."""
    return f"Beslutning i {body}" + (f" den {day.strftime('%d-%m-%Y')}" if day else "")
