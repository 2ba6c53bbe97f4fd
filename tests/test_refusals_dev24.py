"""Near misses from blind rounds dev24 and dev25: a superlative over all time, two towns compared, the council's
decision asked of a committee's recommendation, a vote asked of an agenda's day, a date still to come of an item
dating only an earlier decision, who holds a post. Each beside a twin the minutes do answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import designation, outside, service, traps, views
from assistant.answer_kind import answer_kind
from assistant.container import Container
from assistant.meeting_facts import aspect
from assistant.query import is_followup
from assistant.quotes import opening_quote
from core import parties
from tests.helpers import ingest_text

COMMITTEE = """Thisted Kommune
Referat af Kultur- og Fritidsudvalget den 29. oktober 2024

Punkt 1: Renovering af Thisted Svømmehal
Sagsfremstilling
Kultur- og Fritidsudvalget besluttede den 15. januar 2024 at sende sagen i høring. Svømmehallen er fra 1972.
Renoveringen koster 18,5 mio. kr.

Beslutning i Kultur- og Fritidsudvalget den 29-10-2024
Anbefales over for Økonomiudvalget og Byrådet, at der gives en anlægsbevilling på 18,5 mio. kr.
For stemte: V, A og C (5). Imod stemte: F (1).
"""

AGENDA = """Morsø Kommune
Dagsorden for Økonomiudvalget den 3. marts 2025

Punkt 4: Trafikplan for Nykøbing Midtby - efter høring
Sagsfremstilling
Økonomiudvalget besluttede den 4. november 2024:
»Planen sendes i høring. For stemte: A, V og C (5). Imod stemte: O (1).«
Der er indkommet 54 høringssvar.

Indstilling
Kommunaldirektøren indstiller, at Økonomiudvalget anbefaler Byrådet at vedtage trafikplanen.
"""


@pytest.fixture()
def towns(container: Container, tmp_path: Path) -> Container:
    ingest_text(container, tmp_path / "thisted.txt", COMMITTEE)
    return ingest_text(container, tmp_path / "morsoe.txt", AGENDA)


def test_what_no_minutes_can_rank_or_compare() -> None:
    assert outside.all_time("Hvad er den største anlægsbevilling Aarhus Byråd nogensinde har givet?")
    assert outside.all_time("What is the biggest foundation grant the museum has ever received?")
    assert not outside.all_time("Hvad er den største post i budgettet for 2025?")
    assert outside.compares_towns("Bruger Aarhus eller Greve flest penge på kunstgræsbaner?", ["Aarhus", "Greve"])
    assert outside.compares_towns("Is the share lower in Greve than in Aarhus?", ["Greve", "Aarhus"])
    assert not outside.compares_towns("Is the share lower in Greve than last year?", ["Greve"])
    assert not outside.compares_towns("Hvad besluttede Greve og Aarhus om kunstgræs?", ["Greve", "Aarhus"])


def test_wording_read_right() -> None:
    assert parties.letter_of("Radikale Venstres") == "B" and parties.letter_of("Venstres") == "V"
    assert parties.letter_of("Borgernes") is None
    assert answer_kind("What is the population of Greve Municipality?") == "count"
    # a role named with nobody beside it ("Borgmesteren orienterer") does not say who holds it
    assert views.role_unnamed("Hvem er borgmester i Greve Kommune?", "Borgmesteren orienterer\nAfbud: Ib Lund") \
        == "borgmester"
    assert views.role_unnamed("Hvem er borgmester i Greve Kommune?", "Borgmester Pernille Beckmann orienterede.") \
        is None
    assert aspect("Which room did the committee meet in on 6 October 2016?") == "venue"
    assert is_followup("How many pupils does that school have, and how old are the current rooms?")
    assert is_followup("var der nogen der stemte imod, og hvad ville de hellere bruge pengene til?")
    assert not is_followup("How many pupils does Baltorpskolen in Ballerup have, and how old are its rooms built "
                           "in the sixties according to the latest report from the administration?")
    assert outside.untold_aftermath("Hvad endte man med at gøre ved skimmelsvampen?", "fact", "Der er fundet svamp.")


def test_a_date_still_to_come_of_an_item_dating_only_the_past() -> None:
    quote = "Udvalget besluttede den 15. januar 2024 at sende forslaget i høring."
    assert traps.past_dates_only("Fra hvornår skal skolerne være lagt sammen?", quote, "2024-05-06")
    assert not traps.past_dates_only("Hvornår blev forslaget sendt i høring?", quote, "2024-05-06")
    later = quote + " Skolerne lægges sammen fra 1. august 2025."
    assert not traps.past_dates_only("Fra hvornår skal skolerne være lagt sammen?", later, "2024-05-06")


def test_near_misses_are_refused_and_their_twins_answered(towns: Container) -> None:
    ask = towns.service.ask
    council = ask("Did Thisted City Council end up approving the 18.5 million for the swimming hall renovation?")
    assert council.refused and "Kultur- og Fritidsudvalget" in council.answer
    granted = ask("Har byrådet i Thisted givet de 18,5 mio. kr. til svømmehallen?")
    assert granted.refused and "byrådet" in granted.answer.lower()
    committee = ask("Hvad besluttede Kultur- og Fritidsudvalget i Thisted om svømmehallen?")
    assert not committee.refused and "Anbefales" in committee.answer

    age = ask("Hvor gammel er svømmehallen i Thisted?")
    assert not age.refused and "1972" in age.answer

    today = ask("Hvordan stemte Morsø Økonomiudvalg om trafikplanen den 3. marts 2025?")
    assert today.refused and "indstiller" in today.answer
    earlier = ask("Hvordan stemte Morsø Økonomiudvalg om at sende trafikplanen i høring?")
    assert not earlier.refused and "Imod stemte: O" in earlier.answer


def test_what_a_case_is_about_is_how_its_case_text_opens() -> None:
    from core.model import AgendaItem, Section
    from ingest.items import render_text

    item = AgendaItem(number="33", order=3, title="Anlægsbevilling til renovering af tag", case_number="23-014590",
                      sections=[Section(name="Tekst", heading="", text="Sagsansvarlig\nEjendomme / Søren Aagaard"),
                                Section(name="Sagsfremstilling", heading="Sagsfremstilling",
                                        text="Taget på skolens afdeling B er fra 1971 og har haft vandskader. "
                                             "En tilstandsvurdering viser, at 2.400 m² tag skal udskiftes. "
                                             "Arbejdet udføres i sommerferien.")])
    item.text = render_text(item)
    got = opening_quote(item)
    assert got is not None and got.startswith("Taget på skolens") and got.endswith("skal udskiftes.")
    assert got in item.text


def test_a_short_question_in_a_conversation_may_lean_back(towns: Container, monkeypatch: pytest.MonkeyPatch) -> None:
    """Read alone, "Hvor stor er anlægsbevillingen?" is refused (two towns, no topic); after a question on the
    Thisted swimming hall it is asked of that item. A long question says what it is about and is not leaned."""
    ask = towns.service.ask
    history = ["Hvad besluttede Kultur- og Fritidsudvalget i Thisted om svømmehallen?"]
    leaning = ask("Hvor stor er anlægsbevillingen?", history=history)
    assert not leaning.refused and "18,5 mio. kr." in leaning.answer
    assert leaning.citations[0].municipality == "Thisted"
    long_question = ("Hvor stor er den anlægsbevilling som kommunen har givet til en helt ny skole med "
                     "idrætshal i den sydlige del af kommunen?")
    assert ask(long_question, history=history).refused
    monkeypatch.setattr(service, "LEAN_BACK_WORDS", 0)  # the same question alone: refused
    assert ask("Hvor stor er anlægsbevillingen?", history=history).refused


def test_quarters_readings_and_decision_days() -> None:
    from assistant.answer_quote import MEETING_DATE
    from assistant.deciders import _COUNCIL_ASKED

    assert designation.other_designation("Sagsbehandlingstiden var i 1. kvartal 2023 38 dage.",
                                   "hvad var sagsbehandlingstiden i 2. kvartal 2023?") == ("kvartal 2", "kvartal 1")
    assert designation.other_designation("Styrelsesvedtægten - 2. behandling",
                                         "Hvordan stemte de ved 1. behandlingen?") \
        == ("behandling 1", "behandling 2")
    assert designation.other_designation("Vedtaget ved 1. behandling den 25. januar. Nu 2. behandling.",
                                   "Hvordan stemte de ved 1. behandlingen?") is None
    assert MEETING_DATE.search("Hvad besluttede Herning den ")
    assert not MEETING_DATE.search("Hvad er fristen den ")
    assert _COUNCIL_ASKED.search("Har kommunalbestyrelsen i Lyngby-Taarbæk endeligt vedtaget skoledistrikterne?")
    assert answer_kind("Hvor meget dækker forsikringen af vandskaden?") == "amount"
