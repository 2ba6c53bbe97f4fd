"""Questions naming a Greenlandic municipality by its official name in the genitive ("Qeqqata Kommunias
Økonomiudvalg") and a region as the subject beside towns in its area ("Is Region Syddanmark cutting the bus between
Tønder and Højer?"): the municipality word is no topic or name, and the region is the author of the minutes asked."""

from __future__ import annotations

from assistant import meeting_facts, salient
from assistant.query import understand


def test_kommunia_in_the_genitive_names_the_municipality_not_a_topic() -> None:
    q = understand("Hvor stort et tilskud gav Qeqqata Kommunias Økonomiudvalg til Arctic Circle Race 2026?")
    assert "Kommunias" not in salient.salient_names(q.text)
    known = {"qeqqata", "økonomiudvalg"}
    assert set(meeting_facts.aspects("Hvor holdt Qeqqata Kommunias Økonomiudvalg møde den 24. april 2025, og "
                                     "hvornår begyndte mødet?", known)) == {"venue", "time"}


def test_a_region_as_subject_is_searched_beside_the_towns_it_names() -> None:
    q = understand("Is Region Syddanmark cutting the regional bus between Tønder and Højer, according to its "
                   "Forretningsudvalg in June 2025?")
    assert q.filters.municipalities[0] == "Region Syddanmark" and "Tønder" in q.filters.municipalities
    # a region the question only cites is no filter
    cited = understand("Hvor mange borgere i Tønder Kommune mangler en læge ifølge Region Syddanmark?")
    assert cited.filters.municipalities == ["Tønder"]
