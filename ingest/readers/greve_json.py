"""First Agenda portal JSON ("Vis" API, e.g. dagsordener.greve.dk): ``{Dagsordenpunkter[], Udvalg, Moede}``.

Meeting: committee ``Udvalg.Navn``; date and local start time from ``Moede.MeetingBeginUtc``/``Dato`` (an ISO time
with the local offset or in UTC, shown in Danish local time); place ``Moede.Sted``; members
``Moede.Moededeltagere[].Name`` with the flags ``Absent``/``ParticipationCancelled``. Extraordinary when
``Moede.Navn`` says so ("Ekstraordinær dagsorden") or the agenda-approval item speaks of an "ekstraordinært møde"; a
"Skriftligt møde" (written procedure) is a way of meeting, not by itself extraordinary.

Item: ``Punktnummer``/``Number`` (printed), ``Navn``/``Caption`` (closed items start "Lukket"), ``SagsNummer``,
``Bilag[].Navn``, ``ExternalAgendaItemAttendees`` (Reason "Fraværende"/"Afbud"). ``Felter[].Html`` is split on its
headings: "Beslutning" is this meeting's decision, "Sagens forløb" holds earlier decisions (``<u>dd-mm-yyyy
Body</u>`` entries; with no "Beslutning", this meeting's entry is the decision: ``greve_vis``), known section
headings (Sagsprocedure, Resume, Indstilling, ...) become sections; any other heading element is body text (the
portal often wraps whole paragraphs in ``<h4>``). A paragraph that is only a bold known heading counts as a heading.
A field with neither a name nor a heading is a bare decision (closed items publish only that). Artefacts such as
"50?%" (a lost narrow no-break space) are kept as printed. The agenda object may come wrapped in an API envelope
({"success": …, "data": {…}}; ``greve_vis.envelope``), or written with the API's English twin names only
(``AgendaItems``, ``Committee``, ``Meeting``, .NET "/Date(…)/" dates; ``greve_english``). Members may be
``Moede.Deltagere`` objects with a party, a status and a remark (``greve_people``); sub-items nested in
``Underpunkter``, attachments carrying their text, a decision printed after the case history and a
``TillaegsDagsorden`` object holding its own items are ``greve_nested``'s.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any, cast

from bs4 import BeautifulSoup

from core import dates, vocab
from core.errors import IngestError
from ingest.readers import stamps
from ingest.readers.base import DecisionDraft, ItemDraft, MeetingDraft, Source
from ingest.readers.greve_english import COMMITTEE_KEYS, MEETING_OBJECT_KEYS, MEMBER_KEYS, agenda_items, published
from ingest.readers.greve_nested import attachment_sections, own_first, portal_municipality, sub_items, supplement_items
from ingest.readers.greve_people import absence_lines, labelled, meeting_remarks, people
from ingest.readers.greve_vis import envelope, first_own, own_entry, same_body
from ingest.readers.markup import fragment_sections, fragment_text
from ingest.readers.xmlutil import when as field_when

# the portal's section headings (vocab.section_name knows the common ones: Resume, Indstilling, Lovgrundlag, ...)
SECTION_WORDS = ["Fremstilling", "Sagsprocedure", "Resume", "Resumé", "Indstilling", "Sagsbeskrivelse",
                 "Supplerende sagsfremstilling", "Lovgrundlag", "Økonomiske konsekvenser", "Øvrige konsekvenser",
                 "Øvrige forhold", "Høring", "Kommunikation", "Tidsplan"]
KNOWN = re.compile(rf"^(?:{'|'.join(SECTION_WORDS)})\s*:?$", re.I)
HISTORY = re.compile(r"^Sagens forløb\s*:?$|^Sagsforløb\s*:?$", re.I)
HISTORY_ENTRY = re.compile(r"^(?P<date>\d{1,2}[-/.]\d{1,2}[-/.]\d{4})\s+(?P<body>\S.{1,120})$")
EXTRAORDINARY = re.compile(r"ekstraordinær\w*\s+(?:\w+\s+)?(?:møde|dagsorden|udvalgsmøde|byrådsmøde)", re.I)
CLOSED_TITLE = re.compile(r"^\s*Lukket\b", re.I)


def get(obj: Any, *keys: str) -> Any:
    """The first non-empty value among ``keys`` (case-insensitive) of a JSON object, else None."""
    if not isinstance(obj, dict):
        return None
    lowered = {str(k).lower(): v for k, v in obj.items()}
    for key in keys:
        value = lowered.get(key.lower())
        if value not in (None, "", [], {}):
            return value
    return None


def seq(value: Any) -> list[Any]:
    """A JSON list, or [] for anything else."""
    return value if isinstance(value, list) else []


def text_of(value: Any) -> str:
    return " ".join(str(value).split()) if value not in (None, "") and not isinstance(value, dict | list) else ""


def when(value: Any) -> tuple[date | None, str | None]:
    """An ISO timestamp ("2025-10-01T17:30:00+02:00") or a Danish date: the local date and "HH:MM" (a stamp with
    a zone as the Copenhagen clock shows it, ``stamps.local``)."""
    raw = text_of(value)
    if not raw:
        return None, None
    try:
        stamp = stamps.net_date(raw) or datetime.fromisoformat(raw.replace("Z", "+00:00"))  # "/Date(…)/": .NET
    except ValueError:  # "21.05.2024", "27. august 2024 16:00": the date-and-time field reading of every reader
        return field_when(raw)
    stamp = stamps.local(stamp)  # a stamp with a zone (UTC or an offset): shown in Danish local time
    clock = stamp.strftime("%H:%M")
    return stamp.date(), (None if clock == "00:00" else clock)  # midnight: a date given without a time


def _items(payload: Any) -> list[Any]:
    return seq(get(payload, "Dagsordenpunkter")) or agenda_items(payload)


def agenda_of(data: Any) -> Any:
    """The agenda object: the document, or the one object an API envelope wraps (``greve_vis.envelope``)."""
    return envelope(data, lambda node: bool(_items(node)))


PORTAL_ITEM_KEYS = {"punktnummer", "number", "caption", "itemdecision", "externalagendaitemattendees"}


def portal_record(record: dict[str, Any]) -> bool:
    """An item as First Agenda publishes it: one of the portal's own item fields (``Punktnummer``,
    ``Number``, ``Caption``, ``ItemDecision``, ``ExternalAgendaItemAttendees``) or a ``Felter`` entry
    holding its text as ``Html``."""
    if {str(k).lower() for k in record} & PORTAL_ITEM_KEYS:
        return True
    return any(isinstance(f, dict) and {str(k).lower() for k in f} & {"html"} for f in seq(get(record, "Felter")))


class GreveJsonReader:
    name = "greve-json"

    def sniff(self, src: Source) -> bool:
        """A ``Dagsordenpunkter`` list of objects in the portal's own layout (``portal_record``). Another
        vendor's export that happens to use the word (items keyed "Punktnr"/"Overskrift", fields
        {"Navn", "Indhold"}, sub-items nested in an item) is left to ``generic_json``, which maps field
        names generally; only when that reader finds no item-like records either is the list read here."""
        if not isinstance(src.json, dict | list):
            return False
        records = [x for x in _items(agenda_of(src.json)) if isinstance(x, dict)]
        if not records:
            return False
        if any(portal_record(r) for r in records):
            return True
        from ingest.readers import generic_json  # imported here: generic_json imports this module

        return not generic_json.READER.sniff(src)

    def read(self, src: Source) -> MeetingDraft:
        payload = cast(dict[str, Any], agenda_of(src.json))
        udvalg, moede = get(payload, *COMMITTEE_KEYS) or {}, get(payload, *MEETING_OBJECT_KEYS) or {}
        committee = text_of(get(udvalg, "Navn", "Name") if isinstance(udvalg, dict) else udvalg)
        stated = get(moede, "MeetingBeginUtc", "Dato", "Moededato", "Mødedato", "Date")
        day, time = when(stated)
        if day is None:  # never dated today: a meeting's date the file does not give is not invented
            raise IngestError(src.path, f"First Agenda JSON: meeting date {text_of(stated)!r} not understood"
                              if stated else "First Agenda JSON without a meeting date (Moede: MeetingBeginUtc, Dato)")
        warnings: list[str] = []
        members = people(seq(get(moede, *MEMBER_KEYS)))
        items: list[ItemDraft] = []
        bodies: set[str] = set()
        for k, raw in enumerate([*_items(payload), *supplement_items(payload, _items)]):  # + a tillægsdagsorden
            if isinstance(raw, dict):  # an item, then the sub-items nested in it ("4.1", "4.2")
                items += [read_item(x, committee, day, bodies) for x in (raw, *sub_items(raw))]
            else:
                warnings.append(f"Dagsordenpunkter[{k}] is not an object; skipped")
        for it in items:  # "Birthe Agerskov" of an item's attendees as the members list prints her
            it.absentees = labelled(it.absentees, members.labels)
        if len(bodies) == 1:  # "Byrådet 2022-2025" deciding as "Byrådet": the committee is named as it decides
            committee = bodies.pop()
        absentees = printed_names(members.absentees, items)
        label = " ".join(text_of(get(moede, key)) for key in ("Navn", "Description"))
        agenda_text = "\n".join(t for it in items if "dagsorden" in it.title.lower() for _, t in it.sections)
        return MeetingDraft(
            committee=committee,
            date=day,
            time=time,
            items=items,
            municipality=text_of(get(payload, "Kommune", "Municipality", "Organisation"))
            or portal_host(payload, moede),
            location=text_of(get(moede, "Sted", "Lokation", "Location")) or None,
            participants=members.participants,
            absentees=absentees,
            remarks=meeting_remarks(moede, members.remarks),
            status="minutes" if any(it.decisions for it in items) else "agenda",
            extraordinary=bool(re.search(r"ekstraordinær", label, re.I) or EXTRAORDINARY.search(agenda_text)),
            published=published(get(moede, "ReleasedDate")),
            warnings=warnings,
        )


def portal_host(payload: dict[str, Any], moede: Any = None) -> str | None:
    """The municipality a First Agenda portal is hosted for ("https://dagsordener.greve.dk/Vis/..." -> Greve): the
    agenda's own ``Link`` (or its meeting's), else its first items' field links."""
    links = [text_of(get(payload, "Link")), text_of(get(moede, "Link"))]
    links += [text_of(get(felt, "Link")) for item in _items(payload)[:5] for felt in seq(get(item, "Felter"))]
    return portal_municipality([x for x in links if x.startswith("http")])


def read_item(raw: dict[str, Any], committee: str, day: date, bodies: set[str] | None = None) -> ItemDraft:
    """One item; ``bodies`` collects the names under which this meeting decided in the items' case histories."""
    title = text_of(get(raw, "Navn", "Caption", "Titel", "Overskrift"))
    number = get(raw, "Punktnummer", "Number", "Nummer")
    closed = bool(CLOSED_TITLE.match(title)) or get(raw, "Lukket", "ErLukket", "IsClosed") is True
    item = ItemDraft(title=title, number=text_of(number) or None, closed=closed,
                     case_number=text_of(get(raw, "SagsNummer", "CaseNumber", "Sagsnummer")) or None)
    for felt in seq(get(raw, "Felter", "Fields")):
        if isinstance(felt, dict):
            read_field(item, text_of(get(felt, "Navn", "Name", "Overskrift")),  # every history entry kept:
                       str(get(felt, "Html", "Tekst", "Text") or ""), committee, date.min)  # sorted by own_entry
    if (own := own_entry(item, committee, day)) is not None:
        decided = len(item.decisions)
        add_decision(item, own[1])
        first_own(item, decided)
        if bodies is not None and same_body(own[0], committee):
            bodies.add(own[0])
    if not item.decisions and isinstance(get(raw, "ItemDecision"), str):
        add_decision(item, fragment_text(get(raw, "ItemDecision")))
    own_first(item)
    for d in item.decisions:
        d.text = absence_lines(d.text) if d.body is None else d.text
    for b in seq(get(raw, "Bilag", "Attachments")):
        name = text_of(get(b, "Navn", "Name", "Titel")) if isinstance(b, dict) else text_of(b)
        item.attachments += [name] if name else []
        item.sections += attachment_sections(b, name)  # an attachment that carries its own text
    absent = [text_of(get(p, "Name", "Navn")) for p in seq(get(raw, "ExternalAgendaItemAttendees"))
              if vocab.ABSENT_WORD.search(text_of(get(p, "Reason", "Aarsag")))]
    item.absentees += [n for n in printed_names(absent, [item]) if n and n not in item.absentees]
    return item


def printed_names(names: list[str], items: list[ItemDraft]) -> list[str]:
    """Names from attendance flags as the decisions' "Afbud:"/"Fraværende:" lines print them ("Ole Bech" ->
    "Ole Bech (V)"), so that a person is listed once."""
    printed = [n for it in items for d in it.decisions if d.body is None for line in d.text.splitlines()
               if (m := vocab.ABSENT_LABEL.match(line.strip())) for n in vocab.split_names(m.group("names"))]
    return [next((p for p in printed if vocab.member(p)[0] == name), name) for name in names]


def read_field(item: ItemDraft, name: str, html: str, committee: str, day: date, bare_decision: bool = True) -> None:
    """One ``Felter`` entry: decision, sections and case history from its headings. A field with neither a
    name nor a heading is a decision when ``bare_decision`` (the portal's convention), else plain text."""
    blocks = fragment_sections(_mark_headings(html))
    bare = not any(h for h, _ in blocks)
    for printed, text in blocks:
        heading = printed or name
        dec = vocab.decision_heading(heading) if heading else None
        if dec is not None:
            add_decision(item, "\n".join(x for x in (dec.inline_text, text) if x),
                         dec.body if dec.body != committee else None, dec.date)
        elif not heading and bare and bare_decision:
            add_decision(item, text)
        elif HISTORY.match(heading):
            item.decisions += history(text, committee, day)
        elif not printed or KNOWN.match(heading) or vocab.section_name(heading) or not item.sections:
            item.sections.append((heading, text))
        else:  # a heading element holding a paragraph or a sub-heading: body text of the current section
            last_heading, last_text = item.sections[-1]
            item.sections[-1] = (last_heading, "\n\n".join(x for x in (last_text, heading, text) if x))


def _mark_headings(html: str) -> str:
    """Bold-only paragraphs naming a known section ("<p><strong>Resume</strong></p>") become headings; the
    entries of a "sagsforloeb" block get their own lines."""
    if "<" not in html:
        return html
    soup = BeautifulSoup(html, "lxml")
    for p in soup.find_all(["p", "div"]):
        label = " ".join(p.get_text(" ").split())
        bold = p.find(["strong", "b"])
        if bold and label and " ".join(bold.get_text(" ").split()) == label and _is_heading(label):
            p.name = "h4"
    for u in soup.select(".sagsforloeb u"):
        u.name = "p"
    for piece in list(soup.find_all(string=True)):  # a line break inside HTML text is a space
        if ("\n" in piece or "\r" in piece) and piece.parent is not None and piece.parent.name != "pre":
            piece.replace_with(re.sub(r"\s*[\r\n]+\s*", " ", str(piece)))
    body = soup.body
    return body.decode_contents() if body else str(soup)


def _is_heading(label: str) -> bool:
    return bool(KNOWN.match(label) or HISTORY.match(label) or vocab.section_name(label) or label == "Beslutning")


def add_decision(item: ItemDraft, text: str, body: str | None = None, day: date | None = None) -> None:
    """A decision text; one holding only "Afbud:"/"Fraværende:" lines is attendance, not a decision."""
    lines = [x.strip() for x in text.splitlines() if x.strip()]
    if not lines:
        return
    if all(vocab.ABSENT_LABEL.match(x) for x in lines):
        for line in lines:
            m = vocab.ABSENT_LABEL.match(line)
            item.absentees += [n for n in vocab.split_names(m.group("names") if m else "") if n not in item.absentees]
        return
    item.decisions.append(DecisionDraft(text=text, body=body, date=day))


def history(text: str, committee: str, day: date) -> list[DecisionDraft]:
    """"Sagens forløb": ``dd-mm-yyyy Body`` lines, each followed by that body's decision. The entry for this
    very meeting is left out (it repeats the decision). Absence lines of those earlier meetings are kept in
    parentheses, so they are not read as absence from this one."""
    out: list[DecisionDraft] = []
    for line in text.splitlines():
        m = HISTORY_ENTRY.match(line.strip())
        entry_day = dates.first_date(m.group("date")) if m else None
        if m and entry_day:
            out.append(DecisionDraft(text="", body=m.group("body").strip(), date=entry_day))
        elif out:
            out[-1].text += "\n" + (f"({line.strip()})" if vocab.ABSENT_LABEL.match(line.strip()) else line)
    return [d for d in out if d.text.strip() and not (d.date == day and d.body == committee)]


READER = GreveJsonReader()
