"""A decision that puts another figure in the proposal's place is quoted before the proposal, and a list whose
entries are marked by capital letters ("A. …", "B. …") is quoted with its lead-in. Calibration: portals p005
(a minimum price changed by the decision), portals18 p18_006 (savings proposals A-D)."""

from __future__ import annotations

from pathlib import Path

from assistant import answer_quote, evidence, salient
from ingest.parse import read_path

MINUTES = """Favrskov Kommune
Referat af Økonomiudvalget den 15. april 2024

Punkt 3: Salg af byggegrunde i Hinnerup Nord

Sagsfremstilling
Der er 18 parcelhusgrunde klar til salg. Mindsteprisen foreslås fastsat til 1.150 kr. pr. m2 inkl. moms.
Indstilling
Direktionen indstiller, at grundene udbydes.
Beslutning i Økonomiudvalget den 15-04-2024
Anbefales, dog med en mindstepris på 1.250 kr. pr. m2.

Punkt 4: Salg af erhvervsgrunde i Hadsten
Sagsfremstilling
Mindsteprisen foreslås fastsat til 400 kr. pr. m2 ekskl. moms.
Beslutning i Økonomiudvalget den 15-04-2024
Godkendt. Grundene udbydes i 2 runder.

Punkt 5: Budget 2025 - besparelsesforslag
Sagsfremstilling
Forvaltningen har udarbejdet 3 forslag på i alt 1,5 mio. kr.:
A. Sammenlægning af to aktivitetscentre - 0,4 mio. kr.
B. Lukning af en cafe - 0,5 mio. kr.
C. Færre vikarer på plejecentrene - 0,6 mio. kr.
H. C. Andersen-prisen uddeles som hidtil.
Beslutning i Økonomiudvalget den 15-04-2024
Godkendt.
"""


def _items(tmp_path: Path) -> list:
    path = tmp_path / "favrskov.txt"
    path.write_text(MINUTES, encoding="utf-8")
    return read_path(path, None).meetings[0].items


def test_a_decision_with_another_figure_supersedes_the_proposal(tmp_path: Path) -> None:
    plots, business, _ = _items(tmp_path)
    proposal = [p for p in evidence.passages(plots, "2024-04-15") if "foreslås" in p.text]
    changed = answer_quote.superseding(plots, proposal, "2024-04-15")
    assert changed is not None and "1.250 kr." in changed.text
    # a decision whose figure counts something else ("2 runder") changes no price
    kept = [p for p in evidence.passages(business, "2024-04-15") if "foreslås" in p.text]
    assert answer_quote.superseding(business, kept, "2024-04-15") is None


def test_capital_letter_entries_after_a_lead_in_are_a_list(tmp_path: Path) -> None:
    savings = _items(tmp_path)[2]
    passages = evidence.passages(savings, "2024-04-15")

    def entry(words: str) -> bool:
        return next(p.entry for p in passages if words in p.text)

    assert entry("to aktivitetscentre") and entry("Færre vikarer")
    assert not entry("Andersen-prisen")  # "H." after "C." is an initial, no entry
    found = evidence.select(savings, "Hvilke besparelsesforslag har forvaltningen udarbejdet?", "list",
                            "2024-04-15")
    quoted = evidence.quote(found)
    assert "aktivitetscentre" in quoted and "vikarer" in quoted


def test_an_english_abbreviation_is_named_by_its_danish_words() -> None:
    text = "Udbud af offentlige ladestandere til elbiler ved Taarbæk Havn"
    assert salient.missing(text, ["EV"]) == []
    assert salient.missing("Ny cykelsti langs Fjordvej", ["EV"]) == ["EV"]
