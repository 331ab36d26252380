"""Fixtures of the job API tests: the fake job server of tests/jobs (which reuses the
fake chat server of tests/batch)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fakejobs import FakeJobServer, JobFaults


@pytest.fixture
def fake() -> Iterator[FakeJobServer]:
    with FakeJobServer(JobFaults()) as server:
        yield server
