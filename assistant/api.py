"""FastAPI app factory. Routers are thin; logic lives in the service; errors are translated here."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, field_validator
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from assistant import guard
from assistant.container import Container
from assistant.contract import Answer
from assistant.limits import RateLimiter
from assistant.links import request_base
from assistant.metrics import Metrics
from assistant.pages import item_page, meeting_page
from assistant.query import Filters
from assistant.service import QuestionError
from assistant.settings import Settings
from core.errors import Gone, IngestError, NotFound, StoreUnavailable
from ingest.index import IngestReport
from ingest.parse import parse_file
from store.conversations import ID_PATTERN

log = logging.getLogger("referat.api")
RATE_LIMITED = {"/chat", "/chat/stream", "/ingest", "/slack/events"}
WEB = Path(__file__).parent / "web"
MAX_FILTER_VALUES = 20  # municipalities in one request
MAX_NAME_CHARS = 200  # a municipality or committee name


def _no_surrogates(value: str, what: str) -> str:
    if any("\ud800" <= ch <= "\udfff" for ch in value):
        raise ValueError(f"the {what} contains a lone surrogate (invalid Unicode); send UTF-8 text")
    return value


class ChatRequest(BaseModel):
    question: str = Field(..., description="The question, Danish or English")
    municipality: str | list[str] | None = Field(None, description=f"one name or at most {MAX_FILTER_VALUES}")
    committee: str | None = Field(None, max_length=MAX_NAME_CHARS)
    date_from: date | None = None
    date_to: date | None = None
    conversation_id: str | None = Field(None, max_length=64, pattern=ID_PATTERN,
                                        description="as the server issued it; an unknown one starts a new conversation")
    history: list[str] | None = Field(None, description="earlier questions (bounded: turns and characters)")

    @field_validator("question", "committee")
    @classmethod
    def _text(cls, v: str | None) -> str | None:
        return v if v is None else _no_surrogates(v, "text")

    @field_validator("history")
    @classmethod
    def _history(cls, v: list[str] | None) -> list[str] | None:
        for q in v or []:
            _no_surrogates(q, "history")
        return v

    @field_validator("municipality")
    @classmethod
    def _munis(cls, v: str | list[str] | None) -> str | list[str] | None:
        values = [v] if isinstance(v, str) else (v or [])
        if len(values) > MAX_FILTER_VALUES:
            raise ValueError(f"{len(values)} municipalities in the filter; the limit is {MAX_FILTER_VALUES}")
        for m in values:
            if len(m) > MAX_NAME_CHARS:
                raise ValueError(f"a municipality name of {len(m)} characters; the limit is {MAX_NAME_CHARS}")
            _no_surrogates(m, "municipality")
        return v

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

    write_key, read_keys = settings.api_key, [k for k in (settings.read_api_key, settings.api_key) if k]
    # sessions (the web page's login) are signed with a secret derived from the keys: a changed key ends them
    session_secret = hashlib.sha256(f"referat-session\0{write_key}\0{settings.read_api_key}".encode()).hexdigest()

    def given_key(headers: Any) -> str:
        raw = headers.get("x-api-key") or headers.get("authorization", "").removeprefix("Bearer ")
        return str(raw or "")[:512]

    def matches(given: str, keys: list[str]) -> bool:
        found = False
        for key in keys:  # every key compared, in constant time
            found |= hmac.compare_digest(given.encode(), key.encode())
        return found

    def write_refusal(headers: Any) -> tuple[int, str] | None:
        if not write_key:
            return 403, "writes are disabled: set REFERAT_API_KEY to enable them"
        if not matches(given_key(headers), [write_key]):
            return 401, "missing or wrong API key (writes need the write key, REFERAT_API_KEY)"
        return None

    def require_key(request: Request) -> None:
        refused = write_refusal(request.headers)
        if refused is not None:
            raise HTTPException(*refused)

    def read_key(request: Request) -> None:
        if not settings.read_requires_key:
            return
        if not read_keys:
            raise HTTPException(403, "reads require a key but none is set: set REFERAT_READ_API_KEY")
        if matches(given_key(request.headers), read_keys):
            return
        if guard.session_scope(session_secret, request.cookies.get(guard.SESSION_COOKIE)) is not None:
            return
        raise HTTPException(401, "missing or wrong API key (reads need REFERAT_READ_API_KEY; the web page: /login)")

    def owner_of(request: Request) -> tuple[str, str | None]:
        """Who owns the conversations of this request, and a client cookie to set (a first visit)."""
        key = given_key(request.headers)
        if key and matches(key, read_keys):
            return guard.key_owner(key), None
        cookie = request.cookies.get(guard.CLIENT_COOKIE, "")
        if 20 <= len(cookie) <= 64 and cookie.replace("-", "").replace("_", "").isalnum():
            return "web:" + cookie, None
        fresh = secrets.token_urlsafe(24)
        return "web:" + fresh, fresh

    def set_client_cookie(response: Response, fresh: str | None, request: Request) -> None:
        if fresh:
            response.set_cookie(guard.CLIENT_COOKIE, fresh, max_age=365 * 24 * 3600, httponly=True, samesite="lax",
                                secure=request.url.scheme == "https")

    limiter = RateLimiter(settings.rate_limit_per_minute)
    json_limit = settings.max_chat_body_bytes
    upload_limit = settings.max_upload_bytes + 64 * 1024  # the file and its multipart framing

    def body_limit(path: str) -> int:
        return upload_limit if path == "/ingest" else json_limit

    def gate(scope: Any) -> tuple[int, str] | None:
        """Writes are refused before a byte of their body is read."""
        if scope.get("path") == "/ingest" and scope.get("method") == "POST":
            headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers") or []}
            return write_refusal(headers)
        return None

    app.add_middleware(guard.BodyLimit, limit_for=body_limit, gate=gate)
    app.add_middleware(guard.SecurityHeaders)

    @app.middleware("http")
    async def observe(request: Request, call_next):  # type: ignore[no-untyped-def]
        rid = request.headers.get("x-request-id") or uuid.uuid4().hex[:16]
        rid = rid if len(rid) <= 64 and rid.isprintable() else uuid.uuid4().hex[:16]
        start = time.perf_counter()
        if request.url.path in RATE_LIMITED and not limiter.allow(request.client.host if request.client else "?"):
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

    @app.exception_handler(Gone)
    async def _gone(request: Request, exc: Gone) -> JSONResponse:
        url = f"{request_base(request, settings)}/meetings/{exc.meeting_id}/page"
        return JSONResponse({"detail": str(exc), "meeting_id": exc.meeting_id, "meeting_url": url},
                            status_code=410, headers={"link": f'<{url}>; rel="up"'})

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        # the errors as FastAPI words them, minus the input echoed back (it may be megabytes, or not UTF-8)
        errors = [{k: v for k, v in e.items() if k not in {"input", "ctx", "url"}} for e in exc.errors()][:20]
        for e in errors:
            e["msg"] = str(e.get("msg", ""))[:300]
            e["loc"] = [str(x)[:100] for x in e.get("loc", ())][:10]
        return JSONResponse({"detail": errors}, status_code=422)

    @app.exception_handler(UnicodeError)
    async def _unicode(_: Request, exc: UnicodeError) -> JSONResponse:
        return JSONResponse({"detail": "the request holds text that is not valid Unicode (a lone surrogate?)"},
                            status_code=400)

    @app.exception_handler(RecursionError)
    async def _deep(_: Request, exc: RecursionError) -> JSONResponse:
        return JSONResponse({"detail": "the request is nested too deeply"}, status_code=400)

    @app.post("/chat", response_model=Answer, dependencies=[Depends(read_key)])
    def chat(req: ChatRequest, request: Request, response: Response) -> Answer:
        owner, fresh = owner_of(request)
        set_client_cookie(response, fresh, request)
        return c.service.ask(req.question, req.filters(), req.conversation_id, req.history,
                             base_url=request_base(request, settings), owner=owner)

    @app.post("/chat/stream", dependencies=[Depends(read_key)])
    def chat_stream(req: ChatRequest, request: Request) -> StreamingResponse:
        """NDJSON: {"type": "token", "text": ...} lines as the answer is written, then {"type": "answer", ...}.
        A {"type": "reset"} line withdraws the text so far (the LLM failed); the tokens after it spell the answer."""
        owner, fresh = owner_of(request)
        events = c.service.stream(req.question, req.filters(), req.conversation_id, req.history,
                                  base_url=request_base(request, settings), owner=owner)
        first = next(events)  # raise validation errors before the response starts

        def body() -> Iterator[bytes]:
            yield (json.dumps(first, ensure_ascii=False, default=str) + "\n").encode()
            for event in events:
                yield (json.dumps(event, ensure_ascii=False, default=str) + "\n").encode()

        streaming = StreamingResponse(body(), media_type="application/x-ndjson")
        set_client_cookie(streaming, fresh, request)
        return streaming

    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_form(failed: bool = False) -> str:
        note = '<p class="error">Forkert nøgle / wrong key.</p>' if failed else ""
        return ('<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Referat – log ind</title>'
                '<link rel="stylesheet" href="/static/style.css"></head><body><main class="login">'
                f'<h1>Referat</h1>{note}<form method="post" action="/login">'
                '<label for="key">Adgangsnøgle / access key</label> '
                '<input type="password" id="key" name="key" autocomplete="current-password" required> '
                '<button type="submit">Log ind</button></form></main></body></html>')

    @app.post("/login", include_in_schema=False)
    async def login(request: Request) -> Response:
        form = await request.form(max_files=0, max_fields=4, max_part_size=4096)
        key = str(form.get("key") or "")[:512]
        if not read_keys or not matches(key, read_keys):
            return RedirectResponse("/login?failed=true", status_code=303)
        scope = "write" if write_key and matches(key, [write_key]) else "read"
        done = RedirectResponse("/", status_code=303)
        done.set_cookie(guard.SESSION_COOKIE, guard.new_session(session_secret, scope), max_age=guard.SESSION_SECONDS,
                        httponly=True, samesite="strict", secure=request.url.scheme == "https")
        return done

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
        try:  # the last `referat sync` run per source (time, counts, errors); it never makes the server unhealthy
            from assistant.syncing import sync_health

            body["sync"] = sync_health(c.catalog)
        except Exception as exc:
            body["sync"] = {"error": f"{type(exc).__name__}: {exc}"}
        return JSONResponse(body, status_code=200 if ok else 503)

    @app.get("/metrics", response_class=PlainTextResponse)
    def prometheus() -> str:
        return metrics.render(c.catalog.counts(), getattr(c.answerer, "fallbacks", None))

    @app.get("/municipalities", dependencies=[Depends(read_key)])
    def municipalities() -> list[str]:
        return c.catalog.municipalities()

    @app.get("/freshness", dependencies=[Depends(read_key)])
    def freshness() -> list[dict[str, Any]]:
        """How fresh each municipality's data is: its meetings, the latest meeting's date, when it was last
        ingested, and when a `referat sync` source naming it last finished a run without errors (else null)."""
        synced: dict[str, str] = {}
        try:
            from assistant.syncing import sync_health

            for run in sync_health(c.catalog).values():
                muni, good = run.get("municipality"), run.get("last_ok_at")
                if muni and good and good > synced.get(muni, ""):
                    synced[muni] = good
        except Exception as exc:  # the sync state is extra: the catalog's own dates still answer
            log.warning("sync state unreadable for /freshness: %s: %s", type(exc).__name__, exc)
        return [{**row, "last_sync": synced.get(row["municipality"])} for row in c.catalog.freshness()]

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
        for iid, raw in zip(found.item_ids(), data["items"], strict=False):
            raw["id"] = iid
        return data

    @app.get("/meetings/{meeting_id}/page", response_class=HTMLResponse, dependencies=[Depends(read_key)])
    def meeting_html(meeting_id: str, q: str | None = None) -> str:
        found = c.catalog.meeting(meeting_id)
        if found is None:
            raise NotFound(f"no meeting with id {meeting_id!r}")
        links = [(iid, f"{it.label}: {it.title}") for iid, it in zip(found.item_ids(), found.items, strict=True)]
        return meeting_page(found, links, q)

    def stored_item(item_id: str) -> dict[str, Any]:
        row = c.catalog.item(item_id)
        if row is None:
            gone = c.catalog.removed_item(item_id)
            if gone is not None:
                raise Gone(gone, f"item {item_id!r} was removed when its meeting was corrected; "
                                 f"see the meeting {gone!r}")
            raise NotFound(f"no item with id {item_id[:200]!r}")
        return row

    @app.get("/api/items/{item_id}", dependencies=[Depends(read_key)])
    def item_json(item_id: str) -> dict[str, Any]:
        row = dict(stored_item(item_id))
        row["item"] = row["item"].model_dump(mode="json")
        return row

    @app.get("/items/{item_id}", response_class=HTMLResponse, dependencies=[Depends(read_key)])
    def item_html(item_id: str, q: str | None = Query(None, max_length=5000)) -> str:
        return item_page(stored_item(item_id), q)

    upload_schema = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
        "type": "object", "required": ["file"], "properties": {"file": {"type": "string", "format": "binary"}}}}}}}

    @app.post("/ingest", dependencies=[Depends(require_key)], openapi_extra=upload_schema)
    async def ingest(request: Request, municipality: str | None = Query(None, max_length=MAX_NAME_CHARS)
                     ) -> dict[str, Any]:
        """One file (multipart field ``file``). The key is checked before the body is read; the body is counted
        as it arrives (413 past REFERAT_MAX_UPLOAD_BYTES); parsing and indexing run off the event loop."""
        if municipality is not None:
            try:
                _no_surrogates(municipality, "municipality")
            except ValueError as exc:
                raise HTTPException(422, str(exc)) from exc
        try:
            form = await request.form(max_files=1, max_fields=4, max_part_size=64 * 1024)
        except HTTPException:
            raise
        except Exception as exc:  # malformed multipart
            raise HTTPException(400, f"unreadable multipart upload ({type(exc).__name__})") from exc
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise HTTPException(422, "send the minutes as a multipart file field named 'file'")
        name = guard.safe_filename(upload.filename)
        limit = settings.max_upload_bytes

        def work() -> IngestReport:
            report = IngestReport()
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / name
                with path.open("wb") as out:
                    upload.file.seek(0)
                    while block := upload.file.read(1 << 20):
                        out.write(block)
                        if out.tell() > limit:
                            raise HTTPException(413, f"upload is larger than {limit} bytes (the limit)")
                try:
                    c.indexer.add(parse_file(path, municipality), report)
                except IngestError as exc:
                    raise HTTPException(exc.status, f"{name}: {exc.reason}") from exc
                finally:
                    c.indexer.finish()
            return report

        try:
            report = await run_in_threadpool(work)  # the event loop keeps answering /health and /chat
        finally:
            await form.close()
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
            stamp = request.headers.get("x-slack-request-timestamp", "")
            if not (stamp.isdigit() and len(stamp) <= 12):
                raise HTTPException(401, "missing or malformed X-Slack-Request-Timestamp (unsigned request)")
            # answers link to the server that delivered the event, unless REFERAT_PUBLIC_URL says otherwise
            return await slack.handle(request, {"base_url": request_base(request, settings)})

    @app.get("/", response_class=HTMLResponse)
    def index() -> str:
        page = WEB / "index.html"
        return page.read_text(encoding="utf-8") if page.exists() else "<h1>Referat</h1><p>See /docs.</p>"

    return app
