"""Options shared by every sub-command that runs extraction, and the argument types
that refuse impossible numbers while the command line is parsed."""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from visit_extract.config import Settings
from visit_extract.io import INPUT_FORMATS

N = TypeVar("N", int, float)


def _number(convert: Callable[[str], N], ok: Callable[[N], bool], says: str) -> Callable[[str], N]:
    def parse(text: str) -> N:
        try:
            value = convert(text)
        except ValueError:
            value = None
        if value is None or (isinstance(value, float) and math.isnan(value)) or not ok(value):
            raise argparse.ArgumentTypeError(f"must be {says}, got {text!r}")
        return value

    parse.__name__ = says  # argparse names the type in some messages
    return parse


#: Argument types: a number above 0, >= 0, between 0 and 1, a whole number above 0, >= 0.
above_zero = _number(float, lambda v: 0 < v < math.inf, "a number above 0")
at_least_zero = _number(float, lambda v: 0 <= v < math.inf, "a number >= 0")
fraction = _number(float, lambda v: 0 <= v <= 1, "a number between 0 and 1")
count = _number(int, lambda v: v >= 1, "a whole number above 0")
count_or_zero = _number(int, lambda v: v >= 0, "a whole number >= 0")


def add_model_options(parser: argparse.ArgumentParser) -> None:
    """Add --backend, --model, --base-url, --api-key, --mode, sampling, size and cache
    options."""
    group = parser.add_argument_group("model")
    group.add_argument(
        "--backend",
        help="rules (offline, no key) or llm; default: llm when a model is set, else rules",
    )
    group.add_argument(
        "--model",
        help="provider/model, e.g. openai/gpt-4o-mini, anthropic/claude-3-5-haiku-latest, "
        "ollama/qwen2.5:7b; or a model name served at --base-url",
    )
    group.add_argument(
        "--base-url", help="OpenAI-compatible endpoint (vLLM, llama.cpp server, LM Studio)"
    )
    group.add_argument(
        "--api-key", help="API key (default: the provider's variable, e.g. OPENAI_API_KEY)"
    )
    group.add_argument("--mode", help="instructor mode: TOOLS, JSON, MD_JSON, ...")
    group.add_argument("--temperature", type=at_least_zero, help="sampling temperature (default 0)")
    group.add_argument(
        "--no-temperature",
        action="store_true",
        help="send no temperature (for models that refuse it; the provider's default applies)",
    )
    group.add_argument(
        "--max-output-tokens", type=count, help="cap on each completion (default 2048)"
    )
    group.add_argument(
        "--max-retries",
        type=count_or_zero,
        help="reasks after an invalid answer or an ungrounded quote (default 2)",
    )
    group.add_argument(
        "--timeout", type=above_zero, help="seconds one HTTP request may take (default 120)"
    )
    group.add_argument(
        "--max-article-chars",
        type=count,
        metavar="N",
        help="longer articles are refused (default 500,000)",
    )
    group.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    group.add_argument("--cache-dir", type=Path, help="cache location (default: user cache dir)")


def add_rate_options(group: argparse._ArgumentGroup) -> None:
    """Add --rpm, --tpm and --article-timeout (every command that runs many articles)."""
    group.add_argument("--rpm", type=above_zero, help="client-side requests-per-minute limit")
    group.add_argument("--tpm", type=above_zero, help="client-side tokens-per-minute limit")
    group.add_argument(
        "--article-timeout", type=above_zero, help="seconds one article may take (default 300)"
    )


def add_input_options(parser: Any, *, of: str | None = None) -> None:
    """Add --format and --map: how the articles are read.

    Args:
        parser: the parser or argument group.
        of: the option that names the article file (``--articles``), when it is not
            the command's own input.
    """
    parser.add_argument(
        "--format",
        choices=INPUT_FORMATS,
        help=f"format of {of}" if of else "input format (default: from name)",
    )
    parser.add_argument(
        "--map",
        dest="columns",
        metavar="FIELD=COLUMN,...",
        help="read article fields from other columns, e.g. text=content,id=article_id",
    )


def add_window_option(parser: Any, *, same: str) -> None:
    """Add --window-days, the date tolerance of the cross-outlet dedupe; ``same`` names
    what the reports then are one of (``event``, ``visit``)."""
    parser.add_argument(
        "--window-days",
        type=count_or_zero,
        default=7,
        help=f"reports whose visit dates lie within this many days are one {same} (default 7)",
    )


def add_progress_option(parser: Any) -> None:
    """Add --no-progress (also -q, --quiet): every command that shows progress."""
    parser.add_argument(
        "--no-progress", "-q", "--quiet", action="store_true", help="no progress bar"
    )


def settings_from_args(args: argparse.Namespace, **more: Any) -> Settings:
    """Settings from the environment, overridden by what the command line gives.

    ``more`` are a sub-command's own options; like the shared ones, None means the
    option was not given.
    """
    return Settings.from_env(
        backend=getattr(args, "backend", None),
        model=getattr(args, "model", None),
        base_url=getattr(args, "base_url", None),
        api_key=getattr(args, "api_key", None),
        mode=getattr(args, "mode", None),
        temperature=getattr(args, "temperature", None),
        send_temperature=False if getattr(args, "no_temperature", False) else None,
        max_output_tokens=getattr(args, "max_output_tokens", None),
        max_retries=getattr(args, "max_retries", None),
        request_timeout_s=getattr(args, "timeout", None),
        use_cache=False if getattr(args, "no_cache", False) else None,
        cache_dir=getattr(args, "cache_dir", None),
        requests_per_minute=getattr(args, "rpm", None),
        tokens_per_minute=getattr(args, "tpm", None),
        article_timeout_s=getattr(args, "article_timeout", None),
        max_article_chars=getattr(args, "max_article_chars", None),
        **more,
    )
