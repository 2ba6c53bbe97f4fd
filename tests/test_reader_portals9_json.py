"""JSON variants in sample_data/portals9 (invented minutes imitating real exports): the First Agenda "Vis" JSON in
an API envelope whose decisions are only in "Sagens forløb" (greve-json), and the JSON-lines export with one line
per item, nested sections and a printed item number that skips a left-out closed item; plus a small invented
variant of each rule.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from ingest.parse import parse_bytes, read_path

ROOT = Path(__file__).resolve().parent.parent
PORTALS9 = ROOT / "sample_data" / "portals9"


def test_first_agenda_json_in_an_api_envelope_with_decisions_in_the_case_history() -> None:
    result = read_path(PORTALS9 / "hoeje-taastrup_byraadet_2024-11-26.json")
    m = result.meeting
    assert result.reader == "greve-json"
    assert (m.municipality, m.committee, m.date, m.time, m.status) == (
        "Høje-Taastrup", "Byrådet", date(2024, 11, 26), "18:00", "minutes")  # local time, not MeetingBeginUtc 17:00
    assert m.location == "Byrådssalen, Høje-Taastrup Rådhus, Bygaden 2, 2630 Taastrup"
    assert sorted(m.absentees) == ["Jette Brink", "Kasper Ravn"]
    assert "Anja Rasmussen" not in m.absentees  # absent from the Økonomiudvalget meeting only
    assert len(m.participants) == 27 and not m.extraordinary
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "24-000118"),
        ("2", "Meddelelser fra borgmesteren", "24-000119"),
        ("3", "Budgetopfølgning 3 2024", "24-018211"),
        ("4", "Anlægsbevilling - ny idrætshal ved Hedehusene Skole", "23-004417"),
        ("5", "Lokalplan 7.31 for boliger ved Sengeløse Vestervang - endelig vedtagelse", "24-009930"),
        ("6", "Forslag fra Enhedslisten om gratis bus for unge under 18 år", "24-020107"),
        ("7", "Lukket punkt: Salg af grund i Taastrup Øst", None),
    ]
    own = [it.decisions[0] for it in m.items[:6]]
    assert {(d.body, d.date) for d in own} == {("Byrådet", date(2024, 11, 26))}
    assert [d.text.split("\n")[0] for d in own] == [
        "Godkendt.", "Taget til efterretning.", "Godkendt.", "Godkendt.",
        "Godkendt med den ændring, at den maksimale bygningshøjde nedsættes til 8,5 m.", "Forslaget blev forkastet."]
    assert [d.outcome for d in own] == ["approved", "noted", "approved", "approved", "approved", "rejected"]
    assert [v.text for v in own[3].votes] == ["For stemte: A, V, C, F, Ø (23)", "Imod stemte: O, D (2)"]
    assert "O og D finder, at hallen bør udbydes som et OPP-projekt." in own[3].text
    assert [v.text for v in own[5].votes] == ["For stemte: Ø, F (5)", "Imod stemte: A, V, C, O, D (20)"]
    assert sorted(own[0].absentees) == ["Jette Brink", "Kasper Ravn"]
    earlier = [(d.body, d.date, d.text.split("\n")[0]) for d in m.items[2].decisions[1:]]
    assert earlier == [("Økonomiudvalget", date(2024, 11, 19), "Anbefales over for Byrådet.")]
    assert not m.items[2].decisions[1].absentees
    assert [d.body for d in m.items[3].decisions] == ["Byrådet", "Børne- og Skoleudvalget", "Økonomiudvalget"]
    seven = m.items[6]
    assert seven.closed and not seven.decisions and not seven.sections
    assert [s.heading for s in m.items[2].sections] == ["Sagsprocedure", "Resume", "Indstilling", "Sagsbeskrivelse"]


def _vis(items: list[dict[str, Any]], committee: str = "Teknik- og Miljøudvalget") -> dict[str, Any]:
    return {"Dagsordenpunkter": items, "Udvalg": {"Id": "u1", "Navn": committee},
            "Moede": {"Dato": "2024-03-12T16:00:00+01:00", "Sted": "Mødelokale 1", "Moededeltagere": []}}


def _item(number: str, html: str) -> dict[str, Any]:
    return {"Punktnummer": number, "Navn": f"Punkt {number}", "SagsNummer": f"24-00{number}",
            "Felter": [{"Navn": "", "Html": html}]}


HISTORY_ONLY = ("<h3>Fremstilling</h3><span><h4>Resume</h4><p>Tekst.</p></span><h3>Sagens forløb</h3>"
                "<span class='sagsforloeb'><u>20-02-2024 Økonomiudvalget</u><br>Anbefales.<br><br>Afbud: Per Berg<br>"
                "<u>12-03-2024 Teknik- og Miljøudvalget</u><br>Godkendt.<br><br>Afbud: Ole Dam<br></span>")
WITH_DECISION = ("<h3>Beslutning</h3><span>Godkendt som indstillet.</span><h3>Sagens forløb</h3>"
                 "<span class='sagsforloeb'><u>12-03-2024 Teknik- og Miljøudvalget</u><br>Godkendt som indstillet."
                 "<br></span>")


def test_a_vis_envelope_variant(tmp_path: Path) -> None:
    """Another envelope key around a one-element list, the committee deciding under its own name (no election
    period) in the case history only, and an item with a "Beslutning" whose repeating entry is left out."""
    doc = {"ok": True, "code": 200, "error": None,
           "result": [_vis([_item("1", HISTORY_ONLY), _item("2", WITH_DECISION)])]}
    result = parse_bytes(json.dumps(doc).encode(), str(tmp_path / "svar.json"))
    m = result.meeting
    assert result.reader == "greve-json"
    assert (m.committee, m.date, m.time, m.location) == ("Teknik- og Miljøudvalget", date(2024, 3, 12), "16:00",
                                                        "Mødelokale 1")
    one, two = m.items
    assert [(d.body, d.date, d.text.split("\n")[0]) for d in one.decisions] == [
        ("Teknik- og Miljøudvalget", date(2024, 3, 12), "Godkendt."),
        ("Økonomiudvalget", date(2024, 2, 20), "Anbefales.")]
    assert one.decisions[0].absentees == ["Ole Dam"] and not one.decisions[1].absentees
    assert [d.text for d in two.decisions] == ["Godkendt som indstillet."]
    assert "Per Berg" not in m.absentees


def test_the_committee_is_named_as_it_decides_only_when_the_names_differ_by_an_election_period(
        tmp_path: Path) -> None:
    html = HISTORY_ONLY.replace("12-03-2024 Teknik- og Miljøudvalget", "12-03-2024 Byrådet")
    doc = _vis([_item("1", html)], "Byrådet 2022-2025")
    m = parse_bytes(json.dumps(doc).encode(), str(tmp_path / "a.json")).meeting
    assert m.committee == "Byrådet" and m.items[0].decisions[0].text.startswith("Godkendt.")
    other = parse_bytes(json.dumps(_vis([_item("1", html)], "Økonomiudvalget")).encode(), str(tmp_path / "b.json"))
    assert other.meeting.committee == "Økonomiudvalget"
    assert [d.body for d in other.meeting.items[0].decisions] == ["Økonomiudvalget", "Byrådet"]  # earlier ones only


def test_jsonl_items_with_nested_sections_are_numbered_as_printed() -> None:
    m = read_path(PORTALS9 / "broendby_boerne-og-uddannelsesudvalget_2025-01-14.jsonl").meeting
    assert (m.municipality, m.committee, m.date, m.time, m.status) == (
        "Brøndby", "Børne- og Uddannelsesudvalget", date(2025, 1, 14), "17:00", "minutes")
    assert m.location == "Mødelokale 2, Brøndby Rådhus, Park Allé 160, 2605 Brøndby"
    assert m.absentees == ["Mette Sund (A)"]
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "24-000210"),
        ("2", "Kvalitetsrapport for folkeskolerne 2023/24", "24-021188"),
        ("3", "Ny organisering af specialklasser", "24-017760"),
        ("4", "Forældrebetaling i dagtilbud 2025", "24-019902"),
        ("6", "Brøndby Ungdomsskole - forsøg med fredagsåbent", "24-020544"),  # closed item 5 left out
        ("7", "Meddelelser", "24-000211"),
    ]
    assert all(len(it.decisions) == 1 and it.decisions[0].body == m.committee for it in m.items)
    firsts = [it.decisions[0].text.split("\n")[0] for it in m.items]
    assert firsts == [
        "Godkendt.",
        "Taget til efterretning med den bemærkning, at udvalget ønsker en særskilt drøftelse af fraværet på "
        "Brøndbyvester Skole på mødet i marts.",
        "Udvalget godkendte model 2.",
        "Anbefales over for Økonomiudvalget og Kommunalbestyrelsen.",
        "Godkendt for 2025, idet forsøget evalueres på udvalgets møde i december 2025.",
        "Taget til efterretning.",
    ]
    assert all(it.decisions[0].text.endswith("Afbud: Mette Sund (A)") for it in m.items)
    assert [v.text for v in m.items[2].decisions[0].votes] == ["For stemte: A, F, Ø (6)", "Imod stemte: V, C (2)"]
    assert [s.heading for s in m.items[2].sections] == ["Resume", "Sagsfremstilling", "Økonomi", "Indstilling"]
    assert not any(it.closed for it in m.items)


def test_a_printed_number_beside_an_index_in_other_json_layouts(tmp_path: Path) -> None:
    """Any number field the field-name tables know ("nr", "Punktnummer") wins over a 0-based index, in the generic
    reader and in the one-line-per-item Greve JSONL export; without one the index counts from 1 as before."""
    rows = [{"committee": "Kulturudvalget", "meeting_date": "2024-05-06T16:00:00+02:00", "agenda_index": k,
             "section_title": title, "text": f"Beslutning Godkendt. Resume {title}.", **extra}
            for k, (title, extra) in enumerate([("Dagsorden", {"Punktnummer": "1"}), ("Budget", {"Punktnummer": "3"}),
                                                ("Meddelelser", {"Punktnummer": "4"})])]
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in rows)
    result = parse_bytes(lines.encode(), str(tmp_path / "x.jsonl"))
    assert result.reader == "greve-jsonl"
    assert [(it.number, it.title) for it in result.meeting.items] == [
        ("1", "Dagsorden"), ("3", "Budget"), ("4", "Meddelelser")]
    items: list[dict[str, Any]] = [{"index": 0, "nr": "1", "title": "Dagsorden", "decision": "Godkendt."},
                                   {"index": 1, "nr": "4", "title": "Budget", "decision": "Godkendt."}]
    doc = {"meeting": {"committee": "Kulturudvalget", "date": "2024-05-06"}, "items": items}
    m = parse_bytes(json.dumps(doc).encode(), str(tmp_path / "y.json")).meeting
    assert [it.number for it in m.items] == ["1", "4"]
    for record in items:
        del record["nr"]
    m = parse_bytes(json.dumps(doc).encode(), str(tmp_path / "z.json")).meeting
    assert [it.number for it in m.items] == ["1", "2"]
