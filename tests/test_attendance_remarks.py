"""Who came late or left early is a meeting fact: read from the facts' remark line (text, HTML, feed), a JSON
note field or the meeting's own decisions, and answered from the meeting's facts; a meeting that records no such
remark says so instead of quoting an item."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.container import Container
from assistant.meeting_facts import aspect
from core import vocab
from ingest.parse import parse_bytes, read_path
from tests.helpers import ingest_text

PORTALS6 = Path(__file__).resolve().parent.parent / "sample_data" / "portals6"

MINUTES = """Fanø Kommune
Referat af Teknik- og Miljøudvalget
Mødedato: 4. juni 2024 kl. 16.00
Deltagere: Ole Sand (V), Mette Klit (A), Jens Hav (C)
Bemærkninger: Jens Hav (C) forlod mødet kl. 17.10 under behandlingen af punkt 2.

Punkt 1: Borgermøde om havnen
Sagsfremstilling
Udvalget holder borgermøde om havnen i Nordby.

Beslutning i Teknik- og Miljøudvalget den 04-06-2024
Godkendt.

Punkt 2: Cykelsti langs Strandvejen
Sagsfremstilling
Cykelstien anlægges langs Strandvejen.

Beslutning i Teknik- og Miljøudvalget den 04-06-2024
Godkendt.
"""


def test_the_sentences_that_record_a_late_arrival_or_an_early_leave() -> None:
    text = ("Bemærkning: Anders Kirk (F) ankom kl. 9.15 under punkt 3. Mødet blev hævet kl. 11.\n"
            "Yasmin Dahl (Ø) deltog fra kl. 17.25.")
    assert vocab.attendance_remarks(text) == ["Anders Kirk (F) ankom kl. 9.15 under punkt 3.",
                                              "Yasmin Dahl (Ø) deltog fra kl. 17.25."]
    assert vocab.attendance_remarks("Afbud: Karin Hald (O).") == []


def test_remarks_are_read_from_text_feed_html_and_json_sources() -> None:
    assert read_path(PORTALS6 / "billund_boerne-og-familieudvalget_2024-09-24.pdf").meeting.remarks == [
        "Hanne Vestergaard (A) forlod mødet kl. 17.20 efter behandlingen af pkt. 65."]
    assert read_path(PORTALS6 / "rebild_aeldre-og-sundhedsudvalget_2024-08-14.xml").meeting.remarks == [
        "Bent Ladefoged (V) forlod mødet kl. 14.45 efter behandlingen af punkt 5."]
    assert read_path(PORTALS6 / "gladsaxe_kultur-fritids-og-idraetsudvalget_2024-10-08.html").meeting.remarks == [
        "Yasmin Dahl (Ø) deltog fra kl. 17.25 under behandlingen af punkt 3."]
    record = {"meeting": {"committee": "Teknisk Udvalg", "date": "2024-06-04", "municipality": "Odder Kommune",
                          "bemærkning": "Bo Ravn (V) forlod mødet kl. 18.00."},
              "items": [{"number": 1, "title": "Budget", "decision": "Godkendt."},
                        {"number": 2, "title": "Vej", "decision": "Godkendt."}]}
    meeting = parse_bytes(json.dumps(record).encode(), "odder.json").meeting
    assert meeting.remarks == ["Bo Ravn (V) forlod mødet kl. 18.00."]


def test_who_left_early_is_answered_from_the_meeting_facts(container: Container, tmp_path: Path) -> None:
    assert aspect("Hvem forlod mødet før tid?") == "remarks"
    assert aspect("Who turned up late to the meeting?") == "remarks"
    fanoe = ingest_text(container, tmp_path / "fanoe.txt", MINUTES)
    answer = fanoe.service.ask("Hvem forlod mødet i Fanøs Teknik- og Miljøudvalg før tid?")
    assert not answer.refused and "Jens Hav (C) forlod mødet kl. 17.10" in answer.answer
    assert answer.citations[0].kind == "meeting"


def test_a_meeting_without_remarks_says_so(container: Container, tmp_path: Path) -> None:
    quiet = ingest_text(container, tmp_path / "fanoe.txt", MINUTES.replace(
        "Bemærkninger: Jens Hav (C) forlod mødet kl. 17.10 under behandlingen af punkt 2.\n", ""))
    answer = quiet.service.ask("Hvem forlod mødet i Fanøs Teknik- og Miljøudvalg før tid?")
    assert answer.refused and "gik før tid" in answer.answer
