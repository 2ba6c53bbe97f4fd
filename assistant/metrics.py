"""Prometheus text-format metrics: request counts, latency sums and buckets, ingest counts, LLM fallbacks."""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Mapping

BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
# why an LLM answer was replaced by the extractive one (assistant/llm.py)
FALLBACK_REASONS = ("error", "timeout", "empty", "no_answer", "unverified")


class Metrics:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.requests: dict[tuple[str, str, int], int] = defaultdict(int)
        self.latency_sum: dict[str, float] = defaultdict(float)
        self.latency_count: dict[str, int] = defaultdict(int)
        self.buckets: dict[tuple[str, float], int] = defaultdict(int)
        self.ingested_meetings = 0

    def observe(self, path: str, method: str, status: int, seconds: float) -> None:
        with self._lock:
            self.requests[(path, method, status)] += 1
            self.latency_sum[path] += seconds
            self.latency_count[path] += 1
            for b in BUCKETS:
                if seconds <= b:
                    self.buckets[(path, b)] += 1

    def ingested(self, n: int) -> None:
        with self._lock:
            self.ingested_meetings += n

    def render(self, counts: dict[str, int], llm_fallbacks: Mapping[str, int] | None = None) -> str:
        lines = ["# TYPE referat_requests_total counter"]
        with self._lock:
            for (path, method, status), n in sorted(self.requests.items()):
                lines.append(f'referat_requests_total{{path="{path}",method="{method}",status="{status}"}} {n}')
            lines.append("# TYPE referat_request_seconds histogram")
            for path in sorted(self.latency_count):
                for b in BUCKETS:
                    lines.append(f'referat_request_seconds_bucket{{path="{path}",le="{b}"}} {self.buckets[(path, b)]}')
                lines.append(f'referat_request_seconds_bucket{{path="{path}",le="+Inf"}} {self.latency_count[path]}')
                lines.append(f'referat_request_seconds_sum{{path="{path}"}} {self.latency_sum[path]:.6f}')
                lines.append(f'referat_request_seconds_count{{path="{path}"}} {self.latency_count[path]}')
            lines.append("# TYPE referat_ingested_meetings_total counter")
            lines.append(f"referat_ingested_meetings_total {self.ingested_meetings}")
        lines.append("# TYPE referat_llm_fallbacks_total counter")
        for reason in FALLBACK_REASONS:
            lines.append(f'referat_llm_fallbacks_total{{reason="{reason}"}} {(llm_fallbacks or {}).get(reason, 0)}')
        for key, value in counts.items():
            lines.append(f"# TYPE referat_{key} gauge")
            lines.append(f"referat_{key} {value}")
        return "\n".join(lines) + "\n"
