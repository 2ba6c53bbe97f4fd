"""Turn one item block into an AgendaItem: sections, decisions per body, votes, absentees."""

from __future__ import annotations

import re
from datetime import date

from core import vocab
from core.model import AgendaItem, Decision, Member, Section, Vote
from ingest.segment import NO_CASE, Block


class _Builder:
    """Walks the lines of one item once, filling sections and decisions."""

    def __init__(self, committee: str, meeting_date: date) -> None:
        self.committee = committee
        self.meeting_date = meeting_date
        self.sections: list[Section] = []
        self.decisions: list[Decision] = []
        self.absentees: list[str] = []
        self.attachments: list[str] = []
        self.preamble: list[str] = []
        self.kind = "preamble"  # preamble | section | decision
        self.absent_list = False  # after "Afbud:" alone, the names follow on their own lines
        self.buffer: list[str] = []
        self.pending_vote: Vote | None = None

    # -- blocks --------------------------------------------------------------------------
    def flush(self) -> None:
        text = _join(self.buffer)
        if self.kind == "section":
            self.sections[-1].text = text
        elif self.kind == "decision":
            dec = self.decisions[-1]
            dec.text = text
            dec.outcome = vocab.outcome(text)  # type: ignore[assignment]
            dec.votes = vocab.merged(dec.votes)  # "vedtaget med 3 stemmer for og 2 imod" + "For stemte: A, V, S"
        elif self.kind == "preamble":
            self.preamble.extend(self.buffer)
        self.buffer = []

    def start_section(self, name: str, heading: str) -> None:
        self.flush()
        self.sections.append(Section(name=name, heading=heading, text=""))
        self.kind = "section"

    def start_decision(self, heading: str, dec: vocab.DecisionHeading) -> None:
        self.flush()
        body = dec.body or self.committee
        day = dec.date or (self.meeting_date if not dec.body else None)
        self.decisions.append(Decision(body=body, date=day, text="", heading=heading))
        self.kind = "decision"
        if dec.inline_text:
            self.buffer.append(dec.inline_text)

    # -- lines ---------------------------------------------------------------------------
    def absent(self, names: list[str]) -> None:
        for name in names:
            if name not in self.absentees:
                self.absentees.append(name)
            if self.kind == "decision" and name not in self.decisions[-1].absentees:
                self.decisions[-1].absentees.append(name)

    def line(self, line: str) -> None:
        if self.absent_list:
            if not line:
                return
            if (vocab.looks_like_names(line) and not vocab.section_name(line)
                    and not vocab.decision_heading(line) and not vocab.ITEM.match(line)
                    and not vocab.PARAGRAPH_ITEM.match(line)):
                self.absent(vocab.split_names(line))
                self.buffer.append(line)
                return
            self.absent_list = False
        if self.pending_vote is not None:
            if not line:
                return
            if vocab.looks_like_names(line):
                self._fill_vote(self.pending_vote, line)
                self.buffer.append(line)
                self.pending_vote = None
                return
            self.pending_vote = None
        if not line:
            self.buffer.append(line)
            return
        dec = vocab.decision_heading(line)
        if dec:
            self.start_decision(line, dec)
            return
        name = vocab.section_name(line)
        if name:
            self.start_section(name, line)
            return
        m = vocab.ABSENT_LABEL.match(line)
        if m:
            names = vocab.split_names(m.group("names"))
            self.absent(names)
            self.absent_list = not m.group("names").strip()
            self.buffer.append(line)
            return
        m = vocab.ABSENT_SENTENCE.match(line)
        named = re.split(r"[.:;]\s+", m.group("names"))[-1] if m and len(line) < 200 else ""
        if vocab.looks_like_names(named):  # not "Udsat til mødet den 8. april 2025, da forslagsstilleren havde
            self.absent(vocab.split_names(named))  # meldt afbud": a reason, no name

        if self.kind == "decision":
            self._maybe_vote(line)
        if self.kind == "section" and self.sections[-1].name == "Bilag":
            if not m:
                self.attachments.append(line.lstrip("- ").strip())
        self.buffer.append(line)

    def _maybe_vote(self, line: str) -> None:
        parts = _vote_clauses(line)
        if len(parts) > 1:
            for part in parts:
                self._maybe_vote(part)
            return
        found = vocab.votes_in(line, prose=True)
        for position, count, names, text in found:
            vote = Vote(position=position, count=count, text=text)  # type: ignore[arg-type]
            self.decisions[-1].votes.append(vote)
            if names:
                self._fill_vote(vote, names)
            elif len(found) == 1:
                self.pending_vote = vote  # "Imod stemte:" with the names on the next line

    @staticmethod
    def _fill_vote(vote: Vote, names: str) -> None:
        for part in vocab.vote_members(names):
            name, party = vocab.member(part)
            vote.members.append(Member(name=name, party=party))
        if vote.count is None:
            vote.count = len(vote.members)
        if names not in vote.text:  # names on the line after "Imod stemte:"
            vote.text = f"{vote.text} {names}".strip()



# a vote clause's count closes it even with no full stop after: "For stemte: V, A (5) Imod stemte: Ø (1) Ø ønsker …"
_AFTER_COUNT = re.compile(r"(?<=\(\d\))\s+|(?<=\(\d\d\))\s+")
_VOTE_START = re.compile(r"(?:^|[.;]\s+)(?:For|Imod|Undlod(?:\s+at\s+stemme)?|Hverken for eller imod)\s+stemte\b", re.I)


def _vote_clauses(line: str) -> list[str]:
    """A line of vote clauses run together, each cut after its count ("(5)"), so each is read on its own; the line
    itself when no count is followed by more text."""
    if not _VOTE_START.search(line):
        return [line]
    parts = [re.sub(r"(?<=\(\d\)|\d\d\))\.$", "", x) for x in _AFTER_COUNT.split(line) if x]  # "Ø (1)." ends
    return parts if len(parts) > 1 else [line]


def decision_from_text(text: str, body: str, day: date | None, heading: str = "") -> Decision:
    """A decision stated in a field of a structured source: outcome, votes and absentees from its lines."""
    builder = _Builder(body, day or date.min)
    builder.decisions.append(Decision(body=body, date=day, text="", heading=heading))
    builder.kind = "decision"
    for raw in text.splitlines():
        line = vocab.clean_line(raw)
        if vocab.section_name(line) or vocab.decision_heading(line):
            builder.buffer.append(line)  # inside one field, a heading-like line is text, not structure
            continue
        builder.line(line)
    builder.flush()
    dec = builder.decisions[0]
    for extra in builder.decisions[1:]:
        dec.votes += extra.votes
    dec.votes = vocab.merged(dec.votes)
    dec.absentees = builder.absentees
    return dec


def section_from(heading: str, text: str) -> Section:
    """A section as a source names it; known headings get their canonical name (Resumé, Indstilling, ...)."""
    line = vocab.clean_line(heading)
    name = vocab.section_name(line) or (line.rstrip(":").strip().capitalize() if line else "Tekst")
    return Section(name=name, heading=heading.strip(), text=_join([vocab.clean_line(x) for x in text.splitlines()]))


def _join(lines: list[str]) -> str:
    text = "\n".join(lines).strip()
    return re.sub(r"\n{3,}", "\n\n", text)


def _derived_title(builder: _Builder) -> str:
    """A title for an item that prints none: Beslutningstema, else the first sentence."""
    for name in ("Beslutningstema", "Resumé", "Sagsfremstilling", "Indstilling"):
        sec = next((s for s in builder.sections if s.name == name and s.text), None)
        if sec:
            first = sec.text.split("\n")[0].lstrip("- ").strip()
            if name == "Indstilling" and len(sec.text.split("\n")) > 1:
                first = sec.text.split("\n")[1].lstrip("- ").strip()
            return _shorten(first)
    for dec in builder.decisions:
        if re.search(r"dagsorden", dec.text, re.I):
            return "Godkendelse af dagsorden"
        if dec.text:
            return _shorten(dec.text.split("\n")[0])
    return "(uden titel)"


def _shorten(text: str, limit: int = 100) -> str:
    text = text.rstrip(".").strip()
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def build_item(block: Block, order: int, committee: str, meeting_date: date) -> AgendaItem:
    builder = _Builder(committee, meeting_date)
    case = vocab.case_number(block.title) if block.title else None
    lines = list(block.lines)
    for k, line in enumerate(lines[:8]):
        found = vocab.case_number(line) if line else None
        if found and not case:
            case = found
            lines[k] = ""
            break
        if line and NO_CASE.match(line):  # "Sagsnr.: -": no case number, and no text
            lines[k] = ""
            # a table header's cells, one per line ("Sagsnr." / "Sagsansvarlig" / "24-001876" / "Økonomi / Navn"):
            # the label's value is the first case number alone within the next lines
            below = [j for j in range(k + 1, min(k + 4, len(lines))) if vocab.CASE_ALONE.match(lines[j].strip())]
            if below and not case and not re.search(r"[-–—]\s*$", line):
                case = vocab.case_number(lines[below[0]].strip())
                lines[below[0]] = ""
            break
    for line in lines:
        builder.line(line)
    builder.flush()
    title, derived = block.title.strip(), False
    if not title:
        title, derived = _derived_title(builder), True
    preamble = _join(builder.preamble)
    if preamble and not builder.sections and not builder.decisions:
        builder.sections.append(Section(name="Tekst", heading="", text=preamble))
    elif preamble:
        builder.sections.insert(0, Section(name="Tekst", heading="", text=preamble))
    closed = block.closed or bool(vocab.CLOSED.search(title))
    decisions = [d for d in builder.decisions if d.text.strip()]  # an empty "Beslutning:" is an agenda's blank
    if closed:  # "Beslutning" / "Lukket punkt.": a closed item's status note under the heading decides nothing
        builder.sections += [Section(name="Tekst", heading="", text=d.text) for d in decisions
                             if vocab.status_only(d.text)]
        decisions = [d for d in decisions if not vocab.status_only(d.text)]
    item = AgendaItem(
        number=block.number,
        order=order,
        title=title,
        title_derived=derived,
        case_number=case,
        closed=closed,
        sections=[s for s in builder.sections if s.text or s.name != "Bilag"],
        decisions=decisions,
        attachments=builder.attachments,
        absentees=builder.absentees,
    )
    item.text = render_text(item)
    return item


def render_text(item: AgendaItem) -> str:
    """The item's own text, as stored and cited: title, sections, then each decision."""
    parts = [f"{item.label}: {item.title}" if item.number else item.title]
    if item.case_number:
        parts.append(f"Sagsnr. {item.case_number}")
    if item.case_worker:
        parts.append(f"Sagsbehandler: {item.case_worker}")
    for sec in item.sections:
        parts.append(f"{sec.heading or sec.name}\n{sec.text}".strip() if sec.heading else sec.text)
    for dec in item.decisions:
        parts.append(dec.block)
    if item.attachments and item.section("Bilag") is None:
        parts.append("Bilag\n" + "\n".join(item.attachments))
    text = "\n\n".join(p for p in parts if p.strip())
    extra = [a for a in item.absentees if a not in text]
    if extra:
        text += "\n\nAfbud: " + ", ".join(extra)
    return text
