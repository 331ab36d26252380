"""Fixtures of the job API tests: the fake job server of tests/batch."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "batch"))

from fakejobs import FakeJobServer, JobFaults


@pytest.fixture
def fake() -> Iterator[FakeJobServer]:
    with FakeJobServer(JobFaults()) as server:
        yield server
