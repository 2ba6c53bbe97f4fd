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


# an amount as a question or an item writes it: "2,7 mio. kr.", "2.7 million kroner", "DKK 2.7 million",
# "2.700.000 kr.", "kr. 450.000"
_ANY_AMOUNT = re.compile(
    r"(?:\bdkk\s*|\bkr\.\s*)?(?P<num>\d{1,3}(?:[.,]\d{3})+(?![\d])|\d+(?:[.,]\d+)?)\s*"
    r"(?P<scale>mio\.?|millioner|millions?|mia\.?|milliarder|billions?|mill\.?)?\s*(?P<unit>kr\.?|kroner|dkk|crowns)?",
    re.I)
_FACTORS = {"mio": 1e6, "millioner": 1e6, "million": 1e6, "millions": 1e6, "mill": 1e6, "mia": 1e9, "milliarder": 1e9,
            "billion": 1e9, "billions": 1e9}
# "over 2 mio.", "more than DKK 1 million": a bound, not an amount the minutes must state
_BOUND = re.compile(r"(?:over|under|mere end|mindre end|op til|højst|mindst|more than|less than|above|below|up to|"
                    r"at least|at most)\s*$", re.I)


def _number(raw: str) -> float | None:
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", raw):
        return float(re.sub(r"[.,]", "", raw))  # thousands separators: "2.700.000", "2,700,000"
    try:
        return float(raw.replace(",", "."))
    except ValueError:
        return None


def money_values(text: str) -> set[float]:
    """The sums of money ``text`` states, in kroner: a number with a scale or a unit of money."""
    out = set()
    for m in _ANY_AMOUNT.finditer(text):
        scale = (m.group("scale") or "").lower().rstrip(".")
        if not scale and not m.group("unit") and not re.match(r"dkk|kr", m.group(0), re.I):
            continue  # a bare number is no sum of money
        value = _number(m.group("num"))
        if value is not None:
            out.add(value * _FACTORS.get(scale, 1.0))
    return out


def asked_amounts(question: str) -> set[float]:
    """The sums of money a question states as facts ("the bidder who offered 2.7 million kroner"), not as bounds."""
    out: set[float] = set()
    for m in _ANY_AMOUNT.finditer(question):
        if _BOUND.search(question[:m.start()]):
            continue
        out |= money_values(m.group(0))
    return out


_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.,]\d)")  # "Indstillingen på 80.000 til ...": a sum


def stated_values(text: str) -> set[float]:
    """The sums an item may state: its sums of money, and numbers written with thousands points ("80.000"),
    which minutes print for kroner even without the unit."""
    return money_values(text) | {float(m.group(0).replace(".", "")) for m in _GROUPED.finditer(text)}


def unstated_amount(question: str, item_text: str) -> float | None:
    """A sum the question states that the item states nowhere (allowing for rounding); else None."""
    said = stated_values(item_text)
    for value in sorted(asked_amounts(question)):
        if not any(abs(v - value) <= 0.051 * max(v, value) for v in said):
            return value
    return None


def sum_sentences(question: str, sentences: list[str]) -> list[str]:
    """The sentences stating a sum the question states ("the bidder who offered 2.7 million kroner" finds "Det
    næsthøjeste bud er på 2.700.000 kr. fra en privat køber"): what the question asks is said of that sum there."""
    asked = asked_amounts(question)
    return [s for s in sentences if any(abs(v - a) <= 0.051 * max(v, a) for v in stated_values(s) for a in asked)]
