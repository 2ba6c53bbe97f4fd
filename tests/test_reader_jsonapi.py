"""JSON:API documents (``data`` + ``included``) read by the generic JSON reader after ``ingest.readers.jsonapi``
resolves their relationships: an OS2web/Drupal meetings scrape (sample_data/portals2; facts in
sample_data/portals2-expected.md)
and invented documents with other type and attribute names."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from ingest.parse import read_path
from ingest.readers import fieldnames as names
from ingest.readers import jsonapi

ROOT = Path(__file__).resolve().parent.parent
VIBORG = ROOT / "sample_data" / "portals2" / "viborg_social-og-sundhedsudvalget_2024-05-21.json"
FIXTURES = Path(__file__).parent / "fixtures" / "readers" / "json"


def _first_words(text: str) -> str:
    return " ".join(text.split()[:3])


def test_os2web_meeting_facts() -> None:
    result = read_path(VIBORG)
    m = result.meeting
    assert result.reader == "generic-json" and "JSON:API" in result.warnings[0]
    assert (m.municipality, m.committee, m.date, m.time) == ("Viborg", "Social- og Sundhedsudvalget",
                                                            date(2024, 5, 21), "17:00")
    assert m.location == "Viborg Rådhus, Prinsens Allé 5, lokale C2.06" and m.status == "minutes"
    assert m.absentees == ["Bjarne Munk (V)", "Kim Lauritsen (Ø)"]
    assert len(m.participants) == 7 and "Lone Kirk (A)" in m.participants and "Bjarne Munk (V)" in m.participants


def test_os2web_items_in_relationship_order() -> None:
    m = read_path(VIBORG).meeting
    got = [(it.number, it.title, it.case_number, it.closed, [_first_words(d.text) for d in it.decisions])
           for it in m.items]
    assert got == [
        ("1", "Godkendelse af dagsorden", "24/11001", False, ["Godkendt."]),
        ("2", "Demensstrategi 2024-2028", "24/08812", False, ["Godkendt."]),
        ("3", "Takster for madservice 2024", "24/09344", False, ["Godkendt. For stemte:"]),
        ("4", "Udbud af genbrugshjælpemidler - orientering", "24/07720", False, ["Taget til efterretning."]),
        ("5", "Klage over afgørelse om plejebolig", "24/10021", True, []),
        ("6", "Meddelelser", "24/11002", False, ["Taget til efterretning."]),
    ]
    assert all(d.body == m.committee and d.date == m.date for it in m.items for d in it.decisions)
    demens = m.items[1]
    assert [s.name for s in demens.sections] == ["Sagsfremstilling", "Økonomi", "Indstilling"]
    assert demens.text.count("1.600 borgere") == 1  # body.value only, not body.processed too
    assert not any(w in demens.text for w in ("https://", "wysiwyg", "node--", "SAG"))
    assert m.items[4].sections == []


def test_invented_jsonapi_with_items_naming_their_meeting() -> None:
    """Other type names, English attributes, items linked only back to the meeting (included shuffled),
    sections and decisions as related resources, formatted-text objects, an unincluded relationship."""
    m = read_path(FIXTURES / "generic_jsonapi.json").meeting
    assert (m.municipality, m.committee, m.date, m.time) == ("Kalundborg", "Klima- og Miljøudvalget",
                                                            date(2024, 3, 5), "16:30")
    assert m.location == "Kalundborg Rådhus, mødelokale 2"
    assert m.participants == ["Karen Lind (A)", "Ole Brink (V)", "Mads Kjær (F)"] and m.absentees == ["Ole Brink (V)"]
    assert [(it.number, it.title, it.case_number, it.closed) for it in m.items] == [
        ("1", "Approval of the agenda", None, False),
        ("2", "Dredging of the harbour basin", "24/1187", False),
        ("3", "Lukket: Purchase of land at Kystvejen", "24/3100", True)]
    dredging = m.items[1]
    assert [s.name for s in dredging.sections] == ["Sagsfremstilling", "Indstilling"]
    assert dredging.text.count("silts up") == 1
    assert [d.text for d in dredging.decisions] == ["Approved. The work is tendered in April."]
    assert m.items[2].decisions == []


def _res(kind: str, ident: str, attributes: dict[str, Any], **rels: Any) -> dict[str, Any]:
    links = {k: {"data": [{"type": t, "id": i} for t, i in v] if isinstance(v, list) else
                 {"type": v[0], "id": v[1]}} for k, v in rels.items()}
    return {"type": kind, "id": ident, "attributes": attributes, "relationships": links}


def test_a_list_of_items_naming_one_meeting(tmp_path: Path) -> None:
    meeting = _res("sessions", "s1", {"heldOn": "2023-11-08T15:00:00+01:00", "room": "Byrådssalen"},
                   body=("organs", "o1"))
    items = [_res("points", f"p{n}", {"no": str(n), "subject": f"Sag nummer {n}", "outcome": "Godkendt."},
                  session=("sessions", "s1")) for n in (2, 1)]
    doc = {"data": items, "included": [_res("organs", "o1", {"name": "Økonomiudvalget"}), meeting]}
    path = tmp_path / "points.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    m = read_path(path, municipality="Vejle").meeting
    assert (m.committee, m.date, m.time, m.location) == ("Økonomiudvalget", date(2023, 11, 8), "15:00", "Byrådssalen")
    assert [(it.number, it.title) for it in m.items] == [("1", "Sag nummer 1"), ("2", "Sag nummer 2")]


def test_resolve_follows_relationship_order_and_stops_at_cycles() -> None:
    meeting = _res("m", "1", {"title": "Møde"}, items=[("i", "b"), ("i", "a")])
    doc = {"data": meeting, "included": [_res("i", "a", {"title": "A"}, meeting=("m", "1"), seeAlso=("i", "b")),
                                         _res("i", "b", {"title": "B"}, meeting=("m", "1"), gone=("x", "9"))]}
    tree = jsonapi.resolve(doc)
    assert tree == {"title": "Møde", "items": [{"title": "B"}, {"title": "A", "seeAlso": {"title": "B"}}]}
    assert jsonapi.resolve({"data": {"title": "no resource"}}) is None
    assert jsonapi.resolve({"items": []}) is None


def test_drupal_field_names_by_their_ending() -> None:
    expected = {"field_os2web_m_bp_number": "number", "field_os2web_m_bp_closed": "closed",
                "field_os2web_m_bp_case": "case", "field_os2web_m_start_date": "date",
                "field_os2web_m_end_date": "end", "field_os2web_m_partic": "participants",
                "field_os2web_m_partic_cancel": "absent", "field_agenda_item_title": "title",
                "field_os2web_m_esdh_id": None, "bp_number": None}  # only Drupal's "field_" names
    assert {k: names.kind(k) for k in expected} == expected
