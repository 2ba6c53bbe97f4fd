"""The wheel carries what an installed `referat` needs: every module and subpackage, the prompts (package data,
read with importlib.resources), the web page and the question sets. Built from a copy, so the checkout stays clean."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGES = ("core", "store", "ingest", "assistant", "eval", "prompts")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("src")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    for pkg in PACKAGES:
        shutil.copytree(ROOT / pkg, src / pkg, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    # the venv's own setuptools when it has one (no download); else pip fetches it into an isolated build env
    isolation = [] if importlib.util.find_spec("setuptools") is None else ["--no-build-isolation"]
    out = subprocess.run([sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", *isolation, "-q",
                          "-w", str(src / "dist")], capture_output=True, text=True, timeout=900)
    assert out.returncode == 0, out.stderr[-3000:]
    (built,) = (src / "dist").glob("referat-*.whl")
    return built


def test_wheel_holds_prompts_and_every_module(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    prompts = sorted(p.name for p in (ROOT / "prompts").glob("*.md"))
    assert {"system.v1.md", "answer.da.v1.md", "answer.en.v1.md", "followup.v1.md", "judge.v1.md"} <= set(prompts)
    assert {f"prompts/{p}" for p in prompts} | {"prompts/__init__.py"} <= names
    modules = {p.relative_to(ROOT).as_posix() for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py")
               if "__pycache__" not in p.parts}
    assert modules <= names, sorted(modules - names)  # subpackages (ingest/readers/...) too
    assert {"assistant/web/index.html", "assistant/web/app.js", "eval/seeds.jsonl"} <= names
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[referat.commands]" in text and "eval = eval.cli:evaluate" in text  # `referat eval` comes from eval/


def test_prompts_load_from_the_wheel_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    """-S: no site-packages and no editable install; the code and its prompts come from the wheel alone."""
    code = ("import sys; sys.path.insert(0, sys.argv[1]); from assistant import prompts; import prompts as p; "
            "assert p.__file__.startswith(sys.argv[1]), p.__file__; print(prompts.load('answer', 'v1', 'da'))")
    out = subprocess.run([sys.executable, "-S", "-c", code, str(wheel)], cwd=tmp_path, capture_output=True,
                         text=True, timeout=120, env={"PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    assert "{sources}" in out.stdout
