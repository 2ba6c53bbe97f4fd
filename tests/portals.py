"""Fake municipal portals on loopback, serving the real files of sample_data/minutes in each portal's shape:
a Greve-style agenda API (committee list + meeting JSON) and a First Agenda publication site (year pages with
``#resultater a.searchresult`` links + meeting pages), both with ETag / Last-Modified and conditional GET.

Faults are scripted per path: canned answers served first (500, 429 with Retry-After, malformed bodies), and
paths that hang until the test sets an Event (a response slower than the client's timeout)."""

from __future__ import annotations

import hashlib
import json
import threading
from collections import deque
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self
from urllib.parse import parse_qs, urlsplit

from tests.conftest import ROOT

MINUTES = ROOT / "sample_data" / "minutes"
GREVE = sorted(MINUTES.glob("greve_*.json"))
AARHUS_PAGE = MINUTES / "aarhus_byraad_2025-10-08.html"


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802
        portal: FakePortal = self.server.portal  # type: ignore[attr-defined]  # the handler reaches its portal through the stdlib server object
        portal.enter(self)
        try:
            portal.answer(self)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout): nothing to answer
            pass
        finally:
            portal.leave(self)


class FakePortal:
    def __init__(self) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.httpd.portal = self  # type: ignore[attr-defined]  # the handler reaches its portal through the stdlib server object
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.docs: dict[str, bytes] = {}  # path -> body
        self.stamps: dict[str, int] = {}  # path -> version, for Last-Modified
        self.canned: dict[str, deque[tuple[int, dict[str, str], bytes]]] = {}
        self.hold: dict[str, threading.Event] = {}
        self.requests: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self.inflight = self.max_inflight = 0
        self._open: set[int] = set()  # the handlers whose request is in flight

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        for event in self.hold.values():
            event.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    # -- scripting -----------------------------------------------------------------------------
    def put(self, path: str, body: bytes) -> None:
        self.docs[path] = body
        self.stamps[path] = self.stamps.get(path, 0) + 1

    def script(self, path: str, *answers: tuple[int, dict[str, str], bytes]) -> None:
        self.canned.setdefault(path, deque()).extend(answers)

    def hits(self, path: str) -> list[dict[str, Any]]:
        return [r for r in self.requests if r["path"] == path]

    # -- serving -------------------------------------------------------------------------------
    def enter(self, handler: BaseHTTPRequestHandler) -> None:
        with self._lock:
            self.inflight += 1
            self.max_inflight = max(self.max_inflight, self.inflight)
            self.requests.append({"path": handler.path, "headers": dict(handler.headers)})
            self._open.add(id(handler))

    def leave(self, handler: BaseHTTPRequestHandler) -> None:
        """The request is answered: counted out before its response goes on the wire (``_send``), so a client's
        next request, sent only after it read this response, never finds it still in flight; once per request."""
        with self._lock:
            if id(handler) in self._open:
                self._open.discard(id(handler))
                self.inflight -= 1

    def body_for(self, path: str) -> bytes | None:
        return self.docs.get(path)

    def answer(self, h: BaseHTTPRequestHandler) -> None:
        path = h.path
        event = self.hold.get(path)
        if event is not None:
            event.wait(30)  # released by the test (or at shutdown); the client timed out long before
        queue = self.canned.get(path)
        if queue:
            status, headers, body = queue.popleft()
            self._send(h, status, body, headers)
            return
        found = self.body_for(path)
        if found is None:
            self._send(h, 404, b"not found", {})
            return
        body = found
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        modified = formatdate(1_700_000_000 + 3600 * self.stamps.get(path, 0), usegmt=True)
        if h.headers.get("if-none-match") == etag:
            self._send(h, 304, b"", {"ETag": etag, "Last-Modified": modified})
            return
        self._send(h, 200, body, {"ETag": etag, "Last-Modified": modified})

    def _send(self, h: BaseHTTPRequestHandler, status: int, body: bytes, headers: dict[str, str]) -> None:
        h.send_response(status)
        for k, v in headers.items():
            h.send_header(k, v)
        if status != 304:
            h.send_header("Content-Length", str(len(body)))
        self.leave(h)  # before the headers are flushed: the client cannot have the response yet
        h.end_headers()
        if status != 304:
            h.wfile.write(body)


class FakeAgendaApi(FakePortal):
    """Greve: ``/api/agenda/udvalgsliste`` and ``/api/agenda/dagsorden/{id}`` from the real Greve JSON files."""

    LIST = "/api/agenda/udvalgsliste"

    def __init__(self) -> None:
        super().__init__()
        self.meetings: dict[str, dict[str, str]] = {}  # moede id -> {committee, committee id, date, file}
        for path in GREVE:
            doc = json.loads(path.read_bytes())
            self.meetings[doc["Id"]] = {"Navn": doc["Udvalg"]["Navn"], "UdvalgId": doc["Udvalg"]["Id"],
                                        "Dato": doc["Moede"]["Dato"], "file": path.name}
            self.put(self.doc_path(doc["Id"]), path.read_bytes())

    @staticmethod
    def doc_path(moede_id: str) -> str:
        return f"/api/agenda/dagsorden/{moede_id}"

    def id_of(self, file_name: str) -> str:
        return next(k for k, v in self.meetings.items() if v["file"] == file_name)

    def remove(self, moede_id: str) -> None:
        del self.meetings[moede_id]

    def body_for(self, path: str) -> bytes | None:
        if path != self.LIST:
            return super().body_for(path)
        committees: dict[str, dict[str, Any]] = {}
        for mid, m in self.meetings.items():
            c = committees.setdefault(m["UdvalgId"], {"Navn": m["Navn"], "Id": m["UdvalgId"], "Moeder": []})
            c["Moeder"].append({"Id": mid, "Dato": m["Dato"]})
        return json.dumps({"Udvalg": {"Aktuelle politiske udvalg": list(committees.values())}},
                          ensure_ascii=False).encode()


def aarhus_variant(day: int) -> bytes:
    """The real Aarhus First Agenda page, moved to another October 2025 day (a second meeting of the site)."""
    return AARHUS_PAGE.read_bytes().replace(b"8. oktober 2025", f"{day}. oktober 2025".encode())


class FakeFirstAgenda(FakePortal):
    """Aarhus-style site: ``/?request.kriterie.udvalgId=&request.kriterie.moedeDato=YYYY`` lists the year's meetings
    as ``#resultater a.searchresult`` links to ``/vis/{n}`` pages (the real Aarhus page and a variant of it)."""

    def __init__(self) -> None:
        super().__init__()
        self.listed: dict[int, list[tuple[str, str]]] = {2025: []}  # year -> [(href, link text)]
        self.add("/vis/byraad-2025-10-08", "Aarhus Byråd 08.10.2025", AARHUS_PAGE.read_bytes())
        self.add("/vis/byraad-2025-10-22", "Aarhus Byråd 22.10.2025", aarhus_variant(22))

    def add(self, href: str, text: str, body: bytes, year: int = 2025) -> None:
        self.listed.setdefault(year, []).append((href, text))
        self.put(href, body)

    def unlist(self, href: str) -> None:
        for links in self.listed.values():
            links[:] = [(h, t) for h, t in links if h != href]

    def body_for(self, path: str) -> bytes | None:
        parts = urlsplit(path)
        if parts.path != "/":
            return super().body_for(path)
        query = parse_qs(parts.query, keep_blank_values=True)
        year = int((query.get("request.kriterie.moedeDato") or ["0"])[0] or 0)
        links = "".join(f'<a class="searchresult" href="{h}"><span>{t}</span></a>'
                        for h, t in self.listed.get(year, []))
        return (f'<html><body><nav><a class="searchresult" href="/om">Om siden</a></nav>'
                f'<div id="resultater">{links}</div></body></html>').encode()
