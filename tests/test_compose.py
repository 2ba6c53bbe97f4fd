"""docker-compose.yml cannot run here (no Docker engine): validate its structure instead."""

from __future__ import annotations

from urllib.parse import urlsplit

import yaml

from assistant.settings import Settings
from tests.conftest import ROOT


def test_compose_structure() -> None:
    doc = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = doc["services"]
    assert set(services) == {"api", "chroma", "llm", "postgres"}
    for name in services:
        assert "healthcheck" in services[name], name
    api = services["api"]
    assert api["depends_on"]["chroma"]["condition"] == "service_healthy"
    env = api["environment"]
    assert env["REFERAT_STORE_BACKEND"] == "http" and env["REFERAT_CHROMA_HOST"] == "chroma"
    known = {f"REFERAT_{k.upper()}" for k in Settings.model_fields}
    assert set(env) <= known, set(env) - known
    assert services["llm"]["profiles"] == ["llm"]
    assert {"postgres-data", "chroma-data"} <= set(doc["volumes"])
    assert (ROOT / "Dockerfile").is_file()


def test_compose_replicas_share_postgres_and_chroma() -> None:
    """`docker compose up --scale api=2`: every replica reads one PostgreSQL and one Chroma, and owns its /data."""
    services = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]
    api, pg = services["api"], services["postgres"]
    assert api["depends_on"]["postgres"]["condition"] == "service_healthy"
    url = urlsplit(api["environment"]["REFERAT_DATABASE_URL"].replace("${POSTGRES_PASSWORD:-referat}", "secret"))
    assert (url.scheme, url.hostname, url.port) == ("postgresql", "postgres", 5432)
    assert url.username == pg["environment"]["POSTGRES_USER"] and url.path == "/" + pg["environment"]["POSTGRES_DB"]
    assert pg["image"].startswith("postgres:15") and "pg_isready" in " ".join(pg["healthcheck"]["test"])
    assert any(v.startswith("postgres-data:") for v in pg["volumes"])
    assert not any(str(v).endswith(":/data") for v in api.get("volumes", []))  # no /data shared by the replicas
    ports = [str(p) for p in api["ports"]]
    assert ports == ["8000-8001:8000"]  # a fixed host port would collide between two replicas
