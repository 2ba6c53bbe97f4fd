"""WordPress REST API posts: a municipality's WordPress site answering ``GET /wp-json/wp/v2/<type>?slug=…&_embed``.

The answer is a post object, or a list of them, as ``wp_json_encode`` writes it (non-ASCII letters as ``\\u00f8``,
slashes as ``\\/``; ``json`` decodes both): ``{id, date, modified, slug, type, link, title: {rendered}, content:
{rendered, protected}, excerpt: {rendered}, <taxonomy>: [term ids], acf | meta: {custom fields}, _links, _embedded:
{author, "wp:term": [[term, …], …]}}``.

- The post's ``date`` and ``modified`` are when it was published and last edited, never the meeting: they give the
  meeting's ``published`` only. The meeting's facts are custom fields (Advanced Custom Fields' ``acf``, or
  ``meta``), mapped by name (``fieldnames``): a date as ACF stores it ("20240522"), a start clock, a venue, the
  participants (one per line, "Navn (P), formand") and the absentees. A post with no date field is dated by a date
  printed in its title, with a warning; with neither it is an error naming the file and the field.
- The committee is the embedded term of a committee taxonomy ("udvalg"), else a committee field, else the title
  without its document word and date ("Referat – Økonomiudvalget 22. maj 2024"); the document kind a document-type
  term, the post type ("referat") or the title's word. The municipality is the site's host ("www.laesoe.dk").
- ``content.rendered`` is block-editor HTML, read by its structure (``html_items``): "Punkt N – Titel" headings,
  "Sagsnr." lines, sub-headings as sections, the "Beslutning:" group as the decision. Lists of other posts the
  editor appends (latest posts, query loops, related posts: "Læs også") are navigation, not items, and go with the
  heading left with nothing under it. wptexturize printed " - " in titles as an en dash and "'" as "’": undone.
"""

from __future__ import annotations

import re
import weakref
from typing import Any

from lxml import etree
from lxml import html as lhtml

from core import dates, vocab
from core.errors import IngestError
from ingest.readers import fieldnames as names
from ingest.readers.base import ItemDraft, MeetingDraft, Source
from ingest.readers.csv_meetings import AGENDA_WORDS, MINUTES_WORDS
from ingest.readers.greve_json import text_of
from ingest.readers.greve_nested import portal_municipality
from ingest.readers.html_items import heading_level, read_items
from ingest.readers.json_facts import attendance, date_time, first_name, meeting_facts, when_of
from ingest.readers.markup import fragment_text
from ingest.readers.xmlutil import timestamp

MAX_POSTS = 500
_FIELD_GROUPS = ("acf", "meta", "fields", "custom_fields", "metadata")  # where plugins expose custom fields
_KIND_TAXONOMIES = {"dokumenttype", "documenttype", "doctype", "type", "kind", "art", "kategori", "category"}
# block-editor lists of other posts: navigation, never part of the meeting
_POST_LISTS = re.compile(r"wp-block-(?:latest-posts|query|rss|archives|page-list)|related-?posts|jp-relatedposts|"
                         r"yarpp", re.I)
_TITLE_KIND = re.compile(r"^\s*(?:referat|dagsorden|beslutningsprotokol|protokol)\b\s*(?:[-–—:|]\s*)?", re.I)
_TITLE_DATE = re.compile(r"\s*[-–—,]?\s*(?:den\s+)?(?:\d{1,2}\.\s*[a-zæøå]+\.?\s+\d{4}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|"
                         r"\d{4}-\d{2}-\d{2})\s*$", re.I)


def is_post(value: Any) -> bool:
    """A post object: a rendered title and content, and the post's own slug, type or links."""
    return (isinstance(value, dict) and isinstance((value.get("title") or {}).get("rendered") if isinstance(
        value.get("title"), dict) else None, str) and isinstance(value.get("content"), dict)
        and isinstance(value["content"].get("rendered"), str) and bool({"slug", "type", "_links", "guid"} & set(value)))


def posts(data: Any) -> list[dict[str, Any]] | None:
    """The posts of an answer (one post, or a list of posts), or None when it is not a WordPress answer."""
    found = data if isinstance(data, list) else [data]
    if not found or len(found) > MAX_POSTS or not all(is_post(p) for p in found):
        return None
    return found


def untexturize(text: str) -> str:
    """A title as typed, before wptexturize: " – " was " - ", "’" inside a word was "'"."""
    return re.sub(r"(?<=\w)\u2019(?=\w)", "'", re.sub(r"(?<=\S) \u2013 (?=\S)", " - ", text))


def _content(html: str) -> Any | None:
    """The content's body element, lists of other posts and the heading they leave empty removed."""
    if not html.strip():
        return None
    try:
        root = lhtml.document_fromstring(f"<html><body>{html}</body></html>")
    except (etree.ParserError, ValueError):
        return None
    body = root.find("body")
    for el in list(body.iter(etree.Element)):
        if el.getparent() is not None and _POST_LISTS.search(el.get("class") or ""):
            el.drop_tree()
    for el in list(body):  # a heading followed by nothing before the next heading of its level or above
        level = heading_level(el)
        if level and el.getparent() is not None and _empty_after(el, level):
            el.drop_tree()
    return body


def _empty_after(el: Any, level: int) -> bool:
    nxt = el.getnext()
    while nxt is not None:
        own = heading_level(nxt)
        if own and own <= level:
            return True
        if " ".join(nxt.text_content().split()):
            return False
        nxt = nxt.getnext()
    return True


def _terms(post: dict[str, Any]) -> list[dict[str, Any]]:
    embedded = post.get("_embedded")
    groups = embedded.get("wp:term") if isinstance(embedded, dict) else None
    if not isinstance(groups, list):
        return []
    return [t for g in groups if isinstance(g, list) for t in g if isinstance(t, dict)]


def _custom(post: dict[str, Any]) -> dict[str, Any]:
    """The custom fields: lists of lines written as one string ("Navn (V), formand\\r\\n…") split into lines."""
    out: dict[str, Any] = {}
    for group in _FIELD_GROUPS:
        fields = post.get(group)
        for key, value in (fields.items() if isinstance(fields, dict) else []):
            if str(key).startswith("_") or key in out:
                continue
            if names.kind(str(key)) == "participants" and isinstance(value, str):
                value = [n for line in value.splitlines() for n in vocab.split_names(line)]
            out[str(key)] = value
    return out


def _committee(post: dict[str, Any], facts: dict[str, list[Any]], title: str) -> tuple[str, str | None]:
    """The committee and, when only the title gives it, a warning."""
    term = next((text_of(t.get("name")) for t in _terms(post)
                 if names.kind(text_of(t.get("taxonomy"))) == "committee" and text_of(t.get("name"))), "")
    stated = term or first_name(facts, "committee")
    if stated:
        return fragment_text(stated), None
    bare = _TITLE_DATE.sub("", _TITLE_KIND.sub("", title)).strip(" -–—:|")
    return bare, "no committee term or field; the committee is the post's title without its document word and date"


def _status(post: dict[str, Any], title: str, items: list[ItemDraft]) -> str:
    said = [text_of(t.get("name")) for t in _terms(post) if names.fold(text_of(t.get("taxonomy"))) in _KIND_TAXONOMIES]
    for word in [*said, text_of(post.get("type")), title]:
        if MINUTES_WORDS.search(word):
            return "minutes"
        if AGENDA_WORDS.search(word):
            return "agenda"
    return "minutes" if any(it.decisions for it in items) else "agenda"


def read_post(post: dict[str, Any], source: str) -> MeetingDraft | None:
    """One post's meeting; None when its content marks no items."""
    body = _content(post["content"]["rendered"])
    found = read_items(body) if body is not None else None
    if found is None:
        return None
    _, items = found
    for it in items:
        it.title = untexturize(it.title)
    title = fragment_text(post["title"]["rendered"])
    facts = meeting_facts([], [_custom(post)])
    day, clock = date_time(facts)
    warnings = ["read as a WordPress REST post: meeting facts from its custom fields, items from its content"]
    if day is None:
        unread = [v for v in facts.get("date", []) if when_of(v) == (None, None)]  # a clock alone is a time
        if unread:
            stated = text_of(unread[0])
            raise IngestError(source, f"WordPress post: meeting date field {stated!r} not understood")
        day = dates.first_date(title)
        if day is None:
            raise IngestError(source, "WordPress post: no meeting date field and no date in the title (the post's "
                                      "own date is when it was published)")
        warnings.append(f"{source}: no meeting date field; took the date in the post's title")
    committee, note = _committee(post, facts, title)
    warnings += [f"{source}: {note}"] if note else []
    people, absent = attendance(facts)
    links = [text_of(post.get("link")), text_of((post.get("guid") or {}).get("rendered") if isinstance(
        post.get("guid"), dict) else post.get("guid"))]
    stamp = text_of(post.get("modified") or post.get("date"))
    return MeetingDraft(
        committee=committee, date=day, time=clock, items=items,
        municipality=portal_municipality([x for x in links if x.startswith("http")]),
        location=first_name(facts, "location") or None, participants=people, absentees=absent,
        status=_status(post, title, items), published=timestamp(stamp) if stamp else None, warnings=warnings)


class WordPressReader:
    """Each post of the answer with items in its content as a meeting (read once per source)."""

    name = "wordpress-rest"

    def __init__(self) -> None:
        self._cache: weakref.WeakKeyDictionary[Source, list[MeetingDraft]] = weakref.WeakKeyDictionary()

    def sniff(self, src: Source) -> bool:
        return posts(src.json) is not None and self._drafts(src) != []

    def _drafts(self, src: Source) -> list[MeetingDraft]:
        if src not in self._cache:
            self._cache[src] = [d for p in posts(src.json) or [] if (d := read_post(p, src.name)) is not None]
        return self._cache[src]

    def read(self, src: Source) -> MeetingDraft:
        drafts = self._drafts(src)
        if not drafts:
            raise IngestError(src.path, "WordPress post: no agenda items marked in its content")
        return drafts[0]

    def read_all(self, src: Source) -> list[MeetingDraft]:
        """Each post of a list of several as its own meeting."""
        return self._drafts(src)


READER = WordPressReader()
