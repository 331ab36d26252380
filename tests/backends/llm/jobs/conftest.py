"""Fixtures of the job API tests: the fake job server of tests/jobs (which reuses the
fake chat server of tests/batch)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

_TESTS = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(_TESTS / "batch"))
sys.path.insert(0, str(_TESTS / "jobs"))

from fakejobs import FakeJobServer, JobFaults  # noqa: E402


@pytest.fixture
def fake() -> Iterator[FakeJobServer]:
    with FakeJobServer(JobFaults()) as server:
        yield server
