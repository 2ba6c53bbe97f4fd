"""Evidence that says nothing of what was asked: for "which party voted against?" the vote line naming the voters
is quoted, not a forwarding note; a case number on its own line is never evidence; a date or a reference counts
nothing."""

from __future__ import annotations

from datetime import date

from assistant.evidence import quote, select
from assistant.quotes import identifier_only
from core.model import AgendaItem, Decision, Section
from ingest.items import render_text


def _health_council() -> AgendaItem:
    item = AgendaItem(
        number="15", order=15, title="Udpegning til sundhedsråd",
        sections=[
            Section(name="Sagsnr", heading="Sagsnr.", text="EMN-2025-009824"),
            Section(name="Beslutningspunkter", heading="Beslutningspunkter",
                    text="At 1) Aarhus Byråd repræsenteres i sundhedsrådet ved rådmanden for Sundhed og Omsorg "
                         "og formanden for byrådet.\nAt 2) styrelsesvedtægten ændres."),
        ],
        decisions=[Decision(body="Magistraten", date=date(2025, 9, 23), outcome="approved",
                            text="Fremsendes til Aarhus Byråd med bemærkning, at Magistraten i mødet den 23. "
                                 "september 2025 anbefaler, at byrådet tiltræder Borgmesterens Afdelings indstilling "
                                 "af 8. september 2025.\nLiberal Alliance kunne ikke tiltræde indstillingens "
                                 "beslutningspunkt 1.\nDanmarksdemokraterne kunne ikke tiltræde beslutningspunkt 2.")],
    )
    item.text = render_text(item)
    return item


def test_which_party_is_answered_by_the_lines_naming_parties_not_the_forwarding_note() -> None:
    got = quote(select(_health_council(), "In the Magistrat, which parties could not back the recommendation on "
                       "who should represent the city council in the health council?", "vote", "2025-10-08"))
    assert "Liberal Alliance kunne ikke tiltræde" in got and "Danmarksdemokraterne" in got
    assert "Fremsendes" not in got


def test_party_letters_name_the_voters() -> None:
    item = AgendaItem(number="2", order=2, title="Opfølgning på energibesparelser",
                      sections=[Section(name="Sagsfremstilling", heading="Sagsfremstilling",
                                        text="Opvarmning af kommunale bygninger skal sænkes til 19 grader.")],
                      decisions=[Decision(body="Klima-, Teknik- og Miljøudvalget", date=date(2023, 11, 16),
                                          outcome="approved",
                                          text="Anbefales til Økonomiudvalget, at opvarmningen af bygninger "
                                               "følger vejledningen.\n(A) og (C) undlader på 1) og 3)")])
    item.text = render_text(item)
    got = quote(select(item, "Hvilke partier undlod at stemme om opvarmning af bygninger i teknikudvalget?", "vote",
                       "2023-11-16"))
    assert "(A) og (C) undlader" in got


def test_a_case_number_line_is_never_evidence() -> None:
    assert identifier_only("EMN-2025-010585") and identifier_only("21-013649") and identifier_only("Sagsnr. 24/1234")
    assert not identifier_only("Sagen har nr. 24/1234 og handler om skoler")
    assert not identifier_only("I alt 36 anbefalinger")
    got = quote(select(_health_council(), "Hvad er status for sundhedsrådet i 2025?", "fact", "2025-10-08"))
    assert "EMN-2025-009824" not in got


def test_a_date_or_a_reference_is_no_count() -> None:
    from assistant.unanswered import lacks_value
    from assistant.value_kinds import values

    assert values("count", "Udvalget besluttede den 8. oktober 2024 (pkt. 5) at etablere en ordning") == set()
    assert values("count", "efter § 17, stk. 4 og bilag 2; beslutningspunkterne 1 og 2") == set()
    assert values("count", "I betænkningen fremlægges i alt 36 anbefalinger") == {"36"}
    forwarded = ("Fremsendes til byrådet med bemærkning, at Magistraten i mødet den 30. september 2025 anbefaler, at "
                 "byrådet tiltræder indstillingen af 25. september 2025.")
    assert lacks_value(forwarded, "count", "Hvor mange anbefalinger fremlægger udvalget?")
    asked = "Hvor mange anbefalinger fremlægger udvalget?"
    assert not lacks_value(forwarded + " Der er 36 anbefalinger.", "count", asked)
