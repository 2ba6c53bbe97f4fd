"""Words of a chat question that name no topic: a town typed in lower case as the question's last word ("... på
frb?") narrows the meeting asked about, and the possessive of a body's name ("the senior citizens' council") is
part of the name."""

from __future__ import annotations

from assistant import meeting_facts, topics


def test_a_lower_case_town_at_the_end_of_a_meeting_question_is_a_place() -> None:
    known = {"undervisningsudvalg", "frederiksberg"}
    assert meeting_facts.aspects("hvem havde afbud til undervisningsudvalget d. 25/11-2024 på frb?", known) == [
        "absent"]
    # a topic word after "om" is still a topic: the question is about an item
    assert meeting_facts.aspects("hvem havde afbud til mødet om skolebussen?", known) == []


def test_a_bodys_possessive_word_is_part_of_its_name() -> None:
    nouns = topics.topic_nouns("When is the election to the senior citizens' council in Langeland, and how do "
                               "people vote?", "en")
    assert "citizens" not in nouns and "election" in nouns


def test_attendance_at_some_items_is_a_meeting_question() -> None:
    known = {"plan", "teknikudvalg", "kalundborg"}
    assert meeting_facts.aspects("Who sent apologies for the meeting of Kalundborg's Plan- og Teknikudvalget on 26 "
                                 "August 2025, and which member did not take part in one item?", known) == ["absent"]
