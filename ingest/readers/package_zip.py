"""A meeting package: a ZIP of one document per agenda item, a cover with the meeting's facts and contents, and
attachments ("Bilag"), as portals hand it out behind "Hent samlet referat".

Sniffed by content: a zip that is no Office or ODF document (no ``[Content_Types].xml``, no ``mimetype``, no
``META-INF/manifest.xml``: those are DOCX/XLSX/ODT/ODS, read elsewhere) and holds at least one document the text
parser reads into a numbered item. The package's structure decides what each member is:

- an **item document** yields items with content (text, case number or decision); each is read on its own, so one
  item's text never runs into the next, and the items are ordered by their printed numbers (``10 …`` sorts before
  ``9 …`` in a zip, so member order is no item order);
- the **cover** is the document with the meeting's facts (venue, members, absences) and a contents list of item
  headings only; an item listed there with no document of its own (a closed item left out of the public package)
  becomes an item with its title and no text;
- an **attachment** sits in a ``Bilag``/``Attachments`` folder or is numbered ``<item>-<n>``: it is no item; its
  text is added to its item as a section headed by the attachment's name (found for search), or left out when it
  names no item of the package.

Unpacking is bounded like a DOCX's (``ingest.read.MAX_UNZIPPED``): a member count limit, the declared and the
actually read sizes, and the compression ratio of each member (a zip bomb is refused, not unpacked).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePosixPath

from core import municipalities, vocab
from core.errors import IngestError, TooLarge
from core.model import Meeting
from ingest.read import MAX_UNZIPPED, Document, read_bytes
from ingest.readers.base import AnalysedReader, ItemDraft, MeetingDraft, Source
from ingest.readers.textparts import has_content, item_draft, parse_text

MAX_MEMBERS = 500
MAX_RATIO = 200  # unpacked / packed size of one member beyond which it is taken for a bomb (PDFs pack ~1:1–1:5)
_OFFICE = {"[content_types].xml", "mimetype", "meta-inf/manifest.xml"}
_ATTACHMENT_FOLDER = re.compile(r"^(?:bilag|bilagsmateriale|attachments?|vedhæftede\s+filer|appendix)$", re.I)
_ATTACHMENT_NAME = re.compile(r"^(\d{1,4})\s*-\s*\d{1,3}(?!\d)")  # "96-1 Projektbeskrivelse.pdf"
_LEADING_NUMBER = re.compile(r"^(\d{1,4})(?![\d-])")
_NOT_PUBLIC = re.compile(r"\s*\((?:ikke\s+offentlig|lukket(?:\s+punkt)?|fortroligt?)\)\s*$", re.I)


def zip_of(data: bytes) -> zipfile.ZipFile | None:
    """``data`` opened as a zip archive, or None when it is none (no local-file signature, or unreadable)."""
    if not data.startswith(b"PK\x03\x04"):
        return None
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        return None


def _members(data: bytes, path: str) -> list[tuple[str, bytes]] | None:
    """The package's files (name, bytes) in zip order, or None when ``data`` is no zip or an Office/ODF document.
    Raises ``TooLarge`` when the members would unpack beyond the bounds."""
    zf = zip_of(data)
    if zf is None:
        return None
    with zf:
        infos = zf.infolist()
        if any(i.filename.lower() in _OFFICE for i in infos):
            return None
        files = [i for i in infos if not i.is_dir() and not (i.flag_bits & 0x1)  # encrypted members are unread
                 and not any(p.startswith((".", "__MACOSX")) for p in PurePosixPath(i.filename).parts)]
        if len(files) > MAX_MEMBERS:
            raise TooLarge(path, f"zip package has {len(files)} files; the limit is {MAX_MEMBERS}")
        if sum(i.file_size for i in files) > MAX_UNZIPPED:
            raise TooLarge(path, f"zip package unpacks to more than {MAX_UNZIPPED} bytes (the limit)")
        out: list[tuple[str, bytes]] = []
        total = 0
        for info in files:
            if info.file_size > MAX_RATIO * max(info.compress_size, 1) and info.file_size > 1 << 20:
                ratio = info.file_size // max(info.compress_size, 1)
                raise TooLarge(path, f"zip member {info.filename!r} unpacks {ratio} times its packed size; refused as"
                                     " a zip bomb")
            try:
                with zf.open(info) as fh:
                    raw = fh.read(MAX_UNZIPPED - total + 1)  # the sizes a header declares may lie
            except (zipfile.BadZipFile, NotImplementedError, OSError, ValueError, EOFError):
                continue
            total += len(raw)
            if total > MAX_UNZIPPED:
                raise TooLarge(path, f"zip package unpacks to more than {MAX_UNZIPPED} bytes (the limit)")
            out.append((info.filename, raw))
        return out


def _attachment_of(name: str) -> tuple[bool, str | None]:
    """Is the member an attachment, and the item number its name gives (``Bilag/96-1 …`` → 96)?"""
    parts = PurePosixPath(name).parts
    base = parts[-1]
    numbered = _ATTACHMENT_NAME.match(base)
    if numbered or any(_ATTACHMENT_FOLDER.match(p) for p in parts[:-1]):
        first = numbered or _LEADING_NUMBER.match(base)
        return True, first.group(1) if first else None
    return False, None


def _contents(meeting: Meeting) -> bool:
    """Does the document list items by their headings only (a cover's contents), rather than hold their text?"""
    bare = sum(1 for it in meeting.items if not has_content(it))
    return bare >= 2 and 2 * bare >= len(meeting.items)


def _score(meeting: Meeting) -> int:
    """How much of the meeting's facts a document states: the cover states most (and lists the items bare)."""
    return 3 * _contents(meeting) + bool(meeting.location) + bool(meeting.participants) + bool(meeting.absentees)


def _analyse(src: Source) -> MeetingDraft | None:
    members = _members(src.data, src.path)  # TooLarge passes on: a bomb is refused, not read as text
    if not members:
        return None
    if len(members) == 1:
        return _single(src, *members[0])
    docs: dict[str, Document] = {}
    attachments: list[tuple[str, str | None, Document]] = []
    for name, raw in members:
        try:
            doc = read_bytes(raw, f"{src.path}/{name}")
        except (IngestError, ValueError, OSError):
            continue
        is_attachment, target = _attachment_of(name)
        if is_attachment:
            attachments.append((name, target, doc))
        else:
            docs[name] = doc
    parsed = {name: parse_text(Document(d.path, d.text, dict(d.hints)), None, None) for name, d in docs.items()}
    found = [m for m in parsed.values() if m is not None]
    if not found:
        return None
    facts = max(found, key=_score)  # max keeps the first of equals: the cover sorts first in a portal's package
    for name, meeting in parsed.items():  # a part that prints no date of its own: the cover's stand in
        if meeting is None:
            parsed[name] = parse_text(docs[name], facts.committee, facts.date)
    return _draft(src, parsed, facts, attachments)


def _single(src: Source, name: str, raw: bytes) -> MeetingDraft | None:
    """A zip of one document (a portal's publication zip): that document read as if it came alone, by whichever
    reader knows it (``read_source``, as a MIME message hands on its document). A zip inside is not opened."""
    from ingest.readers import read_source

    if raw.startswith(b"PK\x03\x04") and _members(raw, name) is not None:
        return None
    try:
        result = read_source(Source(raw, f"{src.path}/{name}"))
    except (IngestError, ValueError, OSError, RecursionError):
        return None
    m = result.meeting
    stated = m.municipality if m.municipality != municipalities.UNKNOWN else None
    return MeetingDraft(
        committee=m.committee, date=m.date, items=[item_draft(it) for it in m.items], municipality=stated,
        time=m.time, location=m.location, participants=list(m.participants), absentees=list(m.absentees),
        remarks=list(m.remarks), status=m.status, extraordinary=m.extraordinary, published=m.published,
        warnings=[f"read the zip's one document {PurePosixPath(name).name!r}", *result.warnings])


def _draft(src: Source, parsed: dict[str, Meeting | None], facts: Meeting,
           attachments: list[tuple[str, str | None, Document]]) -> MeetingDraft | None:
    items: dict[str, ItemDraft] = {}
    listed: dict[str, ItemDraft] = {}
    for name, meeting in parsed.items():
        if meeting is None:
            continue
        base_number = _LEADING_NUMBER.match(PurePosixPath(name).name)
        # a contents list (the cover's) names items; its last heading's "text" is the cover's closing lines
        content = [] if _contents(meeting) else [it for it in meeting.items if has_content(it)]
        for it in content:
            draft = item_draft(it)
            draft.number = draft.number or (base_number.group(1) if base_number and len(content) == 1 else None)
            if draft.number and draft.number not in items:
                items[draft.number] = draft
        for it in meeting.items:
            if it.number and it not in content:
                listed.setdefault(it.number, item_draft(it))
    if not items:
        return None
    warnings = [f"read a meeting package of {len(parsed)} documents and {len(attachments)} attachments"]
    for number, bare in listed.items():
        if number not in items:  # listed in the contents only: left out of the package (a closed item)
            closed = bool(_NOT_PUBLIC.search(bare.title)) or bool(vocab.CLOSED.search(bare.title))
            items[number] = ItemDraft(title=_NOT_PUBLIC.sub("", bare.title).strip(), number=number, closed=closed)
            warnings.append(f"item {number} is only in the contents list (no document in the package)")
    for name, target, doc in attachments:
        owner = items.get(target or "")
        if owner is None:
            warnings.append(f"attachment {PurePosixPath(name).name!r} names no item of the package; not read")
            continue
        heading = PurePosixPath(name).stem
        owner.sections.append((heading if heading.lower().startswith("bilag") else f"Bilag {heading}", doc.text))
    ordered = sorted(items.values(), key=lambda d: _key(d.number or ""))
    decided = any(d.decisions for d in ordered)
    stated = facts.municipality if facts.municipality != municipalities.UNKNOWN else None
    return MeetingDraft(
        committee=facts.committee, date=facts.date, items=ordered, municipality=stated, time=facts.time,
        location=facts.location, participants=list(facts.participants), absentees=list(facts.absentees),
        remarks=list(facts.remarks), status="minutes" if decided else facts.status,
        extraordinary=facts.extraordinary, warnings=warnings)


def _key(number: str) -> tuple[int, ...]:
    try:
        return vocab.number_key(number)
    except ValueError:
        return (1 << 30,)


READER = AnalysedReader("package-zip", _analyse, "not a meeting package (a zip of item documents)")
