"""Build test documents in the formats minutes come in: PDF (text layer), DOCX, HTML, First Agenda JSON."""

from __future__ import annotations

import io
import json
from pathlib import Path


def write_pdf(path: Path, lines: list[str]) -> Path:
    """A minimal one-font PDF with a real text layer (WinAnsi, so æøå survive)."""
    ops = ["BT", "/F1 10 Tf", "12 TL", "40 800 Td"]
    for line in lines:
        esc = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({esc}) Tj T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("cp1252")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    path.write_bytes(out.getvalue())
    return path


def write_docx(path: Path, lines: list[str]) -> Path:
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path


FIRST_AGENDA_HTML = """<!doctype html><html><head><title>Referat</title>
<script>alert('x')</script><style>.x{}</style></head><body>
<header><div class="logo">Vejle Kommune</div></header>
<h1 class="meeting-title">Referat: Teknisk Udvalg</h1>
<div class="meeting-info"><span>Mødedato:</span> <span>Tirsdag d. 12. marts 2024 kl. 15:00</span>
<div>Mødested: Byrådssalen, Vejle Rådhus</div></div>
<table class="agenda">
 <tr class="agenda-item"><td><span class="label">1</span></td><td><h2 class="item-title">Godkendelse af dagsorden</h2>
   <div class="item-body"><h3>Beslutning</h3><p>Godkendt.</p></div></td></tr>
 <tr class="agenda-item"><td><span class="label">2</span></td>
   <td><h2 class="item-title">Ny <b>cykelsti</b> langs Fjordvej</h2>
   <div class="case-number">Sagsnr.: 24/1234</div>
   <div class="item-body"><h3>Sagsfremstilling</h3><p>Forvaltningen foreslår en cykelsti på 1,2 km.
   Anlægsudgiften er <strong>4,5 mio. kr.</strong></p>
   <h3>Indstilling</h3><ul><li>at projektet godkendes</li><li>at der frigives 4,5 mio. kr.</li></ul>
   <h3>Beslutninger</h3><p>Godkendt. Peter Hansen (V) deltog ikke i behandlingen af punktet.</p></div></td></tr>
 <tr class="agenda-item"><td><span class="label">3</span></td>
   <td><h2 class="item-title">Lukket punkt: Ekspropriation</h2></td></tr>
</table></body></html>"""

FIRST_AGENDA_JSON = {
    "Udvalg": {"Navn": "Børne- og Familieudvalget"},
    "Moede": {"Dato": "2023-09-04T16:00:00", "Sted": "Mødelokale 2",
              "Deltagere": [{"Navn": "Anna Berg (A)"}, {"Navn": "Bo Lund (V)", "Afbud": True}]},
    "Kommune": "Horsens Kommune",
    "Dagsordenpunkter": [
        {"Punktnummer": 1, "Navn": "Godkendelse af dagsorden", "Felter": [
            {"Navn": "Beslutning", "Html": "<p>Godkendt.</p>"}]},
        {"Punktnummer": 2, "Navn": "Skolestruktur 2024", "SagsNummer": "EMN-2023-01234",
         "Bilag": [{"Navn": "Høringssvar samlet"}],
         "Felter": [
             {"Navn": "Resumé", "Html": "<p>Forslag om at samle to skoler i Hatting.</p>"},
             {"Navn": "Indstilling", "Html": "<p>Direktøren indstiller, at forslaget sendes i høring.</p>"},
             {"Navn": "Beslutning", "Html": "<h4>Beslutning</h4><p>Indstillingen blev godkendt.</p>"
                                            "<p>For stemte 5: Anna Berg (A), Carl Dam (F)</p>"
                                            "<p>Imod stemte 2: Eva Nør (O), Finn Ulv (V)</p>"}]},
        {"Punktnummer": 3, "Navn": "Personalesag", "Lukket": True, "Felter": []},
    ],
}


def write_first_agenda_json(path: Path) -> Path:
    path.write_text(json.dumps(FIRST_AGENDA_JSON, ensure_ascii=False), encoding="utf-8")
    return path


def wait_until_up(url: str, timeout: float = 120.0) -> bool:
    """Poll ``url`` until it answers 200 (a server started as a process or thread), or time out."""
    import time

    import httpx

    end = time.time() + timeout
    while time.time() < end:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return True
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    return False
