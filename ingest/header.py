"""The meeting header: committee, date and time, place, participants, document status."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from core import dates, municipalities, vocab

_DOC_WORDS = re.compile(
    r"^(?:(?:mødet?\s*)?referat(?:\s+(?:fra|af|for)(?:\s+(?:mødet\s+i|møde\s+i|mødet|møde))?)?|"
    r"beslutningsprotokol(?:\s+(?:for|fra))?|dagsorden(?:\s+(?:til|for|fra|af)(?:\s+(?:mødet\s+i|møde\s+i|mødet|møde))?)?|"
    r"åben\s+(?:dagsorden|referat)|protokol|(?:ekstraordinært|ordinært)\s+møde(?:\s+i)?|møde\s+i|"
    r"beslutninger\s+(?:fra|i)(?:\s+(?:mødet\s+i|møde\s+i))?|nyt\s+fra)\b\s*[:•\-–]?\s*",
    re.I)
_PERIOD = re.compile(r"\s+\(?\d{4}\s*[-–]\s*\d{4}\)?$")
_COMMITTEE = re.compile(
    r"udvalg|byråd|kommunalbestyrelse|regionsråd|\bråd\b|rådet|bestyrelse|forum|nævn|borgerrepræsentation|"
    r"direktion|komit", re.I)
LABEL = re.compile(r"^(?P<label>Mødedato|Dato|Tidspunkt|Tid|Mødetid|Mødested|Mødeafholdelse|Sted|Lokation|Lokale|"
                    r"Mødedeltagere|Deltagere|Til stede|Medlemmer|Fraværende|Afbud|Mødetidspunkt)(?!\w)\s*[:|]?\s*"
                    r"(?P<value>.*)$", re.I)
_DATE_LABELS = {"mødedato", "dato", "mødetidspunkt", "mødetid", "tidspunkt", "tid"}
_TIME_LABELS = {"mødetidspunkt", "mødetid", "tidspunkt", "tid"}
# a date the document was printed or generated on, not the meeting's ("Udskrevet 07-02-2024")
_PRINTED = re.compile(r"\b(?:udskrevet|udskriftsdato|udskrivningsdato|printet|printdato|genereret|dannet|"
                      r"sidst opdateret|godkendt af formanden|underskrevet|offentliggjort|publiceret|published|"
                      r"sendt(?=\s*:)|sent(?=\s*:))\b",  # an e-mail's "Sendt: 13. maj 2025 09:47": when it was sent
                      re.I)
_CLOCK = re.compile(r"(?:\bkl\.?\s*)?\b([01]?\d|2[0-3])[.:]([0-5]\d)\b", re.I)
# a deadline's clock ("svarfrist onsdag den 14. august 2024 kl. 12.00", a written procedure's), not a start time
_DEADLINE = re.compile(r"\b(?:\w*frist|senest|deadline)\b.{0,60}?\bkl\.?\s*\d{1,2}[.:]\d{2}", re.I)
_NAME_LABEL = re.compile(r"^(?:Udvalg|Organ|Forum|Mødeforum)\s*[:|]\s*(?=\S)", re.I)  # "Udvalg | Børne- og ..."


@dataclass
class Header:
    committee: str | None = None
    date: date | None = None
    time: str | None = None
    location: str | None = None
    participants: list[str] = field(default_factory=list)
    absentees: list[str] = field(default_factory=list)
    remarks: list[str] = field(default_factory=list)  # who came late or left early
    status: str = "minutes"


_MAIL_HEADER = re.compile(r"^(?:from|to|cc|bcc|sent|date|fra|til|sendt|emne|kopi|dato)\s*:", re.I)  # an e-mail's
# a cover letter's greeting ("Kære medlemmer af Social- og Arbejdsmarkedsudvalget") addresses a committee; like an
# e-mail's To: line it does not name the meeting's
_GREETING = re.compile(r"^(?:kære|hej|goddag|dear|hi|hello|til)\b", re.I)
# a cover letter's sign-off: the name and title lines after it ("Udvalgssekretær, Politisk Sekretariat") are the
# sender's signature
_SIGN_OFF = re.compile(r"^(?:(?:med\s+)?venlig(?:st)?\s+hilsen|mvh\.?|kind regards|best regards|regards)\b", re.I)
_SIGNATURE_LINES = 3


def _committee_from(line: str) -> str | None:
    if _MAIL_HEADER.match(line) or _GREETING.match(line):
        return None  # "To: Beskæftigelsesudvalget; Jobcenter ..." addresses a committee; it does not name the meeting's
    if line.rstrip().endswith(".") and len(line.split()) > 6:
        return None  # a sentence ("Hermed referatet fra udvalgets møde mandag den 11. marts 2024.") names no committee
    text = _DOC_WORDS.sub("", _NAME_LABEL.sub("", line)).strip()
    text = re.sub(r"\s*[-–:•|]\s*(?:åbent?\s+)?(?:referat|dagsorden|beslutningsprotokol)\b.*$", "", text, flags=re.I)
    text = re.split(r"\s+(?:-|–|—|•|d\.|den)\s+(?=.*\d)", text)[0].strip()
    text = re.split(r"\s*\d{1,2}[-./]\d{1,2}[-./]\d{4}", text)[0].strip(" -–,:|·")
    text = _PERIOD.sub("", text).strip(" -–,:")
    text = re.sub(r"\s+(?:åbent?\s+)?(?:referat|dagsorden|beslutningsprotokol)$", "", text, flags=re.I)  # the kind
    text = re.sub(r",?\s*[\wæøåÆØÅ-]+\s+(?:Kommune|Regionskommune)\b.*$", "", text).strip(" -–,:·")
    if 3 <= len(text) <= 90 and _COMMITTEE.search(text) and not text.endswith("."):
        return vocab.readable(text)  # "TEKNIK- OG MILJØUDVALGET" -> "Teknik- og Miljøudvalget"
    return None


def committee_in(line: str) -> str | None:
    """The committee a running header names ("Lemvig Kommune · Erhvervsudvalget · Referat 20.08.2024"): the whole
    line, else the first of its parts (split at "·", "|", "•" or a dash between spaces) that names one."""
    found = _committee_from(line)
    if found:
        return found
    parts = re.split(r"\s+[·|•–—-]\s+", line)
    return next((c for c in (_committee_from(p) for p in parts) if c), None) if len(parts) > 1 else None


def _label_value(lines: list[str], i: int, value: str) -> tuple[str, int]:
    """A label's value: inline, or on the next line unless that is another label; and the line after it."""
    if value:
        return value, i + 1
    k = next((j for j in range(i + 1, min(i + 3, len(lines))) if lines[j]), i + 1)
    nxt = lines[k] if k < len(lines) else ""
    return ("", i + 1) if not nxt or LABEL.match(nxt) or nxt.endswith(":") else (nxt, k + 1)


def _more_names(value: str, line: str) -> str:
    """A list of names continued on the next line: a new entry after a complete one ("Ole Bjørn (A), formand" /
    "Mette Bonde (V)" on lines of their own), else the same name wrapped ("..., Anja" / "Ravn (F)")."""
    last = re.split(r",\s*", value.rstrip(" ,"))[-1]
    complete = value.rstrip().endswith((")", ",")) or bool(vocab.ROLE.match(last))
    return f"{value.rstrip(' ,')}, {line}" if complete else f"{value} {line}"


def _people(text: str) -> tuple[list[str], list[str]]:
    present, absent = [], []
    for part in vocab.split_names(text):
        if re.search(r"\((?:afbud|fraværende|fravær)\)", part, re.I):
            absent.append(re.sub(r"\s*\((?:afbud|fraværende|fravær)\)", "", part, flags=re.I).strip())
        else:
            present.append(part)
    return present, absent


# a scanner's or fax machine's line at the top of each page: its date and time, then a page counter ("13-05-2024
# 08:41  TØNDER KOMMUNE SEKRETARIAT  SCAN 0415  S. 01/03"): the scan's date, not the meeting's
_SCANNER = re.compile(r"^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}\s+\d{1,2}:\d{2}\b"
                      r".*(?:\b(?:scan|fax)\b|\bS\.\s*\d+\s*/\s*\d+\s*$)", re.I)
# a received stamp: "MODTAGET" / "13. MAJ 2024" / "Byrådssekretariatet" (the office that received the paper)
_STAMP = re.compile(r"^(?:modtaget|indgået|indkommet|received|journaliseret)\.?$", re.I)


def _noise(lines: list[str]) -> set[int]:
    """The lines of a scanner's page line and of a received stamp, which name neither the meeting's committee nor
    its date."""
    out = {i for i, x in enumerate(lines) if x and _SCANNER.match(x)}
    for i, line in enumerate(lines):
        if line and _STAMP.match(line):
            out.add(i)
            for j in range(i + 1, min(i + 3, len(lines))):
                if not lines[j] or len(lines[j]) > 40 or LABEL.match(lines[j]):
                    break
                out.add(j)
    return out


def parse_header(lines: list[str]) -> Header:
    noise = _noise(lines)
    lines = [("" if i in noise else x) for i, x in enumerate(lines)]
    head = Header()
    head.status = "agenda" if any(re.match(r"^dagsorden\b", x, re.I) for x in lines[:6]) and not any(
        re.search(r"\breferat\b|beslutningsprotokol", x, re.I) for x in lines[:10]) else "minutes"
    seen = 0  # lines of text so far, an e-mail's header lines not counted
    signature = 0  # lines of a cover letter's signature still to come
    words = 0  # the header is the first 40 lines of text: an HTML page's blank lines do not count
    for i, line in enumerate(lines):
        if not line:
            continue
        words += 1
        if words > 40:
            break
        seen += not _MAIL_HEADER.match(line)
        signature = _SIGNATURE_LINES if _SIGN_OFF.match(line) else signature - 1
        if head.committee is None and seen <= 12 and signature < 0:
            head.committee = _committee_from(line) or committee_in(line)
        said = line  # "Stedfortræder:" alone, the name on the next line (a print's facts table): one remark
        if line.endswith(":") and len(line.split()) <= 2 and i + 1 < len(lines) and lines[i + 1]:
            said = f"{line} {lines[i + 1]}"
        head.remarks += [r for r in vocab.attendance_remarks(said) if r not in head.remarks]
        m = LABEL.match(line)
        if m:
            label = m.group("label").lower()
            value, k = _label_value(lines, i, m.group("value").strip())
            if label in {"mødested", "mødeafholdelse", "sted", "lokation", "lokale"} and value and not head.location:
                head.location = value
            elif label in {"mødedeltagere", "deltagere", "til stede", "medlemmer"}:
                while (value and k < len(lines) and lines[k] and not LABEL.match(lines[k])
                       and "kommune" not in lines[k].lower() and vocab.looks_like_names(lines[k])):
                    value = _more_names(value, lines[k])
                    k += 1
                present, absent = _people(value)
                head.participants += present + absent
                head.absentees += [a for a in absent if a not in head.absentees]
            elif label in {"fraværende", "afbud"}:  # a members table's "Afbud" beside the facts' own: once
                head.absentees += [a for a in vocab.split_names(value) if a not in head.absentees]
    head.date, head.time = _when([x for x in lines if x][:25])  # blank lines (an HTML page's) do not count
    return head


def _when(lines: list[str]) -> tuple[date | None, str | None]:
    """The meeting date and time: a labelled date ("Mødedato: ...") before any other, a printing date last; the
    time on the date's line, else from a "Tidspunkt" label or another line that has one."""
    days: list[tuple[int, int, date]] = []
    times: list[tuple[int, int, str]] = []
    for i, line in enumerate(lines):
        label = LABEL.match(line) if line else None
        name = label.group("label").lower() if label else ""
        day = dates.first_date(line) if line else None
        printed = bool(line and _PRINTED.search(line))
        alone = i and not (label and label.group("value").strip()) and _alone_date_label(lines[i - 1])
        if day:  # "Mødedato:" alone, "Mandag den 14. oktober 2024" on the next line: a labelled date too
            days.append((2 if printed else 0 if name in _DATE_LABELS or alone else 1, i, day))
        clock = _time(line, name, day) if line else None
        if clock is None and name in _TIME_LABELS and label and not label.group("value").strip() and i + 1 < len(lines):
            clock = _time(lines[i + 1], name, None)  # "Mødetid" alone, "15:30 - 17:45" on the next line
        if clock:
            times.append((3 if printed else 1 if name in _DATE_LABELS else 2, i, clock))
        if any(rank == 0 for rank, _, _ in days) and any(rank < 3 for rank, _, _ in times):
            break  # a labelled date and a time: nothing later outranks them
    if not days:
        return None, min(times)[2] if times else None
    best = min(days)
    same_line = [t for t in times if t[1] == best[1]]
    return best[2], min(same_line or times)[2] if times else None


def _alone_date_label(line: str) -> bool:
    m = LABEL.match(line) if line else None
    return bool(m and m.group("label").lower() in _DATE_LABELS and not m.group("value").strip())


def _time(line: str, label: str, day: date | None) -> str | None:
    text = _DEADLINE.sub(" ", re.sub(r"\bkl\b", "kl", line, flags=re.I))  # "Tidspunkt: Kl. 13.00"
    found = dates.find_time(text) if day or "kl" in text else None
    if found is None and label in _TIME_LABELS and not day:  # "Mødetidspunkt: 15:00 - 17:10"
        m = _CLOCK.search(text)
        found = f"{int(m.group(1)):02d}:{m.group(2)}" if m else None
    return found


_MASTHEAD_LINES = 8


def masthead_municipality(text: str) -> str | None:
    """A masthead in capitals in the first lines of the text that is only a municipality's name ("KOMMUNE
    KUJALLEQ", "VEJLE KOMMUNE"), as printed (``municipalities.canonical_name`` maps it). Mentions are found
    case-sensitively (``municipalities.detect``), so a scan's or a print's capitalised masthead is otherwise missed."""
    lines = [x.strip() for x in text.splitlines() if x.strip()][:_MASTHEAD_LINES]
    for line in lines:
        if line.isupper() and len(line) <= 40:
            if municipalities.canonical_name(line):
                return line
    return None
