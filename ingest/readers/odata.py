"""An OData response (Microsoft Dataverse / Dynamics 365 Web API, SharePoint REST) as plain nested JSON, for
``generic_json`` to map by field names (as ``jsonapi`` does for JSON:API).

An OData document is an object with ``@odata.context`` and its records in ``value`` (or records carrying
``@odata.etag``). Resolved here, by the protocol's own rules:

- annotations (``name@OData.Community.Display.V1.FormattedValue``, ``@odata.etag``,
  ``@Microsoft.Dynamics.CRM.lookuplogicalname``) are dropped, except that a formatted value replaces a choice
  (an option-set number, a yes/no) and a lookup: ``_odk_udvalg_value`` (a GUID) becomes ``udvalg`` holding the
  name the formatted value shows; date-times stay as stored (ISO, UTC: ``when`` reads them in local time);
- the publisher prefix of custom columns ("odk_", "cr3f2_") is stripped: ``odk_sagsnummer`` -> ``Sagsnummer``;
  Dataverse's owning business unit is the organisation (the municipality);
- an expanded record that every record repeats (``odk_Moede``: the meeting of each agenda item) is lifted out
  beside the list, as the meeting;
- the records are put in the order of the number they print (the service returns them in storage order).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from ingest.readers.greve_json import text_of
from ingest.readers.json_facts import printed_number

FORMATTED = "@OData.Community.Display.V1.FormattedValue"
LOOKUP = re.compile(r"^_(?P<name>.+)_value$")
PREFIX = re.compile(r"^(?P<prefix>[a-z][a-z0-9]{1,7})_(?=[A-Za-z])")
SYSTEM = {"owningbusinessunit": "organisation"}  # Dataverse system columns that name what they hold otherwise


def is_document(data: Any) -> bool:
    """An OData response: ``@odata.context`` beside a record list, or a list whose records carry ``@odata.etag``."""
    if isinstance(data, dict) and isinstance(data.get("value"), list):
        return "@odata.context" in data or any(isinstance(r, dict) and "@odata.etag" in r for r in data["value"])
    return False


def resolve(data: Any) -> dict[str, Any] | None:
    """The document as plain JSON ({"Moede": {...}, "value": [...]}), or None when it is no OData response."""
    if not is_document(data):
        return None
    records = [r for r in data["value"] if isinstance(r, dict)]
    prefix = _prefix(records)
    plain = [_record(r, prefix) for r in records]
    out: dict[str, Any] = {k: v for k, v in _record(data, prefix).items() if k != "value"}
    for key in _shared(plain):  # the expanded record every record repeats: the meeting, beside the list
        out[key] = plain[0][key]
        plain = [{k: v for k, v in r.items() if k != key} for r in plain]
    out["value"] = by_number(plain)
    return out


def _prefix(records: list[dict[str, Any]]) -> str:
    """The publisher prefix most custom columns share ("odk"), or '' when fewer than three columns have one."""
    found = Counter(m["prefix"] for r in records for k in r
                    if (m := PREFIX.match(LOOKUP.sub(r"\g<name>", k.split("@", 1)[0]))))
    best = found.most_common(1)
    return best[0][0] if best and best[0][1] >= 3 * max(1, len(records)) else ""


def _name(key: str, prefix: str) -> str:
    bare = LOOKUP.sub(r"\g<name>", key)
    if prefix and bare.startswith(prefix + "_") and len(bare) > len(prefix) + 1:
        bare = bare[len(prefix) + 1:]
        bare = bare[:1].upper() + bare[1:]  # a logical name is lower case; as a section heading it is capitalised
    return SYSTEM.get(bare.lower(), bare)


def _record(record: dict[str, Any], prefix: str) -> dict[str, Any]:
    """One record without annotations, prefixes and lookup GUIDs; choices and lookups as their shown names."""
    out: dict[str, Any] = {}
    for key, value in record.items():
        if "@" in key or key.startswith("@"):
            continue
        shown = record.get(key + FORMATTED)
        if isinstance(value, dict):
            value = _record(value, prefix)
        elif isinstance(value, list):
            value = [_record(v, prefix) if isinstance(v, dict) else v for v in value]
        elif isinstance(shown, str) and (LOOKUP.match(key) or isinstance(value, bool | int)):
            value = shown
        name = _name(key, prefix)
        if name not in out or isinstance(value, dict) and not isinstance(out[name], dict):  # the expanded record
            out[name] = value  # before the lookup naming it
    return out


def _shared(records: list[dict[str, Any]]) -> list[str]:
    """The keys of an expanded record (an object) equal in every record of two or more."""
    if len(records) < 2:
        return []
    return [k for k, v in records[0].items() if isinstance(v, dict) and v
            and all(r.get(k) == v for r in records[1:])]


def by_number(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Records in the order of their printed item numbers ("1", "4a", 12) when every one prints one that starts
    with a number; else as given."""
    keys = []
    for record in records:
        found = printed_number(record)
        m = re.match(r"\s*(\d{1,4})(?:\.(\d{1,3}))?([a-z]?)", text_of(found[1])) if found else None
        if m is None:
            return records
        keys.append((int(m[1]), int(m[2] or 0), m[3]))
    return [r for _, _, r in sorted(zip(keys, range(len(records)), records, strict=True))]
