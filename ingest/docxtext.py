"""The text of a DOCX from its ``word/document.xml`` alone, so a damaged file whose document part is intact
can still be read.

The part is taken from the zip directory when it can be read, else from the zip's local file headers (a
truncated or overwritten central directory). Other parts (styles, properties, relationships) are not
needed; missing ones are reported as warnings. Paragraphs (``w:p``/``w:t``) come out in document order, a
table row as one line, a vote table as vote lines (``ingest.votetable``). Decompression is bounded: a part
that unpacks past the limit is refused.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field

from ingest.votetable import table_lines

DOCUMENT = "word/document.xml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_LOCAL = b"PK\x03\x04"
_LOCAL_HEADER = struct.Struct("<4sHHHHHIIIHH")


class DocxError(Exception):
    """Why the document part could not be read (the caller names the file)."""

    def __init__(self, message: str, too_large: bool = False) -> None:
        super().__init__(message)
        self.too_large = too_large  # past the decompression limit (413), not merely unreadable


@dataclass
class DocxText:
    text: str
    warnings: list[str] = field(default_factory=list)


def _inflate(raw: bytes, method: int, limit: int) -> bytes | None:
    if method == 0:
        return raw
    if method != 8:
        return None
    out = zlib.decompressobj(-15).decompress(raw, limit + 1)
    if len(out) > limit:
        raise DocxError(f"DOCX part unpacks to more than {limit} bytes; refusing a zip bomb", too_large=True)
    return out


def local_member(data: bytes, name: str, limit: int) -> bytes | None:
    """A member found by scanning local file headers (no central directory needed); the last good copy."""
    found = None
    pos = data.find(_LOCAL)
    while 0 <= pos and pos + _LOCAL_HEADER.size <= len(data):
        _, _, flags, method, _, _, _, csize, usize, nlen, xlen = _LOCAL_HEADER.unpack_from(data, pos)
        start = pos + _LOCAL_HEADER.size + nlen + xlen
        member = data[pos + _LOCAL_HEADER.size: pos + _LOCAL_HEADER.size + nlen].decode("utf-8", "replace")
        if member == name and not flags & 1:
            if usize > limit:
                raise DocxError(f"DOCX part declares {usize} bytes (limit {limit}); refusing a zip bomb",
                                too_large=True)
            size = csize if csize and not flags & 8 else len(data) - start  # a data descriptor: deflate ends itself
            try:
                found = _inflate(data[start:start + size], method, limit) or found
            except zlib.error:
                pass
        pos = data.find(_LOCAL, pos + 4)
    return found


def _from_directory(data: bytes, limit: int) -> tuple[bytes | None, list[str]]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        total = sum(info.file_size for info in zf.infolist())
        if total > limit:
            raise DocxError(f"DOCX unpacks to {total} bytes (limit {limit}); refusing a zip bomb", too_large=True)
        names = set(zf.namelist())
        if DOCUMENT not in names:
            return None, ["no word/document.xml in the zip directory"]
        with zf.open(DOCUMENT) as part:
            xml = part.read(limit + 1)
        if len(xml) > limit:
            raise DocxError(f"DOCX part unpacks to more than {limit} bytes; refusing a zip bomb", too_large=True)
        return xml, _missing_parts(zf, names)


def _missing_parts(zf: zipfile.ZipFile, names: set[str]) -> list[str]:
    if "[Content_Types].xml" not in names:
        return ["DOCX parts missing: [Content_Types].xml"]
    with zf.open("[Content_Types].xml") as part:
        declared = re.findall(rb'PartName="/([^"]+)"', part.read(1_000_000))
    missing = sorted({p.decode("utf-8", "replace") for p in declared} - names)
    return [f"DOCX parts missing: {', '.join(missing)}"] if missing else []


def paragraphs(xml: bytes) -> list[str]:
    """The lines of a WordprocessingML body: each paragraph, each table row (see ``ingest.votetable``)."""
    from lxml import etree

    options = {"resolve_entities": False, "no_network": True, "huge_tree": False}
    try:
        root = etree.fromstring(xml, etree.XMLParser(**options))  # type: ignore[arg-type]
    except etree.XMLSyntaxError:
        root = etree.fromstring(xml, etree.XMLParser(recover=True, **options))  # type: ignore[arg-type]
    if root is None:
        raise DocxError("word/document.xml is not XML")
    body = root.find(f"{W}body")
    lines: list[str] = []
    _walk(body if body is not None else root, lines)
    return lines


def _paragraph(p: object) -> str:
    marks = {f"{W}tab": "\t", f"{W}br": "\n", f"{W}cr": "\n"}
    parts = []
    for node in p.iter(f"{W}t", *marks):  # type: ignore[attr-defined]
        parts.append(marks.get(node.tag) or node.text or "")
    return "".join(parts)


def _walk(element: object, lines: list[str]) -> None:
    for child in element:  # type: ignore[attr-defined]
        if child.tag == f"{W}p":
            lines.append(_paragraph(child))
        elif child.tag == f"{W}tbl":
            rows = [[" ".join(_paragraph(p) for p in cell.iter(f"{W}p")) for cell in row.iter(f"{W}tc")]
                    for row in child.iter(f"{W}tr")]
            lines.extend(table_lines(rows))
        else:
            _walk(child, lines)  # content controls, insertions, custom XML: their paragraphs in place


def docx_text(data: bytes, limit: int) -> DocxText:
    """The document text, with warnings when the zip or its parts are damaged. Raises ``DocxError``."""
    warnings: list[str] = []
    try:
        xml, warnings = _from_directory(data, limit)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, zlib.error, OSError):
        xml = None
        warnings = ["the zip directory is damaged; read word/document.xml from the local file headers"]
    if xml is None:
        xml = local_member(data, DOCUMENT, limit)
        if xml is None:
            raise DocxError("not a valid DOCX (bad zip archive, no readable word/document.xml)")
        if not warnings:
            warnings = ["word/document.xml read from the local file headers"]
    lines = paragraphs(xml)
    if not any(x.strip() for x in lines):
        raise DocxError("DOCX has no text in word/document.xml")
    return DocxText("\n".join(lines), warnings)
