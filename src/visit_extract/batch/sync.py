"""Synchronous bridges to the async engine, usable from scripts and from notebooks
(which already run an event loop): :func:`extract_many` and :func:`run_batch`."""

from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
from collections.abc import Callable, Generator, Sequence
from pathlib import Path
from typing import Any

from visit_extract.batch.engine import Source, aextract_many, arun_batch
from visit_extract.batch.options import BatchOptions, Unpack
from visit_extract.batch.rows import BatchResult
from visit_extract.batch.stats import BatchStats
from visit_extract.config import Settings

_END = object()


def _run_coroutine(factory: Callable[[], Any]) -> Any:
    """Run ``factory()`` to completion, in a fresh thread if a loop already runs here."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(factory())
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = asyncio.run(factory())
        except BaseException as exc:
            box["error"] = exc

    thread = threading.Thread(target=target, name="visit-extract-batch")
    thread.start()
    thread.join()
    if "error" in box:
        raise box["error"]
    return box.get("value")


def extract_many(
    articles: Source,
    *,
    settings: Settings | None = None,
    **options: Any,
) -> Generator[BatchResult, None, None]:
    """Synchronous :func:`aextract_many`: yields results in completion order.

    The event loop runs in a background thread, so this works in scripts and in
    notebooks (which already run a loop). Stopping the iteration early (``break``,
    Ctrl-C) cancels the articles in flight.

    Args:
        articles: as for :func:`aextract_many`.
        settings: as for :func:`aextract_many`.
        **options: the other keyword arguments of :func:`aextract_many`.

    Yields:
        One :class:`BatchResult` per article.

    Example:
        >>> from visit_extract.batch import extract_many
        >>> for r in extract_many("dump.jsonl", settings=Settings(backend="rules")):
        ...     print(r.id, r.status)
    """
    handoff: queue.Queue[Any] = queue.Queue(maxsize=256)
    loop_ready = threading.Event()
    holder: dict[str, Any] = {}

    async def pump() -> None:
        holder["task"] = asyncio.current_task()
        holder["loop"] = asyncio.get_running_loop()
        loop_ready.set()
        async for result in aextract_many(articles, settings=settings, **options):
            while True:
                try:
                    handoff.put_nowait(result)
                    break
                except queue.Full:  # the caller is slower than the run: wait for it
                    await asyncio.sleep(0.005)

    def runner() -> None:
        try:
            asyncio.run(pump())
            handoff.put(_END)
        except BaseException as exc:
            handoff.put(exc)
        finally:
            loop_ready.set()

    thread = threading.Thread(target=runner, name="visit-extract-batch", daemon=True)
    thread.start()
    try:
        while True:
            item = handoff.get()
            if item is _END:
                return
            if isinstance(item, BaseException):
                if isinstance(item, asyncio.CancelledError):
                    return
                raise item
            yield item
    finally:
        loop_ready.wait()
        loop, task = holder.get("loop"), holder.get("task")
        if thread.is_alive() and loop is not None and task is not None:
            with contextlib.suppress(RuntimeError):  # the loop may just have closed
                loop.call_soon_threadsafe(task.cancel)
        # Drain so a runner blocked on a full hand-off can finish.
        while thread.is_alive():
            with contextlib.suppress(queue.Empty):
                handoff.get(timeout=0.05)
        thread.join()


def run_batch(
    source: str | Path | Sequence[Path],
    output: str | Path,
    *,
    settings: Settings | None = None,
    **options: Unpack[BatchOptions],
) -> BatchStats:
    """Extract every article of ``source`` into the JSONL file ``output``.

    Each row is written and handed to the OS as soon as its article completes. With
    ``resume=True`` the ids already in ``output`` are skipped (a torn last line from a
    crash is dropped first), so a killed run, resumed, ends with exactly one row per
    article. Ctrl-C leaves only complete rows. The output is locked for the run: a second
    run onto the same file fails at once.

    Args:
        source: JSONL (``.gz`` too), CSV, Parquet, or a folder of ``.txt`` files; or a
            list of such paths (``Path`` objects), read one after the other.
        output: the results file.
        settings: the run's settings; from the environment when None.
        **options: the keys of :class:`~visit_extract.batch.options.BatchOptions`:
            ``resume``, ``overwrite``, ``retry_errors``, ``force``, ``input_format``,
            ``columns``, ``progress``, ``stats``, ``prefilter`` (as for every batch
            run), and ``relevance``, ``backend``, ``budget`` (as for
            :func:`aextract_many`).

    Returns:
        The run's totals.
    """
    return _run_coroutine(  # type: ignore[no-any-return]
        lambda: arun_batch(source, output, settings=settings, **options)
    )


__all__ = ["extract_many", "run_batch"]
