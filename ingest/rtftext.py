"""The text of an RTF document as Word shows it with all tracked changes accepted.

RTF (Rich Text Format 1.9) is a stream of groups ``{…}``, control words (``\\par``, ``\\u248?``, ``\\'f8``) and
text. Word and the libraries that write like it (Aspose.Words, LibreOffice) put into it what a plain text
extractor must not print:

- tracked changes: a deleted run is ``{\\deleted\\revauthdel1\\revdttmdel… text}`` and an inserted one
  ``{\\revised\\revauth1… text}``; the text of the document is the insertions kept and the deletions dropped;
- hidden text ``\\v … \\v0`` (notes the printed minutes leave out);
- destinations that are no body text: font, colour, style, list and revision tables, ``\\info``, headers and
  footers, field instructions, pictures, bookmarks and every ``{\\*\\…}`` group this reader does not know.

Paragraphs (``\\par``) are lines and ``\\line`` a line break; a table (``\\intbl`` paragraphs, ``\\cell``,
``\\row``) is read row by row into ``ingest.votetable.table_lines``, as the DOCX reader reads one (a decision in a
"Beslutning | …" row comes out as a heading and its paragraphs). A list paragraph's number is the text Word writes
in its ``{\\listtext …}`` (or Word 95's ``{\\pntext …}``) group, else it is counted from the list table
(``ingest.rtflists``). Characters: ``\\uN`` with its ``\\ucN`` fallback skipped, ``\\'hh`` and 8-bit bytes in the
``\\ansicpg`` code page. Raises ``RtfError`` for input that is no RTF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ingest.rtflists import Lists

_TOKEN = re.compile(r"\\([a-zA-Z]{1,32})(-?\d{1,10})?\d* ?"  # a control word, its parameter and delimiter
                    r"|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z])|([{}])|([^\\{}\r\n]+)|[\r\n]+")
# destinations whose text is not the document's body
_SKIP = frozenset({
    "fonttbl", "colortbl", "stylesheet", "listtable", "listoverridetable", "revtbl", "rsidtbl", "info", "pict",
    "header", "headerl", "headerr", "headerf", "footer", "footerl", "footerr", "footerf", "fldinst", "objdata",
    "datafield", "themedata", "colorschememapping", "latentstyles", "datastore", "xmlnstbl", "generator",
    "filetbl", "footnote", "annotation", "atnid", "atnauthor", "bkmkstart", "bkmkend", "pn", "pnseclvl",
    "template", "docvar", "userprops", "xe", "tc", "tcn", "listpicture", "protusertbl", "pgdsctbl", "mmathPr",
    "nonshppict", "author", "operator", "title", "subject", "keywords", "comment", "company", "falt", "panose",
})
_SYMBOLS = {"emdash": "\u2014", "endash": "\u2013", "bullet": "\u2022", "lquote": "\u2018", "rquote": "\u2019",
            "ldblquote": "\u201c", "rdblquote": "\u201d", "emspace": " ", "enspace": " ", "qmspace": " ",
            "tab": "\t", "line": "\n", "page": "\n", "column": "\n"}
_ESCAPES = {"~": "\u00a0", "_": "\u2011", "-": "", "\\": "\\", "{": "{", "}": "}", "\t": "\t"}
_CODEPAGE = re.compile(r"\\ansicpg(\d{3,5})")


class RtfError(ValueError):
    """Why the data is no readable RTF (the caller names the file)."""


@dataclass(frozen=True)
class _State:
    """What a group inherits and restores on ``}``: character, paragraph and destination properties."""

    skip: bool = False  # inside a destination that is not body text
    hidden: bool = False  # \v
    deleted: bool = False  # \deleted: a tracked deletion
    uc: int = 1  # fallback characters after \uN
    intbl: bool = False  # the paragraph is in a table cell
    ls: int = 0  # the list (\lsN) of the paragraph, 0 for none
    ilvl: int = 0


class _Reader:
    def __init__(self, encoding: str, lists: Lists) -> None:
        self.encoding = encoding
        self.lists = lists
        self.lines: list[str] = []
        self.rows: list[list[str]] = []  # the table being read
        self.cells: list[str] = []  # the row being read
        self.cell: list[str] = []  # the paragraphs of the cell being read
        self.para: list[str] = []
        self.numbered = False  # the paragraph carries its printed list number
        self.pending = bytearray()  # \'hh bytes awaiting decoding together (multi-byte code pages)

    def text(self, s: str) -> None:
        if self.pending:
            self.para.append(self.pending.decode(self.encoding, "replace"))
            self.pending.clear()
        self.para.append(s)

    def byte(self, b: int) -> None:
        self.pending.append(b)

    def paragraph(self, state: _State) -> str:
        self.text("")
        text = "".join(self.para).encode("utf-16", "surrogatepass").decode("utf-16", "replace")  # \u pairs
        self.para = []
        if state.ls and text.strip():
            label = self.lists.label(state.ls, state.ilvl)
            if label and not self.numbered:
                text = f"{label}\t{text.lstrip()}"
        self.numbered = False
        return text

    def par(self, state: _State) -> None:
        text = self.paragraph(state)
        if state.intbl:
            self.cell.append(text)
            return
        self.end_table()
        self.lines.extend(text.split("\n"))

    def end_cell(self, state: _State) -> None:
        if self.para or self.pending:
            self.cell.append(self.paragraph(state))
        self.cells.append("\n".join(x for x in self.cell if x.strip()))
        self.cell = []

    def end_row(self) -> None:
        if self.cell:
            self.cells.append("\n".join(x for x in self.cell if x.strip()))
            self.cell = []
        if any(c.strip() for c in self.cells):
            self.rows.append(self.cells)
        self.cells = []

    def end_table(self) -> None:
        from ingest.votetable import table_lines

        if self.cells or self.cell:
            self.end_row()
        if self.rows:
            self.lines.extend(table_lines(self.rows))
            self.rows = []


def rtf_text(data: bytes) -> str:
    """The document's text (see the module docstring). Raises ``RtfError``."""
    raw = data.decode("latin-1")  # one char per byte: 8-bit bytes are decoded in the code page below
    start = raw.find("{\\rtf")
    if start < 0:
        raise RtfError("no {\\rtf header")
    page = _CODEPAGE.search(raw[start:start + 2000])
    encoding = f"cp{page.group(1)}" if page else "cp1252"
    try:
        "".encode(encoding)
    except LookupError:
        encoding = "cp1252"
    reader = _Reader(encoding, Lists.read(raw))
    _run(raw[start:], reader)
    if reader.para or reader.pending:
        reader.par(_State())
    reader.end_table()
    text = "\n".join(x.rstrip() for x in reader.lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def _run(raw: str, r: _Reader) -> None:
    stack: list[_State] = []
    state = _State()
    skip_chars = 0  # \uN fallback characters still to skip
    first = False  # the token after "{": a destination word decides the group
    pos = 0
    while pos < len(raw):
        m = _TOKEN.match(raw, pos)
        if m is None:  # a lone backslash at the end
            break
        pos = m.end()
        word, param, hexa, symbol, brace, text = m.groups()
        if m.group(0)[0] in "\r\n":  # line ends in the file are no text
            continue
        if brace:
            skip_chars = 0
            if brace == "{":
                stack.append(state)
                first = True
            elif stack:
                state = stack.pop()
            continue
        opening, first = first, False
        if skip_chars and text is not None:  # the \uN fallback: characters, \'hh escapes or control words
            dropped = min(skip_chars, len(text))
            skip_chars -= dropped
            text = text[dropped:]
            if not text:
                continue
        elif skip_chars and word != "bin":
            skip_chars -= 1
            continue
        if text is not None:
            if not (state.skip or state.hidden or state.deleted):
                _chars(r, text)
            continue
        if hexa is not None:
            if not (state.skip or state.hidden or state.deleted):
                r.byte(int(hexa, 16))
            continue
        if symbol is not None:
            if symbol == "*":
                if opening:
                    state = replace(state, skip=True)  # an ignorable destination; a known one is read below
                    first = True
            elif symbol in "\r\n":
                _par(r, state)
            elif not (state.skip or state.hidden or state.deleted):
                r.text(_ESCAPES.get(symbol, ""))
            continue
        value = int(param) if param is not None else None
        if word == "bin":
            pos += max(0, value or 0)
            continue
        state, skip_chars = _word(r, state, word, value, opening, skip_chars)


def _chars(r: _Reader, text: str) -> None:
    plain = []
    for ch in text:
        if ord(ch) < 128:
            plain.append(ch)
        else:
            if plain:
                r.text("".join(plain))
                plain = []
            r.byte(ord(ch))
    if plain:
        r.text("".join(plain))


def _par(r: _Reader, state: _State) -> None:
    if state.deleted or state.hidden:
        return  # a deleted or hidden paragraph mark joins the paragraph to the next
    if not state.skip:
        r.par(state)


def _word(r: _Reader, state: _State, word: str, value: int | None, opening: bool,
          skip_chars: int) -> tuple[_State, int]:
    """Apply one control word; returns the new state and the fallback characters to skip."""
    shown = not (state.skip or state.hidden or state.deleted)
    if opening and word in _SKIP:
        return replace(state, skip=True), skip_chars
    if opening and word in ("listtext", "pntext"):
        if not state.skip:
            r.numbered = True  # the number Word printed is this group's text
        return state, skip_chars
    if word == "u" and value is not None:
        if shown:
            r.text(chr(value + 65536 if value < 0 else value) if -65536 < value < 1114112 else "\ufffd")
        return state, state.uc
    if word in ("par", "sect"):
        _par(r, state)
    elif word == "cell":
        if not state.skip:
            r.end_cell(state)
    elif word == "nestcell":  # a table inside a cell: its cells are paragraphs of the outer cell
        if not state.skip:
            r.cell.append(r.paragraph(state))
    elif word == "row":
        if not state.skip:
            r.end_row()
    elif word in _SYMBOLS:
        if shown:
            r.text(_SYMBOLS[word])
    else:
        return _property(state, word, value), skip_chars
    return state, skip_chars


def _property(state: _State, word: str, value: int | None) -> _State:
    on = value != 0
    if word == "uc":
        return replace(state, uc=max(0, value or 0))
    if word == "v":
        return replace(state, hidden=on)
    if word == "deleted":
        return replace(state, deleted=on)
    if word == "plain":
        return replace(state, hidden=False, deleted=False)
    if word == "pard":
        return replace(state, intbl=False, ls=0, ilvl=0)
    if word == "intbl":
        return replace(state, intbl=on)
    if word == "itap":
        return replace(state, intbl=bool(value))
    if word == "ls":
        return replace(state, ls=value or 0)
    if word == "ilvl":
        return replace(state, ilvl=value or 0)
    return state
