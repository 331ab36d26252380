"""A provider batch run whose client is killed (SIGKILL) while submitting or while
collecting, and run again, ends with exactly one row per article, and no request is
submitted twice (the fake counts every custom id and body it is sent)."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from fakejobs import FakeJobServer, JobFaults
from jobhelpers import MODELS, kind, row_ids, rows, write_dump

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals"),
]

CLI = "import sys; from visit_extract.cli import main; sys.exit(main(sys.argv[1:]))"


def command(fake: FakeJobServer, provider: str, *args: str) -> list[str]:
    base = fake.url if provider == "openai" else fake.root
    model = ["--model", MODELS[provider], "--base-url", base, "--api-key", "test-key"]
    if args[1] == "submit":
        args = (*args, *model)
    return [sys.executable, "-c", CLI, *args, "--no-progress"]


def start(cmd: list[str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def kill_when(
    proc: subprocess.Popen[bytes], ready: Callable[[], bool], timeout: float = 60
) -> None:
    deadline = time.monotonic() + timeout
    while not ready() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert proc.poll() is None, "the client ended before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)


def finish(cmd: list[str]) -> None:
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr


def assert_once_each(fake: FakeJobServer, out: Path, ids: list[str], requests: int) -> None:
    counts = row_ids(out)
    assert set(counts) == set(ids), set(ids) ^ set(counts)
    assert max(counts.values()) == 1
    stats = fake.snapshot()
    assert stats["requests_submitted"] == requests
    assert stats["duplicate_custom_ids"] == 0 and stats["duplicate_bodies"] == 0


@pytest.mark.parametrize("provider", ["openai", "anthropic"])
def test_killed_while_waiting_for_a_job_to_be_created(provider: str, tmp_path: Path) -> None:
    ids = write_dump(tmp_path / "dump.jsonl", 12)
    out = tmp_path / "out.jsonl"
    manifest = str(out) + ".jobs"
    # The provider creates the job, then answers 30 s later: the client dies in between.
    with FakeJobServer(JobFaults(create_delay_s=30.0)) as fake:
        submit = command(
            fake, provider, "jobs", "submit", str(tmp_path / "dump.jsonl"),
            "-o", str(out), "--job-max-requests", "5",
        )  # fmt: skip
        proc = start(submit)
        kill_when(proc, lambda: fake.snapshot().get("batches_created", 0) >= 1)
        fake.set_faults(create_delay_s=0.0)
        finish(submit)
        finish(
            command(
                fake, provider, "jobs", "collect", manifest, "--wait", "--poll-interval", "0.05"
            )
        )
        assert fake.snapshot()["batches_created"] == 3  # 12 requests in jobs of 5
        assert_once_each(fake, out, ids, requests=12)


def test_killed_at_random_moments_of_a_submit(tmp_path: Path) -> None:
    ids = write_dump(tmp_path / "dump.jsonl", 40, irrelevant_every=7)
    out = tmp_path / "out.jsonl"
    rng = random.Random(12)
    faults = JobFaults(create_delay_s=0.08, upload_delay_s=0.08)
    with FakeJobServer(faults) as fake:
        submit = command(
            fake, "openai", "jobs", "submit", str(tmp_path / "dump.jsonl"),
            "-o", str(out), "--job-max-requests", "3",
        )  # fmt: skip
        kills = 0
        for _ in range(25):
            proc = start(submit)
            time.sleep(rng.uniform(0.4, 2.0))
            if proc.poll() is not None:
                assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""
                break
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=10)
            kills += 1
        else:
            finish(submit)
        assert kills >= 2
        manifest = str(out) + ".jobs"
        finish(
            command(
                fake, "openai", "jobs", "collect", manifest, "--wait", "--poll-interval", "0.05"
            )
        )
        queued = sum(1 for r in rows(out) if kind(r) == "ok")
        assert queued == 40 - len(range(0, 40, 7))
        assert_once_each(fake, out, ids, requests=queued)


@pytest.mark.parametrize("provider", ["openai", "anthropic"])
def test_killed_while_collecting(provider: str, tmp_path: Path) -> None:
    ids = write_dump(tmp_path / "dump.jsonl", 40)
    out = tmp_path / "out.jsonl"
    manifest = str(out) + ".jobs"
    # a quarter of the answers are invalid and reasked live, slowly: collecting takes a while
    faults = JobFaults(rate_invalid=0.25, live_latency_s=0.5, seed=4)
    with FakeJobServer(faults) as fake:
        finish(
            command(
                fake, provider, "jobs", "submit", str(tmp_path / "dump.jsonl"),
                "-o", str(out), "--job-max-requests", "15",
            )
        )  # fmt: skip
        collect = command(
            fake, provider, "jobs", "collect", manifest, "--wait", "--poll-interval", "0.05"
        )
        proc = start([*collect, "--concurrency", "2"])
        kill_when(proc, lambda: out.exists() and len(out.read_bytes().splitlines()) >= 12)
        partial = row_ids(out) if out.read_bytes().endswith(b"\n") else None
        assert partial is None or max(partial.values()) == 1
        finish(collect)
        assert_once_each(fake, out, ids, requests=40)
        reasked = sum(1 for r in rows(out) if r["usage"]["requests"] == 2)
        # a reask in flight when the client died may be sent again; no other request is
        assert reasked <= fake.snapshot()["live_requests"] <= reasked + 2
