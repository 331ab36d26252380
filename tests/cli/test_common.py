"""The model options every extracting sub-command shares (cli/_common.py)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from visit_extract.cli._common import add_model_options, settings_from_args
from visit_extract.config import Settings


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_model_options(parser)
    return parser.parse_args(argv)


def test_every_option_reaches_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("VISIT_EXTRACT_MODEL", "VISIT_EXTRACT_BACKEND", "VISIT_EXTRACT_NO_CACHE"):
        monkeypatch.delenv(var, raising=False)
    argv = [
            "--backend", "llm",
            "--model", "openai/gpt-4o-mini",
            "--base-url", "http://127.0.0.1:9/v1",
            "--api-key", "k",
            "--mode", "JSON",
            "--temperature", "0.3",
            "--max-output-tokens", "600",
            "--max-retries", "1",
            "--timeout", "900",
            "--no-cache",
            "--cache-dir", "/tmp/ve-cache",
    ]  # fmt: skip
    settings = settings_from_args(parse(argv))
    assert settings.backend == "llm"
    assert settings.model == "openai/gpt-4o-mini"
    assert settings.base_url == "http://127.0.0.1:9/v1"
    assert settings.api_key == "k"
    assert settings.mode == "JSON"
    assert settings.temperature == 0.3
    assert settings.max_output_tokens == 600
    assert settings.max_retries == 1
    assert settings.request_timeout_s == 900.0
    assert settings.use_cache is False
    assert settings.cache_dir == Path("/tmp/ve-cache")


def test_no_temperature_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VISIT_EXTRACT_NO_CACHE", raising=False)
    assert settings_from_args(parse(["--no-temperature"])).send_temperature is False
    assert settings_from_args(parse([])).send_temperature is True


def test_options_left_out_keep_the_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VISIT_EXTRACT_NO_CACHE", raising=False)
    settings = settings_from_args(parse([]))
    default = Settings()
    assert settings.max_output_tokens == default.max_output_tokens
    assert settings.max_retries == default.max_retries
    assert settings.request_timeout_s == default.request_timeout_s
    assert settings.use_cache is True


def test_a_bad_value_is_a_usage_error_not_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        parse(["--max-retries", "two"])
    assert exited.value.code == 2
    assert "--max-retries" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["batch", "eval"])
def test_rate_options_reach_the_settings_of_batch_and_eval(command: str) -> None:
    from visit_extract.cli import build_parser

    argv = [command, "in.jsonl", *(["-o", "out.jsonl"] if command == "batch" else [])]
    argv += ["--rpm", "120", "--tpm", "9000", "--article-timeout", "45"]
    settings = settings_from_args(build_parser().parse_args(argv))
    assert settings.requests_per_minute == 120.0
    assert settings.tokens_per_minute == 9000.0
    assert settings.article_timeout_s == 45.0
    left_out = settings_from_args(parse([]))
    assert (left_out.requests_per_minute, left_out.article_timeout_s) == (None, 300.0)
