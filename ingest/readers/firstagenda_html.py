"""First Agenda publication web page (``publication.firstagenda.com``): one meeting's agenda or minutes.

Meeting: ``h1.dato`` ("Dagsorden 8. oktober 2025 kl. 16.00": the word says agenda or minutes, then date and
time), ``span.udvalg`` (committee), ``span.sted`` (place), and ``table.dagsordeninfo`` rows (Udvalg, Mødedato,
Mødested, Mødedeltagere) as the fallback and for participants. A page without these names the meeting only in
its breadcrumb (``ol.breadcrumb``: Forside › committee › "Referat mandag den 3. februar 2025 kl. 17.30": the last
crumb is the meeting, read as ``h1.dato``; the crumb before it, not the first, is its committee) and in
``<title>`` ("Committee - Referat - 3. februar 2025" or "Committee - Venue": the first part is the committee).
A participant's status label (``<span class="label … afbud">Afbud</span>``) is no part of the name; an absence
word in it, or an absence class on the entry, marks the participant absent; a substitute's label ("Stedfortræder
for …") is a remark. Rows with empty details whose bodies come later on the page: ``firstagenda_deferred``.

Item: ``tr.punktrow`` with the printed number in ``span.label`` (or ``span.punktnummer`` "3." inside the title
button, where a page has no number column), the title in ``h2.overskrift``, the case in
``span.sagsnummer`` and the body in ``#sagsfremstillingContainer``, split on its ``h3``/``h4`` headings. The
text before the first heading is split on its upper-case lines ("BESLUTNINGSFORSLAG FRA RV"). A "Beslutning"
heading is this meeting's decision, as is one headed with a body and this meeting's date ("Beslutning Social- og
Sundhedsudvalget 20-08-2024"; one with another date is an earlier meeting's); "Sagsforløb" holds earlier
decisions as ``Udvalg: … / Dato: dd-mm-yyyy / Punktnummer: n`` followed by the text. Attachments are the
``a.bilag-link`` (or list entries) of the item.
No decision anywhere: the page is an agenda.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from core import dates, municipalities, vocab
from core.errors import IngestError
from core.model import fold, slug
from ingest.readers import firstagenda_deferred as deferred
from ingest.readers.base import DecisionDraft, ItemDraft, MeetingDraft, Source
from ingest.readers.markup import fragment_sections, fragment_text

HISTORY = re.compile(r"^(?:Sagsforløb|Sagens forløb|Tidligere behandling)\s*:?$", re.I)
HISTORY_BODY = re.compile(r"^Udvalg\s*:\s*(?P<body>\S.*)$", re.I)
HISTORY_DATE = re.compile(r"^Dato\s*:\s*(?P<date>\S.*)$", re.I)
HISTORY_NUMBER = re.compile(r"^Punkt(?:nummer|\s*nr\.?)\s*:\s*\S+$", re.I)
STATUS = re.compile(r"^\s*(?P<word>referat|beslutningsprotokol|dagsorden|tillægsdagsorden)\b", re.I)
SUBSTITUTE = re.compile(r"stedfortr|suppleant|substitut", re.I)
CLOSED = re.compile(r"^\s*(?:Lukket|Fortroligt?)\b", re.I)  # the portal prefixes closed items' titles


def _text(tag: Any) -> str:
    return " ".join(tag.get_text(" ").split()) if tag is not None else ""


def _first(soup: Any, selector: str) -> str:
    return next((t for t in (_text(x) for x in soup.select(selector)) if t), "")


def _info(soup: Any) -> dict[str, Any]:
    """``table.dagsordeninfo`` rows: lower-cased label (colon dropped) -> the value cell."""
    rows: dict[str, Any] = {}
    for tr in soup.select("table.dagsordeninfo tr"):
        cells = tr.find_all("td")
        if len(cells) >= 2:
            rows.setdefault(_text(cells[0]).rstrip(":").strip().lower(), cells[1])
    return rows


def _crumbs(soup: Any) -> tuple[str, str]:
    """(committee, meeting) of the breadcrumb: the last crumb is this meeting, the one before it (unless it is
    the first, the front page) its committee."""
    trail = soup.select_one("ol.breadcrumb, ul.breadcrumb, .breadcrumb")
    crumbs = [t for t in (_text(li) for li in trail.find_all("li")) if t] if trail is not None else []
    meeting = crumbs[-1] if crumbs and dates.first_date(crumbs[-1]) else ""
    committee = crumbs[-2] if meeting and len(crumbs) >= 3 else ""
    return committee, meeting


def _title_parts(soup: Any) -> list[str]:
    """The parts of ``<title>`` ("Børne- og Ungdomsudvalget - Referat - 3. februar 2025")."""
    title = soup.find("title")
    return [x.strip() for x in re.split(r"\s+[-–|]\s+", _text(title)) if x.strip()] if title is not None else []


def _is_caps_heading(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and len(line.split()) >= 2 and len(line) <= 120 and all(c.isupper() for c in letters)


def _caps_sections(text: str) -> list[tuple[str, str]]:
    """Text split on its upper-case lines (printed sub-headings such as "BESLUTNINGSFORSLAG FRA RV"); the first
    part has no heading. An upper-case line with no text after it stays text."""
    out: list[tuple[str, list[str]]] = [("", [])]
    for line in text.splitlines():
        if _is_caps_heading(line.strip()):
            out.append((line.strip().rstrip("."), []))
        else:
            out[-1][1].append(line)
    parts: list[tuple[str, str]] = []
    for heading, lines in out:
        body = "\n".join(lines).strip()
        if parts and heading and not _has_content(body):
            parts[-1] = (parts[-1][0], f"{parts[-1][1]}\n\n{heading}".strip())
        else:
            parts.append((heading, body))
    return parts


def _history(text: str) -> tuple[str, list[DecisionDraft]]:
    """A Sagsforløb text: earlier decisions (body, date, text); lines before the first entry stay text."""
    lines = [x.strip() for x in text.splitlines() if x.strip()]
    lead: list[str] = []
    found: list[tuple[str, date | None, list[str]]] = []
    k = 0
    while k < len(lines):
        m = HISTORY_BODY.match(lines[k])
        d = HISTORY_DATE.match(lines[k + 1]) if m and k + 1 < len(lines) else None
        if m and d:
            found.append((m.group("body").strip(), dates.first_date(d.group("date")), []))
            k += 2
            if k < len(lines) and HISTORY_NUMBER.match(lines[k]):
                k += 1
            continue
        (found[-1][2] if found else lead).append(lines[k])
        k += 1
    return "\n".join(lead), [DecisionDraft("\n".join(body), who, day) for who, day, body in found if body]


def _has_content(text: str) -> bool:
    return any(c.isalnum() for c in text)


def read_item(row: Any, body: Any | None = None, closed: bool = False) -> ItemDraft:
    """A ``tr.punktrow``: number and title from the row; case, text and attachments from the row, or from
    ``body`` (the item's body shipped elsewhere on the page) when given. ``closed``: the row's section says so."""
    label = next((m.group(1) for m in (re.fullmatch(r"(\d+(?:\.\d+)*)\.?", _text(x))
                                       for x in row.select("span.label, .punktnummer")) if m), None)
    title = _first(row, "h2.overskrift") or _first(row, "h2")
    row = body if body is not None else row
    item = ItemDraft(title=title, number=label, case_number=_first(row, "span.sagsnummer") or None,
                     closed=closed or bool(CLOSED.match(title)))
    container = row.select_one("[id=sagsfremstillingContainer]")
    parts = fragment_sections(str(container), ["h3", "h4"]) if container is not None else []
    for heading, full in parts:
        (_, text), *printed = _caps_sections(full)  # upper-case lines inside a section start sections of their own
        dec = vocab.decision_heading(heading) if heading else None
        if not heading:
            item.sections += [("", text)] if _has_content(text) else []
        elif dec is not None:
            body = dec.inline_text or text
            if _has_content(body):
                item.decisions.append(DecisionDraft(body, dec.body, dec.date))
        elif HISTORY.match(heading):
            lead, earlier = _history(text)
            if _has_content(lead):
                item.sections.append((heading.rstrip(":"), lead))
            item.decisions += earlier
        elif _has_content(text):
            item.sections.append((heading.rstrip(":").strip(), text))
        item.sections += [(h, t) for h, t in printed if _has_content(t)]
    links = [_text(a) for a in row.select("a.bilag-link")]
    if not links:
        for li in row.select("ul li"):
            for pdf in li.select(".pdf-label"):
                pdf.decompose()
            links.append(_text(li))
    item.attachments = [x for x in links if x]
    if item.closed and not item.decisions and len(item.sections) == 1 and not item.sections[0][0]:
        item.decisions.append(DecisionDraft(item.sections.pop()[1]))  # a closed item publishes only its decision
    return item


def _entry(tag: Any) -> tuple[str, bool]:
    """A participant entry: the name without its status labels (``span.label``), and whether a label, the entry's
    class or the text marks the participant absent."""
    labels = tag.select(".label, [class*='status']")  # "<span class="deltager-status">Afbud</span>" too
    marks = {id(lb) for lb in labels}
    shown = [str(x) for x in tag.find_all(string=True) if not any(id(up) in marks for up in x.parents)]
    name, said = " ".join(" ".join(shown).split()), " ".join(_text(lb) for lb in labels)
    classes = " ".join([*tag.get("class", []), *(c for lb in labels for c in lb.get("class", []))])
    absent = bool(vocab.ABSENT_WORD.search(" ".join((name, said))) or re.search(r"afbud|frav", classes, re.I))
    absent = absent and not SUBSTITUTE.search(f"{classes} {said}")  # "Stedfortræder for X, der har meldt afbud"
    return name, absent


def _entry_tags(cell: Any) -> list[Any]:
    """The innermost list entries, blocks or rows of the participants cell: one participant each."""
    blocks = ["li", "div", "p", "tr"]
    return [x for x in cell.find_all(blocks) if not x.find(blocks)] if cell is not None else []


def _people(cell: Any) -> tuple[list[str], list[str]]:
    if cell is None:
        return [], []
    found = [e for e in (_entry(x) for x in _entry_tags(cell)) if e[0]]
    if not found:
        found = [(x, bool(vocab.ABSENT_WORD.search(x)))
                 for x in vocab.split_names(fragment_text(str(cell)).replace("\n", ", "))]
    # "(afbud)" after the name, or the status word alone at its end ("Karina Bach (C) Afbud")
    present = [re.sub(r"\s*\((?:fraværende|fravær|afbud|forfald)\)\s*|\s+(?:fraværende|afbud|forfald)$", "", x,
                      flags=re.I).strip() for x, _ in found]
    absent = [p for p, (_, gone) in zip(present, found, strict=True) if gone]
    return present, absent


def _substitutes(cell: Any) -> list[str]:
    """Substitute members as the page marks them (``div.deltager.stedfortraeder`` with a label "Stedfortræder
    for Lotte Bech (V)"): "Allan Dam (V): Stedfortræder for Lotte Bech (V)", a remark, not an absence."""
    out: list[str] = []
    for tag in _entry_tags(cell):
        said = " ".join(_text(lb) for lb in tag.select(".label"))
        if SUBSTITUTE.search(" ".join([*tag.get("class", []), said])):
            name = _entry(tag)[0]
            out += [f"{name}: {said}" if said else f"{name}: stedfortræder"] if name else []
    return out


def _own_decision(item: ItemDraft, day: date, committee: str) -> bool:
    """A decision of this meeting: headed "Beslutning", dated this meeting's day ("Beslutning Social- og
    Sundhedsudvalget 20-08-2024") or headed with this meeting's body and no date ("Beslutning i
    Kommunalbestyrelsen", which is then dated this day); one dated another day is an earlier meeting's."""
    for d in item.decisions:
        if d.body is not None and d.date is None and fold(d.body) == fold(committee):
            d.date = day
    return any(d.body is None or d.date == day for d in item.decisions)


def _venue(soup: Any, info: dict[str, Any]) -> str | None:
    """``span.sted``, or the ``Mødested`` row when it holds that and more (the head may print only the room)."""
    short, full = _first(soup, "span.sted"), _text(info.get("mødested"))
    return (full if full and short in full else short or full) or None


def _portal_municipality(soup: Any) -> str | None:
    """The portal themes each customer: ``/dist/css/aarhus.css``, ``/Content/img/aarhus_logo.png``."""
    for img in soup.select("img[alt]"):  # the logo's alternative text: "Morsø Kommune"
        alt = _text_of(str(img.get("alt") or ""))
        if re.search(r"\bKommune$", alt) and municipalities.canonical_name(alt):
            return municipalities.canonical_name(alt)
    for tag in soup.select("link[href], img[src]"):
        ref = str(tag.get("href") or tag.get("src") or "")
        m = re.search(r"/([a-zæøå-]+?)(?:_logo)?\.(?:css|png|svg|jpe?g|gif)$", ref, re.I)
        name = m and (municipalities.canonical_name(m.group(1)) or _folded_municipality(m.group(1)))
        if name:
            return name
    return None


def _text_of(value: str) -> str:
    return " ".join(value.split())


def _folded_municipality(word: str) -> str | None:
    """A municipality spelled in ASCII in a file name ("morsoe" for Morsø)."""
    return next((n for n in municipalities.MUNICIPALITIES if slug(n) == word.lower()), None)


class FirstAgendaHtmlReader:
    name = "firstagenda-html"

    def sniff(self, src: Source) -> bool:
        soup = src.html  # None for anything that is not HTML text (binary input never reaches src.text here)
        return (soup is not None and "punktrow" in src.text and soup.select_one("tr.punktrow") is not None
                and soup.select_one("h1.dato, table.dagsordeninfo, span.udvalg") is not None)

    def read(self, src: Source) -> MeetingDraft:
        soup = src.html
        if soup is None:
            raise IngestError(src.path, "not an HTML page")
        info = _info(soup)
        crumb_committee, crumb_meeting = _crumbs(soup)
        titled = _title_parts(soup)
        heading = _first(soup, "h1.dato") or crumb_meeting
        when = heading + " " + _text(info.get("mødedato"))
        day = dates.first_date(heading) or dates.first_date(when) or dates.first_date(" ".join(titled[1:]))
        warnings = []
        if day is None:
            day, warnings = date.today(), ["no meeting date in the page head; dated today"]
        cached = deferred.bodies(soup)
        items = [read_item(row, deferred.body_for(row, cached), shut)
                 for row, shut in deferred.rows_with_section(soup)]
        items = [it for it in items if it.title or it.number or it.sections or it.decisions]  # no empty rows
        word = STATUS.match(heading)
        committee = (_first(soup, "span.udvalg") or _text(info.get("udvalg")) or crumb_committee
                     or (titled[0] if len(titled) > 1 else ""))
        decided = any([_own_decision(it, day, committee) for it in items])
        if word and word.group("word").lower() in ("referat", "beslutningsprotokol") and not decided:
            warnings.append(f"the page says {word.group('word')!r} but records no decision; read as an agenda")
        status = "minutes" if decided else "agenda"
        attending = info.get("mødedeltagere") or soup.select_one("td.deltagere")
        participants, absentees = _people(attending)
        described = _text(info.get("information"))
        return MeetingDraft(
            committee=committee,
            date=day,
            time=dates.find_time(heading) or dates.find_time(when),
            items=items,
            municipality=_portal_municipality(soup),
            location=_venue(soup, info),
            participants=participants,
            absentees=absentees,
            remarks=_substitutes(attending),
            status=status,
            extraordinary=bool(re.search(r"ekstraordinær", heading + " " + described, re.I)),
            warnings=warnings,
        )


READER = FirstAgendaHtmlReader()
