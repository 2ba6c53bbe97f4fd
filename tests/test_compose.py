"""docker-compose.yml cannot run here (no Docker engine): validate its structure instead."""

from __future__ import annotations

import yaml

from assistant.settings import Settings
from tests.conftest import ROOT


def test_compose_structure() -> None:
    doc = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = doc["services"]
    assert set(services) == {"api", "chroma", "llm"}
    for name in services:
        assert "healthcheck" in services[name], name
    api = services["api"]
    assert api["depends_on"]["chroma"]["condition"] == "service_healthy"
    env = api["environment"]
    assert env["REFERAT_STORE_BACKEND"] == "http" and env["REFERAT_CHROMA_HOST"] == "chroma"
    known = {f"REFERAT_{k.upper()}" for k in Settings.model_fields}
    assert set(env) <= known, set(env) - known
    assert services["llm"]["profiles"] == ["llm"]
    assert {"referat-data", "chroma-data"} <= set(doc["volumes"])
    assert (ROOT / "Dockerfile").is_file()
