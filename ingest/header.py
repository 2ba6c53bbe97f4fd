"""The meeting header: committee, date and time, place, participants, document status."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from core import dates, vocab

_DOC_WORDS = re.compile(
    r"^(?:(?:mødet?\s*)?referat(?:\s+(?:fra|af)\s+(?:mødet\s+i|møde\s+i|mødet|møde))?|"
    r"beslutningsprotokol(?:\s+(?:for|fra))?|dagsorden(?:\s+(?:til|for)\s+(?:mødet\s+i)?)?|"
    r"åben\s+(?:dagsorden|referat)|protokol)\b\s*[:•\-–]?\s*", re.I)
_PERIOD = re.compile(r"\s+\(?\d{4}\s*[-–]\s*\d{4}\)?$")
_COMMITTEE = re.compile(
    r"udvalg|byråd|kommunalbestyrelse|regionsråd|\bråd\b|rådet|bestyrelse|forum|nævn|borgerrepræsentation|"
    r"direktion|komit", re.I)
_LABEL = re.compile(r"^(?P<label>Mødedato|Dato|Tidspunkt|Tid|Mødested|Sted|Lokation|Lokale|Mødedeltagere|"
                    r"Deltagere|Til stede|Medlemmer|Fraværende|Afbud|Mødetidspunkt)(?!\w)\s*:?\s*(?P<value>.*)$", re.I)


@dataclass
class Header:
    committee: str | None = None
    date: date | None = None
    time: str | None = None
    location: str | None = None
    participants: list[str] = field(default_factory=list)
    absentees: list[str] = field(default_factory=list)
    status: str = "minutes"


def _committee_from(line: str) -> str | None:
    text = _DOC_WORDS.sub("", line).strip()
    text = re.sub(r"\s*[-–:•|]\s*(?:åbent?\s+)?(?:referat|dagsorden|beslutningsprotokol)\b.*$", "", text, flags=re.I)
    text = re.split(r"\s+(?:-|–|—|•|d\.|den)\s+(?=.*\d)", text)[0].strip()
    text = re.split(r"\s*\d{1,2}[-./]\d{1,2}[-./]\d{4}", text)[0].strip(" -–,:")
    text = _PERIOD.sub("", text).strip(" -–,:")
    text = re.sub(r",?\s*[\wæøåÆØÅ-]+\s+(?:Kommune|Regionskommune)\b.*$", "", text).strip(" -–,:·")
    if 3 <= len(text) <= 90 and _COMMITTEE.search(text) and not text.endswith("."):
        return text
    return None


def _label_value(lines: list[str], i: int, value: str) -> str:
    """A label's value: inline, or on the next line unless that is another label."""
    if value:
        return value
    nxt = next((x for x in lines[i + 1:i + 3] if x), "")
    return "" if _LABEL.match(nxt) or nxt.endswith(":") else nxt


def _people(text: str) -> tuple[list[str], list[str]]:
    present, absent = [], []
    for part in vocab.split_names(text):
        if re.search(r"\((?:afbud|fraværende|fravær)\)", part, re.I):
            absent.append(re.sub(r"\s*\((?:afbud|fraværende|fravær)\)", "", part, flags=re.I).strip())
        else:
            present.append(part)
    return present, absent


def parse_header(lines: list[str]) -> Header:
    head = Header()
    head.status = "agenda" if any(re.match(r"^dagsorden\b", x, re.I) for x in lines[:6]) and not any(
        re.search(r"\breferat\b|beslutningsprotokol", x, re.I) for x in lines[:10]) else "minutes"
    for i, line in enumerate(lines[:40]):
        if not line:
            continue
        if head.committee is None and i < 12:
            head.committee = _committee_from(line)
        m = _LABEL.match(line)
        if m:
            label, value = m.group("label").lower(), _label_value(lines, i, m.group("value").strip())
            if label in {"mødested", "sted", "lokation", "lokale"} and value and not head.location:
                head.location = value
            elif label in {"mødedeltagere", "deltagere", "til stede", "medlemmer"}:
                k = i + 1
                while (k < len(lines) and lines[k] and not _LABEL.match(lines[k])
                       and "kommune" not in lines[k].lower() and vocab.looks_like_names(lines[k])):
                    value += " " + lines[k]
                    k += 1
                present, absent = _people(value)
                head.participants += present + absent
                head.absentees += absent
            elif label in {"fraværende", "afbud"}:
                head.absentees += vocab.split_names(value)
        if i < 25 and (head.date is None or head.time is None):
            day = dates.first_date(line)
            head.date = head.date or day
            if head.time is None and (day or "kl" in line):
                head.time = dates.find_time(line)
    return head
