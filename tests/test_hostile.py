"""Hostile clients and racing writers (issue 16): limits on the bytes actually read, server-issued conversations
bound to their owner, writes serialised per meeting, ingest off the event loop, stable item ids, separate read and
write keys, Slack text escaped and retries answered once, and a 4xx (never a 500) for every bad input.

The server tests run a real uvicorn process (marked slow) and drive it by its progress (a pause point in the
ingest, a raw socket that stops sending when the answer arrives), never by sleeps or wall-clock budgets. Memory
and disk are measured (the server's RSS, its spool folder) and asserted with generous bounds.
"""

from __future__ import annotations

import io
import json
import os
import select
import socket
import subprocess
import sys
import threading
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from assistant.api import create_app
from assistant.container import Container
from assistant.guard import safe_filename
from assistant.settings import Settings, get_settings
from assistant.slack import blocks, escape
from core.model import AgendaItem, Decision, Meeting, Section
from ingest.index import IngestReport
from ingest.parse import parse_file
from ingest.pipeline import ingest_paths
from store.check import check, repair
from tests.conftest import ROOT, SEEDS
from tests.fakes import FakeSlack
from tests.helpers import free_port, until, wait_until_up

WRITE, READ = "write-key-0123456789", "read-key-0123456789"
UPLOAD_LIMIT = 2_000_000
CHAT_LIMIT = 256 * 1024
SECRET = "hostile-signing-secret"
HOSTILE_MINUTES = """Referat Teknisk Udvalg, Esbjerg Kommune
Mødedato: 05-03-2024

Punkt 1: Fjernvarme i Hjerting <!channel>
Sagsfremstilling
Fjernvarme i Hjerting koster 4 mio. kr. Se <http://evil.example|Esbjerg Kommune> og spørg <@U0ADMIN>.
Beslutning
Teknisk Udvalg den 05-03-2024: Fjernvarme i Hjerting godkendt. <!channel> <@U0ADMIN> <http://evil.example|Esbjerg>

Punkt 2: Vejbelysning på Strandvejen
Beslutning
Teknisk Udvalg den 05-03-2024: Godkendt.
"""


def minutes(items: dict[str, str], day: str = "12-03-2024") -> bytes:
    """Esbjerg Teknisk Udvalg minutes with the given items (number -> decision text)."""
    parts = [f"Referat Teknisk Udvalg, Esbjerg Kommune\nMødedato: {day}\n"]
    for num, text in items.items():
        parts.append(f"Punkt {num}: Sag nummer {num} om {text.split()[0]}\nBeslutning\n"
                     f"Teknisk Udvalg den {day}: {text}\n")
    return "\n".join(parts).encode()


# -- units: no server --------------------------------------------------------------------------------------
def test_upload_names_are_made_plain() -> None:
    assert safe_filename("../../etc/passwd.txt") == "passwd.txt"
    assert safe_filename("a\x00b.txt") == "ab.txt"
    assert safe_filename("..") == safe_filename("") == safe_filename("/") == "upload.txt"
    long = safe_filename("x" * 5000 + ".docx")
    assert len(long) <= 120 and long.endswith(".docx")
    assert safe_filename("C:\\temp\\møde.pdf") == "møde.pdf"


def test_slack_mrkdwn_from_documents_is_escaped() -> None:
    from assistant.contract import Answer, Citation

    hostile = "<!channel> <@U0ADMIN> <http://evil|Esbjerg> & co"
    cit = Citation(municipality="Esbjerg", committee="Teknisk <!here>", meeting_date="2024-03-05", item_number="1",
                   item_title="<http://evil|x>", quote=hostile, item_id="x", url="http://127.0.0.1/items/x")
    shown = [b["text"]["text"] for b in blocks(Answer(answer=hostile, citations=[cit]), "q") if b["type"] == "section"]
    out = "\n".join(shown)  # what Slack renders as mrkdwn (button values are data, never rendered)
    for bad in ("<!channel>", "<!here>", "<@U0ADMIN>", "<http://evil"):
        assert bad not in out
    assert "&lt;!channel&gt;" in out and "&amp; co" in out and "<http://127.0.0.1/items/x|" in out
    assert escape("a < b & c > d") == "a &lt; b &amp; c &gt; d"


def test_item_ids_are_stable_and_municipality_names_normalised(tmp_path: Path) -> None:
    src = tmp_path / "m.txt"
    src.write_bytes(minutes({"1": "Godkendt.", "2": "Udsat.", "3": "Godkendt."}))
    first = parse_file(src, "esbjerg kommune")
    assert first.municipality == "Esbjerg" and parse_file(src, "ESBJERG").id == first.id == parse_file(src).id
    ids = first.item_ids()
    assert [i.rsplit("--", 1)[1] for i in ids] == ["p1", "p2", "p3"]
    src.write_bytes(minutes({"1": "Godkendt.", "3": "Godkendt med ændringer."}))  # item 2 withdrawn
    second = parse_file(src)
    assert second.item_ids() == [ids[0], ids[2]]  # item 3 keeps its link although its position moved
    twice = second.model_copy(update={"items": [*second.items, second.items[-1].model_copy(update={"order": 3})]})
    assert twice.item_ids()[-1].endswith("--p3~2")  # a repeated number stays distinct


def test_removed_item_is_gone_with_a_link_to_its_meeting(container: Container, tmp_path: Path) -> None:
    src = tmp_path / "m.txt"
    src.write_bytes(minutes({"1": "Godkendt.", "2": "Udsat.", "3": "Godkendt."}))
    ingest_paths(container.indexer, [src])
    old = parse_file(src).item_ids()
    src.write_bytes(minutes({"1": "Godkendt.", "3": "Godkendt med ændringer."}))
    ingest_paths(container.indexer, [src])
    with TestClient(create_app(container.settings, container)) as client:
        kept = client.get(f"/api/items/{old[2]}")
        assert kept.status_code == 200 and "ændringer" in kept.json()["text"]
        gone = client.get(f"/items/{old[1]}")
        assert gone.status_code == 410, gone.text
        assert gone.json()["meeting_url"].endswith(f"/meetings/{old[1].rsplit('--', 1)[0]}/page")
        assert client.get("/items/esbjerg_nothing--p1").status_code == 404


def test_item_splitter_keeps_section_sign_angle_and_lowercase_titles(tmp_path: Path) -> None:
    src = tmp_path / "m.txt"
    src.write_text("Referat Teknisk Udvalg, Esbjerg Kommune\nMødedato: 16-01-2024\n\n"
                   "Punkt 1: Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n"
                   "Punkt 2: § 17, stk. 4-udvalg om klima\nBeslutning\nGodkendt.\nPunkt 3 i sagen blev drøftet.\n\n"
                   "Punkt 3: <Lukket punkt> Salg af grund\nBeslutning\nGodkendt.\n\n"
                   "Punkt 4: eventuelt\nBeslutning\nIntet.\n", encoding="utf-8")
    m = parse_file(src)
    assert [(i.number, i.title) for i in m.items] == [
        ("1", "Godkendelse af dagsorden"), ("2", "§ 17, stk. 4-udvalg om klima"),
        ("3", "<Lukket punkt> Salg af grund"), ("4", "eventuelt")]


def test_conversations_are_issued_owned_and_survive_a_restart(seeded: Container) -> None:
    q = "Hvad besluttede Esbjerg om Prækvalifikation Helhedsplan 2025-2029?"
    first = seeded.service.ask(q, owner="web:alice")
    cid = first.conversation_id
    assert cid and len(cid) >= 32
    assert seeded.service.ask("og hvad sagde Byrådet?", conversation_id=cid, owner="web:alice").conversation_id == cid
    stolen = seeded.service.ask("og hvad sagde Byrådet?", conversation_id=cid, owner="web:mallory")
    assert stolen.conversation_id != cid  # a foreign id starts a new conversation
    assert seeded.service.ask(q, conversation_id="made-up-id", owner="web:alice").conversation_id != "made-up-id"
    restarted = Container(seeded.settings)  # a new process: the conversation is in the catalog file
    again = restarted.service.ask("og hvad sagde Byrådet?", conversation_id=cid, owner="web:alice")
    assert again.conversation_id == cid and "Helhedsplan" in (again.standalone_question or "")


def _version(tag: str, published: str) -> Meeting:
    items = [AgendaItem(number=str(k), order=k, title=f"Vejprojekt {k}",
                        sections=[Section(name="Sagsfremstilling", heading="Sagsfremstilling",
                                          text=f"Version {tag}. " + f"Strækning {k} asfalteres om i {tag}. " * 40)],
                        decisions=[Decision(body="Teknisk Udvalg", text=f"Godkendt i udgave {tag}.",
                                            outcome="approved")],
                        text=f"Vejprojekt {k} udgave {tag}") for k in range(1, 16)]
    return Meeting(municipality="esbjerg kommune", committee="Teknisk Udvalg", date=date(2024, 3, 5),
                   published=published, items=items)


def _write(c: Container, m: Meeting, start: threading.Barrier, errors: list[BaseException]) -> None:
    try:
        start.wait()  # both writers begin together
        c.indexer.add(m, IngestReport())
    except BaseException as exc:  # handed to the test thread
        errors.append(exc)


def test_two_versions_of_one_meeting_ingested_concurrently_stay_whole(settings: Settings) -> None:
    """Twenty rounds of two writers (each its own catalog connection and lock table view, as two processes
    would have) ingesting two publications of one meeting at once: every round the newer publication is live,
    and at the end `referat check` is clean and the answer quotes the newest version."""
    writers = [Container(settings), Container(settings)]
    for w in writers:  # both writers up and running, as two serving processes would be
        w.vectors.collection()
    for round_ in range(20):
        older = _version(f"A{round_}", f"2024-03-{round_ + 6:02d}T08:00:00")
        newer = _version(f"B{round_}", f"2024-03-{round_ + 6:02d}T09:00:00")
        start = threading.Barrier(2)
        errors: list[BaseException] = []
        pair = [(writers[0], older), (writers[1], newer)] if round_ % 2 else [(writers[0], newer), (writers[1], older)]
        threads = [threading.Thread(target=_write, args=(*p, start, errors)) for p in pair]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors, errors
        stored = writers[0].catalog.meeting(newer.id)
        assert stored is not None and stored.published == newer.published, round_
    reader = writers[0]
    reader.indexer.finish()
    findings = check(reader.catalog, reader.vectors, reader.lexical)
    assert all(f.ok for f in findings), [line for f in findings for line in f.lines()]
    answer = reader.service.ask("Hvad blev besluttet om Vejprojekt 3 i Esbjerg?")
    assert "B19" in answer.answer, answer.answer


def test_check_names_what_is_off_and_repair_fixes_it(seeded: Container) -> None:
    muni = "Esbjerg"
    col = seeded.vectors.collection()
    victims = col.get(where={"municipality": muni}, include=[], limit=3)["ids"]
    col.delete(ids=victims)
    runner = CliRunner()
    from assistant import cli

    data = ["--data-dir", str(seeded.settings.data_dir)]
    env = {"REFERAT_EMBEDDER": "fake"}
    get_settings.cache_clear()
    try:
        bad = runner.invoke(cli.app, ["check", *data], env=env)
        assert bad.exit_code == 1 and "Esbjerg: 3 chunk vectors missing" in bad.output, bad.output
        fixed = runner.invoke(cli.app, ["check", "--repair", *data], env=env)
        assert fixed.exit_code == 0, fixed.output
        assert runner.invoke(cli.app, ["check", *data], env=env).exit_code == 0
    finally:
        get_settings.cache_clear()
    findings = check(seeded.catalog, seeded.vectors, seeded.lexical)
    assert all(f.ok for f in findings)
    repair(seeded.catalog, seeded.vectors, seeded.lexical, seeded.embedder, findings)  # nothing to do: no error


def test_cli_ingest_goes_past_bad_files(tmp_path: Path) -> None:
    from assistant import cli

    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 not a pdf")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    get_settings.cache_clear()
    try:
        out = CliRunner().invoke(cli.app, ["ingest", str(bad), str(SEEDS[0]), str(empty), "--data-dir",
                                           str(tmp_path / "data")], env={"REFERAT_EMBEDDER": "fake"})
    finally:
        get_settings.cache_clear()
    assert out.exit_code == 1 and "Traceback" not in out.output, out.output
    assert "failed" in out.output and "added" in out.output


def test_request_bounds_in_process(seeded: Container) -> None:
    seeded.settings = seeded.settings.model_copy(update={"api_key": WRITE})
    with TestClient(create_app(seeded.settings, seeded), raise_server_exceptions=False) as c:
        q = "Hvad besluttede Esbjerg om Helhedsplan?"
        assert c.post("/chat", json={"question": q, "conversation_id": "x" * 65}).status_code == 422
        assert c.post("/chat", json={"question": q, "conversation_id": "../etc"}).status_code == 422
        r = c.post("/chat", json={"question": q, "municipality": ["Esbjerg"] * 21})
        assert r.status_code == 422 and "the limit is 20" in r.text
        r = c.post("/chat", json={"question": q, "history": ["x" * 999] * 19 + ["y" * 2000]})
        assert r.status_code == 422 and "limit" in r.text
        r = c.post("/chat", content=b'{"question": "hvad \\ud800 besluttede"}',
                   headers={"content-type": "application/json"})
        assert r.status_code == 422 and "surrogate" in r.text
        headers = c.get("/").headers
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"


# -- a real server ----------------------------------------------------------------------------------------
def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def disk_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


class Server:
    def __init__(self, proc: subprocess.Popen[str], base: str, port: int, data: Path, spool: Path,
                 pause: Path, slack: FakeSlack) -> None:
        self.proc, self.base, self.port, self.data, self.spool, self.pause, self.slack = (
            proc, base, port, data, spool, pause, slack)

    def client(self, key: str | None = READ) -> httpx.Client:
        return httpx.Client(base_url=self.base, timeout=300, headers={"x-api-key": key} if key else {})


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    root = tmp_path_factory.mktemp("hostile")
    data, spool, pause = root / "data", root / "spool", root / "pause"
    spool.mkdir()
    pause.mkdir()
    (pause / "after_parse.go").touch()  # ingests pass the pause point unless a test re-arms it
    c = Container(Settings(data_dir=data, embedder="fake"))
    assert not ingest_paths(c.indexer, SEEDS).failed
    env = {k: v for k, v in os.environ.items() if not k.startswith("REFERAT_")}
    with FakeSlack() as slack:
        env.update({"REFERAT_DATA_DIR": str(data), "REFERAT_EMBEDDER": "fake", "REFERAT_REFUSAL_THRESHOLD": "0.25",
                    "REFERAT_API_KEY": WRITE, "REFERAT_READ_API_KEY": READ, "REFERAT_READ_REQUIRES_KEY": "true",
                    "REFERAT_MAX_UPLOAD_BYTES": str(UPLOAD_LIMIT), "REFERAT_RATE_LIMIT_PER_MINUTE": "0",
                    "REFERAT_SLACK_SIGNING_SECRET": SECRET, "REFERAT_SLACK_BOT_TOKEN": "xoxb-test",
                    "REFERAT_SLACK_API_URL": slack.url + "/api/", "REFERAT_PAUSE": f"after_parse={pause}",
                    "TMPDIR": str(spool), "PYTHONPATH": str(ROOT)})
        port = free_port()
        proc = subprocess.Popen([sys.executable, "-m", "assistant.cli", "serve", "--port", str(port)], env=env,
                                cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        base = f"http://127.0.0.1:{port}"
        try:
            if not wait_until_up(base + "/metrics", 240):
                proc.terminate()
                pytest.fail("server did not start: " + (proc.communicate(timeout=60)[1] or ""))
            yield Server(proc, base, port, data, spool, pause, slack)
        finally:
            proc.terminate()
            proc.wait(timeout=60)


def raw_chunked(port: int, path: str, headers: dict[str, str], chunks: Iterator[bytes]) -> tuple[str, int]:
    """POST a chunked body, stopping as soon as the server answers; (status or 'reset', bytes sent)."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=120)
    head = f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
    head += "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
    sent = 0
    try:
        sock.sendall(head.encode())
        for chunk in chunks:
            if select.select([sock], [], [], 0)[0]:
                break  # the server has answered: stop sending
            sock.sendall(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
            sent += len(chunk)
        else:
            sock.sendall(b"0\r\n\r\n")
        reply = b""
        while b"\r\n" not in reply:
            got = sock.recv(4096)
            if not got:
                break
            reply += got
        status = reply.split(b" ", 2)[1].decode() if reply.startswith(b"HTTP/") else "closed"
    except (BrokenPipeError, ConnectionResetError):
        status = "reset"
    finally:
        sock.close()
    return status, sent


def spaces(total: int, size: int = 256 * 1024) -> Iterator[bytes]:
    for _ in range(total // size):
        yield b" " * size


def multipart(filename: bytes, body: bytes, boundary: str = "hostileboundary") -> tuple[bytes, dict[str, str]]:
    data = (f"--{boundary}\r\n".encode() + b'Content-Disposition: form-data; name="file"; filename="' + filename
            + b'"\r\nContent-Type: application/octet-stream\r\n\r\n' + body + f"\r\n--{boundary}--\r\n".encode())
    return data, {"content-type": f"multipart/form-data; boundary={boundary}"}


@pytest.mark.slow
def test_chunked_chat_body_is_refused_as_it_passes_the_limit(server: Server) -> None:
    before = rss_mb(server.proc.pid)
    status, sent = raw_chunked(server.port, "/chat", {"content-type": "application/json", "x-api-key": READ},
                               iter([b'{"question": "' + b"x" * 1024, *spaces(300 * 1024 * 1024)]))
    after = rss_mb(server.proc.pid)
    print(f"\nchunked 300 MB /chat: {status}, sent {sent / 1e6:.1f} MB, RSS {before:.0f} -> {after:.0f} MB")
    assert status in {"413", "reset"} and sent < CHAT_LIMIT + 16 * 1024 * 1024
    assert after - before < 150


@pytest.mark.slow
def test_upload_without_the_key_is_refused_before_its_body_is_read(server: Server) -> None:
    before = disk_mb(server.spool)
    part, headers = multipart(b"big.txt", b"")
    body = iter([part[:-len(b"\r\n--hostileboundary--\r\n")], *spaces(300 * 1024 * 1024)])
    status, sent = raw_chunked(server.port, "/ingest", {"content-type": headers["content-type"]}, body)
    print(f"\nchunked 300 MB /ingest without key: {status}, sent {sent / 1e6:.1f} MB, "
          f"spool {before:.1f} -> {disk_mb(server.spool):.1f} MB")
    assert status in {"401", "reset"} and sent < 16 * 1024 * 1024
    assert disk_mb(server.spool) - before < 1


@pytest.mark.slow
def test_chunked_upload_over_the_limit_stops_spooling(server: Server) -> None:
    part, headers = multipart(b"big.txt", b"")
    body = iter([part[:-len(b"\r\n--hostileboundary--\r\n")], *spaces(300 * 1024 * 1024)])
    status, sent = raw_chunked(server.port, "/ingest", {"content-type": headers["content-type"], "x-api-key": WRITE},
                               body)
    print(f"\nchunked 300 MB /ingest with key: {status}, sent {sent / 1e6:.1f} MB, "
          f"spool {disk_mb(server.spool):.1f} MB")
    assert status in {"413", "reset"} and sent < UPLOAD_LIMIT + 16 * 1024 * 1024
    assert disk_mb(server.spool) < 1  # the spooled part is gone with the request


@pytest.mark.slow
def test_conversation_ids_are_bounded_issued_and_owned(server: Server) -> None:
    q = "Hvad besluttede Esbjerg om Prækvalifikation Helhedsplan 2025-2029?"
    before = rss_mb(server.proc.pid)
    with server.client() as c:
        for _ in range(10):
            r = c.post("/chat", json={"question": q, "conversation_id": "c" * 10_000_000})
            assert r.status_code == 413 and len(r.content) < 1000
        r = c.post("/chat", json={"question": q, "conversation_id": "c" * 100})
        assert r.status_code == 422 and "c" * 100 not in r.text
    print(f"\n10 x 10 MB conversation ids: 413, RSS {before:.0f} -> {rss_mb(server.proc.pid):.0f} MB")
    assert rss_mb(server.proc.pid) - before < 150
    alice, mallory = server.client(None), server.client(None)
    with alice, mallory:
        for who in (alice, mallory):
            assert who.post("/login", data={"key": READ}).status_code in {200, 303}
        first = alice.post("/chat", json={"question": q})
        assert first.status_code == 200, first.text
        cid = first.json()["conversation_id"]
        assert first.cookies.get("referat_client") or alice.cookies.get("referat_client")
        follow = alice.post("/chat", json={"question": "og hvad sagde Byrådet?", "conversation_id": cid})
        assert follow.json()["conversation_id"] == cid
        stolen = mallory.post("/chat", json={"question": "og hvad sagde Byrådet?", "conversation_id": cid})
        assert stolen.status_code == 200 and stolen.json()["conversation_id"] != cid
        made_up = alice.post("/chat", json={"question": q, "conversation_id": "slack-C1-1700000000_1"})
        assert made_up.json()["conversation_id"] != "slack-C1-1700000000_1"


@pytest.mark.slow
def test_health_and_chat_answer_while_an_ingest_is_running(server: Server) -> None:
    go, reached = server.pause / "after_parse.go", server.pause / "after_parse.reached"
    go.unlink(missing_ok=True)
    reached.unlink(missing_ok=True)
    body, headers = multipart(b"lang.txt", minutes({str(k): f"Godkendt punkt {k}. " * 200 for k in range(1, 60)},
                                                   "19-03-2024"))
    result: dict[str, Any] = {}

    def upload() -> None:
        with server.client(WRITE) as c:
            result["r"] = c.post("/ingest", content=body, headers=headers)

    worker = threading.Thread(target=upload)
    worker.start()
    try:
        assert until(reached.exists, 120), "the ingest never reached its pause point"
        with server.client() as c:  # the ingest is parked mid-way in a worker thread
            assert c.get("/health").status_code == 200
            r = c.post("/chat", json={"question": "Hvad besluttede Lejre om virksomhedsprisen?"})
            assert r.status_code == 200
    finally:
        go.touch()
        worker.join()
    assert result["r"].status_code == 200, result["r"].text


@pytest.mark.slow
def test_bad_uploads_get_4xx_naming_the_reason(server: Server, tmp_path: Path) -> None:
    good = minutes({"1": "Godkendt."}, "26-03-2024")
    with server.client(WRITE) as c:
        for name in (b"../../etc/passwd.txt", b"a\x00b.txt", b"x" * 5000 + b".txt", b"..", b"/", b"\xff\xfe.txt"):
            body, headers = multipart(name, good)
            r = c.post("/ingest", content=body, headers=headers)
            assert r.status_code < 500 and r.status_code in {200, 400, 413, 422}, (name[:20], r.status_code, r.text)
        body, headers = multipart(b"", good)  # no name: stored under a default one
        assert c.post("/ingest", content=body, headers=headers).status_code in {200, 422}
        assert c.post("/ingest", content=b"garbage", headers={"content-type": "multipart/form-data"}).status_code < 500
        bomb = io.BytesIO()
        with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("[Content_Types].xml", "<Types/>")
            zf.writestr("word/document.xml", b"\0" * (300 * 1024 * 1024))
        body, headers = multipart(b"bomb.docx", bomb.getvalue())
        before = rss_mb(server.proc.pid)
        r = c.post("/ingest", content=body, headers=headers)
        print(f"\nDOCX unpacking to 300 MB ({len(bomb.getvalue()) / 1e3:.0f} kB): {r.status_code}, "
              f"RSS {before:.0f} -> {rss_mb(server.proc.pid):.0f} MB")
        assert r.status_code == 413 and "limit" in r.json()["detail"]
        body, headers = multipart(b"many.pdf", pdf_pages(2001))
        r = c.post("/ingest", content=body, headers=headers)
        print(f"2001-page PDF ({len(body) / 1e3:.0f} kB): {r.status_code} {r.json()['detail']}")
        assert r.status_code == 422 and "2000 pages" in r.json()["detail"]


@pytest.mark.slow
def test_bad_requests_get_4xx(server: Server) -> None:
    with server.client() as c:
        deep = b'{"question": "x", "history": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
        r = c.post("/chat", content=deep, headers={"content-type": "application/json"})
        assert r.status_code in {400, 422}, r.text
        r = c.post("/chat", content=b"[" * 1_000_000, headers={"content-type": "application/json"})
        assert r.status_code == 413
        r = c.post("/chat", content=b'{"question": "hvad \\ud800 besluttede Esbjerg"}',
                   headers={"content-type": "application/json"})
        assert r.status_code == 422 and "surrogate" in r.text
        r = c.post("/chat/stream", content=b'{"question": "\\udfff"}', headers={"content-type": "application/json"})
        assert r.status_code == 422
        r = c.post("/chat", json={"question": "Hvad besluttede Esbjerg?", "municipality": ["Esbjerg"] * 10_000})
        assert r.status_code == 422 and "limit is 20" in r.text
        r = c.post("/chat", json={"question": "hej", "history": ["h" * 1000] * 25})
        assert r.status_code == 422
        assert c.get("/items/" + "x" * 5000).status_code == 404
        assert c.get("/items/x?q=%ED%B3%BF%FF").status_code == 404  # not UTF-8 in the query: no 500
    stamp = {"X-Slack-Request-Timestamp": "not-a-number", "X-Slack-Signature": "v0=00",
             "content-type": "application/json"}
    r = httpx.post(server.base + "/slack/events", content=b"{}", headers=stamp)
    assert r.status_code == 401, r.text


@pytest.mark.slow
def test_keys_web_login_and_security_headers(server: Server) -> None:
    with server.client(None) as anon:
        page = anon.get("/")
        assert page.status_code == 200
        csp = page.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp
        assert page.headers["x-content-type-options"] == "nosniff"
        assert anon.get("/municipalities").status_code == 401
        assert anon.post("/login", data={"key": "wrong"}).headers["location"].startswith("/login")
        assert anon.post("/login", data={"key": READ}).status_code == 303
        assert anon.get("/municipalities").status_code == 200  # the session cookie serves the page's reads
        assert anon.delete("/meetings/x").status_code == 401  # a read session never writes
    with server.client(READ) as reader:
        assert reader.get("/meetings").status_code == 200
        body, headers = multipart(b"m.txt", minutes({"1": "Godkendt."}))
        assert reader.post("/ingest", content=body, headers=headers).status_code == 401
    with server.client(WRITE) as writer:
        assert writer.get("/meetings").status_code == 200


@pytest.mark.slow
def test_corrected_meeting_keeps_links_and_removed_items_are_gone(server: Server) -> None:
    with server.client(WRITE) as c:
        body, headers = multipart(b"v1.txt", minutes({"1": "Godkendt.", "2": "Udsat.", "3": "Godkendt."}, "02-04-2024"))
        assert c.post("/ingest", content=body, headers=headers, params={"municipality": "esbjerg"}).status_code == 200
        mid = "esbjerg_teknisk-udvalg_2024-04-02"
        ids = [it["id"] for it in c.get(f"/meetings/{mid}").json()["items"]]
        body, headers = multipart(b"v2.txt", minutes({"1": "Godkendt.", "3": "Godkendt med ændringer."}, "02-04-2024"))
        r = c.post("/ingest", content=body, headers=headers, params={"municipality": "Esbjerg Kommune"})
        assert r.json()["replaced"] == [mid], r.text
        assert "ændringer" in c.get(f"/api/items/{ids[2]}").json()["text"]
        gone = c.get(f"/items/{ids[1]}")
        assert gone.status_code == 410 and gone.json()["meeting_url"].endswith(f"/meetings/{mid}/page")


@pytest.mark.slow
def test_slack_gets_escaped_minutes_and_retries_are_answered_once(server: Server) -> None:
    import hashlib
    import hmac
    import time

    with server.client(WRITE) as c:
        body, headers = multipart(b"hostile.txt", HOSTILE_MINUTES.encode())
        assert c.post("/ingest", content=body, headers=headers).status_code == 200

    def send(ts: str, text: str, retry: str | None = None) -> int:
        payload = json.dumps({"token": "x", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
                              "event_id": f"Ev{ts}", "event_time": 1,
                              "event": {"type": "app_mention", "user": "U1", "text": text, "ts": ts, "channel": "C9"}})
        stamp = str(int(time.time()))
        sig = "v0=" + hmac.new(SECRET.encode(), f"v0:{stamp}:{payload}".encode(), hashlib.sha256).hexdigest()
        h = {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": sig, "content-type": "application/json"}
        if retry:
            h.update({"X-Slack-Retry-Num": retry, "X-Slack-Retry-Reason": "http_timeout"})
        return httpx.post(server.base + "/slack/events", content=payload, headers=h, timeout=300).status_code

    already = len(server.slack.posted())
    assert send("500.1", "<@UBOT> Hvad besluttede Esbjerg om fjernvarme i Hjerting?") == 200
    assert until(lambda: len(server.slack.posted()) > already, 120)
    post = server.slack.posted()[-1]
    shown = [b["text"]["text"] for b in json.loads(post["blocks"]) if b["type"] == "section"] if isinstance(
        post.get("blocks"), str) else [b["text"]["text"] for b in post["blocks"] if b["type"] == "section"]
    text = "\n".join([post.get("text", ""), *shown])
    for bad in ("<!channel>", "<@U0ADMIN>", "<http://evil"):
        assert bad not in text, text
    assert "&lt;!channel&gt;" in text or "&lt;@U0ADMIN&gt;" in text, text
    assert send("500.1", "<@UBOT> Hvad besluttede Esbjerg om fjernvarme i Hjerting?", retry="1") == 200
    assert send("500.2", "<@UBOT> Hvad besluttede Esbjerg om vejbelysning?") == 200
    assert until(lambda: len(server.slack.posted()) >= already + 2, 120)
    posted = server.slack.posted()[already:]
    assert len(posted) == 2 and sum("vejbelysning" in json.dumps(p, ensure_ascii=False).lower() for p in posted) == 1


def pdf_pages(n: int) -> bytes:
    """A PDF of ``n`` pages sharing one tiny content stream."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets: list[int] = []

    def obj(body: bytes) -> None:
        offsets.append(out.tell())
        out.write(f"{len(offsets)} 0 obj\n".encode() + body + b"\nendobj\n")

    stream = b"BT /F1 10 Tf 40 800 Td (Punkt 1: Side) Tj ET"
    kids = " ".join(f"{k + 5} 0 R" for k in range(n))
    obj(b"<< /Type /Catalog /Pages 2 0 R >>")
    obj(f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode())
    obj(b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream")
    obj(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for _ in range(n):
        obj(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
            b"/Contents 3 0 R >>")
    xref = out.tell()
    out.write(f"xref\n0 {len(offsets) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(offsets) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()
