"""First Agenda publication site (e.g. Aarhus): a front page filtered by year,
``{url}/?request.kriterie.udvalgId=&request.kriterie.moedeDato={year}``, lists the meetings as
``#resultater a.searchresult`` links, each to a meeting page read by the First Agenda HTML reader."""

from __future__ import annotations

from datetime import date
from urllib.parse import urldefrag, urljoin

from bs4 import BeautifulSoup

from core.model import slug
from ingest.sync.config import SourceConfig
from ingest.sync.core import Entry, Listing
from ingest.sync.http import Fetcher, FetchError, Response
from ingest.sync.state import DocState

QUERY = "/?request.kriterie.udvalgId=&request.kriterie.moedeDato={year}"


def default_years(today: date | None = None) -> tuple[int, ...]:
    year = (today or date.today()).year
    return (year - 1, year)


class FirstAgendaSite:
    def __init__(self, source: SourceConfig, fetcher: Fetcher) -> None:
        self.source, self.fetcher = source, fetcher

    def listing(self) -> Listing:
        out = Listing([], scopes=set())
        for year in self.source.years or default_years():
            url = self.source.base + QUERY.format(year=year)
            try:
                got = self.fetcher.get(url, delay=self.source.delay)
            except FetchError as exc:
                out.errors.append(str(exc))
                continue
            box = BeautifulSoup(got.data, "lxml").select_one("#resultater")
            if box is None:
                out.errors.append(f"{url}: no #resultater on the page (not a First Agenda publication front page?)")
                continue
            assert out.scopes is not None
            out.scopes.add(str(year))
            for link in box.select("a.searchresult"):
                href = str(link.get("href") or "").strip()
                if not href or href.startswith(("#", "javascript:", "mailto:")):
                    continue
                target = urldefrag(urljoin(got.url, href)).url
                label = " ".join(link.get_text(" ").split())
                path = f"{self.source.name}/{slug(label or target)}.html"
                out.entries.append(Entry(key=target, url=target, path=path, label=label or target, scope=str(year)))
        return out

    def fetch(self, entry: Entry, known: DocState | None) -> Response:
        return self.fetcher.get(entry.url, known.etag if known else None, known.last_modified if known else None,
                                delay=self.source.delay)
