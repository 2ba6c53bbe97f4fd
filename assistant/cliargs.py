"""What every `referat` command shares: the --data-dir option, settings with overrides, the error exit.

Its own module so that commands defined elsewhere (eval/cli.py) use them without importing assistant.cli.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from assistant.settings import Settings, get_settings

DataDir = Annotated[Path | None, typer.Option("--data-dir", help="Data folder (default: $REFERAT_DATA_DIR or "
                                                                  "~/.local/share/referat)")]


def settings_for(data_dir: Path | None, **overrides: Any) -> Settings:
    base = get_settings()
    update: dict[str, Any] = {k: v for k, v in overrides.items() if v is not None}
    if data_dir is not None:
        update["data_dir"] = data_dir
    return base.model_copy(update=update) if update else base


def fail(message: str, code: int = 1) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)
