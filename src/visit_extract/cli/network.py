"""``visit-extract network``: the diffusion network of batch output or gold files."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from visit_extract.cli._common import add_input_options, add_window_option, count


def register(sub: Any) -> None:
    """Add the ``network`` sub-command."""
    p = sub.add_parser(
        "network",
        help="who learns from whom: tables, a summary and an interactive page",
        description="Build the visitor region → host region network of batch output files "
        "(visit-extract batch) or gold labels (gold.jsonl or an eval-set folder), print a "
        "summary (top model regions and learners, busiest years and domains, learning "
        "chains) and write the tables, an interactive HTML page and a GIS table. Reports "
        "of the same visit by several outlets count once.",
    )
    p.add_argument("inputs", metavar="INPUT", type=Path, nargs="+")
    p.add_argument(
        "--articles",
        type=Path,
        action="append",
        default=[],
        help="the batch input, for outlet, url, title and publication date (repeatable; "
        "the articles.jsonl beside a gold file is read without it)",
    )
    add_input_options(p, of="--articles")
    p.add_argument("--html", type=Path, help="write the interactive page here")
    p.add_argument("--title", help="heading of the page")
    p.add_argument(
        "--out",
        type=Path,
        help="write every table as CSV into this folder (events, edges, nodes, years, "
        "domains, programmes, adopters)",
    )
    p.add_argument(
        "--geo",
        type=Path,
        help="write a CSV of the regions keyed by Kemendagri code, to join to boundary files",
    )
    p.add_argument("--top", type=count, default=5, help="entries in each ranking (default 5)")
    add_window_option(p, same="visit")
    p.set_defaults(func=run_network_command)


def run_network_command(args: argparse.Namespace) -> int:
    """Build the network, print the summary, write what was asked for."""
    from visit_extract.network import (
        build_network,
        format_summary,
        write_geo,
        write_html,
        write_tables,
    )

    net = build_network(
        args.inputs,
        articles=args.articles,
        articles_format=args.format,
        columns=args.columns,
        window_days=args.window_days,
    )
    print(format_summary(net, top=args.top))
    if args.out:
        for name, path in write_tables(net, args.out).items():
            print(f"wrote {name}: {path}")
    if args.html:
        print(f"wrote page: {write_html(net, args.html, title=args.title)}")
    if args.geo:
        left_out = write_geo(net, args.geo)
        print(f"wrote geo table: {args.geo} ({left_out} foreign or unresolved places have no code)")
    return 0
