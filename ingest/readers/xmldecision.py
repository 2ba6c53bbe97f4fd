"""Decisions in generic XML exports (``generic_xml``): a part headed or typed as a decision, and an element named
after the decision's status.

A decision's heading ("Beslutning i Økonomiudvalget den 04-03-2024") or its attributes (<beslutning
organ="Byrådet" dato="2024-01-31">) say whose and when; the meeting's own committee is stored as None. An element
whose local name, in any namespace, is a status word (``fieldnames.STATUS``: <ns2:vedtaget>, <ns2:anbefalet>,
<ns2:udsat>, <ns2:tagetTilEfterretning>, <approved>, <postponed>) is the decision, its name the outcome: its text
is its body children's (<tekst>/<text>/<indhold>, XHTML ``p``/``br`` as lines) or its own, and the people of an
absence child (<fravaerende>Karen Egebjerg (A)</fravaerende>) are the item's absentees.
"""

from __future__ import annotations

from core import vocab
from ingest.readers import fieldnames as names
from ingest.readers.base import DecisionDraft
from ingest.readers.markup import fragment_text
from ingest.readers.xmlutil import Element, content, local, squash, texty
from ingest.readers.xmlutil import when_compact as when


def decides(heading: str) -> bool:
    """A part's heading or label that names a decision ("Beslutning", "Beslutning i Byrådet den …")."""
    return bool(heading) and (vocab.decision_heading(heading) is not None or names.kind_of(heading, names.DECISION))


def decision(text: str, heading: str, el: Element | None, committee: str) -> DecisionDraft:
    """A decision, by the body and on the date its heading ("Beslutning i Økonomiudvalget den 04-03-2024") or
    its attributes (<beslutning organ="Byrådet" dato="2024-01-31">) name; the meeting's own body is None."""
    dec = vocab.decision_heading(heading) if heading else None
    body, day = (dec.body, dec.date) if dec else (None, None)
    attrs = [(str(n), squash(str(v))) for n, v in el.attrib.items()] if el is not None and not (body or day) else []
    body = body or next((v for n, v in attrs if names.kind_of(n, names.COMMITTEE) and v), None)
    day = day or next((d for n, v in attrs if names.kind_of(n, names.DATE) and (d := when(v)[0])), None)
    return DecisionDraft(text, None if body == committee else body, day)


def status_of(el: Element | None) -> str | None:
    """The outcome a status-named element holds a decision with (<vedtaget> -> "approved"); None for any other
    element, and for a status element that holds only a flag (<godkendt>true</godkendt>)."""
    if el is None:
        return None
    outcome = names.status(local(el))
    return outcome if outcome and texty("".join(el.itertext())) else None


def status_decision(el: Element, committee: str) -> tuple[DecisionDraft, list[str]]:
    """The decision a status-named element holds, with its outcome, and the names its absence children list."""
    parts = [c for c in el if local(c)]
    absent = [c for c in parts if names.kind_of(local(c), names.ABSENT)]
    bodies = [c for c in parts if c not in absent and names.kind_of(local(c), names.BODY + names.DECISION)]
    if bodies:
        text = "\n\n".join(fragment_text(content(c)) for c in bodies)
    elif parts and not absent:
        text = fragment_text(content(el))
    else:  # only its own text beside the absence children
        text = squash(" ".join([el.text or ""] + [c.tail or "" for c in parts]))
    draft = decision(text.strip(), "", el, committee)
    draft.outcome = status_of(el)
    people = [p for c in absent for p in vocab.split_names(squash("".join(c.itertext())))]
    return draft, people
