"""Fixtures of the batch tests: the fake OpenAI server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fakeserver import FakeServer, Faults


@pytest.fixture
def fake_server() -> Iterator[FakeServer]:
    with FakeServer(Faults()) as server:
        yield server
