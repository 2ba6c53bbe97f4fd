"""The text reader on five portals19 prints (facts in sample_data/portals19-expected.md): a plain-text copy of a PDF
print (form feeds, a closed item alone on a short page), an EG print with a tillægsdagsorden item "9a.", a print
whose items are headed "Punkt 6 (Lukket)" with the title on the next line and grouped under "Lukkede sager", a
Netpublicator print whose venue is labelled "Mødeafholdelse", and a Region print with capital section labels, a
title wrapped onto a second line and "JOURNALNUMMER" after the decisions. Each rule is also checked on a small
text of its own, so it follows the layout, not these files' words.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from core import vocab
from core.model import Meeting
from ingest.header import parse_header
from ingest.pagetext import without_pages
from ingest.readers import read_source
from ingest.readers.base import Source
from ingest.segment import segment

ROOT = Path(__file__).resolve().parent.parent / "sample_data" / "portals19"


def read(name: str) -> Meeting:
    path = ROOT / name
    return read_source(Source(path.read_bytes(), path.name)).meeting


def facts(m: Meeting) -> tuple[object, ...]:
    return m.municipality, m.committee, m.date, m.time, m.location, m.absentees, m.status


def test_hilleroed_text_print() -> None:
    m = read("hilleroed_socialudvalget_2025-06-03.txt")
    assert facts(m) == ("Hillerød", "Socialudvalget", date(2025, 6, 3), "16:00",
                        "Mødelokale A 2.12, Hillerød Rådhus, Trollesmindealle 27, 3400 Hillerød", ["Nanna Storm (Ø)"],
                        "minutes")
    assert [it.number for it in m.items] == ["1", "2", "3", "4", "5", "6"]
    assert [it.title for it in m.items] == [
        "Godkendelse af dagsorden", "Handicappolitik 2025-2029 - godkendelse efter høring",
        "Botilbuddet Skovgården - udvidelse med 6 pladser", "Tilsynsrapport for bostedet Kvistgården",
        "Lukket punkt: Køb af pladser i privat botilbud", "Meddelelser"]
    assert m.items[4].closed and not m.items[4].decisions
    assert [len(it.decisions) for it in m.items] == [1, 2, 1, 1, 0, 1]  # item 4 no longer holds item 6's decision
    assert m.items[5].case_number == "25/11803"


def test_a_short_pages_closing_page_number_is_its_footer() -> None:
    """A page holding only its running header, a closed item's heading, "Lukket punkt" and "Side n af m": the
    lines above the page number are the page's body, not a header printed above it."""
    page = "Udvalget - Referat   01-02-2025\n\n{body}\n\n                    Side {n} af 4\n"
    bodies = ["1. Godkendelse af dagsorden\n\nBeslutning\nGodkendt.", "2. Lukket punkt: Salg af grund\n\nLukket punkt",
              "3. Meddelelser\n\nBeslutning\nTaget til efterretning.", "4. Eventuelt\n\nBeslutning\nIntet."]
    text = "\f".join(page.format(body=b, n=n) for n, b in enumerate(bodies, 1))
    kept = without_pages(text)
    assert "2. Lukket punkt: Salg af grund" in kept and "Lukket punkt" in kept.splitlines()
    assert "Udvalget - Referat   01-02-2025" not in kept
    assert [b.number for b in segment(text).blocks] == ["1", "2", "3", "4"]


def test_lejre_tillaegsdagsorden_item() -> None:
    m = read("lejre_kommunalbestyrelsen_2025-01-28.pdf")
    assert facts(m) == ("Lejre", "Kommunalbestyrelsen", date(2025, 1, 28), "18:00",
                        "Byrådssalen, Lejre Rådhus, Møllebjergvej 4, 4330 Hvalsø", ["Carsten Rasmussen (A)"],
                        "minutes")
    assert m.remarks == ["Stedfortræder: Jonas Gran (A) for Carsten Rasmussen (A)"]
    assert [it.number for it in m.items] == [*"123456789", "9a", *(str(k) for k in range(10, 23))]
    titles = {it.number: it.title for it in m.items}
    assert titles["6"] == "Lokalplan 102 for boligområde ved Kirke Hyllinge Syd - endelig vedtagelse"
    assert titles["9"] == "Valg af nyt medlem til Folkeoplysningsudvalget"
    assert titles["9a"] == "Ekstraordinær bevilling til stormskader ved Lejre Strand"
    assert titles["10"] == "Ældrepolitik 2025-2028"
    assert titles["22"] == "Lukket punkt: Personalesag"
    nine, added = m.items[8], m.items[9]
    assert [d.body for d in nine.decisions] == ["Kommunalbestyrelsen"]
    assert added.case_number == "25/00633"
    assert [d.body for d in added.decisions] == ["Økonomiudvalget", "Kommunalbestyrelsen"]


def test_a_lettered_item_counts_only_after_its_number() -> None:
    assert vocab.number_key("9a") == (9, 1) and vocab.number_key("9b") == (9, 2) and vocab.number_key("10") == (10,)
    item = "{head}\nSagsnr.: 25/{n:05d}\nBeslutning i Udvalget den 01-02-2025\nGodkendt.\n"
    heads = ["1. Godkendelse af dagsorden", "2. Budget", "2a. Ekstra bevilling", "3. Meddelelser"]
    seg = segment("".join(item.format(head=h, n=n) for n, h in enumerate(heads)))
    assert [b.number for b in seg.blocks] == ["1", "2", "2a", "3"]
    stray = ["1. Godkendelse af dagsorden", "2. Budget", "5a. Ekstra bevilling", "3. Meddelelser"]
    seg = segment("".join(item.format(head=h, n=n) for n, h in enumerate(stray)))
    assert [b.number for b in seg.blocks] == ["1", "2", "3"]  # "5a" after 2 is no item


def test_skive_item_headed_by_its_access_mark() -> None:
    m = read("skive_teknik-og-miljoeudvalget_2025-03-04.pdf")
    assert facts(m) == ("Skive", "Teknik- og Miljøudvalget", date(2025, 3, 4), "13:00",
                        "Mødelokale 1, Skive Rådhus, Torvegade 10, 7800 Skive", ["Kristian Husted (V)"], "minutes")
    assert [it.number for it in m.items] == [str(k) for k in range(1, 9)]
    assert [it.title for it in m.items] == [
        "Godkendelse af dagsorden", "Vintervedligeholdelse - serviceniveau for cykelstier 2025-2026",
        "Ansøgning om tilskud til ny bådebro i Glyngøre", "Trafiksikkerhed ved Resen Skole",
        "Indsamling af tekstilaffald", "Køb af areal til vejudvidelse", "Status på udskiftning til LED-vejbelysning",
        "Meddelelser"]
    assert [it.closed for it in m.items] == [False] * 5 + [True, False, False]
    assert not m.items[5].decisions
    assert m.items[4].decisions[-1].text == ("Godkendt, idet tekstilaffald indsamles på genbrugspladserne fra "
                                             "1. april 2025 og ikke ved husstandene.")
    assert not any("Sager til" in it.text or "Lukkede sager" in it.text for it in m.items)


def test_access_mark_heading_and_group_headings() -> None:
    text = ("Udvalget\nReferat\n\nSager til beslutning\nPunkt 1 (Åben)\nGodkendelse af dagsorden\nSagsnr.: 25/1\n"
            "Beslutning\nGodkendt.\nLukkede sager\nPunkt 2 (Lukket)\nSalg af grund\nPunktet er behandlet for lukkede "
            "døre.\nSager til orientering\nPunkt 3 (Åben)\nMeddelelser\nBeslutning\nTaget til efterretning.\n")
    blocks = segment(text).blocks
    assert [(b.number, b.title, b.closed) for b in blocks] == [
        ("1", "Godkendelse af dagsorden", False), ("2", "Salg af grund", True), ("3", "Meddelelser", False)]
    assert blocks[0].lines[-1] == "Godkendt." and blocks[1].lines[-1] == "Punktet er behandlet for lukkede døre."


def test_odsherred_venue_labelled_moedeafholdelse() -> None:
    m = read("odsherred_social-og-sundhedsudvalget_2024-11-13.pdf")
    assert facts(m) == ("Odsherred", "Social- og Sundhedsudvalget", date(2024, 11, 13), "15:00",
                        "Mødelokale 2, Odsherred Rådhus, Nyvej 22, 4573 Højby", ["Henrik Møller Lund (V)"], "minutes")
    assert [it.number for it in m.items] == [str(k) for k in range(1, 8)]
    assert [it.title for it in m.items] == [
        "Godkendelse af dagsorden", "Midlertidige rehabiliteringspladser på Plejecenter Egebjerghus",
        "Takster for madservice og praktisk hjælp 2025", "Status på venteliste til botilbud",
        "Lukket punkt: Klage over afgørelse om hjælpemidler",
        "Tilskud til frivilligt socialt arbejde (§ 18) - 2. uddeling 2024", "Meddelelser"]
    assert parse_header(["Mødeafholdelse:", "Mødelokale 4, Rådhuset"]).location == "Mødelokale 4, Rådhuset"


def test_region_print_with_capital_labels() -> None:
    """Titles printed in capitals are kept as printed (the reader cannot tell a name's capitals from the rest)."""
    m = read("regionhovedstaden_regionsraadet_2024-12-10.pdf")
    assert facts(m) == ("Region Hovedstaden", "Regionsrådet", date(2024, 12, 10), "17:00",
                        "Regionsgården, Kongens Vænge 2, 3400 Hillerød - Mødesal",
                        ["Mikkel Dam (V)", "Sara Bloch (F)"], "minutes")
    assert [it.number for it in m.items] == [str(k) for k in range(1, 8)]
    assert [it.title for it in m.items] == [
        "GODKENDELSE AF DAGSORDEN", "ANLÆGSBEVILLING TIL UDBYGNING AF DIALYSEAFSNITTET PÅ HERLEV HOSPITAL",
        "TAKSTER FOR PATIENTBEFORDRING 2025", "NYE ÅBNINGSTIDER I AKUTKLINIKKEN PÅ FREDERIKSSUND HOSPITAL",
        "TILSKUD TIL PATIENTFORENINGER 2025", "LUKKET PUNKT: KØB AF EJENDOM", "MEDDELELSER"]
    assert [it.case_number for it in m.items] == ["24000112", "24031907", "24028850", "24030114", "24048817", None,
                                                  "24000113"]
    two = m.items[1]
    assert [s.name for s in two.sections] == ["Indstilling", "Sagsfremstilling", "Økonomi"]
    assert two.decisions[-1].text.startswith("Godkendt.\nEt flertal") and "JOURNALNUMMER" not in two.text
    assert m.items[4].attachments == ["1. Fordeling af puljen til patientforeninger 2025"]


def test_section_names_and_a_trailing_case_label() -> None:
    assert vocab.section_name("FORRETNINGSUDVALGETS INDSTILLING") == "Indstilling"
    assert vocab.section_name("Bilagsfortegnelse") == "Bilag"
    text = ("1. Godkendelse af dagsorden\nIndstilling\nAt godkende.\nBeslutning\nGodkendt.\nJournalnummer\n24000112\n"
            "2. Meddelelser\nSagsfremstilling\nIntet.\nBeslutning\nTaget til efterretning.\n")
    blocks = segment(text).blocks
    assert blocks[0].lines[0] == "Journalnummer: 24000112" and blocks[0].lines[-1] == "Godkendt."
