"""Batch extraction over article dumps: concurrent, rate-limited, resumable.

- :func:`extract_many` (sync iterator, usable from scripts and notebooks) and
  :func:`aextract_many` (async iterator) yield one :class:`BatchResult` per input
  article, in completion order: an extraction, an error, or a pre-filter skip.
- :func:`run_batch` writes those results to an append-only JSONL file, flushed row by
  row, and can resume a run that was killed (``resume=True`` skips the ids already
  written and drops a torn last line).

Backends with ``async aextract(article)`` are awaited; others run in a thread pool of
``Settings.concurrency`` threads. Every article ends as exactly one result: nothing a
backend raises (or a timeout) stops the run.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import functools
import inspect
import json
import os
import queue
import sys
import threading
import time
from collections import Counter
from collections.abc import AsyncIterable, AsyncIterator, Callable, Iterable, Iterator
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from visit_extract.batch.ratelimit import RateGate
from visit_extract.config import Settings
from visit_extract.errors import (
    ConfigError,
    DatasetError,
    InputError,
    VisitExtractError,
    spent_usage,
)
from visit_extract.io import BadRow, count_input_rows, iter_input, iter_jsonl, to_article
from visit_extract.registry import ExtractionBackend, backend_factory
from visit_extract.schema import Article, Usage, VisitExtraction

Status = Literal["ok", "error", "skipped"]
RelevanceFn = Callable[..., float]


# --- results ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ErrorInfo:
    """Why an article has no extraction, and what its failed attempts cost."""

    type: str
    message: str
    attempts: int = 0
    #: Tokens spent before giving up (provider errors report them): part of the run's cost.
    usage: Usage | None = None


@dataclass(frozen=True)
class BatchResult:
    """The outcome for one input article: exactly one of ``extraction``, ``error`` or
    ``skipped`` is set.

    Attributes:
        id: the article id (for unreadable rows without one: ``line-<n>``).
        extraction: the extraction, when the backend succeeded.
        error: type, message and attempts, when it did not.
        skipped: ``"prefilter"`` when the relevance pre-filter kept it from the backend.
        score: the pre-filter's relevance score, when one was computed.
    """

    id: str
    extraction: VisitExtraction | None = None
    error: ErrorInfo | None = None
    skipped: str | None = None
    score: float | None = None

    @property
    def status(self) -> Status:
        """``ok``, ``error`` or ``skipped``."""
        if self.extraction is not None:
            return "ok"
        return "error" if self.error is not None else "skipped"

    def to_row(self) -> dict[str, Any]:
        """The JSONL row: the extraction itself, or ``{"id", "error": {...}}``, or
        ``{"id", "skipped", "score"}``."""
        if self.extraction is not None:
            return self.extraction.model_dump(mode="json")
        if self.error is not None:
            error: dict[str, Any] = {
                "type": self.error.type,
                "message": self.error.message,
                "attempts": self.error.attempts,
            }
            if self.error.usage is not None:
                error["usage"] = self.error.usage.model_dump()
            return {"id": self.id, "error": error}
        return {"id": self.id, "skipped": self.skipped, "score": self.score}

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> BatchResult:
        """Read back a row written by :meth:`to_row`.

        Raises:
            InputError: the row is none of the three shapes.
        """
        row_id = row.get("id")
        if not isinstance(row_id, str):
            raise InputError("result row has no string 'id'")
        if isinstance(row.get("error"), dict):
            err = row["error"]
            spent = err.get("usage")
            return cls(
                id=row_id,
                error=ErrorInfo(
                    str(err.get("type", "Error")),
                    str(err.get("message", "")),
                    int(err.get("attempts") or 0),
                    Usage.model_validate(spent) if isinstance(spent, dict) else None,
                ),
            )
        if "skipped" in row:
            score = row.get("score")
            return cls(
                id=row_id,
                skipped=str(row["skipped"]),
                score=float(score) if score is not None else None,
            )
        try:
            return cls(id=row_id, extraction=VisitExtraction.model_validate(row))
        except ValueError as exc:
            raise InputError(f"result row {row_id!r} is not an extraction: {exc}") from None


def _error(article_id: str, exc: BaseException | str, *, attempts: int = 0) -> BatchResult:
    if isinstance(exc, BaseException):
        info = ErrorInfo(type(exc).__name__, str(exc) or repr(exc), attempts, spent_usage(exc))
    else:
        info = ErrorInfo("DatasetError", exc, attempts)
    return BatchResult(id=article_id, error=info)


# --- statistics and progress --------------------------------------------------------------


def _load_cost_fn() -> Callable[[str | None, Usage], Any] | None:
    """``visit_extract.backends.llm.pricing.estimate_cost`` when that module exists."""
    try:
        from visit_extract.backends.llm.pricing import estimate_cost  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    fn: Callable[[str | None, Usage], Any] = estimate_cost
    return fn


@dataclass
class BatchStats:
    """Running totals of a batch run (also the final summary)."""

    total: int | None = None
    resumed: int = 0
    done: int = 0
    ok: int = 0
    study_visits: int = 0
    visits: int = 0
    skipped: int = 0
    errors: int = 0
    error_types: Counter[str] = field(default_factory=Counter)
    cache_hits: int = 0
    usage: Usage = field(default_factory=Usage)
    cost_usd: float | None = None
    retries: int = 0
    rate_limited: int = 0
    started: float = field(default_factory=time.perf_counter)
    elapsed_s: float = 0.0

    def add(
        self,
        result: BatchResult,
        cost_fn: Callable[[str | None, Usage], Any] | None,
        model: str | None = None,
    ) -> None:
        """Count one result (``model`` prices the tokens an error row spent)."""
        self.done += 1
        self.elapsed_s = time.perf_counter() - self.started
        ext = result.extraction
        if ext is not None:
            self.ok += 1
            self.study_visits += ext.is_study_visit
            self.visits += len(ext.visits)
            if ext.cached:
                self.cache_hits += 1
            else:
                self.usage = self.usage + ext.usage
                if cost_fn is not None and ext.usage.total_tokens:
                    self._add_cost(cost_fn, ext.model, ext.usage)
        elif result.error is not None:
            self.errors += 1
            self.error_types[result.error.type] += 1
            spent = result.error.usage
            if spent is not None and spent.total_tokens:
                self.usage = self.usage + spent
                if cost_fn is not None:
                    self._add_cost(cost_fn, model, spent)
        else:
            self.skipped += 1

    def _add_cost(
        self, cost_fn: Callable[[str | None, Usage], Any], model: str | None, usage: Usage
    ) -> None:
        try:
            cost = cost_fn(model, usage)
        except Exception:  # pricing is advisory; an unknown model must not stop a run
            return
        if isinstance(cost, (int, float)):
            self.cost_usd = (self.cost_usd or 0.0) + float(cost)

    @property
    def rate(self) -> float:
        """Results per second so far."""
        return self.done / self.elapsed_s if self.elapsed_s > 0 else 0.0

    def postfix(self) -> dict[str, str]:
        """The short counters shown next to the progress bar."""
        shown = {
            "ok": str(self.ok),
            "skip": str(self.skipped),
            "err": str(self.errors),
            "cache": str(self.cache_hits),
            "tok": f"{self.usage.total_tokens:,}",
        }
        if self.cost_usd is not None:
            shown["cost"] = f"${self.cost_usd:.4f}"
        if self.rate_limited:
            shown["429"] = str(self.rate_limited)
        return shown

    def summary(self) -> str:
        """A plain-text table of the run."""
        rows: list[tuple[str, str]] = [
            ("articles processed", f"{self.done:,}"),
            ("  extracted", f"{self.ok:,}"),
            ("    study-visit articles", f"{self.study_visits:,}"),
            ("    visits", f"{self.visits:,}"),
            ("    from cache", f"{self.cache_hits:,}"),
            ("  skipped by pre-filter", f"{self.skipped:,}"),
            ("  errors", f"{self.errors:,}"),
        ]
        rows += [(f"    {name}", f"{n:,}") for name, n in self.error_types.most_common()]
        if self.resumed:
            rows.append(("already in output (resumed)", f"{self.resumed:,}"))
        rows += [
            ("requests", f"{self.usage.requests:,}"),
            ("retries (429 among them)", f"{self.retries:,} ({self.rate_limited:,})"),
            (
                "tokens (prompt + completion)",
                f"{self.usage.total_tokens:,} "
                f"({self.usage.prompt_tokens:,} + {self.usage.completion_tokens:,})",
            ),
            (
                "estimated cost",
                f"${self.cost_usd:.4f}" if self.cost_usd is not None else "n/a",
            ),
            ("elapsed", f"{self.elapsed_s:.1f} s"),
            ("rate", f"{self.rate:.1f} articles/s"),
        ]
        width = max(len(k) for k, _ in rows)
        vwidth = max(len(v) for _, v in rows)
        line = "-" * (width + vwidth + 3)
        body = "\n".join(f"{k:<{width}}   {v:>{vwidth}}" for k, v in rows)
        return f"{line}\n{body}\n{line}"


class _Progress:
    """A tqdm bar on stderr, or nothing."""

    def __init__(self, enabled: bool, total: int | None, stats: BatchStats) -> None:
        self._bar: Any = None
        self._stats = stats
        self._last_postfix = 0.0
        if enabled:
            from tqdm import tqdm

            self._bar = tqdm(
                total=total, unit="art", file=sys.stderr, dynamic_ncols=True, smoothing=0.05
            )

    def update(self) -> None:
        if self._bar is None:
            return
        self._bar.update(1)
        now = time.perf_counter()
        if now - self._last_postfix > 0.5:  # postfix formatting is slow at 1,000+/s
            self._last_postfix = now
            self._bar.set_postfix(self._stats.postfix(), refresh=False)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.set_postfix(self._stats.postfix(), refresh=False)
            self._bar.close()


# --- the run ---------------------------------------------------------------------------------


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

Source = (
    str
    | os.PathLike[str]
    | Iterable[Article | BadRow | dict[str, Any] | str]
    | AsyncIterable[Article | BadRow | dict[str, Any] | str]
)


def make_backend(settings: Settings, on_retry: Callable[[Any], None] | None) -> ExtractionBackend:
    """A fresh backend for a batch run, given the retry hook when it accepts one.

    Factories that take an ``on_retry`` keyword (``LLMBackend(settings, *,
    on_retry=None)``) report each transport retry to it; that is how a run learns about
    429s that the backend retries internally.
    """
    factory = backend_factory(settings.resolved_backend)
    try:
        params = inspect.signature(factory).parameters
    except (TypeError, ValueError):
        params = {}  # type: ignore[assignment]
    takes_hook = "on_retry" in params or any(
        p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values()
    )
    if on_retry is not None and takes_hook:
        return factory(settings, on_retry=on_retry)  # type: ignore[call-arg]
    return factory(settings)


def _load_relevance() -> RelevanceFn:
    try:
        from visit_extract.backends.rules.relevance import (  # type: ignore[import-not-found,unused-ignore]
            relevance_score,
        )
    except ImportError:
        raise ConfigError(
            "the relevance pre-filter (visit_extract.backends.rules.relevance) is not available in "
            "this install; run with --no-prefilter (prefilter=False) to send every article "
            "to the backend"
        ) from None
    fn: RelevanceFn = relevance_score
    return fn


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


class _DaemonPool(Executor):
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


class _BatchRun:
    def __init__(
        self,
        settings: Settings,
        *,
        skip_ids: Iterable[str],
        stats: BatchStats,
        progress: bool,
        prefilter: bool | None,
        relevance: RelevanceFn | None,
        backend: ExtractionBackend | None,
        input_format: str | None,
        columns: str | dict[str, str] | None,
    ) -> None:
        self.settings = settings
        self.skip_ids = skip_ids if isinstance(skip_ids, (set, frozenset)) else set(skip_ids)
        self.stats = stats
        self.progress_enabled = progress
        self.input_format = input_format
        self.columns = columns
        use_prefilter = settings.prefilter if prefilter is None else prefilter
        # The pre-filter saves model calls; the rules backend is as cheap as the filter.
        # A backend instance passed in names itself; otherwise the settings name it.
        backend_name = getattr(backend, "name", None) or settings.resolved_backend
        self.relevance: RelevanceFn | None = None
        if use_prefilter and backend_name != "rules":
            self.relevance = relevance or _load_relevance()
        self.gate = RateGate(
            settings.concurrency,
            requests_per_minute=settings.requests_per_minute,
            tokens_per_minute=settings.tokens_per_minute,
        )
        self.backend = backend if backend is not None else make_backend(settings, self.on_retry)
        aextract = getattr(self.backend, "aextract", None)
        self.aextract = aextract if inspect.iscoroutinefunction(aextract) else None
        self.pool: _DaemonPool | None = None
        if self.aextract is None:
            self.pool = _DaemonPool(settings.concurrency)
        self.cost_fn = _load_cost_fn()

    # The hook given to the backend; RetryEvent is the LLM backend's, read by duck typing.
    def on_retry(self, event: Any) -> None:
        state = _CURRENT.get()
        if state is not None:
            state.retries += 1
        self.stats.retries += 1
        status = getattr(event, "status_code", None)
        if status == 429:
            self.stats.rate_limited += 1
        self.gate.on_retry(status, getattr(event, "wait_s", None))

    async def _items(
        self, source: Source
    ) -> AsyncIterator[tuple[int, Article | BadRow | dict[str, Any] | str]]:
        if isinstance(source, (str, os.PathLike)):
            for number, item in iter_input(
                Path(source), fmt=self.input_format, columns=self.columns
            ):
                yield number, item
        elif isinstance(source, AsyncIterable):
            number = 0
            async for obj in source:
                number += 1
                yield number, obj
        else:
            for number, obj in enumerate(source, start=1):
                yield number, obj

    async def _produce(
        self, source: Source, work: asyncio.Queue[Any], out: asyncio.Queue[Any]
    ) -> None:
        seen: set[str] = set()
        max_chars = self.settings.max_article_chars
        async for number, item in self._items(source):
            if isinstance(item, tuple):  # (line, item) pairs from iter_input-like sources
                number, item = item
            if isinstance(item, BadRow):
                article_id = item.id or f"line-{item.line}"
            elif isinstance(item, Article):
                article_id = item.id
            elif isinstance(item, dict) and isinstance(item.get("id"), str) and item["id"]:
                article_id = item["id"]
            else:
                article_id = f"article-{number}"
            if article_id in self.skip_ids:
                self.stats.resumed += 1
                continue
            if article_id in seen:
                await out.put(
                    _error(article_id, f"line {number}: duplicate article id {article_id!r}")
                )
                continue
            seen.add(article_id)
            if isinstance(item, BadRow):
                await out.put(_error(article_id, f"{item.path}:{item.line}: {item.message}"))
                continue
            try:
                article = to_article(item, max_chars=max_chars, default_id=article_id)
            except VisitExtractError as exc:
                await out.put(_error(article_id, exc))
                continue
            if self.relevance is not None:
                try:
                    score = float(self.relevance(article.text, title=article.title))
                except Exception as exc:  # a filter bug must cost one row, not the run
                    await out.put(_error(article_id, exc))
                    continue
                if score < self.settings.prefilter_threshold:
                    await out.put(
                        BatchResult(id=article_id, skipped="prefilter", score=round(score, 4))
                    )
                    continue
            await work.put(article)
            # Reading and filtering are synchronous: let the workers run in between.
            await asyncio.sleep(0)

    async def _call(self, article: Article) -> VisitExtraction:
        if self.aextract is not None:
            result: VisitExtraction = await self.aextract(article)
            return result
        loop = asyncio.get_running_loop()
        ctx = contextvars.copy_context()
        call = functools.partial(ctx.run, self.backend.extract, article)
        return await loop.run_in_executor(self.pool, call)

    async def _extract_one(self, article: Article) -> BatchResult:
        state = _ArticleState()
        token = _CURRENT.set(state)
        estimate = _estimate_tokens(article, self.settings)
        started = time.perf_counter()
        ok = False
        try:
            await self.gate.acquire(estimate)
            try:
                result = await asyncio.wait_for(
                    self._call(article), timeout=self.settings.article_timeout_s
                )
                ok = True
            finally:
                await self.gate.release(ok=ok)
        except asyncio.TimeoutError:
            return BatchResult(
                id=article.id,
                error=ErrorInfo(
                    "ArticleTimeout",
                    f"no answer within {self.settings.article_timeout_s:g} s "
                    "(Settings.article_timeout_s)",
                    state.retries + 1,
                ),
            )
        except Exception as exc:  # every failure becomes an error row; the run goes on
            attempts = getattr(exc, "attempts", None)
            return _error(
                article.id,
                exc,
                attempts=attempts if isinstance(attempts, int) else state.retries + 1,
            )
        finally:
            _CURRENT.reset(token)
        if not isinstance(result, VisitExtraction):
            return _error(
                article.id,
                TypeError(f"backend returned {type(result).__name__}, not VisitExtraction"),
                attempts=state.retries + 1,
            )
        updates: dict[str, Any] = {}
        if result.id != article.id:
            updates["id"] = article.id
        if not result.latency_s and not result.cached:
            updates["latency_s"] = time.perf_counter() - started
        if not result.cached and result.usage.total_tokens > estimate:
            await self.gate.charge_tokens(result.usage.total_tokens - estimate)
        return BatchResult(
            id=article.id, extraction=result.model_copy(update=updates) if updates else result
        )

    async def _worker(self, work: asyncio.Queue[Any], out: asyncio.Queue[Any]) -> None:
        while True:
            article = await work.get()
            if article is _STOP:
                return
            await out.put(await self._extract_one(article))

    async def _close_backend(self) -> None:
        """Let a backend close clients bound to this run's event loop (``aclose()``);
        left open, they are collected after the loop is gone and warn."""
        aclose = getattr(self.backend, "aclose", None)
        if inspect.iscoroutinefunction(aclose):
            with contextlib.suppress(Exception):
                await asyncio.wait_for(aclose(), timeout=5.0)

    async def results(self, source: Source) -> AsyncIterator[BatchResult]:
        conc = self.settings.concurrency
        work: asyncio.Queue[Any] = asyncio.Queue(maxsize=2 * conc)
        out: asyncio.Queue[Any] = asyncio.Queue(maxsize=4 * conc + 64)
        failure: list[BaseException] = []

        async def produce() -> None:
            try:
                await self._produce(source, work, out)
            except Exception as exc:  # e.g. the input file is missing: reported below
                failure.append(exc)
            for _ in range(conc):
                await work.put(_STOP)

        async def finish() -> None:
            await asyncio.gather(producer, *workers)
            await out.put(failure[0] if failure else _END)

        producer = asyncio.create_task(produce())
        workers = [asyncio.create_task(self._worker(work, out)) for _ in range(conc)]
        finisher = asyncio.create_task(finish())
        tasks = [producer, *workers, finisher]
        bar = _Progress(self.progress_enabled, self.stats.total, self.stats)
        try:
            while True:
                item = await out.get()
                if item is _END:
                    break
                if isinstance(item, BaseException):
                    raise item
                self.stats.add(item, self.cost_fn, self.settings.model)
                bar.update()
                yield item
        finally:
            await _cancel_all(tasks)
            await self._close_backend()
            if self.pool is not None:
                # Threads stuck in a backend call cannot be interrupted; do not wait.
                self.pool.shutdown(wait=False, cancel_futures=True)
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
) -> AsyncIterator[BatchResult]:
    """Extract many articles concurrently; yield each result as it completes.

    Args:
        articles: a path (JSONL/CSV/Parquet file or a folder of ``.txt`` files), or an
            iterable / async iterable of :class:`Article`, article dicts, bare texts or
            :class:`~visit_extract.io.BadRow`.
        settings: the run's settings (backend, model, ``concurrency``,
            ``requests_per_minute``, ``tokens_per_minute``, ``article_timeout_s``,
            ``prefilter_threshold``...); from the environment when None.
        skip_ids: ids to leave out (already done, e.g. when resuming).
        progress: show a progress bar on stderr.
        prefilter: override ``Settings.prefilter`` (the relevance pre-filter only
            applies to backends other than ``rules``).
        relevance: the scoring function ``(text, title=None) -> float``; by default
            ``visit_extract.backends.rules.relevance.relevance_score``.
        backend: a ready backend instance instead of the one the settings name.
        stats: a :class:`BatchStats` to update (pass one to read totals afterwards).
        input_format: the format of a path input (``jsonl``, ``csv``, ``parquet``,
            ``txt``); guessed from the name when None.
        columns: article field → input column, e.g. ``"text=content,id=article_id"``.

    Yields:
        One :class:`BatchResult` per input article not in ``skip_ids``.

    Raises:
        ConfigError: the pre-filter is on but unavailable, or the backend is unknown.
        DatasetError: the input file cannot be read at all (single bad rows are
            yielded as error results instead).
    """
    settings = settings if settings is not None else Settings.from_env()
    stats = stats if stats is not None else BatchStats()
    run = _BatchRun(
        settings,
        skip_ids=skip_ids,
        stats=stats,
        progress=progress,
        prefilter=prefilter,
        relevance=relevance,
        backend=backend,
        input_format=input_format,
        columns=columns,
    )
    async for result in run.results(articles):
        yield result


def extract_many(
    articles: Source,
    *,
    settings: Settings | None = None,
    **options: Any,
) -> Iterator[BatchResult]:
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


# --- the output file -------------------------------------------------------------------------


def _scan_output(path: Path) -> tuple[set[str], set[str], int]:
    """Ids already written to ``path``, after cutting off a torn last line.

    A run killed mid-write can leave a last line without its newline (or with invalid
    JSON); it is truncated away, so that article is simply done again.

    Returns:
        The ids of every row, the ids that have only error rows, and how many torn
        bytes were cut.
    """
    ids: set[str] = set()
    error_ids: set[str] = set()
    ok_ids: set[str] = set()
    good_end = 0
    with path.open("rb") as fh:
        for raw in fh:
            complete = raw.endswith(b"\n")
            row: Any = None
            if complete:
                with contextlib.suppress(ValueError):
                    row = json.loads(raw)
            if not complete or not isinstance(row, dict):
                break
            if isinstance(row.get("id"), str):
                ids.add(row["id"])
                (error_ids if "error" in row else ok_ids).add(row["id"])
            good_end += len(raw)
    size = path.stat().st_size
    if size > good_end:
        with path.open("r+b") as fh:
            fh.truncate(good_end)
    # An id with an error row and another row (a duplicate id in the input) is done.
    return ids, error_ids - ok_ids, size - good_end


def _drop_error_rows(path: Path, ids: set[str]) -> None:
    """Rewrite ``path`` without the error rows of ``ids`` (temp file, then rename)."""
    tmp = path.with_name(path.name + ".retry-tmp")
    with path.open("rb") as src, tmp.open("wb") as dst:
        for raw in src:
            row = json.loads(raw)
            if "error" not in row or row.get("id") not in ids:
                dst.write(raw)
        dst.flush()
        os.fsync(dst.fileno())
    os.replace(tmp, path)


class ResultWriter:
    """Append-only JSONL output, one row per result, each written with one ``write``
    and so never half in the file after Ctrl-C; a SIGKILL can tear at most the last
    row, which ``resume`` repairs.

    Args:
        path: the output file.
        resume: keep what is there and expose its ids as :attr:`done_ids`.
        overwrite: start the file afresh.
        retry_errors: with ``resume``, remove the error rows so those articles are
            done again (the file still ends with one row per article).

    Raises:
        InputError: the file has content and neither ``resume`` nor ``overwrite``.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        resume: bool = False,
        overwrite: bool = False,
        retry_errors: bool = False,
    ):
        self.path = Path(path)
        self.done_ids: set[str] = set()
        self.torn_bytes = 0
        exists = self.path.is_file() and self.path.stat().st_size > 0
        if exists and not resume and not overwrite:
            raise InputError(
                f"{self.path} already has results; pass --resume to continue that run "
                "or --overwrite to start again"
            )
        if self.path.parent and not self.path.parent.exists():
            self.path.parent.mkdir(parents=True, exist_ok=True)
        if exists and resume and not overwrite:
            self.done_ids, error_ids, self.torn_bytes = _scan_output(self.path)
            if retry_errors and error_ids:
                _drop_error_rows(self.path, error_ids)
                self.done_ids -= error_ids
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND
        if overwrite:
            flags |= os.O_TRUNC
        try:
            self._fd: int | None = os.open(self.path, flags, 0o644)
        except OSError as exc:
            raise InputError(f"cannot write {self.path}: {exc.strerror}") from None

    def write(self, result: BatchResult) -> None:
        """Append one row and hand it to the OS at once (no user-space buffer)."""
        if self._fd is None:
            raise ValueError("writer is closed")
        data = (json.dumps(result.to_row(), ensure_ascii=False) + "\n").encode("utf-8")
        view = memoryview(data)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]

    def close(self) -> None:
        """Close the file (idempotent)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> ResultWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_results(path: str | Path) -> Iterator[BatchResult]:
    """Stream the results of a batch output file (a torn last line is ignored).

    Raises:
        DatasetError: the file is missing or a complete line is not a result row.
    """
    for lineno, row in iter_jsonl(path):
        if isinstance(row, BadRow):
            continue  # only a torn last line can be malformed in a file we wrote
        try:
            yield BatchResult.from_row(row)
        except InputError as exc:
            raise DatasetError(str(exc), path=str(path), line=lineno) from None


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


async def arun_batch(
    source: str | Path,
    output: str | Path,
    *,
    settings: Settings | None = None,
    resume: bool = False,
    overwrite: bool = False,
    retry_errors: bool = False,
    input_format: str | None = None,
    columns: str | dict[str, str] | None = None,
    progress: bool = False,
    stats: BatchStats | None = None,
    **options: Any,
) -> BatchStats:
    """Async :func:`run_batch`."""
    stats = stats if stats is not None else BatchStats()
    with ResultWriter(
        output, resume=resume, overwrite=overwrite, retry_errors=retry_errors
    ) as writer:
        if progress:
            total = count_input_rows(source, fmt=input_format)
            stats.total = None if total is None else max(0, total - len(writer.done_ids))
        async for result in aextract_many(
            source,
            settings=settings,
            skip_ids=writer.done_ids,
            progress=progress,
            stats=stats,
            input_format=input_format,
            columns=columns,
            **options,
        ):
            writer.write(result)
    return stats


def run_batch(
    source: str | Path,
    output: str | Path,
    *,
    settings: Settings | None = None,
    resume: bool = False,
    overwrite: bool = False,
    retry_errors: bool = False,
    input_format: str | None = None,
    columns: str | dict[str, str] | None = None,
    progress: bool = False,
    stats: BatchStats | None = None,
    **options: Any,
) -> BatchStats:
    """Extract every article of ``source`` into the JSONL file ``output``.

    Each row is written and handed to the OS as soon as its article completes. With
    ``resume=True`` the ids already in ``output`` are skipped (a torn last line from a
    crash is dropped first), so a killed run, resumed, ends with exactly one row per
    article. Ctrl-C leaves only complete rows.

    Args:
        source: JSONL (``.gz`` too), CSV, Parquet, or a folder of ``.txt`` files.
        output: the results file.
        settings: the run's settings; from the environment when None.
        resume: continue a previous run into the same file.
        overwrite: discard what ``output`` holds.
        retry_errors: with ``resume``, do the articles with error rows again (their
            rows are replaced).
        input_format: ``jsonl``, ``csv``, ``parquet`` or ``txt``; guessed when None.
        columns: article field → input column (``"text=content,id=article_id"``).
        progress: show a progress bar on stderr.
        stats: a :class:`BatchStats` to fill (readable even after an interrupt).
        **options: passed on to :func:`aextract_many` (``prefilter``, ``relevance``,
            ``backend``).

    Returns:
        The run's totals.
    """
    stats = stats if stats is not None else BatchStats()
    return _run_coroutine(  # type: ignore[no-any-return]
        lambda: arun_batch(
            source,
            output,
            settings=settings,
            resume=resume,
            overwrite=overwrite,
            retry_errors=retry_errors,
            input_format=input_format,
            columns=columns,
            progress=progress,
            stats=stats,
            **options,
        )
    )


__all__ = [
    "BatchResult",
    "BatchStats",
    "ErrorInfo",
    "ResultWriter",
    "aextract_many",
    "arun_batch",
    "extract_many",
    "make_backend",
    "read_results",
    "run_batch",
]
