"""`referat probe`: questions written from the stored minutes, each with the item that answers it."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from assistant.container import Container
from eval import probe
from ingest.pipeline import ingest_paths
from tests.conftest import ROOT

GREVE_ØU = ROOT / "sample_data" / "minutes" / "greve_oekonomiudvalget_2023-11-16.json"


def test_probes_are_written_from_the_stored_items(container: Container) -> None:
    assert not ingest_paths(container.indexer, [GREVE_ØU]).failed
    rows = container.catalog.item_rows()
    found = probe.probes(rows)
    kinds = {p.kind for p in found}
    assert {"case", "number"} <= kinds
    decided = {r.id for r in rows if r.item.decisions}
    assert {p.item_id for p in found if p.kind == "number"} == decided  # one per decided item
    assert "Hvad blev besluttet under punkt 2 på mødet i Økonomiudvalget den 16. november 2023?" in {
        p.question for p in found}
    assert all(p.item_id in decided for p in found if p.kind == "case")


def test_probing_a_corpus_scores_each_kind(container: Container) -> None:
    assert not ingest_paths(container.indexer, [GREVE_ØU]).failed
    result = probe.run(container.service.ask, probe.probes(container.catalog.item_rows()))
    assert result["case"]["right"] == 1.0 and result["number"]["right"] == 1.0

    def wrong(question: str) -> object:  # an answerer that always cites nothing scores 0
        return container.service.ask("Hvad besluttede Faxe om en svømmehal?")

    assert all(v["right"] == 0.0 for v in probe.run(wrong, probe.probes(container.catalog.item_rows())).values())


def test_the_probe_command_gates(tmp_path: Path, container: Container) -> None:
    from assistant.cli import app

    assert not ingest_paths(container.indexer, [GREVE_ØU]).failed
    data_dir = str(container.settings.data_dir)
    ok = CliRunner().invoke(app, ["probe", "--data-dir", data_dir, "--min-right", "0.9"])
    assert ok.exit_code == 0, ok.output
    assert "case" in ok.output and "right 1.000" in ok.output
    empty = CliRunner().invoke(app, ["probe", "--data-dir", str(tmp_path / "empty")])
    assert empty.exit_code == 2 and "nothing stored" in empty.output
