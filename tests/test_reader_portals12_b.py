"""portals12 PDF page text: running furniture deeper than two lines, bare page numbers, a masthead over narrow
columns, a title wrapped onto a second line, a run-in decision wrapped across lines (see ingest.pagetext)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest import pagetext
from ingest.parse import read_path

P12 = Path(__file__).resolve().parent.parent / "sample_data" / "portals12"


def _items(name: str) -> list[tuple[str | None, str, str | None, list[str]]]:
    meeting = read_path(str(P12 / name)).meetings[0]
    return [(it.number, it.title, it.case_number, [d.text for d in it.decisions]) for it in meeting.items]


@pytest.mark.skipif(not P12.exists(), reason="sample data not present")
def test_aeroe_two_column_newsletter() -> None:
    meeting = read_path(str(P12 / "aeroe_social-og-sundhedsudvalget_2024-11-12.pdf")).meetings[0]
    assert meeting.committee == "Social- og Sundhedsudvalget"
    items = _items("aeroe_social-og-sundhedsudvalget_2024-11-12.pdf")
    assert [x[1] for x in items] == [
        "Godkendelse af dagsorden", "Kvalitetsstandarder for hjemmepleje 2025 - efter høring",
        "Kørsel til behandling på Svendborg Sygehus", "Nye plejeboliger ved Plejecenter Marstal",
        "Lukket punkt: Klagesag", "Meddelelser"]
    assert items[0][3] == ["Godkendt. Bente Kragh (V) havde meldt afbud."]
    assert items[5][2] == "24/2232" and items[5][3] == ["Taget til efterretning."]


@pytest.mark.skipif(not P12.exists(), reason="sample data not present")
def test_middelfart_furniture_and_wrapped_title() -> None:
    items = _items("middelfart_oekonomiudvalget_2024-10-07.pdf")
    assert [x[0] for x in items] == ["1", "2", "3", "5", "6", "7"]
    assert items[3][1] == "Kommunegaranti for lån til Middelfart Fjernvarme" and items[3][2] == "24/6640"
    assert items[3][3] == ["Anbefales over for Byrådet. Afbud: Susanne Krarup (A)."]


def _pages(*pages: str) -> str:
    return "\n\f".join(pages)


HEAD = ["BYEN KOMMUNE", "Teknik og Miljø · Torvet 1 · 9999 Byen", "Teknikudvalget", "Referat  07-10-2024"]


def test_deep_running_header_dropped_only_at_page_edges() -> None:
    pages = [
        "\n".join([*HEAD, "Side 1 af 3", "Referat", "Teknikudvalget", "1. Godkendelse af dagsorden", "Sagsnr. 24/1"]),
        "\n".join([*HEAD, "Side 2 af 3", "Beslutning: Godkendt.", "2. Vejplan", "Sagsnr. 24/2"]),
        "\n".join([*HEAD, "Side 3 af 3", "Beslutning: Anbefales.", "3. Meddelelser"]),
    ]
    lines = pagetext.page_lines(_pages(*pages))
    assert lines[:3] == ["Referat", "Teknikudvalget", "1. Godkendelse af dagsorden"]  # the cover's own line stays
    assert not any(x in lines for x in HEAD[:2] + HEAD[3:])
    assert lines.count("Teknikudvalget") == 1


def test_shallow_furniture_variant_unchanged() -> None:
    """Only one line of the block recurs: nothing deeper is taken."""
    body = ["Vejen lægges om.", "Broen males.", "Stien udvides."]
    pages = [f"Teknikudvalget\nSide {n} af 3\nNoget andet {'x' * n}\n{b}" for n, b in zip((1, 2, 3), body, strict=True)]
    lines = pagetext.page_lines(_pages(*pages))
    assert "Teknikudvalget" not in lines and sum(x.startswith("Noget andet") for x in lines) == 3


def test_bare_page_numbers_and_their_footer_line() -> None:
    first = ("ÆBLE KOMMUNE\nReferat fra Teknikudvalget\nByen Kommune · Torvet 1 · 9999 Byen\nside 1\n"
             "1. Godkendelse af dagsorden")
    second = ("ÆBLE KOMMUNE · Teknikudvalget\nByen Kommune · Torvet 1 · 9999 Byen\nside 2\n"
              "Sagsfremstilling Klinikken har udvidet åbningstiden.")
    text = pagetext.without_pages(_pages(first, second))
    assert text.splitlines() == ["ÆBLE KOMMUNE", "Referat fra Teknikudvalget", "1. Godkendelse af dagsorden",
                                 "Sagsfremstilling Klinikken har udvidet åbningstiden."]


def test_bare_page_number_needs_two_rising() -> None:
    """A single "side 1" with no second page number is left alone."""
    text = _pages("Referat\nside 1\nTekst her.", "Mere tekst her.")
    assert "side 1" in pagetext.without_pages(text).splitlines()


def test_title_wrapped_before_case_number() -> None:
    lines = ["4. Nye plejeboliger ved Plejecenter", "Marstal", "Sag nr. 23/3310", "Tekst."]
    assert pagetext.titles_joined(lines) == ["4. Nye plejeboliger ved Plejecenter Marstal", "Sag nr. 23/3310", "Tekst."]


@pytest.mark.parametrize("lines", [
    ["Punkt 1 Åben sag", "Godkendelse af dagsorden", "Sagsnr.: 24/1450"],  # an access mark, not a title
    ["4. Nye plejeboliger ved Plejecenter", "Marstal", "Sagsfremstilling"],  # no case number follows
    ["4. Nye plejeboliger", "Der bygges 12 boliger.", "Sag nr. 23/3310"],  # a sentence, not a title line
])
def test_title_not_joined_variants(lines: list[str]) -> None:
    assert pagetext.titles_joined(lines) == lines


def test_masthead_over_narrow_columns_not_joined() -> None:
    column = "Administrationen foreslår en forsøgsordning med"
    lines = ["Referat fra Social- og Sundhedsudvalget", "Referat nr. 9/2024", "Udgivet 14. november 2024",
             column, "fælles kørsel fra færgelejet i Svendborg til", "sygehuset i 2025 og 2026."] + [column] * 8
    out = pagetext.reflow(lines)
    assert out[:3] == lines[:3]
    assert out[3] == f"{column} fælles kørsel fra færgelejet i Svendborg til sygehuset i 2025 og 2026."


def test_full_width_line_then_capitalised_sentence_still_joined() -> None:
    """The variant: the capitalised line ends a sentence, so it continues the full-width line before it."""
    column = "Administrationen foreslår en forsøgsordning med"
    out = pagetext.reflow(["Udvalget anbefaler forsøgsordningen over for", "Økonomiudvalget.", *[column + "."] * 8])
    assert out[0] == "Udvalget anbefaler forsøgsordningen over for Økonomiudvalget."


def test_run_in_decision_wrapped() -> None:
    lines = ["Beslutning: Godkendt. Bente Kragh (V) havde", "meldt afbud.", "2. Vejplan"]
    assert pagetext.reflow(lines)[0] == "Beslutning: Godkendt. Bente Kragh (V) havde meldt afbud."
    assert pagetext.reflow(["Beslutning", "meldt afbud."]) == ["Beslutning", "meldt afbud."]  # a bare heading


def test_closing_after_run_in_decision_dropped() -> None:
    body = ["Sagsfremstilling", "Tekst.", "Beslutning: Taget til efterretning.", "Mødet sluttede kl. 11.30."]
    assert pagetext.without_closing(body) == body[:3]
