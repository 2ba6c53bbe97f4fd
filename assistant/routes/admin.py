"""Writes (POST /ingest, DELETE /meetings/{id}: the write key) and the web page's login (a session cookie)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from assistant.admin import AdminService
from assistant.guard import safe_filename
from assistant.routes.auth import keys, require_write, start_session
from assistant.routes.deps import MAX_NAME_CHARS, MetricsDep, SettingsDep, get_container, get_settings, no_surrogates


def admin_service(request: Request) -> AdminService:
    return AdminService(get_container(request), get_settings(request).store_backend)


Admin = Annotated[AdminService, Depends(admin_service)]
router = APIRouter()
UPLOAD_SCHEMA = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["file"], "properties": {"file": {"type": "string", "format": "binary"}}}}}}}


@router.post("/ingest", dependencies=[Depends(require_write)], openapi_extra=UPLOAD_SCHEMA)
async def ingest(request: Request, admin: Admin, settings: SettingsDep, metrics: MetricsDep,
                 municipality: str | None = Query(None, max_length=MAX_NAME_CHARS)) -> dict[str, Any]:
    """One file (multipart field ``file``). The key is checked before the body is read; the body is counted
    as it arrives (413 past REFERAT_MAX_UPLOAD_BYTES); parsing and indexing run off the event loop."""
    if municipality is not None:
        try:
            no_surrogates(municipality, "municipality")
        except ValueError as exc:
            raise HTTPException(422, str(exc)) from exc
    try:
        form = await request.form(max_files=1, max_fields=4, max_part_size=64 * 1024)
    except HTTPException:
        raise
    except Exception as exc:  # malformed multipart
        raise HTTPException(400, f"unreadable multipart upload ({type(exc).__name__})") from exc
    try:
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise HTTPException(422, "send the minutes as a multipart file field named 'file'")
        # the event loop keeps answering /health and /chat meanwhile
        report = await run_in_threadpool(admin.ingest, safe_filename(upload.filename), upload.file, municipality,
                                         settings.max_upload_bytes)
    finally:
        await form.close()
    metrics.ingested(len(report.added) + len(report.replaced))
    return report.as_dict()


@router.delete("/meetings/{meeting_id}", dependencies=[Depends(require_write)])
def delete_meeting(meeting_id: str, admin: Admin) -> dict[str, str]:
    admin.delete(meeting_id)
    return {"deleted": meeting_id}


@router.get("/login", response_class=HTMLResponse, include_in_schema=False)
def login_form(failed: bool = False) -> str:
    note = '<p class="error">Forkert nøgle / wrong key.</p>' if failed else ""
    return ('<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Referat – log ind</title>'
            '<link rel="stylesheet" href="/static/style.css"></head><body><main class="login">'
            f'<h1>Referat</h1>{note}<form method="post" action="/login">'
            '<label for="key">Adgangsnøgle / access key</label> '
            '<input type="password" id="key" name="key" autocomplete="current-password" required> '
            '<button type="submit">Log ind</button></form></main></body></html>')


@router.post("/login", include_in_schema=False)
async def login(request: Request) -> Response:
    form = await request.form(max_files=0, max_fields=4, max_part_size=4096)
    scope = keys(request).login_scope(str(form.get("key") or "")[:512])
    if scope is None:
        return RedirectResponse("/login?failed=true", status_code=303)
    done = RedirectResponse("/", status_code=303)
    start_session(done, request, scope)
    return done
