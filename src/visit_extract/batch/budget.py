"""One rate budget for a run spread over many processes or machines.

A run on several workers must stay within the provider's limits as a whole: the
requests and tokens per minute are one budget, and a 429's ``Retry-After`` pauses every
worker, not just the one that heard it. :class:`RateBudget` is that budget. It lives in
one place (the Dask scheduler, or shared memory of a local process pool) and works by
reservation: a worker asks for a request and its estimated tokens, the budget spends
them at once (going into debt when it must) and answers how long the worker has to wait
before sending. Callers are thus queued in the order they asked, one round trip each,
and the requests leave no faster than the limit however many workers ask.

A reservation is only kept if it is used on time: a worker whose event loop was busy
when its slot came (a loaded machine, a slow start) would otherwise send the requests of
several slots at once. :func:`use_reservations` therefore asks again for a request that
woke up more than one slot late, spending a slot to keep the requests spread out.

Its state is four numbers in any mutable sequence, so that a
``multiprocessing.Array`` can hold it for processes on one machine.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Awaitable, Callable, MutableSequence
from contextlib import AbstractContextManager

# Positions in the state: request level, token level, last refill, pause end.
_REQ, _TOK, _STAMP, _PAUSE = range(4)
STATE_SIZE = 4

#: Seconds of budget the request bucket may spend at once. Less than a process's own
#: RateGate allows (one second): many workers start together, and providers count
#: over short windows, so the shared budget paces almost evenly from the first request.
REQUEST_BURST_S = 0.1
#: Tokens come in large lumps (a whole article): a minute's bucket.
TOKEN_BURST_S = 60.0
#: How late a request may wake for its slot before it asks for a new one (at least; a
#: slower request rate allows one slot's interval).
LATE_SLACK_S = 0.01


async def use_reservations(
    reserve: Callable[[float, float], Awaitable[float]],
    requests: float,
    tokens: float,
    *,
    request_rate: float | None,
) -> None:
    """Reserve ``requests`` and ``tokens`` and wait for the slot; if this task wakes up
    too late for it, reserve the request again rather than send it together with the
    requests of later slots.

    Args:
        reserve: ``(requests, tokens) -> seconds to wait`` on the shared budget.
        requests: requests to send.
        tokens: their estimated tokens.
        request_rate: the budget's requests per second (sets the slack), if limited.
    """
    loop = asyncio.get_running_loop()
    slack = max(LATE_SLACK_S, 1.0 / request_rate) if request_rate else None
    wait = await reserve(requests, tokens)
    while wait > 0:
        due = loop.time() + wait
        await asyncio.sleep(wait)
        if slack is None or requests <= 0 or loop.time() - due <= slack:
            return
        wait = await reserve(requests, 0.0)


def _capacities(
    requests_per_minute: float | None, tokens_per_minute: float | None
) -> tuple[float, float]:
    """The bucket sizes: a burst's worth of each budget, at least one unit."""
    requests = (requests_per_minute or 0.0) / 60.0 * REQUEST_BURST_S
    tokens = (tokens_per_minute or 0.0) / 60.0 * TOKEN_BURST_S
    return max(1.0, requests), max(1.0, tokens)


class RateBudget:
    """Requests and tokens per minute, and Retry-After pauses, for a whole run.

    Args:
        requests_per_minute: the request budget, or None for none.
        tokens_per_minute: the token budget, or None for none.
        state: where the four numbers of the state live (a fresh list when None);
            several instances over one shared state act as one budget.
        lock: guards the state (a ``multiprocessing.Lock`` when the state is shared
            between processes).
        clock: a monotonic clock shared by everyone using the state (on one machine,
            ``time.monotonic`` is the same for every process).
    """

    def __init__(
        self,
        requests_per_minute: float | None = None,
        tokens_per_minute: float | None = None,
        *,
        state: MutableSequence[float] | None = None,
        lock: AbstractContextManager[object] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.request_rate = requests_per_minute / 60.0 if requests_per_minute else None
        self.token_rate = tokens_per_minute / 60.0 if tokens_per_minute else None
        self.request_capacity, self.token_capacity = _capacities(
            requests_per_minute, tokens_per_minute
        )
        self._clock = clock
        self._lock: AbstractContextManager[object] = lock or threading.Lock()
        if state is None:
            state = self.initial_state(requests_per_minute, tokens_per_minute, clock())
        self._state = state

    @staticmethod
    def initial_state(
        requests_per_minute: float | None, tokens_per_minute: float | None, now: float
    ) -> list[float]:
        """The state of a fresh budget (full buckets, no pause)."""
        return [*_capacities(requests_per_minute, tokens_per_minute), now, 0.0]

    def _refill(self, now: float) -> None:
        s = self._state
        elapsed = max(0.0, now - s[_STAMP])
        if self.request_rate:
            s[_REQ] = min(self.request_capacity, s[_REQ] + elapsed * self.request_rate)
        if self.token_rate:
            s[_TOK] = min(self.token_capacity, s[_TOK] + elapsed * self.token_rate)
        s[_STAMP] = now

    def reserve(self, requests: float = 1.0, tokens: float = 0.0) -> float:
        """Spend ``requests`` and ``tokens`` now; the seconds to wait before using them.

        The wait covers a running pause and the debt of the buckets (an amount above a
        bucket's capacity waits only for a full bucket, then leaves it in debt, so the
        long-run rate still holds).
        """
        with self._lock:
            now = self._clock()
            self._refill(now)
            s = self._state
            wait = max(0.0, s[_PAUSE] - now)
            if self.request_rate and requests > 0:
                need = min(requests, self.request_capacity)
                wait = max(wait, (need - s[_REQ]) / self.request_rate)
                s[_REQ] -= requests
            if self.token_rate and tokens > 0:
                need = min(tokens, self.token_capacity)
                wait = max(wait, (need - s[_TOK]) / self.token_rate)
                s[_TOK] -= tokens
            return wait

    def charge(self, requests: float = 0.0, tokens: float = 0.0) -> None:
        """Spend after the fact (a retry that already happened, tokens above the
        estimate); later reservations wait the debt off."""
        self.reserve(requests, tokens)

    def pause(self, wait_s: float) -> None:
        """Hold every new request for ``wait_s`` seconds (a 429's Retry-After)."""
        if wait_s <= 0:
            return
        with self._lock:
            s = self._state
            s[_PAUSE] = max(s[_PAUSE], self._clock() + wait_s)

    async def acquire(self, requests: float = 1.0, tokens: float = 0.0) -> None:
        """Reserve and wait for the slot (:func:`use_reservations`; the
        :class:`~visit_extract.batch.ratelimit.SharedBudget` interface)."""

        async def reserve(r: float, t: float) -> float:
            return self.reserve(r, t)

        await use_reservations(reserve, requests, tokens, request_rate=self.request_rate)


__all__ = [
    "LATE_SLACK_S",
    "REQUEST_BURST_S",
    "STATE_SIZE",
    "TOKEN_BURST_S",
    "RateBudget",
    "use_reservations",
]
