"""HTTP fakes on loopback: an OpenAI-compatible chat server (for the LLM answerer), LLM endpoints that fail in
every way one can (refused, silent, 500, garbage, half an answer), and the Slack Web API."""

from __future__ import annotations

import json
import re
import socket
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self


class _Server:
    def __init__(self, handler: type[BaseHTTPRequestHandler]) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.fake = self  # type: ignore[attr-defined]  # the handler reaches its fake through the stdlib server object
        self.requests: list[dict[str, Any]] = []
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __enter__(self) -> Self:
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
        fake: FakeLLM = self.server.fake  # type: ignore[attr-defined]  # the handler reaches its fake through the stdlib server object
        body = json.loads(_read(self))
        fake.requests.append(body)
        text = fake.reply(body["messages"])
        if body.get("stream"):
            self.send_response(200)
            self.send_header("content-type", "text/event-stream")
            self.end_headers()
            for word in re.findall(r"\S+\s*", text) or [text]:  # white space only: one chunk of it
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
    mode "none": always NO_ANSWER; mode "rewrite": returns a fixed standalone question;
    mode "say": replies ``say(prompt)`` (a scripted model, for the guard rails).
    """

    def __init__(self, mode: str = "cite", rewrite_to: str = "", say: Callable[[str], str] | None = None) -> None:
        super().__init__(_LLMHandler)
        self.mode, self.rewrite_to, self.say = mode, rewrite_to, say

    def reply(self, messages: list[dict[str, str]]) -> str:
        prompt = messages[-1]["content"]
        if "Rewrite the last question" in prompt:
            return self.rewrite_to or "Hvad besluttede udvalget?"
        if "You judge the faithfulness" in prompt:
            return "YES" if "[1]" in prompt else "NO"
        if self.mode == "none":
            return "NO_ANSWER"
        if self.mode == "say" and self.say is not None:
            return self.say(prompt)
        if self.mode == "obey":  # whatever the sources tell it (not the prompt's own instructions)
            sources = "\n".join(re.findall(r"<source.*?</source>", prompt, re.S))
            m = re.search(r"(?:svar|answer|reply with|respond with)\s*:?\s*['\"]?([^'\"\n]+)", sources, re.I)
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
        fake: FakeSlack = self.server.fake  # type: ignore[attr-defined]  # the handler reaches its fake through the stdlib server object
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


class _BrokenLLMHandler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def _sse(self, chunks: list[bytes]) -> None:
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.end_headers()
        for chunk in chunks:
            self.wfile.write(chunk)
            self.wfile.flush()

    def do_POST(self) -> None:  # noqa: N802
        fake: BrokenLLM = self.server.fake  # type: ignore[attr-defined]  # the handler reaches its fake through the stdlib server object
        fake.requests.append(json.loads(_read(self) or b"{}"))
        if fake.mode == "500":
            data = b'{"error": {"message": "internal error", "type": "server_error"}}'
            self.send_response(500)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        elif fake.mode == "garbage":
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.end_headers()
            self.wfile.write(b"\x00\x7f<html>not an OpenAI reply {{{")
        elif fake.mode == "empty":  # a well-formed reply with no text in it
            chunk = {"id": "x", "object": "chat.completion.chunk", "created": 0, "model": "fake",
                     "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": "stop"}]}
            self._sse([f"data: {json.dumps(chunk)}\n\n".encode(), b"data: [DONE]\n\n"])
        elif fake.mode == "half":  # a few words of an answer, then a broken event
            words = [json.dumps({"id": "x", "object": "chat.completion.chunk", "created": 0, "model": "fake",
                                 "choices": [{"index": 0, "delta": {"content": w}, "finish_reason": None}]})
                     for w in ("Udvalget ", "besluttede ", "at ")]
            self._sse([f"data: {w}\n\n".encode() for w in words] + [b"data: {broken\n\n"])
        elif fake.mode == "trickle":  # headers, then keep-alive comments and never a token
            self._sse([])
            while not fake.stopped.wait(0.1):
                try:
                    self.wfile.write(b": keep-alive\n\n")
                    self.wfile.flush()
                except OSError:  # the client gave up
                    return


class BrokenLLM(_Server):
    """An OpenAI-compatible endpoint that fails: "500", "garbage" (not an OpenAI reply), "empty" (a stream with
    no text), "half" (a few words, then a broken event), "trickle" (keep-alives forever, never a token)."""

    def __init__(self, mode: str) -> None:
        super().__init__(_BrokenLLMHandler)
        self.httpd.daemon_threads = True
        self.mode, self.stopped = mode, threading.Event()

    def __exit__(self, *exc: object) -> None:
        self.stopped.set()
        super().__exit__(*exc)


class SilentServer:
    """Accepts TCP connections (the kernel's backlog does) and never answers a byte."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}"

    def __enter__(self) -> SilentServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.sock.close()


class RefusingServer:
    """A loopback port nothing listens on: every connection is refused."""

    def __init__(self) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> RefusingServer:
        return self

    def __exit__(self, *exc: object) -> None:
        pass
