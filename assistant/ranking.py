"""Every ranking and refusal constant of retrieval (assistant/retrieve.py) and the extractive answerer
(assistant/answer.py) in one object, each beside the reason for its default.

Settings holds one (``Settings.ranking``), settable from the environment with ``__`` between the levels
(``REFERAT_RANKING__RERANK_MARGIN=2``, ``REFERAT_RANKING__EVIDENCE__MAX_PASSAGES=4``); the container hands it to
the Retriever and the ExtractiveAnswerer. The public knobs stay top-level Settings, as before:
``REFERAT_TOP_K`` (items retrieved for an answer), ``REFERAT_CANDIDATES`` (dense and BM25 candidates per query)
and ``REFERAT_REFUSAL_THRESHOLD`` (the dense similarity an answer needs; calibrated per embedding model). What is
here was calibrated on eval/dev.jsonl, the seeds and eval/custom.jsonl: change it only with an eval run.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from assistant.evidence import EvidenceConfig


class RankingConfig(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    # -- retrieval: fusing the dense and BM25 lists into items (assistant/retrieve.py) --
    rrf_k: int = 60  # reciprocal rank fusion's constant (Cormack et al.): 1/(k + rank); the bonuses below are in 1/k
    max_per_municipality_queries: int = 4  # named municipalities up to this many get a dense query each
    soft_date_bonus: float = 0.5  # times 1/rrf_k: an item inside a date range the question only loosely names
    title_bonus: float = 1.0  # times 1/rrf_k, times the share of the title's words the question holds
    # a title word that is the municipality asked about counts this much of a topic word: every candidate is from
    # that town. Calibration: 1.0 ranked "... renovering af Slagelse Svømmehal" above the budget timetable asked
    # about; 0 and 0.25 lost items whose topic is the town ("Ukrainske flygtninge i Greve Kommune")
    town_title_weight: float = 0.5
    soft_item_bonus: float = 1.0  # times 1/rrf_k: the item number the question names, when not a hard filter

    # -- the extractive answerer: is an item supported, which are cited (assistant/answer.py) --
    coverage_weight: float = 0.02  # supported: dense similarity plus a little term coverage reaches the threshold
    full_coverage: float = 0.99  # supported: or every question term is found in the item
    english_threshold_offset: float = -0.03  # supported: an English question against Danish minutes scores lower
    # in e5's cross-lingual space: on dev+seeds+custom -0.03 answers 3 more answerable, refuses 1 fewer unanswerable
    agree_slack: float = 0.05  # supported: or dense and BM25 both rank it first and it is this close to the threshold
    second_ratio: float = 0.92  # a second or third item is cited when its fused score is this share of the first's
    max_citations: int = 3  # the first item and at most two more
    # evidence re-ranking of near-tied items (calibrated on eval/dev.jsonl, seeds and custom)
    rerank_window: int = 3  # only the top three retrieved items compete
    rerank_min_ratio: float = 0.85  # and only those within this share of the top fused score
    rerank_margin: float = 1.5  # a lower item must hold clearly more of the asked terms (and kind) to move up

    # -- the evidence inside a cited item (assistant/evidence.py; its reasons are there) --
    evidence: EvidenceConfig = EvidenceConfig()


DEFAULT_RANKING = RankingConfig()  # the calibrated defaults
