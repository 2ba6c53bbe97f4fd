"""portals18: an ALTO v4 OCR file of scanned, signed minutes (``ingest.readers.alto``: words only in ``String@CONTENT``,
hyphenation as HypPart1/HypPart2, tagged running header and footer, two-column member and signature lists, an item
heading at the foot of one page) and an mbox mailing-list archive (``ingest.readers.mbox`` with ``ingest.mailtext``:
the agenda mail, the minutes mail in quoted-printable ISO-8859-1 beside a base64 HTML part, and a reply quoting an
item), checked against sample_data/portals18-expected.md; small invented variations of both are built here."""

from __future__ import annotations

import base64
import re
from datetime import date
from pathlib import Path

import pytest

from core.errors import IngestError
from ingest.mailtext import own_text, unflow
from ingest.parse import parse_bytes, read_path
from ingest.pipeline import expand
from ingest.readers.alto import layout_text
from ingest.readers.base import Source

ROOT = Path(__file__).resolve().parent.parent
BORNHOLM = ROOT / "sample_data" / "portals18" / "bornholm_kommunalbestyrelsen_2024-06-27.xml"
FANOE = ROOT / "sample_data" / "portals18" / "fanoe_teknik-og-miljoeudvalget_2025-02-11.mbox"


def _table(path: Path) -> list[tuple[str | None, str, str | None, str]]:
    m = read_path(path).meeting
    return [(it.number, it.title, it.case_number, it.decisions[0].text if it.decisions else "") for it in m.items]


# --- ALTO OCR ----------------------------------------------------------------------------------------------------

def test_bornholm_alto_meeting_facts() -> None:
    result = read_path(BORNHOLM)
    m = result.meeting
    assert result.readers == ["alto"]
    assert (m.municipality, m.committee, m.date, m.time) == ("Bornholm", "Kommunalbestyrelsen", date(2024, 6, 27),
                                                             "17:00")  # not the OCR's processing date 2024-07-03
    assert m.location == "Mødesalen, Ullasvej 23, 3700 Rønne"
    assert m.absentees == ["Lene Holm (A)"]
    assert m.status == "minutes"


def test_bornholm_two_column_member_list_read_column_by_column() -> None:
    m = read_path(BORNHOLM).meeting
    assert len(m.participants) == 23
    assert m.participants[:2] == ["Kirsten Munch (A)", "Lene Holm (A)"]  # down the left column, not across
    assert m.participants[11:13] == ["Tina Ravn (F)", "Jesper Ipsen (F)"]  # then the right column
    assert m.participants[-1] == "Lis Haahr (D)"


def test_bornholm_items() -> None:
    table = _table(BORNHOLM)
    assert [(n, t, c) for n, t, c, _ in table] == [
        ("1", "Godkendelse af dagsorden", "24/21388"),
        ("2", "Lokalplan nr. 112 for feriehusområde ved Sandvig - endelig vedtagelse", "23/18805"),
        ("3", "Anlægsbevilling til ny daginstitution i Aakirkeby", "24/09912"),
        ("4", "Gratis buskørsel for unge under 18 år - forsøgsordning", "24/11207"),
        ("5", "Kommunegaranti for lån til fjernvarme i Nexø", "24/12290"),
        ("6", "Lukket punkt: Salg af kommunal ejendom i Hasle", None),
        ("7", "Meddelelser", "24/21389"),
    ]
    first = {n: d for n, _, _, d in table}
    assert first["1"] == "Godkendt."
    assert first["2"].startswith("Lokalplanen blev vedtaget endeligt med den ændring, at antallet af ferieboliger "
                                 "reduceres til 40. Forslaget blev vedtaget med 17 stemmer for (A, V, C, O, B og D)")
    assert first["3"] == "Godkendt."
    assert first["4"].startswith("Forslaget blev vedtaget med 13 stemmer for (A, F, Ø, B og O) og 9 stemmer imod")
    assert first["4"].endswith("Udgiften på 2,3 mio. kr. finansieres af kassebeholdningen.")
    assert first["5"] == "Godkendt."
    assert first["6"] == ""
    assert first["7"] == "Taget til efterretning."


def test_bornholm_traps() -> None:
    m = read_path(BORNHOLM).meeting
    items = {it.number: it for it in m.items}
    votes = {v.position: v.count for v in items["2"].decisions[0].votes}
    assert votes == {"for": 17, "against": 5}
    assert {v.position: v.count for v in items["4"].decisions[0].votes} == {"for": 13, "against": 9}
    assert items["6"].closed and not items["6"].decisions
    # hyphenated words whole again (SUBS_CONTENT), their halves gone
    assert "bygningshøjde på højst 6,5 meter" in items["2"].text
    assert "at lokalplanen vedtages med en reduktion til 40 ferieboliger" in items["2"].text
    assert "fjernvarmenettet i Nexø" in items["5"].text
    halves = re.compile(r"\b(?:bygni|ngshøjde|loka|lplanen|Økonomiu|dvalget|fjernva|rmenettet)\b")
    assert not any(halves.search(it.text) for it in m.items)
    # item 5's heading is the last line of page 2: its body is on page 3
    assert "65 mio. kr." in items["5"].text and "540 boliger" in items["5"].text
    # the tagged running header and footer and the signature section are no item's text
    for it in m.items:
        assert "Side 2 af 3" not in it.text and "Referat - Kommunalbestyrelsen" not in it.text
        assert "Godkendt og underskrevet" not in it.text and "Karl Vestberg" not in it.text
    assert "Folkemødet den 13.-15. juni 2024" in items["7"].text


ALTO = """<?xml version="1.0" encoding="UTF-8"?>
<alto xmlns="http://www.loc.gov/standards/alto/ns-v2#">
<Styles><TextStyle ID="B" FONTSTYLE="bold"/></Styles>
<Layout><Page ID="P1" HEIGHT="3000" WIDTH="2000">
<TopMargin><TextBlock ID="T"><TextLine HPOS="100" VPOS="20"><String CONTENT="Løbende"/><SP/>
<String CONTENT="sidehoved"/></TextLine></TextBlock></TopMargin>
<PrintSpace>{blocks}</PrintSpace></Page></Layout></alto>"""


def _block(left: int, top: int, *lines: str) -> str:
    out = []
    for k, line in enumerate(lines):
        words = "<SP/>".join(f'<String CONTENT="{w}"/>' for w in line.split())
        out.append(f'<TextLine HPOS="{left}" VPOS="{top + 50 * k}" HEIGHT="40">{words}</TextLine>')
    return f'<TextBlock HPOS="{left}" VPOS="{top}">{"".join(out)}</TextBlock>'


def test_alto_layout_columns_margins_and_plain_hyphens() -> None:
    blocks = (_block(100, 100, "Medlemmer:") + _block(100, 150, "Anne Aa (A)", "Bent Bo (V)")
              + _block(900, 150, "Carl Cy (C)", "Dorte Do (F)")
              + _block(100, 400, "Der blev givet en anlægs-", "bevilling.")
              + _block(900, 600, "Højre kolonne alene"))
    root = Source(ALTO.format(blocks=blocks).encode(), "x.xml").xml
    text = layout_text(root, "x.xml")
    assert "Løbende sidehoved" not in text  # the page's top margin is furniture
    assert "Medlemmer:\n\nAnne Aa (A)\nBent Bo (V)\nCarl Cy (C)\nDorte Do (F)\n\n" in text
    assert "anlægs-\nbevilling." in text  # a hyphen without SUBS_CONTENT is left to pagetext to join
    assert "\n\nHøjre kolonne alene" in text  # below the last block, not beside it: its own block


def test_alto_without_words_is_a_clear_error() -> None:
    data = ALTO.format(blocks='<TextBlock><TextLine><String CONTENT=""/></TextLine></TextBlock>').encode()
    data = data.replace(b"<TopMargin>", b"<X>").replace(b"</TopMargin>", b"</X>")
    data = data.replace(b'CONTENT="L\xc3\xb8bende"', b'CONTENT=""').replace(b'CONTENT="sidehoved"', b'CONTENT=""')
    with pytest.raises(IngestError) as exc:
        parse_bytes(data, "scan.xml")
    assert "scan.xml" in str(exc.value) and "ALTO" in str(exc.value)


# --- mbox archive --------------------------------------------------------------------------------------------------

def test_fanoe_mbox_meeting_facts() -> None:
    result = read_path(FANOE)
    m = result.meeting
    assert result.readers == ["mbox"] and len(result.meetings) == 1  # three mails, one meeting
    assert (m.municipality, m.committee, m.date, m.time) == ("Fanø", "Teknik- og Miljøudvalget", date(2025, 2, 11),
                                                             "16:00")  # not the mails' 4. or 12. februar
    assert m.location == "Mødelokalet, Fanø Rådhus, Skolevej 5-7, 6720 Fanø"
    assert m.absentees == ["Svend Aage Tofte (C)"]
    assert m.status == "minutes"  # the minutes mail, not the agenda mail
    assert len(m.participants) == 5 and "Mette Kjeldsen (F)" in m.participants
    assert m.published == "2025-02-12T09:41:07+01:00"
    assert any("Dagsorden:" in w and "set aside" in w for w in result.warnings)
    assert any("1 reply" in w for w in result.warnings)


def test_fanoe_mbox_items() -> None:
    table = _table(FANOE)
    assert [(n, t, c) for n, t, c, _ in table] == [
        ("1", "Godkendelse af dagsorden", "25/00231"),
        ("2", "Kystbeskyttelse ved Sønderho - kommunal medfinansiering", "24/01877"),
        ("3", "Kørsel på stranden - bilfri zone ved Fanø Bad", "24/02290"),
        ("4", "Renovering af kajen i Nordby Havn", "24/02815"),
        ("5", "Ændring af affaldsregulativ - haveaffald", "24/03012"),
        ("6", "Lukket punkt: Køb af areal ved Rindby Strand", None),
        ("7", "Meddelelser", "25/00232"),
    ]
    first = {n: d for n, _, _, d in table}
    assert first["1"] == "Godkendt."
    assert first["2"] == ("Anbefales over for Økonomiudvalget og Kommunalbestyrelsen. For stemte: V og A (3). Imod "
                          "stemte: F (1), idet Mette Kjeldsen (F) ønsker en større andel betalt af grundejerne.")
    assert first["3"] == "Godkendt med den ændring, at den bilfri zone udvides til 1.000 meter."
    assert first["4"] == "Godkendt."
    assert first["5"].startswith("Punktet udgik af dagsordenen, da høringen af regulativet ikke var afsluttet.")
    assert first["6"] == ""
    assert first["7"] == "Taget til efterretning."


def test_fanoe_mbox_traps() -> None:
    m = read_path(FANOE).meeting
    items = {it.number: it for it in m.items}
    assert {v.position: v.count for v in items["2"].decisions[0].votes} == {"for": 3, "against": 1}
    assert len(items["2"].decisions) == 1  # the reply's quote adds no second decision
    assert "1.100 meter lang stenkastning" in items["2"].text  # quoted-printable soft breaks joined
    assert "1.200" not in items["3"].decisions[0].text and "1.200 meter" in items["3"].text  # indstilling kept
    assert items["6"].closed and not items["6"].decisions
    for it in m.items:
        assert ">" not in it.text and "skrev" not in it.text and "bilag 2" not in it.text
        assert "venlig hilsen" not in it.text.lower()


def test_mbox_admitted_by_content_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "archive").write_bytes(FANOE.read_bytes())  # no suffix at all
    (tmp_path / "notes.pages").write_bytes(b"PK\x03\x04")
    skipped: list[tuple[Path, str]] = []
    assert list(expand([tmp_path], on_skip=lambda p, why: skipped.append((p, why)))) == [tmp_path / "archive"]
    assert [p.name for p, _ in skipped] == ["notes.pages"]
    assert read_path(tmp_path / "archive").readers == ["mbox"]


MAIL = """From list@example.dk  Mon Mar  3 10:00:00 2025
From: Sekretariatet <list@example.dk>
Subject: {subject}
Date: Mon, 03 Mar 2025 10:00:00 +0100
MIME-Version: 1.0
{body}
"""
MINUTES = """Referat
Kultur- og Fritidsudvalget
Horsens Kommune

Mødedato: Mandag den {day}. februar 2025
Mødetid: Kl. 17.00

Punkt 1. Godkendelse af dagsorden
Sagsnr.: 25/00001
Beslutning:
Godkendt.

Punkt 2. Tilskud til spejderhytte
Sagsnr.: 25/00002
Beslutning:
Bevilget 50.000 kr.
"""


def _html_only(day: int) -> str:
    html = "".join(f"<p>{x}</p>" if x else "" for x in MINUTES.format(day=day).split("\n"))
    payload = base64.encodebytes(f"<html><body>{html}</body></html>".encode()).decode()
    return f"Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n{payload}"


def test_mbox_of_two_meetings_and_an_html_only_mail() -> None:
    plain = "Content-Type: text/plain; charset=utf-8\n\n" + MINUTES.format(day=24)
    data = (MAIL.format(subject="Referat 24.02", body=plain) + "\n"
            + MAIL.format(subject="Referat 10.02", body=_html_only(10))).encode()
    result = parse_bytes(data, "list.mbox")
    assert result.readers == ["mbox", "mbox"]
    assert sorted(m.date for m in result.meetings) == [date(2025, 2, 10), date(2025, 2, 24)]
    for m in result.meetings:
        assert (m.municipality, m.committee) == ("Horsens", "Kultur- og Fritidsudvalget")
        assert [it.decisions[0].text for it in m.items] == ["Godkendt.", "Bevilget 50.000 kr."]


def test_mbox_without_minutes_is_a_clear_error() -> None:
    data = MAIL.format(subject="Re: Referat", body="Content-Type: text/plain\n\nTak.\n> Punkt 1. Godkendelse").encode()
    with pytest.raises(IngestError) as exc:
        parse_bytes(data, "chat.mbox")
    assert "chat.mbox" in str(exc.value) and "no message holds agenda items" in str(exc.value)


def test_mailtext_flowed_and_quotes() -> None:
    assert unflow("En lang linje, der er \nbrudt her.\nNy linje.") == "En lang linje, der er brudt her.\nNy linje."
    assert unflow(" From stuffed") == "From stuffed"
    text = "Tak.\n\nDen 12.02.2025 kl. 09:41 skrev X:\n> Punkt 2. Noget\n> Beslutning:\n\n-- \nMette\nTlf. 1234"
    assert own_text(text) == "Tak."
    outlook = "Se nedenfor.\n\nFra: A <a@b.dk>\nSendt: 3. marts 2025 10:00\nTil: B\nEmne: Referat\n\nPunkt 1. X"
    assert own_text(outlook) == "Se nedenfor."
