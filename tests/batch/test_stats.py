"""Run totals: counts, tokens (failed attempts included) and the backend's cost hook."""

from __future__ import annotations

from pathlib import Path

import pytest
from batchhelpers import make_articles
from fakebackends import ScriptedBackend

from visit_extract.batch import BatchResult, BatchStats, ResultWriter, extract_many, read_results
from visit_extract.config import Settings
from visit_extract.errors import ExtractionValidationError
from visit_extract.schema import Article, Party, Usage, Visit, VisitExtraction

SETTINGS = Settings(backend="scripted", concurrency=4, prefilter=False)


class _Priced(ScriptedBackend):
    def estimate_cost(self, usage: Usage) -> float | None:
        return 0.5


def test_the_backends_cost_estimate_is_totalled() -> None:
    stats = BatchStats()
    list(extract_many(make_articles(4), settings=SETTINGS, backend=_Priced(SETTINGS), stats=stats))
    assert stats.cost_usd == pytest.approx(2.0)
    assert "$2.0000" in stats.summary()


def test_without_a_cost_hook_the_cost_is_not_available() -> None:
    stats = BatchStats()
    list(
        extract_many(
            make_articles(2), settings=SETTINGS, backend=ScriptedBackend(SETTINGS), stats=stats
        )
    )
    assert stats.cost_usd is None and stats.usage.total_tokens == 24
    assert "n/a" in stats.summary()


class _SpendsThenFails:
    """Answers every article except ``a001``, whose two invalid answers cost tokens."""

    name = "spends-then-fails"
    spent = Usage(prompt_tokens=100, completion_tokens=20, total_tokens=120, requests=2)

    def __init__(self) -> None:
        self.priced: list[int] = []

    def extract(self, article: Article) -> VisitExtraction:
        if article.id == "a001":
            raise ExtractionValidationError("still invalid", attempts=2, usage=self.spent)
        return VisitExtraction(
            id=article.id, is_study_visit=False, backend=self.name, usage=Usage(total_tokens=10)
        )

    def estimate_cost(self, usage: Usage) -> float:
        self.priced.append(usage.total_tokens)
        return usage.total_tokens / 1000


def test_tokens_spent_by_failed_articles_count_and_are_written(tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    stats = BatchStats()
    backend = _SpendsThenFails()
    with ResultWriter(out) as writer:
        for r in extract_many(make_articles(3), settings=SETTINGS, backend=backend, stats=stats):
            writer.write(r)
    assert stats.errors == 1
    assert stats.usage.total_tokens == 2 * 10 + 120
    assert stats.usage.requests == 2
    assert 120 in backend.priced
    assert stats.cost_usd == pytest.approx(0.14)
    back = {r.id: r for r in read_results(out)}
    failed = back["a001"].error
    assert failed is not None and failed.usage == _SpendsThenFails.spent


def test_a_failing_cost_hook_costs_nothing_but_the_estimate() -> None:
    def broken(usage: Usage) -> float:
        raise KeyError("no price")

    stats = BatchStats()
    stats.add(
        BatchResult(
            id="x",
            extraction=VisitExtraction(
                is_study_visit=False, backend="test", usage=Usage(total_tokens=5)
            ),
        ),
        broken,
    )
    assert (stats.ok, stats.usage.total_tokens, stats.cost_usd) == (1, 5, None)


def test_cached_results_cost_nothing_again() -> None:
    stats = BatchStats()
    cached = VisitExtraction(
        is_study_visit=True, backend="test", cached=True, usage=Usage(total_tokens=50)
    )
    stats.add(BatchResult(id="c", extraction=cached), lambda usage: 1.0)
    stats.add(BatchResult(id="s", skipped="prefilter", score=0.1))
    assert (stats.cache_hits, stats.flagged_without_visits, stats.skipped) == (1, 1, 1)
    assert stats.usage.total_tokens == 0 and stats.cost_usd is None


def _visit() -> Visit:
    return Visit(visitor=Party(region="Kabupaten Sigi"), host=Party(region="Kota Batu"))


def test_study_visit_articles_are_those_with_a_visit_and_the_rest_are_said_apart() -> None:
    """A backend may flag an article as a study-visit report and find no visit in it:
    counted as a study-visit article, the summary read "4 study-visit articles, 3
    visits"."""
    stats = BatchStats()
    for i in range(3):
        found = VisitExtraction(is_study_visit=True, visits=[_visit()], backend="test")
        stats.add(BatchResult(id=f"v{i}", extraction=found))
    flagged = VisitExtraction(is_study_visit=True, visits=[], backend="test")
    stats.add(BatchResult(id="f", extraction=flagged))
    stats.add(BatchResult(id="n", extraction=VisitExtraction(is_study_visit=False, backend="t")))
    assert (stats.study_visits, stats.visits, stats.flagged_without_visits) == (3, 3, 1)
    lines = dict(line.strip().rsplit(None, 1) for line in stats.summary().splitlines()[1:-1])
    assert lines["study-visit articles"] == "3" and lines["visits"] == "3"
    assert lines["flagged, but no visit found"] == "1"
