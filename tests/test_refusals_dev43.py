"""Near misses from the blind dev43 round (session 19): a street address asked of an item that gives only a plot
number, and when a meeting ended asked of minutes with no closing line ("Mødet hævet kl. 21.30"). Each beside a
twin the item does answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import asked_values
from assistant.container import Container
from tests.helpers import ingest_text

MINUTES = """Greve Kommune
Referat af Klima-, Teknik- og Miljøudvalget den 5. september 2024

Punkt 1: Midlertidige pavilloner til daginstitutionen Solsikken
Sagsfremstilling
Der søges om byggetilladelse til midlertidige pavilloner på matrikel 9lm Hundige By, mens institutionen renoveres.
Beslutning i Klima-, Teknik- og Miljøudvalget den 05-09-2024
Godkendt.

Punkt 2: Forbud mod udbringning af slam
Sagsfremstilling
Marken ved Gjeddesdalsvej 85 ligger i et område med særlige drikkevandsinteresser.
Beslutning i Klima-, Teknik- og Miljøudvalget den 05-09-2024
Godkendt.
Mødet hævet kl. 19.45.
"""


@pytest.fixture()
def greve(container: Container, tmp_path: Path) -> Container:
    return ingest_text(container, tmp_path / "greve.txt", MINUTES)


def test_an_address_needs_a_street_and_number(greve: Container) -> None:
    assert asked_values.asked("Hvad er adressen på daginstitutionen?") == "address"
    assert asked_values.asked("Hvad er mailadressen til forvaltningen?") == "contact"
    plot = greve.service.ask("Hvad er adressen på pavillonerne til daginstitutionen Solsikken?")
    assert plot.refused and "adresse" in plot.answer
    street = greve.service.ask("Hvad er adressen på marken med forbud mod udbringning af slam?")
    assert not street.refused and "Gjeddesdalsvej 85" in street.answer


def test_when_a_meeting_ended_needs_a_closing_line() -> None:
    for question in ("Hvornår sluttede byrådsmødet den 1. oktober 2025?", "What time did the meeting end?",
                     "Hvornår blev mødet hævet?"):
        assert asked_values.asked(question) == "ended", question
    assert asked_values.asked("Hvornår begyndte mødet?") != "ended"
    assert asked_values.asked("Hvornår slutter høringen?") is None
    asked = "Hvornår sluttede mødet?"
    assert asked_values.unstated(asked, "Godkendt.\nMødet starter kl. 17.00 den 5. september.") == "ended"
    assert asked_values.unstated(asked, "Godkendt.\nMødet hævet kl. 19.45.") is None


def test_a_pool_s_total_is_no_sum_for_a_club_named_in_full() -> None:
    from assistant import traps

    text = ("Idrætspuljen: Der er indsendt 31 ansøgninger for i alt 1.596.201 kr. Udvalget følger indstillingen.\n"
            "Folkeoplysningsudvalget har behandlet ansøgningerne.\n"
            "Pauli Christensen forlod mødet ved behandlingen af ansøgningen fra Hundige Boldklub.")
    asked = "Hvor meget fik Hundige Boldklub bevilget fra Idrætspuljen?"
    names = ["Hundige", "Boldklub", "Idrætspuljen"]
    assert traps.amount_elsewhere(text, "Fordeling af puljer", "amount", asked, names) == "Hundige Boldklub"
    given = text + " Hundige Boldklub får 45.000 kr. til nye mål."
    assert traps.amount_elsewhere(given, "Fordeling af puljer", "amount", asked, names) is None
    # a single word beside a priced name is context, as before ("Idrætspuljen 2025 i Greve")
    pool = "Hvor meget var der i Idrætspuljen til Greve Fodbold?"
    assert traps.amount_elsewhere(text, "Fordeling af puljer", "amount", pool, ["Idrætspuljen", "Fodbold"]) is None


def test_who_asked_a_question_needs_a_name_beside_it() -> None:
    from assistant import views

    unnamed = "Spørgsmål blev besvaret på mødet, og et spørgsmål om støjtiltag blev sendt til skriftlig besvarelse."
    asked = "Hvem stillede spørgsmålet om støjtiltag ved spørgetiden?"
    assert views.asker_unnamed(asked, unnamed)
    assert asked_values.not_stated(asked, unnamed, unnamed, "", "da") == "hvem der stillede spørgsmålet"
    assert not views.asker_unnamed(asked, unnamed + " Spørgsmålet blev stillet af Jens Hansen.")
    assert not views.asker_unnamed(asked, "Enhedslisten (Ø) har stillet spørgsmål om støjtiltag.")
    # an item that speaks of no question at all is judged by the other checks, not this one
    assert not views.asker_unnamed("Hvem stillede forslaget?", "Liselott Blixt (UP1) fremsætter et forslag.")


def test_the_new_holder_of_a_role_is_named_where_the_role_is_called_new() -> None:
    from assistant import views

    told = ("Lederne deltager: Marianne Mouritsen fra Nældebjerg plejecenter. Hanne Staanum og ny leder fra Fribo "
            "Greve friplejehjem.")
    assert views.role_unnamed("og hvad hedder den nye leder derude?", told) == "leder"
    assert views.role_unnamed("Hvad hedder den nye leder på Fribo Greve?", told) == "leder"
    assert views.role_unnamed("Hvem er den nye skoleleder?", "Mette Kragh er ansat som ny skoleleder.") is None
    assert views.role_unnamed("Hvad hedder den nye leder?", "Den nye leder Hanne Staanum deltager.") is None
    # a role asked without "new" is named by any line naming a person beside it, as before
    assert views.role_unnamed("Hvem er formand?", "Formand: Jens Hansen (V) og næstformand Ole Sand") is None
