"""Record-shaped files in sample_data/portals13: a SharePoint list exported as an XML rowset (every value an
attribute, escaped field names, lookups, float numbers, rows in ID order), an Excel 2003 XML spreadsheet (a
beslutningsliste with one row per decision, a time-only cell on Excel's day 0) and a Dataverse OData response
(annotations, a publisher prefix, UTC start times, records in creation order, the meeting expanded in every record);
plus edited variants written here, so the rules are read from the structure and not fitted to the files, and an
attribute-only XML of no known shape, which is indexed as one searchable meeting rather than rejected.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from ingest.parse import parse_bytes, read_path

ROOT = Path(__file__).resolve().parent.parent
PORTALS13 = ROOT / "sample_data" / "portals13"
HORSENS = PORTALS13 / "horsens_social-og-sundhedsudvalget_2024-09-16.xml"
TOENDER = PORTALS13 / "toender_kultur-og-fritidsudvalget_2024-10-29.xml"
ODENSE = PORTALS13 / "odense_aeldre-og-handicapudvalget_2025-01-21.json"


def _flat(text: str) -> str:
    return " ".join(text.split())


def _rows(m) -> list[tuple[str | None, str, str | None]]:  # type: ignore[no-untyped-def]
    return [(it.number, it.title, it.case_number) for it in m.items]


# --- SharePoint list rowset ----------------------------------------------------------------------------------


def test_sharepoint_rowset_is_read_by_its_attributes() -> None:
    result = read_path(HORSENS)
    m = result.meeting
    assert result.reader == "sharepoint-rows"
    assert (m.municipality, m.committee, m.date, m.time) == ("Horsens", "Social- og Sundhedsudvalget",
                                                             date(2024, 9, 16), "16:30")
    assert m.location == "Mødelokale B, Horsens Rådhus, Rådhustorvet 4, 8700 Horsens"
    assert m.absentees == ["Karin Mose (Ø)"]
    assert m.status == "minutes"
    assert _rows(m) == [
        ("1", "Godkendelse af dagsorden", "24/00051"),
        ("2", "Sundhedspolitik 2025-2028 - udkast til høring", "24/18330"),
        ("3", "Ventetider på genoptræning efter sundhedsloven", "24/20114"),
        ("4", "Takster for Botilbuddet Lundhøj 2025", "24/19802"),
        ("5", "Tillægspunkt: Ekstra akutpladser i vinterperioden", "24/21477"),  # ID 219, the last row
        ("6", "Lukket punkt: Klage over afgørelse om botilbud", None),
        ("7", "Eventuelt", "24/00052"),
    ]
    items = {it.number: it for it in m.items}
    assert _flat(items["1"].decisions[0].text).startswith("Godkendt med tillægspunkt 5. Fraværende: Karin Mose (Ø)")
    assert _flat(items["5"].decisions[0].text).startswith("Godkendt. For stemte: A, V, C og F (7) Imod stemte: O (1)")
    assert items["6"].closed and not items["6"].decisions
    assert "Økonomi" in [s.name for s in items["3"].sections]  # ows__x00d8_konomi, decoded
    assert "1,4 mio. kr." in items["3"].text and "ExternalClass" not in items["3"].text
    assert "2024-09-18" not in m.model_dump_json(include={"date", "time", "published"})  # the edit time


SHAREPOINT_EDITED = """<xml xmlns:s='uuid:BDC6E3F0-6DA3-11d1-A2A3-00AA00C14882'
     xmlns:rs='urn:schemas-microsoft-com:rowset' xmlns:z='#RowsetSchema'>
<rs:data ItemCount='3'>
 <z:row ows_ID='40' ows_Nummer='12.0000000000' ows_Title='Anlægsbudget for skoler'
   ows_Journalnr='24/555' ows_Organ='9;#Børne- og Skoleudvalget' ows_Kommune='2;#Skive Kommune'
   ows_M_x00f8_dedato='2024-05-02 17:00:00' ows_Lokale='Mødelokale 2, Skive Rådhus'
   ows_Beslutning='&lt;div&gt;Anbefales.&lt;/div&gt;' ows_Modified='2024-05-06 08:00:00' />
 <z:row ows_ID='38' ows_Nummer='10.0000000000' ows_Title='Godkendelse af dagsorden'
   ows_Organ='9;#Børne- og Skoleudvalget' ows_Kommune='2;#Skive Kommune' ows_M_x00f8_dedato='2024-05-02 17:00:00'
   ows_Beslutning='&lt;div&gt;Godkendt.&lt;/div&gt;' />
 <z:row ows_ID='39' ows_Nummer='11.0000000000' ows_Title='Lukket punkt: Personalesag'
   ows_Organ='9;#Børne- og Skoleudvalget' ows_Kommune='2;#Skive Kommune' ows_M_x00f8_dedato='2024-05-02 17:00:00'
   ows_Adgang='Lukket' />
</rs:data>
</xml>"""


def test_sharepoint_rowset_without_schema_other_names_and_order() -> None:
    result = parse_bytes(SHAREPOINT_EDITED.encode(), "liste.xml")
    m = result.meeting
    assert result.reader == "sharepoint-rows"
    assert (m.municipality, m.committee, m.date, m.time) == ("Skive", "Børne- og Skoleudvalget", date(2024, 5, 2),
                                                             "17:00")
    assert m.location == "Mødelokale 2, Skive Rådhus"
    assert _rows(m) == [("10", "Godkendelse af dagsorden", None), ("11", "Lukket punkt: Personalesag", None),
                        ("12", "Anlægsbudget for skoler", "24/555")]
    assert m.items[1].closed
    assert _flat(m.items[2].decisions[0].text) == "Anbefales."
    assert "40" not in m.items[2].text  # SharePoint's own ID column is no content


def test_attribute_only_xml_of_no_known_shape_is_searchable_not_rejected() -> None:
    xml = ("<export><rec a='Møde i Teknik- og Miljøudvalget den 3. marts 2024' b='Vejen asfalteres i foråret'/>"
           "<rec a='Budgettet blev godkendt af udvalget' b='Der var enighed om forslaget'/></export>")
    result = parse_bytes(xml.encode(), "ukendt.xml")
    assert result.reader == "fulltext"
    assert any("searchable" in w for w in result.warnings)
    m = result.meeting
    assert m.date == date(2024, 3, 3)
    assert len(m.items) == 1
    assert "Vejen asfalteres i foråret" in m.items[0].text and "enighed om forslaget" in m.items[0].text


# --- Excel 2003 XML spreadsheet ------------------------------------------------------------------------------


def test_excel_xml_beslutningsliste() -> None:
    result = read_path(TOENDER)
    m = result.meeting
    assert result.reader == "excel-xml"
    assert (m.municipality, m.committee, m.date, m.time) == ("Tønder", "Kultur- og Fritidsudvalget",
                                                             date(2024, 10, 29), "15:30")
    assert m.location == "Mødelokale 1, Rådhuset, Kongevej 57, 6270 Tønder"
    assert m.absentees == ["Jonna Brink (O)"]
    assert _rows(m) == [
        ("84", "Godkendelse af dagsorden", "24/30011"),
        ("85", "Fordeling af lokaletilskud 2025", "24/27760"),
        ("86", "Renovering af Tønder Svømmehal", "24/19945"),
        ("87", "Kulturaftale Sønderjylland 2025-2028", "24/22301"),
        ("88", "Eventpulje 2025 - ansøgning fra Marskløbet", "24/28834"),
        ("89", "Meddelelser", "24/30012"),
    ]
    decision = _flat(m.items[2].decisions[0].text)  # item 86: two rows, one decision
    assert decision.startswith("Ad 1 Anbefales over for Økonomiudvalget og Byrådet")
    assert "For stemte: V, A, S og C (6)." in decision and "Ad 2 Godkendt, at svømmehallen holdes lukket" in decision
    assert len(m.items[2].decisions) == 1
    assert _flat(m.items[4].decisions[0].text) == "Der bevilges 60.000 kr. af eventpuljen."
    assert "Toftlund" in m.items[2].text  # the Resumé cell


def _cell(value: str, kind: str = "String", attrs: str = "") -> str:
    return f'<Cell{attrs}><Data ss:Type="{kind}">{value}</Data></Cell>'


def _row(*cells: str) -> str:
    return "<Row>" + "".join(cells) + "</Row>"


EXCEL_EDITED = (
    '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
    'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Punkter"><Table>'
    + _row(_cell("Nr."), _cell("Overskrift"), _cell("Journalnr."), _cell("Underpunkt"), _cell("Beslutning"),
           _cell("Stemmer"))
    + _row(_cell("7", "Number"), _cell("Trafiksikkerhedsplan"), _cell("24/100"), _cell("Ad a"),
           _cell("Godkendt."), _cell("For stemte: A og V (5). Imod stemte: Ø (1)."))
    + _row(_cell("7", "Number"), _cell("Trafiksikkerhedsplan"), _cell("24/100"), _cell("Ad b"), _cell("Udsat."))
    + _row(_cell("3", "Number"), _cell("Godkendelse af dagsorden"), _cell("Godkendt.", attrs=' ss:Index="5"'))
    + '</Table></Worksheet><Worksheet ss:Name="Info"><Table>'
    + _row(_cell("Kommune"), _cell("Favrskov Kommune"))
    + _row(_cell("Udvalg"), _cell("Teknik- og Miljøudvalget"))
    + _row(_cell("Dato"), _cell("2024-05-02T00:00:00.000", "DateTime"))
    + _row(_cell("Starttid"), _cell("1899-12-30T09:15:00.000", "DateTime"))
    + '</Table></Worksheet></Workbook>')


def test_excel_xml_other_names_repeated_rows_and_a_day_zero_time() -> None:
    result = parse_bytes(EXCEL_EDITED.encode(), "liste.xml")
    m = result.meeting
    assert result.reader == "excel-xml"
    assert (m.municipality, m.committee, m.date, m.time) == ("Favrskov", "Teknik- og Miljøudvalget",
                                                             date(2024, 5, 2), "09:15")
    assert _rows(m) == [("7", "Trafiksikkerhedsplan", "24/100"), ("3", "Godkendelse af dagsorden", None)]
    text = m.items[0].decisions[0].text
    assert text.splitlines() == ["Ad a Godkendt.", "For stemte: A og V (5).", "Imod stemte: Ø (1).", "Ad b Udsat."]
    assert _flat(m.items[1].decisions[0].text) == "Godkendt."


# --- Dataverse OData response --------------------------------------------------------------------------------


def test_odata_response_in_item_order_with_local_start_time() -> None:
    result = read_path(ODENSE)
    m = result.meeting
    assert result.reader == "generic-json"
    assert (m.municipality, m.committee, m.date, m.time) == ("Odense", "Ældre- og Handicapudvalget",
                                                             date(2025, 1, 21), "15:00")
    assert "source field: Odense Kommune" in m.municipality_evidence  # the owning business unit
    assert m.location == "Mødelokale 4.14, Odense Slot, Nørregade 36, 5000 Odense C"
    assert m.absentees == ["Rasmus Friis (C)"]
    assert _rows(m) == [
        ("1", "Godkendelse af dagsorden", "25/00410"),
        ("2", "Serviceniveau for praktisk hjælp 2025", "24/48122"),
        ("3", "Ny driftsaftale for Aflastningshuset Stavnsholt", "24/50310"),
        ("4", "Handicappolitisk handleplan 2025-2026", "24/39977"),
        ("5", "Lukket punkt: Kontraktforhold - hjælpemidler", None),
        ("6", "Meddelelser", "25/00411"),
    ]
    items = {it.number: it for it in m.items}
    assert _flat(items["3"].decisions[0].text).startswith("Anbefales. For stemte: A, V, F, B og Ø (9) Imod stemte")
    assert _flat(items["2"].decisions[0].text).startswith("Godkendt med den ændring, at tøjvask")
    assert items["5"].closed and not items["5"].decisions
    assert "Ældre- og Handicapudvalget 21-01-2025" not in items["1"].text  # the meeting lookup is no content


def _record(nr: int, title: str, decision: str, meeting: dict[str, str]) -> dict[str, object]:
    return {"@odata.etag": f'W/"{nr}"', "cr3f2_nr": nr, "cr3f2_nr@OData.Community.Display.V1.FormattedValue": str(nr),
            "cr3f2_titel": title, "cr3f2_journalnr": f"24/{nr}00", "cr3f2_beslutning": f"<p>{decision}</p>",
            "cr3f2_adgang": 1, "cr3f2_adgang@OData.Community.Display.V1.FormattedValue": "Åben",
            "cr3f2_Meeting": meeting}


def test_odata_other_prefix_order_and_offset_time() -> None:
    meeting = {"@odata.etag": 'W/"9"', "cr3f2_name": "Byrådet 10-06-2024",
               "cr3f2_start": "2024-06-10T19:00:00+02:00", "cr3f2_lokale": "Byrådssalen",
               "_cr3f2_udvalg_value": "guid-1",
               "_cr3f2_udvalg_value@OData.Community.Display.V1.FormattedValue": "Byrådet",
               "_cr3f2_kommune_value": "guid-2",
               "_cr3f2_kommune_value@OData.Community.Display.V1.FormattedValue": "Lemvig Kommune"}
    data = {"@odata.context": "https://x.crm4.dynamics.com/api/data/v9.2/$metadata#cr3f2_punkts",
            "value": [_record(3, "Eventuelt", "Intet.", meeting), _record(1, "Godkendelse af dagsorden", "Godkendt.",
                                                                          meeting),
                      _record(2, "Lokalplan 12", "Vedtaget.", meeting)]}
    result = parse_bytes(json.dumps(data).encode(), "odata.json")
    m = result.meeting
    assert (m.municipality, m.committee, m.date, m.time) == ("Lemvig", "Byrådet", date(2024, 6, 10), "19:00")
    assert m.location == "Byrådssalen"
    assert _rows(m) == [("1", "Godkendelse af dagsorden", "24/100"), ("2", "Lokalplan 12", "24/200"),
                        ("3", "Eventuelt", "24/300")]
    assert [_flat(it.decisions[0].text) for it in m.items] == ["Godkendt.", "Vedtaget.", "Intet."]


def test_odata_utc_start_in_summer_is_local_time() -> None:
    meeting = {"cr3f2_start": "2024-06-10T15:00:00Z", "cr3f2_udvalg": "Økonomiudvalget"}
    data = {"@odata.context": "x", "value": [_record(1, "Godkendelse af dagsorden", "Godkendt.", meeting),
                                             _record(2, "Budget", "Anbefales.", meeting)]}
    m = parse_bytes(json.dumps(data).encode(), "odata.json").meeting
    assert (m.committee, m.date, m.time) == ("Økonomiudvalget", date(2024, 6, 10), "17:00")
