"""Evidence selection inside one item: the passage that holds what was asked, verbatim, with its section."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from assistant.evidence import CONFIG, passages, quote, select
from assistant.unanswered import states_unknown
from assistant.value_kinds import new_values
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


def test_a_list_is_quoted_whole_even_when_a_passage_restating_the_question_scores_higher() -> None:
    item = AgendaItem(number="20", order=20, title="Samarbejdsplan 2026", sections=[
        Section(name="Sagsbeskrivelse", heading="Sagsbeskrivelse",
                text="Nordby Politi og kommunerne i politikredsen har godkendt planen på kredsrådsmødet.\n"
                     "De tre indsatsområder i planen er:\n- Forebyggelse af misbrug\n- Unges risikoadfærd\n"
                     "- Vold i nære relationer")])
    item.text = render_text(item)
    got = quote(select(item, "What are the three focus areas in the plan of Nordby Politi and the municipalities?",
                       "list", "2024-05-20"))
    assert all(x in got for x in ("misbrug", "risikoadfærd", "Vold i nære relationer"))


def test_yes_no_prefers_this_meetings_decision() -> None:
    got = quote(select(_item(), "Godkendte byrådet hallen?", "yesno", "2024-05-20"))
    assert "Godkendt" in got


def test_every_quote_is_verbatim() -> None:
    item = _item()
    for q, kind in [("Hvad koster driften?", "amount"), ("Hvad omfatter projektet?", "list"),
                    ("Hvem stemte imod?", "vote")]:
        assert quote_in(quote(select(item, q, kind, "2024-05-20")), item.text)


def _plan() -> AgendaItem:
    item = AgendaItem(
        number="2", order=2, title="Lokalplan 14.54 for Nordby etape 3",
        sections=[
            Section(name="Sagsfremstilling", heading="Sagsfremstilling",
                    text="Forslaget til Lokalplan 14.54 for Nordby etape 3 har været i høring i 8 uger. "
                         "Samlet giver planen mulighed for op til 120 nye boliger. "
                         "Rådgiveren Byplan Nord ApS har udarbejdet miljørapporten for etape 3."),
            Section(name="Økonomi", heading="Økonomi", text="Udgiften til byggemodning er 2,1 mio. kr. "
                    "Indkomstskatteprocenten er uændret 24,9 pct."),
            Section(name="Indstilling", heading="Indstilling",
                    text="1. at lokalplanen vedtages.\n2. at den faste mødedag for følgegruppen bliver onsdag kl. 9."),
        ],
        decisions=[Decision(body="Planudvalget", date=date(2024, 6, 3), text="1. Godkendt.\n2. Godkendt.",
                            outcome="approved")],
    )
    item.text = render_text(item)
    return item


def test_the_answer_is_a_value_the_question_does_not_already_state() -> None:
    """'How many homes does local plan 14.54 allow?' is answered by 120, not by the 14.54 or the 3 it names."""
    got = quote(select(_plan(), "How many homes does local plan 14.54, Nordby stage 3, allow in total?", "count",
                       "2024-06-03"))
    assert "120 nye boliger" in got


def test_shares_in_pct_and_companies() -> None:
    assert "24,9 pct." in quote(select(_plan(), "Hvilken skatteprocent er lagt ind?", "percent", "2024-06-03"))
    got = quote(select(_plan(), "Which company prepared the environmental report?", "company", "2024-06-03"))
    assert "Byplan Nord ApS" in got


def test_new_values_ignore_what_the_question_names() -> None:
    assert new_values("count", "Lokalplan 14.54 giver 120 boliger", "Hvor mange boliger giver lokalplan 14.54?") \
        == {"120"}
    assert new_values("person", "Aarhus Byråd og Anna Holm", "Hvem i Aarhus Byråd?") == {"anna holm"}
    # cue words of a kind (absent, vote) are not values: repeating them in the question keeps them
    assert new_values("absent", "Jan Holm forlod mødet", "Hvem forlod mødet?")


def test_a_figure_not_known_yet_is_said_not_guessed() -> None:
    assert states_unknown("Udgifterne til selve kystbeskyttelsen kendes endnu ikke.", "amount",
                          "Hvad koster kystbeskyttelsen?")
    assert states_unknown("Prisen for broen er endnu ikke opgjort.", "amount", "What is the price of the bridge?")
    assert not states_unknown("Udgiften kendes ikke endeligt, men anslås til 3 mio. kr.", "amount",
                              "Hvad er udgiften?")
    assert not states_unknown("Sagen er ikke afklaret.", "decision", "Hvad besluttede udvalget?")


def test_a_section_the_question_names_holds_the_answer() -> None:
    got = quote(select(_plan(), "Hvad indstiller forvaltningen?", "fact", "2024-06-03"))
    assert got.startswith("1. at lokalplanen vedtages.")


def test_how_a_case_went_is_every_bodys_decision_in_date_order() -> None:
    from assistant.quotes import decision_trail

    trail = decision_trail(_item(), "2024-05-20")
    assert trail is not None
    first, second = trail.split(" … ")
    assert first.endswith("Anbefales.") and "Kultur- og Fritidsudvalget" in first
    assert second.startswith("Beslutning i Byrådet") and "Imod stemte Ø." in second
    assert decision_trail(_plan(), "2024-06-03") is None  # one decision is not a history


def test_a_figure_not_known_is_said_even_beside_a_figure_for_something_else() -> None:
    quote_text = ("Der er bevilget 1 mio. kr. til beskyttelse mod stormflod. … "
                  "Udgifterne til selve kystbeskyttelsen kendes endnu ikke.")
    assert states_unknown(quote_text, "amount", "Hvad kommer selve kystbeskyttelsen til at koste?")
    assert not states_unknown(quote_text, "amount", "Hvad koster den nye skole?")  # not about what was asked


def test_a_value_question_the_passage_does_not_answer_is_flagged() -> None:
    from assistant.unanswered import lacks_value

    assert lacks_value("Der er fundet skimmelsvamp i Fortmesterboligen.", "amount",
                       "Hvad vil det koste at fjerne skimmelsvampen i Fortmesterboligen?")
    assert lacks_value("Opgaven løses i tæt samarbejde med en trafikrådgiver.", "company",
                       "Hvilket rådgivningsfirma lavede analysen?")
    assert not lacks_value("Opgaven løses af Vagtteam DK A/S.", "company", "Which company won the contract?")
    assert not lacks_value("25 procent af tilskuddet er knyttet til resultatkrav.", "amount",
                           "Hvor meget af tilskuddet er knyttet til resultatkrav?")  # a share answers it too
    assert not lacks_value("Halvdelen af pladserne går til ældre.", "count", "How many of the places go to elderly?")
    # the question's own figure is not an answer; "who was absent when" asks for names, not a date
    assert lacks_value("Lokalplan 14.54 omfatter Tværhøjvej.", "count", "Hvor mange boliger giver lokalplan 14.54?")
    assert not lacks_value("Fraværende: Ingen.", "date", "Who was absent when the committee met in May?")
    # a compound question is answered part by part; this check is for one-part questions
    assert not lacks_value("Der er fundet skimmelsvamp.", "amount", "Hvad koster det, og hvem betaler?")


def test_a_question_sent_for_a_written_answer_is_not_answered_by_the_minutes() -> None:
    quote_text = "Spørgsmål blev besvaret på mødet, og et spørgsmål om støjtiltag blev sendt til skriftlig besvarelse."
    assert states_unknown(quote_text, "fact", "Hvad svarede byrådet borgeren om støjtiltag?")
    assert not states_unknown(quote_text, "fact", "Hvad skete der i spørgetiden?")


def test_a_year_inside_a_name_does_not_say_when() -> None:
    from assistant.unanswered import holds_value, lacks_value

    asked = "Hvornår forventes vindmøllerne sat op?"
    assert not holds_value("date", "Arbejdet henvises til et tillæg til Kommuneplan 2025.", asked)
    assert holds_value("date", "Møllerne forventes opstillet i 2027.", asked)
    assert holds_value("date", "Panelet igangsættes inden udgangen af 2024.", asked)
    why = "Hvorfor fik projektet et merforbrug?"
    assert lacks_value("Projektet fik et merforbrug på 32.121 kr.", "explanation", why)
    assert not lacks_value("Merforbruget skyldes prisstigninger.", "explanation", why)


def test_titles_of_empty_sub_items_are_no_answer_unless_asked_for() -> None:
    from assistant.quotes import has_content

    item = AgendaItem(order=2, number="2", title="GetOrganized",
                      text="2. GetOrganized\n2.1 Status siden sidst\n2.3 Status over udviklingsønsker\n")
    quote_text = "2.1 Status siden sidst … 2.3 Status over udviklingsønsker"
    assert not has_content(quote_text, item)
    assert has_content(quote_text, item, titles=True)


def test_an_outcome_the_minutes_describe_as_still_to_come_is_not_answered() -> None:
    from assistant.unanswered import still_to_come

    coming = "KLAR Forsyning A/S orienterer om det kommende udbud af affaldsindsamlingen."
    assert still_to_come(coming, "Hvilket firma vandt udbuddet af affaldsindsamlingen?")
    assert not still_to_come("I 2023 vandt foreningen prisen.", "Hvem vandt prisen?")  # an outcome is named
    assert not still_to_come(coming, "Hvem orienterede om udbuddet?")  # no outcome asked
    planned = "Målingen gennemføres som en online spørgeskemaundersøgelse blandt borgere over 15 år."
    assert still_to_come(planned, "Hvad viste tryghedsmålingen?")


def test_a_value_the_item_leaves_to_be_set_later_is_said_not_taken_from_elsewhere() -> None:
    from assistant.unanswered import left_open

    text = ("Ravnbakkeskolen åbner pr. 1. august 2026.\n"
            "Fristen for at søge et skoleskift til Ravnbakkeskolen fastlægges af Børn og Unge.")
    question = "Hvornår er ansøgningsfristen for skoleskift til Ravnbakkeskolen?"
    assert left_open(text, "Ravnbakkeskolen åbner pr. 1. august 2026.", "date", question) == (
        "Fristen for at søge et skoleskift til Ravnbakkeskolen fastlægges af Børn og Unge.")
    # a quoted passage naming the deadline with a date answers it; a question not naming the value is not judged
    dated = "Fristen for at søge er 1. marts 2026."
    assert left_open(text + "\n" + dated, dated, "date", question) is None
    assert left_open(text, "Ravnbakkeskolen åbner pr. 1. august 2026.", "date", "Hvornår åbner skolen?") is None


def test_an_application_is_not_a_grant() -> None:
    from assistant.unanswered import only_applied

    text = ("Det godkendes, at Vallensbæk Kommune gives fuldmagt til at ansøge Statens Kystpulje 2024 om støtte.\n"
            "Der er afsat 1 mio. kr. i anlægsprojektet.")
    assert only_applied(text, "Fik kommunerne tilskud fra Statens Kystpulje 2024?") is not None
    assert only_applied(text, "Did Greve receive money from Statens Kystpulje?") is not None
    granted = text + "\nKommunerne har fået tilsagn om 4 mio. kr. fra Statens Kystpulje."
    assert only_applied(granted, "Fik kommunerne tilskud fra Statens Kystpulje 2024?") is None
    # no source named, or not asked whether it was received: not judged
    assert only_applied(text, "Fik kommunerne tilskud?") is None
    assert only_applied(text, "Hvad besluttede udvalget om Statens Kystpulje?") is None


def test_a_count_must_count_what_was_asked() -> None:
    from assistant.counted import uncounted

    text = "Der godkendes en indtægtsbevilling på 100.000 kr. til udstillingen, som åbner i 2 sale."
    assert uncounted(text, "count", "How many visitors did the exhibition attract?")
    assert uncounted(text, "count", "Hvor mange besøgende havde udstillingen?")
    assert not uncounted(text + " Udstillingen havde 4.200 besøgende.", "count", "Hvor mange besøgende havde den?")
    assert not uncounted("Der etableres 10 nye midlertidige pladser.", "count", "Hvor mange pladser etableres?")
    # the counted thing is not named (a verb follows) or too general to judge
    assert not uncounted(text, "count", "Hvor mange anbefalede udvalget at bruge?")
    assert not uncounted(text, "count", "How many people got a job?")


def test_when_something_starts_is_found_in_other_words_for_starting() -> None:
    item = AgendaItem(number="3", order=3, title="Tryghedsvagter", sections=[
        Section(name="Resumé", heading="Resumé", text="Udvalget fik en orientering den 4. februar 2025."),
        Section(name="Sagsbeskrivelse", heading="Sagsbeskrivelse",
                text="Kommunen har indgået aftale med en leverandør. Opstarten er planlagt til den 1. april 2025.")])
    item.text = render_text(item)
    got = quote(select(item, "Hvornår går tryghedsvagterne i gang?", "date", "2025-03-25"))
    assert "Opstarten er planlagt til den 1. april 2025." in got
    from assistant.evidence import _weight

    assert _weight("gang", {"opstart", "planlag"}, set()) == 1.0  # "går i gang" is held by "Opstarten"
    assert _weight("gang", {"orientering"}, set()) == 0.0


def test_the_recommendation_is_the_indstilling_not_a_section_headed_forslag() -> None:
    from assistant.quotes import proposal_quote

    item = AgendaItem(number="14", order=14, title="Svar på forslag om metro", sections=[
        Section(name="Beslutningsforslag", heading="BESLUTNINGSFORSLAG FRA RV", text="Udspillet undersøger metro."),
        Section(name="Indstilling", heading="Beslutningspunkter", text="At 1) forslaget afvises.")])
    assert proposal_quote(item) == "At 1) forslaget afvises."


def test_the_decisions_own_figure_overrules_the_proposal() -> None:
    item = AgendaItem(number="3", order=3, title="Salg af byggegrunde", sections=[
        Section(name="Sagsfremstilling", heading="Sagsfremstilling",
                text="Kommunen vil have en mindstepris for grundene, som foreslås fastsat til 1.150 kr. pr. m2.")],
        decisions=[Decision(body="Økonomiudvalget", date=date(2024, 4, 15),
                            text="Anbefales, dog med en mindstepris på 1.250 kr. pr. m2.", outcome="approved")])
    item.text = render_text(item)
    from dataclasses import replace

    from assistant.evidence import CONFIG

    one = replace(CONFIG, max_passages=1)  # the best passage alone
    got = quote(select(item, "Hvilken mindstepris vil kommunen have for grundene?", "amount", "2024-04-15", cfg=one))
    assert got.startswith("Anbefales, dog med en mindstepris på 1.250 kr.")


def test_an_outcome_asked_of_an_item_that_only_plans_it_is_still_to_come() -> None:
    from assistant.unanswered import still_to_come

    planned = "Som en del af budgetforliget blev det vedtaget, at mulighederne for en bro skulle undersøges."
    assert still_to_come(planned, "Blev broen bygget, og hvornår åbnede den?")
    assert still_to_come("Lokalplanen henvises til et kommende kommuneplantillæg.",
                         "When were the first wind turbines put up?")
    assert not still_to_come("Broen blev indviet den 1. maj 2024.", "Blev broen bygget?")  # the outcome is told
    assert not still_to_come(planned, "Hvad besluttede byrådet om broen?")  # no outcome asked


def test_weekdays_and_clock_ranges_answer_when() -> None:
    assert new_values("date", "Vagterne går på gaden torsdag, fredag og lørdag kl. 15.00-24.00.", "Hvornår?")
    assert "15.00-24.00" in new_values("date", "Vagterne er på arbejde 15.00-24.00.", "Hvornår går de på gaden?")


def test_which_days_and_times_are_answered_by_weekdays_and_a_clock_range() -> None:
    item = AgendaItem(number="3", order=3, title="Tryghedsvagter", sections=[
        Section(name="Sagsfremstilling", heading="Sagsfremstilling",
                text="Tryghedsvagterne vil som udgangspunkt være i funktion på de tidspunkter, hvor utrygheden "
                     "opleves som størst. Det vil sige torsdag, fredag og lørdag indenfor tidsrummet 15.00-24.00. "
                     "Administrationen vil give en status på arbejdet, hvilke områder vagterne har kørt i, på mødet "
                     "i juni 2025. Igangsætningen kan blive udskudt til den 10. april 2025.")])
    item.text = render_text(item)
    got = quote(select(item, "On which days and at what times will the security guards be on patrol?", "date"))
    assert "torsdag, fredag og lørdag" in got and "15.00-24.00" in got
    from assistant.evidence import _weight
    from assistant.terms import prefixes

    weekday = {"torsdag", "fredag"}
    assert _weight("dag", weekday, prefixes(weekday)) > 0  # "which days" is asked with the word "day"


def test_dates_clock_times_and_case_numbers_count_nothing() -> None:
    from assistant.counted import uncounted

    spørgetid = "Punkt 5 Spørgetid - start klokken 19.00. Borgere i kommunen kan stille spørgsmål til byrådet."
    assert uncounted(spørgetid, "count", "Hvor mange borgere stillede spørgsmål i spørgetiden?")
    høring = "Budgettet har været i høring fra den 20. august 2025 til den 10. september 2025. Høringssvar fremgår."
    assert uncounted(høring, "count", "Hvor mange høringssvar kom der ind?")
    assert not uncounted(høring + " Der kom 14 høringssvar.", "count", "Hvor mange høringssvar kom der ind?")
    sag = "Sagsnr. 24-19955. Lokalplanforslaget giver plads til nye arbejdspladser."
    assert uncounted(sag, "count", "Hvor mange arbejdspladser skabes der?")
    assert not uncounted(sag.replace("nye", "400 nye"), "count", "Hvor mange arbejdspladser skabes der?")
    # a figure a few words after the thing still counts it
    assert not uncounted("Antallet af ledige forventes at stige fra 780 til 850 personer.", "count",
                         "Hvor mange ledige forventes der næste år?")
    # English: one word names the thing; two nouns ("citizen reports") leave it unclear, so no judgement
    assert uncounted("Elever, som på to workshops har udpeget udfordringer.", "count",
                     "How many pupils attend the school?") is False  # "to workshops" stands after "Elever"
    assert not uncounted("Der kom 642 henvendelser fra borgerne.", "count", "How many citizen reports came in?")


def test_a_measure_in_units_must_be_given_in_that_unit() -> None:
    from assistant.counted import uncounted

    text = "Marken ligger indenfor et område med 3 kildepladser og forsyner 40.000 personer med drikkevand."
    assert uncounted(text, "measure", "Hvor mange hektar er marken?")
    assert not uncounted(text + " Marken er på 12 ha.", "measure", "Hvor mange hektar er marken?")
    assert not uncounted("Klubhuset bliver på 1.200m2.", "measure", "Hvor mange kvadratmeter bliver klubhuset?")
    assert uncounted("Klubhuset bliver i to etager.", "measure", "How many square metres will the clubhouse be?")
    assert not uncounted(text, "measure", "Hvor høj bliver masten?")  # no unit named: no judgement


def test_a_count_of_another_year_or_a_compound_the_thing_only_begins_counts_nothing() -> None:
    from assistant.counted import uncounted

    festival = "Foreningen søger tilskud til festivalen. Festivalen havde 21.000 gæster i 2024."
    assert uncounted(festival, "count", "Hvor mange gæster kom der til festivalen i 2025?")
    assert not uncounted(festival, "count", "Hvor mange gæster kom der til festivalen i 2024?")
    assert not uncounted("I perioden 2025-28 forventes 120 unge omfattet.", "count",
                         "Hvor mange unge omfattes i 2026?")  # a range holds the year asked
    pulje = "Forvaltningen forventer at kunne støtte ca. 24 gårdrum. Ansøgningsfristen er 1. marts 2025."
    assert uncounted(pulje, "count", "Hvor mange ansøgninger kom der til puljen?")  # a deadline, another sentence
    assert not uncounted("Der kom 31 byggeansøgninger.", "count", "Hvor mange ansøgninger kom der?")
    assert not uncounted("Tre projekter er afsluttet.", "count", "Hvor mange vandløbsprojekter blev færdige?")
    assert not uncounted("Pavillonerne består af 34 pavillonenheder.", "count", "Hvor mange enheder er det?")


def test_a_count_compound_and_a_table_header_still_count_the_thing() -> None:
    from assistant.counted import uncounted

    assert not uncounted("Elevtallet er 450 i år.", "count", "Hvor mange elever går på skolen?")
    assert not uncounted("Skole | Elever\nHedelyskolen | 450", "count", "Hvor mange elever går på Hedelyskolen?")


def _grant() -> AgendaItem:
    item = AgendaItem(
        number="7", order=7, title="Aftale med Frivilligcentret 2026-28",
        sections=[
            Section(name="Sagsfremstilling", heading="Sagsfremstilling",
                    text="Kommunen yder et tilskud til centret på 0,4 mio. kr. årligt.\n"
                         "Centret får også et tilskud fra staten på 0,35 mio. kr. ved opstart.\n"
                         "Bevillingen budgetlægges med 2,5 mio. kr. i 2026 og 1,0 mio. kr. i 2027.\n"
                         "Anlægsbevillingen på i alt 30,7 mio. kr. finansieres af kassen."),
        ],
        decisions=[Decision(body="Byrådet", date=date(2025, 10, 1), text="Godkendt.", outcome="approved")],
    )
    item.text = render_text(item)
    return item


def test_a_yearly_figure_and_a_total() -> None:
    """'om året' finds 'årligt', 'samlet' finds 'i alt' (two stop words)."""
    best = replace(CONFIG, second_ratio=0.99)  # the best passage alone
    yearly = quote(select(_grant(), "frivilligcentret tilskud om året?", "amount", "2025-10-01", cfg=best))
    assert "0,4 mio. kr." in yearly and "0,35" not in yearly
    total = quote(select(_grant(), "samlet bevilling?", "amount", "2025-10-01", cfg=best))
    assert "30,7 mio. kr." in total and "2,5 mio. kr." not in total


def test_names_inside_a_sentence_answer_which_when_the_item_has_no_list() -> None:
    """"Which festivals get money?" of an item that lists none: the sentence naming two festivals is quoted, not the
    pool's total; an item with a list of its own keeps quoting the list."""
    item = AgendaItem(number="2", order=2, title="Kulturelle fyrtårne 2025-2027 - fordeling af tilskud", sections=[
        Section(name="Sagsfremstilling", heading="Sagsfremstilling",
                text="Puljen til kulturelle fyrtårne er på 4,8 mio. kr. årligt i perioden 2025-2027. Der er modtaget "
                     "14 ansøgninger om tilskud fra puljen.\nAdministrationen foreslår blandt andet 1,2 mio. kr. "
                     "årligt til Havnefestival Odense og 0,6 mio. kr. årligt til Fynske Litteraturdage.")])
    item.text = render_text(item)
    question = "Which festivals get money from Odense's cultural lighthouse pool for 2025-2027?"
    chosen = " ".join(p.text for p in select(item, question, "list", context="Odense By- og Kulturudvalget"))
    assert "Havnefestival Odense" in chosen and "Fynske Litteraturdage" in chosen
    listed = _item()  # "Projektet omfatter:" and its entries
    chosen = " ".join(p.text for p in select(listed, "Hvilke lokaler omfatter projektet i Nordby?", "list"))
    assert "omklædningsrum" in chosen


def test_people_are_counted_by_the_places_that_take_them() -> None:
    from assistant.counted import uncounted

    text = "Udvalget godkendte en udvidelse med 10 pladser, idet der er ledig kapacitet i børnehaverne."
    assert not uncounted(text, "count", "Hvor mange flere børn må børnehaven tage ind?")
    assert not uncounted(text, "count", "How many more children may the kindergarten take in?")
    # places count people, not things: a count of buses is not answered by places
    assert uncounted(text, "count", "Hvor mange busser kører der?")


def test_a_share_of_the_pupils_is_no_number_of_pupils() -> None:
    from assistant.counted import uncounted

    text = "Det gennemsnitlige fravær var 7,9 % i 2023/24 mod 8,3 % i 2022/23. 14 % af eleverne havde højt fravær."
    assert uncounted(text, "count", "Hvor mange elever startede i 0. klasse i skoleåret 2023/24?")
    assert not uncounted(text + " I alt 352 elever startede i 0. klasse.", "count",
                         "Hvor mange elever startede i 0. klasse i skoleåret 2023/24?")


def test_the_thing_counted_is_the_noun_after_its_adjective() -> None:
    from assistant.counted import counted, uncounted

    assert counted("hvor mange børnefaglige undersøgelser var overskredne?") == counted("hvor mange undersøgelser?")
    row = "Ultimo august 2023 | 42 % (30 ud af 71 igangværende undersøgelser)"
    assert not uncounted(row, "count", "hvor mange børnefaglige undersøgelsr var overskredne i aug 23")  # a slip
    assert uncounted("Ultimo august 2023 | 42 %", "count", "hvor mange børnefaglige undersøgelser var overskredne?")
