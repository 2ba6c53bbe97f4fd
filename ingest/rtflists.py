"""Word's list numbering in RTF: the number a list paragraph (``\\lsN\\ilvlM``) shows, counted from the list table.

Word writes each number it printed in the paragraph's ``{\\listtext …}`` group too, and ``ingest.rtftext`` reads
that; this is for writers that leave it out (an RTF reader is meant to regenerate it). ``{\\*\\listtable}`` holds
``{\\list … {\\listlevel\\levelnfcN\\levelstartatN{\\leveltext\\'02\\'00.;}…}…\\listidN}``; the level text is a
length byte, then literal characters and placeholders ``\\'00``–``\\'08`` for the levels' numbers.
``{\\*\\listoverridetable}`` maps each ``\\lsN`` a paragraph names to a ``\\listidN``. Only decimal levels
(``\\levelnfc0``) are rendered ("3."); bullets, letters and Roman numerals are left to the text, as in
``ingest.docxtext.Numbering``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_LIST = re.compile(r"\{\\list(?![a-z])")
_LEVEL = re.compile(r"\{\\listlevel(?![a-z])")
_OVERRIDE = re.compile(r"\{\\listoverride(?![a-z])")
_NUMBER = re.compile(r"\\(levelnfcn?|levelstartat|listid|ls)(-?\d+)")
_LEVELTEXT = re.compile(r"\{\\leveltext[^{}]*?\}")
_TEXT_PART = re.compile(r"\\'([0-9a-fA-F]{2})|\\u(-?\d+) ?\??|\\[a-zA-Z]+-?\d* ?|([^\\;{}])")


@dataclass(frozen=True)
class Level:
    nfc: int  # 0 decimal
    start: int
    template: tuple[int | str, ...]  # a level index for each placeholder, else literal text


@dataclass
class Lists:
    levels: dict[int, list[Level]] = field(default_factory=dict)  # ls -> its list's levels
    counts: dict[int, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def read(cls, raw: str) -> Lists:
        """The lists of an RTF document (its text decoded one char per byte); empty when it has none."""
        by_id: dict[int, list[Level]] = {}
        table = _destination(raw, "listtable")
        for start in (m.start() for m in _LIST.finditer(table)):
            group = table[start:_end(table, start)]
            levels = [_level(group[m.start():_end(group, m.start())]) for m in _LEVEL.finditer(group)]
            list_id = next((int(v) for k, v in _NUMBER.findall(_top(group)) if k == "listid"), None)
            if list_id is not None:
                by_id[list_id] = levels
        out = cls()
        overrides = _destination(raw, "listoverridetable")
        for start in (m.start() for m in _OVERRIDE.finditer(overrides)):
            found = dict(_NUMBER.findall(overrides[start:_end(overrides, start)]))
            if "listid" in found and "ls" in found and int(found["listid"]) in by_id:
                out.levels[int(found["ls"])] = by_id[int(found["listid"])]
        return out

    def label(self, ls: int, ilvl: int) -> str:
        """The number paragraph of list ``ls`` at level ``ilvl`` shows ("3."), counted; "" when none or not decimal."""
        levels = self.levels.get(ls)
        if not levels or not 0 <= ilvl < len(levels):
            return ""
        counts = self.counts.setdefault(ls, {})
        counts[ilvl] = counts.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        parts = []
        for part in levels[ilvl].template:
            if isinstance(part, str):
                parts.append(part)
            elif part < len(levels) and levels[part].nfc == 0 and part <= ilvl:
                parts.append(str(counts.get(part, levels[part].start)))
            else:
                return ""
        out = "".join(parts).strip()
        return out if re.fullmatch(r"[\d.)(]+", out) and any(c.isdigit() for c in out) else ""


def _level(group: str) -> Level:
    found: dict[str, str] = {}
    for key, value in _NUMBER.findall(_top(group)):
        found.setdefault(key, value)
    nfc = int(found.get("levelnfc", found.get("levelnfcn", "0")))
    text = _LEVELTEXT.search(group)
    chars: list[int | str] = []
    for hexa, uni, char in _TEXT_PART.findall(text.group(0)[len("{\\leveltext"):-1] if text else ""):
        if hexa:
            chars.append(int(hexa, 16))
        elif uni:
            chars.append(chr(int(uni) % 65536))
        elif char:
            chars.append(char)
    template = tuple(x if isinstance(x, str) else (x if x < 9 else chr(x)) for x in chars[1:])
    return Level(nfc, int(found.get("levelstartat", "1")), template)


def _destination(raw: str, name: str) -> str:
    m = re.search(r"\{(?:\\\*)?\\" + name + r"(?![a-z])", raw)
    return raw[m.start():_end(raw, m.start())] if m else ""


def _top(group: str) -> str:
    """A group's own words, its nested groups left out."""
    out: list[str] = []
    depth = 0
    k = 0
    while k < len(group):
        ch = group[k]
        if ch == "\\":
            if depth == 1:
                out.append(group[k:k + 2])
            k += 2
            continue
        depth += (ch == "{") - (ch == "}")
        if depth == 1 and ch not in "{}":
            out.append(ch)
        k += 1
    return "".join(out)


def _end(raw: str, start: int) -> int:
    """The index after the group that opens at ``start``."""
    depth = 0
    k = start
    while k < len(raw):
        ch = raw[k]
        if ch == "\\":
            k += 2
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return k + 1
        k += 1
    return len(raw)
