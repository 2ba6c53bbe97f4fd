"""The signature sheet ("Underskriftsblad") closing an eDoc AgendaWeb referat, read as the meeting's attendance.

Some eDoc templates print no member list in the head of the minutes: the members are listed only at the end, in a
``table.xsltSignature`` with a header row (Medlem | Parti | Rolle | Underskrift) and one row per member, the
signature cell left blank for signing or holding the reason the member was away ("Fraværende", "Afbud"). A member
whose signature cell states an absence is absent from the meeting. The columns are found by their header names
(a sheet without a header row is read as name, party, role, signature).
"""

from __future__ import annotations

import re
from typing import Any

from core import vocab
from ingest.readers.xmlutil import squash

Tag = Any  # a BeautifulSoup Tag

_COLUMNS = {
    "name": re.compile(r"^(?:medlem(?:mer)?|navn|deltager)$", re.I),
    "party": re.compile(r"^(?:parti|partibogstav|liste)$", re.I),
    "role": re.compile(r"^(?:rolle|funktion|titel)$", re.I),
    "sign": re.compile(r"^(?:underskrift|signatur|underskrevet)$", re.I),
}
_DEFAULT = {"name": 0, "party": 1, "role": 2, "sign": 3}
_AWAY = re.compile(r"fravær|afbud|forfald|ikke til stede|deltog ikke|ikke mødt", re.I)


def _columns(header: list[str]) -> dict[str, int] | None:
    found = {key: next((k for k, text in enumerate(header) if rx.match(text)), -1) for key, rx in _COLUMNS.items()}
    if found["name"] < 0:
        return None
    return found


def signature_people(soup: Tag) -> tuple[list[str], list[str]]:
    """The members of the signature sheets ("Name (Party)", ", formand" for a named role) and those whose
    signature cell records an absence."""
    participants: list[str] = []
    absentees: list[str] = []
    for table in soup.find_all("table", class_="xsltSignature"):
        columns: dict[str, int] | None = None
        for row in table.find_all("tr"):
            heads = row.find_all("th")
            if heads:
                columns = _columns([squash(h.get_text(" ")).rstrip(":") for h in heads])
                continue
            cells = [squash(td.get_text(" ")) for td in row.find_all("td")]
            use = columns or _DEFAULT

            def cell(key: str, cells: list[str] = cells, use: dict[str, int] = use) -> str:
                k = use.get(key, -1)
                return cells[k] if 0 <= k < len(cells) else ""

            name, party, role = cell("name"), cell("party"), cell("role")
            if not name or vocab.ABSENT_WORD.search(name):
                continue
            label = f"{name} ({party})" if party and "(" not in name else name
            entry = f"{label}, {role.lower()}" if role and role.lower() != "medlem" else label
            if entry not in participants:
                participants.append(entry)
            if _AWAY.search(cell("sign")) and label not in absentees:
                absentees.append(label)
    return participants, absentees
