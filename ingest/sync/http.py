"""Polite HTTP for portals: a clear User-Agent, one request at a time per host, a delay between requests,
a timeout on every request, bounded retries with exponential backoff on 429/5xx/timeouts (honouring
Retry-After), conditional GET (If-None-Match / If-Modified-Since) and a size limit."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import httpx

from ingest.read import MAX_BYTES

RETRY_STATUS = {429, 500, 502, 503, 504}
VERSION = "0.1"


def user_agent(contact: str = "") -> str:
    return f"Referat/{VERSION} (+{contact.strip() or 'no contact configured: set contact in sources.toml'})"


class FetchError(Exception):
    """A request that failed for good (after its retries). The message says why."""


@dataclass
class Response:
    url: str
    status: int  # 200, or 304 (not modified)
    data: bytes = b""
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class _Host:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.next_at = 0.0  # the clock reading before which the next request to this host waits


class Fetcher:
    """GET with manners. ``sleep`` and ``clock`` are injectable so a test can record waits instead of waiting."""

    _hosts: dict[str, _Host] = {}  # shared by every fetcher in the process: one request at a time per host
    _hosts_lock = threading.Lock()

    def __init__(self, user_agent: str, timeout: float = 30.0, delay: float = 1.0, attempts: int = 4,
                 backoff: float = 1.0, max_wait: float = 300.0, max_bytes: int = MAX_BYTES,
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.timeout, self.delay, self.attempts = timeout, delay, max(1, attempts)
        self.backoff, self.max_wait, self.max_bytes, self.sleep = backoff, max_wait, max_bytes, sleep
        self.clock = clock
        self.client = httpx.Client(headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
                                   timeout=httpx.Timeout(timeout), follow_redirects=True, transport=transport)

    def close(self) -> None:
        self.client.close()

    @classmethod
    def _host(cls, url: str) -> _Host:
        key = urlsplit(url).netloc.lower()
        with cls._hosts_lock:
            return cls._hosts.setdefault(key, _Host())

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None,
            delay: float | None = None) -> Response:
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        pause = self.delay if delay is None else delay
        host = self._host(url)
        problem = ""
        for attempt in range(self.attempts):
            wait = 0.0
            with host.lock:  # one request at a time per host, `pause` seconds apart
                ahead = host.next_at - self.clock()
                if ahead > 0:
                    self.sleep(ahead)
                try:
                    got = self._once(url, headers)
                except httpx.TimeoutException:
                    got, problem = None, f"timed out after {self.timeout:g} s"
                except httpx.RequestError as exc:
                    got, problem = None, f"{type(exc).__name__}: {exc}"
                finally:
                    host.next_at = self.clock() + pause
            if isinstance(got, Response):
                return got
            if got is not None:  # a status worth retrying
                status, retry_after = got
                problem = f"HTTP {status}"
                wait = retry_after if retry_after is not None else self.backoff * 2 ** attempt
                if retry_after is not None and retry_after > self.max_wait:
                    raise FetchError(f"{url}: HTTP {status}, asked to wait {retry_after:g} s (Retry-After), "
                                     f"more than {self.max_wait:g} s; trying again next run")
            else:
                wait = self.backoff * 2 ** attempt
            if attempt + 1 < self.attempts:
                self.sleep(min(wait, self.max_wait))
        raise FetchError(f"{url}: {problem} (gave up after {self.attempts} attempts)")

    def _once(self, url: str, headers: dict[str, str]) -> Response | tuple[int, float | None]:
        with self.client.stream("GET", url, headers=headers) as r:
            if r.status_code == 304:
                return Response(str(r.url), 304, etag=r.headers.get("etag") or headers.get("If-None-Match"),
                                last_modified=r.headers.get("last-modified") or headers.get("If-Modified-Since"))
            if r.status_code in RETRY_STATUS:
                return r.status_code, retry_after(r.headers.get("retry-after"))
            if r.status_code != 200:
                raise FetchError(f"{url}: HTTP {r.status_code}")
            declared = r.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.max_bytes:
                raise FetchError(f"{url}: too large ({declared} bytes; limit {self.max_bytes})")
            body = bytearray()
            for chunk in r.iter_bytes():
                body += chunk
                if len(body) > self.max_bytes:
                    raise FetchError(f"{url}: too large (over {self.max_bytes} bytes)")
            return Response(str(r.url), 200, bytes(body), r.headers.get("etag"), r.headers.get("last-modified"))


def retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
