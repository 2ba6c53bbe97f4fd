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
import threading
from collections import OrderedDict
from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from assistant.contract import Answer
from assistant.service import ChatService
from assistant.settings import Settings
from core.errors import ReferatError
from store.catalog import Catalog

log = logging.getLogger("referat.slack")
_MENTION = re.compile(r"<@[A-Z0-9]+>\s*")


def escape(text: str) -> str:
    """Text from the minutes as Slack mrkdwn shows it literally: ``&``, ``<`` and ``>`` escaped, so a document's
    ``<!channel>``, ``<@U123>`` or ``<http://evil|Esbjerg>`` is never a mention or a disguised link."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cut(text: str, limit: int) -> str:
    """``text`` escaped and cut to ``limit`` characters without splitting an entity."""
    out = escape(text)
    if len(out) <= limit:
        return out
    out = out[:limit]
    amp = out.rfind("&")
    return out[:amp] if amp >= 0 and ";" not in out[amp:] else out


def _link(url: str, label: str) -> str:
    safe = url if re.fullmatch(r"https?://[^\s<>|]+", url) else ""
    return f"<{safe}|{_cut(label.replace('|', '¦'), 200)}>" if safe else _cut(label, 200)


def blocks(answer: Answer, question: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = [{"type": "section", "text": {"type": "mrkdwn", "text": _cut(answer.answer, 2900)}}]
    for k, c in enumerate(answer.citations[:5], 1):
        label = f"[{k}] {c.label}: {c.item_title}"
        quote = _cut(c.quote.replace("\n", " "), 280)
        out.append({"type": "section", "text": {"type": "mrkdwn", "text": f"{_link(c.url, label)}\n> {quote}"}})
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
    seen: OrderedDict[str, None] = OrderedDict()
    seen_lock = threading.Lock()

    @app.middleware
    def once(body: dict[str, Any], next: Any) -> Any:  # noqa: A002 - bolt passes it by this name
        """Slack retries an event it thinks went unanswered (X-Slack-Retry-Num): each event_id is handled once."""
        event_id = body.get("event_id") if isinstance(body, dict) else None
        if isinstance(event_id, str) and event_id:
            with seen_lock:
                if event_id in seen:
                    from slack_bolt import BoltResponse

                    return BoltResponse(status=200, body="")
                seen[event_id] = None
                while len(seen) > 10_000:
                    seen.popitem(last=False)
        return next()

    def answer_in_thread(text: str, channel: str, thread_ts: str, say: Any, context: BoltContext) -> None:
        question = _MENTION.sub("", text or "").strip()
        owner = f"slack:{context.get('team_id') or ''}:{channel}:{thread_ts}"  # a thread is one conversation
        try:
            answer = service.ask(question, conversation_id=service.conversations.latest(owner),
                                 base_url=context.get("base_url"), owner=owner)
            say(text=_cut(answer.answer, 3000), blocks=blocks(answer, question), thread_ts=thread_ts)
        except ReferatError as exc:
            say(text=_cut(f"Beklager: {exc}", 3000), thread_ts=thread_ts)

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
            owner = f"slack:{context.get('team_id') or ''}:{channel}:command"
            answer = service.ask(question, base_url=context.get("base_url"), owner=owner)
            client.chat_postMessage(channel=channel, text=_cut(answer.answer, 3000), blocks=blocks(answer, question))
        except ReferatError as exc:
            client.chat_postMessage(channel=channel, text=_cut(f"Beklager: {exc}", 3000))

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
