"""Two JSON shapes of portals14 (facts in sample_data/portals14-expected.md): an unstructured.io element list of a
partitioned referat PDF (``unstructured_elements``: the elements read as the document's lines, page furniture
dropped, tables from ``text_as_html``) and a JSON Feed 1.1 whose entries are the items of TWO meetings
(``jsonfeed``: grouped by the ``_dagsorden`` extension's meeting, dated by its meeting start, never by
``date_published``). Facts are also checked on edited copies and on small feeds and element lists written here, so
the rules follow the formats, not these files' words.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from core.model import Meeting
from ingest.readers import ReadResult, read_source
from ingest.readers.base import Source

ROOT = Path(__file__).resolve().parent.parent / "sample_data" / "portals14"
NAESTVED = ROOT / "naestved_boerne-og-skoleudvalget_2024-12-03.json"
ROSKILDE = ROOT / "roskilde_klima-og-miljoeudvalget_2024-10-15.json"


def read(path: Path, *edits: tuple[str, str]) -> ReadResult:
    text = path.read_bytes().decode("utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    return read_source(Source(text.encode("utf-8"), path.name))


def read_data(data: Any, name: str = "x.json") -> ReadResult:
    return read_source(Source(json.dumps(data, ensure_ascii=False).encode("utf-8"), name))


def first(m: Meeting, k: int) -> str:
    return m.items[k].decisions[0].text if m.items[k].decisions else ""


def table(m: Meeting) -> list[tuple[str | None, str, str | None, bool]]:
    return [(it.number, it.title, it.case_number, it.closed) for it in m.items]


# --- unstructured.io elements (Næstved) ---

def test_naestved_is_read_as_elements_with_its_meeting_facts() -> None:
    r = read(NAESTVED)
    m = r.meeting
    assert r.reader == "unstructured-elements" and len(r.meetings) == 1
    assert (m.municipality, m.committee, m.date, m.time) == ("Næstved", "Børne- og Skoleudvalget",
                                                            date(2024, 12, 3), "16:00")
    assert m.location == "Mødelokale 1, Rådmandshaven 20, 4700 Næstved"
    assert m.absentees == ["Rikke Lauritsen (V)"] and m.status == "minutes"
    assert len(m.participants) == 7 and "Kim Sørensen (DF)" in m.participants


def test_naestved_items_cases_and_decisions() -> None:
    m = read(NAESTVED).meeting
    assert table(m) == [
        ("1", "Godkendelse af dagsorden", "24/31008", False),
        ("2", "Kvalitetsrapport 2023/24 for folkeskolerne", "24/22817", False),
        ("3", "Ny struktur for dagtilbud i Fensmark og Holme-Olstrup", "24/19460", False),
        ("4", "Forældrebetaling 2025", "24/27733", False),
        ("5", "Lukket punkt: Klage over visitation", None, True),
        ("6", "Meddelelser", "24/31009", False),  # typed ListItem by the partitioner, like the TOC lines
    ]
    assert first(m, 0).startswith("Godkendt.") and "Fraværende: Rikke Lauritsen (V)" in first(m, 0)
    assert first(m, 1).startswith("Anbefales godkendt over for Byrådet, idet udvalget ønsker en handleplan")
    assert first(m, 2).startswith("Udvalget anbefaler model B.")
    assert first(m, 3).startswith("Taget til efterretning.") and first(m, 5).startswith("Taget til efterretning.")
    assert not m.items[4].decisions and "lukkede døre" in m.items[4].text


def test_naestved_vote_and_item_spanning_a_page_break() -> None:
    m = read(NAESTVED).meeting
    votes = {v.position: v.count for v in m.items[2].decisions[0].votes}
    assert votes == {"for": 4, "against": 2}
    item3 = m.items[2]
    assert [s.name for s in item3.sections] == ["Sagsfremstilling", "Økonomi", "Indstilling"]  # page 3 and 4
    assert "24 pladser" in item3.text and "Næstved Kommune" not in item3.text and "Side 3 af 5" not in item3.text
    assert "10. januar 2025" in m.items[5].text and "14. januar 2025 kl. 16.00" in m.items[5].text


def test_naestved_tables_are_rows_of_cells() -> None:
    m = read(NAESTVED).meeting
    assert "Model B | 120 | 42,0 mio. kr. | -1,9 mio. kr." in m.items[2].text
    assert "Vuggestue (0-2 år) | 3.720 kr. | 3.845 kr." in m.items[3].text
    assert "SFO (0.-3. klasse) | 1.705 kr. | 1.760 kr." in m.items[3].text


def test_naestved_item_heading_typed_listitem_or_narrative_is_still_an_item() -> None:
    # any element type may carry an item heading: the text, not the type, makes it one
    m = read(NAESTVED, ('"type": "Title",\n        "element_id": "0a8fcf',
                        '"type": "NarrativeText",\n        "element_id": "0a8fcf')).meeting
    assert [it.number for it in m.items] == ["1", "2", "3", "4", "5", "6"]
    assert m.items[3].title == "Forældrebetaling 2025"


def _elements(*rows: tuple[str, str], html: dict[int, str] | None = None) -> list[dict[str, Any]]:
    out = []
    for k, (kind, text) in enumerate(rows):
        meta: dict[str, Any] = {"page_number": 1, "filename": "Referat - Økonomiudvalget - 04-02-2025.pdf"}
        if html and k in html:
            meta["text_as_html"] = html[k]
        out.append({"type": kind, "element_id": f"{k:032x}", "text": text, "metadata": meta})
    return out


def test_elements_page_header_states_the_committee_and_date_the_text_does_not() -> None:
    rows = _elements(("Header", "Faxe Kommune"), ("Header", "Økonomiudvalget, 04-02-2025"),
                     ("Title", "1. Godkendelse af dagsorden"), ("Title", "Beslutning"),
                     ("NarrativeText", "Godkendt."), ("Title", "2. Budgetopfølgning"),
                     ("Title", "Sagsfremstilling"), ("Table", "Område Forbrug Drift 40 pct."),
                     ("Title", "Beslutning"), ("NarrativeText", "Taget til efterretning."),
                     ("Footer", "Side 1 af 1"),
                     html={7: "<table><tr><td>Område</td><td>Forbrug</td></tr><tr><td>Drift</td><td>40 pct.</td>"
                              "</tr></table>"})
    r = read_data(rows)
    m = r.meeting
    assert r.reader == "unstructured-elements"
    assert (m.municipality, m.committee, m.date) == ("Faxe", "Økonomiudvalget", date(2025, 2, 4))
    assert [it.title for it in m.items] == ["Godkendelse af dagsorden", "Budgetopfølgning"]
    assert "Drift | 40 pct." in m.items[1].text and "Side 1 af 1" not in m.items[1].text


def test_elements_chunked_by_title_and_wrapped_in_an_object() -> None:
    rows = [{"type": "CompositeElement", "element_id": str(k), "text": t, "metadata": {}} for k, t in enumerate([
        "Referat\n\nØkonomiudvalget\n\nMødedato: 04-02-2025", "1. Godkendelse af dagsorden\n\nSagsnr.: 25/1\n\n"
        "Beslutning i Økonomiudvalget den 04-02-2025\n\nGodkendt.", "2. Budget\n\nSagsnr.: 25/2\n\nBeslutning i "
        "Økonomiudvalget den 04-02-2025\n\nTaget til efterretning."])]
    m = read_data({"elements": rows}).meeting
    assert [(it.number, it.case_number) for it in m.items] == [("1", "25/1"), ("2", "25/2")]
    assert m.items[1].decisions[0].outcome == "noted"


def test_elements_without_items_are_one_searchable_document_of_their_text() -> None:
    rows = _elements(("Title", "Årsberetning 2024"), ("NarrativeText", "Kommunen har i året bygget 3 nye skoler."),
                     ("Footer", "Side 1"))
    r = read_data(rows)
    assert r.reader == "unstructured-elements" and len(r.meeting.items) == 1
    text = r.meeting.items[0].text
    assert "3 nye skoler" in text and "element_id" not in text and "NarrativeText" not in text


def test_other_json_arrays_are_not_elements() -> None:
    from ingest.readers.unstructured_elements import elements

    assert elements([{"type": "Title", "text": "x"}, {"foo": 1}, {"bar": 2}]) is None
    assert elements([{"type": "Punkt", "text": "x", "metadata": {}}] * 3) is None
    assert elements(_elements(("Header", "a"), ("Footer", "b"), ("PageBreak", ""))) is None  # furniture only


# --- JSON Feed (Roskilde) ---

def test_roskilde_feed_holds_two_meetings() -> None:
    r = read(ROSKILDE)
    assert r.reader == "jsonfeed" and len(r.meetings) == 2
    oct_, sep = r.meetings
    assert (oct_.municipality, oct_.committee, oct_.date, oct_.time) == ("Roskilde", "Klima- og Miljøudvalget",
                                                                         date(2024, 10, 15), "16:00")
    assert (sep.municipality, sep.committee, sep.date, sep.time) == ("Roskilde", "Klima- og Miljøudvalget",
                                                                     date(2024, 9, 17), "16:00")
    for m in (oct_, sep):
        assert m.location == "Mødelokale 1, Roskilde Rådhus, Rådhusbuen 1, 4000 Roskilde"
        assert m.status == "minutes" and m.participants == []
    assert oct_.absentees == ["Ulrik Bay (DF)"] and sep.absentees == ["Maria Hjort (SF)"]
    assert oct_.published == "2024-10-17T09:12:00+02:00" and sep.published == "2024-09-19T10:03:00+02:00"


def test_roskilde_items_of_each_meeting() -> None:
    oct_, sep = read(ROSKILDE).meetings
    assert table(oct_) == [
        ("1", "Godkendelse af dagsorden", "24/1880", False),
        ("2", "Status på Klimaplan 2030", "24/9932", False),
        ("3", "Kystbeskyttelse Jyllinge Nordmark - bidragsfordeling", "23/21455", False),
        ("4", "Regulativ for Værebro Å - endelig vedtagelse", "24/4473", False),
        ("5", "Lukket punkt: Påbud om undersøgelse af jordforurening", None, True),
        ("6", "Meddelelser", "24/1881", False),
    ]
    assert table(sep) == [("6", "Støjhandlingsplan 2024-2028", "24/7781", False),
                          ("7", "Meddelelser", "24/1879", False)]
    assert first(oct_, 0).startswith("Godkendt.") and "Fraværende: Ulrik Bay (DF)." in first(oct_, 0)
    assert first(oct_, 1).startswith("Taget til efterretning.")
    assert first(oct_, 2).startswith("Udvalget anbefaler, at forslaget til bidragsfordeling sendes i høring i 6 uger.")
    assert {v.position: v.count for v in oct_.items[2].decisions[0].votes} == {"for": 5, "against": 1}
    assert first(oct_, 3).startswith("Godkendt.") and not oct_.items[4].decisions
    assert first(sep, 0).startswith("Godkendt.") and "Maria Hjort (SF)" in first(sep, 0)
    assert "6.200 boliger" in sep.items[0].text and "58 dB" in sep.items[0].text
    assert oct_.items[2].attachments == ["Bilag 1 - Oversigtskort Jyllinge Nordmark"]


def test_roskilde_meeting_date_is_the_extensions_not_the_publication() -> None:
    # the meeting start decides the meeting: moved to another day, the last entry makes a third meeting
    data = json.loads(ROSKILDE.read_text(encoding="utf-8"))
    data["items"][-1]["_dagsorden"]["moede_start"] = "2024-09-03T17:00:00+02:00"
    r = read_data(data, ROSKILDE.name)
    assert [(m.date, m.time, len(m.items)) for m in r.meetings] == [
        (date(2024, 10, 15), "16:00", 6), (date(2024, 9, 17), "16:00", 1), (date(2024, 9, 3), "17:00", 1)]
    data["items"][-1]["_dagsorden"]["moede_start"] = "2024-10-15T16:00:00+02:00"  # one meeting again, 7 items
    assert [(m.date, [it.number for it in m.items]) for m in read_data(data).meetings] == [
        (date(2024, 10, 15), ["1", "2", "3", "4", "5", "6", "7"]), (date(2024, 9, 17), ["6"])]


def _feed(items: list[dict[str, Any]], **top: Any) -> dict[str, Any]:
    return {"version": "https://jsonfeed.org/version/1.1", "title": top.pop("title", "Teknisk Udvalg - Dagsorden"),
            "authors": [{"name": "Vejle Kommune"}], "items": items, **top}


def test_feed_without_extension_facts_entry_and_plain_text_bodies() -> None:
    items: list[dict[str, Any]] = [
        {"id": "f", "title": "Mødeoplysninger", "content_text": "Mødedato: 12.03.2025\nMødetid: 17:00\n"
                                                                 "Mødested: Byrådssalen\nAfbud: Ib Hansen (V)"},
        {"id": "2", "title": "Punkt 2: Vejplan", "content_text": "Sagsnr.: 25/12\nSagsfremstilling\n4 km vej.",
         "date_published": "2025-03-01T10:00:00+01:00"},
        {"id": "1", "title": "Punkt 1: Godkendelse af dagsorden", "content_text": "Sagsfremstilling\nIntet."},
        {"id": "3", "title": "Punkt 3: Salg af grund", "tags": ["Lukket punkt"]},
    ]
    r = read_data(_feed(items))
    m = r.meeting
    assert r.reader == "jsonfeed" and len(r.meetings) == 1
    assert (m.municipality, m.committee, m.date, m.time) == ("Vejle", "Teknisk Udvalg", date(2025, 3, 12), "17:00")
    assert m.location == "Byrådssalen" and m.absentees == ["Ib Hansen (V)"] and m.status == "agenda"
    assert table(m) == [("1", "Godkendelse af dagsorden", None, False), ("2", "Vejplan", "25/12", False),
                        ("3", "Salg af grund", None, True)]
    assert [s.name for s in m.items[1].sections] == ["Sagsfremstilling"]


def test_feed_grouped_by_a_meeting_id_and_dated_by_publication_only_as_a_last_resort() -> None:
    items: list[dict[str, Any]] = [{"title": f"{n}. Punkt {n}", "content_html": "<h3>Beslutning</h3><p>Godkendt.</p>",
              "date_published": stamp, "_x": {"meeting_id": mid, "committee": "Teknisk Udvalg"}}
             for n, stamp, mid in [(1, "2025-03-14T09:00:00+01:00", "m2"), (2, "2025-03-14T09:00:00+01:00", "m2"),
                                   (1, "2025-02-14T09:00:00+01:00", "m1")]]
    r = read_data(_feed(items, title="Seneste punkter"))
    assert [(m.date, len(m.items), m.status) for m in r.meetings] == [(date(2025, 3, 14), 2, "minutes"),
                                                                      (date(2025, 2, 14), 1, "minutes")]
    assert any("publication date" in w for w in r.warnings)


def test_news_feeds_and_broken_feeds_are_not_claimed() -> None:
    from ingest.readers import jsonfeed

    news = _feed([{"id": "1", "title": "Ny cykelsti åbnet", "content_text": "x"},
                  {"id": "2", "title": "Borgermøde", "content_text": "y"}])
    assert jsonfeed.analyse(Source(json.dumps(news).encode(), "n.json")) is None
    broken = {"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": [1, 2, 3]}
    assert jsonfeed.analyse(Source(json.dumps(broken).encode(), "b.json")) is None
    odd = _feed([{"title": "1. A", "tags": "Lukket", "attachments": "x", "_e": {"udvalg": ["x"]}}, {"title": "2. B"}])
    read_data(odd)  # no meeting date anywhere: left to the generic readers, never a crash
