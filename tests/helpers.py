"""Test helpers: documents in the formats minutes come in (PDF, DOCX, HTML, First Agenda JSON), free ports, and
waiting on a condition (a server up, a message posted) instead of on the clock."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.container import Container


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


CUSTOM = Path(__file__).resolve().parent.parent / "sample_data" / "custom"
# our own minutes in new shapes live once, in sample_data/custom/, for the tests and the hold-out eval alike
FIRST_AGENDA_HTML = (CUSTOM / "vejle_teknisk_2024-03-12.html").read_text(encoding="utf-8")
FIRST_AGENDA_JSON = json.loads((CUSTOM / "horsens_boern_2023-09-04.json").read_text(encoding="utf-8"))


def write_first_agenda_json(path: Path) -> Path:
    path.write_text(json.dumps(FIRST_AGENDA_JSON, ensure_ascii=False), encoding="utf-8")
    return path


def free_port() -> int:
    """A TCP port on loopback that nothing listens on (now)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def until(condition: Callable[[], bool], timeout: float = 120.0, every: float = 0.05) -> bool:
    """Poll ``condition`` until it holds (True) or ``timeout`` seconds pass (False). The timeout only bounds
    a hang: callers wait on the condition, never on the clock."""
    import time

    end = time.monotonic() + timeout
    while True:
        if condition():
            return True
        if time.monotonic() >= end:
            return False
        time.sleep(every)


def wait_until_up(url: str, timeout: float = 120.0) -> bool:
    """Poll ``url`` until it answers 200 (a server started as a process or thread), or time out."""
    import httpx

    def up() -> bool:
        try:
            return httpx.get(url, timeout=5).status_code == 200
        except httpx.HTTPError:
            return False

    return until(up, timeout, every=0.2)


PORTALS = Path(__file__).resolve().parent.parent / "sample_data" / "portals"


def invented(folder: Path, name: str) -> Path:
    """A test file by name: the invented portal minutes in sample_data/portals (which `make test` also asks
    questions about) are kept once, there; every other fixture lives in ``folder``."""
    portal = PORTALS / name
    return portal if portal.exists() else folder / name


def ingest_text(container: Container, path: Path, text: str) -> Container:
    """Write ``text`` to ``path`` and ingest it into ``container``; the ingest must not fail."""
    from ingest.pipeline import ingest_paths

    path.write_text(text, encoding="utf-8")
    assert not ingest_paths(container.indexer, [path]).failed
    return container
