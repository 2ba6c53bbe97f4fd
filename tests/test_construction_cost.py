"""What it costs to build is a fine value kind (``asked_values``): an item that states only a rent or a fee does not
answer it; an item titled by its building ("Anlægsbevilling til …") or stating an amount beside a word of building
does (calibration: eval/dev27.jsonl d27_048 refused, every answerable question of the calibration sets kept)."""

from __future__ import annotations

from assistant import asked_values

SAUNA = """Punkt 6: Ansøgning om placering af flydende sauna i Grenaa Lystbådehavn

Administrationen foreslår en midlertidig tilladelse i 3 år. Foreningen skal betale en årlig leje på 6.000 kr. til
havnen samt selv afholde alle udgifter til el og vand."""
MOLE = """Punkt 5: Anlægsbevilling til renovering af østmolen i Ballen Havn

Den samlede udgift er beregnet til 8,4 mio. kr."""
SFO = """Punkt 4: SFO på Skovgårdsskolen

Udvidelsen koster 4,2 mio. kr. og finansieres af puljen til skolebyggeri."""


def test_a_question_of_what_it_costs_to_build() -> None:
    assert asked_values.asked("Hvad koster det at bygge den flydende sauna i Grenaa?") == "construction"
    assert asked_values.asked("What is the estimated construction cost of the bridge?") == "construction"
    assert asked_values.asked("Hvor stor er anlægsudgiften til den nye hal?") == "construction"
    assert asked_values.asked("Which contractor is going to build the new ferry pier?") is None  # a who-question
    assert asked_values.asked("Hvad koster saunaen i leje om året?") is None


def test_a_rent_does_not_state_what_building_costs() -> None:
    q = "Hvad koster det at bygge den flydende sauna i Grenaa Lystbådehavn?"
    assert asked_values.not_stated(q, SAUNA, SAUNA, "", "da") == "hvad det koster at bygge eller etablere"
    assert asked_values.not_stated("Hvad koster det at renovere østmolen?", MOLE, MOLE, "", "da") is None
    assert asked_values.not_stated("Hvad koster det at bygge SFO'en større?", SFO, SFO, "", "da") is None
