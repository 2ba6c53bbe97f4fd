"""FastAPI app factory: assembles the container, middleware, the error table and the routers (assistant/routes/).

Routes parse and shape; the services (ChatService, ItemsService, AdminService) do the work; domain errors
become HTTP responses in one table (assistant/routes/errors.py). Nothing is loaded until the app starts.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

from assistant import guard
from assistant.container import Container
from assistant.limits import RateLimiter
from assistant.metrics import Metrics
from assistant.routes import admin, auth, chat, errors, health, items
from assistant.settings import Settings
from core.errors import StoreUnavailable

log = logging.getLogger("referat.api")
UPLOAD_FRAMING = 64 * 1024  # an upload's multipart framing, on top of the file


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    try:
        app.state.container.preload()  # load the model once, before the first question
    except StoreUnavailable as exc:
        log.warning("store unavailable at start: %s", exc)
    yield


def create_app(settings: Settings, container: Container | None = None) -> FastAPI:
    app = FastAPI(title="Referat", version="0.1.0", lifespan=lifespan,
                  description="Cited answers from Danish municipal committee minutes.")
    app.state.settings = settings
    app.state.container = container or Container(settings)
    app.state.metrics = Metrics()
    app.state.keys = keys = auth.Keys.from_settings(settings)
    app.mount("/static", StaticFiles(directory=chat.WEB), name="static")

    # innermost first: CORS, body limits (writes refused before their body), security headers, rate limit, observe
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST"],
                           allow_headers=["*"])
    limits = guard.path_limits(settings.max_chat_body_bytes, {"/ingest": settings.max_upload_bytes + UPLOAD_FRAMING})
    app.add_middleware(guard.BodyLimit, limit_for=limits, gate=keys.upload_gate)
    app.add_middleware(guard.SecurityHeaders)
    app.add_middleware(auth.RateLimit, limiter=RateLimiter(settings.rate_limit_per_minute))
    app.middleware("http")(health.observe)

    errors.register(app)
    for router in (chat.router, items.router, admin.router, health.router):
        app.include_router(router)
    if settings.slack_signing_secret:
        app.state.slack = chat.slack_handler(settings, app.state.container)
        app.include_router(chat.slack_router)
    return app
