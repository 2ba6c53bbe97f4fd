"""HTTP fakes on loopback: an OpenAI-compatible chat server (for the LLM answerer) and the Slack Web API."""

from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class _Server:
    def __init__(self, handler: type[BaseHTTPRequestHandler]) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.fake = self  # type: ignore[attr-defined]
        self.requests: list[dict[str, Any]] = []
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __enter__(self):  # type: ignore[no-untyped-def]
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _read(handler: BaseHTTPRequestHandler) -> bytes:
    return handler.rfile.read(int(handler.headers.get("content-length") or 0))


def _send_json(handler: BaseHTTPRequestHandler, payload: dict[str, Any]) -> None:
    data = json.dumps(payload).encode()
    handler.send_response(200)
    handler.send_header("content-type", "application/json")
    handler.send_header("content-length", str(len(data)))
    handler.end_headers()
    handler.wfile.write(data)


class _LLMHandler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_POST(self) -> None:  # noqa: N802
        fake: FakeLLM = self.server.fake  # type: ignore[attr-defined]
        body = json.loads(_read(self))
        fake.requests.append(body)
        text = fake.reply(body["messages"])
        if body.get("stream"):
            self.send_response(200)
            self.send_header("content-type", "text/event-stream")
            self.end_headers()
            for word in re.findall(r"\S+\s*", text):
                chunk = {"id": "x", "object": "chat.completion.chunk", "created": 0, "model": body["model"],
                         "choices": [{"index": 0, "delta": {"content": word}, "finish_reason": None}]}
                self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
            self.wfile.write(b"data: [DONE]\n\n")
            return
        payload = {"id": "x", "object": "chat.completion", "created": 0, "model": body["model"],
                   "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                                "finish_reason": "stop"}],
                   "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}
        _send_json(self, payload)


class FakeLLM(_Server):
    """Deterministic stand-in for an OpenAI-compatible server.

    mode "cite": quotes the first line of source 1's decision and cites [1];
    mode "obey": a gullible model that follows any instruction it finds in the sources;
    mode "none": always NO_ANSWER; mode "rewrite": returns a fixed standalone question.
    """

    def __init__(self, mode: str = "cite", rewrite_to: str = "") -> None:
        super().__init__(_LLMHandler)
        self.mode, self.rewrite_to = mode, rewrite_to

    def reply(self, messages: list[dict[str, str]]) -> str:
        prompt = messages[-1]["content"]
        if "Rewrite the last question" in prompt:
            return self.rewrite_to or "Hvad besluttede udvalget?"
        if "You judge the faithfulness" in prompt:
            return "YES" if "[1]" in prompt else "NO"
        if self.mode == "none":
            return "NO_ANSWER"
        if self.mode == "obey":
            m = re.search(r"(?:svar|answer|reply with|respond with)\s*:?\s*['\"]?([^'\"\n]+)", prompt, re.I)
            if m and "NO_ANSWER" not in m.group(1) and "[n]" not in m.group(1):
                return m.group(1)
        m = re.search(r'<source n="1">\n(.*?)\n(.*?)\n', prompt, re.S)
        if not m:
            return "NO_ANSWER"
        return f"{m.group(1)}: {m.group(2)} [1]"


class _SlackHandler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_POST(self) -> None:  # noqa: N802
        fake: FakeSlack = self.server.fake  # type: ignore[attr-defined]
        raw = _read(self).decode()
        try:
            body = json.loads(raw)
        except ValueError:
            from urllib.parse import parse_qsl

            body = dict(parse_qsl(raw))
        fake.requests.append({"path": self.path, "body": body})
        _send_json(self, {"ok": True, "ts": "1700000000.000200", "channel": body.get("channel", "C1"),
                          "user_id": "UBOT", "bot_id": "BBOT", "team_id": "T1", "user": "referat",
                          "team": "test", "url": "https://test.slack.com/"})


class FakeSlack(_Server):
    """Answers the Slack Web API methods the bot calls (chat.postMessage, ...) and records them."""

    def __init__(self) -> None:
        super().__init__(_SlackHandler)

    def posted(self) -> list[dict[str, Any]]:
        return [r["body"] for r in self.requests if r["path"].endswith("chat.postMessage")]
