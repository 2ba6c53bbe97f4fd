"""MIME messages of sample_data/portals6 (invented blind to the readers): a web page saved as MHTML and an e-mailed
referat whose minutes are in the HTML part after a cover letter; plus an e-mail carrying the minutes as an
attachment, and a pasted e-mail that is no MIME message."""

from __future__ import annotations

from datetime import date
from email.message import EmailMessage
from pathlib import Path

from ingest import mime
from ingest.parse import parse_bytes, read_path
from ingest.pipeline import expand

PORTALS6 = Path(__file__).resolve().parent.parent / "sample_data" / "portals6"


def test_a_saved_web_page_is_read_from_its_quoted_printable_html_part() -> None:
    result = read_path(PORTALS6 / "alleroed_oekonomiudvalget_2024-05-28.mht")
    m = result.meeting
    assert (m.municipality, m.committee, m.date, m.time) == ("Allerød", "Økonomiudvalget", date(2024, 5, 28), "18:00")
    assert m.location == "Udvalgsværelse 1, Allerød Rådhus, Bjarkesvej 5, 3450 Allerød"
    assert m.absentees == ["Helle Ebbesen (F)"]
    assert [i.number for i in m.items] == ["1", "2", "3", "4", "5", "6", "7"]
    assert m.items[2].title == "Salg af den tidligere pedelbolig ved Lillerød Skole"
    assert m.items[2].decisions[0].text.startswith("Anbefales over for Byrådet.")
    assert "Bo Glerup (C)" in m.participants  # windows-1252 letters decoded from the part's charset
    assert any("MIME" in w for w in result.warnings)


def test_an_emailed_referat_is_read_from_its_html_part_not_its_cover_letter() -> None:
    m = read_path(PORTALS6 / "kerteminde_social-og-arbejdsmarkedsudvalget_2024-03-11.eml").meeting
    # the greeting ("Kære medlemmer af ...") and the signature ("Udvalgssekretær") name no committee; the meeting
    # is on the 11th though the mail was sent on the 12th
    assert (m.municipality, m.committee, m.date, m.time) == (
        "Kerteminde", "Social- og Arbejdsmarkedsudvalget", date(2024, 3, 11), "16:00")
    assert m.location == "Mødelokale 3, Kerteminde Rådhus, Hans Schacksvej 4, 5300 Kerteminde"
    assert len(m.items) == 6
    assert m.items[3].title.startswith("Kvalitetsstandard for støtte- og kontaktperson")
    assert " ".join(m.items[3].decisions[0].text.split()).startswith("Godkendt. For stemte: A, V (4)")
    assert m.absentees == ["Allan Bork (O)", "Pia Juhl (C)"]  # "(uden afbud)" is a remark, not part of the name
    assert m.items[3].decisions[0].absentees == ["Allan Bork (O)", "Pia Juhl (C)"]  # "Afbud: … Fraværende: …"


def _minutes_html(committee: str) -> str:
    return ("<html><head><title>Odder Kommune - Referat</title></head><body><h1>Referat</h1>"
            f"<p>{committee}</p><p>Mødedato: 3. juni 2024 kl. 16.00</p>"
            "<h2>Punkt 1: Godkendelse af dagsorden</h2><h3>Beslutning</h3><p>Godkendt.</p>"
            "<h2>Punkt 2: Ny cykelsti ved Bøgevej</h2><h3>Sagsfremstilling</h3><p>Cykelstien koster 1,2 mio. kr.</p>"
            "<h3>Beslutning</h3><p>Godkendt.</p></body></html>")


def test_an_email_with_the_minutes_attached_is_read_from_the_attachment() -> None:
    msg = EmailMessage()
    msg["From"] = "sekretariat@odder.dk"
    msg["Subject"] = "Referat"
    msg.set_content("Kære alle\n\nHermed referatet fra Teknisk Udvalg.\n\nVenlig hilsen\nSekretariatet\n")
    msg.add_attachment(_minutes_html("Teknisk Udvalg").encode("utf-8"), maintype="text",
                       subtype="html", filename="referat.html")
    result = parse_bytes(msg.as_bytes(), "mail.eml")
    m = result.meeting
    assert (m.municipality, m.committee, m.date) == ("Odder", "Teknisk Udvalg", date(2024, 6, 3))
    assert [i.number for i in m.items] == ["1", "2"]
    assert "attached document referat.html" in result.warnings[0]


def test_a_pasted_email_without_mime_headers_is_left_to_the_text_reader() -> None:
    pasted = b"From: Politisk Sekretariat\nSent: 20. februar 2024\nSubject: Referat\n\nKaere alle\n"
    assert not mime.is_message(pasted)
    assert mime.is_message(b"MIME-Version: 1.0\nContent-Type: text/html\n\n<p>x</p>")


def test_a_folder_ingest_picks_up_saved_pages_and_emails(tmp_path: Path) -> None:
    for name in ("a.mht", "b.eml", "c.mhtml"):
        (tmp_path / name).write_text("x")
    assert sorted(p.name for p in expand([tmp_path])) == ["a.mht", "b.eml", "c.mhtml"]
