"""Evidence selection inside one item: the passage that holds what was asked, verbatim, with its section."""

from __future__ import annotations

from datetime import date

from assistant.evidence import passages, quote, select
from assistant.verify import quote_in
from core.model import AgendaItem, Decision, Section
from ingest.items import render_text


def _item() -> AgendaItem:
    item = AgendaItem(
        number="4", order=4, title="Ny hal i Nordby",
        sections=[
            Section(name="Resumé", heading="Resumé", text="Idrætsforeningen ønsker en ny hal i Nordby. "
                    "Hallen skal stå klar i august 2027."),
            Section(name="Sagsfremstilling", heading="Sagsfremstilling",
                    text="Foreningen har 640 medlemmer, heraf 410 børn. Hallen bliver 12 meter høj.\n"
                         "Projektet omfatter:\n- en hal på 1.800 m²\n- omklædningsrum\n- et mødelokale"),
            Section(name="Økonomi", heading="Økonomi", text="Anlægsudgiften er 24,5 mio. kr., heraf betaler "
                    "foreningen 3 mio. kr. Driften koster 0,8 mio. kr. om året."),
        ],
        decisions=[Decision(body="Kultur- og Fritidsudvalget", date=date(2024, 5, 1), text="Anbefales.",
                            outcome="approved"),
                   Decision(body="Byrådet", date=date(2024, 5, 20), text="Godkendt. Imod stemte Ø.",
                            outcome="approved")],
    )
    item.text = render_text(item)
    return item


def test_passages_keep_their_section_and_decision() -> None:
    found = passages(_item(), "2024-05-20")
    money = next(p for p in found if "24,5 mio" in p.text)
    assert money.section == "Økonomi" and money.decision == ""
    own = next(p for p in found if p.text.startswith("Godkendt"))
    assert own.decision == "own"
    assert next(p for p in found if p.text == "Anbefales.").decision == "earlier"


def test_the_amount_not_the_decision() -> None:
    got = quote(select(_item(), "Hvad koster hallen at bygge?", "amount", "2024-05-20"))
    assert "24,5 mio. kr." in got and "Godkendt" not in got


def test_count_measure_date() -> None:
    item = _item()
    assert "640 medlemmer" in quote(select(item, "Hvor mange medlemmer har foreningen?", "count", "2024-05-20"))
    assert "12 meter" in quote(select(item, "Hvor høj bliver hallen?", "measure", "2024-05-20"))
    assert "august 2027" in quote(select(item, "Hvornår skal hallen stå klar?", "date", "2024-05-20"))


def test_a_list_brings_its_entries() -> None:
    got = quote(select(_item(), "Hvad omfatter projektet?", "list", "2024-05-20"))
    assert "omklædningsrum" in got and "mødelokale" in got


def test_yes_no_prefers_this_meetings_decision() -> None:
    got = quote(select(_item(), "Godkendte byrådet hallen?", "yesno", "2024-05-20"))
    assert "Godkendt" in got


def test_every_quote_is_verbatim() -> None:
    item = _item()
    for q, kind in [("Hvad koster driften?", "amount"), ("Hvad omfatter projektet?", "list"),
                    ("Hvem stemte imod?", "vote")]:
        assert quote_in(quote(select(item, q, kind, "2024-05-20")), item.text)
