"""HTML layouts of sample_data/portals2 (invented minutes): an accordion CMS page (Gentofte) and a print view
with one key/value table per item (Hvidovre); plus small invented pages with the same patterns in other markup
(flat ``aria-controls`` buttons, tabs, Bootstrap collapse, a ``<dl>`` per item, one table of many records).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ingest.html import html_to_text
from ingest.parse import parse_bytes, read_path

PORTALS2 = Path(__file__).resolve().parent.parent / "sample_data" / "portals2"


def _first_words(text: str) -> str:
    return " ".join(text.split()[:4])


def test_accordion_page_gentofte() -> None:
    result = read_path(PORTALS2 / "gentofte_boerne-og-skoleudvalget_2024-06-04.html")
    m = result.meeting
    assert result.reader == "generic-html" and result.warnings == []
    assert (m.municipality, m.committee, m.date, m.time, m.location, m.status) == (
        "Gentofte", "Børne- og Skoleudvalget", date(2024, 6, 4), "17:00", "Udvalgsværelse 1, Gentofte Rådhus",
        "minutes")
    assert m.absentees == ["Peter Møller Ravn (C)"] and len(m.participants) == 8
    assert "Marie Sander (C)" in m.participants and "formand" not in m.participants
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "24/12001"),
        ("2", "Justering af skoledistriktsgrænsen mellem Tjørnegårdsskolen og Dyssegårdsskolen", "24/05110"),
        ("3", "Kvalitetsrapport 2023/24 for folkeskolerne", "24/03318"),
        ("4", "Anlægsbevilling til udvidelse af SFO på Skovgårdsskolen", "23/22045"),
        ("5", "Forsøg med mobilfri skoledag", "24/06802"),
        ("6", "Meddelelser", "24/12002")]
    assert [_first_words(it.decisions[0].text) for it in m.items] == [
        "Godkendt.", "Anbefales, idet udvalget beder", "Godkendt.", "Anbefales. For stemte: C,", "Godkendt.",
        "Taget til efterretning."]
    assert all(len(it.decisions) == 1 and it.decisions[0].body == m.committee for it in m.items)
    # each panel's text stays with its own trigger, and the sidebar and page stamp reach no item
    assert "Dyssegårdsskolen er steget" in m.items[1].text and "Kvalitetsrapporten viser" in m.items[2].text
    assert "Kvalitetsrapporten" not in m.items[1].text and "Ordrup Skoles" in m.items[5].text
    assert [s.name for s in m.items[3].sections] == ["Sagsfremstilling", "Økonomi", "Indstilling"]
    for it in m.items:
        assert not [x for x in ("Næste møde", "Senest opdateret", "13. august", "Se også", "cookies")
                    if x in it.text], it.label


def test_print_view_with_a_table_per_item_hvidovre() -> None:
    result = read_path(PORTALS2 / "hvidovre_kultur-og-fritidsudvalget_2024-09-10.html")
    m = result.meeting
    assert result.reader == "generic-html" and result.warnings == []
    # the print stamp "Udskrevet 12.09.2024 kl. 08:41" is neither the date nor the time
    assert (m.municipality, m.committee, m.date, m.time, m.location, m.status) == (
        "Hvidovre", "Kultur- og Fritidsudvalget", date(2024, 9, 10), "17:30", "Hvidovre Rådhus, Mødelokale 2",
        "minutes")
    assert m.absentees == ["Martin Sønderby (Ø)"] and len(m.participants) == 7
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "24-2210"), ("2", "Fordeling af Kulturpuljen 2024, 2. runde", "24-1785"),
        ("3", "Ny kunstgræsbane ved Frihedens Idrætscenter", "23-3390"),
        ("4", "Udvidede åbningstider med selvbetjening på Hvidovre Bibliotek", "24-1902"),
        ("5", "Lukket punkt: Lejeaftale for klubhus", "24-2001"),
        ("6", "Orientering fra formanden og administrationen", "24-2211")]
    assert [_first_words(it.decisions[0].text) if it.decisions else None for it in m.items] == [
        "Godkendt.", "Godkendt med den ændring,", "Anbefales. For stemte: A,", "Godkendt, idet der dog", None,
        "Taget til efterretning."]
    closed = m.items[4]
    assert closed.closed and closed.decisions == [] and closed.section("Bemærkning") is not None
    assert [s.name for s in m.items[2].sections] == ["Sagsfremstilling", "Økonomi", "Indstilling"]
    for it in m.items:  # the label rows are the item's head, not its text; the page's footer is no item's
        assert "Side genereret" not in it.text and "Titel" not in it.text, it.label


HEAD = ("<html><head><title>Referat | Odder Kommune</title></head><body><nav><a href='/'>Forside</a></nav><main>"
        "<h1>Referat - Miljøudvalget - 5. februar 2024</h1><p><strong>Mødetidspunkt:</strong> kl. 15.00</p>"
        "<p><strong>Afbud:</strong> Jens Holm (V)</p>{body}"
        "<aside><h2>Næste møde</h2><p>Miljøudvalget mødes igen den 4. marts 2024.</p></aside>"
        "<p>Senest opdateret 7. februar 2024</p></main></body></html>")
AGENDA = [("1", "Godkendelse af dagsorden", "", "Godkendt."),
          ("2", "Spildevandsplan 2024", "Administrationen indstiller planen til godkendelse.", "Anbefales."),
          ("3", "Vintertjeneste", "Saltforbruget var 20 procent lavere end sidste år.", "Taget til efterretning.")]


def _panel(text: str, decision: str) -> str:
    case = f"<p><b>Sagsfremstilling</b></p><p>{text}</p>" if text else ""
    return f"{case}<p><b>Beslutning</b></p><p>{decision}</p>"


def _flat_buttons() -> str:  # no wrappers, no headings: a button names its panel by aria-controls
    return "".join(f"<button class='btn' aria-expanded='false' aria-controls='x{n}'>{n}. {t}</button>"
                   f"<div id='x{n}' hidden>{_panel(s, d)}</div>" for n, t, s, d in AGENDA)


def _tabs() -> str:  # the triggers together at the top, each panel naming its tab by aria-labelledby
    return ("<div role='tablist'>" + "".join(f"<a role='tab' id='t{n}' href='#p{n}'>Punkt {n}: {t}</a>"
                                             for n, t, _, _ in AGENDA) + "</div>"
            + "".join(f"<section role='tabpanel' id='p{n}' aria-labelledby='t{n}'>{_panel(s, d)}</section>"
                      for n, _, s, d in AGENDA))


def _collapse() -> str:  # Bootstrap: a link with data-bs-toggle and href="#id"
    return "".join(f"<a class='btn' data-bs-toggle='collapse' href='#c{n}'>Punkt {n} - {t}</a>"
                   f"<div class='collapse' id='c{n}'>{_panel(s, d)}</div>" for n, t, s, d in AGENDA)


def _classes_only() -> str:  # no ids, aria or headings: a trigger by its class, the panel right after it
    return "<div class='faq'>" + "".join(f"<div class='accordion-toggle'>Punkt {n}: {t}</div>"
                                         f"<div class='accordion-content'>{_panel(s, d)}</div>"
                                         for n, t, s, d in AGENDA) + "</div>"


@pytest.mark.parametrize("markup", [_flat_buttons, _tabs, _collapse, _classes_only])
def test_accordion_patterns_in_other_markup(tmp_path: Path, markup) -> None:  # type: ignore[no-untyped-def]
    result = parse_bytes(HEAD.format(body=markup()).encode(), str(tmp_path / "side.html"))
    m = result.meeting
    assert result.reader == "generic-html"
    assert (m.municipality, m.committee, m.date, m.time, m.absentees) == (
        "Odder", "Miljøudvalget", date(2024, 2, 5), "15:00", ["Jens Holm (V)"])
    assert [(it.number, it.title) for it in m.items] == [(n, t) for n, t, _, _ in AGENDA]
    for it, (_, _, text, decision) in zip(m.items, AGENDA, strict=True):
        assert [d.text for d in it.decisions] == [decision] and (text in it.text)
        assert "Næste møde" not in it.text and "Senest opdateret" not in it.text
    assert "Saltforbruget" not in m.items[1].text


def test_a_fold_all_button_or_a_tab_over_the_whole_agenda_is_no_item(tmp_path: Path) -> None:
    fold = "<button aria-controls='acc' aria-expanded='false'>Fold alle ud</button><div id='acc'>{}</div>"
    tab = ("<div role='tablist'><button role='tab' aria-controls='dag'>Dagsorden</button><button role='tab' "
           "aria-controls='ref'>Referat</button></div><div role='tabpanel' id='dag'><p>Se PDF.</p></div>"
           "<div role='tabpanel' id='ref'>{}</div>")
    headed = "".join(f"<h2>{n}. {t}</h2>{_panel(s, d)}" for n, t, s, d in AGENDA)
    for body in (fold.format(_flat_buttons()), tab.format(headed)):
        m = parse_bytes(HEAD.format(body=body).encode(), str(tmp_path / "side.html")).meeting
        assert [(it.number, it.title) for it in m.items] == [(n, t) for n, t, _, _ in AGENDA]


RECORD = "<dl class='sag'><dt>Nr.</dt><dd>{n}</dd><dt>Overskrift</dt><dd>{t}</dd>{rest}</dl>"
ROWS = "<tr><td>Punkt:</td><td>{n}</td></tr><tr><td>Titel:</td><td>{t}</td></tr>{rest}"


def test_records_as_definition_lists_or_one_table_of_label_rows(tmp_path: Path) -> None:
    dls = "".join(RECORD.format(n=n, t=t, rest=(f"<dt>Sagsfremstilling</dt><dd><p>{s}</p></dd>" if s else "")
                                + f"<dt>Beslutning</dt><dd>{d}</dd>") for n, t, s, d in AGENDA)
    table = "<table>" + "".join(ROWS.format(n=n, t=t, rest=(f"<tr><td>Sagsfremstilling:</td><td>{s}</td></tr>"
                                                           if s else "") + f"<tr><td>Beslutning:</td><td>{d}</td></tr>")
                                for n, t, s, d in AGENDA) + "</table>"
    facts = ("<dl><dt>Udvalg</dt><dd>Ældreudvalget</dd><dt>Mødedato</dt><dd>03.04.2024</dd><dt>Mødetidspunkt</dt>"
             "<dd>14:00 - 16:00</dd></dl><div>Udskrevet 05.04.2024 kl. 09:12</div>")
    for body in (dls, table):
        page = f"<html><body><h1>Referat</h1>{facts}{body}<p>Side genereret af systemet</p></body></html>"
        result = parse_bytes(page.encode(), str(tmp_path / "print.html"))
        m = result.meeting
        assert result.reader == "generic-html"
        assert (m.committee, m.date, m.time) == ("Ældreudvalget", date(2024, 4, 3), "14:00")
        assert [(it.number, it.title) for it in m.items] == [(n, t) for n, t, _, _ in AGENDA]
        assert [[d.text for d in it.decisions] for it in m.items] == [[d] for _, _, _, d in AGENDA]
        assert "Side genereret" not in m.items[-1].text and "Overskrift" not in m.items[0].text


def test_text_path_keeps_accordion_titles_and_reads_fact_lists() -> None:
    page = ("<dl><dt>Udvalg</dt><dd>Ældreudvalget</dd><dt>Mødedato</dt><dd>03.04.2024</dd></dl>"
            "<h2><button aria-expanded='false' aria-controls='p1'>Punkt 1 – Godkendelse</button></h2>"
            "<div id='p1'><p>Godkendt.</p></div><form><button>Søg</button></form>")
    lines = [x for x in html_to_text(page).splitlines() if x]
    assert lines == ["Udvalg: Ældreudvalget", "Mødedato: 03.04.2024", "Punkt 1 – Godkendelse", "Godkendt."]
