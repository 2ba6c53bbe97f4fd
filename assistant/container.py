"""Wire the components from Settings: catalog, vectors, BM25, embedder, retriever, answerer, service."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from assistant.answer import ExtractiveAnswerer
from assistant.contract import Answerer
from assistant.paraphrase import Finds, Near
from assistant.retrieve import Retriever
from assistant.service import ChatService
from assistant.settings import Settings
from ingest.index import Indexer
from store.catalog import Catalog
from store.conversations import ConversationStore
from store.db import Database, open_database
from store.embed import Embedder, make_embedder
from store.lexical import LexicalStore
from store.neighbours import TitleNeighbours, WordItems
from store.vectors import VectorStore


@dataclass
class Container:
    settings: Settings
    embedder_override: Embedder | None = None

    @cached_property
    def database(self) -> Database:
        """The shared state (catalog, conversations, feedback, write locks, sync state): PostgreSQL when
        REFERAT_DATABASE_URL is set (replicas share it), else the SQLite file in the data dir."""
        return open_database(self.settings.database_url, self.settings.data_dir / "catalog.sqlite")

    @cached_property
    def catalog(self) -> Catalog:
        return Catalog(self.database)

    @cached_property
    def vectors(self) -> VectorStore:
        s = self.settings
        return VectorStore(s.store_backend, s.chroma_dir, s.chroma_host, s.chroma_port, s.chroma_token)

    @cached_property
    def lexical(self) -> LexicalStore:
        return LexicalStore(self.settings.bm25_dir, self.catalog)

    @cached_property
    def embedder(self) -> Embedder:
        if self.embedder_override is not None:
            return self.embedder_override
        s = self.settings
        return make_embedder(s.embedder, s.embedding_model, s.model_dir, s.embed_batch_size, s.embed_threads,
                             s.embed_int8, backend=s.embed_backend)

    def preload(self) -> None:
        """Load the embedding model, BM25 indexes and the title words' vectors now, not on the first question."""
        self.embedder.embed(["opvarmning"], "query")
        self.lexical.refresh()
        if self.neighbours is not None:
            self.neighbours.warm()

    @cached_property
    def indexer(self) -> Indexer:
        s = self.settings
        return Indexer(self.catalog, self.vectors, self.lexical, self.embedder, s.chunk_tokens, s.chunk_overlap)

    @cached_property
    def neighbours(self) -> TitleNeighbours | None:
        """The stored title words nearest a word (store.neighbours), for the paraphrase rule; none with the fake
        embedder, whose vectors are hashed letters: its nearest words share a prefix ("tryghedsvagter" ~
        "tryghedsområdet"), not a meaning."""
        return None if self.settings.embedder == "fake" else TitleNeighbours(self.catalog, self.embedder)

    @property
    def near(self) -> Near | None:
        return self.neighbours.near if self.neighbours is not None else None

    @property
    def finds(self) -> Finds | None:
        """The items a word alone finds first (store.neighbours.WordItems); none with the fake embedder, for the
        reason ``neighbours`` gives."""
        return None if self.settings.embedder == "fake" else WordItems(self.vectors, self.embedder).finds

    @cached_property
    def retriever(self) -> Retriever:
        s = self.settings
        return Retriever(self.catalog, self.vectors, self.lexical, self.embedder, s.candidates, s.ranking)

    @cached_property
    def answerer(self) -> Answerer:
        s = self.settings
        if s.llm_base_url:
            from assistant.llm import LLMAnswerer

            llm = LLMAnswerer(s)
            llm.fallback.meetings = self.catalog.meeting  # meeting facts answer the same with or without an LLM
            llm.fallback.committees = self.catalog.committees
            llm.fallback.mentioned = self.lexical.mentioned
            llm.fallback.near = self.near
            llm.fallback.finds = self.finds
            return llm
        # site-relative links: the service makes them absolute
        return ExtractiveAnswerer("", s.refusal_threshold, meetings=self.catalog.meeting, ranking=s.ranking,
                                  committees=self.catalog.committees, mentioned=self.lexical.mentioned,
                                  near=self.near, finds=self.finds)

    @cached_property
    def service(self) -> ChatService:
        s = self.settings
        rewriter = None
        if s.llm_base_url:
            from assistant.llm import LLMRewriter

            rewriter = LLMRewriter(s)
        return ChatService(self.catalog, self.retriever, self.answerer, s.top_k, s.max_question_chars,
                           s.max_history_turns, rewriter, base_url=s.default_base_url,
                           conversations=self.conversations, max_history_chars=s.max_history_chars,
                           respell=self.lexical.respell)

    @cached_property
    def conversations(self) -> ConversationStore:
        """In the catalog's database (table ``conversations``): a restart keeps them, and replicas share them."""
        return ConversationStore(self.database, self.settings.max_conversations)

    def close(self) -> None:
        """Close the database's connections (PostgreSQL's pool), when it was opened."""
        if "database" in self.__dict__:
            self.database.close()
