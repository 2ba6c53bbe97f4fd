"""The JSON readers: the Greve/First Agenda portal JSON, its JSON-lines derivative, and the generic JSON reader.

Real files (sample_data/minutes) are checked against the table in docs/minutes-sources.md and against golden
outputs (tests/golden/readers/<source stem>.json; regenerate with ``python -m tests.test_reader_json`` and
review the diff). Invented variations live in tests/fixtures/readers/json/.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from core.errors import IngestError
from core.model import Meeting
from ingest.parse import read_path
from ingest.readers import ReadResult
from tests.helpers import invented

ROOT = Path(__file__).resolve().parent.parent
MINUTES = ROOT / "sample_data" / "minutes"
FIXTURES = Path(__file__).parent / "fixtures" / "readers" / "json"
GOLDEN = Path(__file__).parent / "golden" / "readers"
REAL = sorted([*MINUTES.glob("*.json"), *MINUTES.glob("*.jsonl")])


def _read(path: Path) -> ReadResult:
    return read_path(path)


def _numbers(first: int, last: int) -> list[str]:
    return [str(n) for n in range(first, last + 1)]


# docs/minutes-sources.md, "Files": committee as printed (Udvalg.Navn), date, printed numbers, closed numbers
TABLE: dict[str, tuple[str, str, date, list[str], list[str]]] = {
    "greve_byraad_2025-10-01.json": ("greve-json", "Byråd 2022-2025", date(2025, 10, 1), _numbers(1, 22), ["2", "4"]),
    "greve_byraad_2022-01-14.json": ("greve-json", "Byråd 2022-2025", date(2022, 1, 14), _numbers(1, 4), ["3"]),
    "greve_kultur-og-fritidsudvalget_2022-03-21.json": (
        "greve-json", "Kultur- og Fritidsudvalget", date(2022, 3, 21), _numbers(1, 3), ["2"]),
    "greve_beskaeftigelses-og-erhvervsudvalget_2025-09-08.json": (
        "greve-json", "Beskæftigelses- og Erhvervsudvalget", date(2025, 9, 8), _numbers(1, 8), ["4"]),
    "greve_social-og-handicapudvalget_2024-09-09.json": (
        "greve-json", "Social- og Handicapudvalget", date(2024, 9, 9), _numbers(1, 6), []),
    "greve_sundheds-og-omsorgsudvalget_2023-01-09.json": (
        "greve-json", "Sundheds- og Omsorgsudvalget", date(2023, 1, 9), _numbers(1, 10), ["2", "6"]),
    "greve_oekonomiudvalget_2023-11-16.json": ("greve-json", "Økonomiudvalget", date(2023, 11, 16), _numbers(1, 3), []),
    "greve_klima-teknik-og-miljoeudvalget_2024-09-05.json": (
        "greve-json", "Klima-, Teknik- og Miljøudvalget", date(2024, 9, 5), _numbers(1, 12), ["8"]),
    "greve_plan-og-tryghedsudvalget_2022-06-20.json": (
        "greve-json", "Plan- og Tryghedsudvalget", date(2022, 6, 20), _numbers(1, 4), []),
    "greve_skole-boerne-og-ungeudvalget_2023-09-12.json": (
        "greve-json", "Skole-, Børne- og Ungeudvalget", date(2023, 9, 12), _numbers(1, 7), []),
    "greve_spoergsmaal-svar-til-byraadet_2022-01-01.json": (
        "greve-json", ".Spørgsmål / Svar til Byrådet 2022-2025", date(2022, 1, 1), ["1"], []),
    "greve_kultur-og-fritidsudvalget_2024-10-09.jsonl": (
        "greve-jsonl", "Kultur- og Fritidsudvalget", date(2024, 10, 9), _numbers(1, 11), []),
    "greve_plan-og-tryghedsudvalget_2025-03-25.jsonl": (
        "greve-jsonl", "Plan- og Tryghedsudvalget", date(2025, 3, 25), _numbers(1, 10), ["6"]),
    "greve_sundheds-og-omsorgsudvalget_2024-09-09.jsonl": (
        "greve-jsonl", "Sundheds- og Omsorgsudvalget", date(2024, 9, 9), _numbers(1, 8), ["4"]),
}


def test_table_covers_every_real_json_file() -> None:
    assert sorted(TABLE) == [p.name for p in REAL]


@pytest.mark.parametrize("name", sorted(TABLE))
def test_real_file_matches_the_sources_table(name: str) -> None:
    reader, committee, day, numbers, closed = TABLE[name]
    result = _read(MINUTES / name)
    m = result.meeting
    assert (result.reader, m.municipality, m.committee, m.date) == (reader, "Greve", committee, day)
    assert [it.number for it in m.items] == numbers
    assert [it.number for it in m.items if it.closed] == closed
    for it in m.items:
        if it.closed:  # closed items publish only the bare decision
            assert it.decisions and not it.sections, it.label


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_real_file_matches_golden(path: Path) -> None:
    golden = GOLDEN / f"{path.stem}.json"
    assert golden.exists(), f"missing {golden.name}: run python -m tests.test_reader_json"
    expected = Meeting.model_validate_json(golden.read_text(encoding="utf-8"))
    assert _read(path).meeting.model_dump() == expected.model_dump()


def _meeting(name: str) -> Meeting:
    return _read(MINUTES / name).meeting


def test_byraad_2025_meeting_facts() -> None:
    m = _meeting("greve_byraad_2025-10-01.json")
    assert (m.time, m.location, m.extraordinary, m.status) == ("17:30", "Byrådssalen", False, "minutes")
    # "Fraværende: Mehmet Zeki Dogru" under items 1 and 2 only, where every item records its absences: he came late
    assert m.absentees == ["Charlotte Levin", "Mehmet Zeki Dogru (fraværende under punkt 1, 2)"]
    assert len(m.participants) == 21
    underskrift = m.items[21]
    assert underskrift.title == "Underskriftsark" and not underskrift.decisions  # only an "Afbud:" line
    assert m.items[1].title == "Lukket: Orientering"  # the printed title is kept
    budget = m.items[8]
    assert budget.decisions[0].body == "Byråd 2022-2025" and "0,4%" in budget.decisions[0].text
    assert len(budget.attachments) == 8 and budget.section("Indstilling") is not None
    assert budget.section("Sagsprocedure") is not None
    # "Sagens forløb": earlier decisions of other bodies, dated
    ips = m.items[16]
    assert ips.case_number == "25-007892"
    assert ("Beskæftigelses- og Erhvervsudvalget", date(2025, 9, 8)) in [(d.body, d.date) for d in ips.decisions]
    # headings written as bold paragraphs still split the sections
    initiative = m.items[6]
    assert "Liselott Blixt" in initiative.section("Resumé").text  # type: ignore[union-attr]  # the reader must have produced this section; None fails the test
    # a paragraph wrapped in a heading element is body text, not a section of its own
    assert all(len(s.heading) < 60 for it in m.items for s in it.sections)


def test_attendance_only_in_flags() -> None:
    m = _meeting("greve_sundheds-og-omsorgsudvalget_2023-01-09.json")
    assert m.absentees == ["Tina Rottbøll"] and m.location == "Mødelokale 6+7"


def test_attendance_from_item_attendees_and_history_absence_kept_out() -> None:
    old = _meeting("greve_byraad_2022-01-14.json")
    assert old.absentees == ["Bjarke Abel", "Linda Heegaard"]
    ou = _meeting("greve_oekonomiudvalget_2023-11-16.json")
    assert ou.extraordinary and ou.location == "Biblioteket"
    assert sorted(ou.absentees) == ["Bjarke Abel", "Brigitte Klintskov Jerkel", "Mehmet Zeki Dogru"]
    history = [(d.body, d.date) for d in ou.items[1].decisions]
    assert ("Byråd 2022-2025", date(2023, 6, 19)) in history  # Anne Marie Lyduch was absent then, not now


def test_extraordinary_and_written_meetings() -> None:
    kfu = _meeting("greve_kultur-og-fritidsudvalget_2022-03-21.json")
    assert kfu.extraordinary and kfu.location == "Skriftligt møde"
    assert len(kfu.items[0].decisions) == 1  # its "Sagens forløb" entry repeats this meeting's decision
    assert _meeting("greve_plan-og-tryghedsudvalget_2022-06-20.json").extraordinary
    assert not _meeting("greve_skole-boerne-og-ungeudvalget_2023-09-12.json").extraordinary


def test_study_trip_location_and_questions_container() -> None:
    shu = _meeting("greve_social-og-handicapudvalget_2024-09-09.json")
    assert "p-plads Greve Rådhus" in (shu.location or "") and shu.absentees == ["Anne Marie Lyduch"]
    qa = _meeting("greve_spoergsmaal-svar-til-byraadet_2022-01-01.json")
    assert len(qa.items[0].attachments) == 57 and qa.status == "agenda"


def test_jsonl_items_sections_and_decisions() -> None:
    m = _meeting("greve_sundheds-og-omsorgsudvalget_2024-09-09.jsonl")
    assert (m.time, m.absentees, m.location) == ("15:30", ["Lone Mortensen"], None)
    stop = m.items[2]
    assert stop.decisions[0].outcome == "rejected" and stop.decisions[0].text.startswith("Ikke godkendt")
    assert [s.heading for s in stop.sections][:3] == ["Sagsprocedure", "Resume", "Indstilling"]
    assert "Afbud" not in stop.section("Sagsprocedure").text  # type: ignore[union-attr]  # the reader must have produced this section; None fails the test
    ptu = _meeting("greve_plan-og-tryghedsudvalget_2025-03-25.jsonl")
    assert ptu.absentees == ["Conni Bergendorff", "Kenneth Jerkel"]
    assert ptu.items[5].closed and not ptu.items[5].sections


# --- invented variations ------------------------------------------------------------------------------


def test_portal_variant() -> None:
    result = _read(invented(FIXTURES, "portal_variant.json"))
    m = result.meeting
    assert result.reader == "greve-json" and "Dagsordenpunkter[2] is not an object; skipped" in result.warnings
    assert (m.municipality, m.committee, m.date, m.time) == ("Roskilde", "Teknik- og Miljøudvalget",
                                                             date(2024, 3, 12), "16:00")  # from UTC
    assert m.extraordinary and m.published == "2024-03-13T09:00:00+01:00"
    assert m.absentees == ["Ole Bech (V)", "Sara Lind"]  # flag and text name one person once
    assert [it.number for it in m.items] == ["1", "2", "3", "4"]
    first, path, closed, signatures = m.items
    assert first.section("Sagsprocedure") is not None and first.absentees == ["Sara Lind"]
    assert "ekstraordinært møde" in first.section("Resumé").text  # type: ignore[union-attr]  # the reader must have produced this section; None fails the test
    assert "50?%" in path.text and "4,5 mio. kr." in path.text and "\r" not in path.text
    assert [(d.body, d.date, d.outcome) for d in path.decisions] == [
        ("Teknik- og Miljøudvalget", date(2024, 3, 12), "approved"),
        ("Teknik- og Miljøudvalget", date(2024, 2, 20), "postponed")]
    assert path.attachments == ["Bilag 1. Skitse", "Bilag 2. Økonomi"]
    assert "Karen Holm" not in m.absentees  # absent at the earlier meeting in "Sagens forløb"
    assert closed.closed and closed.decisions[0].text == "Godkendt."
    assert not signatures.decisions and signatures.absentees == ["Sara Lind"]


def test_jsonl_variant_groups_sections_of_one_item() -> None:
    result = _read(invented(FIXTURES, "portal_variant.jsonl"))
    m = result.meeting
    assert result.reader == "greve-jsonl" and [it.number for it in m.items] == ["1", "2", "3"]
    school = m.items[1]
    assert [s.name for s in school.sections] == ["Sagsprocedure", "Resumé", "Indstilling", "Sagsfremstilling",
                                                 "Økonomi"]
    assert [(d.date, d.outcome) for d in school.decisions] == [(date(2024, 5, 6), "approved"),
                                                               (date(2024, 4, 8), "postponed")]
    assert m.absentees == ["Per Berg", "Lise Dam"]
    assert m.items[2].closed and m.items[2].decisions[0].text.startswith("Godkendt.")


@pytest.mark.parametrize("name,municipality,committee,day,numbers", [
    ("generic_english.json", "Roskilde", "Planning Committee", date(2024, 5, 2), ["1", "2", "3"]),
    ("generic_nested.json", "Køge", "Kultur- og Idrætsudvalget", date(2023, 2, 28), ["1", "2", "3"]),
    ("generic_flat.json", "Holbæk", "Social- og Sundhedsudvalget", date(2022, 11, 7), ["1", "2", "3"]),
    ("generic_html.json", "Frederikssund", "Økonomiudvalget", date(2025, 1, 20), ["1", "2"]),
])
def test_generic_schemas(name: str, municipality: str, committee: str, day: date, numbers: list[str]) -> None:
    result = _read(invented(FIXTURES, name))
    m = result.meeting
    assert result.reader == "generic-json" and any("generic JSON reader" in w for w in result.warnings)
    assert (m.municipality, m.committee, m.date) == (municipality, committee, day)
    assert [it.number for it in m.items] == numbers


def test_generic_field_mapping() -> None:
    english = _read(invented(FIXTURES, "generic_english.json")).meeting
    assert (english.time, english.location, english.absentees) == ("17:00", "City Hall, room 2", ["Tom Fisk"])
    path = english.items[1]
    assert path.case_number == "24/5678" and path.attachments == ["Map of the route", "Budget"]
    assert "3.2 million DKK" in path.text and "recommends" in path.text  # an unnamed prose field is kept
    assert english.items[2].closed
    nested = _read(invented(FIXTURES, "generic_nested.json")).meeting
    assert (nested.time, nested.location, nested.absentees) == ("16:30", "Køge Rådhus, lokale 1", ["Jens Krog (V)"])
    festuge = nested.items[1]
    assert festuge.case_number == "23/0456" and festuge.section("Resumé") is not None
    assert {v.position: v.count for v in festuge.decisions[0].votes} == {"for": 4}
    flat = _read(invented(FIXTURES, "generic_flat.json")).meeting
    assert flat.location == "Holbæk Rådhus" and flat.items[2].closed and flat.items[1].case_number == "22-017345"
    html = _read(invented(FIXTURES, "generic_html.json")).meeting
    budget, sale = html.items
    assert budget.section("Resumé") is not None and "7,5 mio. kr." in budget.text
    assert budget.attachments == ["Bilag 1 - Budgetopfølgning"] and html.absentees == ["Hans Ravn (V)"]
    assert [(d.date, d.outcome) for d in sale.decisions] == [(date(2025, 1, 6), "postponed"),
                                                             (date(2025, 1, 20), "approved")]


# Schemas first met in a probe of unseen portals: the meeting facts in an object beside the items, the body as a
# list of {heading, text} objects under other names, numbers and case numbers under other names.
# file -> (municipality, committee, date, time, location, absentees), [(number, title, case, decision texts)]
SIBLING_SCHEMAS: dict[str, tuple[tuple[str, str, date, str, str | None, list[str]],
                                 list[tuple[str, str, str | None, list[str]]]]] = {
    "generic_api_meeting_sibling.json": (
        ("Vejle", "Teknisk Udvalg", date(2024, 5, 14), "15:30", "Udvalgsværelse 3, Vejle Rådhus", ["Søren Lund (C)"]),
        [("1", "Meddelelser", None, ["Til orientering."]),
         ("2", "Letbane i Vejle - forundersøgelse", "24/9541",
          ["Udvalget besluttede at arbejde videre med både letbane og BRT-løsning. V og C tog forbehold."]),
         ("3", "Parkeringsnorm for Vejle Midtby", "24/7710", ["Godkendt."]),
         ("4", "Anlægsbevilling til renovering af Dæmningen", "24/3302",
          ["Anbefales over for Økonomiudvalget og Byrådet."])]),
    "hjoerring_social-og-sundhedsudvalget_2024-06-03.json": (
        ("Hjørring", "Social- og Sundhedsudvalget", date(2024, 6, 3), "14:00",
         "Mødelokale 1.14, Rådhuset, Springvandspladsen 5", ["Mette Holm (V)"]),
        [("1", "Godkendelse af dagsorden", None, ["Godkendt."]),
         ("2", "Akutpladser på Plejecenter Sønderskov", "27.00.00-P20-4-24",
          ["Godkendt. Udgiften afholdes inden for rammen."]),
         ("3", "Rygestopindsats 2024-2025", "29.30.00-G01-2-24", ["Taget til efterretning."]),
         ("4", "Takster for madservice 2025", "27.12.00-S00-1-24", ["Godkendt. Enhedslisten stemte imod."])]),
    "skanderborg_byraadet_2024-10-30.jsonl": (
        ("Skanderborg", "Byrådet", date(2024, 10, 30), "17:00", None, []),
        [("1", "Godkendelse af dagsorden", None, ["Godkendt."]),
         ("2", "Budget 2025-2028 - 2. behandling", "24/4001",
          ["Budgettet blev vedtaget med 29 stemmer for og 2 imod."]),
         ("3", "Ny skole i Stilling", "23/9120", ["Godkendt."]),
         ("4", "Salg af Skanderborg Festivals areal i Dyrehaven", "24/6607", ["Salget blev afvist."]),
         ("5", "Lukket: Køb af ejendom i Ry", "24/7112", ["Godkendt."])]),
    "kolding_boerne-og-familieudvalget_2024-09-02.json": (
        ("Kolding", "Børne- og Familieudvalget", date(2024, 9, 2), "16:00", "Mødelokale B, Rådhuset",
         ["Peter Dahl (V)"]),
        [("1", "Godkendelse af dagsorden", None, ["Godkendt."]),
         ("2", "Ny daginstitution i Vamdrup", "24/11873",
          ["Anbefales over for Økonomiudvalget. Sagen behandles igen den 1. oktober 2024."]),
         ("3", "Tilsyn med dagplejen 2024", "24/9001", ["Taget til efterretning."]),
         ("4", "Personalesag", None, ["Godkendt."])]),
}


@pytest.mark.parametrize("name", sorted(SIBLING_SCHEMAS))
def test_generic_meeting_facts_beside_the_items(name: str) -> None:
    (town, committee, day, clock, location, absentees), items = SIBLING_SCHEMAS[name]
    result = _read(invented(FIXTURES, name))
    m = result.meeting
    assert result.reader == "generic-json" and not any("dated today" in w for w in result.warnings)
    assert (m.municipality, m.committee, m.date, m.time, m.location) == (town, committee, day, clock, location)
    assert m.absentees == absentees and m.status == "minutes"
    assert [(it.number, it.title, it.case_number, [d.text for d in it.decisions]) for it in m.items] == items
    assert all(d.body == committee and d.date == day for it in m.items for d in it.decisions)


def test_generic_sections_by_title_or_type_and_sort_order() -> None:
    m = _read(invented(FIXTURES, "generic_api_meeting_sibling.json")).meeting
    assert [it.order for it in m.items] == [1, 2, 3, 4]  # listed 1, 3, 2, 4; "sortOrder" puts them back
    assert m.participants == ["Jens Ejner Christensen (V)", "Anna Berg (A)", "Søren Lund (C)"]  # "present": false
    letbane, parking = m.items[1], m.items[2]
    assert [s.name for s in letbane.sections] == ["Sagsfremstilling", "Indstilling"]
    assert "2,1 mia. kr." in letbane.text and letbane.attachments == ["Bilag 1 - notat.pdf"]
    assert [s.heading for s in parking.sections] == ["Background", "Recommendation"]  # a type, no title
    assert parking.decisions[0].outcome == "approved"  # "type": "Decision"


def test_generic_danish_afsnit_and_a_date_in_the_text() -> None:
    m = _read(invented(FIXTURES, "hjoerring_social-og-sundhedsudvalget_2024-06-03.json")).meeting
    takster = m.items[3]
    assert "1. januar 2025" in takster.text and m.date == date(2024, 6, 3)  # moedetidspunkt, not the body's date
    assert [s.name for s in takster.sections] == ["Sagsfremstilling", "Indstilling"]
    assert not m.items[0].sections and m.items[2].decisions[0].outcome == "noted"


def test_generic_lines_with_headed_plain_text() -> None:
    m = _read(invented(FIXTURES, "skanderborg_byraadet_2024-10-30.jsonl")).meeting
    budget = m.items[1]
    assert [(s.name, s.text) for s in budget.sections] == [
        ("Sagsfremstilling", "Budgetforliget omfatter alle partier undtagen Nye Borgerlige. Skatteprocenten "
                             "fastholdes på 25,7."),
        ("Indstilling", "Økonomiudvalget indstiller, at budgettet vedtages.")]
    assert [it.closed for it in m.items] == [False, False, False, False, True]  # "offentlig": false
    assert m.items[3].decisions[0].outcome == "rejected"


def test_generic_session_members_blocks_and_utc_start() -> None:
    m = _read(invented(FIXTURES, "kolding_boerne-og-familieudvalget_2024-09-02.json")).meeting
    assert m.participants == ["Lise Kjær (A)", "Peter Dahl (V)", "Sara Holm (SF)"]  # "tilstede": "nej"
    assert m.time == "16:00"  # 14:00Z in September
    daginstitution, tilsyn, personale = m.items[1:]
    assert [s.name for s in daginstitution.sections] == ["Sagsfremstilling", "Indstilling"]
    assert [s.name for s in tilsyn.sections] == ["Resumé"]  # an unknown key holding {type, tekst} objects
    assert tilsyn.decisions[0].date == date(2024, 9, 2)  # "Beslutning i Børne- og Familieudvalget den 02-09-2024"
    assert personale.closed  # "public": false


def _write(path: Path, doc: object) -> Path:
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def _undated(title: str, **meeting: str) -> dict[str, object]:
    return {"moede": {"udvalg": "Vejudvalget", **meeting},
            "punkter": [{"nr": 1, "titel": title, "tekst": "Vejen lukkes fra den 1. januar 2025 i tre uger."}]}


def test_generic_unreadable_date_field_is_not_replaced_by_a_date_in_the_text(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as caught:  # never dated today, nor by the text's "1. januar 2025"
        _read(_write(tmp_path / "a.json", _undated("Vejlukning", dato="efter aftale")))
    assert "a.json" in str(caught.value) and "meeting date field 'efter aftale' not understood" in str(caught.value)


def test_generic_without_date_field_names_the_file(tmp_path: Path) -> None:
    result = _read(_write(tmp_path / "b.json", _undated("Vejlukning")))
    assert result.meeting.date == date(2025, 1, 1)  # no date field at all: the first date in the text
    assert any("first date in the text (b.json)" in w for w in result.warnings)
    doc = _undated("Vejlukning")
    doc["punkter"] = [{"nr": 1, "titel": "Vejlukning", "tekst": "Vejen lukkes i tre uger."}]
    with pytest.raises(IngestError) as caught:  # no date anywhere: an error naming the file, never today's date
        _read(_write(tmp_path / "c.json", doc))
    assert "c.json" in str(caught.value) and "no meeting date field" in str(caught.value)


def test_generic_body_is_a_committee_only_when_it_is_a_name(tmp_path: Path) -> None:
    items = [{"number": 1, "title": "Budget", "decision": "Godkendt."}]
    named = _read(_write(tmp_path / "named.json", {"meeting": {"body": {"name": "Økonomiudvalget"},
                                                                "start": "2024-02-01"}, "items": items}))
    assert named.meeting.committee == "Økonomiudvalget"
    prose = {"body": "Mødet blev holdt som et fællesmøde med alle byrådets medlemmer. Referatet er godkendt.",
             "start": "2024-02-01"}
    assert _read(_write(tmp_path / "prose.json", {"meeting": prose, "items": items})).meeting.committee == \
        "Ukendt udvalg"


def test_generic_jsonl_rows(tmp_path: Path) -> None:
    rows = [{"udvalg": "Miljøudvalget", "dato": "2021-06-01", "nummer": k, "titel": f"Sag {k}",
             "tekst": f"Sagen handler om vandløb nummer {k} i kommunen."} for k in (1, 2)]
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    result = _read(path)
    assert result.reader == "generic-json" and [it.number for it in result.meeting.items] == ["1", "2"]
    assert result.meeting.committee == "Miljøudvalget" and result.meeting.date == date(2021, 6, 1)


def test_generic_prefers_items_over_people_and_reads_a_lone_item(tmp_path: Path) -> None:
    doc = {"members": [{"name": "Anna Berg", "position": "Formand"}, {"name": "Bo Holm", "position": "Medlem"}],
           "export": {"meeting": {"committee": "Teknisk Udvalg", "date": "2020-02-03",
                                  "list": [{"heading": "Vejbelysning", "content": "Nye lamper på Ringvejen."}]}}}
    path = tmp_path / "nested.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    m = _read(path).meeting
    assert [it.title for it in m.items] == ["Vejbelysning"] and m.committee == "Teknisk Udvalg"
    lone = tmp_path / "lone.json"
    lone.write_text(json.dumps({"udvalg": "Byrådet", "dato": "2020-02-04", "titel": "Budget 2021",
                                "beslutning": "Vedtaget."}), encoding="utf-8")
    m = _read(lone).meeting
    assert [it.title for it in m.items] == ["Budget 2021"] and m.items[0].decisions[0].outcome == "approved"


def test_one_line_jsonl(tmp_path: Path) -> None:
    line = (invented(FIXTURES, "portal_variant.jsonl")).read_text(encoding="utf-8").splitlines()[0]
    path = tmp_path / "one.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    result = _read(path)
    assert result.reader == "greve-jsonl" and [it.number for it in result.meeting.items] == ["1"]


def test_jsonl_with_a_broken_line_keeps_the_rest(tmp_path: Path) -> None:
    lines = (invented(FIXTURES, "portal_variant.jsonl")).read_text(encoding="utf-8").splitlines()
    path = tmp_path / "cut.jsonl"
    path.write_text("\n".join([*lines, lines[0][:40]]) + "\n", encoding="utf-8")  # a line cut short
    result = _read(path)
    assert result.reader == "greve-jsonl" and len(result.meeting.items) == 3
    assert result.warnings == ["1 of 5 lines are not JSON objects; skipped"]


def test_json_without_items_is_indexed_as_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    path.write_text(json.dumps({"notat": "Referat fra borgermødet den 3. marts 2022 om den nye skole i Hatting.",
                                "forfatter": "Forvaltningen"}, ensure_ascii=False), encoding="utf-8")
    result = _read(path)
    assert result.reader == "fulltext" and result.meeting.date == date(2022, 3, 3)
    assert "Hatting" in result.meeting.items[0].text


@pytest.mark.parametrize("payload,reason", [
    ("[1, 2, 3]", "not a First Agenda publication"),
    ('{"Dagsordenpunkter": ["x"]}', "is not an object"),
    ('{"Dagsordenpunkter": [', "invalid JSON"),
])
def test_unreadable_json_is_an_error(tmp_path: Path, payload: str, reason: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(payload, encoding="utf-8")
    with pytest.raises(IngestError, match=reason):
        _read(path)


def regenerate() -> None:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for path in REAL:
        out = GOLDEN / f"{path.stem}.json"
        out.write_text(_read(path).meeting.model_dump_json(indent=2) + "\n", encoding="utf-8")
        print("wrote", out.relative_to(ROOT))


if __name__ == "__main__":
    regenerate()


def test_an_absence_from_one_item_is_not_an_absence_from_the_meeting() -> None:
    """"X deltog ikke i behandlingen af punktet" keeps X on the item's absentees only; "Fraværende: Y" in a
    decision of the meeting's own committee is an absence from the meeting."""
    from datetime import date

    from ingest.readers.base import DecisionDraft, ItemDraft, MeetingDraft, Source, build_meeting

    items = [ItemDraft(title="Lokalplan 12", decisions=[DecisionDraft(
                 "Godkendt.\nJens Ø (V) deltog ikke i behandlingen af punktet.", None, None)]),
             ItemDraft(title="Budget", decisions=[DecisionDraft("Godkendt.\nFraværende: Bo Kjær (A)", None, None)])]
    draft = MeetingDraft(committee="Økonomiudvalget", date=date(2024, 3, 12), items=items, municipality="Thisted")
    m = build_meeting(draft, Source(b"{}", "m.json"))
    assert m.absentees == ["Bo Kjær (A)"]
    assert m.items[0].absentees == ["Jens Ø (V)"]
