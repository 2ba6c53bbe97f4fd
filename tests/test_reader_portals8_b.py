"""The eDoc (Fujitsu) agenda XML reader on the later schema version: elements grouped in open and closed
sections, decision sections, an earlier meeting's handling, attendance flags and the meeting's attendance remark.

The Vejen file (sample_data/portals8, facts in sample_data/portals8-expected.md) and our own variant fixture, which
differs in layout (the closed section first, fields as attributes, another namespace prefix, the committee as the
root, a missing SerialNo field) so the rules are not fitted to one file.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ingest.readers import ReadResult, read_source
from ingest.readers.base import Source
from ingest.readers.edoc_xml import READER as EDOC
from ingest.readers.generic_xml import READER as GENERIC

ROOT = Path(__file__).resolve().parent.parent
VEJEN = ROOT / "sample_data" / "portals8" / "vejen_social-og-sundhedsudvalget_2024-06-04.xml"
VARIANT = Path(__file__).parent / "fixtures" / "readers" / "xml" / "edoc_sections_p8b.xml"
MIDDELFART = [ROOT / "sample_data" / "minutes" / f"middelfart_hennys-testudvalg_2017-05-02_{v}.xml" for v in "ab"]


def read(path: Path, data: bytes | None = None) -> ReadResult:
    return read_source(Source(path.read_bytes() if data is None else data, str(path)))


def test_both_schema_versions_are_claimed_by_the_edoc_reader() -> None:
    for path in [VEJEN, VARIANT, *MIDDELFART]:
        assert EDOC.sniff(Source(path.read_bytes(), path.name)), path.name
    assert read(VEJEN).reader == "edoc-xml"
    assert GENERIC.sniff(Source(VEJEN.read_bytes(), VEJEN.name))  # the generic reader would take it, but comes later


def test_vejen_meeting_facts() -> None:
    m = read(VEJEN).meeting
    assert (m.municipality, m.committee, m.date, m.time) == ("Vejen", "Social- og Sundhedsudvalget",
                                                            date(2024, 6, 4), "15:00")
    assert m.location == "Mødelokale 3, Vejen Rådhus, Rådhuspassagen 3, 6600 Vejen"  # not the DefaultLocation
    assert m.status == "minutes"
    assert m.absentees == ["Birthe Lindgaard (V)"]  # Participate false
    assert "true" not in m.participants and "false" not in m.participants  # flags are no names
    assert "Lene Krogh (A), formand" in m.participants and "Susanne Wulff (Æ)" in m.participants
    assert len([p for p in m.participants if "(sekretær)" not in p]) == 7
    assert m.remarks == ["Preben Moos deltog fra kl. 15.25 under behandlingen af punkt 3."]


def test_vejen_items_numbers_titles_and_closed_item() -> None:
    m = read(VEJEN).meeting
    assert [(it.number, it.title) for it in m.items] == [
        ("1", "Godkendelse af dagsorden"),
        ("2", "Demensstrategi 2024-2028"),
        ("3", "Udvidelse af Plejecenter Møllehaven med 12 pladser"),
        ("4", "Kvalitetsstandard for rehabilitering efter servicelovens § 83 a"),
        ("5", "Tilsynsrapporter fra plejecentre 2023"),
        (None, "Meddelelser"),  # an empty SerialNo: printed without a number, 6th in order
        ("6", "Lukket punkt: Klage over afgørelse om hjælpemidler"),  # its SerialNo, not its SortOrder 7
    ]
    assert [it.closed for it in m.items] == [False] * 6 + [True]
    assert m.items[5].order == 6 and m.items[5].label == "Punkt (nr. 6 i rækkefølgen)"
    assert not m.items[6].decisions
    assert [it.case_number for it in m.items][:2] == ["24/1102", "23/19950"]
    assert m.items[0].absentees == ["Birthe Lindgaard", "Preben Moos"]  # element Absences: item-level only
    assert m.items[2].absentees == ["Birthe Lindgaard"]


def test_vejen_decisions_and_the_earlier_meetings_decision() -> None:
    m = read(VEJEN).meeting
    two = m.items[1]
    assert two.decisions[0].text.startswith("Anbefales over for Byrådet.")
    assert "7,8 pct." in m.items[5].text
    three = m.items[2]
    own = [d for d in three.decisions if (d.body, d.date) == (m.committee, m.date)]
    assert [d.text.split(",")[0] for d in own] == ["Anbefales over for Økonomiudvalget og Byrådet"]
    earlier = [d for d in three.decisions if d not in own]
    assert [(d.body, d.date, d.outcome) for d in earlier] == [
        ("Social- og Sundhedsudvalget", date(2024, 5, 7), "postponed")]
    assert earlier[0].text.startswith("Udsat")
    # each item's own decision is stated once (decision section and "This" handling repeat it)
    assert all(len([d for d in it.decisions if d.date == m.date]) == 1 for it in m.items[:6])


def test_variant_layout_sections_attributes_and_bodies() -> None:
    r = read(VARIANT)
    m = r.meeting
    assert r.reader == "edoc-xml"
    assert (m.committee, m.date, m.time, m.location) == ("Teknik- og Miljøudvalget", date(2024, 6, 11), "16:00",
                                                         "Mødelokale 2, Rådhuset")
    assert m.absentees == ["Kurt Lund (O)"]  # Participate as an attribute
    assert m.remarks == ["Jonna Friis forlod mødet kl. 17.10 under behandlingen af punkt 3."]
    # the closed section comes first in the document, but SortOrder (one scale across sections) orders them
    assert [(it.number, it.title, it.closed) for it in m.items] == [
        ("1", "Trafiksikkerhedsplan 2024-2027", False),
        (None, "Meddelelser", False),
        ("3", "Spildevandsplan – tillæg 3", False),  # no SerialNo field: the number of the "This" handling
        ("4", "Salg af grund", True),  # closed by its section's AccessIsPublic attribute only
    ]
    one = m.items[0]
    # an earlier decision with the same words is still the earlier meeting's, and this meeting's is kept
    assert sorted((d.date, d.text) for d in one.decisions) == [(date(2024, 5, 14), "Udsat."),
                                                               (date(2024, 6, 11), "Udsat.")]
    assert "Planen omfatter 14 skoleveje." in one.text
    three = m.items[2]
    assert [(d.body, d.date, d.text) for d in three.decisions] == [
        ("Økonomiudvalget", date(2024, 6, 3), "Oversendes til Teknik- og Miljøudvalget."),  # by its title
        ("Teknik- og Miljøudvalget", date(2024, 6, 11), "Anbefales over for Byrådet.")]
    assert three.absentees == ["Kurt Lund (O)"]  # Absence Name as an attribute
    assert r.warnings == ["1 element(s) without a SerialNo"]


def test_variant_sections_counting_from_one_keep_their_document_order() -> None:
    data = VARIANT.read_bytes().replace(b"<a:SortOrder>4</a:SortOrder>", b"<a:SortOrder>1</a:SortOrder>")
    m = read(VARIANT, data).meeting
    assert [it.number for it in m.items] == ["4", "1", None, "3"]
