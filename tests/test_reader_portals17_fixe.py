"""Two more versions of real formats (sample_data/portals17, facts in sample_data/portals17-expected.md): an EG-style
publication XML read by the generic XML reader, whose decisions are the case's handlings (``Behandlinger/
Behandling`` with organ, date, result and a current flag, XHTML elements as the text), and an SBSYS eDagsorden
Publication holding TWO ``Agenda`` elements for the same meeting (the tillægsdagsorden's item 7 in the second).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from core.errors import IngestError
from ingest.readers import ReadResult, read_source
from ingest.readers.base import Source
from ingest.readers.sbsys_xml import READER as SBSYS_XML

ROOT = Path(__file__).resolve().parent.parent
ESBJERG = ROOT / "sample_data" / "portals17" / "esbjerg_boern-og-familie-udvalget_2024-06-03.xml"
GRIBSKOV = ROOT / "sample_data" / "portals17" / "gribskov_boerneudvalget_2024-10-01.xml"


def read(path: Path, data: bytes | None = None) -> ReadResult:
    return read_source(Source(path.read_bytes() if data is None else data, str(path)))


def edited(path: Path, old: bytes, new: bytes) -> bytes:
    data = path.read_bytes()
    assert old in data
    return data.replace(old, new)


def test_readers() -> None:
    assert read(ESBJERG).reader == "generic-xml"
    assert read(GRIBSKOV).reader == "sbsys-publication-xml"


# --- Esbjerg: EG-style publication XML, decisions as the case's handlings ------------------------------------


def test_esbjerg_meeting_facts() -> None:
    m = read(ESBJERG).meeting
    assert (m.municipality, m.committee, m.date, m.time) == ("Esbjerg", "Børn & Familie Udvalget",
                                                            date(2024, 6, 3), "16:00")
    assert m.location == "Mødelokale 1, Esbjerg Rådhus, Torvegade 74, 6700 Esbjerg"
    assert m.status == "minutes"
    assert m.absentees == ["Ole Bach (V)"]  # Fremmoede="Afbud"; Karen Lund came late, Mads Kjær inhabil on item 4
    assert len(m.participants) == 7 and "Karen Lund (A)" in m.participants
    assert m.remarks == ["Karen Lund (A): Ankom kl. 16.25 under behandlingen af punkt 2"]


def test_esbjerg_items_printed_numbers_not_running_numbers() -> None:
    m = read(ESBJERG).meeting
    assert [(it.number, it.title, it.case_number, it.closed) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "24/11903", False),
        ("2", "Kvalitetsrapport for dagtilbud 2023", "23/28810", False),
        ("3", "Forebyggende indsats for unge i Esbjerg Øst", "24/04472", False),
        ("4", "Driftsoverenskomst med Skovbørnehaven Mosegården", "24/06615", False),
        ("5", "Ændring af skoledistrikt for Spangsbjerg Skole", "23/31120", False),
        ("6", "Lukket punkt: Personalesag", None, True),
        ("7", "Meddelelser", "24/11904", False),
    ]


def test_esbjerg_decisions_first_words() -> None:
    m = read(ESBJERG).meeting
    first = {it.number: it.decisions[0].text if it.decisions else None for it in m.items}
    assert first == {
        "1": "Godkendt.",
        "2": "Godkendt og sendes til Byrådet. Udvalget ønsker en særskilt opfølgning på de 9 dagtilbud på mødet i "
             "november.",
        "3": "Godkendt. For stemte: A, V, SF og K (6). Imod stemte: Finn Holst (DF), der ønsker pengene brugt på "
             "flere politibetjente.",
        "4": "Godkendt. Mads Kjær (SF) deltog ikke i behandlingen på grund af inhabilitet.",
        "5": "Forslaget sendes i høring som indstillet.",
        "6": None,
        "7": "Taget til efterretning.",
    }
    for it in m.items:
        for dec in it.decisions[:1]:
            assert (dec.body, dec.date) == ("Børn & Familie Udvalget", date(2024, 6, 3))
    assert m.items[6].decisions[0].outcome == "noted"
    assert "Beslutning" in m.items[0].text and "Behandlinger" not in m.items[0].text


def test_esbjerg_item5_earlier_handling_kept_with_its_date() -> None:
    it = read(ESBJERG).meeting.items[4]
    assert [(d.date, d.outcome) for d in it.decisions] == [(date(2024, 6, 3), "approved"),
                                                           (date(2024, 5, 6), "postponed")]
    assert it.decisions[1].text.startswith("Udsat, idet udvalget ønsker en vurdering af skolevejen")


def test_esbjerg_vote_and_item_only_absence() -> None:
    m = read(ESBJERG).meeting
    votes = m.items[2].decisions[0].votes
    assert [(v.position, v.count) for v in votes] == [("for", 6), ("against", 1)]
    assert [(p.name, p.party) for p in votes[1].members] == [("Finn Holst", "DF")]
    assert m.items[3].absentees == ["Mads Kjær (SF)"]
    assert "Mads Kjær (SF)" not in m.absentees


def test_esbjerg_without_current_flag_the_meeting_days_handling_is_this_meetings() -> None:
    data = ESBJERG.read_bytes().replace(b' Aktuel="true"', b"")
    assert data != ESBJERG.read_bytes()
    it = read(ESBJERG, data).meeting.items[4]
    assert [d.date for d in it.decisions] == [date(2024, 6, 3), date(2024, 5, 6)]
    assert it.decisions[0].text == "Forslaget sendes i høring som indstillet."


def test_esbjerg_current_flag_wins_over_document_order() -> None:
    data = edited(ESBJERG, b'Dato="2024-05-06" Resultat="Udsat">', b'Dato="2024-05-06" Resultat="Udsat" Aktuel="true">')
    data = data.replace(b'Resultat="Godkendt" Aktuel="true"><x:p>Forslaget', b'Resultat="Godkendt"><x:p>Forslaget')
    it = read(ESBJERG, data).meeting.items[4]
    assert it.decisions[0].date == date(2024, 5, 6) and it.decisions[0].outcome == "postponed"


# --- Gribskov: SBSYS publication with a second Agenda (tillægsdagsorden) of the same meeting ----------------


def test_gribskov_meeting_facts_one_meeting() -> None:
    r = read(GRIBSKOV)
    assert len(r.meetings) == 1
    m = r.meeting
    assert (m.municipality, m.committee, m.date, m.time) == ("Gribskov", "Børneudvalget", date(2024, 10, 1), "16:00")
    assert m.location == "Mødelokale Kulsvierstuen, Gribskov Rådhus, Rådhusvej 3, 3200 Helsinge"
    assert m.status == "minutes"
    assert m.absentees == ["Jakob Lerche (Ø)"]  # "Deltog virtuelt via Teams" is presence
    assert len(m.participants) == 7 and {"Trine Vang (C)", "Poul Skarp (A)"} <= set(m.participants)
    assert not any("agendas" in w for w in r.warnings)


def test_gribskov_items_include_the_supplementary_agenda() -> None:
    m = read(GRIBSKOV).meeting
    assert [(it.number, it.title, it.case_number, it.closed) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "00.22.00-A00-31-24", False),
        ("2", "Madordning i dagtilbud - forældretilfredshed og fravalg 2025", "28.00.00-A00-5-24", False),
        ("3", "Sammenlægning af Helsinge Skole og Ramløse Skole", "17.01.00-G01-8-23", False),
        ("4", "Frokostordning i SFO - forsøg", "17.00.00-A00-11-24", False),
        ("5", "Lukket punkt: Klage over visitation til specialklasse", None, True),
        ("6", "Meddelelser", "00.22.00-A00-32-24", False),
        ("7", "Akut behov for ekstra pladser i Vejby Børnehus", "28.09.00-G01-3-24", False),
    ]
    assert [it.order for it in m.items] == list(range(1, 8))


def test_gribskov_decisions_first_words() -> None:
    m = read(GRIBSKOV).meeting
    first = {it.number: it.decisions[0].text if it.decisions else None for it in m.items}
    assert first["1"] == "Godkendt. Afbud: Jakob Lerche (Ø)."
    assert first["2"] == "Taget til efterretning. Taksten på 865 kr. godkendes. Afbud: Jakob Lerche (Ø)."
    assert first["3"] is not None and first["3"].startswith(
        "Anbefales over for Byrådet, dog således at 7. klasse fortsat undervises i Ramløse-afdelingen. "
        "For stemte: V, C og A (5). Imod stemte: Lise Kvist (O)")
    assert first["5"] is None
    assert first["7"] == "Godkendt. Afbud: Jakob Lerche (Ø)."
    assert m.items[6].decisions[0].date == date(2024, 10, 1)
    assert "620.000 kr." in m.items[6].text and "15 børnehavepladser" in m.items[6].text


def test_gribskov_an_agenda_of_another_meeting_is_not_merged() -> None:
    data = edited(GRIBSKOV, "Børneudvalget - 01-10-2024 - Tillægsdagsorden".encode(),
                  "Børneudvalget - 08-10-2024 - Tillægsdagsorden".encode())
    head, sep, tail = data.partition(b'<Agenda ID="8840">')
    tail = tail.replace(b"<When><![CDATA[01-10-2024 16:00:00]]></When>",
                        b"<When><![CDATA[08-10-2024 16:00:00]]></When>")
    r = read(GRIBSKOV, head + sep + tail)
    assert [it.number for it in r.meeting.items] == ["1", "2", "3", "4", "5", "6"]
    assert any("other meetings" in w for w in r.warnings)


def test_gribskov_a_repeated_item_is_read_once() -> None:
    data = GRIBSKOV.read_bytes()
    head, sep, tail = data.partition(b'<Agenda ID="8840">')
    first_item = data[data.index(b'<Item ID="3cacadaf">'):data.index(b"</Item>") + len(b"</Item>")]
    tail = tail.replace(b"<Items>", b"<Items>" + first_item, 1)
    m = read(GRIBSKOV, head + sep + tail).meeting
    assert [it.number for it in m.items] == ["1", "2", "3", "4", "5", "6", "7"]


def test_gribskov_without_a_meeting_date_is_a_clear_error() -> None:
    data = edited(GRIBSKOV, b"<When><![CDATA[01-10-2024 16:00:00]]></When>", b"<When></When>")
    data = data.replace("<Name><![CDATA[Børneudvalget - 01-10-2024]]></Name>".encode(), b"<Name>X</Name>")
    with pytest.raises(IngestError, match="meeting date"):
        SBSYS_XML.read(Source(data, "gribskov.xml"))
