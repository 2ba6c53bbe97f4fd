"""A PDF (or DOCX, HTML …) partitioned by unstructured.io and saved as its element list (``elements_to_json``).

Layout read: a JSON array (or an object whose one list is ``"elements"``) of elements ``{"type", "element_id",
"text", "metadata": {"page_number", "filename", "parent_id", "category_depth", "text_as_html", …}}``, in reading
order, ``type`` one of unstructured's categories (Title, NarrativeText, ListItem, UncategorizedText, Table, Header,
Footer, PageBreak, PageNumber, Image, FigureCaption, CompositeElement after chunking …). This is what RAG pipelines
keep after ``partition_pdf``.

The structure gives only element boundaries and types, not items: the partitioner types an item heading and a
section heading alike (``Title``), and may type an item heading ``ListItem`` like the lines of a table of contents.
So the elements are read as the lines of the document they came from, and the text parser (``ingest.parse``) finds
the item headings, sections and decisions as it does in any PDF's text:

- the running page furniture (Header, Footer, PageBreak, PageNumber) and Image OCR are dropped; a municipality the
  page header names is the document's writer;
- a heading-like element (Title, ListItem) is one line; other elements keep their own line breaks;
- a Table is its ``text_as_html`` rows, one line each with cells separated by " | " (its ``text`` joins every cell
  with spaces, losing the rows); without the HTML its text;
- when the text names no committee or date, the page header's and the file name's stand in.

Elements whose text holds no items still claim the file: their text (not the metadata around it) becomes one
searchable document.
"""

from __future__ import annotations

from typing import Any

from core import municipalities
from core.errors import IngestError
from core.municipalities import UNKNOWN_COMMITTEE
from ingest import header
from ingest.html import html_to_text
from ingest.read import Document
from ingest.readers.base import AnalysedReader, MeetingDraft, Source
from ingest.readers.textparts import meeting_draft, parse_text

CATEGORIES = {"Title", "NarrativeText", "ListItem", "UncategorizedText", "Text", "Table", "TableChunk", "Header",
              "Footer", "PageBreak", "PageNumber", "Image", "Figure", "FigureCaption", "Formula", "Address",
              "EmailAddress", "CodeSnippet", "CompositeElement", "Caption", "Footnote", "PageHeader", "PageFooter"}
FURNITURE = {"Header", "Footer", "PageBreak", "PageNumber", "PageHeader", "PageFooter", "Image", "Figure"}
ONE_LINE = {"Title", "ListItem"}  # a heading wrapped over two printed lines is still one heading
TABLES = {"Table", "TableChunk"}


def elements(data: Any) -> list[dict[str, Any]] | None:
    """The element list: the top-level array, or an object's ``"elements"`` list; None when most records are not
    unstructured elements (a category name as ``type``, a ``text`` string, and ``element_id`` or ``metadata``)."""
    rows = data.get("elements") if isinstance(data, dict) else data
    if not isinstance(rows, list) or len(rows) < 3:
        return None
    good = [r for r in rows if isinstance(r, dict) and r.get("type") in CATEGORIES and isinstance(r.get("text"), str)
            and ("element_id" in r or isinstance(r.get("metadata"), dict))]
    if len(good) < 0.9 * len(rows) or not any(r["type"] not in FURNITURE for r in good):
        return None
    return good


def _meta(el: dict[str, Any]) -> dict[str, Any]:
    meta = el.get("metadata")
    return meta if isinstance(meta, dict) else {}


def element_lines(el: dict[str, Any]) -> list[str]:
    """An element's lines as the document prints them (see the module's doc)."""
    kind, text = el["type"], el["text"]
    html = _meta(el).get("text_as_html")
    if kind in TABLES and isinstance(html, str) and "<t" in html:
        return [x for x in html_to_text(html).splitlines() if x.strip()]
    if kind in ONE_LINE:
        line = " ".join(text.split())
        return [line] if line else []
    return [" ".join(x.split()) for x in text.splitlines() if x.strip()]


def document_lines(rows: list[dict[str, Any]]) -> list[str]:
    return [x for el in rows if el["type"] not in FURNITURE for x in element_lines(el)]


def _furniture(rows: list[dict[str, Any]]) -> list[str]:
    """The page header and footer lines, each once, and the source file's name (without its extension)."""
    heads = [" ".join(el["text"].split()) for el in rows if el["type"] in FURNITURE and el["text"].strip()]
    files = [str(_meta(el).get("filename") or "") for el in rows]
    return list(dict.fromkeys([*heads, *(f.rsplit(".", 1)[0] for f in files if f)]))


def _analyse(src: Source) -> MeetingDraft | None:
    rows = elements(src.json)
    if rows is None:
        return None
    text = "\n".join(document_lines(rows))
    furniture = _furniture(rows)
    stated = next((name for line in furniture for part in line.split(",")
                   if (name := municipalities.canonical_name(part))), None)
    meeting = parse_text(Document(src.path, text))
    if meeting is None or meeting.committee == UNKNOWN_COMMITTEE:  # the page header's committee and date
        committee = next((c for line in furniture if (c := header.committee_in(line))), None)
        day = next((d for line in furniture if (d := header.parse_header([line]).date)), None)
        meeting = parse_text(Document(src.path, text), committee, day) or meeting
    warnings = [f"read the {len(rows)} elements of an unstructured.io partition as the document's lines"]
    if meeting is None or not meeting.items:
        from ingest.readers.fulltext import whole_draft

        lines = "\n".join([text, *furniture]).encode("utf-8")  # the page header last: it may state the date
        try:  # the elements' text is plain text, not the JSON the file's name says
            draft = whole_draft(Source(lines, f"{src.path}.txt"))
        except IngestError:
            return None
        draft.municipality = draft.municipality or stated
        draft.warnings = [*warnings, "no agenda items found: read as one searchable document", *draft.warnings]
        return draft
    return meeting_draft(meeting, stated, warnings)


READER = AnalysedReader("unstructured-elements", _analyse, "not an unstructured.io element list")
