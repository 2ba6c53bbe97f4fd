"""HTML minutes from portals no other reader knows, read by their structure (never flattened and re-segmented).

Items are found by ``html_items`` (repeated containers, numbered or labelled headings). Meeting facts: labelled
fields of the page head (``<th>Udvalg</th><td>``, ``<dt>Mødedato</dt><dd>``, "Mødedato: …", ``class="…__committee"``,
``<time datetime>`` (a stamp with a zone in local time), ``<meta>``), then its h1, lines and <title>; print dates
are skipped; a time or place still missing comes from the page's schema.org JSON-LD Event of that day
(``jsonld``). Page furniture (nav, footer, cookie banners, breadcrumbs, "Print" links) is removed first; then each
accordion/tab trigger and its panel become one titled container (``html_disclosure``) and a table of several
label/value records one table per record (``html_records``). Fewer than two items or no meeting date: the page
is not claimed, and the text parser reads it.
"""

from __future__ import annotations

import re
from datetime import date

from lxml import etree
from lxml import html as lhtml

from core import dates, municipalities, vocab
from core.model import fold
from ingest import header
from ingest.readers import html_disclosure, html_facts, html_labels, html_records, jsonld
from ingest.readers.base import AnalysedReader, ItemDraft, MeetingDraft, Source
from ingest.readers.html_items import BLOCKS, El, attrs, heading_level, inner_text, outer_html, read_items, subtree
from ingest.readers.markup import fragment_text
from ingest.readers.stamps import date_clock
from ingest.readers.xmlwhen import timestamp

FURNITURE = {"script", "style", "noscript", "template", "svg", "iframe", "object", "input", "select", "textarea",
             "nav", "footer"}
FURNITURE_ATTR = re.compile(r"cookie|breadcrumb|skip-?link|footer|sr-only|visually-hidden|no-?print|print-?(?:link|"
                            r"button)|(?:^|[\s_-])(?:nav|navbar|navigation|menu|sidebar|share)(?:$|[\s_-])", re.I)
FURNITURE_LINK = re.compile(r"^(?:print|udskriv|printvenlig(?: version)?|til toppen|tilbage|læs mere|del|"
                            r"gå til (?:hoved)?indhold|tilgængelighedserklæring)$", re.I)
PRINTED = re.compile(r"\b(?:udskrevet|printet|udskriftsdato|udskrift|print|genereret|senest (?:ændret|opdateret)|"
                     r"publiceret|offentliggjort|published)", re.I)
# when this rendering was published ("Publiceret 14-03-2025 11:02:51 af …", <meta name="published">): the version a
# newer publication of the same meeting replaces, never the meeting's date
PUBLISHED_LINE = re.compile(r"\b(?:publiceret|offentliggjort|published)\b\W*(?P<stamp>[\d][\d.:/ T+-]{9,30})", re.I)
PUBLISHED_METAS = ("published", "dcterms.modified", "dcterms.issued", "article:modified_time",
                   "article:published_time", "publication-date", "publiceret")
ROLE = re.compile(r"^(?:formand|næstformand|medlem|sekretær|referent|borgmester|viceborgmester)$", re.I)
ABSENT = re.compile(r"\s*\((?:afbud|fraværende|fravær)\)", re.I)
LABELS = {k: re.compile(rf"^(?:{v})$", re.I) for k, v in {
    "committee": r"udvalg|udvalgsnavn|forum|mødeforum|organ|politisk udvalg|committee",
    "date": r"mødedato|dato|møde|mødedag|date|(?:møde)?dato og (?:tid|tidspunkt)",
    "time": r"tidspunkt|mødetidspunkt|tid|klokken|starttidspunkt|mødestart|time",
    "place": r"sted|mødested|lokale|mødelokale|lokation|location|adresse",
    "present": r"deltagere|mødedeltagere|til stede|medlemmer|fremmødte",
    "absent": r"fraværende|afbud|forfald|fravær|ikke til stede",
    "kind": r"type|dokumenttype|dokument|status|mødetype", "municipality": r"kommune|myndighed",
    "remark": r"bemærkning(?:er)?|remarks?|note"}.items()}
CLASS_FIELDS = {k: re.compile(rf"^(?:{v})$") for k, v in {
    "committee": r"committee|udvalg|forum|body", "date": r"date|dato|when|datetime", "kind": r"type|status",
    "place": r"place|sted|location|lokale|venue", "municipality": r"kommune|municipality|org|organi[sz]ation"}.items()}
CLOCK = re.compile(r"(?<![\d.:])([01]?\d|2[0-3])[.:]([0-5]\d)(?![\d.:])")
HOUR = re.compile(r"\bkl\.?\s*([01]?\d|2[0-3])(?!\d|[.:]\d)", re.I)  # "Kl. 16" (no minutes)
LINE_LABEL = re.compile(r"^(?P<label>[A-ZÆØÅa-zæøå][\wæøåÆØÅ ]{1,28}?)\s*:\s*(?P<value>\S.*)$")
BULLET = re.compile(r"^\s*[-•*·–]\s+")  # a list item's bullet as the text rendering prints it
ITEMPROPS = {"place": {"location"}}  # schema.org microdata (Event): the meeting's facts by property name
META_PREFIXES = {"moede", "møde", "meeting", "dagsorden", "referat"}  # <meta name="moede:start">
META_NAMES = {"time": "start", "date": "date", "committee": "committee", "place": "venue", "kind": "status"}


def _clock(text: str) -> str | None:
    """The first clock of ``text``; "Kl. 16 - 18.10" (a whole hour printed without minutes) starts at 16:00."""
    text = dates.ISO.sub(" ", dates.NUMERIC.sub(" ", text))
    m, hour = CLOCK.search(text), HOUR.search(text)
    if hour and (m is None or hour.start() < m.start()):
        return f"{int(hour.group(1)):02d}:00"
    return f"{int(m.group(1)):02d}:{m.group(2)}" if m else None


def _stamp_clock(stamp: str) -> str | None:
    """The local clock of a <time datetime> stamp ("2024-11-04T16:30:00+01:00" -> "16:30"; a date alone: None)."""
    found = date_clock(stamp)
    return found[1] if found is not None else _clock(stamp.partition("T")[2]) if "T" in stamp else None


def _meta(metas: dict[str, str], kind: str) -> str | None:
    """A meeting fact in a namespaced meta tag (<meta name="moede:start" content="16:30">): its name's last part
    ("start", "udvalg", "dato", "type") as a field label; a plain name ("description") is no meeting fact."""
    for name, content in metas.items():
        prefix, _, tail = name.rpartition(":")
        named = LABELS[kind].match(tail) or META_NAMES.get(kind, "") == tail
        if prefix in META_PREFIXES and content.strip() and named:
            return content.strip()
    return None


def _published(metas: dict[str, str], head_text: str) -> str | None:
    """When this rendering was published, as an ISO stamp: a publication meta tag, else a "Publiceret …" line."""
    stated = [metas.get(name) for name in PUBLISHED_METAS]
    lines = [m.group("stamp") for m in PUBLISHED_LINE.finditer(head_text)]
    return next((stamp for x in [*stated, *lines] if x and (stamp := timestamp(x.strip()))), None)


def _remarks(stated: str | None, head: header.Header) -> list[str]:
    """The meeting's remark field as printed (a written procedure's answer deadline, who did not reply), then the
    late arrivals and early leavers the head's lines record that it does not already hold."""
    found = [" ".join(stated.split())] if stated and stated.strip() else []
    return found + [r for r in head.remarks if not any(r in x for x in found)]


def _rows(el: El) -> list[list[El]]:
    """The label/value pairs of ``el``: two-cell rows, ``<dt>``/``<dd>``, a label class and a value class."""
    rows = [c for c in (tr.xpath("./td|./th") for tr in el.iter("tr")) if len(c) == 2]
    rows += [[dt, dt.getnext()] for dt in el.iter("dt") if getattr(dt.getnext(), "tag", "") == "dd"]
    return rows + [list(pair) for pair in html_labels.class_pairs(el)]  # <span class="…-label">Tid</span><span …>


def _meeting(root: El, head_html: str, items: list[ItemDraft]) -> MeetingDraft | None:
    """The meeting facts from the page head (everything before the first item), then from a side panel of facts
    beside the items (``html_facts.side_panels``)."""
    frag = lhtml.fragment_fromstring(head_html, create_parent="div")
    lines = [BULLET.sub("", x) for x in fragment_text(head_html).splitlines() if x.strip() and not PRINTED.search(x)]
    rows = _rows(frag) + [r for panel in html_facts.side_panels(root) for r in _rows(panel)]
    pairs = [(inner_text(k), ", ".join(x.lstrip("- ") for x in fragment_text(outer_html(v)).splitlines() if x.strip()))
             for k, v in rows] + [(m["label"], m["value"]) for m in map(LINE_LABEL.match, lines) if m]
    leaves = [x for x in subtree(frag) if len(inner_text(x)) <= 200 and not any(
        y.tag in BLOCKS for y in x.iterdescendants())]

    title = inner_text(root.find(".//title"))
    metas = {(m.get("name") or m.get("property") or "").lower(): m.get("content") or "" for m in root.iter("meta")}

    def field(kind: str) -> str | None:
        value = next((v for k, v in pairs if LABELS[kind].match(k.strip().rstrip(":").strip()) and v.strip()), None)
        value = value or next((" ".join(inner_text(x).split()) for x in subtree(frag) if kind in ITEMPROPS and str(
            x.get("itemprop") or "").lower() in ITEMPROPS[kind] and inner_text(x).strip()), None)
        return value or next((inner_text(x) for x in leaves if kind in CLASS_FIELDS and inner_text(x) and any(
            CLASS_FIELDS[kind].match(re.split(r"[-_]+", c)[-1]) for c in attrs(x).split())), None) or _meta(metas, kind)
    h1s, stamps = [inner_text(x) for x in frag.iter("h1")], [str(x.get("datetime") or "") for x in frag.iter("time")]
    head = header.parse_header(h1s + lines + [title])
    # the meeting's date: its date field, else its time field ("Mødetidspunkt: 11-03-2025 17:00"), then the head
    when = next((x for x in [field("date"), field("time"), *stamps, metas.get("dcterms.date"),
                             metas.get("meeting-date"), *h1s, *lines, title]
                 if x and not PRINTED.search(x) and dates.first_date(x)), None)
    day: date | None = dates.first_date(when) if when else None
    if day is None:
        return None  # the text parser also looks for the date in the decisions
    clock = field("time")
    time = (_clock(clock) if clock else None) or dates.find_time(when or "") or next(
        (c for s in stamps if (c := _stamp_clock(s))), None) or head.time
    place = re.search(r"\bkl\.?\s*\d{1,2}[.:]\d{2}\s+(?:i|på)\s+(?P<place>[A-ZÆØÅ][^.]{3,90})", when or "")
    committee = field("committee") or head.committee or ""
    stated = [field("municipality"), *(metas.get(k) for k in ("og:site_name", "application-name", "publisher",
                                                              "author")), *re.split(r"\s+[-–|·]\s+", title),
              *(str(x.get("alt") or "") for x in frag.iter("img"))]  # the page's logo: "Gladsaxe Kommune"
    municipality = next((x.strip() for x in [*stated, *lines[:15]] if x and municipalities.canonical_name(x.strip())),
                        None) or html_facts.authority(stated)  # a name the list does not know still reaches resolve
    present = [x for x in vocab.split_names(field("present") or "") if not ROLE.match(x)] or [
        x for x in head.participants if not ROLE.match(x)]
    absent = [x for x in vocab.split_names(field("absent") or "")] or head.absentees
    absent += [ABSENT.sub("", x) for x in present if ABSENT.search(x) and ABSENT.sub("", x) not in absent]
    for dec in (d for it in items for d in it.decisions):  # "Beslutning i <this committee>": the meeting's own
        if dec.body and committee and fold(dec.body) == fold(committee) and dec.date in (None, day):
            dec.body = dec.date = None
    kind = " ".join([field("kind") or "", *h1s, title])
    word = (re.findall(r"referat|beslutningsprotokol|dagsorden", kind, re.I) or [""])[0].lower()
    any_decision = any(it.decisions for it in items)
    minutes = any(d.body is None for it in items for d in it.decisions) or (word not in ("", "dagsorden")
                                                                            and any_decision)
    return MeetingDraft(
        committee=committee, date=day, items=items, municipality=municipality, time=time,
        published=_published(metas, fragment_text(head_html)),
        location=field("place") or (place.group("place").strip() if place else None) or head.location,
        participants=[ABSENT.sub("", x) for x in present], absentees=absent, remarks=_remarks(field("remark"), head),
        status="minutes" if minutes else "agenda", extraordinary=bool(re.search(r"ekstraordinær", kind, re.I)),
        warnings=[f"the page says {word!r} but records no decision; read as an agenda"]
        if word not in ("", "dagsorden") and not any_decision else [])


def _parse(src: Source) -> El | None:
    low = src.head[:1000].lower()  # a page starts with markup (JSON with HTML in its fields does not)
    markup = any(m in low for m in ("<html", "<!doctype html", "<body", "<div", "<table"))
    if not low.startswith("<") or not markup or (low.startswith("<?xml") and "<html" not in low):
        return None
    try:
        root = lhtml.document_fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", src.text))
    except (etree.ParserError, ValueError):
        return None
    for el in subtree(root):
        if el.getparent() is not None and el.tag not in {"body", "main"} and (
                el.tag in FURNITURE or el.get("role") in {"navigation", "contentinfo", "search"}
                or FURNITURE_ATTR.search(attrs(el)) or el.tag == "a" and FURNITURE_LINK.match(inner_text(el))):
            el.drop_tree()
    html_disclosure.rebuild(root)  # an accordion's trigger and panel: one titled container
    html_records.split(root)  # a table of label rows holding several items: one table per item
    for el in list(root.iter("button")):  # a button goes; an accordion's title was rebuilt above, or holds a heading
        if el.getparent() is not None and not any(heading_level(x) for x in el.iterdescendants()):
            el.drop_tree()
    return root


def analyse(src: Source) -> MeetingDraft | None:
    """The meeting when the page marks its items by structure, else None (the text parser reads it)."""
    root = _parse(src)
    body = root.find("body") if root is not None else None
    found = read_items(body) if body is not None else None
    if found is None:
        return None
    head_html, items = found
    draft = _meeting(root, head_html, items)
    if draft is not None:
        jsonld.complete(draft, src.text)
    return draft


READER = AnalysedReader("generic-html", analyse, "no agenda items marked in the page's structure")
