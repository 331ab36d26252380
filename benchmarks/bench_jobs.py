"""Provider batch jobs benchmark: synthetic relevant articles through the fake job
server (tests/jobs/fakejobs.py, in a child process), submit then collect.

    python benchmarks/bench_jobs.py                         # 50,000 articles, OpenAI
    python benchmarks/bench_jobs.py --provider anthropic --articles 10000 --job-s 30

Prints: client CPU per article for submitting (pre-filter, building each request
through the live request path, job files, upload) and for collecting (download,
replaying each answer through the live path: SDK parse, validation, grounding,
post-processing, cache, row), their sum (target <= 2 ms), the client's peak RSS
(target < 500 MB: job files and results are streamed, never held), and the wall
time of each phase beside the fake's job time. The fake answers every request with
the same valid visit, quoted from the synthetic article.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "jobs"))
sys.path.insert(0, str(ROOT / "tests" / "batch"))

from fakejobs import JobFaults, JobServerProcess  # noqa: E402

from visit_extract.config import Settings  # noqa: E402
from visit_extract.jobs.api import (  # noqa: E402
    JobOptions,
    collect_jobs,
    default_manifest,
    submit_jobs,
)

#: An invented report with real region names; the answer below quotes it.
ARTICLE = (
    "Rombongan Komisi II DPRD Kabupaten Lahat melakukan studi banding ke Kota Bekasi pada "
    "Senin (4/3) untuk belajar pengelolaan pasar tradisional dan retribusi parkir. "
)
FILLER = (
    "Pertemuan berlangsung di ruang rapat sekretariat daerah dan diikuti sejumlah kepala "
    "dinas yang menjelaskan program kerja, anggaran, serta kendala di lapangan. "
)
ANSWER = {
    "is_study_visit": True,
    "reason": "A regency council commission visits a city to learn market management.",
    "visits": [
        {
            "visitor": {
                "region": {"value": "Kabupaten Lahat", "quote": "DPRD Kabupaten Lahat"},
                "level": "regency",
                "branch": "legislative",
                "institution": {
                    "value": "Komisi II DPRD Kabupaten Lahat",
                    "quote": "Komisi II DPRD Kabupaten Lahat",
                },
            },
            "host": {
                "region": {"value": "Kota Bekasi", "quote": "ke Kota Bekasi"},
                "level": "city",
            },
            "kind": "studi_banding",
            "kind_quote": "melakukan studi banding ke Kota Bekasi",
            "date_text": "Senin (4/3)",
            "start_date": "2024-03-04",
            "topics": [
                {
                    "topic": "pengelolaan pasar tradisional",
                    "quote": "belajar pengelolaan pasar tradisional",
                }
            ],
            "domains": ["economy"],
        }
    ],
}


def write_dump(path: Path, n: int, chars: int) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            text = ARTICLE + (f"Catatan {i}. " + FILLER * 20)[: max(0, chars - len(ARTICLE))]
            row = {"id": f"syn-{i:06d}", "text": text, "published": "2024-03-06"}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--chars", type=int, default=1_500, help="characters per article")
    parser.add_argument("--provider", choices=("openai", "anthropic"), default="openai")
    parser.add_argument("--job-s", type=float, default=60.0, help="the fake's time per job")
    parser.add_argument("--concurrency", type=int, default=8, help="collect threads")
    args = parser.parse_args(argv)
    n = args.articles
    tmp = Path(tempfile.mkdtemp(prefix="bench-jobs-"))
    try:
        run(args, n, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run(args: argparse.Namespace, n: int, tmp: Path) -> None:
    write_dump(tmp / "dump.jsonl", n, args.chars)
    faults = JobFaults(job_s=args.job_s, answer=json.dumps(ANSWER))
    rows: list[tuple[str, str, str]] = []

    def row(metric: str, value: str, target: str = "") -> None:
        rows.append((metric, value, target))
        print(f"  {metric:<58} {value:>22}  {target}", flush=True)

    with JobServerProcess(faults) as server:
        model = (
            "openai/gpt-4o-mini"
            if args.provider == "openai"
            else "anthropic/claude-3-5-haiku-latest"
        )
        settings = Settings(
            model=model,
            base_url=server.url if args.provider == "openai" else server.root,
            api_key="bench-key",
            cache_dir=tmp / "cache",
            request_timeout_s=600.0,
        )
        out = tmp / "out.jsonl"
        started, cpu0 = time.perf_counter(), cpu()
        report = submit_jobs(tmp / "dump.jsonl", out, settings=settings, options=JobOptions())
        submit_wall, submit_cpu = time.perf_counter() - started, cpu() - cpu0
        assert report.submit is not None and report.submit.queued == n, report.summary()
        jobs = len(report.jobs)
        job_mb = max(job["bytes"] for job in report.jobs) / 1e6
        row("articles (all pass the pre-filter)", f"{n:,}")
        row("jobs (largest job file)", f"{jobs} ({job_mb:.0f} MB)")
        row("submit: client CPU per article", f"{submit_cpu / n * 1000:.2f} ms")
        row("submit: wall", f"{submit_wall:.1f} s ({n / submit_wall:,.0f} articles/s)")

        # Collecting starts at once and takes each job as it ends (they end one after
        # another, as they were submitted), so it overlaps with the jobs still running.
        started, cpu0 = time.perf_counter(), cpu()
        collected = collect_jobs(
            default_manifest(out), wait=True, poll_interval_s=1.0, concurrency=args.concurrency
        )
        collect_wall, collect_cpu = time.perf_counter() - started, cpu() - cpu0
        assert collected.finished and collected.collect is not None, collected.summary()
        answers = collected.collect.answers
        row("collect: answers (errors)", f"{answers:,} ({sum(collected.collect.errors.values())})")
        row("collect: client CPU per article", f"{collect_cpu / n * 1000:.2f} ms")
        row("collect: wall, waiting for the jobs included", f"{collect_wall:.1f} s")
        total = (submit_cpu + collect_cpu) / n * 1000
        row("client CPU per article, submit + collect", f"{total:.2f} ms", "<= 2 ms")
        row("client peak RSS", f"{peak_rss_mb():.0f} MB", "< 500 MB")
        wall = submit_wall + collect_wall
        row("wall, submit to last row (the fake's job time)", f"{wall:.0f} s ({args.job_s:.0f} s)")
        busy = submit_cpu + collect_cpu
        row("client CPU / wall", f"{busy:.0f} s / {wall:.0f} s = {busy / wall:.2f}")
        cost = collected.cost
        if cost is not None and cost.cost is not None and cost.live_equivalent:
            row(
                "estimated cost, batch vs the same tokens live",
                f"${cost.cost:.2f} vs ${cost.live_equivalent:.2f}",
            )
        stats = server.stats
        row(
            "requests submitted / twice",
            f"{stats['requests_submitted']:,} / {stats['duplicate_custom_ids']}",
            "n / 0",
        )
    print()
    print("| metric | value | target |")
    print("| --- | ---: | --- |")
    for metric, value, target in rows:
        print(f"| {metric} | {value} | {target} |")


if __name__ == "__main__":
    main(sys.argv[1:])
