"""Near misses from the blind rounds dev31 and dev32: a facility named after its town, a committee named by its
initials in another's item, a first-person framing that names no topic, a hearing's responses asked of an item that
only sends a plan to hearing, a person of one firm asked of a passage naming another's, a unit of weight, the
regional council's decision asked of a committee's recommendation. Each beside a twin the minutes answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import salient, topics, unanswered
from assistant.answer_kind import answer_kind
from assistant.container import Container
from assistant.query import extract_filters
from core.model import fold
from store.lexical import tokens
from tests.helpers import ingest_text

SKIVE = """Skive Kommune
Referat af Kultur- og Fritidsudvalget den 16. april 2024

Punkt 1: Ny driftsaftale med Skive Svømmehal
Sagsfremstilling
Den nye driftsaftale med Skive Svømmehal gælder fra 1. januar 2025 og indeholder krav om 20 timers ugentlig
skolesvømning.
Beslutning i Kultur- og Fritidsudvalget den 16-04-2024
Godkendt.

Punkt 2: Trafiksikkerhedsplan 2024-2028 - udsendelse i høring
Sagsfremstilling
Planen bygger på borgernes henvendelser om utrygge steder. Der kom 642 henvendelser.
Planen foreslås sendt i offentlig høring i otte uger.
Beslutning i Kultur- og Fritidsudvalget den 16-04-2024
Godkendt med den ændring, at høringsperioden forlænges til ti uger.

Punkt 3: Temamøde om affaldsudbuddet
Sagsfremstilling
KLAR Forsyning A/S har sammen med det rådgivende ingeniørfirma COWI A/S udarbejdet analyser om drivmidler.
Teknisk direktør Jesper Koziara, fra KLAR Forsyning A/S, vil præsentere oplægget.
Beslutning i Kultur- og Fritidsudvalget den 16-04-2024
Taget til efterretning.

Punkt 4: Slam på marken ved Hvidevej
Sagsfremstilling
Marken ligger over to af forsyningens kildepladser. Klima-, Teknik- og Miljøudvalget har tidligere behandlet
sagen. Administrationen har varslet et forbud mod udbringning af slam.
Beslutning i Kultur- og Fritidsudvalget den 16-04-2024
Godkendt.
"""

TONDER = """Tønder Kommune
Referat af Kultur- og Fritidsudvalget den 29. oktober 2024

Punkt 1: Renovering af Tønder Svømmehal
Sagsfremstilling
Svømmehallen holdes lukket fra 1. maj til 31. august 2025 under renoveringen.
Beslutning i Kultur- og Fritidsudvalget den 29-10-2024
Godkendt.
"""


@pytest.fixture()
def towns(container: Container, tmp_path: Path) -> Container:
    ingest_text(container, tmp_path / "skive.txt", SKIVE)
    return ingest_text(container, tmp_path / "tonder.txt", TONDER)


def test_a_facility_named_after_its_town_is_that_town_s(towns: Container) -> None:
    assert salient.town_places("Hvornår lukker Skive Svømmehal for renovering?") == ["Skive Svømmehal"]
    skive = towns.service.ask("Hvornår lukker Skive Svømmehal for renovering?")
    assert skive.refused and "Tønder" not in skive.answer.split("\n")[0]
    hours = towns.service.ask("Hvor mange timers skolesvømning skal Skive Svømmehal tilbyde?")
    assert not hours.refused and "20 timers" in hours.answer


def test_a_hearing_s_responses_of_an_item_sending_a_plan_to_hearing(towns: Container) -> None:
    answers = towns.service.ask("Hvor mange høringssvar kom der i høringen om trafiksikkerhedsplanen i Skive?")
    assert answers.refused
    before = towns.service.ask("Hvor mange henvendelser kom der om utrygge steder til trafiksikkerhedsplanen i Skive?")
    assert not before.refused and "642" in before.answer


def test_a_person_of_one_firm_is_not_another_s(towns: Container) -> None:
    cowi = towns.service.ask("Hvem fra COWI fremlagde analyserne om drivmidler på temamødet i Skive?")
    assert cowi.refused
    klar = towns.service.ask("Hvem fra KLAR Forsyning fremlagde analyserne om drivmidler på temamødet i Skive?")
    assert not klar.refused and "Jesper Koziara" in klar.answer


def test_a_weight_asked_of_an_item_stating_none(towns: Container) -> None:
    tonnes = towns.service.ask("Hvor mange tons slam skulle udbringes på marken ved Hvidevej i Skive?")
    assert tonnes.refused


def test_the_pure_checks() -> None:
    # an initials-named committee is found in another committee's item that names it in full
    text = salient.item_text("Greve", "Økonomiudvalget", "Energi", "Klima-, Teknik- og Miljøudvalget besluttede")
    assert not salient.missing(text, ["KTM"])
    # a first-person framing is who asks, not what is asked
    assert salient.asked_part("Jeg skriver en artikel om kulturstøtte i Storkøbenhavn - hvor meget fik X?") == (
        "hvor meget fik X?")
    assert salient.asked_part("I Greve har byrådet besluttet X. Hvad koster det?").startswith("I Greve")
    # the minutes' own word given in brackets is looked for whole, not by its halves ("løb" in "forløb")
    absent = topics.absent("Has Greve any rules for rental e-scooters (løbehjul)?", "en", ["Greve"],
                           lambda parts, _m: all(p in "forloeb aarshjul" for p in parts))
    assert "løbehjul" in absent
    assert "gerne" not in topics.topic_nouns("Jeg vil gerne have et ændringsforslag med. Hvornår skal det senest "
                                             "være inde?", "da")
    # a stance the question itself names is no reason for it
    q = "Why did Venstre enter a reservation on the framework?"
    assert unanswered.party_reason(q, "Venstre tog forbehold.") is False
    assert unanswered.party_reason("Hvorfor stemte V imod?", "Venstre tog forbehold.") is True
    # the reason of those who voted against, named or not; the party's name written out ("Enhedslisten ønsker")
    vote = "Godkendt. For stemte: V, F. Imod stemte: Ø. Enhedslisten ønsker, at aftalen også omfatter skolen."
    assert unanswered.party_reason("Hvorfor var Ø imod aftalen med handelsskolen?", vote) is True
    assert unanswered.party_reason("Hvad var begrundelsen for at stemme imod aftalen?", vote) is True
    assert unanswered.party_reason("Hvad var begrundelsen for at stemme imod aftalen?", "Imod stemte: Ø (1)") is False


def test_what_a_question_asks_and_of_whom() -> None:
    assert answer_kind("ok, og hvor meget får centret fra staten oveni?") == "amount"
    assert answer_kind("how much higher than the terrain would the dike have to be?") == "measure"
    assert answer_kind("How many tonnes of sludge were spread on the field?") == "measure"
    assert answer_kind("Which builder put in the lowest bid for the school extension?") == "company"
    assert answer_kind("Hvem er det for et firma, der køber grunden?") == "company"
    # what a committee wanted is its decision
    assert answer_kind("planen for introduktionsmøderne – hvad ønskede udvalget at føje til?") == "decision"
    assert answer_kind("Hvad ville Plan- og Tryghedsudvalget have Greve til at spille ind med?") == "decision"
    assert answer_kind("Hvad ville du gerne vide om skolen?") != "decision"
    # a sum of money counts nothing: "how many bids?" of a sentence giving the lowest bid's sum
    bid = "Projektet er udbudt, og det laveste tilbud er på 21,9 mio. kr. fra Brdr. Kjær Byg A/S."
    assert unanswered.lacks_value(bid, "count", "How many bids did Hedensted receive?")
    assert not unanswered.lacks_value("Der er modtaget 3 tilbud.", "count", "How many bids did Hedensted receive?")
    # a town the question sets apart is not whose minutes are asked
    assert extract_filters("And how many performances are played outside Hjørring Kommune?").municipalities == []
    assert extract_filters("How many performances are played in Hjørring Kommune?").municipalities == ["Hjørring"]


REGION = """Region Nordjylland
Referat af Udvalg for Regional Udvikling den 10. september 2024

Punkt 1: Regional udviklingsstrategi 2024-2027 - endelig vedtagelse efter høring
Sagsfremstilling
Strategien har været i høring, og der er indkommet 14 høringssvar.
Beslutning i Udvalg for Regional Udvikling den 10-09-2024
Anbefales over for forretningsudvalget og regionsrådet.
"""


def test_the_regional_council_s_decision_of_a_committee_s_recommendation(container: Container,
                                                                         tmp_path: Path) -> None:
    region = ingest_text(container, tmp_path / "region.txt", REGION)
    council = region.service.ask("Vedtog regionsrådet i Region Nordjylland den regionale udviklingsstrategi 2024-2027?")
    assert council.refused and "regionsrådet" in council.answer.lower()
    committee = region.service.ask("Hvad besluttede Udvalg for Regional Udvikling om udviklingsstrategien 2024-2027?")
    assert not committee.refused and "Anbefales" in committee.answer


def test_a_party_asked_on_the_side_it_did_not_vote() -> None:
    from assistant import traps
    from core.model import Decision, Member, Vote
    from core.parties import mentions_letter
    votes = [Vote(position="for", members=[Member(name="A"), Member(name="C")]),
             Vote(position="against", members=[Member(name="Ø")])]
    decision = [Decision(body="Plan-, Klima- og Teknikudvalget", text="Godkendt.", outcome="approved", votes=votes)]
    assert traps.voted_otherwise("Hvorfor stemte Enhedslisten for lokalplan 345?", decision) == (
        "Enhedslisten", "against")
    assert traps.voted_otherwise("Hvorfor stemte Enhedslisten imod lokalplan 345?", decision) is None
    assert traps.voted_otherwise("Why did the Conservatives vote against local plan 345?", decision) == (
        "Conservatives", "for")
    # the last letter of a vote list before the next sentence is a party, not an initial
    assert mentions_letter("For stemte: A, C. Imod stemte: Ø.", "C")
    assert not mentions_letter("J. Hansen, C. Nielsen", "C")


def test_a_meeting_s_start_asked_as_when_it_got_going() -> None:
    from assistant.meeting_facts import aspects
    assert aspects("Hvad tid gik forretningsudvalget i gang med det ekstraordinære møde?", {"forretningsudvalget"}) == [
        "time", "extraordinary"]


def test_a_quarter_of_another_year_and_a_choice_the_minutes_rejected() -> None:
    from assistant.designation import other_designation
    from assistant.premise import contradicted
    item = "Sanktioner i perioden 2. kvartal 2024 til 1. kvartal 2025. Tidligere: 4. kvartal 2023 – 3. kvartal 2024."
    assert other_designation(item, "Hvor mange sanktioner i perioden 4. kvartal 2024 – 3. kvartal 2025?") == (
        "3. kvartal 2025", "1. kvartal 2025, 2. kvartal 2024, 3. kvartal 2024")
    assert other_designation(item, "Hvor mange sanktioner i perioden 2. kvartal 2024 til 1. kvartal 2025?") is None
    assert other_designation("Tal for 2. kvartal.", "Hvor mange i 2. kvartal 2024?") is None  # no year to tell
    assert contradicted("Hvorfor valgte KFU at give golfklubben lokaletilskud?", {"rejected"}, "da") == "rejected"
    assert contradicted("Hvorfor valgte KFU ikke at give golfklubben tilskud?", {"rejected"}, "da") is None


def test_which_came_first_of_an_item_that_ranks_nothing() -> None:
    from assistant import asked_values
    shares = "Der gives 152.616 kr. i elitestøtte til ni foreninger og 228.924 kr. i talentstøtte til tolv foreninger."
    assert asked_values.not_stated("Hvilken klub modtog mest elitestøtte?", shares, shares, "", "da") == (
        "hvem der lå øverst")
    ranked = "Den største støtte går til Greve Svømmeklub med 40.000 kr."
    assert asked_values.not_stated("Hvilken klub modtog mest elitestøtte?", ranked, ranked, "", "da") is None
    table = "Klub | Støtte\nGreve IF | 40.000\nTune IF | 30.000\nKarlslunde IF | 20.000"
    assert asked_values.not_stated("Which club got the largest grant?", table, table, "", "en") is None
    # the lowest bid is the cheapest: a tender's "Laveste tilbud" answers "billigst", no bid at all does not
    bid = "Laveste tilbud blev afgivet af Vestjysk Anlæg ApS med 7,92 mio. kr."
    assert asked_values.not_stated("Hvilket firma var billigst?", bid, bid, "", "da") is None
    assert asked_values.not_stated("Who was the cheapest bidder?", bid, bid, "", "en") is None
    tender = "Opgaven sendes i udbud i oktober 2024, og kontrakt forventes indgået i januar 2025."
    assert asked_values.not_stated("Hvilket firma var billigst?", tender, tender, "", "da") == "hvem der lå øverst"


def test_a_committee_typed_in_lower_case() -> None:
    from assistant import bodies
    assert bodies.named("hvad sagde teknisk udvalg så, da de fik den?") == [("teknisk udvalg", ["teknisk"])]
    assert bodies.named("Hvad sagde Teknisk Udvalg så?") == [("Teknisk Udvalg", ["teknisk"])]


BUDGET = """Greve Kommune
Referat af Byråd den 1. oktober 2025

Punkt 1: Budget 2026-29 - 2. behandling
Sagsfremstilling
Budgettet for 2026-29 forelægges til 2. behandling.
Beslutning i Byråd den 01-10-2025
Godkendt.
Imod stemte: Ø, da Ø har eget budgetforslag.
"""

MOVIA = """Region Hovedstaden
Referat af Forretningsudvalget den 25. september 2012

Punkt 1: Anmodning om offentliggørelse af en beslutning
Sagsfremstilling
Bestyrelsen stemte om indstillingen. For indstillingen stemte syv medlemmer, imod stemte to.
Beslutning i Forretningsudvalget den 25-09-2012
Taget til efterretning.
"""


def test_a_short_question_in_a_conversation_stays_in_its_town(container: Container, tmp_path: Path) -> None:
    ingest_text(container, tmp_path / "greve.txt", BUDGET)
    both = ingest_text(container, tmp_path / "region.txt", MOVIA)
    answer = both.service.ask("hvor mange stemte for?", history=["greve budget 2026 2. behandling - hvem stemte imod?"])
    assert answer.citations and answer.citations[0].municipality == "Greve"


def test_chat_typing_without_danish_letters_or_capitals() -> None:
    from assistant.meeting_facts import aspects
    from assistant.outside import asks_opinion
    # a noun typed without ø is the minutes' word with it; a town typed so is no topic
    assert topics.named_in(fold("vandløbsprojektet i haarby å"), "vandlobsprojektet")
    assert "dragor" not in topics.topic_nouns("dragor ny folkeoplysnings politik - hvornår er fristen?", "da")
    assert topics.topic_nouns("hvor stort var merforbruget på it-hardware til greves skoler i 2023?", "da") == [
        "it-hardware"]
    assert topics.forms("it-hardware", "da") == [("hardwar",)]  # not the stem of "it"
    assert "betingelse" not in topics.topic_nouns("stillede kultur og fritid nogen betingelse?", "da")
    committee = set(tokens("Miljø- og Teknikudvalget Randers"))
    assert aspects("randers miljø og teknik, hvornår gik mødet i gang og i hvilket lokale?", committee) == [
        "venue", "time"]
    assert asks_opinion("er det ikke ret uansvarligt at aarhus vil droppe kravet?")
    assert not asks_opinion("Er det ikke planlagt til 2025?")


HELSINGOR = """Helsingør Kommune
Referat af Byrådet den 25. november 2024

Punkt 1: Medlemsforslag fra Enhedslisten om gratis bus for pensionister
Sagsfremstilling
Enhedslisten foreslår gratis bus for pensionister i hele kommunen.
Beslutning i Byrådet den 25-11-2024
Sagen oversendes til Økonomiudvalget.
Imod stemte: Ø, der ønskede forslaget realitetsbehandlet.
"""


def test_a_body_a_follow_up_names_whose_minutes_are_not_stored(container: Container, tmp_path: Path) -> None:
    from assistant import asked_values
    town = ingest_text(container, tmp_path / "helsingor.txt", HELSINGOR)
    history = ["Hvad besluttede byrådet i Helsingør om Enhedslistens forslag om gratis bus for pensionister?"]
    later = town.service.ask("og hvad endte økonomiudvalget så med at beslutte om det?", history=history)
    assert later.refused and "Byrådet" in later.answer
    said = town.service.ask("og hvad stemte Enhedslisten?", history=history)
    assert not said.refused
    text = "Administrationen foreslår blandt andet 1,2 mio. kr. årligt til Havnefestival Odense."
    assert asked_values.not_stated("hvem fik det største tilskud fra puljen?", text, text, "", "da") == (
        "hvem der lå øverst")


def test_what_the_quote_says_of_a_named_thing_is_of_another_year() -> None:
    from assistant.scope import rescope
    from core.model import AgendaItem
    text = ("I 2023 vandt Stop Spild Lokalt Greve Kommunes Grønne Fællesskabspris. "
            "Foreninger fik tilsagn om midlerne i 2024 i efteråret 2023.")
    item = AgendaItem(number="3", order=3, title="Stop Spild Lokalt i Greve - ophør af støtte", text=text)
    quote = ("I 2023 vandt Stop Spild Lokalt Greve Kommunes Grønne Fællesskabspris. … "
             "Foreninger fik tilsagn om midlerne i 2024 i efteråret 2023.")
    assert rescope(item, "Hvilken forening fik Den Grønne Fællesskabspris i 2024?", quote, "2024-09-09") == (
        None, ["2024"])
    assert rescope(item, "Hvilken forening fik Den Grønne Fællesskabspris i 2023?", quote, "2024-09-09")[0] == quote


def test_a_month_named_beside_a_committee_is_its_meeting_s() -> None:
    from assistant.answer_quote import _MEETING_MONTH
    assert _MEETING_MONTH.search("Hvad sagde Handicaprådet, da de var på besøg hos Kultur- og Fritidsudvalget i Greve "
                                 "i november 2024?")
    assert not _MEETING_MONTH.search("Hvor mange besøgende havde svømmehallen i november 2024?")
    # a trip of the committee in a month is no meeting of that month
    assert not _MEETING_MONTH.search("Hvilke kommuner besøgte Faxes beskæftigelsesudvalg på studieturen i oktober "
                                     "2019?")
