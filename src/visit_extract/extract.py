"""``extract_visit()``: one article in, one :class:`VisitExtraction` out, through a
backend chosen by name.

The backend protocol and registry live in :mod:`visit_extract.registry`; their names
are re-exported here, where they were first defined.
"""

from __future__ import annotations

import time
from datetime import date
from typing import Any

from visit_extract.config import Settings
from visit_extract.io import to_article
from visit_extract.registry import (
    BackendCapabilities,
    BackendFactory,
    ExtractionBackend,
    available_backends,
    get_backend,
    register_backend,
)
from visit_extract.schema import Article, VisitExtraction


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
    "BackendCapabilities",
    "BackendFactory",
    "ExtractionBackend",
    "available_backends",
    "extract_visit",
    "get_backend",
    "register_backend",
]
