"""The web chat as a person uses it: headless Chromium (system /usr/bin/chromium via Playwright)
against the real app under uvicorn on loopback. Screenshots go to docs/screenshots/."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from typing import Any

import pytest
import uvicorn

from assistant.api import create_app
from assistant.container import Container
from tests.conftest import ROOT
from tests.helpers import free_port, wait_until_up

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [pytest.mark.skipif(CHROMIUM is None, reason="Debian chromium is not installed (make browser)"),
              pytest.mark.slow]  # a uvicorn server and a browser
SHOTS = ROOT / "docs" / "screenshots"


@pytest.fixture
def server(seeded: Container) -> Iterator[str]:
    port = free_port()
    config = uvicorn.Config(create_app(seeded.settings, seeded), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    assert wait_until_up(base + "/health", 120)
    yield base
    srv.should_exit = True
    thread.join(timeout=60)


@pytest.fixture
def page() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        # the app sends a strict CSP (no eval); Playwright evaluates its wait conditions with eval
        pg = browser.new_page(viewport={"width": 1100, "height": 900}, bypass_csp=True)
        pg.set_default_timeout(120_000)  # waits end on a condition; this only bounds a hang
        yield pg
        browser.close()


def test_ask_see_cited_answer_click_through_and_follow_up(server: str, page: Any) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(server + "/")
    page.wait_for_selector("#f-muni option[value='Esbjerg']", state="attached")
    page.get_by_label("Dit spørgsmål").fill("Hvad besluttede Esbjerg om prækvalifikation af Helhedsplan 2025?")
    page.keyboard.press("Enter")
    page.wait_for_selector(".card")
    card = page.locator(".card").first
    assert "Esbjerg" in card.inner_text() and "Punkt 5" in card.inner_text()
    assert "stemmeflertal" in page.locator(".a").first.inner_text()
    page.screenshot(path=str(SHOTS / "chat.png"), full_page=True)

    page.get_by_label("Dit spørgsmål").fill("og hvem stemte imod?")
    page.get_by_role("button", name="Spørg").click()
    page.wait_for_function("document.querySelectorAll('.turn .cards').length >= 2")
    assert "Sabrina Bech Bartholin" in page.locator(".turn").nth(1).inner_text()

    href = card.get_attribute("href")
    page.goto(server + href)
    assert page.locator("mark#quote").count() == 1
    assert "Prækvalifikation Helhedsplan 2025-2029" in page.locator("h1").inner_text()
    page.screenshot(path=str(SHOTS / "item.png"), full_page=True)


def test_errors_language_and_browse(server: str, page: Any) -> None:
    page.goto(server + "/")
    page.get_by_role("button", name="Spørg").click()
    assert "Skriv et spørgsmål" in page.locator("#status").inner_text()
    page.get_by_label("Dit spørgsmål").fill("Hvad besluttede Aarhus om letbanen?")
    page.keyboard.press("Enter")
    page.wait_for_selector(".a.refused")
    assert "Intet fundet" in page.locator("#status").inner_text()
    page.get_by_role("button", name="Language / sprog").click()
    assert page.get_by_role("button", name="Ask").is_visible()
    page.get_by_role("button", name="Browse meetings").click()
    page.get_by_role("button", name="2019-11-25 · Faxe · Beskæftigelses & Integrationsudvalget").click()
    page.wait_for_selector("#meeting li")
    assert "Item 71" in page.locator("#meeting").inner_text()
    page.screenshot(path=str(SHOTS / "browse.png"), full_page=True)


def test_server_unreachable_message(server: str, page: Any) -> None:
    page.goto(server + "/")
    page.route("**/chat/stream", lambda route: route.abort())
    page.get_by_label("Dit spørgsmål").fill("Hvad besluttede Lejre?")
    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('status').classList.contains('error')")
    assert "Serveren svarer ikke" in page.locator("#status").inner_text()
