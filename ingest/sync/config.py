"""``sources.toml``: one ``[[source]]`` table per portal, and durations such as ``30m`` / ``1h``."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.errors import ReferatError

KINDS = ("agenda-api", "firstagenda-site", "publication-folder")
_KEYS = {"name", "municipality", "kind", "url", "path", "committees", "years", "delay"}


class SourcesError(ReferatError):
    """sources.toml is missing, not TOML, or names a source wrongly."""


@dataclass(frozen=True)
class SourceConfig:
    name: str
    kind: str
    base: str  # the portal's base URL, or the publication folder (absolute)
    municipality: str | None = None  # None: detected from each document, as `referat ingest` does
    committees: tuple[str, ...] = ()  # empty: every committee
    years: tuple[int, ...] = ()  # empty: every year (a First Agenda site: this year and last)
    delay: float | None = None  # seconds between requests to the portal (default: the setting)

    @property
    def remote(self) -> bool:
        return self.kind != "publication-folder"


@dataclass(frozen=True)
class SourcesFile:
    path: Path
    sources: list[SourceConfig]
    contact: str = ""  # an e-mail or URL for the User-Agent, so a portal's operator can reach you

    def pick(self, names: list[str] | None) -> list[SourceConfig]:
        if not self.sources:
            raise SourcesError(f"{self.path}: no [[source]] tables; nothing to sync")
        if not names:
            return list(self.sources)
        known = {s.name: s for s in self.sources}
        missing = [n for n in names if n not in known]
        if missing:
            raise SourcesError(f"{self.path}: no source named {', '.join(map(repr, missing))} "
                               f"(known: {', '.join(known) or 'none'})")
        return [known[n] for n in names]


def load_sources(path: Path) -> SourcesFile:
    if not path.is_file():
        raise SourcesError(f"{path}: no such file (write one like the sources.toml at the repository root, "
                           "or point REFERAT_SOURCES at it)")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SourcesError(f"{path}: not valid TOML ({exc})") from exc
    raw = data.get("source", [])
    if not isinstance(raw, list):
        raise SourcesError(f"{path}: write each source as a [[source]] table")
    sources = [_source(path, k, entry) for k, entry in enumerate(raw, 1)]
    names = [s.name for s in sources]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise SourcesError(f"{path}: source names must be unique ({', '.join(dupes)})")
    contact = data.get("contact", "")
    if not isinstance(contact, str):
        raise SourcesError(f"{path}: contact must be a string")
    return SourcesFile(path, sources, contact)


def _source(path: Path, k: int, entry: Any) -> SourceConfig:
    where = f"{path}: source #{k}"
    if not isinstance(entry, dict):
        raise SourcesError(f"{where}: not a table")
    unknown = sorted(set(entry) - _KEYS)
    if unknown:
        raise SourcesError(f"{where}: unknown key(s) {', '.join(unknown)} (known: {', '.join(sorted(_KEYS))})")
    name = entry.get("name")
    if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", name):
        raise SourcesError(f"{where}: name must be a short word (letters, digits, - _ .), got {name!r}")
    where = f"{path}: source {name!r}"
    kind = entry.get("kind")
    if kind not in KINDS:
        raise SourcesError(f"{where}: kind must be one of {', '.join(KINDS)}, got {kind!r}")
    if kind == "publication-folder":
        folder = entry.get("path")
        if not isinstance(folder, str) or not folder:
            raise SourcesError(f"{where}: a publication-folder needs path = \"…\"")
        base = str((path.parent / Path(folder).expanduser()).resolve())
    else:
        url = entry.get("url")
        if not isinstance(url, str) or not re.match(r"https?://[^/\s]+", url):
            raise SourcesError(f"{where}: a {kind} needs url = \"https://…\", got {url!r}")
        base = url.rstrip("/")
    municipality = entry.get("municipality")
    if municipality is not None and (not isinstance(municipality, str) or not municipality.strip()):
        raise SourcesError(f"{where}: municipality must be a name such as \"Greve\"")
    committees = entry.get("committees", [])
    if not isinstance(committees, list) or not all(isinstance(c, str) and c.strip() for c in committees):
        raise SourcesError(f"{where}: committees must be a list of names")
    years = entry.get("years", [])
    if not isinstance(years, list) or not all(isinstance(y, int) and 1990 <= y <= 2100 for y in years):
        raise SourcesError(f"{where}: years must be a list of years such as [2024, 2025]")
    delay = entry.get("delay")
    if delay is not None and (not isinstance(delay, int | float) or delay < 0):
        raise SourcesError(f"{where}: delay must be a number of seconds >= 0")
    return SourceConfig(name=name, kind=kind, base=base, municipality=municipality.strip() if municipality else None,
                        committees=tuple(c.strip() for c in committees), years=tuple(years),
                        delay=float(delay) if delay is not None else None)


_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*(min|sec|d|h|m|s)?", re.I)
_UNIT = {"d": 86400, "h": 3600, "m": 60, "min": 60, "s": 1, "sec": 1, None: 1}


def parse_duration(text: str) -> float:
    """``90s``, ``30m``, ``1h``, ``1h30m``, ``2d`` or a number of seconds -> seconds (> 0)."""
    raw = text.strip().lower().replace(" ", "")
    pos, total = 0, 0.0
    while pos < len(raw):
        m = _DURATION.match(raw, pos)
        if not m or m.end() == pos:
            raise ValueError(f"not a duration: {text!r} (write e.g. 30m, 1h, 1h30m, 90s)")
        total += float(m.group(1)) * _UNIT[m.group(2).lower() if m.group(2) else None]
        pos = m.end()
    if total <= 0:
        raise ValueError(f"not a duration: {text!r} (write e.g. 30m, 1h, 1h30m, 90s)")
    return total
