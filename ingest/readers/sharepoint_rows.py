"""A SharePoint list exported as an XML rowset (``owssvr.dll?…XMLDATA=TRUE``, "Export to spreadsheet"; any ADO
persisted rowset): a table whose rows are ``<z:row …/>`` elements holding every value in an attribute, mapped by
the CSV reader's column names (``row_meeting.meeting_from_rows``).

Sniffed by content: an ``rs:data`` element (namespace ``urn:schemas-microsoft-com:rowset``) holding ``row``
elements. The columns are the attributes, named by the display name the ``s:Schema`` gives them
(``rs:name="Mødedato"``), else by the attribute name without SharePoint's ``ows_`` prefix and with its escapes
decoded (``ows_M_x00f8_dedato`` -> "Mødedato"); in the schema's order, then as they first occur. SharePoint's own
bookkeeping columns (ID, Modified, Editor, FileRef, …) are left out. Values are read by SharePoint's rules: a
lookup "4;#Social- og Sundhedsudvalget" is its name (several joined by "; "), a number "3.00000000000000" is 3; HTML
(escaped inside the attribute) stays HTML for the row mapper. Empty fields are absent attributes: empty cells. The
rows are put in the order of their item numbers (a list is exported in ID order, so an item added later comes last).
"""

from __future__ import annotations

import re
from typing import Any

from ingest.readers import fieldnames as names
from ingest.readers.base import MeetingDraft, Source
from ingest.readers.odata import by_number
from ingest.readers.row_meeting import column_kind, meeting_from_rows
from ingest.readers.xmlutil import local

ROWSET = "urn:schemas-microsoft-com:rowset"
LOOKUP = re.compile(r"^\d+;#")
NUMBER = re.compile(r"^-?\d+\.0+$")
SYSTEM = {  # SharePoint's internal bookkeeping fields (decoded, without "ows_", lower case)
    "id", "modified", "created", "author", "editor", "fileref", "fileleafref", "filedirref", "fsobjtype", "uniqueid",
    "guid", "contenttype", "contenttypeid", "permmask", "owshiddenversion", "metainfo", "serverurl",
    "encodedabsurl", "_level", "_moderationstatus", "_uiversionstring", "workflowversion", "progid", "scopeid",
    "sortbehavior", "itemchildcount", "folderchildcount", "attachments", "_editmenutablestart", "linktitle",
    "linktitlenomenu", "selecttitle", "order", "appauthor", "appeditor", "smtotalsize", "restricted",
}


def rows_element(root: Any) -> Any | None:
    """The ``rs:data`` element of a rowset, when it holds rows."""
    if root is None:
        return None
    return next((el for el in root.iter(f"{{{ROWSET}}}data") if any(local(c) == "row" for c in el)), None)


def column_name(attribute: str) -> str:
    """An attribute's column name: without the ``ows_`` prefix, its escapes decoded."""
    return names.decoded(re.sub(r"^ows_", "", attribute))


def value_of(raw: str) -> str:
    """A SharePoint value as shown: a lookup's names, a whole number without its decimals."""
    value = raw.strip()
    if LOOKUP.match(value):
        parts = value.split(";#")
        return "; ".join(p for p in parts[1::2] if p.strip())
    return value.split(".")[0] if NUMBER.match(value) else value


def _display_names(root: Any) -> dict[str, str]:
    """Attribute name -> display name (``rs:name``), in the schema's order."""
    out: dict[str, str] = {}
    for el in root.iter():
        if local(el) == "AttributeType" and el.get("name"):
            out[str(el.get("name"))] = str(el.get(f"{{{ROWSET}}}name") or column_name(str(el.get("name"))))
    return out


def table(root: Any) -> list[list[str]]:
    """The header row and a row of cells per ``z:row``, in item-number order."""
    data = rows_element(root)
    if data is None:
        return []
    rows = [dict(r.attrib) for r in data if local(r) == "row"]
    shown = _display_names(root)
    attributes = list(shown) + [a for r in rows for a in r if a not in shown]
    columns = [a for a in dict.fromkeys(attributes) if column_name(a).lower() not in SYSTEM
               and any(r.get(a, "").strip() for r in rows)]
    header = [shown.get(a) or column_name(a) for a in columns]
    records = by_number([{h: value_of(str(r.get(a, ""))) for a, h in zip(columns, header, strict=True)}
                         for r in rows])
    return [header] + [[rec[h] for h in header] for rec in records]


class SharePointRowsReader:
    name = "sharepoint-rows"

    def sniff(self, src: Source) -> bool:
        data = rows_element(src.xml)
        if data is None:
            return False
        header = table(src.xml)[0]
        return "number" in {column_kind(h) for h in header}

    def read(self, src: Source) -> MeetingDraft:
        draft = meeting_from_rows(table(src.xml), src.path, what="SharePoint list rowset")
        draft.warnings.insert(0, "read as a SharePoint list rowset (rs:data/z:row), mapped by column names")
        return draft


READER = SharePointRowsReader()
