"""The naive baseline a team would build with LangChain defaults: raw text, RecursiveCharacterTextSplitter
(1000/200), the same embedding model, Chroma, top-5. A retrieved chunk counts for the item whose text it
overlaps most (the splitter knows nothing of items)."""

from __future__ import annotations

import time
import uuid
from pathlib import Path

from langchain_core.embeddings import Embeddings

from core.errors import IngestError
from eval.questions import Question
from eval.runner import Outcome, Ref
from ingest.parse import read_path
from ingest.pipeline import expand
from ingest.readers.base import Source
from ingest.readers.fulltext import document_text
from store.embed import Embedder
from store.lexical import tokens


class LangChainEmbeddings(Embeddings):
    """Our Embedder behind LangChain's Embeddings interface (same model for both systems)."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embedder.embed(texts, "passage").tolist()  # type: ignore[no-any-return]

    def embed_query(self, text: str) -> list[float]:
        return self.embedder.embed([text], "query")[0].tolist()  # type: ignore[no-any-return]


def _owner(chunk: str, items: list[tuple[Ref, set[str]]]) -> Ref:
    words = set(tokens(chunk))
    return max(items, key=lambda it: len(words & it[1]))[0]


class Baseline:
    def __init__(self, embedder: Embedder, paths: list[str | Path], k: int = 5) -> None:
        import chromadb
        from chromadb.config import Settings as ChromaSettings
        from langchain_chroma import Chroma
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        self.k = k
        client = chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))
        self.store = Chroma(collection_name=f"baseline-{uuid.uuid4().hex[:8]}",
                            embedding_function=LangChainEmbeddings(embedder), client=client)
        splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
        for path in expand(paths):
            try:
                meeting = read_path(path).meeting  # only to label chunks with the gold item they overlap
                text = document_text(Source(path.read_bytes(), str(path)))  # the naive pipeline's raw text
            except IngestError:
                continue

            items = [(Ref(meeting.municipality, meeting.date.isoformat(), it.number, it.order, it.title,
                          committee=meeting.committee), set(tokens(it.text))) for it in meeting.items]
            chunks = splitter.split_text(text)
            metas = []
            for chunk in chunks:
                ref = _owner(chunk, items)
                metas.append({"municipality": ref.municipality, "meeting_date": ref.meeting_date,
                              "committee": ref.committee,
                              "number": ref.number or "", "order": ref.order or 0, "title": ref.title})
            self.store.add_texts(chunks, metadatas=metas)

    def run(self, q: Question) -> Outcome:
        t = time.perf_counter()
        docs = self.store.similarity_search(q.question, k=self.k)
        refs = [Ref(d.metadata["municipality"], d.metadata["meeting_date"], d.metadata["number"] or None,
                    d.metadata["order"] or None, d.metadata["title"], committee=d.metadata.get("committee", ""))
                for d in docs]
        return Outcome(None, refs, (time.perf_counter() - t) * 1000)
