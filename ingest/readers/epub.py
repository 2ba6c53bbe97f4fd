"""Minutes published as an EPUB e-book (a committee system's "ePub-eksport"), read by the book's structure.

Sniffed by content: a zip whose ``mimetype`` member is ``application/epub+zip`` (stored first by the standard), or
whose ``META-INF/container.xml`` names an OPF package (``application/oebps-package+xml``). The container names the
OPF; the OPF's ``<spine>`` gives the reading order of the chapters (``<itemref idref>`` -> ``<manifest>`` item ->
XHTML file). Zip and manifest order are no reading order: exporters name chapters by internal ids (``dp_51907``)
and list them alphabetically. Spine items marked ``linear="no"`` and the navigation document (``properties="nav"``)
are no chapters; ``toc.ncx`` is only the EPUB 2 copy of the contents.

The chapters, in spine order, are read as the HTML item reader reads a page (``generic_html``): chapters before
the first one that holds a numbered item heading ("1. Godkendelse af dagsorden") are the front matter, whose labelled
facts (``<dt>Mødedato</dt><dd>…``, venue, members, absence) and title lines (municipality, "Referat", committee)
are the meeting's; each item chapter's headings, sections and "Beslutning i …" blocks are its items; chapters after
the last item chapter (a colophon, an index) are back matter and left out. The OPF metadata completes the facts:
``dc:title`` is the page title, ``dc:publisher``/``dc:creator`` the authority, ``dc:subject`` the committee when the
content names none. ``dc:date`` and ``dcterms:modified`` are when the book was made: the publication stamp, never the
meeting's date (that is in the content).

Unpacking is bounded as a meeting package's (``package_zip``): a member count limit, the declared and the actually
read sizes (``ingest.read.MAX_UNZIPPED``) and each member's compression ratio (a zip bomb is refused).
"""

from __future__ import annotations

import html as htmllib
import posixpath
import re
import zipfile
from typing import Any
from urllib.parse import unquote

from lxml import etree
from lxml import html as lhtml

from core import municipalities, vocab
from core.errors import IngestError, TooLarge
from ingest.html import html_to_text
from ingest.read import MAX_UNZIPPED, Document
from ingest.readers import generic_html
from ingest.readers.base import XML_PARSER_OPTIONS, AnalysedReader, MeetingDraft, Source
from ingest.readers.html_facts import authority
from ingest.readers.package_zip import MAX_MEMBERS, MAX_RATIO, zip_of
from ingest.readers.textparts import meeting_draft, parse_text
from ingest.readers.xmlwhen import timestamp

El = Any  # an lxml element
EPUB_MIME = b"application/epub+zip"
OPF_MIME = "application/oebps-package+xml"
OPF = "http://www.idpf.org/2007/opf"
DC = "http://purl.org/dc/elements/1.1/"
CONTAINER = "urn:oasis:names:tc:opendocument:xmlns:container"
CHAPTER_TYPES = {"application/xhtml+xml", "text/html", "application/html"}
HEADINGS = ("h1", "h2", "h3", "h4")


class _Book:
    """An EPUB's members, read on demand within the unpacking bounds."""

    def __init__(self, zf: zipfile.ZipFile, path: str) -> None:
        self.zf, self.path, self.total = zf, path, 0
        self.names = {i.filename: i for i in zf.infolist() if not i.is_dir()}
        if len(self.names) > MAX_MEMBERS:
            raise TooLarge(path, f"EPUB has {len(self.names)} files; the limit is {MAX_MEMBERS}")
        if sum(i.file_size for i in self.names.values()) > MAX_UNZIPPED:
            raise TooLarge(path, f"EPUB unpacks to more than {MAX_UNZIPPED} bytes (the limit)")

    def read(self, name: str) -> bytes | None:
        info = self.names.get(name)
        if info is None or info.flag_bits & 0x1:  # missing, or encrypted (DRM): not read
            return None
        if info.file_size > MAX_RATIO * max(info.compress_size, 1) and info.file_size > 1 << 20:
            ratio = info.file_size // max(info.compress_size, 1)
            raise TooLarge(self.path, f"EPUB member {name!r} unpacks {ratio} times its packed size; refused as a zip "
                                      "bomb")
        try:
            with self.zf.open(info) as fh:
                raw = fh.read(MAX_UNZIPPED - self.total + 1)  # the sizes a header declares may lie
        except (zipfile.BadZipFile, NotImplementedError, OSError, ValueError, EOFError):
            return None
        self.total += len(raw)
        if self.total > MAX_UNZIPPED:
            raise TooLarge(self.path, f"EPUB unpacks to more than {MAX_UNZIPPED} bytes (the limit)")
        return raw

    def xml(self, name: str) -> El | None:
        raw = self.read(name)
        if raw is None:
            return None
        try:
            return etree.fromstring(raw, etree.XMLParser(**XML_PARSER_OPTIONS))  # type: ignore[arg-type]
        except (etree.XMLSyntaxError, ValueError):
            return None


def _open(data: bytes) -> zipfile.ZipFile | None:
    """The zip when ``data`` is an EPUB (module doc), else None."""
    zf = zip_of(data)
    if zf is None:
        return None
    names = set(zf.namelist())
    try:
        typed = "mimetype" in names and zf.getinfo("mimetype").file_size < 200 \
            and zf.read("mimetype").strip() == EPUB_MIME
        packaged = "META-INF/container.xml" in names and zf.getinfo("META-INF/container.xml").file_size < 1 << 16 \
            and OPF_MIME.encode() in zf.read("META-INF/container.xml")
    except (zipfile.BadZipFile, NotImplementedError, OSError, ValueError, EOFError):
        typed = packaged = False
    if typed or packaged and "word/document.xml" not in names:
        return zf
    zf.close()
    return None


def _opf_path(book: _Book) -> str:
    root = book.xml("META-INF/container.xml")
    found = [] if root is None else root.iter(f"{{{CONTAINER}}}rootfile")
    path = next((r.get("full-path") for r in found if r.get("media-type", OPF_MIME) == OPF_MIME), None)
    if not path:
        path = next((n for n in book.names if n.lower().endswith(".opf")), None)
    if not path:
        raise IngestError(book.path, "EPUB names no OPF package (META-INF/container.xml has no rootfile)")
    return path


def _metadata(opf: El) -> dict[str, str]:
    """The OPF's Dublin Core fields (first of each) and ``dcterms:modified``."""
    out: dict[str, str] = {}
    meta = opf.find(f"{{{OPF}}}metadata")
    for el in [] if meta is None else meta:
        if not isinstance(el.tag, str):
            continue
        text = " ".join("".join(el.itertext()).split())
        if el.tag.startswith(f"{{{DC}}}") and text:
            out.setdefault(etree.QName(el).localname, text)
        elif el.get("property") == "dcterms:modified" and text:
            out.setdefault("modified", text)
    return out


def _spine(book: _Book, opf_path: str, opf: El) -> list[str]:
    """The chapters' member names in reading order."""
    base = posixpath.dirname(opf_path)
    manifest = {i.get("id"): i for i in opf.iter(f"{{{OPF}}}item")}
    out: list[str] = []
    for ref in opf.iter(f"{{{OPF}}}itemref"):
        item = manifest.get(ref.get("idref"))
        if item is None or ref.get("linear") == "no" or "nav" in (item.get("properties") or "").split():
            continue
        if (item.get("media-type") or "").lower() not in CHAPTER_TYPES:
            continue
        name = posixpath.normpath(posixpath.join(base, unquote((item.get("href") or "").split("#")[0])))
        if name in book.names and name not in out:
            out.append(name)
    return out


def _chapter(raw: bytes) -> El | None:
    """A chapter's ``<body>`` as an HTML element (XHTML parsed as XML, namespaces dropped; tag soup as HTML)."""
    try:
        root = etree.fromstring(raw, etree.XMLParser(**XML_PARSER_OPTIONS))  # type: ignore[arg-type]
        for el in root.iter(etree.Element):
            el.tag = etree.QName(el).localname
            for key in [k for k in el.attrib if k.startswith("{")]:
                del el.attrib[key]
        etree.cleanup_namespaces(root)
        text = etree.tostring(root, encoding="unicode", method="html")
    except (etree.XMLSyntaxError, ValueError):
        text = raw.decode("utf-8", errors="replace")
    try:
        doc = lhtml.document_fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", text))
    except (etree.ParserError, ValueError):
        return None
    return doc.find("body")


def _holds_item(body: El) -> bool:
    for h in body.iter(*HEADINGS):
        text = " ".join(h.text_content().split())
        if vocab.ITEM.match(text) or vocab.BARE_ITEM.match(text):
            return True
    return False


def _page(chapters: list[El], meta: dict[str, str]) -> str:
    """The chapters as one HTML page: the OPF title and authority in its head, each chapter a ``<div>``."""
    head = f"<title>{htmllib.escape(meta.get('title', ''))}</title>"
    if who := meta.get("publisher") or meta.get("creator"):
        head += f'<meta name="publisher" content="{htmllib.escape(who)}">'
    body = "".join("<div>" + (htmllib.escape(c.text or "")) + "".join(
        etree.tostring(x, encoding="unicode", method="html", with_tail=True) for x in c) + "</div>" for c in chapters)
    return f"<!DOCTYPE html><html><head><meta charset=\"utf-8\">{head}</head><body>{body}</body></html>"


def analyse(src: Source) -> MeetingDraft | None:
    zf = _open(src.data)
    if zf is None:
        return None
    with zf:
        book = _Book(zf, src.path)  # TooLarge passes on: a bomb is refused, not read
        opf_path = _opf_path(book)
        opf = book.xml(opf_path)
        if opf is None:
            raise IngestError(src.path, f"EPUB package {opf_path!r} is missing or not well-formed XML")
        meta = _metadata(opf)
        names = _spine(book, opf_path, opf)
        raws = [(n, raw) for n in names if (raw := book.read(n)) is not None]
    chapters = [(n, body) for n, raw in raws if (body := _chapter(raw)) is not None]
    if not chapters:
        raise IngestError(src.path, "EPUB has no readable XHTML chapter in its spine")
    with_items = [k for k, (_, body) in enumerate(chapters) if _holds_item(body)]
    last = with_items[-1] if with_items else len(chapters) - 1
    read, back = chapters[:last + 1], chapters[last + 1:]
    page = _page([body for _, body in read], meta)
    draft = generic_html.analyse(Source(page.encode("utf-8"), src.path)) or _as_text(page, src.path)
    if draft is None:
        raise IngestError(src.path, f"EPUB of {len(chapters)} chapters holds no agenda items and no meeting date in "
                                    "its content (neither by its headings nor in its text)")
    if not draft.committee and meta.get("subject"):
        draft.committee = meta["subject"]
    if not draft.municipality:
        draft.municipality = authority([meta.get("publisher"), meta.get("creator")])
    draft.published = draft.published or _stamp(meta.get("modified") or meta.get("date") or "")
    draft.warnings.insert(0, f"read an EPUB of {len(chapters)} chapters in spine order"
                          + (f"; left out {len(back)} after the last item (back matter: "
                             f"{', '.join(posixpath.basename(n) for n, _ in back)})" if back else ""))
    return draft


def _as_text(page: str, path: str) -> MeetingDraft | None:
    """A book whose chapters mark no items by structure (paragraphs styled to look like headings, as a converted
    PDF is): its text, in spine order, read by the text parser."""
    meeting = parse_text(Document(path, html_to_text(page)))
    if meeting is None or not meeting.items:
        return None
    stated = meeting.municipality if meeting.municipality != municipalities.UNKNOWN else None
    return meeting_draft(meeting, stated, ["the chapters mark no items by structure; read their text"])


def _stamp(value: str) -> str | None:
    """An OPF date ("2025-02-14", "2025-02-14T08:05:00Z") as an ISO timestamp, else None."""
    m = re.match(r"^\d{4}-\d{2}-\d{2}$", value.strip())
    return f"{value.strip()}T00:00:00" if m else timestamp(value)


READER = AnalysedReader("epub", analyse, "not an EPUB e-book with agenda items")
