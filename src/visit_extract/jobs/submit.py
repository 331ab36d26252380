"""Submitting a provider batch run.

The input is read once, as a stream. Each article is checked, pre-filtered (a skipped
article gets its row at once, as in a live run), looked up in the answer cache (a hit
gets its row at once too) or turned into its request by the live request path
(:class:`~visit_extract.backends.llm.jobs.RequestBuilder`). Requests are packed into
jobs up to the provider's limits, and each job is submitted as soon as it is full.

Resuming: the articles already in the output or in a built job are passed over, a job
left half written is discarded (its articles are read again), and built jobs that were
not yet accepted are submitted, the provider module making sure that a submission
whose answer was lost is found rather than repeated.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from visit_extract.backends.llm.jobs import Exchange, Request, Submission
from visit_extract.batch import BatchResult, ErrorInfo
from visit_extract.batch.prefilter import prefilter_score
from visit_extract.errors import ConfigError, VisitExtractError, spent_usage
from visit_extract.io import BadRow, count_input_rows, iter_input, to_article
from visit_extract.jobs.files import JobPacker
from visit_extract.jobs.manifest import JobRecord
from visit_extract.jobs.run import JobRun
from visit_extract.schema import Article, VisitExtraction


@dataclass
class SubmitStats:
    """What a submit did with the input.

    Attributes:
        read: input items read (resumed ones included).
        resumed: items already done or already in a job (passed over).
        skipped: articles the pre-filter kept from the model.
        cached: articles answered from the answer cache.
        errors: items that became error rows (unreadable, duplicate id, too large...).
        queued: requests written into jobs.
        jobs: jobs submitted.
    """

    read: int = 0
    resumed: int = 0
    skipped: int = 0
    cached: int = 0
    errors: int = 0
    queued: int = 0
    jobs: int = 0


def submit_input(
    run: JobRun,
    source: str | os.PathLike[str],
    *,
    input_format: str | None = None,
    columns: str | dict[str, str] | None = None,
    progress: bool = False,
) -> SubmitStats:
    """Read ``source`` into jobs and submit them (see the module docstring).

    Raises:
        DatasetError: the input cannot be read at all.
        ProviderError: the provider refused a job.
    """
    stats = SubmitStats()
    run.manifest.repair()
    if not run.manifest.data.get("input_done"):
        _read_input(run, Path(source), input_format, columns, progress, stats)
        run.manifest.data["input_done"] = True
        run.manifest.save()
    for job in run.manifest.jobs():
        if job.state == "built":
            submit_job(run, job)
            stats.jobs += 1
    return stats


def submit_job(run: JobRun, job: JobRecord) -> None:
    """Hand a built job to the provider and mark it ``submitted``."""
    path = job.requests_path(run.suffix)
    requests = int(job.data["requests"])
    claimed = run.claimed(but=job)
    run.api.submit(Submission(path, job.name, requests, job.provider, job.save, claimed))
    job.advance("submitted", submitted=time.time())
    if not run.options.keep_requests:
        path.unlink(missing_ok=True)


def _error(article_id: str, exc: BaseException | str) -> BatchResult:
    if isinstance(exc, BaseException):
        info = ErrorInfo(type(exc).__name__, str(exc), 0, spent_usage(exc))
    else:
        info = ErrorInfo("DatasetError", exc, 0)
    return BatchResult(id=article_id, error=info)


def _item_id(item: Any, number: int) -> str:
    if isinstance(item, BadRow):
        return item.id or f"line-{item.line}"
    if isinstance(item, Article):
        return item.id
    if isinstance(item, dict) and isinstance(item.get("id"), str) and item["id"]:
        return str(item["id"])
    return f"article-{number}"


class _Filler(JobPacker):
    """Packs requests into jobs of the first round, submitting each one as it fills up."""

    def __init__(self, run: JobRun, stats: SubmitStats):
        super().__init__(run.manifest, run.api, run.suffix, on_full=self._submit)
        self.run = run
        self.stats = stats
        self._endpoint = run.api.endpoint.removeprefix("/v1")

    def add(self, article: Article, request: Request, replies: tuple[Exchange, ...] = ()) -> None:
        if not request.path.endswith(self._endpoint):
            raise ConfigError(
                f"the live request goes to {request.path}, not {self.run.api.endpoint}: "
                "provider batch jobs take chat requests in the default mode; leave --mode out"
            )
        super().add(article, request, replies)
        self.stats.queued += 1

    def _submit(self, job: JobRecord) -> None:
        submit_job(self.run, job)
        self.stats.jobs += 1


def _read_input(
    run: JobRun,
    source: Path,
    input_format: str | None,
    columns: str | dict[str, str] | None,
    progress: bool,
    stats: SubmitStats,
) -> None:
    assigned: set[str] = set()
    for job in run.manifest.jobs():
        assigned.update(job.article_ids())
    done = run.writer.done_ids
    seen: set[str] = set()
    duplicates: list[BatchResult] = []
    settings = run.settings
    use_prefilter = settings.prefilter
    filler = _Filler(run, stats)
    bar = _bar(progress, source, input_format)
    write = run.writer.write
    try:
        for number, item in iter_input(source, fmt=input_format, columns=columns):
            stats.read += 1
            if bar is not None:
                bar.update(1)
            article_id = _item_id(item, number)
            if article_id in seen:
                duplicates.append(_error(article_id, f"line {number}: duplicate article id"))
                continue
            seen.add(article_id)
            if article_id in assigned or article_id in done:
                stats.resumed += 1
                continue
            result = _one(run, filler, item, article_id, use_prefilter, stats)
            if result is not None:
                write(result)
        filler.close()
    finally:
        filler.abandon()
        if bar is not None:
            bar.close()
    for row in duplicates:
        stats.errors += 1
        write(row)


def _one(
    run: JobRun,
    filler: _Filler,
    item: Any,
    article_id: str,
    use_prefilter: bool,
    stats: SubmitStats,
) -> BatchResult | None:
    """The row of one input item, or None when it went into a job."""
    if isinstance(item, BadRow):
        stats.errors += 1
        return _error(article_id, f"{item.path}:{item.line}: {item.message}")
    try:
        article = to_article(item, max_chars=run.settings.max_article_chars, default_id=article_id)
    except VisitExtractError as exc:
        stats.errors += 1
        return _error(article_id, exc)
    if use_prefilter:
        score = prefilter_score(article.text, article.title)
        if score < run.settings.prefilter_threshold:
            stats.skipped += 1
            return BatchResult(id=article_id, skipped="prefilter", score=round(score, 4))
    try:
        built = run.builder.build(article)
    except VisitExtractError as exc:
        stats.errors += 1
        return _error(article_id, exc)
    if isinstance(built, VisitExtraction):
        stats.cached += 1
        return BatchResult(id=article_id, extraction=built)
    filler.add(article, built)
    return None


def _bar(progress: bool, source: Path, fmt: str | None) -> Any:
    if not progress:
        return None
    from tqdm import tqdm

    return tqdm(
        total=count_input_rows(source, fmt=fmt),
        unit="art",
        desc="submit",
        file=sys.stderr,
        dynamic_ncols=True,
    )


__all__ = ["SubmitStats", "submit_input", "submit_job"]
