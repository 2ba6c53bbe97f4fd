"""Atom/RSS feeds of one meeting's agenda items (``ingest/readers/feed.py``): the Rebild Atom feed of
sample_data/portals6 (items newest first, escaped HTML bodies, a meeting-facts entry), an invented RSS 2.0
variant, and a news feed the reader must leave to the generic readers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ingest.parse import parse_bytes, read_path
from ingest.readers.base import Source
from ingest.readers.feed import READER

PORTALS6 = Path(__file__).resolve().parent.parent / "sample_data" / "portals6"
REBILD = PORTALS6 / "rebild_aeldre-og-sundhedsudvalget_2024-08-14.xml"


def test_the_rebild_atom_feed_is_read_as_the_expected_file_says() -> None:
    result = read_path(REBILD)
    m = result.meeting
    assert result.reader == "feed"
    assert (m.municipality, m.committee, m.date, m.time, m.status) == (
        "Rebild", "Ældre- og Sundhedsudvalget", date(2024, 8, 14), "13:00", "minutes")
    assert m.location == "Mødelokale 2, Rebild Rådhus, Hobrovej 110, 9530 Støvring"
    assert m.absentees == ["Morten Bach (C)", "Lis Nørgaard (F)"]  # not the member who left after item 5
    assert m.participants == ["Jette Mørk (A)", "Bent Ladefoged (V)", "Rikke Holm (V)", "Ole Frandsen (O)",
                              "Signe Kjær (A)", "Morten Bach (C)", "Lis Nørgaard (F)"]
    assert m.published == "2024-08-16T10:02:17+02:00"  # the feed's update time, not the meeting date
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", "24/12010"),
        ("2", "Udbygning af Plejecentret Birkebo i Skørping med 16 plejeboliger", "24/7733"),
        ("3", "Takster for madservice 2025", "24/10544"),
        ("4", "Handleplan for Demensvenlig Kommune 2024-2026", "24/9102"),
        ("5", "Ansøgning fra Frivilligcenter Rebild om § 18-midler", "24/11450"),
        ("6", "Lukket punkt: Klagesag", None),
        ("7", "Meddelelser", "24/12011"),
    ]
    firsts = {it.number: it.decisions[0].text for it in m.items if it.decisions}
    assert firsts == {
        "1": "Godkendt.",
        "2": firsts["2"],
        "3": "Godkendt.",
        "4": firsts["4"],
        "5": "Udvalget bevilger 75.000 kr. til besøgsvennekorpset.",
        "7": "Taget til efterretning.",
    }
    assert firsts["2"].startswith("Anbefales over for Økonomiudvalget og Byrådet.")
    assert "For stemte: A, V (4)" in firsts["2"]
    assert firsts["4"].startswith("Godkendt med den tilføjelse, at der også oprettes et pårørendecafé-tilbud")
    two = m.items[1]
    assert [v.position for v in two.decisions[0].votes][:2] == ["for", "against"]
    assert [s.name for s in two.sections][:3] == ["Sagsfremstilling", "Økonomi", "Indstilling"]
    assert "31 personer i juni 2024" in two.text
    assert [it.number for it in m.items if it.closed] == ["6"]
    assert "Bent Ladefoged (V)" in m.items[6].absentees  # he left before item 7
    assert "Mødeoplysninger" not in " ".join(it.title for it in m.items)


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Teknik- og Miljøudvalget - Dagsorden 03.09.2024 - Viborg Kommune</title>
  <link>https://viborg.dk/politik/teknik-og-miljoeudvalget/2024-09-03</link>
  <description>Dagsorden for mødet tirsdag den 3. september 2024 kl. 15.30</description>
  <lastBuildDate>Wed, 28 Aug 2024 09:00:00 +0200</lastBuildDate>
  <item>
    <title>Pkt. 1 Godkendelse af dagsorden</title>
    <description>&lt;h3&gt;Indstilling&lt;/h3&gt;&lt;p&gt;Direktionen indstiller, at dagsordenen godkendes.&lt;/p&gt;
    </description>
  </item>
  <item>
    <title>Pkt. 2 Ny cykelsti langs Randersvej</title>
    <description><![CDATA[<p>Sagsnr.: 24/5501</p><h3>Sagsfremstilling</h3>
      <p>Cykelstien skal forbinde Bruunshåb med Viborg midtby og koster 6,2 mio. kr.</p>
      <h3>Indstilling</h3><p>Direktionen indstiller, at projektet igangsættes.</p>]]></description>
    <category>Åbent punkt</category>
  </item>
  <item>
    <title>Pkt. 3 Vintertjeneste 2024-2025</title>
    <description>&lt;p&gt;Sagsnr.: 24/6120&lt;/p&gt;&lt;h3&gt;Sagsfremstilling&lt;/h3&gt;
      &lt;p&gt;Serviceniveauet for snerydning fastlægges for den kommende sæson.&lt;/p&gt;</description>
  </item>
</channel>
</rss>"""


def test_an_rss_variant_in_forward_order_is_read_as_an_agenda(tmp_path: Path) -> None:
    result = parse_bytes(RSS.encode(), str(tmp_path / "feed.xml"))
    m = result.meeting
    assert result.reader == "feed"
    assert (m.municipality, m.committee, m.date, m.time, m.status) == (
        "Viborg", "Teknik- og Miljøudvalget", date(2024, 9, 3), "15:30", "agenda")
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        ("1", "Godkendelse af dagsorden", None),
        ("2", "Ny cykelsti langs Randersvej", "24/5501"),
        ("3", "Vintertjeneste 2024-2025", "24/6120"),
    ]
    assert not any(it.decisions for it in m.items)
    assert [s.name for s in m.items[1].sections] == ["Sagsfremstilling", "Indstilling"]
    assert "6,2 mio. kr." in m.items[1].text
    assert m.published == "2024-08-28T09:00:00+02:00"


NEWS = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Nyheder fra Odense Kommune</title>
  <updated>2024-08-16T10:00:00+02:00</updated>
  <entry><title>Ny legeplads åbner i Kongens Have</title><updated>2024-08-16T10:00:00+02:00</updated>
    <content type="html">&lt;p&gt;Byrådet har den 14. august 2024 godkendt en ny legeplads.&lt;/p&gt;</content></entry>
  <entry><title>2024 blev et rekordår for turismen</title><updated>2024-08-15T10:00:00+02:00</updated>
    <content type="html">&lt;p&gt;Over 1 mio. overnatninger.&lt;/p&gt;</content></entry>
  <entry><title>Vejarbejde på Thomas B. Thriges Gade</title><updated>2024-08-14T10:00:00+02:00</updated>
    <content type="html">&lt;p&gt;Fra mandag lukkes et spor.&lt;/p&gt;</content></entry>
</feed>"""


def test_a_news_feed_without_item_numbers_is_not_claimed(tmp_path: Path) -> None:
    src = Source(NEWS.encode(), str(tmp_path / "nyheder.xml"))
    assert READER.sniff(src) is False
    assert READER.sniff(Source(REBILD.read_bytes(), str(REBILD))) is True
    try:
        result = parse_bytes(NEWS.encode(), str(tmp_path / "nyheder.xml"))
    except Exception:  # noqa: BLE001 - whatever the generic readers make of it, this reader did not take it
        return
    assert result.reader != "feed"
