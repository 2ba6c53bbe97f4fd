"""An OpenDocument heading's automatic number from the document's outline numbering (``text:outline-style``).

ODF keeps the number of a heading (``<text:h text:outline-level="1">Titel</text:h>``) out of its text: the outline
style, in ``office:styles`` (``styles.xml`` of a zipped ODT, the one file of a flat ``.fodt``), says per level how
it is drawn: ``<text:outline-level-style text:level="1" style:num-format="1" style:num-prefix="Punkt "
style:num-suffix="." text:display-levels="1" text:start-value="1">``. The counter runs over the headings in document
order: a heading with ``text:is-list-header="true"`` (an unnumbered heading such as "Åbne punkter") shows no number
and does not count (it heads a group of numbered items and is left out of the text: ``group``),
``text:restart-numbering="true"`` starts its level again (at ``text:start-value``), and a heading
restarts every deeper level. Only Arabic numbers are drawn ("Punkt 3.", "2.1"); a level drawn with letters or none
(``num-format=""``) gives no label, as the DOCX reader does (``ingest.docxtext.Numbering``).
"""

from __future__ import annotations

from dataclasses import dataclass

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"


@dataclass(frozen=True)
class LevelStyle:
    fmt: str  # "1", "a", "i", "" (none)
    prefix: str
    suffix: str
    display: int  # how many levels the label shows (text:display-levels)
    start: int


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class Outline:
    """The outline numbering of one document; ``label`` is called for each heading in document order."""

    def __init__(self, styles_root: object | None) -> None:
        self.levels: dict[int, LevelStyle] = {}
        self.counts: dict[int, int] = {}
        node = None
        if styles_root is not None:
            node = next(iter(styles_root.iter(f"{TEXT}outline-style")), None)  # type: ignore[attr-defined]
        if node is None:
            return
        for lvl in node.iter(f"{TEXT}outline-level-style"):
            self.levels[_int(lvl.get(f"{TEXT}level"), 1)] = LevelStyle(
                lvl.get(f"{STYLE}num-format", ""), lvl.get(f"{STYLE}num-prefix", ""),
                lvl.get(f"{STYLE}num-suffix", ""), max(1, _int(lvl.get(f"{TEXT}display-levels"), 1)),
                _int(lvl.get(f"{TEXT}start-value"), 1))

    def __bool__(self) -> bool:
        return any(x.fmt for x in self.levels.values())

    def group(self, heading: object) -> bool:
        """An unnumbered heading (``text:is-list-header``) at a level the outline numbers: a heading over a group of
        numbered items ("Åbne punkter", "Lukkede punkter"), not part of the item before it."""
        if heading.get(f"{TEXT}is-list-header") != "true":  # type: ignore[attr-defined]
            return False
        style = self.levels.get(max(1, _int(heading.get(f"{TEXT}outline-level"), 1)))  # type: ignore[attr-defined]
        return style is not None and bool(style.fmt)

    def label(self, heading: object) -> str:
        """The number heading ``heading`` (a ``text:h``) shows, counted: "Punkt 3."; "" when none."""
        if not self:
            return ""
        level = max(1, _int(heading.get(f"{TEXT}outline-level"), 1))  # type: ignore[attr-defined]
        if heading.get(f"{TEXT}is-list-header") == "true":  # type: ignore[attr-defined]
            return ""
        style = self.levels.get(level)
        start = style.start if style else 1
        if heading.get(f"{TEXT}restart-numbering") == "true":  # type: ignore[attr-defined]
            self.counts[level] = _int(heading.get(f"{TEXT}start-value"), start)  # type: ignore[attr-defined]
        else:
            self.counts[level] = self.counts.get(level, start - 1) + 1
        for deeper in [k for k in self.counts if k > level]:
            del self.counts[deeper]
        if style is None or style.fmt != "1":
            return ""
        shown = range(max(1, level - style.display + 1), level + 1)
        if any(self.levels.get(k, style).fmt != "1" for k in shown):
            return ""
        number = ".".join(str(self.counts.get(k, self.levels[k].start if k in self.levels else 1)) for k in shown)
        return f"{style.prefix}{number}{style.suffix}".strip()
