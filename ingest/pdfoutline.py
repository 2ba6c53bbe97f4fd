"""Item numbers a PDF prints only in its outline (bookmarks), written onto the headings they number.

Some agenda systems print an item's heading as its bare title ("Godkendelse af dagsorden") and put the number only
in the PDF's outline ("1. Godkendelse af dagsorden", pointing at the heading's page). Read as text, such a PDF has
no numbered headings, and the numbered lines it does have ("1. at budgetopfølgningen …", "1.340 borgere …") are
recommendations and figures. The rule: when outline entries are numbered ("12. Titel", "Punkt 12 Titel") and the
rest of the entry's title is printed as a line of its own on the page the entry points at, that line is the item's
heading and gets the outline's number ("Punkt 12. Titel"), so the segmenter reads it as a printed heading.

Only a line that is exactly the title is numbered: a heading that prints a number of its own ("3. Titel") keeps
it, even where the outline numbers it otherwise (the printed page is what readers of the minutes see and cite), and
a table-of-contents line ("Titel 2", with its page) is no heading. At least two entries must match (or the only
numbered one), so a lone bookmark does not turn a sentence into an item.
"""

from __future__ import annotations

import logging
import re
from typing import Any

log = logging.getLogger(__name__)

# "12. Titel", "12 Titel", "Punkt 12: Titel", "Pkt. 3.1 Titel": an outline entry's number and title
_NUMBERED = re.compile(r"^(?:(?:Punkt|Pkt\.?|Dagsordens?punkt)\s*)?(?P<num>\d{1,4}(?:\.\d{1,3})*)(?:[.:)]|\s*[-–—])?"
                       r"\s+(?P<title>\S.{1,249})$", re.I)
MAX_ENTRIES = 2000

Entry = tuple[str, str, int | None]  # (number, title, page index the entry points at, if known)


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def outline_entries(reader: Any) -> list[Entry]:
    """The numbered entries of a PDF's outline, depth first in outline order (nested entries too)."""
    out: list[Entry] = []

    def walk(nodes: list[Any], depth: int) -> None:
        for node in nodes:
            if len(out) >= MAX_ENTRIES or depth > 10:
                return
            if isinstance(node, list):
                walk(node, depth + 1)
                continue
            m = _NUMBERED.match(" ".join(str(getattr(node, "title", "") or "").split()))
            if not m:
                continue
            try:
                page: int | None = reader.get_destination_page_number(node)
            except Exception:  # a named or broken destination: the title is looked for on every page
                page = None
            out.append((m.group("num"), m.group("title"), page if page is not None and page >= 0 else None))

    walk(list(reader.outline or []), 0)
    return out


def _is_title(lines: list[str], k: int, want: str) -> bool:
    """Line ``k`` is the title, alone or with the next line (a long heading wrapped at the page width)."""
    line = _norm(lines[k])
    if line == want:
        return True
    return bool(line) and want.startswith(line + " ") and k + 1 < len(lines) and f"{line} {_norm(lines[k + 1])}" == want


def _find(pages: list[list[str]], title: str, page: int | None, after: tuple[int, int]) -> tuple[int, int] | None:
    """(page, line) of the first line that is exactly ``title`` (or its first part, the rest on the next line): on
    the entry's page (from ``after`` on, if that is the same page), else, when the entry names no page, on any page
    from ``after`` on."""
    want = _norm(title)
    where = [page] if page is not None and page < len(pages) else range(after[0], len(pages))
    for p in where:
        start = after[1] if p == after[0] else 0
        for k in range(start, len(pages[p])):
            if _is_title(pages[p], k, want):
                return p, k
    if page is not None and page == after[0]:  # the outline out of order: the page from its top
        return next(((page, k) for k in range(len(pages[page])) if _is_title(pages[page], k, want)), None)
    return None


def number_lines(entries: list[Entry], texts: list[str]) -> list[str]:
    """The pages' text with each heading the outline numbers written "Punkt N. Titel" (see the module)."""
    pages = [text.split("\n") for text in texts]
    found: list[tuple[int, int, str]] = []
    after = (0, 0)
    for num, title, page in entries:
        hit = _find(pages, title, page, after)
        if hit is None:
            continue
        found.append((*hit, num))
        after = (hit[0], hit[1] + 1)
    if len(found) < 2 and not (len(found) == len(entries) == 1):
        return texts
    for p, k, num in found:
        pages[p][k] = f"Punkt {num}. {pages[p][k].strip()}"
    return ["\n".join(lines) for lines in pages]


def numbered_headings(reader: Any, texts: list[str]) -> list[str]:
    """``texts`` (one per page of ``reader``'s PDF) with the outline's item numbers on the headings they number;
    unchanged when the outline numbers none of them or cannot be read."""
    try:
        entries = outline_entries(reader)
    except Exception as exc:  # a damaged outline never costs the text
        log.debug("unreadable PDF outline: %s", exc)
        return texts
    return number_lines(entries, texts) if entries else texts
