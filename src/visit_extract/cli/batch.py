"""``visit-extract batch`` (a dump in, one JSONL row per article out) and
``visit-extract export`` (results to CSV/Parquet visits and a visit network)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from visit_extract.cli._common import add_model_options, settings_from_args
from visit_extract.errors import InputError
from visit_extract.io import INPUT_FORMATS


def register(sub: Any) -> None:
    """Add the ``batch`` and ``export`` sub-commands."""
    p = sub.add_parser(
        "batch",
        help="extract every article of a dump into a JSONL file (resumable)",
        description="Extract the study visits of every article in INPUT (JSONL or "
        "JSONL.gz, CSV, Parquet, or a folder of .txt files) into OUTPUT, one JSON row per "
        "article: the extraction, an error row, or a pre-filter skip. Rows are written as "
        "they complete; after a crash or Ctrl-C, rerun with --resume.",
    )
    p.add_argument("input", metavar="INPUT", type=Path)
    p.add_argument("-o", "--output", type=Path, required=True, help="results file (JSONL)")
    p.add_argument("--format", choices=INPUT_FORMATS, help="input format (default: from name)")
    p.add_argument(
        "--map",
        dest="columns",
        metavar="FIELD=COLUMN,...",
        help="read article fields from other columns, e.g. text=content,id=article_id",
    )
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--resume", action="store_true", help="skip ids already in OUTPUT")
    mode.add_argument("--overwrite", action="store_true", help="discard what OUTPUT holds")
    p.add_argument(
        "--retry-errors",
        action="store_true",
        help="with --resume: do the articles with error rows again (their rows are replaced)",
    )
    run = p.add_argument_group("run")
    run.add_argument(
        "--no-prefilter",
        action="store_true",
        help="send every article to the backend (default: the rules relevance filter "
        "decides which articles reach an LLM)",
    )
    run.add_argument("--prefilter-threshold", type=float, help="relevance cut-off (default 0.5)")
    run.add_argument("--concurrency", type=int, help="articles in flight at once (default 8)")
    run.add_argument("--rpm", type=float, help="client-side requests-per-minute limit")
    run.add_argument("--tpm", type=float, help="client-side tokens-per-minute limit")
    run.add_argument(
        "--article-timeout", type=float, help="seconds one article may take (default 300)"
    )
    run.add_argument("--no-progress", action="store_true", help="no progress bar")
    run.add_argument(
        "--provider-batch",
        action="store_true",
        help="send the requests as provider batch jobs at half price and wait for them "
        "(as `visit-extract jobs run`, whose options it takes at their defaults)",
    )
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
    e.add_argument("--format", choices=INPUT_FORMATS, help="format of --articles")
    e.add_argument("--map", dest="columns", metavar="FIELD=COLUMN,...", help="as for batch")
    e.add_argument("--csv", type=Path, help="visits as CSV, one row per visit")
    e.add_argument("--parquet", type=Path, help="visits as Parquet (needs pyarrow)")
    e.add_argument("--edges", type=Path, help="edge list CSV: visitor region → host region")
    e.add_argument("--graphml", type=Path, help="the network as GraphML")
    e.add_argument(
        "--window-days",
        type=int,
        default=7,
        help="reports whose visit dates lie within this many days are one event (default 7)",
    )
    e.set_defaults(func=run_export_command)


def run_batch_command(args: argparse.Namespace) -> int:
    """Run the batch and print the summary table to stderr."""
    if args.provider_batch:
        from visit_extract.cli.jobs import run_command

        return run_command(args)
    from visit_extract.batch import BatchStats, run_batch

    settings = settings_from_args(args).replace(
        prefilter=False if args.no_prefilter else None,
        prefilter_threshold=args.prefilter_threshold,
        concurrency=args.concurrency,
        requests_per_minute=args.rpm,
        tokens_per_minute=args.tpm,
        article_timeout_s=args.article_timeout,
    )
    if not args.input.exists():
        raise InputError(f"{args.input} does not exist; give a dump file or a folder")
    if args.retry_errors and not args.resume:
        raise InputError("--retry-errors continues an earlier run: add --resume")
    stats = BatchStats()
    try:
        run_batch(
            args.input,
            args.output,
            settings=settings,
            resume=args.resume,
            overwrite=args.overwrite,
            retry_errors=args.retry_errors,
            input_format=args.format,
            columns=args.columns,
            progress=not args.no_progress,
            stats=stats,
        )
    except KeyboardInterrupt:
        print(stats.summary(), file=sys.stderr)
        print(
            f"interrupted: {args.output} holds only complete rows; rerun with --resume to finish",
            file=sys.stderr,
        )
        raise
    print(stats.summary(), file=sys.stderr)
    print(f"results: {args.output}", file=sys.stderr)
    return 0


def run_export_command(args: argparse.Namespace) -> int:
    """Export visits and the network; say what was written."""
    from visit_extract.batch.export import export_results

    targets = {
        "csv": args.csv,
        "parquet": args.parquet,
        "edges": args.edges,
        "graphml": args.graphml,
    }
    if not any(targets.values()):
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
