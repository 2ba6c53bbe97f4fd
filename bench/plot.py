"""A small SVG plot of how query latency grows with store size (from bench/results/latest.json)."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any

SERIES = [("total_p95", "#c53030"), ("total_p50", "#2b6cb0"), ("embed_p50", "#38a169"), ("dense_p50", "#805ad5"),
          ("bm25_p50", "#dd6b20"), ("fusion_p50", "#718096")]


def render(result: dict[str, Any]) -> str:
    points = sorted((int(k.split()[0]), v) for k, v in result["query"].items() if "1 municipality" in k)
    if not points:
        return "<svg xmlns='http://www.w3.org/2000/svg'/>"
    w, h, pad = 560, 300, 50
    xs = [math.log10(n) for n, _ in points]
    top = max(v.get("total_p95", 0) for _, v in points) * 1.15 or 1
    x0, x1 = min(xs), max(xs) if max(xs) > min(xs) else min(xs) + 1

    def px(x: float) -> float:
        return pad + (x - x0) / (x1 - x0) * (w - 2 * pad)

    def py(y: float) -> float:
        return h - pad - y / top * (h - 2 * pad)

    out = [f"<svg xmlns='http://www.w3.org/2000/svg' width='{w + 160}' height='{h}' font-family='sans-serif' "
           f"font-size='11'><text x='{pad}' y='18' font-size='13'>query latency (ms) vs chunks, one municipality"
           "</text>"]
    out.append(f"<line x1='{pad}' y1='{h - pad}' x2='{w - pad}' y2='{h - pad}' stroke='#999'/>"
               f"<line x1='{pad}' y1='{pad}' x2='{pad}' y2='{h - pad}' stroke='#999'/>")
    for n, _ in points:
        out.append(f"<text x='{px(math.log10(n)) - 15:.0f}' y='{h - pad + 16}'>{n:,}</text>")
    for k in range(5):
        y = top * k / 4
        out.append(f"<text x='8' y='{py(y) + 4:.0f}'>{y:.0f}</text>")
    for i, (key, colour) in enumerate(SERIES):
        path = " ".join(f"{'M' if j == 0 else 'L'}{px(x):.1f},{py(v.get(key, 0)):.1f}"
                        for j, (x, (_, v)) in enumerate(zip(xs, points, strict=True)))
        out.append(f"<path d='{path}' fill='none' stroke='{colour}' stroke-width='2'/>")
        out.append(f"<text x='{w - pad + 10}' y='{pad + 16 * i}' fill='{colour}'>{key}</text>")
    return "".join(out) + "</svg>"


if __name__ == "__main__":
    src = Path(sys.argv[1] if len(sys.argv) > 1 else "bench/results/latest.json")
    out = src.with_suffix(".svg")
    out.write_text(render(json.loads(src.read_text())))
    print(out)
