"""A PDF whose items start under a boxed "Punkt N Åben sag" header with the footer extracted at each page's top, and
a Word 97-2003 DOCX whose items are the rows of one table and whose committee and date are only in the page header
part (sample_data/portals10, facts in sample_data/portals10-expected.md), with variants so the rules are not fitted
to one file.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

from ingest.docxtable import table_draft
from ingest.items import decision_from_text
from ingest.parse import parse_document
from ingest.read import Document
from ingest.readers import ReadResult, read_source
from ingest.readers.base import Source

ROOT = Path(__file__).resolve().parent.parent
AEROE = ROOT / "sample_data" / "portals10" / "aeroe_miljoe-og-teknikudvalget_2024-10-29.pdf"
FANOE = ROOT / "sample_data" / "portals10" / "fanoe_oekonomiudvalget_2024-08-20.docx"


def read(path: Path, data: bytes | None = None, name: str | None = None) -> ReadResult:
    return read_source(Source(path.read_bytes() if data is None else data, name or str(path)))


def first_words(m: object, k: int) -> str | None:
    decisions = m.items[k].decisions  # type: ignore[attr-defined]
    return decisions[0].text.split("\n")[0] if decisions else None


# --- Ærø: PDF, "Punkt N Åben sag" boxes, footer first on each page ----------------------------------------------

def test_aeroe_meeting_facts() -> None:
    m = read(AEROE, name="minutes.pdf").meeting
    assert (m.municipality, m.committee, m.date, m.time) == ("Ærø", "Miljø- og Teknikudvalget", date(2024, 10, 29),
                                                            "14:00")
    assert m.location == "Mødelokale 1, Ærø Rådhus, Statene 2, 5970 Ærøskøbing"
    assert m.absentees == ["Karsten Helsted (F)"]
    assert m.status == "minutes"


def test_aeroe_items_titles_not_the_access_mark() -> None:
    m = read(AEROE).meeting
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "24/1450"),
        ("2", "Separatkloakering i Marstal, etape 3 - godkendelse af projekt og kommunal medfinansiering", "24/0871"),
        ("3", "Køreplan for de gratis øbusser 2025", "24/1302"),
        ("4", "Affaldsindsamling i sommerhusområder", "24/1188"),
        ("5", "Lukket punkt: Køb af areal ved Søby Havn", None),
        ("6", "Meddelelser", "24/1451"),
    ]
    assert [it.closed for it in m.items] == [False] * 4 + [True, False]


def test_aeroe_decisions_without_the_page_footer() -> None:
    m = read(AEROE).meeting
    assert [first_words(m, k) for k in range(6)] == [
        "Godkendt.",
        "Godkendt. For stemte: V, A, C (5) Imod stemte: Ø (1) Ø ønsker, at grundejerne tilbydes rentefrie lån til "
        "omlægning på egen grund.",
        "Godkendt med den ændring, at den ekstra aftenafgang også kører om lørdagen.",
        "Anbefales over for Økonomiudvalget og Kommunalbestyrelsen.",
        "Godkendt.",
        "Taget til efterretning.",
    ]
    assert [it.decisions[0].outcome for it in m.items] == ["approved"] * 5 + ["noted"]
    for it in m.items:
        assert "Side" not in it.decisions[0].text and "Referat fra" not in it.text
    votes = m.items[1].decisions[0].votes
    assert [(v.position, v.count, [x.name for x in v.members]) for v in votes] == [
        ("for", 5, ["V", "A", "C"]), ("against", 1, ["Ø"])]


PAGE = "Byens Kommune Teknisk Udvalg\nReferat fra Teknisk Udvalg, 03.09.2025 Side {n} af 4\n"


def test_access_mark_heading_variant() -> None:
    """Other words, marks and numbers: "Punkt 7 Lukket punkt" / "Punkt 8 Åbent punkt", the title on the next line,
    the footer with its page number first on every page."""
    pages = [
        PAGE.format(n=1) + "Referat\nTeknisk Udvalg\nMødedato: 3. september 2025\nMødetidspunkt: Kl. 9.00",
        PAGE.format(n=2) + "Punkt 7 Åbent punkt\nNy vej til genbrugspladsen\nSagsnr.: 25/0100\nSagsfremstilling\n"
        "Vejen anlægges i 2026.\nBeslutning i Teknisk Udvalg den 03-09-2025\nGodkendt.",
        PAGE.format(n=3) + "Punkt 8 Lukket punkt\nSalg af grund\nSagsnr.: -\nBeslutning i Teknisk Udvalg den 03-09-2025"
        "\nGodkendt.",
        PAGE.format(n=4) + "Punkt 9 Åbent punkt\nEventuelt\nSagsnr.: 25/0101\nBeslutning i Teknisk Udvalg den "
        "03-09-2025\nIntet.",
    ]
    m = parse_document(Document("x.pdf", "\n\f".join(pages)))
    assert [(it.number, it.title, it.case_number, it.closed) for it in m.items] == [
        ("7", "Ny vej til genbrugspladsen", "25/0100", False), ("8", "Salg af grund", None, True),
        ("9", "Eventuelt", "25/0101", False)]
    assert [it.decisions[0].text for it in m.items] == ["Godkendt.", "Godkendt.", "Intet."]


def test_access_mark_before_a_sentence_stays_the_title() -> None:
    """A mark followed by prose (no title line) is not replaced by that sentence."""
    text = ("Teknisk Udvalg\nMødedato: 3. september 2025\nPunkt 1 Lukket sag\nSagen er behandlet for lukkede døre.\n"
            "Beslutning\nGodkendt.\nPunkt 2 Åben sag\nEventuelt\nBeslutning\nIntet.")
    m = parse_document(Document("x.txt", text))
    assert [(it.title, it.closed) for it in m.items] == [("Lukket sag", True), ("Eventuelt", False)]


def test_vote_clauses_run_together() -> None:
    dec = decision_from_text("Vedtaget. For stemte: S, F, Ø (6) Imod stemte: V, O (3) V og O ønsker en udsættelse.",
                             "Byrådet", date(2025, 1, 1))
    assert [(v.position, v.count, [x.name for x in v.members]) for v in dec.votes] == [
        ("for", 6, ["S", "F", "Ø"]), ("against", 3, ["V", "O"])]
    assert dec.text.startswith("Vedtaget. For stemte")


# --- Fanø: DOCX, items as table rows, facts in the page header part -----------------------------------------------

def test_fanoe_meeting_facts_from_the_page_header() -> None:
    m = read(FANOE, name="minutes.docx").meeting
    assert (m.municipality, m.committee, m.date, m.time) == ("Fanø", "Økonomiudvalget", date(2024, 8, 20), "16:00")
    assert m.location == "Mødelokale 1, Fanø Rådhus, Skolevej 5-7, 6720 Fanø"
    assert m.absentees == ["Erik Thygesen (C)"]
    assert m.status == "minutes"


def test_fanoe_rows_are_the_items() -> None:
    r = read(FANOE)
    m = r.meeting
    assert r.reader == "text" and not any("one searchable document" in w for w in r.warnings)
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "24/1830"),
        ("2", "Budgetforslag 2025-2028 - oversendelse til 1. behandling", "24/1834"),
        ("3", "Parkeringsafgift ved Fanø Bad - evaluering af sæson 2024", "24/0655"),
        ("4", "Overdækket cykelparkering ved færgelejet i Nordby", "24/1502"),
        ("5", "Lukket punkt: Ejendomshandel", None),
        ("6", "Eventuelt", "24/1831"),
    ]
    assert [it.closed for it in m.items] == [False] * 4 + [True, False]
    budget = m.items[1]
    assert [s.name for s in budget.sections] == ["Sagsfremstilling", "Anlæg", "Tidsplan", "Indstilling"]
    plan, case = budget.section("Tidsplan"), budget.section("Sagsfremstilling")
    assert plan is not None and plan.text.startswith("1. behandling i Kommunalbestyrelsen den 29. august 2024.")
    assert case is not None and "grundskyldspromille på 27,5" in case.text  # runs split mid-word


def test_fanoe_decisions() -> None:
    m = read(FANOE).meeting
    assert [first_words(m, k) for k in range(6)] == [
        "Godkendt.", "Oversendes til Kommunalbestyrelsens 1. behandling.",
        "Taget til efterretning, idet ordningen fortsætter uændret i 2025.", "Godkendt.", None, "Intet."]
    assert not m.items[4].decisions and m.items[4].sections[0].text == "Sagen behandles for lukkede døre."
    votes = m.items[1].decisions[0].votes
    assert [(v.position, v.count) for v in votes] == [("for", 3), ("against", 1)]
    assert all(d.body == "Økonomiudvalget" and d.date == date(2024, 8, 20) for it in m.items for d in it.decisions)


def _edited(replacements: dict[str, list[tuple[str, str]]], drop: set[str] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(FANOE) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if drop and info.filename in drop:
                continue
            data = src.read(info.filename).decode("utf-8")
            for old, new in replacements.get(info.filename, []):
                assert old in data, old
                data = data.replace(old, new)
            dst.writestr(info.filename, data)
    return out.getvalue()


ROW = ('<w:tr><w:tc><w:p><w:r><w:t>Pkt. 7</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Vintervedligeholdelse'
       '</w:t></w:r></w:p><w:p><w:r><w:t>Sagsnr.: 24/2001</w:t></w:r></w:p><w:p><w:r><w:t>Baggrund:</w:t></w:r>'
       '<w:r><w:br/></w:r><w:r><w:t>3. runde af udbuddet er afsluttet.</w:t></w:r></w:p><w:p><w:r>'
       '<w:t>Beslutning: Godkendt.</w:t></w:r></w:p></w:tc></w:tr></w:tbl>')


def test_table_rows_variant_other_committee_date_and_labels() -> None:
    """Another committee and date in the page header, an added row numbered "Pkt. 7" with an unknown label
    ("Baggrund:") whose text starts "3. runde", and an inline "Beslutning: Godkendt."."""
    data = _edited({
        "word/header1.xml": [("Økonomiudvalget", "Teknik- og Miljøudvalget"), ("20.08.2024", "17.09.2024"),
                             ("Fanø Kommune", "Varde Kommune")],
        "word/document.xml": [("</w:tbl>", ROW)],
    })
    m = read(FANOE, data, "minutes.docx").meeting
    assert (m.municipality, m.committee, m.date) == ("Varde", "Teknik- og Miljøudvalget", date(2024, 9, 17))
    assert [it.number for it in m.items] == ["1", "2", "3", "4", "5", "6", "7"]
    last = m.items[-1]
    assert (last.title, last.case_number) == ("Vintervedligeholdelse", "24/2001")
    assert last.sections[0].name == "Baggrund" and last.sections[0].text == "3. runde af udbuddet er afsluttet."
    assert last.decisions[0].text == "Godkendt." and last.decisions[0].body == "Teknik- og Miljøudvalget"


def test_date_in_the_body_outranks_the_page_header() -> None:
    data = _edited({"word/document.xml": [("Kl. 16.00 – 18.00", "Tirsdag den 27. august 2024 kl. 16.00")]})
    m = read(FANOE, data).meeting
    assert m.date == date(2024, 8, 27) and m.time == "16:00"


def test_no_item_table_is_left_to_the_text_reader() -> None:
    data = _edited({"word/document.xml": [("<w:t xml:space=\"preserve\">1.</w:t>", "<w:t>Første</w:t>"),
                                          ("<w:t xml:space=\"preserve\">2.</w:t>", "<w:t>Andet</w:t>"),
                                          ("<w:t xml:space=\"preserve\">3.</w:t>", "<w:t>Tredje</w:t>"),
                                          ("<w:t xml:space=\"preserve\">4.</w:t>", "<w:t>Fjerde</w:t>"),
                                          ("<w:t xml:space=\"preserve\">5.</w:t>", "<w:t>Femte</w:t>"),
                                          ("<w:t xml:space=\"preserve\">6.</w:t>", "<w:t>Sjette</w:t>")]})
    assert table_draft(data) is None
    assert table_draft(FANOE.read_bytes()) is not None


def test_no_date_anywhere_is_not_read_as_a_table() -> None:
    data = _edited({}, drop={"word/header1.xml"})
    assert table_draft(data) is None
