"""``visit-extract extract`` and ``visit-extract schema``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from visit_extract.cli._common import add_model_options, settings_from_args
from visit_extract.errors import DatasetError, InputError
from visit_extract.extract import extract_visit
from visit_extract.schema import VisitExtraction


def register(sub: Any) -> None:
    """Add the ``extract`` and ``schema`` sub-commands."""
    p = sub.add_parser(
        "extract",
        help="extract the study visits of one article (text file, JSONL, or - for stdin)",
        description="Print the extraction of an article as JSON. PATH is a text file, a "
        "JSONL file of articles ({id, text, published, ...} a line; one JSON result a "
        "line is printed), or - to read standard input.",
    )
    p.add_argument("path", metavar="PATH|-")
    p.add_argument("--published", help="publication date YYYY-MM-DD (resolves 'Senin (25/2)')")
    p.add_argument("--compact", action="store_true", help="one line of JSON, no indentation")
    add_model_options(p)
    p.set_defaults(func=run_extract)

    s = sub.add_parser("schema", help="print the JSON Schema of an extraction")
    s.set_defaults(func=run_schema)


def _read_input(path: str) -> str:
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError as exc:
            raise InputError(f"cannot read {path}: {exc.strerror}") from None
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
            raise DatasetError(f"invalid JSON: {exc.msg}", path=source, line=lineno) from None
        if not isinstance(obj, dict) or "text" not in obj:
            raise DatasetError("not an article (needs a 'text' key)", path=source, line=lineno)
        items.append(obj)
    return items


def run_extract(args: argparse.Namespace) -> int:
    """Extract and print; the backend that ran goes to stderr."""
    settings = settings_from_args(args)
    source = "<stdin>" if args.path == "-" else args.path
    items = _articles(_read_input(args.path), source)
    indent = None if args.compact or len(items) > 1 else 2
    for item in items:
        result = extract_visit(item, published=args.published, settings=settings)
        print(result.model_dump_json(indent=indent))
        where = f" ({result.model})" if result.model else ""
        print(f"backend: {result.backend}{where}", file=sys.stderr)
    return 0


def run_schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema of :class:`VisitExtraction`."""
    print(json.dumps(VisitExtraction.model_json_schema(), indent=2, ensure_ascii=False))
    return 0
