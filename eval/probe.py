"""`referat probe`: questions written from the stored minutes themselves, for a corpus nobody wrote questions for.

For every stored item the templates can ask about, one question whose right answer is that item:
- ``case``: "Hvad er der sket i sag 21-014445?" / "What happened to case 21-014445?" (items with a case number);
- ``number``: "Hvad blev besluttet under punkt 5 på mødet i Byråd 2022-2025 den 1. oktober 2025?" (decided items);
- ``vote``: "Hvem stemte imod <title> i <municipality>?" (items whose text records a vote).

A probe is right when the first citation is its item (for a case, when the meetings cited include it; an
agenda-only item cited with "no decision is recorded" counts: that is the right answer). Vote probes leave out
titles a committee reuses at every meeting, as a question by title cannot tell those apart. Probes found three
bugs the question sets missed (Greve's case numbers, a body's term read as a year, vote lines in an agenda item's
case history).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from typing import Annotated, Any

import typer

from assistant.cliargs import DataDir, fail, settings_for
from assistant.unanswered import VOTE_RECORD

_MONTH_NAMES = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
                "november", "december"]


@dataclass(frozen=True)
class Probe:
    kind: str
    question: str
    item_id: str


def _spoken(day: str) -> str:
    year, month, dd = (int(x) for x in day.split("-"))
    return f"{dd}. {_MONTH_NAMES[month - 1]} {year}"


def probes(rows: list[Any]) -> list[Probe]:
    """The probe questions for the stored items (``StoredItem`` rows), in a stable order."""
    titles = Counter((r.municipality, r.title) for r in rows)
    out: list[Probe] = []
    for r in sorted(rows, key=lambda r: r.id):
        decided = bool(r.item.decisions)
        if r.case_number and decided:
            out += [Probe("case", f"Hvad er der sket i sag {r.case_number}?", r.id),
                    Probe("case", f"What happened to case {r.case_number}?", r.id)]
        if decided and r.number:
            out.append(Probe("number", f"Hvad blev besluttet under punkt {r.number} på mødet i {r.committee} "
                                       f"den {_spoken(r.date)}?", r.id))
        if titles[(r.municipality, r.title)] == 1 and VOTE_RECORD.search(r.text):
            out.append(Probe("vote", f"Hvem stemte imod {r.title} i {r.municipality}?", r.id))
    return out


def run(ask: Any, found: list[Probe]) -> dict[str, dict[str, float]]:
    """Ask each probe (``ask(question) -> Answer``); per kind: how many, and the share whose first citation is
    the probe's item."""
    tally: dict[str, list[int]] = {}
    for p in found:
        answer = ask(p.question)
        # a case answer lists every meeting that handled the case, in date order: the item must be among them
        cited = [c.item_id for c in answer.citations[:None if p.kind == "case" else 1]]
        right = p.item_id in cited
        n_right = tally.setdefault(p.kind, [0, 0])
        n_right[0] += 1
        n_right[1] += right
    return {k: {"n": n, "right": round(r / n, 3)} for k, (n, r) in sorted(tally.items())}


def probe(as_json: Annotated[bool, typer.Option("--json")] = False,
          min_right: Annotated[float, typer.Option(help="Fail when a kind's share of right items is lower")] = 0.0,
          data_dir: DataDir = None) -> None:
    """Ask questions written from the stored minutes themselves (case numbers, item numbers, votes) and report
    how often the first citation is the item asked about."""
    from assistant.container import Container

    c = Container(settings_for(data_dir))
    try:
        found = probes(c.catalog.item_rows())
        if not found:
            fail("nothing stored to probe: ingest minutes first", 2)
        result = run(c.service.ask, found)
    finally:
        c.close()
    if as_json:
        typer.echo(json.dumps(result))
    else:
        for kind, v in result.items():
            typer.echo(f"{kind:<8}{int(v['n']):>5}  right {v['right']:.3f}")
    low = [f"{k} {v['right']:.3f} < {min_right:.3f}" for k, v in result.items() if v["right"] < min_right]
    if low:
        fail("probe gate failed: " + "; ".join(low), 3)
