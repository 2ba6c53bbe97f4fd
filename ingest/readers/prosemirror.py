"""Rich text stored as a ProseMirror document, as web editors built on it (TipTap, Remirror, Atlassian's ADF)
save it and meeting systems with such an editor (Formpipe-style publication JSON) export it: ``{"type": "doc",
"content": [{"type": "paragraph", "attrs": {…}, "content": [{"type": "text", "text": "Projektet koster "},
{"type": "text", "marks": [{"type": "bold"}], "text": "620.000 kr."}, …]}, …]}``.

A marked run (bold, italic, a link) is a text node of its own that continues its neighbours' sentence: the runs of
a block are joined WITHOUT a separator ("koster " + "620.000 kr." + " og finansieres"). The document is rendered
as the HTML it stands for (paragraphs, headings, lists, tables, line breaks; bold as ``<strong>``, so that a
paragraph that is only a bold known heading is read as a heading, as in any HTML body), which the JSON readers
then split on its headings like any other HTML body. Node types no editor schema here knows keep their text.
"""

from __future__ import annotations

from html import escape
from typing import Any

MAX_DEPTH = 40
BLOCKS = {"paragraph": "p", "blockquote": "blockquote", "bulletList": "ul", "bullet_list": "ul",
          "orderedList": "ol", "ordered_list": "ol", "listItem": "li", "list_item": "li", "table": "table",
          "tableRow": "tr", "table_row": "tr", "tableCell": "td", "table_cell": "td", "tableHeader": "th",
          "table_header": "th", "codeBlock": "pre", "code_block": "pre", "taskList": "ul", "taskItem": "li"}
MARKS = {"bold": "strong", "strong": "strong", "italic": "em", "em": "em", "underline": "u", "code": "code"}
BREAKS = {"hardBreak", "hard_break"}
RULES = {"horizontalRule", "horizontal_rule", "rule"}


def is_doc(value: Any) -> bool:
    """A ProseMirror document: {"type": "doc", "content": [ {"type": …}, … ]}."""
    return (isinstance(value, dict) and value.get("type") == "doc" and isinstance(value.get("content"), list)
            and all(isinstance(n, dict) and isinstance(n.get("type"), str) for n in value["content"]))


def html(doc: dict[str, Any]) -> str:
    """The document as HTML (see the module docstring)."""
    return "".join(_node(n, 0) for n in doc.get("content", []) if isinstance(n, dict))


def _node(node: dict[str, Any], depth: int) -> str:
    kind = str(node.get("type", ""))
    if kind == "text":
        return _text(node)
    if kind in BREAKS:
        return "<br>"
    if kind in RULES:
        return "<hr>"
    inner = "".join(_node(n, depth + 1) for n in node.get("content", []) if isinstance(n, dict)) \
        if depth < MAX_DEPTH and isinstance(node.get("content"), list) else ""
    if kind == "heading":
        attrs = node.get("attrs")
        level = attrs.get("level") if isinstance(attrs, dict) else None
        heading = f"h{level}" if isinstance(level, int) and 1 <= level <= 6 else "h3"
        return f"<{heading}>{inner}</{heading}>"
    tag = BLOCKS.get(kind)
    return inner if tag is None else f"<{tag}>{inner}</{tag}>"  # an unknown node: its text


def _text(node: dict[str, Any]) -> str:
    """A text run with its marks: bold, italic, underline, code as their HTML elements; any other mark (a link,
    a colour) keeps the text as it is."""
    out = escape(str(node.get("text") or ""), quote=False)
    for mark in node.get("marks") or []:
        element = MARKS.get(str(mark.get("type"))) if isinstance(mark, dict) else None
        if element:
            out = f"<{element}>{out}</{element}>"
    return out
