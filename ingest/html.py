"""HTML pages of minutes (First Agenda portals and any other) to the line form the segmenter reads."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

BLOCK = {
    "p", "div", "section", "article", "header", "footer", "main", "aside", "table", "thead", "tbody",
    "tr", "td", "th", "ul", "ol", "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "hr", "figure", "figcaption", "caption", "details", "summary", "label",
}
DROP = ["script", "style", "noscript", "template", "svg", "iframe", "object", "button", "form", "nav"]
_NUMBER_ONLY = re.compile(r"^(?:Punkt\s+|Pkt\.?\s*)?(\d{1,4}(?:\.\d{1,3})*)\.?$", re.I)


def html_to_text(html: str) -> str:
    """Block elements become lines; a lone item number is joined with the title that follows."""
    soup = BeautifulSoup(html, "lxml")
    for tag in soup(DROP):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for tag in soup.find_all(True):
        if tag.name in BLOCK:
            if tag.name == "li":
                tag.insert_before("\n- ")
            else:
                tag.insert_before("\n")
            tag.insert_after("\n")
    lines = [re.sub(r"[ \t\u00a0]+", " ", x).strip() for x in soup.get_text().splitlines()]
    return "\n".join(_join_numbers([x for x in lines if x != "-"]))


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
