"""`referat check`: do the catalog, the Chroma vectors and the BM25 side index agree? `--repair` makes them.

The catalog is the truth. For every municipality: each live chunk has its vector (``chunk id@version``) in the
one national collection, tagged with that municipality; no vector is left that no live chunk owns (an old
version, a deleted meeting, a municipality with no meetings left); and the BM25 index holds exactly the live
chunk ids at the catalog's generation. Old-layout per-municipality collections still present are reported
(`referat migrate` moves them). Repair re-embeds the missing vectors from the chunk texts the catalog keeps,
deletes the stray ones and rebuilds the BM25 index, under no meeting's lock but in one pass (run it when no
ingest is running, or again after).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.model import split_item_id, split_vector_id, vector_id
from store.catalog import Catalog
from store.embed import Embedder
from store.lexical import LexicalIndex, LexicalStore
from store.vectors import VectorStore


@dataclass
class Finding:
    municipality: str
    missing: list[str] = field(default_factory=list)  # vector ids a live chunk needs
    stray: list[str] = field(default_factory=list)  # vector ids no live chunk owns
    lexical: str = ""  # what is wrong with the BM25 index, if anything
    legacy: list[str] = field(default_factory=list)  # old-layout collections `referat migrate` moves

    @property
    def ok(self) -> bool:
        return not (self.missing or self.stray or self.lexical or self.legacy)

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
        if self.legacy:
            out.append(f"{len(self.legacy)} old per-municipality Chroma collections left (e.g. {self.legacy[0]}); "
                       "run `referat migrate`")
        return out


def check(catalog: Catalog, vectors: VectorStore, lexical: LexicalStore) -> list[Finding]:
    findings = []
    munis = set(catalog.municipalities())
    stored: dict[str, set[str]] = {}
    for vid, meta in vectors.get(metadatas=True):
        stored.setdefault((meta or {}).get("municipality", "?"), set()).add(vid)
    expected = {m: {vector_id(cid, version) for cid, version in catalog.chunk_versions(m)} for m in munis}
    wanted = set().union(*expected.values())
    for muni in sorted(set(stored) - munis):
        # vectors of a municipality with no meetings left: every one is stray
        findings.append(Finding(muni, stray=sorted(stored[muni] - wanted)))
    stamp = lexical._stamp()
    idx = LexicalIndex.load(lexical._path(), stamp)
    for muni in sorted(munis):
        got = stored.get(muni, set())
        # a live vector tagged with another municipality is missing here (repair re-tags it), not stray there
        finding = Finding(muni, sorted(expected[muni] - got), sorted(got - wanted))
        live = {split_vector_id(v)[0] for v in expected[muni]}
        if idx is None:
            finding.lexical = f"is missing or not at the catalog's generations ({stamp})"
        else:
            meetings = set(catalog_meetings(catalog, muni))
            owned = {cid for cid in idx.ids if split_item_id(cid)[0] in meetings}
            if owned != live:
                finding.lexical = f"holds {len(owned ^ live)} chunk ids that differ from the catalog's"
        findings.append(finding)
    legacy = vectors.legacy_collections()
    if legacy:
        findings.append(Finding("(layout)", legacy=legacy))
    return findings


def catalog_meetings(catalog: Catalog, municipality: str) -> list[str]:
    return [m["id"] for m in catalog.meetings(municipality)]


def repair(catalog: Catalog, vectors: VectorStore, lexical: LexicalStore, embedder: Embedder,
           findings: list[Finding]) -> None:
    rebuild = False
    for f in findings:
        if f.ok:
            continue
        if f.legacy:
            from store.migrate import migrate

            migrate(vectors)
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
                vectors.add([want[r["id"]] for r in part], vecs.tolist(), [r["text"] for r in part], metas)
        if f.stray:
            vectors.delete_where(ids=f.stray)
        rebuild = rebuild or bool(f.lexical)
    if rebuild:
        lexical.rebuild()
