"""``visit-extract jobs submit|status|collect|cancel|run``: a dump through provider
batch jobs (OpenAI Batch API, Anthropic Message Batches) at half the live price."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from visit_extract.cli._common import (
    above_zero,
    add_input_options,
    add_model_options,
    add_progress_option,
    count,
    fraction,
    settings_from_args,
)
from visit_extract.cli.batch import expand_inputs
from visit_extract.errors import InputError

#: ``collect`` exit code while jobs are still running (scripts poll until 0).
EXIT_RUNNING = 3


def register(sub: Any) -> None:
    """Add the ``jobs`` sub-command and its actions."""
    p = sub.add_parser(
        "jobs",
        help="run a dump through provider batch jobs at half price (submit, status, collect)",
        description="Provider batch jobs: the same requests as live ones (OpenAI Batch API, "
        "Anthropic Message Batches, or an OpenAI-compatible server with /v1/batches), "
        "answered within 24 hours at half the price. `submit` reads INPUT into jobs and "
        "writes a manifest folder (OUTPUT.jobs); `collect` writes one row per article into "
        "OUTPUT from that folder alone, even days later. Every step can be killed and "
        "run again.",
    )
    actions = p.add_subparsers(dest="jobs_action", metavar="ACTION", required=True)
    for name, text in (
        ("submit", "read INPUT into jobs and submit them (resumes a killed submit)"),
        ("run", "submit, then wait for the jobs and collect them"),
    ):
        a = actions.add_parser(name, help=text, description=text)
        a.add_argument("input", metavar="INPUT", type=Path)
        a.add_argument("-o", "--output", type=Path, required=True, help="results file (JSONL)")
        _input_options(a)
        add_model_options(a)
        if name == "run":
            _wait_options(a)
        a.set_defaults(func=run_command, wait=True)
    for name, text in (
        ("status", "ask the provider how the run's jobs are doing"),
        ("collect", "write the answers of ended jobs into the output (exit 3: jobs still running)"),
        ("cancel", "cancel the run's running jobs (finished requests are still collected)"),
    ):
        a = actions.add_parser(name, help=text, description=text)
        a.add_argument("manifest", metavar="MANIFEST", type=Path, help="the run's folder")
        a.add_argument("--api-key", help="API key (default: the provider's variable)")
        add_progress_option(a)
        if name == "status":
            a.add_argument("--json", action="store_true", help="print the jobs as JSON")
        if name == "collect":
            a.add_argument("--wait", action="store_true", help="poll until every job is collected")
            _wait_options(a)
            a.add_argument("--concurrency", type=count, help="live reasks in flight (default 8)")
            a.add_argument("--no-cache", action="store_true", help="do not store answers")
            a.add_argument("--cache-dir", type=Path, help="answer cache location")
        a.set_defaults(func=manage_command)


def _input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--manifest", type=Path, help="the run's folder (default: OUTPUT.jobs)")
    add_input_options(p)
    p.add_argument("--overwrite", action="store_true", help="start OUTPUT afresh (a new run)")
    p.add_argument("--no-prefilter", action="store_true", help="send every article")
    p.add_argument("--prefilter-threshold", type=fraction, help="pre-filter cut-off (default 0.5)")
    add_progress_option(p)
    jobs = p.add_argument_group("jobs")
    jobs.add_argument(
        "--on-failed",
        choices=("error", "resubmit"),
        default="error",
        help="an expired, cancelled or failed request becomes an error row (default) or is "
        "submitted again in a new job",
    )
    jobs.add_argument(
        "--reask",
        choices=("live", "batch"),
        default="live",
        help="ask an invalid answer again live at once (default), or in a new batch job",
    )
    jobs.add_argument("--max-rounds", type=count, default=3, help="rounds of jobs (default 3)")
    jobs.add_argument(
        "--job-max-requests", type=count, help="requests per job (default: provider's)"
    )
    jobs.add_argument("--job-max-mb", type=above_zero, help="MB per job (default: provider's)")
    jobs.add_argument(
        "--keep-requests", action="store_true", help="keep each job file after submitting"
    )


def _wait_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--poll-interval", type=above_zero, default=30.0, help="seconds between polls (default 30)"
    )


def run_command(args: argparse.Namespace) -> int:
    """``jobs submit`` and ``jobs run`` (also ``batch --provider-batch``)."""
    from visit_extract.jobs.api import JobOptions, run_jobs, submit_jobs

    # `jobs submit|run` take one INPUT path, `batch --provider-batch` its list of inputs
    given = args.input if isinstance(args.input, list) else [str(args.input)]
    inputs = expand_inputs(given)
    if len(inputs) != 1:
        raise InputError(
            f"provider batch jobs read one input, got {len(inputs)}; join the files first "
            "or run one submit per file (each with its own OUTPUT)"
        )
    source = inputs[0]
    settings = settings_from_args(
        args,
        prefilter=False if args.no_prefilter else None,
        prefilter_threshold=args.prefilter_threshold,
    )
    # `batch --provider-batch` has none of the job options: the defaults apply.
    mb = getattr(args, "job_max_mb", None)
    options = JobOptions(
        on_failed=getattr(args, "on_failed", "error"),
        reask=getattr(args, "reask", "live"),
        max_rounds=getattr(args, "max_rounds", 3),
        max_requests=getattr(args, "job_max_requests", None),
        max_bytes=int(mb * 1_000_000) if mb else None,
        keep_requests=getattr(args, "keep_requests", False),
    )
    common: dict[str, Any] = {
        "settings": settings,
        "manifest": getattr(args, "manifest", None),
        "options": options,
        "overwrite": args.overwrite,
        "input_format": args.format,
        "columns": args.columns,
        "progress": not args.no_progress,
    }
    action = getattr(args, "jobs_action", "run")
    if action == "submit":
        report = submit_jobs(source, args.output, **common)
    else:
        poll = getattr(args, "poll_interval", 30.0)
        report = run_jobs(source, args.output, poll_interval_s=poll, **common)
    print(report.table(), file=sys.stderr)
    print(report.summary(), file=sys.stderr)
    print(f"manifest: {report.manifest}\nresults: {report.output}", file=sys.stderr)
    return 0 if report.finished or action == "submit" else EXIT_RUNNING


def manage_command(args: argparse.Namespace) -> int:
    """``jobs status``, ``jobs collect`` and ``jobs cancel``."""
    from visit_extract.jobs.api import cancel_jobs, collect_jobs, job_status

    key = {"api_key": args.api_key}
    if args.jobs_action == "status":
        report = job_status(args.manifest, **key)
        if args.json:
            print(json.dumps(report.jobs, indent=1, default=str))
        else:
            print(report.table())
        return 0
    if args.jobs_action == "cancel":
        report = cancel_jobs(args.manifest, **key)
        print(report.table())
        return 0
    report = collect_jobs(
        args.manifest,
        wait=args.wait,
        poll_interval_s=args.poll_interval,
        progress=not args.no_progress,
        concurrency=args.concurrency,
        use_cache=False if args.no_cache else None,
        cache_dir=args.cache_dir,
        **key,
    )
    print(report.table(), file=sys.stderr)
    print(report.summary(), file=sys.stderr)
    return 0 if report.finished else EXIT_RUNNING
