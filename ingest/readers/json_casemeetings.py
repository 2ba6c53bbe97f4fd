"""Section rows of one case that span two meetings, for ``json_rows.grouped``.

A section export (one row per section: item number, title, case number, section name, text, and the meeting's date
on every row) keeps a case's text once, under the meeting where it was first written: a case postponed on 8 October
and decided on 12 November has its case text and the "Udsat" decision on rows dated 08.10.2024 under that meeting's
item number ("Pkt. 7"), and only the supplementary text and the final decision on rows dated 12.11.2024 ("Pkt. 5").
Joining rows by item number would break the case into two items of two meetings.

The file's meeting is the date most rows carry. A row of another date joins this meeting's item with the same case
number, else the same title (``joined_keys``); there its decision is that meeting's, dated ("Beslutning i
Børne- og Skoleudvalget den 08-10-2024", an absence line kept in parentheses, so it is not read as absence from this
meeting; ``earlier_heading``), and the item's own decision is read first (``part_key``). A row of another date that
matches no item of this meeting is left as it was.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from typing import Any

from core import vocab
from core.model import decision_heading
from ingest.readers.greve_json import text_of
from ingest.readers.json_facts import value_of, when_of

Key = tuple[str, str]
# an absence label after a sentence on the same line of a plain-text decision: "Godkendt. Afbud: Lars Dyhr (V)"
INLINE_ABSENCE = re.compile(r"(?<=[.!?])[ \t]+(?=(?:Afbud|Fraværende|Fravær|Forfald)\s*:)")


def meeting_dates(records: list[dict[str, Any]]) -> tuple[list[str], str]:
    """The meeting date each row states (as written, "" for none) and the file's own: the date most rows carry."""
    stated = [text_of(value_of(r, "date")) for r in records]
    counts = Counter(d for d in stated if d)
    return stated, (counts.most_common(1)[0][0] if counts else "")


def joined_keys(records: list[dict[str, Any]], keys: list[Key]) -> tuple[list[Key], list[date | None]]:
    """Each row's item key, a row of another meeting moved to this meeting's item of the same case (or title); and
    for each row the date of the other meeting it belongs to (None for this meeting's rows and unmatched ones)."""
    stated, own = meeting_dates(records)
    others: list[date | None] = [None] * len(records)
    if len({d for d in stated if d}) < 2:
        return keys, others
    by_case = {text_of(value_of(r, "case")): k for r, k, d in zip(records, keys, stated, strict=True)
               if d == own and text_of(value_of(r, "case"))}
    by_title = {k[1]: k for k, d in zip(keys, stated, strict=True) if d == own and k[1]}
    out = list(keys)
    for n, (record, key, day) in enumerate(zip(records, keys, stated, strict=True)):
        if not day or day == own:
            continue
        case = text_of(value_of(record, "case"))
        target = by_case.get(case) if case else None
        target = target or by_title.get(key[1])
        if target is not None:
            out[n], others[n] = target, when_of(day)[0] or date.min
    return out, others


def earlier_heading(heading: str, text: str, record: dict[str, Any], day: date) -> tuple[str, str]:
    """A decision row of another meeting: its heading naming that meeting's body and date, its absence lines in
    parentheses; any other row as it is."""
    dec = vocab.decision_heading(heading)
    if dec is None:
        return heading, text
    if dec.date is None:
        committee = text_of(value_of(record, "committee"))
        heading = decision_heading(committee, day if day > date.min else None) if committee else \
            f"{heading} den {day.strftime('%d-%m-%Y')}"
    lines = split_absence(text).splitlines()
    return heading, "\n".join(f"({x.strip()})" if vocab.ABSENT_LABEL.match(x.strip()) else x for x in lines)


def split_absence(text: str) -> str:
    """A plain-text decision's absence label put on a line of its own ("Godkendt.\\nAfbud: Lars Dyhr (V)"), so that
    it is read as the meeting's absence; HTML is left to its own line breaks."""
    return text if "<" in text else INLINE_ABSENCE.sub("\n", text)


def part_key(order: int, k: int, heading: str, day: date | None) -> tuple[int, date, int, int]:
    """The place of a row among its item's rows: the other meetings' decisions after this meeting's rows (the
    item's own decision first), then by meeting (earlier first: the case text where it was written), then as
    numbered."""
    other_decision = day is not None and vocab.decision_heading(heading) is not None
    return int(other_decision), day or date.max, order, k
