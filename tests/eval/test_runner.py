""":func:`visit_extract.eval.evaluate` over the seed set: saved predictions, a backend run
with per-article failures, streaming, thresholds, metadata."""

from __future__ import annotations

import io
import json
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from visit_extract.config import Settings
from visit_extract.errors import ConfigError, EmptyArticleError, MissingAPIKeyError
from visit_extract.eval import METRICS, check_thresholds, evaluate, read_predictions
from visit_extract.eval.datasets import load_dataset
from visit_extract.extract import register_backend
from visit_extract.registry import BackendCapabilities
from visit_extract.schema import Article, Usage, VisitExtraction

from .helpers import register_refusing


def gold_rows(seeds_dir: Path) -> list[dict[str, Any]]:
    """The seed gold labels as prediction rows (a perfect prediction)."""
    rows = []
    for line in (seeds_dir / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        label = json.loads(line)
        rows.append({k: label[k] for k in ("id", "is_study_visit", "visits")})
    return rows


def write_rows(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def perturbed_rows(seeds_dir: Path) -> list[dict[str, Any]]:
    """Hand-perturbed seed predictions; the expected counts are in the test below."""
    rows = {r["id"]: r for r in gold_rows(seeds_dir)}
    v0 = rows["seed-000"]["visits"][0]
    v0["visitor"]["leader"]["title"] = "Wabup"  # still correct: abbreviation
    v0["visitor"]["size"] = 5  # gold null: a false positive
    rows["seed-001"]["visits"] = rows["seed-001"]["visits"][:1]  # Lahat's visit missed
    rows["seed-003"]["is_study_visit"] = True  # a negative predicted positive
    rows["seed-003"]["visits"] = [
        {
            "visitor": {
                "region": "Kabupaten Deli Serdang",
                "level": "regency",
                "branch": "executive",
            },
            "host": {"region": "Kota Medan", "level": "city", "branch": "executive"},
            "kind": "kunjungan_kerja",
        }
    ]
    v4 = rows["seed-004"]["visits"][0]
    v4["agreement"] = False  # gold true
    v4["topics"] = ["smart city", "kopi"]  # both match (casefold; contained)
    v4["domains"] = ["digital"]  # agriculture missed
    return list(rows.values())


def test_gold_as_predictions_scores_one_everywhere(seeds_dir: Path, tmp_path: Path) -> None:
    run = evaluate(seeds_dir, predictions=write_rows(tmp_path / "p.jsonl", gold_rows(seeds_dir)))
    assert list(run.metrics) == list(METRICS)
    for name, m in run.metrics.items():
        assert (m.precision, m.recall, m.f1, tuple(m.ci95)) == (1, 1, 1, (1, 1)), name
    assert run.metrics["visit"].counts == (5, 5, 5)
    assert run.metrics["article"].counts == (4, 4, 4)
    assert all(not r.disagreements and not r.error for r in run.articles)
    assert run.source == "predictions" and len(run.articles) == 5


def test_perturbed_predictions_hand_counts(seeds_dir: Path, tmp_path: Path) -> None:
    path = write_rows(tmp_path / "p.jsonl", perturbed_rows(seeds_dir))
    run = evaluate([seeds_dir], predictions=path, n_boot=200)
    counts = {k: tuple(m.counts) for k, m in run.metrics.items()}
    assert counts["article"] == (4, 5, 4)  # seed-003 is a false positive
    assert counts["visit"] == (4, 5, 5)  # Lahat missed, Deli Serdang -> Medan extra
    assert counts["visitor.region"] == (4, 5, 5)
    assert counts["visitor.size"] == (2, 3, 3)  # 60 and 11 right, 5 extra, 14 missed
    assert counts["visitor.leader.title"] == (4, 4, 5)  # "Wabup" == "Wakil Bupati"
    assert counts["agreement"] == (3, 5, 5)
    assert counts["domains"] == (10, 10, 12)
    assert counts["topics"] == (14, 14, 16)  # Lahat's two topics missed
    assert run.metrics["article"].f1 == pytest.approx(2 * 0.8 * 1 / 1.8)
    assert run.metrics["visit"].f1 == pytest.approx(0.8)
    lo, hi = run.metrics["visit"].ci95
    assert lo < 0.8 < hi
    by_id = {r.id: r for r in run.articles}
    assert not by_id["seed-002"].disagreements
    diffs = {(d.field, d.gold_visit, d.pred_visit) for d in by_id["seed-001"].disagreements}
    assert diffs == {("visit", 1, None)}
    fields = sorted(d.field for d in by_id["seed-004"].disagreements)
    assert fields == ["agreement", "domains"]


def test_missing_prediction_is_an_error_scored_empty(seeds_dir: Path, tmp_path: Path) -> None:
    rows = [r for r in gold_rows(seeds_dir) if r["id"] != "seed-004"]
    rows.append({"id": "not-in-set", "is_study_visit": False})
    run = evaluate(seeds_dir, predictions=write_rows(tmp_path / "p.jsonl", rows))
    assert run.n_errors == 1
    rec = next(r for r in run.articles if r.id == "seed-004")
    assert rec.error == "no prediction for this article"
    assert run.metrics["visit"].counts == (4, 4, 5)
    assert any("not in the eval set" in w for w in run.warnings)


class FakeBackend:
    """Answers from the seed gold, fails on two articles in two different ways."""

    name = "eval-fake"

    def __init__(self, settings: Settings, answers: dict[str, dict[str, Any]]) -> None:
        self.settings = settings
        self.answers = answers
        self.calls: list[str] = []

    def extract(self, article: Article) -> VisitExtraction:
        self.calls.append(article.id)
        if article.id == "seed-002":
            raise EmptyArticleError("article text is empty")
        if article.id == "seed-003":
            raise KeyError("bug in a backend")
        return VisitExtraction.model_validate(
            self.answers[article.id]
            | {
                "backend": "eval-fake",
                "model": self.settings.model,
                "prompt_version": "p7",
                "usage": Usage(prompt_tokens=100, completion_tokens=20, total_tokens=120),
            }
        )


@pytest.fixture
def fake_backend(seeds_dir: Path) -> list[FakeBackend]:
    made: list[FakeBackend] = []
    answers = {r["id"]: r for r in gold_rows(seeds_dir)}

    def factory(settings: Settings) -> FakeBackend:
        made.append(FakeBackend(settings, answers))
        return made[-1]

    register_backend("eval-fake", factory)
    return made


def test_backend_run_records_per_article_errors(
    seeds_dir: Path,
    tmp_path: Path,
    fake_backend: list[FakeBackend],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        FakeBackend, "estimate_cost", lambda self, usage: usage.total_tokens / 1000, raising=False
    )
    settings = Settings(backend="eval-fake", model="openai/fake-model", use_cache=False)
    stream = tmp_path / "run.articles.jsonl"
    run = evaluate(seeds_dir, settings=settings, stream_to=stream, n_boot=50)
    assert sorted(fake_backend[0].calls) == [a.id for a in load_dataset(seeds_dir).articles]
    assert [r.id for r in run.articles] == sorted(fake_backend[0].calls)  # dataset order
    errors = {r.id: r.error for r in run.articles if r.error}
    assert errors == {
        "seed-002": "EmptyArticleError: article text is empty",
        "seed-003": "unexpected KeyError: 'bug in a backend'",
    }
    assert run.n_errors == 2
    # seed-002 (one visit) failed: scored as no visit; seed-003 is a negative anyway.
    assert run.metrics["article"].counts == (3, 3, 4)
    assert run.metrics["visit"].counts == (4, 4, 5)
    assert (run.backend, run.model, run.prompt_version) == ("eval-fake", "openai/fake-model", "p7")
    assert run.usage.total_tokens == 3 * 120
    assert run.cost_usd == pytest.approx(0.36)
    assert run.timings["total_s"] >= run.timings["extract_s"] >= 0
    # Every scored article was streamed, and the side file reads back as predictions.
    lines = stream.read_text(encoding="utf-8").splitlines()
    # (in the order they finished: the fake backend runs on several threads)
    assert sorted(json.loads(line)["id"] for line in lines) == [r.id for r in run.articles]
    again = evaluate(seeds_dir, predictions=stream, n_boot=50)
    assert again.metrics == run.metrics
    assert again.n_errors == 2


def test_cost_is_none_when_the_backend_prices_nothing(
    seeds_dir: Path, fake_backend: list[FakeBackend]
) -> None:
    assert not hasattr(FakeBackend, "estimate_cost")
    settings = Settings(backend="eval-fake", model="openai/fake-model", use_cache=False)
    run = evaluate(seeds_dir, settings=settings, n_boot=0, limit=2)
    assert len(run.articles) == 2
    assert run.cost_usd is None and run.usage.total_tokens == 240


def test_configuration_errors_stop_the_run(seeds_dir: Path) -> None:
    def factory(settings: Settings) -> Any:
        raise MissingAPIKeyError("no key for openai; set OPENAI_API_KEY")

    register_backend("eval-nokey", factory)
    with pytest.raises(MissingAPIKeyError):
        evaluate(seeds_dir, settings=Settings(backend="eval-nokey"))
    with pytest.raises(ConfigError, match="no backend named"):
        evaluate(seeds_dir, settings=Settings(backend="eval-no-such-backend"))


def test_thresholds(seeds_dir: Path, tmp_path: Path) -> None:
    run = evaluate(
        seeds_dir, predictions=write_rows(tmp_path / "p.jsonl", perturbed_rows(seeds_dir))
    )
    assert check_thresholds(run, {"visit": 0.8, "article": 0.85}) == []
    failures = check_thresholds(run, {"visit": 0.81, "topics": 0.5})
    assert failures == ["visit: F1 0.800 is below the minimum 0.810"]
    with pytest.raises(ConfigError, match="unknown field"):
        check_thresholds(run, {"visitor.institution": 0.5})


def test_side_file_round_trip_keeps_gold_free_predictions(seeds_dir: Path, tmp_path: Path) -> None:
    stream = tmp_path / "side.jsonl"
    evaluate(
        seeds_dir,
        predictions=write_rows(tmp_path / "p.jsonl", gold_rows(seeds_dir)),
        stream_to=stream,
        n_boot=0,
    )
    preds = read_predictions(stream)
    assert set(preds) == {f"seed-00{i}" for i in range(5)}


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("tty", "progress", "shown"), [(True, True, True), (False, True, False), (True, False, False)]
)
def test_progress_bar_only_on_a_terminal_and_when_asked(
    seeds_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    tty: bool,
    progress: bool,
    shown: bool,
) -> None:
    err = _Terminal() if tty else io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    preds = write_rows(tmp_path / "p.jsonl", gold_rows(seeds_dir))
    evaluate(seeds_dir, predictions=preds, n_boot=0, progress=progress)
    assert ("/5 [" in err.getvalue()) is shown


def test_model_backends_run_articles_concurrently(seeds_dir: Path) -> None:
    answers = {r["id"]: r for r in gold_rows(seeds_dir)}
    # Each call waits until a second call is in flight: a sequential run would break
    # the barrier (and record errors) instead of scoring every article.
    barrier = threading.Barrier(2, timeout=10)

    class Slow:
        name = "eval-slow"

        def __init__(self, settings: Settings) -> None:
            pass

        def extract(self, article: Article) -> VisitExtraction:
            if article.id != "seed-004":  # five articles: the odd one out goes alone
                barrier.wait()
            return VisitExtraction.model_validate(answers[article.id] | {"backend": self.name})

    register_backend("eval-slow", Slow)
    settings = Settings(backend="eval-slow", concurrency=2, use_cache=False)
    run = evaluate(seeds_dir, settings=settings, n_boot=0)
    assert run.n_errors == 0
    assert [r.id for r in run.articles] == [f"seed-00{i}" for i in range(5)]
    assert run.metrics["visit"].f1 == 1.0


def test_cached_results_do_not_count_toward_usage(seeds_dir: Path) -> None:
    used = Usage(prompt_tokens=90, completion_tokens=10, total_tokens=100, requests=1)
    preds = {
        r["id"]: VisitExtraction.model_validate(
            r | {"usage": used, "cached": r["id"] == "seed-000", "model": "m", "backend": "llm"}
        )
        for r in gold_rows(seeds_dir)
    }
    run = evaluate(seeds_dir, predictions=preds, n_boot=0)
    assert run.n_cached == 1
    assert run.usage.total_tokens == 4 * 100  # seed-000's stored usage was paid earlier
    assert run.model == "m" and run.source == "predictions"


# --- through the batch engine -----------------------------------------------------------------


def test_a_backend_runs_under_the_per_article_timeout(seeds_dir: Path) -> None:
    answers = {r["id"]: r for r in gold_rows(seeds_dir)}
    release = threading.Event()

    class Stuck:
        name = "eval-stuck"

        def __init__(self, settings: Settings) -> None:
            pass

        def extract(self, article: Article) -> VisitExtraction:
            if article.id == "seed-001":
                release.wait(60)  # an article the backend never finishes in time
            return VisitExtraction.model_validate({**answers[article.id], "backend": self.name})

    register_backend("eval-stuck", Stuck)
    settings = Settings(backend="eval-stuck", article_timeout_s=0.3, use_cache=False)
    try:
        run = evaluate(seeds_dir, settings=settings, n_boot=0)
    finally:
        release.set()
    errors = {r.id: r.error for r in run.articles if r.error}
    assert list(errors) == ["seed-001"]
    assert (
        errors["seed-001"] == "ArticleTimeout: no answer within 0.3 s (Settings.article_timeout_s)"
    )
    assert len(run.articles) == 5 and run.n_errors == 1


def test_a_configuration_error_mid_run_stops_it_and_spares_the_old_side_file(
    seeds_dir: Path, tmp_path: Path
) -> None:
    register_refusing(
        "eval-late-nokey", MissingAPIKeyError("no API key for acme: set ACME_API_KEY")
    )
    side = tmp_path / "run.articles.jsonl"
    side.write_text('{"id": "from-an-earlier-run"}\n', encoding="utf-8")
    with pytest.raises(MissingAPIKeyError, match="ACME_API_KEY"):
        evaluate(seeds_dir, settings=Settings(backend="eval-late-nokey"), stream_to=side)
    assert side.read_text(encoding="utf-8") == '{"id": "from-an-earlier-run"}\n'


def test_evaluate_never_prefilters(seeds_dir: Path) -> None:
    seen: list[str] = []
    answers = {r["id"]: r for r in gold_rows(seeds_dir)}

    class Counted:
        name = "eval-counted"  # declares nothing: batch runs would pre-filter for it

        def __init__(self, settings: Settings) -> None:
            pass

        def extract(self, article: Article) -> VisitExtraction:
            seen.append(article.id)
            return VisitExtraction.model_validate({**answers[article.id], "backend": self.name})

    register_backend("eval-counted", Counted)
    run = evaluate(seeds_dir, settings=Settings(backend="eval-counted", prefilter=True), n_boot=0)
    assert sorted(seen) == [f"seed-00{i}" for i in range(5)]
    assert run.metrics["visit"].f1 == 1.0


def test_the_backends_declared_concurrency_caps_the_eval(seeds_dir: Path) -> None:
    answers = {r["id"]: r for r in gold_rows(seeds_dir)}
    in_flight: list[int] = [0, 0]  # now, most
    lock = threading.Lock()

    class OneAtATime:
        name = "eval-one-at-a-time"
        capabilities = BackendCapabilities(concurrency=1)

        def __init__(self, settings: Settings) -> None:
            pass

        def extract(self, article: Article) -> VisitExtraction:
            with lock:
                in_flight[0] += 1
                in_flight[1] = max(in_flight)
            time.sleep(0.02)
            with lock:
                in_flight[0] -= 1
            return VisitExtraction.model_validate({**answers[article.id], "backend": self.name})

    register_backend("eval-one-at-a-time", OneAtATime)
    settings = Settings(backend="eval-one-at-a-time", use_cache=False)
    run = evaluate(seeds_dir, settings=settings, n_boot=0, concurrency=4)
    assert run.n_errors == 0 and in_flight[1] == 1


def test_a_batch_file_of_mostly_skips_names_the_backend_that_ran(
    seeds_dir: Path, tmp_path: Path
) -> None:
    rows = [{"id": r["id"], "skipped": "prefilter", "score": 0.01} for r in gold_rows(seeds_dir)]
    rows[0] = {**gold_rows(seeds_dir)[0], "backend": "llm", "model": "openai/some-model"}
    path = write_rows(tmp_path / "batch.jsonl", rows)
    run = evaluate(seeds_dir, predictions=path, n_boot=0)
    assert (run.backend, run.model) == ("llm", "openai/some-model")
