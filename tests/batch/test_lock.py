"""One run at a time per output file: the lock on ``<output>.lock``."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from batchhelpers import read_rows, write_jsonl

from visit_extract.batch import BatchResult, ResultWriter
from visit_extract.batch.lock import OutputLock
from visit_extract.cli import main
from visit_extract.errors import OutputError

# Holds the lock of argv[1] until killed; says so on stdout first.
_HOLDER = """
import sys, time
from visit_extract.batch.lock import OutputLock
lock = OutputLock(sys.argv[1])
lock.acquire()
print("locked", flush=True)
time.sleep(60)
"""


def _hold(output: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(output)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    return proc


def test_a_second_writer_on_the_same_output_is_refused_until_the_first_closes(
    tmp_path: Path,
) -> None:
    out = tmp_path / "r.jsonl"
    with ResultWriter(out) as first:
        first.write(BatchResult(id="a", skipped="prefilter", score=0.1))
        with pytest.raises(OutputError, match=rf"another run \(pid {os.getpid()}\b.*{out.name}"):
            ResultWriter(out, resume=True)
    with ResultWriter(out, resume=True) as again:
        assert again.done_ids == {"a"}


def test_a_killed_run_leaves_no_lock_behind(tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    holder = _hold(out)
    try:
        with pytest.raises(OutputError, match=f"pid {holder.pid}"):
            OutputLock(out).acquire()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    lock = OutputLock(out)
    lock.acquire()  # the kernel released it with the process
    lock.release()


def test_cli_batch_onto_an_output_another_run_writes_is_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dump = write_jsonl(tmp_path / "d.jsonl", [{"id": "a", "text": "teks"}])
    out = tmp_path / "r.jsonl"
    out.write_text('{"id": "z", "skipped": "prefilter", "score": 0.0}\n', encoding="utf-8")
    holder = _hold(out)
    try:
        for extra in ([], ["--resume"], ["--overwrite"]):
            assert main(["batch", str(dump), "-o", str(out), "--no-progress", *extra]) == 2
            err = capsys.readouterr().err
            assert err.count("\n") == 1 and "another run" in err
        assert [r["id"] for r in read_rows(out)] == ["z"]  # untouched
    finally:
        holder.kill()
        holder.wait()
    time.sleep(0)  # the holder is gone: the file is free again
    assert main(["batch", str(dump), "-o", str(out), "--no-progress", "--resume"]) == 0
