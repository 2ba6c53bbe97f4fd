"""Domain errors → HTTP responses: one table, one handler. Malformed requests keep their own handlers.

A domain error answers ``{"detail": ..., "code": ...}`` with the status of the first class in its MRO that the
table names. Server-side failures (5xx) are logged and never echo their message, except that the store is
unavailable, which the client may retry.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from assistant.routes.deps import base_url
from core.errors import (
    Gone,
    IngestError,
    NotFound,
    NotMinutes,
    QuestionError,
    ReferatError,
    StoreError,
    StoreUnavailable,
    TooLarge,
)

log = logging.getLogger("referat.api")

ERRORS: dict[type[ReferatError], tuple[int, str]] = {
    QuestionError: (422, "bad_question"),
    IngestError: (400, "unreadable_file"),  # or the status the error names (413, 422: past a limit)
    TooLarge: (413, "too_large"),
    NotMinutes: (422, "not_minutes"),
    NotFound: (404, "not_found"),
    Gone: (410, "gone"),
    StoreUnavailable: (503, "store_unavailable"),
    StoreError: (500, "store_error"),
    ReferatError: (500, "internal_error"),
}


def status_of(exc: ReferatError) -> tuple[int, str]:
    status, code = next(ERRORS[cls] for cls in type(exc).__mro__ if cls in ERRORS)
    return (exc.status if isinstance(exc, IngestError) else status), code


async def domain_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ReferatError)
    status, code = status_of(exc)
    body: dict[str, object] = {"detail": str(exc), "code": code}
    headers: dict[str, str] = {}
    if isinstance(exc, StoreUnavailable):
        body["detail"] = f"the store is unavailable, try again shortly ({exc})"
    elif status >= 500:
        log.error("%s on %s %s", type(exc).__name__, request.method, request.url.path, exc_info=exc)
        body["detail"] = "internal error; the server log has the details"
    elif isinstance(exc, Gone):  # the item went with a correction: point at its meeting
        url = f"{base_url(request)}/meetings/{exc.meeting_id}/page"
        body |= {"meeting_id": exc.meeting_id, "meeting_url": url}
        headers["link"] = f'<{url}>; rel="up"'
    return JSONResponse(body, status_code=status, headers=headers or None)


async def invalid_request(_: Request, exc: Exception) -> JSONResponse:
    """The errors as FastAPI words them, minus the input echoed back (it may be megabytes, or not UTF-8)."""
    assert isinstance(exc, RequestValidationError)
    errors = [{k: v for k, v in e.items() if k not in {"input", "ctx", "url"}} for e in exc.errors()][:20]
    for e in errors:
        e["msg"] = str(e.get("msg", ""))[:300]
        e["loc"] = [str(x)[:100] for x in e.get("loc", ())][:10]
    return JSONResponse({"detail": errors}, status_code=422)


async def not_unicode(_: Request, exc: Exception) -> JSONResponse:
    return JSONResponse({"detail": "the request holds text that is not valid Unicode (a lone surrogate?)"},
                        status_code=400)


async def too_deep(_: Request, exc: Exception) -> JSONResponse:
    return JSONResponse({"detail": "the request is nested too deeply"}, status_code=400)


def register(app: FastAPI) -> None:
    for cls in ERRORS:
        app.add_exception_handler(cls, domain_error)
    app.add_exception_handler(RequestValidationError, invalid_request)
    app.add_exception_handler(UnicodeError, not_unicode)
    app.add_exception_handler(RecursionError, too_deep)
