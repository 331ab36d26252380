"""The ``visit-extract`` command: a thin layer over the library.

Each sub-command lives in its own module exposing ``register(subparsers)``; the
library never imports this package.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from visit_extract import __version__
from visit_extract.errors import VisitExtractError, VisitExtractWarning
from visit_extract.io import describe_os_error

#: Modules that add sub-commands, in help order.
_COMMANDS = (
    "visit_extract.cli.extract",
    "visit_extract.cli.cache",
    "visit_extract.cli.batch",
    "visit_extract.cli.jobs",
    "visit_extract.cli.eval",
    "visit_extract.cli.network",
)


class OneLineParser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr (exit 2), pointing at
    ``--help`` instead of printing the usage block. Sub-command parsers are made of the
    same class."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser (every sub-command registered)."""
    parser = OneLineParser(
        prog="visit-extract",
        description="Extract Indonesian study visits (studi banding, studi tiru, "
        "kunjungan kerja) from news articles.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in _COMMANDS:
        importlib.import_module(module).register(sub)
    return parser


_default_show = warnings.showwarning


def _show_warning(message: Any, category: Any, *args: Any, **kwargs: Any) -> None:
    """The library's warnings as one line each on stderr (no file and line of code)."""
    if isinstance(category, type) and issubclass(category, VisitExtractWarning):
        print(f"visit-extract: warning: {message}", file=sys.stderr)
    else:
        _default_show(message, category, *args, **kwargs)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code (0 ok, 1 a check failed, 2 an error)."""
    for stream in (sys.stdout, sys.stderr):
        # Text the terminal's encoding cannot show (a lone surrogate in an id) is
        # printed as its escape rather than ending the run.
        reconfigure = getattr(stream, "reconfigure", None)
        if callable(reconfigure):
            reconfigure(errors="backslashreplace")
    with warnings.catch_warnings():
        warnings.simplefilter("always", VisitExtractWarning)
        warnings.showwarning = _show_warning
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    if given[:2] == ["eval", "compare"] and not Path("compare").exists():
        from visit_extract.cli.eval import compare_parser

        args = compare_parser(OneLineParser).parse_args(given[2:])
    else:
        args = build_parser().parse_args(given)
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
    except OSError as exc:
        # A file problem no command foresaw (a folder that vanished, a full disk): one
        # line naming the file, not a traceback.
        print(f"visit-extract: error: {describe_os_error(exc)}", file=sys.stderr)
        return 2
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
