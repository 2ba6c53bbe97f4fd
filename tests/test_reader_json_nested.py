"""JSON exports with the meeting facts nested under Danish keys in any casing, a "dd.mm.yyyy kl. HH:MM" date and
sub-items nested inside an item (sample_data/portals5/hedensted_*.json and an invented variant)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from ingest.parse import read_path

ROOT = Path(__file__).resolve().parent.parent
HEDENSTED = ROOT / "sample_data" / "portals5" / "hedensted_oekonomiudvalget_2024-09-03.json"


def test_hedensted_nested_sub_items_and_meeting_facts() -> None:
    result = read_path(HEDENSTED)
    m = result.meeting
    assert result.reader == "generic-json"  # not First Agenda's layout: the portal reader leaves it
    assert (m.municipality, m.committee, m.date, m.time) == ("Hedensted", "Økonomiudvalget", date(2024, 9, 3), "17:00")
    assert m.location == "Mødelokale Løsning, Hedensted Rådhus, Niels Espes Vej 8, 8722 Hedensted"
    assert m.status == "minutes" and m.absentees == ["Jonna Bech (A)"]
    assert m.participants == ["Ole Vind (V)", "Jonna Bech (A)", "Hans Kjeldsen (V)", "Lisbeth Munk (C)",
                              "Erik Fabricius (A)", "Trine Aagaard (F)", "Klaus Høgh (O)"]
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "24/018201"),
        ("2", "Budget 2025-2028 – 1. behandling", "24/010330"),
        ("3", "Anlægsbevilling til udvidelse af Løsning Skole", "24/007745"),
        ("4", "Salg af kommunale grunde", "24/015500"),
        ("4a", "Salg af erhvervsgrund i Hedensted Syd", "24/015510"),
        ("4b", "Salg af parcelhusgrunde i Stouby", "24/015620"),
        ("5", "Lukket punkt: Køb af ejendom", None),
        ("6", "Meddelelser", "24/018202"),
    ]
    firsts = [it.decisions[0].text.split("\n")[0] if it.decisions else None for it in m.items]
    assert firsts == ["Godkendt.", "Oversendes til 1. behandling i Byrådet den 11. september 2024 uden indstilling.",
                      "Anbefales over for Byrådet.", None, "Anbefales over for Byrådet.", "Godkendt.", None,
                      "Taget til efterretning."]
    assert [it.closed for it in m.items] == [False] * 6 + [True, False]
    parent = m.items[3]
    assert [s.heading for s in parent.sections] == ["Sagsfremstilling"]  # the sub-items are no sections of item 4
    assert "Stouby" not in parent.text
    assert [s.heading for s in m.items[2].sections] == ["Sagsfremstilling", "Økonomi", "Indstilling"]
    assert [s.heading for s in m.items[5].sections] == ["Sagsfremstilling", "Indstilling"]
    assert not m.items[6].sections and not m.items[6].decisions


VARIANT = {
    "export": {"version": 2},
    "KOMMUNE": {"kommunenavn": "Vejen Kommune"},
    "MØDE": {
        "MØDEDATO": "14.05.2024 kl. 16.30",
        "udvalg": {"udvalgnavn": "Teknisk Udvalg", "kode": "TU"},
        "mødested": "Byrådssalen, Vejen Rådhus",
        "deltagere": [{"navn": "Anne Holm", "parti": "V", "fremmødt": "ja"},
                      {"navn": "Bo Lund", "parti": "A", "fremmødt": "nej"}],
    },
    "punkter": [
        {"nr": "1", "titel": "Godkendelse af dagsorden", "sagsnr": "24/100",
         "indhold": [{"overskrift": "Beslutning", "tekst": "<p>Godkendt.</p>"}]},
        {"nr": "2", "titel": "Trafiksikkerhed", "sagsnr": "24/200",
         "indhold": [{"overskrift": "Sagsfremstilling", "tekst": "<p>To projekter behandles hver for sig.</p>"}],
         "delpunkter": [  # given out of order: the sort field orders them
             {"sortOrder": 2, "nr": "2b", "titel": "Cykelsti ved skolen", "sagsnr": "24/220",
              "indhold": [{"overskrift": "Beslutning", "tekst": "<p>Udsat.</p>"}]},
             {"sortOrder": 1, "nr": "2a", "titel": "Hastighedsdæmpning på Hovedgaden", "sagsnr": "24/210",
              "indhold": [{"overskrift": "Sagsfremstilling", "tekst": "<p>Bump og chikaner.</p>"},
                          {"overskrift": "Beslutning", "tekst": "<p>Godkendt.</p>"}]},
         ]},
        {"nr": "3", "titel": "Meddelelser", "sagsnr": "24/300",
         "indhold": [{"overskrift": "Beslutning", "tekst": "<p>Taget til efterretning.</p>"}],
         "underpunkter": [{"nr": "1", "titel": "Vejarbejde i maj", "sagsnr": "24/310",
                           "indhold": [{"overskrift": "Beslutning",
                                        "tekst": "<p>Orienteringen taget til efterretning.</p>"}]}]},
    ],
}


def test_invented_variant_other_keys_nested_sub_items_and_kl_time(tmp_path: Path) -> None:
    path = tmp_path / "moede.json"
    path.write_text(json.dumps(VARIANT, ensure_ascii=True), encoding="utf-8")  # æøå escaped, in the keys too
    result = read_path(path)
    m = result.meeting
    assert result.reader == "generic-json"
    assert (m.municipality, m.committee, m.date, m.time) == ("Vejen", "Teknisk Udvalg", date(2024, 5, 14), "16:30")
    assert m.location == "Byrådssalen, Vejen Rådhus"
    assert m.participants == ["Anne Holm (V)", "Bo Lund (A)"] and m.absentees == ["Bo Lund (A)"]
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "24/100"),
        ("2", "Trafiksikkerhed", "24/200"),
        ("2a", "Hastighedsdæmpning på Hovedgaden", "24/210"),
        ("2b", "Cykelsti ved skolen", "24/220"),
        ("3", "Meddelelser", "24/300"),
        ("3.1", "Vejarbejde i maj", "24/310"),  # a sub-item numbered "1" under item 3
    ]
    assert [[d.text for d in it.decisions] for it in m.items] == [
        ["Godkendt."], [], ["Godkendt."], ["Udsat."], ["Taget til efterretning."],
        ["Orienteringen taget til efterretning."]]
    assert [s.heading for s in m.items[1].sections] == ["Sagsfremstilling"]
    assert [s.heading for s in m.items[2].sections] == ["Sagsfremstilling"]
    assert m.status == "minutes"
