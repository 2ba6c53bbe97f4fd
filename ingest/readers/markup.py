"""HTML fragments inside structured sources (a JSON field, an XML CDATA): text and headed sections."""

from __future__ import annotations

import html as htmllib
import re

from bs4 import BeautifulSoup

from core import vocab
from ingest.html import html_to_text

HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
_MARK = "\u2063§H§"  # an invisible separator no minutes text contains


def fragment_text(fragment: str | None) -> str:
    """An HTML (or plain) field value as lines of text; entities decoded, white space tidied."""
    if not fragment:
        return ""
    if "<" not in fragment:
        return _tidy(htmllib.unescape(fragment))
    return _tidy(html_to_text(fragment))


def fragment_sections(fragment: str | None, headings: list[str] | None = None) -> list[tuple[str, str]]:
    """Split an HTML fragment on its heading elements: [(heading, text)]; text before any heading has ''."""
    if not fragment:
        return []
    soup = BeautifulSoup(fragment, "lxml")
    for tag in soup.find_all(headings or HEADINGS):
        title = " ".join(tag.get_text(" ").split())
        tag.replace_with(soup.new_string(f"\n{_MARK}{title}\n"))
    text = html_to_text(str(soup))
    out: list[tuple[str, list[str]]] = [("", [])]
    for line in text.splitlines():
        if line.startswith(_MARK):
            out.append((line[len(_MARK):].strip(), []))
        else:
            out[-1][1].append(line)
    return [(h, _tidy("\n".join(lines))) for h, lines in out if h or "".join(lines).strip()]


def _tidy(text: str) -> str:
    text = text.replace("\r", "").replace("\u00a0", " ").replace("\u00ad", "")  # Word's &shy; hides in words
    text = re.sub(r"[ \t]+", " ", text)
    lines = [x.strip() for x in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def headed_parts(text: str) -> list[tuple[str, str]]:
    """A plain text whose own lines head its parts ("Sagsfremstilling\\n…\\n\\nIndstilling\\n…"): a short line that
    is a known section or decision heading starts a part; [("", text)] when none does. HTML is split on its
    heading elements elsewhere (``greve_json.read_field``), so it is returned whole."""
    if "<" in text and re.search(r"</?[a-zA-Z][^>]*>", text):
        return [("", text)]
    out: list[tuple[str, list[str]]] = [("", [])]
    for line in text.splitlines():
        bare = line.strip().rstrip(":").strip()
        if _heading_line(bare):
            out.append((bare, []))
        else:
            out[-1][1].append(line)
    if len(out) == 1:
        return [("", text)]
    return [(h, "\n".join(lines).strip()) for h, lines in out if h or "".join(lines).strip()]


def _heading_line(line: str) -> bool:
    if not 0 < len(line.split()) <= 6 or line.endswith("."):
        return False
    dec = vocab.decision_heading(line)
    return bool(dec and dec.inline_text is None) or vocab.section_name(line) is not None
