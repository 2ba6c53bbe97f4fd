"""What a hostile client meets first: body limits on the bytes actually read, security headers, safe names.

``BodyLimit`` is pure ASGI: it refuses a declared ``Content-Length`` over the limit before reading a byte,
and counts the bytes of a chunked (or lying) body as they arrive, answering 413 the moment the count passes
the limit, so neither memory nor a spool file grows past it. ``SecurityHeaders`` adds CSP, nosniff and
frame-ancestors to every response. ``safe_filename`` makes a client's file name a plain one. Who may do what
(keys, sessions, the rate limit) is assistant/routes/auth.py.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import HTTPException

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# /docs loads Swagger UI from a CDN and runs an inline script: its own, looser policy (never framed either)
DOCS_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
            "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; img-src 'self' data: https:; "
            "frame-ancestors 'none'")


class BodyTooLarge(HTTPException):
    """413 naming the limit; an HTTPException so FastAPI's body parsing passes it through untouched."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body larger than {limit} bytes (the limit)")
        self.limit = limit


async def _send_json(send: Send, status: int, payload: dict[str, Any],
                     headers: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps(payload).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close"), *(headers or [])]})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """Refuse bodies over ``limit_for(path)`` bytes, counted as received. ``gate(scope)`` may refuse a request
    before any of its body is read (e.g. a write without the key): it returns (status, detail) or None."""

    def __init__(self, app: ASGIApp, limit_for: Callable[[str], int],
                 gate: Callable[[Scope], tuple[int, str] | None] | None = None) -> None:
        self.app, self.limit_for, self.gate = app, limit_for, gate

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope.get("path", ""))
        if self.gate is not None:
            refused = self.gate(scope)
            if refused is not None:
                await _send_json(send, refused[0], {"detail": refused[1]})
                return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None:
            text = declared.decode("latin-1").strip()
            if not text.isdigit():
                await _send_json(send, 400, {"detail": "malformed Content-Length header"})
                return
            if int(text) > limit:
                await _send_json(send, 413, {"detail": f"request body larger than {limit} bytes (the limit)"})
                return
        received = 0
        started = False

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body") or b"")
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        async def tracked(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted, tracked)
        except BodyTooLarge as exc:
            if started:
                raise
            await _send_json(send, 413, {"detail": exc.detail})


def path_limits(default: int, by_path: dict[str, int]) -> Callable[[str], int]:
    """``limit_for`` for ``BodyLimit``: the limit named for a path, else ``default``."""
    return lambda path: by_path.get(path, default)


class SecurityHeaders:
    """CSP (frame-ancestors 'none'), X-Frame-Options, nosniff and a referrer policy on every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        csp = DOCS_CSP if path.startswith(("/docs", "/redoc")) else CSP

        async def add(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(b"content-security-policy", csp.encode()), (b"x-content-type-options", b"nosniff"),
                         (b"x-frame-options", b"DENY"), (b"referrer-policy", b"same-origin")]
                message["headers"] = [*message.get("headers", []), *(h for h in extra if h[0] not in present)]
            await send(message)

        await self.app(scope, receive, add)


# -- upload names ----------------------------------------------------------------------------------------
_NAME_OK = re.compile(r"[^\w.\- ]+", re.UNICODE)


def safe_filename(raw: str | None, default: str = "upload.txt") -> str:
    """A plain file name from a client's: no directories, NULs, controls or dot-only names; at most 120
    characters, the suffix kept (the reader looks at it)."""
    name = unicodedata.normalize("NFC", (raw or "").replace("\\", "/")).rsplit("/", 1)[-1]
    name = _NAME_OK.sub("_", "".join(ch for ch in name if ch.isprintable()))
    name = name.strip(" .")
    if not name or set(name) <= {"_", "."}:
        return default
    stem, dot, suffix = name.rpartition(".")
    if not dot or len(suffix) > 10:
        stem, dot, suffix = name, "", ""
    return (stem[: 120 - len(suffix) - 1] + dot + suffix) if len(name) > 120 else name
