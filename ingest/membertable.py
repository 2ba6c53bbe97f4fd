"""A members table ("Navn | Parti | Fremmøde", one row per member) as the participant lines minutes print.

Word minutes often list the committee as a table: a header row naming a name column and a party and/or an
attendance column, then one row per member ("Poul Erik Thomsen, formand | V | Til stede", "Karin Hald | O |
Afbud"). Its rows joined cell by cell read "Poul Erik Thomsen, formand V Til stede", which no header parser reads;
rendered as "Deltagere: Poul Erik Thomsen (V), formand, …, Karin Hald (O)" and "Afbud: Karin Hald (O)" they read
as printed minutes do. A member present only from some time ("Til stede fra kl. 9.15") is present.
"""

from __future__ import annotations

import re

_NAME = re.compile(r"^(?:navn|medlem|medlemmer|name|member|deltager|deltagere|udvalgsmedlem)$", re.I)
_PARTY = re.compile(r"^(?:parti|party|partibogstav|liste)$", re.I)
_STATUS = re.compile(r"^(?:fremmøde|fremmødt|status|til stede|tilstede|deltagelse|deltog|attendance|present)$", re.I)
_ABSENT = re.compile(r"^(?:afbud|fraværende|fravær|ikke\s+til\s+stede|forfald|absent|not\s+present|nej)\b", re.I)
_LETTERS = re.compile(r"^[A-ZÆØÅ]{1,3}$")


def member_lines(rows: list[list[str]]) -> list[str] | None:
    """The "Deltagere:" line (and an "Afbud:" line) of a members table; None when ``rows`` is no members table."""
    if len(rows) < 3:
        return None
    head = [c.strip().rstrip(":") for c in rows[0]]
    name = next((k for k, c in enumerate(head) if _NAME.match(c)), None)
    party = next((k for k, c in enumerate(head) if _PARTY.match(c)), None)
    status = next((k for k, c in enumerate(head) if _STATUS.match(c)), None)
    if name is None or (party is None and status is None):
        return None
    members, absent = [], []
    for row in rows[1:]:
        cell = row[name].strip() if name < len(row) else ""
        if not cell:
            continue
        letters = row[party].strip() if party is not None and party < len(row) else ""
        if letters and not _LETTERS.match(letters):
            return None  # a party column that holds no party letters: some other table
        who, _, role = cell.partition(",")
        who = f"{who.strip()} ({letters})" if letters and not who.rstrip().endswith(")") else who.strip()
        members.append(f"{who}, {role.strip()}" if role.strip() else who)
        if status is not None and status < len(row) and _ABSENT.match(row[status].strip()):
            absent.append(who)
    if len(members) < 2:
        return None
    return [f"Deltagere: {', '.join(members)}"] + ([f"Afbud: {', '.join(absent)}"] if absent else [])
