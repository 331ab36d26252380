"""The OpenAI Batch API client against the fake: job file lines, upload and create
(never twice), status, cancel, results and their failures."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fakejobs import FakeJobServer

from visit_extract.backends.llm.jobs import JobLimits, OpenAIJobs
from visit_extract.backends.llm.jobs.openai_jobs import parse_line
from visit_extract.config import Settings
from visit_extract.errors import AuthenticationError, ProviderError

from .support import submit, wait_ended

BODY = json.dumps(
    {"model": "m", "messages": [{"role": "user", "content": "Halo"}], "tools": []},
    separators=(",", ":"),
).encode()
FAST = Settings(transport_max_wait_s=0.01, transport_total_s=5.0)


def api(fake: FakeJobServer, key: str = "test-key") -> OpenAIJobs:
    return OpenAIJobs(key, fake.url, FAST)


def job_file(tmp_path: Path, jobs: OpenAIJobs, n: int) -> Path:
    path = tmp_path / "job.jsonl"
    with path.open("wb") as fh:
        for i in range(n):
            fh.write(jobs.element(f"c{i}", BODY))
    return path


def test_a_line_wraps_the_body_unchanged() -> None:
    line = OpenAIJobs("k", "http://x/v1", FAST).element("c7", BODY)
    assert line.endswith(b"}\n") and BODY in line
    row = json.loads(line)
    assert row == {
        "custom_id": "c7",
        "method": "POST",
        "url": "/v1/chat/completions",
        "body": json.loads(BODY),
    }


def test_submit_status_and_results(fake: FakeJobServer, tmp_path: Path) -> None:
    jobs = api(fake)
    saves: list[dict[str, Any]] = []
    batch_id = submit(jobs, job_file(tmp_path, jobs, 3), 3, saves=saves)
    # each step was saved before it was taken, then its result
    assert [sorted(s) for s in saves] == [
        ["upload_started"],
        ["file_id", "upload_started"],
        ["create_started", "file_id", "upload_started"],
        ["batch_id", "create_started", "file_id", "upload_started"],
    ]
    status = wait_ended(jobs, batch_id)
    assert (status.status, status.total, status.done, status.failed) == ("completed", 3, 3, 0)
    paths = jobs.download(status, tmp_path)
    results = sorted(jobs.results(paths), key=lambda r: r.custom_id)
    assert [(r.custom_id, r.outcome) for r in results] == [(f"c{i}", "succeeded") for i in range(3)]
    body = json.loads(results[0].body or b"")
    assert body["object"] == "chat.completion" and body["usage"]["prompt_tokens"] > 0
    stats = fake.snapshot()
    counts = (stats["files_uploaded"], stats["batches_created"], stats["requests_submitted"])
    assert counts == (1, 1, 3)


def test_a_lost_upload_or_creation_is_found_not_repeated(
    fake: FakeJobServer, tmp_path: Path
) -> None:
    jobs = api(fake)
    path = job_file(tmp_path, jobs, 2)
    state: dict[str, Any] = {}
    first = submit(jobs, path, 2, state=state)
    # A process killed while waiting for both answers saved only that it had started.
    lost = {"upload_started": state["upload_started"], "create_started": state["create_started"]}
    again = submit(jobs, path, 2, state=lost)
    assert again == first and lost["file_id"] == state["file_id"]
    stats = fake.snapshot()
    assert (stats["files_uploaded"], stats["batches_created"]) == (1, 1)
    assert stats["duplicate_custom_ids"] == 0


def test_a_job_owned_by_another_job_is_not_adopted(fake: FakeJobServer, tmp_path: Path) -> None:
    jobs = api(fake)
    path = job_file(tmp_path, jobs, 1)
    state: dict[str, Any] = {}
    first = submit(jobs, path, 1, state=state)
    lost = {"file_id": state["file_id"], "create_started": state["create_started"]}
    second = submit(jobs, path, 1, state=lost, claimed=frozenset({first}))
    assert second != first and fake.snapshot()["batches_created"] == 2


def test_failed_requests_in_the_error_file(fake: FakeJobServer, tmp_path: Path) -> None:
    fake.set_faults(expire_at=0.5, rate_error=0.0)
    jobs = api(fake)
    batch_id = submit(jobs, job_file(tmp_path, jobs, 4), 4)
    status = wait_ended(jobs, batch_id)
    assert status.status == "expired" and status.failed == 2
    results = list(jobs.results(jobs.download(status, tmp_path)))
    outcomes = sorted(r.outcome for r in results)
    assert outcomes == ["expired", "expired", "succeeded", "succeeded"]
    assert all(r.retryable for r in results if r.outcome == "expired")


def test_cancel_keeps_what_finished(fake: FakeJobServer, tmp_path: Path) -> None:
    fake.set_faults(job_s=30.0)
    jobs = api(fake)
    batch_id = submit(jobs, job_file(tmp_path, jobs, 3), 3)
    assert jobs.cancel(batch_id).status == "cancelling"
    status = wait_ended(jobs, batch_id)
    assert status.status == "cancelled"
    results = list(jobs.results(jobs.download(status, tmp_path)))
    assert {r.outcome for r in results} == {"canceled"} and len(results) == 3


def test_a_5xx_on_a_poll_is_retried(fake: FakeJobServer, tmp_path: Path) -> None:
    jobs = api(fake)
    batch_id = submit(jobs, job_file(tmp_path, jobs, 1), 1)
    fake.set_faults(poll_500_every=2)
    for _ in range(4):
        assert jobs.retrieve(batch_id).batch_id == batch_id
    assert fake.snapshot()["polls_500"] >= 2


def test_a_rejected_key_is_an_authentication_error(fake: FakeJobServer) -> None:
    with pytest.raises(AuthenticationError):
        OpenAIJobs("bad-key", fake.url, FAST).retrieve("batch_x")
    with pytest.raises(ProviderError, match="no batch"):
        api(fake).retrieve("batch_missing")


@pytest.mark.parametrize(
    ("row", "outcome", "retryable"),
    [
        ({"response": {"status_code": 200, "body": {"id": "x"}}}, "succeeded", False),
        ({"error": {"code": "batch_expired", "message": "late"}}, "expired", True),
        ({"error": {"code": "batch_cancelled", "message": "stop"}}, "canceled", True),
        (
            {"response": {"status_code": 500, "body": {"error": {"message": "oops"}}}},
            "errored",
            True,
        ),
        (
            {"response": {"status_code": 400, "body": {"error": {"message": "bad"}}}},
            "errored",
            False,
        ),
    ],
)
def test_result_lines(row: dict[str, Any], outcome: str, retryable: bool) -> None:
    result = parse_line(json.dumps({"id": "r", "custom_id": "c", **row}).encode())
    assert (result.custom_id, result.outcome, result.retryable) == ("c", outcome, retryable)
    assert (result.body is not None) == (outcome == "succeeded")


def test_a_line_that_is_no_result_is_a_provider_error() -> None:
    with pytest.raises(ProviderError):
        parse_line(b'{"not": "a result"}')


def test_limits_default_to_openais() -> None:
    assert OpenAIJobs("k", None, FAST).limits == JobLimits(50_000, 200_000_000)
