"""The First Agenda publication JSON (Dagsordenpunkter, Udvalg, Moede) to minutes text.

The JSON is rendered into the same "Punkt N: Titel" text the segmenter reads, so every
source goes through one parser; field values that the JSON states (committee, date,
place) come back as hints that win over what the text parser would guess.
"""

from __future__ import annotations

from typing import Any

from ingest.errors import IngestError
from ingest.html import html_to_text


def _get(obj: dict[str, Any], *keys: str) -> Any:
    lowered = {k.lower(): v for k, v in obj.items()}
    for key in keys:
        if key.lower() in lowered and lowered[key.lower()] not in (None, ""):
            return lowered[key.lower()]
    return None


def _text(value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    return html_to_text(text) if "<" in text and ">" in text else text


def json_to_text(payload: Any, path: str) -> tuple[str, dict[str, str]]:
    if not isinstance(payload, dict):
        raise IngestError(path, "JSON is not a First Agenda publication (expected an object)")
    items = _get(payload, "Dagsordenpunkter", "Punkter", "AgendaItems")
    if not isinstance(items, list):
        raise IngestError(path, "JSON has no 'Dagsordenpunkter' list; not a First Agenda publication")
    udvalg = _get(payload, "Udvalg", "Committee") or {}
    moede = _get(payload, "Moede", "Møde", "Meeting") or {}
    if not isinstance(udvalg, dict) or not isinstance(moede, dict):
        raise IngestError(path, "JSON 'Udvalg'/'Moede' must be objects")
    committee = _get(udvalg, "Navn", "Name") or _get(moede, "UdvalgNavn", "Udvalg") or ""
    when = _get(moede, "Dato", "Moededato", "Start", "Date") or ""
    place = _get(moede, "Sted", "Lokation", "Location") or ""
    municipality = _get(payload, "Kommune", "Organisation", "Municipality") or ""
    lines = [f"Referat {committee}".strip(), str(municipality), f"Mødedato {when}".strip()]
    if place:
        lines.append(f"Mødested {place}")
    people = _get(moede, "Deltagere", "Medlemmer") or []
    if isinstance(people, list) and people:
        names = []
        for p in people:
            name = _get(p, "Navn", "Name") if isinstance(p, dict) else str(p)
            absent = isinstance(p, dict) and bool(_get(p, "Afbud", "Fravaerende", "Fraværende"))
            names.append(f"{name} (Afbud)" if absent else str(name))
        lines.append("Mødedeltagere " + ", ".join(names))
    for k, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise IngestError(path, f"Dagsordenpunkter[{k - 1}] is not an object")
        number = _get(item, "Punktnummer", "Nummer", "Number") or k
        title = _get(item, "Navn", "Titel", "Overskrift", "Title") or ""
        closed = bool(_get(item, "Lukket", "ErLukket", "IsClosed"))
        lines += ["", f"Punkt {number}: {title}{' (Lukket)' if closed and 'ukket' not in title else ''}"]
        case = _get(item, "SagsNummer", "Sagsnummer", "CaseNumber")
        if case:
            lines.append(f"Sagsnr. {case}")
        for felt in _get(item, "Felter", "Fields") or []:
            if not isinstance(felt, dict):
                continue
            name = _get(felt, "Navn", "Overskrift", "Name")
            body = _text(_get(felt, "Html", "Tekst", "Text"))
            if name and not body.lstrip().lower().startswith(str(name).lower()):
                lines.append(str(name))
            lines.append(body)
        bilag = _get(item, "Bilag", "Attachments") or []
        if bilag:
            lines.append("Bilag")
            for b in bilag:
                lines.append(str(_get(b, "Navn", "Titel", "Name") if isinstance(b, dict) else b))
    hints = {"committee": str(committee), "date": str(when)}
    if municipality:
        hints["municipality"] = str(municipality)
    return "\n".join(lines), hints
