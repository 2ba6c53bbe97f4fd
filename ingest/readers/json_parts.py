"""The parts of a JSON item's body that ``generic_json`` reads: a body value as (heading, text) parts (a string, a
list of strings or {heading, text} objects, an object mapping headings to texts: ``parts``); a plain text split on
the lines that head its sections (``text_parts``); an HTML body opening with the item's title as a heading
(``html_head``) and the "Sagsnr.:"/"Journalnr.:" line before its sections (``case_line``).

A plain text heads its sections with bare lines ("Baggrund\\nKommunens regnskab …\\n\\nIndstilling\\n…"). A line
naming a known section or decision heading ("Indstilling", "Afgørelse") always starts a part. Once a text has
such a line, a short line that opens a paragraph and is directly followed by that paragraph's text ("Faktiske
forhold\\nRegnskabet viser …"), and that reads as a heading (a capital, at most five words, no digits and no
sentence punctuation), starts a part too: the same text printed with headings that no word list knows.
"""

from __future__ import annotations

import re
from typing import Any

from bs4 import BeautifulSoup

from core import vocab
from ingest.readers import fieldnames as names
from ingest.readers.greve_json import text_of
from ingest.readers.json_rows import flat, formatted
from ingest.readers.markup import fragment_text

HTML_HEAD = re.compile(r"^\s*<(h[1-6])\b[^>]*>(?P<title>.*?)</\1\s*>", re.I | re.S)
CODE = re.compile(r"[A-Za-z][\w-]{0,30}")  # a one-word code ("decided", "approved", "in_progress")
PRINTED_NUMBER = re.compile(r"^(?:punkt|pkt\.?|nr\.?)?\s*\d{1,4}(?:\.\d{1,3})*[.)]?\s+", re.I)
CASE_LINE = re.compile(r"^(?:Sagsnr|Sagsnummer|Sag nr|J\.?\s?nr|Journalnr|Journalnummer|Jour\.?\s?nr)\.?\s*:?\s*"
                       r"(?P<case>\S+)$", re.I)
BARE_HEADING = re.compile(r"[^\W\d_][^\W\d_ /&'-]*(?:[ /&'-]+[^\W\d_]+){0,4}")


def parts(value: Any) -> list[tuple[str, str]]:
    """A body as (heading, HTML or text): a string; a list of strings or of {heading, text} objects; or an
    object mapping headings to texts."""
    if isinstance(value, str | int | float):
        return [("", str(value))]
    if isinstance(value, list):
        return [part(p) if isinstance(p, dict) else ("", flat(p)) for p in value]
    if isinstance(value, dict) and formatted(value) is not None:
        return [("", formatted(value) or "")]
    if isinstance(value, dict):
        heading, text = part(value)
        if heading and "text" in names.fields(value):  # {heading, text}
            return [(heading, text)]
        found = [(str(k), flat(v)) for k, v in value.items() if isinstance(v, str | list | dict) and flat(v).strip()]
        # {"status": "decided", "html": "<p>Udvalget besluttede …</p>"}: a one-word status code beside the text is
        # the object's state, not a part of its text
        texts = [(k, v) for k, v in found if not (names.kind_of(k, names.KIND) and CODE.fullmatch(v.strip()))]
        return texts or found
    return []


def part(value: dict[str, Any]) -> tuple[str, str]:
    """A {heading, text} object. The heading is its title, else its type ("Background"); a type or title
    naming a decision makes it a decision ({"type": "Decision", "title": "Udvalgets svar"})."""
    sub = names.fields(value)
    title = text_of(sub.get("title", ("", ""))[1])
    label = next((lb for k, v in value.items()
                  if names.fold(k) in names.LABEL_KEYS and (lb := names.label(text_of(v)))), "")
    heading = title or label
    if any(names.kind_of(x, names.DECISION) for x in (label, title) if x) and vocab.decision_heading(heading) is None:
        heading = "Beslutning"
    return heading, flat(sub.get("text", sub.get("decision", ("", "")))[1])


def section_list(value: Any) -> bool:
    """A list of {heading, text} objects under a name no field list knows ("blokke": [{"type", "tekst"}])."""
    found = [part(p) for p in value if isinstance(p, dict)] if isinstance(value, list) else []
    return 0 < len(found) == len(value) and all(h for h, _ in found) and any(t.strip() for _, t in found)


def prose(value: str) -> bool:
    """A string that reads as text (several words), not an id, a URL or a code."""
    return len(value.split()) >= 4 and not re.match(r"^\s*(?:https?://|[\w.-]+@)", value)


def _known(line: str) -> bool:
    if not 0 < len(line.split()) <= 6 or line.endswith("."):
        return False
    dec = vocab.decision_heading(line)
    return bool(dec and dec.inline_text is None) or vocab.section_name(line) is not None


def heading_lines(lines: list[str]) -> dict[int, str]:
    """The lines of a plain text that head its parts, by index: known headings, and once there is one, the
    bare short lines that open a paragraph and are followed by its text (see the module's docstring)."""
    known = {i: bare for i, line in enumerate(lines) if _known(bare := line.strip().rstrip(":").strip())}
    if not known:
        return {}
    out = dict(known)
    for i, line in enumerate(lines):
        bare = line.strip()
        if (i not in known and (i == 0 or not lines[i - 1].strip()) and i + 1 < len(lines) and i + 1 not in known
                and lines[i + 1].strip() and BARE_HEADING.fullmatch(bare) and bare[0].isupper()):
            out[i] = bare
    return out


def text_parts(text: str) -> list[tuple[str, str]]:
    """A plain text split on its heading lines (``heading_lines``): [(heading, text)], '' for text before the first
    heading; [("", text)] when no line heads a part. HTML is split on its heading elements elsewhere
    (``greve_json.read_field``), so it is returned whole."""
    if "<" in text and re.search(r"</?[a-zA-Z][^>]*>", text):
        return [("", text)]
    lines = text.splitlines()
    heads = heading_lines(lines)
    if not heads:
        return [("", text)]
    out: list[tuple[str, list[str]]] = [("", [])]
    for i, line in enumerate(lines):
        if i in heads:
            out.append((heads[i], []))
        else:
            out[-1][1].append(line)
    return [(h, "\n".join(body).strip()) for h, body in out if h or "".join(body).strip()]


def html_head(record: dict[str, Any]) -> tuple[str, str, str] | None:
    """A record with no title whose body is one HTML string opening with a heading: (key, the heading
    without its printed number, the rest of the body)."""
    for key, value in record.items():
        if names.kind(key) == "text" and isinstance(value, str) and (m := HTML_HEAD.match(value)):
            title = PRINTED_NUMBER.sub("", fragment_text(m.group("title")).replace("\n", " "))
            if title.strip():
                return str(key), " ".join(title.split()), value[m.end():]
    return None


def case_line(html: str) -> tuple[str | None, str]:
    """A "Sagsnr.: 24/7701" element before the body's first heading: (the case number, the body without it)."""
    soup = BeautifulSoup(html, "lxml")
    for el in soup.find_all(["p", "div", "span"]):
        if el.find_previous(["h1", "h2", "h3", "h4", "h5", "h6"]) is not None:
            break
        m = CASE_LINE.match(" ".join(el.get_text(" ").replace("\u00a0", " ").split()))
        if m:
            el.decompose()
            body = soup.body
            return m.group("case"), body.decode_contents() if body else str(soup)
    return None, html
