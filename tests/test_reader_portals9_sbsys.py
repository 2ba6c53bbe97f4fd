"""The SBSYS publication readers on two variants (sample_data/portals9, facts in sample_data/portals9-expected.md):
an ISO-8859-1 eDagsorden Publication of an extraordinary meeting whose municipality is named only by its venue and
e-mail domains, and a compact SBSYS-Aarhus publication.xml whose items are one HTML field each (the decision under
its <h3>Beslutning</h3>) and whose only absence is on the front page. The real samples stay as they were.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from lxml import etree

from ingest.readers import ReadResult, read_source
from ingest.readers.base import ItemDraft, Source
from ingest.readers.sbsys_parts import drop_referat_records, frontpage_absentees, headed_parts, own_municipality

ROOT = Path(__file__).resolve().parent.parent
NORDFYNS = ROOT / "sample_data" / "portals9" / "nordfyns_oekonomiudvalget_2024-12-09.xml"
LANGELAND = ROOT / "sample_data" / "portals9" / "langeland_erhvervs-og-turismeudvalget_2024-05-13.xml"
AARHUS = ROOT / "sample_data" / "minutes" / "aarhus_moedesystemgruppen_2016-10-06.xml"
FREDERIKSBERG = ROOT / "sample_data" / "portals8" / "frederiksberg_by-og-miljoeudvalget_2024-10-28.xml"
ABSENT = "Fraværende: Hans Erik Fynbo (V), Jørgen Lybæk (A)"


def read(path: Path) -> ReadResult:
    return read_source(Source(path.read_bytes(), str(path)))


def test_nordfyns_meeting_facts() -> None:
    r = read(NORDFYNS)
    m = r.meeting
    assert r.reader == "sbsys-publication-xml"
    # the venue "Nordfyns Rådhus … Bogense" and the "@nordfynskommune.dk" domains, not "Odense" in item 4's text
    assert m.municipality == "Nordfyn"
    assert (m.committee, m.date, m.time) == ("Økonomiudvalget", date(2024, 12, 9), "08:00")
    assert m.location == "Mødelokale 1, Nordfyns Rådhus, Østergade 23, 5400 Bogense"
    assert set(m.absentees) == {"Jørgen Lybæk (A)", "Hans Erik Fynbo (V)"}  # Afbud and Fraværende statuses
    assert len(m.participants) == 7 and "Bent Særkjær (Ø)" in m.participants  # Latin-1 decoded
    assert m.status == "minutes" and m.extraordinary
    assert m.published == "2024-12-09T13:05:51"


def test_nordfyns_items_and_decisions() -> None:
    m = read(NORDFYNS).meeting
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "00.01.00-A00-11-24"),
        ("2", "Salg af byggegrunde i Otterup Nord - accept af bud", "02.34.02-G01-3-24"),
        ("3", "Tillægsbevilling - oprydning efter stormflod ved Bogense Strand", "00.30.14-Ø39-4-24"),
        ("4", "Høringssvar til FynBus - Trafikplan 2025", "13.05.00-P35-2-24"),
        ("5", "Lukket: Personalesag", None),
    ]
    texts = [[" ".join(d.text.split()) for d in it.decisions] for it in m.items]
    assert texts[:4] == [
        [f"Godkendt. {ABSENT}"],
        [f"Buddet accepteres. For stemte: V, C, A (3) Imod stemte: F, Ø (2) F og Ø ønsker grundene genudbudt "
         f"enkeltvis. {ABSENT}"],
        [f"Anbefales over for Kommunalbestyrelsen. {ABSENT}"],
        ["Godkendt med redaktionelle ændringer, idet høringssvaret skal fremhæve behovet for at bevare linje 191 "
         f"i skoledagene. {ABSENT}"],
    ]
    assert texts[4] == [] and m.items[4].closed and not m.items[4].sections
    assert all(d.body == "Økonomiudvalget" and d.date == date(2024, 12, 9) for it in m.items for d in it.decisions)
    assert m.items[0].sections == []  # item 1 has only its decision field
    assert [s.name for s in m.items[1].sections] == ["Sagsfremstilling", "Økonomi", "Indstilling"]
    assert [(v.position, v.count) for v in m.items[1].decisions[0].votes] == [("for", 3), ("against", 2)]


def test_langeland_meeting_facts() -> None:
    r = read(LANGELAND)
    m = r.meeting
    assert r.reader == "sbsys-aarhus-xml"
    assert (m.municipality, m.committee, m.date, m.time) == ("Langeland", "Erhvervs- og Turismeudvalget",
                                                            date(2024, 5, 13), "15:30")
    assert m.location == "Mødelokale 3, Langeland Rådhus, Fredensvej 1, 5900 Rudkøbing"
    assert m.absentees == ["Kim Dalsgaard"]  # Participate 0 for all says nothing; the front page's "Afbud:" does
    assert len(m.participants) == 5
    assert m.status == "minutes" and not m.extraordinary


def test_langeland_items_decisions_under_h3_headings() -> None:
    m = read(LANGELAND).meeting
    # the trailing "0 Åbent referat" only carries the referat PDF: not an agenda item
    assert [(it.number, it.title) for it in m.items] == [
        ("1", "Godkendelse af dagsorden"),
        ("2", "Turismestrategi 2025-2028"),
        ("2.1", "Høringssvar fra turismeaktører"),
        ("2.2", "Prioritering af indsatser"),
        ("3", "Tilskud til shuttlebus ved Langelandsfestival 2024"),
        ("4", "Resultatkontrakt 2024 med Erhverv Langeland"),
        ("5", "Eventuelt"),
    ]
    assert all(it.case_number is None and not it.closed for it in m.items)
    texts = {it.number: [" ".join(d.text.split()) for d in it.decisions] for it in m.items}
    assert texts == {
        "1": ["Godkendt."],
        "2": [],  # the parent heading has no content; its sub-items are decided
        "2.1": ["Taget til efterretning."],
        "2.2": ["Godkendt med den ændring, at naturturisme prioriteres før lystbådehavne."],
        "3": ["Der bevilges 120.000 kr. For stemte: V, A (3) Imod stemte: C (1) C ønsker at bevilge det fulde "
              "ansøgte beløb."],
        "4": ["Godkendt."],
        "5": ["Intet."],
    }
    assert all(d.body == "Erhvervs- og Turismeudvalget" for it in m.items for d in it.decisions)
    sections = {it.number: [s.name for s in it.sections] for it in m.items}
    assert sections["2.2"] == ["Sagsfremstilling", "Indstilling"] and sections["3"][1] == "Økonomi"
    assert "2.1 Høringssvar fra turismeaktører" in m.items[1].sections[0].text  # Underpunkter
    assert "1. Cykelturisme" in m.items[3].sections[0].text  # a list in the text, not items


def test_real_and_earlier_compact_samples_keep_their_reading() -> None:
    aarhus = read(AARHUS).meeting  # no item carries text: the "0" records stay items (SOURCES counts them)
    assert [it.number for it in aarhus.items][-2:] == ["0", "0"] and len(aarhus.items) == 12
    frb = read(FREDERIKSBERG).meeting  # items with text: the "0" records are the referat PDFs
    assert [it.number for it in frb.items] == ["1", "2", "3", "3.1", "3.2", "4", "5", "6"]


def test_headed_parts_only_for_a_whole_item_field_or_a_decision_heading() -> None:
    html = "<p>Indledning</p><h3>Sagsfremstilling</h3><p>Tekst.</p><h3>Beslutning</h3><p>Godkendt.</p>"
    assert headed_parts("Punkt", "Punkt", html) == [("Punkt", "Indledning"), ("Sagsfremstilling", "Tekst."),
                                                     ("Beslutning", "Godkendt.")]
    assert headed_parts("Sagsfremstilling", "Punkt", "<h4>Baggrund</h4><p>Tekst.</p>") is None
    assert headed_parts("Sagsfremstilling", "Punkt", "<p>Tekst.</p>") is None
    assert headed_parts("Sagsfremstilling", "Punkt", html) is not None  # a decision heading inside


def test_referat_records_front_page_and_own_municipality() -> None:
    record = ItemDraft(title="Åbent referat", number="0", attachments=["Referat - Åbent"])
    told = ItemDraft(title="Punkt", number="1", sections=[("Sagsfremstilling", "Tekst.")])
    assert drop_referat_records([told, record]) == [told]
    assert drop_referat_records([ItemDraft(title="Punkt", number="1"), record])[-1] is record
    members = ["Ole Hansen (V)", "Pia Berg (A)"]
    assert frontpage_absentees("<p>Referat</p><p>Afbud: Pia Berg</p><p>Mødet hævet kl. 17.20.</p>", members) == [
        "Pia Berg (A)"]
    assert frontpage_absentees("<p>Afbud: Ingen</p>", members) == []
    assert own_municipality("Nordfyns Rådhus, 5400 Bogense", None, "linje 130 mellem Bogense og Odense") == "Nordfyn"
    assert own_municipality("Ballerup Rådhus", None, "Ballerup Kommune") is None  # the text agrees: its evidence
    assert own_municipality("Mødelokale 1", None, "Odense") is None
    people = etree.fromstring("<Publication><PublishedBy><EmailAddress>lf@nordfynskommune.dk</EmailAddress>"
                              "</PublishedBy><EmailAddress>x@gmail.com</EmailAddress></Publication>")
    assert own_municipality("Mødelokale 1", people, "Odense") == "Nordfyn"  # the e-mail domain
