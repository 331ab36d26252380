"""How a batch run calls its backend: awaited when it has ``aextract``, else on a pool
of daemon threads."""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import functools
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future
from typing import Any

from visit_extract.registry import ExtractionBackend, hooks_of
from visit_extract.schema import Article


class DaemonPool(Executor):
    """A fixed pool of daemon threads for backends without ``aextract``.

    ``ThreadPoolExecutor`` threads are joined when the interpreter exits, so one
    backend call stuck past its article timeout would keep a finished batch process
    alive; daemon threads are abandoned instead.
    """

    def __init__(self, workers: int) -> None:
        self._jobs: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._threads = [
            threading.Thread(target=self._work, name=f"visit-extract-{i}", daemon=True)
            for i in range(workers)
        ]
        for thread in self._threads:
            thread.start()

    def _work(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            future, fn, args = job
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(fn(*args))
            except BaseException as exc:  # handed to the awaiting coroutine
                future.set_exception(exc)

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        self._jobs.put((future, functools.partial(fn, **kwargs) if kwargs else fn, args))
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        if cancel_futures:
            with contextlib.suppress(queue.Empty):
                while True:
                    job = self._jobs.get_nowait()
                    if job is not None:
                        job[0].cancel()
        for _ in self._threads:
            self._jobs.put(None)
        if wait:
            for thread in self._threads:
                thread.join()


class BackendCalls:
    """One backend as a run calls it: awaited when it has ``aextract``, else on a
    daemon thread pool of ``workers`` threads; closed at the end of the run."""

    def __init__(self, backend: ExtractionBackend, workers: int) -> None:
        self.backend = backend
        self.hooks = hooks_of(backend)
        self.pool = DaemonPool(workers) if self.hooks.aextract is None else None

    async def call(self, article: Article) -> object:
        """The backend's answer for ``article`` (checked by the caller)."""
        if self.hooks.aextract is not None:
            return await self.hooks.aextract(article)
        loop = asyncio.get_running_loop()
        # The copied context carries the article's retry counters into the thread.
        call = functools.partial(contextvars.copy_context().run, self.backend.extract, article)
        return await loop.run_in_executor(self.pool, call)

    async def close(self) -> None:
        """Let the backend close clients bound to this run's event loop (left open,
        they are collected after the loop is gone and warn); abandon stuck threads."""
        if self.hooks.aclose is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.hooks.aclose(), timeout=5.0)
        if self.pool is not None:
            # Threads stuck in a backend call cannot be interrupted; do not wait.
            self.pool.shutdown(wait=False, cancel_futures=True)


__all__ = ["BackendCalls", "DaemonPool"]
