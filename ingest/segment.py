"""Split the text of a meeting into its header and agenda-item blocks.

Where a Markdown document numbers its items in headings, those headings alone (``ingest.mdsegment``). Else three
strategies, tried in order, each validated before it is trusted:
1. printed item headings ("Punkt 5: Titel", "Pkt. 5", "Dagsordenspunkt 10.1 ..."), else paragraph-sign ones
   ("§ 112. Titel");
2. bare numbered headings ("5. Titel") forming a rising sequence;
3. no numbers at all: items found from the structure, a new item starting when a lead
   section (Beslutningstema, Resumé, Indstilling) or a repeated section follows a decision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core import vocab
from ingest import attachlist, blockedges, cellheads, mdsegment, pagetext
from ingest.blockedges import NO_CASE


@dataclass
class Block:
    number: str | None
    title: str
    lines: list[str] = field(default_factory=list)
    closed: bool = False  # the heading marks the item closed ("Punkt 5 Lukket sag"), whatever its title says


@dataclass
class Segmented:
    header: list[str]
    blocks: list[Block]
    numbered: bool


def clean_lines(text: str) -> list[str]:
    """Cleaned lines, table-of-contents entries dropped, blank lines kept as ''. Page breaks (form feeds) are
    removed with the running headers and footers they repeat, and words hyphenated across lines are joined."""
    return [line for _, line in mdsegment.paired_lines(text)]


Head = tuple[int, str, str]
Cand = tuple[int, str, str, tuple[int, ...], bool]
Patterns = tuple[re.Pattern[str], ...]
_OPEN_MARK = re.compile(r"^\((?:åben|åbent|åbent punkt|offentlig|offentligt|public|open)\)\s*", re.I)
# a heading that holds only the item's access mark ("Punkt 2 Åben sag", "Punkt 6 (Lukket)", the title on the next
# line): no title
_ACCESS_ONLY = re.compile(r"^(?=\(.*\)$|.*\s(?:sag|punkt)\)?$)\(?(?:åbent?|offentligt?|"
                          r"(?P<closed>lukket|lukkede|fortroligt?))(?:\s+(?:sag|punkt))?\)?$", re.I)
# "9a. Titel": an item added after item 9 (a tillægsdagsorden); an item only inside a rising run of bare headings
# "Ad 1) Godkendelse af dagsorden": items an e-mailed referat numbers "regarding 1)", read only as a rising run where
# no other headings are found ("Ad 1. Godkendt" inside a decision answers a recommendation's part)
_AD_ITEM = re.compile(r"^Ad\s+(?:punkt\s+|pkt\.?\s*)?(?P<num>\d{1,3}(?:\.\d{1,2})*)\s*[).:]\s+"
                      r"(?P<title>[A-ZÆØÅ][^\n]{2,160})$", re.I)
_LETTERED_ITEM = re.compile(r"^(?P<num>\d{1,3}[a-h])[.)]\s+(?P<title>[A-ZÆØÅ][^\n]{2,160})$")


def _candidates(lines: list[str], patterns: Patterns) -> list[Cand]:
    """(line, number, title, number key, weak). A title that starts with a lowercase letter, "§" or "<" is weak:
    it is an item only where the numbering says so (see ``_run``); "Punkt 3 i sagen blev drøftet." is prose."""
    out = []
    listed = attachlist.listed_attachments(lines)  # "Bilag:" / "1. Kortbilag": attachments, not items
    for i, line in enumerate(lines):
        m = next((found for p in patterns if (found := p.match(line))), None) if i not in listed else None
        if not m:
            continue
        title = _OPEN_MARK.sub("", m.group("title").strip())  # "Punkt 4 (Åben) Titel": the access mark is no title
        if len(title) > 250:
            continue
        weak = bool(title) and not (title[0].isupper() or title[0].isdigit() or title[0] in "\"'«»“(")
        if weak and (title[0] not in "§<" and not title[0].islower() or title.endswith((".", ",", ":", ";"))):
            continue
        out.append((i, m.group("num"), title, vocab.number_key(m.group("num")), weak))
    return out


def _run(cands: list[Cand], start: int, strict_sequence: bool) -> list[Head]:
    heads: list[Head] = []
    last: tuple[int, ...] | None = None
    for k, (i, num, title, key, weak) in enumerate(cands[start:], start):
        if last is not None and key <= last:
            continue
        if strict_sequence and last is not None and not _next_in_sequence(last, key):
            continue
        if weak and not _expected(last, key, cands[k + 1:]):
            continue
        heads.append((i, num, title))
        last = key
    return heads


def _expected(last: tuple[int, ...] | None, key: tuple[int, ...], rest: list[Cand]) -> bool:
    """A weak heading counts when its number is the next one due and no strong heading with that number follows
    before the numbering moves on."""
    if not (key == (1,) if last is None else _next_in_sequence(last, key)):
        return False
    for _, _, _, later, weak in rest:
        if later == key and not weak:
            return False
        if later > key:
            break
    return True


def _numbered(lines: list[str], patterns: Patterns, strict_sequence: bool) -> list[Head]:
    """Item headings whose numbers rise (a bare pattern must also step by one). Where the numbering starts
    again (a table of contents printed with the same headings, then the items), the run whose blocks carry
    the most decisions and sections wins."""
    cands = _candidates(lines, patterns)
    starts = [0] + [k for k in range(1, len(cands)) if cands[k][3] <= cands[k - 1][3]]
    best: list[Head] = []
    best_score = (-1, -1)
    for start in starts[:20]:
        heads = _run(cands, start, strict_sequence)
        blocks = _blocks_from_heads(lines, heads)
        score = (sum(_has_structure(b.lines) for b in blocks), len(heads))
        if score > best_score:
            best, best_score = heads, score
    return best


def _next_in_sequence(last: tuple[int, ...], key: tuple[int, ...]) -> bool:
    if key[:-1] == last[:-1] and key[-1] == last[-1] + 1:
        return True  # 3 -> 4, 10.1 -> 10.2
    if key[:-1] == last and key[-1] == 1:
        return True  # 10 -> 10.1
    return len(key) == 1 and key[0] == last[0] + 1  # 10.2 -> 11


def _has_structure(lines: list[str]) -> bool:
    return any(vocab.decision_heading(x) or vocab.section_name(x) for x in lines)


def _blocks_from_heads(lines: list[str], heads: list[Head]) -> list[Block]:
    blocks = []
    for k, (i, num, title) in enumerate(heads):
        end = heads[k + 1][0] if k + 1 < len(heads) else len(lines)
        body = lines[i + 1:end] if end < len(lines) else pagetext.without_closing(lines[i + 1:end])
        mark = _ACCESS_ONLY.match(title)
        if not title or mark:  # "Punkt 5" alone (or with its access mark only), the title on the next line
            first = next((j for j, x in enumerate(body) if x), None)
            if first is not None and _is_title(body[first]) and not NO_CASE.match(body[first]) \
                    and not (mark and body[first].endswith(".")):
                title, body = body[first], body[:first] + body[first + 1:]
        title, body = _wrapped_title(title, blockedges.without_group(body))
        closed = bool(mark and mark.group("closed"))
        body = _attachments(_history(blockedges.case_first(body)))
        blocks.append(Block(num, title, _bare_decision(title, body), closed))
    return blocks



def _structure_line(line: str) -> bool:
    return bool(vocab.case_number(line) or vocab.decision_heading(line) or vocab.section_name(line)
                or NO_CASE.match(line))


def _wrapped_title(title: str, body: list[str]) -> tuple[str, list[str]]:
    """A long title wrapped onto one or two more lines (PDF text): joined when a case number, decision or
    section heading follows right after them (a lowercase wrapped word, "høring", is no section heading)."""
    if len(title) < 40:
        return title, body
    for n in (1, 2):
        if (len(body) > n and _structure_line(body[n])
                and all(x and len(x) < 120 and (x[:1].islower() or not _structure_line(x)) and not x.endswith(":")
                        and not _CLOSED_NOTE.match(x) for x in body[:n])):
            return " ".join([title, *body[:n]]), body[n:]
    return title, body


_HISTORY_BODY = re.compile(r"^Udvalg\s*:\s*(?P<body>\S.{0,100})$", re.I)
_HISTORY_DATE = re.compile(r"^Dato\s*:\s*(?P<date>\d{1,2}[-./]\d{1,2}[-./]\d{4})$", re.I)
_HISTORY_NUMBER = re.compile(r"^Punkt(?:nummer|\s*nr\.?)\s*:\s*(?P<num>\S{1,10})$", re.I)


def _next(lines: list[str], k: int) -> int:
    return next((j for j in range(k, len(lines)) if lines[j]), len(lines))


def _history(body: list[str]) -> list[str]:
    """An earlier handling printed as "Udvalg: X" / "Dato: dd-mm-yyyy" / "Punktnummer: n" (a Sagsforløb
    entry) becomes the decision heading "Beslutning i X den dd-mm-yyyy, punkt n"."""
    out: list[str] = []
    k = 0
    while k < len(body):
        m = _HISTORY_BODY.match(body[k])
        j = _next(body, k + 1)
        d = _HISTORY_DATE.match(body[j]) if m and j < len(body) else None
        heading = f"Beslutning i {m.group('body').strip()} den {d.group('date')}" if m and d else ""
        if heading and vocab.decision_heading(heading):
            n = _next(body, j + 1)
            number = _HISTORY_NUMBER.match(body[n]) if n < len(body) else None
            out.append(f"{heading}, punkt {number.group('num')}" if number else heading)
            k = n + 1 if number else j + 1
            continue
        out.append(body[k])
        k += 1
    return out


def _attachments(body: list[str]) -> list[str]:
    """After a "Bilag" heading, a line naming a section the item already had, or followed by "Bilag 1: ...",
    is an attachment's title ("Indstilling"), not a new section."""
    seen: set[str] = set()
    listing = False
    out: list[str] = []
    for k, line in enumerate(body):
        name = vocab.section_name(line) if line else None
        if listing and name and name != "Bilag":
            after = body[_next(body, k + 1)] if _next(body, k + 1) < len(body) else ""
            if name in seen or re.match(r"^Bilag\s+\d", after):
                out.append(f"- {line}")
                continue
        if listing and line[:1].islower() and out and out[-1]:
            out[-1] = f"{out[-1]} {line}"  # an attachment title wrapped onto a second line
            continue
        if name:
            seen.add(name)
            listing = name == "Bilag"
        elif line and vocab.decision_heading(line):
            listing = False
        out.append(line)
    return out


_CLOSED_TITLE = re.compile(r"^(?:Lukket|Lukkede?|Fortroligt?)\b", re.I)
_CLOSED_NOTE = re.compile(r"^\(?(?:lukket|fortroligt?)(?:\s+punkt)?\)?\.?$", re.I)  # "Lukket punkt": a status only


def _bare_decision(title: str, body: list[str]) -> list[str]:
    """A closed item that prints only its decision, with no heading: the text is the decision (a note that only
    repeats that the item is closed, "Lukket punkt", is none)."""
    if not _CLOSED_TITLE.match(title) or any(x and (vocab.decision_heading(x) or vocab.section_name(x)) for x in body):
        return body
    text = [k for k, x in enumerate(body) if x and not vocab.CASE_ALONE.match(x) and not _CLOSED_NOTE.match(x)]
    if not text or all(vocab.ABSENT_LABEL.match(body[k]) for k in text):  # only attendance: no decision
        return body
    return [*body[:text[0]], "Beslutning", *body[text[0]:]]


def _is_title(line: str) -> bool:
    return (len(line) < 200 and not vocab.decision_heading(line) and not vocab.section_name(line)
            and not vocab.case_number(line) and not vocab.ABSENT_LABEL.match(line))


def _structural(lines: list[str]) -> tuple[int, list[Block]]:
    """Find unnumbered items from decision blocks and section order."""
    blocks: list[Block] = []
    current: Block | None = None
    seen: set[str] = set()
    decided: set[tuple[str | None, object]] = set()
    start = None
    for i, line in enumerate(lines):
        dec = vocab.decision_heading(line) if line else None
        name = vocab.section_name(line) if line and not dec else None
        if not dec and not name:
            if current is not None:
                current.lines.append(line)
            continue
        if start is None:
            start = i
        new_item = current is None
        if current is not None and decided and name:
            new_item = name in seen and name != "Bilag" or name in vocab.LEAD_SECTIONS
        if current is not None and dec and (dec.body, dec.date) in decided:
            new_item = True
        if new_item:
            current = Block(None, "", [])
            blocks.append(current)
            seen, decided = set(), set()
        assert current is not None
        if dec:
            decided.add((dec.body, dec.date))
        elif name:
            seen.add(name)
        current.lines.append(line)
    if blocks:
        blocks[-1].lines = pagetext.without_closing(blocks[-1].lines)
    return (start if start is not None else len(lines)), blocks


def _with_bare(lines: list[str], heads: list[Head]) -> list[Head]:
    """Printed headings ("Punkt 3: ...") that are the odd ones out among bare ones ("1. ...", "2. ...", "4. ..."):
    the run that reads both kinds in one rising sequence, when it keeps every printed heading, bare headings are
    the majority in it and it finds more items with decisions or sections."""
    mixed = _numbered(lines, (vocab.ITEM, vocab.BARE_ITEM), strict_sequence=True)
    printed = {i for i, _, _ in heads}
    if not printed <= {i for i, _, _ in mixed} or len(mixed) - len(printed) <= len(printed):
        return heads
    found = sum(_has_structure(b.lines) for b in _blocks_from_heads(lines, mixed))
    return mixed if found > sum(_has_structure(b.lines) for b in _blocks_from_heads(lines, heads)) else heads


def segment(text: str) -> Segmented:
    pairs = mdsegment.paired_lines(mdsegment.unquote(text))
    lines = [line for _, line in pairs]
    markdown = mdsegment.plan(pairs)  # items numbered in Markdown headings: only those headings start items
    if markdown is not None:
        heads = _numbered(markdown.masked, (vocab.ITEM, vocab.BARE_ITEM), strict_sequence=False)
        if len(heads) >= 2:
            return Segmented(lines[: heads[0][0]], _blocks_from_heads(lines[: markdown.end], heads), True)
    heads = _numbered(lines, (vocab.ITEM,), strict_sequence=False)
    if not heads:  # "§ 112. Titel": only where no printed "Punkt" headings, so a law reference cannot cut into them
        paragraphs = _numbered(lines, (vocab.PARAGRAPH_ITEM,), strict_sequence=False)
        heads = paragraphs if len(paragraphs) >= 2 else []
    if heads:
        heads = _with_bare(lines, heads)
        lines, heads = cellheads.supplement(lines, heads)
        return Segmented(lines[: heads[0][0]], _blocks_from_heads(lines, heads), True)
    for patterns in ((vocab.BARE_ITEM, _LETTERED_ITEM), (vocab.ROMAN_ITEM,), (_AD_ITEM,)):  # "3. Titel", "III. TITEL"
        heads = _numbered(lines, patterns, strict_sequence=True)  # each as a rising run
        if len(heads) >= 2:
            supplemented, heads = cellheads.supplement(lines, heads)
            blocks = _blocks_from_heads(supplemented, heads)
            if sum(_has_structure(b.lines) for b in blocks) * 2 >= len(blocks):
                return Segmented(lines[: heads[0][0]], blocks, True)
    cells = cellheads.number_cells(lines)  # "44" / "Titel" / "Sag: 24/4417": a heading table's cells
    if cells is not None:
        cell_lines, heads = cells
        return Segmented(cell_lines[: heads[0][0]], _blocks_from_heads(cell_lines, heads), True)
    start, blocks = _structural(lines)
    return Segmented(lines[:start], blocks, False)
