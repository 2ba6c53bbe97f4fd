"""The Slack bot (slack-bolt): mentions, direct messages and /referat, answered in the thread.

A thread is a conversation: follow-ups in a thread use its earlier turns. Citations are Block Kit
sections linking to the item pages (REFERAT_PUBLIC_URL, else the server that received the event);
"helpful / not helpful" buttons are recorded with the question and answer. Domain errors are
translated here into a reply.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from assistant.contract import Answer
from assistant.service import ChatService
from assistant.settings import Settings
from ingest.catalog import Catalog
from ingest.errors import ReferatError

log = logging.getLogger("referat.slack")
_MENTION = re.compile(r"<@[A-Z0-9]+>\s*")


def blocks(answer: Answer, question: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = [{"type": "section", "text": {"type": "mrkdwn", "text": answer.answer[:2900]}}]
    for k, c in enumerate(answer.citations[:5], 1):
        num = f"Punkt {c.item_number}" if c.item_number else "Punkt (uden nummer)"
        label = f"[{k}] {c.municipality} · {c.committee} · {c.meeting_date} · {num}: {c.item_title}"
        quote = c.quote.replace("\n", " ")[:280]
        out.append({"type": "section", "text": {"type": "mrkdwn", "text": f"<{c.url}|{label[:200]}>\n> {quote}"}})
    value = json.dumps({"q": question[:700], "a": answer.answer[:1000]}, ensure_ascii=False)
    out.append({"type": "actions", "elements": [
        {"type": "button", "action_id": "referat_helpful", "text": {"type": "plain_text", "text": "👍 Hjælpsomt"},
         "value": value},
        {"type": "button", "action_id": "referat_not_helpful",
         "text": {"type": "plain_text", "text": "👎 Ikke hjælpsomt"}, "value": value}]})
    return out


def build_app(settings: Settings, service: ChatService, catalog: Catalog) -> App:
    client = WebClient(token=settings.slack_bot_token or None,
                       base_url=(settings.slack_api_url or "https://slack.com/api/").rstrip("/") + "/")
    app = App(token=settings.slack_bot_token or None, signing_secret=settings.slack_signing_secret or None,
              client=client, token_verification_enabled=False, process_before_response=False)

    def answer_in_thread(text: str, channel: str, thread_ts: str, say: Any, context: BoltContext) -> None:
        question = _MENTION.sub("", text or "").strip()
        try:
            answer = service.ask(question, conversation_id=f"slack:{channel}:{thread_ts}",
                                 base_url=context.get("base_url"))
            say(text=answer.answer[:3000], blocks=blocks(answer, question), thread_ts=thread_ts)
        except ReferatError as exc:
            say(text=f"Beklager: {exc}", thread_ts=thread_ts)

    @app.event("app_mention")
    def on_mention(event: dict[str, Any], say: Any, context: BoltContext) -> None:
        answer_in_thread(event.get("text", ""), event["channel"], event.get("thread_ts") or event["ts"], say,
                         context)

    @app.event("message")
    def on_message(event: dict[str, Any], say: Any, context: BoltContext) -> None:
        if event.get("channel_type") != "im" or event.get("bot_id") or event.get("subtype"):
            return
        answer_in_thread(event.get("text", ""), event["channel"], event.get("thread_ts") or event["ts"], say,
                         context)

    @app.command("/referat")
    def on_command(ack: Any, command: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        ack()
        question = (command.get("text") or "").strip()
        channel = command["channel_id"]
        try:
            answer = service.ask(question, base_url=context.get("base_url"))
            client.chat_postMessage(channel=channel, text=answer.answer[:3000], blocks=blocks(answer, question))
        except ReferatError as exc:
            client.chat_postMessage(channel=channel, text=f"Beklager: {exc}")

    def feedback(helpful: bool) -> Any:
        def handler(ack: Any, body: dict[str, Any], action: dict[str, Any]) -> None:
            ack()
            data = json.loads(action.get("value") or "{}")
            catalog.add_feedback("slack", body.get("user", {}).get("id", ""), data.get("q", ""), data.get("a", ""),
                                 helpful)
        return handler

    app.action("referat_helpful")(feedback(True))
    app.action("referat_not_helpful")(feedback(False))
    return app


def run_socket_mode(settings: Settings, service: ChatService, catalog: Catalog) -> None:  # pragma: no cover
    """Socket Mode: no public URL needed; needs REFERAT_SLACK_APP_TOKEN (xapp-...)."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    SocketModeHandler(build_app(settings, service, catalog), settings.slack_app_token).start()
