"""The text and HTML readers on three files of portals11 (facts in sample_data/portals11-expected.md): a
``pdftotext -layout`` transcript whose first page prints the committee and the meeting facts in two columns, a
Markdown file with YAML front matter whose items are "## N. Titel" headings (a numbered list, a TOC of links and a
blockquoted earlier decision among them), and an Umbraco page whose accordion opens with a "Mødeoplysninger og
deltagere" panel before the numbered items. Each rule is also checked on an edited copy, so the rules follow the
layout, not these files' words.

The municipality of the two regions and of Qeqqata depends on ``core.municipalities`` (being extended by another
change): the assertions accept the expected name or what the resolver gives for the file's own statement.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from core import municipalities
from core.vocab import status_only
from ingest import columns, frontmatter, mdsegment
from ingest.parse import parse_document
from ingest.read import Document
from ingest.readers import ReadResult, generic_html, html_facts, read_source
from ingest.readers.base import Source

ROOT = Path(__file__).resolve().parent.parent / "sample_data" / "portals11"
MIDT = ROOT / "regionmidtjylland_regionsraadet_2024-11-27.txt"
NORD = ROOT / "regionnordjylland_udvalg-for-regional-udvikling_2024-09-10.md"
QEQ = ROOT / "qeqqata_udvalg-for-familie-og-uddannelse_2024-10-03.html"


def read(path: Path, *edits: tuple[str, str], name: str | None = None) -> ReadResult:
    text = path.read_bytes().decode("utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    return read_source(Source(text.encode("utf-8"), name or path.name))


def flat(text: str) -> str:
    return " ".join(text.split())


def first(m: object, k: int) -> str | None:
    decisions = m.items[k].decisions  # type: ignore[attr-defined]
    return flat(decisions[0].text) if decisions else None


def own(m: object, k: int) -> list[str]:
    """The item's decisions taken at this meeting (not an earlier one it quotes)."""
    return [flat(d.text) for d in m.items[k].decisions if d.date in (None, m.date)]  # type: ignore[attr-defined]


# --- Region Midtjylland: pdftotext -layout, two-column head ------------------------------------------------------

def test_midtjylland_meeting_facts_from_the_two_column_head() -> None:
    r = read(MIDT)
    m = r.meeting
    assert r.reader == "text"
    assert (m.committee, m.date, m.time, m.status) == ("Regionsrådet", date(2024, 11, 27), "13:00", "minutes")
    assert m.location == "Regionshuset Viborg, Regionsrådssalen, Skottenborg 26, 8800 Viborg"  # as printed
    assert m.absentees == ["Kristian Brandt (V)", "Lisbeth Aagaard (F)"]
    text = MIDT.read_text(encoding="utf-8")
    assert m.municipality in {"Region Midtjylland", municipalities.resolve(None, None, text, MIDT.name)[0]}
    assert m.municipality != "Viborg" or municipalities.detect(text).name == "Viborg"


def test_midtjylland_items() -> None:
    m = read(MIDT).meeting
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "1-01-72-8-24"),
        ("2", "Budgetopfølgning pr. 30. september 2024", "1-30-72-4-24"),
        ("3", "Akutklinikker - ændrede åbningstider efter høring", "1-01-72-31-23"),
        ("4", "Anlægsbevilling til nyt psykiatrisk sengeafsnit ved Regionshospitalet Gødstrup", "1-00-3-22"),
        ("5", "Uddannelsesdækning - tilskud til ungdomsuddannelser i yderområder", "1-30-76-9-24"),
        ("6", "Udpegning af nyt medlem til Midttrafiks bestyrelse", "1-15-0-24"),
        ("7", "Meddelelser", "1-01-72-9-24"),
        ("8", "Lukket punkt: Erstatningssag", None)]
    assert [it.closed for it in m.items] == [False] * 7 + [True]
    assert all(d.body == "Regionsrådet" for it in m.items for d in it.decisions)


def test_midtjylland_decisions_across_the_page_break() -> None:
    m = read(MIDT).meeting
    absent = " Kristian Brandt (V) og Lisbeth Aagaard (F) var fraværende."
    assert [first(m, k) for k in range(8)] == [
        "Dagsordenen blev godkendt." + absent,
        "Indstillingen blev godkendt." + absent,
        "Indstillingen blev godkendt. For stemte 34: A, V, C, F, B, I og Å. Imod stemte 5: Ø, O og D. Ø, O og D "
        "ønsker, at akutklinikken i Ringkøbing fortsat er døgnåben." + absent,
        "Indstillingen blev godkendt." + absent,
        "Indstillingen blev godkendt, idet tilskuddet til Samsø betinges af, at der optages mindst 12 elever." + absent,
        "Regionsrådet udpegede Signe Holmgaard (V) som medlem af Midttrafiks bestyrelse fra den 1. december 2024."
        + absent,
        "Meddelelserne blev taget til efterretning." + absent,
        None]  # "Beslutning" / "Lukket punkt.": a status note, no decision
    votes = m.items[2].decisions[0].votes
    assert [(v.position, v.count) for v in votes] == [("for", 34), ("against", 5)]
    assert m.items[0].decisions[0].absentees == ["Kristian Brandt (V)", "Lisbeth Aagaard (F)"]
    assert m.items[7].sections[0].text == "Lukket punkt."


def test_midtjylland_page_furniture_hyphenation_and_wrapped_lines() -> None:
    m = read(MIDT).meeting
    budget, clinics = m.items[1], m.items[2]
    resume = budget.section("Resumé")
    assert resume is not None and "samlet mindreforbrug på 36 mio. kr." in resume.text
    case = clinics.section("Sagsfremstilling")
    assert case is not None and "holder lukket mellem kl. 23 og kl. 7 fra den 1. februar 2025" in case.text
    economy = clinics.section("Økonomi")  # after the page break: footer and running header between
    assert economy is not None and economy.text.startswith("Ændringen giver en besparelse på 9,7 mio. kr.")
    for it in m.items:
        assert "Side " not in it.text and "Referat - Regionsrådet" not in it.text
        assert "Region Midtjylland Regionsrådet 27. november 2024" not in it.text
    education = m.items[4].section("Sagsfremstilling")
    assert education is not None and "uddannelsesinstitutioner i Lemvig" in education.text


HEAD = """{pad}Byens Kommune


Dagsorden{gap}Dato:          4. marts 2025
{pad}Tid:           Kl. 9.30 - 11.00
Ældrerådet{gap}Sted:          Mødelokale 3,
{deep}Rådhuset, Torvet 1,
{deep}7000 Byen
{pad}Afbud:         Eva Lund (A),
{deep}Bo Kirk (V)

Indholdsfortegnelse
1. Godkendelse af dagsorden........................2
2. Eventuelt........................................2
\f
1. Godkendelse af dagsorden
Sagsnr.: 25/0001

Indstilling
      Det indstilles, at dagsordenen godkendes.

2. Eventuelt
Sagsnr.: 25/0002

Indstilling
      Punktet til orientering.
"""


@pytest.mark.parametrize("column", [30, 50, 70])
def test_two_column_head_variant(column: int) -> None:
    """Another column start, other labels and another committee: the left column is read first, the right column
    after it, a wrapped value joined to its label. An agenda, so no decisions."""
    text = HEAD.format(pad=" " * column, gap=" " * (column - len("Ældrerådet")),
                       deep=" " * (column + 15)).replace("Dagsorden" + " " * (column - 9), "Dagsorden".ljust(column))
    m = parse_document(Document("x.txt", text))
    assert (m.committee, m.date, m.time, m.status) == ("Ældrerådet", date(2025, 3, 4), "09:30", "agenda")
    assert m.location == "Mødelokale 3, Rådhuset, Torvet 1, 7000 Byen"
    assert m.absentees == ["Eva Lund (A)", "Bo Kirk (V)"]
    assert [(it.number, it.title) for it in m.items] == [("1", "Godkendelse af dagsorden"), ("2", "Eventuelt")]


def test_aligned_labels_and_a_head_without_facts_are_not_split() -> None:
    """A label with its value aligned far to the right is one column; two columns without a labelled fact (a list
    of members beside their roles) are left as they are."""
    aligned = "Referat\nØkonomiudvalget\nMødedato:                        4. marts 2025\nMødested:" + " " * 30 + \
        "Byrådssalen\n\n1. Godkendelse\nBeslutning\nGodkendt.\n"
    assert columns.unfold(aligned) == aligned
    members = "Anne Holm (A)" + " " * 30 + "formand\nBo Dam (V)" + " " * 33 + "næstformand\n" + " " * 43 + "medlem\n"
    assert columns.unfold(members) == members


# --- Region Nordjylland: Markdown with YAML front matter -----------------------------------------------------------

def test_nordjylland_meeting_facts_from_the_front_matter() -> None:
    r = read(NORD)
    m = r.meeting
    assert r.reader == "text"
    assert (m.committee, m.date, m.time, m.status) == ("Udvalg for Regional Udvikling", date(2024, 9, 10), "13:00",
                                                        "minutes")
    assert m.municipality == "Region Nordjylland"  # the front matter's "kommune", not Hjørring named in item 3
    assert m.municipality_evidence == ["source field: Region Nordjylland"]
    assert m.location == "Mødelokale D2, Regionshuset, Niels Bohrs Vej 30, 9220 Aalborg Øst"
    assert m.absentees == ["Mette Vinther (V)"] and len(m.participants) == 9


def test_nordjylland_items_only_from_the_headings() -> None:
    m = read(NORD).meeting
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "2024-000112"),
        ("2", "Regional udviklingsstrategi 2024-2027 - endelig vedtagelse efter høring", "2023-018740"),
        ("3", "Ansøgning fra Vendsyssel Teater om turnéstøtte 2025", "2024-007731"),
        ("4", "Uddannelsespulje 2025 - åbning af ansøgningsrunde", "2024-009215"),
        ("5", "Høringssvar til Vejdirektoratets VVM-redegørelse for en 3. Limfjordsforbindelse", "2024-010388"),
        ("6", "Lukket punkt: Udbud af konsulentydelser", None),
        ("7", "Orientering fra administrationen", "2024-000113")]
    assert [it.closed for it in m.items] == [False] * 5 + [True, False]
    assert "3. At målet for andelen af unge med en ungdomsuddannelse hæves fra 90 til 92 pct." in m.items[1].text


def test_nordjylland_decisions() -> None:
    m = read(NORD).meeting
    assert [first(m, k) for k in range(7)] == [
        "Godkendt. Afbud: Mette Vinther (V).",
        "Anbefales over for forretningsudvalget og regionsrådet. Afbud: Mette Vinther (V).",
        "Bevilget 1,2 mio. kr. i turnéstøtte for 2025. For stemte: A, V, F og Ø (6) Imod stemte: C og O (2) C og O "
        "finder, at tilskuddet bør begrænses til 0,8 mio. kr. Afbud: Mette Vinther (V).",
        "Godkendt. Afbud: Mette Vinther (V).",
        "Godkendt med de redaktionelle bemærkninger, der fremkom på mødet. Høringssvaret fremsendes af formanden. "
        "Afbud: Mette Vinther (V).",
        None,  # "*Punktet er lukket for offentligheden.*"
        "Taget til efterretning. Afbud: Mette Vinther (V)."]  # not the converter's colophon after the last "---"
    theatre = m.items[2]
    assert len(theatre.decisions) == 1 and theatre.decisions[0].outcome == "approved"
    assert "»Beslutning i Udvalg for Regional Udvikling den 11. juni 2024: Udsat, idet" in theatre.text
    assert "Teatret har efterfølgende oplyst, at 46 af de planlagte 58" in theatre.text
    assert [(v.position, v.count) for v in theatre.decisions[0].votes] == [("for", 6), ("against", 2)]
    assert "referat2md" not in m.items[6].text


FRONT = """---
title: Minutes
municipality: Region Sjælland
committee: Regionsrådet
date: 2025-02-03
time: "15:00"
type: referat
---

# Referat

{toc}

## 1. Godkendelse af dagsorden

**Beslutning:** Godkendt.

---

## 2. Busplan 2026

Administrationen foreslår tre ændringer:

1. At linje 230R forlænges.
2. At linje 250R nedlægges.
3. At Holbæk Kommune betaler halvdelen.

> **Beslutning i Regionsrådet den 6. januar 2025:**
> Udsat.

**Beslutning:** Godkendt.

---

## 3. Eventuelt

**Beslutning:** Intet.

---

Genereret af md-eksport 2.0
"""


def test_front_matter_in_english_keys_and_heading_items_variant() -> None:
    """English keys, a region under "municipality", a body that names another municipality; a numbered list whose
    third entry would continue the numbering; a blockquoted earlier decision; a trailing colophon."""
    toc = "1. [Godkendelse af dagsorden](#1)\n2. [Busplan 2026](#2)\n3. [Eventuelt](#3)"
    m = read_source(Source(FRONT.format(toc=toc).encode("utf-8"), "minutes.md")).meeting
    assert (m.municipality, m.committee, m.date, m.time) == ("Region Sjælland", "Regionsrådet", date(2025, 2, 3),
                                                            "15:00")
    assert [(it.number, it.title) for it in m.items] == [
        ("1", "Godkendelse af dagsorden"), ("2", "Busplan 2026"), ("3", "Eventuelt")]
    assert [[flat(d.text) for d in it.decisions] for it in m.items] == [["Godkendt."], ["Godkendt."], ["Intet."]]
    assert "»Beslutning i Regionsrådet den 6. januar 2025: Udsat.«" in m.items[1].text


def test_a_quote_that_is_the_only_decision_stays_one() -> None:
    """An item whose only decision is printed as a blockquote: that quote is its decision."""
    text = FRONT.format(toc="").replace("**Beslutning:** Godkendt.\n\n---\n\n## 3.", "---\n\n## 3.")
    m = read_source(Source(text.encode("utf-8"), "minutes.md")).meeting
    assert [(d.date, flat(d.text)) for d in m.items[1].decisions] == [(date(2025, 1, 6), "Udsat.")]


def test_setext_headings_and_sub_items() -> None:
    """Items underlined ("====") and sub-items a level deeper ("----"): all numbered headings start items; a line
    inside an item that starts with a number does not."""
    text = ("Teknisk Udvalg\nMødedato: 3. marts 2025\n\n1. Vejplan\n==========\nBeslutning\nGodkendt.\n\n"
            "2. Byggemodning\n===============\nSagsfremstilling\nTo delpunkter.\n\n2.1 Priser\n----------\n"
            "Beslutning\nGodkendt.\n\n2.2 Vejnavne\n------------\nSagsfremstilling\nForslagene er:\n"
            "3. Rugmarken og Havremarken\n\nBeslutning\nGodkendt.\n\n3. Eventuelt\n===========\nBeslutning\nIntet.\n")
    m = parse_document(Document("x.txt", text))
    assert [(it.number, it.title) for it in m.items] == [
        ("1", "Vejplan"), ("2", "Byggemodning"), ("2.1", "Priser"), ("2.2", "Vejnavne"), ("3", "Eventuelt")]


def test_front_matter_stated_facts() -> None:
    lines = ["---", "Kommune: Region Midtjylland", "Udvalg: Regionsrådet", "Mødedato: 2024-11-27", "---", "x"]
    assert frontmatter.stated("\n".join(lines)) == {
        "municipality": "Region Midtjylland", "committee": "Regionsrådet", "date": "2024-11-27"}
    assert frontmatter.stated("# Referat\nkommune: Aarhus") == {}


def test_markdown_plan_needs_numbered_headings() -> None:
    plain = [(x, x) for x in ["Referat", "1. Godkendelse", "Beslutning", "Godkendt.", "2. Eventuelt"]]
    assert mdsegment.plan(plain) is None
    # numbered headings that are the document's parts, its items printed as "Punkt N:" lines: the lines are items
    text = ("# Byrådet\nMødedato: 3. marts 2025\n\n## 1. Åbne punkter\n\nPunkt 1: Vejplan\nBeslutning\nGodkendt.\n\n"
            "Punkt 2: Skoleplan\nBeslutning\nGodkendt.\n\n## 2. Lukkede punkter\n\nPunkt 3: Lukket punkt: Køb af jord\n"
            "Beslutning\nGodkendt.\n")
    m = parse_document(Document("x.md", text))
    assert [it.number for it in m.items] == ["1", "2", "3"]
    assert mdsegment.unquote("> Beslutning: Godkendt.\n") == "> Beslutning: Godkendt.\n"


# --- closed items: a status note is no decision -------------------------------------------------------------------

def test_closed_status_notes() -> None:
    assert all(status_only(x) for x in ("Lukket punkt.", "Punktet er lukket for offentligheden.",
                                        "Lukket punkt. Sagen er behandlet for lukkede døre.",
                                        "Sagen er behandlet på lukket møde.", "Lukket punkt – ikke offentligt.",
                                        "Behandlet for lukkede døre.\n\nKaren Bjerre (A) havde meldt afbud."))
    assert not any(status_only(x) for x in ("Godkendt.", "Lukket punkt. Godkendt.", ""))


def test_a_closed_item_keeps_a_real_decision() -> None:
    text = ("Økonomiudvalget\nMødedato: 3. marts 2025\nPunkt 1: Lukket punkt: Køb af jord\nBeslutning\nGodkendt.\n"
            "Punkt 2: Lukket punkt: Personsag\nBeslutning\nSagen er behandlet for lukkede døre.\n")
    m = parse_document(Document("x.txt", text))
    assert [[d.text for d in it.decisions] for it in m.items] == [["Godkendt."], []]
    assert m.items[1].sections[0].text == "Sagen er behandlet for lukkede døre."


# --- Qeqqata: Umbraco page, an accordion that opens with the meeting's facts ---------------------------------------

def test_qeqqata_meeting_facts_from_the_first_panel() -> None:
    r = read(QEQ)
    m = r.meeting
    assert r.reader == "generic-html"
    assert (m.committee, m.date, m.time, m.status) == ("Udvalg for Familie og Uddannelse", date(2024, 10, 3),
                                                        "13:00", "minutes")
    assert m.location == "Mødesalen, Rådhuset, Sisimiut"
    assert m.absentees == ["Kuno Berthelsen (IA)"]
    assert m.participants == ["Aputsiaq Heilmann (S)", "Birthe Olsen (S)", "Kuno Berthelsen (IA)",
                              "Najaaraq Frederiksen (IA)", "Hans-Kristian Lynge (D)"]
    known = municipalities.canonical_name("Qeqqata Kommunia")  # once the list of names knows Greenland's
    if known is not None:
        assert m.municipality == known and m.municipality_evidence == ["source field: Qeqqata Kommunia"]


def test_qeqqata_the_page_states_its_authority() -> None:
    draft = generic_html.analyse(Source(QEQ.read_bytes(), QEQ.name))
    assert draft is not None and draft.municipality == "Qeqqata Kommunia"
    page = QEQ.read_text(encoding="utf-8").replace("Qeqqata Kommunia", "Nunaqarfik Kommunia")
    draft = generic_html.analyse(Source(page.encode("utf-8"), QEQ.name))
    assert draft is not None and draft.municipality == "Nunaqarfik Kommunia"  # unknown to the list: resolve decides
    assert html_facts.authority([None, "Dagsordener og referater", "Region Nordjylland"]) == "Region Nordjylland"


def test_qeqqata_items() -> None:
    m = read(QEQ).meeting
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "2024-08812"),
        ("2", "Sammenlægning af Atuarfik Nuussuaq og Atuarfik Ukaliusaq i Maniitsoq - efter høring", "2024-03127"),
        ("3", "Takster for daginstitutioner 2025", "2024-07450"),
        ("4", "Tilskud til fritidsklubben i Kangerlussuaq", "2024-07911"),
        ("5", "Handleplan for børn og unge i udsatte positioner 2025-2027", "2024-06604"),
        ("6", "Lukket punkt: Anbringelsessag", None),
        ("7", "Orientering", "2024-08813")]
    assert [it.closed for it in m.items] == [False] * 5 + [True, False]
    assert [first(m, k) for k in range(7)] == [
        "Godkendt. Afbud: Kuno Berthelsen (IA)",
        "Anbefales over for Økonomiudvalget og Kommunalbestyrelsen. For stemte: S og D (3) Imod stemte: IA (1) IA "
        "ønsker, at der indføres skolebus for 1.-3. klasse, før skolerne sammenlægges. Afbud: Kuno Berthelsen (IA)",
        "Godkendt. Afbud: Kuno Berthelsen (IA)",
        "Godkendt, idet tilskuddet evalueres inden udgangen af 2026. Afbud: Kuno Berthelsen (IA)",
        "Godkendt. Afbud: Kuno Berthelsen (IA)",
        None,
        "Taget til efterretning. Afbud: Kuno Berthelsen (IA)"]
    for it in m.items:  # site chrome: news box, coming meetings, cookie banner
        assert "Vandafbrydelse" not in it.text and "07.11.2024" not in it.text and "cookie" not in it.text.lower()


META_DL = """<dl class="meeting-info">
              <dt>Dato</dt><dd>Torsdag den 3. oktober 2024</dd>
              <dt>Tidspunkt</dt><dd>Kl. 13.00 - 15.30</dd>
              <dt>Sted</dt><dd>Mødesalen, Rådhuset, Sisimiut</dd>
              <dt>Medlemmer</dt><dd>Aputsiaq Heilmann (S), formand<br>Birthe Olsen (S)<br>Kuno Berthelsen (IA)<br>Najaaraq Frederiksen (IA), næstformand<br>Hans-Kristian Lynge (D)</dd>
              <dt>Afbud</dt><dd>Kuno Berthelsen (IA)</dd>
            </dl>"""  # noqa: E501 (the page's own line)


def test_facts_panel_as_a_table_variant() -> None:
    """The facts panel as a table with other labels and values, another title, and a lead line with the date
    only: still the head's, not an item; the time, venue and absence come from it."""
    table = ("<table><tr><th>Mødetidspunkt</th><td>Kl. 14.00 - 16.00</td></tr><tr><th>Mødested</th>"
             "<td>Mødelokale 2, Rådhuset, Maniitsoq</td></tr><tr><th>Fraværende</th><td>Birthe Olsen (S)</td></tr>"
             "</table>")
    m = read(QEQ, (META_DL, table), ("Mødeoplysninger og deltagere", "Om mødet"),
             ("2024 kl. 13.00</span>", "2024</span>"),
             ('<span class="meeting__place">Mødesalen, Rådhuset, Sisimiut</span>', "")).meeting
    assert [it.number for it in m.items] == ["1", "2", "3", "4", "5", "6", "7"]
    assert (m.time, m.location) == ("14:00", "Mødelokale 2, Rådhuset, Maniitsoq")
    assert m.absentees[0] == "Birthe Olsen (S)"  # then the decisions' own "Afbud: Kuno Berthelsen (IA)"


def test_an_unnumbered_first_panel_with_sections_stays_an_item() -> None:
    """A first panel that holds an item's sections (an unnumbered item), not meeting facts, is still an item."""
    item = ("<h4 class=\"agenda-section__title\">Indstilling</h4><div><p>Det indstilles, at referatet godkendes.</p>"
            "</div><div class=\"agenda-item__decision\"><h4>Afgørelse</h4><p>Godkendt.</p></div>")
    m = read(QEQ, (META_DL, item), ("Mødeoplysninger og deltagere", "Godkendelse af referat")).meeting
    assert [(it.number, it.title) for it in m.items][:2] == [(None, "Godkendelse af referat"),
                                                            ("1", "Godkendelse af dagsorden")]
