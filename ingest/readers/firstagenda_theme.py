"""First Agenda publication page in the newer portal theme (``/static/fa-public/theme-…/``, ``body.fa-theme-…``).

The page no longer prints the committee and date in its title (``<title>`` "Referat | Politik | Ikast-Brande
Kommune"): the meeting is named by ``<meta>`` tags (``fa:committee``, ``fa:meeting-date`` ISO, ``fa:document-type``,
``og:title`` "Committee - Referat", ``og:site_name`` the municipality) and the breadcrumb ("… › Committee ›
Referat 4. juni 2024"). The head ``div.fa-meeting-head`` holds ``p.fa-when`` ("tirsdag den 4. juni 2024 kl.
16:00"), ``p.fa-where`` and ``li.fa-participant`` entries ("Ole Vind (V) - Formand"; an absent member carries a
badge ``span.fa-badge`` "Afbud" and/or the class ``fa-participant--absent``).

A "Beslutningsoversigt" table (Punkt | Emne | Status) repeats each item with a short status; it is a summary, not
the decisions, and is not read. The items are the accordion's ``div.fa-accordion-item``: a button with
``span.fa-item-no`` "Punkt N" and ``span.fa-item-title`` (badges such as "Tillægspunkt" or a lock icon beside the
title are no part of it), and a collapse body (``hidden``, still in the page) with ``p.fa-case`` "Sagsnr.: …" and
``div.fa-field`` blocks (``.fa-field-title`` heading, ``.fa-field-body`` text). The decision field ("Beslutning i
<committee> den dd-mm-yyyy") comes first; a decision headed with another date or body is that meeting's. A
``details.fa-history`` ("Tidligere behandling") lists earlier meetings' decisions, each ``.fa-history-entry`` with a
meta line "Committee · dd-mm-yyyy · punkt 4" and the decision text. A closed item (``fa-accordion-item--closed``,
a lock icon, or a "Lukket" title) publishes only a note that it was treated in a closed meeting.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from core import dates, municipalities, vocab
from core.errors import IngestError
from core.model import fold
from ingest.readers.base import DecisionDraft, ItemDraft, MeetingDraft, Source
from ingest.readers.markup import fragment_text

_ITEM = ".fa-accordion-item"
_NUMBER = re.compile(r"^(?:Punkt|Pkt\.?|Nr\.?)?\s*(\d{1,3}(?:\.\d{1,3})*)\.?$", re.I)
_KIND = re.compile(r"\b(referat|beslutningsprotokol|dagsorden|tillægsdagsorden)\b", re.I)
_ROLE = re.compile(r"\s+[-–]\s+(?P<role>[^()]+)$")
_HISTORY_META = re.compile(r"^(?P<body>.*?)\s*[·|•]\s*(?P<date>[^·|•]*\d[^·|•]*?)(?:\s*[·|•].*)?$")


def _text(tag: Any) -> str:
    return " ".join(tag.get_text(" ").split()) if tag is not None else ""


def _metas(soup: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for m in soup.find_all("meta"):
        key = str(m.get("name") or m.get("property") or "").strip().lower()
        if key and m.get("content"):
            found.setdefault(key, " ".join(str(m["content"]).split()))
    return found


def _crumbs(soup: Any) -> list[str]:
    trail = soup.select_one("nav.breadcrumb, ol.breadcrumb, ul.breadcrumb, [aria-label=Brødkrumme], .breadcrumb")
    return [t for t in (_text(li) for li in trail.find_all("li")) if t] if trail is not None else []


class FirstAgendaThemeReader:
    name = "firstagenda-theme-html"

    def sniff(self, src: Source) -> bool:
        soup = src.html  # None for anything that is not HTML text (binary input never reaches src.text here)
        return soup is not None and "fa-item-no" in src.text and soup.select_one(f"{_ITEM} .fa-item-no") is not None

    def read(self, src: Source) -> MeetingDraft:
        soup = src.html
        if soup is None:
            raise IngestError(src.path, "not an HTML page")
        metas, crumbs = _metas(soup), _crumbs(soup)
        head = soup.select_one(".fa-meeting-head") or soup
        when = _text(head.select_one(".fa-when"))
        meeting_crumb = crumbs[-1] if crumbs and dates.first_date(crumbs[-1]) else ""
        day = next((d for d in (dates.first_date(x) for x in (metas.get("fa:meeting-date", ""), when, meeting_crumb))
                    if d), None)
        if day is None:
            raise IngestError(src.path, "First Agenda page without a meeting date (fa:meeting-date, p.fa-when, "
                                        "breadcrumb)")
        og_title = re.split(r"\s+[-–|]\s+", metas.get("og:title", ""))
        committee = (metas.get("fa:committee") or (crumbs[-2] if meeting_crumb and len(crumbs) >= 3 else "")
                     or (og_title[0] if len(og_title) > 1 else ""))
        warnings = [] if committee else [f"{src.name}: no committee in the page (fa:committee, og:title, breadcrumb)"]
        items = [_item(el, committee, day) for el in soup.select(_ITEM)]
        items = [it for it in items if it.title or it.number]
        participants, absentees = _people(head)
        decided = any(d.body is None and d.date in (None, day) for it in items for d in it.decisions)
        kind = " ".join([metas.get("fa:document-type", ""), _text(head.select_one(".fa-doctype")), meeting_crumb])
        word = _KIND.search(kind)
        if word and word.group(1).lower() in ("referat", "beslutningsprotokol") and not decided:
            warnings.append(f"the page says {word.group(1)!r} but records no decision; read as an agenda")
        return MeetingDraft(
            committee=committee,
            date=day,
            time=dates.find_time(when) or dates.find_time(meeting_crumb),
            items=items,
            municipality=_municipality(soup, metas),
            location=_text(head.select_one(".fa-where")) or None,
            participants=participants,
            absentees=absentees,
            status="minutes" if decided else "agenda",
            extraordinary=bool(re.search(r"ekstraordinær", kind + " " + metas.get("og:title", ""), re.I)),
            warnings=warnings,
        )


def _item(el: Any, committee: str, day: date) -> ItemDraft:
    """One accordion item: number and title from its button, the rest from its collapse body."""
    m = _NUMBER.match(_text(el.select_one(".fa-item-no")))
    title = _text(el.select_one(".fa-item-title"))
    closed = ("fa-accordion-item--closed" in el.get("class", []) or el.select_one(".fa-icon-lock") is not None
             or bool(vocab.CLOSED.match(title)))
    case = _text(el.select_one(".fa-case"))
    item = ItemDraft(title=title, number=m.group(1) if m else None, case_number=vocab.case_number(case), closed=closed)
    for fld in el.select(".fa-field"):
        heading = _text(fld.select_one(".fa-field-title")).rstrip(":").strip()
        body = fragment_text(str(fld.select_one(".fa-field-body") or ""))
        if not body.strip():
            continue
        dec = vocab.decision_heading(heading) if heading else None
        if dec is None:
            item.sections.append((heading, body))
            continue
        own = dec.body is None or fold(dec.body) == fold(committee)
        if own and dec.date in (None, day):
            item.decisions.append(DecisionDraft(body))
        else:  # another body's, or this committee's at an earlier meeting
            item.decisions.append(DecisionDraft(body, None if own else dec.body, dec.date))
    for entry in el.select(".fa-history .fa-history-entry"):
        item.decisions += _history(entry, committee)
    item.attachments = [t for t in (_text(a) for a in el.select(".fa-attachments a, a.fa-attachment, "
                                                                  "a.bilag-link")) if t]
    return item


def _history(entry: Any, committee: str) -> list[DecisionDraft]:
    """An earlier meeting's decision: "Committee · dd-mm-yyyy · punkt 4" and the text after it."""
    meta_tag = entry.select_one(".fa-history-meta")
    meta = _text(meta_tag)
    text = fragment_text("".join(str(x) for x in entry.children if x is not meta_tag)).strip()
    m = _HISTORY_META.match(meta)
    on = dates.first_date(m.group("date")) if m else dates.first_date(meta)
    if not text or on is None:
        return []
    body = m.group("body").strip() if m else ""
    return [DecisionDraft(text, None if not body or fold(body) == fold(committee) else body, on)]


def _people(head: Any) -> tuple[list[str], list[str]]:
    """Participants as printed ("Ole Vind (V), formand") and the absent among them (a badge or class saying so)."""
    present: list[str] = []
    absent: list[str] = []
    for li in head.select(".fa-participant"):
        marks = li.select(".fa-badge")
        badges = " ".join(_text(b) for b in marks)
        name = " ".join(" ".join(str(x) for x in li.find_all(string=True)
                                 if not any(up is b for up in x.parents for b in marks)).split())
        role = _ROLE.search(name)
        name = name[:role.start()].strip() if role else name
        if not name:
            continue
        present.append(f"{name}, {role.group('role').strip().lower()}" if role else name)
        classes = " ".join(li.get("class", []))
        if vocab.ABSENT_WORD.search(badges) or re.search(r"absent|afbud|frav", classes, re.I):
            absent.append(name)
    return present, absent


def _municipality(soup: Any, metas: dict[str, str]) -> str | None:
    """The portal's owner: ``og:site_name``, the logo's alternative text, or a part of ``<title>``."""
    title = _text(soup.find("title"))
    logos = [str(img.get("alt") or "") for img in soup.select("header img[alt], .logo img[alt], img.logo[alt]")]
    for value in [metas.get("og:site_name", ""), *logos, *re.split(r"\s+[-–|]\s+", title)]:
        name = municipalities.canonical_name(value.strip()) if value.strip() else None
        if name:
            return name
    return None


READER = FirstAgendaThemeReader()
