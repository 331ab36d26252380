"""A batch run spread over many workers: plan parts, run them anywhere, merge.

The same driver serves a local process pool (:mod:`visit_extract.batch.workers`) and a
Dask cluster (:mod:`visit_extract.batch.cluster`); it only needs a :class:`PartPool`
that runs :func:`~visit_extract.batch.partrun.run_part` somewhere and hands back its
report.

The run's state lives in ``OUTPUT.parts/`` next to the output: ``manifest.json`` (the
inputs and the parts they were cut into), one file per part, and ``prior-ids.jsonl``
when an earlier one-file output is being resumed. Every worker must see that folder and
the inputs at the same paths (on a cluster: a shared file system). A re-run with
``resume`` keeps the plan, skips finished parts and resumes unfinished ones by id; when
every part is done they are merged into the output (atomically) and the folder is
removed.
"""

from __future__ import annotations

import importlib
import json
import os
import pickle
import shutil
import sys
import time
from collections.abc import Mapping, Sequence
from concurrent.futures import BrokenExecutor, Future, as_completed
from pathlib import Path
from typing import Any, Protocol

from visit_extract.batch.lock import OutputLock
from visit_extract.batch.merge import merge_parts
from visit_extract.batch.options import PartsOptions, Unpack, check_options
from visit_extract.batch.partrun import (
    PRIOR_IDS,
    BudgetHandle,
    PartJob,
    PartReport,
    count_rows,
)
from visit_extract.batch.parts import Part, auto_part_bytes, expand_inputs, input_size, plan_parts
from visit_extract.batch.resume import check_producers, repair_output, scan_output
from visit_extract.batch.stats import BatchStats
from visit_extract.config import Settings
from visit_extract.errors import ConfigError, InputError
from visit_extract.io import detect_format
from visit_extract.registry import BackendFactory, backend_factory

MANIFEST = "manifest.json"
#: How often a broken local pool (a worker process killed) is rebuilt before giving up.
MAX_POOL_RESTARTS = 3


class PartPool(Protocol):
    """Somewhere to run parts: ``slots`` of them at a time. ``ships_by_value``: jobs
    travel with cloudpickle, so a backend factory defined at run time (a lambda in a
    notebook) reaches the workers too."""

    slots: int
    ships_by_value: bool

    def submit(self, job: PartJob) -> Future[PartReport]: ...

    def restart(self) -> bool:
        """Rebuild after a worker died and broke the pool; False when it cannot."""
        ...

    def close(self) -> None: ...


def parts_dir(output: str | Path) -> Path:
    """Where the parts of a run into ``output`` live: ``OUTPUT.parts/``."""
    out = Path(output)
    return out.with_name(out.name + ".parts")


def _input_fingerprint(paths: Sequence[Path]) -> list[dict[str, Any]]:
    return [
        {"path": str(p), "size": p.stat().st_size, "mtime_ns": p.stat().st_mtime_ns} for p in paths
    ]


def _write_json_atomic(path: Path, data: Any) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)


def _plan(
    run_dir: Path,
    paths: list[Path],
    *,
    input_format: str | None,
    part_bytes: int | None,
    slots: int,
) -> list[Part]:
    """The run's parts: the manifest's when resuming, else a new plan (saved)."""
    manifest = run_dir / MANIFEST
    inputs = _input_fingerprint(paths)
    if manifest.exists():
        saved = json.loads(manifest.read_text(encoding="utf-8"))
        if saved.get("inputs") != inputs:
            raise InputError(
                f"the inputs differ from those of the unfinished run in {run_dir} (other "
                "files, or files changed since); pass the same inputs, or --overwrite to "
                "start again"
            )
        return [Part.from_dict(p) for p in saved["parts"]]
    if part_bytes is None:
        total = sum(input_size(p, input_format or detect_format(p)) for p in paths)
        part_bytes = auto_part_bytes(total, slots)
    parts = plan_parts(paths, part_bytes=part_bytes, fmt=input_format)
    _write_json_atomic(
        manifest,
        {
            "version": 1,
            "inputs": inputs,
            "format": input_format,
            "part_bytes": part_bytes,
            "parts": [p.to_dict() for p in parts],
        },
    )
    return parts


def _prepare_dir(
    out: Path,
    run_dir: Path,
    *,
    resume: bool,
    overwrite: bool,
    retry_errors: bool,
    producer: tuple[str | None, str | None] | None,
) -> frozenset[str]:
    """Check the modes against what is on disk and set up ``run_dir`` (the output's
    lock is held).

    Args:
        producer: ``(backend, model)`` of this run; a resumed output written by another
            is refused. None: not checked (``force``).

    Returns:
        The ids of a resumed one-file output, whose rows are kept (else none).
    """
    if retry_errors and not resume:
        raise InputError("--retry-errors continues an earlier run: add --resume")
    if overwrite:
        shutil.rmtree(run_dir, ignore_errors=True)
        if out.exists():
            out.unlink()
    has_out = out.is_file() and out.stat().st_size > 0
    if not resume and not overwrite:
        if has_out:
            raise InputError(
                f"{out} already has results; pass --resume to continue that run "
                "or --overwrite to start again"
            )
        if run_dir.exists():
            raise InputError(
                f"{run_dir} holds an unfinished run into {out}; pass --resume to finish "
                "it or --overwrite to start again"
            )
    run_dir.mkdir(parents=True, exist_ok=True)
    prior = run_dir / PRIOR_IDS
    if resume and has_out:
        scan = scan_output(out)
        if producer is not None:
            check_producers(out, scan, *producer)
        repair_output(out, scan, drop_ids=scan.error_ids if retry_errors else set())
        tmp = prior.with_name(prior.name + ".tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(i, ensure_ascii=False) + "\n" for i in sorted(scan.ids))
        os.replace(tmp, prior)
        return frozenset(scan.ids)
    if prior.exists():
        prior.unlink()
    return frozenset()


def _producer(settings: Settings) -> tuple[str | None, str | None]:
    """What this run's rows will name, as a one-process run checks it on resume."""
    name = getattr(backend_factory(settings.resolved_backend), "name", None)
    return (name if isinstance(name, str) else None, settings.model)


def _registration(settings: Settings, pool: PartPool) -> tuple[str, BackendFactory] | None:
    """The backend to register in workers, when it can travel."""
    name = settings.resolved_backend
    factory = backend_factory(name)
    if pool.ships_by_value:
        return name, factory
    try:
        pickle.dumps(factory)
    except Exception:  # a lambda: only forked workers, which inherit it, will know it
        return None
    return name, factory


def _run_jobs(
    pool: PartPool, jobs: list[PartJob], stats: BatchStats, progress: bool
) -> list[PartReport]:
    """Run ``jobs`` on ``pool``, the largest parts first; rebuild a broken pool and run
    what was left."""
    pending = {job.part.index: job for job in jobs}
    reports: list[PartReport] = []
    bar: Any = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(jobs), unit="part", file=sys.stderr, dynamic_ncols=True)
    restarts = 0
    try:
        while pending:
            order = sorted(pending.values(), key=lambda j: -j.part.size)
            futures = {pool.submit(job): job.part.index for job in order}
            try:
                for future in as_completed(futures):
                    report = future.result()
                    pending.pop(futures[future], None)
                    reports.append(report)
                    stats.absorb(report.stats)
                    if bar is not None:
                        bar.update(1)
                        bar.set_postfix(stats.postfix(), refresh=False)
            except BrokenExecutor:
                for future in futures:
                    future.cancel()
                restarts += 1
                if restarts > MAX_POOL_RESTARTS or not pool.restart():
                    raise InputError(
                        f"worker processes died {restarts} times (out of memory?); the "
                        "finished parts are kept: rerun with --resume"
                    ) from None
            except BaseException:
                for future in futures:
                    future.cancel()
                raise
    finally:
        if bar is not None:
            bar.close()
    return reports


def run_parts(
    sources: str | Path | Sequence[str | Path],
    output: str | Path,
    *,
    pool: PartPool,
    settings: Settings | None = None,
    budget: BudgetHandle | None = None,
    **options: Unpack[PartsOptions],
) -> BatchStats:
    """Run a batch as parts on ``pool``, merge them into ``output``, export.

    Args:
        sources: input files, folders or glob patterns (``'dump/*.jsonl'``).
        output: the results file (JSONL), the same rows a one-process run writes.
        pool: where parts run.
        settings: the run's settings; from the environment when None.
        budget: the run's shared request and token budget.
        **options: the keys of :class:`~visit_extract.batch.options.PartsOptions`:
            ``resume`` (an interrupted run: parts, or a one-file output),
            ``overwrite`` (the output and any unfinished parts), ``retry_errors``,
            ``force``, ``input_format``, ``columns``, ``progress`` (a bar in parts),
            ``stats``, ``prefilter`` (as for every batch run), ``part_bytes`` and
            ``export`` (written after the merge: cross-outlet dedupe spans every part).

    Returns:
        The run's totals.
    """
    check_options("run_parts", options, PartsOptions)
    settings = settings if settings is not None else Settings.from_env()
    given = options.get("stats")
    stats = given if given is not None else BatchStats()
    resume = options.get("resume", False)
    retry_errors = options.get("retry_errors", False)
    input_format = options.get("input_format")
    columns = options.get("columns")
    paths = expand_inputs(sources)
    out = Path(output)
    out.parent.mkdir(parents=True, exist_ok=True)
    # One run at a time per output, as for one process: held from the first look at the
    # output to the merge.
    lock = OutputLock(out)
    lock.acquire()
    try:
        run_dir = parts_dir(out)
        done = _prepare_dir(
            out,
            run_dir,
            resume=resume,
            overwrite=options.get("overwrite", False),
            retry_errors=retry_errors,
            producer=None if options.get("force", False) else _producer(settings),
        )
        parts = _plan(
            run_dir,
            paths,
            input_format=input_format,
            part_bytes=options.get("part_bytes"),
            slots=pool.slots,
        )
        registration = _registration(settings, pool)
        jobs = [
            PartJob(
                part,
                str(run_dir),
                settings,
                columns=columns,
                prefilter=options.get("prefilter"),
                retry_errors=retry_errors,
                backend=registration,
                budget=budget,
            )
            for part in parts
        ]
        todo = [j for j in jobs if retry_errors or not j.final_path.exists()]
        for job in jobs:
            if job not in todo:
                stats.resumed += count_rows(job.final_path)
        try:
            _run_jobs(pool, todo, stats, options.get("progress", False))
        finally:
            stats.elapsed_s = time.perf_counter() - stats.started
        merged = merge_parts(
            parts, run_dir, out, keep_existing=bool(done), columns=columns, skip_ids=done
        )
        _count_duplicates(stats, merged.duplicates)
        shutil.rmtree(run_dir, ignore_errors=True)
    finally:
        lock.release()
    stats.elapsed_s = time.perf_counter() - stats.started
    export = options.get("export")
    if export:
        from visit_extract.batch.export import export_results

        export_results(out, articles=paths, articles_format=input_format, columns=columns, **export)
    return stats


def _count_duplicates(stats: BatchStats, replaced: Mapping[str, int]) -> None:
    """Part rows the merge turned into duplicate rows: count them as such."""
    for status, n in replaced.items():
        if status == "ok":
            stats.ok -= n
        elif status == "skipped":
            stats.skipped -= n
        else:
            stats.errors -= n
            stats.error_types["DatasetError"] -= n
        stats.errors += n
        stats.error_types["DatasetError"] += n


def run_dask(
    sources: str | Path | Sequence[str | Path], output: str | Path, **options: Any
) -> BatchStats:
    """Run a batch on a Dask cluster: :func:`visit_extract.batch.cluster.run_dask`,
    imported only when called, so that visit-extract works without Dask installed.

    Raises:
        ConfigError: ``dask.distributed`` is not installed.
    """
    try:
        cluster = importlib.import_module("visit_extract.batch.cluster")
    except ImportError as exc:
        if (exc.name or "").split(".")[0] not in ("dask", "distributed"):
            raise
        raise ConfigError(
            "the Dask engine needs dask.distributed: pip install 'visit-extract[dask]'"
        ) from None
    stats: BatchStats = cluster.run_dask(sources, output, **options)
    return stats


__all__ = ["MANIFEST", "PartPool", "parts_dir", "run_dask", "run_parts"]
