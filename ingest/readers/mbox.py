"""An mbox mail archive (a mailing list's archive as Mailman/HyperKitty, Thunderbird or ``mailbox`` export it): the
meeting(s) its mails carry.

The format: messages one after another, each opened by a "From " separator line ("From sender@host  Tue Feb  4
12:02:11 2025", mboxo/mboxrd) and then an RFC 5322 message: headers (a Subject in RFC 2047 encoded words, in any
charset) and a body that may be ``multipart/alternative`` (a ``text/plain`` part, quoted-printable or 8bit, in the
charset it names, often ``format=flowed``, beside a ``text/html`` part, often base64) or carry the minutes as an
attached document. A committee's list holds, for one meeting, the agenda mail, the minutes mail and replies
quoting them; the mails' own dates are when they were sent, never the meeting's date.

Each message is read with the stdlib ``email`` package: its ``text/plain`` text (``ingest.mailtext``: flowed lines
joined, quoted text and signature dropped) goes through the text parser; a mail whose text holds no items is read
by the document it carries (``ingest.mime``: the attachment, else the HTML part) through the readers. A reply
("Re:", or ``In-Reply-To``) is discussion, not a publication of the minutes, and is set aside. The mails of one
meeting (the same committee and date) are one meeting: the minutes mail wins over the agenda mail, then the mail
with more decisions, then the later mail (a corrected referat). An archive of several meetings gives each.
"""

from __future__ import annotations

import email
import email.policy
import re
import weakref
from email.header import decode_header, make_header
from email.message import Message
from email.utils import parsedate_to_datetime

from core import municipalities
from core.errors import IngestError
from core.model import Meeting, fold
from ingest.read import Document
from ingest.readers.base import MeetingDraft, Source

MAX_MESSAGES = 2000
# the separator line an mbox opens each message with: "From <sender> <asctime>" (a zone or year order may vary)
_SEPARATOR = re.compile(rb"^From \S+\s+\w{3}\s+\w{3}\s+\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?\b[^\r\n]*$", re.M)
_HEADER = re.compile(rb"^[A-Za-z][A-Za-z0-9-]*:")
_REPLY = re.compile(r"^\s*(?:re|sv|aw|antw|vs)\s*(?:\[\d+\])?\s*:", re.I)


def is_mbox(data: bytes) -> bool:
    """Does ``data`` open with an mbox "From " separator line followed by a mail's header lines?"""
    head = data.lstrip(b"\xef\xbb\xbf\r\n")[:8000]
    first, _, rest = head.partition(b"\n")
    if not _SEPARATOR.match(first.rstrip(b"\r")):
        return False
    lines = rest.replace(b"\r\n", b"\n").split(b"\n\n", 1)[0].split(b"\n")[:5]  # the first header lines
    return len(lines) >= 2 and all(_HEADER.match(x) or x[:1] in (b" ", b"\t") for x in lines)


def messages(data: bytes, path: str) -> list[Message]:
    """The archive's messages (each without its separator line), parsed by ``email``. Split at the separator
    lines themselves (strict asctime form), as ``mailbox.mbox`` does, so a writer that leaves out the blank line
    before one still gives each message."""
    data = data.lstrip(b"\xef\xbb\xbf\r\n").replace(b"\r\n", b"\n")
    starts = [m.start() for m in _SEPARATOR.finditer(data)]  # a body's own "From " line is stored as ">From "
    if len(starts) > MAX_MESSAGES:
        raise IngestError(path, f"mbox holds more than {MAX_MESSAGES} messages (the limit)")
    out: list[Message] = []
    for start, end in zip(starts, [*starts[1:], len(data)], strict=True):
        chunk = data[start:end].split(b"\n", 1)[1] if b"\n" in data[start:end] else b""
        chunk = re.sub(rb"(?m)^>(>*From )", rb"\1", chunk)  # mboxrd: a body line "From …" is stored as ">From …"
        if chunk.strip():
            out.append(email.message_from_bytes(chunk, policy=email.policy.compat32))
    return out


def header_text(message: Message, name: str) -> str:
    """A header decoded from its RFC 2047 encoded words ("=?iso-8859-1?Q?Milj=F8udvalget?=")."""
    raw = message.get(name)
    if raw is None:
        return ""
    try:
        return " ".join(str(make_header(decode_header(str(raw)))).split())
    except (LookupError, UnicodeDecodeError, ValueError):
        return " ".join(str(raw).split())


def _sent(message: Message) -> str | None:
    try:
        return parsedate_to_datetime(str(message.get("Date"))).isoformat(timespec="seconds")
    except (TypeError, ValueError, IndexError):
        return None


def _plain_text(message: Message) -> str:
    from ingest.mailtext import own_text, part_text

    texts = []
    for part in message.walk():
        if part.is_multipart() or part.get_content_type() != "text/plain":
            continue
        if part.get_content_disposition() == "attachment":
            continue
        text = part_text(part)
        if text:
            texts.append(own_text(text))
    return "\n\n".join(t for t in texts if t.strip())


def _meeting(message: Message, path: str) -> Meeting | None:
    """The meeting one mail carries: its own text through the text parser (the subject standing in for a date or
    committee the text does not print), else the document it carries through the readers; None without items."""
    from ingest import mime
    from ingest.readers import read_source
    from ingest.readers.textparts import parse_text

    text = _plain_text(message)
    if text.strip():
        meeting = parse_text(Document(path, text))
        subject = header_text(message, "Subject")
        if (meeting is None or not meeting.items) and subject:
            meeting = parse_text(Document(path, f"{subject}\n\n{text}"))
        if meeting is not None and meeting.items:
            return meeting
    inner = mime.inner_document(message.as_bytes())
    if inner is None:
        return None
    try:
        meeting = read_source(Source(inner.data, path)).meeting
    except IngestError:
        return None
    return meeting if meeting.items and meeting.committee != municipalities.UNKNOWN_COMMITTEE else None


def _named_in_content(meeting: Meeting) -> bool:
    """Was the meeting's municipality read from the mail (not guessed from the archive's file name)?"""
    return meeting.municipality != municipalities.UNKNOWN and not any(
        e.startswith("file path") for e in meeting.municipality_evidence)


def _count(n: int) -> str:
    return f"{n} message{'' if n == 1 else 's'}"


def _rank(meeting: Meeting, sent: str | None) -> tuple[bool, int, str]:
    return meeting.status == "minutes", sum(1 for it in meeting.items if it.decisions), sent or ""


def analyse(src: Source) -> list[MeetingDraft]:
    """A draft per meeting the archive's mails carry (see the module)."""
    from ingest.readers.textparts import meeting_draft

    mails = messages(src.data, src.path)
    found: dict[tuple[str, str], list[tuple[Meeting, str | None, str]]] = {}
    replies = 0
    for message in mails:
        subject = header_text(message, "Subject")
        if message.get("In-Reply-To") or _REPLY.match(subject):
            replies += 1
            continue
        meeting = _meeting(message, src.path)
        if meeting is not None:
            key = (fold(meeting.committee), meeting.date.isoformat())
            found.setdefault(key, []).append((meeting, _sent(message), subject))
    if not found:
        raise IngestError(src.path, f"mbox archive of {_count(len(mails))}: no message holds agenda items")
    drafts = []
    for mails_of in found.values():
        mails_of.sort(key=lambda m: _rank(m[0], m[1]), reverse=True)
        meeting, sent, subject = mails_of[0]
        stated = meeting.municipality if _named_in_content(meeting) else None
        notes = [f"read the mail {subject!r} of an mbox archive of {_count(len(mails))}"]
        if len(mails_of) > 1:
            notes.append("set aside: " + "; ".join(f"the {m.status} mail {s!r}" for m, _, s in mails_of[1:]))
        if replies:
            notes.append(f"{replies} repl{'y' if replies == 1 else 'ies'} not read as minutes")
        draft = meeting_draft(meeting, stated, notes)
        draft.published = sent
        drafts.append(draft)
    return drafts


class MboxReader:
    """The mbox reader: sniffed by its separator line, analysed once per source."""

    name = "mbox"

    def __init__(self) -> None:
        self._cache: weakref.WeakKeyDictionary[Source, list[MeetingDraft]] = weakref.WeakKeyDictionary()

    def _drafts(self, src: Source) -> list[MeetingDraft]:
        if src not in self._cache:
            self._cache[src] = analyse(src)
        return self._cache[src]

    def sniff(self, src: Source) -> bool:
        return is_mbox(src.data)

    def read(self, src: Source) -> MeetingDraft:
        return self._drafts(src)[0]

    def read_all(self, src: Source) -> list[MeetingDraft]:
        drafts = self._drafts(src)
        return drafts if len(drafts) > 1 else []


READER = MboxReader()
