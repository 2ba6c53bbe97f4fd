"""Questions for a finer value than the item states: a time of day, how long something took, a phone number or
e-mail, a plot or local plan number, a person's party, a percentage, and how many members voted when the minutes
name only parties. Each refused with what the item does say, beside a twin the item does answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import asked_values
from assistant.container import Container
from tests.helpers import ingest_text

MINUTES = """Fanø Kommune
Referat af Teknik- og Miljøudvalget den 4. juni 2024
Mødedato: 4. juni 2024 kl. 16.00
Deltagere: Ole Sand (V), Mette Klit (A), Jens Hav
Afbud: Jens Hav

Punkt 1: Borgermøde om havnen i Nordby
Sagsfremstilling
Udvalget holder borgermøde om havnen i Nordby den 20. juni 2024 i Fanø Hallen.
Spørgsmål kan sendes til havnefogeden, der kan kontaktes på havn@fanoe.dk.

Beslutning i Teknik- og Miljøudvalget den 04-06-2024
Godkendt.
Afbud: Jens Hav

Punkt 2: Dialogmøde med skolelederne
Sagsfremstilling
Udvalget mødes med skolelederne mandag den 24. juni 2024 på Rådhuset. Mødet varer to timer.

Beslutning i Teknik- og Miljøudvalget den 04-06-2024
Godkendt.

Punkt 3: Lokalplan for boliger ved Sønderho
Sagsfremstilling
Lokalplan 112 giver mulighed for 24 boliger på marken ved Sønderho Landevej. Tilskuddet til vejen stiger
fra 2,0 til 2,4 mio. kr.

Beslutning i Teknik- og Miljøudvalget den 04-06-2024
Godkendt.
Imod stemte: Ø, med bemærkning om at marken bør forblive landbrugsjord.

Punkt 4: Cykelsti langs Strandvejen
Sagsfremstilling
Cykelstien anlægges på marken ved Strandvejen. Tilskuddet fra Vejdirektoratet dækker 40 procent.

Beslutning i Teknik- og Miljøudvalget den 04-06-2024
Godkendt.
For stemte 2: Ole Sand (V), Mette Klit (A)

Punkt 5: Sommerskole for unge
Sagsfremstilling
Sommerskolen giver 30 forløb om året for unge uden uddannelse.

Beslutning i Teknik- og Miljøudvalget den 04-06-2024
Godkendt.
"""


@pytest.fixture()
def fanoe(container: Container, tmp_path: Path) -> Container:
    return ingest_text(container, tmp_path / "fanoe.txt", MINUTES)


def test_the_finer_value_a_question_asks_for() -> None:
    assert asked_values.asked("Hvad tid på dagen mødes udvalget med skolelederne?") == "clock"
    assert asked_values.asked("At what time does the meeting start?") == "clock"
    assert asked_values.asked("Hvor længe brugte udvalget på sagen?") == "duration"
    assert asked_values.asked("Hvor længe løber aftalen?") is None  # may be answered by a date
    assert asked_values.asked("What is the phone number of the harbour master?") == "contact"
    assert asked_values.asked("Hvad er matrikelnummeret for marken?") == "plot"
    assert asked_values.asked("What is the local plan number for the bridge?") == "plan"
    assert asked_values.asked("Hvilket parti sidder Jens Hav for?") == "party"
    assert asked_values.asked("By what percentage does the grant increase?") == "percent"
    assert asked_values.asked("Hvornår holdes borgermødet?") is None


def test_a_value_is_unstated_only_when_the_whole_item_lacks_it() -> None:
    assert asked_values.unstated("Hvad tid starter borgermødet?", "borgermøde den 20. juni 2024") == "clock"
    assert asked_values.unstated("Hvad tid starter borgermødet?", "borgermøde den 20. juni kl. 19.00") is None
    assert asked_values.unstated("What is the e-mail of the harbour master?", "skriv til havn@fanoe.dk") is None
    assert asked_values.unstated("Hvad er lokalplannummeret?", "Lokalplan 112 giver mulighed for") is None
    assert asked_values.unstated("Hvad er matrikelnummeret for marken?", "Lokalplan 112 giver mulighed for") \
        == "plot"
    people = "Ole Sand (V)\nJens Hav"
    assert asked_values.unstated("Hvilket parti repræsenterer Ole Sand?", "", people) is None
    assert asked_values.unstated("Hvilket parti repræsenterer Jens Hav?", "Afbud: Jens Hav", people) == "party"
    assert asked_values.unstated("Hvor mange procent stiger tilskuddet?", "fra 2,0 til 2,4 mio. kr.") == "percent"


def test_a_sum_of_money_is_not_answered_by_a_count_of_something_else() -> None:
    from assistant.unanswered import lacks_value

    asked = "How much money did Varde grant for the agreement with the trade school?"
    assert lacks_value("Aftalen sikrer 30 brobygningsforløb om året.", "amount", asked)
    assert not lacks_value("Aftalen koster 1,2 mio. kr. om året.", "amount", asked)
    assert not lacks_value("Rigshospitalet | 22,50", "amount", asked)  # a table's unit is in its header
    assert not lacks_value("Udvalget bevilger halvdelen af udgiften.", "amount", asked)


def test_finer_values_are_refused_and_their_twins_answered(fanoe: Container) -> None:
    ask = fanoe.service.ask
    clock = ask("Hvad tid på dagen er udvalgets dialogmøde med skolelederne i Fanø?")
    assert clock.refused and "klokkeslæt" in clock.answer and clock.citations[0].item_number == "2"
    assert "to timer" in ask("Hvor længe varer dialogmødet med skolelederne i Fanø?").answer

    phone = ask("Hvad er telefonnummeret til havnefogeden i Nordby på Fanø?")
    assert not phone.refused and "havn@fanoe.dk" in phone.answer  # an e-mail is contact details too
    plot = ask("Hvad er matrikelnummeret for marken ved Sønderho Landevej på Fanø?")
    assert plot.refused and "nummer" in plot.answer
    assert "Lokalplan 112" in ask("Hvilket lokalplannummer har boligerne ved Sønderho på Fanø?").answer

    party = ask("Hvilket parti repræsenterer Jens Hav i Fanøs Teknik- og Miljøudvalg?")
    assert party.refused and "parti" in party.answer
    share = ask("Hvor mange procent stiger tilskuddet til vejen ved Sønderho på Fanø?")
    assert share.refused and "procentsats" in share.answer
    assert "40 procent" in ask("Hvor mange procent dækker Vejdirektoratet af cykelstien langs Strandvejen?").answer
    # a sum of money is not answered by a count of something else
    cost = ask("Hvor mange penge bevilgede udvalget til boligerne ved Sønderho Landevej på Fanø?")
    assert "2,4 mio. kr." in cost.answer


def test_how_many_voted_of_a_vote_that_names_only_parties(fanoe: Container) -> None:
    ask = fanoe.service.ask
    parties_only = ask("Hvor mange medlemmer stemte imod lokalplanen for boliger ved Sønderho på Fanø?")
    assert parties_only.refused and "partier" in parties_only.answer and "Imod stemte: Ø" in parties_only.answer
    assert "Afstemning: Imod: Ø" in ask("Hvad besluttede udvalget om lokalplanen ved Sønderho på Fanø?").answer
    counted = ask("Hvor mange stemte for cykelstien langs Strandvejen på Fanø?")
    assert not counted.refused and "For stemte 2" in counted.answer


def test_an_absence_reason_an_outside_view_and_an_exact_day_must_be_in_the_item() -> None:
    from assistant import views

    item = "Rådmand Nicolaj Bang og Jesper Kjeldsen deltog ikke i sagens behandling. Movia kører linje 224."
    why = "Why did Jesper Kjeldsen not take part in the handling of the grant?"
    assert views.absence_unexplained(why, item) == "Jesper Kjeldsen"
    assert views.absence_unexplained(why, "Jesper Kjeldsen deltog ikke i behandlingen, idet han er inhabil.") is None
    assert views.absence_unexplained("Hvorfor blev tilskuddet givet?", item) is None  # no absence asked
    assert views.view_unrecorded("Hvad mener Movia om ønsket om linje 224?", item) == "Movia"
    assert views.view_unrecorded("Hvad mener Movia om linje 224?", "Movia vurderer, at linjen kan forlænges.") is None
    assert views.view_unrecorded("What is Socialstyrelsen's opinion of the agreement?", item) == "Socialstyrelsen"
    assert views.view_unrecorded("Hvad mener Enhedslisten om linje 224?", item) is None  # a party: its vote says
    assert asked_values.vague_day("Hvilken dag præcis åbner udstillingen?", "Museet åbner i februar 2025 en udstilling")
    assert not asked_values.vague_day("Hvilken dato åbner udstillingen?", "Udstillingen åbner den 14. februar 2025.")
    assert not asked_values.vague_day("Hvornår åbner udstillingen?", "Museet åbner i februar 2025 en udstilling")


def test_a_finish_date_an_age_a_study_result_a_case_officer_and_a_measure_must_be_stated() -> None:
    from assistant import views
    from assistant.answer_kind import answer_kind
    from assistant.counted import uncounted
    from assistant.unanswered import asked_kind, lacks_value

    ready = "Hvornår skal broen fra Dokk1 stå færdig?"
    assert asked_values.unstated(ready, "Broen undersøges i 2025. Den bliver 51 meter lang.") == "ready"
    assert asked_values.unstated(ready, "Broen forventes at stå færdig i 2027.") is None
    assert asked_values.unstated("How old are the 31 children?", "Der er 31 børn blandt flygtningene.") == "age"
    assert asked_values.unstated("Hvilken aldersgruppe er målgruppen?", "Tilbuddet er for børn på 0-5 år.") is None
    assert views.result_unreported("Hvad viste evalueringen af ordningen?", "Der er aftalt en evaluering i 2026.")
    assert not views.result_unreported("Hvad viste evalueringen af ordningen?", "Evalueringen viste færre klager.")
    officer = "Hvem er sagsbehandler på ansøgningen fra Greve Golf Klub?"
    assert asked_kind(answer_kind(officer), officer) == "name"
    assert lacks_value("Ansøgningen fra Greve Golf Klub behandles af administrationen.", "name", officer)
    assert answer_kind("How many square metres is each of the new homes?") == "measure"
    # a reference number ("Bilag 2", "nr. 1010") or a year beside the counted word is no count of it
    assert uncounted("Bilag 2: Samlede høringssvar fra høringen i 2024.", "count", "Hvor mange høringssvar kom der?")
    assert not uncounted("Der kom 14 høringssvar.", "count", "Hvor mange høringssvar kom der?")


def test_a_price_asked_of_a_thing_the_item_never_mentions() -> None:
    from assistant.traps import priced_absent

    visit = "Besøg på Kofoedsminde\nRegion Sjælland estimerer, at 10 nye pladser vil koste ca. 43,7 mio. kr. årligt."
    assert priced_absent("hvad kostede udvalgsturen til kofoedsminde?", visit) == "udvalgsturen"
    assert priced_absent("Hvad koster pladserne på Kofoedsminde?", visit) is None  # "pladser" is in the item
    assert priced_absent("Hvad kostede besøget på Kofoedsminde?", visit) is None  # "besøg" is in the item
    assert priced_absent("Hvad koster den nye svømmehal?", "Renovering af svømmehallen koster 12 mio. kr.") is None
    assert priced_absent("lisbjerg idrætsanlæg - hvad koster det samlet?", visit) is None  # an adverb
    assert priced_absent("Hvad koster Tårnbys plan for demens?", visit) is None  # a name: the salient check's
    # the doing priced ("at parkere") is found by its verb's stem, in any form ("Parkeringsafgiften")
    cars = "Kommunen betaler et driftstilskud på 96.000 kr. om året til delebiler ved Farum Station."
    assert priced_absent("Hvad koster det at parkere ved Farum Station?", cars) == "parkere"
    assert priced_absent("Hvad koster det at parkere ved Farum Station?", "Parkeringsafgiften er 20 kr.") is None
    assert priced_absent("Hvad koster det at drive biblioteket om året?", cars) is None  # "driv": too short to tell



def test_a_running_cost_is_not_answered_by_a_construction_cost() -> None:
    question = "What will the new swimming pool in Høng cost to run each year?"
    assert asked_values.asked(question) == "running"
    assert asked_values.asked("Hvad koster det at drive biblioteket om året?") == "running"
    assert asked_values.asked("Hvem skal stå for driften af hallen?") is None  # no cost asked
    assert asked_values.asked("Hvad koster den nye svømmehal?") is None
    built = "Den samlede anlægsudgift er 64,5 mio. kr. Heraf forventes 8 mio. kr. dækket af fondsmidler."
    assert asked_values.not_stated(question, built, built, "", "en") == "an operating cost"
    run = "Etableringen koster 2,1 mio. kr. Driften på 4,8 mio. kr. årligt afholdes inden for rammen."
    assert asked_values.not_stated(question, run, run, "", "en") is None


def test_an_item_sending_a_plan_into_hearing_cannot_tell_what_the_hearing_brought() -> None:
    question = "What was the outcome of the public hearing on the cost split for the dike?"
    sent = "Administrationen foreslår, at forslaget til bidragsfordeling sendes i offentlig høring i 8 uger."
    assert asked_values.not_stated(question, sent, sent, "", "en") == "what the hearing brought"
    heard = "Der er i høringsperioden indkommet 14 høringssvar, som fremgår af bilag 2."
    assert asked_values.not_stated(question, heard, heard, "", "en") is None
    assert asked_values.not_stated("Hvad kom der ud af høringen om diget?", sent, sent, "", "da") == "hvad høringen gav"
    assert asked_values.not_stated("Hvornår sendes forslaget i høring?", sent, sent, "", "da") is None


def test_a_role_asked_of_a_person_the_minutes_never_give_it() -> None:
    from assistant import views
    question = "Siden hvornår har Liselott Blixt været borgmester i Greve? Det er hende, der står bag Mosede Fort."
    assert views.role_unsupported(question, "Liselott Blixt (UP1) fremsætter et initiativretsforslag.") == (
        "Liselott Blixt", "borgmester")
    assert views.role_unsupported(question, "Deltagere: Liselott Blixt (UP1), borgmester") is None
    assert views.role_unsupported("Hvad foreslog Liselott Blixt om Mosede Fort?", "Liselott Blixt (UP1)") is None
    assert asked_values.not_stated(question, "Liselott Blixt (UP1) fremsætter et forslag.", "", "", "da") == (
        "Liselott Blixt som borgmester")


def test_a_sum_the_question_assumes_must_be_in_the_item() -> None:
    from assistant.amounts import money_values, unstated_amount
    item = "Det højeste bud er på 3.150.000 kr. fra Marslev Udvikling ApS. Anlægsudgiften er 24,6 mio. kr."
    assert money_values(item) == {3_150_000.0, 24_600_000.0}
    assert unstated_amount("Who was the bidder who offered 2.7 million kroner for the school?", item) == 2_700_000.0
    assert unstated_amount("Who offered DKK 3.15 million for the school?", item) is None
    assert unstated_amount("Hvad skal de 24,6 mio. kr. bruges til?", item) is None
    assert unstated_amount("Which projects cost more than 2 million kroner?", item) is None  # a bound
    assert unstated_amount("Hvor mange boliger bliver der i 2025?", item) is None  # no sum


def test_what_a_stated_sum_is_said_of_is_where_the_answer_must_be() -> None:
    from assistant.amounts import sum_sentences
    said = ["Det højeste bud er på 3.150.000 kr. fra Marslev Udvikling ApS.",
            "Det næsthøjeste bud er på 2.700.000 kr. fra en privat køber, der vil bruge bygningerne til værksteder."]
    q = "Who was the private bidder who offered 2.7 million kroner for the old Marslev school?"
    assert sum_sentences(q, said) == said[1:]
    from assistant import unanswered
    assert not unanswered.holds_value("name", said[1], q)  # the second bidder is not named
    assert sum_sentences("Who bid the most for the school?", said) == []


def test_who_owns_or_bought_needs_an_item_that_speaks_of_owning_or_a_sale() -> None:
    from assistant import views
    field = "Marken ligger indenfor det grundvandsdannende opland til Greve Vands kildeplads."
    assert views.relation_unstated("hvem ejer marken?", field) == "ejer"
    assert asked_values.not_stated("hvem ejer marken?", field, field, "", "da") == "hvem der ejer den"
    assert views.relation_unstated("Which company owns the building?", "Bygningen ejes af Boligselskabet Sjælland.") \
        is None
    sale = "Grunden sælges til Sønderjysk Lager ApS, som ønsker at købe 4,2 ha."
    assert views.relation_unstated("Hvem købte grunden?", sale) is None  # the sale names the buyer
    assert views.relation_unstated("Hvem står for driften?", field) is None  # no relation of the kind asked
