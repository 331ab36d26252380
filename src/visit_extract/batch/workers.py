"""``--workers N``: a batch run on N processes of this machine.

The input is cut into parts (:mod:`visit_extract.batch.parts`) and each worker process
runs whole parts: reading, the pre-filter, the backend and writing, with no per-article
traffic between processes. The output has the same rows as a one-process run.

Workers are forked where the platform allows (they start at once and inherit what the
parent loaded and registered), else spawned. A run with a rate limit, or a backend that
reports 429s, shares one :class:`~visit_extract.batch.budget.RateBudget` between the
workers through shared memory, so N workers together stay within the limit.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections.abc import MutableSequence, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

from visit_extract.batch.budget import STATE_SIZE, RateBudget
from visit_extract.batch.options import PartsOptions, Unpack
from visit_extract.batch.partrun import PartJob, PartReport, run_part
from visit_extract.batch.scaleout import run_parts
from visit_extract.batch.stats import BatchStats
from visit_extract.config import Settings
from visit_extract.errors import ConfigError
from visit_extract.registry import backend_factory, capabilities_of

_BUDGET: RateBudget | None = None


def _init_worker(
    lock: Any, state: MutableSequence[float] | None, rpm: float | None, tpm: float | None
) -> None:
    """Pool initializer: the shared budget of this worker process."""
    global _BUDGET
    _BUDGET = RateBudget(rpm, tpm, state=state, lock=lock) if state is not None else None


class LocalBudget:
    """The job's handle on the budget the pool initializer set up in its process."""

    def open(self) -> RateBudget:
        if _BUDGET is None:
            raise ConfigError("this worker process was started without the run's rate budget")
        return _BUDGET


def _context() -> Any:
    # fork: workers start at once with what the parent loaded (the backend's data) and
    # registered; macOS forks badly once system frameworks are loaded, so spawn there.
    if sys.platform != "darwin" and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


class ProcessPool:
    """A :class:`~visit_extract.batch.scaleout.PartPool` of local worker processes.

    Args:
        workers: how many processes.
        settings: the run's settings (its rate limits size the shared budget).
        shared_budget: give the workers one shared request and token budget.
    """

    def __init__(self, workers: int, settings: Settings, *, shared_budget: bool) -> None:
        if workers < 1:
            raise ConfigError(f"workers must be at least 1, got {workers}")
        self.slots = workers
        self.ships_by_value = False
        self._ctx = _context()
        rpm, tpm = settings.requests_per_minute, settings.tokens_per_minute
        state = None
        if shared_budget:
            state = self._ctx.Array("d", STATE_SIZE, lock=False)
            state[:] = RateBudget.initial_state(rpm, tpm, time.monotonic())
        self.has_budget = state is not None
        self._initargs = (self._ctx.Lock(), state, rpm, tpm)
        self._pool = self._make()

    def _make(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.slots,
            mp_context=self._ctx,
            initializer=_init_worker,
            initargs=self._initargs,
        )

    def submit(self, job: PartJob) -> Future[PartReport]:
        return self._pool.submit(run_part, job)

    def restart(self) -> bool:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._make()
        return True

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def needs_shared_budget(settings: Settings) -> bool:
    """Whether a run's workers must share a budget: a rate limit is set, or the backend
    reports retries (its 429 pauses must reach every worker)."""
    if settings.requests_per_minute or settings.tokens_per_minute:
        return True
    return capabilities_of(backend_factory(settings.resolved_backend)).reports_retries


def run_parallel(
    sources: str | Path | Sequence[str | Path],
    output: str | Path,
    *,
    workers: int | None = None,
    settings: Settings | None = None,
    **options: Unpack[PartsOptions],
) -> BatchStats:
    """Run a batch on ``workers`` local processes; the output has the rows a one-process
    :func:`~visit_extract.batch.run_batch` writes (in another order).

    Args:
        sources: input files, folders or glob patterns (``'dump/*.jsonl'``).
        output: the results file.
        workers: processes to use (default: the number of CPUs).
        settings: the run's settings; from the environment when None.
        **options: the keys of :class:`~visit_extract.batch.options.PartsOptions`, as
            for :func:`~visit_extract.batch.scaleout.run_parts` (``resume``,
            ``overwrite``, ``retry_errors``, ``force``, ``input_format``, ``columns``,
            ``progress``, ``stats``, ``prefilter``, ``part_bytes``, ``export``).

    Returns:
        The run's totals.

    Example:
        >>> run_parallel("dump/*.jsonl", "results.jsonl", workers=4)
    """
    settings = settings if settings is not None else Settings.from_env()
    # Load the backend here, before forking, so every worker starts with it.
    backend_factory(settings.resolved_backend)
    pool = ProcessPool(
        workers or os.cpu_count() or 1,
        settings,
        shared_budget=needs_shared_budget(settings),
    )
    try:
        handle = LocalBudget() if pool.has_budget else None
        return run_parts(sources, output, pool=pool, settings=settings, budget=handle, **options)
    finally:
        pool.close()


__all__ = ["LocalBudget", "ProcessPool", "needs_shared_budget", "run_parallel"]
