"""Text laid out on printed pages (a PDF text layer) back into lines the segmenter reads.

A form feed marks a page break (``read._pdf`` joins pages with one; a PDF-to-text transcript has them too).
Where they occur: running headers and footers are dropped, words hyphenated at a line end are joined, and
prose wrapped at the page width is joined back into one line per paragraph, so a sentence is one line
again. Text without form feeds only has its hyphenation joined. In both, "Side n af m" page numbers and the line
printed beside them on every page are dropped (``without_footers``), and ``without_closing`` takes the lines that
close the meeting ("Mødet hævet kl. ...") off the last item.
"""

from __future__ import annotations

import re
from collections import defaultdict

from core import vocab
from ingest import columns, header

_HYPHENATED = re.compile(r"(\w+)-$")
_LIST = re.compile(r"^(?:[-•*–]\s|\(?\d{1,2}[.)]\s|[a-zæøå][.)]\s|At\s+\d+\)|Ad\s+\d|Bilag\s+\d)", re.I)
_LABEL = re.compile(r"^[\wæøåÆØÅ][\wæøåÆØÅ .-]{0,30}:(?:\s|$)")
_SENTENCE_END = (".", ":", "!", "?", ";")
# a decision heading with its text run in after the colon ("Beslutning: Godkendt. Bente Kragh (V) havde")
_RUN_IN = re.compile(r"^[^:]{3,80}:\s+\S")
# an abbreviation that a number follows ("mellem kl." / "23 og kl. 7"): the line breaks inside the sentence
_BEFORE_NUMBER = re.compile(r"(?:^|\s)(?:kl|nr|ca|pkt|jf|stk)\.$", re.I)


_PAGE_OF = re.compile(r"(?<=\b(?:Side|Page)\s)\d{1,4}(?=\s*(?:af|ud af|of|/)\s*\d{1,4}\s*$)", re.I)
_PAGE_NO = re.compile(r"^(?:Side|Page)\s+\d{1,4}\s*(?:af|ud af|of|/)\s*\d{1,4}$", re.I)
# the meeting's end, the minutes' approval, an e-mail's sign-off
_CLOSING = re.compile(r"^(?:Mødet\s+(?:blev\s+)?(?:hævet|afsluttet|sluttede|slut)\b|"
                      r"Referatet\s+(?:er\s+|blev\s+)?(?:godkendt|underskrevet)\b|"
                      r"Underskrift(?:sblad|er|sside)\b|(?:Med\s+)?venlig(?:st)?\s+hilsen\b|Mvh\.?$|"
                      r"(?:Kind|Best)\s+regards\b)", re.I)


# a page footer's contact line or links after the last item ("Køge Kommune · Torvet 1 · Tlf. 56 67 67 67")
_FURNITURE = re.compile(r"\b(?:Tlf|Telefon|CVR(?:-nr)?|EAN)\.?\s*:?\s*\d{2}|Tilgængelighedserklæring|"
                        r"Privatlivspolitik|Cookiepolitik|Cookieindstillinger", re.I)


def page_lines(text: str) -> list[str]:
    """The lines of ``text``, page furniture removed and hyphenated/wrapped lines joined (see the module); a head
    printed in two columns is read column by column first (``columns``)."""
    text = columns.unfold(text)
    if "\f" not in text:
        return dehyphenate(without_footers(text.splitlines()))
    return titles_joined(reflow(dehyphenate(without_footers(without_pages(text).splitlines()))))


_MARK_ONLY = re.compile(r"^\(?(?:åbent?|offentligt?|lukket|lukkede|fortroligt?)(?:\s+(?:sag|punkt))?\)?$", re.I)


def _titled(line: str) -> bool:
    """An item heading with a title of two words or more ("Punkt 1 Åben sag" holds only its access mark)."""
    m = vocab.ITEM.match(line) or vocab.BARE_ITEM.match(line)
    title = re.sub(r"\([^)]*\)", "", m.group("title") or "").strip() if m else ""
    return len(title.split()) >= 2 and not _MARK_ONLY.match(title)


def titles_joined(lines: list[str]) -> list[str]:
    """An item heading whose title wrapped onto a second line, the case number right after it, read as one line:
    "4. Nye plejeboliger ved Plejecenter" / "Marstal" / "Sag nr. 23/3310". The second line is short, no
    heading, label, list entry or sentence of its own."""
    out: list[str] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        out.append(line)
        k += 1
        if not (_titled(line.strip()) and not line.rstrip().endswith(_SENTENCE_END) and k + 1 < len(lines)):
            continue
        more, after = lines[k].strip(), lines[k + 1].strip()
        if (more and len(more) <= 80 and not more.endswith((*_SENTENCE_END, ","))
                and not _structural(more) and not _LABEL.match(more) and not _LIST.match(more)
                and not vocab.case_number(more) and not vocab.is_toc(more, more) and vocab.CASE_ALONE.match(after)):
            out[-1] = f"{line.rstrip()} {more}"
            k += 1
    return out


def _structural(line: str) -> bool:
    return bool(vocab.ITEM.match(line) or vocab.PARAGRAPH_ITEM.match(line) or vocab.decision_heading(line)
                or vocab.section_name(line) or vocab.CASE_ALONE.match(line))


def _content(line: str) -> bool:
    """A line that is the item's own even where it recurs on every page: a heading, a case number, or attendance
    ("Fraværende: Torben Skov (Ø)" closing each item of a First Agenda print, "Kristian Brandt (V) og Lisbeth
    Aagaard (F) var fraværende." closing each decision)."""
    return _structural(line) or bool(vocab.ABSENT_LABEL.match(line) or vocab.ABSENT_SENTENCE.match(line))


def without_pages(text: str) -> str:
    """The pages joined, minus lines that recur at the top or bottom of at least half the pages (identical,
    or differing only in a page number that rises with the page)."""
    pages = text.split("\f")
    seen: dict[str, list[tuple[int | None, str]]] = defaultdict(list)
    counters: set[str] = set()  # keys of lines that carry a "Side n af m" page counter
    for i, page in enumerate(pages):
        lines = [x.strip() for x in page.splitlines() if x.strip()]
        for line in set(lines[:2] + lines[-2:]):
            if _content(line):
                continue
            # "Referat fra …, 29.10.2024 Side 3 af 7": the page's number (a bare "Side 3 af 7" is without_footers')
            m = (None if _PAGE_NO.match(line) else _PAGE_OF.search(line)) or re.search(r"\d+(?=\D*$)", line)
            key = f"{line[:m.start()]}#{line[m.end():]}" if m else line
            seen[key].append((int(m.group()) - i if m else None, line))
            if m and not _PAGE_NO.match(line) and _PAGE_OF.search(line):
                counters.add(key)
    running: set[str] = set()
    for key, found in seen.items():
        offsets = {offset for offset, _ in found}
        if len(pages) >= 3 and len(found) >= max(3, len(pages) // 2):
            if len({raw for _, raw in found}) == 1 or (None not in offsets and len(offsets) == 1):
                running |= {raw for _, raw in found}
        elif key in counters and len(found) >= max(2, (len(pages) + 1) // 2) and None not in offsets \
                and len(offsets) == 1:  # two pages (too few to count): "… Side 1 af 2" / "… Side 2 af 2"
            running |= {raw for _, raw in found}
    running |= _two_page_header(pages)
    numbers = _page_numbers(pages)
    running |= numbers | _beside_numbers(pages, numbers)
    deep = _deep_running(pages)
    kept = []
    for i, page in enumerate(pages):
        lines = _trimmed(page.split("\n"), deep | running, head=i > 0)
        kept.append("\n".join(x for x in lines if x.strip() not in running))
    return "\n".join(page.strip("\n") for page in kept if page.strip())


_DEPTH = 6  # a page's furniture block: at most this many lines at its top or bottom
# "side 2", "Page 3": a page number without the page total
_BARE_PAGE = re.compile(r"^(?:Side|Page|s\.)\s*(?P<n>\d{1,4})$", re.I)


def _edge(lines: list[str]) -> list[str]:
    return lines[:_DEPTH] + lines[-_DEPTH:]


def _page_numbers(pages: list[str]) -> set[str]:
    """Bare page numbers ("side 2") at the top or bottom of the pages, rising with the page (at least two)."""
    found: dict[int, set[str]] = defaultdict(set)
    for i, page in enumerate(pages):
        for line in _edge([x.strip() for x in page.splitlines() if x.strip()]):
            m = _BARE_PAGE.match(line)
            if m:
                found[int(m.group("n")) - i].add(line)
    best = max(found.values(), key=len, default=set())
    return best if len(best) >= 2 else set()


def _beside_numbers(pages: list[str], numbers: set[str]) -> set[str]:
    """The line printed right beside a bare page number on at least two pages ("Ærø Kommune · Statene 2 ·
    5970 Ærøskøbing" above "side 1"): not a sentence, not the item's own."""
    if not numbers:
        return set()
    near: dict[str, int] = defaultdict(int)
    for page in pages:
        lines = [x.strip() for x in page.splitlines() if x.strip()]
        beside = {lines[j] for k, x in enumerate(lines) if x in numbers for j in (k - 1, k + 1) if 0 <= j < len(lines)}
        for line in beside - numbers:
            near[line] += 1
    return {x for x, n in near.items() if n >= 2 and not _content(x) and not x.endswith(_SENTENCE_END)}


def _deep_running(pages: list[str]) -> set[str]:
    """Lines within the top or bottom ``_DEPTH`` lines of at least half the pages (three or more), identical: a
    furniture block deeper than two lines ("MIDDELFART KOMMUNE" / "Økonomi og Ejendomme · …" / "Økonomiudvalget" /
    "Referat 07-10-2024"). They are dropped only inside a page's leading or trailing furniture (``_trimmed``): the
    committee's name printed in the running header is also the cover's own line."""
    if len(pages) < 3:
        return set()
    count: dict[str, int] = defaultdict(int)
    for page in pages:
        for line in set(_edge([x.strip() for x in page.splitlines() if x.strip()])):
            count[line] += 1
    return {x for x, n in count.items()
            if n >= max(3, len(pages) // 2) and not _content(x) and not x.endswith(_SENTENCE_END)}


def _trimmed(lines: list[str], furniture: set[str], head: bool) -> list[str]:
    """``lines`` without the furniture at their top and bottom ("Side n af m" lines are passed over and kept for
    ``without_footers``). On a page after the first (``head``), the short lines printed above the furniture at its
    top are its header ("ÆRØ KOMMUNE · Social- og Sundhedsudvalget" above "side 2"): the furniture is printed
    first."""
    filled = [k for k, x in enumerate(lines) if x.strip()]
    drop: set[int] = set()
    pending: list[int] = []
    for n, k in enumerate(filled[:_DEPTH]):
        line = lines[k].strip()
        if line in furniture:
            drop |= {k, *(pending if k != filled[-1] else [])}  # the page goes on below its furniture
            pending = []
        elif _PAGE_NO.match(line):
            if k != filled[-1]:  # a short page's closing "Side n af m" is its footer: the lines above are body
                drop |= set(pending)
            pending = []
        elif head and n < 3 and not (_content(line) or line.endswith(_SENTENCE_END) or line[:1].islower()
                                     or len(line) > 80):
            pending.append(k)
        else:
            break
    for k in reversed(filled[-_DEPTH:]):
        line = lines[k].strip()
        if k in drop or not (line in furniture or _PAGE_NO.match(line)):
            break
        if line in furniture:
            drop.add(k)
    return [x for k, x in enumerate(lines) if k not in drop]


def _two_page_header(pages: list[str]) -> set[str]:
    """Two pages (too few to count recurrences): the same line printed first on both, not a heading and not a
    sentence, is their running header ("Lemvig Kommune · Erhvervsudvalget · Referat 20.08.2024"), wherever the
    page break falls (inside a decision too)."""
    tops = [next((x.strip() for x in page.splitlines() if x.strip()), "") for page in pages if page.strip()]
    if len(tops) != 2 or tops[0] != tops[1] or len(tops[0]) < 10:
        return set()
    line = tops[0]
    return set() if _content(line) or line.endswith(_SENTENCE_END) else {line}


def running_headers(text: str) -> list[str]:
    """The running header lines ``without_pages`` drops, in page order (each once): they may name the committee."""
    if "\f" not in text:
        return []
    pages = [x.strip() for x in text.split("\f")]
    kept = set(without_pages(text).splitlines())
    out: list[str] = []
    for page in pages:
        for line in [x.strip() for x in page.splitlines() if x.strip()][:2]:
            if line not in kept and line not in out:
                out.append(line)
    return out


def without_footers(lines: list[str]) -> list[str]:
    """Without "Side n af m" lines and the line printed beside them on every page ("Klima- og Miljøudvalget
    09.04.2024": not a sentence, found only next to page numbers, at least twice). Where such a footer cut a
    paragraph (the text before it runs on in lower case after it), the blank lines around it go too."""
    marks = [i for i, x in enumerate(lines) if _PAGE_NO.match(x.strip())]
    if not marks:
        return lines
    near: dict[str, set[int]] = defaultdict(set)
    for i in marks:
        for j in (_step(lines, i, -1), _step(lines, i, 1)):
            if j is not None:
                near[lines[j].strip()].add(j)
    drop = set(marks)
    for text, found in near.items():
        everywhere = sum(x.strip() == text for x in lines)
        if len(found) >= 2 and everywhere == len(found) and not text.endswith(_SENTENCE_END) and not _content(text):
            drop |= found
    out: list[str] = []
    cut = False
    for i, line in enumerate(lines):
        if i in drop:
            cut = True
            continue
        if line.strip() and cut:
            while out and not out[-1].strip() and _runs_on(out, line):
                out.pop()  # the paragraph goes on after the footer
            cut = False
        out.append(line)
    return out


def _step(lines: list[str], i: int, way: int) -> int | None:
    j = i + way
    while 0 <= j < len(lines) and not lines[j].strip():
        j += way
    return j if 0 <= j < len(lines) else None


def _runs_on(out: list[str], line: str) -> bool:
    prev = next((x.strip() for x in reversed(out) if x.strip()), "")
    return bool(prev and line.strip()[:1].islower() and not prev.endswith(_SENTENCE_END) and not _structural(prev))


def without_closing(body: list[str]) -> list[str]:
    """The last item without the lines that close the meeting ("Mødet hævet kl. 15.20", "Referatet godkendt den
    10. april 2024") and what follows them, when no heading follows and they are not a decision's own text."""
    content = False
    for k, line in enumerate(body):
        if not line:
            continue
        if _structural(line):
            content = bool(_RUN_IN.match(line) and vocab.decision_heading(line))  # "Beslutning: Godkendt."
            continue
        if (content and _CLOSING.match(line) or _FURNITURE.search(line)) \
                and not any(x and _structural(x) for x in body[k + 1:]):
            return body[:k]
        content = True
    return body


def dehyphenate(lines: list[str]) -> list[str]:
    """Join a line ending in a hyphenated word with the lower-case line that continues it: "Ravn-" +
    "bakkeskole" -> "Ravnbakkeskole". The hyphen stays where it is part of the word: after one letter
    ("p-huse"), a digit ("2030-fremskrivning") or a name with inner capitals ("UngiAarhus-tilbud")."""
    out: list[str] = []
    for line in lines:
        prev = out[-1].rstrip() if out else ""
        m = _HYPHENATED.search(prev)
        nxt = line.lstrip()  # a layout transcript indents the text under its headings
        if m and nxt[:1].isalpha() and nxt[:1].islower() and not vocab.is_toc(prev, prev):
            word = m.group(1)
            keep = len(word) < 2 or not word.isalpha() or not word[-1].islower() or any(c.isupper() for c in word[1:])
            out[-1] = (prev if keep else prev[:-1]) + nxt
            continue
        out.append(line)
    return out


def _bare_label(line: str) -> bool:
    """A meeting-fact label alone on its line ("Fraværende", "Mødested"), its value on the next: never joined."""
    m = header.LABEL.match(line)
    return bool(m and not m.group("value").strip())


def reflow(lines: list[str]) -> list[str]:
    """Join prose wrapped at the page width: a line continues the one before when it starts in lower case, or
    when the one before fills the width and does not end a sentence. Headings, labels ("Dato: ..."), list
    entries and table-of-contents lines are never joined."""
    widths = sorted(len(x.strip()) for x in lines if x.strip())
    if not widths:
        return lines
    full = 0.8 * widths[int(0.9 * (len(widths) - 1))]
    out: list[str] = []
    last = ""  # the last physical line: a joined paragraph is longer than any line it was printed as
    for k, raw in enumerate(lines):
        line = raw.strip()
        prev = out[-1] if out else ""
        if (prev and line and (not _structural(prev) or _RUN_IN.match(prev) and bool(vocab.decision_heading(prev)))
                and not _structural(line) and not _LIST.match(line)
                and not _LABEL.match(line) and not vocab.is_toc(prev, prev) and not vocab.is_toc(line, line)
                and not _bare_label(line) and not _bare_label(prev)
                and (line[0].islower() or (len(last) >= full and not prev.endswith(_SENTENCE_END)
                                           and _wrapped_on(line, lines[k + 1:], full))
                     or (line[0].isdigit() and bool(_BEFORE_NUMBER.search(prev))))):
            joined = f"{prev} {line}"
            if not _structural(prev) or vocab.decision_heading(joined):  # a decision heading stays one
                out[-1] = joined
                last = line
                continue
        out.append(line)
        last = line
    return out


def _wrapped_on(line: str, rest: list[str], full: float) -> bool:
    """A capitalised line after a full-width one continues its paragraph when it ends a sentence, fills the width
    itself or runs on into a lower-case line; a short line without an end ("Referat nr. 9/2024" under a masthead
    line as wide as a narrow column) stands alone."""
    if line.endswith((*_SENTENCE_END, ",")) or len(line) >= full:
        return True
    nxt = next((x.strip() for x in rest if x.strip()), "")
    return nxt[:1].islower()
