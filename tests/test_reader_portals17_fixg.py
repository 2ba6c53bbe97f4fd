"""Two more versions of real formats (sample_data/portals17, facts in sample_data/portals17-expected.md): a Morsø
"samlet referat" PDF holding TWO committees' meetings on two days (item numbers repeating, a running header and
"Side n af 5" printed first on every page, also inside a decision crossing a page break), read as two meetings by
``ingest.combined``; and a Fredericia CMS page of a MOVED meeting (breadcrumb and URL keep the old date), time
"Kl. 16 - 18.10", the decision in an ``<aside>`` BEFORE the case text and a "Tillægsdagsorden" heading between
items, read by ``generic_html``/``html_items``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from core.model import AgendaItem, Meeting
from ingest import combined
from ingest.readers import ReadResult, read_source
from ingest.readers.base import Source
from ingest.readers.generic_html import _clock

ROOT = Path(__file__).resolve().parent.parent
MORSOE = ROOT / "sample_data" / "portals17" / "morsoe_teknik-og-miljoeudvalget_2024-05-27.pdf"
FREDERICIA = ROOT / "sample_data" / "portals17" / "fredericia_oekonomiudvalget_2024-06-12.html"
NYBORG = ROOT / "sample_data" / "portals4" / "nyborg_plan-klima-og-teknikudvalget_2024-08-13.pdf"


def read(path: Path, data: bytes | None = None) -> ReadResult:
    return read_source(Source(path.read_bytes() if data is None else data, str(path)))


def table(m: Meeting) -> list[tuple[str | None, str, str | None, bool]]:
    return [(it.number, it.title, it.case_number, bool(it.decisions)) for it in m.items]


def first(it: AgendaItem) -> str:
    return it.decisions[0].text if it.decisions else ""


# --- Morsø: one PDF, two meetings ---------------------------------------------------------------------------


def test_morsoe_two_meetings() -> None:
    r = read(MORSOE)
    assert len(r.meetings) == 2
    assert [(m.committee, m.date) for m in r.meetings] == [
        ("Teknik- og Miljøudvalget", date(2024, 5, 27)), ("Kultur- og Fritidsudvalget", date(2024, 5, 28))]
    assert len({m.id for m in r.meetings}) == 2
    assert all(m.municipality == "Morsø" and m.status == "minutes" for m in r.meetings)
    assert "2 meetings in one file" in r.warnings[0]


def test_morsoe_tmu_facts_and_items() -> None:
    tmu = read(MORSOE).meetings[0]
    assert tmu.time == "14:00"
    assert tmu.location == "Mødelokale 1, Morsø Rådhus, Jernbanevej 7, 7900 Nykøbing Mors"
    assert tmu.absentees == ["Grete Munk (DF)"]
    assert table(tmu) == [
        ("1", "Godkendelse af dagsorden", "24/3301", True),
        ("2", "Vejbelysning på landet - udfasning af master på private fællesveje", "23/9912", True),
        ("3", "Ansøgning om tilskud til ny havnebadeanstalt i Nykøbing", "24/1177", True),
        ("4", "Lukket punkt: Køb af ejendom til regnvandsbassin", None, False),
        ("5", "Meddelelser", "24/3302", True)]
    assert tmu.items[3].closed
    assert first(tmu.items[0]) == "Godkendt."
    assert first(tmu.items[1]).startswith("Godkendt, dog således at høringsperioden forlænges til 8 uger")
    assert first(tmu.items[4]) == "Taget til efterretning."


def test_morsoe_decision_across_page_break() -> None:
    """The running header and "Side 3 af 5" stand between "Afbud: Grete Munk" and "(DF)."."""
    item3 = read(MORSOE).meetings[0].items[2]
    assert first(item3) == ("Udvalget bevilgede 700.000 kr. og anbefaler over for Økonomiudvalget, at de resterende "
                            "500.000 kr. finansieres af kassebeholdningen. For stemte: V, A og SF (4). "
                            "Afbud: Grete Munk (DF).")
    for m in read(MORSOE).meetings:
        for it in m.items:
            assert "Samlet referat" not in it.text and "Side " not in it.text and "uge 22" not in it.text


def test_morsoe_kfu_facts_and_items() -> None:
    kfu = read(MORSOE).meetings[1]
    assert kfu.time == "16:00"
    assert kfu.location == "Mødelokale 3, Morsø Rådhus, Jernbanevej 7, 7900 Nykøbing Mors"
    assert kfu.absentees == []  # "Afbud: Ingen"
    assert "Jørgen Bak (K)" in kfu.participants and "Grete Munk (DF)" not in kfu.participants
    assert table(kfu) == [
        ("1", "Godkendelse af dagsorden", "24/3310", True),
        ("2", "Fordeling af kulturpuljen 2024, 2. runde", "24/0812", True),
        ("3", "Åbningstider på Morsø Bibliotek i sommerferien", "24/2904", True),
        ("4", "Meddelelser", "24/3311", True)]
    assert first(kfu.items[1]).startswith("Godkendt, dog således at Frøslev Forsamlingshus også får 20.000 kr.")
    assert "Kulturprisen 2024 uddeles den 6. september 2024" in kfu.items[3].text
    assert all("Vesterbro" not in it.text for it in kfu.items)  # TMU's item 5 stays in TMU


def test_one_meeting_with_running_referat_header_stays_one() -> None:
    """Nyborg prints "Referat 13.08.2024" atop every page; page 3 opens with a decision: one meeting still."""
    r = read(NYBORG)
    assert len(r.meetings) == 1
    assert [it.number for it in r.meeting.items] == ["1", "2", "3", "4", "5", "6"]
    assert r.meeting.committee == "Plan-, Klima- og Teknikudvalget"


def _page(*lines: str) -> str:
    return "\n".join(lines)


def test_split_rules() -> None:
    head = "Byen Kommune - Samlede referater, uge 3 2024"
    a = _page(f"{head} Økonomiudvalget", "Referat", "Økonomiudvalget", "Mødedato: 15. januar 2024",
              "Punkt 1 Godkendelse af dagsorden", "Beslutning", "Godkendt.")
    b = _page(f"{head} Økonomiudvalget", "Punkt 2 Meddelelser", "Beslutning", "Taget til efterretning.")
    c = _page(f"{head} Børneudvalget", "Referat", "Børneudvalget", "Mødedato: 16. januar 2024",
              "Punkt 1 Godkendelse af dagsorden", "Beslutning", "Godkendt.")
    parts = combined.split("\f".join([a, b, c]))
    assert parts is not None
    assert [(p.committee, p.day) for p in parts] == [("Økonomiudvalget", date(2024, 1, 15)),
                                                     ("Børneudvalget", date(2024, 1, 16))]
    assert head not in parts[0].text and "Punkt 2 Meddelelser" in parts[0].text
    assert combined.split("\f".join([a, b])) is None  # one meeting
    assert combined.split("\f".join([a, b, a])) is None  # the same meeting twice (a reprint): not two
    undated = c.replace("Mødedato: 16. januar 2024", "16. januar 2024")
    assert combined.split("\f".join([a, b, undated])) is None  # a head needs a labelled date


# --- Fredericia: a CMS page, decision before the case text ----------------------------------------------------


def test_fredericia_meeting_facts() -> None:
    r = read(FREDERICIA)
    m = r.meeting
    assert len(r.meetings) == 1
    assert (m.municipality, m.committee, m.date) == ("Fredericia", "Økonomiudvalget", date(2024, 6, 12))
    assert m.time == "16:00"  # "Kl. 16 - 18.10"
    assert m.location == "Mødelokale A, Fredericia Rådhus, Gothersgade 20, 7000 Fredericia"
    assert m.absentees == ["Peter Ahl (C)"]
    assert m.status == "minutes"
    assert not r.warnings


def test_fredericia_items_and_decisions() -> None:
    m = read(FREDERICIA).meeting
    assert table(m) == [
        ("1", "Godkendelse af dagsorden", "24/9851", True),
        ("2", "Budgetopfølgning pr. 30. april 2024", "24/2206", True),
        ("3", "Salg af grunde i Kongens Port, etape 2", "23/11640", True),
        ("4", "Anlægsbevilling til renovering af Fredericia Idrætscenter", "22/19977", True),
        ("5", "Lukket punkt: Lejeaftale for erhvervslejemål", None, False),
        ("6", "Meddelelser", "24/9852", True),
        ("7", "Ansøgning om kommunegaranti - Fredericia Sejlklub", "24/10321", True)]
    assert first(m.items[0]) == "Godkendt."  # not run on into "Ingen sagsfremstilling."
    assert "Ingen sagsfremstilling." in m.items[0].text
    assert first(m.items[1]).startswith("Taget til efterretning. Fagudvalgene pålægges")
    assert first(m.items[2]).startswith("Anbefales over for Byrådet med en mindstepris på 1.250 kr. pr. m².")
    assert "1.150 kr." in m.items[2].text and "1.150" not in first(m.items[2])
    assert first(m.items[3]) == "Anbefales over for Byrådet. Fraværende: Peter Ahl (C)."
    assert m.items[4].closed
    assert first(m.items[6]).startswith("Anbefales over for Byrådet, dog med en garantiprovision på 0,75 pct.")


def test_fredericia_tillaegsdagsorden_heads_item_7() -> None:
    m = read(FREDERICIA).meeting
    assert "Tillægsdagsorden" not in m.items[5].text
    assert "Tillægsdagsordenen blev udsendt den 7. juni 2024." in m.items[6].text


def _cms(aside: str, between: str = "") -> bytes:
    item = ('<article class="agenda-item" id="punkt-{n}"><header><p class="agenda-item__number">Punkt {n}</p>'
            '<h2>{title}</h2></header>{aside}<div class="agenda-item__body"><h3>Sagsfremstilling</h3>'
            '<p>Sagen handler om noget vigtigt for byen.</p></div></article>')
    items = [item.format(n=1, title="Godkendelse af dagsorden", aside=aside), between,
             item.format(n=2, title="Meddelelser", aside=aside)]
    return ('<!DOCTYPE html><html><head><title>Økonomiudvalget - referat | Byen</title></head><body><main>'
            '<h1>Økonomiudvalget</h1><ul><li><strong>Dato:</strong> 3. marts 2024</li>'
            '<li><strong>Tid:</strong> Kl. 9 - 11</li></ul>' + "".join(items) + "</main></body></html>").encode()


def test_aside_rules() -> None:
    links = read(FREDERICIA, _cms('<aside><h3>Relaterede links</h3><p>Se også budgettet.</p></aside>')).meeting
    assert all("Relaterede" not in it.text and not it.decisions for it in links.items)
    decided = read(FREDERICIA, _cms('<aside><h3>Beslutning</h3><p>Godkendt.</p></aside>')).meeting
    assert [first(it) for it in decided.items] == ["Godkendt.", "Godkendt."]
    assert decided.time == "09:00"
    bare = read(FREDERICIA, _cms("", '<h2 class="section-heading">Lukkede punkter</h2>')).meeting
    assert all("Lukkede punkter" not in it.text for it in bare.items)


def test_clock_hour_without_minutes() -> None:
    assert _clock("Kl. 16 - 18.10") == "16:00"
    assert _clock("kl. 16.30 - 18.00") == "16:30"
    assert _clock("15:00 - 17:10") == "15:00"
    assert _clock("onsdag den 12. juni 2024 kl. 16.") == "16:00"
