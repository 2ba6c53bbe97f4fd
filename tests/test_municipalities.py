"""Which municipality or region wrote a text (core/municipalities.py): Greenland's municipalities by their official
names, and a region named in the head as the writer, not the town of its venue."""

from __future__ import annotations

from core.municipalities import canonical_name, detect, from_path


def test_greenland_official_names() -> None:
    assert canonical_name("Kommuneqarfik Sermersooq") == "Sermersooq"
    assert canonical_name("Qeqqata Kommunia") == "Qeqqata"
    assert canonical_name("Kommune Kujalleq") == "Kujalleq"
    assert detect("Referat\nAvannaata Kommunia\nUdvalget for Teknik og Miljø").name == "Avannaata"
    assert detect("Mødet blev holdt i Nuuk.\nKommuneqarfik Sermersooq, Økonomiudvalget").name == "Sermersooq"
    assert from_path("minutes/qeqertalik_oekonomiudvalget_2024-01-01.json") == "Qeqertalik"


def test_region_in_the_head_beats_the_venue_town() -> None:
    text = ("Region Midtjylland                         Regionsrådet\n"
            "Mødested: Regionshuset Viborg, Skottenborg 26, 8800 Viborg\n\n" + "Punkt 1. Godkendelse\nGodkendt.\n" * 3)
    assert detect(text).name == "Region Midtjylland"


def test_region_named_in_the_body_is_an_actor() -> None:
    text = ("Greve Kommune\nSocialudvalget\n\n" + "Indhold uden navne.\n" * 14
            + "Region Sjælland oplyser, at Region Sjælland vil drive pladserne.")
    assert detect(text).name == "Greve"


def test_region_alone_is_found() -> None:
    assert detect("Referat fra mødet\n" + "tekst\n" * 20 + "Region Nordjylland").name == "Region Nordjylland"
