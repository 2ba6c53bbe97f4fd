"""The text of an OpenDocument text file (``.odt``) from its ``content.xml``.

Headings (``text:h``) and paragraphs (``text:p``) come out one per line in document order, list items as
entries, a table row as one line (``ingest.votetable``, as for DOCX). A heading's automatic number, which
ODF keeps in the list style and not in the text, is written when the export stored it
(``text:number``), else as the outline numbering draws it (``ingest.odfoutline``: "Punkt 3." from the outline
style in ``styles.xml``). Tracked changes are read as accepted: the recorded deletions (``text:tracked-changes``) are
left out, insertions stand in the text; comments (``office:annotation``) and footnotes are not the text. The zip is
read as for DOCX (``ingest.docxtext``): a damaged directory is read from the local file headers, with a warning;
decompression is bounded.

A flat OpenDocument text (``.fodt``: LibreOffice's "Flat XML ODF Text Document", one XML file whose root
``office:document`` carries ``office:mimetype="application/vnd.oasis.opendocument.text"`` and holds
``office:meta``, ``office:styles`` with the outline style, the automatic and master styles, and ``office:body``)
is the same content in one file; ``flat_odt_text`` reads its body the same way. Page headers and footers (in the
master styles) are not the body.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from ingest.docxtext import DocxError, DocxText, local_member, xml_root
from ingest.odfoutline import Outline
from ingest.votetable import table_lines

CONTENT = "content.xml"
MIMETYPE = b"application/vnd.oasis.opendocument.text"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_FLAT_ROOT = re.compile(rb"<(?:[\w.-]+:)?document[\s>]")
_FLAT_TYPE = re.compile(rb"mimetype\s*=\s*[\"']application/vnd\.oasis\.opendocument\.text(?:-template)?[\"']")


def is_odt(data: bytes) -> bool:
    """An ODF text package: its first member, stored uncompressed, is the ``mimetype``."""
    return data.startswith(b"PK") and MIMETYPE in data[:200]


def _content(data: bytes, limit: int) -> tuple[bytes | None, list[str]]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            info = zf.getinfo(CONTENT)
            if info.file_size > limit:
                raise DocxError(f"{CONTENT} unpacks to {info.file_size} bytes; the limit is {limit}", too_large=True)
            return zf.read(CONTENT), []
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, NotImplementedError, EOFError, zlib.error, OSError):
        found = local_member(data, CONTENT, limit)
        return found, ["the zip directory is damaged; read content.xml from the local file headers"]


def _inline(node: object) -> str:
    """A paragraph's text: spans, links and fields inline; ``text:s`` spaces, tabs and line breaks as such."""
    parts: list[str] = []

    def walk(el: object) -> None:
        if el.text:  # type: ignore[attr-defined]
            parts.append(el.text)  # type: ignore[attr-defined]
        for child in el:  # type: ignore[attr-defined]
            tag = child.tag
            if tag == f"{TEXT}s":
                parts.append(" " * int(child.get(f"{TEXT}c", "1") or 1))
            elif tag == f"{TEXT}tab":
                parts.append("\t")
            elif tag == f"{TEXT}line-break":
                parts.append("\n")
            elif tag in {f"{TEXT}note", f"{OFFICE}annotation"}:
                pass  # footnotes and comments are not the paragraph's text
            else:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(node)
    return "".join(parts)


def _walk(element: object, lines: list[str], entry: bool = False, outline: Outline | None = None) -> None:
    for child in element:  # type: ignore[attr-defined]
        tag = child.tag
        if tag == f"{TEXT}h" and outline and outline.group(child):
            continue  # "Lukkede punkter" over numbered items: no item's text
        if tag in {f"{TEXT}h", f"{TEXT}p"}:
            number = child.find(f"{TEXT}number")
            drawn = outline.label(child) if outline and tag == f"{TEXT}h" else ""
            label = (number.text or "").strip() if number is not None else drawn
            text = _inline(child).strip()
            if label and text.startswith(label):
                label = ""
            line = f"{label} {text}".strip()
            lines.append(f"- {line}" if entry and line else line)
        elif tag == f"{TEXT}list-item":
            _walk(child, lines, True, outline)
        elif tag == f"{TABLE}table":
            rows = [["\n".join(_inline(p).strip() for p in cell.iter(f"{TEXT}p", f"{TEXT}h"))  # as DOCX cells
                     for cell in row.iter(f"{TABLE}table-cell")] for row in child.iter(f"{TABLE}table-row")]
            lines.extend(table_lines(rows))
        elif tag in {f"{TEXT}tracked-changes", f"{OFFICE}forms", f"{TEXT}sequence-decls", f"{TEXT}variable-decls"}:
            continue
        else:
            _walk(child, lines, entry, outline)  # sections, lists, frames: their paragraphs in place


def _styles(data: bytes, limit: int) -> object | None:
    """The parsed ``styles.xml`` of a zipped ODT (its outline style), or None when it is missing or unreadable."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            info = zf.getinfo("styles.xml")
            return xml_root(zf.read("styles.xml")) if info.file_size <= limit else None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, NotImplementedError, EOFError, zlib.error, OSError):
        try:
            return xml_root(local_member(data, "styles.xml", limit))
        except (DocxError, zlib.error):
            return None


def _body_text(root: object, outline: Outline, what: str) -> str:
    body = root.find(f"{OFFICE}body")  # type: ignore[attr-defined]
    lines: list[str] = []
    _walk(body if body is not None else root, lines, outline=outline)
    if not any(x.strip() for x in lines):
        raise DocxError(f"ODT has no text in {what}")
    return "\n".join(lines)


def odt_text(data: bytes, limit: int) -> DocxText:
    """The document text, with warnings when the zip is damaged. Raises ``DocxError``."""
    xml, warnings = _content(data, limit)
    if xml is None:
        raise DocxError("not a valid ODT (bad zip archive, no readable content.xml)")
    root = xml_root(xml)
    if root is None:
        raise DocxError("content.xml is not XML")
    outline = Outline(_styles(data, limit))
    if not outline:
        outline = Outline(root)  # automatic styles of content.xml may hold it
    return DocxText(_body_text(root, outline, "content.xml"), warnings)


def is_flat_odt(data: bytes) -> bool:
    """A flat OpenDocument text: an ``office:document`` root declaring the ODF text mimetype in its first 16 KB."""
    head = data[:16384]
    return bool(_FLAT_ROOT.search(head)) and OFFICE[1:-1].encode() in head and bool(_FLAT_TYPE.search(head))


def flat_odt_text(data: bytes) -> DocxText:
    """The body text of a flat OpenDocument text (``.fodt``), numbered by its own outline style. Raises
    ``DocxError``."""
    root = xml_root(data)
    if root is None or not isinstance(root.tag, str) or root.tag != f"{OFFICE}document":  # type: ignore[attr-defined]
        raise DocxError("not a flat OpenDocument text (no office:document root)")
    return DocxText(_body_text(root, Outline(root), "office:body"))
