"""Provider batch jobs: a dump through OpenAI's Batch API or Anthropic's Message
Batches, at half the price of live requests, into the same rows as a live batch run.

>>> settings = Settings(model="openai/gpt-4o-mini")
>>> report = submit_jobs("dump.jsonl", "runs/r.jsonl", settings=settings)  # doctest: +SKIP
>>> report = collect_jobs("runs/r.jsonl.jobs", wait=True)  # days later  # doctest: +SKIP
>>> print(report.summary())  # doctest: +SKIP

- :func:`submit_jobs` pre-filters the input, answers what the cache already holds,
  builds every other request with the live request path, splits them into jobs
  within the provider's limits and submits them. Everything needed to finish the run
  is written to a manifest folder (``OUTPUT.jobs`` by default).
- :func:`job_status` asks the provider how the jobs are doing; :func:`cancel_jobs`
  cancels them (their finished requests can still be collected).
- :func:`collect_jobs` downloads the results of ended jobs and writes one row per
  article (the live row plus ``job_id``), from the manifest alone; with ``wait=True``
  it polls until every job is collected. :func:`run_jobs` is submit and collect.

Every step can be killed (SIGKILL included) and run again: nothing is submitted twice
and no answer is lost. Modules: :mod:`.manifest` (the folder), :mod:`.run` (an
open run and its options), :mod:`.submit`, :mod:`.collect`, :mod:`.files`,
:mod:`.report`.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from visit_extract.backends.llm.prompting import PromptSet
from visit_extract.config import Settings
from visit_extract.errors import ConfigError, InputError
from visit_extract.jobs.collect import CollectStats, collect_ended, poll
from visit_extract.jobs.manifest import JobRecord, Manifest
from visit_extract.jobs.report import CostReport, cost_report
from visit_extract.jobs.run import (
    LOCAL_FIELDS,
    JobOptions,
    JobRun,
    settings_from_record,
    settings_record,
)
from visit_extract.jobs.submit import SubmitStats, submit_input
from visit_extract.schema import SCHEMA_VERSION


@dataclass
class JobReport:
    """Where a run stands after a command.

    Attributes:
        manifest: the manifest folder.
        output: the results file.
        jobs: every job's record (name, round, state, provider ids, last status).
        submit: what reading the input did (when this command read it).
        collect: what collecting did (when this command collected).
        cost: tokens and prices of everything collected so far.
        input_done: the whole input was read into rows and jobs (a submit that was
            killed before the end is finished by running it again).
        notes: what to do next, when there is something.
    """

    manifest: Path
    output: Path
    jobs: list[dict[str, Any]]
    submit: SubmitStats | None = None
    collect: CollectStats | None = None
    cost: CostReport | None = None
    input_done: bool = True
    notes: list[str] = field(default_factory=list)

    @property
    def finished(self) -> bool:
        """The input was read whole and every job is collected: every article of the
        run has its row."""
        return self.input_done and all(job["state"] == "collected" for job in self.jobs)

    @property
    def running(self) -> int:
        """Jobs the provider has not finished yet."""
        return sum(1 for job in self.jobs if job["state"] == "submitted")

    def table(self) -> str:
        """One line per job."""
        lines = [f"{'job':<22} {'provider id':<30} {'state':<10} {'status':<12} done/total"]
        for job in self.jobs:
            status = job.get("status") or {}
            total = status.get("total") or job.get("requests") or 0
            lines.append(
                f"{job['name']:<22} {job.get('batch_id') or '-':<30} {job['state']:<10} "
                f"{status.get('status') or '-':<12} {status.get('done', 0):,}/{total:,}"
            )
        return "\n".join(lines)

    def summary(self) -> str:
        """A plain-text report: jobs, what this command did, and the cost."""
        rows: list[tuple[str, str]] = []
        if self.submit is not None:
            s = self.submit
            rows += [
                ("input items read", f"{s.read:,}"),
                ("  already done or in a job", f"{s.resumed:,}"),
                ("  skipped by pre-filter", f"{s.skipped:,}"),
                ("  answered from cache", f"{s.cached:,}"),
                ("  error rows", f"{s.errors:,}"),
                ("  requests put into jobs", f"{s.queued:,}"),
            ]
        if self.collect is not None:
            c = self.collect
            rows += [
                ("answers collected", f"{c.answers:,} ({c.cached:,} already cached)"),
                ("request error rows", f"{sum(c.errors.values()):,}"),
            ]
            rows += [(f"  {name}", f"{n:,}") for name, n in sorted(c.errors.items())]
            rows += [
                ("resubmitted in a new job", f"{c.resubmitted:,}"),
                ("reasks put into a new job", f"{c.reasked:,}"),
            ]
        states: dict[str, int] = {}
        for job in self.jobs:
            states[job["state"]] = states.get(job["state"], 0) + 1
        rows.append(("jobs", ", ".join(f"{n} {s}" for s, n in states.items()) or "none"))
        if self.cost is not None:
            rows += self.cost.lines()
        width = max(len(k) for k, _ in rows)
        body = "\n".join(f"{k:<{width}}   {v}" for k, v in rows)
        line = "-" * min(100, width + 40)
        notes = "".join(f"\n{note}" for note in self.notes)
        return f"{line}\n{body}\n{line}{notes}"


def default_manifest(output: str | os.PathLike[str]) -> Path:
    """The manifest folder of an output file: ``OUTPUT.jobs``."""
    return Path(str(output) + ".jobs")


def _report(run: JobRun, **parts: Any) -> JobReport:
    jobs = []
    for job in run.manifest.jobs():
        jobs.append({**job.data, "batch_id": job.batch_id})
    report = JobReport(
        manifest=run.manifest.directory,
        output=run.output,
        jobs=jobs,
        cost=cost_report(run.model, run.manifest.jobs()),
        input_done=bool(run.manifest.data.get("input_done")),
        **parts,
    )
    if not report.input_done:
        report.notes.append(
            "the submit of this run stopped before the end of its input: run the same "
            "`visit-extract jobs submit` again to read the rest"
        )
    return report


def _open(directory: str | os.PathLike[str], overrides: dict[str, Any]) -> JobRun:
    manifest = Manifest.open(Path(directory))
    try:
        local = {k: v for k, v in overrides.items() if k in LOCAL_FIELDS}
        settings = settings_from_record(manifest.data.get("settings", {}), **local)
        return JobRun(manifest, settings)
    except BaseException:
        manifest.close()
        raise


def _start(
    output: Path,
    settings: Settings,
    directory: Path,
    options: JobOptions,
    overwrite: bool,
) -> JobRun:
    """Open the run of ``directory``, or create it."""
    if (directory / "manifest.json").exists():
        manifest = Manifest.open(directory)
        if Path(manifest.data["output"]) != output.resolve():
            manifest.close()
            raise InputError(
                f"{directory} is the run writing {manifest.data['output']}, not {output}; "
                "give its output file, or another --manifest folder"
            )
        try:
            return JobRun(manifest, settings)
        except BaseException:
            manifest.close()
            raise
    if output.is_file() and output.stat().st_size and not overwrite:
        raise InputError(
            f"{output} already has results and no run in {directory} writes it; give another "
            "output file, or --overwrite to start it afresh"
        )
    if not settings.model:
        raise ConfigError("provider batch jobs need a model: --model openai/... or anthropic/...")
    data = {
        "model": settings.model,
        "prompt_version": PromptSet.load().version,
        "schema_version": SCHEMA_VERSION,
        "settings": settings_record(settings),
        "output": str(output.resolve()),
        "options": {**options.__dict__},
    }
    manifest = Manifest.create(directory, data)
    try:
        run = JobRun(manifest, settings, overwrite=overwrite)
    except BaseException:
        manifest.close()
        raise
    manifest.data.update(provider=run.api.provider, base_url=run.builder.client.base_url)
    manifest.save()
    return run


def submit_jobs(
    source: str | os.PathLike[str],
    output: str | os.PathLike[str],
    *,
    settings: Settings | None = None,
    manifest: str | os.PathLike[str] | None = None,
    options: JobOptions | None = None,
    overwrite: bool = False,
    input_format: str | None = None,
    columns: str | dict[str, str] | None = None,
    progress: bool = False,
    wait: bool = False,
    poll_interval_s: float = 30.0,
) -> JobReport:
    """Read ``source`` into provider batch jobs and submit them; resume a killed submit.

    Args:
        source: JSONL (``.gz`` too), CSV, Parquet, or a folder of ``.txt`` files.
        output: the results file; pre-filter skips, cache hits and unreadable items
            get their rows now, the rest when collected.
        settings: model, endpoint, pre-filter, cache... (from the environment when None).
        manifest: the manifest folder (default ``OUTPUT.jobs``); an existing one is
            resumed with the settings and options it was made with.
        options: resubmission, batch reasks, job sizes (for a new run).
        overwrite: empty ``output`` first (a new run only).
        input_format: ``jsonl``, ``csv``, ``parquet`` or ``txt`` (default: from the name).
        columns: article field → input column (``"text=content,id=article_id"``).
        progress: show a progress bar on stderr.
        wait: then collect, polling every ``poll_interval_s`` seconds, until every job
            is collected (:func:`run_jobs`).
        poll_interval_s: seconds between polls.

    Raises:
        ConfigError: no model, settings or prompt files different from the run's.
        InputError: the output holds another run's rows, or the manifest is locked.
        ProviderError: the provider refused a job or the credentials.
    """
    settings = settings if settings is not None else Settings.from_env()
    out = Path(output)
    directory = Path(manifest) if manifest is not None else default_manifest(out)
    with _start(out, settings, directory, options or JobOptions(), overwrite) as run:
        stats = submit_input(
            run, source, input_format=input_format, columns=columns, progress=progress
        )
        if wait:
            report = _collect(run, wait=True, poll_interval_s=poll_interval_s, progress=progress)
            report.submit = stats
            return report
        poll(run)
        return _report(run, submit=stats)


def job_status(manifest: str | os.PathLike[str], **settings: Any) -> JobReport:
    """Ask the provider about every running job of the run in ``manifest``.

    Args:
        manifest: the manifest folder.
        **settings: ``api_key`` (else the provider's variable), ``request_timeout_s``,
            ``transport_attempts`` for the calls.
    """
    with _open(manifest, settings) as run:
        poll(run)
        return _report(run)


def cancel_jobs(manifest: str | os.PathLike[str], **settings: Any) -> JobReport:
    """Cancel every running job; their finished requests are still collected."""
    with _open(manifest, settings) as run:
        for job in run.manifest.jobs():
            if job.state == "submitted" and job.batch_id:
                run.api.cancel(job.batch_id)
        poll(run)
        return _report(run)


def collect_jobs(
    manifest: str | os.PathLike[str],
    *,
    wait: bool = False,
    poll_interval_s: float = 30.0,
    progress: bool = False,
    **settings: Any,
) -> JobReport:
    """Collect every ended job of the run in ``manifest`` into its output file.

    Args:
        manifest: the manifest folder.
        wait: poll every ``poll_interval_s`` seconds until every job (follow-up jobs
            included) is collected; otherwise collect what has ended and return.
        poll_interval_s: seconds between polls.
        progress: show progress on stderr.
        **settings: settings that may differ from the run's: ``api_key`` (never saved
            in the manifest: else the provider's variable), ``use_cache``,
            ``cache_dir``, ``concurrency`` (live reasks in flight),
            ``request_timeout_s``, ``transport_attempts``.

    Returns:
        The report; ``finished`` says whether every article now has its row.

    Raises:
        ConfigError: the prompt files or settings changed since the run was submitted.
        ProviderError: the provider refused a call (credentials...).
    """
    with _open(manifest, settings) as run:
        return _collect(run, wait=wait, poll_interval_s=poll_interval_s, progress=progress)


def _collect(run: JobRun, *, wait: bool, poll_interval_s: float, progress: bool) -> JobReport:
    stats = CollectStats()
    run.manifest.repair()
    bar = _WaitBar(progress)
    try:
        while True:
            jobs = poll(run)
            collect_ended(run, stats, progress=progress)
            jobs = run.manifest.jobs()
            running = [job for job in jobs if job.state != "collected"]
            if not running or not wait:
                break
            bar.show(running)
            time.sleep(poll_interval_s)
    finally:
        bar.close()
    report = _report(run, collect=stats)
    if report.running:
        report.notes.append(
            f"{report.running} job(s) still running: run `visit-extract jobs collect "
            f"{run.manifest.directory}` again later (or with --wait)"
        )
    return report


def run_jobs(
    source: str | os.PathLike[str], output: str | os.PathLike[str], **options: Any
) -> JobReport:
    """:func:`submit_jobs` with ``wait=True``: submit, then collect until every job is
    collected. ``options`` are those of :func:`submit_jobs`."""
    return submit_jobs(source, output, wait=True, **options)


class _WaitBar:
    """Requests done across the running jobs, while waiting (stderr)."""

    def __init__(self, enabled: bool):
        self._enabled = enabled
        self._bar: Any = None

    def show(self, running: list[JobRecord]) -> None:
        if not self._enabled:
            return
        total = sum(int(job.data.get("requests") or 0) for job in running)
        done = sum(int((job.data.get("status") or {}).get("done") or 0) for job in running)
        if self._bar is None:
            from tqdm import tqdm

            self._bar = tqdm(total=total, unit="req", desc="provider", file=sys.stderr)
        self._bar.total = total
        self._bar.n = done
        self._bar.set_postfix_str(f"{len(running)} job(s) running", refresh=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


__all__ = [
    "JobOptions",
    "JobReport",
    "cancel_jobs",
    "collect_jobs",
    "default_manifest",
    "job_status",
    "run_jobs",
    "submit_jobs",
]
