"""Client-side pacing for batch runs: bounded concurrency that backs off on 429s, and
request and token budgets per minute.

One :class:`RateGate` is shared by every worker of a run's event loop; when a run is
spread over several processes or machines, their gates draw requests and tokens from one
:class:`SharedBudget` instead of budgets of their own
(:class:`visit_extract.batch.budget.RateBudget`). A worker calls
:meth:`RateGate.acquire` before it sends an article to the backend and
:meth:`RateGate.release` afterwards. The gate:

- keeps at most ``limit`` articles in flight. ``limit`` starts at the configured
  concurrency, halves when the provider answers 429 and grows back by one slot per
  ``limit`` successes (additive increase, multiplicative decrease), so a run settles
  just under the provider's real limit instead of hammering it;
- stops every new start until a 429's ``Retry-After`` has passed;
- spends one request and the article's estimated tokens from token buckets when
  ``requests_per_minute`` / ``tokens_per_minute`` are set, and charges the difference
  once the real usage is known.

Retries that the backend makes inside one article are not delayed here (the backend
owns their timing), but each one reported to :meth:`RateGate.on_retry` is charged to
the request bucket, so the next new article waits for it: retries plus new starts
stay within the budget instead of pushing a provider that already answers 429 further
over its limit.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Protocol

#: Shortest time between two halvings of the concurrency, so that a burst of 429s
#: answered to requests sent together counts as one signal, not many.
_MIN_DECREASE_INTERVAL_S = 1.0


class TokenBucket:
    """A token bucket that may go into debt.

    ``aiolimiter`` cannot charge units after the fact (a retry that already happened,
    tokens found to exceed the estimate) nor amounts above its capacity; here such
    charges push the level below zero and later :meth:`acquire` calls wait the debt
    off, so the long-run rate stays at ``per_minute``.

    Args:
        per_minute: the budget.
        burst_s: how many seconds of budget may be spent at once (at least one unit).
        clock: monotonic clock.
    """

    def __init__(
        self,
        per_minute: float,
        *,
        burst_s: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if per_minute <= 0:
            raise ValueError("per_minute must be positive")
        self.rate = per_minute / 60.0
        self.capacity = max(1.0, self.rate * burst_s)
        self.level = self.capacity
        self._clock = clock
        self._stamp = clock()

    def _refill(self) -> None:
        now = self._clock()
        self.level = min(self.capacity, self.level + (now - self._stamp) * self.rate)
        self._stamp = now

    def charge(self, amount: float) -> None:
        """Spend ``amount`` now, going into debt if need be."""
        self._refill()
        self.level -= amount

    async def acquire(self, amount: float = 1.0) -> None:
        """Wait until ``amount`` (capped at the capacity) is available, then spend it."""
        need = min(amount, self.capacity)
        self._refill()
        while self.level < need:
            await asyncio.sleep((need - self.level) / self.rate)
            self._refill()
        self.level -= amount


class SharedBudget(Protocol):
    """A request and token budget shared by the gates of many processes.

    ``acquire`` waits until a request with ``tokens`` may be sent and spends them;
    ``charge`` spends after the fact and ``pause`` holds every gate (a 429's
    Retry-After). ``charge`` and ``pause`` return at once and may be called from any
    thread.
    """

    async def acquire(self, requests: float = 1.0, tokens: float = 0.0) -> None: ...

    def charge(self, requests: float = 0.0, tokens: float = 0.0) -> None: ...

    def pause(self, wait_s: float) -> None: ...


class RateGate:
    """Admission control shared by the workers of one batch run.

    Args:
        concurrency: the most articles in flight at once (the ceiling of ``limit``).
        requests_per_minute: client-side request budget, or None for none.
        tokens_per_minute: client-side token budget, or None for none.
        clock: monotonic clock (replaceable in tests).
        budget: a budget shared with other processes; it replaces the two budgets
            above, and 429 pauses are passed on to it.
    """

    def __init__(
        self,
        concurrency: int,
        *,
        requests_per_minute: float | None = None,
        tokens_per_minute: float | None = None,
        clock: Callable[[], float] = time.monotonic,
        budget: SharedBudget | None = None,
    ) -> None:
        if concurrency < 1:
            raise ValueError("concurrency must be at least 1")
        self.max_concurrency = concurrency
        self.limit: float = float(concurrency)
        self.in_flight = 0
        self.pause_until = 0.0
        self.rate_limited = 0
        self._clock = clock
        self._last_decrease = -_MIN_DECREASE_INTERVAL_S
        self._cond: asyncio.Condition | None = None
        self._budget = budget
        if budget is not None:
            requests_per_minute = tokens_per_minute = None
        # A one-second burst for requests: a provider enforcing R per minute usually
        # counts over shorter windows, and a full minute's burst at start draws 429s.
        self._requests = (
            TokenBucket(requests_per_minute, burst_s=1.0, clock=clock)
            if requests_per_minute
            else None
        )
        # Tokens come in large lumps (a whole article): a minute's bucket.
        self._tokens = (
            TokenBucket(tokens_per_minute, burst_s=60.0, clock=clock) if tokens_per_minute else None
        )

    def _condition(self) -> asyncio.Condition:
        # Created lazily so the gate can be built outside the event loop it serves.
        if self._cond is None:
            self._cond = asyncio.Condition()
        return self._cond

    async def acquire(self, tokens: int = 0) -> None:
        """Wait for a free slot, the end of any 429 pause and the rate budgets.

        Args:
            tokens: the article's estimated token use (ignored without a token budget).
        """
        cond = self._condition()
        async with cond:
            while True:
                wait = self.pause_until - self._clock()
                if wait > 0:
                    # Sleep outside the condition's lock; re-check afterwards because
                    # another 429 may have moved the pause further out.
                    cond.release()
                    try:
                        await asyncio.sleep(wait)
                    finally:
                        await cond.acquire()
                    continue
                if self.in_flight < max(1, int(self.limit)):
                    break
                await cond.wait()
            self.in_flight += 1
        try:
            if self._budget is not None:
                await self._budget.acquire(1, max(0, tokens))
            else:
                if self._requests is not None:
                    await self._requests.acquire(1)
                await self.charge_tokens(tokens)
        except BaseException:
            await self.release(ok=False)
            raise

    async def charge_tokens(self, tokens: int) -> None:
        """Spend ``tokens`` from the token budget, waiting if it is exhausted."""
        if self._budget is not None and tokens > 0:
            await self._budget.acquire(0, tokens)
            return
        if self._tokens is None or tokens <= 0:
            return
        await self._tokens.acquire(float(tokens))

    async def release(self, *, ok: bool) -> None:
        """Give the slot back; a success widens ``limit`` again after a back-off."""
        cond = self._condition()
        async with cond:
            self.in_flight -= 1
            if ok and self.limit < self.max_concurrency:
                self.limit = min(float(self.max_concurrency), self.limit + 1.0 / self.limit)
            cond.notify_all()

    def on_retry(self, status_code: int | None, wait_s: float | None) -> None:
        """Record a transport retry made inside an article: it costs a request, and a
        429 also triggers :meth:`on_rate_limited`."""
        if self._requests is not None:
            self._requests.charge(1.0)
        if self._budget is not None:
            self._budget.charge(requests=1.0)
        if status_code == 429:
            self.on_rate_limited(wait_s)

    def on_rate_limited(self, wait_s: float | None) -> None:
        """Record a 429: halve the concurrency and pause new starts for ``wait_s``.

        Safe to call from any thread (a backend's retry hook may run in a worker
        thread); it only updates numbers that :meth:`acquire` re-reads.
        """
        now = self._clock()
        self.rate_limited += 1
        if wait_s and wait_s > 0:
            self.pause_until = max(self.pause_until, now + wait_s)
            if self._budget is not None:
                self._budget.pause(wait_s)
        if now - self._last_decrease >= _MIN_DECREASE_INTERVAL_S:
            self._last_decrease = now
            self.limit = max(1.0, self.limit / 2.0)


__all__ = ["RateGate", "SharedBudget", "TokenBucket"]
