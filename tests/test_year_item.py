"""A year the question names is answered by the item found first when it holds the year; an item further down
that holds it answers only when it is near-tied and holds as much of the question's terms (``dated.years``): a tree
policy mentioning the budget for 2026 does not answer what the water tariff will be in 2026."""

from __future__ import annotations

from assistant import dated
from assistant.query import understand
from assistant.retrieve import Hit
from core.model import AgendaItem, Section
from store.rows import StoredItem


def _hit(order: int, title: str, text: str, score: float, overlap: float) -> Hit:
    item = AgendaItem(number=str(order), order=order, title=title, text=text,
                      sections=[Section(name="Sagsfremstilling", heading="Sagsfremstilling", text=text)])
    stored = StoredItem(id=f"taarnby-tmu-2024-11-05-{order}", meeting_id="taarnby-tmu-2024-11-05",
                        municipality="Tårnby", committee="Teknik- og Miljøudvalget", date="2024-11-05",
                        number=str(order), order=order, title=title, case_number=None, text=text, item=item)
    return Hit(stored.id, score, 0.9, 0.5, overlap, stored)


TARIFF = _hit(4, "Takster for vand og spildevand 2025", "Vandafledningsbidraget bliver 48,10 kr. pr. m³ i 2025.",
              0.031, 0.6)
TREES = _hit(5, "Træpolitik for Tårnby Kommune", "Den resterende finansiering indgår i budgetlægningen for 2026.",
             0.030, 0.2)
Q = understand("Hvad bliver vandafledningsbidraget pr. m³ i Tårnby i 2026?")


def test_a_weaker_item_holding_the_year_but_less_of_the_question_is_no_answer() -> None:
    hits, missing = dated.years(Q, [TARIFF, TREES], 0.92)
    assert missing == ["2026"] and hits[0] is TARIFF


def test_a_near_tied_item_holding_the_year_and_the_question_comes_first() -> None:
    later = _hit(6, "Takster for vand og spildevand 2026", "Vandafledningsbidraget bliver 49,30 kr. pr. m³ i 2026.",
                 0.030, 0.6)
    hits, missing = dated.years(Q, [TARIFF, later, TREES], 0.92)
    assert missing == [] and hits[0] is later
