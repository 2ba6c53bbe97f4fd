"""`referat check`: do the catalog, the Chroma vectors and the BM25 side index agree? `--repair` makes them.

The catalog is the truth. For every municipality: each live chunk has its vector (``chunk id@version``), no
vector is left that no live chunk owns (an old version, a deleted meeting), and the BM25 index holds exactly
the live chunk ids at the catalog's generation. Repair re-embeds the missing vectors from the chunk texts the
catalog keeps, deletes the stray ones and rebuilds the BM25 index, each municipality under no meeting's lock
but in one pass (run it when no ingest is running, or again after).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.model import split_item_id, split_vector_id, vector_id
from store.catalog import Catalog
from store.embed import Embedder
from store.lexical import LexicalIndex, LexicalStore
from store.vectors import PREFIX, VectorStore, collection_name


@dataclass
class Finding:
    municipality: str
    missing: list[str] = field(default_factory=list)  # vector ids a live chunk needs
    stray: list[str] = field(default_factory=list)  # vector ids no live chunk owns
    lexical: str = ""  # what is wrong with the BM25 index, if anything

    @property
    def ok(self) -> bool:
        return not (self.missing or self.stray or self.lexical)

    def lines(self) -> list[str]:
        out = []
        if self.missing:
            out.append(f"{self.municipality}: {len(self.missing)} chunk vectors missing from Chroma "
                       f"(e.g. {self.missing[0]})")
        if self.stray:
            out.append(f"{self.municipality}: {len(self.stray)} stray vectors in Chroma no live chunk owns "
                       f"(e.g. {self.stray[0]})")
        if self.lexical:
            out.append(f"{self.municipality}: BM25 index {self.lexical}")
        return out


def _vector_ids(vectors: VectorStore, municipality: str) -> set[str]:
    col = vectors.collection(municipality)
    ids: set[str] = set()
    offset, page = 0, 5000
    while True:
        got = vectors._call(col.get, include=[], limit=page, offset=offset)
        ids.update(got["ids"])
        if len(got["ids"]) < page:
            return ids
        offset += page


def check(catalog: Catalog, vectors: VectorStore, lexical: LexicalStore) -> list[Finding]:
    findings = []
    munis = set(catalog.municipalities())
    try:
        stored = {c.name for c in vectors.client().list_collections() if c.name.startswith(PREFIX)}
    except Exception:  # noqa: BLE001 - a store that cannot list is checked per municipality below
        stored = set()
    by_name = {collection_name(m): m for m in munis}
    for name in sorted(stored - set(by_name)):
        # a collection of a municipality with no meetings left: every vector in it is stray
        col = vectors.client().get_collection(name)
        ids = col.get(include=[])["ids"]
        if ids:
            findings.append(Finding(name.removeprefix(PREFIX), stray=sorted(ids)))
    for muni in sorted(munis):
        expected = {vector_id(cid, version) for cid, version in catalog.chunk_versions(muni)}
        got = _vector_ids(vectors, muni)
        finding = Finding(muni, sorted(expected - got), sorted(got - expected))
        stamp = lexical._stamp()
        idx = LexicalIndex.load(lexical._path(), stamp)
        live = {split_vector_id(v)[0] for v in expected}
        if idx is None:
            finding.lexical = f"is missing or not at the catalog's generations ({stamp})"
        else:
            meetings = set(catalog_meetings(catalog, muni))
            owned = {cid for cid in idx.ids if split_item_id(cid)[0] in meetings}
            if owned != live:
                finding.lexical = f"holds {len(owned ^ live)} chunk ids that differ from the catalog's"
        findings.append(finding)
    return findings


def catalog_meetings(catalog: Catalog, municipality: str) -> list[str]:
    return [m["id"] for m in catalog.meetings(municipality)]


def repair(catalog: Catalog, vectors: VectorStore, lexical: LexicalStore, embedder: Embedder,
           findings: list[Finding]) -> None:
    for f in findings:
        if f.ok:
            continue
        if f.municipality not in set(catalog.municipalities()):
            vectors.client().delete_collection(PREFIX + f.municipality)
            continue
        if f.missing:
            want = {split_vector_id(v)[0]: v for v in f.missing}
            rows = catalog.chunk_rows(f.municipality, list(want))
            texts = [r["text"] for r in rows]
            for start in range(0, len(rows), 256):
                part = rows[start:start + 256]
                vecs = embedder.embed(texts[start:start + 256], "passage")
                metas = [{"meeting_id": r["meeting_id"], "item_id": r["item_id"], "version": r["version"],
                          "kind": r["kind"], "municipality": r["item_municipality"], "committee": r["committee"],
                          "date": r["date"], "date_int": int(r["date"].replace("-", "")),
                          "number": r["number"] or "", "title": (r["title"] or "")[:200]} for r in part]
                vectors.add(f.municipality, [want[r["id"]] for r in part], vecs.tolist(),
                            [r["text"] for r in part], metas)
        if f.stray:
            col = vectors.collection(f.municipality)
            for start in range(0, len(f.stray), 1000):
                vectors._call(col.delete, ids=f.stray[start:start + 1000])
        if f.lexical:
            lexical.rebuild()
