"""Following and collecting a provider batch run.

``poll`` asks the provider how each submitted job is doing. An ended job's results are
downloaded (streamed to disk) and collected: every answer is fed back through the live
request path (:meth:`~visit_extract.backends.llm.jobs.RequestBuilder.answer`), so it is
validated, grounded, post-processed and cached exactly like a live answer, and its row
(with the job id) is appended to the output. Answers run on ``Settings.concurrency``
threads, because an invalid answer is reasked live and waits for the network.

A request without an answer (expired, cancelled, failed, missing from the results)
becomes an error row, or with ``on_failed="resubmit"`` goes into a job of the next
round when the provider's error says trying again may help; with ``reask="batch"`` an
invalid answer's reask goes into a job of the next round too. Follow-up jobs are made
while their parent is collected and submitted once it is marked ``collected``; a
collect killed before that makes them again (the parent's rows already written are
passed over, and the cache answers what was already answered).
"""

from __future__ import annotations

import json
import sys
import time
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from visit_extract.backends.llm.jobs import (
    Exchange,
    JobStatus,
    RequestMismatch,
    RequestResult,
)
from visit_extract.backends.llm.retry import usage_of
from visit_extract.batch import BatchResult, ErrorInfo
from visit_extract.errors import spent_usage
from visit_extract.jobs.files import ArticleRecord, JobPacker, RecordReader
from visit_extract.jobs.manifest import JobRecord
from visit_extract.jobs.run import JobRun
from visit_extract.jobs.submit import submit_job
from visit_extract.schema import Usage, VisitExtraction

_ERROR_TYPES = {
    "expired": "BatchRequestExpired",
    "canceled": "BatchRequestCanceled",
    "errored": "BatchRequestFailed",
}


@dataclass(frozen=True)
class JobRow(BatchResult):
    """A result row that names the provider job it came from (``job_id``).

    An extraction carries the id in its own ``job_id`` field; an error row gets it as
    an extra key, which readers of error rows ignore.
    """

    job_id: str | None = None

    def to_row(self) -> dict[str, Any]:
        """The live row, plus ``job_id``."""
        row = super().to_row()
        if self.job_id is not None:
            row.setdefault("job_id", self.job_id)
        return row


@dataclass
class CollectStats:
    """What collecting did.

    Attributes:
        answers: answers turned into extraction rows.
        cached: of those, articles the answer cache already held.
        errors: error rows written, by type.
        resubmitted: requests put into a job of the next round.
        reasked: invalid answers whose reask went into a job of the next round.
        resumed: results passed over because their article already has a row.
    """

    answers: int = 0
    cached: int = 0
    errors: dict[str, int] = field(default_factory=dict)
    resubmitted: int = 0
    reasked: int = 0
    resumed: int = 0

    def error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1


def poll(run: JobRun) -> list[JobRecord]:
    """Ask the provider about every submitted job; the jobs, updated."""
    jobs = run.manifest.jobs()
    for job in jobs:
        if job.state != "submitted" or not job.batch_id:
            continue
        status = run.api.retrieve(job.batch_id)
        summary = {
            "status": status.status,
            "total": status.total,
            "done": status.done,
            "failed": status.failed,
            "message": status.message,
            "polled": time.time(),
        }
        if status.ended:
            job.advance("ended", status=summary, raw=status.raw, ended=time.time())
        else:
            job.data["status"] = summary
            job.save()
    return jobs


def collected_ids(path: Path) -> set[str]:
    """Ids of the rows a collect wrote to ``path`` (rows that name a job).

    Not every row of the output counts: a duplicate id in the input has an error row
    written at submit time, while the article under that id still waits for its job.
    """
    ids: set[str] = set()
    if not path.exists():
        return ids
    with path.open("rb") as fh:
        for line in fh:
            if b'"job_id": "' in line and line.endswith(b"\n"):
                row = json.loads(line)
                if row.get("job_id"):
                    ids.add(str(row["id"]))
    return ids


def collect_ended(run: JobRun, stats: CollectStats, *, progress: bool = False) -> None:
    """Download and collect every ended job, then submit the follow-up jobs made."""
    done: set[str] | None = None
    for job in run.manifest.jobs():
        if job.state == "ended":
            raw = job.data.get("raw") or {}
            status = JobStatus(str(job.batch_id), str(raw.get("status", "")), True, 0, 0, raw=raw)
            job.results_dir.mkdir(exist_ok=True)
            paths = run.api.download(status, job.results_dir)
            job.advance("downloaded", results=[p.name for p in paths])
        if job.state == "downloaded":
            if done is None:
                done = collected_ids(run.output)
            collect_job(run, job, stats, done, progress=progress)
    for job in run.manifest.jobs():
        if job.state == "built":
            submit_job(run, job)


class _Collector:
    """Collects one downloaded job."""

    def __init__(self, run: JobRun, job: JobRecord, stats: CollectStats, done: set[str]):
        self.run = run
        self.job = job
        self.stats = stats
        self.done = done
        self.batch_id = job.batch_id
        self.followups = JobPacker(
            run.manifest, run.api, run.suffix, round_=job.round + 1, parent=job.name
        )
        # With batch reasks no reask goes live, not even in the last round (it ends as
        # an error row there): the run was asked to pay batch prices only.
        self.capture_reasks = run.options.reask == "batch"
        self.log: IO[bytes] = job.log_path.open("ab")

    # -- one result ----------------------------------------------------------------------

    def answer(self, record: ArticleRecord, body: bytes) -> tuple[str, Any, Usage]:
        """Replay one answer (runs on a worker thread); (kind, value, batch usage)."""
        batch = usage_of(json.loads(body))
        replies = (*record.replies, Exchange(record.sha256, body))
        try:
            out = self.run.builder.answer(record.article, replies, capture_next=self.capture_reasks)
        except Exception as exc:  # every failure is a row; the collection goes on
            return "error", exc, batch
        return ("ok" if isinstance(out, VisitExtraction) else "reask"), out, batch

    def settle(
        self, record: ArticleRecord, body: bytes, kind: str, value: Any, batch: Usage
    ) -> None:
        """Write the row (or follow-up) of one replayed answer (main thread)."""
        article_id = record.article.id
        replayed = _replies_usage(record) + batch
        if kind == "ok":
            ext: VisitExtraction = value.model_copy(update={"id": article_id})
            live = Usage() if ext.cached else _minus(ext.usage, replayed)
            self._log(record, "ok", batch, live)
            self.stats.answers += 1
            self.stats.cached += ext.cached
            self._ok_row(ext)
        elif kind == "reask" and self.job.round >= self.run.options.max_rounds:
            self._log(record, "error", batch, Usage())
            rounds = self.job.round
            message = (
                f"the answer was still invalid after {rounds} batch round(s) (provider job "
                f"{self.batch_id}); raise --max-rounds, or reask live (--reask live)"
            )
            self._error_row(article_id, ErrorInfo("ExtractionValidationError", message, rounds))
        elif kind == "reask":
            self._log(record, "reask", batch, Usage())
            self.stats.reasked += 1
            replies = (*record.replies, Exchange(record.sha256, body))
            self.followups.add(record.article, value, replies)
        else:
            spent = spent_usage(value)
            live = _minus(spent, replayed) if spent is not None else Usage()
            self._log(record, "error", batch, live)
            attempts = getattr(value, "attempts", 0)
            info = ErrorInfo(
                type(value).__name__,
                str(value),
                attempts if isinstance(attempts, int) else 0,
                spent,
            )
            self._error_row(article_id, info)

    def failed(self, record: ArticleRecord, result: RequestResult) -> None:
        """A request without an answer: an error row, or a request of the next round."""
        options = self.run.options
        if (
            options.on_failed == "resubmit"
            and result.retryable
            and self.job.round < options.max_rounds
        ):
            try:
                again = self.run.builder.answer(record.article, record.replies, capture_next=True)
            except Exception as exc:
                self._error_row(
                    record.article.id, ErrorInfo(type(exc).__name__, str(exc), 0, spent_usage(exc))
                )
                return
            self._log(record, "resubmit", Usage(), Usage())
            if isinstance(again, VisitExtraction):  # answered meanwhile (a live run)
                self.stats.answers += 1
                self.stats.cached += 1
                self._ok_row(again.model_copy(update={"id": record.article.id}))
                return
            if again.sha256 != record.sha256:
                mismatch = RequestMismatch(
                    f"article {record.article.id!r}: the request rebuilt to submit it again is "
                    "not the one submitted before; the prompt files or settings changed"
                )
                self._error_row(record.article.id, ErrorInfo("RequestMismatch", str(mismatch), 0))
                return
            self.stats.resubmitted += 1
            self.followups.add(record.article, again, record.replies)
            return
        self._log(record, "error", Usage(), Usage())
        hint = ""
        if result.retryable and options.on_failed == "error":
            hint = "; --on-failed resubmit submits such requests again"
        elif result.retryable:
            hint = f"; still unanswered after {self.job.round} round(s)"
        message = f"{result.error or result.outcome} (provider job {self.batch_id}){hint}"
        self._error_row(record.article.id, ErrorInfo(_ERROR_TYPES[result.outcome], message, 1))

    def _ok_row(self, ext: VisitExtraction) -> None:
        assert ext.id is not None
        row = ext.model_copy(update={"job_id": self.batch_id})
        self.run.writer.write(BatchResult(id=ext.id, extraction=row))
        self.done.add(ext.id)

    def _error_row(self, article_id: str, info: ErrorInfo) -> None:
        self.stats.error(info.type)
        self.run.writer.write(JobRow(id=article_id, error=info, job_id=self.batch_id))
        self.done.add(article_id)

    def _log(self, record: ArticleRecord, outcome: str, batch: Usage, live: Usage) -> None:
        entry = {
            "cid": record.cid,
            "id": record.article.id,
            "outcome": outcome,
            "batch": batch.model_dump(),
            "live": live.model_dump(),
        }
        self.log.write((json.dumps(entry) + "\n").encode())
        self.log.flush()

    def close(self) -> None:
        self.log.close()


def _replies_usage(record: ArticleRecord) -> Usage:
    total = Usage()
    for reply in record.replies:
        if reply.response:
            total = total + usage_of(json.loads(reply.response))
    return total


def _minus(total: Usage, part: Usage) -> Usage:
    diff = total - part
    return Usage(**{k: max(0, v) for k, v in diff.model_dump().items()})


def collect_job(
    run: JobRun, job: JobRecord, stats: CollectStats, done: set[str], *, progress: bool = False
) -> None:
    """Turn a downloaded job's results into rows and follow-ups; mark it ``collected``.

    Args:
        run: the open run.
        job: a downloaded job.
        stats: counters to update.
        done: ids that already have a collected row (updated as rows are written).
        progress: show a progress bar on stderr.
    """
    collector = _Collector(run, job, stats, done)
    reader = RecordReader(job)
    bar = _bar(progress, job)
    pool = ThreadPoolExecutor(max_workers=run.settings.concurrency, thread_name_prefix="collect")
    pending: dict[Future[tuple[str, Any, Usage]], tuple[ArticleRecord, bytes]] = {}
    ok = False

    def drain(limit: int) -> None:
        while len(pending) > limit:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                record, body = pending.pop(future)
                collector.settle(record, body, *future.result())
                if bar is not None:
                    bar.update(1)

    try:
        seen: set[str] = set()
        message = (job.data.get("status") or {}).get("message")
        whole_job_failed = (job.data.get("status") or {}).get("status") == "failed"
        paths = [job.results_dir / name for name in job.data.get("results", [])]
        results = iter(()) if whole_job_failed else run.api.results(paths)
        for result in results:
            seen.add(result.custom_id)
            record = reader.get(result.custom_id)
            if record is None:
                continue  # not a request of this job: nothing to write
            if record.article.id in done:
                stats.resumed += 1
                continue
            if result.outcome == "succeeded" and result.body is not None:
                future = pool.submit(collector.answer, record, result.body)
                pending[future] = (record, result.body)
                drain(2 * run.settings.concurrency)
            else:
                collector.failed(record, result)
                if bar is not None:
                    bar.update(1)
        drain(0)
        for cid in reader:
            if cid in seen:
                continue
            record = reader.get(cid)
            if record is None or record.article.id in done:
                continue
            why = f"the job failed: {message}" if whole_job_failed else "no result for this request"
            collector.failed(
                record,
                RequestResult(
                    cid,
                    "errored" if whole_job_failed else "expired",
                    error=why,
                    retryable=not whole_job_failed,
                ),
            )
        collector.followups.close()
        names = collector.followups.names
        ok = True
    finally:
        pool.shutdown(wait=ok, cancel_futures=not ok)
        if not ok:
            collector.followups.abandon()
        collector.close()
        reader.close()
        if bar is not None:
            bar.close()
    job.advance("collected", followups=names, collected=time.time())


def _bar(progress: bool, job: JobRecord) -> Any:
    if not progress:
        return None
    from tqdm import tqdm

    return tqdm(
        total=int(job.data.get("requests") or 0),
        unit="req",
        desc=f"collect {job.name}",
        file=sys.stderr,
        dynamic_ncols=True,
    )


__all__ = ["CollectStats", "JobRow", "collect_ended", "collect_job", "poll"]
