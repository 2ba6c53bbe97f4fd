"""What an HTML page's class names and structure say about an item's parts, read by ``html_items`` and
``generic_html`` (never from a file's words):

- a section's own title element (``div.sectionTitle``, ``h4.field--name-title`` of a section node) is a label
  whatever it prints ("Høringssvar fra Ældrerådet" too), not an item title;
- an element whose class names a number (``field--name-field-os2web-m-bp-number``, ``div.itemNumber``) holds
  the item's printed number;
- items that are the ``<li>`` children of one ``<ol>`` and print no number are numbered by their position (the
  list marker or a CSS counter prints it); a list nested inside an item is no part of that count;
- a decision that opens with its own heading line ("Teknik- og Miljøudvalgets beslutning i mødet den 18. november
  2024:") has that line as its heading, not as its text;
- label/value pairs set out as elements whose classes name them (``span.np-info-label`` + ``span.np-info-value``).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from core import vocab

El = Any  # an lxml.html element
SECTION_TITLE = re.compile(r"(?:^|[\s_-])(?:section|sektion|afsnit|felt|field|bpa|punktfelt)[-_]*(?:title|titel|"
                           r"heading|header|overskrift|navn|name)(?:$|\s)", re.I)
NUMBER_WORD = re.compile(r"^(?:nr|number|nummer|num|no|punktnr|itemnumber|itemno)$", re.I)
CASE_WORD = re.compile(r"sags?nr|sagsnummer|case|journal", re.I)
LABEL_WORD, VALUE_WORD = re.compile(r"^(?:label|key|name|navn)$", re.I), re.compile(r"^(?:value|val|data|vaerdi)$",
                                                                                    re.I)
# "Teknik- og Miljøudvalgets beslutning i mødet den 18. november 2024:" (the words "i mødet" are no part of a name)
IN_MEETING = re.compile(r"\s+(?:i|på)\s+(?:mødet|udvalgsmødet|byrådsmødet)(?=\s+(?:den|d\.)\s)", re.I)
NO_ATTACHMENTS = re.compile(r"^(?:ingen|intet|ingen vedhæftede)\s+(?:bilag|vedhæftninger)\.?$", re.I)


def _tokens(el: El) -> list[str]:
    return str(el.get("class") or "").split()


def _last(token: str) -> str:
    """A class token's last word: "field--name-field-os2web-m-bp-number" -> "number", "itemNumber" -> "number"."""
    word = re.split(r"[-_]+", token.strip("-_"))[-1]
    return re.sub(r"^.*[a-z](?=[A-Z])", "", word).lower() if word else ""


def section_title(el: El) -> bool:
    """A class names the element a section's title (``sectionTitle``, ``section-title``, ``felt-titel``)."""
    cls = re.sub(r"(?<=[a-z])(?=[A-Z])", "-", str(el.get("class") or ""))
    return bool(SECTION_TITLE.search(cls))


def names_number(el: El) -> bool:
    """A class token of ``el`` names a number (its last word nr/number/nummer), and none names a case number."""
    tokens = _tokens(el)
    return any(NUMBER_WORD.match(_last(t)) for t in tokens) and not any(CASE_WORD.search(t) for t in tokens)


def list_positions(els: list[El]) -> list[str] | None:
    """The numbers an ordered list prints for its items (``start`` honoured, ``reversed`` too) when every element
    is an ``<li>`` child of one and the same ``<ol>``; None otherwise."""
    parent = els[0].getparent() if els else None
    if parent is None or parent.tag != "ol" or any(x.tag != "li" or x.getparent() is not parent for x in els):
        return None
    lis = [x for x in parent if getattr(x, "tag", "") == "li"]
    start = str(parent.get("start") or "").strip()
    first = int(start) if start.lstrip("-").isdigit() else (len(lis) if parent.get("reversed") is not None else 1)
    step = -1 if parent.get("reversed") is not None else 1
    return [str(first + step * lis.index(x)) for x in els]


def decision_head(text: str) -> tuple[str, str | None, date | None] | None:
    """A decision text whose first line is its own heading ("Økonomiudvalgets beslutning i mødet den 3. juni
    2024:"): (the rest, body, date); None when the first line is no heading."""
    first, _, rest = text.strip().partition("\n")
    line = IN_MEETING.sub("", vocab.clean_line(first))
    if not line.endswith(":") or len(line) > 140:
        return None
    dec = vocab.decision_heading(line)
    if dec is None or dec.inline_text or not (dec.body or dec.date):
        return None
    return rest.strip(), dec.body, dec.date


def no_attachments(line: str) -> bool:
    return bool(NO_ATTACHMENTS.match(line.strip()))


def class_pairs(root: El) -> list[tuple[El, El]]:
    """(label element, value element) for each element whose class names a label, followed by a sibling whose
    class names a value (``<span class="np-info-label">Tid</span><span class="np-info-value">17:00</span>``)."""
    out: list[tuple[El, El]] = []
    for el in root.iter():
        if not isinstance(el.tag, str) or not any(LABEL_WORD.match(_last(t)) for t in _tokens(el)):
            continue
        nxt = el.getnext()
        if nxt is not None and isinstance(nxt.tag, str) and any(VALUE_WORD.match(_last(t)) for t in _tokens(nxt)):
            out.append((el, nxt))
    return out


def outer_articles(groups: list[list[El]]) -> list[list[El]]:
    """Candidate item groups without the groups of ``<article>`` elements nested in another group's articles (an
    item node's own section nodes are its parts, not items)."""
    articles = {id(x) for g in groups if all(x.tag == "article" for x in g) for x in g}
    return [g for g in groups if not all(x.tag == "article" and any(
        id(a) in articles for a in x.iterancestors("article")) for x in g)]


ACCESS = re.compile(r"^(?:åben|åbent|lukket|offentlig|ikke offentlig)(?:\s+(?:sag|punkt|dagsordenspunkt))?\.?$", re.I)
META_LABEL = re.compile(r"^(?:status|adgang|sags?\s*nr\.?|sagsnummer|sagsbehandler|j\.?\s*nr\.?):?$", re.I)


def without_status(lines: list[str]) -> str:
    """The text under an item's title without its access status ("Åben sag", "Lukket") and the bare labels left
    with no value once the case number and status were taken ("Sagsnr.", "Status")."""
    kept = [x for x in lines if not ACCESS.match(x.strip())]
    filled = [x for x in kept if x.strip()]
    orphan = {k for k, x in enumerate(filled) if META_LABEL.match(x.strip()) and (
        k + 1 == len(filled) or META_LABEL.match(filled[k + 1].strip()))}
    drop = {id(x) for k, x in enumerate(filled) if k in orphan}
    return "\n".join(x for x in kept if id(x) not in drop).strip()
