"""Provider batch runs end to end against the fake: one row per article, rows like a
live run's, the cache filled, failures handled by option, the cost reported."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fakejobs import FakeJobServer, JobFaults
from jobhelpers import MODELS, job_settings, kind, row_ids, rows, write_dump

from visit_extract.backends.llm.backend import LLMBackend
from visit_extract.batch import read_results
from visit_extract.batch.export import export_results
from visit_extract.errors import ConfigError, InputError
from visit_extract.eval import read_predictions
from visit_extract.jobs.api import (
    JobOptions,
    JobReport,
    cancel_jobs,
    collect_jobs,
    default_manifest,
    job_status,
    run_jobs,
    submit_jobs,
)
from visit_extract.jobs.manifest import Manifest
from visit_extract.schema import Article


@pytest.fixture
def fake() -> Iterator[FakeJobServer]:
    with FakeJobServer(JobFaults()) as server:
        yield server


def run(
    fake: FakeJobServer, tmp_path: Path, provider: str = "openai", **options: Any
) -> tuple[Path, JobReport]:
    """Run ``tmp_path/dump.jsonl`` through jobs at the fake (polling fast); the output."""
    out = tmp_path / "out.jsonl"
    settings = job_settings(fake, provider, tmp_path)
    job_options = JobOptions(**options)
    report = run_jobs(
        tmp_path / "dump.jsonl", out, settings=settings, options=job_options, poll_interval_s=0.05
    )
    return out, report


@pytest.mark.parametrize("provider", ["openai", "anthropic"])
def test_every_article_ends_as_exactly_one_row(
    fake: FakeJobServer, provider: str, tmp_path: Path
) -> None:
    ids = write_dump(tmp_path / "dump.jsonl", 23, irrelevant_every=5)
    with (tmp_path / "dump.jsonl").open("a", encoding="utf-8") as fh:
        fh.write('{"id": "broken", "text": ""}\n')
    out, report = run(fake, tmp_path, provider, max_requests=6)
    assert report.finished and report.submit is not None
    counts = row_ids(out)
    assert set(counts) == {*ids, "broken"} and max(counts.values()) == 1
    kinds = Counter(kind(r) for r in rows(out))
    assert kinds == {"ok": 18, "skipped": 5, "error:EmptyArticleError": 1}
    # 18 requests in jobs of at most 6: 3 jobs, every request submitted once
    assert len(report.jobs) == 3 and report.submit.queued == 18
    stats = fake.snapshot()
    assert stats["requests_submitted"] == 18 and stats["duplicate_custom_ids"] == 0
    assert stats["duplicate_bodies"] == 0 and stats.get("live_requests", 0) == 0
    job_ids = {job["batch_id"] for job in report.jobs}
    assert {r["job_id"] for r in rows(out) if kind(r) == "ok"} == job_ids
    assert all(
        r["model"] == MODELS[provider] and r["backend"] == "llm"
        for r in rows(out)
        if kind(r) == "ok"
    )


def test_rows_read_like_live_rows_and_fill_the_cache(fake: FakeJobServer, tmp_path: Path) -> None:
    ids = write_dump(tmp_path / "dump.jsonl", 8, irrelevant_every=4)
    out, _ = run(fake, tmp_path)
    settings = job_settings(fake, "openai", tmp_path)
    results = {r.id: r for r in read_results(out)}
    assert set(results) == set(ids)
    assert Counter(r.status for r in results.values()) == {"ok": 6, "skipped": 2}
    predictions = read_predictions(out)  # what `eval --predictions` reads
    assert set(predictions) == set(ids)
    report = export_results(out, csv=tmp_path / "visits.csv")
    assert report is not None
    # a later live run of the same articles answers from the cache: no request
    backend = LLMBackend(settings)
    for line in (tmp_path / "dump.jsonl").read_text().splitlines()[1:4]:
        assert backend.extract(Article.model_validate_json(line)).cached
    assert fake.snapshot().get("live_requests", 0) == 0


def test_jobs_are_split_by_bytes(fake: FakeJobServer, tmp_path: Path) -> None:
    write_dump(tmp_path / "dump.jsonl", 7)
    settings = job_settings(fake, "anthropic", tmp_path)
    # room for two requests (about 21 kB each) per job
    options = JobOptions(max_bytes=45_000)
    report = submit_jobs(
        tmp_path / "dump.jsonl", tmp_path / "o.jsonl", settings=settings, options=options
    )
    assert [job["requests"] for job in report.jobs] == [2, 2, 2, 1]
    assert all(job["bytes"] <= 45_000 for job in report.jobs)
    for job in Manifest.open(default_manifest(tmp_path / "o.jsonl")).jobs():
        assert not job.requests_path(".json").exists()  # removed once accepted


@pytest.mark.parametrize("provider", ["openai", "anthropic"])
def test_a_job_that_expires_half_done(fake: FakeJobServer, provider: str, tmp_path: Path) -> None:
    fake.set_faults(expire_at=0.5)
    ids = write_dump(tmp_path / "dump.jsonl", 8)
    out, _ = run(fake, tmp_path, provider)
    assert set(row_ids(out)) == set(ids) and max(row_ids(out).values()) == 1
    kinds = Counter(kind(r) for r in rows(out))
    assert kinds == {"ok": 4, "error:BatchRequestExpired": 4}
    expired = [r for r in rows(out) if kind(r) != "ok"]
    assert all(r["job_id"] and "--on-failed resubmit" in r["error"]["message"] for r in expired)


def test_expired_requests_resubmitted_by_option(fake: FakeJobServer, tmp_path: Path) -> None:
    fake.set_faults(expire_at=0.5)
    ids = write_dump(tmp_path / "dump.jsonl", 8)
    out, report = run(fake, tmp_path, on_failed="resubmit", max_rounds=3)
    # 8 -> 4 answered, 4 again -> 2 answered, 2 again -> 1 answered, 1 left after 3 rounds
    assert [(job["round"], job["requests"]) for job in report.jobs] == [(1, 8), (2, 4), (3, 2)]
    assert set(row_ids(out)) == set(ids) and max(row_ids(out).values()) == 1
    assert Counter(kind(r) for r in rows(out)) == {"ok": 7, "error:BatchRequestExpired": 1}
    assert fake.snapshot()["duplicate_custom_ids"] == 0


def test_request_errors_resubmitted_only_when_worth_it(fake: FakeJobServer, tmp_path: Path) -> None:
    fake.set_faults(rate_error=0.25, rate_refused=0.25, seed=7)
    ids = write_dump(tmp_path / "dump.jsonl", 16)
    out, report = run(fake, tmp_path, "anthropic", on_failed="resubmit", max_rounds=2)
    assert set(row_ids(out)) == set(ids) and max(row_ids(out).values()) == 1
    errors = [r["error"]["message"] for r in rows(out) if kind(r) != "ok"]
    refused = [m for m in errors if "invalid_request_error" in m]
    assert refused and all("unanswered" not in m for m in refused)  # never resubmitted
    (_, second) = report.jobs
    assert report.collect is not None and second["requests"] == report.collect.resubmitted > 0
    failed_again = [r for r in rows(out) if "api_error" in r.get("error", {}).get("message", "")]
    assert all(r["job_id"] == second["batch_id"] for r in failed_again)
    assert all("unanswered after 2 round(s)" in r["error"]["message"] for r in failed_again)


def test_invalid_answers_are_reasked_live(fake: FakeJobServer, tmp_path: Path) -> None:
    fake.set_faults(rate_invalid=0.3, seed=5)
    write_dump(tmp_path / "dump.jsonl", 12)
    out, report = run(fake, tmp_path)
    assert Counter(kind(r) for r in rows(out)) == {"ok": 12}
    reasked = [r for r in rows(out) if r["usage"]["requests"] == 2]
    assert reasked and fake.snapshot()["live_requests"] == len(reasked)
    assert report.cost is not None and report.cost.live.requests == len(reasked)


def test_invalid_answers_reasked_in_a_second_batch_round(
    fake: FakeJobServer, tmp_path: Path
) -> None:
    fake.set_faults(rate_invalid=0.3, seed=5)
    write_dump(tmp_path / "dump.jsonl", 12)
    out, report = run(fake, tmp_path, reask="batch")
    assert Counter(kind(r) for r in rows(out)) == {"ok": 12}
    assert fake.snapshot().get("live_requests", 0) == 0
    rounds = [job["round"] for job in report.jobs]
    reasked = [r for r in rows(out) if r["usage"]["requests"] == 2]
    assert rounds[0] == 1 and 2 in rounds and reasked
    assert {r["job_id"] for r in reasked} <= {j["batch_id"] for j in report.jobs if j["round"] == 2}


def test_the_cost_report(fake: FakeJobServer, tmp_path: Path) -> None:
    write_dump(tmp_path / "dump.jsonl", 6)
    _, report = run(fake, tmp_path)
    cost = report.cost
    assert cost is not None and cost.requests == 6 and cost.live.total_tokens == 0
    # the fake serves the repeated prefix from its cache after the first request
    assert 0 < cost.batch.cached_prompt_tokens < cost.batch.prompt_tokens
    assert cost.cost == pytest.approx(cost.live_equivalent / 2, rel=1e-3)  # type: ignore[operator]
    text = report.summary()
    assert "the same tokens as live requests" in text and "saved" in text and "50%" in text


def test_collect_returns_while_jobs_run_and_finishes_later(
    fake: FakeJobServer, tmp_path: Path
) -> None:
    fake.set_faults(job_s=1.5)
    ids = write_dump(tmp_path / "dump.jsonl", 4)
    out = tmp_path / "out.jsonl"
    submit_jobs(tmp_path / "dump.jsonl", out, settings=job_settings(fake, "openai", tmp_path))
    early = collect_jobs(default_manifest(out))
    assert not early.finished and early.running == 1 and "still running" in early.summary()
    assert not out.exists() or not out.read_text()
    status = job_status(default_manifest(out))
    assert status.jobs[0]["status"]["status"] == "in_progress"
    done = collect_jobs(default_manifest(out), wait=True, poll_interval_s=0.05)
    assert done.finished and set(row_ids(out)) == set(ids)


def test_cancelled_jobs_give_error_rows(fake: FakeJobServer, tmp_path: Path) -> None:
    fake.set_faults(job_s=60.0)
    write_dump(tmp_path / "dump.jsonl", 3)
    out = tmp_path / "out.jsonl"
    submit_jobs(tmp_path / "dump.jsonl", out, settings=job_settings(fake, "anthropic", tmp_path))
    cancel_jobs(default_manifest(out))
    report = collect_jobs(default_manifest(out), wait=True, poll_interval_s=0.05)
    assert report.finished
    assert Counter(kind(r) for r in rows(out)) == {"error:BatchRequestCanceled": 3}


def test_a_job_the_provider_refuses_as_a_whole(fake: FakeJobServer, tmp_path: Path) -> None:
    fake.set_faults(fail_jobs=True)
    write_dump(tmp_path / "dump.jsonl", 3)
    out, report = run(fake, tmp_path, on_failed="resubmit")
    assert len(report.jobs) == 1  # not worth submitting again
    messages = [r["error"]["message"] for r in rows(out)]
    assert len(messages) == 3 and all("does not exist" in m for m in messages)


def test_a_run_keeps_its_settings_and_prompts(fake: FakeJobServer, tmp_path: Path) -> None:
    fake.set_faults(job_s=60.0)
    write_dump(tmp_path / "dump.jsonl", 2)
    out = tmp_path / "out.jsonl"
    settings = job_settings(fake, "openai", tmp_path)
    submit_jobs(tmp_path / "dump.jsonl", out, settings=settings)
    with pytest.raises(ConfigError, match="temperature"):
        submit_jobs(tmp_path / "dump.jsonl", out, settings=settings.replace(temperature=0.7))
    manifest = default_manifest(out) / "manifest.json"
    data = json.loads(manifest.read_text())
    manifest.write_text(json.dumps({**data, "prompt_version": "0000000000000000"}))
    with pytest.raises(ConfigError, match="prompt files changed"):
        collect_jobs(default_manifest(out))


def test_one_process_at_a_time_and_no_foreign_output(fake: FakeJobServer, tmp_path: Path) -> None:
    write_dump(tmp_path / "dump.jsonl", 2)
    out = tmp_path / "out.jsonl"
    settings = job_settings(fake, "openai", tmp_path)
    submit_jobs(tmp_path / "dump.jsonl", out, settings=settings)
    with Manifest.open(default_manifest(out)), pytest.raises(InputError, match="another"):
        collect_jobs(default_manifest(out))
    other = tmp_path / "other.jsonl"
    other.write_text('{"id": "x", "skipped": "prefilter", "score": 0.01}\n')
    with pytest.raises(InputError, match="already has results"):
        submit_jobs(tmp_path / "dump.jsonl", other, settings=settings)
    with pytest.raises(InputError, match="holds no provider batch run"):
        collect_jobs(tmp_path)


def test_a_run_whose_input_was_not_read_whole_is_not_finished(
    fake: FakeJobServer, tmp_path: Path
) -> None:
    write_dump(tmp_path / "dump.jsonl", 3)
    out = tmp_path / "out.jsonl"
    submit_jobs(tmp_path / "dump.jsonl", out, settings=job_settings(fake, "openai", tmp_path))
    # as if the submit had been killed after its first job
    record = default_manifest(out) / "manifest.json"
    record.write_text(json.dumps({**json.loads(record.read_text()), "input_done": False}))
    report = collect_jobs(default_manifest(out), wait=True, poll_interval_s=0.05)
    assert all(job["state"] == "collected" for job in report.jobs)
    assert not report.finished and "jobs submit` again" in report.summary()


def test_batch_reasks_never_go_live(fake: FakeJobServer, tmp_path: Path) -> None:
    fake.set_faults(rate_invalid=0.5, seed=2)
    write_dump(tmp_path / "dump.jsonl", 10)
    out, report = run(fake, tmp_path, reask="batch", max_rounds=1)
    assert fake.snapshot().get("live_requests", 0) == 0 and len(report.jobs) == 1
    kinds = Counter(kind(r) for r in rows(out))
    assert set(kinds) == {"ok", "error:ExtractionValidationError"}
    errors = [r["error"]["message"] for r in rows(out) if "error" in r]
    assert all("after 1 batch round(s)" in m for m in errors)
