"""An LLM that fails never costs the user an answer: refused, silent, HTTP 500, garbage, empty, or half an answer
then a break, /chat and /chat/stream answer extractively (answered_by says so), within the configured bound,
/metrics counts it, and the stream never ends in an error: only checked sentences of the LLM are streamed, and a
reset withdraws them if the answer as a whole then falls back.

The fakes are loopback servers; llm_timeout is short here: a bound on waiting, not a speed verdict."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from assistant.api import create_app
from assistant.container import Container
from tests.fakes import BrokenLLM, RefusingServer, SilentServer

QUESTION = {"question": "Hvad besluttede Esbjerg om Prækvalifikation Helhedsplan 2025-2029?"}
BOUND = 60.0  # seconds: generous; without the deadline a silent or trickling LLM would hang these requests
FAKES: dict[str, tuple[Callable[[], Any], set[str]]] = {  # mode -> (fake server, the counted reason(s))
    "refused": (RefusingServer, {"error"}),
    "silent": (SilentServer, {"timeout"}),
    "500": (lambda: BrokenLLM("500"), {"error"}),
    "garbage": (lambda: BrokenLLM("garbage"), {"error", "empty"}),
    "empty": (lambda: BrokenLLM("empty"), {"empty"}),
    "half": (lambda: BrokenLLM("half"), {"error"}),
    "trickle": (lambda: BrokenLLM("trickle"), {"timeout"}),
}


def fallbacks(client: TestClient) -> dict[str, int]:
    lines = [ln for ln in client.get("/metrics").text.splitlines() if ln.startswith("referat_llm_fallbacks_total{")]
    return {ln.split('"')[1]: int(ln.rsplit(" ", 1)[1]) for ln in lines}


@pytest.fixture
def extractive(seeded: Container) -> dict[str, Any]:
    """What the extractive answerer says to QUESTION: the answer every failure must fall back to."""
    with TestClient(create_app(seeded.settings, seeded)) as client:
        body = client.post("/chat", json=QUESTION).json()
    assert body["answered_by"] == "extractive" and body["citations"][0]["item_number"] == "5"
    return body


@pytest.mark.parametrize("mode", list(FAKES))
def test_failing_llm_falls_back_to_the_extractive_answer(
        seeded: Container, extractive: dict[str, Any], mode: str) -> None:
    make, reasons = FAKES[mode]
    with make() as fake:
        s = seeded.settings.model_copy(update={"llm_base_url": fake.url + "/v1", "llm_model": "fake",
                                               "llm_timeout": 1.0, "llm_first_token_timeout": 0.5})
        c = Container(s)
        with TestClient(create_app(s, c)) as client:
            start = time.monotonic()
            r = client.post("/chat", json=QUESTION)
            assert time.monotonic() - start < BOUND
            assert r.status_code == 200, r.text
            body = r.json()
            assert body["answered_by"] == "extractive-fallback"
            assert body["answer"] == extractive["answer"] and body["citations"] == extractive["citations"]

            start = time.monotonic()
            r = client.post("/chat/stream", json=QUESTION)
            assert time.monotonic() - start < BOUND
            assert r.status_code == 200
            events = [json.loads(line) for line in r.text.splitlines()]
            assert {e["type"] for e in events} <= {"token", "reset", "answer"}
            final = events[-1]
            assert final["type"] == "answer" and final["answered_by"] == "extractive-fallback"
            assert final["answer"] == extractive["answer"]
            last_reset = max((i for i, e in enumerate(events) if e["type"] == "reset"), default=-1)
            shown = "".join(e["text"] for e in events[last_reset + 1:] if e["type"] == "token")
            assert shown.strip() == final["answer"].strip()  # what is left on screen is the answer
            if mode == "half":  # half a sentence is never shown: only checked sentences stream (assistant.llm_guard)
                assert last_reset == -1 and "Udvalget besluttede" not in shown

            counted = fallbacks(client)
            assert sum(counted[r] for r in reasons) == 2 and sum(counted.values()) == 2, counted


def test_followup_with_a_silent_llm_still_answers(seeded: Container) -> None:
    with SilentServer() as fake:
        s = seeded.settings.model_copy(update={"llm_base_url": fake.url + "/v1", "llm_timeout": 1.0,
                                               "llm_first_token_timeout": 0.5})
        service = Container(s).service
        first = service.ask("Hvem blev udpeget til Det Nationale Integrationsråd i Fredericia?")
        second = service.ask("og hvad sagde Byrådet?", conversation_id=first.conversation_id)
        assert second.answered_by == "extractive-fallback" and not second.refused
        assert second.standalone_question and second.standalone_question.startswith("Hvem blev udpeget")


def test_metrics_count_no_fallbacks_without_an_llm(seeded: Container) -> None:
    with TestClient(create_app(seeded.settings, seeded)) as client:
        assert client.post("/chat", json=QUESTION).json()["answered_by"] == "extractive"
        assert fallbacks(client) == {"error": 0, "timeout": 0, "empty": 0, "no_answer": 0, "unverified": 0}
