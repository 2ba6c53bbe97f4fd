"""Section headings printed in a PDF page's left margin column, put back beside the text they head.

A page template of the kind PDFlib-based agenda exporters write draws the page body first (the item title across
the page, then the text in a column starting at, say, x=150) and only then the page furniture: the running header
and footer and a narrow left margin column (x=50, often behind a vertical rule) holding the section headings
("Sagsfremstilling", "Økonomi", "Indstilling", "Beslutning" with the meeting's date under it), each level with the
first line of the text it heads. In content-stream order, which is the order ``pypdf`` extracts, every heading of a
page then comes after the page's last line, so no heading stands before its section and no decision is found.

``MarginText`` collects the positioned fragments while ``pypdf`` extracts a page (its ``visitor_text``), and
``text`` gives the page's text with the margin headings moved before the body line they stand level with (a
heading wrapped onto two margin lines, or a heading and the date under it, as one line: "Beslutning 19.11.2024").
A page whose margin labels are drawn in reading order (a label beside its value: "Mødedato:" ... "Tirsdag den
19. november 2024") is left exactly as ``pypdf`` extracted it; so is every page without a margin column.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

_CHAR_WIDTH = 0.55  # a Helvetica-like glyph's mean advance, in font sizes (a generous estimate of a label's width)
_MAX_WORDS = 4  # a margin heading: "Beslutning", "Økonomiske konsekvenser", a date
_MIN_LATE = 2  # margin fragments drawn out of reading order before a page is rebuilt


@dataclass(frozen=True)
class Fragment:
    order: int
    x: float
    y: float
    size: float
    text: str

    @property
    def right(self) -> float:
        return self.x + _CHAR_WIDTH * self.size * len(self.text.strip())


class MarginText:
    """A ``visitor_text`` for ``PageObject.extract_text``: the page's text fragments with their positions."""

    def __init__(self) -> None:
        self.fragments: list[Fragment] = []

    def __call__(self, text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        try:
            if not text or not text.strip():
                return
            a, b, c, d, e, f = (float(v) for v in tm[:6])
            ca, cb, cc, cd, ce, cf = (float(v) for v in cm[:6])
            x, y = e * ca + f * cc + ce, e * cb + f * cd + cf
            scale = math.hypot(c * ca + d * cc, c * cb + d * cd) or 1.0
            self.fragments.append(Fragment(len(self.fragments), x, y, abs(float(size or 0)) * scale or 10.0,
                                           text.replace("\n", " ")))
        except (TypeError, ValueError, IndexError):
            return

    def text(self, extracted: str) -> str:
        """The page's text, margin headings in place when they were drawn after the body; else ``extracted``."""
        try:
            return _rebuilt(self.fragments, extracted) or extracted
        except (ValueError, ZeroDivisionError):
            return extracted


def _body_x(fragments: list[Fragment]) -> float | None:
    """The left edge of the text column: the x where most of the page's prose starts (lines of more words than a
    margin heading has)."""
    weight: Counter[float] = Counter()
    for frag in fragments:
        if len(frag.text.split()) > _MAX_WORDS:
            weight[round(frag.x)] += len(frag.text.strip())
    if not weight:
        return None
    return float(weight.most_common(1)[0][0])


def _late_margin(fragments: list[Fragment], body_x: float) -> list[Fragment]:
    """The margin column's fragments drawn after text of the column lower on the page: short, ending left of the
    text column, level with (or just under) a line of it."""
    column = [f for f in fragments if abs(f.x - body_x) < 3]
    last = max((f.order for f in column), default=len(fragments))  # drawn after the whole column
    late: list[Fragment] = []
    for frag in fragments:
        if not (frag.x < body_x - 20 and frag.right < body_x - 2 and len(frag.text.split()) <= _MAX_WORDS):
            continue
        if not any(abs(b.y - frag.y) <= 1.5 * frag.size for b in column):
            continue  # a running header or footer, not a heading beside the text
        under = bool(late) and late[-1].order == frag.order - 1 and 0 < late[-1].y - frag.y <= 1.5 * frag.size
        if under or frag.order > last or any(b.order < frag.order and b.y < frag.y - 1.5 * frag.size for b in column):
            late.append(frag)  # (``under``: the line of a heading's block under a late one, "19.11.2024")
    return late


def _blocks(margin: list[Fragment]) -> list[tuple[float, str]]:
    """Margin fragments top to bottom, those close under each other (a wrapped heading, a date under a heading)
    joined: (top y, text)."""
    out: list[tuple[float, float, list[str]]] = []  # top, last y, texts
    for frag in sorted(margin, key=lambda f: (-f.y, f.x)):
        if out and out[-1][1] - frag.y <= 1.5 * frag.size:
            top, _, texts = out[-1]
            out[-1] = (top, frag.y, [*texts, frag.text.strip()])
        else:
            out.append((frag.y, frag.y, [frag.text.strip()]))
    return [(top, " ".join(texts)) for top, _, texts in out]


def _line_of(fragments: list[Fragment], lines: list[str]) -> dict[int, int] | None:
    """Each fragment's line in the extracted text (fragments and lines both in stream order); None when a fragment
    is not found."""
    found: dict[int, int] = {}
    k = 0
    for frag in fragments:
        want = frag.text.strip()
        at = next((j for j in range(k, len(lines)) if want in lines[j]), None)
        if at is None:
            return None
        found[frag.order] = k = at
    return found


def _rebuilt(fragments: list[Fragment], extracted: str) -> str | None:
    body_x = _body_x(fragments)
    if body_x is None:
        return None
    late = _late_margin(fragments, body_x)
    if len(late) < _MIN_LATE:
        return None
    lines = extracted.split("\n")
    where = _line_of(fragments, lines)
    if where is None:
        return None
    gone = {f.order for f in late}
    if any(lines[where[f.order]].strip() != f.text.strip() for f in late):
        return None  # a margin fragment printed on a line with other text: not a column of its own
    column = [f for f in fragments if f.order not in gone and abs(f.x - body_x) < 3]
    low = min(f.y for f in column) - 1
    before: dict[int, list[str]] = {}
    for top, text in _blocks(late):
        anchor = next((f for f in fragments if f.order not in gone and low <= f.y <= top + 1), None)
        if anchor is None:
            return None
        before.setdefault(where[anchor.order], []).append(text)
    drop = {where[f.order] for f in late}
    out: list[str] = []
    for k, line in enumerate(lines):
        out += before.get(k, [])
        if k not in drop:
            out.append(line)
    return "\n".join(out)
