"""A publication folder: the tree eDoc and SBSYS publish into (what OS2dagsorden imports from a mounted
folder), e.g. ``{committee}/{2017-05-02 10.00}/Dagsorden/Dagsorden/{publisher}/{2017-04-21 12.24.03}/{uuid}.xml``
or ``Publication32.zip`` holding ``Publication32/Publication32.xml``. Every XML file (and every XML member of a
zip) is a meeting document; a file's modification time and size stand in for an ETag."""

from __future__ import annotations

import zipfile
from pathlib import Path

from ingest.read import MAX_BYTES
from ingest.sync.config import SourceConfig
from ingest.sync.core import Entry, Listing, PortalError
from ingest.sync.http import FetchError, Response
from ingest.sync.state import DocState

MEMBER = "!"  # separates a zip archive from its member in a document key


class PublicationFolder:
    def __init__(self, source: SourceConfig) -> None:
        self.source = source
        self.root = Path(source.base)

    def listing(self) -> Listing:
        if not self.root.is_dir():
            raise PortalError(f"{self.root}: no such folder (not mounted?)")
        out = Listing([], scopes={""})
        for path in sorted(p for p in self.root.rglob("*") if p.is_file()):
            rel = path.relative_to(self.root).as_posix()
            suffix = path.suffix.lower()
            if suffix == ".xml":
                out.entries.append(Entry(key=rel, url=str(path), path=str(path), label=rel))
            elif suffix == ".zip":
                try:
                    with zipfile.ZipFile(path) as zf:
                        members = [m.filename for m in zf.infolist()
                                   if not m.is_dir() and m.filename.lower().endswith(".xml")]
                except (zipfile.BadZipFile, OSError) as exc:
                    out.errors.append(f"{rel}: unreadable zip ({exc})")
                    continue
                assert out.scopes is not None
                out.scopes.add(rel)
                for name in members:
                    out.entries.append(Entry(key=f"{rel}{MEMBER}{name}", url=str(path), path=f"{path}{MEMBER}/{name}",
                                             label=f"{rel}{MEMBER}{name}", scope=rel))
        return out

    def fetch(self, entry: Entry, known: DocState | None) -> Response:
        path = Path(entry.url)
        try:
            if MEMBER in entry.key:
                name = entry.key.split(MEMBER, 1)[1]
                with zipfile.ZipFile(path) as zf:
                    info = zf.getinfo(name)
                    stamp = f"crc{info.CRC:08x}-{info.file_size}"
                    if known is not None and known.last_modified == stamp:
                        return Response(entry.url, 304, last_modified=stamp)
                    if info.file_size > MAX_BYTES:
                        raise FetchError(f"{entry.key}: too large ({info.file_size} bytes; limit {MAX_BYTES})")
                    return Response(entry.url, 200, zf.read(name), last_modified=stamp)
            st = path.stat()
            stamp = f"{st.st_mtime_ns}-{st.st_size}"
            if known is not None and known.last_modified == stamp:
                return Response(entry.url, 304, last_modified=stamp)
            if st.st_size > MAX_BYTES:
                raise FetchError(f"{entry.key}: too large ({st.st_size} bytes; limit {MAX_BYTES})")
            return Response(entry.url, 200, path.read_bytes(), last_modified=stamp)
        except (OSError, KeyError, zipfile.BadZipFile) as exc:
            raise FetchError(f"{entry.key}: {type(exc).__name__}: {exc}") from exc
