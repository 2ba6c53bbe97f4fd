"""Minutes we wrote ourselves in shapes the seeds do not show: the parser must generalise."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ingest.parse import parse_file
from tests.helpers import CUSTOM, write_docx, write_first_agenda_json, write_pdf

SUBNUMBERED = (CUSTOM / "kolding_oekonomiudvalget_2023-10-03.txt").read_text(encoding="utf-8")

BARE_NUMBERS = (CUSTOM / "odense_kultur_2022-02-14.md").read_text(encoding="utf-8")

PROSE_PUNKT = (CUSTOM / "horsens_plan_2023-02-02.txt").read_text(encoding="utf-8")

TOC_REPEATED = """Dagsorden og referat
Byrådet, Aalborg Kommune, 10-05-2023

Indhold
Punkt 1: Godkendelse af dagsorden
Punkt 2: Ny skolestruktur
Punkt 3: Eventuelt

Punkt 1
Godkendelse af dagsorden
Beslutning
Godkendt.

Punkt 2
Ny skolestruktur
Sagsnr. 23/777
Sagsfremstilling
Tre skoler lægges sammen.
Beslutning
Godkendt med 20 stemmer.

Punkt 3
Eventuelt
Beslutning
Intet.
"""

UNNUMBERED_DECISION_FIRST = (CUSTOM / "toender_miljoe_2021-06-01.txt").read_text(encoding="utf-8")


def _write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_subnumbered_items_inline_and_possessive_decisions(tmp_path: Path) -> None:
    m = parse_file(_write(tmp_path, "a.txt", SUBNUMBERED))
    assert (m.municipality, m.committee, m.date, m.time) == ("Kolding", "Økonomiudvalget", date(2023, 10, 3),
                                                            "17:00")
    assert [it.number for it in m.items] == ["10", "10.1", "10.2", "11"]
    budget = m.items[1]
    assert budget.case_number == "23/4521"
    assert budget.decisions[0].body == "Økonomiudvalget" and budget.decisions[0].outcome == "approved"
    assert "Punkt 3 i sagen" in budget.decisions[0].text  # a "Punkt 3" line inside text is not a new item
    assert budget.absentees == ["Kim Holm (C)"]
    assert m.items[2].closed and m.items[2].decisions[0].text == "Godkendt."


def test_bare_numbered_headings_do_not_take_numbered_lists(tmp_path: Path) -> None:
    m = parse_file(_write(tmp_path, "b.md", BARE_NUMBERS))
    assert [it.title for it in m.items] == ["Godkendelse af dagsorden", "Tilskud til Odense Musikfestival",
                                            "Eventuelt"]
    assert m.items[1].decisions[0].outcome == "postponed"
    assert m.municipality == "Odense" and m.date == date(2022, 2, 14)


def test_prose_punkt_lines_and_undelimited_decision_dates(tmp_path: Path) -> None:
    m = parse_file(_write(tmp_path, "h.txt", PROSE_PUNKT))
    assert [it.number for it in m.items] == ["1", "2", "3"]
    assert [(d.body, d.date) for d in m.items[1].decisions] == [("Byrådet", date(2023, 1, 25))]
    assert m.items[0].decisions[0].date == date(2023, 2, 2) and m.items[0].decisions[0].body == "Plan- og Boligudvalget"


@pytest.mark.parametrize("heading,body,day", [
    ("Beslutning (Økonomiudvalget, 12-01-2023)", "Økonomiudvalget", date(2023, 1, 12)),
    ("Økonomiudvalgets beslutning den 3. marts 2022", "Økonomiudvalget", date(2022, 3, 3)),
    ("Byrådets afgørelse den 01.02.2023", "Byrådet", date(2023, 2, 1)),
    ("Beslutning i Kommunalbestyrelsen den 27-04-2022", "Kommunalbestyrelsen", date(2022, 4, 27)),
    ("Udvalgets beslutning", None, None),
])
def test_decision_heading_forms(heading: str, body: str | None, day: date | None) -> None:
    from core.vocab import decision_heading

    found = decision_heading(heading)
    assert found is not None and (found.body, found.date) == (body, day)


@pytest.mark.parametrize("line", ["Beslutning om ny skolestruktur i Hatting", "Beslutningstema",
                                  "Beslutningskompetence", "Beslutningen blev truffet af et flertal."])
def test_not_decision_headings(line: str) -> None:
    from core.vocab import decision_heading

    assert decision_heading(line) is None


def test_toc_with_same_headings_and_titles_on_their_own_line(tmp_path: Path) -> None:
    m = parse_file(_write(tmp_path, "toc.txt", TOC_REPEATED))
    assert [(it.number, it.title) for it in m.items] == [
        ("1", "Godkendelse af dagsorden"), ("2", "Ny skolestruktur"), ("3", "Eventuelt")]
    assert m.items[1].case_number == "23/777" and m.items[1].decisions[0].text.startswith("Godkendt")


def test_unnumbered_decision_first_layout(tmp_path: Path) -> None:
    m = parse_file(_write(tmp_path, "c.txt", UNNUMBERED_DECISION_FIRST))
    assert len(m.items) == 2
    assert m.items[0].title == "Ny affaldsordning" and m.items[0].section("Sagsfremstilling") is not None
    assert m.items[1].title == "Status på vandløb"
    assert m.committee == "Miljøudvalget" and m.municipality == "Tønder"


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-8-sig", "utf-16"])
def test_encodings_and_line_endings(tmp_path: Path, encoding: str) -> None:
    path = _write(tmp_path, "enc.txt", SUBNUMBERED.replace("\n", "\r\n"), encoding)
    m = parse_file(path)
    assert m.committee == "Økonomiudvalget" and len(m.items) == 4


def test_first_agenda_html(tmp_path: Path) -> None:
    from tests.helpers import FIRST_AGENDA_HTML

    m = parse_file(_write(tmp_path, "vejle.html", FIRST_AGENDA_HTML))
    assert (m.municipality, m.committee, m.date) == ("Vejle", "Teknisk Udvalg", date(2024, 3, 12))
    assert [it.number for it in m.items] == ["1", "2", "3"]
    sti = m.items[1]
    assert sti.title == "Ny cykelsti langs Fjordvej" and sti.case_number == "24/1234"
    assert "4,5 mio. kr." in sti.text and "alert" not in sti.text
    assert sti.decisions[0].outcome == "approved" and sti.absentees == ["Peter Hansen (V)"]
    assert m.items[2].closed


def test_first_agenda_json(tmp_path: Path) -> None:
    m = parse_file(write_first_agenda_json(tmp_path / "horsens.json"))
    assert (m.municipality, m.committee, m.date) == ("Horsens", "Børne- og Familieudvalget", date(2023, 9, 4))
    assert m.absentees == ["Bo Lund (V)"]
    skole = m.items[1]
    assert (skole.number, skole.case_number, skole.attachments) == ("2", "EMN-2023-01234", ["Høringssvar samlet"])
    votes = {v.position: v.count for v in skole.decisions[0].votes}
    assert votes == {"for": 5, "against": 2}
    assert m.items[2].closed


def test_pdf_text_layer(tmp_path: Path) -> None:
    m = parse_file(write_pdf(tmp_path / "m.pdf", SUBNUMBERED.splitlines()))
    assert m.committee == "Økonomiudvalget" and [it.number for it in m.items] == ["10", "10.1", "10.2", "11"]


def test_docx(tmp_path: Path) -> None:
    m = parse_file(write_docx(tmp_path / "m.docx", BARE_NUMBERS.splitlines()))
    assert len(m.items) == 3 and m.items[1].decisions[0].text.startswith("Udsat")


def test_explicit_municipality_wins(tmp_path: Path) -> None:
    m = parse_file(_write(tmp_path, "a.txt", SUBNUMBERED), municipality="aarhus")
    assert m.municipality == "Aarhus" and m.municipality_evidence == ["given explicitly"]
