"""Trap questions whose answer the minutes do not hold, though the item found is close: a party's reason where
only its vote is recorded, a choice the decision did not make, a closed item's content, a person's words in the
debate, a name where the item names only a role, another stage of a plan, the price of one project of several,
and a comparison with a municipality that has no stored minutes. Each beside a twin the item does answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import bodies, designation, traps, unanswered
from assistant.container import Container
from tests.helpers import ingest_text

MINUTES = """Thisted Kommune
Referat af Byrådet den 11. juni 2024

Punkt 1: Lukket: Salg af byggegrund på Havnevej
Beslutning i Byrådet den 11-06-2024
Godkendt.

Punkt 2: Model for ny bro over Vestre Havn
Sagsfremstilling
Forvaltningen har undersøgt tre modeller for broen: model A (en klapbro), model B (en svingbro) og model C
(en fast bro på 51 meter). Forvaltningen anbefaler model C.

Beslutning i Byrådet den 11-06-2024
Sagen sendes til fornyet behandling i Teknik- og Miljøudvalget.

Punkt 3: Busbestilling 2025
Sagsfremstilling
Busbestillingen for 2025 koster 31,2 mio. kr.

Beslutning i Byrådet den 11-06-2024
Byrådet godkendte indstillingen.
Imod stemte: Ø, med bemærkning om at linje 8 skal bevares.
Undlod at stemme: F.

Punkt 4: Lokalplan for Skovbyen etape 2
Sagsfremstilling
Lokalplanen for Skovbyen etape 2 giver mulighed for 140 boliger.

Beslutning i Byrådet den 11-06-2024
Vedtaget.

Punkt 5: Anlægsregnskaber 2023
Sagsfremstilling
Regnskaberne omfatter fire projekter: Cykelsti Nordvej, Skolegården i Vorupør, Havnebadet og Rådhustaget.
Samlet set har der været udgifter på 48,3 mio. kr. til de fire projekter.

Havnebadet blev indviet i juni. Det kostede 6,1 mio. kr. at bygge.

Beslutning i Byrådet den 11-06-2024
Godkendt.

Punkt 6: Udpegning til sundhedsrådet
Sagsfremstilling
Byrådet repræsenteres i sundhedsrådet ved borgmesteren og formanden for Sundheds- og Ældreudvalget.

Beslutning i Byrådet den 11-06-2024
Godkendt.
"""


@pytest.fixture()
def thisted(container: Container, tmp_path: Path) -> Container:
    return ingest_text(container, tmp_path / "thisted.txt", MINUTES)


def test_a_partys_reason_is_the_remark_after_its_own_vote() -> None:
    quote = "Byrådet godkendte indstillingen. Imod stemte: Ø, med bemærkning om at linje 8 skal bevares. Undlod: F."
    assert unanswered.party_reason("Hvorfor stemte Enhedslisten imod?", quote) is True
    assert unanswered.party_reason("Hvorfor undlod SF at stemme?", quote) is False  # Ø's remark is not F's reason
    assert unanswered.party_reason("Hvorfor blev det vedtaget?", quote) is None  # no party: not judged here
    assert unanswered.party_reason("Hvorfor stemte Ø imod?", "Imod stemte: Ø, som ønsker færre boliger.") is True
    assert unanswered.asked_kind("vote", "Why did the Social Democrats not support it?") == "explanation"
    assert unanswered.asked_kind("fact", "Hvad hedder den nye leder af plejecentret?") == "name"
    assert unanswered.asked_kind("amount", "Hvor meget koster broen?") == "amount"


def test_choice_speech_and_numbered_parts_are_told_from_the_question() -> None:
    assert traps.asks_choice("Hvilken model valgte byrådet for broen?")
    assert traps.asks_choice("Which bridge model did the council pick?")
    assert not traps.asks_choice("Hvilken model anbefaler forvaltningen?")
    said = "Beslutning: Godkendt. Anne Holm (A) stillede forslaget."
    assert traps.unrecorded_speech(said, "Hvad sagde Anne Holm i debatten?") == "Anne Holm"
    assert traps.unrecorded_speech("Anne Holm (A) udtalte, at planen er god.", "What did Anne Holm argue?") is None
    assert traps.unrecorded_speech(said, "Hvad sagde Teknik- og Miljøudvalget?") is None  # a body: its decision
    assert designation.designations("Tværhøjgård stage 4 og 3. etape, buslinje 224") == {
        ("etape", "4"), ("etape", "3"), ("linje", "224")}
    assert designation.other_designation("Lokalplan for etape 3", "Hvad må der bygges i etape 4?") == (
        "etape 4", "etape 3")
    assert designation.other_designation("Lokalplan for etape 3", "Hvad må der bygges i etape 3?") is None


def test_the_price_of_one_project_of_several_and_committee_initials() -> None:
    near = ("Cykelsti Nordvej blev færdig i maj. Den kostede 4,2 mio. kr. Det var et travlt år. Der blev holdt mange "
            "møder. Vejret var godt. Havnebadet kostede 6,1 mio. kr.")
    names = ["Nordvej"]
    assert traps.amount_elsewhere(near, "Anlægsregnskaber", "amount", "Hvad kostede Nordvej?", names) is None
    far = near.replace("Den kostede 4,2 mio. kr.", "Den er populær.")
    assert traps.amount_elsewhere(far, "Anlægsregnskaber", "amount", "Hvad kostede Nordvej?", names) == "Nordvej"
    total = "Projekterne er Cykelsti Nordvej og Havnebadet. Samlet set 48,3 mio. kr. til de to projekter."
    assert traps.amount_elsewhere(total, "Anlægsregnskaber", "amount", "Hvad kostede Nordvej?", names) == "Nordvej"
    # a name in the title is what the whole item is about: every amount of it is that thing's
    assert traps.amount_elsewhere(far, "Cykelsti Nordvej", "amount", "Hvad kostede Nordvej?", names) is None
    assert bodies.acronyms("Klima-, Teknik- og Miljøudvalget") == {"KTM", "KTMU"}
    assert bodies.acronyms("Byråd 2022-2025") == set()


def test_traps_are_refused_and_their_twins_answered(thisted: Container) -> None:
    ask = thisted.service.ask
    closed = ask("Hvad gik salget af byggegrunden på Havnevej ud på?")
    assert closed.refused and "lukket" in closed.answer and closed.citations[0].item_number == "1"
    assert not ask("Godkendte byrådet salget af byggegrunden på Havnevej?").refused

    chose = ask("Hvilken model for broen over Vestre Havn valgte byrådet?")
    assert chose.refused and "valgt" in chose.answer and "fornyet behandling" in chose.answer
    recommended = ask("Hvilken model for broen over Vestre Havn anbefaler forvaltningen?")
    assert not recommended.refused and "model C" in recommended.answer

    abstained = ask("Hvorfor undlod SF at stemme om busbestillingen for 2025 i Thisted?")
    assert abstained.refused and "begrundelse" in abstained.answer
    against = ask("Hvorfor stemte Enhedslisten imod busbestillingen for 2025 i Thisted?")
    assert not against.refused and "linje 8" in against.answer

    stage = ask("Hvor mange boliger giver lokalplanen for Skovbyen etape 3 mulighed for?")
    assert stage.refused and "etape 3" in stage.answer and "etape 2" in stage.answer
    assert "140 boliger" in ask("Hvor mange boliger giver lokalplanen for Skovbyen etape 2 mulighed for?").answer

    one = ask("Hvad kostede Cykelsti Nordvej ifølge anlægsregnskaberne i Thisted?")
    assert one.refused and "Nordvej" in one.answer
    assert "6,1 mio. kr." in ask("Hvad kostede Havnebadet ifølge anlægsregnskaberne i Thisted?").answer

    named = ask("Hvad hedder formanden for Sundheds- og Ældreudvalget i Thisted, som skal sidde i sundhedsrådet?")
    assert named.refused and "navn" in named.answer

    other_town = ask("Hvordan klarer Thisted sig med busbestillingen i forhold til Morsø?")
    assert other_town.refused and "Morsø" in other_town.answer
