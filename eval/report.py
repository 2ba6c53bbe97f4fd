"""The HTML report: summary table (Referat beside the baseline), per-type bars, latency histogram, failures."""

from __future__ import annotations

import html
from typing import Any

LABELS = {"hit1": "hit@1", "hit5": "hit@5", "mrr": "MRR", "ndcg10": "nDCG@10",
          "meeting_first": "right meeting first", "first_citation": "gold cited first",
          "citation_hit": "citation hit", "citation_precision": "citation precision",
          "keyword_recall": "keyword recall",
          "keyword_recall_given_item": "keyword recall, right item cited", "faithfulness": "faithfulness (LLM judge)",
          "refusal_rate": "refusal rate (unanswerable)",
          "false_refusal_rate": "false refusals (answerable)", "latency_p50_ms": "latency p50 (ms)",
          "latency_p95_ms": "latency p95 (ms)"}


def _bars(by_type: dict[str, dict[str, float]], key: str = "hit5") -> str:
    width, bar_h, gap = 520, 18, 6
    rows = [(t, v.get(key if t != "unanswerable" else "refusal_rate", 0.0)) for t, v in by_type.items()]
    h = len(rows) * (bar_h + gap) + 10
    parts = [f'<svg role="img" aria-label="{key} per question type" width="{width + 200}" height="{h}">']
    for i, (t, v) in enumerate(rows):
        y = i * (bar_h + gap)
        parts.append(f'<text x="0" y="{y + 13}" font-size="12">{html.escape(t)}</text>'
                     f'<rect x="110" y="{y}" width="{v * width:.0f}" height="{bar_h}" fill="#2b6cb0"/>'
                     f'<text x="{115 + v * width:.0f}" y="{y + 13}" font-size="12">{v:.2f}</text>')
    return "".join(parts) + "</svg>"


def _histogram(latencies: list[float], bins: int = 12) -> str:
    if not latencies:
        return ""
    lo, hi = min(latencies), max(latencies)
    step = (hi - lo) / bins or 1.0
    counts = [0] * bins
    for v in latencies:
        counts[min(bins - 1, int((v - lo) / step))] += 1
    top, w, h = max(counts), 40, 140
    parts = [f'<svg role="img" aria-label="latency histogram" width="{bins * w + 20}" height="{h + 40}">']
    for i, c in enumerate(counts):
        bh = c / top * h
        parts.append(f'<rect x="{i * w}" y="{h - bh:.0f}" width="{w - 4}" height="{bh:.0f}" fill="#38a169"/>'
                     f'<text x="{i * w}" y="{h + 14}" font-size="10">{lo + i * step:.0f}</text>'
                     f'<text x="{i * w + 8}" y="{h - bh - 3:.0f}" font-size="10">{c or ""}</text>')
    parts.append(f'<text x="0" y="{h + 32}" font-size="11">milliseconds per question</text>')
    return "".join(parts) + "</svg>"


def render(result: dict[str, Any], baseline: dict[str, Any] | None) -> str:
    metrics = result["metrics"]
    head = "<tr><th>metric</th><th>Referat</th>" + ("<th>naive baseline</th>" if baseline else "") + "</tr>"
    rows = []
    for key, label in LABELS.items():
        if key not in metrics:
            continue
        base = baseline["metrics"].get(key) if baseline else None
        cell = f"<td>{base}</td>" if baseline is not None else ""
        shown = cell if base is not None or not baseline else "<td>–</td>"
        rows.append(f"<tr><td>{label}</td><td>{metrics[key]}</td>{shown}</tr>")
    failed = [q for q in result["questions"] if _failed(q)]
    fails = "".join(
        f"<details><summary>{html.escape(q['id'])} [{q['type']}] {html.escape(q['question'])}</summary>"
        f"<p>gold: {html.escape(str(q['gold']))}</p><p>retrieved: {html.escape('; '.join(q['retrieved']))}</p>"
        f"<p>cited: {html.escape('; '.join(q['cited']))}</p><pre>{html.escape(q['answer'] or '')}</pre></details>"
        for q in failed)
    latencies = [q["scores"]["latency_ms"] for q in result["questions"]]
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Referat evaluation</title>
<style>body{{font-family:system-ui,sans-serif;max-width:960px;margin:2em auto;padding:0 1em}}
table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:4px 10px;text-align:left}}
pre{{white-space:pre-wrap;background:#f6f6f6;padding:.5em}}</style></head><body>
<h1>Referat evaluation</h1><p>{int(metrics['n'])} questions ({int(metrics['n_answerable'])} answerable).</p>
<h2>Summary</h2><table>{head}{''.join(rows)}</table>
<h2>hit@5 per question type (refusal rate for unanswerable)</h2>{_bars(result['by_type'])}
<h2>Latency</h2>{_histogram(latencies)}
<h2>Failed questions ({len(failed)})</h2>{fails or '<p>None.</p>'}
</body></html>"""


def _failed(q: dict[str, Any]) -> bool:
    s = q["scores"]
    if q["type"] == "unanswerable":
        return s["refused"] < 1
    return s.get("first_citation", 0) < 1 or s.get("keyword_recall", 0) < 1
