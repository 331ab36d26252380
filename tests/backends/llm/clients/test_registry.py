"""The client registry: a provider prefix picks its client, "instructor" serves the rest."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from visit_extract.backends.llm.clients import InstructorClient, registry
from visit_extract.backends.llm.clients.registry import (
    LLMClient,
    get_client,
    register_client,
    registered_clients,
)
from visit_extract.backends.llm.retry import TokenMeter, TransportPolicy
from visit_extract.config import Settings
from visit_extract.errors import ConfigError, UnknownBackendError


class _Echo:
    """A third-party client that remembers how it was made."""

    name = "echo"
    base_url: str | None = None

    def __init__(self, settings: Settings, policy: TransportPolicy):
        self.provider = "echo"
        self.model = (settings.model or "").partition("/")[2]

    def complete(self, messages: Any, response_model: Any, meter: TokenMeter) -> Any:
        raise NotImplementedError

    async def acomplete(self, messages: Any, response_model: Any, meter: TokenMeter) -> Any:
        raise NotImplementedError


@pytest.fixture
def clients(monkeypatch: pytest.MonkeyPatch) -> None:
    """Registrations made by a test stay in that test."""
    monkeypatch.setattr(registry, "_CLIENTS", dict(registry._CLIENTS))


def _get(model: str, tmp_path: Path) -> LLMClient:
    settings = Settings(model=model, cache_dir=tmp_path)
    return get_client(settings, TransportPolicy(settings))


def test_the_builtin_client_is_registered_like_any_other() -> None:
    assert "instructor" in registered_clients()
    assert registry._CLIENTS["instructor"] is InstructorClient


def test_a_provider_prefix_picks_its_client_and_the_rest_go_to_instructor(
    tmp_path: Path, clients: None
) -> None:
    register_client("Echo", _Echo)  # names are case-insensitive
    echo = _get("echo/tiny", tmp_path)
    assert isinstance(echo, _Echo) and isinstance(echo, LLMClient) and echo.model == "tiny"
    assert isinstance(_get("ollama/qwen2.5:7b", tmp_path), InstructorClient)


def test_a_client_can_be_registered_by_import_path(tmp_path: Path, clients: None) -> None:
    register_client("echo", f"{__name__}:_Echo")
    assert isinstance(_get("echo/tiny", tmp_path), _Echo)


def test_no_model_says_how_to_give_one(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="--model provider/model"):
        get_client(Settings(cache_dir=tmp_path), TransportPolicy(Settings()))


def test_nothing_registered_for_the_model_is_an_unknown_backend(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(registry, "_CLIENTS", {})
    with pytest.raises(UnknownBackendError, match="acme/tiny"):
        _get("acme/tiny", tmp_path)
