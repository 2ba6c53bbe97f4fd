"""The two XML layouts of sample_data/portals6 (invented minutes, written blind to the readers): a Word 2003 XML
document (WordprocessingML: heading styles, "N<tab>Titel", runs split mid-word, a facts table and a members table)
and a namespace-prefixed export whose decision element is named after its status (<ns2:vedtaget>, <ns2:udsat>)
with times in UTC; plus a small invented variant of each.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ingest.parse import read_path

PORTALS6 = Path(__file__).resolve().parent.parent / "sample_data" / "portals6"
WORDML = PORTALS6 / "vesthimmerlands_teknik-og-miljoeudvalget_2024-06-13.xml"
STATUS_XML = PORTALS6 / "faaborg-midtfyn_erhvervs-og-landdistriktsudvalget_2025-02-04.xml"


def _items(path: Path) -> list[tuple[str | None, str, str | None, str]]:
    m = read_path(path).meeting
    return [(it.number, it.title, it.case_number, it.decisions[0].text if it.decisions else "") for it in m.items]


def test_the_word_2003_xml_document_is_read_as_the_expected_file_says() -> None:
    result = read_path(WORDML)
    m = result.meeting
    assert result.reader == "text"
    assert (m.municipality, m.committee, m.date, m.time, m.status) == (
        "Vesthimmerland", "Teknik- og Miljøudvalget", date(2024, 6, 13), "08:30", "minutes")
    assert m.location == "Mødelokale A, Rådhuset, Vestergade 5, 9600 Aars"
    assert m.participants == ["Poul Erik Thomsen (V)", "Lene Kastbjerg (A)", "Jens Peter Lund (V)", "Karin Hald (O)",
                              "Rasmus Skov (A)", "Mette Fogh (C)", "Anders Kirk (F)"]
    assert m.absentees == ["Karin Hald (O)"]  # Anders Kirk came at 9.15: late, not absent
    expected = [
        ("1", "Godkendelse af dagsorden", "24/10501", "Godkendt."),
        ("2", "Vinterberedskab 2024/25 – serviceniveau", "24/6620", "Godkendt."),
        ("3", "Spildevandsplan 2024-2032 – endelig vedtagelse", "23/17002", "Anbefales over for Byrådet.\nFor stemte"),
        ("4", "Trafiksikkerhed – 40 km/t-zone ved Aars Skole", "24/7810", "Godkendt."),
        ("5", "Placering af ny genbrugsplads i Løgstør", "24/4412", "Udvalget peger på placeringen ved Industrivej"),
        ("6", "Lukket punkt: Påbud om nedlæggelse af brønd", None, ""),
        ("7", "Meddelelser", "24/10502", "Taget til efterretning."),
    ]
    found = _items(WORDML)
    assert [f[:3] for f in found] == [e[:3] for e in expected]
    for (*_, text), (*_, first) in zip(found, expected, strict=True):
        assert text.startswith(first) and (text == "") == (first == ""), (text, first)
    assert [it.closed for it in m.items] == [False] * 5 + [True, False]
    three = m.items[2]
    assert [v.position for v in three.decisions[0].votes] == ["for", "against"]
    assert "separatkloakering af de resterende fælleskloakerede områder" in three.text  # runs joined mid-word
    assert "Vinterberedskab" in m.items[1].title and "<w:" not in "".join(it.text for it in m.items)
    assert not any("Side" in it.text.splitlines()[-1] for it in m.items)  # the footer is no part of the last item


def test_the_status_named_xml_export_is_read_as_the_expected_file_says() -> None:
    result = read_path(STATUS_XML)
    m = result.meeting
    assert result.reader == "generic-xml"
    assert (m.municipality, m.committee, m.date, m.time, m.status) == (
        "Faaborg-Midtfyn", "Erhvervs- og Landdistriktsudvalget", date(2025, 2, 4), "15:00", "minutes")  # 14:00Z
    assert m.location == "Mødelokale Ryttergården, Faaborg-Midtfyn Rådhus, Tinghøj Allé 7, 5750 Ringe"
    assert m.participants == ["Tove Bruun (V)", "Mads Lauritsen (A)", "Jørgen Bang (C)", "Karen Egebjerg (A)",
                              "Niels Dam (V)", "Ulla Fisker (F)", "Bo Kragelund (O)"]
    assert m.absentees == ["Karen Egebjerg (A)"]
    expected = [
        ("1", "Godkendelse af dagsorden", "25/1201", "Godkendt.", "approved"),
        ("2", "Fordeling af Landdistriktspuljen 2025", "24/30110",
         "Godkendt med den fordeling, der fremgår af bilaget, dog således", "approved"),
        ("3", "Resultatkontrakt med Erhvervsforum Faaborg-Midtfyn 2025-2026", "24/28874",
         "Anbefales over for Økonomiudvalget og Byrådet.\n\nFor stemte: V, A, C, F (5)\nImod stemte: O (1)",
         "approved"),
        ("4", "Turismestrategi for Det Sydfynske Øhav 2025-2028", "24/27765",
         "Sagen udsættes til udvalgets møde den 4. marts 2025.", "postponed"),
        ("5", "Medfinansiering af bredbånd i landdistrikterne", "24/29002",
         "Anbefales over for Økonomiudvalget og Byrådet.", "approved"),
        ("6", "Lukket punkt: Køb af jord", None, "", None),
        ("7", "Meddelelser", "25/1202", "Taget til efterretning.", "noted"),
    ]
    assert [f[:3] for f in _items(STATUS_XML)] == [e[:3] for e in expected]
    for it, (*_, first, outcome) in zip(m.items, expected, strict=True):
        assert (it.decisions[0].text.startswith(first), it.decisions[0].outcome) == (True, outcome) if first \
            else not it.decisions
    assert [it.closed for it in m.items] == [False] * 5 + [True, False]
    assert m.items[2].decisions[0].votes[1].members[0].name == "O"
    assert "160.000 kr." in m.items[1].decisions[0].text and "140.000 kr." not in m.items[1].decisions[0].text
    assert all(it.decisions[0].date == date(2025, 2, 4) for it in m.items if it.decisions)
    assert not any("24.10.00" in (it.case_number or "") or "00.01.00" in (it.number or "") for it in m.items)


WORDML_VARIANT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"
 xmlns:wx="http://schemas.microsoft.com/office/word/2003/auxHint"><w:body><wx:sect>
<w:p><w:pPr><w:pStyle w:val="Titel"/></w:pPr><w:r><w:t>Beslutningsprotokol</w:t></w:r></w:p>
<w:p><w:r><w:t>Kultur- og Fritidsu</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:t>dvalget</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Mødedato</w:t></w:r></w:p></w:tc>
<w:tc><w:p><w:r><w:t>Mandag den 7. oktober 2024 kl. 16.00</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>Mødested</w:t></w:r></w:p></w:tc>
<w:tc><w:p><w:r><w:t>Byrådssalen, Skive Rådhus</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Medlem</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Parti</w:t></w:r></w:p></w:tc>
<w:tc><w:p><w:r><w:t>Status</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>Ida Krog, formand</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc>
<w:tc><w:p><w:r><w:t>Til stede</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>Ole Mø</w:t></w:r><w:r><w:t>ller</w:t></w:r></w:p></w:tc>
<w:tc><w:p><w:r><w:t>V</w:t></w:r></w:p></w:tc>
<w:tc><w:p><w:r><w:t>Fraværende</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:pPr><w:pStyle w:val="Overskrift1"/></w:pPr><w:r><w:t>12</w:t></w:r><w:r><w:tab/></w:r>
<w:r><w:t>Tilskud til spil</w:t></w:r><w:r><w:t>lesteder 2025</w:t></w:r></w:p>
<w:p><w:r><w:t>Sagsnr.: 24/5501</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Overskrift2"/></w:pPr><w:r><w:t>Sagsfremstilling</w:t></w:r></w:p>
<w:p><w:r><w:t>Der er søgt om 250.000 kr. til spillestedet i Sk</w:t></w:r><w:r><w:t>ive.</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Overskrift2"/></w:pPr><w:r><w:t>Beslutning</w:t></w:r></w:p>
<w:p><w:r><w:t>Godkendt.</w:t></w:r><w:r><w:br/></w:r><w:r><w:t>For stemte: A, V (6)</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Overskrift1"/></w:pPr><w:r><w:t>13</w:t></w:r><w:r><w:tab/></w:r>
<w:r><w:t>Orientering</w:t></w:r><w:r><w:t>ssager</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Overskrift2"/></w:pPr><w:r><w:t>Beslutning</w:t></w:r></w:p>
<w:p><w:r><w:t>Taget til efterretning.</w:t></w:r></w:p>
<w:sectPr><w:ftr w:type="odd"><w:p><w:r><w:t>Side 1 af 1</w:t></w:r></w:p></w:ftr></w:sectPr>
</wx:sect></w:body></w:wordDocument>
"""


def test_a_small_word_2003_xml_variant(tmp_path: Path) -> None:
    path = tmp_path / "skive_kultur_2024-10-07.xml"
    path.write_text(WORDML_VARIANT, encoding="utf-8")
    result = read_path(path)
    m = result.meeting
    assert result.reader == "text"
    assert (m.committee, m.date, m.time, m.location) == (
        "Kultur- og Fritidsudvalget", date(2024, 10, 7), "16:00", "Byrådssalen, Skive Rådhus")
    assert m.participants == ["Ida Krog (A)", "Ole Møller (V)"] and m.absentees == ["Ole Møller (V)"]
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("12", "Tilskud til spillesteder 2025", "24/5501"), ("13", "Orienteringssager", None)]
    assert m.items[0].decisions[0].text.startswith("Godkendt.\nFor stemte: A, V (6)")
    assert "spillestedet i Skive." in m.items[0].text
    assert m.items[1].decisions[0].text == "Taget til efterretning." and "Side 1" not in m.items[1].text


STATUS_VARIANT = """<?xml version="1.0" encoding="UTF-8"?>
<x:export xmlns:x="urn:example:minutes:1" xmlns:p="urn:example:person" xmlns:h="http://www.w3.org/1999/xhtml">
  <x:authority><x:name>Skive Kommune</x:name><x:kleVersion>2.0</x:kleVersion></x:authority>
  <x:meeting>
    <x:committee>Teknisk Udvalg</x:committee>
    <x:documentType>Minutes</x:documentType>
    <x:start>2024-08-20T16:30:00+01:00</x:start>
    <x:location>Mødelokale 2</x:location>
    <x:participants>
      <p:person p:party="A" x:attendance="present"><p:name>Eva Lund</p:name></p:person>
      <p:person p:party="V" x:attendance="absent"><p:name>Jonas Bak</p:name></p:person>
    </x:participants>
    <x:items>
      <x:item x:number="1">
        <x:kleNumber>05.01.00</x:kleNumber>
        <x:title>Vejplan 2025</x:title>
        <x:section x:type="Sagsfremstilling"><x:content><h:p>Planen dækker 40 km veje.</h:p></x:content></x:section>
        <x:approved x:date="2024-08-20"><x:text><h:p>Godkendt.</h:p><h:p>For stemte: A (1)</h:p></x:text>
          <x:absent>Jonas Bak (V)</x:absent></x:approved>
      </x:item>
      <x:item x:number="2">
        <x:caseNumber>24/880</x:caseNumber><x:kleNumber>05.04.00</x:kleNumber>
        <x:title>Cykelsti langs Viborgvej</x:title>
        <x:section x:type="Sagsfremstilling"><x:content><h:p>Forslag om ny cykelsti.</h:p></x:content></x:section>
        <x:postponed x:date="2024-08-20"><x:text><h:p>Sagen blev udsat.</h:p></x:text></x:postponed>
      </x:item>
      <x:item x:number="3">
        <x:caseNumber>24/990</x:caseNumber>
        <x:title>Ansøgning om dispensation</x:title>
        <x:section x:type="Sagsfremstilling"><x:content><h:p>Ansøgningen gælder et carport-byggeri.</h:p></x:content>
        </x:section>
        <x:rejected x:date="2024-08-20"><x:text><h:p>Udvalget kunne ikke imødekomme ansøgningen.</h:p></x:text>
        </x:rejected>
      </x:item>
    </x:items>
  </x:meeting>
</x:export>
"""


def test_a_status_named_variant_with_english_names_and_an_offset(tmp_path: Path) -> None:
    path = tmp_path / "skive_teknik_2024-08-20.xml"
    path.write_text(STATUS_VARIANT, encoding="utf-8")
    result = read_path(path)
    m = result.meeting
    assert result.reader == "generic-xml"
    assert (m.municipality, m.committee, m.date, m.time, m.status) == (
        "Skive", "Teknisk Udvalg", date(2024, 8, 20), "17:30", "minutes")  # 16:30+01:00 is 17:30 summer time
    assert m.absentees == ["Jonas Bak (V)"]
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Vejplan 2025", None), ("2", "Cykelsti langs Viborgvej", "24/880"),
        ("3", "Ansøgning om dispensation", "24/990")]  # a KLE number is no case number
    assert [(it.decisions[0].text.split("\n")[0], it.decisions[0].outcome) for it in m.items] == [
        ("Godkendt.", "approved"), ("Sagen blev udsat.", "postponed"),
        ("Udvalget kunne ikke imødekomme ansøgningen.", "rejected")]
    assert m.items[0].decisions[0].votes[0].position == "for"
    assert m.items[0].absentees == ["Jonas Bak (V)"]
    assert [s.name for s in m.items[0].sections] == ["Sagsfremstilling"]
