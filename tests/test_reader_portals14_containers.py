"""Two exports the readers missed: an EPUB 3 e-book of minutes (chapters named by internal ids, reading order only in
the OPF spine) and an "Eksport til Excel" .xls that is Excel-flavoured HTML (facts, a td header row, one row per item,
dates and times as Excel serial numbers). Each sample is read, then variants built here, so the rules are not fitted
to one file."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import pytest

from core.errors import IngestError, TooLarge
from ingest.parse import parse_bytes, read_path
from ingest.pipeline import expand
from ingest.readers import epub, html_sheet
from ingest.readers.base import Source

SAMPLES = Path(__file__).resolve().parent.parent / "sample_data" / "portals14"
EPUB = SAMPLES / "viborg_teknisk-udvalg_2025-02-11.epub"
XLS = SAMPLES / "aalborg_skoleudvalget_2025-01-21.xls"


def rows(meeting: object) -> list[tuple[str | None, str, str | None]]:
    return [(it.number, it.title, it.case_number) for it in meeting.items]  # type: ignore[attr-defined]


def test_folder_walk_reads_epub_and_xls() -> None:
    names = {p.name for p in expand([SAMPLES], on_skip=lambda p, r: None)}
    assert {EPUB.name, XLS.name} <= names


# -- the EPUB ------------------------------------------------------------------------------------------------------


def test_epub_sample_meeting() -> None:
    result = read_path(EPUB)
    m = result.meeting
    assert result.reader == "epub"
    assert (m.municipality, m.committee, m.date, m.time) == ("Viborg", "Teknisk Udvalg", date(2025, 2, 11), "15:00")
    assert m.date != date(2025, 2, 14)  # dc:date / dcterms:modified: the publication, not the meeting
    assert m.published is not None and m.published.startswith("2025-02-14T08:05")
    assert m.location == "Mødelokale C, Viborg Rådhus, Prinsens Allé 5, 8800 Viborg"
    assert m.absentees == ["Mette Lindberg (F)"] and m.status == "minutes"
    assert len(m.participants) == 7 and "Kasper Frost (V)" in m.participants


def test_epub_sample_items_in_spine_order() -> None:
    m = read_path(EPUB).meeting
    assert rows(m) == [  # the zip and the manifest list the chapters 4, 2, 5, 3, 1, 6
        ("1", "Godkendelse af dagsorden", "00.22.04-A00-1-25"),
        ("2", "Trafiksikkerhedsplan 2025-2028 - endelig vedtagelse", "05.01.00-P15-3-24"),
        ("3", "Vintertjeneste - serviceniveau på cykelstier", "05.13.00-G01-1-25"),
        ("4", "Anlægsbevilling - ny bro over Nørreå ved Ørum", "05.04.04-G01-4-24"),
        ("5", "Lukket punkt: Erhvervelse af areal til rundkørsel", None),
        ("6", "Meddelelser", "00.01.00-A00-2-25"),
    ]
    by = {it.number: it for it in m.items}
    assert by["1"].decisions[0].text.startswith("Godkendt.")
    plan = by["2"]
    assert plan.decisions[0].text.startswith("Godkendt med den ændring, at krydset Ringvejen/Gl. Skivevej ombygges "
                                             "allerede i 2025")
    assert [s.heading for s in plan.sections] == ["Resumé", "Sagsfremstilling", "Økonomi", "Indstilling"]
    assert "8. oktober 2024" in plan.text and "12,4 mio. kr." in plan.text
    assert len(plan.attachments) == 2 and len(plan.decisions) == 1
    winter = by["3"].decisions[0]
    assert winter.text.startswith("Udvalget besluttede at fastholde") and [v.count for v in winter.votes] == [4, 2]
    assert by["4"].decisions[0].text.startswith("Anbefales over for Økonomiudvalget og Byrådet.")
    assert by["5"].closed and not by["5"].decisions
    assert by["6"].decisions[0].text.startswith("Taget til efterretning.")
    assert "21,3 mio. kr." in by["6"].text
    assert all(d.absentees == ["Mette Lindberg (F)"] for it in m.items for d in it.decisions)
    assert not any("udgivet" in it.text or "Kolofon" in it.text for it in m.items)  # the colophon is no item text


OPF_HEAD = ('<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
            '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Referat</dc:title>'
            '<dc:publisher>Odder Kommune</dc:publisher><dc:subject>Byrådet</dc:subject><dc:date>2025-03-20</dc:date>'
            '</metadata>')
CONTAINER = ('<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
             '<rootfiles><rootfile full-path="OPS/pkg.opf" media-type="application/oebps-package+xml"/></rootfiles>'
             '</container>')


def make_epub(chapters: dict[str, str], spine: list[str] | None = None, extra: dict[str, bytes] | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        z.writestr("META-INF/container.xml", CONTAINER)
        manifest = "".join(f'<item id="{n}" href="{n}.xhtml" media-type="application/xhtml+xml"/>'
                           for n in sorted(chapters))
        order = "".join(f'<itemref idref="{n}"/>' for n in (spine or list(chapters)))
        z.writestr("OPS/pkg.opf", f"{OPF_HEAD}<manifest>{manifest}</manifest><spine>{order}</spine></package>")
        for name, body in chapters.items():
            z.writestr(f"OPS/{name}.xhtml", '<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/'
                                            f'1999/xhtml"><head><title>{name}</title></head><body>{body}</body></html>')
        for name, raw in (extra or {}).items():
            z.writestr(name, raw)
    return buf.getvalue()


COVER = "<h1>Referat</h1><p>Byrådet</p><p>Mødedato: 17. marts 2025</p><p>Sted: Rådhuset</p>"
ONE = "<h2>1. Godkendelse af dagsorden</h2><h3>Beslutning</h3><p>Godkendt.</p>"
TWO = ("<h2>2. Budget</h2><h3>Sagsfremstilling</h3><p>Tekst om budgettet, lang nok.</p><h3>Beslutning</h3>"
       "<p>Vedtaget.</p>")


def test_epub_spine_order_back_matter_and_opf_facts() -> None:
    data = make_epub({"b": TWO, "a": ONE, "z": COVER, "k": "<h2>Kolofon</h2><p>Udgivet af kommunen 20.03.2025.</p>"},
                     spine=["z", "a", "b", "k"])
    result = parse_bytes(data, "book.epub")
    m = result.meeting
    assert result.reader == "epub"
    assert [(it.number, it.title) for it in m.items] == [("1", "Godkendelse af dagsorden"), ("2", "Budget")]
    assert (m.municipality, m.committee, m.date) == ("Odder", "Byrådet", date(2025, 3, 17))  # dc:date is 2025-03-20
    assert m.items[1].decisions[0].text == "Vedtaget." and "Udgivet" not in m.items[1].text
    assert any("back matter" in w for w in result.warnings)


def test_epub_spine_not_file_order() -> None:
    m = parse_bytes(make_epub({"z": COVER, "b": ONE, "a": TWO}, spine=["z", "b", "a"]), "book.epub").meeting
    assert [it.title for it in m.items] == ["Godkendelse af dagsorden", "Budget"]


def test_epub_without_item_markup_is_read_as_text() -> None:
    plain = {"c0": "<p>Referat</p><p>Byrådet</p><p>Mødedato: 17. marts 2025</p>",
             "c1": "<p>Punkt 1: Godkendelse af dagsorden</p><p>Beslutning</p><p>Godkendt.</p>",
             "c2": "<p>Punkt 2: Budget</p><p>Beslutning</p><p>Vedtaget.</p>"}
    m = parse_bytes(make_epub(plain), "book.epub").meeting
    assert [(it.number, it.title) for it in m.items] == [("1", "Godkendelse af dagsorden"), ("2", "Budget")]
    assert m.items[1].decisions[0].text.startswith("Vedtaget")


def test_epub_bad_input() -> None:
    no_chapters = make_epub({}, spine=[])
    with pytest.raises(IngestError) as err:
        parse_bytes(no_chapters, "empty.epub")
    assert "empty.epub" in str(err.value) and "chapter" in str(err.value)
    bomb = make_epub({"z": COVER, "a": ONE + "<p>" + "x" * (3 << 20) + "</p>", "b": TWO})  # packs ~1000:1
    with pytest.raises(TooLarge):
        parse_bytes(bomb, "bomb.epub")
    not_epub = io.BytesIO()
    with zipfile.ZipFile(not_epub, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    assert not epub.READER.sniff(Source(not_epub.getvalue(), "x.epub"))


# -- the Excel HTML export -----------------------------------------------------------------------------------------


def test_excel_html_sample_meeting() -> None:
    result = read_path(XLS)
    m = result.meeting
    assert result.reader == "html-sheet"
    assert (m.municipality, m.committee, m.date, m.time) == ("Aalborg", "Skoleudvalget", date(2025, 1, 21), "14:00")
    assert m.date != date(2025, 1, 23)  # "Eksporteret": the export time, not the meeting
    assert m.published == "2025-01-23T07:41:00"
    assert m.location == "Mødelokale 2.14, Rådhuset, Boulevarden 13, 9000 Aalborg"
    assert m.absentees == ["Per Gade (C)", "Tobias Lindgren (Ø)"] and m.status == "minutes"
    assert len(m.participants) == 9 and "Hanne Østergaard (A)" in m.participants


def test_excel_html_sample_items() -> None:
    m = read_path(XLS).meeting
    assert rows(m) == [
        ("1", "Godkendelse af dagsorden", "2025-000312"),
        ("2", "Justering af skoledistrikt mellem Løvvangskolen og Lindholm Skole", "2024-087115"),
        ("3", "Budgetopfølgning pr. 31. december 2024", "2024-091877"),
        ("4", "Tilskud til lejrskoler og ekskursioner 2025", "2024-079402"),
        ("5", "Lukket punkt: Personalesag", None),
        ("6", "Ferieplan for skoleåret 2025/26", "2024-083350"),
        ("7", "Meddelelser", "2025-000313"),
    ]
    by = {it.number: it for it in m.items}
    first = {n: it.decisions[0].text for n, it in by.items() if it.decisions}
    assert first["1"].startswith("Godkendt.")
    assert first["2"].startswith("Godkendt med den tilføjelse") and "til og med 9. klasse" in first["2"]
    assert first["3"].startswith("Taget til efterretning.") and "marts 2025" in first["3"]
    assert first["4"].startswith("Godkendt.") and [v.count for v in by["4"].decisions[0].votes] == [5, 2]
    assert first["6"].startswith("Godkendt.") and first["7"].startswith("Til efterretning.")
    assert by["5"].closed and not by["5"].decisions
    assert [s.heading for s in by["2"].sections] == ["Resumé", "Indstilling"]
    assert "38 elever" in by["2"].text and "Godkendt med" not in by["2"].sections[0].text  # the decision is no body


EXCEL_HEAD = ('<html xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40"><head>'
              '<meta http-equiv=Content-Type content="application/vnd.ms-excel; charset=utf-8"><style>'
              '.d {mso-number-format:"dd\\-mm\\-yyyy";} .t {mso-number-format:"hh\\:mm";}</style></head><body><table>')


def test_excel_html_serials_and_columns_in_any_order() -> None:
    page = (EXCEL_HEAD + "<tr><td>Odder Kommune</td></tr><tr><td>Byrådet - Referat</td></tr>"
            '<tr><td>Mødedato</td><td class=d x:num="45733">17.3.25</td><td>Mødestart</td>'
            '<td class=t x:num="0.78125">x</td></tr><tr><td>Udskrevet</td><td>20-03-2025 09:00</td></tr>'
            "<tr><td>Beslutning</td><td>Overskrift</td><td>Nr</td><td>Sagsfremstilling</td></tr>"
            "<tr><td>Godkendt.</td><td>Godkendelse af dagsorden</td><td x:num>1</td><td>Dagsorden.</td></tr>"
            "<tr><td>Vedtaget.<br>Enstemmigt.</td><td>Budget</td><td x:num>2</td><td>Tekst<br>mere</td></tr>"
            "</table></body></html>")
    result = parse_bytes(page.encode("utf-8"), "export.xls")
    m = result.meeting
    assert result.reader == "html-sheet"
    assert (m.committee, m.date, m.time, m.status) == ("Byrådet", date(2025, 3, 17), "18:45", "minutes")
    assert [(it.number, it.title) for it in m.items] == [("1", "Godkendelse af dagsorden"), ("2", "Budget")]
    assert m.items[1].decisions[0].text == "Vedtaget.\nEnstemmigt." and m.items[1].sections[0].text == "Tekst\nmere"


def test_plain_html_table_with_td_header_naming_decision() -> None:
    page = ("<html><body><h1>Referat - Teknisk Udvalg</h1><p>Mødedato: 4. februar 2025</p><table>"
            "<tr><td>Pkt.</td><td>Sagsnr.</td><td>Titel</td><td>Beslutning</td></tr>"
            "<tr><td>1</td><td>25/11</td><td>Godkendelse af dagsorden</td><td>Godkendt.</td></tr>"
            "<tr><td>2</td><td>25/12</td><td>Vejplan</td><td>Anbefales.</td></tr></table></body></html>")
    result = parse_bytes(page.encode("utf-8"), "page.html")
    m = result.meeting
    assert result.reader == "html-sheet"
    assert (m.committee, m.date) == ("Teknisk Udvalg", date(2025, 2, 4))
    assert rows(m) == [("1", "Godkendelse af dagsorden", "25/11"), ("2", "Vejplan", "25/12")]
    assert [it.decisions[0].text for it in m.items] == ["Godkendt.", "Anbefales."]


def test_binary_xls_goes_to_the_spreadsheet_reader() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "Workbook".encode("utf-16-le") + b"\0" * 1000
    assert not html_sheet.READER.sniff(Source(ole, "real.xls"))
    with pytest.raises(IngestError) as err:
        parse_bytes(ole, "real.xls")
    assert "real.xls" in str(err.value) and "XLS workbook" in str(err.value)
