"""XML and JSON files in sample_data/portals10 (invented minutes imitating real exports): an Acadre MM export in the
``table``/``row``/``field`` shape (acadre-xml), an RSS feed of an agenda whose meeting facts are only the channel's
prose (feed), and a First Agenda-style REST JSON with UTC times and a decision list of several bodies
(generic-json); plus edited variants showing each rule is read from the structure, not fitted to the files.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from ingest.parse import parse_bytes, read_path

ROOT = Path(__file__).resolve().parent.parent
PORTALS10 = ROOT / "sample_data" / "portals10"
SAMSOE = PORTALS10 / "samsoe_kommunalbestyrelsen_2024-12-10.xml"
VALLENSBAEK = PORTALS10 / "vallensbaek_boerne-og-skoleudvalget_2025-04-08.xml"
SOLROED = PORTALS10 / "solroed_oekonomiudvalget_2025-02-24.json"


def _first(text: str) -> str:
    return " ".join(text.split())


def test_acadre_table_row_field_export() -> None:
    result = read_path(SAMSOE)
    m = result.meeting
    assert result.reader == "acadre-xml" and not result.warnings
    assert (m.municipality, m.committee, m.date, m.time, m.status) == (
        "Samsø", "Kommunalbestyrelsen", date(2024, 12, 10), "19:00", "minutes")  # not the approval date 12-12
    assert m.location == "Kommunalbestyrelsessalen, Samsø Rådhus, Søtofte 10, 8305 Samsø"
    assert m.absentees == ["Morten Bjerre (C)", "Ditte Ballen (A)"]
    assert len(m.participants) == 11 and "Marianne Holm (V)" in m.participants
    assert [(it.number, it.case_number, it.closed) for it in m.items] == [  # closed item 5 is exported last
        ("1", "24/03311", False), ("2", "24/02871", False), ("3", "23/01988", False), ("4", "24/02255", False),
        ("5", None, True), ("6", "24/03312", False)]
    assert m.items[2].title == ("Solcellepark ved Permelille - kommuneplantillæg nr. 9 og lokalplan nr. 1042, "
                                "endelig vedtagelse")
    assert m.items[4].title == "Lukket punkt: Salg af ejendom" and not m.items[4].decisions
    firsts = [_first(it.decisions[0].text).split(" Afbud")[0] for it in m.items if it.decisions]
    assert firsts == ["Godkendt.", "Godkendt.",
                      "Vedtaget. For stemte: V, A, F, Ø (8) Imod stemte: C (1) C finder, at anlægget bør placeres "
                      "mindst 300 m fra nærmeste bolig.", "Godkendt.", "Taget til efterretning."]
    item3 = m.items[2]
    assert len(item3.decisions) == 1  # the earlier Økonomiudvalget vote is a section of the case, not this decision
    assert (item3.decisions[0].body, item3.decisions[0].date) == ("Kommunalbestyrelsen", date(2024, 12, 10))
    assert [s.heading for s in item3.sections] == ["Sagsfremstilling", "Indstilling", "Tidligere beslutninger"]
    assert {v.position: v.count for v in item3.decisions[0].votes} == {"for": 8, "against": 1}
    assert not m.items[0].sections  # item 1 has no bullet


def test_acadre_rows_without_a_date_field_take_the_decision_headings_date() -> None:
    text = re.sub(r'\s*<field name="date"[^>]*>[^<]*</field>', "", SAMSOE.read_text(encoding="utf-8"))
    result = parse_bytes(text.encode(), "export.xml")
    assert result.reader == "acadre-xml"
    assert (result.meeting.date, result.meeting.time, len(result.meeting.items)) == (date(2024, 12, 10), "19:00", 6)


def test_acadre_rows_without_any_meeting_date_are_still_read_by_structure() -> None:
    text = re.sub(r'\s*<field name="(?:date|decisionheading)"[^>]*>[^<]*</field>', "", SAMSOE.read_text("utf-8"))
    result = parse_bytes(text.encode(), "export.xml")  # never an error: the structure is read, the date noted
    assert result.reader == "acadre-xml" and "without a meeting date" in result.warnings[0]
    assert result.meeting.date == date(2024, 12, 12)  # the only date the export states: its approval date
    assert [it.number for it in result.meeting.items] == ["1", "2", "3", "4", "5", "6"]
    assert result.meeting.items[2].decisions[0].votes


def test_acadre_rows_date_format_attribute_and_other_names() -> None:
    """An invented variant: a US-ordered date read by its format attribute, numeric access, 'name'/'caseno'."""
    xml = """<?xml version="1.0"?><root>
<table name="committee"><row><field name="name">Teknisk Udvalg</field></row></table>
<table name="meeting"><row><field name="date" format="MM/dd/yyyy">03/04/2025</field>
<field name="starttime">16.30</field></row></table>
<table name="producedAgenda"><row><field name="type">Dagsorden</field></row></table>
<table name="agendaItem">
<row><field name="number">2</field><field name="name">Vejplan</field><field name="caseno">25/7</field>
<field name="access">1</field>
<field name="bullet"><![CDATA[<h3>Indstilling</h3><p>At planen godkendes.</p>]]></field></row>
<row><field name="number">1</field><field name="name">Dagsorden</field><field name="access">2</field></row>
</table></root>"""
    m = parse_bytes(xml.encode(), "x.xml").meeting
    assert (m.committee, m.date, m.time, m.status) == ("Teknisk Udvalg", date(2025, 3, 4), "16:30", "agenda")
    assert [(it.number, it.title, it.case_number, it.closed) for it in m.items] == [
        ("1", "Dagsorden", None, True), ("2", "Vejplan", "25/7", False)]
    assert m.items[1].sections[0].heading == "Indstilling" and not m.items[1].decisions


def test_rss_feed_of_an_agenda_with_facts_only_in_the_channel_prose() -> None:
    result = read_path(VALLENSBAEK)
    m = result.meeting
    assert result.reader == "feed"
    assert (m.municipality, m.committee, m.date, m.time, m.status) == (
        "Vallensbæk", "Børne- og Skoleudvalget", date(2025, 4, 8), "17:30", "agenda")  # not pubDate 03-04
    assert m.location == "Mødelokale A, Vallensbæk Rådhus, Vallensbækvej 30, 2625 Vallensbæk"
    assert m.absentees == ["Henrik Møller (C)"]
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "25/000902"),
        ("2", "Ændring af skoledistrikt mellem Vallensbæk Skole og Egholmskolen", "25/001417"),
        ("3", "Sommerlukning i dagtilbud 2025", "25/001655"),
        ("4", "Ansøgning om tilskud til lektiecafé", "25/001880"),
        ("5", "Meddelelser", "25/000903"),
    ]
    assert not any(it.decisions for it in m.items) and not any(it.closed for it in m.items)
    assert [s.heading for s in m.items[1].sections] == ["Sagsfremstilling", "Økonomi", "Høring", "Indstilling"]
    assert m.items[0].sections[-1].text.startswith("Administrationen indstiller, at dagsordenen godkendes.")


def test_rss_channel_prose_variant() -> None:
    """Another wording: 'på' a venue after the date, 'Fraværende:' instead of 'Afbud:', two names."""
    text = VALLENSBAEK.read_text(encoding="utf-8")
    prose = ("Referat af mødet den 8. april 2025 på Byrådssalen, Rådhuset, 1. sal. "
             "Fraværende: Ib Holm (V), Eva Lund (A).")
    text = re.sub(r"(<channel>.*?<description>)[^<]*(</description>)", rf"\g<1>{prose}\g<2>", text, count=1,
                  flags=re.S)
    m = parse_bytes(text.encode(), "feed.xml").meeting
    assert m.location == "Byrådssalen, Rådhuset, 1. sal"
    assert m.absentees == ["Ib Holm (V)", "Eva Lund (A)"]


def test_rest_json_with_utc_times_and_decisions_of_several_bodies() -> None:
    result = read_path(SOLROED)
    m = result.meeting
    assert result.reader == "generic-json"
    assert (m.municipality, m.committee, m.date, m.time, m.status) == (
        "Solrød", "Økonomiudvalget", date(2025, 2, 24), "16:00", "minutes")  # 15:00Z is 16:00 local
    assert m.location == "Mødelokale 1, Solrød Rådhus, Solrød Center 1, 2680 Solrød Strand"
    assert m.absentees == ["Tina Hjorth (A)"]  # not Nikolaj Berg, absent from Teknik- og Miljøudvalget's meeting
    assert [(it.number, it.case_number, it.closed) for it in m.items] == [
        ("1", "25/0211", False), ("2", "25/0388", False), ("3", "24/2671", False), ("4", "25/0402", False),
        ("5", "24/3015", False), ("6", None, True), ("7", "25/0212", False)]
    assert m.items[5].title == "Lukket punkt: Køb af ejendom" and not m.items[5].decisions
    item3 = m.items[2]
    assert [(d.body, d.date) for d in item3.decisions] == [
        ("Teknik- og Miljøudvalget", date(2025, 2, 10)), ("Økonomiudvalget", date(2025, 2, 24))]
    assert _first(item3.decisions[-1].text).startswith(
        "Anbefales over for Kommunalbestyrelsen. For stemte: A, V, F, C (5) Imod stemte: O (1) O ønsker projektet "
        "udskudt til 2027 af hensyn til kassebeholdningen.")
    assert "Nikolaj Berg (V)" not in item3.absentees
    own = [_first(it.decisions[-1].text).split(" Afbud")[0] for it in m.items if it.decisions]
    assert own[0] == "Godkendt." and own[1] == "Taget til efterretning." and own[3].startswith("Anbefales over for K")
    assert own[4].startswith("Udsat til næste møde") and m.items[4].decisions[-1].outcome == "postponed"
    attachments = [a for it in m.items for a in it.attachments]
    assert "Kort over etape 1 og 2" in attachments and len(m.items) == 7


def test_json_decision_list_variant() -> None:
    """Invented: snake_case keys, the own decision first, an earlier decision of the SAME committee (another date)."""
    doc = {"meeting": {"committee": {"name": "Byrådet"}, "start_date": "2024-06-10T16:00:00Z",
                       "agenda_items": [{"number": "1", "title": "Skolestruktur", "case_number": "24/1",
                                         "decisions": [
                                             {"committee_name": "Byrådet", "date": "2024-06-10",
                                              "body": "<p>Vedtaget.</p>"},
                                             {"committee_name": "Byrådet", "date": "2024-05-13",
                                              "body": "<p>Udsat.</p><p>Afbud: Per Hansen (V)</p>"}]},
                                        {"number": "2", "title": "Eventuelt", "decisions": []}]}}
    m = parse_bytes(json.dumps(doc).encode(), "api.json").meeting
    assert (m.date, m.time) == (date(2024, 6, 10), "18:00")  # summer time
    assert [(d.body, d.date, d.outcome) for d in m.items[0].decisions] == [
        ("Byrådet", date(2024, 6, 10), "approved"), ("Byrådet", date(2024, 5, 13), "postponed")]
    assert m.absentees == [] and m.items[0].absentees == []
