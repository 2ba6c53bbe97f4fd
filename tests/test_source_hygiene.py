"""No source file holds a control character: a regular expression written as "\\b" in a non-raw edit became a
literal backspace in answer_quote._PROPOSING and matched nothing for a week (found in session 26)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def test_no_source_file_holds_a_control_character() -> None:
    packages = ("assistant", "core", "ingest", "store", "eval", "tests", "bench", "prompts")
    files = [p for pkg in packages if (ROOT / pkg).is_dir() for p in (ROOT / pkg).rglob("*.py")]
    assert len(files) > 50
    bad = [f"{p.relative_to(ROOT)}:{n}" for p in files
           for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if _CONTROL.search(line)]
    assert bad == []
