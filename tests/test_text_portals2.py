"""The text path (txt, PDF, DOCX) on the portals2 layouts (sample_data/portals2; facts in
sample_data/portals2-expected.md):
headings in capitals, First Agenda prints ("Sag: 23/18804", attendance closing every page), remarks after a
party list, votes told as sentences and Word vote tables. Each test names the defect it pins down."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from core import vocab
from core.model import Meeting
from ingest import pagetext
from ingest.parse import parse_file
from ingest.votetable import table_lines

PORTALS2 = Path(__file__).resolve().parent.parent / "sample_data" / "portals2"
THISTED = PORTALS2 / "thisted_teknik-og-miljoeudvalget_2024-06-11.txt"
HILLEROED = PORTALS2 / "hilleroed_teknik-og-miljoeudvalget_2024-03-12.pdf"
SLAGELSE = PORTALS2 / "slagelse_oekonomiudvalget_2024-04-22.pdf"
SOENDERBORG = PORTALS2 / "soenderborg_boerne-og-uddannelsesudvalget_2024-10-01.docx"
RANDERS = PORTALS2 / "randers_miljoe-og-teknikudvalget_2024-05-23.json"


def _write(tmp_path: Path, text: str, name: str = "m.txt") -> Meeting:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parse_file(path)


def _votes(m: Meeting, k: int, d: int = -1) -> list[tuple[str, list[str]]]:
    return [(v.position, [x.name for x in v.members]) for v in m.items[k].decisions[d].votes]


# --- headings in capitals ---------------------------------------------------------------------------------------

def test_a_name_in_capitals_is_stored_readable() -> None:
    assert vocab.readable("TEKNIK- OG MILJØUDVALGET") == "Teknik- og Miljøudvalget"
    assert vocab.readable("KULTUR-, IDRÆTS- OG FRITIDSUDVALGET") == "Kultur-, Idræts- og Fritidsudvalget"
    assert vocab.readable("ØKONOMIUDVALGET") == "Økonomiudvalget"
    assert vocab.readable("Teknik- og Miljøudvalget") == "Teknik- og Miljøudvalget"  # written normally: unchanged


def test_decision_headings_in_capitals_read_like_their_normal_case() -> None:
    assert vocab.decision_heading("BESLUTNING") == vocab.decision_heading("Beslutning")
    found = vocab.decision_heading("BESLUTNING I ØKONOMIUDVALGET DEN 22-04-2024")
    assert found is not None and (found.body, found.date) == ("Økonomiudvalget", date(2024, 4, 22))
    inline = vocab.decision_heading("BESLUTNING: Godkendt.")
    assert inline is not None and inline.inline_text == "Godkendt."
    assert vocab.decision_heading("BESLUTNINGEN BLEV UDSAT TIL NÆSTE MØDE") is None


UPPER = """AARHUS KOMMUNE
KLIMA- OG MILJØUDVALGET
REFERAT
Mødedato: 02.05.2024
Mødetid: 15:00 - 17:00

PUNKT 1 - GODKENDELSE AF DAGSORDEN
SAGSNR.: 24-000101

BESLUTNING
Godkendt.

PUNKT 2 - LUKKET PUNKT - KØB AF JORD
Sagsnr.: 24-000102

Punktet er behandlet for lukkede døre.

BESLUTNING
Godkendt.

PUNKT 3 - NY STI
SAGSFREMSTILLING
Stien anlægges i 2025.

INDSTILLING
Forvaltningen indstiller, at stien anlægges.

BESLUTNING I KLIMA- OG MILJØUDVALGET DEN 02-05-2024
Godkendt.
For stemte: A, V.
Imod stemte: Ø.
"""


def test_minutes_printed_in_capitals(tmp_path: Path) -> None:
    m = _write(tmp_path, UPPER)
    assert (m.committee, m.date, m.time) == ("Klima- og Miljøudvalget", date(2024, 5, 2), "15:00")
    assert [it.number for it in m.items] == ["1", "2", "3"]
    assert [[d.text.split("\n")[0] for d in it.decisions] for it in m.items] == [["Godkendt."]] * 3
    assert [d.body for it in m.items for d in it.decisions] == ["Klima- og Miljøudvalget"] * 3
    assert [s.name for s in m.items[2].sections] == ["Sagsfremstilling", "Indstilling"]
    assert m.items[1].closed and m.items[1].sections[0].text == "Punktet er behandlet for lukkede døre."
    assert _votes(m, 2) == [("for", ["A", "V"]), ("against", ["Ø"])]


def test_moedetid_label_gives_the_start_time(tmp_path: Path) -> None:
    m = _write(tmp_path, "Byrådet\nMødedato: 01.02.2024\nMødetid: 16.30 - 18.00\n\nPunkt 1: Dagsorden\n"
                         "Beslutning\nGodkendt.\n")
    assert m.time == "16:30"


def test_thisted_upper_case_export() -> None:
    m = parse_file(THISTED)
    assert (m.municipality, m.committee, m.date, m.time) == (
        "Thisted", "Teknik- og Miljøudvalget", date(2024, 6, 11), "14:00")
    assert m.location == "Thisted Rådhus, Asylgade 30, mødelokale 1"
    assert m.absentees == ["Hanne Søe (F)"] and len(m.participants) == 7
    assert [it.number for it in m.items] == ["1", "2", "3", "4", "4.1", "5", "6"]
    assert [it.case_number for it in m.items] == [
        "24-007100", "24-004321", "24-003005", "23-011870", "23-011871", "24-005560", "24-007101"]
    first = [it.decisions[0].text.split("\n")[0] for it in m.items]
    assert all(len(it.decisions) == 1 for it in m.items)
    assert first[0] == "Godkendt." and first[2].startswith("Godkendt med den tilføjelse, at kommunen også")
    assert first[3] == "Anbefales over for Byrådet." and first[5] == "Godkendt."
    assert first[6] == "Taget til efterretning."
    assert _votes(m, 3) == [("for", ["V", "A", "C"]), ("against", ["DD"])]
    assert m.items[5].title == "LUKKET PUNKT - OPKØB AF AREAL TIL REGNVANDSBASSIN" and m.items[5].closed
    assert "BESLUTNING" not in m.items[5].decisions[0].text


# --- First Agenda prints: "Sag:", members one per line, attendance closing every page ---------------------------------

def test_sag_label_is_a_case_number() -> None:
    assert vocab.case_number("Sag: 23/18804") == "23/18804"
    assert vocab.CASE_ALONE.match("Sag: 24/2001")
    assert vocab.case_number("Sag: Godkendelse af regnskab") is None  # only a number in a known form
    assert vocab.case_number("Sag nr. 5 Budget") is None


def test_a_case_line_after_a_long_title_is_no_part_of_it(tmp_path: Path) -> None:
    text = ("Byrådet\nMødedato: 01.02.2024\n\n1. Godkendelse af dagsorden\nSag: 24/2001\nBeslutning\nGodkendt.\n\n"
            "2. Anlægsbevilling til cykelsti langs Frederiksværksgade\nSag: 23/18804\nSagsfremstilling\nEn sti.\n"
            "Beslutning\nGodkendt.\n")
    m = _write(tmp_path, text)
    assert [(it.title, it.case_number) for it in m.items] == [
        ("Godkendelse af dagsorden", "24/2001"), ("Anlægsbevilling til cykelsti langs Frederiksværksgade", "23/18804")]
    assert m.items[0].sections == []


def test_members_one_per_line_with_a_role(tmp_path: Path) -> None:
    text = ("Byrådet\nMødedato 01-02-2024\nMedlemmer\nKirsten Hvid Larsen (A), formand\nOle Brandt (V)\n"
            "formand Mette Bonde (V)\nFraværende Ole Brandt (V)\n\nPunkt 1: Dagsorden\nBeslutning\nGodkendt.\n")
    m = _write(tmp_path, text)
    assert m.participants == ["Kirsten Hvid Larsen (A)", "Ole Brandt (V)", "Mette Bonde (V)"]
    assert m.absentees == ["Ole Brandt (V)"]


def test_a_wrapped_name_in_a_members_line_stays_one_name(tmp_path: Path) -> None:
    text = ("Byrådet\nMødedato: 01-02-2024\nMedlemmer: Peter Thorsen (A), Anja\nRavn (F), Helene Skjold (Ø)\n\n"
            "Punkt 1: Dagsorden\nBeslutning\nGodkendt.\n")
    assert _write(tmp_path, text).participants == ["Peter Thorsen (A)", "Anja Ravn (F)", "Helene Skjold (Ø)"]


def test_a_role_word_before_a_name_is_no_part_of_it() -> None:
    assert vocab.split_names("formand Kirsten Hvid (A), Borgmester Jens Ravn (A), Ole Bjørn (V), næstformand") == [
        "Kirsten Hvid (A)", "Jens Ravn (A)", "Ole Bjørn (V)"]
    assert vocab.split_names("formand for udvalget") == ["formand for udvalget"]  # no name follows


def test_attendance_at_the_foot_of_every_page_is_the_items_own() -> None:
    pages = [f"Udvalget 12-03-2024\n{n}. Punkt {n}\nBeslutning\nGodkendt.\nFraværende: Torben Skov (Ø)\n"
             f"Side {n} af 4" for n in range(1, 5)]
    lines = pagetext.page_lines("\f".join(pages))
    assert lines.count("Fraværende: Torben Skov (Ø)") == 4
    assert "Udvalget 12-03-2024" not in lines and not any(x.startswith("Side ") for x in lines)


def test_hilleroed_first_agenda_print() -> None:
    m = parse_file(HILLEROED)
    assert (m.municipality, m.committee, m.date, m.time) == (
        "Hillerød", "Teknik- og Miljøudvalget", date(2024, 3, 12), "17:00")
    assert m.participants == ["Kirsten Hvid Larsen (A)", "Ole Brandt (V)", "Mette Bonde (V)",
                              "Jens Peter Mølgaard (C)", "Nadia Iqbal (F)", "Sara Lindhardt (B)", "Torben Skov (Ø)"]
    assert m.absentees == ["Torben Skov (Ø)"]
    assert [(it.title, it.case_number) for it in m.items] == [
        ("Godkendelse af dagsorden", "24/2001"),
        ("Anlægsbevilling til cykelsti langs Frederiksværksgade", "23/18804"),
        ("Trafiksikkerhedsplan 2024-2028 - udsendelse i høring", "23/21177"),
        ("Tillæg nr. 2 til Spildevandsplan 2024-2027 for Ullerødbyen", "24/1540"),
        ("Vintertjeneste - evaluering af sæsonen 2023/24", "24/2233"),
        ("Ansøgning om dispensation fra lokalplan 412 - carport på Nødebovej 14", "24/0877")]
    assert m.items[0].sections == []
    for it in m.items:
        assert "Fraværende: Torben Skov (Ø)" in it.text and it.absentees == ["Torben Skov (Ø)"]
    assert m.items[5].decisions[0].text.startswith("Udvalget meddeler afslag på dispensation.")
    assert _votes(m, 5) == [("for", ["A", "C", "F", "B"]), ("against", ["V"])]


# --- votes: remarks after a party list, votes told as sentences ---------------------------------------------------

@pytest.mark.parametrize("line, expected", [
    ("Imod stemte: V, som ønskede at give dispensation.", [("against", "V")]),
    ("Imod stemte: Ø, der ønsker linje 8 bevaret.", [("against", "Ø")]),
    ("Imod stemte: A og C (2), idet de ønsker en anden løsning.", [("against", "A og C")]),
    ("Helene Skjold (Ø) undlod at stemme.", [("abstain", "Helene Skjold (Ø)")]),
    ("Anbefales. A og V stemte imod.", [("against", "A og V")]),
    ("For stemte: A, V. Ø undlod at stemme.", [("for", "A, V."), ("abstain", "Ø")]),
    ("Enhedslisten stemte imod.", [("against", "Enhedslisten")]),
    ("Udvalget stemte for forslaget.", []),
    ("Et flertal stemte imod.", []),
])
def test_vote_members_and_remarks(line: str, expected: list[tuple[str, str]]) -> None:
    assert [(pos, names) for pos, _, names, _ in vocab.votes_in(line)] == expected


def test_a_remark_after_the_party_is_no_member(tmp_path: Path) -> None:
    text = ("Byrådet\nMødedato: 01.02.2024\n\nPunkt 1: Lokalplan\nBeslutning\nGodkendt.\nFor stemte: A, C.\n"
            "Imod stemte: V, som ønskede at give dispensation.\nHelene Skjold (Ø) undlod at stemme.\n")
    m = _write(tmp_path, text)
    votes = m.items[0].decisions[0].votes
    assert [(v.position, v.count, [(x.name, x.party) for x in v.members]) for v in votes] == [
        ("for", 2, [("A", None), ("C", None)]), ("against", 1, [("V", None)]),
        ("abstain", 1, [("Helene Skjold", "Ø")])]
    assert votes[1].text == "Imod stemte: V, som ønskede at give dispensation."


def test_randers_remark_is_no_member() -> None:
    m = parse_file(RANDERS)
    assert _votes(m, 2) == [("for", ["A", "V", "C", "F"]), ("against", ["Ø"])]


def test_slagelse_abstention_is_a_vote() -> None:
    m = parse_file(SLAGELSE)
    dec = m.items[3].decisions[-1]
    assert dec.body == "Økonomiudvalget" and dec.text.startswith("Anbefales.")
    assert _votes(m, 3) == [("for", ["A", "V", "C", "F", "D"]), ("against", ["O"]), ("abstain", ["Helene Skjold"])]
    assert m.items[3].decisions[0].body == "Kultur-, Idræts- og Fritidsudvalget"


# --- Word vote tables ----------------------------------------------------------------------------------------------

def test_a_vote_table_becomes_vote_lines() -> None:
    rows = [["Parti", "Stemme"], ["A", "For"], ["V", "For"], ["F", "Imod"], ["Ø", "Undlod"],
            ["Resultat", "Indstillingen blev godkendt."]]
    assert table_lines(rows) == ["Indstillingen blev godkendt.", "For stemte: A, V", "Imod stemte: F", "Undlod: Ø"]
    assert table_lines([["Navn", "Parti", "Stemme"], ["Helle Jessen", "A", "For"], ["Bo Ravn", "V", "Imod"]]) == [
        "For stemte: Helle Jessen (A)", "Imod stemte: Bo Ravn (V)"]
    assert table_lines([["For", "A, V, S"], ["Imod", "F, Ø"], ["Undlod", "1"]]) == [
        "For stemte: A, V, S", "Imod stemte: F, Ø", "Undlod 1"]


def test_other_tables_keep_one_line_per_row() -> None:
    assert table_lines([["Tid", "Sted"], ["17:00", "Rådhuset"], ["", ""]]) == ["Tid Sted", "17:00 Rådhuset", ""]
    assert table_lines([["Forslag", "Pris"], ["For", "10 kr."]]) == ["Forslag Pris", "For 10 kr."]  # one row only


def test_a_docx_vote_table_gives_the_votes(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for line in ["Byrådet", "Mødedato: 01.10.2024", "1. Budget 2025", "Beslutning:"]:
        document.add_paragraph(line)
    table = document.add_table(rows=0, cols=2)
    for left, right in [("Parti", "Stemme"), ("A", "For"), ("V", "For"), ("Ø", "Imod"),
                        ("Resultat", "Godkendt med 2 stemmer mod 1.")]:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = left, right
    document.add_paragraph("2. Meddelelser")
    document.add_paragraph("Beslutning:")
    document.add_paragraph("Taget til efterretning.")
    path = tmp_path / "m.docx"
    document.save(str(path))
    m = parse_file(path)
    dec = m.items[0].decisions[0]
    assert dec.text.split("\n")[0] == "Godkendt med 2 stemmer mod 1." and dec.outcome == "approved"
    assert _votes(m, 0) == [("for", ["A", "V"]), ("against", ["Ø"])]


def test_soenderborg_vote_table() -> None:
    m = parse_file(SOENDERBORG)
    dec = m.items[1].decisions[0]
    assert dec.text.startswith("Indstillingen blev godkendt med 3 stemmer for")
    assert _votes(m, 1) == [("for", ["A", "V", "S"]), ("against", ["F", "Ø"])]
    assert [v.count for v in dec.votes] == [3, 2]
    assert "Parti Stemme" not in m.items[1].text
