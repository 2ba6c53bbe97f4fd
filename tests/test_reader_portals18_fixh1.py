"""Two CMS API exports (sample_data/portals18, facts in sample_data/portals18-expected.md): a Sitecore JSS Layout
Service response of a Frederiksberg meeting page (items as components, every field a {"value"} wrapper, start only
in UTC, attendance only as a flag on the member references, votes only in a party | for | imod | undlod table) and a
WordPress REST API post of a Læsø referat (meeting facts only in ACF custom fields, the post's own date the
publication, a "Læs også" list of other meetings after the items, wptexturize dashes in the titles).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from core.errors import IngestError
from ingest.readers import ReadResult, read_source
from ingest.readers.base import Source

ROOT = Path(__file__).resolve().parent.parent
FREDERIKSBERG = ROOT / "sample_data" / "portals18" / "frederiksberg_undervisningsudvalget_2024-11-25.json"
LAESOE = ROOT / "sample_data" / "portals18" / "laesoe_oekonomiudvalget_2024-05-22.json"


def read(path: Path, data: bytes | None = None) -> ReadResult:
    """The file read under a neutral name, so that nothing comes from the file name."""
    return read_source(Source(path.read_bytes() if data is None else data, "/tmp/upload.json"))


def dumped(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


# --- Frederiksberg: a Sitecore JSS layout ------------------------------------------------------------------------


def test_frederiksberg_facts() -> None:
    r = read(FREDERIKSBERG)
    m = r.meeting
    assert r.reader == "sitecore-jss"
    assert (m.municipality, m.committee, m.date) == ("Frederiksberg", "Undervisningsudvalget", date(2024, 11, 25))
    assert m.time == "17:30"  # MeetingStart 16:30Z is 17:30 in Copenhagen
    assert m.location == "Udvalgsværelse 2, Frederiksberg Rådhus, Smallegade 1, 2000 Frederiksberg"
    assert m.absentees == ["Lise Brinch (V)"]
    assert "Anders Wedel (B)" in m.participants and len(m.participants) == 7
    assert m.status == "minutes"
    assert m.published is not None and m.published.startswith("2024-11-27")  # the page's, not the meeting's


FREDERIKSBERG_ITEMS = [
    ("1", "Godkendelse af dagsorden", "24-11873", "Godkendt."),
    ("2", "Kapacitet og skoledistrikter 2025-2030", "24-07710", "Indstillingens punkt 1 og 2 blev godkendt."),
    ("3", "Anlægsbevilling - renovering af faglokaler på Tre Falke Skolen", "24-09204",
     "Anbefales over for Magistraten og Kommunalbestyrelsen."),
    ("4", "Status på specialundervisning og inklusion 2024", "24-10388", "Taget til efterretning. Udvalget ønsker"),
    ("5", "Mobilfri skoletid - forsøg og videre proces", "24-05561",
     "Udvalget besluttede, at mobilfri skoletid indføres på alle kommunens folkeskoler fra den 1. februar 2025."),
    ("6", "Lukket punkt: Personalesag", None, None),
    ("7", "Meddelelser", "24-11874", "Taget til efterretning."),
]


def test_frederiksberg_items() -> None:
    items = read(FREDERIKSBERG).meeting.items
    assert len(items) == len(FREDERIKSBERG_ITEMS)
    for it, (number, title, case, decision) in zip(items, FREDERIKSBERG_ITEMS, strict=True):
        assert (it.number, it.title, it.case_number) == (number, title, case)
        if decision is None:
            assert it.closed and not it.decisions
        else:
            assert not it.closed
            assert it.decisions[0].text.startswith(decision)


def _counts(item: Any) -> dict[str, int | None]:
    return {v.position: v.count for v in item.decisions[0].votes}


def test_frederiksberg_votes_only_in_the_table() -> None:
    items = read(FREDERIKSBERG).meeting.items
    assert _counts(items[1]) == {"for": 4, "against": 1, "abstain": 1}
    assert _counts(items[4]) == {"for": 5, "against": 1}
    against = [v for v in items[4].decisions[0].votes if v.position == "against"]
    assert len(against) == 1 and against[0].members[0].name == "Anders Wedel"  # the table's B (1), not twice
    assert "For stemte: C, A og B (4)." in items[1].decisions[0].text


def test_frederiksberg_traps() -> None:
    m = read(FREDERIKSBERG).meeting
    two = m.items[1]
    assert "skoledistrikterne" in two.text and "\u00ad" not in two.text  # &shy; dropped
    assert [s.heading for s in two.sections][:1] == ["Sagsfremstilling"]
    assert "2025/26" in two.text and "2027/28" in two.decisions[0].text  # indstilling vs decision
    assert all(d.date == date(2024, 11, 25) for it in m.items for d in it.decisions)  # not the aside's meetings
    assert "16. december 2024" in m.items[6].text


def test_sitecore_without_a_meeting_date_is_an_error() -> None:
    data = json.loads(FREDERIKSBERG.read_text(encoding="utf-8"))
    header = data["sitecore"]["route"]["placeholders"]["headless-main"][1]["fields"]
    del header["MeetingStart"], header["MeetingEnd"]
    with pytest.raises(IngestError, match="meeting's date"):
        read(FREDERIKSBERG, dumped(data))


# --- Læsø: a WordPress REST post ---------------------------------------------------------------------------------


def test_laesoe_facts() -> None:
    r = read(LAESOE)
    m = r.meeting
    assert r.reader == "wordpress-rest"
    assert (m.municipality, m.committee, m.date, m.time) == ("Læsø", "Økonomiudvalget", date(2024, 5, 22), "15:00")
    assert m.location == "Mødelokale 1, Læsø Rådhus, Doktorvejen 2, 9940 Læsø"
    assert m.absentees == ["Inge Dalsgaard (C)"]
    assert m.participants[0] == "Tobias Lind (V)" and len(m.participants) == 5
    assert m.status == "minutes"
    assert m.published == "2024-05-27T09:03:15"  # the post's edit time, never the meeting date


LAESOE_ITEMS = [
    ("1", "Godkendelse af dagsorden", "24/1421", "Godkendt."),
    ("2", "Budgetopfølgning pr. 31. marts 2024", "24/0388", "Anbefales over for Kommunalbestyrelsen. Udvalget"),
    ("3", "Forlængelse af færgelejet i Vesterø Havn - anlægsbevilling", "23/2207",
     "Anbefales over for Kommunalbestyrelsen. Forslaget blev vedtaget med 3 stemmer for"),
    ("4", "Salg af den tidligere brandstation i Byrum", "24/0911",
     "Udvalget besluttede at sælge ejendommen til Byrum Værksteder ApS for 1.150.000 kr."),
    ("5", "Låneoptagelse 2024", "24/0412", "Anbefales over for Kommunalbestyrelsen."),
    ("6", "Lukket punkt: Køb af jord ved Østerby Havn", None, None),
    ("7", "Meddelelser", "24/1422", "Taget til efterretning."),
]


def test_laesoe_items() -> None:
    items = read(LAESOE).meeting.items
    assert len(items) == len(LAESOE_ITEMS)
    for it, (number, title, case, decision) in zip(items, LAESOE_ITEMS, strict=True):
        assert (it.number, it.title, it.case_number) == (number, title, case)
        if decision is None:
            assert it.closed and not it.decisions
        else:
            assert it.decisions[0].text.startswith(decision)


def test_laesoe_traps() -> None:
    m = read(LAESOE).meeting
    assert "Læs også" not in m.items[-1].text and "24. april" not in m.items[-1].text  # other meetings' posts
    assert {v.position: v.count for v in m.items[2].decisions[0].votes} == {"for": 3, "against": 1}
    assert "1.275.000" in m.items[3].text and "1.275.000" not in m.items[3].decisions[0].text


def _post() -> dict[str, Any]:
    data = json.loads(LAESOE.read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return dict(data[0])


def test_wordpress_date_from_the_title_when_no_field() -> None:
    post = _post()
    post["acf"] = {k: v for k, v in post["acf"].items() if k != "moededato"}
    r = read(LAESOE, dumped([post]))
    assert r.meeting.date == date(2024, 5, 22)  # the title's date, never the post's 24 May
    assert any("title" in w for w in r.warnings)


def test_wordpress_without_any_date_is_an_error() -> None:
    post = _post()
    post["acf"] = {k: v for k, v in post["acf"].items() if k != "moededato"}
    post["title"] = {"rendered": "Referat &#8211; Økonomiudvalget"}
    with pytest.raises(IngestError, match="no meeting date"):
        read(LAESOE, dumped([post]))


def test_wordpress_list_of_posts_is_several_meetings() -> None:
    first, second = _post(), _post()
    second["id"] = 8842
    second["acf"] = {**second["acf"], "moededato": "20240424"}
    r = read(LAESOE, dumped([first, second]))
    assert [m.date for m in r.meetings] == [date(2024, 5, 22), date(2024, 4, 24)]
    assert r.readers == ["wordpress-rest", "wordpress-rest"]
