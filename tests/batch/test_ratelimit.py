"""RateGate: bounded in-flight count, AIMD back-off on 429, pauses, budgets."""

from __future__ import annotations

import asyncio

import pytest
from batchhelpers import Clock

from visit_extract.batch.ratelimit import RateGate, TokenBucket


def test_in_flight_never_exceeds_concurrency() -> None:
    gate = RateGate(3)
    peak = 0

    async def job() -> None:
        nonlocal peak
        await gate.acquire()
        peak = max(peak, gate.in_flight)
        await asyncio.sleep(0.001)
        await gate.release(ok=True)

    async def main() -> None:
        await asyncio.gather(*(job() for _ in range(30)))

    asyncio.run(main())
    assert peak == 3 and gate.in_flight == 0


def test_429_halves_once_per_interval_and_successes_restore() -> None:
    clock = Clock()
    gate = RateGate(16, clock=clock)
    gate.on_rate_limited(None)
    gate.on_rate_limited(None)  # same burst: counted, not halved again
    assert gate.limit == 8 and gate.rate_limited == 2
    clock.now += 2
    gate.on_rate_limited(None)
    assert gate.limit == 4

    async def succeed(n: int) -> None:
        for _ in range(n):
            await gate.acquire()
            await gate.release(ok=True)

    asyncio.run(succeed(200))
    assert gate.limit == 16  # additive increase back to the ceiling, never above


def test_limit_never_drops_below_one() -> None:
    clock = Clock()
    gate = RateGate(2, clock=clock)
    for _ in range(5):
        clock.now += 5
        gate.on_rate_limited(None)
    assert gate.limit == 1


def test_retry_after_pauses_new_starts() -> None:
    gate = RateGate(4)

    async def main() -> float:
        loop = asyncio.get_running_loop()
        gate.on_rate_limited(0.05)
        paused_until = gate.pause_until
        await gate.acquire()
        started = loop.time()
        await gate.release(ok=True)
        assert started >= paused_until
        return paused_until

    asyncio.run(main())


def test_budgets_accept_oversized_token_amounts() -> None:
    gate = RateGate(2, requests_per_minute=6000, tokens_per_minute=1000)

    async def main() -> None:
        await gate.acquire(tokens=50_000)  # more than a minute's budget: still admitted
        await gate.release(ok=True)

    asyncio.run(main())
    assert gate.in_flight == 0


def test_bad_concurrency() -> None:
    with pytest.raises(ValueError):
        RateGate(0)


def test_token_bucket_debt_and_refill() -> None:
    clock = Clock()
    bucket = TokenBucket(120, burst_s=1.0, clock=clock)  # 2 per second, burst 2
    assert bucket.capacity == 2
    bucket.charge(5)  # e.g. retries reported after the fact
    assert bucket.level == -3
    clock.now += 2.0  # +4
    asyncio.run(bucket.acquire(1))
    assert bucket.level == 0
    clock.now += 100
    asyncio.run(bucket.acquire(1))
    assert bucket.level == 1  # refill never exceeds the burst


def test_retries_are_charged_to_the_request_budget() -> None:
    clock = Clock()
    gate = RateGate(4, requests_per_minute=60, clock=clock)
    gate.on_retry(500, 0.1)
    gate.on_retry(429, 0.1)
    assert gate._requests is not None and gate._requests.level == -1
    assert gate.rate_limited == 1 and gate.limit == 2
