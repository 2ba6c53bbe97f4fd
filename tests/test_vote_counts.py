"""Vote counts as minutes print them: a total after the names with a full stop ("A, V og C (5)."), a count before
the parties ("Stemmer for: 7 (A, V, DF, SF, I)"), a total that is not the number of parties, counts in prose
("vedtaget med 6 stemmer mod 1") and abstentions ("Undlod: F (1).")."""

from __future__ import annotations

from datetime import date

import pytest

from core import vocab
from core.model import Member, Vote
from ingest.items import decision_from_text


def _read(text: str) -> list[tuple[str, int | None, list[tuple[str, str | None]]]]:
    """The votes of a decision text as the pipeline reads them: position, count, (name, party) of each member."""
    dec = decision_from_text(f"Godkendt.\n{text}", "Byrådet", date(2024, 5, 1))
    return [(v.position, v.count, [(m.name, m.party) for m in v.members]) for v in dec.votes]


def _found(line: str, prose: bool = False) -> list[tuple[str, int | None, str]]:
    return [(pos, count, names) for pos, count, names, _ in vocab.votes_in(line, prose=prose)]


# --- a count in brackets after the names -------------------------------------------------------------------------

@pytest.mark.parametrize("line, expected", [
    ("For stemte: A, V og C (5).", [("for", 5, "A, V og C")]),
    ("For stemte: A, V og C (5)", [("for", 5, "A, V og C")]),
    ("For stemte: A, V, C, Ø og B (6)", [("for", 6, "A, V, C, Ø og B")]),  # the total, not the five letters
    ("For stemte: A, V, C, Ø og B (6).", [("for", 6, "A, V, C, Ø og B")]),
    ("Undlod at stemme: F (1)", [("abstain", 1, "F")]),
    ("Undlod at stemme: F (1).", [("abstain", 1, "F")]),
    ("Undlod: F (1).", [("abstain", 1, "F")]),
    ("For: A, V (5).", [("for", 5, "A, V")]),
    ("Imod stemte: Ø (1 stemme).", [("against", 1, "Ø")]),
])
def test_a_total_after_the_names(line: str, expected: list[tuple[str, int | None, str]]) -> None:
    assert _found(line) == expected


def test_a_full_stop_after_the_total_is_no_party() -> None:
    assert _read("For stemte: A, V og C (5).") == [("for", 5, [("A", None), ("V", None), ("C", None)])]
    assert _read("Undlod at stemme: F (1).") == [("abstain", 1, [("F", None)])]
    assert _read("Undlod: F (1).") == [("abstain", 1, [("F", None)])]


def test_the_stated_total_wins_over_the_parties_counted() -> None:
    for line in ("For stemte: A, V, C, Ø og B (6)", "For stemte: A, V, C, Ø og B (6)."):
        assert _read(line) == [("for", 6, [(p, None) for p in ("A", "V", "C", "Ø", "B")])]


# --- a count before the parties ---------------------------------------------------------------------------------

@pytest.mark.parametrize("line, expected", [
    ("Stemmer for: 7 (A, V, DF, SF, I)", [("for", 7, "A, V, DF, SF, I")]),
    ("Stemmer imod: 2 (Ø)", [("against", 2, "Ø")]),
    ("Stemmer imod: 2 (V, O), idet V og O ønsker en privat leverandør.", [("against", 2, "V, O")]),
    ("For: 5 (A, V)", [("for", 5, "A, V")]),  # the short labels read the same
    ("Imod: 1 (Ø)", [("against", 1, "Ø")]),
    ("Imod: 1 (Ø).", [("against", 1, "Ø")]),
    ("For stemte: 7 stemmer (A og V)", [("for", 7, "A og V")]),
    ("For stemte 3 (A, V)", [("for", 3, "A, V")]),  # the count before the colon, the parties in brackets
    ("For stemte: 5", [("for", 5, "")]),  # a count alone is no member
])
def test_a_count_before_the_parties(line: str, expected: list[tuple[str, int | None, str]]) -> None:
    assert _found(line) == expected


def test_a_count_before_the_parties_in_a_decision() -> None:
    assert _read("Stemmer for: 7 (A, V, DF, SF, I)\nStemmer imod: 2 (Ø)") == [
        ("for", 7, [(p, None) for p in ("A", "V", "DF", "SF", "I")]), ("against", 2, [("Ø", None)])]
    assert _read("For: 5 (A, V)\nImod: 1 (Ø)") == [
        ("for", 5, [("A", None), ("V", None)]), ("against", 1, [("Ø", None)])]


def test_stemmer_labels_run_together_in_one_line() -> None:
    assert _found("Godkendt. Stemmer for: 7 (A, V, DF, SF, I). Stemmer imod: 2 (Ø).") == [
        ("for", 7, "A, V, DF, SF, I"), ("against", 2, "Ø")]


def test_vote_members_leave_the_count_out() -> None:
    assert vocab.vote_members("7 (A, V, DF)") == ["A", "V", "DF"]
    assert vocab.vote_members("Ø (1).") == ["Ø"]  # the names on the line after "Imod stemte:"
    assert vocab.vote_members("Claus Engholm (Ø) (1), som ønskede mere") == ["Claus Engholm (Ø)"]
    assert vocab.vote_members("Anna Berg (A), Carl Dam (F)") == ["Anna Berg (A)", "Carl Dam (F)"]


# --- counts told in prose -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("line, expected", [
    ("Forslaget blev vedtaget med 6 stemmer mod 1", [("for", 6, ""), ("against", 1, "")]),
    ("Forslaget blev vedtaget med 6 stemmer for og 1 imod.", [("for", 6, ""), ("against", 1, "")]),
    ("Indstillingen blev godkendt med 5 stemmer mod 2 (Ø og F).", [("for", 5, ""), ("against", 2, "Ø og F")]),
    ("Vedtaget med 6 stemmer (A, V, C) mod 3 (Ø og F).", [("for", 6, "A, V, C"), ("against", 3, "Ø og F")]),
    ("Vedtaget med 6 mod 1 stemme.", [("for", 6, ""), ("against", 1, "")]),
    ("Vedtaget med 9 stemmer for, 2 imod og 1 undlod at stemme.",
     [("for", 9, ""), ("against", 2, ""), ("abstain", 1, "")]),
    ("Forslaget faldt med 2 stemmer for og 7 imod.", [("for", 2, ""), ("against", 7, "")]),
    # a bracket that names no voters is left out of the members, the counts stay
    ("Godkendt med 5 stemmer mod 2 (V og Ø stemte imod).", [("for", 5, ""), ("against", 2, "")]),
    # a rejection "med 6 stemmer mod 1" does not say whose six; no vote word; one count alone; other numbers
    ("Forslaget blev forkastet med 6 stemmer mod 1.", []),
    ("Vedtaget med 6 mod 1.", []),
    ("Godkendt med 4 stemmer.", []),
    ("Beløbet fordeles med 60 procent mod 40.", []),
])
def test_counts_in_prose(line: str, expected: list[tuple[str, int | None, str]]) -> None:
    assert _found(line, prose=True) == expected
    assert [(pos, count, names) for pos, count, names, _ in vocab.prose_votes(line)] == expected


def test_a_prose_vote_quotes_its_counts() -> None:
    assert [text for *_, text in vocab.votes_in("Forslaget blev vedtaget med 5 stemmer mod 2 (Ø og F).", prose=True)
            ] == ["med 5 stemmer mod 2 (Ø og F)"] * 2


def test_prose_counts_are_read_only_when_asked() -> None:
    assert vocab.votes_in("Forslaget blev vedtaget med 6 stemmer mod 1") == []


def test_a_prose_count_and_a_named_side_in_one_line_are_one_vote() -> None:
    line = "Forslaget blev vedtaget med 5 stemmer mod 2. Ø stemte imod, idet de ønsker færre boliger."
    assert _found(line, prose=True) == [("for", 5, ""), ("against", 2, "Ø")]


def _vote(position: str, count: int | None, text: str, *members: str) -> Vote:
    return Vote(position=position, count=count, text=text, members=[Member(name=m) for m in members])  # type: ignore[arg-type]


def test_merged_folds_a_prose_count_into_the_side_named_later() -> None:
    prose = "med 3 stemmer for og 2 imod"
    votes = [_vote("for", 3, prose), _vote("against", 2, prose),
             _vote("for", 3, "For stemte: A, V, S", "A", "V", "S"), _vote("against", 1, "Imod stemte: Ø", "Ø")]
    assert [(v.position, v.count, [m.name for m in v.members]) for v in vocab.merged(votes)] == [
        ("for", 3, ["A", "V", "S"]), ("against", 2, ["Ø"])]  # "Ø" is a party: the prose counts its two


def test_merged_keeps_a_printed_count_and_an_unnamed_side() -> None:
    prose = "med 5 stemmer mod 2"
    votes = [_vote("for", 5, prose), _vote("against", 2, prose), _vote("against", 1, "Imod stemte: Ø (1)", "Ø")]
    assert [(v.position, v.count, v.text) for v in vocab.merged(votes)] == [
        ("for", 5, prose), ("against", 1, "Imod stemte: Ø (1)")]


# --- a bare "For:" / "Imod:" inside a decision's sentences -------------------------------------------------------

def test_bare_for_and_against_inside_the_decision() -> None:
    found = _found("Anbefales, dog således at mølle 5 udgår. For: V, A og F (5). Imod: Hanne Lyng (O), der ikke kan "
                   "anbefale projektet.")
    assert found == [("for", 5, "V, A og F"), ("against", None, "Hanne Lyng (O)")]
    # a colon after "for" in prose is no vote: no party follows it
    assert _found("Godkendt. Udvalget er for: at der arbejdes videre med sagen.") == []


def test_a_sentence_after_the_count_is_a_remark_not_a_party() -> None:
    """"Imod stemte: O og D (4). O og D ønsker projektet udskudt til 2026." counts four against, O and D, not D of a
    party "4" (portals12, Stevns)."""
    from core.votes import vote_line, vote_members

    assert vote_line("Imod stemte: O og D (4). O og D ønsker projektet udskudt til 2026.") == ("against", 4, "O og D")
    assert vote_members("O og D (4). O og D ønsker projektet udskudt til 2026.") == ["O", "D"]
