"""The async batch engine: many articles through one backend, each ending as exactly one
:class:`~visit_extract.batch.rows.BatchResult`, yielded in completion order.

A producer turns the input into articles (:mod:`visit_extract.batch.intake`); workers
take one article each through the rate gate, the backend (awaited when it has
``aextract``, else on a daemon thread pool) and the per-article timeout. Nothing an
article's extraction raises stops the run, except a
:class:`~visit_extract.errors.ConfigError`: that is wrong for every article, so the run
stops with its message instead of writing one error row per article.

What the backend declares (:class:`~visit_extract.registry.BackendCapabilities`)
decides whether the pre-filter runs and how many articles are in flight.
"""

from __future__ import annotations

import asyncio
import contextvars
import time
from collections.abc import AsyncIterator, Iterable, Sequence
from pathlib import Path
from typing import Any

from visit_extract.batch.calls import BackendCalls
from visit_extract.batch.intake import (
    Intake,
    RelevanceFn,
    Source,
    input_paths,
    load_relevance,
)
from visit_extract.batch.options import BatchOptions, Unpack, check_options
from visit_extract.batch.progress import ProgressBar
from visit_extract.batch.ratelimit import RateGate, SharedBudget
from visit_extract.batch.rows import BatchResult, ErrorInfo
from visit_extract.batch.stats import BatchStats
from visit_extract.batch.writer import ResultWriter
from visit_extract.config import Settings
from visit_extract.errors import ConfigError
from visit_extract.io import count_input_rows
from visit_extract.registry import (
    ExtractionBackend,
    backend_factory,
    capabilities_of,
    make_backend,
)
from visit_extract.schema import Article, VisitExtraction


class _ArticleState:
    """Per-article counters the retry hook updates (found through a context variable,
    so a hook called from a backend's coroutine or worker thread finds its article)."""

    __slots__ = ("retries",)

    def __init__(self) -> None:
        self.retries = 0


_CURRENT: contextvars.ContextVar[_ArticleState | None] = contextvars.ContextVar(
    "visit_extract_batch_article", default=None
)
_STOP = object()
_END = object()


def _estimate_tokens(article: Article, settings: Settings) -> int:
    """A rough token count for the rate budget: ~4 characters a token, plus the prompt
    and a typical answer. Corrected against real usage after the call."""
    chars = min(len(article.text), settings.max_prompt_chars)
    return chars // 4 + 1_500


async def _cancel_all(tasks: list[asyncio.Task[Any]]) -> None:
    """Cancel ``tasks`` and wait until every one has ended.

    Cancelling once is not enough: on Python < 3.12 ``asyncio.wait_for`` can swallow a
    cancellation that arrives just as its inner call completes, and the worker then
    blocks on a full queue that nobody reads. Such tasks are cancelled again.
    """
    pending = {t for t in tasks if not t.done()}
    while pending:
        for task in pending:
            task.cancel()
        _, pending = await asyncio.wait(pending, timeout=0.2)
    for task in tasks:  # retrieve exceptions so none is logged as never retrieved
        if not task.cancelled():
            task.exception()


class _BatchRun:
    """One run of :func:`aextract_many`: its backend, gate, intake and totals."""

    def __init__(
        self,
        settings: Settings,
        *,
        stats: BatchStats,
        progress: bool,
        prefilter: bool | None,
        relevance: RelevanceFn | None,
        backend: ExtractionBackend | None,
        skip_ids: Iterable[str],
        input_format: str | None,
        columns: str | dict[str, str] | None,
        budget: SharedBudget | None = None,
    ) -> None:
        self.settings = settings
        self.stats = stats
        self.progress = progress
        if backend is None:
            backend = make_backend(settings, on_retry=self.on_retry)
        declared = capabilities_of(backend)
        self.workers = declared.workers(settings.concurrency)
        wanted = settings.prefilter if prefilter is None else prefilter
        if not (wanted and declared.prefilter):
            relevance = None
        elif relevance is None:
            relevance = load_relevance()
        self.intake = Intake(
            settings,
            skip_ids=skip_ids,
            stats=stats,
            relevance=relevance,
            input_format=input_format,
            columns=columns,
        )
        self.gate = RateGate(
            self.workers,
            requests_per_minute=settings.requests_per_minute,
            tokens_per_minute=settings.tokens_per_minute,
            budget=budget,
        )
        self.calls = BackendCalls(backend, self.workers)

    def on_retry(self, event: Any) -> None:
        """The hook given to the backend: count the retry and tell the gate (the event
        is read by duck typing: ``status_code`` and ``wait_s``)."""
        state = _CURRENT.get()
        if state is not None:
            state.retries += 1
        self.stats.retries += 1
        status = getattr(event, "status_code", None)
        if status == 429:
            self.stats.rate_limited += 1
        self.gate.on_retry(status, getattr(event, "wait_s", None))

    # -- one article ------------------------------------------------------------------------

    async def _extract_one(self, article: Article) -> BatchResult:
        state = _ArticleState()
        token = _CURRENT.set(state)
        estimate = _estimate_tokens(article, self.settings)
        started = time.perf_counter()
        try:
            answer = await self._gated_call(article, estimate)
        except asyncio.TimeoutError:
            limit = self.settings.article_timeout_s
            return BatchResult(
                id=article.id,
                error=ErrorInfo(
                    "ArticleTimeout",
                    f"no answer within {limit:g} s (Settings.article_timeout_s)",
                    state.retries + 1,
                ),
            )
        except ConfigError:
            raise  # the same for every article: the run stops (see _worker)
        except Exception as exc:  # every other failure becomes an error row
            attempts = getattr(exc, "attempts", None)
            if not isinstance(attempts, int):
                attempts = state.retries + 1
            return BatchResult.failed(article.id, exc, attempts=attempts)
        finally:
            _CURRENT.reset(token)
        if not isinstance(answer, VisitExtraction):
            wrong = TypeError(f"backend returned {type(answer).__name__}, not VisitExtraction")
            return BatchResult.failed(article.id, wrong, attempts=state.retries + 1)
        return BatchResult(
            id=article.id, extraction=await self._settle(article, answer, started, estimate)
        )

    async def _gated_call(self, article: Article, estimate: int) -> object:
        """The backend's answer, within the gate's limits and the article timeout."""
        await self.gate.acquire(estimate)
        ok = False
        try:
            answer = await asyncio.wait_for(
                self.calls.call(article), timeout=self.settings.article_timeout_s
            )
            ok = True
            return answer
        finally:
            await self.gate.release(ok=ok)

    async def _settle(
        self, article: Article, result: VisitExtraction, started: float, estimate: int
    ) -> VisitExtraction:
        """The result under the article's id, with a latency, its real tokens charged."""
        updates: dict[str, Any] = {}
        if result.id != article.id:
            updates["id"] = article.id
        if not result.latency_s and not result.cached:
            updates["latency_s"] = time.perf_counter() - started
        if not result.cached and result.usage.total_tokens > estimate:
            await self.gate.charge_tokens(result.usage.total_tokens - estimate)
        return result.model_copy(update=updates) if updates else result

    # -- the run ----------------------------------------------------------------------------

    async def _produce(
        self, source: Source, work: asyncio.Queue[Any], out: asyncio.Queue[Any]
    ) -> None:
        async for item in self.intake.items(source):
            if isinstance(item, Article):
                await work.put(item)
                # Reading and filtering are synchronous: let the workers run in between.
                await asyncio.sleep(0)
            else:
                await out.put(item)

    async def _worker(self, work: asyncio.Queue[Any], out: asyncio.Queue[Any]) -> None:
        while True:
            article = await work.get()
            if article is _STOP:
                return
            try:
                result = await self._extract_one(article)
            except ConfigError as exc:
                await out.put(exc)  # raised to the caller by results()
                return
            await out.put(result)

    def _start(
        self, source: Source, work: asyncio.Queue[Any], out: asyncio.Queue[Any]
    ) -> list[asyncio.Task[Any]]:
        """The producer, the workers, and a task that marks the end of the output."""
        failure: list[BaseException] = []

        async def produce() -> None:
            try:
                await self._produce(source, work, out)
            except Exception as exc:  # e.g. the input file is missing: reported at the end
                failure.append(exc)
            for _ in range(self.workers):
                await work.put(_STOP)

        async def finish() -> None:
            await asyncio.gather(producer, *workers)
            await out.put(failure[0] if failure else _END)

        producer = asyncio.create_task(produce())
        workers = [asyncio.create_task(self._worker(work, out)) for _ in range(self.workers)]
        return [producer, *workers, asyncio.create_task(finish())]

    async def results(self, source: Source) -> AsyncIterator[BatchResult]:
        """Every result of the run, as it completes."""
        work: asyncio.Queue[Any] = asyncio.Queue(maxsize=2 * self.workers)
        out: asyncio.Queue[Any] = asyncio.Queue(maxsize=4 * self.workers + 64)
        tasks = self._start(source, work, out)
        bar = ProgressBar(self.progress, self.stats.total, self.stats)
        try:
            while True:
                item = await out.get()
                if item is _END:
                    break
                if isinstance(item, BaseException):
                    raise item
                self.stats.add(item, self.calls.hooks.estimate_cost)
                bar.update()
                yield item
        finally:
            await _cancel_all(tasks)
            await self.calls.close()
            self.stats.elapsed_s = time.perf_counter() - self.stats.started
            bar.close()


async def aextract_many(
    articles: Source,
    *,
    settings: Settings | None = None,
    skip_ids: Iterable[str] = (),
    progress: bool = False,
    prefilter: bool | None = None,
    relevance: RelevanceFn | None = None,
    backend: ExtractionBackend | None = None,
    stats: BatchStats | None = None,
    input_format: str | None = None,
    columns: str | dict[str, str] | None = None,
    budget: SharedBudget | None = None,
) -> AsyncIterator[BatchResult]:
    """Extract many articles concurrently; yield each result as it completes.

    Args:
        articles: a path (JSONL/CSV/Parquet file or a folder of ``.txt`` files), a list
            of ``Path`` objects read one after the other, or an iterable / async
            iterable of :class:`Article`, article dicts, bare texts or
            :class:`~visit_extract.io.BadRow`.
        settings: the run's settings (backend, model, ``concurrency``,
            ``requests_per_minute``, ``tokens_per_minute``, ``article_timeout_s``,
            ``prefilter_threshold``...); from the environment when None.
        skip_ids: ids to leave out (already done, e.g. when resuming).
        progress: show a progress bar on stderr.
        prefilter: override ``Settings.prefilter``. The relevance pre-filter only runs
            for backends whose capabilities allow it (not for ``rules``).
        relevance: the scoring function ``(text, title=None) -> float``; by default
            the recall-first :func:`visit_extract.batch.prefilter.prefilter_score`.
        backend: a ready backend instance instead of the one the settings name (it is
            given no retry hook, and its ``aclose`` is awaited at the end).
        stats: a :class:`BatchStats` to update (pass one to read totals afterwards).
        input_format: the format of a path input (``jsonl``, ``csv``, ``parquet``,
            ``txt``); guessed from the name when None.
        columns: article field → input column, e.g. ``"text=content,id=article_id"``.
        budget: a request and token budget shared with other processes of the same
            run (:mod:`visit_extract.batch.budget`); it replaces the run's own
            ``requests_per_minute`` and ``tokens_per_minute`` budgets.

    Yields:
        One :class:`BatchResult` per input article not in ``skip_ids``.

    Raises:
        ConfigError: the pre-filter is on but unavailable, the backend is unknown or
            cannot start, or it raised a ConfigError for an article.
        DatasetError: the input file cannot be read at all (single bad rows are
            yielded as error results instead).
    """
    settings = settings if settings is not None else Settings.from_env()
    run = _BatchRun(
        settings,
        stats=stats if stats is not None else BatchStats(),
        progress=progress,
        prefilter=prefilter,
        relevance=relevance,
        backend=backend,
        skip_ids=skip_ids,
        input_format=input_format,
        columns=columns,
        budget=budget,
    )
    async for result in run.results(articles):
        yield result


async def arun_batch(
    source: str | Path | Sequence[Path],
    output: str | Path,
    *,
    settings: Settings | None = None,
    **options: Unpack[BatchOptions],
) -> BatchStats:
    """Async :func:`~visit_extract.batch.run_batch` (the same arguments)."""
    check_options("arun_batch", options, BatchOptions)
    given = options.get("stats")
    stats = given if given is not None else BatchStats()
    settings = settings if settings is not None else Settings.from_env()
    input_format = options.get("input_format")
    progress = options.get("progress", False)
    # What this run's rows will name (a backend class declares its name; a bare factory
    # does not): a resumed output that another backend or model wrote is refused.
    chosen = options.get("backend") or backend_factory(settings.resolved_backend)
    name = getattr(chosen, "name", None)
    with ResultWriter(
        output,
        resume=options.get("resume", False),
        overwrite=options.get("overwrite", False),
        retry_errors=options.get("retry_errors", False),
        producer=(name if isinstance(name, str) else None, settings.model),
        force=options.get("force", False),
    ) as writer:
        if progress:
            counts = [count_input_rows(Path(p), fmt=input_format) for p in input_paths(source)]
            total = None if None in counts else sum(c or 0 for c in counts)
            stats.total = None if total is None else max(0, total - len(writer.done_ids))
        async for result in aextract_many(
            source,
            settings=settings,
            skip_ids=writer.done_ids,
            progress=progress,
            stats=stats,
            input_format=input_format,
            columns=options.get("columns"),
            prefilter=options.get("prefilter"),
            relevance=options.get("relevance"),
            backend=options.get("backend"),
            budget=options.get("budget"),
        ):
            writer.write(result)
    return stats


__all__ = ["Source", "aextract_many", "arun_batch"]
