"""Questions real users ask that minutes cannot settle: what came of a decision afterwards, a judgement, the holder
of a role the item never names, a region's decision of a municipality's item, and a compound whose abstract first
half is all the minutes share. Each refused with what the item does say, beside a twin the item does answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import counted, outside, premise, topics, unanswered, views
from assistant.answer_text import yes_no
from assistant.container import Container
from core.model import AgendaItem, Decision
from tests.helpers import ingest_text

MINUTES = """Fanø Kommune
Referat af Teknik- og Miljøudvalget den 4. juni 2024
Mødedato: 4. juni 2024 kl. 16.00
Deltagere: Ole Sand (V), formand, Mette Klit (A)

Punkt 1: Ny gangbro ved havnen i Nordby
Sagsfremstilling
Administrationen foreslår en gangbro på 40 meter ved havnen i Nordby. Broen kan anlægges i 2025.

Beslutning i Teknik- og Miljøudvalget den 04-06-2024
Sendes videre til Økonomiudvalget med anbefaling.

Punkt 2: Tilskud til Fanø Sejlklub
Sagsfremstilling
Fanø Sejlklub søger om tilskud til et nyt klubhus. Klubben har 240 medlemmer og ligger ved Nordby Havn.

Beslutning i Teknik- og Miljøudvalget den 04-06-2024
Godkendt med et tilskud på 150.000 kr.

Punkt 3: Evaluering af sommerbussen
Sagsfremstilling
Sommerbussen kørte i 2023 mellem Nordby og Sønderho. Evalueringen viste 12.000 passagerer, og broen til
bussen ved Sønderho er blevet bygget.

Beslutning i Teknik- og Miljøudvalget den 04-06-2024
Taget til efterretning.

Punkt 4: Tryghed i nattelivet
Sagsfremstilling
Udvalget drøfter tryghed i nattelivet i Nordby om sommeren, herunder belysning på havnen.

Beslutning i Teknik- og Miljøudvalget den 04-06-2024
Taget til efterretning.
"""


@pytest.fixture()
def fanoe(container: Container, tmp_path: Path) -> Container:
    return ingest_text(container, tmp_path / "fanoe.txt", MINUTES)


def test_what_came_of_a_decision_is_not_in_the_minutes_of_the_meeting(fanoe: Container) -> None:
    ask = fanoe.service.ask
    built = ask("Blev gangbroen ved havnen i Nordby faktisk bygget?")
    assert built.refused and "siden skete" in built.answer and built.citations[0].item_number == "1"
    assert "Økonomiudvalget" in built.answer  # the decision the minutes do record is quoted
    went = ask("Hvordan gik det med gangbroen ved havnen i Nordby til sidst?")
    assert went.refused and "siden skete" in went.answer
    # the twin: an outcome the minutes report, and a question about the decision itself
    told = ask("Blev broen til sommerbussen ved Sønderho faktisk bygget?")
    assert not told.refused and "blevet bygget" in told.answer
    assert not ask("Blev tilskuddet til Fanø Sejlklub faktisk bevilget?").refused


def test_the_aftermath_cue_and_its_exceptions() -> None:
    assert outside.untold_aftermath("Kom der faktisk et ordensreglement for fortet?", "fact", "Sendes videre.")
    assert outside.untold_aftermath("Hvordan gik pilottesten?", "fact", "Pilottesten kører i efteråret.")
    assert not outside.untold_aftermath("Blev forslaget faktisk vedtaget?", "yesno", "Godkendt.")  # a decision
    assert not outside.untold_aftermath("How much did they end up setting aside?", "amount", "150.000 kr.")
    assert not outside.untold_aftermath("Hvordan gik pilottesten?", "fact", "Evalueringen viste stor tilfredshed.")


def test_a_judgement_is_no_question_the_minutes_answer(fanoe: Container) -> None:
    for question in ("Was it a good idea to give Fanø Sejlklub a grant for the clubhouse?",
                     "Er tilskuddet til Fanø Sejlklub pengene værd?",
                     "Var det en god beslutning at støtte sejlklubben?"):
        answer = fanoe.service.ask(question)
        assert answer.refused and not answer.answer.startswith(("Yes", "Ja")), question
    assert "150.000 kr." in fanoe.service.ask("Hvor stort et tilskud fik Fanø Sejlklub til klubhuset?").answer


def test_yes_or_no_comes_from_the_outcome_only_when_a_decision_is_asked() -> None:
    item = AgendaItem(order=2, number="2", title="Tilskud", text="Godkendt.",
                      decisions=[Decision(body="Udvalget", text="Godkendt.", outcome="approved")])
    assert yes_no(item, "Did the committee approve the grant?", "yesno", "en", "2024-06-04") == "Yes. "
    assert yes_no(item, "Did the club end up getting money from the state?", "yesno", "en", "2024-06-04") == ""


def test_the_holder_of_a_role_must_be_named_where_the_role_is(fanoe: Container) -> None:
    chair = fanoe.service.ask("Hvem er formand for Fanø Sejlklub?")
    assert chair.refused and "formand" in chair.answer and chair.citations[0].item_number == "2"
    assert views.role_unnamed("Who is the director of Casa Nord?", "Casa Nord præsenterede et projekt") == "director"
    assert views.role_unnamed("Hvem er formand for klubben?", "Formanden Jens Hansen orienterede") is None
    assert views.role_unnamed("Hvad er formandens navn?", "x") is None  # not a who-is question
    assert views.role_unnamed("Hvem er sagsbehandler på ansøgningen?", "Klubben søger tilskud.") == "sagsbehandler"
    assert views.role_unnamed("Who is the case officer on the sludge ban?", "Forbud mod slam.") == "case officer"
    assert views.role_unnamed("Hvem er sagsbehandler?", "Sagsbehandler: Jens Hansen, Center for Kultur") is None


def test_a_region_is_not_the_body_that_decided_a_municipality_item(fanoe: Container) -> None:
    answer = fanoe.service.ask("Hvad besluttede Region Syddanmark om tilskuddet til Fanø Sejlklub?")
    assert answer.refused and "Region Syddanmark" in answer.answer
    assert not fanoe.service.ask("Hvad besluttede udvalget om tilskuddet til Fanø Sejlklub?").refused


def test_an_abstract_first_half_alone_does_not_mention_a_compound(fanoe: Container) -> None:
    guards = fanoe.service.ask("Hvad har Fanø besluttet om tryghedsvagter i nattelivet?")
    assert guards.refused and "tryghedsvagter" in guards.answer
    assert not fanoe.service.ask("Hvad drøftede Fanø om tryghedsområdet i nattelivet?").refused  # a generic half
    forms = topics.forms("solcelleparken", "da") or []
    assert ("solcelle",) in forms  # a concrete first half still names the thing


def test_a_share_or_a_sum_is_no_count_and_a_final_figure_is_an_aftermath() -> None:
    text = ("I 4. kvartal 2023 var der 412 fuldtidsledige, svarende til en ledighed på 3,1 pct. Det er et fald i "
            "forhold til samme kvartal året før og det samme som sidste år. Ungeledigheden er steget til 5,4 pct.")
    assert counted.uncounted(text, "count", "Hvor mange unge var ledige i 4. kvartal?")
    assert not counted.uncounted(text, "count", "Hvor mange fuldtidsledige var der i 4. kvartal?")
    assert outside.untold_aftermath("Hvilken rente fik kommunen endeligt på lånet?", "percent",
                                       "Renten var den 21. maj 2024 indikativt 3,4 pct.")
    assert not outside.untold_aftermath("Blev lokalplanen endeligt vedtaget?", "yesno", "Godkendt.")


def test_more_kinds_of_question_the_minutes_cannot_settle() -> None:
    assert outside.untold_aftermath("Blev Kongeruten færdig, og hvornår blev den indviet?", "date",
                                       "At der gives anlægsbevilling på 18,8 mio. kr.")
    assert outside.untold_aftermath("Hvordan er det gået med tryghedsvagterne?", "fact", "Ruterne fastlægges.")
    assert not outside.untold_aftermath("Hvornår skal byrådet endeligt tage stilling til sagen?", "date",
                                           "Sagen forelægges byrådet i december.")
    for judgement in ("Was 30.7 million kroner too much to pay for the facility?", "Er skolevejen den farligste?",
                      "Var prisen for høj?"):
        assert outside.asks_opinion(judgement), judgement
    assert not outside.asks_opinion("Hvad er prisen for den nye hal?")


def test_a_split_vote_or_an_approval_taken_for_granted() -> None:
    assert unanswered.unrecorded_vote("Bevillingerne er givet. Godkendt.", "vote",
                                      "Who voted against the Broderist X grant?", False)
    assert not unanswered.unrecorded_vote("Godkendt. Imod stemte: Ø.", "vote", "Who voted against the grant?", False)
    assert not unanswered.unrecorded_vote("Godkendt enstemmigt.", "vote", "Hvem stemte for?", False)
    assert premise.contradicted("Which traffic measures did the committee approve?", {"noted"}, "en") == "noted"
    assert premise.contradicted("Which traffic measures were proposed?", {"noted"}, "en") is None
