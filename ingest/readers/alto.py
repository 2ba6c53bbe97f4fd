"""ALTO XML (Analyzed Layout and Text Object, the Library of Congress OCR standard) as the lines the segmenter reads.

The format: ``<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#">`` (v2, v3 and v4 alike, or no namespace), as
ABBYY FineReader, Tesseract (``tesseract … alto``), Transkribus or a library's digitisation line writes it for a
scanned document: ``Description`` (source image, OCR software, processing time: the scan's, never the meeting's),
``Styles`` (``TextStyle`` with ``FONTSTYLE="bold"``), ``Tags`` (``LayoutTag``/``StructureTag`` with a ``LABEL`` such
as "header" or "footer") and ``Layout`` > ``Page`` > ``PrintSpace`` (and the margins) > ``TextBlock`` >
``TextLine`` > one ``String`` per word. The words live only in the ``CONTENT`` attribute, with ``SP`` elements for
the spaces, so read as XML the document has no text at all. A word broken at a line's end is two strings:
``SUBS_TYPE="HypPart1"`` (with the whole word in ``SUBS_CONTENT``, and an ``HYP`` element for the printed hyphen) at
the end of one line and ``SUBS_TYPE="HypPart2"`` at the start of the next.

Here the blocks are read in the order the OCR engine wrote them, which is its reading order: two side-by-side
blocks (a member list printed in two columns) are read one after the other, not line by line across the page.
Each ``TextLine`` is a line (a hyphenated word whole again, from ``SUBS_CONTENT`` or by joining its parts), a
block ends with a blank line, a page with a form feed, so ``ingest.pagetext`` treats the scan as a PDF's text
layer (wrapped prose joined, a heading at the foot of one page kept with the body on the next). Blocks tagged
as the running header or footer are dropped; a wrapped bold heading ("Pkt. 2 Lokalplan … -" / "endelig
vedtagelse") is joined into one line. The lines then go through the text parser like any document's text.
"""

from __future__ import annotations

import re

from core.errors import IngestError
from ingest.readers.base import AnalysedReader, MeetingDraft, Source
from ingest.readers.xmlutil import Element, local

MAX_STRINGS = 1_000_000
# a tag that marks page furniture: the running header or footer, a page number, a margin note
_FURNITURE = re.compile(r"\b(?:header|footer|running|page[-_ ]?number|pagenum|folio|marginalia|catch[-_ ]?word)s?\b",
                        re.I)
_MARGINS = {"TopMargin", "BottomMargin", "LeftMargin", "RightMargin"}
_DASH_END = re.compile(r"(?:\s[-–]|,)$")  # a heading wrapped after "Sandvig -" or a comma


def is_alto(src: Source) -> bool:
    """An ALTO document: the root element ``alto`` (any ALTO namespace) with a ``Layout``."""
    root = src.xml if "alto" in src.head[:2000].lower() else None
    return root is not None and local(root) == "alto" and any(local(c) == "Layout" for c in root)


def _styles(root: Element) -> set[str]:
    """The ids of the bold text styles."""
    return {str(s.get("ID")) for s in root.iter() if local(s) == "TextStyle"
            and "bold" in str(s.get("FONTSTYLE") or "").lower()}


def _furniture_tags(root: Element) -> set[str]:
    """The ids of the tags that mark page furniture (a ``LayoutTag`` labelled "header", "footer", ...)."""
    found: set[str] = set()
    for tag in root.iter():
        if local(tag).endswith("Tag") and tag.get("ID"):
            words = " ".join(str(tag.get(k) or "") for k in ("LABEL", "TYPE", "ID", "DESCRIPTION"))
            if _FURNITURE.search(words.replace("_", " ")):
                found.add(str(tag.get("ID")))
    return found


def _is_furniture(block: Element, tags: set[str]) -> bool:
    refs = set(str(block.get("TAGREFS") or "").split())
    if refs & tags:
        return True
    parent = block.getparent()
    while parent is not None and local(parent) != "Page":
        if local(parent) in _MARGINS:  # the page's margins hold its running header, footer and page number
            return True
        if set(str(parent.get("TAGREFS") or "").split()) & tags:
            return True
        parent = parent.getparent()
    return False


def _bold(el: Element, bold: set[str], inherited: bool) -> bool:
    refs = str(el.get("STYLEREFS") or "").split()
    if refs:
        return any(r in bold for r in refs)
    style = str(el.get("STYLE") or "").lower()  # ALTO 2/3: String@STYLE="bold italics"
    return "bold" in style or inherited


class _Line:
    def __init__(self, words: list[str], bold: bool) -> None:
        self.text = " ".join(" ".join(words).split())
        self.bold = bold


def _line(line: Element, styles: set[str], block_bold: bool, skip_part2: bool) -> tuple[_Line, bool]:
    """One ``TextLine`` as text (and whether the next line opens with the second part of a word already whole)."""
    words: list[str] = []
    flags: list[bool] = []
    whole_next = False
    line_bold = _bold(line, styles, block_bold)
    for el in line:
        name = local(el)
        if name == "String":
            content = str(el.get("CONTENT") or "")
            kind = str(el.get("SUBS_TYPE") or "")
            if kind == "HypPart2" and skip_part2:
                skip_part2 = False
                continue
            skip_part2 = False
            if kind == "HypPart1" and el.get("SUBS_CONTENT"):
                content, whole_next = str(el.get("SUBS_CONTENT")), True
            if content.strip():
                words.append(content)
                flags.append(_bold(el, styles, line_bold))
        elif name == "HYP" and words and not whole_next:
            words[-1] += str(el.get("CONTENT") or "-")  # "bygni-" + "ngshøjde": pagetext joins the parts
    return _Line(words, bool(flags) and all(flags)), whole_next


def _number(el: Element, name: str) -> float:
    try:
        return float(el.get(name) or 0)
    except ValueError:
        return 0.0


def _extent(block: Element) -> tuple[float, float, float]:
    """A block's top, bottom and left edge, from its lines (a block's own WIDTH/HEIGHT are not always right)."""
    lines = [x for x in block.iter() if local(x) == "TextLine"] or [block]
    top = min(_number(x, "VPOS") for x in lines)
    bottom = max(_number(x, "VPOS") + _number(x, "HEIGHT") for x in lines)
    return top, bottom, min(_number(x, "HPOS") for x in lines)


def _continues_heading(prev: _Line, line: _Line) -> bool:
    """A bold heading wrapped onto the next bold line of its block."""
    return (prev.bold and line.bold and not prev.text.endswith(":")
            and (line.text[:1].islower() or bool(_DASH_END.search(prev.text))))


def layout_text(root: Element, path: str) -> str:
    """The document's lines as the segmenter reads them (see the module)."""
    styles, tags = _styles(root), _furniture_tags(root)
    pages: list[str] = []
    count = 0
    whole_next = False
    for page in (p for p in root.iter() if local(p) == "Page"):
        blocks: list[str] = []
        prev: tuple[float, float, float] | None = None  # the last block's top, bottom and left edge
        for block in (b for b in page.iter() if local(b) == "TextBlock"):
            count += sum(1 for s in block.iter() if local(s) == "String")
            if count > MAX_STRINGS:
                raise IngestError(path, f"ALTO has more than {MAX_STRINGS} words (the limit)")
            if _is_furniture(block, tags):
                continue
            block_bold = _bold(block, styles, False)
            lines: list[_Line] = []
            for text_line in (x for x in block.iter() if local(x) == "TextLine"):
                line, whole_next = _line(text_line, styles, block_bold, whole_next)
                if not line.text:
                    continue
                if lines and _continues_heading(lines[-1], line):
                    lines[-1].text += " " + line.text
                else:
                    lines.append(line)
            if not lines:
                continue
            text = "\n".join(x.text for x in lines)
            top, bottom, left = _extent(block)
            if blocks and prev is not None and left > prev[2] and top < prev[1]:
                blocks[-1] += "\n" + text  # the next column of the same list, printed beside the last block
            else:
                blocks.append(text)
            prev = (top, bottom, left)
        if blocks:
            pages.append("\n\n".join(blocks))
    if not pages:
        raise IngestError(path, "ALTO file with no words (no String CONTENT in its TextBlocks)")
    return "\n\f".join(pages)


def _analyse(src: Source) -> MeetingDraft | None:
    from ingest.readers.textparts import layout_draft

    if not is_alto(src):
        return None
    text = layout_text(src.xml, src.path)
    return layout_draft(src.path, text, "ALTO OCR", "read ALTO OCR layout: words by line, blocks in reading order",
                        named_in_text=True)


READER = AnalysedReader("alto", _analyse, "not an ALTO OCR document (alto/Layout/Page/TextBlock)")
