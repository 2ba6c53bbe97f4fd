"""The generic HTML reader on three portal pages of portals10 (facts in sample_data/portals10-expected.md): an
OS2web/Drupal meeting node (one ``article`` per item, the number in its own ``…-bp-number`` field, the decision
second and opened by "<Udvalg>s beslutning i mødet den …:", a UTC ``<time datetime>``), an Acadre ASP.NET page
(nested ``div``s, ``div.sectionTitle`` labels, a consultation body's response as its own section) and a
Netpublicator page whose item numbers are only the positions of the ``<li>`` items of one ``<ol>``. Each fact is
also checked on an edited copy, so the rules follow the layout, not these files' words.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ingest.readers import ReadResult, read_source
from ingest.readers.base import Source
from ingest.readers.html_labels import decision_head, list_positions, names_number, section_title

ROOT = Path(__file__).resolve().parent.parent / "sample_data" / "portals10"
KK = ROOT / "koebenhavn_teknik-og-miljoeudvalget_2024-11-18.html"
ISHOEJ = ROOT / "ishoej_social-og-sundhedsudvalget_2025-03-11.html"
DRAGOER = ROOT / "dragoer_kultur-og-fritidsudvalget_2024-06-17.html"


def read(path: Path, *edits: tuple[str, str]) -> ReadResult:
    text = path.read_bytes().decode("utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    return read_source(Source(text.encode("utf-8"), path.name))


def first(m: object, k: int) -> str:
    return m.items[k].decisions[0].text if m.items[k].decisions else ""  # type: ignore[attr-defined]


def test_all_three_are_read_by_the_generic_html_reader() -> None:
    assert {read(p).reader for p in (KK, ISHOEJ, DRAGOER)} == {"generic-html"}


def test_koebenhavn_meeting_facts() -> None:
    m = read(KK).meeting
    assert (m.municipality, m.committee, m.date, m.time) == ("København", "Teknik- og Miljøudvalget",
                                                            date(2024, 11, 18), "15:00")  # 14:00Z is 15:00 local
    assert m.location == "Udvalgsværelse 1, Københavns Rådhus, Rådhuspladsen 1, 1550 København V"
    assert m.status == "minutes" and m.absentees == ["Jonas Bech (F)"] and len(m.participants) == 11
    assert m.remarks == ["Camilla Holt (C) forlod mødet kl. 16.10 under behandlingen af punktet."]


def test_koebenhavn_items_numbers_cases_and_decisions() -> None:
    m = read(KK).meeting
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "2024-0000871"),
        ("2", "Cykelforbindelse langs Amager Strandvej - anlægsbevilling", "2024-0671234"),
        ("3", "Betalingsparkering og beboerlicens i Valby Syd - resultat af høring", "2024-0543321"),
        ("4", "Støttepulje til grønne gårdrum 2025", "2024-0712908"),
        ("5", "Meddelelser fra forvaltningen", "2024-0000872"),
        ("6", "Lukket punkt: Erstatningskrav vedr. skade ved vejarbejde", None)]
    assert [it.closed for it in m.items] == [False] * 5 + [True] and not m.items[5].decisions
    assert first(m, 0) == "Dagsordenen blev godkendt."  # the line "…s beslutning i mødet den …:" heads it
    assert first(m, 1).startswith("Indstillingen blev anbefalet.\n\nDer blev begæret afstemning om indstillingens 2.")
    assert [(v.position, v.count) for v in m.items[1].decisions[0].votes] == [("for", 7), ("against", 3)]
    assert first(m, 2).startswith("Sagen blev udsat, idet udvalget ønsker en supplerende analyse")
    assert m.items[2].decisions[0].outcome == "postponed" and len(m.items[2].decisions) == 1
    assert first(m, 3).startswith("Indstillingen blev godkendt uden afstemning.")
    assert first(m, 4) == "Meddelelserne blev taget til efterretning."
    assert all(d.body == "Teknik- og Miljøudvalget" and d.date == date(2024, 11, 18)
               for it in m.items for d in it.decisions)
    assert [s.heading for s in m.items[1].sections] == ["Indstilling", "Problemstilling", "Løsning", "Økonomi",
                                                        "Videre proces"]  # no "Åben" status line


def test_koebenhavn_variant_numbers_follow_the_number_field() -> None:
    edits = [(f'field__item">{k}</div>\n    <h3', f'field__item">{k + 10}</div>\n    <h3') for k in range(1, 7)]
    edits += [("field--name-field-os2web-m-bp-number", "field--name-field-bp-nummer")]
    m = read(KK, *edits).meeting
    assert [it.number for it in m.items] == ["11", "12", "13", "14", "15", "16"]


def test_koebenhavn_variant_another_bodys_decision_heading_and_utc_stamp() -> None:
    m = read(KK, ("<p>Teknik- og Miljøudvalgets beslutning i mødet den 18. november 2024:</p><p>Sagen blev udsat",
                  "<p>Økonomiudvalgets beslutning i mødet den 3. december 2024:</p><p>Sagen blev udsat"),
             (" - 15:00</time>", "</time>")).meeting
    dec = m.items[2].decisions[0]
    assert (dec.body, dec.date, dec.text[:16]) == ("Økonomiudvalget", date(2024, 12, 3), "Sagen blev udsat")
    assert m.time == "15:00"  # only the stamp is left: 2024-11-18T14:00:00Z in Copenhagen


def test_ishoej_meeting_facts() -> None:
    m = read(ISHOEJ).meeting
    assert (m.municipality, m.committee, m.date, m.time) == ("Ishøj", "Social- og Sundhedsudvalget",
                                                            date(2025, 3, 11), "17:00")
    assert m.location == "Mødelokale 3, Ishøj Rådhus, Ishøj Store Torv 20, 2635 Ishøj"
    assert m.absentees == ["Lars Emil Kjær (V)"] and m.status == "minutes"


def test_ishoej_items_and_decisions() -> None:
    m = read(ISHOEJ).meeting
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "25/000311"), ("2", "Tilsynsrapporter for plejecentre 2024", "24/018822"),
        ("3", "Træning i eget hjem - udvidelse af ordningen", "25/002104"),
        ("4", "Kvalitetsstandard for madservice 2025", "24/020517"), ("5", "Lukket punkt: Personsag", None),
        ("6", "Meddelelser", "25/000312")]
    assert [bool(it.decisions) for it in m.items] == [True] * 4 + [False, True]
    assert first(m, 0) == "Godkendt.\n\nFraværende: Lars Emil Kjær (V)"
    assert first(m, 1).startswith("Taget til efterretning.")
    assert first(m, 2).startswith("Godkendt.\nFor stemte: A, F, Ø (5)\nImod stemte: O (1)\nO ønsker ordningen")
    assert first(m, 3).startswith("Anbefales over for Økonomiudvalget og Kommunalbestyrelsen.")
    assert first(m, 5).startswith("Taget til efterretning.")
    four = m.items[3]
    assert [s.heading for s in four.sections] == ["Sagsfremstilling", "Høringssvar fra Ældrerådet", "Økonomi",
                                                  "Indstilling"]  # the council's response is a section
    assert "Ældrerådet" not in first(m, 3) and not four.attachments  # "Ingen bilag", no "Lukkede punkter"
    assert m.items[4].closed and not m.items[4].sections


def test_ishoej_variant_other_consultation_body_and_class_names() -> None:
    m = read(ISHOEJ, ("Høringssvar fra Ældrerådet", "Udtalelse fra Handicaprådet"),
             ('class="sectionTitle"', 'class="section-title"')).meeting
    four = m.items[3]
    assert "Udtalelse fra Handicaprådet" in [s.heading for s in four.sections]
    assert first(m, 3).startswith("Anbefales") and len(four.decisions) == 1
    assert all(it.decisions for k, it in enumerate(m.items) if k != 4)


def test_dragoer_meeting_facts() -> None:
    m = read(DRAGOER).meeting
    assert (m.municipality, m.committee, m.date, m.time) == ("Dragør", "Kultur- og Fritidsudvalget",
                                                            date(2024, 6, 17), "17:00")
    assert m.location == "Mødelokale 2, Dragør Rådhus, Kongevejen 7, 2791 Dragør"
    assert m.absentees == ["Birgitte Løve (V)"] and m.status == "minutes" and len(m.participants) == 5


def test_dragoer_items_by_list_position() -> None:
    m = read(DRAGOER).meeting
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "24/0901"), ("2", "Tilskud til Dragør Havnefest 2024", "24/1207"),
        ("3", "Åbent bibliotek på Dragør Bibliotek", "24/0988"),
        ("4", "Folkeoplysningspolitik 2025-2028 - høringsudkast", "24/0712"), ("5", "Meddelelser", "24/0902")]
    assert first(m, 0).startswith("Godkendt.")
    assert first(m, 1).startswith("Der bevilges 75.000 kr. fra Kultur- og fritidspuljen.\n\nFor stemte: C, A, Ø (4)")
    assert first(m, 3).startswith("Godkendt, at udkastet sendes i høring.")
    assert first(m, 4).startswith("Taget til efterretning.")
    assert not m.items[0].sections  # no "Sagsnr."/"Status"/"Åben" leftovers


def test_dragoer_variants_list_start_nested_list_and_unordered_list() -> None:
    m = read(DRAGOER, ('<ol class="np-agenda">', '<ol class="np-agenda" start="7">'),  # a second nested list too
             ("i 2023. ", "i 2023.</p><ol><li>Et</li><li>To</li></ol><p>")).meeting
    assert [it.number for it in m.items] == ["7", "8", "9", "10", "11"]
    m = read(DRAGOER, ('<ol class="np-agenda">', '<ul class="np-agenda">'),
             ("</li>\n  </ol>", "</li>\n  </ul>")).meeting
    assert [it.number for it in m.items] == [None] * 5  # an unordered list prints no numbers
    timed = read(DRAGOER, ('<span class="np-info-value">17:00 - 19:00', '<span class="np-info-value">16:30 - 18:00'))
    assert timed.meeting.time == "16:30"


def test_helpers() -> None:
    from lxml import html as lhtml

    doc = lhtml.fromstring('<div><ol start="2"><li>a</li><li>b<ol><li>x</li></ol></li></ol>'
                           '<span class="itemNumber">3</span><span class="case-nr">3</span>'
                           '<div class="sectionTitle">x</div><div class="title">x</div></div>')
    top = doc.xpath("./ol/li")
    assert list_positions(top) == ["2", "3"] and list_positions(doc.xpath("//ol/li")) is None
    spans = doc.xpath("./span")
    assert names_number(spans[0]) and not names_number(spans[1])
    assert section_title(doc.xpath("./div")[0]) and not section_title(doc.xpath("./div")[1])
    assert decision_head("Byrådets beslutning den 3. juni 2024:\nGodkendt.") == ("Godkendt.", "Byrådet",
                                                                                date(2024, 6, 3))
    assert decision_head("Godkendt.\nFor: A") is None
