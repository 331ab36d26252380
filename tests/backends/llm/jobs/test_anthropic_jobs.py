"""The Message Batches client against the fake: the body streamed from disk, a lost
creation found again, status, results of every kind."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fakejobs import FakeJobServer

from visit_extract.backends.llm.jobs import AnthropicJobs, JobLimits
from visit_extract.backends.llm.jobs.anthropic_jobs import parse_line
from visit_extract.config import Settings
from visit_extract.errors import ProviderError

from .support import submit, wait_ended

PARAMS = json.dumps(
    {"max_tokens": 10, "messages": [{"role": "user", "content": "Halo"}], "model": "m"},
    separators=(",", ":"),
).encode()
FAST = Settings(transport_max_wait_s=0.01, transport_total_s=5.0)


def body_file(tmp_path: Path, jobs: AnthropicJobs, n: int) -> Path:
    path = tmp_path / "job.json"
    with path.open("wb") as fh:
        fh.write(jobs.head)
        # a different body each: the fake draws its faults per body
        bodies = (PARAMS.replace(b"Halo", f"Halo {i}".encode()) for i in range(n))
        fh.write(jobs.sep.join(jobs.element(f"c{i}", body) for i, body in enumerate(bodies)))
        fh.write(jobs.tail)
    return path


def test_the_body_is_valid_json_with_the_params_unchanged(tmp_path: Path) -> None:
    jobs = AnthropicJobs("k", None, FAST)
    path = body_file(tmp_path, jobs, 2)
    second = PARAMS.replace(b"Halo", b"Halo 1")
    assert second in path.read_bytes()
    body = json.loads(path.read_bytes())
    assert body["requests"][1] == {"custom_id": "c1", "params": json.loads(second)}


def test_submit_status_and_results(fake: FakeJobServer, tmp_path: Path) -> None:
    fake.set_faults(rate_error=0.34, seed=3)
    jobs = AnthropicJobs("test-key", fake.root, FAST)
    state: dict[str, Any] = {}
    batch_id = submit(jobs, body_file(tmp_path, jobs, 6), 6, state=state)
    assert batch_id.startswith("msgbatch_") and state["batch_id"] == batch_id
    status = wait_ended(jobs, batch_id)
    assert status.status == "ended" and status.total == 6 and status.done == 6
    results = list(jobs.results(jobs.download(status, tmp_path)))
    assert sorted(r.custom_id for r in results) == [f"c{i}" for i in range(6)]
    ok = [r for r in results if r.outcome == "succeeded"]
    failed = [r for r in results if r.outcome == "errored"]
    assert ok and failed and len(ok) + len(failed) == 6 and status.failed == len(failed)
    assert json.loads(ok[0].body or b"")["type"] == "message"
    assert all(r.retryable and "api_error" in (r.error or "") for r in failed)


def test_a_lost_creation_is_found_not_repeated(fake: FakeJobServer, tmp_path: Path) -> None:
    jobs = AnthropicJobs("test-key", fake.root, FAST)
    path = body_file(tmp_path, jobs, 3)
    state: dict[str, Any] = {}
    first = submit(jobs, path, 3, state=state)
    lost = {"create_started": state["create_started"]}
    assert submit(jobs, path, 3, state=lost) == first
    assert fake.snapshot()["batches_created"] == 1
    # owned by another job of the run: a new one is created
    other = {"create_started": state["create_started"]}
    second = submit(jobs, path, 3, state=other, claimed=frozenset({first}))
    assert second != first and fake.snapshot()["batches_created"] == 2


def test_cancel_and_expiry(fake: FakeJobServer, tmp_path: Path) -> None:
    fake.set_faults(job_s=30.0)
    jobs = AnthropicJobs("test-key", fake.root, FAST)
    batch_id = submit(jobs, body_file(tmp_path, jobs, 2), 2)
    assert jobs.cancel(batch_id).status == "canceling"
    status = wait_ended(jobs, batch_id)
    assert {r.outcome for r in jobs.results(jobs.download(status, tmp_path))} == {"canceled"}


@pytest.mark.parametrize(
    ("result", "outcome", "retryable"),
    [
        ({"type": "succeeded", "message": {"id": "m"}}, "succeeded", False),
        ({"type": "expired"}, "expired", True),
        ({"type": "canceled"}, "canceled", True),
        (
            {"type": "errored", "error": {"type": "error", "error": {"type": "overloaded_error"}}},
            "errored",
            True,
        ),
        (
            {
                "type": "errored",
                "error": {
                    "type": "error",
                    "error": {"type": "invalid_request_error", "message": "no"},
                },
            },
            "errored",
            False,
        ),
    ],
)
def test_result_lines(result: dict[str, Any], outcome: str, retryable: bool) -> None:
    parsed = parse_line(json.dumps({"custom_id": "c", "result": result}).encode())
    assert (parsed.outcome, parsed.retryable) == (outcome, retryable)


def test_a_line_that_is_no_result_is_a_provider_error() -> None:
    with pytest.raises(ProviderError):
        parse_line(b"[]")


def test_limits_and_base_url() -> None:
    jobs = AnthropicJobs("k", "https://gateway.example/v1/", FAST)
    assert jobs.limits == JobLimits(100_000, 256_000_000)
    assert jobs.http.url("v1/messages/batches") == "https://gateway.example/v1/messages/batches"
