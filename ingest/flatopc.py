"""The text of a Word "XML Document" (Flat OPC: a whole DOCX package as one XML file), in the line form DOCX text
takes.

Layout (what Word writes for "Save as: Word XML Document (*.xml)", and what the OpenXML SDK and Word's add-in
``Range.WordOpenXML`` produce): ``<?mso-application progid="Word.Document"?>`` and a root ``<pkg:package>`` in the
namespace ``http://schemas.microsoft.com/office/2006/xmlPackage``, with one ``<pkg:part pkg:name="/word/document.xml"
pkg:contentType="…">`` per package part: an XML part inline as the one child of ``<pkg:xmlData>``, a binary part
(images, embedded objects) as base64 ``<pkg:binaryData>``. The parts are those of a zipped DOCX, so the text is read
exactly as ``ingest.docxtext`` reads a DOCX: the main document part (found through the package relationships
``/_rels/.rels``, else by its content type) with ``word/numbering.xml`` and ``word/styles.xml`` for the automatic
numbers (a heading style's own numbering: "1." on each "heading 1" paragraph) and ``w:altChunk`` parts in place.
Headers, footers and document properties (print dates, "Udskrevet: …") are not the body and are left out.
"""

from __future__ import annotations

import base64
import binascii
import posixpath
import re

from ingest.docxtext import DOCUMENT, DocxError, DocxText, Numbering, paragraphs, parse_xml

PKG_NS = "http://schemas.microsoft.com/office/2006/xmlPackage"
PKG = f"{{{PKG_NS}}}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_OFFICE_DOCUMENT = "/officeDocument"
# the main part's content types: document, macro-enabled document, template
_MAIN = re.compile(r"wordprocessingml\.(?:document|template)\.main\+xml$|ms-word\.(?:document|template)\.macroEnabled"
                   r"\.main\+xml$", re.I)
_ROOT = re.compile(rb"<(?:[\w.-]+:)?package[\s>]")


def is_flat_opc(data: bytes) -> bool:
    """True for a Flat OPC package: a ``package`` root in the xmlPackage namespace within the first 4 KB."""
    head = data[:4096]
    return bool(_ROOT.search(head)) and PKG_NS.encode() in head


def _parts(root: object, limit: int) -> dict[str, bytes]:
    """Part name (no leading slash, as a zip member is named) -> its bytes; XML parts serialised as they stand."""
    from lxml import etree

    parts: dict[str, bytes] = {}
    total = 0
    for part in root.iter(f"{PKG}part"):  # type: ignore[attr-defined]
        name = (part.get(f"{PKG}name") or "").lstrip("/")
        if not name:
            continue
        xml = part.find(f"{PKG}xmlData")
        binary = part.find(f"{PKG}binaryData")
        if xml is not None and len(xml):
            raw = etree.tostring(xml[0], encoding="utf-8")
        elif binary is not None and binary.text:
            try:
                raw = base64.b64decode("".join(binary.text.split()), validate=False)
            except (binascii.Error, ValueError):
                continue
        else:
            continue
        total += len(raw)
        if total > limit:
            raise DocxError(f"the Flat OPC package's parts pass {limit} bytes (the limit)", too_large=True)
        parts[name] = raw
    return parts


def _main_part(root: object, parts: dict[str, bytes]) -> str | None:
    """The main document part: the package relationship of type officeDocument, else the part whose content type
    is a WordprocessingML main part, else ``word/document.xml``."""
    rels = parts.get("_rels/.rels")
    if rels:
        try:
            rel_root = parse_xml(rels, "/_rels/.rels")
        except DocxError:
            rel_root = None
        for rel in rel_root.iter(_REL) if rel_root is not None else ():  # type: ignore[attr-defined]
            target = (rel.get("Target") or "").lstrip("/")
            if rel.get("Type", "").endswith(_OFFICE_DOCUMENT) and posixpath.normpath(target) in parts:
                return posixpath.normpath(target)
    for part in root.iter(f"{PKG}part"):  # type: ignore[attr-defined]
        name = (part.get(f"{PKG}name") or "").lstrip("/")
        if _MAIN.search(part.get(f"{PKG}contentType") or "") and name in parts:
            return name
    return DOCUMENT if DOCUMENT in parts else None


def _related(main: str, parts: dict[str, bytes], kind: str, default: str) -> bytes | None:
    """The part the main part's relationships name for ``kind`` ("numbering", "styles"), else ``default``."""
    folder = posixpath.dirname(main)
    rels = parts.get(posixpath.join(folder, "_rels", posixpath.basename(main) + ".rels"))
    if rels:
        try:
            rel_root = parse_xml(rels, "the document relationships")
        except DocxError:
            rel_root = None
        for rel in rel_root.iter(_REL) if rel_root is not None else ():  # type: ignore[attr-defined]
            if rel.get("Type", "").endswith(f"/{kind}") and rel.get("TargetMode", "") != "External":
                target = rel.get("Target") or ""
                name = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
                if posixpath.normpath(name) in parts:
                    return parts[posixpath.normpath(name)]
    return parts.get(default)


def flat_opc_text(data: bytes, limit: int) -> DocxText:
    """The body's lines of a Flat OPC Word package. Raises ``DocxError`` when it is not XML, has no main document
    part, or the part has no text."""
    from ingest.altchunk import Chunks

    root = parse_xml(data, "the Flat OPC package")
    parts = _parts(root, limit)
    main = _main_part(root, parts)
    if main is None:
        raise DocxError("Flat OPC package has no main document part (word/document.xml)")
    numbering = Numbering(_related(main, parts, "numbering", "word/numbering.xml"),
                          _related(main, parts, "styles", "word/styles.xml"))
    rels = posixpath.join(posixpath.dirname(main), "_rels", posixpath.basename(main) + ".rels")
    chunks = Chunks(parts.get, limit, rels=rels)
    lines = paragraphs(parts[main], numbering, chunks.lines if chunks else None)
    if not any(x.strip() for x in lines):
        raise DocxError(f"Flat OPC package has no text in {main}")
    return DocxText("\n".join(lines), chunks.warnings)


def is_office_text_xml(data: bytes) -> bool:
    """A word-processing document saved as one XML file (a Flat OPC Word package, a flat OpenDocument text): text
    for ``ingest.read``, never a data export for the XML readers."""
    from ingest.odttext import is_flat_odt

    return is_flat_opc(data) or is_flat_odt(data)
