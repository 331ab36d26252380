"""Running one part of a scaled-out batch run, in whatever process or machine gets it.

A part's rows are written to ``<run dir>/part-NNNNN.jsonl.partial`` as they complete
(by :class:`~visit_extract.batch.writer.ResultWriter`, so a killed worker leaves at most
a torn last line) and the file is renamed to ``part-NNNNN.jsonl`` when the part is
done: a finished part is whole or absent. A part run again (its worker died, or the run
is resumed) skips the ids its partial file already holds. A lock on the partial file
keeps two attempts from writing one part at the same time.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from visit_extract.batch.engine import aextract_many
from visit_extract.batch.parts import Part, read_part
from visit_extract.batch.ratelimit import SharedBudget
from visit_extract.batch.stats import BatchStats
from visit_extract.batch.writer import ResultWriter
from visit_extract.config import Settings
from visit_extract.registry import BackendFactory, register_backend

#: The ids of an earlier, one-file output that every part skips (one JSON string a line).
PRIOR_IDS = "prior-ids.jsonl"


class BudgetHandle(Protocol):
    """What a job carries to reach the run's shared budget: picklable, and opened in the
    process that runs the part (in the thread that runs the task)."""

    def open(self) -> SharedBudget: ...


@dataclass(frozen=True)
class PartJob:
    """Everything a worker needs to run one part.

    Attributes:
        part: the part.
        run_dir: the folder of part files (shared by every worker).
        settings: the run's settings.
        columns: article field → input column.
        prefilter: override of ``Settings.prefilter``.
        retry_errors: do the articles with error rows again.
        backend: ``(name, factory)`` registered in the worker before the part runs, for
            backends registered at run time in the process that started the run.
        budget: the run's shared request and token budget, when it has one.
    """

    part: Part
    run_dir: str
    settings: Settings
    columns: str | dict[str, str] | None = None
    prefilter: bool | None = None
    retry_errors: bool = False
    backend: tuple[str, BackendFactory] | None = None
    budget: BudgetHandle | None = None

    @property
    def final_path(self) -> Path:
        return Path(self.run_dir) / f"{self.part.name}.jsonl"

    @property
    def partial_path(self) -> Path:
        return Path(self.run_dir) / f"{self.part.name}.jsonl.partial"


@dataclass
class PartReport:
    """What running a part did.

    Attributes:
        index: the part's index.
        stats: the totals of this attempt (``resumed`` counts rows an earlier attempt
            had written).
        already_done: the part was finished before this attempt.
        pid: the process that ran it.
    """

    index: int
    stats: BatchStats = field(default_factory=BatchStats)
    already_done: bool = False
    pid: int = 0


_PRIOR_CACHE: dict[tuple[str, int, int], frozenset[str]] = {}
_PRIOR_LOCK = threading.Lock()


def prior_ids(run_dir: Path) -> frozenset[str]:
    """The ids in the run's ``prior-ids.jsonl`` (read once per process and file)."""
    path = run_dir / PRIOR_IDS
    try:
        st = path.stat()
    except FileNotFoundError:
        return frozenset()
    key = (str(path), st.st_mtime_ns, st.st_size)
    with _PRIOR_LOCK:
        cached = _PRIOR_CACHE.get(key)
        if cached is None:
            with path.open(encoding="utf-8") as fh:
                cached = frozenset(json.loads(line) for line in fh if line.strip())
            _PRIOR_CACHE.clear()
            _PRIOR_CACHE[key] = cached
    return cached


def count_rows(path: Path) -> int:
    """Complete rows of a results file."""
    with path.open("rb") as fh:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))


@contextlib.contextmanager
def _exclusive(path: Path) -> Iterator[None]:
    """Hold an exclusive lock tied to ``path``, waiting for another attempt at the same
    part to end (the OS releases the lock of a process that dies)."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock; the scheduler runs one attempt at a time
        yield
        return
    # Not ``<file>.lock``: that one is ResultWriter's own (taken without waiting).
    lock_path = path.with_name(path.name + ".attempt-lock")
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def run_part(job: PartJob) -> PartReport:
    """Run one part to its finished file and report what was done.

    Safe to call again for the same part at any time: a finished part is left as it is
    (unless ``retry_errors``), an unfinished one is resumed.
    """
    report = PartReport(job.part.index, pid=os.getpid())
    final, partial = job.final_path, job.partial_path
    if final.exists():
        if not job.retry_errors:
            report.already_done = True
            report.stats.resumed = count_rows(final)
            return report
        if not partial.exists():
            os.replace(final, partial)  # reopen it, so its error rows are done again
    if job.backend is not None:
        register_backend(*job.backend)
    budget = job.budget.open() if job.budget is not None else None
    with _exclusive(partial):
        if final.exists() and not partial.exists():
            report.already_done = True  # another attempt finished while we waited
            report.stats.resumed = count_rows(final)
            return report
        asyncio.run(_write_part(job, partial, report.stats, budget))
        os.replace(partial, final)
    return report


async def _write_part(
    job: PartJob, partial: Path, stats: BatchStats, budget: SharedBudget | None
) -> None:
    with ResultWriter(partial, resume=True, retry_errors=job.retry_errors) as writer:
        skip: set[str] | frozenset[str] = writer.done_ids
        prior = prior_ids(Path(job.run_dir))
        if prior:
            skip = writer.done_ids | prior
        options: dict[str, Any] = {"budget": budget} if budget is not None else {}
        async for result in aextract_many(
            read_part(job.part, job.columns),
            settings=job.settings,
            skip_ids=skip,
            stats=stats,
            prefilter=job.prefilter,
            **options,
        ):
            writer.write(result)
        writer.sync()


__all__ = [
    "PRIOR_IDS",
    "BudgetHandle",
    "PartJob",
    "PartReport",
    "count_rows",
    "prior_ids",
    "run_part",
]
