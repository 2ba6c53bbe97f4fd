"""Operations: GET /health (503 when degraded), GET /metrics (Prometheus), and the middleware behind them that
gives each request an id, counts it and logs it as one JSON line."""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Awaitable, Callable

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse, PlainTextResponse

from assistant.routes.admin import Admin
from assistant.routes.deps import ContainerDep, MetricsDep, get_metrics

log = logging.getLogger("referat.api")
router = APIRouter()


@router.get("/health")
def health(admin: Admin) -> JSONResponse:
    body = admin.health()
    return JSONResponse(body, status_code=200 if body["status"] == "ok" else 503)


@router.get("/metrics", response_class=PlainTextResponse)
def prometheus(c: ContainerDep, metrics: MetricsDep) -> str:
    return metrics.render(c.catalog.counts(), getattr(c.answerer, "fallbacks", None))


async def observe(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    rid = request.headers.get("x-request-id") or uuid.uuid4().hex[:16]
    rid = rid if len(rid) <= 64 and rid.isprintable() else uuid.uuid4().hex[:16]
    start = time.perf_counter()
    response = await call_next(request)
    elapsed = time.perf_counter() - start
    route = request.scope.get("route")
    get_metrics(request).observe(getattr(route, "path", "unmatched"), request.method, response.status_code, elapsed)
    response.headers["x-request-id"] = rid
    log.info('{"request_id": "%s", "method": "%s", "path": "%s", "status": %d, "ms": %.1f}', rid,
             request.method, request.url.path, response.status_code, elapsed * 1000)
    return response
