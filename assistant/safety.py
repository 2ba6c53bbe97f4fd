"""Minutes are untrusted text. Before item text goes into an LLM prompt, lines that read as
instructions to a model (prompt injection) are replaced, and our own source delimiters are escaped."""

from __future__ import annotations

import re

INJECTION = re.compile(
    r"ignor\w*\s+(?:all\w*\s+|alle\s+)?(?:previous|prior|above|earlier|tidligere|ovenstående|foregående)|"
    r"disregard\s+(?:all|the|previous)|glem\s+(?:alle\s+)?(?:regler|reglerne|instruktion)|forget\s+(?:all|your|the)\s+"
    r"(?:rules|instructions)|\bsystem\s*(?:prompt)?\s*:|new\s+system\s+prompt|nyt?\s+system\s*prompt|"
    r"developer\s+mode|jailbreak|du\s+er\s+nu\b|you\s+are\s+now\b|\bassistant\s*:|\bassistent\s*:|"
    r"begin\s+instructions|end\s+instructions|svar\s+kun\b|answer\s+only\b|reply\s+(?:only\s+)?with\b|"
    r"respond\s+(?:only\s+)?with\b|</?\s*source\b|<\|im_(?:start|end)\|>|\[/?inst\]|<!--|"
    r"(?:^|[\s>(])(?:svar|answer)\s*:",
    re.I,
)
REDACTED = "[fjernet: tekst der ligner en instruktion til en sprogmodel]"


def sanitize(text: str) -> tuple[str, int]:
    """The text with instruction-like lines replaced, and how many were replaced."""
    out, n = [], 0
    for line in text.split("\n"):
        if INJECTION.search(line):
            out.append(REDACTED)
            n += 1
        else:
            out.append(line.replace("<", "‹").replace(">", "›"))
    return "\n".join(out), n
