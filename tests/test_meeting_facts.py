"""Meeting facts are data and answerable: who was absent, where a meeting was held; cited to the meeting page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from assistant.api import create_app
from assistant.container import Container
from assistant.meeting_facts import aspect
from ingest.pipeline import ingest_paths
from tests.conftest import ROOT

MINUTES = ROOT / "sample_data" / "minutes"


@pytest.mark.parametrize(("question", "wanted"), [
    ("Hvem var fraværende ved byrådets møde den 14. januar 2022?", "absent"),
    ("Who sent apologies for the meeting on 3 May?", "absent"),
    ("Hvor blev mødet holdt?", "venue"),
    ("Where was the committee meeting held on 15 May 2013?", "venue"),
    ("Hvem deltog i mødet?", "participants"),
    ("Hvem var fraværende ved behandlingen af budget 2024?", None),  # an item's topic: item-level
    ("Hvor skal den nye skole ligge?", None),
    ("Hvad besluttede udvalget om trafikbestillingen?", None),
])
def test_aspect(question: str, wanted: str | None) -> None:
    assert aspect(question) == wanted


@pytest.fixture
def client(container: Container) -> Iterator[TestClient]:
    files = [MINUTES / "greve_sundheds-og-omsorgsudvalget_2023-01-09.json",
             MINUTES / "ballerup_kmb-it-udvalget_2013-05-15.xml"]
    assert not ingest_paths(container.indexer, files).failed
    with TestClient(create_app(container.settings, container)) as c:
        yield c


def test_absent_only_in_the_attendance_flags_is_answered(client: TestClient) -> None:
    r = client.post("/chat", json={"question": "Hvem var fraværende ved Sundheds- og Omsorgsudvalgets møde den "
                                               "9. januar 2023?", "municipality": "Greve"}).json()
    assert not r["refused"] and "Tina Rottbøll" in r["answer"]
    cit = r["citations"][0]
    assert cit["kind"] == "meeting" and cit["meeting_date"] == "2023-01-09" and "Tina Rottbøll" in cit["quote"]
    page = client.get(cit["url"], params={"q": cit["quote"]})
    assert page.status_code == 200 and "Tina Rottbøll" in page.text and "<mark" in page.text


def test_venue_is_answered_from_the_meeting(client: TestClient) -> None:
    r = client.post("/chat", json={"question": "Where was the meeting of KMB IT-udvalget in Ballerup held on "
                                               "15 May 2013?"}).json()
    assert not r["refused"], r
    assert "Ballerup Rådhus" in r["answer"] and r["citations"][0]["kind"] == "meeting"


def test_a_forged_meeting_quote_is_dropped(client: TestClient, container: Container) -> None:
    from assistant.answer import refusal
    from assistant.contract import Answer, Citation
    from assistant.verify import verify

    mid = container.catalog.meetings()[0]["id"]
    forged = Answer(answer="x", citations=[Citation(municipality="Greve", committee="x", meeting_date="2000-01-01",
                                                    item_number=None, item_title=None, quote="Mødested: Månen",
                                                    item_id=mid, kind="meeting")])
    assert verify(forged, container.catalog, refusal("da")).refused


def test_a_question_may_ask_several_meeting_facts_and_name_the_committee_in_english() -> None:
    from assistant.meeting_facts import aspects
    from store.lexical import tokens

    greve = set(tokens("Sundheds- og Omsorgsudvalget Greve"))
    assert aspects("Where and at what time did the committee meet on 6 October 2016?") == ["venue", "time"]
    assert aspects("Hvem var formand ved mødet, og var der medlemmer, der ikke deltog?") == ["chair", "absent"]
    assert aspects("Was anyone missing from the health and care committee's meeting in Greve?", greve) == ["absent"]
    assert aspects("Hvor skulle udvalget mødes den 9. september?") == ["venue"]
    assert aspects("Was anyone missing from the meeting about the new school?", greve) == []  # a topic: an item


def test_more_ways_to_ask_who_was_absent_and_english_committee_words_by_prefix() -> None:
    from assistant.meeting_facts import aspects
    from store.lexical import tokens

    assert aspects("Hvem havde meldt fra til mødet i udvalget den 3. juni 2024?") == ["absent"]
    assert aspects("Who missed the meeting of the committee on 14 May 2024?") == ["absent"]
    youth = set(tokens("Børne- og Ungeudvalget Svendborg"))
    assert aspects("What time did Svendborg's children and youth committee meet on 5 February 2024?", youth) == ["time"]
    technical = set(tokens("Teknik- og Miljøudvalget Thisted"))
    assert aspects("What time did Thisted's technical and environment committee meet in June 2024?", technical) == [
        "time"]


def test_an_english_question_naming_the_committee_in_parts_asks_about_the_meeting() -> None:
    from assistant import meeting_facts
    from store.lexical import tokens

    known = set(tokens("Social & Arbejdsmarkedsudvalget")) | set(tokens("Esbjerg"))
    asked = "Where did Esbjerg's social and labour market committee hold its meeting in January 2024?"
    assert meeting_facts.aspects(asked, known) == ["venue"]
    assert meeting_facts.aspects("Where will the new labour market centre be built?", known) == []


def test_when_does_the_meeting_begin_asks_its_start_time() -> None:
    from assistant import meeting_facts
    from store.lexical import tokens

    known = set(tokens("Klima- og Miljøudvalget")) | set(tokens("Køge"))
    assert meeting_facts.aspects("Hvornår begynder mødet i Køges Klima- og Miljøudvalg i oktober 2024?", known) == [
        "time"]


def test_informal_ways_to_ask_when_and_where_a_named_committee_met() -> None:
    from assistant.meeting_facts import aspects
    from core.dates import find_dates
    from store.lexical import tokens

    kmb = set(tokens("KMB IT-udvalget Ballerup"))
    # no word for "meeting": the committee named with a start time asks about its meeting; "15/5 2013" is a date
    assert aspects("hvad tid startede kmb it-udvalget i ballerup d. 15/5 2013?", kmb) == ["time"]
    assert [d.isoformat() for _, d in find_dates("d. 15/5 2013 og 15/5-2013")] == ["2013-05-15", "2013-05-15"]
    assert aspects("hvad tid startede byggeriet af skolen?", kmb) == []  # a topic, no committee named
    greve = set(tokens("Økonomiudvalget Greve"))
    assert aspects("hvor holdt økonomiudvalget det ekstraordinære møde i nov 2023", greve) == ["venue",
                                                                                             "extraordinary"]


def test_a_meeting_named_by_a_compound_and_a_named_persons_arrival() -> None:
    from assistant.meeting_facts import aspects
    from store.lexical import tokens

    council = set(tokens("Byrådet Høje-Taastrup"))
    assert aspects("Hvornår startede byrådsmødet i Høje-Taastrup den 26. november 2024?", council) == ["time"]
    plan = set(tokens("Plan- og Miljøudvalget Hørsholm"))
    assert aspects("Hvornår kom Anne Ravnsborg til mødet i Plan- og Miljøudvalget?", plan) == ["remarks"]
    assert aspects("Hvornår kom lokalplanen for Rungsted Havn på mødet?", plan) == []  # a topic, not a person
