"""poppler ``pdftohtml -xml`` output (``<pdf2xml>``): a PDF's text as absolutely positioned fragments, read by layout.

The format: ``<pdf2xml producer="poppler">`` holds one ``<page number top left height width>`` per page, each with
``<fontspec id size family color>`` declared where a font is first used and one ``<text top left width height
font>`` per text fragment (usually one printed line or one table cell), bold and italic runs as ``<b>`` / ``<i>``
inside it. The fragments come in the order the PDF drew them, which need not be reading order: a two-column facts
table is often drawn column by column (every label, then every value), so document order reads "Mødedato: Mødetid:
… Tirsdag den 4. marts 2025 Kl. 15:30 …".

Read as one searchable document every fragment was a line of its own. Here the page is read by its geometry:
fragments on the same baseline join into one line, left to right (a label meets its value again), lines follow
each other by ``top``; a line repeated at the same place on every page (the running header and footer, a page
counter) is dropped; a table of contents (its heading, then entries ending in a page number set apart) is left out;
the printed lines of one paragraph (same left edge and font, line spacing, no sentence end) join into one line, so
a figure wrapped at the line end ("4.900 i 2025 til" / "7.300 i 2032") is whole again; a paragraph gap becomes a
blank line; and a line printed all in bold in a font larger than the body's becomes a Markdown heading, so the
segmenter (``ingest.segment``, ``ingest.mdsegment``) takes its numbered headings as the items. The lines then go
through the text parser like any document's text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from core import vocab
from core.errors import IngestError
from ingest import pagetext
from ingest.readers.base import AnalysedReader, MeetingDraft, Source
from ingest.readers.xmlutil import Element, local

MAX_FRAGMENTS = 500_000
_BAND = 0.12  # the top and bottom share of a page where running headers and footers sit
_PAGE_REF = re.compile(r"^\d{1,4}$")  # a table-of-contents entry's page number
_SENTENCE_END = (".", ":", ";", "!", "?")


@dataclass
class Fragment:
    top: float
    left: float
    width: float
    height: float
    size: float
    text: str
    bold: bool  # every letter of it inside <b>
    starts_bold: bool  # it opens with a bold run (a label: "<b>Afbud:</b> Helle Bonde (C)")


@dataclass
class Line:
    page: int
    parts: list[Fragment] = field(default_factory=list)

    @property
    def top(self) -> float:
        return min(f.top for f in self.parts)

    @property
    def left(self) -> float:
        return self.parts[0].left

    @property
    def height(self) -> float:
        return max(f.height for f in self.parts)

    @property
    def size(self) -> float:
        return max(f.size for f in self.parts)

    @property
    def bold(self) -> bool:
        return all(f.bold for f in self.parts)

    @property
    def text(self) -> str:
        out = ""
        for prev, frag in zip([None, *self.parts], self.parts, strict=False):
            touching = prev is not None and frag.left - (prev.left + prev.width) < 0.15 * frag.height
            glue = "" if not out or touching and not out.endswith(" ") and not frag.text.startswith(" ") else " "
            out += glue + frag.text
        return " ".join(out.split())


def _number(el: Element, name: str) -> float:
    try:
        return float(el.get(name) or 0)
    except ValueError:
        return 0.0


def _fragment(el: Element, sizes: dict[str, float]) -> Fragment | None:
    text = " ".join("".join(el.itertext()).split())
    if not text:
        return None
    bold = "".join("".join(b.itertext()) for b in el.iter() if local(b) == "b")
    head = (el.text or "").strip()
    first = next((c for c in el if isinstance(c.tag, str)), None)
    starts_bold = not head and first is not None and local(first) == "b" and bool("".join(first.itertext()).strip())
    return Fragment(_number(el, "top"), _number(el, "left"), _number(el, "width"), _number(el, "height"),
                    sizes.get(el.get("font") or "", _number(el, "height")), text,
                    len("".join(bold.split())) >= len("".join(text.split())), starts_bold)


def _lines(page: int, fragments: list[Fragment]) -> list[Line]:
    """Fragments on one baseline as one line, left to right; lines by their top."""
    lines: list[Line] = []
    for frag in sorted(fragments, key=lambda f: (f.top, f.left)):
        if lines and abs(frag.top - lines[-1].parts[0].top) <= 0.4 * min(frag.height, lines[-1].height):
            lines[-1].parts.append(frag)
        else:
            lines.append(Line(page, [frag]))
    for line in lines:
        line.parts.sort(key=lambda f: f.left)
    return lines


def _running_key(line: Line) -> tuple[int, str]:
    return round(line.top / 4), re.sub(r"\d+", "#", line.text)


def _without_running(pages: list[list[Line]], heights: list[float]) -> list[list[Line]]:
    """The pages without the lines printed at the same place on every page in its top or bottom band (digits
    aside: "Side 1 af 2" / "Side 2 af 2"), but the first page's running header, which names the writer ("Holbæk
    Kommune") as a PDF's first page does. A document of one page keeps them (nothing shows they repeat)."""
    if len(pages) < 2:
        return pages
    counts: Counter[tuple[int, str]] = Counter()
    for lines, height in zip(pages, heights, strict=True):
        counts.update({_running_key(x) for x in lines if _in_band(x, height)})
    running = {k for k, n in counts.items() if n >= max(2, len(pages) - len(pages) // 4)}
    return [[x for x in lines if not (_in_band(x, h) and _running_key(x) in running and (k or x.top > h / 2))]
            for k, (lines, h) in enumerate(zip(pages, heights, strict=True))]


def _in_band(line: Line, height: float) -> bool:
    return height <= 0 or line.top < _BAND * height or line.top > (1 - _BAND) * height


def _toc_entry(line: Line) -> bool:
    """A table-of-contents entry: text, then its page number standing apart at the right."""
    if len(line.parts) < 2 or not _PAGE_REF.match(line.parts[-1].text.strip()):
        return False
    before = line.parts[-2]
    return line.parts[-1].left - (before.left + before.width) > 2 * line.height


def _without_toc(lines: list[Line]) -> list[Line]:
    """The lines without a table of contents: its entries after a heading "Indholdsfortegnelse" (or the like)."""
    out: list[Line] = []
    in_toc = False
    for line in lines:
        if vocab.TOC_HEADING.match(line.text):
            in_toc = True
            continue
        if in_toc and _toc_entry(line):
            continue
        in_toc = False
        out.append(line)
    return out


def _structural(text: str) -> bool:
    return bool(vocab.decision_heading(text) or vocab.section_name(text) or vocab.case_number(text)
                or vocab.ABSENT_LABEL.match(text) or vocab.ITEM.match(text))


def _continues(prev: Line, line: Line, same_page: bool) -> bool:
    """Does ``line`` continue the paragraph ``prev`` was printed in (the same column and font, one line step down,
    no sentence ended, neither a heading nor a labelled line)?"""
    if prev.bold or line.bold or line.parts[0].starts_bold or prev.parts[0].starts_bold:
        return False
    if abs(prev.left - line.left) > 3 or abs(prev.size - line.size) > 0.5 or len(prev.parts) > 1 or len(line.parts) > 1:
        return False
    if same_page and not 0 < line.top - prev.top <= 1.5 * prev.height:
        return False
    text, nxt = prev.text, line.text  # "… tilskud på 120.000 kr." / "går til …": a lower-case start runs on
    return (not text.endswith(_SENTENCE_END) or nxt[:1].islower()) and not _structural(text) and not _structural(nxt)


def _heading_marks(lines: list[Line], body: float) -> dict[float, str]:
    """Markdown heading marks by font size: the larger bold fonts, largest first ("#", "##", ...)."""
    sizes = sorted({x.size for x in lines if x.bold and x.size > body + 0.5}, reverse=True)
    return {s: "#" * min(k + 1, 6) + " " for k, s in enumerate(sizes)}


def layout_text(root: Element, path: str) -> str:
    """The document's lines as the segmenter reads them (see the module)."""
    sizes = {str(f.get("id")): _number(f, "size") for f in root.iter() if local(f) == "fontspec"}
    pages: list[list[Line]] = []
    heights: list[float] = []
    count = 0
    for number, page in enumerate((p for p in root if local(p) == "page"), 1):
        fragments = [f for f in (_fragment(t, sizes) for t in page.iter() if local(t) == "text") if f]
        count += len(fragments)
        if count > MAX_FRAGMENTS:
            raise IngestError(path, f"pdf2xml has more than {MAX_FRAGMENTS} text fragments (the limit)")
        pages.append(_lines(number, fragments))
        heights.append(_number(page, "height"))
    lines = _without_toc([x for page_lines in _without_running(pages, heights) for x in page_lines])
    if not lines:
        raise IngestError(path, "pdf2xml output with no text (a scanned PDF converted without OCR?)")
    weight: Counter[float] = Counter()
    for line in lines:
        weight[line.size] += len(line.text)
    marks = _heading_marks(lines, weight.most_common(1)[0][0])
    out: list[str] = []
    prev: Line | None = None
    for line in lines:
        same_page = prev is not None and prev.page == line.page
        if prev is not None and _continues(prev, line, same_page):
            out[-1] = " ".join(pagetext.dehyphenate([out[-1], line.text]))  # "Ravn-" + "bakkeskole": one word
        else:
            if prev is not None and (not same_page or line.top - prev.top > 1.6 * prev.height):
                out.append("")
            out.append((marks.get(line.size, "") if line.bold else "") + line.text)
        prev = line
    return "\n".join(out)


def is_pdf2xml(src: Source) -> bool:
    """poppler's XML: the root element ``pdf2xml`` (the DOCTYPE names ``pdf2xml.dtd``)."""
    return "pdf2xml" in src.head[:600] and src.xml is not None and local(src.xml) == "pdf2xml"


def _analyse(src: Source) -> MeetingDraft | None:
    from ingest.readers.textparts import layout_draft

    if not is_pdf2xml(src):
        return None
    text = layout_text(src.xml, src.path)
    return layout_draft(src.path, text, "pdf2xml layout's", "read poppler's pdf2xml layout: lines by position",
                        named_in_text=False)


READER = AnalysedReader("pdf2xml", _analyse, "not poppler pdftohtml -xml output (pdf2xml)")
