"""``visit-extract batch`` (a dump in, one JSONL row per article out) and
``visit-extract export`` (results to CSV/Parquet visits and a visit network)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from visit_extract.cli._common import (
    add_input_options,
    add_model_options,
    add_progress_option,
    add_rate_options,
    add_window_option,
    count,
    fraction,
    settings_from_args,
)
from visit_extract.errors import InputError

if TYPE_CHECKING:
    from visit_extract.batch import BatchStats
    from visit_extract.batch.options import RunOptions
    from visit_extract.config import Settings


def register(sub: Any) -> None:
    """Add the ``batch`` and ``export`` sub-commands."""
    p = sub.add_parser(
        "batch",
        help="extract every article of a dump into a JSONL file (resumable)",
        description="Extract the study visits of every article in INPUT (JSONL or "
        "JSONL.gz, CSV, Parquet, or a folder of .txt files) into OUTPUT, one JSON row per "
        "article: the extraction, an error row, or a pre-filter skip. Rows are written as "
        "they complete; after a crash or Ctrl-C, rerun with --resume. With --workers N or "
        "--engine dask the input is cut into parts run in parallel, then merged into "
        "OUTPUT.",
    )
    p.add_argument(
        "input",
        metavar="INPUT",
        nargs="+",
        help="dump file(s) or folder(s), read in turn; a quoted glob ('dumps/*.jsonl') is expanded",
    )
    p.add_argument("-o", "--output", "--out", type=Path, required=True, help="results file (JSONL)")
    add_input_options(p)
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--resume", action="store_true", help="skip ids already in OUTPUT")
    mode.add_argument("--overwrite", action="store_true", help="discard what OUTPUT holds")
    p.add_argument(
        "--retry-errors",
        action="store_true",
        help="with --resume: do the articles with error rows again (their rows are replaced)",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="with --resume: continue an OUTPUT that another backend or model wrote",
    )
    run = p.add_argument_group("run")
    run.add_argument(
        "--no-prefilter",
        action="store_true",
        help="send every article to the backend (default: the recall-first pre-filter "
        "decides which articles reach an LLM)",
    )
    run.add_argument(
        "--prefilter-threshold", type=fraction, help="pre-filter cut-off (default 0.5)"
    )
    run.add_argument(
        "--concurrency",
        type=count,
        help="articles in flight at once (default 8; a backend may declare fewer: rules runs 1)",
    )
    add_rate_options(run)
    add_progress_option(run)
    run.add_argument(
        "--dry-run",
        action="store_true",
        help="run only the pre-filter (no key, no request): OUTPUT gets one row per article, "
        "'skipped': 'dry-run' for those that would reach the model; prints how many and "
        "the estimated cost",
    )
    run.add_argument(
        "--provider-batch",
        action="store_true",
        help="send the requests as provider batch jobs at half price and wait for them "
        "(as `visit-extract jobs run`, whose options it takes at their defaults)",
    )
    scale = p.add_argument_group("many cores or a cluster")
    scale.add_argument(
        "--workers",
        type=count,
        help="run on N processes (with --engine dask: N workers of the local cluster)",
    )
    scale.add_argument(
        "--engine",
        choices=("local", "dask"),
        help="local: this machine's processes (default); dask: a Dask cluster",
    )
    scale.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="the Dask scheduler to use, e.g. tcp://10.0.0.5:8786 (implies --engine dask; "
        "default: a local cluster)",
    )
    scale.add_argument(
        "--part-size",
        type=_size,
        metavar="SIZE",
        help="input bytes per part, e.g. 64M (default: about 8 parts per worker)",
    )
    _add_export_targets(p.add_argument_group("exports (after the run, over every article)"))
    add_model_options(p)
    p.set_defaults(func=run_batch_command)

    e = sub.add_parser(
        "export",
        help="turn batch results into visit tables and a visitor→host network",
        description="Read a batch results file and write one row per visit (CSV and/or "
        "Parquet) and the network of visitor region → host region (edge-list CSV and/or "
        "GraphML). The same visit reported by several outlets gets one event id.",
    )
    e.add_argument("results", metavar="RESULTS", type=Path)
    e.add_argument(
        "--articles",
        type=Path,
        help="the batch input, to add outlet, url, title and publication date "
        "(publication dates also help to match reports of the same visit)",
    )
    add_input_options(e, of="--articles")
    _add_export_targets(e)
    e.set_defaults(func=run_export_command)


def _add_export_targets(group: Any) -> None:
    group.add_argument("--csv", type=Path, help="visits as CSV, one row per visit")
    group.add_argument("--parquet", type=Path, help="visits as Parquet (needs pyarrow)")
    group.add_argument("--edges", type=Path, help="edge list CSV: visitor region → host region")
    group.add_argument("--graphml", type=Path, help="the network as GraphML")
    add_window_option(group, same="event")


def _size(text: str) -> int:
    """``64M``, ``512k``, ``1G`` or plain bytes."""
    units = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30}
    value = text.strip().lower().removesuffix("b")
    scale = units.get(value[-1:], 1)
    try:
        size = int(float(value[:-1] if scale > 1 else value) * scale)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size such as 64M") from None
    if size < 1:
        raise argparse.ArgumentTypeError("the part size must be positive")
    return size


def _export_targets(args: argparse.Namespace) -> dict[str, Any]:
    return {k: getattr(args, k) for k in ("csv", "parquet", "edges", "graphml") if getattr(args, k)}


def run_batch_command(args: argparse.Namespace) -> int:
    """Run the batch (on one process, N processes or a Dask cluster), print the summary
    table to stderr and write the exports asked for; 1 when nothing was extracted."""
    engine = _engine(args)
    if args.provider_batch:
        if engine is not None:
            raise InputError("--provider-batch submits from one place: leave out --workers")
        from visit_extract.cli.jobs import run_command

        return run_command(args)
    from visit_extract.batch import BatchStats, run_batch

    settings = settings_from_args(
        args,
        prefilter=False if args.no_prefilter else None,
        prefilter_threshold=args.prefilter_threshold,
        concurrency=args.concurrency,
    )
    inputs = expand_inputs(args.input)
    if (args.retry_errors or args.force) and not args.resume:
        flag = "--retry-errors" if args.retry_errors else "--force"
        raise InputError(f"{flag} continues an earlier run: add --resume")
    if args.dry_run:
        if engine is not None:
            raise InputError("--dry-run runs on one process: leave out --workers and --engine")
        return _dry_run(args, settings, inputs)
    stats = BatchStats()
    options: RunOptions = {
        "resume": args.resume,
        "overwrite": args.overwrite,
        "retry_errors": args.retry_errors,
        "force": args.force,
        "input_format": args.format,
        "columns": args.columns,
        "progress": not args.no_progress,
        "stats": stats,
    }
    try:
        if engine is None:
            source = inputs[0] if len(inputs) == 1 else inputs
            run_batch(source, args.output, settings=settings, **options)
        else:
            _run_scaled(engine, args, inputs, settings, options)
    except KeyboardInterrupt:
        from visit_extract.batch.scaleout import parts_dir

        print(stats.summary(), file=sys.stderr)
        kept = (
            f"finished parts are kept in {parts_dir(args.output)}"
            if engine is not None
            else f"{args.output} holds only complete rows"
        )
        print(f"interrupted: {kept}; rerun with --resume to finish", file=sys.stderr)
        raise
    print(stats.summary(), file=sys.stderr)
    print(f"results: {args.output}", file=sys.stderr)
    targets = _export_targets(args)
    if targets:
        from visit_extract.batch.export import export_results

        report = export_results(
            args.output,
            articles=inputs,
            articles_format=args.format,
            columns=args.columns,
            window_days=args.window_days,
            **targets,
        )
        print(report.summary(), file=sys.stderr)
    return _outcome(stats)


def _engine(args: argparse.Namespace) -> str | None:
    """``local`` or ``dask`` for a run cut into parts, None for one process.

    Raises:
        InputError: options that do not go together.
    """
    engine = args.engine or ("dask" if args.scheduler else None)
    if args.scheduler and engine != "dask":
        raise InputError("--scheduler names a Dask scheduler: use it with --engine dask")
    if args.scheduler and args.workers is not None:
        raise InputError(
            "--workers sizes a local cluster; with --scheduler the cluster's own workers run"
        )
    if engine is None and args.workers is not None:
        engine = "local"
    if args.part_size is not None and engine is None:
        raise InputError("--part-size cuts the input for --workers or --engine dask")
    return engine


def _run_scaled(
    engine: str,
    args: argparse.Namespace,
    inputs: list[Path],
    settings: Settings,
    options: RunOptions,
) -> None:
    from visit_extract.batch import run_dask, run_parallel

    if engine == "dask":
        run_dask(
            inputs,
            args.output,
            scheduler=args.scheduler,
            n_workers=args.workers,
            settings=settings,
            part_bytes=args.part_size,
            **options,
        )
    else:
        run_parallel(
            inputs,
            args.output,
            workers=args.workers,
            settings=settings,
            part_bytes=args.part_size,
            **options,
        )


def expand_inputs(given: list[str]) -> list[Path]:
    """The input paths: each as given, or the files a glob pattern matches (sorted).

    Raises:
        InputError: a path that does not exist, or a pattern that matches nothing.
    """
    from visit_extract.batch.parts import expand_inputs as expand

    return expand(given)


def _outcome(stats: BatchStats) -> int:
    """1 when the run extracted nothing it was given (every article failed, or the
    input held none), with one line saying so; else 0."""
    if stats.done and not (stats.ok or stats.skipped):
        kinds = ", ".join(f"{n} {name}" for name, n in stats.error_types.most_common(3))
        print(f"no article was extracted: {stats.errors} failed ({kinds})", file=sys.stderr)
        return 1
    if not stats.done and not stats.resumed:
        print("no article was extracted: the input holds no articles", file=sys.stderr)
        return 1
    return 0


def _dry_run(args: argparse.Namespace, settings: Any, inputs: list[Path]) -> int:
    """``batch --dry-run``: the plan file and its summary."""
    from visit_extract.batch.plan import plan_batch

    if args.resume:
        raise InputError("--dry-run writes a new plan: leave out --resume")
    plan = plan_batch(
        inputs,
        args.output,
        settings=settings,
        overwrite=args.overwrite,
        progress=not args.no_progress,
        input_format=args.format,
        columns=args.columns,
    )
    print(plan.summary(), file=sys.stderr)
    print(f"plan: {args.output}", file=sys.stderr)
    return 0


def run_export_command(args: argparse.Namespace) -> int:
    """Export visits and the network; say what was written."""
    from visit_extract.batch.export import export_results

    targets = _export_targets(args)
    if not targets:
        raise InputError(
            "nothing to write: give at least one of --csv, --parquet, --edges, --graphml"
        )
    report = export_results(
        args.results,
        articles=args.articles,
        articles_format=args.format,
        columns=args.columns,
        window_days=args.window_days,
        **targets,
    )
    print(report.summary(), file=sys.stderr)
    return 0
