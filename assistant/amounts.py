"""Danish amounts in English: "3,2 mio. kr." -> "DKK 3.2 million", "670.000 kr." -> "DKK 670,000".

Used to frame an English answer around verbatim Danish quotes; the quote itself is never changed.
"""

from __future__ import annotations

import re

_AMOUNT = re.compile(
    r"(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)\s*(?P<scale>mio\.?|millioner|million|mia\.?|milliarder)?"
    r"\s*(?P<unit>kr\.?|kroner)", re.I)
_SCALES = {"mio": "million", "million": "million", "millioner": "million", "mia": "billion", "milliarder": "billion"}


def _english_number(raw: str) -> str:
    whole, _, frac = raw.partition(",")
    digits = whole.replace(".", "")
    grouped = f"{int(digits):,}" if digits.isdigit() else digits
    return grouped + (f".{frac}" if frac else "")


def english_amounts(text: str, limit: int = 4) -> list[str]:
    """The amounts in ``text`` written the English way, in order, without repeats."""
    out: list[str] = []
    for m in _AMOUNT.finditer(text):
        scale = (m.group("scale") or "").lower().rstrip(".")
        words = f" {_SCALES[scale]}" if scale in _SCALES else ""
        value = f"DKK {_english_number(m.group('num'))}{words}"
        if value not in out:
            out.append(value)
        if len(out) >= limit:
            break
    return out
