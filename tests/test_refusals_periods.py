"""An item titled for one period, asked about another, whose best passage names no period at all: refused, naming the
periods found (the passage alone cannot tell which period it counts). A case-number question is no count question:
its answer is the case number, which counts nothing."""

from __future__ import annotations

from pathlib import Path

from assistant.container import Container
from tests.helpers import ingest_text

SANCTIONS = """Greve Kommune
Referat af Beskæftigelses- og Erhvervsudvalget den 8. september 2025

Punkt 3: Rådighedssanktioner i perioden 2. kvartal 2024 til 1. kvartal 2025
Sagsnr. 25-004411
Sagsfremstilling
I denne opgørelsesperiode har 7,2 procent af kontanthjælpsmodtagerne fået en eller flere sanktioner.
Sammenlignet med forrige opgørelsesperiode (4. kvartal 2023 – 3. kvartal 2024) ligger niveauet stort set uændret.
Administrationen vil om et halvt år forelægge en ny opgørelse for perioden 4. kvartal 2024 – 3. kvartal 2025.
Beslutning i Beskæftigelses- og Erhvervsudvalget den 08-09-2025
Taget til efterretning.
"""


def test_a_period_the_title_does_not_cover_is_refused_when_the_passage_names_none(container: Container,
                                                                                   tmp_path: Path) -> None:
    town = ingest_text(container, tmp_path / "greve.txt", SANCTIONS)
    asked = town.service.ask("Hvor mange sanktioner fik kontanthjælpsmodtagere i Greve i perioden 4. kvartal 2024 "
                             "til 3. kvartal 2025?")
    head = asked.answer.split("\n")[0]
    assert asked.refused and "kvartal 3" in head and "kvartal 1, kvartal 2" in head
    covered = town.service.ask("Hvor stor en andel af kontanthjælpsmodtagerne i Greve fik sanktioner i perioden "
                               "2. kvartal 2024 til 1. kvartal 2025?")
    assert not covered.refused and "7,2 procent" in covered.answer


def test_a_case_number_question_is_answered_by_the_number(container: Container, tmp_path: Path) -> None:
    town = ingest_text(container, tmp_path / "greve.txt", SANCTIONS)
    asked = town.service.ask("What is the case number of Rådighedssanktioner i perioden 2. kvartal 2024 til "
                             "1. kvartal 2025 in Greve?")
    assert not asked.refused and "25-004411" in asked.answer
