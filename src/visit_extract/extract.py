"""``extract_visit()``: one article in, one :class:`VisitExtraction` out, through a
backend chosen by name.

The backend protocol and registry live in :mod:`visit_extract.registry`; their names
are re-exported here, where they were first defined.
"""

from __future__ import annotations

import contextvars
import math
import threading
import time
from collections.abc import Callable
from datetime import date
from typing import Any

from visit_extract.config import Settings
from visit_extract.errors import ArticleTimeout
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
            ``temperature``, ``use_cache``, ``article_timeout_s``...).

    Returns:
        The extraction: ``is_study_visit``, ``visits`` (scorable against
        LABELING.md gold) plus evidence, backend, model, usage and timing.

    Raises:
        InputError: empty, non-text or oversized input.
        ConfigError: unknown backend or option (naming the closest), missing API key.
        ProviderError: the provider failed after retries.
        ExtractionValidationError: the model's answer stayed invalid after reasks.
        ArticleTimeout: no result within ``Settings.article_timeout_s`` (300 s by
            default; ``math.inf`` for none, and the backend then runs in this thread).

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
    result = within(settings.article_timeout_s, get_backend(settings).extract, checked)
    updates: dict[str, Any] = {}
    if result.id is None:
        updates["id"] = checked.id
    if not result.latency_s and not result.cached:
        updates["latency_s"] = time.perf_counter() - started
    return result.model_copy(update=updates) if updates else result


def within(
    limit_s: float, extract: Callable[[Article], VisitExtraction], article: Article
) -> VisitExtraction:
    """``extract(article)``, or :class:`ArticleTimeout` after ``limit_s`` seconds.

    The extraction runs on a daemon thread, since a Python thread cannot be stopped:
    past the limit it is abandoned (it ends on its own, or with the process) and the
    caller gets the error at once. What ``extract`` raises reaches the caller as it is.
    Without a limit (``math.inf``) it runs in the caller's thread, for backends that
    hold objects tied to it (an ``sqlite3`` connection, say).
    """
    if math.isinf(limit_s):
        return extract(article)
    outcome: list[Any] = []
    done = threading.Event()
    context = contextvars.copy_context()  # the caller's context variables go along

    def run() -> None:
        try:
            outcome.append(context.run(extract, article))
        except BaseException as exc:  # handed to the caller below
            outcome.append(exc)
        finally:
            done.set()

    threading.Thread(target=run, name="visit-extract-article", daemon=True).start()
    if not done.wait(limit_s):
        raise ArticleTimeout(
            f"no result for article {article.id!r} within {limit_s:g} s; it was abandoned "
            "(raise the limit with Settings.article_timeout_s, --article-timeout)"
        )
    if isinstance(outcome[0], BaseException):
        raise outcome[0]
    result: VisitExtraction = outcome[0]
    return result


__all__ = [
    "BackendCapabilities",
    "BackendFactory",
    "ExtractionBackend",
    "available_backends",
    "extract_visit",
    "get_backend",
    "register_backend",
    "within",
]
