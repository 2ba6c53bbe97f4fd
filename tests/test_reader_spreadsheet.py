"""Minutes exported as spreadsheets (sample_data/portals7: an XLSX with a facts sheet and an item sheet, an ODS with
facts above the item table and an attendance sheet), read by the workbook's structure; plus a tiny ODS built here
and a workbook with no item sheet."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import pytest

from core.errors import IngestError
from ingest.parse import parse_bytes, read_path
from ingest.readers.spreadsheet import cell_text, kind_of

PORTALS7 = Path(__file__).resolve().parent.parent / "sample_data" / "portals7"
FILES = {  # file: (municipality, committee, date, time, venue, absent, items: (nr, title, case, decision start))
    "fredericia_boerne-og-skoleudvalget_2024-11-07.xlsx": (
        "Fredericia", "Børne- og Skoleudvalget", date(2024, 11, 7), "15:30",
        "Mødelokale 1, Fredericia Rådhus, Gothersgade 20, 7000 Fredericia", ["Morten Sejer (F)", "Julie Krag (C)"],
        [("1", "Godkendelse af dagsorden", "24/27701", "Godkendt."),
         ("2", "Ressourcetildeling til skolerne 2025/26", "24/19820", "Anbefales over for Økonomiudvalget og Byrådet."),
         ("3", "Ny vuggestue i Erritsø", "24/12087", "Anbefales over for Økonomiudvalget og Byrådet."),
         ("4", "Farlige skoleveje ved Sønderskovskolen", "24/21544", "Godkendt."),
         ("5", "Lukket punkt: Køb af ejendom", None, None),
         ("6", "Orientering om sygefravær i dagtilbud", "24/27702", "Taget til efterretning.")]),
    "odder_social-og-seniorudvalget_2025-03-10.ods": (
        "Odder", "Social- og Seniorudvalget", date(2025, 3, 10), "16:30",
        "Mødelokale 1, Odder Rådhus, Rådhusgade 3, 8300 Odder", ["Ib Storgaard (V)"],
        [("1", "Godkendelse af dagsorden", "25/03311", "Godkendt."),
         ("2", "Udbud af hjemmehjælp – frit valg", "25/00972", "Godkendt."),
         ("3", "Udvidelse af Plejecenter Rosengården", "24/18840", "Anbefales over for Økonomiudvalget og Byrådet."),
         ("4", "Venteliste til genoptræning efter § 86", "25/01455", "Godkendt, idet finansieringen findes"),
         ("5", "Tilskud til ældreklubber 2025", "25/00310", "Godkendt."),
         ("6", "Sundhedsaftale 2024-2027 – lokal handleplan", "24/22613", "Godkendt."),
         ("7", "Lukket punkt: Klagesag", None, None),
         ("8", "Meddelelser", "25/03312", "Taget til efterretning.")]),
}


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_portals7_workbook_is_read_as_the_expected_file_says(name: str) -> None:
    town, committee, day, time, venue, absent, items = FILES[name]
    result = read_path(PORTALS7 / name)
    m = result.meeting
    assert result.reader == "spreadsheet"
    assert (m.municipality, m.committee, m.date, m.time, m.location) == (town, committee, day, time, venue)
    assert m.absentees == absent
    assert m.status == "minutes"
    assert len(m.participants) == 7
    assert [(it.number, it.title, it.case_number) for it in m.items] == [(n, t, c) for n, t, c, _ in items]
    for it, (_, _, _, decision) in zip(m.items, items, strict=True):
        if decision is None:
            assert it.closed and not it.decisions
        else:
            assert it.decisions and it.decisions[0].text.startswith(decision), (it.number, it.decisions)


def test_the_hidden_sags_id_column_is_neither_case_number_nor_section() -> None:
    m = read_path(PORTALS7 / "fredericia_boerne-og-skoleudvalget_2024-11-07.xlsx").meeting
    assert all("1184" not in it.text for it in m.items)
    assert m.remarks == ["Rasmus Toft (A) deltog fra kl. 16.10 under behandlingen af punkt 3."]
    assert "Lene Mørk (V)" in m.participants  # ", formand" is a role, not part of the name
    assert [s.heading for s in m.items[1].sections][:3] == ["Sagsfremstilling", "Økonomi", "Indstilling"]


def test_the_attendance_sheet_gives_participants_and_absentees() -> None:
    m = read_path(PORTALS7 / "odder_social-og-seniorudvalget_2025-03-10.ods").meeting
    assert m.participants[:2] == ["Karen Ladefoged (A)", "Poul Hede (V)"]
    assert m.absentees == ["Ib Storgaard (V)"]
    assert m.remarks == ["Signe Abildgaard (F) forlod mødet kl. 18.10 under behandlingen af punkt 6."]


def _ods(rows_by_sheet: dict[str, list[list[str]]]) -> bytes:
    """A minimal ODS: ``mimetype`` stored first, then content.xml with one table per sheet (string cells)."""
    def cell(v: str) -> str:
        if not v:
            return "<table:table-cell/>"
        if v.startswith("date:"):
            return f'<table:table-cell office:value-type="date" office:date-value="{v[5:]}"><text:p>x</text:p>' \
                   "</table:table-cell>"
        if v.startswith("time:"):
            return f'<table:table-cell office:value-type="time" office:time-value="{v[5:]}"><text:p>x</text:p>' \
                   "</table:table-cell>"
        if v.startswith("float:"):
            return f'<table:table-cell office:value-type="float" office:value="{v[6:]}"><text:p>{v[6:]}</text:p>' \
                   "</table:table-cell>"
        paras = "".join(f"<text:p>{p}</text:p>" for p in v.split("\n"))
        return f'<table:table-cell office:value-type="string">{paras}</table:table-cell>'

    tables = "".join(
        f'<table:table table:name="{name}">'
        + "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>" for row in rows)
        + "</table:table>" for name, rows in rows_by_sheet.items())
    content = ('<?xml version="1.0" encoding="UTF-8"?>'
               '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
               f"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>"
               "</office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
                'manifest:version="1.3"><manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        zf.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def test_a_small_hand_built_ods_is_read_by_its_structure() -> None:
    data = _ods({
        "Møde": [["Udvalg", "Kulturudvalget"], ["Mødedato", "date:2024-05-02"], ["Mødetid", "time:PT17H00M00S"],
                 ["Mødested", "Byrådssalen"], ["Afbud", "Anne Holm (A)\nBo Lund (V)"]],
        "Punkter": [["Punktnr", "Sagsnr", "Titel", "Sagsfremstilling", "Beslutning"],
                    ["float:1", "24/100", "Godkendelse af dagsorden", "", "Godkendt."],
                    ["float:2", "24/101", "Nyt bibliotek", "Linje et\nLinje to", "Anbefales over for Byrådet."]],
    })
    assert kind_of(data) == "ods"
    result = parse_bytes(data, "Aarhus/kultur.ods")
    m = result.meeting
    assert result.reader == "spreadsheet"
    assert (m.committee, m.date, m.time, m.location) == ("Kulturudvalget", date(2024, 5, 2), "17:00", "Byrådssalen")
    assert m.absentees == ["Anne Holm (A)", "Bo Lund (V)"]
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "24/100"), ("2", "Nyt bibliotek", "24/101")]
    assert "Linje et\nLinje to" in m.items[1].sections[0].text
    assert m.items[1].decisions[0].text == "Anbefales over for Byrådet."


def test_a_workbook_with_no_item_sheet_fails_naming_the_file() -> None:
    data = _ods({"Noter": [["Udvalg", "Kulturudvalget"], ["Mødedato", "date:2024-05-02"]]})
    with pytest.raises(IngestError) as err:
        parse_bytes(data, "noter/kultur.ods")
    assert "kultur.ods" in str(err.value)
    assert "no sheet with a header row naming agenda-item columns" in str(err.value)


def test_a_broken_workbook_fails_naming_the_problem() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("xl/workbook.xml", "<not a workbook")
    with pytest.raises(IngestError) as err:
        parse_bytes(buf.getvalue(), "broken.xlsx")
    assert "broken.xlsx" in str(err.value) and "XLSX" in str(err.value)


def test_cells_are_formatted_as_dates_times_and_whole_numbers() -> None:
    from datetime import datetime, time

    assert cell_text(date(2024, 11, 7)) == "2024-11-07"
    assert cell_text(time(15, 30)) == "15:30"
    assert cell_text(datetime(2024, 11, 8, 7, 55)) == "2024-11-08 07:55"
    assert cell_text(3.0) == "3" and cell_text(2.5) == "2.5"
