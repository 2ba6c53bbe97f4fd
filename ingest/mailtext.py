"""The writer's own text of an e-mail's ``text/plain`` part, as the lines the segmenter reads.

A mail body carries more than its writer's text. ``format=flowed`` (RFC 3676, Thunderbird and Mailman write it)
breaks a long line into several, each but the last ending in a space (a "soft" break), and stuffs a space before a
line that opens with a space, ">" or "From "; here the soft breaks are joined again. A reply quotes the mail it
answers: lines opening with ">" under an attribution line ("Den 12.02.2025 kl. 09:41 skrev …:", "On … wrote:"), or
Outlook's unprefixed copy under "-----Original Message-----" / "Fra: … Sendt: …"; a signature follows "-- ". The
quoted and forwarded text is the other mail's, already in the archive in its own right, and the signature is no
one's minutes: both are dropped, so a reply quoting an item's decision adds no item and changes none.
"""

from __future__ import annotations

import re
from email.message import Message

# the line a mail client writes above the text it quotes: "Den 12.02.2025 kl. 09:41 skrev X:", "On Tue, … wrote:"
_ATTRIBUTION = re.compile(r"^.{0,300}\b(?:skrev|wrote|schrieb|a écrit|escribió)\b.{0,200}:\s*$", re.I)
# Outlook and webmail: everything below is the earlier mail, quoted without ">" marks
_ORIGINAL = re.compile(r"^\s*(?:-{2,}\s*(?:Original Message|Oprindelig meddelelse|Videresendt meddelelse|"
                       r"Forwarded message|Opr\. meddelelse)\s*-{2,}|_{10,})\s*$", re.I)
_OUTLOOK_HEAD = re.compile(r"^\s*(?:Fra|From)\s*:\s*\S", re.I)
_OUTLOOK_NEXT = re.compile(r"^\s*(?:Sendt|Sent|Dato|Date)\s*:\s*\S", re.I)
_OUTLOOK_SUBJECT = re.compile(r"^\s*(?:Emne|Subject|Til|To)\s*:", re.I)


def part_text(part: Message) -> str | None:
    """A text part transfer-decoded and read in the charset its header names (cp1252 where that fails); None for a
    part without a text payload."""
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return None
    charset = part.get_content_charset() or "utf-8"
    try:
        text = payload.decode(charset)
    except (LookupError, UnicodeDecodeError):
        text = payload.decode("cp1252", errors="replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if str(part.get_param("format") or "").lower() == "flowed":
        text = unflow(text, str(part.get_param("delsp") or "").lower() == "yes")
    return text


def unflow(text: str, delsp: bool = False) -> str:
    """``format=flowed`` text with its soft line breaks joined (RFC 3676): a line ending in a space goes on in the
    next line of the same quote depth; the space a sender stuffed before a line is taken off."""
    out: list[str] = []
    joining = False
    for raw in text.split("\n"):
        line = raw[1:] if raw.startswith(" ") else raw  # space-stuffing
        if joining and out and not line.startswith(">") and raw != "-- ":
            out[-1] += line
        else:
            out.append(line)
        joining = line.endswith(" ") and raw != "-- " and not line.startswith(">")
        if joining and delsp:
            out[-1] = out[-1][:-1]
    return "\n".join(x if x == "-- " else x.rstrip() for x in out)


def own_text(text: str) -> str:
    """The writer's own lines: quoted lines (">") and the attribution line above them, an Outlook-style quoted
    mail, and the signature after "-- " dropped."""
    lines = text.split("\n")
    out: list[str] = []
    for k, line in enumerate(lines):
        if line == "-- " or _ORIGINAL.match(line) or _outlook_quote(lines, k):
            break
        if line.lstrip().startswith(">"):
            continue
        nxt = next((x for x in lines[k + 1:] if x.strip()), "")
        if _ATTRIBUTION.match(line.strip()) and nxt.lstrip().startswith(">"):
            continue
        out.append(line)
    while out and not out[-1].strip():
        out.pop()
    return "\n".join(out)


def _outlook_quote(lines: list[str], k: int) -> bool:
    """An Outlook reply's quoted mail: a "Fra: …" line, then "Sendt: …" (or "Dato:") and "Til:"/"Emne:" lines."""
    return bool(_OUTLOOK_HEAD.match(lines[k]) and any(_OUTLOOK_NEXT.match(x) for x in lines[k + 1:k + 3])
                and any(_OUTLOOK_SUBJECT.match(x) for x in lines[k + 1:k + 5]))
