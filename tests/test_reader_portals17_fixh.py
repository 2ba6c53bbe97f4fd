"""Two more versions of real formats (sample_data/portals17, facts in sample_data/portals17-expected.md): a
LangChain-style chunk dump of a Thisted referat (JSON lines of overlapping chunks, stored in id order) whose text is
rebuilt and read as text, and a First Agenda publication print view of a meeting held as a WRITTEN PROCEDURE
(Gladsaxe: an answer deadline but no start time, a member who did not reply, a Sagsforløb table of an earlier
meeting's decision).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from core.errors import IngestError
from ingest import header
from ingest.readers import ReadResult, chunk_dump, html_history, read_source
from ingest.readers.base import Source

ROOT = Path(__file__).resolve().parent.parent
THISTED = ROOT / "sample_data" / "portals17" / "thisted_boerne-og-familieudvalget_2024-04-09.jsonl"
GLADSAXE = ROOT / "sample_data" / "portals17" / "gladsaxe_boerne-og-undervisningsudvalget_2024-08-14.html"


def read(path: Path, data: bytes | None = None, name: str | None = None) -> ReadResult:
    """The file read under a neutral name, so that nothing comes from the file name."""
    raw = path.read_bytes() if data is None else data
    return read_source(Source(raw, name or f"/tmp/upload{path.suffix}"))


# --- Thisted: a chunk dump ---------------------------------------------------------------------------------------


def test_thisted_reader_and_facts() -> None:
    r = read(THISTED)
    m = r.meeting
    assert r.reader == "chunk-dump"
    assert (m.municipality, m.committee, m.date, m.time) == ("Thisted", "Børne- og Familieudvalget",
                                                            date(2024, 4, 9), "15:00")
    assert m.location == "Mødelokale 2, Thisted Rådhus, Asylgade 30, 7700 Thisted"
    assert m.absentees == ["Lone Bach (V)"]
    assert "Kim Vestergaard (DF)" in m.participants and len(m.participants) == 7
    assert m.status == "minutes"


THISTED_ITEMS = [
    ("1", "Godkendelse af dagsorden", "24-004110", "Godkendt. Fraværende: Lone Bach (V)"),
    ("2", "Ny organisering af Familiehuset i Hurup", "23-021578",
     "Godkendt. For stemte: A, V og SF (5). Imod stemte: Kim Vestergaard (DF), der ønsker huset bevaret under "
     "Dagtilbud og Skole. Fraværende: Lone Bach (V)"),
    ("3", "Takster for plejefamilier 2024", "24-001920",
     "Godkendt med virkning fra 1. maj 2024. Fraværende: Lone Bach (V)"),
    ("4", "Dagplejens struktur i Thy", "24-002735",
     "Udvalget godkendte model A, idet dagplejen i Snedsted bevares. Forvaltningen bedes vende tilbage med en plan "
     "for rekruttering af dagplejere inden sommerferien. Fraværende: Lone Bach (V)"),
    ("5", "Lukket punkt: Klage over afslag på aflastning", None, None),
    ("6", "Orientering fra formand og forvaltning", "24-004111",
     "Orienteringen blev taget til efterretning. Fraværende: Lone Bach (V)"),
]


def test_thisted_items_in_order() -> None:
    m = read(THISTED).meeting
    got = [(it.number, it.title, it.case_number, it.decisions[0].text if it.decisions else None) for it in m.items]
    assert got == THISTED_ITEMS
    assert [it.closed for it in m.items] == [False, False, False, False, True, False]


def test_thisted_vote_cut_at_a_chunk_edge_is_whole() -> None:
    dec = read(THISTED).meeting.items[1].decisions[0]
    assert dec.outcome == "approved" and dec.date == date(2024, 4, 9)
    assert [(v.position, v.count) for v in dec.votes] == [("for", 5), ("against", 1)]
    assert dec.votes[1].members[0].name == "Kim Vestergaard"


def test_thisted_overlaps_kept_once() -> None:
    items = read(THISTED).meeting.items
    two, three, four = items[1].text, items[2].text, items[3].text
    assert two.count("Formålet er at samle") == 1 and "som i dag er op til 11 uger." in two
    assert two.count("Beslutning i Børne- og Familieudvalget") == 1 and two.count("For stemte") == 1
    assert three.count("29.644 kr.") == 1 and three.count("1.500 kr. til 2.500 kr.") == 1
    assert four.count("0,7 mio. kr.") == 1 and "model B godkendes" in four  # the recommendation, not the decision


def test_thisted_line_order_does_not_matter() -> None:
    lines = THISTED.read_bytes().decode("utf-8").splitlines()
    shuffled = "\n".join(reversed(lines)).encode("utf-8")
    a, b = read(THISTED).meeting, read(THISTED, shuffled).meeting
    assert [(it.number, it.text) for it in a.items] == [(it.number, it.text) for it in b.items]


def test_chunk_join_without_offsets_finds_the_overlap() -> None:
    first = "Punkt 1. Titel\nSagsfremstilling\nDer er tale om en lang tekst, som splitteren deler her og"
    second = "som splitteren deler her og fortsætter i næste stykke."
    doc = chunk_dump.Doc([chunk_dump.Chunk(second, {}, 0, None, 1), chunk_dump.Chunk(first, {}, 1, None, 0)])
    assert chunk_dump.joined(doc) == first + " fortsætter i næste stykke."


def test_chunk_join_without_overlap_keeps_a_space() -> None:
    doc = chunk_dump.Doc([chunk_dump.Chunk("første del", {}, 0, 0, 0), chunk_dump.Chunk("anden del", {}, 1, 11, 1)])
    assert chunk_dump.joined(doc) == "første del anden del"


def test_chunk_dump_without_items_is_an_error_or_full_text() -> None:
    rows = [{"page_content": "", "metadata": {"chunk_index": k, "start_index": 0}} for k in range(3)]
    data = "\n".join(json.dumps(r) for r in rows).encode("utf-8")
    with pytest.raises(IngestError) as exc:
        read(THISTED, data, "/tmp/empty.jsonl")
    assert "empty.jsonl" in str(exc.value)


# --- Gladsaxe: a written procedure in the First Agenda print view ----------------------------------------------------


def test_gladsaxe_facts_written_procedure() -> None:
    r = read(GLADSAXE)
    m = r.meeting
    assert (m.municipality, m.committee, m.date) == ("Gladsaxe", "Børne- og Undervisningsudvalget", date(2024, 8, 14))
    assert m.municipality_evidence == ["source field: Gladsaxe Kommune"]  # the logo, not the file name
    assert m.time is None  # "kl. 12.00" is the answer deadline
    assert m.location == "Skriftlig behandling"
    assert m.absentees == []  # Mikkel Frost (C) did not reply: no afbud
    assert any("ikke afgivet svar: Mikkel Frost (C)" in x for x in m.remarks)
    assert any("svarfrist onsdag den 14. august 2024 kl. 12.00" in x for x in m.remarks)
    assert m.status == "minutes" and len(m.participants) == 7


GLADSAXE_ITEMS = [
    ("1", "Godkendelse af dagsorden", "24-016602", "Godkendt ved skriftlig behandling."),
    ("2", "Skolernes udskolingslinjer fra skoleåret 2025/26", "24-009178", "Godkendt."),
    ("3", "Tilskud til sommerferieaktiviteter 2024 - efterbevilling", "24-011250",
     "Godkendt. Lotte Rye (Ø) tog forbehold med ønske om, at aktiviteterne fremover skal være gratis for alle."),
    ("4", "Lukket: Valg af ny skoleleder til Buddinge Skole", None, None),
    ("5", "Meddelelser", "24-016603", "Taget til efterretning."),
]


def test_gladsaxe_items_and_own_decisions() -> None:
    m = read(GLADSAXE).meeting
    own = [[d.text for d in it.decisions if d.date == m.date] for it in m.items]
    got = [(it.number, it.title, it.case_number, texts[0] if texts else None)
           for it, texts in zip(m.items, own, strict=True)]
    assert got == GLADSAXE_ITEMS
    assert all(len(texts) <= 1 for texts in own)
    assert m.items[3].closed and not m.items[3].decisions


def test_gladsaxe_history_table_is_an_earlier_decision() -> None:
    item = read(GLADSAXE).meeting.items[1]
    assert [(d.body, d.date, d.text, d.outcome) for d in item.decisions] == [
        ("Børne- og Undervisningsudvalget", date(2024, 6, 12), "Udsat til næste møde.", "postponed"),
        ("Børne- og Undervisningsudvalget", date(2024, 8, 14), "Godkendt.", "approved")]
    assert not any("Udvalg | Dato" in s.text for s in item.sections)
    assert "mindst 18 tilmeldte elever" in item.text


def test_gladsaxe_reservation_is_no_vote() -> None:
    dec = read(GLADSAXE).meeting.items[2].decisions[0]
    assert dec.votes == [] and dec.outcome == "approved"


def test_deadline_clock_is_no_start_time() -> None:
    lines = ["Mødedato: 14-08-2024", "Bemærkning: Skriftligt, svarfrist onsdag den 14. august 2024 kl. 12.00."]
    assert header.parse_header(lines).time is None
    assert header.parse_header(["Mødedato: 14-08-2024", "Mødetid: Kl. 15.00 - 17.30"]).time == "15:00"
    assert header.parse_header(["Mødet holdes 14-08-2024 kl. 16.00, høringsfrist senest kl. 12.00"]).time == "16:00"


def test_history_table_needs_dated_rows() -> None:
    table = ("<table><tr><th>Udvalg</th><th>Dato</th><th>Beslutning</th></tr>"
             "<tr><td>Byrådet</td><td>senere</td><td>Godkendt.</td></tr></table>")
    assert html_history.take(table) == (table, [])
    dated = table.replace("senere", "01-02-2024")
    html, found = html_history.take(dated)
    assert "<table" not in html and [(d.body, d.date, d.text) for d in found] == [
        ("Byrådet", date(2024, 2, 1), "Godkendt.")]
