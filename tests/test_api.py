"""The FastAPI app in-process (fresh app per test via create_app): contract, errors, writes, pages, metrics."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.api import create_app
from assistant.container import Container
from assistant.settings import Settings
from tests.conftest import SEEDS


@pytest.fixture
def client(seeded: Container, settings: Settings) -> Iterator[TestClient]:
    seeded.settings = settings.model_copy(update={"api_key": "s3cret", "max_question_chars": 200})
    app = create_app(seeded.settings, seeded)
    with TestClient(app) as c:
        yield c


def test_chat_contract(client: TestClient) -> None:
    r = client.post("/chat", json={"question": "Hvad besluttede Esbjerg om Helhedsplan 2025?"})
    assert r.status_code == 200
    body = r.json()
    assert set(body) >= {"answer", "refused", "citations"}
    cit = body["citations"][0]
    assert set(cit) >= {"municipality", "committee", "meeting_date", "item_number", "item_title", "quote"}
    assert cit["meeting_date"] == "2024-01-16" and cit["item_number"] == "5"
    page = client.get(cit["url"].replace("http://testserver", ""), params={"q": cit["quote"]})
    assert page.status_code == 200 and '<mark id="quote">' in page.text and "Helhedsplan" in page.text


def test_chat_filters_and_followup(client: TestClient) -> None:
    r = client.post("/chat", json={"question": "Hvad blev besluttet om godkendelse af dagsorden?",
                                   "municipality": "Lejre"}).json()
    assert r["citations"][0]["municipality"] == "Lejre"
    r2 = client.post("/chat", json={"question": "og hvem var fraværende?",
                                    "conversation_id": r["conversation_id"]}).json()
    assert r2["citations"][0]["item_id"] == r["citations"][0]["item_id"]
    assert "Blickfeldt" in r2["citations"][0]["quote"] or "Steen Hansen" in r2["citations"][0]["quote"]


@pytest.mark.parametrize("payload,status", [
    ({"question": ""}, 422), ({"question": "   "}, 422), ({"question": "x" * 201}, 422), ({}, 422),
    ({"question": "ok", "date_from": "2024-02-30"}, 422),
])
def test_bad_questions_are_4xx(client: TestClient, payload, status) -> None:
    r = client.post("/chat", json=payload)
    assert r.status_code == status and "detail" in r.json()


def test_listing_endpoints(client: TestClient) -> None:
    assert client.get("/municipalities").json() == ["Esbjerg", "Faxe", "Fredericia", "Lejre", "Svendborg"]
    meetings = client.get("/meetings", params={"municipality": "Faxe"}).json()
    assert len(meetings) == 1 and meetings[0]["date"] == "2019-11-25"
    meeting = client.get(f"/meetings/{meetings[0]['id']}").json()
    assert [it["number"] for it in meeting["items"]][:2] == ["71", "72"]
    assert client.get("/meetings/nope").status_code == 404
    assert client.get("/items/nope").status_code == 404
    h = client.get("/health").json()
    assert h["status"] == "ok" and h["items"] == 49


def test_writes_need_the_key(client: TestClient, tmp_path: Path) -> None:
    mid = client.get("/meetings", params={"municipality": "Lejre"}).json()[0]["id"]
    assert client.delete(f"/meetings/{mid}").status_code == 401
    assert client.delete(f"/meetings/{mid}", headers={"x-api-key": "wrong"}).status_code == 401
    assert client.delete(f"/meetings/{mid}", headers={"x-api-key": "s3cret"}).status_code == 200
    assert "Lejre" not in client.get("/municipalities").json()
    seed = SEEDS[4].read_bytes()
    r = client.post("/ingest", files={"file": ("lejre.txt", seed)}, headers={"x-api-key": "s3cret"})
    assert r.status_code == 200 and len(r.json()["added"]) == 1
    bad = client.post("/ingest", files={"file": ("x.txt", b"")}, headers={"x-api-key": "s3cret"})
    assert bad.status_code == 400 and "x.txt: empty file" in bad.json()["detail"]


def test_metrics_and_request_ids(client: TestClient) -> None:
    r = client.get("/health", headers={"x-request-id": "abc123"})
    assert r.headers["x-request-id"] == "abc123"
    text = client.get("/metrics").text
    assert 'referat_requests_total{path="/health",method="GET",status="200"}' in text
    assert "referat_items 49" in text


def test_freshness_per_municipality(client: TestClient, seeded: Container) -> None:
    from ingest.sync.state import SyncState

    state = SyncState(seeded.catalog.path)
    state.finish_run(state.start_run("faxe-portal", "Faxe"), True, {"added": 1}, [])
    state.finish_run(state.start_run("faxe-portal", "Faxe"), False, {"failed": 1}, ["boom"])  # the last clean run
    state.finish_run(state.start_run("elsewhere", None), True, {}, [])  # names no municipality: none gains it
    rows = client.get("/freshness").json()
    assert [r["municipality"] for r in rows] == client.get("/municipalities").json()
    faxe = next(r for r in rows if r["municipality"] == "Faxe")
    assert faxe["meetings"] == 1 and faxe["latest_meeting"] == "2019-11-25"
    assert datetime.fromisoformat(faxe["last_ingested"]).utcoffset() == timedelta(0)  # UTC, ISO 8601
    last_ok = state.last_runs()["faxe-portal"]["last_ok_at"]
    assert last_ok is not None and faxe["last_sync"] == last_ok
    assert all(r["last_sync"] is None for r in rows if r["municipality"] != "Faxe")
    assert sum(r["meetings"] for r in rows) == client.get("/health").json()["meetings"]


def test_freshness_needs_the_read_key_when_reads_do(seeded: Container) -> None:
    seeded.settings = seeded.settings.model_copy(update={"api_key": "k", "read_requires_key": True})
    with TestClient(create_app(seeded.settings, seeded)) as c:
        assert c.get("/freshness").status_code == 401
        assert c.get("/freshness", headers={"authorization": "Bearer k"}).status_code == 200


def test_an_upload_of_several_meetings_stores_each(client: TestClient) -> None:
    egedal = Path(__file__).parents[1] / "sample_data" / "portals8" / "egedal_plan-og-klimaudvalget_2025-04-08.json"
    r = client.post("/ingest", files={"file": (egedal.name, egedal.read_bytes())}, headers={"x-api-key": "s3cret"})
    assert r.status_code == 200 and len(r.json()["added"]) == 2
    dates = sorted(m["date"] for m in client.get("/meetings", params={"municipality": "Egedal"}).json())
    assert dates == ["2025-03-11", "2025-04-08"]
