"""The content of a DOCX's ``w:altChunk`` parts, as lines to stand in place of the element.

An "alternative format import" (``<w:altChunk r:id="rIdN"/>`` in ``word/document.xml``) points through the
document's relationships (``word/_rels/document.xml.rels``, type ``…/aFChunk``) at a part in another format that Word
converts when it opens the file: an HTML page (``text/html``, ``application/xhtml+xml``), an MHT web archive
(``message/rfc822``), plain text, RTF, or a whole nested WordprocessingML package. Agenda systems that export to Word
through the OpenXML SDK write an item's heading in the document and its body (sections, decision) as an HTML chunk,
so a reader of ``w:p`` alone sees only the headings. Each part is read by its content (never by its name): a zip is
a nested DOCX, ``{\\rtf`` RTF, a MIME header block MHT, markup HTML, else text. A chunk whose part is missing or
unreadable is left out with a warning; parts are read through ``ingest.docxtext`` (bounded, damaged zips tolerated).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable

RELS = "word/_rels/document.xml.rels"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.I)
_MAX_DEPTH = 2  # a DOCX chunk inside a DOCX chunk is read; deeper nesting is left out

PartReader = Callable[[str], bytes | None]


class Chunks:
    """Resolves ``w:altChunk`` relationship ids of one document part to the lines of the parts they name."""

    def __init__(self, read_part: PartReader, limit: int, depth: int = 0, rels: str = RELS) -> None:
        self.read_part = read_part
        self.limit = limit  # the decompression bound a nested DOCX is read with
        self.depth = depth
        self.warnings: list[str] = []
        self.targets = _targets(read_part(rels), posixpath.dirname(posixpath.dirname(rels)))

    def __bool__(self) -> bool:
        return bool(self.targets)

    def lines(self, rid: str) -> list[str]:
        """The lines of the chunk ``rid`` names; [] (with a warning) when it cannot be read."""
        name = self.targets.get(rid)
        if name is None:
            self.warnings.append(f"altChunk {rid or '(no id)'}: no relationship names its part")
            return []
        data = self.read_part(name)
        if data is None:
            self.warnings.append(f"altChunk {rid}: part {name} is missing or unreadable")
            return []
        try:
            text = self._text(data, name)
        except Exception as exc:  # noqa: BLE001 - one bad chunk must not lose the document; it is reported
            self.warnings.append(f"altChunk {rid}: {name} unreadable ({str(exc)[:120]})")
            return []
        return [x.rstrip() for x in text.split("\n")]

    def _text(self, data: bytes, name: str) -> str:
        head = data.lstrip(b"\xef\xbb\xbf\r\n\t ")[:64]
        if data.startswith(b"PK"):
            return self._docx(data)
        if head.startswith(b"{\\rtf"):
            from ingest import rtftext

            return rtftext.rtf_text(data)
        from ingest import mime

        inner = mime.inner_document(data)
        if inner is not None:
            return self._text(inner.data, name) if inner.data != data else ""
        text = _decode(data)
        if text.lstrip()[:1] == "<":
            from ingest.html import html_to_text

            return "\n".join(x for x in html_to_text(text).split("\n") if x.strip())  # blocks are lines already
        return text.replace("\r\n", "\n").replace("\r", "\n")

    def _docx(self, data: bytes) -> str:
        if self.depth + 1 >= _MAX_DEPTH:
            self.warnings.append("a DOCX chunk nested too deep is left out")
            return ""
        from ingest.docxtext import DocxError, docx_text

        try:
            found = docx_text(data, self.limit, self.depth + 1)
        except DocxError as exc:
            self.warnings.append(f"a nested DOCX chunk is unreadable ({exc})")
            return ""
        self.warnings.extend(found.warnings)
        return found.text


def _targets(rels: bytes | None, base: str) -> dict[str, str]:
    """Relationship id -> part name (zip member) for the aFChunk relationships of a part's ``.rels``."""
    from ingest.docxtext import xml_root

    root = xml_root(rels)
    out: dict[str, str] = {}
    if root is None:
        return out
    for rel in root.iter(_REL):  # type: ignore[attr-defined]
        kind = rel.get("Type", "")
        target = rel.get("Target", "")
        if not kind.lower().endswith("/afchunk") or not target or rel.get("TargetMode", "") == "External":
            continue
        name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
        if not name.startswith(".."):
            out[rel.get("Id", "")] = name
    return out


def _decode(data: bytes) -> str:
    """A text or HTML part: a BOM, else the charset its ``<meta>`` names, else UTF-8, else cp1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    named = _META_CHARSET.search(data[:4000])
    if named:
        try:
            return data.decode(named.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")
