"""Answers from the blind rounds of session 19: a decision that changed what the recommendation proposed is
quoted before the proposal, and a town whose name is an everyday word ("vejen", the road) typed in lower case is
no filter on the municipality."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import answer_quote, evidence, topics
from assistant.container import Container
from assistant.query import extract_filters
from core.model import fold
from ingest.parse import read_path
from tests.helpers import ingest_text

MINUTES = """Lejre Kommune
Referat af Kommunalbestyrelsen den 28. januar 2025

Punkt 13: Navngivning af ny vej i Osted

Sagsnr. 24/18120

Resumé
Den nye boligvej ved Osted skal have et navn. Forvaltningen har foreslået navnet Bakkedraget.
Indstilling
Direktionen indstiller, at vejen navngives Bakkedraget.
Beslutning i Plan- og Teknikudvalget den 06-01-2025
Anbefales, dog således at vejen navngives Smedeløkken efter den tidligere smedje på stedet.
Beslutning i Økonomiudvalget den 14-01-2025
Anbefales som indstillet af Plan- og Teknikudvalget.
Beslutning i Kommunalbestyrelsen den 28-01-2025
Godkendt, at vejen navngives Smedeløkken.

Punkt 14: Navngivning af sti i Kirke Hyllinge
Sagsfremstilling
Den nye sti mellem skolen og hallen skal have et navn.
Indstilling
Direktionen indstiller, at stien navngives Skolestien.
Beslutning i Kommunalbestyrelsen den 28-01-2025
Godkendt.
"""


@pytest.fixture()
def lejre(container: Container, tmp_path: Path) -> Container:
    return ingest_text(container, tmp_path / "lejre.txt", MINUTES)


def test_a_decision_that_changed_the_proposal_is_quoted_first(lejre: Container) -> None:
    changed = lejre.service.ask("Hvad kommer den nye vej i Osted til at hedde?")
    assert not changed.refused and "Smedeløkken" in changed.answer
    assert "Bakkedraget" not in changed.answer or changed.answer.index("Smedeløkken") < changed.answer.index(
        "Bakkedraget")
    # a decision that only approves the proposal adds nothing: the proposal names the path
    kept = lejre.service.ask("Hvad kommer den nye sti i Kirke Hyllinge til at hedde?")
    assert not kept.refused and "Skolestien" in kept.answer


def test_an_everyday_word_typed_in_lower_case_is_no_town() -> None:
    assert extract_filters("Hvornår åbner vejen i Osted for trafik?").municipalities == []
    assert extract_filters("hvad skete i vejens teknik- og miljøudvalg?").municipalities == ["Vejen"]
    assert extract_filters("vejen kommune budget 2025?").municipalities == ["Vejen"]
    assert extract_filters("Hvad besluttede Vejen om madservice?").municipalities == ["Vejen"]



def test_the_decision_sentence_that_supersedes_a_quoted_proposal(tmp_path: Path) -> None:
    path = tmp_path / "lejre.txt"
    path.write_text(MINUTES, encoding="utf-8")
    road, path_item = read_path(path, None).meetings[0].items
    passages = evidence.passages(road, "2025-01-28")
    proposal = [p for p in passages if "indstiller" in p.text]
    changed = answer_quote.superseding(road, proposal, "2025-01-28")
    assert changed is not None and changed.text == "Godkendt, at vejen navngives Smedeløkken."
    resume = [p for p in passages if p.text.startswith("Den nye boligvej")]
    assert answer_quote.superseding(road, resume, "2025-01-28") is None  # no proposal quoted: nothing to supersede
    kept = [p for p in evidence.passages(path_item, "2025-01-28") if "indstiller" in p.text]
    assert answer_quote.superseding(path_item, kept, "2025-01-28") is None  # "Godkendt." changes nothing


def test_the_kind_of_thing_asked_for_need_not_be_mentioned() -> None:
    text = "kontrakten om skolekoersel tildeles oelstykke turistfart a/s efter udbuddet."

    def mentioned(parts: tuple[str, ...], municipalities: list[str]) -> bool:
        return all(fold(p) in text for p in parts)

    assert topics.answer_category("Hvilket busselskab vandt udbuddet?") == "busselskab"
    assert topics.absent("Hvilket busselskab vandt udbuddet af skolekørsel?", "da", [], mentioned) == []
    # the kind alone is the topic when nothing else is asked about; another topic noun is still judged
    assert topics.absent("Hvilket busselskab kører for kommunen?", "da", [], mentioned) == ["busselskab"]
    assert "svømmehallen" in topics.absent("Hvilket busselskab vandt udbuddet om svømmehallen?", "da", [], mentioned)


def test_a_part_that_came_from_somewhere_needs_its_own_amount() -> None:
    from assistant import part_amount

    asked = "Hvor stor en del af mindreforbruget på 4,2 mio. kr. kom fra ældreområdet?"
    total = "Prognosen viser et samlet mindreforbrug på 4,2 mio. kr. Mindreforbruget skyldes især ældreområdet."
    assert part_amount.part_untold(asked, total) == "ældreområdet"
    split = total + " Ældreområdet bidrager med 1,9 mio. kr."
    assert part_amount.part_untold(asked, split) is None


ADOPTED = """Region Hovedstaden
Referat af Regionsrådet den 10. december 2024

Punkt 4: Nye åbningstider i akutklinikken
Indstilling
Administrationen indstiller, at akutklinikken holder åbent alle dage kl. 8-21.
Politisk behandling
Forretningsudvalget anbefalede den 3. december 2024 indstillingen med en ændring af åbningstiden på hverdage.
Sagsfremstilling
Akutklinikken har i dag åbent kl. 8-20. Efter kl. 20 kommer der gennemsnitligt 6 patienter pr. aften.
Beslutning i Forretningsudvalget den 03-12-2024
Anbefalet med den ændring, at akutklinikken holder åbent til kl. 22 på hverdage.
Beslutning i Regionsrådet den 10-12-2024
Godkendt som anbefalet af forretningsudvalget.
"""


def test_a_decision_adopting_another_body_s_amendment_quotes_it(tmp_path: Path) -> None:
    path = tmp_path / "regionh.txt"
    path.write_text(ADOPTED, encoding="utf-8")
    item = read_path(path, None).meetings[0].items[0]
    passages = evidence.passages(item, "2024-12-10")
    proposal = [p for p in passages if p.text.startswith("Forretningsudvalget anbefalede")]
    changed = answer_quote.superseding(item, proposal, "2024-12-10")
    assert changed is not None and "kl. 22" in changed.text


def test_a_time_of_day_answers_until_what_time() -> None:
    from assistant import unanswered

    asked = "Until what time on weekdays will the clinic be open?"
    assert unanswered.clock_answered(asked, "Klinikken holder åbent til kl. 22 på hverdage.")
    assert not unanswered.clock_answered(asked, "Forretningsudvalget anbefalede den 3. december 2024 indstillingen.")
    assert not unanswered.clock_answered("When will the clinic open?", "Klinikken åbner kl. 8.")
    assert unanswered.holds_value("date", "Klinikken holder åbent til kl. 22.", asked)


def test_a_thing_s_own_price_is_not_the_project_s_total() -> None:
    from assistant import part_amount

    asked = "Hvor meget koster den nye idrætssal på Løsning Skole alene?"
    total = "Udvidelsen omfatter en indskolingsbygning og en idrætssal. Der søges 22,5 mio. kr. inklusive rådgivning."
    assert part_amount.alone_untold(asked, total) == "idrætssal"
    assert part_amount.alone_untold(asked, total + " Idrætssalen koster 8,1 mio. kr.") is None
    assert part_amount.alone_untold("Hvor meget koster den nye idrætssal?", total) is None  # no "alene": the total
