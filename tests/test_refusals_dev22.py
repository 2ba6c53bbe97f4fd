"""Wording a user varies must not change the answer (calibration sets dev22, paraphrases of earlier questions, and
dev23, terse chat): English ordinal dates, a lower-case party name, a yes/no question after a leading phrase,
"turn down" and "go-ahead" as decision acts, a chat fragment's nouns, a fragment's language, a committee's
initials in "FU-møde", a case number with a letter."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from assistant import topics
from assistant.answer_kind import answer_kind
from assistant.answer_quote import asks_decided
from assistant.container import Container
from assistant.query import language, understand
from core import parties
from core.dates import find_dates
from core.vocab import CASE_ASKED
from tests.helpers import ingest_text


def test_english_dates_with_ordinals_and_commas() -> None:
    for text in ("on oct 22nd, 2025", "on October 22, 2025", "the 22nd of October 2025"):
        assert [d for _, d in find_dates(text)] == [date(2025, 10, 22)], text
    assert [d for _, d in find_dates("den 22. oktober 2025")] == [date(2025, 10, 22)]


def test_a_lower_case_party_name_of_several_words_or_unambiguous() -> None:
    assert [p[1] for p in parties.party_names("why couldnt the social democrats support it")] == ["A"]
    assert [p[1] for p in parties.party_names("hvad mente enhedslisten")] == ["Ø"]
    assert parties.party_names("drej til venstre ved kirken") == []  # "left", not the party


def test_a_yes_no_question_after_a_leading_phrase() -> None:
    assert answer_kind("In Sept 2024, was the building permit given the go-ahead?") == "yesno"
    q = "At the 8 Oct 2025 meeting, did Aarhus City Council turn down the proposal?"
    assert asks_decided(understand(q))


def test_a_chat_fragments_words_are_its_topic() -> None:
    assert topics.topic_nouns("hundeskove i greve kommune - er der besluttet noget", "da") == ["hundeskove"]
    assert topics.topic_nouns("greve svømmehal renovering?", "da") == ["svømmehal", "renovering"]
    # a sentence with a verb is judged by the article and preposition rules, not as a fragment
    assert topics.topic_nouns("Hvad koster den nye svømmehal?", "da") == ["svømmehal"]


def test_a_fragments_language_is_told_by_its_words() -> None:
    assert language("greve ukrainian refugees total since 2022?") == "en"
    assert language("greve svømmehal renovering?") == "da"
    assert language("Har nogen kommune besluttet at indføre gratis bus for pensionister?") == "da"


def test_a_case_number_with_a_letter() -> None:
    m = CASE_ASKED.search("Hvad er der sket i sag 20-075304K?")
    assert m is not None and m.group("case") == "20-075304K"
    m = CASE_ASKED.search("What happened to case 24-000617?")
    assert m is not None and m.group("case") == "24-000617"


def test_a_meeting_question_naming_the_committee_by_its_initials() -> None:
    from assistant.meeting_facts import aspects
    from store.lexical import tokens

    known = set(tokens("FORRETNINGSUDVALGET Region Hovedstaden"))
    asked = "region h's ekstraordinære FU-møde 25/9-2012 - hvor blev det holdt?"
    assert "venue" in aspects(asked, known | {"fu"})
    assert aspects(asked, known) == []  # without the initials "fu" is a topic word


def test_a_town_typed_without_danish_letters() -> None:
    from assistant.query import extract_filters

    assert extract_filters("Kobenhavn kunstgræs regler?").municipalities == ["København"]
    assert extract_filters("hvad besluttede koebenhavn om letbanen").municipalities == ["København"]
    assert extract_filters("skal man koge vandet i Greve?").municipalities == ["Greve"]  # "koge" is a verb


def test_a_fragment_is_answered_only_by_an_item_naming_all_its_words(container: Container, tmp_path: Path) -> None:
    ingest_text(container, tmp_path / "greve.txt", """Greve Kommune
Referat af Kultur- og Fritidsudvalget den 9. oktober 2024
Mødedato: 9. oktober 2024 kl. 17.00

Punkt 2: Kunstgræsbaner i Hundige
Sagsfremstilling
Udvalget drøfter etablering af kunstgræsbaner ved Hundige Stadion og prisen for granulat.

Beslutning i Kultur- og Fritidsudvalget den 09-10-2024
Taget til efterretning.

Punkt 3: Mikroplast i vandløb
Sagsfremstilling
Målinger af mikroplast i Hundige Å viser lave værdier.

Beslutning i Kultur- og Fritidsudvalget den 09-10-2024
Taget til efterretning.
""")
    apart = container.service.ask("greve kunstgræs mikroplast?")
    assert apart.refused and ("mikroplast" in apart.answer or "kunstgræs" in apart.answer)
    together_ = container.service.ask("hundige kunstgræsbaner granulat?")
    assert not together_.refused and together_.citations[0].item_number == "2"


def test_a_case_asked_for_its_history_is_not_an_agenda_only_refusal(container: Container, tmp_path: Path) -> None:
    ingest_text(container, tmp_path / "aarhus.txt", """Aarhus Kommune
Dagsorden for Aarhus Byråd den 8. oktober 2025
Mødedato: 8. oktober 2025 kl. 18.00

Punkt 15: Udpegning til sundhedsråd
Sagsnr.: EMN-2025-009824
Sagsfremstilling
Magistraten anbefalede i mødet den 23. september 2025, at byrådet udpeger tre medlemmer til sundhedsrådet.

Indstilling
Det indstilles, at Aarhus Byråd repræsenteres i sundhedsrådet ved tre rådmænd.
""")
    outcome = container.service.ask("What happened to case EMN-2025-009824?")
    assert outcome.citations and "Det indstilles" in outcome.answer  # the agenda's recommendation, no decision
    history = container.service.ask("Hvornår blev sag EMN-2025-009824 behandlet i Magistraten?")
    assert not history.refused and "23. september 2025" in history.answer


def test_english_words_in_a_danish_question_and_a_hospital_named_by_its_town() -> None:
    from assistant.query import extract_filters

    assert topics.topic_nouns("ravnbakkeskolen opening date", "da") == ["ravnbakkeskolen"]
    assert topics.topic_nouns("strandparken dike height greve?", "da") == ["strandparken"]
    assert topics.topic_nouns("Hvad koster den nye svømmehal?", "da") == ["svømmehal"]
    # the handling of an item is the question's frame, not its topic
    assert "behandling" not in topics.topic_nouns("Hvad kom der ud af KFU's behandling af forpagtningen?", "da")
    assert extract_filters("how much is herlev hospital's share?").municipalities == []
    assert extract_filters("Hvad besluttede Herlev Kommune om hospitalet?").municipalities == ["Herlev"]
