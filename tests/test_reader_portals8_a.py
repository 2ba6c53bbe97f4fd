"""Variants in sample_data/portals8 (invented minutes imitating real exports): the JSON-lines export with one line
per SECTION (greve-jsonl) and the First Agenda publication page that names its meeting only in ``<title>`` and the
breadcrumb (firstagenda-html); plus a small invented variant of each rule.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ingest.parse import parse_bytes, read_path

ROOT = Path(__file__).resolve().parent.parent
PORTALS8 = ROOT / "sample_data" / "portals8"
FIXTURES = ROOT / "tests" / "fixtures" / "readers"


def test_jsonl_section_rows_are_grouped_by_item_whatever_their_order() -> None:
    result = read_path(PORTALS8 / "roedovre_kultur-og-fritidsudvalget_2024-11-05.jsonl")
    m = result.meeting
    assert result.reader == "greve-jsonl"
    assert (m.municipality, m.committee, m.date, m.time, m.status) == (
        "Rødovre", "Kultur- og Fritidsudvalget", date(2024, 11, 5), "17:00", "minutes")
    assert m.absentees == ["Jonas Melgaard"]
    assert [(it.number, it.title) for it in m.items] == [
        ("1", "Godkendelse af dagsorden"),
        ("2", "Aktivitetstilskud til foreninger 2025"),
        ("3", "Rødovre Skøjte Arena – nyt kunstfrysningsanlæg"),
        ("4", "Søndagsåbning i Rødovre Bibliotek – forsøg"),
        ("5", "Idrætspolitik 2025-2029 – udkast til høring"),
        ("6", "Lukket: Henvendelser til formanden"),
        ("7", "Orientering fra formanden/gensidig orientering"),
    ]
    assert [len(it.decisions) for it in m.items] == [1] * 7  # the decision section only, never "Sagsprocedure"
    firsts = [it.decisions[0].text.split("\n")[0] for it in m.items]
    assert firsts[0] == "Godkendt." and firsts[1] == "Godkendt."
    assert firsts[2].startswith("Anbefales over for Økonomiudvalget og Kommunalbestyrelsen med den ændring, at "
                                "anlægsbevillingen nedsættes til 17,9 mio. kr.")
    assert firsts[3].startswith("Godkendt som forsøg i perioden 1. februar – 31. juli 2025.")  # its row is after 5's
    assert firsts[4].startswith("Godkendt med den tilføjelse, at Handicaprådet")
    assert firsts[5] == firsts[6] == "Orienteringen blev taget til efterretning."
    three = m.items[2]
    assert three.case_number == "23-009912"
    assert [v.text for v in three.decisions[0].votes] == ["For stemte: A, V, F (5)", "Imod stemte: Ø (1)"]
    assert [s.heading for s in three.sections] == [  # the supplement (last line of the file) stays with item 3
        "Sagsprocedure", "Resume", "Sagsbeskrivelse", "Økonomiske konsekvenser", "Indstilling",
        "Supplerende sagsfremstilling"]
    assert "17,9 mio. kr." in three.text and "17,9 mio. kr." not in m.items[4].text
    six = m.items[5]
    assert six.closed and not six.sections and six.case_number is None
    assert "Kultur- og Fritidsudvalget." not in [d.text for it in m.items for d in it.decisions]


def test_a_jsonl_section_rows_variant() -> None:
    """Rows of four items shuffled, no ``section_index``, decision labels "Beslutning i <udvalg> den <dato>" and
    "Udvalgets beslutning", the decision first in one item and in the middle of another."""
    m = read_path(FIXTURES / "json" / "section_rows_p8a.jsonl").meeting
    assert (m.committee, m.date, m.time, m.status) == ("Teknik- og Miljøudvalget", date(2024, 3, 12), "16:30",
                                                       "minutes")
    assert [(it.number, it.title, it.closed) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", False), ("2", "Vejbump på Strandmarksvej", False),
        ("3", "Affaldsplan 2024-2030", False), ("4", "Lukket: Salg af grund", True)]
    assert [it.decisions[0].text.split("\n")[0] for it in m.items] == [
        "Godkendt.", "Godkendt.", "Anbefales over for Kommunalbestyrelsen.", "Godkendt."]
    assert [s.heading for s in m.items[1].sections] == ["Resume", "Indstilling"]
    assert [s.heading for s in m.items[2].sections] == ["Sagsbeskrivelse", "Supplerende sagsfremstilling"]
    assert [v.position for v in m.items[1].decisions[0].votes] == ["for", "against"]
    assert m.items[1].case_number == "24-000311" and m.absentees == ["Ole Dam"]


def test_the_old_jsonl_rows_of_one_item_each_still_read_as_before() -> None:
    m = read_path(ROOT / "sample_data" / "minutes" / "greve_plan-og-tryghedsudvalget_2025-03-25.jsonl").meeting
    assert [it.number for it in m.items] == [str(k) for k in range(1, 11)]
    assert m.items[0].title == "Godkendelse af dagsorden"
    assert m.items[1].decisions[0].text.startswith("Anbefales.")


def test_firstagenda_page_named_only_in_title_and_breadcrumb() -> None:
    result = read_path(PORTALS8 / "lyngby-taarbaek_boerne-og-ungdomsudvalget_2025-02-03.html")
    m = result.meeting
    assert result.reader == "firstagenda-html"
    assert (m.municipality, m.committee, m.date, m.time, m.status) == (
        "Lyngby-Taarbæk", "Børne- og Ungdomsudvalget", date(2025, 2, 3), "17:30", "minutes")
    assert m.location == "Mødesal 1, Lyngby Rådhus, Lyngby Torv 17, 2800 Kongens Lyngby"
    assert m.absentees == ["Peter Brøndum (V)"]
    assert len(m.participants) == 7 and "Peter Brøndum (V)" in m.participants
    assert not any("Afbud" in p for p in m.participants)
    assert [it.number for it in m.items] == ["1", "2", "3", "4", "5", "6", "7"]
    assert m.items[1].title == "Skoledistrikter – ændring for Virum Skole og Fuglsanggårdsskolen"
    assert m.items[1].case_number == "24/022811"
    assert m.items[1].decisions[0].text.startswith("Anbefales over for Kommunalbestyrelsen med den tilføjelse")
    assert m.items[5].closed and m.items[5].title == "Lukket punkt: Tilsyn i privat institution"
    assert m.items[6].decisions[0].text.startswith("Taget til efterretning.")


def test_a_firstagenda_breadcrumb_variant() -> None:
    """A deeper ``ul.breadcrumb`` (Forside › Udvalg › committee › meeting), an agenda, an en dash in ``<title>``,
    one participant absent by the entry's class and one by a "Fraværende" label."""
    m = read_path(FIXTURES / "html" / "firstagenda_breadcrumb_p8a.html").meeting
    assert (m.committee, m.date, m.time, m.status) == ("Økonomiudvalget", date(2024, 4, 9), "16:00", "agenda")
    assert m.participants == ["Anne Holm (A)", "Bo Kjær (V)", "Carl Lund (F)", "Dorte Vang (Ø)"]
    assert m.absentees == ["Bo Kjær (V)", "Carl Lund (F)"]
    assert [(it.number, it.title) for it in m.items] == [("1", "Godkendelse af dagsorden"), ("2", "Regnskab 2023")]


def test_a_firstagenda_page_without_breadcrumb_takes_committee_and_date_from_its_title(tmp_path: Path) -> None:
    page = (FIXTURES / "html" / "firstagenda_breadcrumb_p8a.html").read_text(encoding="utf-8")
    start, end = page.index('<nav aria-label="breadcrumb">'), page.index("</nav>") + len("</nav>")
    page = page[:start] + page[end:]
    m = parse_bytes(page.encode(), str(tmp_path / "moede.html")).meeting
    assert (m.committee, m.date, m.time) == ("Økonomiudvalget", date(2024, 4, 9), None)
