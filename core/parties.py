"""Danish national parties: the letter the minutes print ("A og Ø stemte imod") and the names users ask by.

Minutes name parties by their ballot letter; users ask by name, in Danish or English ("Why did Enhedslisten
vote against?", "Did the Social Democrats support it?"). One table maps between them, so an item that says
"Ø" counts as mentioning Enhedslisten, and an answer can say which party a letter stands for.
"""

from __future__ import annotations

import re
from functools import cache

from core.model import fold

# letter -> names (the Danish name first; then short and English names). National parties only: local lists
# carry letters that differ from municipality to municipality.
PARTIES: dict[str, tuple[str, ...]] = {
    "A": ("Socialdemokratiet", "Socialdemokraterne", "Socialdemokrat", "Social Democrats", "Social Democratic Party"),
    "B": ("Radikale Venstre", "De Radikale", "Radikale", "Social Liberal Party", "Social Liberals"),
    "C": ("Det Konservative Folkeparti", "Konservative Folkeparti", "De Konservative", "Konservative",
          "Conservative People's Party", "Conservatives", "Conservative Party"),
    "D": ("Nye Borgerlige", "New Right"),
    "F": ("SF", "Socialistisk Folkeparti", "Green Left", "Socialist People's Party"),
    "I": ("Liberal Alliance",),
    "K": ("Kristendemokraterne", "Christian Democrats"),
    "M": ("Moderaterne", "Moderates"),
    "O": ("Dansk Folkeparti", "Danish People's Party", "DF"),
    "V": ("Venstre", "Venstre, Danmarks Liberale Parti", "Liberal Party", "Liberals"),
    "Ø": ("Enhedslisten", "Red-Green Alliance", "Red–Green Alliance", "Red Green Alliance", "Unity List"),
    "Å": ("Alternativet", "The Alternative"),
    "Æ": ("Danmarksdemokraterne", "Denmark Democrats", "Danish Democrats", "DD"),
}


@cache
def _names() -> re.Pattern[str]:
    names = sorted({n for ns in PARTIES.values() for n in ns}, key=len, reverse=True)
    return re.compile(r"(?<![\wÆØÅæøå])(?:the\s+)?(" + "|".join(re.escape(n) for n in names) + r")(?![\wÆØÅæøå])",
                      re.I)


@cache
def _by_name() -> dict[str, str]:
    return {fold(n): letter for letter, ns in PARTIES.items() for n in ns}


_LOWER_OK = {fold(w) for w in ("socialdemokratiet", "socialdemokraterne", "enhedslisten", "danmarksdemokraterne",
                                "kristendemokraterne", "socialdemokrater")}


def party_names(text: str) -> list[tuple[str, str, int, int]]:
    """The party names ``text`` mentions: (name as written, letter, start, end), in order.
    Short names that are ordinary words elsewhere (SF, DF, Venstre as "left") count only capitalised."""
    out = []
    for m in _names().finditer(text):
        name = m.group(1)
        # a chat question in lower case still names "social democrats", "enhedslisten"; a short or ordinary word
        # ("venstre" is left, "sf" a typo) counts only capitalised
        if not name[:1].isupper() and not (" " in name.strip() or fold(name) in _LOWER_OK):
            continue
        out.append((name, _by_name()[fold(name)], m.start(1), m.end(1)))
    return out


def letter_of(name: str) -> str | None:
    """The ballot letter of a party name ("Enhedslisten" -> "Ø"), also in the genitive ("Radikale Venstres"), or
    None."""
    key = fold(name.removeprefix("the ").removeprefix("The "))
    found = _by_name().get(key)
    if found is None and key.endswith("s") and len(key) > 4:
        found = _by_name().get(key[:-1])
    return found


def name_of(letter: str) -> str | None:
    """The Danish name of a ballot letter ("Ø" -> "Enhedslisten"), or None."""
    names = PARTIES.get(letter.upper())
    return names[0] if names else None


def mentions_letter(text: str, letter: str) -> bool:
    """Does ``text`` print the ballot letter as a party: standing alone in a list, in parentheses or before
    a vote verb ("A og Ø stemte imod", "(V)", "A, med bemærkning"). "I" also opens sentences, so it counts
    only in parentheses or a list of letters."""
    L = re.escape(letter.upper())
    # a full stop may end the list ("Undlod at stemme: F.") but not an initial ("A. Jensen")
    edge_l, edge_r = r"(?<![\wÆØÅæøå.\-])", r"(?![\wÆØÅæøå\-]|\.[ \t]*[^\s])"
    if letter.upper() == "I":
        return re.search(rf"\({L}\)|[A-ZÆØÅ], {L}{edge_r}|{edge_l}{L},? (?:og|and) [A-ZÆØÅ]{edge_r}", text) is not None
    # a list's last letter before the next sentence ("For stemte: A, C. Imod stemte: Ø.") is no initial either
    return re.search(rf"{edge_l}{L}{edge_r}|(?:[A-ZÆØÅ],\s|[A-ZÆØÅ] og\s|stemte:\s){L}\.", text) is not None


def mentions(text: str, name: str) -> bool:
    """Does ``text`` mention the party ``name`` (by a name of it or its ballot letter)?"""
    letter = letter_of(name)
    if letter is None:
        return False
    if mentions_letter(text, letter):
        return True
    folded = fold(text)
    return any(re.search(rf"(?<![a-z0-9]){re.escape(fold(n))}", folded) for n in PARTIES[letter])
