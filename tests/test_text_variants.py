"""Plain-text minutes in shapes from portals the parser had not seen (fixtures in tests/fixtures/text/ and
sample_data/portals/): mixed
item headings, print dates, page furniture, inline votes, refusals. Each test names the defect it pins down."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from core import vocab
from core.model import Meeting
from ingest.parse import parse_file
from tests.helpers import invented

TEXT = Path(__file__).parent / "fixtures" / "text"


def _parse(name: str) -> Meeting:
    return parse_file(invented(TEXT, name))


def _write(tmp_path: Path, text: str, name: str = "m.txt") -> Meeting:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parse_file(path)


# --- one "Punkt 3:" heading among "N. Titel" headings ----------------------------------------------------------

def test_one_punkt_heading_among_bare_numbers_keeps_every_item() -> None:
    m = _parse("01_holbaek_headings.txt")
    assert [it.number for it in m.items] == ["1", "2", "3", "4", "5"]
    assert m.items[1].title == "Trafiksikkerhedsplan 2024-2028"
    assert m.items[2].title == "Vinterberedskab - evaluering af sæson 2023/24"
    assert [[d.outcome for d in it.decisions] for it in m.items] == [
        ["approved"], ["approved"], ["noted"], ["approved"], ["approved"]]
    assert "LED" not in m.items[2].text and "Regstrup" not in m.items[3].text


def test_printed_headings_stay_when_a_list_fills_a_gap(tmp_path: Path) -> None:
    """"Punkt N" headings are the document's style: a numbered list inside an item does not become items."""
    text = ("Byrådet\nMødedato: 01.02.2024\n\nPunkt 1: Dagsorden\nBeslutning\nGodkendt.\n\n"
            "Punkt 2: Budget\nIndstilling\n1. Budgettet godkendes\n3. At rammen fastholdes\nBeslutning\nGodkendt.\n\n"
            "Punkt 4: Eventuelt\nBeslutning\nIntet.\n")
    m = _write(tmp_path, text)
    assert [it.number for it in m.items] == ["1", "2", "4"]


# --- the meeting date: the labelled one, not the print date -----------------------------------------------------

def test_meeting_date_is_the_labelled_one_not_the_print_date() -> None:
    m = _parse("taarnby_aeldreudvalget_2024-04-03.txt")
    assert (m.committee, m.date, m.time) == ("Ældreudvalget", date(2024, 4, 3), "14:00")


def test_meeting_date_from_the_moede_line_when_no_label(tmp_path: Path) -> None:
    source = invented(TEXT, "taarnby_aeldreudvalget_2024-04-03.txt")
    text = source.read_text(encoding="utf-8").replace("Mødedato: 03.04.2024 kl. 14.00\n", "")
    assert _write(tmp_path, text).date == date(2024, 4, 3)


def test_committee_after_referat_af(tmp_path: Path) -> None:
    """"Referat af Byrådet den ..." names the committee Byrådet, not "af Byrådet"."""
    text = "Thisted Kommune\nReferat af Byrådet den 11. juni 2024\n\nPunkt 1: Test\nBeslutning\nGodkendt.\n"
    assert _write(tmp_path, text).committee == "Byrådet"


TABLE_HEAD = """Svendborg Kommune - Dagsordener og referater

| Udskrevet 07-02-2024 kl. 09.12

Udvalg | Børne- og Ungeudvalget
Mødedato | 05-02-2024
Tidspunkt | 15:00 - 17:30
Sted | Udvalgsværelse 2, Ramsherred 5

Punkt 1: Godkendelse af dagsorden
Beslutning i Børne- og Ungeudvalget
Godkendt.

Punkt 2: Skolestruktur på Tåsinge - høring
Sagsnr. 23/28741
Indstilling
Forvaltningen indstiller, at sammenlægningen gennemføres pr. 1. august 2024.
Beslutning i Børne- og Ungeudvalget
Udvalget kunne ikke anbefale indstillingen. Sagen sendes til Byrådet uden anbefaling. For stemte: A og SF (3). \
Imod stemte: V, K og Ø (4).
"""


def test_table_rows_of_meeting_facts(tmp_path: Path) -> None:
    m = _write(tmp_path, TABLE_HEAD)
    assert (m.committee, m.date, m.time, m.location) == (
        "Børne- og Ungeudvalget", date(2024, 2, 5), "15:00", "Udvalgsværelse 2, Ramsherred 5")


# --- outcomes ---------------------------------------------------------------------------------------------------

def test_a_committee_that_could_not_recommend_rejected(tmp_path: Path) -> None:
    assert _write(tmp_path, TABLE_HEAD).items[1].decisions[0].outcome == "rejected"


def test_closing_lines_do_not_turn_a_noted_item_approved() -> None:
    last = _parse("taarnby_aeldreudvalget_2024-04-03.txt").items[-1]
    assert last.decisions[0].outcome == "noted"


@pytest.mark.parametrize(("text", "expected"), [
    ("Godkendt.", "approved"),
    ("Anbefales over for Økonomiudvalget.", "approved"),
    ("Taget til efterretning.", "noted"),
    ("Orienteringen blev taget til efterretning.", "noted"),
    ("Indstillingen blev ikke godkendt.", "rejected"),
    ("Udsat.", "postponed"),
    ("Udvalget kunne ikke anbefale indstillingen.", "rejected"),
    ("Teknik- og Miljøudvalget kan ikke godkende ansøgningen.", "rejected"),
    ("Byrådet besluttede ikke at imødekomme ansøgningen.", "rejected"),
    # a group's dissent in an approved decision stays approved (Aarhus)
    ("Fremsendes til Aarhus Byråd med bemærkning, at Magistraten anbefaler, at byrådet tiltræder indstillingen.\n"
     "Liberal Alliance og Alternativet kunne ikke tiltræde indstillingen.", "approved"),
    ("Godkendt.\nSocialdemokratiets byrådsgruppe kunne ikke tiltræde indstillingen.", "approved"),
    ("Godkendt. Et mindretal i udvalget kunne ikke tiltræde.", "approved"),
])
def test_outcome_phrases(text: str, expected: str) -> None:
    assert vocab.outcome(text) == expected


# --- page furniture -----------------------------------------------------------------------------------------------

def test_running_footers_without_form_feeds_are_dropped() -> None:
    m = _parse("naestved_klima-og-miljoeudvalget_2024-04-09.txt")
    assert [it.number for it in m.items] == ["1", "2", "3", "4", "5"]
    for it in m.items:
        assert "Side " not in it.text and "09.04.2024" not in it.text
        assert all("Side" not in d.text for d in it.decisions)
    fremstilling = m.items[4].section("Sagsfremstilling")
    assert fremstilling is not None
    assert " ".join(fremstilling.text.split()).startswith("Forvaltningen foreslår at indføre et differentieret gebyr "
                                                         "for restaffald")


def test_closing_lines_are_not_part_of_the_last_item() -> None:
    last = _parse("taarnby_aeldreudvalget_2024-04-03.txt").items[-1]
    assert "hævet" not in last.text and "Referatet godkendt" not in last.text
    assert last.decisions[0].text == "Taget til efterretning."


def test_a_decision_that_is_the_approval_of_the_minutes_stays(tmp_path: Path) -> None:
    text = ("Byrådet\nMødedato: 01.02.2024\n\nPunkt 1: Dagsorden\nBeslutning\nGodkendt.\n\n"
            "Punkt 2: Godkendelse af referat\nBeslutning\nReferatet godkendt.\n")
    assert _write(tmp_path, text).items[-1].decisions[0].text == "Referatet godkendt."


def test_markdown_rules_are_not_item_text() -> None:
    m = _parse("faxe_kultur-og-fritidsudvalget_2024-08-20.md")
    assert len(m.items) == 4
    assert all("---" not in it.text for it in m.items)
    assert m.items[-1].decisions[0].text.endswith("i stedet for 25.000 kr.")


# --- "Beslutning den dd.mm.yyyy:" ---------------------------------------------------------------------------------

def test_beslutning_den_date_has_no_body() -> None:
    head = vocab.decision_heading("Beslutning den 03.04.2024:")
    assert head is not None and (head.body, head.date) == (None, date(2024, 4, 3))
    m = _parse("taarnby_aeldreudvalget_2024-04-03.txt")
    assert {(d.body, d.date) for it in m.items for d in it.decisions} == {("Ældreudvalget", date(2024, 4, 3))}


# --- the meeting time, "formand" ----------------------------------------------------------------------------------

def test_time_from_a_time_label() -> None:
    assert _parse("naestved_klima-og-miljoeudvalget_2024-04-09.txt").time == "15:00"  # "Mødetidspunkt: 15:00 - 17:10"


def test_time_from_kl_with_a_capital(tmp_path: Path) -> None:
    text = ("Ringkøbing-Skjern Kommune\nReferat\nErhvervs- og Beskæftigelsesudvalget\nDato: 19. marts 2024\n"
            "Tidspunkt: Kl. 13.00\n\nPunkt 1: Godkendelse af dagsorden\nBeslutning\nGodkendt.\n")
    assert _write(tmp_path, text).time == "13:00"


def test_formand_is_not_a_participant() -> None:
    participants = _parse("taarnby_aeldreudvalget_2024-04-03.txt").participants
    assert participants == ["Allan S. Andersen (A)", "Birgitte Bang (V)", "Knud Nielsen (F)"]
    assert "formand" not in _parse("01_holbaek_headings.txt").participants


# --- inline votes -------------------------------------------------------------------------------------------------

def test_votes_inline_in_a_sentence(tmp_path: Path) -> None:
    votes = _write(tmp_path, TABLE_HEAD).items[1].decisions[0].votes
    assert [(v.position, v.count, [x.name for x in v.members]) for v in votes] == [
        ("for", 3, ["A", "SF"]), ("against", 4, ["V", "K", "Ø"])]
    assert votes[0].text == "For stemte: A og SF (3)."


def test_vote_after_the_outcome_sentence() -> None:
    found = vocab.votes_in("Vedtaget. Imod stemte: Ø (1).")
    assert [(pos, count, names) for pos, count, names, _ in found] == [("against", 1, "Ø")]


def test_vote_lines_as_before(tmp_path: Path) -> None:
    text = ("Byrådet\nMødedato: 01.02.2024\n\nPunkt 1: Budget\nBeslutning\nGodkendt.\n"
            "For stemte 5: Anna Berg (A), Carl Dam (F)\nImod stemte:\nEva Nør (O)\n")
    votes = _write(tmp_path, text).items[0].decisions[0].votes
    assert [(v.position, v.count, v.text) for v in votes] == [
        ("for", 5, "For stemte 5: Anna Berg (A), Carl Dam (F)"), ("against", 1, "Imod stemte: Eva Nør (O)")]
    assert [(x.name, x.party) for x in votes[0].members] == [("Anna Berg", "A"), ("Carl Dam", "F")]
