"""Greve-style agenda API (the First Agenda "Vis" JSON API).

``GET {url}/api/agenda/udvalgsliste`` ->
``{"Udvalg": {"Aktuelle politiske udvalg": [{"Navn", "Id", "Moeder": [{"Id", "Dato"}, …]}, …], …}}``;
``GET {url}/api/agenda/dagsorden/{moede_id}`` -> the meeting document (read by the Greve JSON reader).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any
from urllib.parse import quote

from ingest.sync.config import SourceConfig
from ingest.sync.core import Entry, Listing, PortalError
from ingest.sync.http import Fetcher, Response
from ingest.sync.state import DocState

LIST_PATH = "/api/agenda/udvalgsliste"
DOC_PATH = "/api/agenda/dagsorden/"


class AgendaApi:
    def __init__(self, source: SourceConfig, fetcher: Fetcher) -> None:
        self.source, self.fetcher = source, fetcher

    def listing(self) -> Listing:
        url = self.source.base + LIST_PATH
        got = self.fetcher.get(url, delay=self.source.delay)
        try:
            data = json.loads(got.data)
        except (ValueError, RecursionError) as exc:
            raise PortalError(f"{url}: the committee list is not JSON ({exc})") from exc
        groups = data.get("Udvalg") if isinstance(data, dict) else None
        if not isinstance(groups, dict):
            raise PortalError(f"{url}: no \"Udvalg\" object in the committee list")
        entries: list[Entry] = []
        for group in groups.values():  # "Aktuelle politiske udvalg" and any other group of committees
            for committee in group if isinstance(group, list) else []:
                entries += self._meetings(committee)
        return Listing(entries)

    def _meetings(self, committee: Any) -> list[Entry]:
        if not isinstance(committee, dict):
            return []
        name = str(committee.get("Navn") or "").strip()
        out = []
        for meeting in committee.get("Moeder") or []:
            if not isinstance(meeting, dict) or not str(meeting.get("Id") or "").strip():
                continue
            mid = str(meeting["Id"]).strip()
            when = str(meeting.get("Dato") or "")
            try:
                day: date | None = date.fromisoformat(when[:10])
            except ValueError:
                day = None
            out.append(Entry(key=mid, url=self.source.base + DOC_PATH + quote(mid, safe=""),
                             path=f"{self.source.name}/dagsorden/{mid}.json", label=f"{name} {when[:10]}".strip(),
                             committee=name or None, day=day))
        return out

    def fetch(self, entry: Entry, known: DocState | None) -> Response:
        return self.fetcher.get(entry.url, known.etag if known else None, known.last_modified if known else None,
                                delay=self.source.delay)
