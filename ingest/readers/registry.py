"""The structured readers, most specific first. Each module of this package holds one format and
exposes ``READER``; the generic readers come last."""

from __future__ import annotations

import importlib

from ingest.readers.base import Reader

MODULES = [
    "package_zip", "epub", "icalendar", "yaml_data",  # containers by content: item zip, EPUB, .ics, YAML data
    "unstructured_elements", "jsonfeed",  # JSON shapes: unstructured.io element lists, JSON Feed entries
    "chunk_dump",  # a RAG chunk dump (LangChain/LlamaIndex records, overlapping chunks): the text rebuilt
    "sitecore_jss", "wordpress_rest",  # CMS APIs: a Sitecore JSS layout (component tree), WordPress REST posts
    "greve_json", "greve_jsonl", "edoc_xml", "sbsys_xml", "sbsys_aarhus_xml", "acadre_xml",
    "pdf2xml",  # poppler pdftohtml -xml: positioned text fragments read by layout into lines for the text parser
    "alto", "mbox",  # ALTO OCR XML (words as attributes) as lines; a mailing-list mbox archive: its minutes mail
    "spreadsheet",  # XLSX/ODS/XLS workbooks (zip or OLE2 by content), mapped by the CSV reader's columns
    "docx_headings",  # a DOCX typed without heading styles: items as bold "Ad 3. Titel" paragraphs
    "excel_xml", "sharepoint_rows",  # SpreadsheetML workbooks and SharePoint list rowsets, as tables of rows
    "csv_rows",  # before the HTML readers: a CSV cell may hold HTML
    "firstagenda_html", "firstagenda_theme", "edoc_html", "embedded_json",
    "html_sheet",  # an HTML table of item rows under a named header (Excel HTML "Eksport til Excel")
    "ckan", "elastic",  # API envelopes read through generic_json: CKAN datastore rows, Elasticsearch _search hits
    "generic_html", "generic_json", "feed", "generic_xml",
]


def load() -> list[Reader]:
    readers: list[Reader] = []
    for name in MODULES:
        try:
            module = importlib.import_module(f"ingest.readers.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"ingest.readers.{name}":
                raise
            continue
        readers.append(module.READER)
    return readers
