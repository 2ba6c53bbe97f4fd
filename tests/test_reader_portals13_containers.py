"""Containers the folder walk used to skip: a meeting package ZIP (one document per item, a cover, attachments), an
iCalendar invitation carrying an agenda, a YAML dataset. Each sample is read, then an edited variant built here, so
the rules are not fitted to one file."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import pytest

from core.errors import IngestError, TooLarge
from ingest.parse import parse_bytes, read_path
from ingest.pipeline import expand
from ingest.readers import package_zip, yaml_data
from ingest.readers.base import Source

SAMPLES = Path(__file__).resolve().parent.parent / "sample_data" / "portals13"
ZIP = SAMPLES / "kolding_beskaeftigelsesudvalget_2024-11-18.zip"
ICS = SAMPLES / "aarhus_kulturudvalget_2024-12-04.ics"
YAML = SAMPLES / "qeqertalik_udvalget-for-erhverv-arbejdsmarked-og-turisme_2024-10-02.yaml"


def rows(meeting: object) -> list[tuple[str | None, str, str | None]]:
    return [(it.number, it.title, it.case_number) for it in meeting.items]  # type: ignore[attr-defined]


def test_folder_walk_reads_the_new_suffixes() -> None:
    names = {p.name for p in expand([SAMPLES], on_skip=lambda p, r: None)}
    assert {ZIP.name, ICS.name, YAML.name} <= names


# -- the meeting package ------------------------------------------------------------------------------------------


def test_package_zip_sample() -> None:
    result = read_path(ZIP)
    m = result.meeting
    assert result.reader == "package-zip"
    assert (m.municipality, m.committee, m.date, m.time) == ("Kolding", "Beskæftigelsesudvalget", date(2024, 11, 18),
                                                             "16:00")
    assert m.location == "Mødelokale 3, Kolding Rådhus, Akseltorv 1, 6000 Kolding"
    assert m.absentees == ["Jens Otto Ravn (V)"] and m.status == "minutes"
    assert rows(m) == [
        ("94", "Godkendelse af dagsorden", "24/1022"),
        ("95", "Budgetopfølgning pr. 30. september 2024 - Beskæftigelsesudvalget", "24/3318"),
        ("96", 'Projekt "Job først" - virksomhedsrettet indsats for unge under 30 år', "24/5120"),
        ("97", "Takster for befordringsgodtgørelse og mentorstøtte 2025", "24/4410"),
        ("98", "Status på integrationsindsatsen 2024", "24/2876"),
        ("99", "Lukket punkt: Personalesag", None),
        ("100", "Meddelelser", "24/1023"),
    ]
    by = {it.number: it for it in m.items}
    assert by["94"].decisions[0].text.startswith("Godkendt.")
    job = by["96"].decisions[0]
    assert job.text.startswith("Godkendt.") and [v.count for v in job.votes][:2] == [5, 1]
    assert by["99"].closed and not by["99"].decisions and not by["99"].sections
    assert by["100"].decisions[0].text.startswith("Taget til efterretning.")
    assert "Udskrevet" not in by["100"].text  # the cover's closing lines are no item's text
    assert "5,8 mio. kr." in by["96"].text  # the attachment's text is added to its item, under its own heading
    assert any(s.heading.startswith("Bilag 96-1") for s in by["96"].sections)
    assert not any(it.title.startswith(("Bilag", "Projektbeskrivelse")) for it in m.items)


def _zip(members: dict[str, bytes | str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return buf.getvalue()


COVER = """Fredericia Kommune
Dagsorden og referat
Teknisk Udvalg
Dato: 14. marts 2023
Tidspunkt: kl. 17:00
Sted: Byrådssalen, Fredericia Rådhus
Fraværende: Ole Hansen (V)
Indhold
Punkt 8 Godkendelse af dagsorden
Punkt 9 Salg af grund ved havnen (lukket)
Punkt 10 Trafikplan 2023
Punkt 11 Orientering
"""


def _item(number: int, title: str, case: str, decision: str) -> str:
    return (f"Punkt {number}. {title}\nSagsnr.: {case}\nSagsfremstilling\nForvaltningen orienterer om sagen.\n"
            f"Beslutning i Teknisk Udvalg den 14-03-2023\n{decision}\n")


def test_package_zip_built_variant(tmp_path: Path) -> None:
    data = _zip({
        "Referat/Forside.txt": COVER,
        "Referat/11 Orientering.txt": _item(11, "Orientering", "23/40", "Taget til orientering."),
        "Referat/10 Trafikplan 2023.txt": _item(10, "Trafikplan 2023", "23/2211", "Godkendt."),
        "Referat/8 Godkendelse af dagsorden.txt": _item(8, "Godkendelse af dagsorden", "23/39", "Godkendt."),
        "Referat/Attachments/10-1 Kort.txt": "Trafiktælling: 4.100 biler i døgnet.\n",
        "Referat/Attachments/77-1 Andet.txt": "Et bilag til intet punkt.\n",
    })
    path = tmp_path / "pakke.zip"
    path.write_bytes(data)
    result = read_path(path)
    m = result.meeting
    assert result.reader == "package-zip"
    assert (m.municipality, m.committee, m.date, m.time) == ("Fredericia", "Teknisk Udvalg", date(2023, 3, 14), "17:00")
    assert m.absentees == ["Ole Hansen (V)"]
    assert rows(m) == [("8", "Godkendelse af dagsorden", "23/39"), ("9", "Salg af grund ved havnen", None),
                       ("10", "Trafikplan 2023", "23/2211"), ("11", "Orientering", "23/40")]
    assert m.items[1].closed and not m.items[1].decisions
    assert "4.100 biler" in m.items[2].text and "intet punkt" not in "".join(it.text for it in m.items)
    assert any("names no item" in w for w in result.warnings)


def test_zip_of_one_document_is_read_by_its_own_reader(tmp_path: Path) -> None:
    doc = _item(3, "Budget", "23/1", "Godkendt.").replace("Punkt 3.", "Teknisk Udvalg\n14. marts 2023\nPunkt 3.")
    result = parse_bytes(_zip({"x/referat.txt": doc}), str(tmp_path / "one.zip"))
    assert result.reader == "package-zip" and rows(result.meeting) == [("3", "Budget", "23/1")]


def test_office_zips_are_no_packages() -> None:
    docx = _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
    odt = _zip({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"})
    assert not package_zip.READER.sniff(Source(docx, "a.zip"))
    assert not package_zip.READER.sniff(Source(odt, "b.zip"))


def test_zip_bomb_is_refused(tmp_path: Path) -> None:
    bomb = _zip({"a.txt": b"0" * (4 << 20), "b.txt": "Punkt 1. X\n"})
    with pytest.raises(TooLarge):
        parse_bytes(bomb, str(tmp_path / "bomb.zip"))
    many = _zip({f"{k} punkt.txt": "x" for k in range(package_zip.MAX_MEMBERS + 1)})
    with pytest.raises(IngestError):
        parse_bytes(many, str(tmp_path / "many.zip"))


# -- the calendar invitation --------------------------------------------------------------------------------------


def test_icalendar_sample() -> None:
    result = read_path(ICS)
    m = result.meeting
    assert result.reader == "icalendar"
    assert (m.municipality, m.committee, m.date, m.time) == ("Aarhus", "Kulturudvalget", date(2024, 12, 4), "15:00")
    assert m.location == "Lokale 398, Aarhus Rådhus, Rådhuspladsen 2, 8000 Aarhus C"
    assert m.absentees == ["Søren Bech (K)"]  # DECLINED; TENTATIVE and NEEDS-ACTION are not absences
    assert "Louise Wedel (V)" in m.participants and not any("Jakob Brandt" in p for p in m.participants)
    assert m.status == "agenda" and not any(it.decisions for it in m.items)
    assert rows(m) == [
        ("1", "Godkendelse af dagsorden", None),
        ("2", "Kulturpulje 2025 - fordeling af midler", "EMN-2024-08814"),
        ("3", "Driftsaftale 2025-2028 med Spillestedet Værket Øst", "EMN-2024-07702"),
        ("4", "Selvbetjent åbent på Tranbjerg Bibliotek og Hasle Bibliotek", "EMN-2024-09120"),
        ("5", "Navngivning af pladsen ved Godsbanen", "EMN-2024-06390"),
        ("6", "Eventuelt", None),
    ]
    assert "19,4 mio. kr." in m.items[1].text and "6,2 mio. kr." in m.items[1].text  # "\," unescaped


def _fold(line: bytes, width: int = 20) -> bytes:
    """RFC 5545 folding every ``width`` octets (also inside a UTF-8 character)."""
    parts = [line[k:k + width] for k in range(0, len(line), width)]
    return b"\n ".join(parts)


def test_icalendar_variant_utc_lf_folded_minutes() -> None:
    desc = ("Referat\\NTeknik- og Miljøudvalget\\n\\nPunkt 7. Cykelsti på Ringvejen\\nSagsnr.: 23/5511\\n"
            "Sagsfremstilling:\\nPris 1\\,2 mio. kr.\\; anlæg 2024.\\nBeslutning:\\nGodkendt.\\n\\n"
            "Punkt 8. Eventuelt\\nBeslutning:\\nIntet.")
    lines = [b"BEGIN:VCALENDAR", b"VERSION:2.0", b"BEGIN:VEVENT",
             _fold(b"ATTENDEE;CN=\"Ib Holm (A); formand\";PARTSTAT=DECLINED:mailto:ib@x.dk"),
             b"ATTENDEE;CN=Eva Lund (V);PARTSTAT=ACCEPTED:mailto:eva@x.dk",
             b"DTSTART:20230613T150000Z", _fold(("SUMMARY:Teknik- og Miljøudvalget - referat").encode()),
             _fold("LOCATION:Mødelokale 2\\, Rådhuset".encode(), 11), _fold(("DESCRIPTION:" + desc).encode()),
             b"BEGIN:VALARM", b"DESCRIPTION:Reminder", b"END:VALARM", b"END:VEVENT", b"END:VCALENDAR"]
    assert lines[7].startswith(b"LOCATION:M\xc3\n \xb8")  # folded inside the UTF-8 "ø"
    m = parse_bytes(b"\n".join(lines) + b"\n", "invite.ics").meeting
    assert (m.committee, m.date, m.time) == ("Teknik- og Miljøudvalget", date(2023, 6, 13), "17:00")  # CEST
    assert m.location == "Mødelokale 2, Rådhuset" and m.status == "minutes"
    assert m.absentees == ["Ib Holm (A); formand"]
    assert rows(m) == [("7", "Cykelsti på Ringvejen", "23/5511"), ("8", "Eventuelt", None)]
    assert m.items[0].decisions[0].text == "Godkendt." and "1,2 mio. kr.; anlæg" in m.items[0].text


# -- the YAML dataset ---------------------------------------------------------------------------------------------


def test_yaml_sample() -> None:
    result = read_path(YAML)
    m = result.meeting
    assert result.reader == "yaml-data"
    assert (m.committee, m.date, m.time) == ("Udvalget for Erhverv, Arbejdsmarked og Turisme", date(2024, 10, 2),
                                             "13:00")  # unquoted 13:00 (YAML 1.1: 780) read as written
    assert "Qeqertalik" in m.municipality
    assert m.location == "Mødesalen, administrationsbygningen, Aasiaat" and m.absentees == ["Naja Rosing (IA)"]
    assert rows(m) == [
        ("1", "Godkendelse af dagsorden", None),
        ("2", "Tilskud til turistsæsonen 2025 - Turistforeningen Aasiaat", "2024-4417"),
        ("3", "Arbejdsmarkedsstatus 2. kvartal 2024", "2024-1120"),
        ("4", "Forprojekt for ny fiskerihavn i Kangaatsiaq", "2024-2985"),
        ("5", "Erhvervsudviklingsstrategi 2025-2028 efter høring", "2024-0876"),
        ("6", "Eventuelt", None),
    ]
    assert m.items[1].decisions[0].text == "Udvalget bevilgede 300.000 kr. af erhvervspuljen."
    vote = m.items[3].decisions[0]
    assert vote.text.startswith("Anbefales over for Økonomiudvalget.") and "Demokraatit (1)" in vote.text
    assert "450.000 kr." in m.items[1].text and "hard-wrapped" not in m.items[1].text


VARIANT = """# another project's export
meeting: &m
  municipality: Fredericia Kommune
  committee: Teknisk Udvalg
  date: "2023-03-14"
  start: {start}
  location: Byrådssalen
  absent: [Ole Hansen (V)]
items:
  - number: 3
    title: Vejplan 2023
    case: "23/118"
    decision: |
      Godkendt.
      For stemte: A og V (6)
  - number: 4
    title: Meddelelser
    decision: >-
      Taget til
      efterretning.
"""


@pytest.mark.parametrize("start", ['"09:30"', "9:30", "'09:30'"])
def test_yaml_variant_quoted_and_unquoted_times(start: str) -> None:
    result = parse_bytes(VARIANT.format(start=start).encode(), "x.yml")
    m = result.meeting
    assert result.reader == "yaml-data"
    assert (m.municipality, m.committee, m.date, m.time) == ("Fredericia", "Teknisk Udvalg", date(2023, 3, 14), "09:30")
    assert rows(m) == [("3", "Vejplan 2023", "23/118"), ("4", "Meddelelser", None)]
    assert m.items[1].decisions[0].text == "Taget til efterretning."


def test_yaml_bounds_and_non_yaml_text() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + k)}: &{chr(98 + k)} [{', '.join(['*' + chr(97 + k)] * 10)}]\n" for k in range(7))
    assert yaml_data.load(bomb) is None  # 10^8 values once the aliases are expanded: refused
    assert yaml_data.load("a: &a [*a]\n") is None  # a recursive alias
    front = b"---\ntitle: Referat\ndate: 2023-03-14\n---\n# Teknisk Udvalg\n\nPunkt 1. Godkendelse\n  - Godkendt.\n"
    assert not yaml_data.READER.sniff(Source(front, "notes.md"))
    assert not yaml_data.READER.sniff(Source(b'{"a": [{"b": 1}]}', "x.yml"))
