"""Bounded waiting on a blocking producer (an LLM's token stream): a deadline for the first item and one for all.

The producer runs in a daemon thread; the consumer waits on a queue, so a server that accepts and never
answers, or answers ever so slowly, costs at most the deadline. An abandoned producer ends by itself
(the HTTP client's own timeout) or with the process.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")


class Deadline(TimeoutError):
    """The producer did not deliver in time."""


def within(make: Callable[[], Iterable[T]], first: float, total: float) -> Iterator[T]:
    """Items of ``make()`` (called in a worker thread) as they come; raise Deadline when the first item takes
    longer than ``first`` seconds or all of them longer than ``total``; re-raise the producer's own errors."""
    box: queue.Queue[tuple[str, Any]] = queue.Queue()
    stop = threading.Event()

    def produce() -> None:
        try:
            items = iter(make())
            try:
                for item in items:
                    if stop.is_set():
                        return
                    box.put(("item", item))
            finally:
                close = getattr(items, "close", None)
                if close is not None:
                    close()
            box.put(("end", None))
        except BaseException as exc:  # handed to the consumer
            box.put(("error", exc))

    threading.Thread(target=produce, name="bounded-producer", daemon=True).start()
    start, seen = time.monotonic(), False
    try:
        while True:
            left = total - (time.monotonic() - start)
            left = left if seen else min(left, first)
            try:
                kind, value = box.get(timeout=max(left, 0.0))
            except queue.Empty:
                raise Deadline(f"no {'further ' if seen else ''}output within the deadline") from None
            if kind == "end":
                return
            if kind == "error":
                raise value
            seen = True
            yield value
    finally:
        stop.set()


def call(fn: Callable[[], T], timeout: float) -> T:
    """``fn()`` in a worker thread; raise Deadline after ``timeout`` seconds."""
    for value in within(lambda: [fn()], timeout, timeout):
        return value
    raise Deadline("no result")  # pragma: no cover - within() yields the one value or raises
