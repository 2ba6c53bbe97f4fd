"""Many municipalities in one store (calibration set dev14, written blind over every portals folder): the meeting
a question names by day and month, a municipality named right before its committee ("Glostrup Økonomiudvalg"), a
year only another municipality's item holds, and a month in which the committee asked about did not meet."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer_quote import day_month
from assistant.container import Container
from assistant.deciders import council_first
from assistant.query import extract_filters, understand
from tests.helpers import ingest_text

MARCH = """Egedal Kommune
Referat af Plan- og Klimaudvalget den 11. marts 2025
Mødedato: 11. marts 2025 kl. 16.00
Afbud: Henrik Sølund

Punkt 1: Ny henteordning for haveaffald
Sagsfremstilling
Forvaltningen foreslår en ny henteordning for haveaffald hver 14. dag.

Beslutning i Plan- og Klimaudvalget den 11-03-2025
Godkendt. Næste møde afholdes den 8. april 2025.
"""

APRIL = """Egedal Kommune
Referat af Plan- og Klimaudvalget den 8. april 2025
Mødedato: 8. april 2025 kl. 16.00
Afbud: Lone Brix

Punkt 1: Lokalplan for boliger ved Smørum Bygade
Sagsfremstilling
Lokalplanen giver mulighed for 40 boliger ved Smørum Bygade.

Beslutning i Plan- og Klimaudvalget den 08-04-2025
Godkendt.
"""

GREVE = """Greve Kommune
Referat af Økonomiudvalget den 16. november 2023
Mødedato: 16. november 2023 kl. 17.00

Punkt 1: Salg af ejendommen Hovedvejen 12
Sagsfremstilling
Kommunen sælger ejendommen Hovedvejen 12 i 2023 for 3,1 mio. kr.

Beslutning i Økonomiudvalget den 16-11-2023
Godkendt.
"""

GLOSTRUP = """Glostrup Kommune
Referat af Økonomiudvalget den 12. juni 2024
Mødedato: 12. juni 2024 kl. 17.00

Punkt 1: Salg af ejendommen Hovedvejen 121
Sagsfremstilling
Kommunen sælger ejendommen Hovedvejen 121 til højestbydende for 4,2 mio. kr.

Beslutning i Økonomiudvalget den 12-06-2024
Godkendt.
"""


@pytest.fixture()
def store(container: Container, tmp_path: Path) -> Container:
    for name, text in (("march", MARCH), ("april", APRIL), ("greve", GREVE), ("glostrup", GLOSTRUP)):
        ingest_text(container, tmp_path / f"{name}.txt", text)
    return container


def test_the_meeting_named_by_day_and_month_is_the_one_answered(store: Container) -> None:
    assert day_month("Hvem havde meldt afbud til mødet den 8. april?") == (8, 4)
    assert day_month("Who was absent on April 8?") == (8, 4)
    assert day_month("Hvem var fraværende den 8. april 2025?") is None  # a full date is a filter of its own
    april = store.service.ask("Hvem havde meldt afbud til Plan- og Klimaudvalgets møde i Egedal den 8. april?")
    assert not april.refused and "Lone Brix" in april.answer and "Henrik Sølund" not in april.answer
    march = store.service.ask("Hvem havde meldt afbud til Plan- og Klimaudvalgets møde i Egedal den 11. marts?")
    assert not march.refused and "Henrik Sølund" in march.answer


def test_a_municipality_before_its_committee_is_a_filter_and_its_year_is_its_own(store: Container) -> None:
    assert extract_filters("Hvad besluttede Glostrup Økonomiudvalg om salget?").municipalities == ["Glostrup"]
    assert extract_filters("Hvad koster Køge Bugt Strandpark?").municipalities == []
    assert extract_filters("how high should the dike be at køge bugt strandpark?").municipalities == []  # typed
    assert extract_filters("hvad besluttede køge om skolen?").municipalities == ["Køge"]  # lower case still names
    asked = store.service.ask("Hvad besluttede Glostrup Økonomiudvalg om salget af Hovedvejen 121 i 2023?")
    assert asked.refused and "Greve" not in asked.answer and "2023" in asked.answer


def test_a_month_the_committee_did_not_meet_is_said(store: Container) -> None:
    feb = store.service.ask("Hvad besluttede Plan- og Klimaudvalget i Egedal på sit møde i februar 2025?")
    assert feb.refused and "februar 2025" in feb.answer
    # the meeting of March mentions the next one in April, and April's own minutes are stored: answered
    apr = store.service.ask("Hvad besluttede Plan- og Klimaudvalget i Egedal på sit møde i april 2025?")
    assert not apr.refused and "Smørum Bygade" in apr.answer
    # a month the meeting only mentions is no meeting of that month
    may = store.service.ask("Hvad besluttede Glostrup Økonomiudvalg på sit møde i maj 2024?")
    assert may.refused and "maj 2024" in may.answer


ESBJERG = """Esbjerg Kommune
Referat af Teknik- og Byggeudvalget den 14. oktober 2024
Mødedato: 14. oktober 2024 kl. 15.00

Punkt 2: Trafiksikkerhedsplan 2025-2028
Sagsfremstilling
Planen prioriterer 24 projekter, heriblandt en ny cykelsti langs Gredstedbrovej.

Beslutning i Teknik- og Byggeudvalget den 14-10-2024
Anbefales godkendt over for Byrådet.
"""


def test_the_council_named_as_deciding_body_is_not_its_committee(container: Container, tmp_path: Path) -> None:
    esbjerg = ingest_text(container, tmp_path / "esbjerg.txt", ESBJERG)
    council = esbjerg.service.ask("Vedtog Byrådet i Esbjerg Trafiksikkerhedsplan 2025-2028?")
    assert council.refused and "ingen beslutning fra Byrådet" in council.answer
    assert not council.answer.startswith("Ja")
    committee = esbjerg.service.ask("Hvad besluttede Teknik- og Byggeudvalget i Esbjerg om Trafiksikkerhedsplan "
                                    "2025-2028?")
    assert not committee.refused and "Anbefales godkendt" in committee.answer


def test_a_municipality_named_in_english_and_a_danish_gloss_in_an_english_question() -> None:
    from assistant import meeting_facts, salient, topics

    assert salient.salient_names("Who was absent from Elsinore's extraordinary city council meeting?") == []
    assert meeting_facts.aspects("Who was absent from Elsinore's city council meeting?",
                                 {"byrådet", "helsingør"}) == ["absent"]
    # "(kunstgræsbane)" is the minutes' own word: judged as Danish
    assert topics.absent("What did they decide about an artificial turf pitch (kunstgræsbane)?", "en", [],
                         lambda parts, _m: all(p in "ny kunstgræsbane i haslev" for p in parts)) == []
    assert topics.absent("What did they decide about an artificial turf pitch (kunstgræsbane)?", "en", [],
                         lambda parts, _m: all(p in "skøjtehal" for p in parts)) == ["kunstgræsbane"]


COUNCIL = """Esbjerg Kommune
Referat af Byrådet den 4. november 2024
Mødedato: 4. november 2024 kl. 18.00

Punkt 9: Trafiksikkerhedsplan 2025-2028
Sagsfremstilling
Teknik- og Byggeudvalget anbefaler planen med 24 projekter.

Beslutning i Byrådet den 04-11-2024
Godkendt med den tilføjelse, at Gredstedbrovej prioriteres først.
"""


def test_the_council_s_handling_of_the_case_answers_what_the_council_decided(container: Container,
                                                                             tmp_path: Path) -> None:
    ingest_text(container, tmp_path / "esbjerg.txt", ESBJERG)
    esbjerg = ingest_text(container, tmp_path / "esbjerg-byraad.txt", COUNCIL)
    question = "Vedtog Byrådet i Esbjerg Trafiksikkerhedsplan 2025-2028?"
    council = esbjerg.service.ask(question)
    assert not council.refused and council.citations[0].committee == "Byrådet"
    assert "Gredstedbrovej prioriteres først" in council.answer
    # the committee's recommendation found first, the council's handling of the same case further down
    _, hits = esbjerg.service.ask_with_hits(question, depth=5)
    committee_first = sorted(hits, key=lambda h: h.item.committee == "Byrådet")
    assert committee_first[0].item.committee == "Teknik- og Byggeudvalget"
    assert council_first(understand(question), committee_first)[0].item.committee == "Byrådet"
    assert council_first(understand("Hvad anbefalede udvalget om planen?"), committee_first) == committee_first
