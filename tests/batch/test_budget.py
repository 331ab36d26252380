"""The shared rate budget: reservations queue callers at the limit, Retry-After pauses
everyone, and instances over one state act as one budget (as processes do)."""

from __future__ import annotations

import asyncio
import multiprocessing

import pytest
from batchhelpers import Clock

from visit_extract.batch.budget import REQUEST_BURST_S, STATE_SIZE, RateBudget
from visit_extract.batch.ratelimit import RateGate


def test_reservations_are_spaced_at_the_request_rate_after_the_burst() -> None:
    clock = Clock()
    budget = RateBudget(6000, clock=clock)  # 100/s, a burst of 100 * REQUEST_BURST_S
    burst = int(100 * REQUEST_BURST_S)
    waits = [budget.reserve() for _ in range(burst + 5)]
    assert waits[:burst] == [0.0] * burst
    assert waits[burst:] == pytest.approx([0.01, 0.02, 0.03, 0.04, 0.05])
    clock.now += 1.0  # the debt is paid off and the bucket refilled
    assert budget.reserve() == pytest.approx(0.0)


def test_tokens_above_the_capacity_wait_for_a_full_bucket_then_leave_debt() -> None:
    clock = Clock()
    budget = RateBudget(None, 600, clock=clock)  # 10 tokens/s, a minute's bucket: 600
    assert budget.reserve(1, 900) == 0.0  # a full bucket lets a big article through
    assert budget.reserve(1, 10) == pytest.approx(31.0)  # 300 of debt + 10 at 10/s


def test_pause_and_charges_reach_every_caller() -> None:
    clock = Clock()
    budget = RateBudget(60, clock=clock)  # 1/s, a burst of 1
    assert budget.reserve() == 0.0
    budget.charge(requests=2)  # two retries already sent
    assert budget.reserve() == pytest.approx(3.0)
    budget.pause(9.0)  # a 429's Retry-After outlasts the debt
    assert budget.reserve() == pytest.approx(9.0)


def test_instances_over_one_shared_state_are_one_budget() -> None:
    clock = Clock()
    state = multiprocessing.Array("d", STATE_SIZE, lock=False)
    state[:] = RateBudget.initial_state(60, None, clock())
    lock = multiprocessing.Lock()
    a = RateBudget(60, state=state, lock=lock, clock=clock)  # 1/s, a burst of 1
    b = RateBudget(60, state=state, lock=lock, clock=clock)
    waits = [(a if i % 2 else b).reserve() for i in range(5)]
    assert waits == pytest.approx([0.0, 1.0, 2.0, 3.0, 4.0])
    a.pause(9.0)
    assert b.reserve() == pytest.approx(9.0)


class _Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[str, float, float]] = []

    async def acquire(self, requests: float = 1.0, tokens: float = 0.0) -> None:
        self.calls.append(("acquire", requests, tokens))

    def charge(self, requests: float = 0.0, tokens: float = 0.0) -> None:
        self.calls.append(("charge", requests, tokens))

    def pause(self, wait_s: float) -> None:
        self.calls.append(("pause", wait_s, 0.0))


def test_a_gate_with_a_shared_budget_draws_everything_from_it() -> None:
    shared = _Recorder()
    gate = RateGate(2, requests_per_minute=1, tokens_per_minute=1, budget=shared)

    async def run() -> None:
        await gate.acquire(500)  # its own 1/min buckets would make this wait
        await gate.charge_tokens(40)
        await gate.release(ok=True)

    asyncio.run(asyncio.wait_for(run(), timeout=5))
    gate.on_retry(429, 0.5)
    assert shared.calls == [
        ("acquire", 1, 500),
        ("acquire", 0, 40),
        ("charge", 1.0, 0.0),
        ("pause", 0.5, 0.0),
    ]
