"""The Slack bot end to end without Slack: signed events posted to the real app; the Slack Web API
is a fake server on loopback; we assert what the bot posted."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient

from assistant.api import create_app
from assistant.container import Container
from tests.fakes import FakeSlack
from tests.helpers import until

Slack = tuple[TestClient, FakeSlack, Container]  # the fixture: API client, fake Slack, seeded container

SECRET = "test-signing-secret"


def signed(body: str, secret: str = SECRET, ts: int | None = None) -> dict[str, str]:
    stamp = str(ts if ts is not None else int(time.time()))
    sig = "v0=" + hmac.new(secret.encode(), f"v0:{stamp}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": sig}


def event(text: str, ts: str, thread_ts: str | None = None, kind: str = "app_mention") -> str:
    ev = {"type": kind, "user": "U1", "text": text, "ts": ts, "channel": "C1"}
    if thread_ts:
        ev["thread_ts"] = thread_ts
    if kind == "message":
        ev["channel_type"] = "im"
    return json.dumps({"token": "x", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
                       "event_id": f"Ev{ts}", "event_time": 1, "event": ev})


def wait_for(fake: FakeSlack, n: int, timeout: float = 120) -> list[dict[str, Any]]:
    """The bot answers after acking the event: wait until it has posted ``n`` messages (timeout bounds a hang)."""
    if not until(lambda: len(fake.posted()) >= n, timeout):
        raise AssertionError(f"expected {n} posts, got {fake.posted()}")
    return fake.posted()


@pytest.fixture
def slack(seeded: Container) -> Iterator[Slack]:
    with FakeSlack() as fake:
        seeded.settings = seeded.settings.model_copy(update={
            "slack_signing_secret": SECRET, "slack_bot_token": "xoxb-test", "slack_api_url": fake.url + "/api/"})
        with TestClient(create_app(seeded.settings, seeded)) as client:
            yield client, fake, seeded


def test_mention_is_answered_in_thread_with_citation_blocks(slack: Slack) -> None:
    client, fake, _ = slack
    body = event("<@UBOT> Hvad besluttede Esbjerg om Helhedsplan 2025-2029?", "100.1")
    r = client.post("/slack/events", content=body, headers={**signed(body), "content-type": "application/json"})
    assert r.status_code == 200
    post = wait_for(fake, 1)[0]
    assert post["thread_ts"] == "100.1" and post["channel"] == "C1"
    blocks = json.loads(post["blocks"]) if isinstance(post["blocks"], str) else post["blocks"]
    link = blocks[1]["text"]["text"]
    assert "http://testserver/items/esbjerg_" in link and "Punkt 5" in link
    assert blocks[-1]["type"] == "actions"


def test_thread_follow_up_uses_earlier_turns(slack: Slack) -> None:
    client, fake, _ = slack
    first = event("<@UBOT> Hvad besluttede Fredericia om udpegning af repræsentant til Integrationsrådet?", "200.1")
    client.post("/slack/events", content=first, headers={**signed(first), "content-type": "application/json"})
    wait_for(fake, 1)
    second = event("<@UBOT> og hvad sagde Byrådet?", "200.2", thread_ts="200.1")
    client.post("/slack/events", content=second, headers={**signed(second), "content-type": "application/json"})
    post = wait_for(fake, 2)[1]
    assert post["thread_ts"] == "200.1" and "Byrådet" in post["text"]


def test_direct_message_and_nothing_found(slack: Slack) -> None:
    client, fake, _ = slack
    body = event("Hvad besluttede Aarhus om letbanen?", "300.1", kind="message")
    client.post("/slack/events", content=body, headers={**signed(body), "content-type": "application/json"})
    post = wait_for(fake, 1)[0]
    assert "kan ikke finde" in post["text"]


def test_slash_command(slack: Slack) -> None:
    client, fake, _ = slack
    body = urlencode({"command": "/referat", "text": "Hvad kostede fleksjobkampagnen i Svendborg?",
                      "channel_id": "C9", "user_id": "U1", "team_id": "T1", "response_url": "http://x"})
    r = client.post("/slack/events", content=body,
                    headers={**signed(body), "content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 200
    post = wait_for(fake, 1)[0]
    assert post["channel"] == "C9" and "120.000 kr." in post["text"]


def test_feedback_is_recorded(slack: Slack) -> None:
    client, _, container = slack
    payload = {"type": "block_actions", "user": {"id": "U7"}, "team": {"id": "T1"}, "api_app_id": "A1",
               "actions": [{"action_id": "referat_helpful", "type": "button", "block_id": "b",
                            "value": json.dumps({"q": "Spørgsmål?", "a": "Svar."}), "action_ts": "1"}],
               "container": {"type": "message"}, "channel": {"id": "C1"}, "trigger_id": "t"}
    body = urlencode({"payload": json.dumps(payload)})
    r = client.post("/slack/events", content=body,
                    headers={**signed(body), "content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 200
    with container.catalog._conn() as db:
        def rows() -> list[tuple[str, ...]]:
            return [tuple(r) for r in db.execute("SELECT user, question, answer, helpful FROM feedback")]

        until(lambda: bool(rows()), 120)
        assert rows() == [("U7", "Spørgsmål?", "Svar.", 1)]


@pytest.mark.parametrize("headers", [
    {"X-Slack-Request-Timestamp": str(int(time.time())), "X-Slack-Signature": "v0=deadbeef"},
    "stale", "wrong-secret", {}])
def test_bad_or_stale_signatures_get_401(slack: Slack, headers) -> None:
    client, fake, _ = slack
    body = event("<@UBOT> hej", "400.1")
    if headers == "stale":
        headers = signed(body, ts=int(time.time()) - 3600)
    elif headers == "wrong-secret":
        headers = signed(body, secret="nope")
    r = client.post("/slack/events", content=body, headers={**headers, "content-type": "application/json"})
    assert r.status_code == 401
    assert fake.posted() == []  # rejected before any listener runs: nothing can post later
