"""Text laid out on printed pages (a PDF text layer) back into lines the segmenter reads.

A form feed marks a page break (``read._pdf`` joins pages with one; a PDF-to-text transcript has them too).
Where they occur: running headers and footers are dropped, words hyphenated at a line end are joined, and
prose wrapped at the page width is joined back into one line per paragraph, so a sentence is one line
again. Text without form feeds only has its hyphenation joined.
"""

from __future__ import annotations

import re
from collections import defaultdict

from core import vocab

_HYPHENATED = re.compile(r"(\w+)-$")
_LIST = re.compile(r"^(?:[-•*–]\s|\(?\d{1,2}[.)]\s|[a-zæøå][.)]\s|At\s+\d+\)|Ad\s+\d|Bilag\s+\d)", re.I)
_LABEL = re.compile(r"^[\wæøåÆØÅ][\wæøåÆØÅ .-]{0,30}:(?:\s|$)")
_SENTENCE_END = (".", ":", "!", "?", ";")


def page_lines(text: str) -> list[str]:
    """The lines of ``text``, page furniture removed and hyphenated/wrapped lines joined (see the module)."""
    if "\f" not in text:
        return dehyphenate(text.splitlines())
    return reflow(dehyphenate(without_pages(text).splitlines()))


def _structural(line: str) -> bool:
    return bool(vocab.ITEM.match(line) or vocab.decision_heading(line) or vocab.section_name(line)
                or vocab.CASE_ALONE.match(line))


def without_pages(text: str) -> str:
    """The pages joined, minus lines that recur at the top or bottom of at least half the pages (identical,
    or differing only in a page number that rises with the page)."""
    pages = text.split("\f")
    seen: dict[str, list[tuple[int | None, str]]] = defaultdict(list)
    for i, page in enumerate(pages):
        lines = [x.strip() for x in page.splitlines() if x.strip()]
        for line in set(lines[:2] + lines[-2:]):
            if _structural(line):
                continue
            m = re.search(r"\d+(?=\D*$)", line)
            key = f"{line[:m.start()]}#{line[m.end():]}" if m else line
            seen[key].append((int(m.group()) - i if m else None, line))
    running: set[str] = set()
    for found in seen.values():
        if len(pages) >= 3 and len(found) >= max(3, len(pages) // 2):
            offsets = {offset for offset, _ in found}
            if len({raw for _, raw in found}) == 1 or (None not in offsets and len(offsets) == 1):
                running |= {raw for _, raw in found}
    kept = ["\n".join(x for x in page.split("\n") if x.strip() not in running) for page in pages]
    return "\n".join(page.strip("\n") for page in kept if page.strip())


def dehyphenate(lines: list[str]) -> list[str]:
    """Join a line ending in a hyphenated word with the lower-case line that continues it: "Ravn-" +
    "bakkeskole" -> "Ravnbakkeskole". The hyphen stays where it is part of the word: after one letter
    ("p-huse"), a digit ("2030-fremskrivning") or a name with inner capitals ("UngiAarhus-tilbud")."""
    out: list[str] = []
    for line in lines:
        prev = out[-1].rstrip() if out else ""
        m = _HYPHENATED.search(prev)
        if m and line[:1].isalpha() and line[:1].islower() and not vocab.is_toc(prev, prev):
            word = m.group(1)
            keep = len(word) < 2 or not word.isalpha() or not word[-1].islower() or any(c.isupper() for c in word[1:])
            out[-1] = (prev if keep else prev[:-1]) + line
            continue
        out.append(line)
    return out


def reflow(lines: list[str]) -> list[str]:
    """Join prose wrapped at the page width: a line continues the one before when it starts in lower case, or
    when the one before fills the width and does not end a sentence. Headings, labels ("Dato: ..."), list
    entries and table-of-contents lines are never joined."""
    widths = sorted(len(x.strip()) for x in lines if x.strip())
    if not widths:
        return lines
    full = 0.8 * widths[int(0.9 * (len(widths) - 1))]
    out: list[str] = []
    for raw in lines:
        line = raw.strip()
        prev = out[-1] if out else ""
        if (prev and line and not _structural(prev) and not _structural(line) and not _LIST.match(line)
                and not _LABEL.match(line) and not vocab.is_toc(prev, prev) and not vocab.is_toc(line, line)
                and (line[0].islower() or (len(prev) >= full and not prev.endswith(_SENTENCE_END)))):
            out[-1] = f"{prev} {line}"
            continue
        out.append(line)
    return out
