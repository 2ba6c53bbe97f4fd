"""Text layouts of sample_data/portals7 (invented blind to the readers): a PDF whose items are "Sag N. Titel" with
"J.nr." case numbers and a date label alone on its line after an approval date, and a decisions newsletter
("Beslutninger fra Økonomiudvalget"); plus invented variants of each rule."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from core import vocab
from ingest.parse import parse_bytes, read_path

PORTALS7 = Path(__file__).resolve().parent.parent / "sample_data" / "portals7"


def test_sag_n_headings_are_items_and_the_labelled_date_beats_an_approval_date() -> None:
    m = read_path(PORTALS7 / "esbjerg_teknik-og-byggeudvalget_2024-10-14.pdf").meeting
    assert (m.municipality, m.committee, m.date, m.time) == ("Esbjerg", "Teknik- og Byggeudvalget",
                                                             date(2024, 10, 14), "15:00")
    assert [i.number for i in m.items] == ["1", "2", "3", "4", "5", "6", "7", "8"]
    assert m.items[2].title == "Cykelsti langs Gl. Vardevej"
    assert m.remarks == ["Torben Husum (Ø) deltog fra kl. 15.35 under behandlingen af sag 3."]


def test_sag_is_an_item_label_only_before_a_number_and_a_title() -> None:
    assert vocab.ITEM.match("Sag 3. Cykelsti langs Gl. Vardevej")
    assert not vocab.ITEM.match("Sag 3. behandling af budgettet")  # no title: a sentence
    assert not vocab.ITEM.match("Sag 24/16820")  # a case number


def test_a_decisions_newsletter_names_its_committee() -> None:
    m = read_path(PORTALS7 / "lolland_oekonomiudvalget_2024-12-04.html").meeting
    assert (m.municipality, m.committee, m.date) == ("Lolland", "Økonomiudvalget", date(2024, 12, 4))
    text = ("Odder Kommune\nBeslutninger fra Teknisk Udvalg\nMødedato:\nTirsdag den 3. juni 2024\n"
            "Referatet er godkendt af formanden 5.6.2024\n\nPunkt 1: Budget\nBeslutning\nGodkendt.\n\n"
            "Punkt 2: Vej\nBeslutning\nGodkendt.\n")
    variant = parse_bytes(text.encode(), "odder.txt").meeting
    assert (variant.committee, variant.date) == ("Teknisk Udvalg", date(2024, 6, 3))
