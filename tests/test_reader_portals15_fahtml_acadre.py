"""Two other versions of known formats: a First Agenda publication page whose rows hold only number and title, the
bodies shipped as ``<template data-punkt-id>`` elements after the table in id order (Åbne/Lukkede sections, a
substitute member), and an Acadre minutes XML (nested ``table/fields/field``, one line) with items numbered 98-104
exported in text order and per-member ``participant`` tables. Each sample is read, then variants built here, so
the rules are not fitted to one file."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from core.errors import IngestError
from ingest.parse import parse_bytes, read_path

SAMPLES = Path(__file__).resolve().parent.parent / "sample_data" / "portals15"
FA = SAMPLES / "kerteminde_kommunalbestyrelsen_2024-02-29.html"
ACADRE = SAMPLES / "slagelse_miljoe-plan-og-landdistriktsudvalget_2024-08-12.xml"


def rows(meeting: object) -> list[tuple[str | None, str, str | None, bool]]:
    return [(it.number, it.title, it.case_number, it.closed) for it in meeting.items]  # type: ignore[attr-defined]


def own(meeting: object, item: object) -> list[str]:
    """The texts of the meeting body's own decisions of an item (not earlier bodies' or meetings')."""
    m, it = meeting, item
    return [d.text for d in it.decisions  # type: ignore[attr-defined]
            if d.body == m.committee and d.date == m.date]  # type: ignore[attr-defined]


def flat(text: str) -> str:
    return " ".join(text.split())


# -- First Agenda page with deferred bodies ----------------------------------------------------------------------


def test_fa_deferred_meeting_facts() -> None:
    result = read_path(FA)
    m = result.meeting
    assert result.reader == "firstagenda-html"
    assert (m.municipality, m.committee, m.date, m.time) == ("Kerteminde", "Kommunalbestyrelsen",
                                                             date(2024, 2, 29), "18:00")
    assert m.location == "Byrådssalen, Kerteminde Rådhus, Hans Schacks Vej 4, 5300 Kerteminde"
    assert m.status == "minutes"  # "Beslutning i Kommunalbestyrelsen" on a Kommunalbestyrelsen page: its own
    assert not any("read as an agenda" in w for w in result.warnings)
    assert m.absentees == ["Lotte Bech (V)"]
    assert "Allan Dam (V)" in m.participants and "Allan Dam (V)" not in m.absentees
    assert m.remarks == ["Allan Dam (V): Stedfortræder for Lotte Bech (V)"]
    assert len(m.participants) == 20


def test_fa_deferred_bodies_joined_by_id_not_position() -> None:
    m = read_path(FA).meeting
    assert rows(m) == [  # the templates stand in the order 1, 4, 3, 5, 2
        ("1", "Godkendelse af dagsorden", "24/2210", False),
        ("2", "Udvidelse af lystbådehavnen i Kerteminde - anlægsbevilling", "22/15530", False),
        ("3", "Salg af den tidligere Marslev Skole", "23/20417", False),
        ("4", "Ændring af styrelsesvedtægten - 2. behandling", "23/24488", False),
        ("5", "Kommunegaranti for lån til Munkebo Fjernvarme", "24/1187", False),
        ("6", "Salg af byggegrunde i Langeskov", None, True),
        ("7", "Personalesag", None, True),
    ]
    by = {it.number: it for it in m.items}
    assert [flat(t) for t in own(m, by["1"])] == ["Godkendt."]
    assert flat(own(m, by["2"])[0]).startswith("Godkendt. Stemmer for: 17 (A, V, C, F, O, B) Stemmer imod: 2 (Ø)")
    assert own(m, by["3"])[0].startswith("Godkendt, at ejendommen sælges til Marslev Udvikling ApS for 3.150.000 kr.")
    assert flat(own(m, by["4"])[0]) == ("Vedtaget ved 2. behandling. Forslaget blev vedtaget med 16 stemmer mod 3 "
                                        "(V).")
    assert own(m, by["5"])[0].startswith("Godkendt med en garantiprovision på 0,5 pct.")
    assert "24,6 mio. kr." in by["2"].text and "640" in by["2"].text and "Marslev" not in by["2"].text
    assert "0,5 pct." not in " ".join(t for _, t in ((s.heading, s.text) for s in by["5"].sections))
    assert not by["6"].decisions and not by["7"].decisions and not by["6"].sections


def test_fa_deferred_sagsforloeb_is_an_earlier_body() -> None:
    m = read_path(FA).meeting
    item = next(it for it in m.items if it.number == "2")
    earlier = [d for d in item.decisions if d.body == "Økonomiudvalget"]
    assert len(earlier) == 1 and earlier[0].date == date(2024, 2, 20)
    assert earlier[0].text.startswith("Anbefales.") and "Camilla Bøgh" in earlier[0].text
    assert len(own(m, item)) == 1 and "Camilla" not in own(m, item)[0]
    three = next(it for it in m.items if it.number == "3")
    assert [(d.body, d.date) for d in three.decisions if d.body != m.committee] == [("Økonomiudvalget",
                                                                                    date(2024, 2, 20))]


def _page(cache: str, rows_: str, heading: str = "Referat 29. februar 2024 kl. 18.00") -> bytes:
    return (f"""<html><head><title>Byrådet - Salen</title></head><body>
<h1 class="dato">{heading}</h1><h2><span class="udvalg">Byrådet</span> - <span class="sted">Salen</span></h2>
<table id="dagsordenDetaljer">{rows_}</table>{cache}</body></html>""").encode()


def _row(n: int, title: str, pid: str, extra: str = "") -> str:
    return (f'<tr class="punktrow {extra}" id="punktrow_{pid}"><td><span class="label label-default">{n}</span></td>'
            f'<td><h2 class="overskrift">{title}</h2><div class="details" data-punkt-id="{pid}" '
            f'data-loaded="false"></div></td></tr>')


def _body(pid: str, case: str, decision_heading: str, decision: str, tag: str = "template") -> str:
    return (f'<{tag} class="punkt-indhold" data-punkt-id="{pid}"><span class="sagsnummer">{case}</span>'
            f'<div id="sagsfremstillingContainer"><h3>Sagsfremstilling</h3><div>Tekst om {case}.</div>'
            f'<h3>{decision_heading}</h3><span class="beslutning"><div>{decision}</div></span></div></{tag}>')


@pytest.mark.parametrize("tag", ["template", "div"])
def test_fa_variant_bodies_in_reverse_order_any_holder(tag: str) -> None:
    rows_ = ('<tbody><tr class="sektion"><td><h2>Åbne punkter</h2></td></tr>' + _row(1, "Alfa", "aa-1")
             + _row(2, "Beta", "bb-2") + '</tbody><tbody><tr class="sektion"><td><h2>Lukkede punkter</h2></td></tr>'
             + _row(3, "Gamma", "cc-3") + "</tbody>")
    cache = ('<div id="punkt-cache" hidden>' + _body("cc-3", "24/3", "Beslutning", "Afvist.", tag)
             + _body("bb-2", "24/2", "Beslutning i Byrådet", "Udsat.", tag)
             + _body("aa-1", "24/1", "Beslutning i Byrådet", "Godkendt.", tag) + "</div>")
    m = parse_bytes(_page(cache, rows_), "variant.html").meeting
    assert rows(m) == [("1", "Alfa", "24/1", False), ("2", "Beta", "24/2", False), ("3", "Gamma", "24/3", True)]
    assert [flat(own(m, it)[0]) for it in m.items] == ["Godkendt.", "Udsat.", "Afvist."]
    assert m.status == "minutes"


def test_fa_variant_other_body_without_date_is_no_decision_of_this_meeting() -> None:
    rows_ = _row(1, "Alfa", "aa-1")
    cache = _body("aa-1", "24/1", "Beslutning i Økonomiudvalget", "Anbefales.")
    result = parse_bytes(_page(cache, rows_), "variant.html")
    m = result.meeting
    assert m.status == "agenda"  # the only decision is another body's: the page is the agenda
    assert [d.body for d in m.items[0].decisions] == ["Økonomiudvalget"] and not own(m, m.items[0])


def test_fa_variant_row_without_body_and_unknown_id_reads_title_only() -> None:
    rows_ = _row(1, "Alfa", "aa-1") + _row(2, "Beta", "zz-9")
    cache = _body("aa-1", "24/1", "Beslutning", "Godkendt.")
    m = parse_bytes(_page(cache, rows_), "variant.html").meeting
    assert rows(m) == [("1", "Alfa", "24/1", False), ("2", "Beta", None, False)]
    assert not m.items[1].decisions and not m.items[1].sections


def test_fa_broken_page_is_a_clear_error() -> None:
    with pytest.raises(IngestError):
        parse_bytes(_page("", "<tr class='punktrow'></tr>"), "broken.html")


# -- Acadre minutes XML ------------------------------------------------------------------------------------------


def test_acadre_meeting_facts() -> None:
    result = read_path(ACADRE)
    m = result.meeting
    assert result.reader == "acadre-xml"
    assert (m.municipality, m.committee, m.date, m.time) == ("Slagelse", "Miljø-, Plan- og Landdistriktsudvalget",
                                                             date(2024, 8, 12), "15:00")
    assert m.date != date(2024, 8, 14)  # producedate / producedAgenda@date: the publication
    assert m.location == "Mødelokale 3.1, Slagelse Rådhus, Rådhuspladsen 11, 4200 Slagelse"
    assert m.status == "minutes" and m.absentees == ["Per Damgaard (A)"]
    assert m.participants == ["Knud Vinther (V)", "Merete Holm (A)", "Per Damgaard (A)", "Helle Sørensen (DF)",
                              "Jesper Kiel (Ø)", "Anne Bech (C)", "Ole Mølgaard (SF)"]
    assert m.published is not None and m.published.startswith("2024-08-14T10:22")


def test_acadre_items_by_printed_number_not_text_order() -> None:
    m = read_path(ACADRE).meeting
    assert rows(m) == [
        ("98", "Godkendelse af dagsorden", "24-018840", False),
        ("99", "Udtalelse til Region Sjællands forslag til Råstofplan 2024", "24-011208", False),
        ("100", "Lokalplan 1196 - Boliger ved Korsør Nor, endelig vedtagelse", "23-030115", False),
        ("101", "Skovrejsning ved Skælskør", "24-006631", False),
        ("102", "Fordeling af landdistriktspuljen 2024", "24-002954", False),
        ("103", "Lukket punkt: Forlig i erstatningssag", None, True),
        ("104", "Meddelelser", "24-018841", False),
    ]
    assert not any(re.fullmatch(r"(?:551|660)\d+", it.number or "") for it in m.items)  # sysids are no numbers
    by = {it.number: it for it in m.items}
    first = {n: flat(own(m, it)[0]) for n, it in by.items() if own(m, it)}
    assert first["98"] == "Godkendt. Afbud: Per Damgaard (A)."
    assert first["99"].startswith("Udvalget godkendte udtalelsen med den tilføjelse, at Slagelse Kommune "
                                  "modsætter sig udvidelsen af graveområdet ved Sørbymagle.")
    assert first["100"].startswith("Anbefales over for Økonomiudvalget og Byrådet med den ændring, at bebyggelsen "
                                   "mod Noret højst må være 3 etager. Stemmer for: 5 (A, V, DF, C, SF)")
    assert first["101"] == "Godkendt. Afbud: Per Damgaard (A)."
    assert first["102"].startswith("Godkendt med den ændring, at Hashøj Lokalråd tildeles 50.000 kr.")
    assert first["104"].startswith("Taget til efterretning.")
    assert "103" not in first and not by["103"].sections


def test_acadre_earlier_udsat_is_its_own_earlier_decision() -> None:
    m = read_path(ACADRE).meeting
    item = next(it for it in m.items if it.number == "100")
    assert [(d.date, d.text.split()[0]) for d in item.decisions] == [(date(2024, 6, 10), "Udsat."),
                                                                      (date(2024, 8, 12), "Anbefales")]
    assert "Udsat" not in own(m, item)[0]
    assert all(s.heading != "Høring" for it in m.items for s in it.sections)  # empty optional bullets


def _acadre(participants: str) -> bytes:
    return ('<?xml version="1.0" encoding="utf-8"?><root><table name="agenda"><fields><field name="type">2</field>'
            '</fields><table name="committee"><fields><field name="name">Teknikudvalget</field>'
            '<field name="organisation">Slagelse Kommune</field></fields></table><table name="meeting"><fields>'
            '<field name="date">03-09-2024 16:00:00</field></fields>' + participants + '</table>'
            '<table name="agendaitemparents"><fields><field name="sort">12</field></fields><table name="agendaitem">'
            '<fields><field name="name">Punkt tolv</field><field name="access">1</field></fields>'
            '<table name="bullet"><fields><field name="bulletname">Beslutning</field><field name="bulletcontent">'
            '&lt;p&gt;Godkendt.&lt;/p&gt;</field></fields></table></table></table></table></root>').encode()


def _participant(name: str, party: str, status: str) -> str:
    return (f'<table name="participant"><fields><field name="name">{name}</field><field name="party">{party}</field>'
            f'<field name="status">{status}</field></fields></table>')


def test_acadre_variant_participant_statuses() -> None:
    xml = _acadre(_participant("Ib Lund", "V", "Deltager") + _participant("Eva Kro", "A", "Fraværende")
                  + _participant("Bo Hald", "", "Deltager"))
    result = parse_bytes(xml, "variant.xml")
    m = result.meeting
    assert result.reader == "acadre-xml"
    assert m.participants == ["Ib Lund (V)", "Eva Kro (A)", "Bo Hald"]
    assert m.absentees == ["Eva Kro (A)"]
    assert rows(m) == [("12", "Punkt tolv", None, False)] and m.time == "16:00"


def test_acadre_variant_without_participants_has_none() -> None:
    result = parse_bytes(_acadre(""), "variant.xml")
    assert result.reader == "acadre-xml"
    assert result.meeting.participants == [] and result.meeting.absentees == []
    assert result.meeting.status == "minutes" and result.meeting.date == date(2024, 9, 3)
