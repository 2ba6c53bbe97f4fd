"""Readers of blind probe portals31's files, checked on invented variants of the same shapes:
- an Acadre export whose ``agendaItem`` table holds one attribute-style field per item, with the sections and
  attachments in tables beside it that point back by ``itemsysid`` and the people in a ``meetingParticipant``
  table with an ``attendance`` attribute ("Afbud");
- an SBSYS publication of a regional committee whose only organisation hints are "Regionshuset Viborg" and
  "Regionssekretariatet" (not the town the region's house stands in)."""

from __future__ import annotations

from datetime import date

from ingest.parse import parse_bytes

ACADRE = """<?xml version="1.0" encoding="utf-8"?><root exportversion="4.1"><table name="committee"><field
 name="Sundhedsudvalget" sysid="7" organisation="Region Nordjylland" /></table><table name="meeting"><field
 name="Sundhedsudvalget 02-09-2025" sysid="90" date="02-09-2025 10:00" location="Regionshuset, Niels Bohrs Vej 30,
 Aalborg" /></table><table name="meetingParticipant"><field name="Ida Vang Holm" party="A" attendance="Deltager"
 /><field name="Ole Kjær Bundgaard" party="V" attendance="Afbud" /></table><table name="agenda"><field
 name="Referat" sysid="5" agendatype="Referat" /></table><table name="agendaItem"><field name="Godkendelse af
 dagsorden" sysid="301" number="1" access="Åben" /><field name="Nyt akutlægehus i Hjørring" sysid="302" number="2"
 access="Åben" casenumber="25/4410" /><field name="Personalesag" sysid="303" number="3" access="Lukket"
 /></table><table name="itemText"><field name="Beslutning" itemsysid="301" sortorder="1"
 text="&lt;p&gt;Godkendt.&lt;/p&gt;" /><field name="Beslutning" itemsysid="302" sortorder="3"
 text="&lt;p&gt;Anbefales med en ramme på 31,5 mio. kr.&lt;/p&gt;" /><field name="Sagsfremstilling"
 itemsysid="302" sortorder="1" text="&lt;p&gt;Akutlægehuset skal samle 14 lægevagter under ét tag.&lt;/p&gt;"
 /><field name="Indstilling" itemsysid="302" sortorder="2" text="&lt;p&gt;Administrationen indstiller en ramme
 på 28,0 mio. kr.&lt;/p&gt;" /><field name="Beslutning" itemsysid="303" sortorder="1"
 text="&lt;p&gt;Godkendt.&lt;/p&gt;" /></table><table name="attachment"><field name="Skitse akutlægehus.pdf"
 itemsysid="302" filename="Files_5/Attachments/302_1.pdf" /></table></root>"""


def test_acadre_items_with_their_sections_in_a_table_beside_them() -> None:
    result = parse_bytes(ACADRE.encode(), "export.xml")
    m = result.meeting
    assert result.reader == "acadre-xml" and not result.warnings
    assert (m.municipality, m.committee, m.date, m.time) == ("Region Nordjylland", "Sundhedsudvalget",
                                                             date(2025, 9, 2), "10:00")
    assert [(i.number, i.title, i.closed) for i in m.items] == [
        ("1", "Godkendelse af dagsorden", False), ("2", "Nyt akutlægehus i Hjørring", False),
        ("3", "Personalesag", True)]
    item = m.items[1]
    assert [s.name for s in item.sections] == ["Sagsfremstilling", "Indstilling"]  # by sortorder
    assert "14 lægevagter" in item.sections[0].text and item.case_number == "25/4410"
    assert [d.text for d in item.decisions] == ["Anbefales med en ramme på 31,5 mio. kr."]
    assert item.attachments == ["Skitse akutlægehus.pdf"]
    assert m.absentees == ["Ole Kjær Bundgaard (V)"] and "Ida Vang Holm (A)" in m.participants


SBSYS = """<?xml version="1.0" encoding="utf-8"?><Publication TimeStamp="2025-05-07T08:00:00"><Agendas><Agenda
 ID="MDR-2025-1"><PublicationTypeAsValue>2</PublicationTypeAsValue><Frontpage><![CDATA[<p>Referat fra mødet i
 Regionsudvalget for Sundhed 6. maj 2025 i Regionshuset Viborg.</p>]]></Frontpage><Meeting><When>06-05-2025
 09:00:00</When><Where>Regionshuset Viborg, Skottenborg 26</Where></Meeting><Name>Udvalget for nære
 sundhedstilbud</Name><Committee><Name>Udvalget for nære sundhedstilbud</Name></Committee><Items><Item
 ID="1"><Caption>Ventetider på genoptræning</Caption><IsPublic>true</IsPublic><Number>1</Number><Fields><ItemField>
 <Caption>Sagsfremstilling</Caption><Content><![CDATA[<p>Region Midtjylland har i 2024 haft 2.140 forløb. Viborg
 Kommune og Skive Kommune har bedt om en status.</p>]]></Content></ItemField><ItemField><Caption>Beslutning</Caption>
 <Content><![CDATA[<p>Taget til efterretning.</p>]]></Content></ItemField></Fields></Item></Items>
 <Organisation>Regionssekretariatet</Organisation></Agenda></Agendas></Publication>"""


def test_a_regional_publication_is_the_regions_not_its_houses_town() -> None:
    m = parse_bytes(SBSYS.encode(), "publication.xml").meeting
    assert m.municipality == "Region Midtjylland"
    assert m.items[0].title == "Ventetider på genoptræning"
