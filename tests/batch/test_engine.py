"""The async engine: one result per article, the per-article timeout, the retry hook,
and what a backend's declared capabilities decide (never its name)."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

import pytest
from batchhelpers import make_articles
from fakebackends import ScriptedBackend

from visit_extract.backends.llm.retry import RetryEvent
from visit_extract.batch import BatchResult, BatchStats, aextract_many, extract_many
from visit_extract.config import Settings
from visit_extract.errors import DatasetError, MissingAPIKeyError
from visit_extract.extract import register_backend
from visit_extract.registry import BackendCapabilities
from visit_extract.schema import Article, VisitExtraction

SETTINGS = Settings(backend="scripted", concurrency=4, prefilter=False)


@pytest.mark.parametrize("use_async", [True, False], ids=["aextract", "thread-pool"])
def test_every_article_gets_exactly_one_result(use_async: bool) -> None:
    articles = make_articles(40)
    backend = ScriptedBackend(
        SETTINGS,
        delay_s=0.001,
        fail=frozenset({"a003"}),
        hang=frozenset({"a007"}),
        use_async=use_async,
    )
    stats = BatchStats()
    results = list(
        extract_many(
            articles,
            settings=SETTINGS.replace(article_timeout_s=0.3),
            backend=backend,
            stats=stats,
        )
    )
    assert sorted(r.id for r in results) == [a.id for a in articles]
    by_id = {r.id: r for r in results}
    assert by_id["a003"].error is not None
    assert by_id["a003"].error.type == "RetriesExhausted"
    assert by_id["a003"].error.attempts == 3
    assert by_id["a007"].error is not None and by_id["a007"].error.type == "ArticleTimeout"
    assert by_id["a000"].extraction is not None and by_id["a000"].extraction.id == "a000"
    assert (stats.ok, stats.errors, stats.done) == (38, 2, 40)
    assert stats.usage.total_tokens == 38 * 12
    assert "RetriesExhausted" in stats.summary()


def test_missing_input_file_raises_dataset_error(tmp_path: Any) -> None:
    with pytest.raises(DatasetError):
        list(
            extract_many(
                tmp_path / "none.jsonl", settings=SETTINGS, backend=ScriptedBackend(SETTINGS)
            )
        )


def test_a_configuration_error_stops_the_run_instead_of_filling_it_with_rows() -> None:
    class NoKey(ScriptedBackend):
        async def aextract(self, article: Article) -> VisitExtraction:
            raise MissingAPIKeyError("no API key for acme: set ACME_API_KEY")

    seen: list[BatchResult] = []
    with pytest.raises(MissingAPIKeyError, match="ACME_API_KEY"):
        for result in extract_many(make_articles(30), settings=SETTINGS, backend=NoKey(SETTINGS)):
            seen.append(result)
    assert seen == []


# --- the retry hook -------------------------------------------------------------------------


class RateLimitedOnce(ScriptedBackend):
    """Reports one 429 retry on ``a000`` through the hook its factory was given."""

    capabilities = BackendCapabilities(reports_retries=True)

    def __init__(self, settings: Settings, *, on_retry: Any = None) -> None:
        super().__init__(settings)
        self.on_retry = on_retry

    async def aextract(self, article: Article) -> VisitExtraction:
        if article.id == "a000" and self.on_retry is not None:
            self.on_retry(RetryEvent(1, 429, wait_s=0.01, retry_after_s=0.01, error="HTTP 429"))
        return await super().aextract(article)


def test_async_variant_and_retry_hook_feeds_rate_gate() -> None:
    register_backend("scripted-429", RateLimitedOnce)
    stats = BatchStats()

    async def collect() -> list[BatchResult]:
        return [
            r
            async for r in aextract_many(
                make_articles(5), settings=SETTINGS.replace(backend="scripted-429"), stats=stats
            )
        ]

    results = asyncio.run(collect())
    assert len(results) == 5
    assert (stats.retries, stats.rate_limited) == (1, 1)


def test_only_a_declared_factory_gets_the_retry_hook() -> None:
    class Undeclared(RateLimitedOnce):
        capabilities = BackendCapabilities()  # takes on_retry=, but does not say so

    register_backend("scripted-undeclared", Undeclared)
    stats = BatchStats()
    settings = SETTINGS.replace(backend="scripted-undeclared")
    results = list(extract_many(make_articles(3), settings=settings, stats=stats))
    assert [r.status for r in results] == ["ok"] * 3
    assert stats.retries == 0


# --- capabilities, not names ----------------------------------------------------------------


def _named(name: str, capabilities: BackendCapabilities | None) -> ScriptedBackend:
    backend = ScriptedBackend(SETTINGS)
    backend.name = name
    if capabilities is not None:
        backend.capabilities = capabilities  # type: ignore[attr-defined]
    return backend


def _low_score(text: str, title: str | None = None) -> float:
    return 0.1


@pytest.mark.parametrize(
    ("name", "capabilities", "prefiltered"),
    [
        ("rules", BackendCapabilities(prefilter=True), True),
        ("llm", BackendCapabilities(prefilter=False), False),
        ("third-party", None, True),  # nothing declared: the default pre-filters
    ],
)
def test_the_declaration_decides_the_prefilter(
    name: str, capabilities: BackendCapabilities | None, prefiltered: bool
) -> None:
    backend = _named(name, capabilities)
    settings = SETTINGS.replace(prefilter=True)
    results = list(
        extract_many(make_articles(3), settings=settings, backend=backend, relevance=_low_score)
    )
    assert {r.status for r in results} == ({"skipped"} if prefiltered else {"ok"})
    assert len(backend.calls) == (0 if prefiltered else 3)


def test_prefilter_not_applied_to_the_rules_backend() -> None:
    def never(text: str, title: str | None = None) -> float:
        raise AssertionError("the rules backend needs no pre-filter")

    settings = Settings(backend="rules", prefilter=True)
    results = list(extract_many(make_articles(3), settings=settings, relevance=never))
    assert [r.status for r in results] == ["ok"] * 3
    assert {r.extraction.backend for r in results if r.extraction} == {"rules"}


class _InFlight(ScriptedBackend):
    """Counts how many of its calls overlap (on the thread pool)."""

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings, use_async=False)
        self.lock = threading.Lock()
        self.now = 0
        self.most = 0

    def extract(self, article: Article) -> VisitExtraction:
        with self.lock:
            self.now += 1
            self.most = max(self.most, self.now)
        time.sleep(0.05)
        with self.lock:
            self.now -= 1
        return self._answer(article)


@pytest.mark.parametrize(
    ("capabilities", "most"),
    [(BackendCapabilities(concurrency=1), 1), (None, 4)],
    ids=["declares-1", "declares-nothing"],
)
def test_the_declared_concurrency_caps_articles_in_flight(
    capabilities: BackendCapabilities | None, most: int
) -> None:
    backend = _InFlight(SETTINGS)
    if capabilities is not None:
        backend.capabilities = capabilities  # type: ignore[attr-defined]
    results = list(extract_many(make_articles(12), settings=SETTINGS, backend=backend))
    assert len(results) == 12
    assert backend.most == most  # SETTINGS asks for 4
