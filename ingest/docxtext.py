"""The text of a DOCX from its ``word/document.xml`` alone, so a damaged file whose document part is intact
can still be read.

The part is taken from the zip directory when it can be read, else from the zip's local file headers (a
truncated or overwritten central directory). Other parts (styles, properties, relationships) are not
needed; missing ones are reported as warnings. Paragraphs (``w:p``/``w:t``) come out in document order, a
table row as one line, a vote table as vote lines (``ingest.votetable``), an imported chunk (``w:altChunk``: an HTML,
MHT, text, RTF or DOCX part) as its own lines in its place (``ingest.altchunk``). Decompression is bounded: a part
that unpacks past the limit is refused.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field

from ingest.votetable import table_lines

DOCUMENT = "word/document.xml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
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


def _part(data: bytes, name: str, limit: int) -> bytes | None:
    """An optional part (numbering, styles), from the zip directory or the local headers; None when unreadable."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            if name not in zf.namelist():
                return None
            with zf.open(name) as part:
                raw = part.read(limit + 1)
            return raw if len(raw) <= limit else None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, zlib.error, OSError):
        try:
            return local_member(data, name, limit)
        except (DocxError, zlib.error):
            return None


def xml_root(xml: bytes | None) -> object | None:
    from lxml import etree

    if not xml:
        return None
    options = {"resolve_entities": False, "no_network": True, "huge_tree": False}
    try:
        return etree.fromstring(xml, etree.XMLParser(recover=True, **options))  # type: ignore[arg-type]
    except etree.XMLSyntaxError:
        return None


Level = tuple[str, str, int]  # numFmt, lvlText, start


class Numbering:
    """Word's automatic list numbering (``word/numbering.xml``): the number a numbered paragraph shows, counted in
    document order per list (numId) and level, a level's count restarting after a higher level moves on. Only
    decimal formats are rendered ("3. Titel"); bullets and letters are left to the text."""

    def __init__(self, numbering: bytes | None, styles: bytes | None) -> None:
        self.levels: dict[str, dict[int, Level]] = {}
        self.style_num: dict[str, tuple[str | None, int | None]] = {}
        self.based_on: dict[str, str] = {}
        self.counts: dict[str, dict[int, int]] = {}
        root = xml_root(numbering)
        if root is not None:
            abstract: dict[str, dict[int, Level]] = {}
            for a in root.iter(f"{W}abstractNum"):  # type: ignore[attr-defined]
                abstract[a.get(f"{W}abstractNumId", "")] = _levels(a)
            for n in root.iter(f"{W}num"):  # type: ignore[attr-defined]
                ref = n.find(f"{W}abstractNumId")
                levels = dict(abstract.get(ref.get(f"{W}val", "") if ref is not None else "", {}))
                for o in n.iter(f"{W}lvlOverride"):
                    ilvl = _int(o.get(f"{W}ilvl"), 0)
                    lvl = o.find(f"{W}lvl")
                    if lvl is not None:
                        levels.update(_levels(o))
                    start = o.find(f"{W}startOverride")
                    if start is not None and ilvl in levels:
                        fmt, text, _ = levels[ilvl]
                        levels[ilvl] = (fmt, text, _int(start.get(f"{W}val"), 1))
                self.levels[n.get(f"{W}numId", "")] = levels
        root = xml_root(styles)
        if root is not None and self.levels:
            for st in root.iter(f"{W}style"):  # type: ignore[attr-defined]
                sid = st.get(f"{W}styleId", "")
                base = st.find(f"{W}basedOn")
                if base is not None:
                    self.based_on[sid] = base.get(f"{W}val", "")
                num = st.find(f"{W}pPr/{W}numPr")
                if num is not None:
                    self.style_num[sid] = _num_pr(num)

    def _style(self, sid: str | None) -> tuple[str | None, int | None]:
        num_id: str | None = None
        ilvl: int | None = None
        seen: set[str] = set()
        while sid and sid not in seen and (num_id is None or ilvl is None):
            seen.add(sid)
            found = self.style_num.get(sid, (None, None))
            num_id = num_id if num_id is not None else found[0]
            ilvl = ilvl if ilvl is not None else found[1]
            sid = self.based_on.get(sid)
        return num_id, ilvl

    def label(self, p: object) -> str:
        """The number paragraph ``p`` shows ("3."), counted; "" when it has none or not a decimal one."""
        if not self.levels:
            return ""
        ppr = p.find(f"{W}pPr")  # type: ignore[attr-defined]
        num_id, ilvl = None, None
        if ppr is not None:
            num = ppr.find(f"{W}numPr")
            if num is not None:
                num_id, ilvl = _num_pr(num)
            style = ppr.find(f"{W}pStyle")
            if style is not None and (num_id is None or ilvl is None):
                s_id, s_lvl = self._style(style.get(f"{W}val"))
                num_id = num_id if num_id is not None else s_id
                ilvl = ilvl if ilvl is not None else s_lvl
        levels = self.levels.get(num_id or "")
        ilvl = ilvl or 0
        if not levels or ilvl not in levels:
            return ""
        counts = self.counts.setdefault(num_id or "", {})
        counts[ilvl] = counts.get(ilvl, levels[ilvl][2] - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        fmt, text, _ = levels[ilvl]
        if fmt != "decimal":
            return ""
        out = text
        for k in range(ilvl + 1):
            if f"%{k + 1}" in out:
                if k not in levels or levels[k][0] != "decimal":
                    return ""
                out = out.replace(f"%{k + 1}", str(counts.get(k, levels[k][2])))
        return out.strip() if re.fullmatch(r"[\d.)(]+", out.strip()) else ""


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _levels(element: object) -> dict[int, Level]:
    out: dict[int, Level] = {}
    for lvl in element.iter(f"{W}lvl"):  # type: ignore[attr-defined]
        fmt = lvl.find(f"{W}numFmt")
        text = lvl.find(f"{W}lvlText")
        start = lvl.find(f"{W}start")
        out[_int(lvl.get(f"{W}ilvl"), 0)] = (
            fmt.get(f"{W}val", "decimal") if fmt is not None else "decimal",
            text.get(f"{W}val", "") if text is not None else "",
            _int(start.get(f"{W}val") if start is not None else None, 0),
        )
    return out


def _num_pr(num: object) -> tuple[str | None, int | None]:
    num_id = num.find(f"{W}numId")  # type: ignore[attr-defined]
    ilvl = num.find(f"{W}ilvl")  # type: ignore[attr-defined]
    return (num_id.get(f"{W}val") if num_id is not None else None,
            _int(ilvl.get(f"{W}val"), 0) if ilvl is not None else None)


def _missing_parts(zf: zipfile.ZipFile, names: set[str]) -> list[str]:
    if "[Content_Types].xml" not in names:
        return ["DOCX parts missing: [Content_Types].xml"]
    with zf.open("[Content_Types].xml") as part:
        declared = re.findall(rb'PartName="/([^"]+)"', part.read(1_000_000))
    missing = sorted({p.decode("utf-8", "replace") for p in declared} - names)
    return [f"DOCX parts missing: {', '.join(missing)}"] if missing else []


def parse_xml(xml: bytes, name: str = DOCUMENT) -> object:
    """The root of a WordprocessingML part (safe parser options; a damaged part is recovered). Raises ``DocxError``
    naming the part ``name``."""
    from lxml import etree

    options = {"resolve_entities": False, "no_network": True, "huge_tree": False}
    try:
        root = etree.fromstring(xml, etree.XMLParser(**options))  # type: ignore[arg-type]
    except etree.XMLSyntaxError:
        root = etree.fromstring(xml, etree.XMLParser(recover=True, **options))  # type: ignore[arg-type]
    if root is None:
        raise DocxError(f"{name} is not XML")
    return root


Chunk = Callable[[str], list[str]]  # an altChunk's relationship id -> its lines


def paragraphs(xml: bytes, numbering: Numbering | None = None, chunk: Chunk | None = None) -> list[str]:
    """The lines of a WordprocessingML body: each paragraph (with its automatic number, see ``Numbering``), each
    table row (see ``ingest.votetable``), each altChunk's lines from ``chunk``."""
    root = parse_xml(xml)
    body = root.find(f"{W}body")  # type: ignore[attr-defined]
    lines: list[str] = []
    walk(body if body is not None else root, lines, numbering, chunk=chunk)
    return lines


def paragraph_text(p: object, w: str = W) -> str:
    """A paragraph's text: its runs' ``t`` joined as they stand (a word split over runs stays whole), ``tab`` as a
    tab, ``br``/``cr`` as a line break; ``w`` is the namespace in Clark form ("{…/2006/main}", or Word 2003's)."""
    marks = {f"{w}tab": "\t", f"{w}br": "\n", f"{w}cr": "\n"}
    parts = []
    for node in p.iter(f"{w}t", *marks):  # type: ignore[attr-defined]
        parts.append(marks.get(node.tag) or node.text or "")
    return "".join(parts)


def walk(element: object, lines: list[str], numbering: Numbering | None = None, w: str = W,
         skip: frozenset[str] = frozenset(), chunk: Chunk | None = None) -> None:
    """Append the lines of ``element``'s paragraphs (``w:p``), tables (``w:tbl``, one line per row) and imported
    chunks (``w:altChunk``, through ``chunk``) in document order; any other element is walked into, except those
    whose local name is in ``skip``."""
    for child in element:  # type: ignore[attr-defined]
        if child.tag == f"{w}p":
            text = paragraph_text(child, w)
            label = numbering.label(child) if numbering is not None else ""
            lines.append(f"{label} {text.lstrip()}" if label and text.strip() else text)
        elif child.tag == f"{w}tbl":
            rows = [[_cell_text(cell, w, chunk) for cell in row.iter(f"{w}tc")] for row in child.iter(f"{w}tr")]
            lines.extend(table_lines(rows))
        elif child.tag == f"{w}altChunk":
            if chunk is not None:
                lines.extend(chunk(child.get(R_ID, "")))
        elif not (skip and isinstance(child.tag, str) and child.tag.rsplit("}", 1)[-1] in skip):
            walk(child, lines, numbering, w, skip, chunk)  # content controls, insertions, custom XML: in place


def _cell_text(cell: object, w: str, chunk: Chunk | None) -> str:
    """A table cell's paragraphs (and imported chunks), one per line."""
    parts = []
    for node in cell.iter(f"{w}p", f"{w}altChunk"):  # type: ignore[attr-defined]
        if node.tag == f"{w}p":
            parts.append(paragraph_text(node, w))
        elif chunk is not None:
            parts.extend(x for x in chunk(node.get(R_ID, "")) if x.strip())
    return "\n".join(parts)


def docx_text(data: bytes, limit: int, depth: int = 0) -> DocxText:
    """The document text, with warnings when the zip or its parts are damaged; ``depth`` counts the DOCX chunks
    this one is nested in (``ingest.altchunk``). Raises ``DocxError``."""
    from ingest.altchunk import Chunks

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
    numbering = Numbering(_part(data, "word/numbering.xml", limit), _part(data, "word/styles.xml", limit))
    chunks = Chunks(lambda name: _part(data, name, limit), limit, depth)
    lines = paragraphs(xml, numbering, chunks.lines if chunks else None)
    if not any(x.strip() for x in lines):
        raise DocxError("DOCX has no text in word/document.xml")
    return DocxText("\n".join(lines), warnings + chunks.warnings)
