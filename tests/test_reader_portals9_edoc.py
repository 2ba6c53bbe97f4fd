"""The eDoc (Fujitsu) readers on two more variants (sample_data/portals9, facts in sample_data/portals9-expected.md):
the older 2007 agenda XML (date and start time in separate fields, ``Items/Item`` with a printed ``ItemNo`` that
differs from its ``Sequence``, decision-only items, per-item absentees, the meeting's remark) and an AgendaWeb HTML
agenda with one ``table.xsltItem`` per item, a members table and a closed item listed only in the table of contents.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ingest.readers import ReadResult, read_source
from ingest.readers.base import Source
from ingest.readers.edoc_html import READER as EDOC_HTML
from ingest.readers.edoc_xml import READER as EDOC_XML

ROOT = Path(__file__).resolve().parent.parent
HOERSHOLM = ROOT / "sample_data" / "portals9" / "hoersholm_plan-og-miljoeudvalget_2024-10-07.xml"
STEVNS = ROOT / "sample_data" / "portals9" / "stevns_teknik-og-miljoeudvalget_2024-09-03.html"


def read(path: Path, data: bytes | None = None) -> ReadResult:
    return read_source(Source(path.read_bytes() if data is None else data, str(path)))


def test_both_files_are_read_by_the_edoc_readers() -> None:
    assert EDOC_XML.sniff(Source(HOERSHOLM.read_bytes(), "x.xml"))
    assert EDOC_HTML.sniff(Source(STEVNS.read_bytes(), "x.html"))
    assert read(HOERSHOLM).reader == "edoc-xml"
    assert read(STEVNS).reader == "edoc-html"


def test_hoersholm_meeting_facts() -> None:
    m = read(HOERSHOLM).meeting
    assert (m.municipality, m.committee, m.date, m.time) == ("Hørsholm", "Plan- og Miljøudvalget",
                                                            date(2024, 10, 7), "16:30")
    assert m.location == "Mødelokale Rungsted, Hørsholm Rådhus, Ådalsparkvej 2, 2970 Hørsholm"
    assert m.status == "minutes"
    assert m.absentees == ["Sidsel Vang (C)"]  # Present false; Anne Ravnsborg came late, she was not absent
    assert "Karsten Lund (C), formand" in m.participants and len(m.participants) == 7
    assert m.remarks == ["Anne Ravnsborg (V) deltog fra kl. 17.10 under behandlingen af punkt 3."]


def test_hoersholm_items_by_printed_number_not_sequence() -> None:
    m = read(HOERSHOLM).meeting
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", None),
        ("2", "Forslag til Lokalplan 179 for Rungsted Havn", "2024-004512"),
        ("3", "Klimatilpasning langs Usserød Å - skitseprojekt", "2023-011208"),
        ("4", "Parkeringsstrategi for Hørsholm Midtby", "2024-006631"),
        ("4a", "Tillægspunkt: Høringssvar til Forsyning Hørsholm om takster 2025", "2024-013390"),
        ("5", "Meddelelser", None),
        ("6", "Lukket punkt: Ekspropriation - Hørsholm Kongevej", "2024-009902"),
    ]
    assert [it.closed for it in m.items] == [False] * 6 + [True]
    assert [s.heading for s in m.items[1].sections] == ["Resumé", "Sagsfremstilling", "Indstilling"]
    assert not m.items[0].sections and not m.items[5].sections  # decision-only items
    assert m.items[0].absentees == ["Sidsel Vang", "Anne Ravnsborg"]
    assert m.items[2].absentees == ["Sidsel Vang"]


def test_hoersholm_decisions_are_this_meetings() -> None:
    m = read(HOERSHOLM).meeting
    assert all([(d.body, d.date) for d in it.decisions] == [(m.committee, m.date)] for it in m.items)
    firsts = [it.decisions[0].text for it in m.items]
    assert firsts[0] == "Godkendt."
    assert firsts[1].startswith("Anbefales over for Økonomiudvalget og Kommunalbestyrelsen, at forslaget sendes i "
                                "offentlig høring i 8 uger.")
    assert "Imod stemte: Ø (1)" in firsts[1] and "havnetorvet bør være større" in firsts[1]
    assert firsts[3].startswith("Udsat til næste møde")
    assert firsts[4] == "Godkendt med de af formanden foreslåede ændringer."
    assert firsts[5] == "Taget til efterretning." and firsts[6] == "Godkendt."  # the closed item's decision too
    assert [it.decisions[0].outcome for it in m.items] == [
        "approved", "approved", "approved", "postponed", "approved", "noted", "approved"]


def test_hoersholm_decision_heading_naming_an_earlier_meeting() -> None:
    data = HOERSHOLM.read_bytes().replace(
        "<edoc:DecisionHeading>Beslutning i Plan- og Miljøudvalget den 07-10-2024</edoc:DecisionHeading>\r\n"
        "            <edoc:DecisionText><![CDATA[<p>Udsat".encode(),
        "<edoc:DecisionHeading>Beslutning i Plan- og Miljøudvalget den 02-09-2024</edoc:DecisionHeading>\r\n"
        "            <edoc:DecisionText><![CDATA[<p>Udsat".encode(), 1)
    assert data != HOERSHOLM.read_bytes()
    four = read(HOERSHOLM, data).meeting.items[3]
    assert [(d.body, d.date) for d in four.decisions] == [("Plan- og Miljøudvalget", date(2024, 9, 2))]


def test_hoersholm_layout_outside_the_edoc_namespace_is_not_claimed() -> None:
    data = HOERSHOLM.read_bytes().replace(b"http://www.fujitsu.dk/agenda/xml/", b"http://example.org/other/")
    assert not EDOC_XML.sniff(Source(data, "x.xml"))


def test_stevns_meeting_facts() -> None:
    m = read(STEVNS).meeting
    assert (m.municipality, m.committee, m.date, m.time) == ("Stevns", "Teknik- og Miljøudvalget",
                                                            date(2024, 9, 3), "15:00")
    assert m.location == "Mødelokale 1, Stevns Rådhus, Rådhuspladsen 4, 4660 Store Heddinge"
    assert m.status == "agenda"
    assert m.absentees == ["Per Ulrik (V)"]
    assert m.participants[0] == "Bjarne Kofoed (A), formand" and len(m.participants) == 5


def test_stevns_items_and_the_closed_item_listed_only_in_the_contents() -> None:
    m = read(STEVNS).meeting
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "24-000301"),
        ("2", "Vejbelysning - udskiftning til LED, etape 2", "24-008812"),
        ("3", "Kystsikring ved Strøby Egede - forundersøgelse", "24-006017"),
        ("4", "Affaldsplan 2025-2036 - udkast til høring", "24-007730"),
        ("5", "Vintertjeneste 2024/25 - serviceniveau", "24-009101"),
        ("6", "Meddelelser", "24-000302"),
        ("7", "Lukket: Køb af jord til regnvandsbassin ved Hårlev", None),
    ]
    assert [it.closed for it in m.items] == [False] * 6 + [True]
    assert not any(it.decisions for it in m.items)  # an agenda: the earlier meeting's decision is no decision
    assert [s.heading for s in m.items[1].sections] == ["Præsentation", "Forvaltningen foreslår", "Sagsbeskrivelse",
                                                        "Økonomi"]
    assert "Udvalget besluttede den 6. august 2024" in m.items[2].text
    assert not m.items[6].sections


def test_stevns_contents_entry_with_a_body_is_not_repeated() -> None:
    text = STEVNS.read_text(encoding="utf-8-sig")
    body = ('<div class="xsltItemsHeader">Lukkede sager<br /></div>\n<table class="xsltItem">'
            '<tr class="xsltTitleRow"><td class="xsltTitle"><a name="9345a915-feb0-4634-bca4-537f44b00011"></a>7. </td>'
            '<td class="xsltTitleText"><div class="xsltTitle">Lukket: Køb af jord</div></td></tr>'
            '<tr class="xsltSubTitleRow"><td></td><td><div class="xsltSubTitle">Sagsnr.: 24-001234</div></td>'
            '<td><div class="xsltSubTitle">Lukket</div></td></tr></table>')
    data = text.replace('<div class="xsltItemsHeader">Lukkede sager<br /></div>', body).encode()
    m = read(STEVNS, data).meeting
    assert [(it.number, it.title, it.case_number, it.closed) for it in m.items][5:] == [
        ("6", "Meddelelser", "24-000302", False), ("7", "Lukket: Køb af jord", "24-001234", True)]
