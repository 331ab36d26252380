"""extract_many / aextract_many / run_batch: one result per article, errors as rows,
the pre-filter, resume and the output file."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from batchhelpers import make_articles, read_rows, write_jsonl
from fakebackends import RetryEvent, ScriptedBackend

from visit_extract.batch import (
    BatchResult,
    BatchStats,
    ResultWriter,
    aextract_many,
    extract_many,
    read_results,
    run_batch,
)
from visit_extract.batch import engine as batch_mod
from visit_extract.config import Settings
from visit_extract.errors import ConfigError, ExtractionValidationError, InputError
from visit_extract.extract import register_backend
from visit_extract.io import BadRow
from visit_extract.schema import Article, Usage, VisitExtraction

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


def test_bad_inputs_become_error_rows() -> None:
    items: list[Any] = [
        Article(id="ok1", text="teks"),
        BadRow("dump.jsonl", 2, "invalid JSON: Expecting value"),
        {"id": "empty", "text": "   "},
        {"id": "ok1", "text": "duplikat"},
        "teks tanpa id",
        {"id": "nodate", "text": "teks", "published": "kemarin"},
    ]
    backend = ScriptedBackend(SETTINGS)
    results = {r.id: r for r in extract_many(items, settings=SETTINGS, backend=backend)}
    assert set(results) == {"ok1", "line-2", "empty", "article-5", "nodate"}
    assert results["line-2"].error is not None
    assert "dump.jsonl:2" in results["line-2"].error.message
    assert results["empty"].error is not None
    assert results["empty"].error.type == "EmptyArticleError"
    assert results["nodate"].error is not None
    assert results["article-5"].status == "ok"
    # the duplicate id is reported, and the backend saw only the first ok1
    assert backend.calls.count("ok1") == 1


def test_duplicate_id_row_names_the_line() -> None:
    items = [Article(id="d", text="satu"), Article(id="d", text="dua")]
    results = list(extract_many(items, settings=SETTINGS, backend=ScriptedBackend(SETTINGS)))
    errors = [r for r in results if r.error is not None]
    assert len(errors) == 1 and "line 2: duplicate article id" in errors[0].error.message  # type: ignore[union-attr]


def test_prefilter_skips_low_scores_with_score() -> None:
    articles = make_articles(6)
    scores = {a.text: i / 10 for i, a in enumerate(articles)}  # 0.0 .. 0.5

    def relevance(text: str, title: str | None = None) -> float:
        return scores[text]

    backend = ScriptedBackend(SETTINGS)
    settings = SETTINGS.replace(prefilter=True, prefilter_threshold=0.3)
    results = {
        r.id: r
        for r in extract_many(articles, settings=settings, backend=backend, relevance=relevance)
    }
    skipped = sorted(i for i, r in results.items() if r.skipped == "prefilter")
    assert skipped == ["a000", "a001", "a002"]
    assert results["a001"].to_row() == {"id": "a001", "skipped": "prefilter", "score": 0.1}
    assert sorted(backend.calls) == ["a003", "a004", "a005"]


def test_prefilter_not_applied_to_rules_backend() -> None:
    settings = Settings(backend="rules", prefilter=True)

    def never(text: str, title: str | None = None) -> float:
        raise AssertionError("the rules backend needs no pre-filter")

    results = list(extract_many(make_articles(3), settings=settings, relevance=never))
    assert [r.status for r in results] == ["ok"] * 3
    assert {r.extraction.backend for r in results if r.extraction} == {"rules"}


def test_prefilter_missing_is_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "visit_extract.backends.rules.relevance", None)
    settings = SETTINGS.replace(prefilter=True)
    with pytest.raises(ConfigError, match="--no-prefilter"):
        list(extract_many(make_articles(1), settings=settings, backend=ScriptedBackend(settings)))


def test_relevance_error_is_an_error_row() -> None:
    def broken(text: str, title: str | None = None) -> float:
        raise RuntimeError("bug")

    settings = SETTINGS.replace(prefilter=True)
    results = list(
        extract_many(
            make_articles(2), settings=settings, backend=ScriptedBackend(settings), relevance=broken
        )
    )
    assert [r.error.type for r in results if r.error] == ["RuntimeError", "RuntimeError"]


def test_async_variant_and_retry_hook_feeds_rate_gate() -> None:
    class RateLimitedOnce(ScriptedBackend):
        def __init__(self, settings: Settings, *, on_retry: Any = None) -> None:
            super().__init__(settings)
            self.on_retry = on_retry

        async def aextract(self, article: Article) -> Any:
            if article.id == "a000":
                self.on_retry(RetryEvent(1, 429, wait_s=0.01, retry_after_s=0.01, error="HTTP 429"))
            return await super().aextract(article)

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


def test_breaking_early_cancels_the_run() -> None:
    backend = ScriptedBackend(SETTINGS, delay_s=0.01)
    gen = extract_many(make_articles(200), settings=SETTINGS, backend=backend)
    first = [next(gen) for _ in range(3)]
    gen.close()
    assert len(first) == 3
    assert len(backend.calls) < 200


def test_missing_input_file_raises_dataset_error(tmp_path: Path) -> None:
    from visit_extract.errors import DatasetError

    with pytest.raises(DatasetError):
        list(
            extract_many(
                tmp_path / "none.jsonl", settings=SETTINGS, backend=ScriptedBackend(SETTINGS)
            )
        )


def test_run_batch_writes_one_row_per_article_and_resumes(tmp_path: Path) -> None:
    rows = [{"id": f"r{i}", "text": f"teks {i}"} for i in range(10)]
    rows.insert(4, {"id": "bad"})  # no text
    source = write_jsonl(tmp_path / "dump.jsonl", rows)
    (tmp_path / "dump.jsonl").open("a", encoding="utf-8").write("{broken\n")
    out = tmp_path / "out" / "results.jsonl"
    first = ScriptedBackend(SETTINGS)
    stats = run_batch(source, out, settings=SETTINGS, backend=first)
    written = read_rows(out)
    assert len(written) == 12 and stats.done == 12
    assert {r["id"] for r in written} >= {"bad", "line-12"}

    # a second run without --resume refuses to touch the file
    with pytest.raises(InputError, match="--resume"):
        run_batch(source, out, settings=SETTINGS, backend=ScriptedBackend(SETTINGS))

    # simulate a crash: drop three rows and tear the last one
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(lines[:9]) + lines[9][:15], encoding="utf-8")
    again = ScriptedBackend(SETTINGS)
    stats = run_batch(source, out, settings=SETTINGS, backend=again, resume=True)
    final = read_rows(out)
    assert sorted(r["id"] for r in final) == sorted(r["id"] for r in written)
    assert stats.resumed == 9 and stats.done == 3
    assert len(again.calls) <= 3


def test_result_rows_round_trip(tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    backend = ScriptedBackend(SETTINGS, fail=frozenset({"a001"}))
    with ResultWriter(out) as writer:
        for r in extract_many(make_articles(3), settings=SETTINGS, backend=backend):
            writer.write(r)
        writer.write(BatchResult(id="s", skipped="prefilter", score=0.2))
    back = {r.id: r for r in read_results(out)}
    assert back["a001"].status == "error" and back["a001"].error is not None
    assert back["a001"].error.attempts == 3
    assert back["a000"].status == "ok" and back["s"].score == 0.2
    row = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert "is_study_visit" in row or "error" in row


def test_backend_factory_receives_retry_hook() -> None:
    seen: dict[str, Any] = {}

    def factory(settings: Settings, *, on_retry: Any = None) -> ScriptedBackend:
        seen["hook"] = on_retry
        return ScriptedBackend(settings)

    register_backend("scripted-hook", factory)
    list(extract_many(make_articles(1), settings=SETTINGS.replace(backend="scripted-hook")))
    assert callable(seen["hook"])
    register_backend("scripted-plain", lambda s: ScriptedBackend(s))
    results = list(
        extract_many(make_articles(1), settings=SETTINGS.replace(backend="scripted-plain"))
    )
    assert results[0].status == "ok"


def test_cost_estimate_used_when_pricing_exists(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch_mod, "_load_cost_fn", lambda: lambda model, usage: 0.5)
    stats = BatchStats()
    list(
        extract_many(
            make_articles(4), settings=SETTINGS, backend=ScriptedBackend(SETTINGS), stats=stats
        )
    )
    assert stats.cost_usd == pytest.approx(2.0)
    assert "$2.0000" in stats.summary()


def test_resume_with_retry_errors_replaces_error_rows(tmp_path: Path) -> None:
    rows = [{"id": f"e{i}", "text": f"teks {i}"} for i in range(6)] + [{"id": "e0", "text": "x"}]
    source = write_jsonl(tmp_path / "dump.jsonl", rows)
    out = tmp_path / "r.jsonl"
    failing = ScriptedBackend(SETTINGS, fail=frozenset({"e1", "e4"}))
    run_batch(source, out, settings=SETTINGS, backend=failing)
    assert sum("error" in r for r in read_rows(out)) == 3  # two failures, one duplicate id

    healthy = ScriptedBackend(SETTINGS)
    run_batch(source, out, settings=SETTINGS, backend=healthy, resume=True, retry_errors=True)
    final = read_rows(out)
    assert sorted(healthy.calls) == ["e1", "e4"]
    assert len(final) == 7
    assert [r["id"] for r in final if "error" in r] == ["e0"]  # the duplicate stays reported
    assert sorted(r["id"] for r in final if "error" not in r) == [f"e{i}" for i in range(6)]


class _SpendsThenFails:
    """Answers every article except ``a001``, whose two invalid answers cost tokens."""

    name = "spends-then-fails"
    spent = Usage(prompt_tokens=100, completion_tokens=20, total_tokens=120, requests=2)

    def extract(self, article: Article) -> VisitExtraction:
        if article.id == "a001":
            raise ExtractionValidationError("still invalid", attempts=2, usage=self.spent)
        return VisitExtraction(
            id=article.id, is_study_visit=False, backend=self.name, usage=Usage(total_tokens=10)
        )


def test_tokens_spent_by_failed_articles_count_and_are_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    priced: list[tuple[str | None, int]] = []

    def cost(model: str | None, usage: Usage) -> float:
        priced.append((model, usage.total_tokens))
        return usage.total_tokens / 1000

    monkeypatch.setattr(batch_mod, "_load_cost_fn", lambda: cost)
    out = tmp_path / "r.jsonl"
    stats = BatchStats()
    settings = SETTINGS.replace(model="openai/gpt-4o-mini")
    with ResultWriter(out) as writer:
        for r in extract_many(
            make_articles(3), settings=settings, backend=_SpendsThenFails(), stats=stats
        ):
            writer.write(r)
    assert stats.errors == 1
    assert stats.usage.total_tokens == 2 * 10 + 120
    assert stats.usage.requests == 2
    assert ("openai/gpt-4o-mini", 120) in priced
    assert stats.cost_usd == pytest.approx(0.14)
    back = {r.id: r for r in read_results(out)}
    failed = back["a001"].error
    assert failed is not None and failed.usage == _SpendsThenFails.spent
