"""An everyday word for the item's topic ("fodboldbane" for "Ny kunstgræsbane ...") is answered from the item the
rest of the question points at; a further condition the item does not meet ("et sommerhus" of "Affaldsgebyrer
2025"), a word found by the town's name alone, or a lead too small is still refused as a topic no minutes hold."""

from __future__ import annotations

from dataclasses import replace

from assistant.answer import ExtractiveAnswerer
from assistant.paraphrase import stands_for_item
from assistant.query import understand
from assistant.retrieve import Hit
from core.model import AgendaItem, Section, fold
from store.rows import StoredItem

PITCH = ("Anlægsudgiften er 6,2 mio. kr. De årlige driftsudgifter udgør 140.000 kr.\n"
         "Beslutning: Anbefales over for Økonomiudvalget.")


def _hit(title: str, text: str, dense: float, order: int = 3, overlap: float = 0.5, dense_rank: int = 0,
         lexical_rank: int = 0) -> Hit:
    item = AgendaItem(number=str(order), order=order, title=title, text=text,
                      sections=[Section(name="Sagsfremstilling", heading="Sagsfremstilling", text=text)])
    stored = StoredItem(id=f"hvidovre-kfu-2024-09-10-{order}", meeting_id="hvidovre-kfu-2024-09-10",
                        municipality="Hvidovre", committee="Kultur- og Fritidsudvalget", date="2024-09-10",
                        number=str(order), order=order, title=title, case_number=None, text=text, item=item)
    return Hit(stored.id, 0.03, dense, 0.5, overlap, stored, dense_rank=dense_rank, lexical_rank=lexical_rank)


def _hits(first_dense: float = 0.916, **first: object) -> list[Hit]:
    return [_hit("Ny kunstgræsbane ved Frihedens Idrætscenter", PITCH, first_dense, **first),  # type: ignore[arg-type]
            _hit("Udvidede åbningstider på Hvidovre Bibliotek", "Biblioteket holder åbent til kl. 22.", 0.876, 4,
                 dense_rank=1, lexical_rank=1)]


PITCH_Q = "Hvad koster den nye fodboldbane ved Frihedens Idrætscenter i Hvidovre?"


def test_an_everyday_word_for_the_items_topic() -> None:
    assert stands_for_item(understand(PITCH_Q), _hits(), ["fodboldbane"])


def test_what_the_rule_asks_of_the_question_and_the_item() -> None:
    q = understand(PITCH_Q)
    assert not stands_for_item(q, _hits(first_dense=0.886), ["fodboldbane"])  # no clear dense lead
    assert not stands_for_item(q, _hits(lexical_rank=1), ["fodboldbane"])  # BM25 ranks another first
    assert not stands_for_item(q, _hits(overlap=0.0), ["fodboldbane"])  # found by the town's name alone
    assert not stands_for_item(q, _hits(), ["fodboldbane", "tribune"])  # two topics no minutes hold
    english = understand("How much does the new football pitch at Frihedens Idrætscenter in Hvidovre cost?")
    assert not stands_for_item(english, _hits(), ["football"])  # an English word is judged by the glossary
    briefing = [replace(_hits()[0], item=replace(_hits()[0].item, title="Meddelelser")), *_hits()[1:]]
    assert not stands_for_item(q, briefing, ["fodboldbane"])  # a briefing names no topic of its own
    # the question names the item's topic itself: the absent noun is a further condition, not another word for it
    fee = [replace(h, item=replace(h.item, title="Affaldsgebyrer 2025")) for h in _hits()[:1]] + _hits()[1:]
    assert not stands_for_item(understand("Hvad skal et sommerhus betale i affaldsgebyr i Hvidovre i 2025?"),
                               fee, ["sommerhus"])


def _answerer() -> ExtractiveAnswerer:
    # the store holds these two items: no minutes mention a football pitch ("fodboldbane")
    stored = fold(" ".join(f"{h.item.title} {h.item.text}" for h in _hits()))
    return ExtractiveAnswerer(threshold=0.85, mentioned=lambda parts, _m: all(p in stored for p in parts))


def test_the_answer_quotes_the_items_figure() -> None:
    answer = _answerer().answer(understand(PITCH_Q), _hits())
    assert not answer.refused and "6,2 mio. kr." in answer.answer
    assert answer.citations[0].item_title == "Ny kunstgræsbane ved Frihedens Idrætscenter"


def test_without_the_lead_the_topic_is_refused_as_absent() -> None:
    answer = _answerer().answer(understand(PITCH_Q), _hits(first_dense=0.886))
    assert answer.refused and "nævner fodboldbane" in answer.answer and "6,2 mio. kr." not in answer.answer


GRANT_Q = "Hvor stor er anlægsbevillingen til den nye fodboldbane ved Frihedens Idrætscenter?"


def test_a_shared_title_word_leaves_the_asked_word_to_its_nearest_stored_words() -> None:
    """The question names a title word of the item ("anlægsbevillingen"): the absent noun is taken as the asker's
    word for the item's topic only when the nearest stored title words to it hold the item's own title word."""
    first = _hit("Anlægsbevilling til kunstgræsbane ved Frihedens Idrætscenter", PITCH, 0.916)
    hits = [first, *_hits()[1:]]
    asked: list[tuple[str, set[str], int]] = []

    def near(word: str, candidates: set[str], k: int) -> bool:
        asked.append((word, candidates, k))
        return "kunstgræsbane" in candidates

    q = understand(GRANT_Q)
    assert not stands_for_item(q, hits, ["fodboldbane"])  # a further condition, without the nearest words
    assert stands_for_item(q, hits, ["fodboldbane"], near=near)
    word, candidates, k = asked[0]
    assert word == "fodboldbane" and k == 5
    assert candidates == {"anlægsbevilling", "kunstgræsbane", "frihedens", "idrætscenter"}
    assert not stands_for_item(q, hits, ["fodboldbane"], near=lambda w, c, k: False)
    # the other conditions hold first: no dense lead, no nearest words asked
    asked.clear()
    assert not stands_for_item(q, [replace(first, dense=0.88), *hits[1:]], ["fodboldbane"], near=near)
    assert not asked


ROUTE = "Den nye køreplan for Hedensted–Juelsminde træder i kraft den 29. juni 2025 med 14 daglige afgange."
BUS_Q = "Fra hvilken dato kører der flere busser mellem Hedensted og Juelsminde?"


def test_a_figure_of_an_item_titled_by_the_nearest_words_of_the_askers_noun() -> None:
    """A figure question whose noun the item found does not hold ("busser" of an item on a route's timetable) is
    answered from it when the model puts one of its title words among the noun's nearest stored title words; else
    its figures are said to be about something else."""
    hits = [_hit("Kollektiv trafik – køreplan 2025 for rute 115", ROUTE, 0.916),
            _hit("Trafiksikkerhed ved skolerne", "Busserne holder ved skolen i Hedensted og Juelsminde.", 0.87, 4,
                 dense_rank=1, lexical_rank=1)]
    stored = fold(" ".join(f"{h.item.title} {h.item.text}" for h in hits))

    def answerer(near: object) -> ExtractiveAnswerer:
        return ExtractiveAnswerer(threshold=0.85, mentioned=lambda parts, _m: all(p in stored for p in parts),
                                  near=near)  # type: ignore[arg-type]

    refused = answerer(None).answer(understand(BUS_Q), hits)
    assert refused.refused and "nævner ikke busser" in refused.answer
    near = answerer(lambda word, candidates, k: word == "busser" and "køreplan" in candidates)
    answer = near.answer(understand(BUS_Q), hits)
    assert not answer.refused and "29. juni 2025" in answer.answer
    assert (answer.citations[0].item_title or "").startswith("Kollektiv trafik")
    other = answerer(lambda word, candidates, k: "trafiksikkerhed" in candidates)  # another item's title word
    assert other.answer(understand(BUS_Q), hits).refused


def test_the_word_alone_finding_the_item_makes_it_the_askers_word() -> None:
    """Where the question names a title word (a further condition by the title words alone), the English
    glossary lacks the word, or two nouns are absent: the nouns are the asker's words for the item's topic when
    each, searched for alone over the whole store, finds the item among the first ``word_items``."""
    first = _hit("Anlægsbevilling til kunstgræsbane ved Frihedens Idrætscenter", PITCH, 0.916)
    hits = [first, *_hits()[1:]]
    asked: list[tuple[str, str, int]] = []

    def finds(word: str, item_id: str, k: int) -> bool:
        asked.append((word, item_id, k))
        return item_id == first.item_id and word in {"fodboldbane", "football", "tribune"}

    q = understand(GRANT_Q)
    assert not stands_for_item(q, hits, ["fodboldbane"], near=lambda w, c, k: False)
    assert stands_for_item(q, hits, ["fodboldbane"], near=lambda w, c, k: False, finds=finds)
    assert asked[-1] == ("fodboldbane", first.item_id, 5)
    english = understand("How much does the new football pitch at Frihedens Idrætscenter in Hvidovre cost?")
    assert stands_for_item(english, _hits(), ["football"], finds=finds)
    assert not stands_for_item(english, _hits(), ["pitch"], finds=finds)  # the word finds other items first
    assert stands_for_item(understand(PITCH_Q), _hits(), ["fodboldbane", "tribune"], finds=finds)
    assert not stands_for_item(understand(PITCH_Q), _hits(), ["fodboldbane", "skøjtehal"], finds=finds)
    # the other conditions hold first: a briefing, or no dense lead, is not searched for
    asked.clear()
    assert not stands_for_item(english, _hits(first_dense=0.886), ["football"], finds=finds)
    assert not asked


def test_an_answer_quotes_the_item_its_askers_words_find() -> None:
    """The whole answer: refused as a topic no minutes hold without the search, answered from the item with it."""
    stored = fold(" ".join(f"{h.item.title} {h.item.text}" for h in _hits()))
    answerer = ExtractiveAnswerer(threshold=0.85, mentioned=lambda parts, _m: all(p in stored for p in parts))
    english = understand("How much does the new football pitch at Frihedens Idrætscenter in Hvidovre cost?")
    assert answerer.answer(english, _hits()).refused
    answerer.finds = lambda word, item_id, k: item_id == _hits()[0].item_id
    answer = answerer.answer(english, _hits())
    assert not answer.refused and "6,2 mio. kr." in answer.answer


def test_a_figure_of_another_thing_is_not_cleared_by_the_word_search() -> None:
    """The off-topic check does not take the noun's own dense search: unguarded, "vuggestueplads" found an item on
    housing for refugees among a small store's first five, and its rents were quoted as a nursery's price."""
    rents = _hit("Boliger til ukrainske flygtninge", "Huslejen varierer mellem 7.724 og 9.755 kr. om måneden.", 0.9)
    answerer = ExtractiveAnswerer(threshold=0.85, finds=lambda word, item_id, k: True)
    assert answerer.off_topic(understand("Hvad koster en vuggestueplads om måneden i Hvidovre?"), rents) == [
        "vuggestueplads"]
