"""Readings and answers of the kind the blind set portals27 met (session 26): a JSON-lines export with one line
per section that names the section in ``section_type`` and the item in ``section_title``, and an attendance line
in a closed item's decision that must not answer "who bought the plot?"."""

from __future__ import annotations

import json
from pathlib import Path

from assistant import evidence
from ingest.parse import parse_bytes, read_path

_BASE = {"document_id": "d1", "committee": "Kultur- og Fritidsudvalget", "meeting_date": "2024-11-11T16:00:00+01:00",
         "case_number": "24-1"}


def _line(index: int, title: str, kind: str, text: str) -> str:
    return json.dumps({**_BASE, "agenda_index": index, "section_title": title, "section_type": kind, "text": text},
                      ensure_ascii=False)


SECTIONED = "\n".join([
    _line(0, "Godkendelse af dagsorden", "Beslutning", "Godkendt. Afbud: Camilla Brask Nørgaard"),
    _line(0, "Godkendelse af dagsorden", "Indstilling", "Administrationen indstiller, at dagsordenen godkendes."),
    _line(1, "Fritidspas – videreførelse af ordningen i 2025", "Beslutning", "Udsat. Sagen genoptages i december."),
    _line(1, "Fritidspas – videreførelse af ordningen i 2025", "Resume",
          "Fritidspas giver børn og unge et tilskud på op til 1.500 kr. om året til kontingent i en forening."),
    _line(1, "Fritidspas – videreførelse af ordningen i 2025", "Indstilling",
          "Administrationen indstiller, at ordningen videreføres i 2025."),
])
WHOLE = "\n".join(json.dumps({**_BASE, "agenda_index": k, "section_title": title, "section_type": "html_fragment",
                              "text": text}, ensure_ascii=False) for k, (title, text) in enumerate([
    ("Godkendelse af dagsorden", "Beslutning Godkendt. Afbud: Camilla Brask Nørgaard"),
    ("Fritidspas", "Beslutning Udsat. Fremstilling Resume Fritidspas giver et tilskud. Indstilling "
                   "Administrationen indstiller, at ordningen videreføres."),
]))


def test_lines_typed_by_section_are_read_as_the_items_sections() -> None:
    meeting = parse_bytes(SECTIONED.encode(), "horsens.jsonl", "Horsens").meeting
    assert [it.title for it in meeting.items] == ["Godkendelse af dagsorden",
                                                  "Fritidspas – videreførelse af ordningen i 2025"]
    pas = meeting.items[1]
    assert [s.name for s in pas.sections] == ["Resumé", "Indstilling"]
    assert pas.decisions[0].outcome == "postponed" and "genoptages i december" in pas.decisions[0].text
    # the whole-item export (every line "html_fragment") is still split at its heading words
    whole = parse_bytes(WHOLE.encode(), "greve.jsonl", "Greve").meeting.items[1]
    assert [s.name for s in whole.sections] == ["Resumé", "Indstilling"]
    assert whole.decisions[0].outcome == "postponed"


CLOSED = """Herlev Kommune
Referat af Økonomiudvalget den 3. september 2025

Punkt 3: Lukket punkt: Salg af byggefelt B3 i Herlev Bymidte

Beslutning i Økonomiudvalget den 03-09-2025
Anbefales over for Kommunalbestyrelsen.
Afbud: Rasmus Dyhr (V)
"""


def test_an_attendance_line_answers_who_was_absent_only(tmp_path: Path) -> None:
    path = tmp_path / "herlev.txt"
    path.write_text(CLOSED, encoding="utf-8")
    item = read_path(path, None).meetings[0].items[0]
    bought = evidence.select(item, "Hvem har købt byggefelt B3 i Herlev Bymidte?", "person", "2025-09-03")
    assert all("Afbud" not in p.text for p in bought)
    absent = evidence.select(item, "Hvem havde meldt afbud?", "person", "2025-09-03")
    assert any("Rasmus Dyhr" in p.text for p in absent)


def test_a_decision_that_only_recommends_to_the_council_is_bare() -> None:
    from assistant.answer_quote import ASKS_PROPOSAL, bare_decision

    assert bare_decision("Anbefales over for Kommunalbestyrelsen.")
    assert bare_decision("Indstillingen anbefales over for Økonomiudvalget og Byrådet.")
    assert not bare_decision("Anbefales, dog med en mindstepris på 1.250 kr. pr. m2.")
    # "hvilken takst havde forvaltningen lagt op til?" asks the recommendation
    assert ASKS_PROPOSAL.search("Og hvilken SFO-takst havde forvaltningen lagt op til?")


def test_a_date_with_an_ordinal_dot_says_when_it_is_ready() -> None:
    from assistant.asked_values import unstated

    question = "Hvornår forventes den nye daginstitution at kunne tages i brug?"
    assert unstated(question, "Institutionen forventes at kunne tages i brug den 1. august 2027.") is None
    assert unstated(question, "Institutionen får 48 vuggestuepladser. Den tages i brug, når den er bygget.") \
        == "ready"


PRIZE = """Halsnæs Kommune
Referat af Erhvervs- og Turismeudvalget den 27. august 2024

Punkt 3: Erhvervsprisen 2024

Sagsbehandler: Jonas Brink
Sagsfremstilling
Bedømmelsesudvalget har udpeget tre finalister.
Beslutning i Erhvervs- og Turismeudvalget den 27-08-2024
Udvalget tildeler Erhvervsprisen 2024 til Hundested Bådebyggeri.
Fraværende: Kim Dybdahl (F)
"""


def test_a_case_officer_line_answers_who_handles_the_case_only(tmp_path: Path) -> None:
    path = tmp_path / "halsnaes.txt"
    path.write_text(PRIZE, encoding="utf-8")
    item = read_path(path, None).meetings[0].items[0]
    won = evidence.quote(evidence.select(item, "Hvem vandt Erhvervsprisen 2024?", "person", "2024-08-27"))
    assert "Jonas Brink" not in won and "Kim Dybdahl" not in won
    handles = evidence.quote(evidence.select(item, "Hvem er sagsbehandler på sagen?", "person", "2024-08-27"))
    assert "Jonas Brink" in handles
