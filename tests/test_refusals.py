"""Refusals that say why: topics no stored minutes mention, premises the minutes contradict, years no item holds,
and agenda-only items (which still answer who voted when their text records a vote)."""

from __future__ import annotations

from pathlib import Path

from assistant import outside, premise, topics, unanswered
from assistant.container import Container
from core.model import fold


def test_nouns_are_told_by_their_place_not_by_case() -> None:
    nouns = topics.topic_nouns("Har Greves skoleudvalg besluttet at afsætte flere penge til lejrskoler og udflugter?",
                               "da")
    assert nouns == ["lejrskoler", "udflugter"]  # not the committee, the verbs or the frame word "penge"
    assert topics.topic_nouns("Hvad koster den nye svømmehal i Lisbjerg?", "da") == ["svømmehal"]
    assert topics.topic_nouns("Hvor lang er den foreslåede cykelsti i Vejle?", "da") == ["cykelsti"]
    assert topics.topic_nouns("Hvem stemte imod ved budgetbehandlingen i Greve Byråd?", "da") == ["budgetbehandlingen"]
    # verbs, stop-words after a preposition, what is asked, and names are not topics
    assert topics.topic_nouns("Hvad gjorde byrådet med sagsnummeret, og hvornår blev det vedtaget?", "da") == []
    assert topics.topic_nouns("Hvad er der sket med Kongeruten og med hvilken begrundelse?", "da") == []
    # an infinitive after "at" is a verb; its object is a noun ("at sætte solceller op"), a quantity is not
    assert topics.topic_nouns("Hvad besluttede udvalget om at stoppe støtten?", "da") == ["støtten"]
    assert topics.topic_nouns("Har Greve besluttet at sætte solceller op på skolerne?", "da") == ["solceller",
                                                                                                  "skolerne"]


def test_english_nouns_are_judged_only_through_the_glossary() -> None:
    assert "library" in topics.topic_nouns("What did Aarhus decide about the library?", "en")
    # words naming a committee are no topic: "the culture and leisure committee" is a body
    assert topics.topic_nouns("Who was absent from the culture and leisure committee in September?", "en") == []
    texts = [fold("Byrådet godkendte anlægsbevilling til et nyt idrætsanlæg.")]

    def mentioned(parts: tuple[str, ...], municipalities: list[str]) -> bool:
        return any(all(p in t for p in parts) for t in texts)

    assert topics.absent("What did Aarhus decide about a new swimming pool?", "en", [], mentioned) == ["swimming pool"]
    # a word the glossary does not know cannot be judged, so it is never the reason for a refusal
    assert topics.absent("What did Aarhus decide about the new zorblax?", "en", [], mentioned) == []


def test_a_compound_counts_when_one_chunk_holds_both_halves() -> None:
    texts = [fold("2. behandling af budget 2026-2029"), fold("Svømmehallen i Greve får nye fliser.")]
    calls: list[list[str]] = []

    def mentioned(parts: tuple[str, ...], municipalities: list[str]) -> bool:
        calls.append(municipalities)
        return any(all(p in t for p in parts) for t in texts)

    assert topics.absent("Hvem stemte imod ved budgetbehandlingen?", "da", ["Greve"], mentioned) == []
    assert topics.absent("Hvad koster renoveringen af den nye svømmehal?", "da", ["Greve"], mentioned) == [
        "renoveringen"]
    assert topics.absent("Hvad har Greve besluttet om hundeskove?", "da", ["Greve"], mentioned) == ["hundeskove"]
    assert calls and all(m == ["Greve"] for m in calls)  # looked up in the municipality asked about


def test_the_store_says_which_municipality_mentions_a_word(seeded: Container) -> None:
    lexical = seeded.lexical
    assert lexical.mentioned(("landsbyggefond",), ["Esbjerg"])
    assert not lexical.mentioned(("landsbyggefond",), ["Faxe"])
    assert lexical.mentioned(("landsbyggefond",), [])  # no municipality named: all of them
    assert lexical.mentioned(("inddrag",), ["Esbjerg"])  # a stem inside "brugerinddragelse"
    assert lexical.mentioned(("praekvalifikation", "helhedsplan"), ["Esbjerg"])  # one chunk holds both
    assert not lexical.mentioned(("landsbyggefond", "fleksjobkampagn"), [])  # never in one chunk


def test_a_topic_no_stored_minutes_mention_is_refused_and_named(seeded: Container) -> None:
    a = seeded.service.ask("Hvad har Faxe besluttet om en ny svømmehal?")
    assert a.refused and not a.citations
    assert "fra Faxe nævner svømmehal" in a.answer
    b = seeded.service.ask("What did Esbjerg decide about the new swimming pool?")
    assert b.refused and "no stored minutes from Esbjerg mention swimming" in b.answer
    # the same kind of question about a topic the minutes hold is answered
    c = seeded.service.ask("Hvad besluttede Esbjerg om prækvalifikationen af helhedsplanen?")
    assert not c.refused and c.citations[0].municipality == "Esbjerg"


def test_a_why_question_that_takes_the_opposite_outcome_for_granted() -> None:

    assert premise.contradicted("Hvorfor afviste byrådet bustrafikbestillingen?", {"approved"}, "da") == "approved"
    assert premise.contradicted("Why did the committee stop the grant?", {"rejected"}, "en") == "rejected"
    # the premise agrees with the minutes, the outcome is mixed, or nothing is taken for granted
    assert premise.contradicted("Hvorfor afviste udvalget ansøgningen?", {"rejected"}, "da") is None
    assert premise.contradicted("Why did the council approve it?", {"approved"}, "en") is None
    assert premise.contradicted("Why did the council reject it?", {"approved", "rejected"}, "en") is None
    assert premise.contradicted("Afviste byrådet forslaget?", {"approved"}, "da") is None
    assert premise.contradicted("Hvorfor blev det overvejet at stoppe støtten?", {"rejected"}, "da") is None


def test_contradicted_premise_and_unmatched_year_are_refused(seeded: Container) -> None:
    a = seeded.service.ask("Hvorfor afviste Esbjerg prækvalifikationen af Helhedsplan 2025?")
    assert a.refused and "det modsatte" in a.answer and a.citations  # cites the decision that says otherwise
    assert a.citations[0].municipality == "Esbjerg"
    b = seeded.service.ask("Hvad besluttede Esbjerg om prækvalifikation af Helhedsplan for 2011?")
    assert b.refused and "nævner ikke 2011" in b.answer


def test_an_agenda_item_whose_text_records_a_vote_answers_who_voted(container: Container) -> None:
    from ingest.pipeline import ingest_paths
    from tests.conftest import ROOT

    source = ROOT / "sample_data" / "minutes" / "regionh_forretningsudvalget_2012-09-25.xml"
    report = ingest_paths(container.indexer, [source])
    assert not report.failed
    vote = container.service.ask("Who voted against the fare increase at Movia's board meeting?")
    assert not vote.refused and vote.citations[0].item_number == "4"
    assert "imod" in vote.citations[0].quote.lower()  # the vote line of Movia's board, quoted from the case text
    # what this committee decided is still not recorded: that stays an agenda-only answer
    decided = container.service.ask("Hvad besluttede forretningsudvalget om Hans Tofts anmodning om Movias beslutning?")
    assert decided.refused and "kun dagsorden" in decided.answer and decided.citations[0].item_number == "4"


def test_every_case_number_of_a_file_is_found_in_either_language(container: Container) -> None:
    """Greve prints case numbers as 23-012345, which alone could be a span of years: asked as "sag …" or
    "case …" it is a case number (a probe over the corpus found 216 of 504 such questions refused)."""
    from ingest.pipeline import ingest_paths
    from tests.conftest import ROOT

    source = ROOT / "sample_data" / "minutes" / "greve_oekonomiudvalget_2023-11-16.json"
    assert not ingest_paths(container.indexer, [source]).failed
    # every item that records a decision (a signature sheet says nothing to quote)
    numbers = {row.case_number for row in container.catalog.item_rows() if row.case_number and row.item.decisions}
    assert len(numbers) >= 2 and all("-" in n for n in numbers)
    for number in sorted(numbers):
        for question in (f"Hvad er der sket i sag {number}?", f"What happened to case {number}?"):
            a = container.service.ask(question)
            assert not a.refused, (question, a.answer)
            assert a.citations[0].case_number == number, question


def test_a_body_named_with_its_term_or_in_a_title_is_no_year_and_no_missing_committee(container: Container) -> None:
    """"mødet i Byråd 2022-2025" names a body, not the year 2022; "§17, stk. 4-udvalget" in an item's title is
    the item's topic, not a committee the minutes must be from (both found by a probe asking about every item)."""
    from ingest.pipeline import ingest_paths
    from tests.conftest import ROOT

    folder = ROOT / "sample_data" / "minutes"
    sources = [folder / "greve_byraad_2025-10-01.json", folder / "aarhus_byraad_2025-10-08.html"]
    assert not ingest_paths(container.indexer, sources).failed
    a = container.service.ask("Hvad blev besluttet under punkt 5 på mødet i Byråd 2022-2025 den 1. oktober 2025?")
    assert not a.refused and a.citations[0].item_number == "5" and a.citations[0].municipality == "Greve"
    b = container.service.ask("Hvad besluttede Aarhus om Anbefalinger fra §17, stk. 4-udvalget Nyt Byråd?")
    assert "4-udvalget i Aarhus" not in b.answer
    assert b.citations and b.citations[0].item_number == "16"  # an agenda: cited, "no decision is recorded"


def test_opinions_and_forecasts_are_not_answered_from_minutes() -> None:
    assert outside.asks_opinion("Hvem tror du vinder kommunalvalget?")
    assert outside.asks_opinion("Do you think Greve will raise taxes next year?")
    assert not outside.asks_opinion("Hvad mener udvalget om forslaget?")  # what a body thinks is on record
    assert not outside.asks_opinion("What did the council think of the proposal?")
    assert outside.asks_opinion("var det fair at golfklubben ikke fik lokaletilskud?")
    assert outside.asks_opinion("Was it fair that the club got nothing?")
    assert not outside.asks_opinion("Hvad er en fair pris for grunden ifølge vurderingen?")


def test_a_named_committees_own_decision_and_a_followup_naming_the_same_town(container: Container) -> None:
    from assistant.query import is_followup
    from ingest.pipeline import ingest_paths
    from tests.conftest import ROOT

    report = ingest_paths(container.indexer, [ROOT / "sample_data" / "minutes" / "greve_byraad_2025-10-01.json"])
    assert not report.failed
    # the council sent the case on to the technical committee, whose minutes are not stored
    later = container.service.ask("Hvad besluttede Klima-, Teknik- og Miljøudvalget om skiltning ved Mosede Fort?")
    assert later.refused and "ingen beslutning fra" in later.answer and later.citations[0].item_number == "7"
    council = container.service.ask("Hvad besluttede byrådet om skiltning ved Mosede Fort?")
    assert not council.refused and council.citations[0].item_number == "7"
    why = container.service.ask("hvorfor ville klima-, teknik- og miljøudvalget ikke skilte ved Mosede Fort?")
    assert why.refused and "ingen beslutning fra" in why.answer  # why a body decided, of another body's item
    # "And how much will Greve pay?" leans on the question before it, though it names the town again
    assert is_followup("And how much will Greve itself pay for it?", ["Greve"])
    assert not is_followup("And how much will Aarhus pay for it?", ["Greve"])
    a = container.service.ask("And what is Greve's own contribution to running it in 2026?",
                              history=["Did Greve approve the 2026 budget for Strandparken I/S?"])
    assert not a.refused and a.citations[0].item_number == "12"


def test_gerunds_and_general_words_are_not_topics_and_a_long_compound_head_names_its_thing() -> None:
    assert topics.topic_nouns("What did the council do about building a new swimming pool?", "en") == ["swimming pool"]
    assert "people" not in topics.topic_nouns("What about older people living at home?", "en")
    texts = [fold("Kommuneplantillæg for solcelleanlæg ved Kirke Hyllinge")]

    def mentioned(parts: tuple[str, ...], municipalities: list[str]) -> bool:
        return any(all(p in t for p in parts) for t in texts)

    assert topics.absent("Hvad krævede udvalget af solcelleparken?", "da", [], mentioned) == []
    assert topics.absent("Hvad besluttede udvalget om hundeskove?", "da", [], mentioned) == ["hundeskove"]


def test_a_case_whose_decision_is_only_godkendt_is_answered_by_it(container: Container, tmp_path: Path) -> None:
    from ingest.pipeline import ingest_paths

    minutes = tmp_path / "skanderborg.txt"
    minutes.write_text("Skanderborg Kommune\nReferat af Byrådet den 30. oktober 2024\n\n"
                       "Punkt 3: Ny skole i Stilling\nSagsnr. 23/9120\n\nSagsfremstilling\nSkolen skal have plads til "
                       "650 elever.\n\nBeslutning i Byrådet den 30-10-2024\nGodkendt.\n", encoding="utf-8")
    assert not ingest_paths(container.indexer, [minutes]).failed
    a = container.service.ask("Hvad er der sket i sag 23/9120?")
    assert not a.refused and a.citations[0].item_number == "3" and "Godkendt." in a.citations[0].quote


def test_a_figure_of_an_item_that_never_names_the_thing_asked_is_not_its_price(container: Container,
                                                                               tmp_path: Path) -> None:
    from ingest.pipeline import ingest_paths

    minutes = tmp_path / "aarhus.txt"
    minutes.write_text("Aarhus Kommune\nReferat af Aarhus Byråd den 27. august 2025\n\n"
                       "Punkt 12: Anlægsbevilling til nyt idrætsanlæg i Lisbjerg\n\nBeslutningspunkter\nAt der gives "
                       "en anlægsbevilling på 21,5 mio. kr. til et nyt idrætsanlæg med kunstgræsbaner i Lisbjerg.\n\n"
                       "Beslutning i Aarhus Byråd den 27-08-2025\nVedtaget.\n\n"
                       "Punkt 13: Åbningstider i svømmehallen i Tilst\n\nSagsfremstilling\nSvømmehallen holder "
                       "længere åbent om søndagen.\n\nBeslutning i Aarhus Byråd den 27-08-2025\nVedtaget.\n",
                       encoding="utf-8")
    assert not ingest_paths(container.indexer, [minutes]).failed
    pool = container.service.ask("Hvad koster den nye svømmehal i Lisbjerg?")
    assert pool.refused and "nævner ikke svømmehal" in pool.answer and pool.citations  # cites the closest item
    ground = container.service.ask("Hvad koster det nye idrætsanlæg i Lisbjerg?")
    assert not ground.refused and "21,5 mio. kr." in ground.answer


def test_a_holiday_or_a_grant_is_no_topic() -> None:
    assert topics.topic_nouns("Hvornår er første skoledag efter sommerferien 2025 i Holstebro?", "da") == ["skoledag"]
    assert "grant" not in topics.topic_nouns("How much did the committee grant for the school camp?", "en")


def test_when_a_decision_was_taken_asks_for_the_decision() -> None:
    from assistant.answer_quote import asks_decided
    from assistant.query import understand

    assert asks_decided(understand("Hvornår blev affaldsplanen endeligt vedtaget?"))
    assert asks_decided(understand("When was the local plan approved?"))
    assert not asks_decided(understand("Hvornår åbner den nye skole?"))


def test_a_meeting_an_item_only_announces_has_decided_nothing(container: Container, tmp_path: Path) -> None:
    from tests.helpers import ingest_text

    ingest_text(container, tmp_path / "greve.txt", """Greve Kommune
Byråd 2022-2025
Mødedato: 01-10-2025

Punkt 19: Samarbejdsaftale med FrivilligCenter Greve
Sagsfremstilling
Mentorkorpset flyttes efter planen til FrivilligCenter Greve; sagen behandles på byrådsmødet den 24. november 2025.
Beslutning i Byråd 2022-2025 den 01-10-2025
Godkendt.
""")
    a = container.service.ask("Hvad besluttede Greve Byråd den 24. november 2025 om at flytte mentorkorpset?")
    assert a.refused and "24-11-2025" in a.answer
    b = container.service.ask("Hvad besluttede Greve Byråd den 1. oktober 2025 om mentorkorpset?")
    assert not b.refused


def test_a_follow_ups_definite_noun_is_the_thing_talked_about(container: Container) -> None:
    from ingest.pipeline import ingest_paths
    from tests.conftest import ROOT

    greve = ROOT / "sample_data" / "minutes" / "greve_byraad_2025-10-01.json"
    assert not ingest_paths(container.indexer, [greve]).failed
    a = container.service.ask("Og hvor stort er det årlige kommunale tilskud til centret?",
                              history=["Hvad besluttede byrådet i Greve om FrivilligCenter Greve i oktober 2025?"])
    assert not a.refused and a.citations[0].item_number == "19" and "0,4 mio. kr." in a.answer



def test_the_group_a_measure_is_for_is_its_topic() -> None:
    assert "unge" in topics.topic_nouns("Hvad besluttede Helsingør Byråd om gratis bus for unge under 18 år?", "da")
    assert "ældre" in topics.topic_nouns("Hvad koster madservice til ældre?", "da")
    assert "unge" not in topics.topic_nouns("Hvor mange unge er i job?", "da")  # the subject counted, no group
    said = fold("Medlemsforslag om gratis bus for pensionister. Bussen skal være gratis for folkepensionister.")
    assert topics.absent("Hvad besluttede byrådet om gratis bus for unge?", "da", [],
                         lambda parts, _m: all(p in said for p in parts)) == ["unge"]


def test_a_rejected_proposal_taken_as_done_by_any_question_but_yes_or_no() -> None:
    q = "Udvalget stoppede jo støtten til Stop Spild Lokalt pga. gebyret – fra hvornår gælder det?"
    assert premise.contradicted(q, {"rejected"}, "da", "date") == "rejected"
    assert premise.contradicted(q, {"approved"}, "da", "date") is None
    assert premise.contradicted("Stoppede udvalget støtten?", {"rejected"}, "da", "yesno") is None  # answered no
    assert premise.contradicted("How many members voted to approve the grant?", {"rejected"}, "en", "count") is None
    assert premise.contradicted("From when does the grant the committee stopped apply?", {"rejected"}, "en",
                                   "date") == "rejected"
    assert premise.contradicted("How big is the fee that Stop Spild Lokalt introduced?", {"rejected"}, "en",
                                   "amount") is None  # another did it


def test_a_postponed_item_taken_as_adopted() -> None:
    q = "Fra hvornaar skal man betale for at parkere paa stranden nu hvor udvalget har vedtaget betalingsparkering?"
    assert premise.contradicted(q, {"postponed"}, "da", "date") == "postponed"
    assert premise.contradicted(q, {"approved"}, "da", "date") is None
    assert premise.contradicted("Hvad har udvalget besluttet om betalingsparkering?", {"postponed"}, "da",
                                   "decision") is None  # "udsat" is what it decided
    assert premise.contradicted("Er betalingsparkering blevet vedtaget?", {"postponed"}, "da", "yesno") is None
    assert premise.contradicted("When does the fee apply now that the committee has approved it?", {"postponed"},
                                   "en", "date") == "postponed"
    assert premise.contradicted("Who was absent when the agenda was approved?", {"postponed"}, "en",
                                   "person") is None  # said of the agenda, not of the item


def test_a_reason_that_restates_the_question_is_no_reason() -> None:
    q = "Hvorfor var Per Mose inhabil, da Holstebro behandlede solcelleanlægget ved Sir?"
    said = "Per Mose (C) deltog ikke i behandlingen af punktet på grund af inhabilitet."
    assert unanswered.restated_reason(said, q)
    assert unanswered.lacks_value(said, "explanation", q)
    assert not unanswered.restated_reason("Per Mose var inhabil, fordi han ejer jorden ved Sir.", q)
    assert not unanswered.restated_reason("Per Mose deltog ikke.", q)  # no reason at all: judged elsewhere


def test_what_was_decided_about_a_rejected_proposal_is_its_decision() -> None:
    q = "Hvad besluttede sundhedsudvalget i Greve om at stoppe støtten til Stop Spild Lokalt?"
    assert premise.contradicted(q, {"rejected"}, "da", "decision") is None
    assert premise.contradicted("Hvorfor besluttede udvalget at stoppe støtten?", {"rejected"}, "da") == "rejected"


def test_a_superlative_before_its_noun_is_no_topic() -> None:
    """"det billigste bud" asks for the lowest bid: minutes that say "det laveste bud" mention the topic, so
    "billigste" must not be judged as a topic no minutes mention. A noun ending in -ste keeps its place."""
    from assistant import topics

    assert topics.topic_nouns("Hvilket firma kom med det billigste bud på molen i Hundested?", "da") == ["molen"]
    assert topics.topic_nouns("Hvad besluttede udvalget på sit seneste møde?", "da") == []
    assert "vintertjeneste" in topics.topic_nouns("Hvad er udgiften til vintertjeneste budgetteret til?", "da")
    assert "liste" in topics.topic_nouns("Hvem står på den liste over ansøgere?", "da")
