"""``visit-extract jobs ...`` and ``batch --provider-batch`` against the fake."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fakejobs import FakeJobServer, JobFaults
from jobhelpers import row_ids, write_dump

from visit_extract.cli import main


@pytest.fixture
def fake() -> Iterator[FakeJobServer]:
    with FakeJobServer(JobFaults(job_s=0.5)) as server:
        yield server


def model(fake: FakeJobServer) -> list[str]:
    return ["--model", "openai/gpt-4o-mini", "--base-url", fake.url, "--api-key", "test-key"]


def test_submit_status_collect(
    fake: FakeJobServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = write_dump(tmp_path / "dump.jsonl", 7, irrelevant_every=3)
    out = tmp_path / "out.jsonl"
    manifest = str(out) + ".jobs"
    # the jobs run until the test shortens them: a loaded machine must not finish them
    # before the first collect
    fake.set_faults(job_s=60.0)
    args = ["jobs", "submit", str(tmp_path / "dump.jsonl"), "-o", str(out), "--no-progress"]
    assert main([*args, *model(fake), "--job-max-requests", "2"]) == 0
    err = capsys.readouterr().err
    assert "requests put into jobs" in err and manifest in err
    assert main(["jobs", "status", manifest, "--json"]) == 0
    jobs = json.loads(capsys.readouterr().out)
    assert [job["requests"] for job in jobs] == [2, 2]
    assert all(job["batch_id"].startswith("batch_") for job in jobs)
    # the jobs are still running: collect says so with exit code 3
    assert main(["jobs", "collect", manifest, "--no-progress"]) == 3
    assert "still running" in capsys.readouterr().err
    fake.set_faults(job_s=0.0)
    code = main(["jobs", "collect", manifest, "--wait", "--poll-interval", "0.05", "--no-progress"])
    assert code == 0
    assert "the same tokens as live requests" in capsys.readouterr().err
    assert set(row_ids(out)) == set(ids)


def test_run_and_batch_provider_batch(fake: FakeJobServer, tmp_path: Path) -> None:
    ids = write_dump(tmp_path / "dump.jsonl", 4)
    out = tmp_path / "run.jsonl"
    args = ["jobs", "run", str(tmp_path / "dump.jsonl"), "-o", str(out), "--poll-interval", "0.05"]
    assert main([*args, *model(fake), "--no-progress"]) == 0
    assert set(row_ids(out)) == set(ids)
    # the same articles again: every answer now comes from the cache, no job is made
    again = tmp_path / "batch.jsonl"
    args = ["batch", str(tmp_path / "dump.jsonl"), "-o", str(again), "--provider-batch"]
    assert main([*args, *model(fake), "--no-progress"]) == 0
    assert set(row_ids(again)) == set(ids)
    assert fake.snapshot()["batches_created"] == 1


def test_cancel(fake: FakeJobServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fake.set_faults(job_s=60.0)
    write_dump(tmp_path / "dump.jsonl", 2)
    out = tmp_path / "out.jsonl"
    args = ["jobs", "submit", str(tmp_path / "dump.jsonl"), "-o", str(out), "--no-progress"]
    assert main([*args, *model(fake)]) == 0
    # the key is never saved in the manifest: a later command takes it again
    assert main(["jobs", "cancel", str(out) + ".jobs", "--api-key", "bad-key"]) == 2
    assert "rejected the credentials" in capsys.readouterr().err
    assert main(["jobs", "cancel", str(out) + ".jobs", "--api-key", "test-key"]) == 0
    # the provider got the cancel; what the report then shows (cancelling, finalizing,
    # cancelled) depends on how fast the fake ends the job
    assert fake.stats["cancels"] >= 1
    assert capsys.readouterr().out
    assert "test-key" not in (tmp_path / "out.jsonl.jobs" / "manifest.json").read_text()


def test_user_mistakes_are_one_line_errors(
    fake: FakeJobServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["jobs", "collect", str(tmp_path), "--no-progress"]) == 2
    assert "holds no provider batch run" in capsys.readouterr().err
    args = ["jobs", "submit", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "o.jsonl")]
    assert main([*args, *model(fake)]) == 2
    assert "does not exist" in capsys.readouterr().err
    write_dump(tmp_path / "dump.jsonl", 1)
    args = ["jobs", "submit", str(tmp_path / "dump.jsonl"), "-o", str(tmp_path / "o.jsonl")]
    assert main([*args, "--no-progress"]) == 2
    assert "need a model" in capsys.readouterr().err
