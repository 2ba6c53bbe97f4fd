"""FastAPI app factory. Routers are thin; logic lives in the service; errors are translated here."""

from __future__ import annotations

import hmac
import json
import logging
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, File, HTTPException, Query, Request, UploadFile
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from assistant.container import Container
from assistant.contract import Answer
from assistant.limits import RateLimiter
from assistant.links import request_base
from assistant.metrics import Metrics
from assistant.pages import item_page, meeting_page
from assistant.query import Filters
from assistant.service import QuestionError
from assistant.settings import Settings
from ingest.errors import IngestError, NotFound, StoreUnavailable
from ingest.index import IngestReport
from ingest.parse import parse_file

log = logging.getLogger("referat.api")
RATE_LIMITED = {"/chat", "/chat/stream", "/ingest", "/slack/events"}
WEB = Path(__file__).parent / "web"


class ChatRequest(BaseModel):
    question: str = Field(..., description="The question, Danish or English")
    municipality: str | list[str] | None = None
    committee: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    conversation_id: str | None = None
    history: list[str] | None = None

    def filters(self) -> Filters:
        munis = [self.municipality] if isinstance(self.municipality, str) else (self.municipality or [])
        return Filters(municipalities=[m for m in munis if m], committee=self.committee or None,
                       date_from=self.date_from, date_to=self.date_to)


def create_app(settings: Settings, container: Container | None = None) -> FastAPI:
    c = container or Container(settings)
    metrics = Metrics()

    @asynccontextmanager
    async def lifespan(_: FastAPI):  # type: ignore[no-untyped-def]
        try:
            c.preload()  # load the model once, before the first question
        except StoreUnavailable as exc:
            log.warning("store unavailable at start: %s", exc)
        yield

    app = FastAPI(title="Referat", version="0.1.0", lifespan=lifespan,
                  description="Cited answers from Danish municipal committee minutes.")
    app.state.container = c
    app.mount("/static", StaticFiles(directory=WEB), name="static")
    app.state.metrics = metrics
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST"],
                           allow_headers=["*"])

    def require_key(request: Request) -> None:
        if not settings.api_key:
            raise HTTPException(403, "writes are disabled: set REFERAT_API_KEY to enable them")
        given = request.headers.get("x-api-key") or request.headers.get("authorization", "").removeprefix("Bearer ")
        if not hmac.compare_digest(given.encode(), settings.api_key.encode()):
            raise HTTPException(401, "missing or wrong API key")

    def read_key(request: Request) -> None:
        if settings.read_requires_key:
            require_key(request)

    limiter = RateLimiter(settings.rate_limit_per_minute)
    max_body = settings.max_upload_bytes + 64 * 1024

    @app.middleware("http")
    async def observe(request: Request, call_next):  # type: ignore[no-untyped-def]
        rid = request.headers.get("x-request-id") or uuid.uuid4().hex[:16]
        start = time.perf_counter()
        length = request.headers.get("content-length", "0")
        if not length.isdigit() or int(length) > max_body:
            response = JSONResponse({"detail": f"request body larger than {max_body} bytes"}, status_code=413)
        elif request.url.path in RATE_LIMITED and not limiter.allow(request.client.host if request.client else "?"):
            response = JSONResponse({"detail": "too many requests; slow down"}, status_code=429,
                                    headers={"retry-after": "10"})
        else:
            response = await call_next(request)
        elapsed = time.perf_counter() - start
        route = request.scope.get("route")
        metrics.observe(getattr(route, "path", "unmatched"), request.method, response.status_code, elapsed)
        response.headers["x-request-id"] = rid
        log.info('{"request_id": "%s", "method": "%s", "path": "%s", "status": %d, "ms": %.1f}', rid,
                 request.method, request.url.path, response.status_code, elapsed * 1000)
        return response

    @app.exception_handler(QuestionError)
    async def _question(_: Request, exc: QuestionError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    @app.exception_handler(StoreUnavailable)
    async def _store(_: Request, exc: StoreUnavailable) -> JSONResponse:
        return JSONResponse({"detail": f"the store is unavailable, try again shortly ({exc})"}, status_code=503)

    @app.exception_handler(NotFound)
    async def _missing(_: Request, exc: NotFound) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=404)

    @app.post("/chat", response_model=Answer, dependencies=[Depends(read_key)])
    def chat(req: ChatRequest, request: Request) -> Answer:
        return c.service.ask(req.question, req.filters(), req.conversation_id, req.history,
                             base_url=request_base(request, settings))

    @app.post("/chat/stream", dependencies=[Depends(read_key)])
    def chat_stream(req: ChatRequest, request: Request) -> StreamingResponse:
        """NDJSON: {"type": "token", "text": ...} lines as the answer is written, then {"type": "answer", ...}.
        A {"type": "reset"} line withdraws the text so far (the LLM failed); the tokens after it spell the answer."""
        events = c.service.stream(req.question, req.filters(), req.conversation_id, req.history,
                                  base_url=request_base(request, settings))
        first = next(events)  # raise validation errors before the response starts

        def body() -> Iterator[bytes]:
            yield (json.dumps(first, ensure_ascii=False, default=str) + "\n").encode()
            for event in events:
                yield (json.dumps(event, ensure_ascii=False, default=str) + "\n").encode()

        return StreamingResponse(body(), media_type="application/x-ndjson")

    @app.get("/health")
    def health() -> JSONResponse:
        store_ok = c.vectors.heartbeat()
        try:
            model_ok = c.embedder.embed(["sundhedstjek"], "query").shape[1] == c.embedder.dim
        except Exception:
            model_ok = False
        ok = store_ok and model_ok
        body: dict[str, Any] = {"status": "ok" if ok else "degraded", "store": store_ok, "model": model_ok,
                                "backend": settings.store_backend, "embedder": type(c.embedder).__name__,
                                **c.catalog.counts()}
        return JSONResponse(body, status_code=200 if ok else 503)

    @app.get("/metrics", response_class=PlainTextResponse)
    def prometheus() -> str:
        return metrics.render(c.catalog.counts(), getattr(c.answerer, "fallbacks", None))

    @app.get("/municipalities", dependencies=[Depends(read_key)])
    def municipalities() -> list[str]:
        return c.catalog.municipalities()

    @app.get("/meetings", dependencies=[Depends(read_key)])
    def meetings(municipality: str | None = None, limit: int = Query(200, ge=1, le=1000),
                 offset: int = Query(0, ge=0)) -> list[dict[str, Any]]:
        return c.catalog.meetings(municipality)[offset:offset + limit]

    @app.get("/meetings/{meeting_id}", dependencies=[Depends(read_key)])
    def meeting(meeting_id: str) -> dict[str, Any]:
        found = c.catalog.meeting(meeting_id)
        if found is None:
            raise NotFound(f"no meeting with id {meeting_id!r}")
        data = found.model_dump(mode="json")
        data["id"] = meeting_id
        for it, raw in zip(found.items, data["items"], strict=False):
            raw["id"] = found.item_id(it)
        return data

    @app.get("/meetings/{meeting_id}/page", response_class=HTMLResponse, dependencies=[Depends(read_key)])
    def meeting_html(meeting_id: str, q: str | None = None) -> str:
        found = c.catalog.meeting(meeting_id)
        if found is None:
            raise NotFound(f"no meeting with id {meeting_id!r}")
        links = [(found.item_id(it), f"{it.label}: {it.title}") for it in found.items]
        return meeting_page(found, links, q)

    @app.get("/api/items/{item_id}", dependencies=[Depends(read_key)])
    def item_json(item_id: str) -> dict[str, Any]:
        row = c.catalog.item(item_id)
        if row is None:
            raise NotFound(f"no item with id {item_id!r}")
        row = dict(row)
        row["item"] = row["item"].model_dump(mode="json")
        return row

    @app.get("/items/{item_id}", response_class=HTMLResponse, dependencies=[Depends(read_key)])
    def item_html(item_id: str, q: str | None = None) -> str:
        row = c.catalog.item(item_id)
        if row is None:
            raise NotFound(f"no item with id {item_id!r}")
        return item_page(row, q)

    @app.post("/ingest", dependencies=[Depends(require_key)])
    async def ingest(file: UploadFile = File(...), municipality: str | None = None) -> dict[str, Any]:  # noqa: B008
        data = await file.read(settings.max_upload_bytes + 1)
        if len(data) > settings.max_upload_bytes:
            raise HTTPException(413, f"upload is larger than {settings.max_upload_bytes} bytes")
        name = Path(file.filename or "upload.txt").name
        report = IngestReport()
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / name
            path.write_bytes(data)
            try:
                c.indexer.add(parse_file(path, municipality), report)
            except IngestError as exc:
                raise HTTPException(400, f"{name}: {exc.reason}") from exc
            finally:
                c.indexer.finish()
        metrics.ingested(len(report.added) + len(report.replaced))
        return report.as_dict()

    @app.delete("/meetings/{meeting_id}", dependencies=[Depends(require_key)])
    def delete_meeting(meeting_id: str) -> dict[str, str]:
        if not c.indexer.delete(meeting_id):
            raise NotFound(f"no meeting with id {meeting_id!r}")
        return {"deleted": meeting_id}

    if settings.slack_signing_secret:
        from slack_bolt.adapter.fastapi import SlackRequestHandler

        from assistant.slack import build_app

        slack = SlackRequestHandler(build_app(settings, c.service, c.catalog))

        @app.post("/slack/events", include_in_schema=False)
        async def slack_events(request: Request) -> Any:
            # answers link to the server that delivered the event, unless REFERAT_PUBLIC_URL says otherwise
            return await slack.handle(request, {"base_url": request_base(request, settings)})

    @app.get("/", response_class=HTMLResponse)
    def index() -> str:
        page = WEB / "index.html"
        return page.read_text(encoding="utf-8") if page.exists() else "<h1>Referat</h1><p>See /docs.</p>"

    return app
