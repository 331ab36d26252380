"""Scale-out benchmarks: the rules stage over the dump on 1 process, ``--workers 2`` and
a 2-worker Dask LocalCluster; the LLM stage against the fake server at a set rate limit
on 1 and 2 Dask workers (and 2 local processes). Prints one table with the machine's
load, since the numbers mean little on a machine other jobs share.

    python benchmarks/bench_scale.py               # both sections
    python benchmarks/bench_scale.py rules         # one section

Sections:

- ``rules``: the rules backend over ``../shared/corpus/dump/*.jsonl`` (23,331
  articles), reading and writing included: articles/s for one process (``run_batch``
  over each file), ``run_parallel`` with 2 workers (target >= 1.8x one process on 2
  cores) and ``run_dask`` on a LocalCluster of 2 worker processes (timed with the
  cluster's start-up and on a cluster already running). Outputs are checked to have
  the rows of the one-process run. On a machine shared with other jobs the wall-clock
  ratios follow the load (two processes get a larger share of a busy machine than
  one), so the CPU seconds each variant spent (every process of it) are printed too:
  one process's CPU time over half the 2-worker total is the ratio the variant would
  reach on two idle cores.
- ``llm``: the project's LLM backend (instructor + openai, TOOLS mode) against the fake
  OpenAI server (50 ms latency, its own process) with ``--rpm`` set to R: the request
  rate the server saw, as a share of R, with 1 and 2 Dask workers and 2 local
  processes (target: <= 1.0 and >= 0.9). Measured from the server's arrival times,
  from 1 s after the first request to the last (``window_rate`` of the tests).

Needs ``pip install 'visit-extract[dask]'`` and ../shared for ``rules``.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "batch"))

from benchtable import Table, run_sections  # noqa: E402
from fakeserver import Faults, ServerProcess  # noqa: E402
from scalehelpers import normalized_rows, window_rate  # noqa: E402

from visit_extract.batch import BatchStats, run_batch, run_dask, run_parallel  # noqa: E402
from visit_extract.batch.budget import REQUEST_BURST_S  # noqa: E402
from visit_extract.config import Settings  # noqa: E402

DUMP = sorted((ROOT.parent / "shared" / "corpus" / "dump").glob("*.jsonl"))
TABLE = Table((6, 58, 16))
row = TABLE.row


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.2f} / {five:.2f}"


def _timed(fn: Callable[[], Any]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def _cpu(who: int = resource.RUSAGE_SELF) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _cpu_here() -> float:
    """CPU seconds of this process and of its finished child processes."""
    return _cpu() + _cpu(resource.RUSAGE_CHILDREN)


def _worker_cpu(client: Any) -> float:
    """CPU seconds the Dask workers have spent so far (summed)."""
    return float(sum(client.run(_cpu).values()))


def bench_rules() -> None:
    if not DUMP:
        row("rules", "skipped: ../shared/corpus/dump is absent", "")
        return
    settings = Settings(backend="rules", use_cache=False)
    tmp = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    row("rules", "load average (1 min / 5 min) before", load())

    one_out: list[Path] = []

    def one_process() -> None:
        for i, source in enumerate(DUMP):
            out = tmp / f"one-{i}.jsonl"
            run_batch(source, out, settings=settings, overwrite=True)
            one_out.append(out)

    # A first pass warms the page cache and the gazetteers of the parent process, so
    # that no variant pays for it alone.
    run_batch(DUMP[-1], tmp / "warm.jsonl", settings=settings, overwrite=True)
    cpu = _cpu_here()
    t_one = _timed(one_process)
    cpu_one = _cpu_here() - cpu
    articles = sum(len(p.read_text(encoding="utf-8").splitlines()) for p in one_out)
    reference = sorted(r for p in one_out for r in normalized_rows(p))

    workers_out = tmp / "workers.jsonl"
    cpu = _cpu_here()
    t_workers = _timed(
        lambda: run_parallel(DUMP, workers_out, workers=2, settings=settings, overwrite=True)
    )
    cpu_workers = _cpu_here() - cpu

    from distributed import Client, LocalCluster

    dask_out = tmp / "dask.jsonl"
    started = time.perf_counter()
    cluster = LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    client = Client(cluster)
    t_start = time.perf_counter() - started
    try:
        t_dask_cold = t_start + _timed(
            lambda: run_dask(DUMP, dask_out, scheduler=client, settings=settings, overwrite=True)
        )
        cpu, cpu_w = _cpu_here(), _worker_cpu(client)
        t_dask_warm = _timed(
            lambda: run_dask(DUMP, dask_out, scheduler=client, settings=settings, overwrite=True)
        )
        cpu_dask = _cpu_here() - cpu + _worker_cpu(client) - cpu_w
    finally:
        client.close()
        cluster.close()

    same = normalized_rows(workers_out) == reference == normalized_rows(dask_out)
    rate_one = articles / t_one
    row("rules", f"articles ({len(DUMP)} files)", f"{articles:,}")
    row("rules", "1 process (run_batch per file): articles/s", f"{rate_one:,.0f}")
    row(
        "rules",
        "--workers 2: articles/s (ratio to 1 process)",
        f"{articles / t_workers:,.0f} ({t_one / t_workers:.2f}x)",
        ">= 1.8x",
    )
    row(
        "rules",
        "dask 2 workers, cluster start included: articles/s (ratio)",
        f"{articles / t_dask_cold:,.0f} ({t_one / t_dask_cold:.2f}x)",
    )
    row(
        "rules",
        "dask 2 workers, cluster running: articles/s (ratio)",
        f"{articles / t_dask_warm:,.0f} ({t_one / t_dask_warm:.2f}x)",
    )
    row("rules", "LocalCluster start-up (s)", f"{t_start:.1f}")
    row(
        "rules",
        "CPU s: 1 process / --workers 2 / dask (running)",
        f"{cpu_one:.1f} / {cpu_workers:.1f} / {cpu_dask:.1f}",
    )
    row(
        "rules",
        "on 2 idle cores (CPU): --workers 2 ratio / dask ratio",
        f"{cpu_one / (cpu_workers / 2):.2f}x / {cpu_one / (cpu_dask / 2):.2f}x",
        ">= 1.8x",
    )
    row("rules", "outputs have the rows of the one-process run", str(same), "True")
    row("rules", "load average (1 min / 5 min) after", load())


LIMIT_PER_S = 20.0
LLM_ARTICLES = 330


def _llm_run(kind: str, workers: int) -> tuple[float, float, int]:
    """One LLM-stage run against a fresh fake server: (upper, rate, ok)."""
    tmp = Path(tempfile.mkdtemp(prefix="bench-scale-llm-"))
    source = tmp / "dump.jsonl"
    body = "Pemerintah kabupaten melakukan studi banding ke kota lain. " * 12
    with source.open("w", encoding="utf-8") as fh:
        for i in range(LLM_ARTICLES):
            fh.write(json.dumps({"id": f"l{i:04d}", "text": f"{i} {body}"}) + "\n")
    with ServerProcess(Faults(latency_s=0.05)) as server:
        settings = Settings(
            backend="llm",
            model="fake-model",
            base_url=server.url,
            mode="TOOLS",
            prefilter=False,
            use_cache=False,
            concurrency=8,
            requests_per_minute=LIMIT_PER_S * 60,
        )
        stats = BatchStats()
        out = tmp / "out.jsonl"
        # About 4 parts per worker, so that both stay busy to the end.
        part = max(1, source.stat().st_size // (4 * workers))
        if kind == "dask":
            run_dask(
                source, out, n_workers=workers, settings=settings, part_bytes=part, stats=stats
            )
        else:
            run_parallel(
                source, out, workers=workers, settings=settings, part_bytes=part, stats=stats
            )
        arrivals = server.arrivals
    upper, rate = window_rate(arrivals, skip_s=1.0, burst=LIMIT_PER_S * REQUEST_BURST_S)
    return upper, rate, stats.ok


def bench_llm() -> None:
    row("llm", "load average (1 min / 5 min) before", load())
    row("llm", "limit (requests/s), articles per run", f"{LIMIT_PER_S:g}, {LLM_ARTICLES}")
    for kind, workers in (("dask", 1), ("dask", 2), ("local", 2)):
        upper, rate, ok = _llm_run(kind, workers)
        row(
            "llm",
            f"{kind} {workers} worker(s): achieved rate / limit (upper bound), ok",
            f"{rate / LIMIT_PER_S:.3f} ({upper / LIMIT_PER_S:.3f}), {ok}",
            "<= 1.0, >= 0.9",
        )
    row("llm", "load average (1 min / 5 min) after", load())


SECTIONS: dict[str, Callable[[], None]] = {"rules": bench_rules, "llm": bench_llm}


def main(argv: list[str]) -> None:
    run_sections(SECTIONS, argv, TABLE, note=f" on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main(sys.argv[1:])
