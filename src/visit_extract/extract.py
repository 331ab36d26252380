"""``extract_visit()``: one article in, one :class:`VisitExtraction` out, through a
backend chosen by name.

Backends sit behind the small :class:`ExtractionBackend` protocol and are looked up in
a registry. The built-in ones (``rules``, ``llm``) are registered exactly the way a
third party registers its own: :func:`register_backend`, or an entry point in the
``visit_extract.backends`` group naming a factory ``(Settings) -> ExtractionBackend``.
"""

from __future__ import annotations

import importlib
import threading
import time
from collections.abc import Callable
from datetime import date
from importlib.metadata import entry_points
from typing import Any, Protocol, runtime_checkable

from visit_extract.config import Settings
from visit_extract.errors import UnknownBackendError
from visit_extract.io import to_article
from visit_extract.schema import Article, VisitExtraction


@runtime_checkable
class ExtractionBackend(Protocol):
    """What a backend provides. It may also define ``async def aextract(article)``
    with the same meaning, which batch runs use for concurrency."""

    name: str

    def extract(self, article: Article) -> VisitExtraction:
        """Extract the study visits of one checked article."""
        ...


BackendFactory = Callable[[Settings], ExtractionBackend]

_REGISTRY: dict[str, BackendFactory | str] = {
    # Built-ins are named as "module:attribute" so that a rules-only run never imports
    # instructor or openai; they resolve on first use, like entry points do.
    "rules": "visit_extract.backends.rules.backend:RulesBackend",
    "llm": "visit_extract.backends.llm:LLMBackend",
}
_INSTANCES: dict[tuple[str, Settings], ExtractionBackend] = {}
_LOCK = threading.Lock()


def register_backend(name: str, factory: BackendFactory | str) -> None:
    """Register a backend under ``name``, replacing any earlier one.

    Args:
        name: what users pass as ``backend=``.
        factory: a callable ``(Settings) -> ExtractionBackend`` or ``"module:attr"``.
    """
    with _LOCK:
        _REGISTRY[name] = factory
        for key in [k for k in _INSTANCES if k[0] == name]:
            del _INSTANCES[key]


def available_backends() -> list[str]:
    """Names of every registered backend, entry points included."""
    names = set(_REGISTRY)
    names.update(ep.name for ep in entry_points(group="visit_extract.backends"))
    return sorted(names)


def _resolve_factory(name: str) -> BackendFactory:
    factory = _REGISTRY.get(name)
    if factory is None:
        for ep in entry_points(group="visit_extract.backends"):
            if ep.name == name:
                factory = ep.value
                break
    if factory is None:
        raise UnknownBackendError(
            f"no backend named {name!r}; choose one of: {', '.join(available_backends())}"
        )
    if isinstance(factory, str):
        module_name, _, attr = factory.partition(":")
        loaded: BackendFactory = getattr(importlib.import_module(module_name), attr)
        return loaded
    return factory


def get_backend(settings: Settings) -> ExtractionBackend:
    """The backend instance for these settings (one per distinct settings, reused)."""
    name = settings.resolved_backend
    key = (name, settings)
    with _LOCK:
        backend = _INSTANCES.get(key)
    if backend is None:
        backend = _resolve_factory(name)(settings)
        with _LOCK:
            backend = _INSTANCES.setdefault(key, backend)
    return backend


def extract_visit(
    article: Article | str | bytes | dict[str, Any],
    *,
    published: date | str | None = None,
    backend: str | None = None,
    model: str | None = None,
    settings: Settings | None = None,
    **options: Any,
) -> VisitExtraction:
    """Extract every study visit reported in one article.

    Args:
        article: an :class:`Article`, the article text, UTF-8 bytes, or a dict in the
            ``articles.jsonl`` format (``{"id", "text", "published", ...}``).
        published: publication date (``YYYY-MM-DD``), used to resolve "Senin (25/2)";
            overrides the article's own.
        backend: ``"rules"`` (offline, no key) or ``"llm"``; by default ``llm`` when a
            model is configured, else ``rules``.
        model: ``provider/model`` such as ``"openai/gpt-4o-mini"`` or
            ``"ollama/qwen2.5:7b"``, or a model served at ``base_url``.
        settings: a :class:`Settings`; by default read from the environment.
        **options: any other :class:`Settings` field (``base_url``, ``api_key``,
            ``temperature``, ``use_cache``...).

    Returns:
        The extraction: ``is_study_visit``, ``visits`` (scorable against
        LABELING.md gold) plus evidence, backend, model, usage and timing.

    Raises:
        InputError: empty, non-text or oversized input.
        ConfigError: unknown backend or option (naming the closest), missing API key.
        ProviderError: the provider failed after retries.
        ExtractionValidationError: the model's answer stayed invalid after reasks.

    Example:
        >>> from visit_extract import extract_visit
        >>> result = extract_visit("Bupati Lahat studi banding ke Banyuwangi ...")
        >>> result.backend
        'rules'
    """
    base = settings if settings is not None else Settings.from_env()
    given = {k: v for k, v in (("backend", backend), ("model", model)) if v is not None}
    settings = base.replace(**given, **options)
    checked = to_article(article, published=published, max_chars=settings.max_article_chars)
    started = time.perf_counter()
    result = get_backend(settings).extract(checked)
    updates: dict[str, Any] = {}
    if result.id is None:
        updates["id"] = checked.id
    if not result.latency_s and not result.cached:
        updates["latency_s"] = time.perf_counter() - started
    return result.model_copy(update=updates) if updates else result


__all__ = [
    "BackendFactory",
    "ExtractionBackend",
    "available_backends",
    "extract_visit",
    "get_backend",
    "register_backend",
]
