"""The eDoc (Fujitsu) readers on two more versions (sample_data/portals15, facts in sample_data/portals15-expected.md):
a 2009 agenda XML with a DEFAULT namespace, ISO date-times with zone (``MeetingStart``), entity-escaped HTML, the
decision only in the ``HandlingPlan`` (Previous/This/Next, "Beslutning ikke frigivet"), the closed element first in
the file and an attachment with its own text; and a windows-1252 AgendaWeb HTML referat with "Åbne/Lukkede punkter",
a members table with a role column, a remark on a late arrival, per-item absence notes and two decision blocks.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from core.errors import IngestError
from ingest.readers import ReadResult, read_source
from ingest.readers.base import Source
from ingest.readers.edoc_html import READER as EDOC_HTML
from ingest.readers.edoc_xml import READER as EDOC_XML

ROOT = Path(__file__).resolve().parent.parent
HOLSTEBRO = ROOT / "sample_data" / "portals15" / "holstebro_teknik-og-miljoeudvalget_2025-06-10.xml"
HADERSLEV = ROOT / "sample_data" / "portals15" / "haderslev_oekonomiudvalget_2024-01-23.html"


def read(path: Path, data: bytes | None = None) -> ReadResult:
    return read_source(Source(path.read_bytes() if data is None else data, str(path)))


def test_both_files_are_read_by_the_edoc_readers() -> None:
    assert EDOC_XML.sniff(Source(HOLSTEBRO.read_bytes(), "x.xml"))
    assert EDOC_HTML.sniff(Source(HADERSLEV.read_bytes(), "x.html"))
    assert read(HOLSTEBRO).reader == "edoc-xml"
    assert read(HADERSLEV).reader == "edoc-html"


# --- Holstebro: 2009 XML, default namespace ---------------------------------------------------------------


def test_holstebro_meeting_facts() -> None:
    m = read(HOLSTEBRO).meeting
    assert (m.municipality, m.committee, m.date, m.time) == ("Holstebro", "Teknik- og Miljøudvalget",
                                                            date(2025, 6, 10), "15:00")
    assert m.location == "Mødelokale 3, Holstebro Rådhus, Kirkestræde 11, 7500 Holstebro"
    assert m.status == "minutes"
    assert m.absentees == ["Louise Riis (F)"]  # Per Mose (C) was inhabil on item 5 only
    assert m.participants[0] == "Kirsten Bach (V), formand" and len(m.participants) == 7


def test_holstebro_meeting_start_is_read_without_the_handlings_dates() -> None:
    text = HOLSTEBRO.read_text(encoding="utf-8")
    data = text.replace("<MeetingDate>10-06-2025 15:00</MeetingDate>", "").encode()
    assert data != HOLSTEBRO.read_bytes()
    m = read(HOLSTEBRO, data).meeting
    assert (m.date, m.time) == (date(2025, 6, 10), "15:00")  # from MeetingStart "2025-06-10T15:00:00+02:00"
    moved = text.replace("2025-06-10T15:00:00+02:00", "2025-06-10T13:30:00Z").encode()
    assert read(HOLSTEBRO, moved).meeting.time == "15:30"  # the zone's instant, as the Danish clock (CEST)


def test_holstebro_without_any_meeting_date_is_a_clear_error() -> None:
    text = HOLSTEBRO.read_text(encoding="utf-8")
    data = text.replace("<MeetingDate>10-06-2025 15:00</MeetingDate>", "").replace(
        "<MeetingStart>2025-06-10T15:00:00+02:00</MeetingStart>", "").encode()
    with pytest.raises(IngestError, match="MeetingDateTime"):
        EDOC_XML.read(Source(data, "holstebro.xml"))


def test_holstebro_items_in_agenda_order_by_serial_number() -> None:
    m = read(HOLSTEBRO).meeting
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "25-011873"),
        ("2", "Revision af regulativ for Storå", "23-004512"),
        ("3", "Parkeringsstrategi for Holstebro bymidte", "24-019960"),
        ("4", "Anlægsbevilling - renovering af broen over Storå ved Sønderbrogade", "25-002277"),
        ("5", "Landzonetilladelse til solcelleanlæg ved Sir", "24-022418"),
        ("6", "Erhvervelse af ejendom til vejudvidelse", None),  # the closed element, first in the file
        ("7", "Meddelelser", "25-011874"),
    ]
    assert [it.closed for it in m.items] == [False] * 5 + [True, False]
    assert not m.items[5].decisions


def test_holstebro_decisions_of_this_meeting() -> None:
    m = read(HOLSTEBRO).meeting
    own = [[d.text for d in it.decisions if (d.body, d.date) == (m.committee, m.date)] for it in m.items]
    assert [len(x) for x in own] == [1, 1, 1, 1, 1, 0, 1]
    assert own[0][0] == "Godkendt."
    assert own[1][0].startswith("Godkendt med den ændring, at grødeskæringen på strækningen gennem Holstebro by "
                                "reduceres til 2 gange årligt.")
    assert own[2][0].startswith("Udvalget anbefaler, at der indføres 3 timers gratis parkering på "
                                "Nørreport-p-pladsen")
    assert own[3][0].startswith("Anbefales over for Økonomiudvalget og Byrådet.")
    assert own[4][0].startswith("Landzonetilladelse meddeles på vilkår om afskærmende beplantning, dog således at "
                                "beplantningsbæltet mod nord skal være 15 meter bredt.")
    assert own[6][0].startswith("Taget til efterretning.")


def test_holstebro_handling_plan_previous_is_earlier_and_next_is_no_decision() -> None:
    three = read(HOLSTEBRO).meeting.items[2]
    assert [(d.body, d.date, d.text) for d in three.decisions][0] == (
        "Teknik- og Miljøudvalget", date(2025, 5, 6), "Udsat.")
    assert [d.body for d in three.decisions] == ["Teknik- og Miljøudvalget"] * 2  # no Økonomiudvalget, Byrådet
    assert "Beslutning ikke frigivet" not in three.text
    assert [v.position for v in three.decisions[1].votes] == ["for", "against"]


def test_holstebro_attachment_text_is_a_section_of_its_item() -> None:
    four = read(HOLSTEBRO).meeting.items[3]
    assert four.attachments == ["Bilag 1: Rådgivernotat - tilstand af Sønderbrogade bro"]
    note = next(s for s in four.sections if s.heading.startswith("Bilag 1"))
    assert "tilstandskarakter 4" in note.text and "5-8 år" in note.text and "18 tons" in note.text
    assert "11,7 mio. kr." in four.text


def test_holstebro_item_absences_name_each_member_once() -> None:
    m = read(HOLSTEBRO).meeting
    assert m.items[4].absentees == ["Louise Riis (F)", "Per Mose (C)"]  # not also "Per Mose", "Louise Riis"
    assert "Per Mose (C)" not in m.absentees
    assert m.items[1].absentees == ["Louise Riis (F)"]
    assert "<p>" not in m.items[1].text and "&lt;" not in m.items[1].text  # entity-escaped HTML read as HTML


# --- Haderslev: windows-1252 AgendaWeb HTML ----------------------------------------------------------------


def test_haderslev_is_windows_1252() -> None:
    data = HADERSLEV.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    m = read(HADERSLEV).meeting
    assert m.committee == "Økonomiudvalget" and m.items[6].title == "Køb af ejendom"


def test_haderslev_meeting_facts() -> None:
    m = read(HADERSLEV).meeting
    assert (m.municipality, m.committee, m.date, m.time) == ("Haderslev", "Økonomiudvalget", date(2024, 1, 23),
                                                            "14:00")
    assert m.location == "Byrådssalen, Rådhuset, Gåskærgade 26, 6100 Haderslev"
    assert m.status == "minutes"
    assert m.absentees == ["Anette Toft (C)"]  # Lene Eskildsen (Ø) came at 14.40: not absent from the meeting
    assert m.remarks == ["Lene Eskildsen (Ø) deltog fra kl. 14.40 fra og med punkt 3."]
    assert m.participants[:3] == ["Carsten Lund (V), formand", "Dorthe Nissen (A), næstformand", "Bente Kruse (A)"]
    assert len(m.participants) == 9


def test_haderslev_items_and_closed_items_with_titles_only() -> None:
    m = read(HADERSLEV).meeting
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "24/1022"),
        ("2", "Regnskabsprognose pr. 31. december 2023", "23/30441"),
        ("3", "Salg af erhvervsgrund i Vojens Nord", "23/27810"),
        ("4", "Anlægsbevilling til ny daginstitution i Hoptrup", "23/19277"),
        ("5", "Renovering af Dampskibsbroen - frigivelse af anlægsmidler", "23/28802"),
        ("6", "Personalesag", None),
        ("7", "Køb af ejendom", None),
    ]
    assert [it.closed for it in m.items] == [False] * 5 + [True, True]
    assert not m.items[5].decisions and not m.items[6].decisions and not m.items[5].sections


def test_haderslev_decisions_this_meeting_first_then_the_earlier_body() -> None:
    m = read(HADERSLEV).meeting
    firsts = [it.decisions[0] for it in m.items[:5]]
    assert all((d.body, d.date) == (m.committee, m.date) for d in firsts)
    assert firsts[0].text == "Godkendt."
    assert firsts[1].text.startswith("Anbefales over for Byrådet, idet Økonomiudvalget beder om en handleplan")
    assert firsts[2].text.startswith("Godkendt.") and "Stemmer imod: 1 (Ø)" in firsts[2].text
    assert firsts[3].text.startswith("Anbefales over for Byrådet med model A (100 pladser)")
    assert firsts[4].text.startswith("Godkendt. Økonomiudvalget ønsker en orientering")
    four = m.items[3]
    assert [(d.body, d.date) for d in four.decisions] == [
        ("Økonomiudvalget", date(2024, 1, 23)), ("Børne- og Familieudvalget", date(2024, 1, 10))]
    assert "model B" in four.decisions[1].text


def test_haderslev_late_arrival_is_absent_from_the_first_items_only() -> None:
    m = read(HADERSLEV).meeting
    assert [it.absentees for it in m.items[:5]] == [["Anette Toft (C)", "Lene Eskildsen (Ø)"]] * 2 + [
        ["Anette Toft (C)"]] * 3
    assert "Fraværende: Lene Eskildsen (Ø)" in m.items[0].text  # printed with its own reason, not as "Afbud"
    assert "Afbud: Anette Toft (C), Lene Eskildsen" not in m.items[0].text
    assert "Lene Eskildsen" not in m.items[2].text
