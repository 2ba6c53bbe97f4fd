"""SBSYS eDagsorden Publication of a newer version (``<Publication Version="3.1">``): encoded contents and
attendance recorded per item, for ``sbsys_xml``.

- ``<ContentEncoding>Base64</ContentEncoding>`` (on the publication or its agenda; or an ``Encoding``/
  ``ContentEncoding`` attribute on the element itself): every ``ItemField/Content``, the ``Frontpage`` and the
  ``ItemHistory`` contents are BASE64 of UTF-8 HTML instead of HTML in CDATA. They are decoded before they are
  read; a value that is not base64 is kept as written, with a warning naming the element.
- Attendance kept only per item (``Items/Item/Members/ItemMember/{Name, ParticipationStatusAsText "Absent",
  ParticipationNote "Afbud"}``) while every ``Meeting/Members/MeetingMember`` says "NotDecided": each item keeps
  its own absentees, and a member absent from every item that lists members was absent from the meeting.
"""

from __future__ import annotations

import base64
import binascii
import re

from ingest.readers.xmlutil import Element, child, local, markup, text

_BASE64 = re.compile(r"^\s*base-?64\s*$", re.I)


class Contents:
    """Reads content elements as markup, decoding them when the publication declares them base64."""

    def __init__(self, root: Element | None, agenda: Element | None) -> None:
        declared = text(root, "ContentEncoding") or text(agenda, "ContentEncoding")
        self.base64 = bool(_BASE64.match(declared))
        self.warnings: list[str] = []

    def markup(self, el: Element | None) -> str:
        raw = markup(el)
        own = (el.get("Encoding") or el.get("ContentEncoding") or "") if el is not None else ""
        if not raw.strip() or not (self.base64 or _BASE64.match(own)):
            return raw
        try:
            data = base64.b64decode("".join(raw.split()), validate=True)
        except (binascii.Error, ValueError):
            name = local(el) if el is not None else "content"
            self.warnings.append(f"{name} is not base64 although the publication declares it; read as written")
            return raw
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:  # an older exporter's Windows code page
            return data.decode("cp1252", errors="replace")


def absent_throughout(item_absentees: list[list[str]], listed: list[bool]) -> list[str]:
    """The members absent from every item that lists members (``listed``: the item has ``ItemMember`` rows), in
    the order the first such item names them; none when no item lists members."""
    rows = [names for names, has in zip(item_absentees, listed, strict=True) if has]
    if not rows:
        return []
    return [name for name in rows[0] if all(name in names for names in rows[1:])]


def lists_members(item: Element) -> bool:
    """Whether the item has its own member list (``Members/ItemMember``)."""
    members = child(item, "Members")
    return members is not None and any(local(m) == "ItemMember" for m in members)
