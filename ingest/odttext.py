"""The text of an OpenDocument text file (``.odt``) from its ``content.xml``.

Headings (``text:h``) and paragraphs (``text:p``) come out one per line in document order, list items as
entries, a table row as one line (``ingest.votetable``, as for DOCX). A heading's automatic number, which
ODF keeps in the list style and not in the text, is written when the export stored it
(``text:number``). The zip is read as for DOCX (``ingest.docxtext``): a damaged directory is read from the
local file headers, with a warning; decompression is bounded.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from ingest.docxtext import DocxError, DocxText, local_member
from ingest.votetable import table_lines

CONTENT = "content.xml"
MIMETYPE = b"application/vnd.oasis.opendocument.text"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


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


def _walk(element: object, lines: list[str], entry: bool = False) -> None:
    for child in element:  # type: ignore[attr-defined]
        tag = child.tag
        if tag in {f"{TEXT}h", f"{TEXT}p"}:
            number = child.find(f"{TEXT}number")
            label = (number.text or "").strip() if number is not None else ""
            text = _inline(child).strip()
            if label and text.startswith(label):
                label = ""
            line = f"{label} {text}".strip()
            lines.append(f"- {line}" if entry and line else line)
        elif tag == f"{TEXT}list-item":
            _walk(child, lines, entry=True)
        elif tag == f"{TABLE}table":
            rows = [[" ".join(_inline(p).strip() for p in cell.iter(f"{TEXT}p", f"{TEXT}h"))
                     for cell in row.iter(f"{TABLE}table-cell")] for row in child.iter(f"{TABLE}table-row")]
            lines.extend(table_lines(rows))
        elif tag in {f"{TEXT}tracked-changes", f"{OFFICE}forms", f"{TEXT}sequence-decls", f"{TEXT}variable-decls"}:
            continue
        else:
            _walk(child, lines, entry)  # sections, lists, frames: their paragraphs in place


def odt_text(data: bytes, limit: int) -> DocxText:
    """The document text, with warnings when the zip is damaged. Raises ``DocxError``."""
    from lxml import etree

    xml, warnings = _content(data, limit)
    if xml is None:
        raise DocxError("not a valid ODT (bad zip archive, no readable content.xml)")
    options = {"resolve_entities": False, "no_network": True, "huge_tree": False}
    root = etree.fromstring(xml, etree.XMLParser(recover=True, **options))  # type: ignore[arg-type]
    if root is None:
        raise DocxError("content.xml is not XML")
    body = root.find(f"{OFFICE}body")
    lines: list[str] = []
    _walk(body if body is not None else root, lines)
    if not any(x.strip() for x in lines):
        raise DocxError("ODT has no text in content.xml")
    return DocxText("\n".join(lines), warnings)
