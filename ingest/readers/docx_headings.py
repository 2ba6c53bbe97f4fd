"""A DOCX typed without heading styles whose items are bold "Ad N." paragraphs, read by that structure.

A small council's or board's secretary writes the minutes in Word's Normal style: the facts ("Dato:", "Sted:"), a
members table (``ingest.membertable``), often a plain agenda list "1. …" – "8. …", then one bold paragraph per item
in the minutes' own form "Ad 1. Godkendelse af dagsorden" ("regarding item 1"; "Ad pkt. 3 …"), each followed by
normal paragraphs. Flattened to text, the segmenter knows no "Ad N." heading and takes the agenda list for the
items, so the paragraphs are read here: a paragraph whose every letter is bold (direct formatting or its style's)
and that reads "Ad" and an item number and title is an item heading; of several rising runs of such headings the
one with the most text under it holds the items. Items numbered in any other form are the text reader's.

The paragraphs (and tables) before the first heading are the meeting's facts (``docxtable.meeting_facts``: header
labels, a members table's "Afbud", the page header parts). An item's paragraphs are read as a table item's are
(``docxtable.item_draft``: case number, labelled sections and decisions); in minutes, an item whose text carries
no label at all is the meeting's record of it, its decision. A closing "Referent: …" or "Referatet er godkendt …"
under the last item is the minutes' sign-off, not the item's text. Returns None when the document has no such run of
headings or its items are the rows of a table (``docxtable.table_draft``), so the text reader takes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from core import vocab
from ingest import docxtable
from ingest.docxtext import Numbering, W, walk, xml_root
from ingest.readers.base import AnalysedReader, DecisionDraft, ItemDraft, MeetingDraft, Source

_AD = re.compile(r"^Ad\.?\s+(?=(?:punkt|pkt\.?)?\s*\d)", re.I)  # "Ad 3." / "Ad pkt. 3": "regarding item 3"
_OFF = {"0", "false", "off", "none"}
_SIGN_OFF = re.compile(r"^(?:Referent|Ref\.)\s*:|^Referatet\s+(?:er\s+|blev\s+)?(?:godkendt|underskrevet)\b", re.I)
_MIN_HEADINGS = 2


def _blocks(element: object) -> Iterator[object]:
    """The body's paragraphs and tables in document order (content controls, insertions walked into)."""
    for child in element:  # type: ignore[attr-defined]
        if child.tag in (f"{W}p", f"{W}tbl"):
            yield child
        elif isinstance(child.tag, str) and not child.tag.endswith(("}sectPr", "}del")):
            yield from _blocks(child)


def _bold_styles(styles: bytes | None) -> set[str]:
    """The paragraph and character styles whose run properties are bold (through ``basedOn``)."""
    root = xml_root(styles)
    if root is None:
        return set()
    own: dict[str, bool | None] = {}
    base: dict[str, str] = {}
    for st in root.iter(f"{W}style"):  # type: ignore[attr-defined]
        sid = st.get(f"{W}styleId", "")
        b = st.find(f"{W}rPr/{W}b")
        own[sid] = None if b is None else b.get(f"{W}val", "1").lower() not in _OFF
        based = st.find(f"{W}basedOn")
        if based is not None:
            base[sid] = based.get(f"{W}val", "")
    out = set()
    for sid in own:
        seen, cur = set(), sid
        while cur and cur not in seen and own.get(cur) is None:
            seen.add(cur)
            cur = base.get(cur, "")
        if own.get(cur):
            out.add(sid)
    return out


def _val(element: object | None, tag: str) -> str | None:
    node = element.find(f"{W}{tag}") if element is not None else None  # type: ignore[attr-defined]
    return node.get(f"{W}val") if node is not None else None


def _bold(p: object, bold_styles: set[str]) -> bool:
    """Every run of ``p`` that holds text is bold: by its own properties, else its character style, else the
    paragraph's style."""
    para = (_val(p.find(f"{W}pPr"), "pStyle") or "") in bold_styles  # type: ignore[attr-defined]
    found = False
    for run in p.iter(f"{W}r"):  # type: ignore[attr-defined]
        if not "".join(t.text or "" for t in run.iter(f"{W}t")).strip():
            continue
        rpr = run.find(f"{W}rPr")
        b = rpr.find(f"{W}b") if rpr is not None else None
        bold = (b.get(f"{W}val", "1").lower() not in _OFF if b is not None
                else (_val(rpr, "rStyle") or "") in bold_styles or para)
        if not bold:
            return False
        found = True
    return found


def _heading(text: str) -> tuple[str, str] | None:
    """(number, title) of an "Ad N." heading's text."""
    line = " ".join(text.split())
    if not _AD.match(line):
        return None
    line = _AD.sub("", line)
    m = vocab.ITEM.match(line) or vocab.BARE_ITEM.match(line)
    if not m or not m.group("title").strip():
        return None
    return m.group("num"), m.group("title").strip()


def _runs(heads: list[int], numbers: list[tuple[int, ...]]) -> list[list[int]]:
    """The heading positions split into runs of rising numbers."""
    runs: list[list[int]] = []
    for k, pos in enumerate(heads):
        if runs and numbers[k] > numbers[k - 1]:
            runs[-1].append(pos)
        else:
            runs.append([pos])
    return runs


def _lines(block: object, numbering: Numbering) -> list[str]:
    out: list[str] = []
    walk([block], out, numbering)  # a paragraph (its list number) or a table (members, votes) as text lines
    return [" ".join(x.split()) for line in out for x in line.split("\n") if x.strip()]


def _record(item: ItemDraft, paragraphs: list[list[str]]) -> ItemDraft:
    """An item of minutes whose text has no label: that text is the meeting's record of it, its decision."""
    if item.decisions or any(heading for heading, _ in item.sections):
        return item
    text = "\n".join(" ".join(p) for p in paragraphs[1:] if not (vocab.case_number(p[0]) and len(p) == 1))
    if text.strip():
        item.sections = []
        item.decisions = [DecisionDraft(text)]
    return item


def analyse(src: Source) -> MeetingDraft | None:
    """The meeting of a DOCX whose items are bold numbered paragraphs (module doc), else None."""
    data = src.data
    if not data.startswith(b"PK"):
        return None
    root = docxtable.document_root(data)
    if root is None:
        return None
    body = root.find(f"{W}body")  # type: ignore[attr-defined]
    styles = docxtable.zip_part(data, "word/styles.xml")
    numbering = Numbering(docxtable.zip_part(data, "word/numbering.xml"), styles)
    bold_styles = _bold_styles(styles)
    blocks = list(_blocks(body if body is not None else root))
    texts = [_lines(b, numbering) for b in blocks]
    heads, found = [], []
    for k, block in enumerate(blocks):
        hit = _heading(" ".join(texts[k])) if block.tag == f"{W}p" and len(texts[k]) == 1 else None  # type: ignore[attr-defined]
        if hit and _bold(block, bold_styles):
            heads.append(k)
            found.append(hit)
    if len(heads) < _MIN_HEADINGS:
        return None
    numbers = [vocab.number_key(num) for num, _ in found]
    ends = dict(zip(heads, heads[1:] + [len(blocks)], strict=True))
    runs = [r for r in _runs(heads, numbers) if len(r) >= _MIN_HEADINGS]

    def under(run: list[int]) -> int:
        return sum(1 for pos in run if any(texts[j] for j in range(pos + 1, ends[pos])))

    run = max(reversed(runs), key=under, default=None)  # the most items with text; of equals the last
    if run is None or 2 * under(run) < len(run) or docxtable.table_draft(data) is not None:
        return None
    before = [x for j in range(run[0]) for x in texts[j]]
    head, committee, named = docxtable.meeting_facts(before, docxtable.page_header(data))
    if head.date is None:
        return None
    titles = dict(zip(heads, found, strict=True))
    items = []
    for n, pos in enumerate(run):
        end = run[n + 1] if n + 1 < len(run) else len(blocks)
        paragraphs = [texts[j] for j in range(pos + 1, end) if texts[j]]
        if n + 1 == len(run):
            while paragraphs and _SIGN_OFF.match(paragraphs[-1][0]):
                paragraphs.pop()
        num, title = titles[pos]
        item = docxtable.item_draft(num, [[title], *paragraphs])
        items.append(_record(item, [[title], *paragraphs]) if head.status == "minutes" else item)
    return MeetingDraft(
        committee=committee or "", date=head.date, items=items, municipality=named, time=head.time,
        location=head.location, participants=head.participants, absentees=head.absentees, remarks=head.remarks,
        status=head.status,
    )


READER = AnalysedReader("docx-headings", analyse, "no run of bold numbered item paragraphs in the DOCX")
