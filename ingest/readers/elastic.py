"""An Elasticsearch (or OpenSearch) ``_search`` response, as a scraper saves a portal's search API answer:
``{"took", "timed_out", "_shards", "hits": {"total", "max_score", "hits": [{"_index", "_id", "_score", "_source",
"highlight", "sort"}]}, "aggregations"}``.

Each hit's ``_source`` is one indexed document. The documents of a meeting are its item documents, each nesting the
item's own fields in one object ({"punkt": {"nummer", "titel", "sagsnummer", …}} beside its body parts and its
decision) or holding them itself, and the meeting's own document (no item fields; its facts in a meeting object:
committee, date, start, venue, participants with their attendance). ``resolve`` turns the hits into the plain JSON
``generic_json`` reads by field name: the meeting's facts at the top (the meeting document's, else those the item
documents repeat) and ``{"items": [...]}``, each item's nested fields lifted beside its other fields.

- Hits come in the search's order (relevance, or a sort such as the update time), never the agenda's: the items are
  read in the order of an integer sequence field when each has one, else of their printed numbers.
- An integer number beside a printed one ("nummer": 6, "visningsnummer": "5a") is the sequence; the printed
  string is the item's number.
- A decision object that says whose and when ({"organ", "dato", "tekst"}) is read as a dated decision.
- ``highlight`` snippets (the query's terms in <em>, repeated in every hit), ``_score`` and ``sort`` values and the
  aggregations are search machinery, not content: dropped.

Hits of several meetings are not read here (left to the generic reader); an error response
({"error": {"root_cause", "type", "reason"}, "status"}) is an ``IngestError`` naming its reason.
"""

from __future__ import annotations

from typing import Any

from core.errors import IngestError
from ingest.readers import fieldnames as names
from ingest.readers.base import MeetingDraft, Source
from ingest.readers.ckan import by_printed_number
from ingest.readers.generic_json import find_items, item_like, read_data
from ingest.readers.greve_json import text_of
from ingest.readers.json_facts import value_of

NUMBER_ENDINGS = ("nummer", "number", "nr", "no", "num")


def is_error(data: Any) -> bool:
    return (isinstance(data, dict) and isinstance(data.get("error"), dict)
            and {"root_cause", "reason", "type"} & set(data["error"]) != set() and "status" in data)


def hits_of(data: Any) -> list[dict[str, Any]] | None:
    """The hits' documents (``_source``) of a search response, else None."""
    hits = data.get("hits") if isinstance(data, dict) else None
    listed = hits.get("hits") if isinstance(hits, dict) else None
    if not isinstance(listed, list) or not listed:
        return None
    if not all(isinstance(h, dict) and isinstance(h.get("_source"), dict) and ("_id" in h or "_index" in h)
               for h in listed):
        return None
    return [h["_source"] for h in listed]


def _entity(doc: dict[str, Any]) -> tuple[str | None, dict[str, Any]] | None:
    """(key, fields) of the item a document holds: the one nested item-like object, or the document itself."""
    nested = [(k, v) for k, v in doc.items() if isinstance(v, dict) and item_like(v)]
    if len(nested) == 1:
        return nested[0]
    return (None, doc) if item_like(doc) else None


def printed_first(entity: dict[str, Any]) -> dict[str, Any]:
    """An integer number beside a printed one ("nummer": 6, "visningsnummer": "5a"): the printed string as the
    item's "number", the integer as its "order"."""
    seq = next((k for k, v in entity.items() if names.kind(k) == "number" and isinstance(v, int)
                and not isinstance(v, bool)), None)
    printed = next((k for k, v in entity.items() if k != seq and isinstance(v, str) and v.strip()
                    and names.fold(k).endswith(NUMBER_ENDINGS) and names.kind(k) != "case"), None)
    if seq is None or printed is None:
        return entity
    rest = {k: v for k, v in entity.items() if k not in (seq, printed)}
    return {"number": entity[printed], "order": entity[seq], **rest}


def _meeting_objects(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [v for k, v in doc.items() if isinstance(v, dict) and names.fold(k) in names.MEETING_KEYS]


def _lifted(doc: dict[str, Any]) -> dict[str, Any]:
    """A document's scalar and list fields with its meeting objects' fields beside them (the document's own first)."""
    out = {k: v for k, v in doc.items() if not isinstance(v, dict)}
    for obj in _meeting_objects(doc):
        for k, v in obj.items():
            out.setdefault(k, v)
    return out


def _decision(value: Any) -> Any:
    """A decision object saying whose and when as a one-entry list of dated decisions."""
    if isinstance(value, dict) and {"committee", "date"} & set(names.fields(value)) and "text" in names.fields(value):
        return [value]
    return value


def _item(doc: dict[str, Any], key: str | None, entity: dict[str, Any]) -> dict[str, Any]:
    meeting = {id(o) for o in _meeting_objects(doc)}
    rest = {k: _decision(v) if names.kind(k) == "decision" else v for k, v in doc.items()
            if k != key and id(v) not in meeting} if key is not None else {}
    return {**printed_first(entity), **{k: v for k, v in rest.items() if k not in entity}}


def _meeting_key(doc: dict[str, Any]) -> tuple[str, str]:
    facts = _lifted(doc)
    return text_of(value_of(facts, "date"))[:10], " ".join(text_of(value_of(facts, "committee")).split()).casefold()


def resolve(data: Any) -> dict[str, Any] | None:
    """The meeting's facts and ``"items"`` of a search response (see the module's doc); None when it is none or
    its hits are of several meetings."""
    docs = hits_of(data)
    if docs is None:
        return None
    items: list[dict[str, Any]] = []
    meetings: list[dict[str, Any]] = []
    for doc in docs:
        found = _entity(doc)
        if found is None:
            meetings.append(doc)
        else:
            items.append(_item(doc, *found))
    if not items or len({_meeting_key(d) for d in docs} - {("", "")}) > 1:
        return None
    facts: dict[str, Any] = {}
    for doc in [*meetings, *(d for d in docs if _entity(d) is not None)]:
        for k, v in _lifted(doc).items():
            if names.kind(k) not in ("number", "title", "case", "text", "decision", "open", "closed"):
                facts.setdefault(k, v)
    if not all(isinstance(value_of(r, "order"), int) for r in items):
        items = by_printed_number(items)
    return {**facts, "items": items}


class ElasticReader:
    name = "elasticsearch-hits"

    def sniff(self, src: Source) -> bool:
        if is_error(src.json):
            return True  # read() names the error
        data = resolve(src.json)
        return data is not None and find_items(data) is not None

    def read(self, src: Source) -> MeetingDraft:
        if is_error(src.json):
            error = (src.json or {})["error"]
            raise IngestError(src.path, f"Elasticsearch error response ({error.get('type', 'error')}): "
                                        f"{error.get('reason', 'no reason given')}"[:300])
        data = resolve(src.json)
        if data is None or find_items(data) is None:
            raise IngestError(src.path, "Elasticsearch response holds no agenda items of one meeting")
        return read_data(data, src.name, "read as an Elasticsearch search response: {n} items from {path}")


READER = ElasticReader()
