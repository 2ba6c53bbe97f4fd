"""What a JSON item's plain-text body prints before its first section heading that is not the item's text: its
case number ("Journalnr.: 01.01.02-00031", "Sagsnr.: 24/7701") when no field states one, and the MEETING's facts
when a dump keeps them only in the first item's text ("Mødested: …", "Mødetidspunkt: Kl. 09.00 - 11.40",
"Deltagere: …", where the document's head landed). Meeting facts are the labelled lines ``header.LABEL`` knows,
at least two different labels in the FIRST item's preamble; they are read with ``header.parse_header`` and taken
out of the item's text. A preamble with one such label, or a later item's (an event's "Sted:" and "Tid:"), is
left alone. The reader uses them only where no field states the fact.
"""

from __future__ import annotations

import re
from typing import Any

from core import vocab
from ingest import header
from ingest.readers import fieldnames as names
from ingest.readers.json_parts import CASE_LINE, heading_lines

PEOPLE = {"mødedeltagere", "deltagere", "til stede", "medlemmer", "fraværende", "afbud"}


def _plain(value: Any) -> bool:
    return isinstance(value, str) and not re.search(r"</?[a-zA-Z][^>]*>", value)


def _preamble(text: str) -> tuple[list[str], int]:
    """The text's lines and the index of its first heading line (all lines when none heads a part)."""
    lines = text.splitlines()
    heads = heading_lines(lines)
    return lines, min(heads) if heads else len(lines)


def _tidy(lines: list[str]) -> str:
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _labelled(lines: list[str]) -> dict[int, tuple[str, int]]:
    """The meeting-fact lines with a value, by index: (label, how many lines of names continue a list of people)."""
    out: dict[int, tuple[str, int]] = {}
    for i, line in enumerate(lines):
        m = header.LABEL.match(line.strip())
        if m and m["value"].strip():
            more = 0
            while (m["label"].lower() in PEOPLE and i + more + 1 < len(lines) and (nxt := lines[i + more + 1].strip())
                   and not header.LABEL.match(nxt) and vocab.looks_like_names(nxt)):
                more += 1
            out[i] = (m["label"].lower(), more)
    return out


def lift(records: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], header.Header | None]:
    """The records with the case line and the meeting-fact lines taken out of their plain-text bodies' preambles
    (the case number given to a record stating none), and the meeting facts of the first record that prints them."""
    out: list[dict[str, Any]] = []
    facts: header.Header | None = None
    for n, record in enumerate(records):
        found = names.fields(record)
        record = dict(record)
        for key, value in list(record.items()):
            if names.kind(str(key)) != "text" or not _plain(value):
                continue
            lines, first = _preamble(value)
            drop: set[int] = set()
            case_at = next((i for i in range(first) if lines[i].strip()), None)
            if case_at is not None and "case" not in found and (m := CASE_LINE.match(" ".join(lines[case_at].split()))):
                record["case"], found = m.group("case"), {**found, "case": ("case", m.group("case"))}
                drop.add(case_at)
            labelled = _labelled(lines[:first]) if n == 0 else {}  # the document's head lands in its first item
            if len({label for label, _ in labelled.values()}) >= 2:
                kept = sorted({k for at, (_, more) in labelled.items() for k in range(at, at + 1 + more)})
                facts = facts or header.parse_header([lines[i].strip() for i in kept])
                drop |= set(kept)
            if drop:
                record[key] = _tidy([x for i, x in enumerate(lines) if i not in drop])
        out.append(record)
    return out, facts
