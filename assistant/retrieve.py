"""Hybrid retrieval: dense (Chroma) + BM25, fused by reciprocal rank, grouped to agenda items."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import Any

from assistant.glossary import expand
from assistant.query import Filters, Query
from assistant.ranking import DEFAULT_RANKING, RankingConfig
from assistant.terms import coverage
from core.model import chunk_item_id, fold, slug
from core.municipalities import REGIONS
from core.municipalities import UNKNOWN as UNKNOWN_MUNICIPALITY  # stored when nothing names the municipality
from store.catalog import Catalog
from store.embed import Embedder
from store.lexical import LexicalStore, tokens
from store.rows import ItemMeta, StoredItem
from store.vectors import VectorStore, all_of, municipality_filter

# a municipality as the one acting ("Hvem har Samsø Kommune udpeget?", "What did Samsø Municipality decide?"), not a
# place another's minutes tell of ("færgen til Samsø Kommune"): only its own minutes hold what it did
_PLACE_BEFORE = re.compile(r"\b(?:i|til|fra|for|på|ved|med|mellem|og|om|in|to|from|for|at|with|between|and|of|"
                           r"about)\s*$", re.I)


def acting(municipality: str, question: str) -> bool:
    """Does the question name ``municipality`` as its council ("Samsø Kommune", "Samsø Municipality") acting,
    not after a preposition?"""
    for m in re.finditer(rf"\b{re.escape(municipality)}(?:\s+Kommune\b|\s+Municipality\b|s\s+(?:kommune|byråd|"
                         r"kommunalbestyrelse)\b)", question, re.I):
        if not _PLACE_BEFORE.search(question[:m.start()]):
            return True
    return False


@dataclass
class Hit:
    item_id: str
    score: float
    dense: float
    lexical: float
    overlap: float
    item: StoredItem  # the stored item (``item.item``: its parsed AgendaItem)
    focus: str = ""
    in_conversation: bool = False  # the item the conversation is about (a follow-up refers to it)
    dense_rank: int | None = None  # the item's rank in the dense list and in the BM25 list (0 = first)
    lexical_rank: int | None = None
    paraphrase: tuple[str, ...] = ()  # the question's nouns taken as the asker's words for its topic (paraphrase.py)


@dataclass
class Retrieval:
    hits: list[Hit]
    municipalities: list[str]
    note: str | None = None
    timings: dict[str, float] = field(default_factory=dict)


def _in_range(day: str, f: Filters) -> bool:
    return not (f.date_from and day < f.date_from.isoformat() or f.date_to and day > f.date_to.isoformat())


def _committee_match(wanted: str, committee: str) -> bool:
    w, c = slug(wanted).replace("-", ""), slug(committee).replace("-", "")
    w = w.removesuffix("et").removesuffix("udvalg") or w
    return w in c


class Retriever:
    def __init__(self, catalog: Catalog, vectors: VectorStore, lexical: LexicalStore, embedder: Embedder,
                 candidates: int = 40, ranking: RankingConfig = DEFAULT_RANKING) -> None:
        self.catalog, self.vectors, self.lexical, self.embedder = catalog, vectors, lexical, embedder
        self.candidates = candidates
        self.ranking = ranking

    def _where(self, f: Filters) -> dict[str, Any] | None:
        clauses: list[dict[str, Any]] = []
        if f.soft_dates:
            return None
        if f.date_from:
            clauses.append({"date_int": {"$gte": int(f.date_from.strftime("%Y%m%d"))}})
        if f.date_to:
            clauses.append({"date_int": {"$lte": int(f.date_to.strftime("%Y%m%d"))}})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}

    def _dense(self, qvec: list[float], munis: list[str], known: list[str],
               f: Filters) -> list[tuple[str, float, dict[str, Any]]]:
        """Dense candidates from the one national collection, the municipalities as a metadata filter.

        A question over every municipality is one unfiltered query. Municipalities the question names
        (a comparison of two or three) are asked one by one, so each gets its share of candidates; a long list
        is one query with ``$in``.
        """
        where = self._where(f)
        if not munis:
            return []
        if set(munis) >= set(known):
            return self.vectors.query(qvec, self.candidates, where)
        if f.municipalities and len(munis) <= self.ranking.max_per_municipality_queries:
            return [d for m in munis for d in self.vectors.query(qvec, self.candidates,
                                                                 all_of(municipality_filter([m]), where))]
        return self.vectors.query(qvec, self.candidates, all_of(municipality_filter(munis), where))

    def _keep(self, row: ItemMeta, f: Filters) -> bool:
        if not f.soft_dates and not _in_range(row.date, f):
            return False
        if f.committee and not _committee_match(f.committee, row.committee):
            return False
        if f.item_number and not f.soft_item and (row.number or "") != f.item_number:
            return False
        return True

    def retrieve(self, query: Query, k: int = 5, search_text: str | None = None) -> Retrieval:
        f, text = query.filters, search_text or query.text
        known = self.catalog.municipalities()
        munis = [m for m in f.municipalities if m in known] if f.municipalities else known
        if f.municipalities and not munis:
            told_by = [r for r in REGIONS if r in known and fold(r) in fold(text)]
            if all(m in REGIONS for m in f.municipalities):
                # a region is often an actor in another's minutes ("Hvad estimerer Region Sjælland, at det koster
                # ...?"): search them all; the answer stands only if the item found names the region (below)
                munis = known
            elif told_by:
                # "borgere i Tønder Kommune ... ifølge Region Syddanmark": a stored region's minutes tell of the towns
                # in it; the answer stands only if the item found names the town (below)
                munis = told_by
            elif UNKNOWN_MUNICIPALITY not in known:
                return Retrieval([], [], note="no minutes from " + ", ".join(f.municipalities) + " are indexed")
            else:
                munis = [UNKNOWN_MUNICIPALITY]  # minutes whose municipality could not be told may be the ones asked
        timings: dict[str, float] = {}
        if f.case_number:
            rows = [r for r in self.catalog.item_rows(case_number=f.case_number) if r.municipality in munis]
            if rows:
                hits = [Hit(r.id, 1.0, 1.0, 1.0, 1.0, r) for r in rows]
                return Retrieval(hits, munis, timings=timings)

        exact_day = f.date_from is not None and f.date_from == f.date_to
        if f.item_number and (exact_day or (f.municipalities and not f.soft_item)):
            rows = [r for r in self.catalog.item_rows(number=f.item_number)
                    if r.municipality in munis and _in_range(r.date, f)]
            if 0 < len(rows) <= k:  # "punkt 5 i Esbjerg den 16. januar 2024" names the item: take it directly
                rows.sort(key=lambda r: r.date, reverse=True)
                return Retrieval([Hit(r.id, 1.0, 1.0, 1.0, 1.0, r) for r in rows], munis, timings=timings)

        t0 = time.perf_counter()
        qvec = self.embedder.embed([text], "query")[0].tolist()
        t1 = time.perf_counter()
        dense = self._dense(qvec, munis, known, f)
        t2 = time.perf_counter()
        lexical = self.lexical.search(expand(text) if query.language == "en" else text, munis, self.candidates)
        t3 = time.perf_counter()
        timings.update(embed=t1 - t0, dense=t2 - t1, bm25=t3 - t2)

        live = self.catalog.live_versions([m["meeting_id"] for _, _, m in dense])
        dense = [d for d in dense if live.get(d[2]["meeting_id"]) == d[2]["version"]]
        dense.sort(key=lambda d: -d[1])
        rrf_k = self.ranking.rrf_k
        fused: dict[str, float] = {}
        best_dense: dict[str, float] = {}
        focus: dict[str, str] = {}
        best_lex: dict[str, float] = {}
        dense_rank: dict[str, int] = {}
        lex_rank: dict[str, int] = {}
        for rank, (_cid, sim, meta) in enumerate(dense):
            item = meta["item_id"]
            dense_rank.setdefault(item, len(dense_rank))
            fused[item] = max(fused.get(item, 0.0), 1.0 / (rrf_k + rank))
            if sim > best_dense.get(item, 0.0):
                best_dense[item], focus[item] = sim, meta.get("_doc", "")
        lex_rrf: dict[str, float] = {}
        for rank, (cid, score) in enumerate(lexical):
            item = chunk_item_id(cid)
            lex_rank.setdefault(item, len(lex_rank))
            lex_rrf[item] = max(lex_rrf.get(item, 0.0), 1.0 / (rrf_k + rank))
            best_lex[item] = max(best_lex.get(item, 0.0), score)
        for item, value in lex_rrf.items():
            fused[item] = fused.get(item, 0.0) + value
        light = {r.id: r for r in self.catalog.item_meta(list(fused))}
        qtok = set(tokens(text))
        # the municipality asked about is in every candidate's context: its name in a title says little about
        # the topic (RankingConfig.town_title_weight)
        town = {t for m in f.municipalities for t in tokens(m)}
        title_q = qtok - town
        scored: list[tuple[float, str]] = []
        for item_id, score in fused.items():
            row = light.get(item_id)
            if row is None or not self._keep(row, f):
                continue
            title_tok = set(tokens(row.title))
            # the item's own committee named in its title ("Sundheds- og Omsorgsudvalgets mødekalender") is in the
            # context of every item of its meetings: a question naming the committee says nothing of the topic. Not
            # its period ("Byråd 2022-2025"), and not a record that is no committee ("Spørgsmål / Svar til Byrådet")
            own = ({t for t in title_tok & set(tokens(row.committee)) & title_q if not t.isdigit()}
                   if "udvalg" in row.committee.lower() else set())
            if f.soft_dates and (f.date_from or f.date_to) and _in_range(row.date, f):
                score += self.ranking.soft_date_bonus / rrf_k
            title_bonus = (self.ranking.title_bonus / rrf_k * (len(title_q & title_tok) - len(own)
                                                            + self.ranking.town_title_weight * len(town & title_tok))
                           / max(1, len(title_tok)) if qtok else 0.0)
            if f.item_number and f.soft_item and (row.number or "") == f.item_number:
                score += self.ranking.soft_item_bonus / rrf_k
            scored.append((score + title_bonus, item_id))
        scored.sort(key=lambda s: -s[0])
        if f.latest and scored:
            last = max(light[i].date for _, i in scored)
            scored = [(s, i) for s, i in scored if light[i].date == last]
        full = {r.id: r for r in self.catalog.item_rows([i for _, i in scored[:k]])}  # full items for the top k
        ranked = []
        for score, item_id in scored[:k]:
            row = full[item_id]
            overlap = coverage(qtok, set(tokens(f"{row.municipality} {row.committee} {row.text}")))
            ranked.append(Hit(item_id, score, best_dense.get(item_id, 0.0), best_lex.get(item_id, 0.0), overlap, row,
                              focus.get(item_id, ""), dense_rank=dense_rank.get(item_id),
                              lexical_rank=lex_rank.get(item_id)))
        timings["fusion"] = time.perf_counter() - t3
        unstored = [m for m in f.municipalities if m not in known]
        if unstored and ranked and (any(acting(m, text) for m in unstored) or not any(
                fold(m) in fold(f"{ranked[0].item.title} {ranked[0].item.text}") for m in unstored)):
            # "Greve compared with Ishøj": what the question asks of Ishøj is in no stored minutes
            return Retrieval([], munis, note="no minutes from " + ", ".join(unstored) + " are indexed",
                             timings=timings)
        return Retrieval(ranked, munis, timings=timings)
