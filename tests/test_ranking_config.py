"""RankingConfig: every ranking and refusal constant in one object, its defaults the calibrated values, settable
from the environment (REFERAT_RANKING__...) and handed by the container to the retriever and the answerer."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from assistant.container import Container
from assistant.evidence import EvidenceConfig
from assistant.ranking import DEFAULT_RANKING, RankingConfig
from assistant.settings import Settings


def test_defaults_are_the_values_calibrated_before() -> None:
    r = RankingConfig()
    # assistant/retrieve.py: RRF_K, MAX_PER_MUNICIPALITY_QUERIES and the inline bonuses (0.5/RRF_K, 1.0/RRF_K)
    assert (r.rrf_k, r.max_per_municipality_queries) == (60, 4)
    assert (r.soft_date_bonus, r.title_bonus, r.soft_item_bonus) == (0.5, 1.0, 1.0)
    # assistant/answer.py: RERANK_*, the answerer's coverage_weight and second_ratio, supported()'s literals
    assert (r.rerank_window, r.rerank_min_ratio, r.rerank_margin) == (3, 0.85, 1.5)
    assert (r.coverage_weight, r.second_ratio) == (0.02, 0.92)
    assert (r.agree_slack, r.full_coverage, r.max_citations) == (0.05, 0.99, 3)
    assert r.english_threshold_offset == -0.03  # calibrated later, on the calibration sets (see its comment)
    assert r.evidence == EvidenceConfig()
    assert DEFAULT_RANKING == r
    # the public knobs stay top-level Settings, unchanged
    s = Settings(_env_file=None)  # type: ignore[call-arg]
    assert (s.top_k, s.candidates, s.refusal_threshold) == (5, 40, 0.85)
    assert s.ranking == r


def test_the_environment_reaches_the_retriever_and_the_answerer(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.answer import ExtractiveAnswerer
    from assistant.container import Container

    monkeypatch.setenv("REFERAT_RANKING__RERANK_MARGIN", "2.5")
    monkeypatch.setenv("REFERAT_RANKING__RRF_K", "30")
    monkeypatch.setenv("REFERAT_RANKING__EVIDENCE__MAX_PASSAGES", "4")
    monkeypatch.setenv("REFERAT_REFUSAL_THRESHOLD", "0.5")  # the old names still work beside the nested ones
    settings = Settings(_env_file=None, data_dir=tmp_path / "data", embedder="fake")  # type: ignore[call-arg]
    assert settings.ranking.rerank_margin == 2.5 and settings.refusal_threshold == 0.5
    container = Container(settings)
    answerer = container.answerer
    assert isinstance(answerer, ExtractiveAnswerer)
    assert answerer.ranking.rerank_margin == 2.5 and answerer.threshold == 0.5
    assert answerer.ranking.evidence.max_passages == 4
    assert answerer.ranking.second_ratio == 0.92  # what the environment does not name keeps its default
    assert container.retriever.ranking.rrf_k == 30


def test_the_llm_fallback_gets_the_same_config(tmp_path: Path) -> None:
    from assistant.llm import LLMAnswerer

    settings = Settings(_env_file=None, data_dir=tmp_path, llm_base_url="http://127.0.0.1:9",  # type: ignore[call-arg]
                        ranking=RankingConfig(second_ratio=0.8))
    assert LLMAnswerer(settings, model=object()).fallback.ranking.second_ratio == 0.8


def test_a_misspelt_constant_is_an_error_not_ignored() -> None:
    with pytest.raises(ValidationError):
        RankingConfig(rerank_margn=2.0)  # type: ignore[call-arg]
    with pytest.raises(ValidationError):
        RankingConfig().rrf_k = 10  # type: ignore[misc]  # frozen: one config, shared, never changed in place


def test_a_committee_written_out_in_full_is_named() -> None:
    from assistant.bodies import named_in_full as _names_committee
    from core.model import fold

    assert _names_committee(fold("hennys testudvalg 2017: hvilke børnehuse var med?"), "Hennys testudvalg")
    assert _names_committee(fold("Hvad besluttede Social- og Handicapudvalget?"), "Social- og Handicapudvalget")
    assert not _names_committee(fold("Hvad besluttede byrådet?"), "Byråd 2022-2025")  # too short to name one
    assert not _names_committee(fold("Hvad besluttede Social- og Handicapudvalget?"), "Handicaprådet")


def test_an_unsupported_first_item_gives_way_to_a_near_tied_supported_one(container: Container) -> None:
    from dataclasses import replace

    from ingest.pipeline import ingest_paths
    from tests.conftest import ROOT

    greve = ROOT / "sample_data" / "minutes" / "greve_byraad_2025-10-01.json"
    assert not ingest_paths(container.indexer, [greve]).failed
    p = container.service._prepare("Hvad besluttede byrådet om Movia?", None, None, None, 5)
    from assistant.answer import ExtractiveAnswerer

    answerer = container.service.answerer
    assert isinstance(answerer, ExtractiveAnswerer)
    weak, strong = replace(p.hits[0], score=1.0, dense=0.0, overlap=0.0, dense_rank=3, lexical_rank=3), \
        replace(p.hits[1], score=0.95, dense=0.99, overlap=1.0)
    assert answerer.supported_first([weak, strong], "da")[0] is strong
    far = replace(strong, score=0.5)  # not near-tied: the ranking stands
    assert answerer.supported_first([weak, far], "da")[0] is weak
    assert answerer.supported_first([strong, weak], "da")[0] is strong
