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


# --- every user mistake: one line on stderr, exit 2 ---------------------------------------


def _one_line_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    from visit_extract.cli import main

    with pytest.raises(SystemExit) as exited:
        main(argv)
    err = capsys.readouterr().err
    assert exited.value.code == 2, err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["batch", "d.jsonl", "-o", "o.jsonl", "--rpm", "-1"], "--rpm: must be a number above 0"),
        (["batch", "d.jsonl", "-o", "o.jsonl", "--tpm", "0"], "--tpm: must be a number above 0"),
        (["batch", "d.jsonl", "-o", "o.jsonl", "--concurrency", "0"], "--concurrency"),
        (["batch", "d.jsonl", "-o", "o.jsonl", "--prefilter-threshold", "2"], "between 0 and 1"),
        (["eval", "evals/seeds", "--limit", "-1"], "--limit: must be a whole number above 0"),
        (["eval", "evals/seeds", "--bootstrap", "-5"], "--bootstrap: must be a whole number"),
        (["eval", "evals/seeds", "--article-timeout", "0"], "--article-timeout"),
        (["eval", "evals/seeds", "--diffs", "-3"], "--diffs"),
        (["extract", "a.txt", "--timeout", "nan"], "--timeout"),
        (["extract", "a.txt", "--max-output-tokens", "0"], "--max-output-tokens"),
        (["extract", "a.txt", "--temperature", "-1"], "--temperature: must be a number >= 0"),
        (["export", "r.jsonl", "--csv", "v.csv", "--window-days", "-1"], "--window-days"),
        (["network", "r.jsonl", "--top", "0"], "--top"),
        (["batch", "d.jsonl", "-o", "o.jsonl", "--no-such"], "unrecognized arguments"),
        (["nosuchcommand"], "invalid choice"),
    ],
)
def test_a_bad_argument_is_one_line_and_exit_2(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _one_line_exit_2(argv, capsys)
    assert message in err and "--help" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["batch", "in.jsonl", "-o", "out.jsonl"],
        ["eval", "evals/seeds"],
        ["jobs", "run", "in.jsonl", "-o", "out.jsonl"],
        ["jobs", "status", "out.jsonl.jobs"],
    ],
)
@pytest.mark.parametrize("flag", ["--no-progress", "-q", "--quiet"])
def test_every_command_with_progress_takes_the_same_quiet_flags(argv: list[str], flag: str) -> None:
    from visit_extract.cli import build_parser

    parser = build_parser()
    assert parser.parse_args([*argv, flag]).no_progress is True
    assert parser.parse_args(argv).no_progress is False


@pytest.mark.parametrize("command", [["batch", "in.jsonl", "-o", "o"], ["export", "r.jsonl"]])
def test_input_options_read_the_same_everywhere(command: list[str]) -> None:
    from visit_extract.cli import build_parser

    args = build_parser().parse_args([*command, "--format", "csv", "--map", "text=body"])
    assert (args.format, args.columns, args.window_days) == ("csv", "text=body", 7)
