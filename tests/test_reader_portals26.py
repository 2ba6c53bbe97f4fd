"""Readings of invented schemas of the kind the blind set portals26 met (session 25): a part whose own text is
its body (<Tekst overskrift="Resumé">CDATA</Tekst>), an API's "attendance" list whose status "cancelled" is an
apology, and a substitute's line in the meeting head ("X deltog som stedfortræder.")."""

from __future__ import annotations

import json

from core import vocab
from ingest.parse import parse_bytes

PORTAL_XML = """<?xml version="1.0" encoding="utf-8"?>
<dp:Eksport xmlns:dp="http://schemas.example.dk/eksport">
  <dp:Moede type="Referat">
    <dp:Udvalg>Social- og Seniorudvalget</dp:Udvalg>
    <dp:Tidspunkt start="2024-09-11T15:00:00" />
    <dp:Punkter>
      <dp:Punkt sortering="1" nummer="131">
        <dp:Titel>Godkendelse af dagsorden</dp:Titel>
        <dp:Beslutning udvalg="Social- og Seniorudvalget" dato="2024-09-11"><![CDATA[<p>Godkendt.</p>]]></dp:Beslutning>
      </dp:Punkt>
      <dp:Punkt sortering="2" nummer="132">
        <dp:Titel>Ny plejecenterkapacitet i Nordborg</dp:Titel>
        <dp:Afsnit>
          <dp:Tekst overskrift="Resumé"><![CDATA[<p>Der søges om anlægsbevilling til 72 plejeboliger.</p>]]></dp:Tekst>
          <dp:Tekst overskrift="Økonomi"><![CDATA[<p>Den samlede anlægssum er 168 mio. kr.</p>]]></dp:Tekst>
        </dp:Afsnit>
        <dp:Beslutning udvalg="Social- og Seniorudvalget" dato="2024-09-11">Anbefales.</dp:Beslutning>
      </dp:Punkt>
    </dp:Punkter>
  </dp:Moede>
</dp:Eksport>
"""


def test_a_part_whose_own_text_is_its_body() -> None:
    meeting = parse_bytes(PORTAL_XML.encode(), "soenderborg.xml", "Sønderborg").meeting
    item = meeting.items[1]
    assert item.number == "132"
    assert [(s.heading, s.text) for s in item.sections] == [
        ("Resumé", "Der søges om anlægsbevilling til 72 plejeboliger."),
        ("Økonomi", "Den samlede anlægssum er 168 mio. kr.")]
    assert "168 mio. kr." in item.text and item.decisions[0].text == "Anbefales."


API_JSON = {
    "meeting": {
        "documentType": "Referat",
        "committee": {"name": "Teknik- og Miljøudvalget"},
        "schedule": {"start": "2024-11-05T17:00:00+01:00"},
        "attendance": [
            {"name": "Tina Roslund Møller", "party": "A", "status": "present"},
            {"name": "Mette Bergholt", "party": "A", "status": "cancelled"},
            {"name": "Kim Brandt", "party": "F", "status": "present"},
        ],
        "agenda": [
            {"number": 1, "title": "Godkendelse af dagsorden", "decision": "Godkendt."},
            {"number": 2, "title": "Træpolitik for Tårnby Kommune",
             "sections": [{"heading": "Sagsfremstilling", "body": "Politikken sikrer 2.000 nye træer frem mod 2030."}],
             "decision": "Godkendt."},
        ],
    }
}


def test_an_attendance_list_whose_cancelled_member_sent_apologies() -> None:
    meeting = parse_bytes(json.dumps(API_JSON).encode(), "taarnby.json", "Tårnby").meeting
    assert meeting.participants == ["Tina Roslund Møller (A)", "Mette Bergholt (A)", "Kim Brandt (F)"]
    assert meeting.absentees == ["Mette Bergholt (A)"]


def test_a_substitutes_line_is_an_attendance_remark() -> None:
    head = "Afbud: Lone Bertelsen (V). Mads Hvidberg (V) deltog som stedfortræder."
    assert vocab.attendance_remarks(head) == ["Mads Hvidberg (V) deltog som stedfortræder."]
    assert vocab.attendance_remarks("Susanne Holm (F) mødte som suppleant for Ib Lund (F).") == [
        "Susanne Holm (F) mødte som suppleant for Ib Lund (F)."]
