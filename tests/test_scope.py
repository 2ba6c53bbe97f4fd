"""The asked year against the quoted year, and committees a question names against the stored ones."""

from __future__ import annotations

from assistant import bodies, scope
from core.model import AgendaItem

GREVE = ["Byråd 2022-2025", "Klima-, Teknik- og Miljøudvalget", "Kultur- og Fritidsudvalget",
         "Skole-, Børne- og Ungeudvalget", "Sundheds- og Omsorgsudvalget", "Beskæftigelses- og Erhvervsudvalget"]


def _item() -> AgendaItem:
    text = ("Punkt 3: Stop Spild Lokalt\n"
            "I 2023 vandt Stop Spild Lokalt kommunens Grønne Fællesskabspris.\n"
            "Foreningen fik i 2022 et tilskud på 10.000 kr.\n"
            "Rammen for 2024-2027 er uændret.\n")
    return AgendaItem(order=3, number="3", title="Stop Spild Lokalt", text=text)


def test_only_a_year_scoped_by_a_preposition_is_a_scope() -> None:
    assert scope.scoped_years("Hvem vandt prisen i 2024?") == ["2024"]
    assert scope.scoped_years("What did the council decide on budget 2026 in October 2025?") == []
    assert scope.scoped_years("Hvad blev besluttet om Samarbejdsplan 2025/2026?") == []


def test_a_quote_about_another_year_is_replaced_or_refused() -> None:
    item, quote = _item(), "I 2023 vandt Stop Spild Lokalt kommunens Grønne Fællesskabspris."
    assert scope.rescope(item, "Hvem vandt Den Grønne Fællesskabspris i 2023?", quote, "2024-09-09") == (quote, [])
    assert scope.rescope(item, "Hvem vandt Den Grønne Fællesskabspris i 2024?", quote, "2024-09-09") == (None, ["2024"])
    got, _ = scope.rescope(item, "Hvor stort var tilskuddet til foreningen i 2022?", quote, "2024-09-09")
    assert got == "Foreningen fik i 2022 et tilskud på 10.000 kr."
    # a range covers its years; a question about the meeting's own year is not refused for a quote naming none
    assert scope.rescope(item, "Hvad er rammen i 2025?", "Rammen for 2024-2027 er uændret.", "2024-09-09")[1] == []
    assert scope.rescope(item, "Hvad skete der i 2024?", "Foreningen lukker.", "2024-09-09")[1] == []


def test_committees_are_matched_by_the_stems_people_use() -> None:
    assert bodies.unmatched("Hvad besluttede teknikudvalget?", GREVE) == []
    assert bodies.unmatched("Har Greves skoleudvalg besluttet det?", GREVE) == []
    assert bodies.unmatched("What did Greve's employment committee decide?", GREVE) == []
    assert bodies.unmatched("Hvad besluttede Kultur- og Idrætsudvalget?", GREVE) == []  # one shared stem will do
    assert bodies.unmatched("Hvad besluttede Ældreudvalget i Greve?", GREVE) == ["Ældreudvalget"]
    assert bodies.unmatched("Hvad besluttede Teknisk Udvalg i Aarhus?", ["Aarhus Byråd"]) == ["Teknisk Udvalg"]
    assert bodies.unmatched("Hvad skete under Eventuelt i Lejres Udvalget for Job & Arbejdsmarked?",
                            ["Udvalget for Job & Arbejdsmarked"]) == []
    assert bodies.named("Hvad besluttede udvalget?") == []  # no name, nothing to check
    assert bodies.named("What did the zorblax committee decide?") == []  # a word we cannot put in Danish
    assert bodies.named("What did Esbjerg's finance committee decide?") == [("finance committee", ["oekonomi"])]
    assert bodies.named("hvad besluttede social sundhed og ældre udvalget?") == [("sundhed og ældre udvalget",
                                                                                  ["sundhed", "aeldre"])]
    assert bodies.named("hvad sagde borgmesteren og udvalget?") == []


def test_a_committee_an_item_names_counts_unless_its_decision_is_asked() -> None:
    text = ["Folkeoplysningsudvalget anbefaler følgende fordeling af puljen."]
    assert bodies.unmatched("Hvem i Folkeoplysningsudvalget forlod mødet?", GREVE, text) == []
    assert bodies.unmatched("Hvem i Folkeoplysningsudvalget forlod mødet?", GREVE) == ["Folkeoplysningsudvalget"]




def test_an_english_committee_name_may_be_any_of_its_danish_words() -> None:
    region = ["FORRETNINGSUDVALGET"]
    assert bodies.unmatched("What did Region Hovedstaden's business committee decide?", region) == []
    assert bodies.unmatched("What did Region Hovedstaden's culture committee decide?", region) != []


def test_a_kind_of_committee_names_none() -> None:
    """"Hvilket fagudvalg behandlede sagen?" asks which committee; it names none the store must hold."""
    assert bodies.named("Hvilket fagudvalg behandlede sagen før Økonomiudvalget?") == [("Økonomiudvalget",
                                                                                        ["oekonomi"])]
    assert bodies.named("Har et stående udvalg eller et politisk udvalg set sagen?") == []
    assert bodies.unmatched("Hvilket fagudvalg behandlede sagen?", ["Kommunalbestyrelsen"]) == []
    assert bodies.unmatched("Hvad besluttede Ældreudvalget?", ["Kommunalbestyrelsen"]) == ["Ældreudvalget"]
