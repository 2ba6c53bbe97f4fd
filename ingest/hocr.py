"""hOCR (the HTML an OCR engine such as Tesseract writes for a scanned page) to the line form the segmenter reads.

An hOCR file is HTML, but its markup is the OCR's layout, not the document's: ``ocr_page`` > ``ocr_carea`` (a text
block) > ``ocr_par`` > ``ocr_line`` > one ``ocrx_word`` span per word, the words separated by whitespace and
newlines in the source. Read as ordinary HTML (``ingest.html``) every word would be its own line or the whole page one
line. Here each OCR line is a line, each paragraph is followed by a blank line, and each page ends with a form feed,
so ``ingest.pagetext`` treats the scan like a PDF's text layer (running footers dropped, a sentence cut by the page
break joined). The OCR's own artefacts are undone where that is safe: typographic ligatures ("ﬁ", "ﬂ") are folded
to their letters (NFKC), words hyphenated at a line's end are joined with their rest on the next line of the same
paragraph, and a page number read with a letter for a digit ("Side l af 2") gets its digit back.
"""

from __future__ import annotations

import re
import unicodedata

from ingest import pagetext

# an hOCR document: its pages and lines are elements classed "ocr_page" / "ocr_line" (or "ocrx_word")
_PAGE_CLASS = re.compile(r"""class\s*=\s*["'][^"']*\bocr_page\b""", re.I)
_LINE_CLASS = re.compile(r"""class\s*=\s*["'][^"']*\b(?:ocr_line|ocrx_line|ocrx_word)\b""", re.I)
# the line-level classes of the hOCR spec (Tesseract writes headers, captions and floating text as their own kinds)
LINE_CLASSES = {"ocr_line", "ocrx_line", "ocr_header", "ocr_caption", "ocr_textfloat"}
_LIGATURES = re.compile("[\ufb00-\ufb06\ufb13-\ufb17]")  # ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ and the Armenian ones
# "Side l af 2", "Page I of 3", "Side 1 af Z": a page number whose digits the OCR read as look-alike letters
_PAGE_OF = re.compile(r"\b(?P<word>Side|Page)\s+(?P<n>[\dlIO|]{1,4})\s+(?P<of>af|of)\s+(?P<m>[\dlIO|]{1,4})\s*$", re.I)
_DIGIT_LOOKALIKE = str.maketrans({"l": "1", "I": "1", "|": "1", "O": "0"})


def is_hocr(text: str) -> bool:
    """An OCR engine's hOCR output: elements classed ``ocr_page`` and ``ocr_line`` / ``ocrx_word``."""
    head = text[:200000]
    return bool(_PAGE_CLASS.search(head) and _LINE_CLASS.search(head))


def fold_ligatures(line: str) -> str:
    """"ﬁnansiering" -> "finansiering": the presentation-form ligatures folded (NFKC) and nothing else, so "m²"
    or "½" stay as printed."""
    return _LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m.group()), line)


def page_number_digits(line: str) -> str:
    """"Kommunalbestyrelsen 07.11.2024 Side l af 2" -> "... Side 1 af 2": a page counter at a line's end whose
    digits were read as the letters they resemble (l, I, | for 1; O for 0). Only when the counter has a digit left,
    so the words "Side I af II" are not taken for a number."""
    m = _PAGE_OF.search(line)
    if not m or not any(c.isdigit() for c in m.group("n") + m.group("m")):
        return line
    n, of = m.group("n").translate(_DIGIT_LOOKALIKE), m.group("m").translate(_DIGIT_LOOKALIKE)
    if not (n.isdigit() and of.isdigit()):
        return line
    return f"{line[:m.start()]}{m.group('word')} {n} {m.group('of')} {of}"


def _classes(element) -> set[str]:  # type: ignore[no-untyped-def]
    return set(str(element.get("class") or "").split())


def _line_text(line) -> str:  # type: ignore[no-untyped-def]
    """The words of one OCR line, one space between them (a line without word spans: its own text)."""
    words = [w for w in line.iter() if "ocrx_word" in _classes(w)]
    parts = [" ".join(w.text_content().split()) for w in words] if words else [line.text_content()]
    return " ".join(" ".join(p for p in parts if p).split())


def _paragraph_of(line):  # type: ignore[no-untyped-def]
    """The ``ocr_par`` an OCR line belongs to, else its text block (``ocr_carea``), else the line itself."""
    for kind in ("ocr_par", "ocr_carea"):
        parent = line.getparent()
        while parent is not None and kind not in _classes(parent):
            parent = parent.getparent()
        if parent is not None:
            return parent
    return line


def _paragraphs(page) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """The page's paragraphs in reading order, each a list of its OCR lines' texts."""
    out: list[list[str]] = []
    last = None
    for element in page.iter():
        if not isinstance(element.tag, str) or not _classes(element) & LINE_CLASSES:
            continue
        text = _line_text(element)
        if not text:
            continue
        paragraph = _paragraph_of(element)
        if paragraph is not last or not out:
            out.append([])
            last = paragraph
        out[-1].append(page_number_digits(fold_ligatures(text)))
    return out


def hocr_text(markup: str) -> str:
    """The text of an hOCR document: one line per OCR line, a blank line after each paragraph, a form feed between
    pages; ligatures folded and words hyphenated at a line's end within a paragraph joined."""
    import lxml.html

    body = re.sub(r"^\s*<\?xml[^>]*\?>", "", markup)  # lxml refuses a str that declares its encoding
    root = lxml.html.fromstring(body)
    pages = [e for e in root.iter() if isinstance(e.tag, str) and "ocr_page" in _classes(e)] or [root]
    out: list[str] = []
    for page in pages:
        paragraphs = [pagetext.dehyphenate(p) for p in _paragraphs(page)]
        text = "\n\n".join("\n".join(p) for p in paragraphs)
        if text.strip():
            out.append(text)
    return "\n\f".join(out)
