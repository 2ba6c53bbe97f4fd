"""Near misses from the blind rounds dev29 and dev30, inside one item: a passage about another place of the same
kind, the top rank for a lower one, a quote that only repeats the question's own figure, a rate per hour of an
item giving none, a party of a person typed in lower case. Each beside a twin the minutes answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import asked_values, designation, places, traps
from assistant.answer_kind import answer_kind
from assistant.container import Container
from tests.helpers import ingest_text

HARBOUR = """Læsø Kommune
Referat af Teknik- og Miljøudvalget den 29. august 2024

Punkt 1: Østerby Havn - akut skade på bolværk
Sagsfremstilling
Under stormen natten til den 22. august 2024 skred ca. 25 m af det nordlige bolværk ud. To fiskefartøjer har
måttet flytte til Vesterø Havn. En midlertidig sikring koster 0,65 mio. kr.
Beslutning i Teknik- og Miljøudvalget den 29-08-2024
Godkendt.

Punkt 2: Udbygningsplan for plejeboliger
Sagsfremstilling
Etape 1 omfatter 48 plejeboliger i Tølløse med forventet indflytning i 2028. Etape 2 placeres i Jyderup.
Beslutning i Teknik- og Miljøudvalget den 29-08-2024
Godkendt.

Punkt 3: Salg af den tidligere skole i Byrum
Sagsfremstilling
Det højeste bud er på 3.150.000 kr. fra Byrum Udvikling ApS, som vil bygge 14 rækkehuse.
Det næsthøjeste bud er på 2.700.000 kr. fra en privat køber, der vil bruge bygningerne til værksteder.
Beslutning i Teknik- og Miljøudvalget den 29-08-2024
Godkendt, at ejendommen sælges til Byrum Udvikling ApS.

Punkt 4: Kvalitetsrapport for folkeskolerne
Sagsfremstilling
Kvalitetsrapporten viser et karaktergennemsnit ved afgangsprøverne på 6,9.
Trivslen er steget til 3,9 på en skala fra 1 til 5.
Beslutning i Teknik- og Miljøudvalget den 29-08-2024
Taget til efterretning.

Afbud: Charlotte Levin
"""


@pytest.fixture()
def laesoe(container: Container, tmp_path: Path) -> Container:
    return ingest_text(container, tmp_path / "laesoe.txt", HARBOUR)


def test_a_passage_about_another_place_of_the_same_kind(laesoe: Container) -> None:
    other = laesoe.service.ask("Hvor mange meter bolværk skred ud i Vesterø havn under stormen?")
    assert other.refused and "Østerby Havn" in other.answer
    asked = laesoe.service.ask("Hvor mange meter bolværk skred ud i Østerby havn under stormen?")
    assert not asked.refused and "25 m" in asked.answer
    homes = laesoe.service.ask("Hvornår kan de første flytte ind i plejeboligerne i Jyderup?")
    assert homes.refused and "Tølløse" in homes.answer
    first = laesoe.service.ask("Hvornår kan de første flytte ind i plejeboligerne i Tølløse?")
    assert not first.refused and "2028" in first.answer


def test_the_top_rank_does_not_answer_a_lower_one(laesoe: Container) -> None:
    second = laesoe.service.ask("Hvem afgav det næsthøjeste bud på den gamle skole i Byrum?")
    assert second.refused and "næsthøjeste" in second.answer
    top = laesoe.service.ask("Hvem afgav det højeste bud på den gamle skole i Byrum?")
    assert not top.refused and "Byrum Udvikling" in top.answer
    sum_ = laesoe.service.ask("Hvor stort var det næsthøjeste bud på skolen i Byrum?")
    assert not sum_.refused and "2.700.000" in sum_.answer


def test_a_quote_repeating_the_question_s_own_figure(laesoe: Container) -> None:
    national = laesoe.service.ask("Afgangsprøverne på Læsø gav 6,9 i snit - hvad var landsgennemsnittet?")
    assert national.refused and "6,9" in national.answer
    own = laesoe.service.ask("Hvad var karaktergennemsnittet ved afgangsprøverne på Læsø?")
    assert not own.refused and "6,9" in own.answer


def test_a_party_asked_of_a_name_typed_in_lower_case(laesoe: Container) -> None:
    party = laesoe.service.ask("hvilket parti sidder charlotte levin for i læsø?")
    assert party.refused and "parti" in party.answer


def test_the_pure_checks() -> None:
    assert places.other_place("bolværk i Vesterø havn", "skred 25 m ud", "Østerby Havn - skade") == (
        "Vesterø", "Østerby Havn")
    assert places.other_place("bolværk i Østerby havn", "skred 25 m ud", "Østerby Havn - skade") is None
    # a municipality named in the passage is the town the place lies in, not another place
    assert places.other_place("plejeboliger i Jyderup", "48 plejeboliger i Holbæk Kommune", "Plan") is None
    assert designation.other_rank("Hvem bød næsthøjest?", "Det højeste bud", "Det højeste bud") is None
    assert traps.restated_figure("Hvad var landsgennemsnittet, når skolen fik 6,9?", "gennemsnit på 6,9", "fact")
    assert traps.restated_figure("Hvad besluttede de om de 12 boliger?", "Der opføres 12 boliger", "decision") is None
    assert traps.restated_figure("Hvor mange af de 12 boliger er ældreboliger?", "12 boliger, heraf 4", "count") is None
    assert answer_kind("What was the unemployment rate in Kolding in October 2024?") == "percent"
    assert answer_kind("After the three free hours, what's the hourly parking charge?") == "amount"
    priced = "Betalingsparkering i Parkeringshuset koster 12 kr. i timen."
    free = "Tre timers gratis parkering koster 260.000 kr."
    assert asked_values.not_stated("what's the hourly parking charge?", free, "", "", "en") == "a price per hour"
    assert asked_values.not_stated("what's the hourly parking charge?", priced, priced, "", "en") is None
