"""Two more versions of real formats (sample_data/portals16, facts in sample_data/portals16-expected.md): an eDoc
(Fujitsu) agenda XML of the 2016 schema whose facts are ATTRIBUTES (printed number, title, case number, meeting
date, absences, attachment titles), with a decision ``Status="Udsat"``, an attachments-only item and a closed item
with a neutral title; and an SBSYS-Aarhus publication.xml AGENDA whose items are in @ID order with a trailing
"0 Åben dagsorden" record, and Word HTML with ``&nbsp;`` and ``&shy;``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from core.errors import IngestError
from ingest.readers import ReadResult, read_source
from ingest.readers.base import Source
from ingest.readers.edoc_xml import READER as EDOC_XML

ROOT = Path(__file__).resolve().parent.parent
VEJEN = ROOT / "sample_data" / "portals16" / "vejen_teknik-og-miljoeudvalget_2024-08-28.xml"
LOLLAND = ROOT / "sample_data" / "portals16" / "lolland_teknik-og-miljoeudvalget_2025-01-14.xml"


def read(path: Path, data: bytes | None = None) -> ReadResult:
    return read_source(Source(path.read_bytes() if data is None else data, str(path)))


def test_readers() -> None:
    assert read(VEJEN).reader == "edoc-xml"
    assert read(LOLLAND).reader == "sbsys-aarhus-xml"


# --- Vejen: eDoc 2016 schema, facts as attributes --------------------------------------------------------


def test_vejen_meeting_facts_from_attributes() -> None:
    m = read(VEJEN).meeting
    assert (m.municipality, m.committee, m.date, m.time) == ("Vejen", "Teknik- og Miljøudvalget",
                                                            date(2024, 8, 28), "15:00")
    assert m.location == "Mødelokale 1, Vejen Rådhus, Rådhuspassagen 3, 6600 Vejen"
    assert m.status == "minutes"
    assert m.absentees == ["Jesper Holm (D)"]
    assert m.participants[0] == "Henrik Dahl (V), formand" and len(m.participants) == 7
    assert m.published == "2024-08-30T08:12:44"  # GeneratedAt, not the meeting date


def test_vejen_without_a_meeting_date_is_a_clear_error() -> None:
    data = VEJEN.read_bytes().replace(b'MeetingDateTime="28-08-2024 15:00"', b"")
    assert data != VEJEN.read_bytes()
    with pytest.raises(IngestError, match="MeetingDateTime"):
        EDOC_XML.read(Source(data, "vejen.xml"))


def test_vejen_items_numbers_titles_and_case_numbers() -> None:
    m = read(VEJEN).meeting
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "00.01.00-A00-34-24"),
        ("2", "Klimatilpasningsplan for Vejen by", "09.02.00-P15-2-23"),
        ("3", "LED-udskiftning af vejbelysning, fase 2", "05.01.10-G01-5-24"),
        ("4", "Udvidelse af Rødding Genbrugsplads", "07.00.00-G01-3-24"),
        ("5", "Kvartalsrapport fra Vejen Forsyning, 2. kvartal 2024", "13.00.00-A00-2-24"),
        ("6", "Forlig vedrørende jordforurening", None),
        ("7", "Meddelelser", "00.01.00-A00-35-24"),
    ]
    assert [it.closed for it in m.items] == [False] * 5 + [True, False]


def test_vejen_decisions_first_words() -> None:
    m = read(VEJEN).meeting
    own = [[d.text for d in it.decisions if (d.body, d.date) == (m.committee, m.date)] for it in m.items]
    assert [len(x) for x in own] == [1, 1, 1, 1, 1, 0, 1]
    assert own[0][0] == "Godkendt."
    assert own[1][0].startswith("Godkendt. For stemte: V, A, O og F (5). Imod stemte: Tina Lauridsen (A)")
    assert own[2][0].startswith("Udsat, idet udvalget ønsker en samlet belysningsplan for Brørup og Holsted")
    assert own[3][0] == "Anbefales over for Økonomiudvalget og Byrådet."
    assert own[4][0] == "Taget til efterretning." and own[6][0] == "Taget til efterretning."


def test_vejen_sections_are_the_case_presentations_cdata() -> None:
    m = read(VEJEN).meeting
    two = m.items[1]
    assert [s.heading for s in two.sections] == ["Sagsfremstilling", "Økonomi", "Indstilling"]
    assert "64 kældre" in two.text and "28 mio. kr." in two.text and "<p>" not in two.text
    assert "2.300 armaturer" in m.items[2].text and "118.000 besøg" in m.items[3].text
    assert "Askov Vej" in m.items[6].text


def test_vejen_postponement_and_the_vote() -> None:
    m = read(VEJEN).meeting
    three = m.items[2].decisions[0]
    assert three.outcome == "postponed"
    assert "igangsættes" not in three.text  # the recommendation was not adopted
    votes = m.items[1].decisions[0].votes
    assert [(v.position, v.count) for v in votes] == [("for", 5), ("against", 1)]
    assert votes[1].members[0].name == "Tina Lauridsen"


def test_vejen_decision_status_states_the_outcome() -> None:
    text = VEJEN.read_text(encoding="utf-8")
    data = text.replace("<p>Udsat, idet udvalget", "<p>Idet udvalget").encode()
    assert data != VEJEN.read_bytes()
    three = read(VEJEN, data).meeting.items[2].decisions[0]
    assert three.text.startswith("Idet udvalget") and three.outcome == "postponed"  # from Status="Udsat"


def test_vejen_attachments_only_item_and_closed_item() -> None:
    m = read(VEJEN).meeting
    five, six = m.items[4], m.items[5]
    assert five.attachments == ["Kvartalsrapport 2. kvartal 2024", "Driftsstatus for Vejen Centralrenseanlæg"]
    assert not five.sections
    assert not six.sections and not six.decisions and "Lukket sag" not in six.text
    assert m.items[0].absentees == ["Jesper Holm"] and not six.absentees


# --- Lolland: SBSYS-Aarhus publication.xml agenda ----------------------------------------------------------


def test_lolland_meeting_facts() -> None:
    m = read(LOLLAND).meeting
    assert (m.municipality, m.committee, m.date, m.time) == ("Lolland", "Teknik- og Miljøudvalget",
                                                            date(2025, 1, 14), "15:00")
    assert m.location == "Mødelokale 3, Rådhuset, Jernbanegade 7, 4930 Maribo"
    assert m.status == "agenda"
    assert m.absentees == ["Claus Dam"]
    assert m.published == "2025-01-08T13:40:11"


def test_lolland_items_in_agenda_order_without_the_document_record() -> None:
    m = read(LOLLAND).meeting
    assert [(it.number, it.title) for it in m.items] == [
        ("1", "Godkendelse af dagsorden"),
        ("2", "Havnebad i Nakskov - placering og finansiering"),
        ("3", "Ny busplan 2025 for Lolland"),
        ("4", "Klimadige ved Rødbyhavn - status"),
        ("5", "Vandløbsregulativ for Søndersø Å - endelig vedtagelse"),
        ("6", "Lukket punkt: Ekspropriation af areal til cykelsti"),
        ("7", "Orientering"),
    ]
    assert [it.closed for it in m.items] == [False] * 5 + [True, False]
    assert all(it.case_number is None and not it.decisions for it in m.items)  # an agenda: empty Beslutning


def test_lolland_word_html_entities() -> None:
    m = read(LOLLAND).meeting
    two, three, five = m.items[1], m.items[2], m.items[4]
    assert "7,2 mio. kr." in two.text and "8,9 mio. kr." in two.text and "moleanlægget" in two.text
    assert "halvtimesdrift" in three.text and "grødeskæringen" in five.text
    assert not any("\u00ad" in it.text or "\u00a0" in it.text for it in m.items)
    assert "font-family" not in two.text
