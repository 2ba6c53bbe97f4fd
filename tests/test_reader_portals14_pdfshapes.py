"""Two PDF shapes of sample_data/portals14 (facts in sample_data/portals14-expected.md): poppler ``pdftohtml -xml``
output read by its layout (``ingest.readers.pdf2xml``: fragments to lines by position, running header and footer
dropped, a facts table drawn column by column paired again by ``top``), and a Word PDF whose items are numbered
through the year ("Sag 241" .. "Sag 247") with sub-items "Sag 244.1" / "Sag 244.2"; with small hand-made pdf2xml
documents and text variants, so the rules are not fitted to the two files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from core import dates, vocab
from core.errors import IngestError
from ingest.readers import ReadResult, read_source
from ingest.readers.base import Source
from ingest.readers.pdf2xml import layout_text

DIR = Path(__file__).resolve().parent.parent / "sample_data" / "portals14"
HOLBAEK = DIR / "holbaek_social-og-sundhedsudvalget_2025-03-04.xml"
KALUNDBORG = DIR / "kalundborg_kommunalbestyrelsen_2024-10-30.pdf"


def read(path: Path) -> ReadResult:
    return read_source(Source(path.read_bytes(), str(path)))


def source(body: str, name: str = "export.xml") -> ReadResult:
    return read_source(Source(body.encode(), name))


def first_words(m: object, k: int) -> str | None:
    decisions = m.items[k].decisions  # type: ignore[attr-defined]
    return decisions[0].text.replace("\n", " ") if decisions else None


# --- poppler pdf2xml ---------------------------------------------------------------------------------------------

def test_holbaek_pdf2xml_meeting_facts() -> None:
    r = read(HOLBAEK)
    m = r.meeting
    assert r.reader == "pdf2xml"
    assert (m.municipality, m.committee, m.date, m.status) == ("Holbæk", "Social- og Sundhedsudvalget",
                                                               date(2025, 3, 4), "minutes")
    # the facts table is drawn column by column: labels first, values after, paired again by their top
    assert m.time == "15:30"  # not "04:03" out of the running header's "Referat - 04.03.2025"
    assert m.location == "Mødelokale 3, Holbæk Rådhus, Kanalstræde 2, 4300 Holbæk"
    assert m.absentees == ["Helle Bonde (C)"]
    assert "Thomas Fenger (DF)" in m.participants and "Mads Eriksen (V)" in m.participants  # the wrapped value line
    assert not any("2025" in p or "Indholdsfortegnelse" in p for p in m.participants)


def test_holbaek_pdf2xml_items() -> None:
    m = read(HOLBAEK).meeting
    assert [(it.number, it.title, it.case_number, it.closed) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "25/2101", False),
        ("2", "Udbygningsplan for plejeboliger 2025-2032", "24/18652", False),
        ("3", "Fordeling af § 18-midler til frivilligt socialt arbejde 2025", "25/1187", False),
        ("4", "Ny placering af Rusmiddelcenter Holbæk", "24/20915", False),
        ("5", "Lukket punkt: Klage over afgørelse om hjemmehjælp", None, True),
        ("6", "Meddelelser", "25/2102", False),
    ]  # the table of contents ("1." / title / page number) gives no items
    assert first_words(m, 0) == "Godkendt. Afbud: Helle Bonde (C)"
    assert first_words(m, 1) == ("Anbefales over for Økonomiudvalget og Byrådet, idet etape 1 placeres i Tølløse og "
                                 "etape 2 i Jyderup. Afbud: Helle Bonde (C)")
    assert first_words(m, 2) == "Godkendt. Afbud: Helle Bonde (C)"
    assert (first_words(m, 3) or "").startswith("Godkendt. For stemte: Charlotte Kirk (A), Susanne Berg (A)")
    assert m.items[4].decisions == []
    assert first_words(m, 5) == "Taget til efterretning. Afbud: Helle Bonde (C)"
    votes = {v.position: v.count for v in m.items[3].decisions[0].votes}
    assert votes == {"for": 5, "against": 1}
    assert [d.outcome for it in m.items for d in it.decisions] == ["approved"] * 4 + ["noted"]


def test_holbaek_pdf2xml_layout_traps() -> None:
    m = read(HOLBAEK).meeting
    two = m.items[1].text
    assert "fra 4.900 i 2025 til 7.300 i 2032" in two  # a figure wrapped at the line end is whole again
    assert "118 mio. kr." in two and "14 mio. kr." in two and "48 plejeboliger i Tølløse" in two
    assert "Jyderup" not in two.split("Beslutning")[0]  # only in the decision
    three = m.items[2].text
    assert "120.000 kr. går til Natcaféen" in three  # "… kr." / "går …" on two lines: one paragraph
    for it in m.items:  # the running header and footer, printed on both pages, are no item's text
        assert "Side 1 af 2" not in it.text and "offentliggjort" not in it.text
        assert "Social- og Sundhedsudvalget - Referat" not in it.text
    assert "Smedelundsgade 18" in m.items[3].text and "130.000 kr." in m.items[3].text
    assert "8. april 2025" in m.items[5].text


PAGE = '<page number="{n}" position="absolute" top="0" left="0" height="1263" width="892">\n{body}\n</page>'


def pdf2xml(*pages: str) -> str:
    body = "\n".join(PAGE.format(n=k, body=p) for k, p in enumerate(pages, 1))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE pdf2xml SYSTEM "pdf2xml.dtd">\n'
            f'<pdf2xml producer="poppler" version="22.02.0">\n{body}\n</pdf2xml>\n')


def t(top: int, left: int, text: str, font: int = 0, width: int = 300, height: int = 14) -> str:
    return f'<text top="{top}" left="{left}" width="{width}" height="{height}" font="{font}">{text}</text>'


FONTS = ('<fontspec id="0" size="11" family="Arial" color="#000000"/>\n'
         '<fontspec id="1" size="14" family="Arial" color="#000000"/>\n'
         '<fontspec id="2" size="8" family="Arial" color="#000000"/>')


def small_export() -> str:
    running = [t(40, 100, "Vejen Kommune", 2, 80, 10), t(40, 600, "Teknisk Udvalg 12.05.2025", 2, 120, 10)]
    first = [FONTS, *running,
             t(90, 100, "<b>Teknisk Udvalg</b>", 1),
             t(120, 100, "<b>Dato:</b>", 0, 40), t(140, 100, "<b>Sted:</b>", 0, 40),
             t(120, 220, "Mandag den 12. maj 2025 kl. 16.00"), t(140, 220, "Rådhuset, mødelokale 2"),
             t(200, 100, "<b>1. Vejplan for Askov</b>", 1),
             t(224, 100, "Sagsnr.: 25/4410", 2, 80, 10),
             t(248, 100, "<b>Sagsfremstilling</b>"),
             t(268, 100, "Planen omfatter 14 km cykelsti og udgør i alt 3,5", width=450),
             t(286, 100, "mio. kr. over fire år, heraf 1,2 mio. kr. i 2025."),
             t(311, 100, "Tilskuddet fra Vejdirektoratet er på", width=180), t(311, 284, "<i>0,8 mio. kr.</i>", 0, 60),
             t(311, 348, "og udbetales i 2026.", width=100),
             t(1200, 100, "Side 1 af 2", 2, 60, 10)]
    second = [*running,
              t(90, 100, "<b>Beslutning i Teknisk Udvalg den 12-05-2025</b>"),
              t(110, 100, "Godkendt."),
              t(160, 100, "<b>2. Trafiksikkerhed ved Brørup Skole</b>", 1),
              t(184, 100, "Sagsnr.: 25/4411", 2, 80, 10),
              t(208, 100, "<b>Beslutning i Teknisk Udvalg den 12-05-2025</b>"),
              t(228, 100, "Udsat."),
              t(1200, 100, "Side 2 af 2", 2, 60, 10)]
    return pdf2xml("\n".join(first), "\n".join(second))


def test_pdf2xml_made_by_hand_pairs_labels_joins_paragraphs_and_drops_running_lines() -> None:
    r = source(small_export())
    m = r.meeting
    assert r.reader == "pdf2xml"
    assert (m.municipality, m.committee, m.date, m.time, m.location) == (
        "Vejen", "Teknisk Udvalg", date(2025, 5, 12), "16:00", "Rådhuset, mødelokale 2")
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Vejplan for Askov", "25/4410"), ("2", "Trafiksikkerhed ved Brørup Skole", "25/4411")]
    assert "udgør i alt 3,5 mio. kr. over fire år" in m.items[0].text  # wrapped over two printed lines
    assert "Vejdirektoratet er på 0,8 mio. kr. og udbetales i 2026." in m.items[0].text  # three fragments, one line
    assert first_words(m, 0) == "Godkendt."  # the decision on the next page, after its running header
    assert [d.outcome for it in m.items for d in it.decisions] == ["approved", "postponed"]
    assert all("Side" not in it.text and "Vejen Kommune" not in it.text for it in m.items)


def test_pdf2xml_layout_lines() -> None:
    src = Source(HOLBAEK.read_bytes(), str(HOLBAEK))
    lines = layout_text(src.xml, src.path).splitlines()
    assert "Mødedato: Tirsdag den 4. marts 2025" in lines and "Mødetid: Kl. 15:30 - 18:00" in lines
    assert "# Referat" in lines and "## 1. Godkendelse af dagsorden" in lines  # bold, larger than the body
    assert "Sagsfremstilling" in lines  # bold at the body's size: a section heading, no Markdown heading
    assert not any("Indholdsfortegnelse" in x or x.endswith("Godkendelse af dagsorden 1") for x in lines)  # the TOC
    assert lines.count("Holbæk Kommune Social- og Sundhedsudvalget - Referat - 04.03.2025") == 1  # page 1's only
    assert not any(x.startswith("Side ") or "offentliggjort" in x for x in lines)


def test_pdf2xml_without_items_is_read_as_its_lines_and_without_text_is_an_error() -> None:
    r = source(pdf2xml("\n".join([FONTS, t(100, 100, "Notat om vintertjeneste i Vejen Kommune 2025"),
                                  t(118, 100, "Saltning af cykelstier starter den 1. november 2025 på alle ruter.")])))
    assert r.reader == "pdf2xml" and len(r.meeting.items) == 1
    assert "Saltning af cykelstier starter" in r.meeting.items[0].text
    assert "<text" not in r.meeting.items[0].text and "292" not in r.meeting.items[0].text  # no markup, no positions
    assert any("pdf2xml" in w for w in r.warnings)
    with pytest.raises(IngestError, match="no text"):
        source(pdf2xml(FONTS, FONTS))


# --- "Sag 241": items numbered through the year ----------------------------------------------------------------

def test_kalundborg_meeting_facts() -> None:
    r = read(KALUNDBORG)
    m = r.meeting
    assert (m.municipality, m.committee, m.date, m.time, m.status) == ("Kalundborg", "Kommunalbestyrelsen",
                                                                       date(2024, 10, 30), "18:00", "minutes")
    assert m.location == "Byrådssalen, Kalundborg Rådhus, Holbækvej 141B, 4400 Kalundborg"
    # "Karin Høgsted (V), afbud; Bent Lykke (A)": the reason is no name; the substitute was there
    assert m.absentees == ["Karin Høgsted (V)", "Bent Lykke (A)"]
    assert not any("Nordahl" in a for a in m.absentees)


def test_kalundborg_items_numbered_through_the_year_with_sub_items() -> None:
    m = read(KALUNDBORG).meeting
    assert [(it.number, it.title, it.case_number, it.closed) for it in m.items] == [
        ("241", "Godkendelse af dagsorden", "24/31141", False),
        ("242", "Anlægsbevilling til ny svømmehal i Høng", "23/17720", False),
        ("243", "Lokalplan 641 for boliger ved Skovbakken i Svebølle - endelig vedtagelse", "24/05519", False),
        ("244", "Budget 2025-2028 - 2. behandling", "24/11587", False),
        ("244.1", "Ændringsforslag fra Enhedslisten - flere pædagoger", "24/11587", False),  # the parent's case
        ("244.2", "Ændringsforslag fra Liberal Alliance - lavere dækningsafgift", "24/11587", False),
        ("245", "Takster for affald 2025", "24/20987", False),
        ("246", "Lukket punkt: Salg af erhvervsgrund i Kalundborg Øst", None, True),
        ("247", "Meddelelser fra borgmesteren", "24/31142", False),
    ]
    assert first_words(m, 0) == "Godkendt."
    assert first_words(m, 1) == "Godkendt. For stemte 24: A, V, C, SF, DF og Ø. Imod stemte 2: LA."
    assert (first_words(m, 3) or "").startswith("Budget 2025-2028 blev vedtaget med de ændringer")
    assert first_words(m, 4) == "Forkastet. For stemte 3: SF og Ø. Imod stemte 23: A, V, C, DF og LA."
    assert first_words(m, 5) == "Forkastet. For stemte 2: LA. Imod stemte 24: A, V, C, SF, DF og Ø."
    assert m.items[7].decisions == []  # "Lukket punkt. Beslutningen fremgår af den lukkede protokol."
    assert first_words(m, 8) == "Taget til efterretning."
    counts = [[(v.position, v.count) for v in it.decisions[0].votes] for it in m.items[3:6]]
    assert counts == [[("for", 21), ("against", 5)], [("for", 3), ("against", 23)], [("for", 2), ("against", 24)]]
    assert [it.decisions[0].outcome for it in m.items[3:6]] == ["approved", "rejected", "rejected"]
    assert "Sag 242" not in m.items[0].text  # each heading starts its own item
    assert "frikommuneforsøg" in m.items[8].text  # item 247 runs on over the page break
    assert "64,5 mio. kr." in m.items[1].text and "3.126 kr." in m.items[6].text


def text_minutes(*items: str) -> str:
    return ("Referat\nByrådet\nMødedato: 3. juni 2025 kl. 17.00\n\n" + "\n\n".join(items) + "\n")


def test_sag_headings_in_text_and_case_number_lines() -> None:
    body = text_minutes("Sag 88 Godkendelse af dagsorden\nSag: 25/1001\nBeslutning\nGodkendt.",
                        "Sag nr. 89 Salg af grund\nSag: 25/1002\nBeslutning\nGodkendt.",
                        "Sag 89.1 Tillægsbevilling\nBeslutning\nAnbefalet.",
                        "Sag 90 Meddelelser\nSag 25/1003 blev nævnt.\nBeslutning\nTaget til efterretning.")
    m = source(body, "byraad.txt").meeting
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("88", "Godkendelse af dagsorden", "25/1001"), ("89", "Salg af grund", "25/1002"),
        ("89.1", "Tillægsbevilling", "25/1002"), ("90", "Meddelelser", None)]
    assert vocab.ITEM.match("Sag 241 Godkendelse af dagsorden") is not None
    assert vocab.ITEM.match("Sag: 24/1234") is None and vocab.ITEM.match("Sag 24/1234 Titel") is None
    assert vocab.ITEM.match("Sag nr. 24/16820") is None and vocab.case_number("Sag: 24/1234") == "24/1234"
    assert vocab.ITEM.match("Sag 12 blev drøftet") is None


def test_a_date_after_a_dash_is_no_clock_and_a_reason_no_name() -> None:
    assert dates.find_time("Social- og Sundhedsudvalget - Referat - 04.03.2025") is None
    assert dates.find_time("Mødet holdes kl. 15.30.") == "15:30"
    assert dates.find_time("onsdag 16.00 - 18.30") == "18:30"
    assert vocab.split_names("Karin Høgsted (V), afbud; Bent Lykke (A)") == ["Karin Høgsted (V)", "Bent Lykke (A)"]
