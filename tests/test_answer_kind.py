"""The answer-kind classifier on its own question set (Danish and English, written for this test)."""

from __future__ import annotations

import pytest

from assistant.answer_kind import KINDS, answer_kind, clauses
from assistant.value_kinds import KIND_PATTERNS

CASES = [
    ("Hvad skal regionen betale for særpublikationen?", "amount"),
    ("Hvilken sikringshøjde lægges der op til?", "measure"),
    ("Hvor stor en del af tilskuddet er knyttet til resultatkrav?", "percent"),
    ("Hvilket rådgivningsfirma lavede analysen?", "company"),
    ("Hvor meget koster den nye svømmehal?", "amount"),
    # a value named by its noun, though the verb asks what was recommended or reported (calibration set dev20)
    ("What mileage allowance per kilometre did the committee recommend for 2025?", "amount"),
    ("What income appropriation did the committee recommend for the exhibition?", "amount"),
    ("What operating result did the company report for 2024?", "amount"),
    ("Hvad kommer den nye bro over åen til at koste?", "amount"),
    ("How much did the municipality pay for the land?", "amount"),
    ("Hvor stort er tilskuddet til musikskolen?", "amount"),
    ("What is the total grant for the festival?", "amount"),  # a sum is asked, though no "how much"
    ("Hvor mange kroner sparer man på vejbelysning?", "amount"),
    ("Hvor stor en andel af borgerne får hjemmehjælp?", "percent"),
    ("What share of the recipients were sanctioned?", "percent"),
    ("Hvor mange nye boliger giver lokalplanen mulighed for?", "count"),
    ("How many pupils are expected in 2026?", "count"),
    ("Hvor høj skal diget være?", "measure"),
    ("What protection height is recommended in metres?", "measure"),
    ("Hvornår skal projektet være færdigt?", "date"),
    ("What is the deadline for the application?", "date"),
    ("Hvorfor blev støtten stoppet?", "explanation"),
    ("Why was the item postponed?", "explanation"),
    ("Hvilke partier stemte imod budgettet?", "vote"),
    ("Which groups couldn't back the answer on parking prices?", "vote"),
    ("Hvad havde kulturudvalget sagt om sagen?", "decision"),
    ("Hvordan har sagen om den nye skole været behandlet tidligere?", "history"),
    ("How has the case about the harbour bath been handled before it reached the council?", "history"),
    ("Who voted against the bus order?", "vote"),
    ("Hvilket parti fremsatte forslaget?", "party"),
    ("Hvilket udvalg skal behandle sagen?", "body"),
    ("Which company will run the school canteens?", "company"),
    ("Hvilket firma skal levere de nye busser?", "company"),
    ("Hvem driver sprogskolen?", "company"),
    ("Hvem blev udpeget til bestyrelsen?", "person"),
    ("Who presented the plan to the committee?", "person"),
    ("Hvor skal den nye skole ligge?", "place"),
    ("Where will the new fire station be built?", "place"),
    ("Hvilke indsatsområder indeholder planen?", "list"),
    ("Which projects are included in the programme?", "list"),
    ("Who were the target groups for the collaboration?", "list"),  # groups, not a person
    ("What will the new rate for snow clearing be?", "amount"),
    ("How big was the operating deficit in 2024?", "amount"),
    ("Hvem er målgruppen for tilbuddet?", "list"),
    ("Hvem var formand for udvalget?", "person"),
    ("Fik golfklubben lokaletilskud?", "yesno"),
    # a yes/no question opened by a modal or a past verb of deciding (calibration: portals p022, dev3 w026)
    ("Må festivalen købe en bid af skoven?", "yesno"),
    ("Gav byrådet eleverne mulighed for skoleskift?", "yesno"),
    ("Gav Kultur- og Fritidsudvalget tilskud til klubben?", "yesno"),
    ("Gik udvalget med til at skære ned på snerydningen?", "yesno"),
    ("Afviste byrådet salget?", "yesno"),
    ("Får pensionister gratis adgang til svømmehallen?", "yesno"),
    ("Gav Socialtilsynet påbud til bostedet?", "fact"),  # a fact the item reports, not a body's decision
    ("Did the committee approve the ban?", "yesno"),
    ("Hvad besluttede byrådet om skolestrukturen?", "decision"),
    ("What did the council decide about the harbour?", "decision"),
    ("og hvad sagde Byrådet?", "decision"),
    ("Hvad handler punktet om?", "fact"),
]


@pytest.mark.parametrize(("question", "kind"), CASES)
def test_answer_kind(question: str, kind: str) -> None:
    assert answer_kind(question) == kind


def test_every_kind_is_known() -> None:
    assert {k for _, k in CASES} <= set(KINDS)


def test_compound_questions_split_into_their_parts() -> None:
    assert clauses("Hvornår kan opstarten blive udskudt, og hvorfor?") == ["Hvornår kan opstarten blive udskudt",
                                                                          "hvorfor?"]
    assert clauses("What is the case number and who handles it?") == ["What is the case number", "who handles it?"]
    assert clauses("Hvad besluttede byrådet om skoler og daginstitutioner?") == [
        "Hvad besluttede byrådet om skoler og daginstitutioner?"]
    assert clauses("Which company did Greve contract, and at what times will the guards be on duty?") == [
        "Which company did Greve contract", "at what times will the guards be on duty?"]


def test_what_is_the_total_grant_asks_for_an_amount() -> None:
    assert answer_kind("What is the total capital grant for the new sports facility in Lisbjerg?") == "amount"
    assert answer_kind("Hvad er den samlede anlægsbevilling til idrætsanlægget?") == "amount"
    assert answer_kind("What is the plan for the harbour?") != "amount"
    # any adjectives before the sum ("den månedlige", "den forventede årlige"), not only "samlede"
    assert answer_kind("Hvad var den månedlige nettohusleje for ældreboligerne?") == "amount"
    assert answer_kind("Hvad er den forventede årlige udgift til driften?") == "amount"
    assert answer_kind("Hvad er den største udfordring for skolerne?") != "amount"


def test_a_committee_named_by_the_start_of_its_name_is_no_topic() -> None:
    from assistant.glossary import expand
    from assistant.meeting_facts import aspects
    from store.lexical import tokens

    known = set(tokens("Hennys testudvalg Middelfart"))
    assert aspects("Who chaired Henny's test committee in Middelfart on 2 May 2017?", known) == ["chair"]
    assert "selvkørende" in expand("Who proposed making Aarhus a test city for self-driving cars?")
    # "municipal council" is the council's English name, no topic of the question
    council = set(tokens("Kommunalbestyrelsen 2022-2025 Brøndby"))
    assert aspects("Who was missing from the Brøndby municipal council meeting on 25 June 2025?", council) == ["absent"]
    assert aspects("What did the municipal council decide on the swimming hall?", council) == []


def test_a_vote_line_for_something_is_no_reason() -> None:
    # "For at oversende forslag B stemte V": in favour of, not in order to; "for at sikre" is a purpose
    why = KIND_PATTERNS["explanation"]
    assert not why.search("For at oversende forslag B stemte V (2).")
    assert not why.search("For at godkende indstillingen stemmer: A, V og C")
    assert why.search("Udvalget udsatte sagen for at sikre økonomien.")


def test_doing_away_with_something_is_asked_of_the_decision() -> None:
    """"Did the council scrap the requirement?" asks what was decided: on an agenda with no decision recorded the
    answer says so and quotes the recommendation, instead of quoting the case's background as if it answered."""
    from assistant.answer_quote import asks_decided
    from assistant.query import understand

    assert asks_decided(understand("Did Aarhus City Council scrap the certificate requirement in October 2025?"))
    assert asks_decided(understand("Afskaffede byrådet kravet om arbejdsmiljøcertifikat?"))
    assert asks_decided(understand("Blev buslinje 233 nedlagt, da udvalget behandlede busbetjeningen?"))
    assert not asks_decided(understand("Was the requirement a burden for the private institutions?"))


def test_a_sum_applied_for_a_price_and_what_it_would_cost_are_amounts() -> None:
    from assistant.answer_kind import answer_kind

    assert answer_kind("Hvor meget søger Thyborøn Havn i alt til erhvervsnetværket?") == "amount"
    assert answer_kind("Til hvilken pris anbefaler udvalget at sælge pedelboligen?") == "amount"
    assert answer_kind("Hvad regner forvaltningen med at en metro ville koste at anlægge?") == "amount"
    assert answer_kind("How much did the club apply for?") == "amount"
    # a guarantee for a loan is a sum of money
    assert answer_kind("Hvor stor en kommunegaranti stillede kommunen for renoveringen?") == "amount"
    assert answer_kind("How large a guarantee did the council give the housing association?") == "amount"
    assert answer_kind("Hvad anbefaler udvalget om pedelboligen?") == "decision"  # no price asked


def test_when_and_where_ask_only_where_they_open_the_question_or_a_clause() -> None:
    """Inside a clause "when" and "where" are conjunctions: "Will X switch to a scheme where households book a
    collection when they need one?" asks yes or no, not a date or a place (portals28 p28_020, dev3 w032)."""
    from assistant.answer_kind import answer_kind

    assert answer_kind("Will Furesø switch its bulky-waste pickup to a scheme where households book a collection "
                       "when they need one?") == "yesno"
    assert answer_kind("Did Greve choose the state guarantee when it adopted Budget 2026-29?") == "yesno"
    assert answer_kind("When will Taastrup Svømmehal be closed?") == "date"
    assert answer_kind("In 2025, when does the pool open?") == "date"
    assert answer_kind("From when do the new rates apply?") == "date"
    assert answer_kind("What was decided, and when?") == "date"
    assert answer_kind("Where will the new school be built?") == "place"
    assert answer_kind("In Greve, where did the committee meet?") == "place"
