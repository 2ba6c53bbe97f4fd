"""Readings of the kind the blind set portals28 met (session 27): an HTML rendering of a publication whose head
prints the publication time before the meeting's own time ("Publiceret 14-03-2025 …", then "Mødetidspunkt:
11-03-2025 17:00"), a JSON export dating its meeting by ``held_at`` with a status code beside each decision's text,
and a postponement whose reason ("da forslagsstilleren havde meldt afbud") names no one."""

from __future__ import annotations

import json
from pathlib import Path

from ingest.parse import parse_bytes, read_path

SAMPLES = Path(__file__).resolve().parents[1] / "sample_data" / "portals28"

PAGE = """<!DOCTYPE html><html lang="da"><head><meta charset="utf-8">
<meta name="published" content="14-03-2025 11:02:51">
<title>Børne- og Skoleudvalget - Referat</title></head><body>
<div id="frontpage"><h1>Børne- og Skoleudvalget</h1><p>Referat</p></div>
<div class="publication">Publiceret 14-03-2025 11:02:51 af Mette Kragh Sørensen</div>
<table class="meetinginfo">
<tr><td>Udvalg:</td><td>Børne- og Skoleudvalget</td></tr>
<tr><td>Mødetidspunkt:</td><td>11-03-2025 17:00 - 19:30</td></tr>
<tr><td>Mødested:</td><td>Albertslund Rådhus, mødelokale 2</td></tr>
</table>
<div class="item"><h2>1. Godkendelse af dagsorden</h2><h3>Beslutning</h3><p>Godkendt.</p></div>
<div class="item"><h2>2. Forslag om frugtordning</h2><h3>Beslutning</h3>
<p>Udsat til udvalgets møde den 8. april 2025, da forslagsstilleren havde meldt afbud.</p>
<p>Afbud: Mikkel Rosendahl (Ø)</p></div>
</body></html>"""


def test_a_page_is_dated_by_its_meeting_time_not_by_its_publication() -> None:
    meeting = parse_bytes(PAGE.encode(), "albertslund.html", "Albertslund").meeting
    assert str(meeting.date) == "2025-03-11" and meeting.time == "17:00"
    assert meeting.published == "2025-03-14T11:02:51"  # the version a newer publication replaces
    assert meeting.location == "Albertslund Rådhus, mødelokale 2"
    # the postponement's reason names no one: only the "Afbud:" line does
    assert meeting.absentees == ["Mikkel Rosendahl (Ø)"]
    assert meeting.items[1].decisions[0].outcome == "postponed"


def test_the_newer_html_publication_is_the_same_meeting_as_the_older_xml() -> None:
    xml = read_path(SAMPLES / "albertslund_boerne-og-skoleudvalget_2025-03-11.xml").meeting
    html = read_path(SAMPLES / "albertslund_boerne-og-skoleudvalget_2025-03-11.html").meeting
    assert (xml.municipality, xml.committee, xml.date) == (html.municipality, html.committee, html.date)
    assert xml.published and html.published and xml.published < html.published
    assert len(xml.items) == len(html.items) == 10
    assert "22 kr." in html.items[2].decisions[0].text and "25 kr." in xml.items[2].decisions[0].text


SCRAPE = {
    "schema": "civicscrape.meeting/2.1",
    "source": {"scraper": "civicscrape 0.9.3", "fetched_at": "2025-09-17T06:12:44Z", "document_type": "minutes"},
    "meeting": {"municipality": {"name": "Høje-Taastrup Kommune"}, "body": {"name": "Kultur- og Fritidsudvalget"},
                "held_at": "2025-09-15T17:00:00+02:00", "ended_at": "2025-09-15T19:05:00+02:00",
                "location": "Høje-Taastrup Rådhus"},
    "agenda": [
        {"no": 1, "heading": "Godkendelse af dagsorden", "content": [],
         "resolution": {"status": "approved", "html": "<p>Godkendt.</p>"}},
        {"no": 2, "heading": "Ny kunstgræsbane ved Hedehusene Idrætsanlæg",
         "content": [{"label": "Sagsbeskrivelse", "html": "<p>En bane med korkfyld koster 8,27 mio. kr.</p>"}],
         "resolution": {"status": "decided", "html": "<p>Udvalget besluttede, at banen anlægges med korkfyld.</p>"}},
        {"no": 3, "heading": "Kulturpris", "content": [], "resolution": {"status": "postponed", "html": ""}},
    ],
}


def test_an_invented_scrape_schema_is_dated_by_held_at_and_its_status_codes_are_no_text() -> None:
    meeting = parse_bytes(json.dumps(SCRAPE, ensure_ascii=False).encode(), "scrape.json").meeting
    assert str(meeting.date) == "2025-09-15" and meeting.time == "17:00"  # not fetched_at, not ended_at
    assert meeting.committee == "Kultur- og Fritidsudvalget" and meeting.location == "Høje-Taastrup Rådhus"
    pitch = meeting.items[1]
    assert "korkfyld" in pitch.decisions[0].text and "decided" not in pitch.decisions[0].text
    # a status with no text beside it is the decision itself
    assert meeting.items[2].decisions and meeting.items[2].decisions[0].outcome == "postponed"


def test_a_date_under_the_heading_the_question_names_answers_it() -> None:
    """"When was the case first treated?" is answered by the line under "Tidligere behandling", though it shares no
    other word with the question."""
    from assistant import evidence

    item = read_path(SAMPLES / "albertslund_boerne-og-skoleudvalget_2025-03-11.html").meeting.items[1]
    question = "Hvornår behandlede Børne- og Skoleudvalget sagen om skoledistriktet for Herstedvang Øst første gang?"
    found = evidence.select(item, question, "date", "2025-03-11", context="Albertslund Børne- og Skoleudvalget")
    assert "14. januar 2025" in found[0].text


def test_a_meeting_stamp_under_an_unknown_name_dates_the_meeting_and_a_fetch_stamp_does_not() -> None:
    """No date field by a known name: the one ISO stamp beside the items under a name that is no record stamp
    ("session_date") dates the meeting, with a warning; "fetched_at" never does, and without the stamp the first date
    in the text does, as before."""
    scrape = {"meeting": {"body": {"name": "Teknisk Udvalg"}, "fetched_at": "2025-10-01T06:00:00Z",
                          "session_date": "2025-09-15T17:00:00+02:00"},
              "agenda": [{"no": 1, "heading": "Godkendelse af dagsorden", "resolution": "Godkendt."},
                         {"no": 2, "heading": "Ny sti", "resolution": "Godkendt.",
                          "content": [{"label": "Sagsfremstilling", "html": "<p>Stien åbner 1. november 2025.</p>"}]}]}
    read = parse_bytes(json.dumps(scrape).encode(), "scrape.json")
    assert (str(read.meeting.date), read.meeting.time) == ("2025-09-15", "17:00")
    assert any("session_date" in w for w in read.warnings)
    del scrape["meeting"]["session_date"]  # type: ignore[attr-defined]
    assert str(parse_bytes(json.dumps(scrape).encode(), "scrape.json").meeting.date) == "2025-11-01"


def test_a_dated_part_of_a_compound_question_is_answered_under_its_own_heading() -> None:
    """"Which case number, and when was it first treated?": the first part's quote holds a school year, which is no
    answer to the second; the line under "Tidligere behandling" is."""
    from assistant.answer_quote import _own_best
    from assistant.ranking import DEFAULT_RANKING

    item = read_path(SAMPLES / "albertslund_boerne-og-skoleudvalget_2025-03-11.html").meeting.items[1]

    class _Stored:
        date = "2025-03-11"

    class _Hit:
        item, focus = _Stored(), ""

    main = "Sagsnr. 17.02.10-P20-3-24 … Herstedvang Øst fra skoleåret 2026/27 hører til Herstedlund Skole"
    own = _own_best(item, "hvornår behandlede Børne- og Skoleudvalget den første gang?", "date", _Hit(),  # type: ignore[arg-type]
                    "Albertslund Børne- og Skoleudvalget", main, DEFAULT_RANKING.evidence)
    assert own is not None and "14. januar 2025" in own
