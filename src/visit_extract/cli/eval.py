"""``visit-extract eval``: score a backend or saved predictions against eval sets, and
``visit-extract eval compare A.json B.json``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from visit_extract.cli._common import (
    add_model_options,
    add_progress_option,
    add_rate_options,
    count,
    count_or_zero,
    settings_from_args,
)
from visit_extract.errors import ConfigError, InputError, OutputError
from visit_extract.eval.metrics import DEFAULT_BOOTSTRAP, DEFAULT_SEED
from visit_extract.io import describe_os_error, prepare_output

_EPILOG = """\
examples:
  visit-extract eval evals/seeds --backend rules --min visit=0.5 --min article=0.8
  visit-extract eval ../shared/corpus/dev --model openai/gpt-4o-mini --out run.json --html run.html
  visit-extract eval evals/seeds --predictions pred.jsonl
  visit-extract eval ../shared/corpus/dev --ids ../shared/corpus/dev_halves.tsv:check
  visit-extract eval compare base.json new.json

scored fields (for --min): article, visit, visitor.region, host.region, visitor.level,
  host.level, visitor.branch, host.branch, visitor.leader.name, host.leader.name,
  visitor.leader.title, host.leader.title, visitor.size, kind, start_date, end_date,
  topics, domains, agreement
"""


def register(sub: Any) -> None:
    """Add the ``eval`` sub-command."""
    p = sub.add_parser(
        "eval",
        help="score a backend (or saved predictions) against hand-labelled eval sets",
        description="Run extraction over eval sets (folders with articles.jsonl and "
        "gold.jsonl, see evals/README.md) and print per-field precision, recall, F1 with "
        "95% bootstrap intervals. 'visit-extract eval compare A.json B.json' compares two "
        "saved runs field by field.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("datasets", nargs="+", metavar="DATASET", help="eval set folder(s)")
    p.add_argument(
        "--predictions",
        type=Path,
        metavar="PRED.jsonl",
        help="score these saved predictions (VisitExtraction JSON lines with 'id', batch "
        "output, or a run's .articles.jsonl) instead of running a backend",
    )
    p.add_argument(
        "--out", "-o", "--output", type=Path, metavar="RUN.json", help="write the run here"
    )
    p.add_argument("--html", type=Path, metavar="REPORT.html", help="write an HTML report")
    p.add_argument(
        "--min",
        action="append",
        default=[],
        metavar="FIELD=F1",
        help="fail (exit 1) when FIELD's F1 is below the value; repeatable, "
        "e.g. --min visit=0.7 --min article=0.9",
    )
    p.add_argument("--limit", type=count, help="score only the first N labelled articles")
    p.add_argument(
        "--ids",
        metavar="FILE[:LABEL]",
        help="score only the articles whose ids FILE lists, one per line; with :LABEL only "
        "the lines whose second column is LABEL, e.g. ../shared/corpus/dev_halves.tsv:check",
    )
    run = p.add_argument_group("run (as for batch)")
    run.add_argument(
        "--concurrency",
        type=count,
        metavar="N",
        help="articles extracted at once (default 8; a backend may declare fewer: rules runs 1)",
    )
    add_rate_options(run)
    add_bootstrap_options(p)
    p.add_argument(
        "--diffs",
        nargs="?",
        type=count_or_zero,
        const=-1,
        metavar="N",
        help="after the table, list the field-level disagreements (of the N worst "
        "articles; all when N is left out)",
    )
    add_progress_option(p)
    add_model_options(p)
    p.set_defaults(func=run_eval)


def add_bootstrap_options(parser: argparse.ArgumentParser) -> None:
    """Add --bootstrap and --seed (a scoring run and compare both resample)."""
    parser.add_argument(
        "--bootstrap",
        type=count_or_zero,
        default=DEFAULT_BOOTSTRAP,
        metavar="N",
        help=f"bootstrap resamples for the intervals (default {DEFAULT_BOOTSTRAP}; 0: none)",
    )
    parser.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, help="bootstrap seed (default %(default)s)"
    )


def parse_minimums(specs: list[str]) -> dict[str, float]:
    """``["visit=0.7", ...]`` as ``{"visit": 0.7}``.

    Raises:
        ConfigError: a spec that is not FIELD=number in [0, 1].
    """
    out: dict[str, float] = {}
    for spec in specs:
        name, sep, raw = spec.partition("=")
        try:
            value = float(raw)
        except ValueError:
            value = -1.0
        if not sep or not name.strip() or not 0.0 <= value <= 1.0:
            raise ConfigError(f"--min {spec!r} is not FIELD=F1 with F1 in [0, 1]; e.g. visit=0.7")
        out[name.strip()] = value
    return out


def run_eval(args: argparse.Namespace) -> int:
    """Score and print the table; 1 when a --min threshold is not met."""
    from visit_extract.eval import check_minimums, check_thresholds, evaluate, side_file
    from visit_extract.eval.report import (
        format_disagreements,
        format_summary,
        format_table,
        render_html,
    )
    from visit_extract.eval.subsets import read_id_list

    minimums = parse_minimums(args.min)
    only = read_id_list(args.ids) if args.ids else None
    check_minimums(minimums)  # a misspelt field must not cost a whole run
    settings = None if args.predictions else settings_from_args(args)
    stream = side_file(args.out) if args.out else None
    for target in (args.out, stream, args.html):
        if target is not None:
            prepare_output(target)  # before the run: a typo must not cost the run
    try:
        run = evaluate(
            args.datasets,
            settings=settings,
            predictions=args.predictions,
            n_boot=args.bootstrap,
            seed=args.seed,
            limit=args.limit,
            progress=not args.no_progress,
            stream_to=stream,
            concurrency=args.concurrency,
            only=only,
        )
    except KeyboardInterrupt:
        if stream is not None:
            print(
                f"the articles scored so far are in {stream}; score them with "
                f"--predictions {stream}",
                file=sys.stderr,
            )
        raise
    print(format_table(run), flush=True)
    if args.diffs is not None:
        diffs = format_disagreements(run, limit=None if args.diffs < 0 else args.diffs)
        print("\n" + (diffs or "no disagreements"), flush=True)
    print(format_summary(run), file=sys.stderr)
    for warning in run.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if run.n_errors:
        failed = [r for r in run.articles if r.error]
        print(
            f"{run.n_errors} article(s) failed and were scored as empty predictions, "
            f"e.g. {failed[0].id}: {failed[0].error}",
            file=sys.stderr,
        )
    try:
        if args.out:
            run.save(args.out)
            print(f"run written to {args.out} (per article: {stream})", file=sys.stderr)
        if args.html:
            args.html.write_text(render_html(run), encoding="utf-8")
            print(f"report written to {args.html}", file=sys.stderr)
    except OSError as exc:
        raise OutputError(f"cannot write the run: {describe_os_error(exc)}") from None
    failures = check_thresholds(run, minimums)
    for failure in failures:
        print(f"FAILED {failure}", file=sys.stderr)
    if run.articles and run.n_errors == len(run.articles):
        print("no article was extracted: every one failed (see above)", file=sys.stderr)
        return 1
    return 1 if failures else 0


def compare_parser(parser_class: type[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """The parser of ``visit-extract eval compare`` (the top-level parser hands
    ``eval compare ...`` to it, so that ``eval compare --help`` is compare's help)."""
    p = parser_class(
        prog="visit-extract eval compare",
        usage="%(prog)s A.json B.json [--bootstrap N] [--seed SEED]",
        description="Compare two saved eval runs (eval --out) field by field: the F1 of "
        "each, the difference, a paired bootstrap interval, and whether it is beyond noise; "
        "then the articles that got better or worse.",
    )
    p.add_argument(
        "runs", nargs="*", metavar="RUN.json", help="the two run files to compare: A.json B.json"
    )
    add_bootstrap_options(p)
    p.set_defaults(func=run_compare)
    return p


def run_compare(args: argparse.Namespace) -> int:
    """``eval compare A.json B.json``: per-field deltas and whether they are beyond noise."""
    from visit_extract.eval import EvalRun, compare_runs, format_comparison

    if len(args.runs) != 2:
        raise InputError("usage: visit-extract eval compare A.json B.json (two run files)")
    a, b = EvalRun.load(args.runs[0]), EvalRun.load(args.runs[1])
    deltas = compare_runs(a, b, n_boot=args.bootstrap, seed=args.seed)
    print(format_comparison(a, b, deltas), flush=True)
    return 0
