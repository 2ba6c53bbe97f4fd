"""The document inside a MIME message: a web page saved as MHTML (.mht) or an e-mail (.eml).

A browser saves a page as ``multipart/related``: the HTML in one part (often quoted-printable, in the page's own
charset), its style sheets and images in others. An e-mailed referat is ``multipart/alternative`` with a short
cover letter as ``text/plain`` and the minutes as ``text/html``, or it carries the minutes as an attached PDF, DOCX
or HTML file. The minutes are the attached document when the message has one, else the largest HTML part, else the
largest text part. The part is handed on transfer-decoded; a text part is re-encoded as UTF-8 from the charset its
header names, so the readers never guess a code page a header already states.

A message is recognised by its headers, never by the file name: ``MIME-Version`` among the first header lines, or a
``Content-Type`` naming a multipart or a transfer encoding. A plain e-mail pasted as text ("From: … Subject: …"
and a text body) is left to the text reader, which knows its header lines.
"""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass
from email.message import Message

# the header block a MIME message opens with (RFC 5322 fields, folded lines allowed)
_HEADER_LINE = re.compile(rb"^(?:[A-Za-z][A-Za-z0-9-]*:[^\r\n]*|[ \t][^\r\n]*)$")
_MIME = re.compile(rb"^(?:mime-version:|content-type:\s*multipart/|content-transfer-encoding:\s*"
                   rb"(?:quoted-printable|base64))", re.I | re.M)
# attachments a reader can read as minutes, by content type or file name
_DOCUMENT_TYPES = {"application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                   "application/vnd.oasis.opendocument.text", "application/rtf", "text/rtf", "application/msword"}
_DOCUMENT_NAMES = re.compile(r"\.(?:pdf|docx|odt|rtf|html?|xml|json|txt)$", re.I)
_HEADER_LIMIT = 60  # header lines read before deciding; real messages put MIME-Version in the first dozen


@dataclass
class Part:
    data: bytes
    what: str  # "attached document report.pdf", "HTML part", "text part": for the warning


def is_message(data: bytes) -> bool:
    """Does ``data`` open with a MIME header block (not merely an e-mail's From/Subject lines)?"""
    head = data.lstrip(b"\xef\xbb\xbf\r\n")[:8000]
    lines = head.splitlines()
    block: list[bytes] = []
    for line in lines[:_HEADER_LIMIT]:
        if not line.strip():
            break
        if not _HEADER_LINE.match(line):
            return False
        block.append(line)
    return bool(block) and _MIME.search(b"\n".join(block)) is not None


def _text(part: Message) -> str | None:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return None
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return payload.decode("cp1252", errors="replace")


def inner_document(data: bytes) -> Part | None:
    """The minutes inside a MIME message, or None when ``data`` is no MIME message or holds no document."""
    if not is_message(data):
        return None
    message = email.message_from_bytes(data.lstrip(b"\xef\xbb\xbf\r\n"), policy=email.policy.compat32)
    htmls: list[str] = []
    texts: list[str] = []
    for part in message.walk():
        if part.is_multipart():
            continue
        kind = part.get_content_type()
        name = part.get_filename() or ""
        attached = (part.get_content_disposition() == "attachment"
                    or (bool(name) and kind not in {"text/html", "text/plain"}))
        if attached and (kind in _DOCUMENT_TYPES or _DOCUMENT_NAMES.search(name)):
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload.strip():
                return Part(payload, f"attached document {name or kind}")
        elif kind == "text/html" and not attached:
            htmls.append(_text(part) or "")
        elif kind == "text/plain" and not attached:
            texts.append(_text(part) or "")
    for found, what in ((htmls, "HTML part"), (texts, "text part")):
        best = max(found, key=len, default="")
        if best.strip():
            return Part(best.encode("utf-8"), what)
    return None
