"""Facts asked from inside an item's body (calibration set dev13, written blind): the firm that does the work, the
member who proposed, the grant per person, the stated reason; and names and frame words a topic check must read
right. Each a pure function of question and item text."""

from __future__ import annotations

from datetime import date

from assistant import salient, topics
from assistant.answer_kind import answer_kind
from assistant.evidence import quote, select
from core.model import AgendaItem, Decision, Section
from eval import runner
from eval.questions import Question
from ingest.items import render_text


def _item() -> AgendaItem:
    item = AgendaItem(
        number="3", order=3, title="Tryghedsvagter i Sorø",
        sections=[
            Section(name="Sagsfremstilling", heading="Sagsfremstilling",
                    text="Udvalget besluttede i oktober at etablere tryghedsvagter på stationen og i bymidten. "
                         "Vagterne skal patruljere fredag og lørdag aften og samarbejde med politiet. "
                         "Kommunen har nu, efter udbud, indgået kontrakt med Nordvagt om at varetage opgaven. "
                         "Tryghedsvagterne begynder den 1. maj."),
            Section(name="Vurdering", heading="Vurdering",
                    text="Ordningen med tryghedsvagter i bymidten anbefales ikke udvidet til landsbyerne pga. få "
                         "henvendelser fra borgerne. Tryghedsvagterne i bymidten fortsætter uændret."),
            Section(name="Økonomi", heading="Økonomi",
                    text="For hver borger i job i seks måneder modtager kommunen et tilskud på 89.000 kr. "
                         "Ordningen koster 1,2 mio. kr. om året."),
        ],
        decisions=[Decision(body="Teknik- og Miljøudvalget", date=date(2025, 3, 25), text="Taget til efterretning.",
                            outcome="noted")],
    )
    item.text = render_text(item)
    return item


def test_a_firm_named_by_its_modifier_is_a_company_and_quoted_from_its_contract() -> None:
    for asked in ("Which security company won the contract for the safety guards?",
                  "Which audit firm audited the accounts?", "Which provider runs the Danish classes?"):
        assert answer_kind(asked) == "company"
    got = quote(select(_item(), "Which security company won the contract for the safety guards?", "company",
                       "2025-03-25"))
    assert "Nordvagt" in got


def test_which_member_is_a_person_and_a_grant_per_person_an_amount() -> None:
    assert answer_kind("Hvilket byrådsmedlem stillede Venstres forslag?") == "person"
    assert answer_kind("Which councillor proposed the speed limit?") == "person"
    assert answer_kind("What result subsidy does the municipality receive for each refugee who is in work?") == "amount"
    assert answer_kind("Which grants were approved?") == "list"


def test_a_reason_given_with_pga_is_a_reason() -> None:
    got = quote(select(_item(), "Hvorfor udvides tryghedsvagterne ikke til landsbyerne?", "explanation",
                       "2025-03-25"))
    assert "pga. få henvendelser" in got


def test_a_hyphenated_name_is_its_head_and_a_count_statement_no_topic() -> None:
    assert salient.salient_names("Hvad betaler jobcentret for Cabi-forløbet?") == ["Cabi"]
    assert salient.salient_names("Hvad koster KMD-systemerne?") == ["KMD"]
    assert "opgørelsen" not in topics.topic_nouns("Hvor mange elever var der ved opgørelsen i efteråret?", "da")


def test_a_committee_printed_with_its_council_period_is_the_same_committee() -> None:
    q = Question(id="x", question="?", municipality="Esbjerg", meeting_date="2024-01-16", item_number="6",
                 committee="Social & Arbejdsmarkedsudvalget 2022-2025")
    assert runner.is_gold(q, runner.Ref("Esbjerg", "2024-01-16", "6", 6, committee="Social & Arbejdsmarkedsudvalget"))
    assert not runner.is_gold(q, runner.Ref("Esbjerg", "2024-01-16", "6", 6, committee="Børne- og Skoleudvalget"))


def test_a_list_inside_a_sentence_answers_which() -> None:
    item = AgendaItem(number="3", order=3, title="Sundhedspolitik", sections=[
        Section(name="Sagsfremstilling", heading="Sagsfremstilling",
                text="Politikken sætter retningen for flere gode leveår gennem fire centrale pejlemærker: Sunde "
                     "rammer, Sammen om sundhed, Livsglæde og fællesskaber, samt Lighed i sundhed.\n"
                     "Handleplanen omsætter visionerne under de fire pejlemærker til handlinger i forhold til:\n"
                     "- nuværende indsatser\n- nye indsatser\n- indsatser uden finansiering")])
    item.text = render_text(item)
    got = quote(select(item, "Hvilke fire pejlemærker bygger handleplanen på?", "list", "2025-03-25"))
    assert "Sunde rammer" in got and "Lighed i sundhed" in got
