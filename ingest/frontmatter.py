"""YAML front matter ("---" ... "---" at the top of a Markdown file) read as the labelled meeting facts the
header parser knows ("Udvalg: ...", "Mødedato: ...", "Medlemmer: a, b", "Fraværende: a, b").

Values are read as strings only (no YAML dates, times as sexagesimal numbers or booleans). PyYAML is used when
it is installed; else the simple forms (``key: value``, ``key: [a, b]``, a ``- item`` block list) by hand.
"""

from __future__ import annotations

import re
import unicodedata

_FENCE = re.compile(r"^---[ \t]*$")
_MAX_LINES = 200

Value = str | list[str]

# front-matter key (lower case, æ/ø/å folded to ae/oe/aa) -> the header label it becomes
_LABELS: dict[str, str] = {
    **dict.fromkeys(("udvalg", "committee", "organ", "forum", "moedeforum"), "Udvalg"),
    **dict.fromkeys(("dato", "date", "moededato"), "Mødedato"),
    **dict.fromkeys(("tid", "time", "starttid", "start", "moedetid", "moedetidspunkt", "tidspunkt", "kl"),
                    "Mødetidspunkt"),
    **dict.fromkeys(("sted", "moedested", "location", "lokale", "venue"), "Mødested"),
    **dict.fromkeys(("deltagere", "medlemmer", "participants", "members", "moededeltagere"), "Medlemmer"),
    **dict.fromkeys(("fravaerende", "fravaer", "afbud", "absent", "absentees"), "Fraværende"),
}
_MUNICIPALITY = {"kommune", "municipality", "region", "myndighed", "authority"}
_STATUS = {"type", "status", "dokumenttype", "kind"}


def _key(key: str) -> str:
    key = key.strip().lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    key = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", key)


def split(text: str) -> tuple[list[str], str] | None:
    """(front-matter lines, the rest of the text), or None when the text does not open with front matter."""
    lines = text.lstrip("\ufeff").split("\n")
    if not lines or not _FENCE.match(lines[0]):
        return None
    end = next((i for i in range(1, min(len(lines), _MAX_LINES)) if _FENCE.match(lines[i])), None)
    if end is None or end < 2:
        return None
    body = lines[1:end]
    if not any(re.match(r"^[\w\-æøåÆØÅ]+\s*:", x) for x in body):
        return None
    return body, "\n".join(lines[end + 1:])


def _scalar(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _flow(value: str) -> list[str]:
    return [_scalar(x) for x in value.strip()[1:-1].split(",") if x.strip()]


def _by_hand(lines: list[str]) -> dict[str, Value]:
    out: dict[str, Value] = {}
    key: str | None = None
    for line in lines:
        item = re.match(r"^\s+-\s+(?P<v>.*)$|^-\s+(?P<w>.*)$", line)
        if item and key is not None:
            found = out.get(key)
            values = found if isinstance(found, list) else []
            values.append(_scalar(item.group("v") or item.group("w") or ""))
            out[key] = values
            continue
        m = re.match(r"^(?P<k>[^\s:#][^:]*):(?:\s+(?P<v>.*))?$", line)
        if not m:
            continue
        key = m.group("k").strip()
        value = (m.group("v") or "").strip()
        out[key] = _flow(value) if value.startswith("[") and value.endswith("]") else _scalar(value)
    return out


def _strings(value: object) -> Value | None:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return [str(x) for x in value if isinstance(x, (str, int, float)) and str(x).strip()]
    return None


def parse(lines: list[str]) -> dict[str, Value]:
    """The front matter's keys with string or list-of-strings values."""
    try:
        import yaml
    except ImportError:
        return _by_hand(lines)
    try:
        loaded = yaml.load("\n".join(lines), Loader=yaml.BaseLoader)  # strings only: no dates, no 16:00 = 960
    except yaml.YAMLError:
        return _by_hand(lines)
    if not isinstance(loaded, dict):
        return {}
    out: dict[str, Value] = {}
    for key, value in loaded.items():
        found = _strings(value)
        if isinstance(key, str) and found is not None:
            out[key] = found
    return out


def header_lines(facts: dict[str, Value]) -> list[str]:
    """The facts as header lines: the municipality, the document kind, then labelled lines."""
    out: list[str] = []
    labelled: list[str] = []
    for key, value in facts.items():
        name = _key(key)
        text = ", ".join(x.strip() for x in value if x.strip()) if isinstance(value, list) else value.strip()
        if not text:
            continue
        if name in _MUNICIPALITY:
            out.append(text)
        elif name in _STATUS and re.match(r"^(?:referat|dagsorden|beslutningsprotokol)\b", text, re.I):
            out.append(text.capitalize())
        elif name in _LABELS:
            label = _LABELS[name]
            if label == "Mødetidspunkt" and not text.lower().startswith("kl"):
                text = f"kl. {text}"
            labelled.append(f"{label}: {text}")
    return out + labelled


def as_header(text: str) -> str:
    """The text with its front matter (if any) replaced by header lines the header parser reads."""
    found = split(text)
    if found is None:
        return text
    lines, rest = found
    head = header_lines(parse(lines))
    return "\n".join(head) + "\n\n" + rest if head else rest


def stated(text: str) -> dict[str, str]:
    """The meeting's facts the front matter states as fields, as the parser's hints: "municipality" (``kommune``,
    ``municipality``, ``region``), "committee" (``udvalg``, ``committee``) and "date" (``dato``, ``date``)."""
    found = split(text)
    if found is None:
        return {}
    out: dict[str, str] = {}
    for key, value in parse(found[0]).items():
        name = _key(key)
        text = value.strip() if isinstance(value, str) else ""
        kind = ("municipality" if name in _MUNICIPALITY else "committee" if _LABELS.get(name) == "Udvalg"
                else "date" if _LABELS.get(name) == "Mødedato" else None)
        if kind and text and kind not in out:
            out[kind] = text
    return out
