"""Helpers of the job API tests."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from visit_extract.backends.llm.jobs import JobAPI, JobStatus, Submission


def submit(
    jobs: JobAPI,
    path: Path,
    requests: int,
    *,
    state: dict[str, Any] | None = None,
    claimed: frozenset[str] = frozenset(),
    saves: list[dict[str, Any]] | None = None,
) -> str:
    """Submit ``path`` as job ``j``; ``saves`` receives a copy of the state at each save."""
    record: dict[str, Any] = {} if state is None else state

    def save() -> None:
        if saves is not None:
            saves.append(dict(record))

    return jobs.submit(Submission(path, "run-j", requests, record, save, claimed))


def wait_ended(jobs: JobAPI, batch_id: str) -> JobStatus:
    """Poll until the job ends (the fake's jobs take well under a few seconds)."""
    for _ in range(300):
        status = jobs.retrieve(batch_id)
        if status.ended:
            return status
        time.sleep(0.02)
    raise AssertionError("job did not end")
