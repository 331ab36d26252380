"""Helpers of the bad-input suite: running a command and checking how it ended."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from visit_extract.cli import main


@dataclass
class Ended:
    """How one command ended."""

    code: int
    out: str
    err: str

    def errors(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.startswith("visit-extract")]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> Ended:
    """Run the CLI; a usage error (SystemExit) counts as its exit code."""
    try:
        code = main(argv)
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return Ended(code, out, err)


def assert_clean(ended: Ended) -> None:
    """No traceback, and a failure is said in exactly one line."""
    assert "Traceback" not in ended.err and "Traceback" not in ended.out, ended.err
    if ended.code == 2:
        assert len([e for e in ended.errors() if ": error:" in e]) == 1, ended.err
