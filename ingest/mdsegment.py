"""What a Markdown document's own structure says about its items, for the segmenter.

Cleaning a line (``vocab.clean_line``) strips the heading marks, so "## 3. Titel" and a numbered list entry "3. At
målet … hæves" inside an item would read alike. Where a Markdown document numbers its items in headings (ATX
"## 3. Titel" or setext "3. Titel" / "---", at least two of them), only those headings start items:
``plan`` masks every other numbered line for the heading search (a table of contents as a numbered list of links,
a numbered list inside an item). Where each item is closed by a thematic break ("---"), what follows the last
item's break (a converter's colophon) is no part of that item.

A blockquote inside such an item that quotes a decision ("> **Beslutning i … den 11. juni 2024:**" / "> Udsat, …")
while the item prints its own decision outside any quote is a quotation in the text it stands in (an earlier
meeting's decision): ``unquote`` makes it one quoted paragraph ("»…«"), so it starts no decision of this item. A
quote that holds the item's only decision stays as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core import vocab
from ingest import pagetext

_ATX = re.compile(r"^ {0,3}(?P<marks>#{1,6})[ \t]+\S")
_UNDERLINE = re.compile(r"^ {0,3}(?P<mark>=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
_QUOTE = re.compile(r"^ {0,3}>")
_QUOTE_MARKS = re.compile(r"^\s*(?:>\s?)+")


def paired_lines(text: str) -> list[tuple[str, str]]:
    """(page line, cleaned line) for each line the segmenter reads, table-of-contents entries dropped, blank lines
    kept as ''."""
    out: list[tuple[str, str]] = []
    for raw in pagetext.page_lines(text):
        line = vocab.clean_line(raw)
        if vocab.is_toc(raw, line):
            continue
        out.append((raw, line))
    return out


def _numbered(clean: str) -> bool:
    return bool(vocab.ITEM.match(clean) or vocab.BARE_ITEM.match(clean))


def _levels(raws: list[str]) -> dict[int, int]:
    """Line index -> heading level, for ATX and setext headings."""
    out: dict[int, int] = {}
    for i, raw in enumerate(raws):
        m = _ATX.match(raw)
        if m:
            out[i] = len(m.group("marks"))
            continue
        under = _UNDERLINE.match(raws[i + 1]) if i + 1 < len(raws) else None
        if under and raw.strip() and not _RULE.match(raw) and not _ATX.match(raw) and not _QUOTE.match(raw):
            out[i] = 1 if under.group("mark").startswith("=") else 2
    return out


def _item_heads(raws: list[str], clean: list[str]) -> list[int]:
    """The numbered headings, at whatever level (a sub-item "4.1" may be a level deeper than "4."), in order, when
    there are at least two; else []."""
    heads = sorted(i for i in _levels(raws) if _numbered(clean[i]))
    return heads if len(heads) >= 2 else []


@dataclass
class Plan:
    masked: list[str]  # the cleaned lines with every numbered line but the item headings blanked
    end: int  # the items end here (the last item's closing thematic break)


def plan(pairs: list[tuple[str, str]]) -> Plan | None:
    """The item headings of a Markdown document that numbers its items in headings (see the module), else None."""
    raws, clean = [r for r, _ in pairs], [c for _, c in pairs]
    heads = _item_heads(raws, clean)
    if not heads:
        return None
    keep = set(heads)
    if sum(1 for k, c in enumerate(clean) if k not in keep and vocab.ITEM.match(c)) >= 2:
        return None  # "Punkt 3: Titel" printed as lines of text: the headings are not what numbers the items
    masked = ["" if k not in keep and _numbered(c) else c for k, c in enumerate(clean)]
    underlines = {i + 1 for i, _ in _levels(raws).items()}
    rules = [i for i, r in enumerate(raws) if _RULE.match(r) and i not in underlines]
    end = len(clean)
    bounds = [*heads, len(clean)]
    if all(any(a < r < b for r in rules) for a, b in zip(bounds, bounds[1:], strict=False)):
        last = max(r for r in rules if r > heads[-1])  # a break after each item, the last one's too
        if not any(c and (vocab.decision_heading(c) or vocab.section_name(c)) for c in clean[last + 1:]):
            end = last
    return Plan(masked, end)


def unquote(text: str) -> str:
    """``text`` with each blockquote that quotes a decision inside an item that prints its own made one quoted
    paragraph (see the module)."""
    if ">" not in text:
        return text
    raws = text.split("\n")
    clean = [vocab.clean_line(x) for x in raws]
    heads = _item_heads(raws, clean)
    if not heads:
        return text
    out = raws[:heads[0]]
    for start, stop in zip(heads, [*heads[1:], len(raws)], strict=True):
        out += _unquoted(raws[start:stop])
    return "\n".join(out)


def _unquoted(lines: list[str]) -> list[str]:
    quoted = [bool(_QUOTE.match(x)) for x in lines]
    own = any(not q and x.strip() and vocab.decision_heading(vocab.clean_line(x)) for x, q in zip(lines, quoted,
                                                                                                  strict=True))
    if not own:
        return lines
    out: list[str] = []
    k = 0
    while k < len(lines):
        if not quoted[k]:
            out.append(lines[k])
            k += 1
            continue
        j = k
        while j < len(lines) and quoted[j]:
            j += 1
        parts = [vocab.clean_line(_QUOTE_MARKS.sub("", x)) for x in lines[k:j]]
        if any(p and vocab.decision_heading(p) for p in parts):
            out.append("»" + " ".join(p for p in parts if p) + "«")
        else:
            out += lines[k:j]
        k = j
    return out
