"""The text of a Word 2003 XML document (WordprocessingML, one flat XML file), in the line form DOCX text takes.

Layout: ``<?mso-application progid="Word.Document"?>`` and a root ``<w:wordDocument>`` in the namespace
``http://schemas.microsoft.com/office/word/2003/wordml``; ``<o:DocumentProperties>``, ``<w:fonts>``,
``<w:styles>`` and ``<w:docPr>`` before ``<w:body>``, whose ``<wx:sect>`` (and ``<wx:sub-section>``) wrappers
hold the paragraphs (``w:p`` of ``w:r`` runs of ``w:t`` text, ``w:tab``, ``w:br``) and tables (``w:tbl``/``w:tr``/
``w:tc``) the DOCX document part has, under the older namespace. The lines come from ``ingest.docxtext.walk``:
one per paragraph (a heading style's paragraph, "3<tab>Titel", is a line of its own like every other), runs
joined as they stand so a word split over runs (``<w:proofErr>`` between them) stays whole, one line per table
row (``ingest.votetable``). The header and footer (``w:hdr``/``w:ftr`` inside the last ``w:sectPr``: "Side 1")
are left out.
"""

from __future__ import annotations

import re

from ingest.docxtext import DocxError, DocxText, parse_xml, walk

NS = "http://schemas.microsoft.com/office/word/2003/wordml"
W = f"{{{NS}}}"
_PI = re.compile(rb"<\?mso-application\s[^>]*progid\s*=\s*[\"']Word\.Document[\"']", re.I)
_ROOT = re.compile(rb"<(?:[\w.-]+:)?wordDocument[\s>]")
_SKIP = frozenset({"sectPr", "pPr", "rPr", "tblPr", "trPr", "tcPr"})  # headers/footers and formatting


def is_wordml(data: bytes) -> bool:
    """True for a Word 2003 XML document: the ``mso-application`` Word PI, or a ``wordDocument`` root in the
    WordML namespace, within the first 4 KB."""
    head = data[:4096]
    if _PI.search(head):
        return True
    return bool(_ROOT.search(head)) and NS.encode() in head


def wordml_text(data: bytes) -> DocxText:
    """The body's lines of a Word 2003 XML document. Raises ``DocxError`` when it is not XML or has no text."""
    root = parse_xml(data, "the Word 2003 XML document")
    body = root.find(f"{W}body")  # type: ignore[attr-defined]
    lines: list[str] = []
    walk(body if body is not None else root, lines, None, W, _SKIP)
    if not any(x.strip() for x in lines):
        raise DocxError("Word 2003 XML document has no text in w:body")
    return DocxText("\n".join(lines))
