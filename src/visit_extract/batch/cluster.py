"""``--engine dask``: a batch run on a ``dask.distributed`` cluster.

Parts of the input (:mod:`visit_extract.batch.parts`) are Dask tasks; each runs
:func:`~visit_extract.batch.partrun.run_part` on some worker and writes its part file
into ``OUTPUT.parts/`` (every worker must see that folder and the inputs at the same
paths). The client merges the parts and writes the output, as for a local pool. A
worker that dies mid-part costs nothing but time: Dask runs its task again elsewhere,
and the new attempt resumes the part's file by id.

The run's request and token budget lives on the scheduler (a scheduler plugin holding a
:class:`~visit_extract.batch.budget.RateBudget`): a worker reserves each request there,
one round trip, and a 429's Retry-After reported by any worker pauses them all.

Needs ``pip install 'visit-extract[dask]'``, on the client, the scheduler and the
workers alike.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from distributed import Client, LocalCluster, get_worker
from distributed.diagnostics.plugin import SchedulerPlugin

from visit_extract.batch.budget import RateBudget, use_reservations
from visit_extract.batch.options import PartsOptions, Unpack
from visit_extract.batch.partrun import PartJob, PartReport, run_part
from visit_extract.batch.scaleout import run_parts
from visit_extract.batch.stats import BatchStats
from visit_extract.batch.workers import needs_shared_budget
from visit_extract.config import Settings
from visit_extract.errors import ConfigError

#: The scheduler handler the budget plugin adds.
HANDLER = "visit_extract_budget"


class BudgetPlugin(SchedulerPlugin):
    """Scheduler plugin holding the rate budgets of the runs on this cluster."""

    name = "visit-extract-budget"
    idempotent = True  # a second run on the cluster must not reset a running one

    def __init__(self) -> None:
        self.budgets: dict[str, RateBudget] = {}

    async def start(self, scheduler: Any) -> None:
        scheduler.handlers[HANDLER] = self.handle

    def handle(
        self,
        run: str,
        action: str,
        requests: float = 0.0,
        tokens: float = 0.0,
        wait_s: float = 0.0,
        rpm: float | None = None,
        tpm: float | None = None,
    ) -> float:
        """One budget operation; the seconds to wait for ``reserve``, else 0."""
        if action == "open":
            self.budgets[run] = RateBudget(rpm, tpm)
            return 0.0
        if action == "close":
            self.budgets.pop(run, None)
            return 0.0
        budget = self.budgets.get(run)
        if budget is None:
            return 0.0  # the run has ended; a straggler needs no pacing
        if action == "reserve":
            return budget.reserve(requests, tokens)
        if action == "charge":
            budget.charge(requests, tokens)
        elif action == "pause":
            budget.pause(wait_s)
        return 0.0


class DaskBudget:
    """A worker's side of the run's budget on the scheduler (the
    :class:`~visit_extract.batch.ratelimit.SharedBudget` interface).

    Picklable (only the run's name travels); :meth:`open` must be called in the task's
    thread, where the worker is known.
    """

    def __init__(self, run: str, requests_per_minute: float | None = None) -> None:
        self.run = run
        self.request_rate = requests_per_minute / 60.0 if requests_per_minute else None
        self._worker: Any = None

    def __getstate__(self) -> dict[str, Any]:
        return {"run": self.run, "request_rate": self.request_rate}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.run = state["run"]
        self.request_rate = state["request_rate"]
        self._worker = None

    def open(self) -> DaskBudget:
        self._worker = get_worker()
        return self

    def _send(self, **msg: Any) -> concurrent.futures.Future[float]:
        worker = self._worker
        if worker is None:
            raise ConfigError("the rate budget is used outside a Dask task")

        async def call() -> float:
            return float(await getattr(worker.scheduler, HANDLER)(run=self.run, **msg))

        # The worker's own event loop talks to the scheduler; any thread may ask it.
        return asyncio.run_coroutine_threadsafe(call(), worker.loop.asyncio_loop)

    async def acquire(self, requests: float = 1.0, tokens: float = 0.0) -> None:
        async def reserve(r: float, t: float) -> float:
            return await asyncio.wrap_future(self._send(action="reserve", requests=r, tokens=t))

        await use_reservations(reserve, requests, tokens, request_rate=self.request_rate)

    def charge(self, requests: float = 0.0, tokens: float = 0.0) -> None:
        self._send(action="charge", requests=requests, tokens=tokens)

    def pause(self, wait_s: float) -> None:
        self._send(action="pause", wait_s=wait_s)


class DaskPool:
    """A :class:`~visit_extract.batch.scaleout.PartPool` on a Dask client."""

    def __init__(self, client: Client) -> None:
        self.client = client
        info = client.scheduler_info()
        threads = sum(w.get("nthreads", 1) for w in info.get("workers", {}).values())
        self.slots = max(1, threads)
        self.ships_by_value = True
        # Dask re-runs the task of a dead worker by itself; retries cover a task that
        # raised (say, a shared file system hiccup).
        self._executor = client.get_executor(pure=False, retries=1)

    def submit(self, job: PartJob) -> concurrent.futures.Future[PartReport]:
        future: concurrent.futures.Future[PartReport] = self._executor.submit(run_part, job)
        return future

    def restart(self) -> bool:
        return False  # the scheduler already replaces dead workers

    def close(self) -> None:
        self._executor.shutdown(wait=False)


def open_budget(client: Client, settings: Settings) -> DaskBudget:
    """Install the budget plugin on the scheduler and open this run's budget there.

    Raises:
        ConfigError: the scheduler cannot load visit-extract (it is not installed in
            the scheduler's environment).
    """
    try:
        client.register_plugin(BudgetPlugin(), name=BudgetPlugin.name)
    except Exception as exc:
        raise ConfigError(
            f"the Dask scheduler cannot load the visit-extract rate budget ({exc}); "
            "install 'visit-extract[dask]' where the scheduler runs too"
        ) from None
    run = f"visit-extract-{uuid.uuid4().hex}"
    client.sync(
        getattr(client.scheduler, HANDLER),
        run=run,
        action="open",
        rpm=settings.requests_per_minute,
        tpm=settings.tokens_per_minute,
    )
    return DaskBudget(run, settings.requests_per_minute)


def close_budget(client: Client, budget: DaskBudget) -> None:
    """Drop this run's budget from the scheduler."""
    client.sync(getattr(client.scheduler, HANDLER), run=budget.run, action="close")


def connect(
    scheduler: str | Client | None, n_workers: int | None, threads_per_worker: int
) -> tuple[Client, LocalCluster | None, bool]:
    """A client for ``scheduler`` (an address or a ready client), or a new local
    cluster of worker processes.

    Returns:
        The client, the cluster made here (to close), whether the client was made here.
    """
    if isinstance(scheduler, Client):
        return scheduler, None, False
    if scheduler:
        try:
            return Client(scheduler, timeout="30s"), None, True
        except OSError as exc:
            raise ConfigError(
                f"cannot reach the Dask scheduler at {scheduler} ({exc}); check the "
                "address, or leave --scheduler out to start a local cluster"
            ) from None
    cluster = LocalCluster(
        n_workers=n_workers,
        threads_per_worker=threads_per_worker,
        processes=True,
        dashboard_address=None,
    )
    return Client(cluster), cluster, True


def run_dask(
    sources: str | Path | Sequence[str | Path],
    output: str | Path,
    *,
    scheduler: str | Client | None = None,
    n_workers: int | None = None,
    threads_per_worker: int = 1,
    settings: Settings | None = None,
    **options: Unpack[PartsOptions],
) -> BatchStats:
    """Run a batch on a Dask cluster; the output has the rows a one-process run writes.

    Args:
        sources: input files, folders or glob patterns (``'dump/*.jsonl'``).
        output: the results file; its folder must be shared with every worker.
        scheduler: a scheduler address (``tcp://host:8786``) or a ready
            ``distributed.Client``; None starts a ``LocalCluster`` of worker processes.
        n_workers: worker processes of the local cluster (default: one per core).
        threads_per_worker: parts a local-cluster worker runs at once.
        settings: the run's settings; from the environment when None.
        **options: the keys of :class:`~visit_extract.batch.options.PartsOptions`, as
            for :func:`~visit_extract.batch.scaleout.run_parts`.

    Returns:
        The run's totals.
    """
    settings = settings if settings is not None else Settings.from_env()
    client, cluster, owned = connect(scheduler, n_workers, threads_per_worker)
    try:
        budget = open_budget(client, settings) if needs_shared_budget(settings) else None
        pool = DaskPool(client)
        try:
            return run_parts(
                sources, output, pool=pool, settings=settings, budget=budget, **options
            )
        finally:
            pool.close()
            if budget is not None:
                close_budget(client, budget)
    finally:
        if owned:
            client.close()
        if cluster is not None:
            cluster.close()


__all__ = [
    "BudgetPlugin",
    "DaskBudget",
    "DaskPool",
    "close_budget",
    "connect",
    "open_budget",
    "run_dask",
]
