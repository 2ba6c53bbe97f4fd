"""What every router reads from the app (``app.state``, set by create_app), as FastAPI dependencies, and the
input checks they share."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from assistant.container import Container
from assistant.links import request_base
from assistant.metrics import Metrics
from assistant.settings import Settings

MAX_FILTER_VALUES = 20  # municipalities in one request
MAX_NAME_CHARS = 200  # a municipality or committee name


def get_container(request: Request) -> Container:
    container: Container = request.app.state.container
    return container


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_metrics(request: Request) -> Metrics:
    metrics: Metrics = request.app.state.metrics
    return metrics


def base_url(request: Request) -> str:
    """Where citation links point: REFERAT_PUBLIC_URL, else the server this request reached."""
    return request_base(request, get_settings(request))


ContainerDep = Annotated[Container, Depends(get_container)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
MetricsDep = Annotated[Metrics, Depends(get_metrics)]
BaseUrl = Annotated[str, Depends(base_url)]


def no_surrogates(value: str, what: str) -> str:
    if any("\ud800" <= ch <= "\udfff" for ch in value):
        raise ValueError(f"the {what} contains a lone surrogate (invalid Unicode); send UTF-8 text")
    return value
