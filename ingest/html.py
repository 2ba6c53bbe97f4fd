"""HTML pages of minutes (First Agenda portals and any other) to the line form the segmenter reads."""

from __future__ import annotations

import re

from core import vocab

BLOCK = {
    "p", "div", "section", "article", "header", "footer", "main", "aside", "table", "thead", "tbody",
    "tr", "ul", "ol", "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "hr", "figure", "figcaption", "caption", "details", "summary", "label",
}
DROP = ["script", "style", "noscript", "template", "svg", "iframe", "object", "nav", "footer"]
# a search box or a button is furniture; but ASP.NET portals wrap the whole page in one <form>, and accordions put an
# item's title in a <button>: those keep their text (a form or button with this much text, or a heading, is content)
_CONTENT_CHARS = 200
DROP_ROLES = {"navigation", "contentinfo", "search"}  # page furniture marked for screen readers
# a two-cell row that labels a meeting fact ("<th>Udvalg</th><td>…</td>") becomes "Udvalg: …"
_FACT_LABEL = re.compile(r"^(?:Udvalg|Forum|Mødeforum|Organ|Mødedato|Dato|Tidspunkt|Mødetidspunkt|Tid|Mødested|Sted|"
                         r"Lokale|Lokation|Mødedeltagere|Deltagere|Til stede|Medlemmer|Fraværende|Afbud|Type)$", re.I)
_NUMBER_ONLY = re.compile(r"^(?:Punkt\s+|Pkt\.?\s*)?(\d{1,4}(?:\.\d{1,3})*)\.?$", re.I)


def html_to_text(html: str) -> str:
    """Block elements become lines; a lone item number is joined with the title that follows."""
    from bs4 import BeautifulSoup  # ~0.07 s: loaded with the first HTML document, not at import

    soup = BeautifulSoup(html, "lxml")
    for tag in soup(DROP):
        tag.decompose()
    for tag in soup(["form", "button"]):
        if tag.decomposed:
            continue
        if tag.name == "button" and _trigger(tag) and tag.get_text(strip=True):  # an accordion's title: a line
            tag.insert_before("\n")
            tag.insert_after("\n")
            tag.unwrap()
        elif len(tag.get_text(" ", strip=True)) >= _CONTENT_CHARS or tag.find(re.compile(r"^h[1-6]$")):
            tag.unwrap()
        else:
            tag.decompose()
    for tag in soup.select("[role]"):
        if not tag.decomposed and str(tag.get("role")).lower() in DROP_ROLES:
            tag.decompose()
    for img in soup.find_all("img"):  # an icon labelling a section (<img alt="Beslutning">): its label is a line
        alt = " ".join(str(img.get("alt") or "").split())
        if alt and len(alt) <= 60 and (vocab.section_name(alt) or vocab.decision_heading(alt)):
            img.replace_with(f"\n{alt}\n")
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for dt in soup.find_all("dt"):  # a list of meeting facts ("<dt>Mødedato</dt><dd>…</dd>"): "Mødedato: …"
        dd = dt.find_next_sibling(True)
        fact = " ".join(dt.get_text(" ").split()).rstrip(":").strip()
        if dd is not None and dd.name == "dd" and _FACT_LABEL.match(fact) and len(dd.get_text(" ")) <= 300:
            value = ", ".join(x.strip() for x in dd.get_text("\n").splitlines() if x.strip())
            dd.decompose()
            dt.clear()
            dt.append(f"{fact}: {value}")
    facts = [t for t in soup.find_all("table") if _facts_table(t)]
    for row in soup.find_all("tr"):  # a data table's row stays one line, its cells separated by " | "
        cells = row.find_all(["td", "th"], recursive=False)
        if _labelled(cells):  # "Sagsnr." | "24/00511" in cells a class names label and value: a heading, its text
            for cell in cells:
                cell.insert_before("\n")
                cell.insert_after("\n")
            continue
        label = _fact_label(cells, any(t is row.find_parent("table") for t in facts))
        if label:
            value = ", ".join(x.strip() for x in cells[1].get_text("\n").splitlines() if x.strip())
            row.clear()
            row.append(f"\n{label}: {value}\n")
            continue
        if _layout(cells):
            for cell in cells:
                cell.insert_before("\n")
                cell.insert_after("\n")
            continue
        columns = [_paragraphs(cell) for cell in cells]
        if len(cells) > 1 and len({len(c) for c in columns}) == 1 and len(columns[0]) > 1:
            # a table exported column-wise (each cell one paragraph per row): zip the columns back into rows
            lines = [" | ".join(parts) for parts in zip(*columns, strict=True)]
            row.clear()
            row.append("\n" + "\n".join(lines) + "\n")
            continue
        for k, cell in enumerate(cells):
            cell.string = " ".join(cell.get_text(" ").split())  # the cell's paragraphs as one line
            if k:
                cell.insert_before(" | ")
    for tag in soup.find_all(True):
        if tag.name in BLOCK:
            if tag.name == "li":
                tag.insert_before("\n- ")
            else:
                tag.insert_before("\n")
            tag.insert_after("\n")
    lines = [re.sub(r"[ \t\u00a0]+", " ", x).strip() for x in soup.get_text().splitlines()]
    return "\n".join(_join_numbers([x for x in lines if x != "-"]))


_CELL_BLOCKS = ["h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "section"]


def _trigger(tag) -> bool:  # type: ignore[no-untyped-def]
    """A button that opens a panel (an accordion's or a tab's title), not a form's or a menu's button."""
    toggle = str(tag.get("data-toggle") or tag.get("data-bs-toggle") or "").lower()
    return toggle != "dropdown" and bool(tag.get("aria-controls") or tag.get("aria-expanded") is not None or toggle)


def _paragraphs(cell) -> list[str]:  # type: ignore[no-untyped-def]
    paras = [" ".join(p.get_text(" ").split()) for p in cell.find_all(["p", "div"], recursive=False)]
    paras = [p for p in paras if p]
    return paras or [" ".join(cell.get_text(" ").split())]


def _facts_table(table) -> bool:  # type: ignore[no-untyped-def]
    """Two or more rows labelled with a meeting fact ("Udvalg", "Mødedato", ...)."""
    firsts = [r.find(["td", "th"]) for r in table.find_all("tr")]
    return sum(bool(_FACT_LABEL.match(" ".join(c.get_text(" ").split()).rstrip(":").strip()))
               for c in firsts if c is not None) >= 2


def _fact_label(cells: list, facts: bool) -> str | None:  # type: ignore[type-arg]
    """The label of a row that states one meeting fact: a label ending in ":", or, in a table of such facts (two
    or more rows labelled "Udvalg", "Mødedato", ...), a known label or a <th> beside a <td>."""
    if len(cells) != 2 or cells[1].name != "td" or cells[1].find(_CELL_BLOCKS[:6] + ["table"]) or len(
            cells[1].get_text(" ")) > 300:
        return None
    label = " ".join(cells[0].get_text(" ").split())
    bare = label.rstrip(":").strip()
    if not bare or len(bare) > 30 or any(c.isdigit() for c in bare):
        return None
    if label.endswith(":"):
        return bare
    return bare if facts and (_FACT_LABEL.match(bare) or cells[0].name == "th") else None


_LABEL_CLASS = re.compile(r"^(?:lbl|label|key|caption|fieldlabel|field-label|feltnavn|overskrift)$", re.I)


def _labelled(cells: list) -> bool:  # type: ignore[type-arg]
    """A row of a label cell, marked so by its class ("td.lbl", "td.label"), and one value cell, beside spacer
    cells that hold nothing: a portal's layout of an item's parts, not a row of data."""
    full = [c for c in cells if c.get_text(" ").strip(" \u00a0\t\n")]
    if len(full) != 2 or len(full[0].get_text(" ").strip()) > 40:
        return False
    return any(_LABEL_CLASS.match(str(k)) for k in full[0].get("class") or [])


def _layout(cells: list) -> bool:  # type: ignore[type-arg]
    """A row used for page layout (an item number beside its heading), not a row of data."""
    if any(cell.find(_CELL_BLOCKS) or len(cell.get_text(" ")) > 300 for cell in cells):
        return True
    return bool(cells) and bool(_NUMBER_ONLY.match(cells[0].get_text(" ").strip()))


def _join_numbers(lines: list[str]) -> list[str]:
    out: list[str] = []
    pending: str | None = None
    for line in lines:
        if not line:
            if pending is None:
                out.append(line)
            continue
        m = _NUMBER_ONLY.match(line)
        if m:
            pending = m.group(1)
            continue
        if pending is not None:
            if line[:1].isupper() and len(line) < 200:
                out.append(f"Punkt {pending}: {line}")
            else:
                out += [pending, line]
            pending = None
            continue
        out.append(line)
    return out
