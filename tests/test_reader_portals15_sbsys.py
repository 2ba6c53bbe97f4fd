"""The SBSYS publication readers on two more versions (sample_data/portals15, facts in
sample_data/portals15-expected.md): an eDagsorden Publication whose items are grouped in ``ItemGroups`` (open, then
closed: document order 1-5, 7, 6), with ISO date-times and a decision field captioned "<Udvalg>s beslutning"; and a
compact SBSYS-Aarhus publication.xml, indented and entity-escaped, with sub-items nested in their parent and
enclosures that carry their own text.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from lxml import etree

from core.errors import IngestError
from ingest.readers import ReadResult, read_source
from ingest.readers.base import ItemDraft, Source
from ingest.readers.sbsys_parts import agenda_items, enclosure_sections
from ingest.readers.xmlutil import text

ROOT = Path(__file__).resolve().parent.parent
REBILD = ROOT / "sample_data" / "portals15" / "rebild_plan-og-udviklingsudvalget_2023-06-13.xml"
SKANDERBORG = ROOT / "sample_data" / "portals15" / "skanderborg_oekonomiudvalget_2024-04-17.xml"
INGER = "Afbud: Inger Dahl (C)."
ABSENT = "Afbud: Karina Storgaard. Fraværende: Martin Holm."


def read(path: Path) -> ReadResult:
    return read_source(Source(path.read_bytes(), str(path)))


def flat(value: str) -> str:
    return " ".join(value.split())


def test_rebild_meeting_facts() -> None:
    r = read(REBILD)
    m = r.meeting
    assert r.reader == "sbsys-publication-xml"  # not the generic XML reader
    assert (m.municipality, m.committee) == ("Rebild", "Plan- og Udviklingsudvalget")
    # When "2023-06-13T08:30:00+02:00"; not Published 15-06-2023 or Concluded 11:04
    assert (m.date, m.time) == (date(2023, 6, 13), "08:30")
    assert m.published == "2023-06-15T09:41:12"
    assert m.location == "Mødelokale 1, Rebild Rådhus, Hobrovej 88, 9530 Støvring"
    assert len(m.participants) == 7 and "Torben Leth (DF)" in m.participants
    assert m.absentees == ["Inger Dahl (C)"]  # Nikolaj Bruun (F) is inhabil on item 4 only
    assert m.status == "minutes" and not m.extraordinary


def test_rebild_grouped_items_in_printed_order() -> None:
    m = read(REBILD).meeting
    assert [(it.number, it.title, it.case_number, it.closed) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "00.22.00-A00-7-23", False),
        ("2", "Forslag til lokalplan 412 - Boligområde ved Skørping Nord", "01.02.05-P16-3-22", False),
        ("3", "Planstrategi 2023 - endelig vedtagelse", "01.02.20-P15-1-22", False),
        ("4", "Landzonetilladelse til hestepension ved Terndrup", "01.03.03-P19-44-23", False),
        ("5", "Byfornyelse i Støvring bymidte - ansøgning til pulje", "02.00.00-G01-2-23", False),
        ("6", "Lukket punkt: Ekspropriation til cykelsti mellem Nørager og Haverslev", None, True),
        ("7", "Meddelelser", "00.22.00-A00-8-23", False),
    ]


def test_rebild_decisions_under_the_committees_caption() -> None:
    m = read(REBILD).meeting
    texts = {it.number: [flat(d.text) for d in it.decisions] for it in m.items}
    assert texts == {
        "1": [f"Godkendt. {INGER}"],
        "2": ["Forslaget blev vedtaget med 5 stemmer mod 1. Torben Leth (DF) stemte imod, idet han ønsker højst 60 "
              f"boliger i området. Forslaget sendes i offentlig høring i 8 uger. {INGER}"],
        "3": ["Anbefales over for Økonomiudvalget og Byrådet med de ændringer, der fremgår af hvidbogen, dog således "
              f"at Haverslev også udpeges som udviklingsby. {INGER}"],
        "4": ["Landzonetilladelse meddeles på vilkår om placering af møddingen syd for laden og afskærmende "
              "beplantning mod nord. Nikolaj Bruun (F) deltog ikke i behandlingen af punktet på grund af "
              f"inhabilitet. {INGER}"],
        "5": [f"Godkendt. {INGER}"],
        "6": [],
        "7": [f"Taget til efterretning. {INGER}"],
    }
    assert all(d.body == "Plan- og Udviklingsudvalget" and d.date == date(2023, 6, 13)
               for it in m.items for d in it.decisions)
    item3 = m.items[2]  # "Tidligere beslutninger" (Byrådet, Økonomiudvalget) is a section, not this decision
    assert [s.heading for s in item3.sections] == ["Sagsresume", "Tidligere beslutninger", "Sagsbeskrivelse",
                                                   "Indstilling fra Center Plan, Byg og Vej"]
    assert "Byrådet den 23. februar 2023" in item3.sections[1].text
    assert "Støvring, Skørping og Nørager" in item3.sections[2].text  # CKEditor entities in CDATA decoded
    assert m.items[0].sections == [] and not m.items[5].sections  # item 1: decision only; item 6: title only
    assert [s.heading for s in m.items[4].sections][2] == "Økonomi"
    assert [(v.position, v.count) for v in m.items[1].decisions[0].votes] == [("for", 5), ("against", 1)]


def test_skanderborg_meeting_facts() -> None:
    r = read(SKANDERBORG)
    m = r.meeting
    assert r.reader == "sbsys-aarhus-xml"
    assert (m.municipality, m.committee, m.date, m.time) == ("Skanderborg", "Økonomiudvalget", date(2024, 4, 17),
                                                            "15:00")
    assert m.location == "Mødelokale Sølund, Skanderborg Rådhus, Adelgade 44, 8660 Skanderborg"
    assert m.absentees == ["Karina Storgaard", "Martin Holm"]  # Participate false, Note Afbud / Fraværende
    assert len(m.participants) == 9
    assert m.status == "minutes"
    assert m.published == "2024-04-18T07:02:11+02:00"  # the TimeStamp, not the meeting


def test_skanderborg_nested_sub_items_and_decisions() -> None:
    m = read(SKANDERBORG).meeting
    # 5.1/5.2 nested in item 5 follow it; the trailing "0" referat records are left out
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", None),
        ("2", "Regnskab 2023 - overførsler til 2024", None),
        ("3", "Ny svømmehal i Galten - projektforslag", None),
        ("4", "Boligsocial helhedsplan for Højvangen 2024-2028", None),
        ("5", "Temarevision af Kommuneplan 2025", None),
        ("5.1", "Nye boligområder i Ry", None),
        ("5.2", "Testområder for solceller", None),
        ("6", "Lukket: Køb af ejendom i Hørning", None),
        ("7", "Meddelelser", None),
    ]
    own = {it.number: [flat(d.text) for d in it.decisions if d.body == "Økonomiudvalget"] for it in m.items}
    assert own == {
        "1": [f"Godkendt. {ABSENT}"],
        "2": [f"Anbefales over for Byrådet. {ABSENT}"],
        "3": ["Anbefales over for Byrådet, dog med model 1 (25 m bassin uden varmtvandsbassin) af økonomiske hensyn. "
              f"Stemmer for: 5 (A, C, O) Stemmer imod: 2 (V, Ø), der ønskede model 2. {ABSENT}"],
        "4": [f"Godkendt. {ABSENT}"],
        "5": [],
        "5.1": [f"Godkendt, idet område R-B17 ved Ry Nørreskov udgår. {ABSENT}"],
        "5.2": [f"Udsat til mødet den 15. maj 2024. {ABSENT}"],
        "6": [],
        "7": [f"Taget til efterretning. {ABSENT}"],
    }
    item3 = m.items[2]  # Kultur- og Fritidsudvalget's earlier decision is theirs, of 10-04-2024
    assert [(d.body, d.date) for d in item3.decisions] == [("Kultur- og Fritidsudvalget", date(2024, 4, 10)),
                                                          ("Økonomiudvalget", date(2024, 4, 17))]
    closed = m.items[7]
    assert closed.number == "6" and closed.closed and not closed.sections and not closed.decisions
    assert not any(it.closed for it in m.items if it.number != "6")
    parent = m.items[4]  # the parent keeps only its own text (no merged sub-item fields) and lists its sub-items
    assert [s.heading for s in parent.sections] == ["Resume", "Underpunkter"]
    assert parent.sections[1].text == "5.1 Nye boligområder i Ry\n5.2 Testområder for solceller"
    assert "R-B15 ved Kildevej" in m.items[5].sections[0].text and "310 ha" in m.items[6].sections[0].text


def test_skanderborg_enclosure_text_is_a_section() -> None:
    item2 = read(SKANDERBORG).meeting.items[1]
    assert item2.attachments == ["Overførselsoversigt 2023-2024"]
    assert item2.sections[-1].heading == "Bilag 1: Overførselsoversigt 2023-2024"
    assert "Ældre og sundhed 3,9" in item2.sections[-1].text and "Administration 17,0" in item2.text


def _agenda(xml: str) -> etree._Element:
    return etree.fromstring(f"<Agenda>{xml}</Agenda>")


def _read(el: etree._Element) -> ItemDraft:
    return ItemDraft(title=text(el, "Caption"), number=text(el, "Number") or None)


def test_agenda_items_groups_nesting_and_order() -> None:
    grouped = _agenda("<ItemGroups><ItemGroup><IsPublic>True</IsPublic><Items>"
                      "<Item><Caption>B</Caption><Number>2</Number><Items><Item><Caption>B1</Caption>"
                      "<Number>1</Number></Item></Items></Item><Item><Caption>R</Caption><Number>0</Number></Item>"
                      "</Items></ItemGroup><ItemGroup><IsPublic>False</IsPublic><Items>"
                      "<Item><Caption>A</Caption><Number>1</Number></Item></Items></ItemGroup></ItemGroups>")
    items = agenda_items(grouped, _read)
    assert [(it.number, it.title, it.closed) for it in items] == [("1", "A", True), ("2", "B", False),
                                                                 ("2.1", "B1", False), ("0", "R", False)]
    unnumbered = _agenda("<ItemGroups><ItemGroup><Items><Item><Caption>X</Caption></Item></Items></ItemGroup>"
                         "<ItemGroup><Items><Item><Caption>Y</Caption><Number>1</Number></Item></Items>"
                         "</ItemGroup></ItemGroups>")
    assert [it.title for it in agenda_items(unnumbered, _read)] == ["X", "Y"]  # as they stand
    plain = _agenda("<Items><Item><Caption>C</Caption><Number>3</Number></Item>"
                    "<Item><Caption>A</Caption><Number>1</Number></Item></Items>")
    assert [it.number for it in agenda_items(plain, _read)] == ["3", "1"]  # ungrouped: document order


def test_enclosure_sections_only_with_text() -> None:
    item = etree.fromstring("<Item><Enclosures><Enclosure><Name>Tom</Name><Text> </Text></Enclosure>"
                            "<Enclosure><Name>Plan</Name><Text>&lt;p&gt;Tal: 4&lt;/p&gt;</Text></Enclosure>"
                            "<Enclosure><Name>Uden</Name></Enclosure></Enclosures></Item>")
    assert enclosure_sections(item) == [("Bilag Plan", "Tal: 4")]


def test_grouped_publication_without_items_is_a_clear_error(tmp_path: Path) -> None:
    xml = ("<Publication><PublicationTypeAsEnum>Final</PublicationTypeAsEnum><Agendas><Agenda><Meeting>"
           "<When>2023-06-13T08:30:00+02:00</When></Meeting><Committee><Name>Teknisk Udvalg</Name></Committee>"
           "<ItemGroups /></Agenda></Agendas></Publication>")
    with pytest.raises(IngestError, match="empty.xml"):
        read_source(Source(xml.encode(), str(tmp_path / "empty.xml")))
