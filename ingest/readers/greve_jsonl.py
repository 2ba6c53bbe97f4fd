"""Greve JSON lines: one line per agenda item (section) made from the portal JSON by a third party.

Each line is ``{document_id, committee, meeting_date, section_type, section_title, case_number, agenda_index,
text, source_path}``. Lines are grouped by item (``agenda_index``, else the title) in document order. There
is no printed item number, so the number is ``agenda_index + 1`` (the 1-based line); a line that prints one
("item_number") is numbered as printed (an export leaving a closed item out skips its number). ``text`` is the portal's
HTML with the tags stripped and the white space collapsed: "Beslutning … Afbud: X Fremstilling Sagsprocedure
… Resume … Indstilling …". It is split back at the portal's heading words (``greve_json.SECTION_WORDS``,
"Beslutning", "Sagens forløb"): a heading counts at a word boundary, capitalised as printed, followed by a
capital letter, digit or quote, and each heading once. The decision runs up to "Fremstilling" when that
follows it. A text with no heading at all is the bare decision (closed items). Venue and attendance flags are
not in this export; absence comes from the "Afbud:"/"Fraværende:" lines of the decisions.

Another per-section variant keeps the item's title in ``section_title`` and names each line's section in
``section_type`` (the whole-item export writes "html_fragment" there): an item whose lines differ in that type is
read the same way, by ``section_type``.

A later variant of the export has one line per SECTION of an item: ``item_title`` holds the item's title,
``section_title`` the section's label ("Resume", "Beslutning", "Supplerende sagsfremstilling") and ``text`` that
section's plain text (optionally ``section_index``). Such a line's label is its heading (a decision label makes a
decision, "Sagens forløb" the case history); its text is not split again. The lines of one item need not be
contiguous, so items are put in ``agenda_index`` order and each item's lines in ``section_index`` order.

Another version types its lines (``record_type``): a first ``"meeting"`` record with the meeting's facts (title,
venue, participants, portal URL), and items whose decisions are a separate ``decisions[]`` list that may hold
earlier handlings; ``text`` then holds no decision ("Sagsfremstilling … Økonomi … Indstilling …"). See
``greve_records``.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from core import dates, vocab
from core.errors import IngestError
from ingest.readers.base import DecisionDraft, ItemDraft, MeetingDraft, Source
from ingest.readers.greve_json import CLOSED_TITLE, SECTION_WORDS, add_decision, text_of, when
from ingest.readers.greve_json import HISTORY as HISTORY_LABEL
from ingest.readers.greve_nested import own_first
from ingest.readers.greve_records import decision_list, extraordinary, split_rows, start
from ingest.readers.json_facts import access_closed, printed_number

DECISION = "Beslutning"
ITEM_TITLE = "item_title"
HISTORY = "Sagens forløb"
# headings of the derived export's other versions ("Sagsfremstilling … Økonomi … Indstilling …")
MORE_WORDS = ["Sagsfremstilling", "Økonomi", "Vurdering", "Beslutningstema"]
_WORDS = sorted([DECISION, HISTORY, *SECTION_WORDS, *MORE_WORDS], key=len, reverse=True)
HEADING = re.compile(rf"(?<![\wæøåÆØÅ-])(?P<h>{'|'.join(_WORDS)})(?=\s+[A-ZÆØÅ0-9\"'“”„«(]|\s*$)")
ABSENT_BREAK = re.compile(r"\s+(?=(?:Afbud|Fraværende|Ikke til stede|Deltog ikke|Inhabil)\s*:)")
# the export collapsed the decision's lines: a vote line starts at "For stemte"/"Imod stemte"/"Undlod at stemme"
# and ends after its "(n)" count, where a remark may follow ("Imod stemte: Ø (1) Ø ønsker, at …")
VOTE_BREAK = re.compile(r"\s+(?=(?:For|Imod)\s+stemte\b|Undlod\s+at\s+stemme\b)")
VOTE_END = re.compile(r"^((?:(?:For|Imod)\s+stemte|Undlod\s+at\s+stemme)\b[^\n]*?\(\d{1,3}\))[ \t]+(?=\S)", re.M)
ENTRY = re.compile(r"(?P<date>\b\d{1,2}[-/.]\d{1,2}[-/.]\d{4})\s+(?P<body>(?:[\w,.-]+\s+){0,6}?"
                   r"[\wæøå-]*(?:udvalg(?:et)?|[Rr]åd(?:et)?|bestyrelse(?:n)?)(?:\s+\d{4}-\d{4})?)\s+")


def rows_of(src: Source) -> list[dict[str, Any]]:
    """The JSON-object lines; a file of one line parses as one object. A few broken lines are skipped (see
    ``broken_lines``) as long as most lines are objects."""
    if src.json_lines or isinstance(src.json, dict):
        return src.json_lines or [src.json]
    if src.json is not None or not src.head.startswith("{"):
        return []
    lines = [x for x in src.text.splitlines() if x.strip()]
    rows = []
    for line in lines:
        try:
            row = json.loads(line)
        except (json.JSONDecodeError, RecursionError):
            continue
        if isinstance(row, dict):
            rows.append(row)
    return rows if len(rows) * 2 > len(lines) else []


def broken_lines(src: Source, rows: list[dict[str, Any]]) -> list[str]:
    lines = len([x for x in src.text.splitlines() if x.strip()]) if src.json is None else 1
    return [f"{lines - len(rows)} of {lines} lines are not JSON objects; skipped"] if lines > len(rows) else []


class GreveJsonlReader:
    name = "greve-jsonl"

    def sniff(self, src: Source) -> bool:
        rows = split_rows(rows_of(src))[1]  # a meeting record beside the item lines (``greve_records``)
        return bool(rows) and all("text" in r and ("section_title" in r or "agenda_index" in r) for r in rows) \
            and any("committee" in r or "meeting_date" in r for r in rows)

    def read(self, src: Source) -> MeetingDraft:
        every = rows_of(src)
        meeting, rows = split_rows(every)
        if not rows:
            raise IngestError(src.path, "no agenda item lines in this JSON-lines export")
        first = next((r for r in rows if text_of(r.get("meeting_date"))), rows[0])
        committee = (meeting.committee if meeting else "") or text_of(first.get("committee"))
        day, time = start(meeting) if meeting and meeting.stamp else when(first.get("meeting_date"))
        warnings = broken_lines(src, every)
        if day is None:  # never dated today: a meeting's date the file does not give is not invented
            raise IngestError(src.path, "JSON-lines export without a meeting date (meeting_date on no line)")
        meetings = {(text_of(r.get("committee")), text_of(r.get("meeting_date"))) for r in rows}
        if len(meetings) > 1:
            warnings.append(f"{len(meetings)} meetings in one file; read as one ({committee}, {day})")
        groups: dict[tuple[str, Any], list[dict[str, Any]]] = {}
        for k, row in enumerate(rows):
            index = row.get("agenda_index")
            key = ("index", index) if type(index) is int else ("title", text_of(row.get("section_title")) or k)
            groups.setdefault(key, []).append(row)
        ordered = list(groups.items())
        if all(key[0] == "index" for key, _ in ordered):  # rows of one item need not be contiguous
            ordered.sort(key=lambda kv: kv[0][1])
        items = [read_item(group, number_of(group, str(key[1] + 1) if key[0] == "index" else str(k)), committee, day)
                 for k, (key, group) in enumerate(ordered, 1)]
        minutes = any(it.decisions for it in items) or bool(meeting and meeting.minutes)
        if meeting is None:
            return MeetingDraft(committee=committee, date=day, time=time, items=items,
                                status="minutes" if minutes else "agenda", warnings=warnings)
        people = meeting.attendance
        return MeetingDraft(
            committee=committee, date=day, time=time, items=items, municipality=meeting.municipality,
            location=meeting.location, participants=people.participants, absentees=people.absentees,
            remarks=people.remarks, status="minutes" if minutes else "agenda",
            extraordinary=extraordinary(meeting), warnings=warnings,
        )


def number_of(rows: list[dict[str, Any]], position: str) -> str:
    """The item number a line prints ("item_number": "6", ``json_facts.printed_number``), else its position."""
    return next((text_of(found[1]) for r in rows if (found := printed_number(r)) is not None), position)


def read_item(rows: list[dict[str, Any]], number: str, committee: str, day: date) -> ItemDraft:
    sectioned = [r for r in rows if text_of(r.get("item_title"))]
    title = text_of((sectioned[0] if sectioned else rows[0]).get(ITEM_TITLE if sectioned else "section_title"))
    case = next((text_of(r.get("case_number")) for r in rows if text_of(r.get("case_number"))), None)
    closed = bool(CLOSED_TITLE.match(title)) or any(access_closed(r) for r in rows)
    item = ItemDraft(title=title, number=number, case_number=case, closed=closed)
    # a variant types each line by its section ("section_type": "Resume", "Indstilling", "Beslutning") and keeps
    # the item's title in "section_title": the lines of one item then differ in their type
    typed = not sectioned and len({text_of(r.get("section_type")) for r in rows}) > 1
    if sectioned or typed:
        read_sections(item, rows, committee, day, "section_type" if typed else "section_title")
        return item
    for row in rows:
        listed = isinstance(row.get("decisions"), list)  # the decisions are a list of their own: text is no decision
        for heading, text in split(text_of(row.get("text"))):
            if heading == DECISION or (not heading and not item.decisions and not listed):
                add_decision(item, lines_of(text))
            elif heading == HISTORY:
                item.decisions += history(text, committee, day)
            elif heading != "Fremstilling" or text:
                item.sections.append((heading, text))
        if listed:
            decision_list(item, row["decisions"], committee, day, lines_of)
    own_first(item)
    return item


def read_sections(item: ItemDraft, rows: list[dict[str, Any]], committee: str, day: date,
                  label: str = "section_title") -> None:
    """The one-line-per-section variant: each line's ``label`` field is its heading, its ``text`` the body."""
    if all(type(r.get("section_index")) is int for r in rows):
        rows = sorted(rows, key=lambda r: int(r["section_index"]))  # a section may come late in the file
    for row in rows:
        heading, text = text_of(row.get(label)), text_of(row.get("text"))
        dec = vocab.decision_heading(heading) if heading else None
        if dec is not None:
            add_decision(item, lines_of("\n".join(x for x in (dec.inline_text, text) if x)),
                         dec.body if dec.body and dec.body != committee else None, dec.date)
        elif not heading and not text:
            continue
        elif not heading and not item.decisions and len(rows) == 1:
            add_decision(item, lines_of(text))  # a closed item's bare decision
        elif HISTORY_LABEL.match(heading):
            item.decisions += history(text, committee, day)
        else:
            item.sections.append((heading, text))


def lines_of(decision: str) -> str:
    """A collapsed decision text with its absence and vote lines on lines of their own again."""
    return VOTE_END.sub(r"\1\n", VOTE_BREAK.sub("\n", ABSENT_BREAK.sub("\n", decision)))


def split(text: str) -> list[tuple[str, str]]:
    """[(heading, text)] at the portal's heading words; '' for text before the first heading."""
    cuts: list[tuple[int, int, str]] = []
    seen: set[str] = set()
    for m in HEADING.finditer(text):
        word = m.group("h")
        if word in seen or (cuts and cuts[0][2] == DECISION and "Fremstilling" not in seen
                            and word != "Fremstilling" and "Fremstilling" in text[m.end():]):
            continue  # inside the decision: only "Fremstilling" ends it
        seen.add(word)
        cuts.append((m.start(), m.end(), word))
    out: list[tuple[str, str]] = []
    if not cuts or cuts[0][0] > 0:
        out.append(("", text[: cuts[0][0] if cuts else len(text)].strip()))
    for k, (_, end, word) in enumerate(cuts):
        stop = cuts[k + 1][0] if k + 1 < len(cuts) else len(text)
        out.append((word, text[end:stop].strip()))
    return [(h, t) for h, t in out if h or t]


def history(text: str, committee: str, day: date) -> list[DecisionDraft]:
    """"Sagens forløb" run together: "dd-mm-yyyy Body decision… dd-mm-yyyy Body …". As in greve_json, the
    entry for this meeting is left out and absence lines of earlier meetings are kept in parentheses."""
    marks = list(ENTRY.finditer(text))
    out = []
    for k, m in enumerate(marks):
        body, entry_day = m.group("body").strip(), dates.first_date(m.group("date"))
        stop = marks[k + 1].start() if k + 1 < len(marks) else len(text)
        decision, *absent = ABSENT_BREAK.split(text[m.end():stop].strip())
        words = "\n".join([decision, *(f"({x})" for x in absent)]).strip()
        if entry_day and words and not (entry_day == day and body == committee):
            out.append(DecisionDraft(text=words, body=body, date=entry_day))
    return out


READER = GreveJsonlReader()
