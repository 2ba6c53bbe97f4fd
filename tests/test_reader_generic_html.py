"""The generic HTML reader: minutes pages from portals no reader knows, read by their structure.

Fixtures (invented; ``sample_data/portals/*.html``, which eval/portals.jsonl also asks about, and
``tests/fixtures/readers/html/generic_pkt_dl_naestved.html``): numbered headings at two levels (Holbæk),
one table row per item with a th/td facts table and a print date (Svendborg), ``div.agenda-item[data-number]``
with ``<details><summary>`` (Favrskov), unnumbered ``<h2>`` items (Lejre), "Pkt. N" headings with a ``<dl>`` of
facts, inline ``<strong>`` labels, a table of contents and page furniture (Næstved), a plain table whose column
headings name the sections (Roskilde), and ``article[data-nr]`` agenda items with an ``<aside>`` (Herning).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ingest.html import html_to_text
from ingest.parse import parse_bytes, read_path
from ingest.readers.base import Source
from ingest.readers.generic_html import READER
from tests.helpers import invented

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "readers" / "html"

# file -> (municipality, committee, date, time, location, status, [(number, title)], {number or order: decision})
CASES: dict[str, tuple] = {
    "holbaek_teknik-og-miljoeudvalget_2024-03-12.html": (
        "Holbæk", "Teknik- og Miljøudvalget", date(2024, 3, 12), "16:00", "Mødelokale C, Holbæk Rådhus, Kanalstræde 2",
        "minutes",
        [("1", "Godkendelse af dagsorden"), ("2", "Trafiksikkerhedsplan 2024-2028"),
         ("3", "Vinterberedskab - evaluering af sæson 2023/24"), ("4", "Udbud af vejbelysning - udskiftning til LED"),
         ("5", "Lukket punkt: Ekspropriation til stiforbindelse ved Regstrup")],
        {"1": "Godkendt.", "2": "cykelstien langs Ringstedvej prioriteres først", "3": "Taget til efterretning.",
         "4": "starter i Tølløse", "5": "Godkendt."}),
    "svendborg_boerne-og-ungeudvalget_2024-02-05.html": (
        "Svendborg", "Børne- og Ungeudvalget", date(2024, 2, 5), "15:00", "Udvalgsværelse 2, Ramsherred 5", "minutes",
        [("1", "Godkendelse af dagsorden"), ("2", "Skolestruktur på Tåsinge - høring"),
         ("3", "Dagtilbudsstrategi 2024"), ("4", "Orientering om sygefravær blandt pædagoger")],
        {"1": "Godkendt.", "2": "Udvalget kunne ikke anbefale indstillingen", "3": "Godkendt.",
         "4": "handleplan forelagt i juni"}),
    "favrskov_oekonomiudvalget_2024-04-15.html": (
        "Favrskov", "Økonomiudvalget", date(2024, 4, 15), "08:30", "Mødelokale 1, Rådhuset, Skovvej 20, Hinnerup",
        "minutes",
        [("1", "Godkendelse af dagsorden"), ("2", "Regnskab 2023 - overførsler til 2024"),
         ("3", "Salg af byggegrunde i Hinnerup Nord"), ("4", "Ny model for tildeling af midler til ældreplejen")],
        {"1": "Godkendt.", "2": "Anbefales.", "3": "mindstepris på 1.250 kr.", "4": "udsat til næste møde"}),
    "lejre_plan-og-teknikudvalget_2024-09-10.html": (
        "Lejre", "Plan- og Teknikudvalget", date(2024, 9, 10), "17:00",
        "Mødelokale Rådhussalen, Møllebjergvej 4, Hvalsø", "minutes",
        [(None, "Godkendelse af dagsorden"), (None, "Kommuneplantillæg for solcelleanlæg ved Kirke Hyllinge"),
         (None, "Hastighedsbegrænsning i Osted"), (None, "Busbetjening 2025")],
        {1: "Godkendt.", 2: "beplantning øges fra 5 til 10 meter", 3: "Godkendt.", 4: "Linje 233 bevares."}),
    "generic_pkt_dl_naestved.html": (
        "Næstved", "Klima- og Miljøudvalget", date(2024, 4, 9), "15:00", "Byrådssalen, Rådmandshaven 20", "minutes",
        [("1", "Godkendelse af dagsorden"), ("2", "Affaldsgebyrer 2025"), ("3", "Klimatilpasning ved Susåen")],
        {"1": "Godkendt.", "2": "Anbefales over for Byrådet.", "3": "Udsat til næste møde"}),
    "roskilde_oekonomiudvalget_2024-06-19.html": (
        "Roskilde", "Økonomiudvalget", date(2024, 6, 19), "16:30", None, "minutes",
        [("1", "Godkendelse af dagsorden"), ("2", "Salg af Musicon-grunden"),
         ("3", "Budgetopfølgning pr. 31. maj 2024")],
        {"1": "Godkendt.", "2": "Anbefales. Imod stemte: Ø (1).", "3": "Taget til efterretning."}),
    "herning_boerne-og-familieudvalget_2024-09-02.html": (
        "Herning", "Børne- og Familieudvalget", date(2024, 9, 2), "14:00", "Mødelokale 2.12, Rådhuset", "agenda",
        [("1", "Meddelelser"), ("2", "Skoleudbygning i Lind"), ("2.1", "Skolevejen ved Lind Skole")], {}),
}
# page furniture and page-head text that must never reach an item
FURNITURE = ["Tilgængelighedserklæring", "Kanalstræde 2 · 4300", "cookies", "Udskrevet", "Print", "Rådhusbuen 1",
             "Torvet 5", "Se også", "Tidligere dagsordener", "Referatet er godkendt af udvalgets",
             "Politik og demokrati", "Indholdsfortegnelse", "Mødested", "Deltagere"]


@pytest.mark.parametrize("name", sorted(CASES))
def test_generic_html_fixture(name: str) -> None:
    municipality, committee, day, time, location, status, items, decisions = CASES[name]
    result = read_path(invented(FIXTURES, name))
    m = result.meeting
    assert result.reader == "generic-html" and result.warnings == []
    assert (m.municipality, m.committee, m.date, m.time, m.location, m.status) == (
        municipality, committee, day, time, location, status)
    assert [(it.number, it.title) for it in m.items] == items
    assert not any(it.title_derived for it in m.items)
    for it in m.items:
        key = it.number if isinstance(next(iter(decisions), ""), str) else it.order
        if key in decisions:
            assert len(it.decisions) == 1 and decisions[key] in it.decisions[0].text, (it.label, it.decisions)
            assert (it.decisions[0].body, it.decisions[0].date) == (committee, day)  # the meeting's own decision
        else:
            assert it.decisions == [], (it.label, it.decisions)
        # each decision in the one item that holds it, and no item holds another item's title
        others = [d for k, d in decisions.items() if k != key and d not in (decisions.get(key) or "")]
        assert not any(d in it.text for d in others if len(d) > 12), it.label
        assert not any(t in it.text for n, t in items if t != it.title and len(t) > 12), it.label
        assert not [f for f in FURNITURE if f in it.text], (it.label, it.text)


def test_sections_case_numbers_attachments_and_attendance() -> None:
    holbaek = read_path(invented(FIXTURES, "holbaek_teknik-og-miljoeudvalget_2024-03-12.html")).meeting
    plan = holbaek.items[1]
    assert plan.case_number == "23-019877" and [s.name for s in plan.sections] == ["Sagsfremstilling", "Indstilling"]
    assert holbaek.items[4].closed and not holbaek.items[3].closed
    assert holbaek.participants == ["Ole Bjørn (A)", "Karen Lund (V)", "Peter Madsen (F)", "Helle Bak (C)",
                                    "Jens Rask (Ø)"]  # "formand" is a role, not a person
    assert holbaek.absentees == ["Karen Lund (V)"]
    favrskov = read_path(invented(FIXTURES, "favrskov_oekonomiudvalget_2024-04-15.html")).meeting
    assert [it.case_number for it in favrskov.items] == [None, "24-4120", "23-11802", "24-2260"]
    assert favrskov.items[3].decisions[0].outcome == "postponed"
    naestved = read_path(invented(FIXTURES, "generic_pkt_dl_naestved.html")).meeting
    fees = naestved.items[1]
    assert fees.case_number == "24/4471" and fees.attachments == ["Gebyrblad 2025", "Takstberegning"]
    assert (fees.section("Indstilling") or fees.sections[0]).text.startswith("Forvaltningen indstiller")
    assert naestved.items[2].section("Resumé") is not None
    assert naestved.participants == ["Birgit Roswall (V)", "Carsten Rasmussen (A)", "Anne Hansen (F)"]
    assert naestved.absentees == ["Anne Hansen (F)"]
    roskilde = read_path(invented(FIXTURES, "roskilde_oekonomiudvalget_2024-06-19.html")).meeting
    sale = roskilde.items[1]
    assert [s.name for s in sale.sections] == ["Sagsfremstilling"]
    assert {v.position: v.count for v in sale.decisions[0].votes} == {"against": 1}
    herning = read_path(invented(FIXTURES, "herning_boerne-og-familieudvalget_2024-09-02.html")).meeting
    assert herning.items[1].case_number == "24/16402" and herning.items[0].sections[0].text.startswith("Formanden")


def test_print_date_is_not_the_meeting_date() -> None:
    m = read_path(invented(FIXTURES, "svendborg_boerne-og-ungeudvalget_2024-02-05.html")).meeting
    assert m.date == date(2024, 2, 5)  # "Udskrevet 07-02-2024" comes first on the page
    assert m.id == "svendborg_boerne-og-ungeudvalget_2024-02-05"


def test_sniffed_by_content_not_name(tmp_path: Path) -> None:
    renamed = tmp_path / "download.txt"
    renamed.write_bytes((invented(FIXTURES, "favrskov_oekonomiudvalget_2024-04-15.html")).read_bytes())
    assert read_path(renamed).reader == "generic-html"


PAGE = """<html><head><title>Referat - Teknisk Udvalg</title></head><body>
<h1>Referat Teknisk Udvalg 12-03-2024 kl. 15.00</h1>{items}
<footer>Vejle Kommune · Skolegade 1</footer></body></html>"""
ITEM = ("<h2>{n}. {title}</h2><h3>Sagsfremstilling</h3><p>Forvaltningen foreslår {title}.</p>"
        "<h3>Beslutning</h3><p>{dec}</p>")


def _page(*items: tuple[int, str, str]) -> bytes:
    return PAGE.format(items="".join(ITEM.format(n=n, title=t, dec=d) for n, t, d in items)).encode()


def test_one_heading_is_not_claimed(tmp_path: Path) -> None:
    data = _page((1, "Godkendelse af dagsorden", "Godkendt."))
    assert not READER.sniff(Source(data, "one.html"))
    assert parse_bytes(data, str(tmp_path / "one.html")).reader != "generic-html"  # the text path reads it


def test_no_structure_or_no_date_is_not_claimed() -> None:
    prose = b"<html><body><h1>Nyhed 12-03-2024</h1><h2>Baggrund</h2><p>Om vejene i byen.</p><h2>Perspektiv</h2>" \
            b"<p>Om cyklerne i byen.</p></body></html>"
    undated = _page((1, "Godkendelse", "Godkendt."), (2, "Budget", "Godkendt.")).replace(b"12-03-2024 kl. 15.00", b"")
    greve = (ROOT / "sample_data" / "minutes" / "greve_sundheds-og-omsorgsudvalget_2023-01-09.json").read_bytes()
    truncated = greve[: len(greve) // 2]  # broken JSON whose fields hold HTML with headings and decisions
    for data in (prose, undated, b"<html><body></body></html>", b"<div>Hej</div>", b'{"a": "<div>"}', truncated):
        assert not READER.sniff(Source(data, "x.html")), data[:60]


def test_two_numbered_headings_are_claimed(tmp_path: Path) -> None:
    result = parse_bytes(_page((1, "Godkendelse af dagsorden", "Godkendt."), (2, "Nyt fortov", "Udsat.")),
                         str(tmp_path / "two.html"))
    m = result.meeting
    assert result.reader == "generic-html" and (m.committee, m.date, m.time) == ("Teknisk Udvalg", date(2024, 3, 12),
                                                                                 "15:00")
    assert [(it.number, it.title, it.decisions[0].outcome) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "approved"), ("2", "Nyt fortov", "postponed")]
    assert "Skolegade" not in m.items[1].text


@pytest.mark.parametrize("name,reader", [
    ("aarhus_byraad_2025-10-08.html", "firstagenda-html"),
    ("middelfart_hennys-testudvalg_2017-05-02_b.html", "edoc-html"),
])
def test_known_portal_pages_keep_their_own_readers(name: str, reader: str) -> None:
    assert read_path(ROOT / "sample_data" / "minutes" / name).reader == reader
    assert read_path(invented(FIXTURES, "firstagenda_referat_vejle.html")).reader == "firstagenda-html"


def test_text_path_drops_furniture_and_reads_label_rows() -> None:
    page = ("<div role='navigation'>Forside</div><table><tr><th>Udvalg</th><td>Børne- og Ungeudvalget</td></tr>"
            "<tr><th>Mødedato</th><td>05-02-2024</td></tr><tr><td>Deltagere:</td><td><ul><li>A</li><li>B</li></ul>"
            "</td></tr></table><table><tr><th>År</th><th>Beløb</th></tr><tr><td>Drift</td><td>4,5</td></tr></table>"
            "<p>Tekst</p><footer>Adresse</footer><div role='contentinfo'>Kontakt</div>")
    lines = [x for x in html_to_text(page).splitlines() if x]
    assert lines == ["Udvalg: Børne- og Ungeudvalget", "Mødedato: 05-02-2024", "Deltagere: A, B", "År | Beløb",
                     "Drift | 4,5", "Tekst"]


def test_numbered_headings_at_two_levels_without_classes(tmp_path: Path) -> None:
    """The Holbæk page without its item classes: the h2 items "N. Titel" and one h3 "Punkt 3: …" between them."""
    page = (invented(FIXTURES, "holbaek_teknik-og-miljoeudvalget_2024-03-12.html")).read_text(encoding="utf-8")
    page = page.replace('<section class="punkt">', "<section>").replace(' class="punkt-overskrift"', "")
    result = parse_bytes(page.encode(), str(tmp_path / "plain.html"))
    assert result.reader == "generic-html"
    holbaek = CASES["holbaek_teknik-og-miljoeudvalget_2024-03-12.html"]
    assert [(it.number, it.title) for it in result.meeting.items] == holbaek[6]
    assert "Tølløse" in result.meeting.items[3].decisions[0].text and "Tølløse" not in result.meeting.items[2].text
