"""The ``visit-extract`` command: a thin layer over the library.

Each sub-command lives in its own module exposing ``register(subparsers)``; the
library never imports this package.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from visit_extract import __version__
from visit_extract.errors import VisitExtractError

#: Modules that add sub-commands, in help order.
_COMMANDS = (
    "visit_extract.cli.extract",
    "visit_extract.cli.cache",
    "visit_extract.cli.batch",
    "visit_extract.cli.jobs",
    "visit_extract.cli.eval",
)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser (every sub-command registered)."""
    parser = argparse.ArgumentParser(
        prog="visit-extract",
        description="Extract Indonesian study visits (studi banding, studi tiru, "
        "kunjungan kerja) from news articles.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in _COMMANDS:
        importlib.import_module(module).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code (0 ok, 1 a check failed, 2 an error)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
    except VisitExtractError as exc:
        print(f"visit-extract: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("visit-extract: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
