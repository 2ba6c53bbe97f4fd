"""Who may do what: the API keys, the web page's session cookie, the owner of a conversation, the rate limit.

The routes use these as FastAPI dependencies (``require_read``, ``require_write``, ``owner``); the keys are read
once per app (``Keys``, in ``app.state.keys``). Writes are also refused before a byte of their body is read
(``Keys.upload_gate``, given to ``guard.BodyLimit``). Sessions are HMAC-signed cookie values (no server state),
signed with a secret derived from the keys: a changed key ends them.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request, Response
from fastapi.responses import JSONResponse

from assistant.guard import ASGIApp, Receive, Scope, Send
from assistant.limits import RateLimiter
from assistant.settings import Settings

SESSION_COOKIE = "referat_session"
CLIENT_COOKIE = "referat_client"
SESSION_SECONDS = 12 * 3600
RATE_LIMITED = frozenset({"/chat", "/chat/stream", "/ingest", "/slack/events"})


# -- sessions and owners ---------------------------------------------------------------------------------
def sign(secret: str, value: str) -> str:
    mac = hmac.new(secret.encode(), value.encode(), hashlib.sha256).hexdigest()[:32]
    return f"{value}.{mac}"


def unsign(secret: str, token: str | None) -> str | None:
    if not token or "." not in token or len(token) > 300:
        return None
    value, _, mac = token.rpartition(".")
    good = sign(secret, value).rpartition(".")[2]
    return value if hmac.compare_digest(mac.encode(), good.encode()) else None


def new_session(secret: str, scope: str) -> str:
    """A signed session value: '<scope>:<expiry>:<nonce>' (scope 'read' or 'write')."""
    return sign(secret, f"{scope}:{int(time.time()) + SESSION_SECONDS}:{secrets.token_urlsafe(12)}")


def session_scope(secret: str, token: str | None) -> str | None:
    value = unsign(secret, token)
    if value is None:
        return None
    scope, _, rest = value.partition(":")
    expiry = rest.partition(":")[0]
    if not expiry.isdigit() or int(expiry) < time.time():
        return None
    return scope


def key_owner(key: str) -> str:
    """The owner a key's conversations belong to (a digest: the key itself is never stored)."""
    return "key:" + hashlib.sha256(key.encode()).hexdigest()[:32]


def given_key(headers: Mapping[str, str]) -> str:
    raw = headers.get("x-api-key") or headers.get("authorization", "").removeprefix("Bearer ")
    return str(raw or "")[:512]


def matches(given: str, keys: list[str]) -> bool:
    found = False
    for key in keys:  # every key compared, in constant time
        found |= hmac.compare_digest(given.encode(), key.encode())
    return found


# -- the keys --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Keys:
    write: str | None
    read: list[str]  # the read key and the write key: either reads
    reads_need_key: bool
    session_secret: str

    @classmethod
    def from_settings(cls, s: Settings) -> Keys:
        secret = hashlib.sha256(f"referat-session\0{s.api_key}\0{s.read_api_key}".encode()).hexdigest()
        return cls(s.api_key, [k for k in (s.read_api_key, s.api_key) if k], s.read_requires_key, secret)

    def write_refusal(self, headers: Mapping[str, str]) -> tuple[int, str] | None:
        if not self.write:
            return 403, "writes are disabled: set REFERAT_API_KEY to enable them"
        if not matches(given_key(headers), [self.write]):
            return 401, "missing or wrong API key (writes need the write key, REFERAT_API_KEY)"
        return None

    def read_refusal(self, request: Request) -> tuple[int, str] | None:
        if not self.reads_need_key:
            return None
        if not self.read:
            return 403, "reads require a key but none is set: set REFERAT_READ_API_KEY"
        if matches(given_key(request.headers), self.read):
            return None
        if session_scope(self.session_secret, request.cookies.get(SESSION_COOKIE)) is not None:
            return None
        return 401, "missing or wrong API key (reads need REFERAT_READ_API_KEY; the web page: /login)"

    def login_scope(self, key: str) -> str | None:
        """The session scope a login with ``key`` earns: "write", "read", or None (a wrong key)."""
        if not self.read or not matches(key, self.read):
            return None
        return "write" if self.write and matches(key, [self.write]) else "read"

    def upload_gate(self, scope: Scope) -> tuple[int, str] | None:
        """For ``guard.BodyLimit``: an upload without the write key is refused before its body is read."""
        if scope.get("path") == "/ingest" and scope.get("method") == "POST":
            headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers") or []}
            return self.write_refusal(headers)
        return None


def keys(request: Request) -> Keys:
    found: Keys = request.app.state.keys
    return found


# -- dependencies ----------------------------------------------------------------------------------------
def require_read(request: Request) -> None:
    refused = keys(request).read_refusal(request)
    if refused is not None:
        raise HTTPException(*refused)


def require_write(request: Request) -> None:
    refused = keys(request).write_refusal(request.headers)
    if refused is not None:
        raise HTTPException(*refused)


@dataclass(frozen=True)
class Owner:
    """Who owns the conversations of a request; ``fresh``: a client cookie to set (a first visit)."""

    id: str
    fresh: str | None = None
    secure: bool = False

    def set_cookie(self, response: Response) -> None:
        if self.fresh:
            response.set_cookie(CLIENT_COOKIE, self.fresh, max_age=365 * 24 * 3600, httponly=True, samesite="lax",
                                secure=self.secure)


def owner(request: Request) -> Owner:
    key = given_key(request.headers)
    if key and matches(key, keys(request).read):
        return Owner(key_owner(key))
    cookie = request.cookies.get(CLIENT_COOKIE, "")
    if 20 <= len(cookie) <= 64 and cookie.replace("-", "").replace("_", "").isalnum():
        return Owner("web:" + cookie)
    fresh = secrets.token_urlsafe(24)
    return Owner("web:" + fresh, fresh, request.url.scheme == "https")


OwnerDep = Annotated[Owner, Depends(owner)]


def start_session(response: Response, request: Request, scope: str) -> None:
    response.set_cookie(SESSION_COOKIE, new_session(keys(request).session_secret, scope), max_age=SESSION_SECONDS,
                        httponly=True, samesite="strict", secure=request.url.scheme == "https")


# -- the rate limit --------------------------------------------------------------------------------------
class RateLimit:
    """429 for a client past ``limiter`` on the costly paths (chat, uploads, Slack), before the body is read."""

    def __init__(self, app: ASGIApp, limiter: RateLimiter, paths: frozenset[str] = RATE_LIMITED) -> None:
        self.app, self.limiter, self.paths = app, limiter, paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("path") in self.paths:
            client: Any = scope.get("client")
            if not self.limiter.allow(client[0] if client else "?"):
                refused = JSONResponse({"detail": "too many requests; slow down"}, status_code=429,
                                       headers={"retry-after": "10"})
                await refused(scope, receive, send)
                return
        await self.app(scope, receive, send)
