"""``visit-extract extract`` and ``visit-extract schema``."""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from datetime import date
from typing import Any

from visit_extract.cli._common import above_zero, add_model_options, settings_from_args
from visit_extract.cli.view import MORE, format_extraction
from visit_extract.errors import ConfigError, DatasetError, InputError, VisitExtractError
from visit_extract.extract import extract_visit
from visit_extract.io import json_problem
from visit_extract.schema import VisitExtraction


def register(sub: Any) -> None:
    """Add the ``extract`` and ``schema`` sub-commands."""
    p = sub.add_parser(
        "extract",
        help="extract the study visits of one article (text file, JSONL, or - for stdin)",
        description="Print the extraction of an article: a short summary on a terminal, "
        "JSON when the output is piped or with --json. PATH is a text file, a JSONL file "
        "of articles ({id, text, published, ...} a line; one JSON result a line), either "
        "optionally gzipped (.gz), or - to read standard input.",
    )
    p.add_argument("path", metavar="PATH|-")
    p.add_argument(
        "--published",
        type=iso_date,
        help="publication date YYYY-MM-DD (resolves 'Senin (25/2)')",
    )
    p.add_argument("--json", action="store_true", help="JSON even on a terminal")
    p.add_argument("--compact", action="store_true", help="one line of JSON, no indentation")
    p.add_argument(
        "--article-timeout",
        type=above_zero,
        help="seconds one article may take (default 300)",
    )
    add_model_options(p)
    p.set_defaults(func=run_extract)

    s = sub.add_parser("schema", help="print the JSON Schema of an extraction")
    s.set_defaults(func=run_schema)


def iso_date(text: str) -> date:
    """``--published``: a real day written YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        shape = len(text) == 10 and text[4] == "-" and text[7] == "-"
        why = f" ({exc})" if shape else ", write YYYY-MM-DD"
        raise argparse.ArgumentTypeError(f"{text!r} is not a valid date{why}") from None


def _read_input(path: str) -> str:
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError as exc:
            raise InputError(f"cannot read {path}: {exc.strerror}") from None
    if path.endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise InputError(f"{path} is not a readable gzip file ({exc})") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{path} is not UTF-8 text; convert it first") from None


def _articles(text: str, source: str) -> list[Any]:
    """A JSONL payload gives one article a line; anything else is one plain text."""
    if not text.lstrip().startswith("{"):
        return [text]
    items: list[Any] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DatasetError(json_problem(exc), path=source, line=lineno) from None
        if not isinstance(obj, dict) or "text" not in obj:
            raise DatasetError("not an article (needs a 'text' key)", path=source, line=lineno)
        items.append(obj)
    return items


def run_extract(args: argparse.Namespace) -> int:
    """Extract and print; the backend that ran goes to stderr, once.

    On a terminal a short view is printed, JSON otherwise (or with ``--json``). With
    several articles (JSONL), one that fails is printed as an error row in the batch
    format, ``{"id", "error": {"type", "message"}}``, and the others still run; the exit
    code is then 1. A single article's failure is an error (exit 2).
    """
    settings = settings_from_args(args)
    source = "<stdin>" if args.path == "-" else args.path
    items = _articles(_read_input(args.path), source)
    human = sys.stdout.isatty() and not (args.json or args.compact)
    indent = None if args.compact or len(items) > 1 else 2
    failed = 0
    backends: dict[str, None] = {}  # in order of first use
    for item in items:
        try:
            result = extract_visit(item, published=args.published, settings=settings)
        except ConfigError:
            raise  # the same for every article: stop at once
        except VisitExtractError as exc:
            if len(items) == 1:
                raise
            failed += 1
            row = {"id": item.get("id"), "error": {"type": type(exc).__name__, "message": str(exc)}}
            print(f"{row['id']}: failed: {exc}" if human else json.dumps(row, ensure_ascii=False))
            continue
        print(format_extraction(result) if human else result.model_dump_json(indent=indent))
        backends[result.backend + (f" ({result.model})" if result.model else "")] = None
    if human:
        print(MORE)
    if backends:
        print(f"backend: {', '.join(backends)}", file=sys.stderr)
    if failed:
        print(f"{failed} of {len(items)} article(s) failed (error rows above)", file=sys.stderr)
    return 1 if failed else 0


def run_schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema of :class:`VisitExtraction`."""
    print(json.dumps(VisitExtraction.model_json_schema(), indent=2, ensure_ascii=False))
    return 0
