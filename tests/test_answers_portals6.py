"""Answer rules found on sample_data/portals6 (questions written blind to the assistant): the meeting's start asked
as "what time does ... start", an adjective after an article is no topic, a party's own stance sentence is its
reason, a lead-in cut off before its list brings the list, and a year stated in the quote's section scopes it."""

from __future__ import annotations

from assistant import evidence, meeting_facts, scope, topics, unanswered
from core.model import AgendaItem, Decision, Section
from store.lexical import tokens


def test_what_time_does_the_meeting_start_asks_for_the_meeting_time() -> None:
    committee = set(tokens("Plan- og Miljøudvalget Fredensborg"))
    asked = "What time does the Fredensborg planning and environment committee meeting start on 4 November?"
    assert meeting_facts.aspects(asked, committee) == ["time"]
    assert meeting_facts.aspects("When does the meeting start?", committee) == ["time"]
    assert meeting_facts.aspects("What time does the bus to the harbour start?", committee) == []  # no meeting


def test_an_adjective_after_an_article_is_no_topic() -> None:
    asked = "Til hvilken pris anbefaler Økonomiudvalget i Allerød at sælge den gamle pedelbolig ved Lillerød Skole?"
    assert topics.topic_nouns(asked, "da") == ["pedelbolig"]
    assert "sidst" not in topics.topic_nouns("Hvordan gik det med broen til sidst?", "da")


def test_a_party_stance_sentence_is_its_reason() -> None:
    decision = "Godkendt.\n\nFor stemte: A, V (4)\nImod stemte: F (1)\n\nSF ønsker ingen øvre timegrænse i standarden."
    assert unanswered.party_reason("Why did SF vote against the standard?", decision) is True
    assert unanswered.party_reason("Why did SF vote against?", "Godkendt.\nImod stemte: F (1)\nV ønsker mere.") \
        is False  # another party's stance is no reason for SF


def _item(text: str, title: str = "Forslag til lokalplan") -> AgendaItem:
    return AgendaItem(order=1, number="2", title=title, text=text,
                      sections=[Section(name="Sagsfremstilling", heading="Sagsfremstilling", text=text)],
                      decisions=[Decision(body="Udvalget", text="Godkendt.", outcome="approved")])


def test_a_lead_in_cut_off_before_its_list_brings_the_list() -> None:
    text = ("Lokalplanen giver mulighed for 42 rækkehuse.\n\nAdministrationen indstiller,\n"
            "1. at forslaget sendes i offentlig høring i 6 uger, og\n2. at der ikke udarbejdes miljøvurdering.")
    found = evidence.select(_item(text), "Hvad indstiller administrationen om lokalplanen?", "fact")
    quoted = " ".join(p.text for p in found)
    assert "offentlig høring i 6 uger" in quoted and "miljøvurdering" in quoted


def test_a_year_stated_in_the_quotes_section_scopes_the_quote() -> None:
    text = ("Sagsfremstilling\nAlle dagtilbud tilbyder frokost.\n"
            "Forvaltningen har beregnet taksten for 2025 på grundlag af udgifterne.\n"
            "Taksten foreslås fastsat til 865 kr. pr. måned.\n")
    item = _item(text, "Forældrebetaling for frokostordning")
    quote = "Taksten foreslås fastsat til 865 kr. pr. måned."
    assert scope.rescope(item, "Hvad koster frokostordningen om måneden i 2025?", quote, "2024-09-24") == (quote, [])
    other = "Taksten var 820 kr. pr. måned i 2024."
    assert scope.rescope(_item(text + other), "Hvad koster frokosten i 2025?", other, "2024-09-24")[0] != other


def test_a_clock_about_the_asked_thing_answers_what_time() -> None:
    from assistant import asked_values

    roads = "Forvaltningen foreslår, at veje i klasse 1 ryddes og saltes inden kl. 6.00 på hverdage."
    assert asked_values.unstated("By what time must class 1 roads be cleared and salted?", roads) is None
    assert asked_values.unstated("Hvornår på dagen skal vejene i klasse 1 saltes?", roads) is None
    other = "2. at den faste mødedag bliver tirsdag med mødestart kl. 8.15."
    assert asked_values.unstated("Hvad tid på dagen skal drøftelsen med skolelederne mandag foregå?", other) == "clock"


def test_the_official_genitive_name_of_a_municipality_is_the_municipality() -> None:
    from core.municipalities import canonical_name
    from eval.runner import _muni

    assert canonical_name("Vesthimmerlands Kommune") == canonical_name("Vesthimmerlands") == "Vesthimmerland"
    assert canonical_name("Bornholms Regionskommune") == "Bornholm"
    assert _muni("Vesthimmerlands") == _muni("Vesthimmerland")
    assert canonical_name("Greves") == "Greve" and canonical_name("Nowhere") is None
