"""Readings of the kind the blind set portals29 met (session 27): an e-mailed plain-text referat ("Sendt: 13. maj
2025", items written "Ad 1) …", "Beslutning: …" on one long line), a portal page whose items are ``<article>``s
numbered in their ``<header>`` with their parts in ``<details><summary>``, and a namespaced XML export whose
decisions are ``<Ruling>`` elements."""

from __future__ import annotations

from pathlib import Path

from ingest.parse import parse_bytes, read_path

SAMPLES = Path(__file__).resolve().parents[1] / "sample_data" / "portals29"

MAIL = """Fra: Louise Ravn Mikkelsen <lorami@faxekommune.dk>
Sendt: 13. maj 2025 09:47
Til: Plan- og Miljøudvalget
Emne: Referat – Plan- og Miljøudvalget 12.5.2025

Kære alle

Hermed referat fra mødet i Plan- og Miljøudvalget mandag den 12. maj 2025 kl. 16.00-18.10 på Rådhuset i Haslev.

Afbud: Per Dalsgaard (C)

Ad 1) Godkendelse af dagsorden

Beslutning: Godkendt.

Ad 2) Lokalplan 1104 – boliger ved Rolighedsvej, Faxe Ladeplads – endelig vedtagelse

Planen giver mulighed for 34 rækkehuse i op til 2 etager.

Beslutning: Udvalget anbefaler over for Økonomiudvalget og Byrådet, at lokalplanen vedtages endeligt med den \
ændring, at antallet af boliger nedsættes fra 34 til 28.
For stemte: V, O og F (4)
Imod stemte: A (1)

Ad 3) Eventuelt

Beslutning: Intet at bemærke.
"""


def test_an_emailed_referat_is_dated_by_its_meeting_and_read_by_its_ad_items() -> None:
    meeting = parse_bytes(MAIL.encode(), "faxe.txt", "Faxe").meeting
    assert str(meeting.date) == "2025-05-12"  # not the day the mail was sent
    assert [it.number for it in meeting.items] == ["1", "2", "3"]
    assert meeting.items[1].title.startswith("Lokalplan 1104")
    plan = meeting.items[1].decisions[0]  # a decision line longer than a heading, after "Beslutning:"
    assert "nedsættes fra 34 til 28" in plan.text and [v.position for v in plan.votes] == ["for", "against"]


def test_articles_numbered_in_their_header_are_the_items_and_their_details_the_sections() -> None:
    meeting = read_path(SAMPLES / "greve_skole-boerne-og-ungeudvalget_2025-05-06.html").meeting
    assert [it.number for it in meeting.items] == [str(n) for n in range(1, 9)]
    assert meeting.items[1].title == "Kapacitet på Hedelyskolen - pavillonklasser fra skoleåret 2025/26"
    assert [s.name for s in meeting.items[1].sections] == ["Sagsfremstilling", "Indstilling"]
    assert meeting.items[2].decisions[0].outcome == "rejected"


def test_a_namespaced_export_reads_its_rulings_as_decisions() -> None:
    meeting = read_path(SAMPLES / "ringkoebing-skjern_teknik-og-miljoeudvalget_2025-04-22.xml").meeting
    assert len(meeting.items) == 9 and all(it.decisions for it in meeting.items)
    assert meeting.items[4].decisions[0].outcome == "postponed"
    assert len(meeting.items[3].decisions[0].votes) == 2
    assert meeting.absentees == ["Birgitte Nørgaard (C)", "Lars Bak Iversen (V)"]
