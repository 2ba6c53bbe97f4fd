"""Web pages whose meeting lives in an embedded JSON state blob (Next.js ``__NEXT_DATA__``, an inline
``window.__INITIAL_STATE__``, Nuxt's flat payload), the visible markup winning when it holds the items; and the
schema.org JSON-LD of an agenda page (sample_data/portals6, invented, written blind to the readers).
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from ingest.parse import parse_bytes, read_path
from ingest.readers import embedded_json, scripts, stamps
from ingest.readers.base import Source

PORTALS6 = Path(__file__).resolve().parent.parent / "sample_data" / "portals6"
GLADSAXE = PORTALS6 / "gladsaxe_kultur-fritids-og-idraetsudvalget_2024-10-08.html"
FREDENSBORG = PORTALS6 / "fredensborg_plan-og-miljoeudvalget_2024-11-04.html"


def test_the_next_data_page_is_read_from_its_json_as_the_expected_file_says() -> None:
    result = read_path(GLADSAXE)
    m = result.meeting
    assert result.reader == "embedded-json"
    assert (m.municipality, m.committee, m.date, m.time, m.status) == (
        "Gladsaxe", "Kultur-, Fritids- og Idrætsudvalget", date(2024, 10, 8), "17:00", "minutes")
    assert m.location == "Mødelokale 1.21, Gladsaxe Rådhus, Rådhus Allé 9, 2860 Søborg"
    assert m.absentees == ["Kristian Aagaard (C)"]  # Yasmin Dahl came late: present, not absent
    assert len(m.participants) == 7 and "Yasmin Dahl (Ø)" in m.participants
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "24/28140"),
        ("2", "Renovering af kunstgræsbanen på Gladsaxe Stadion", "24/19311"),
        ("3", "Fordeling af lokaletilskud til foreninger 2025", "24/22807"),
        ("4", "Forsøg med selvbetjent bibliotek i Bagsværd", "24/20114"),
        ("5", "Lukket punkt: Lejeaftale", None),
        ("6", "Tilskud til Gladsaxe Jazzfestival 2025", "24/25560"),
        ("7", "Meddelelser", "24/28141")]
    firsts = [it.decisions[0].text if it.decisions else None for it in m.items]
    assert firsts[0] == "Godkendt." and firsts[1] == "Anbefales over for Økonomiudvalget og Byrådet."
    assert firsts[2] is not None and firsts[2].startswith("Godkendt.\n\nFor stemte: A, V, F, B (5)\nImod stemte")
    assert firsts[3] == "Godkendt, idet forsøget evalueres efter 12 måneder."
    assert firsts[5] is not None and firsts[5].startswith("Udvalget bevilger 200.000 kr. fra Kulturpuljen 2025")
    assert firsts[6] == "Taget til efterretning."
    closed = m.items[4]
    assert closed.closed and not closed.decisions and not closed.sections
    assert [it.number for it in m.items if it.closed] == ["5"]
    assert [s.heading for s in m.items[1].sections] == ["Sagsfremstilling", "Økonomi", "Indstilling"]
    assert m.items[1].attachments == ["Bilag 1 - Tilstandsrapport kunstgræsbane 2 (2024).pdf"]
    assert "meetingNumber" not in m.items[0].text and all(it.number != "9" for it in m.items)


STATE_PAGE = """<!DOCTYPE html><html lang="da"><head><title>Teknisk Udvalg | Odder Kommune</title>
<script>window.dataLayer = window.dataLayer || [];</script>
<script>window.__INITIAL_STATE__ = {"moede": {"udvalg": "Teknisk Udvalg", "start": "2024-06-11T16:30:00+02:00",
"slut": "2024-06-11T18:00:00+02:00", "sted": "Rådhuset, mødelokale 2", "kommune": "Odder Kommune",
"dagsorden": [
 {"nummer": "1", "titel": "Vejbump på Skovvej", "sagsnr": "24/101",
  "beslutning": "Godkendt med 4 bump i stedet for 3."},
 {"nummer": "2", "titel": "Cykelsti langs Ådalen", "sagsnr": "24/102", "beslutning": "Udsat til næste møde."},
 {"nummer": "3", "titel": "Lukket punkt: Grundkøb", "lukket": true}]}};</script>
</head><body><div id="app"><p>Indlæser …</p></div></body></html>"""


def test_an_inline_initial_state_with_an_item_list_and_iso_times_with_an_offset(tmp_path: Path) -> None:
    result = parse_bytes(STATE_PAGE.encode(), str(tmp_path / "moede.html"))
    m = result.meeting
    assert result.reader == "embedded-json"
    assert (m.municipality, m.committee, m.date, m.time) == ("Odder", "Teknisk Udvalg", date(2024, 6, 11), "16:30")
    assert m.location == "Rådhuset, mødelokale 2" and m.status == "minutes"
    assert [(it.number, it.title) for it in m.items] == [
        ("1", "Vejbump på Skovvej"), ("2", "Cykelsti langs Ådalen"), ("3", "Lukket punkt: Grundkøb")]
    assert m.items[1].decisions[0].text == "Udsat til næste møde." and m.items[2].closed


def test_a_utc_stamp_in_the_state_is_shown_in_danish_local_time(tmp_path: Path) -> None:
    page = STATE_PAGE.replace("2024-06-11T16:30:00+02:00", "2024-06-11T14:30:00Z")
    assert parse_bytes(page.encode(), str(tmp_path / "moede.html")).meeting.time == "16:30"


AGENDA_PAGE = """<!DOCTYPE html><html lang="da"><head><title>Dagsorden - Miljøudvalget - Odder Kommune</title>
<script id="site-config" type="application/json">{"analytics": {"siteId": 42, "trackPages": true},
"consent": {"categories": [{"id": "stats", "title": "Statistik", "description":
"Hjælper os med at forstå brugen af sitet og forbedre det."}, {"id": "marketing", "title": "Marketing",
"description": "Bruges til at vise relevante annoncer på andre sider."}]}}</script>
<script type="application/json" id="items">{"items": [{"number": "1", "title": "Vandløb"},
{"number": "2", "title": "Naturpleje"}]}</script></head><body><main>
<h1>Miljøudvalget</h1><p>Mødedato: 3. april 2024 kl. 15.00</p>
<article><h2>1. Vandløb</h2><h3>Sagsfremstilling</h3><p>Regulativet revideres.</p>
<h3>Beslutning</h3><p>Godkendt.</p></article>
<article><h2>2. Naturpleje</h2><h3>Sagsfremstilling</h3><p>Afgræsning af engen.</p>
<h3>Beslutning</h3><p>Taget til efterretning.</p></article>
</main></body></html>"""


def test_a_page_that_prints_its_items_is_read_from_its_markup_not_its_json(tmp_path: Path) -> None:
    path = str(tmp_path / "dagsorden.html")
    assert not embedded_json.READER.sniff(Source(AGENDA_PAGE.encode(), path))
    result = parse_bytes(AGENDA_PAGE.encode(), path)
    assert result.reader == "generic-html"
    assert [it.decisions[0].text for it in result.meeting.items] == ["Godkendt.", "Taget til efterretning."]


def test_an_unrelated_json_blob_is_not_claimed(tmp_path: Path) -> None:
    config = AGENDA_PAGE[AGENDA_PAGE.index('<script id="site-config"'):AGENDA_PAGE.index("</script>") + 9]
    page = f"<!DOCTYPE html><html><head><title>Møde 3. april 2024</title>{config}</head><body></body></html>"
    assert [kind for kind, _ in scripts.blobs(page)] == ["json"]  # titled, described categories: no agenda items
    assert not embedded_json.READER.sniff(Source(page.encode(), str(tmp_path / "side.html")))


def test_nuxt_payload_is_unflattened() -> None:
    payload = [["ShallowReactive", 1], {"data": 2}, {"meeting": 3}, {"title": 4, "items": 5}, "Byrådet", [6],
               {"nr": 7, "title": 8}, "1", "Budget"]
    page = f'<html><script id="__NUXT_DATA__" type="application/json">{json.dumps(payload)}</script></html>'
    assert scripts.blobs(page) == [("json", {"data": {"meeting": {"title": "Byrådet", "items": [
        {"nr": "1", "title": "Budget"}]}}})]


@pytest.mark.parametrize(("value", "expected"), [
    (1728399600000, (date(2024, 10, 8), "17:00")),  # epoch ms, summer time
    (1733151600, (date(2024, 12, 2), "16:00")),  # epoch s, winter time
    ("2024-11-04T16:30:00+01:00", (date(2024, 11, 4), "16:30")),
    ("2024-11-04", (date(2024, 11, 4), None)),  # a date alone: no time
    (2024, None), ("24/28140", None)])
def test_stamps_in_local_time(value: object, expected: object) -> None:
    assert stamps.date_clock(value) == expected


def test_the_eu_rule_agrees_with_the_time_zone_database(monkeypatch: pytest.MonkeyPatch) -> None:
    moments = [datetime(2024, 3, 31, 0, 59, tzinfo=UTC), datetime(2024, 3, 31, 1, 0, tzinfo=UTC),
               datetime(2024, 10, 27, 0, 59, tzinfo=UTC), datetime(2024, 10, 27, 1, 0, tzinfo=UTC)]
    with_db = [stamps.local(t).strftime("%H:%M") for t in moments]
    import zoneinfo

    def missing(key: str) -> zoneinfo.ZoneInfo:
        raise zoneinfo.ZoneInfoNotFoundError(key)

    monkeypatch.setattr(zoneinfo, "ZoneInfo", missing)
    assert [stamps.local(t).strftime("%H:%M") for t in moments] == with_db == ["01:59", "03:00", "02:59", "02:00"]


def test_the_json_ld_agenda_takes_its_clock_from_the_offset_stamp_and_its_items_from_the_markup() -> None:
    result = read_path(FREDENSBORG)
    m = result.meeting
    assert result.reader == "generic-html"
    assert (m.municipality, m.committee, m.date, m.time, m.status) == (
        "Fredensborg", "Plan- og Miljøudvalget", date(2024, 11, 4), "16:30", "agenda")
    assert m.location == "Mødelokale Esrum, Fredensborg Rådhus, Egevangen 13, 2980 Kokkedal"
    assert m.absentees == ["Annette Krag (F)"] and len(m.participants) == 5
    assert [it.number for it in m.items] == ["1", "2", "3", "4", "5", "5.1", "5.2", "6", "7"]  # not 1–9
    assert [it.case_number for it in m.items][4:7] == ["24/9920", "24/9921", "24/9922"]
    assert not any(it.decisions for it in m.items)
    assert [it.number for it in m.items if it.closed] == ["6"]
    indstilling = {it.number: s.text for it in m.items for s in it.sections if s.heading == "Indstilling"}
    assert set(indstilling) == {"1", "2", "3", "4", "5.1", "5.2", "7"}  # item 5 only introduces 5.1 and 5.2
    assert "1. at forslag til Lokalplan 2024-07" in indstilling["2"]
