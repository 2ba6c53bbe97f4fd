"""JSON files in sample_data/portals11 (invented minutes in third-party scraper shapes): a GraphQL-style response
with Relay connections and epoch-millisecond times in a stated IANA time zone (Avannaata), a scraper's JSON with a
0-based "index" whose printed number is only in the heading (Region Sjælland), and a HuggingFace-style JSON Lines
dump whose "tekst" holds the section headings as bare lines and, in record 1, the meeting's facts (Sermersooq);
plus edited variants showing each rule is read from the structure, not fitted to the files.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from ingest.parse import parse_bytes, read_path

ROOT = Path(__file__).resolve().parent.parent
PORTALS11 = ROOT / "sample_data" / "portals11"
AVANNAATA = PORTALS11 / "avannaata_udvalget-for-teknik-og-miljoe_2024-09-12.json"
SJAELLAND = PORTALS11 / "regionsjaelland_udvalget-for-trafik-klima-og-miljoe_2024-05-13.json"
SERMERSOOQ = PORTALS11 / "sermersooq_oekonomiudvalget_2024-06-18.jsonl"


def _first(text: str) -> str:
    return " ".join(text.split())


def _own(m) -> list[str]:  # type: ignore[no-untyped-def]
    return [_first(it.decisions[0].text) for it in m.items if it.decisions]


# --- GraphQL: items are the edges' nodes; epoch ms in the stated time zone ------------------------------------


def test_graphql_response_items_are_the_edges_nodes() -> None:
    result = read_path(AVANNAATA)
    m = result.meeting
    assert result.reader == "generic-json"
    assert "$.data.meetings[0].items" in result.warnings[0]
    assert "source field: Avannaata Kommunia" in m.municipality_evidence  # the organisation field, as stated
    assert m.municipality == "Avannaata"
    assert (m.committee, m.date, m.time, m.status) == (
        "Udvalget for Teknik og Miljø", date(2024, 9, 12), "09:00", "minutes")  # 10:00Z is 09:00 in Nuuk
    assert m.location == "Mødesalen, Rådhuset, Mittarfimmut Aqq. B-1401, 3952 Ilulissat"
    assert m.absentees == ["Ivalo Nielsen (D)"]
    assert len(m.participants) == 5 and "Ole Jørgen Mathæussen (S)" in m.participants
    assert [(it.number, it.case_number, it.closed) for it in m.items] == [
        ("1", "01.01-2024-0412", False), ("2", "05.02-2024-0188", False), ("3", "07.00-2023-1021", False),
        ("4", "02.03-2024-0077", False), ("4a", "05.01-2024-0301", False), ("5", None, True),
        ("6", "01.01-2024-0413", False)]
    assert [it.title for it in m.items][3:6] == [
        "Arealtildeling til hotel ved Ilulissat Isfjord", "Tillægspunkt: Snerydning i Qaanaaq vinteren 2024-2025",
        "Lukket punkt: Salg af kommunal bolig"]
    assert [s.heading for s in m.items[1].sections] == ["Baggrund", "Økonomi", "Indstilling"]  # body blocks
    assert _own(m) == [
        "Godkendt. Afbud: Ivalo Nielsen (D)",
        "Anbefales over for Økonomiudvalget og Kommunalbestyrelsen. Afbud: Ivalo Nielsen (D)",
        "Godkendt. Afbud: Ivalo Nielsen (D)",
        "Godkendt. For stemte: S og IA (3) Imod stemte: N (1) N finder, at hotellet vil skæmme udsigten fra "
        "verdensarvsområdet. Afbud: Ivalo Nielsen (D)",
        "Godkendt. Afbud: Ivalo Nielsen (D)", "Taget til efterretning. Afbud: Ivalo Nielsen (D)"]
    item4 = m.items[3]
    assert len(item4.decisions) == 1  # the blockquoted decision of 14 May is part of the case text
    assert {v.position: v.count for v in item4.decisions[0].votes} == {"for": 3, "against": 1}
    assert not m.items[5].decisions and not m.items[5].sections


def test_graphql_connection_variant_nodes_other_names_and_zone() -> None:
    """Invented: "agendaItems" as a {"nodes": [...]} connection, an ISO UTC stamp, "tz" naming another zone, and a
    connection of edges without paging fields for the members."""
    doc = {"data": {"meeting": {
        "committeeName": "Byrådet", "municipality": "Sermersooq", "startTime": "2025-01-15T20:30:00Z",
        "tz": "America/Nuuk", "venue": {"name": "Salen"},
        "members": {"edges": [{"node": {"name": "Aqqa Lynge", "attendance": "ABSENT"}},
                              {"node": {"name": "Nivi Olsen", "attendance": "PRESENT"}}]},
        "agendaItems": {"totalCount": 2, "nodes": [
            {"number": "1", "title": "Budget", "caseNumber": "25/1",
             "blocks": [{"heading": "Sagsfremstilling", "html": "<p>Om budgettet for året.</p>"}],
             "decision": {"html": "<p>Godkendt.</p>"}},
            {"number": "1a", "title": "Tillægspunkt: Havn", "caseNumber": "25/2",
             "blocks": [{"heading": "Indstilling", "html": "<p>At havnen udvides mod nord.</p>"}],
             "decision": {"html": "<p>Udsat.</p>"}}]}}}}
    result = parse_bytes(json.dumps(doc).encode(), "graphql.json")
    m = result.meeting
    assert "$.data.meeting.agendaItems" in result.warnings[0]
    assert (m.date, m.time) == (date(2025, 1, 15), "18:30")  # UTC-2 in Nuuk in January
    assert [(it.number, it.title) for it in m.items] == [("1", "Budget"), ("1a", "Tillægspunkt: Havn")]
    assert [it.decisions[0].outcome for it in m.items] == ["approved", "postponed"]
    assert m.absentees == ["Aqqa Lynge"]
    # without the zone the same instant is Danish local time
    del doc["data"]["meeting"]["tz"]  # type: ignore[index]
    assert parse_bytes(json.dumps(doc).encode(), "graphql.json").meeting.time == "21:30"


# --- a printed number only in the heading, beside a 0-based index ----------------------------------------------


def test_scraper_json_number_printed_in_the_heading() -> None:
    result = read_path(SJAELLAND)
    m = result.meeting
    assert result.reader == "generic-json"
    assert "source field: Region Sjælland" in m.municipality_evidence and m.municipality == "Region Sjælland"
    assert (m.committee, m.date, m.time, m.status) == (
        "Udvalget for Trafik, Klima og Miljø", date(2024, 5, 13), "16:00", "minutes")
    assert m.location == "Mødelokale 2, Regionshuset, Alléen 15, 4180 Sorø"
    assert m.absentees == ["Lone Ravn (A)"]
    assert [(it.number, it.title, it.closed) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", False),
        ("2", "Trafikplan 2024-2028 for den regionale kollektive trafik - efter høring", False),
        ("3", "Regionale buslinjer 2025 - tilpasning af betjeningen", False),
        ("4", "Jordforurening - prioritering af indsatsen i 2025", False),
        ("5", "Klimapartnerskab om cykelinfrastruktur - pulje til kommunerne", False),
        ("6", "Lukket punkt: Kontraktforhold vedrørende jordoprensning", True),
        ("7", "Meddelelser", False)]
    assert all(it.case_number is None for it in m.items)
    own = [x.split(" Fraværende")[0] for x in _own(m)]
    assert own == ["Godkendt.", "Anbefales.",
                   "Godkendt. For stemte: A, V, C, F og B (6) Imod stemte: O og Ø (2) O og Ø ønsker "
                   "weekendbetjeningen på linje 265R fastholdt med halvtimesdrift.",
                   "Godkendt.", "Godkendt, idet udvalget ønsker, at projekter ved busknudepunkter i landdistrikterne "
                   "prioriteres.", "Taget til efterretning."]
    assert not m.items[5].decisions and not m.items[0].sections
    assert [s.heading for s in m.items[1].sections] == ["Sagsfremstilling", "Økonomi", "Indstilling"]


def _scraper(headings: list[str], key: str = "index", start: int = 0) -> list[tuple[str | None, str]]:
    doc = {"committee": "Teknisk Udvalg", "meeting_date": "2024-05-13T16:00:00",
           "agenda": [{key: start + k, "heading": h, "sections": {"Beslutning": "Godkendt."}}
                      for k, h in enumerate(headings)]}
    m = parse_bytes(json.dumps(doc).encode(), "scrape.json").meeting
    return [(it.number, it.title) for it in m.items]


def test_heading_number_variants() -> None:
    """Invented: the printed numbers skip one (a closed item left out), another position key, "Punkt N:" and
    sub-numbers; and titles that merely open with a number keep it."""
    assert _scraper(["1. Dagsorden", "2. Budget", "4. Eventuelt"]) == [
        ("1", "Dagsorden"), ("2", "Budget"), ("4", "Eventuelt")]  # printed, not index + 1
    assert _scraper(["Punkt 1: Dagsorden", "Punkt 2a: Budget", "Punkt 3 - Havn"], key="position", start=1) == [
        ("1", "Dagsorden"), ("2a", "Budget"), ("3", "Havn")]
    assert _scraper(["1.1 Dagsorden", "1.2 Budget"]) == [("1.1", "Dagsorden"), ("1.2", "Budget")]
    # numbers that do not ascend are part of the titles
    assert _scraper(["3. Limfjordsforbindelse", "2 nye stillinger"]) == [
        ("1", "3. Limfjordsforbindelse"), ("2", "2 nye stillinger")]
    # one title opening with a number is no printed number unless it is the item's
    assert _scraper(["3. Limfjordsforbindelse"]) == [("1", "3. Limfjordsforbindelse")]
    assert _scraper(["Budget 2025", "2. Havn"]) == [("1", "Budget 2025"), ("2", "2. Havn")]  # not every title


def test_printed_number_field_must_agree_with_the_heading() -> None:
    doc = [{"nr": 5, "titel": "3. Limfjordsforbindelse - høring", "beslutning": "Godkendt."},
           {"nr": 6, "titel": "Eventuelt", "beslutning": "Intet."}]
    m = parse_bytes(json.dumps({"udvalg": "Regionsrådet", "dato": "2024-09-10", "punkter": doc}).encode(),
                    "x.json").meeting
    assert [(it.number, it.title) for it in m.items] == [("5", "3. Limfjordsforbindelse - høring"), ("6", "Eventuelt")]


# --- JSON Lines: bare heading lines, the case line, meeting facts in record 1's text ----------------------------


def test_jsonl_dump_with_headings_and_meeting_facts_inside_the_text() -> None:
    result = read_path(SERMERSOOQ)
    m = result.meeting
    assert result.reader == "generic-json"
    assert "source field: Kommuneqarfik Sermersooq" in m.municipality_evidence and m.municipality == "Sermersooq"
    assert (m.committee, m.date, m.time, m.status) == ("Økonomiudvalget", date(2024, 6, 18), "09:00", "minutes")
    assert m.location == "Mødelokale Nuuk, Rådhuset, Kommunip Aqq. 1, Nuuk"
    assert m.absentees == ["Tobias Motzfeldt (N)"]
    assert len(m.participants) == 6 and "Tobias Motzfeldt (N)" not in m.participants
    assert [(it.number, it.case_number, it.closed) for it in m.items] == [
        ("1", "01.01.02-00031", False), ("2", "02.01.01-00118", False), ("3", "06.02.01-00077", False),
        ("4", "05.03.04-00019", False), ("5", None, True), ("6", "18.01.05-00044", False),
        ("7", "01.01.02-00032", False)]
    assert [it.title for it in m.items] == [
        "Godkendelse af dagsorden", "Årsregnskab 2023", "Anlægsbevilling til ny daginstitution i Qinngorput",
        "Takster for Nuuk Havn 2025 - efter høring", "Lukket punkt: Personalesag",
        "Ansøgning om tilskud til Arctic Winter Games 2026", "Orienteringssager"]
    assert [s.heading for s in m.items[2].sections] == [
        "Baggrund", "Faktiske forhold", "Økonomiske konsekvenser", "Indstilling"]
    assert [s.heading for s in m.items[0].sections] == ["Indstilling"]  # the facts left item 1's text
    assert "Mødested" not in m.items[0].text and "Journalnr" not in m.items[1].text
    own = [x.split(" Fraværende")[0] for x in _own(m)]
    assert own == ["Godkendt.", "Økonomiudvalget anbefaler Kommunalbestyrelsen at godkende årsregnskabet for 2023.",
                   "Anbefales. For stemte: S, IA og A (5) Imod stemte: D (1) D ønsker projektet udbudt som "
                   "offentlig-privat partnerskab.",
                   "Godkendt med den ændring, at taksten for fritidsbåde under 20 fod fastholdes på 1.850 kr.",
                   "Udsat til næste møde.", "Taget til efterretning."]
    item3 = m.items[2]
    assert len(item3.decisions) == 1  # the Kommunalbestyrelse's earlier decision is quoted in Baggrund
    assert item3.decisions[0].outcome == "approved" and m.items[5].decisions[0].outcome == "postponed"
    assert not m.items[4].decisions


def test_jsonl_variant_other_keys_labels_and_headings() -> None:
    """Invented: "nr"/"titel" with "Pkt. 1:" titles, "Sagsnr.:" lines, headings no word list knows ("Vurderinger",
    "Lokale forhold"), facts as "Sted:"/"Tidspunkt:"/"Afbud:"; and a later record's labels stay its text."""
    rows = [
        {"kommune": "Qeqqata Kommunia", "udvalg": "Kommunalbestyrelsen", "dato": "2024-10-24", "nr": 1,
         "titel": "Pkt. 1: Dagsorden", "tekst": "Sagsnr.: 24/1\n\nSted: Salen, Rådhuset\nTidspunkt: kl. 13.30\n"
         "Afbud: Ane Berthelsen (IA)\n\nIndstilling\nAt dagsordenen godkendes.\n\nAfgørelse\nGodkendt."},
        {"kommune": "Qeqqata Kommunia", "udvalg": "Kommunalbestyrelsen", "dato": "2024-10-24", "nr": 2,
         "titel": "Pkt. 2: Festival", "tekst": "Sagsnr.: 24/2\n\nLokale forhold\nSted: Havnen\nTidspunkt: kl. 20\n\n"
         "Vurderinger\nFestivalen er godt forberedt.\n\nIndstilling\nAt tilskud gives.\n\nAfgørelse\nGodkendt."},
    ]
    text = "\n".join(json.dumps(r, ensure_ascii=False) for r in rows)
    m = parse_bytes(text.encode(), "dump.jsonl").meeting
    assert (m.date, m.time, m.location) == (date(2024, 10, 24), "13:30", "Salen, Rådhuset")
    assert m.absentees == ["Ane Berthelsen (IA)"]
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Dagsorden", "24/1"), ("2", "Festival", "24/2")]
    assert [s.heading for s in m.items[1].sections] == ["Lokale forhold", "Vurderinger", "Indstilling"]
    assert "Sted: Havnen" in m.items[1].sections[0].text  # an item's own labels are its text
    assert [it.decisions[0].text for it in m.items] == ["Godkendt.", "Godkendt."]


def test_plain_text_without_known_headings_is_not_split() -> None:
    rows = [{"udvalg": "Byrådet", "dato": "2024-10-24", "nr": 1, "titel": "Orientering",
             "tekst": "Kort nyt\nDer er intet nyt i denne måned.\n\nStatus\nAlt går efter planen."}]
    m = parse_bytes(json.dumps(rows[0]).encode(), "one.jsonl").meeting
    assert [s.heading for s in m.items[0].sections] == [""]  # one text: short lines alone head nothing
    assert "Kort nyt" in m.items[0].text and "Status" in m.items[0].text
