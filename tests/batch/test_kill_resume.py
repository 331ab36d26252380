"""A batch process killed with SIGKILL mid-run and resumed ends with exactly one row
per article."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from batchhelpers import write_jsonl
from fakeserver import FakeServer, Faults

HERE = Path(__file__).resolve().parent
N = 300


def _rows(path: Path) -> list[str]:
    if not path.exists():
        return []
    return path.read_text(encoding="utf-8").split("\n")


def _ids(path: Path) -> Counter[str]:
    return Counter(json.loads(line)["id"] for line in _rows(path) if line.strip())


def _command(source: Path, out: Path, url: str, *extra: str) -> list[str]:
    return [
        sys.executable,
        str(HERE / "run_batch_cli.py"),
        "batch",
        str(source),
        "-o",
        str(out),
        "--backend",
        "fakehttp",
        "--base-url",
        url,
        "--model",
        "fake",
        "--no-prefilter",
        "--no-progress",
        "--concurrency",
        "8",
        *extra,
    ]


def _dump(tmp_path: Path, prefix: str) -> Path:
    rows = [{"id": f"{prefix}{i:04d}", "text": f"teks {i}"} for i in range(N)]
    return write_jsonl(tmp_path / "dump.jsonl", rows)


def _env() -> dict[str, str]:
    return {**os.environ, "VISIT_EXTRACT_NO_CACHE": "1"}


def _running(source: Path, out: Path, url: str, rows: int) -> subprocess.Popen[str]:
    """The batch CLI on ``source``, once it has written ``rows`` rows (and is still
    running: the fake server's ``stall_after`` keeps it from finishing)."""
    proc = subprocess.Popen(
        _command(source, out, url),
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while len(_rows(out)) < rows and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
    except BaseException:
        proc.kill()
        raise
    if proc.poll() is not None:
        _, err = proc.communicate()
        pytest.fail(f"the run ended before it could be stopped: {err}")
    return proc


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_sigkill_then_resume_gives_exactly_one_row_per_article(tmp_path: Path) -> None:
    source = _dump(tmp_path, "k")
    out = tmp_path / "results.jsonl"
    faults = Faults(latency_s=0.02, rate_500=0.05, retry_after_s=0.01, stall_after=80)
    with FakeServer(faults) as server:
        proc = _running(source, out, server.url, 40)
        try:
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=10)
        finally:
            if proc.poll() is None:
                proc.kill()
        server.set_faults(stall_after=None)
        killed = _ids(out) if out.read_bytes().endswith(b"\n") else None
        partial = len(_rows(out))
        assert 0 < partial < N + 1
        if killed is not None:
            assert max(killed.values()) == 1
        # simulate the worst case too: a torn last line
        with out.open("ab") as fh:
            fh.write(b'{"id": "k9999", "is_study')
        done = subprocess.run(
            [*_command(source, out, server.url), "--resume"],
            env=_env(),
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert done.returncode == 0, done.stderr
    ids = _ids(out)
    assert set(ids) == {f"k{i:04d}" for i in range(N)}
    assert max(ids.values()) == 1
    assert "already in output (resumed)" in done.stderr


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGINT"), reason="needs POSIX signals")
def test_ctrl_c_leaves_only_complete_rows(tmp_path: Path) -> None:
    source = _dump(tmp_path, "c")
    out = tmp_path / "results.jsonl"
    # Requests after the 40th hang: the run cannot finish before the interrupt lands,
    # and Ctrl-C must also end it while requests are in flight.
    with FakeServer(Faults(latency_s=0.05, stall_after=40)) as server:
        proc = _running(source, out, server.url, 20)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert "rerun with --resume" in err
    assert out.read_bytes().endswith(b"\n")
    ids = _ids(out)
    assert 0 < len(ids) < N and max(ids.values()) == 1
