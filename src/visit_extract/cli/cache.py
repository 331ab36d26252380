"""``visit-extract cache stats`` and ``visit-extract cache clear``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from visit_extract.backends.llm.cache import ResultCache, cache_dir
from visit_extract.config import Settings


def register(sub: Any) -> None:
    """Add the ``cache`` sub-command with ``stats`` and ``clear``."""
    p = sub.add_parser(
        "cache",
        help="inspect or empty the LLM answer cache",
        description="The LLM backend stores validated answers on disk (JSON). "
        "stats: location, entries, size. clear: delete every entry.",
    )
    actions = p.add_subparsers(dest="cache_action", metavar="ACTION", required=True)
    for name, func, text in (
        ("stats", run_stats, "print location, entry count and size (JSON)"),
        ("clear", run_clear, "delete every cached answer"),
    ):
        a = actions.add_parser(name, help=text)
        a.add_argument("--cache-dir", type=Path, help="cache location (default: user cache dir)")
        a.set_defaults(func=func)


def _directory(args: argparse.Namespace) -> Path:
    return cache_dir(Settings.from_env(cache_dir=getattr(args, "cache_dir", None)))


def run_stats(args: argparse.Namespace) -> int:
    """Print the cache statistics as JSON (a cache never used is not created)."""
    directory = _directory(args)
    if not directory.exists():
        stats = {"directory": str(directory), "entries": 0, "bytes": 0}
    else:
        with ResultCache(directory) as cache:
            stats = cache.stats()
    print(json.dumps(stats, indent=2))
    return 0


def run_clear(args: argparse.Namespace) -> int:
    """Empty the cache and say how many entries went."""
    directory = _directory(args)
    removed = 0
    if directory.exists():
        with ResultCache(directory) as cache:
            removed = cache.clear()
    print(f"removed {removed} cached answer(s) from {directory}")
    return 0
