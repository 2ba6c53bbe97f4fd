"""The item holding every topic noun of the question comes before a first item that lacks one, when it also holds
more of the question's terms: the briefing naming the new centre manager, not the item titled by the centre."""

from __future__ import annotations

from assistant.absent import topic_first
from assistant.query import understand
from assistant.retrieve import Hit
from core.model import AgendaItem, Section
from store.rows import StoredItem

PITCH = "Hårlev Boldklub har udarbejdet projekt for en ny kunstgræsbane ved Hårlev Idrætscenter."
NEWS = "Jannik Friis er ansat som ny centerleder i Hårlev Idrætscenter og tiltræder den 1. februar 2024."
QUESTION = "Hvem er blevet ny centerleder i Hårlev Idrætscenter?"


def _hit(title: str, text: str, order: int, overlap: float, lexical_rank: int | None) -> Hit:
    item = AgendaItem(number=str(order), order=order, title=title, text=text,
                      sections=[Section(name="Sagsfremstilling", heading="Sagsfremstilling", text=text)])
    stored = StoredItem(id=f"stevns-kfu-2024-02-06-{order}", meeting_id="stevns-kfu-2024-02-06",
                        municipality="Stevns", committee="Kultur- og Fritidsudvalget", date="2024-02-06",
                        number=str(order), order=order, title=title, case_number=None, text=text, item=item)
    return Hit(stored.id, 0.04, 0.87, 0.5, overlap, stored, dense_rank=order, lexical_rank=lexical_rank)


def _hits(news_overlap: float = 1.0, news_rank: int | None = 0) -> list[Hit]:
    return [_hit("Kunstgræsbane ved Hårlev Idrætscenter", PITCH, 7, 0.67, 1),
            _hit("Budget for Stevns Bibliotekerne", "Bibliotekerne havde 142.600 besøg.", 3, 0.33, 4),
            _hit("Meddelelser", NEWS, 2, news_overlap, news_rank)]


def test_the_item_holding_the_asked_topic_comes_first() -> None:
    ordered = topic_first(understand(QUESTION), _hits())
    assert ordered[0].item.title == "Meddelelser"
    assert len(ordered) == 3


def test_not_when_the_item_holds_fewer_of_the_questions_terms() -> None:
    q = understand(QUESTION)
    assert topic_first(q, _hits(news_overlap=0.5))[0].item.title.startswith("Kunstgræsbane")
    # as many terms: only when BM25 ranks it higher
    assert topic_first(q, _hits(news_overlap=0.67, news_rank=0))[0].item.title == "Meddelelser"
    assert topic_first(q, _hits(news_overlap=0.67, news_rank=None))[0].item.title.startswith("Kunstgræsbane")


def test_not_when_the_first_item_holds_every_topic_noun() -> None:
    q = understand("Hvad koster kunstgræsbanen ved Hårlev Idrætscenter?")
    assert topic_first(q, _hits())[0].item.title.startswith("Kunstgræsbane")
