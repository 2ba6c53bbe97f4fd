"""The item page: an agenda item's full text at a stable URL, the quoted passage highlighted."""

from __future__ import annotations

import html
from typing import Any

from assistant.verify import normalise
from store.rows import StoredItem


def _highlight(text: str, quote: str | None) -> str:
    escaped = html.escape(text)
    quote = quote.split(" … ")[0] if quote else quote  # a joined quote: mark its first passage
    if not quote:
        return escaped
    start = text.find(quote)
    if start < 0:
        flat = normalise(quote)[:80]
        start = text.lower().find(flat) if flat else -1
        quote = text[start:start + len(flat)] if start >= 0 else None
    if start < 0 or not quote:
        return escaped
    end = start + len(quote)
    return (html.escape(text[:start]) + '<mark id="quote">' + html.escape(text[start:end]) + "</mark>"
            + html.escape(text[end:]))


def item_page(stored: StoredItem, quote: str | None) -> str:
    item = stored.item
    title = html.escape(f"{stored.municipality} · {stored.committee} · {stored.date} · "
                        f"{item.label}: {item.title}")
    case = f"<p>Sagsnr. {html.escape(item.case_number)}</p>" if item.case_number else ""
    return f"""<!doctype html>
<html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><link rel="stylesheet" href="/static/style.css"></head>
<body><main class="item"><p><a href="/">← Referat</a></p><h1>{title}</h1>{case}
<pre class="item-text">{_highlight(item.text, quote)}</pre></main></body></html>"""


def meeting_page(meeting: Any, item_links: list[tuple[str, str]], quote: str | None) -> str:
    """The meeting's own facts (date, venue, attendance, document kind) and its agenda, a quoted fact marked."""
    title = html.escape(f"{meeting.municipality} · {meeting.committee} · {meeting.date.isoformat()}")
    agenda = "".join(f'<li><a href="/items/{html.escape(iid)}">{html.escape(label)}</a></li>'
                     for iid, label in item_links)
    return f"""<!doctype html>
<html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><link rel="stylesheet" href="/static/style.css"></head>
<body><main class="item"><p><a href="/">← Referat</a></p><h1>{title}</h1>
<pre class="item-text">{_highlight(meeting.facts_text(), quote)}</pre>
<h2>Dagsorden</h2><ol>{agenda}</ol></main></body></html>"""
