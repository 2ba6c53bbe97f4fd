"""Citation links point at the server the user asked.

Answerers write site-relative links (/items/ID); the edge that knows who asked makes them absolute:
REFERAT_PUBLIC_URL when set; else the request's own base URL (X-Forwarded-Proto/Host only when the
proxy is trusted); else, with no request (CLI, eval, Socket Mode), this server's configured host and port.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.contract import Answer

if TYPE_CHECKING:
    from starlette.requests import Request

    from assistant.settings import Settings

_HOST = re.compile(r"^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$")


def _first(value: str | None) -> str:
    return (value or "").split(",")[0].strip()


def request_base(request: Request, settings: Settings) -> str:
    """The base URL links should use for an answer to ``request`` (no trailing slash)."""
    if settings.public_url:
        return settings.public_url.rstrip("/")
    scheme, netloc = request.url.scheme, request.url.netloc
    if settings.trust_proxy_headers:
        proto, host = _first(request.headers.get("x-forwarded-proto")), _first(request.headers.get("x-forwarded-host"))
        scheme = proto.lower() if proto.lower() in {"http", "https"} else scheme
        netloc = host if _HOST.match(host) else netloc
    return f"{scheme}://{netloc}{request.scope.get('root_path', '')}".rstrip("/")


def absolute(answer: Answer, base: str) -> Answer:
    """``answer`` with its site-relative citation links made absolute under ``base``."""
    if not any(c.url.startswith("/") for c in answer.citations):
        return answer
    base = base.rstrip("/")
    citations = [c.model_copy(update={"url": base + c.url}) if c.url.startswith("/") else c
                 for c in answer.citations]
    return answer.model_copy(update={"citations": citations})
