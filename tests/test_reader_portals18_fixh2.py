"""portals18: a CKAN DataStore response (``ingest.readers.ckan``: rows as arrays, the agenda AND the minutes rows of
one meeting, sorted by case number) and an Elasticsearch ``_search`` response (``ingest.readers.elastic``: hits in
update order, an integer sequence beside the printed number, the meeting facts in one meeting document), checked
against sample_data/portals18-expected.md; invented variations of both are built in the tests."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from core.errors import IngestError
from ingest.parse import read_path

ROOT = Path(__file__).resolve().parent.parent
FAVRSKOV = ROOT / "sample_data" / "portals18" / "favrskov_social-og-sundhedsudvalget_2024-10-07.json"
LYNGBY = ROOT / "sample_data" / "portals18" / "lyngby-taarbaek_teknik-og-miljoeudvalget_2024-09-05.json"


def _table(path: Path) -> list[tuple[str | None, str, str | None, str]]:
    m = read_path(path).meeting
    return [(it.number, it.title, it.case_number, it.decisions[0].text if it.decisions else "") for it in m.items]


# --- CKAN datastore_search (records_format=lists) -----------------------------------------------------------------

def test_favrskov_meeting_facts() -> None:
    result = read_path(FAVRSKOV)
    m = result.meeting
    assert result.readers == ["ckan-datastore"]
    assert (m.municipality, m.committee, m.date, m.time) == ("Favrskov", "Social- og Sundhedsudvalget",
                                                             date(2024, 10, 7), "16:00")
    assert m.location == "Mødelokale 2, Favrskov Rådhus, Skovvej 20, 8382 Hinnerup"
    assert m.absentees == ["Mikkel Ryg (F)"]
    assert m.status == "minutes"
    assert len(result.meetings) == 1


def test_favrskov_items_in_agenda_order_once_each() -> None:
    table = _table(FAVRSKOV)
    assert [n for n, *_ in table] == ["1", "2", "3", "4", "5", "6", "7"]  # not 14 rows, not case-number order
    assert [(n, t, c) for n, t, c, _ in table] == [
        ("1", "Godkendelse af dagsorden", "24/21117"),
        ("2", "Plejeboligkapacitet 2025-2032", "24/11850"),
        ("3", "Kvalitetsstandard for praktisk hjælp 2025", "24/15042"),
        ("4", "Evaluering af akutpladser i Hadsten Sundhedshus", "24/13377"),
        ("5", "Tilskud til frivilligt socialt arbejde efter servicelovens § 18 - 2. ansøgningsrunde", "24/16620"),
        ("6", "Lukket punkt: Klage over afgørelse om hjælpemiddel", None),
        ("7", "Meddelelser", "24/21118"),
    ]


def test_favrskov_decisions_from_the_minutes_rows() -> None:
    m = read_path(FAVRSKOV).meeting
    first = {it.number: it.decisions[0].text for it in m.items if it.decisions}
    assert first["1"] == "Godkendt."
    assert first["2"].startswith("Anbefales over for Økonomiudvalget og Byrådet, dog således at udbygningen i "
                                 "Hammel fremrykkes til 2029. For stemte: A, V og C (5). Imod stemte: Ø (1)")
    assert first["3"].startswith("Godkendt med den ændring, at rengøring fortsat leveres hver 2. uge.")
    assert first["4"] == "Taget til efterretning."
    assert first["5"].startswith("Godkendt med den ændring, at Frivilligcenter Favrskov tildeles 60.000 kr.")
    assert first["7"] == "Taget til efterretning."
    closed = m.items[5]
    assert closed.closed and not closed.decisions and not closed.sections
    votes = {v.position: v.count for v in m.items[1].decisions[0].votes}
    assert votes == {"for": 5, "against": 1}


def test_favrskov_sections_named_and_row_ids_dropped() -> None:
    m = read_path(FAVRSKOV).meeting
    assert [s.name for s in m.items[1].sections] == ["Sagsfremstilling", "Økonomi", "Indstilling"]
    assert "2.950" in m.items[1].sections[0].text and "\r" not in m.items[1].text
    assert "64 ekstra plejeboliger" in m.items[1].text
    assert not any(x in it.text for it in m.items for x in ("4101", "4188", "4193", "2024-09-30T12"))
    assert m.items[6].sections[0].text.strip() != ""  # Meddelelser text from sagsfremstilling


def _ckan(rows: list[list[Any]], columns: list[str], fmt: str = "lists") -> dict[str, Any]:
    records: Any = rows
    if fmt == "objects":
        records = [dict(zip(columns, r, strict=True)) for r in rows]
    elif fmt == "csv":
        records = "".join(",".join(f'"{v}"' for v in r) + "\n" for r in rows)
    return {"help": "https://example.org/api/3/action/help_show?name=datastore_search", "success": True,
            "result": {"records_format": fmt, "fields": [{"id": c, "type": "text"} for c in columns],
                       "records": records, "total": len(rows)}}


COLUMNS = ["_id", "udvalg", "dokumenttype", "moededato", "punkt_nr", "punkt_titel", "sagsnr", "sagsfremstilling",
           "beslutning"]
ROWS = [
    [7, "Kultur- og Fritidsudvalget", "Referat", "2023-05-02T00:00:00", "10", "Halleje 2024", "23/1", "Tekst om leje.",
     "Godkendt."],
    [8, "Kultur- og Fritidsudvalget", "Referat", "2023-05-02T00:00:00", "2", "Budget 2024", "23/9", "Tekst om budget.",
     "Anbefales."],
    [9, "Kultur- og Fritidsudvalget", "Referat", "2023-05-02T00:00:00", "2a", "Tillæg", "23/5", "Tekst om tillæg.",
     "Udsat."],
]


@pytest.mark.parametrize("fmt", ["lists", "objects", "csv"])
def test_ckan_records_formats_ordered_by_printed_number(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "resource.json"
    path.write_text(json.dumps(_ckan(ROWS, COLUMNS, fmt)), encoding="utf-8")
    result = read_path(path)
    assert result.readers == ["ckan-datastore"]
    m = result.meeting
    assert (m.committee, m.date) == ("Kultur- og Fritidsudvalget", date(2023, 5, 2))
    assert [(it.number, it.title) for it in m.items] == [("2", "Budget 2024"), ("2a", "Tillæg"),
                                                         ("10", "Halleje 2024")]


def test_ckan_agenda_rows_only_is_an_agenda(tmp_path: Path) -> None:
    rows = [[r[0], r[1], "Dagsorden", r[3], r[4], r[5], r[6], r[7], ""] for r in ROWS]
    path = tmp_path / "agenda.json"
    path.write_text(json.dumps(_ckan(rows, COLUMNS)), encoding="utf-8")
    m = read_path(path).meeting
    assert m.status == "agenda" and len(m.items) == 3 and not any(it.decisions for it in m.items)


def test_ckan_rows_of_two_meetings_are_not_one_meeting(tmp_path: Path) -> None:
    rows = [*ROWS, [10, "Kultur- og Fritidsudvalget", "Referat", "2023-06-06T00:00:00", "1", "Andet møde", "23/7",
                    "Tekst.", "Godkendt."]]
    path = tmp_path / "two.json"
    path.write_text(json.dumps(_ckan(rows, COLUMNS)), encoding="utf-8")
    assert "ckan-datastore" not in read_path(path).readers


def test_ckan_error_response_and_broken_rows(tmp_path: Path) -> None:
    path = tmp_path / "error.json"
    path.write_text(json.dumps({"help": "https://example.org/api/3/action/help_show?name=datastore_search",
                                "success": False, "error": {"__type": "Not Found Error",
                                                            "message": "Resource not found"}}), encoding="utf-8")
    with pytest.raises(IngestError, match="CKAN API error response.*Resource not found"):
        read_path(path)
    data = _ckan(ROWS, COLUMNS)
    data["result"]["records"][1] = data["result"]["records"][1][:4]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(IngestError, match="row 2 has 4 values for 9 fields"):
        read_path(path)


# --- Elasticsearch _search response ---------------------------------------------------------------------------------

def test_lyngby_meeting_facts_from_the_meeting_document() -> None:
    result = read_path(LYNGBY)
    m = result.meeting
    assert result.readers == ["elasticsearch-hits"]
    assert (m.municipality, m.committee, m.date, m.time) == ("Lyngby-Taarbæk", "Teknik- og Miljøudvalget",
                                                             date(2024, 9, 5), "16:30")
    assert m.location == "Mødelokale 3, Lyngby Rådhus, Lyngby Torv 17, 2800 Kgs. Lyngby"
    assert m.absentees == ["Søren Kiel (F)"]
    assert "Henrik Borch (C)" in m.participants and len(m.participants) == 7
    assert m.status == "minutes"


def test_lyngby_printed_numbers_in_agenda_order() -> None:
    table = _table(LYNGBY)
    assert [(n, t, c) for n, t, c, _ in table] == [
        ("1", "Godkendelse af dagsorden", "24/010117"),
        ("2", "Trafiksikkerhedsplan 2025-2028", "23/022514"),
        ("3", "Skybrudssikring af Lundtofte Nord - medfinansiering", "24/004471"),
        ("4", "Udbud af offentlige ladestandere", "24/008812"),
        ("5", "Storskrald - ny henteordning", "24/009930"),
        ("5a", "Tillægspunkt: Vintertjeneste 2024/25 - saltning af cykelstier", "24/011502"),
        ("6", "Lukket punkt: Erstatningssag vedrørende faldulykke", None),
        ("7", "Meddelelser", "24/010118"),
    ]


def test_lyngby_decisions_and_traps() -> None:
    m = read_path(LYNGBY).meeting
    first = {it.number: it.decisions[0] for it in m.items if it.decisions}
    assert first["1"].text == "Godkendt."
    assert first["2"].text.startswith("Godkendt, idet projekt nr. 4 (hævet flade på Bagsværdvej ved "
                                      "Engelsborgskolen) fremrykkes til 2025.")
    assert first["3"].text.startswith("Anbefales over for Økonomiudvalget og Kommunalbestyrelsen. For stemte: C, A, "
                                      "V og B (5). Imod stemte: Ø (1).")
    assert first["4"].text.startswith("Godkendt med den ændring, at der også etableres ladepunkter")
    assert first["5"].text.startswith("Udsat. Udvalget ønsker en belysning") and first["5"].outcome == "postponed"
    assert first["5a"].text.startswith("Godkendt. Merudgiften på 350.000 kr.")
    assert first["7"].text == "Taget til efterretning."
    assert all(d.body == "Teknik- og Miljøudvalget" and d.date == date(2024, 9, 5) for d in first.values())
    closed = m.items[6]
    assert closed.closed and not closed.decisions
    assert [s.name for s in m.items[7].sections] == ["Orientering"]
    assert not any("<em>" in it.text or "ltk-politik" in it.text for it in m.items)  # highlight, _index dropped


def _hit(source: dict[str, Any], k: int) -> dict[str, Any]:
    return {"_index": "politik", "_id": f"doc-{k}", "_score": 1.0, "_source": source,
            "highlight": {"titel": ["<em>x</em>"]}}


def _es(sources: list[dict[str, Any]]) -> dict[str, Any]:
    return {"took": 3, "timed_out": False, "hits": {"total": {"value": len(sources)},
                                                      "hits": [_hit(s, k) for k, s in enumerate(sources)]}}


def _doc(number: str, title: str, day: str = "2023-03-01") -> dict[str, Any]:
    return {"meeting": {"udvalg": "Børneudvalget", "dato": day},
            "punkt": {"nummer": number, "titel": title, "sagsnummer": f"23/{number}"},
            "tekst": f"Sagen om {title.lower()}.", "beslutning": {"organ": "Børneudvalget", "dato": day,
                                                                  "tekst": "Godkendt."}}


def test_es_items_without_meeting_document_by_printed_number(tmp_path: Path) -> None:
    path = tmp_path / "search.json"
    path.write_text(json.dumps(_es([_doc("3", "Skoler"), _doc("1", "Dagsorden"), _doc("2", "Budget")])),
                    encoding="utf-8")
    result = read_path(path)
    assert result.readers == ["elasticsearch-hits"]
    m = result.meeting
    assert (m.committee, m.date) == ("Børneudvalget", date(2023, 3, 1))
    assert [it.number for it in m.items] == ["1", "2", "3"]
    assert [d.text for it in m.items for d in it.decisions] == ["Godkendt."] * 3


def test_es_hits_of_two_meetings_are_not_one_meeting(tmp_path: Path) -> None:
    path = tmp_path / "search.json"
    path.write_text(json.dumps(_es([_doc("1", "Dagsorden"), _doc("2", "Budget", "2023-04-05")])), encoding="utf-8")
    assert "elasticsearch-hits" not in read_path(path).readers


def test_es_error_response_and_no_date(tmp_path: Path) -> None:
    path = tmp_path / "error.json"
    path.write_text(json.dumps({"error": {"root_cause": [], "type": "index_not_found_exception",
                                          "reason": "no such index [politik]"}, "status": 404}), encoding="utf-8")
    with pytest.raises(IngestError, match="Elasticsearch error response.*no such index"):
        read_path(path)
    undated = [{k: v for k, v in _doc(n, t).items() if k not in ("meeting", "beslutning")}
               for n, t in (("1", "Dagsorden"), ("2", "Budget"))]
    path.write_text(json.dumps(_es(undated)), encoding="utf-8")
    with pytest.raises(IngestError, match="no meeting date"):  # never dated today
        read_path(path)
