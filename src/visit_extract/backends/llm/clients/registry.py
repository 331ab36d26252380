"""The protocol every LLM client follows, and the registry the backend picks one from.

A client registered under a provider name (``"acme"``) is used for models written
``acme/<model>``; the one registered under ``"instructor"`` serves every other model.
The built-in client is registered through :func:`register_client` like any third
party's (see :mod:`visit_extract.backends.llm.clients`).
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from typing import Protocol, TypeVar, runtime_checkable

from pydantic import BaseModel

from visit_extract.backends.llm.retry import TokenMeter, TransportPolicy
from visit_extract.config import Settings
from visit_extract.errors import ConfigError, UnknownBackendError

M = TypeVar("M", bound=BaseModel)


@runtime_checkable
class LLMClient(Protocol):
    """What the LLM backend needs from a provider.

    Attributes:
        name: the client's registry name.
        provider: provider id, part of the cache key ("openai", "ollama", "acme").
        model: the model name as sent to the provider.
        base_url: the endpoint, part of the cache key (None: the SDK default).
    """

    name: str
    provider: str
    model: str
    base_url: str | None

    def complete(
        self, messages: list[dict[str, str]], response_model: type[M], meter: TokenMeter
    ) -> M:
        """Ask the model; return the validated answer (reasking on validation errors).

        Raises:
            ExtractionValidationError: still invalid after Settings.max_retries reasks.
            ProviderError: transport or provider failure (see
                :mod:`visit_extract.backends.llm.retry`).
        """
        ...

    async def acomplete(
        self, messages: list[dict[str, str]], response_model: type[M], meter: TokenMeter
    ) -> M:
        """:meth:`complete`, without blocking the event loop."""
        ...


ClientFactory = Callable[[Settings, TransportPolicy], LLMClient]

_CLIENTS: dict[str, ClientFactory | str] = {}
_LOCK = threading.Lock()


def register_client(name: str, factory: ClientFactory | str) -> None:
    """Register a client factory under a provider name (or ``"instructor"``).

    Args:
        name: the provider prefix it serves (``acme`` for ``acme/model``).
        factory: ``(Settings, TransportPolicy) -> LLMClient`` or ``"module:attr"``.
    """
    with _LOCK:
        _CLIENTS[name.lower()] = factory


def registered_clients() -> list[str]:
    """Names of every registered client."""
    return sorted(_CLIENTS)


def get_client(settings: Settings, policy: TransportPolicy) -> LLMClient:
    """The client for ``settings.model``: the one registered for its provider prefix,
    else ``"instructor"``.

    Raises:
        ConfigError: no model configured.
        UnknownBackendError: nothing registered for the model.
    """
    if not settings.model:
        raise ConfigError(
            "the llm backend needs a model: pass --model provider/model "
            "(openai/gpt-4o-mini, ollama/qwen2.5:7b) or set VISIT_EXTRACT_MODEL"
        )
    head = settings.model.partition("/")[0].lower() if "/" in settings.model else ""
    with _LOCK:
        factory = _CLIENTS.get(head) or _CLIENTS.get("instructor")
    if factory is None:
        raise UnknownBackendError(f"no LLM client registered for {settings.model!r}")
    if isinstance(factory, str):
        module, _, attr = factory.partition(":")
        factory = getattr(importlib.import_module(module), attr)
    assert not isinstance(factory, str)
    return factory(settings, policy)


__all__ = ["ClientFactory", "LLMClient", "get_client", "register_client", "registered_clients"]
