"""Batch benchmarks: throughput, rate-limit compliance, the pre-filter over the dump,
text preparation, and warm-cache re-runs. Prints one table.

    python benchmarks/bench_batch.py                 # every section
    python benchmarks/bench_batch.py throughput rpm  # some sections

Sections (each bounded to a minute or two on 2 cores):

- ``throughput``: fake OpenAI server with latency L = 200 ms, concurrency C = 32;
  achieved articles/s as a fraction of C/L (target >= 0.85). Run with the project's
  LLM backend (instructor + openai) and with the thin test backend (batch machinery
  alone).
  ``llm-throughput`` runs only the LLM backend's half (rates and client CPU per
  article).
- ``rpm``: the server enforces R requests/min with 429 + Retry-After; achieved rate as
  a fraction of R (target >= 0.90), lost articles (target 0). Once with the client-side
  limit set to R, once with only the adaptive 429 back-off.
- ``prefilter``: the rules relevance pre-filter over the ~23,000-article dump through
  ``run_batch`` (reading, scoring, writing): articles/s, peak RSS, share of articles
  that would reach the LLM (target <= 5%).
- ``textprep``: characters per article after ``prepare_text`` vs raw (target >= 25%
  fewer).
- ``cache``: seeds + dev through the LLM backend against the fake server, cold, then
  warm from the cache: articles/s (target >= 1,000/s).

Needs ../shared for ``prefilter``, ``textprep`` and the dev part of ``cache``.
"""

from __future__ import annotations

import json
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
from fakebackends import ToolCallBackend  # noqa: E402
from fakeserver import Faults, ServerProcess  # noqa: E402

from visit_extract.batch import BatchStats, extract_many, run_batch  # noqa: E402
from visit_extract.config import Settings  # noqa: E402
from visit_extract.io import iter_input  # noqa: E402
from visit_extract.registry import register_backend  # noqa: E402
from visit_extract.schema import Article, VisitExtraction  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpus"
DUMP = sorted((SHARED / "dump").glob("*.jsonl"))
SEEDS = ROOT / "evals" / "seeds" / "articles.jsonl"
DEV = SHARED / "dev" / "articles.jsonl"

register_backend("fakehttp", ToolCallBackend)
register_backend("count", lambda settings: _Counter(settings))
TABLE = Table((11, 52, 18))
row = TABLE.row


def _articles(n: int, chars: int = 1500) -> list[Article]:
    body = ("Pemerintah kabupaten melakukan studi banding ke kota lain. " * 40)[:chars]
    return [Article(id=f"b{i:05d}", text=f"{i} {body}") for i in range(n)]


def _llm_settings(url: str, **kw: Any) -> Settings:
    base = Settings(
        backend="llm",
        model="fake-model",
        base_url=url,
        mode="TOOLS",
        prefilter=False,
        use_cache=False,
        transport_attempts=12,
        transport_max_wait_s=10,
    )
    return base.replace(**kw)


STAMPS: list[float] = []


def _run(articles: list[Article], settings: Settings) -> tuple[BatchStats, float, int]:
    """Run a batch; returns stats, wall time (start-up included) and lost articles.

    The completion time of every result is left in STAMPS for steady-state rates.
    """
    stats = BatchStats()
    STAMPS.clear()
    started = time.perf_counter()
    ids = []
    for r in extract_many(articles, settings=settings, stats=stats):
        ids.append(r.id)
        STAMPS.append(time.perf_counter())
    elapsed = time.perf_counter() - started
    lost = len({a.id for a in articles} - set(ids)) + (len(ids) - len(set(ids)))
    return stats, elapsed, lost


def _steady_rate(skip: int) -> float:
    """Results per second after the first ``skip`` results (start-up excluded)."""
    return (len(STAMPS) - 1 - skip) / (STAMPS[-1] - STAMPS[skip])


def bench_throughput(backends: tuple[str, ...] = ("fakehttp", "llm")) -> None:
    latency, conc = 0.2, 32
    ideal = conc / latency
    sizes = {"fakehttp": 1600, "llm": 960}
    for backend, n in ((b, sizes[b]) for b in backends):
        with ServerProcess(Faults(latency_s=latency)) as server:
            settings = _llm_settings(server.url, backend=backend, concurrency=conc)
            # warm-up: imports, client and connection pool
            _run(_articles(conc, 200), settings)
            cpu = time.process_time()  # this process only: the server is a child process
            stats, elapsed, lost = _run(_articles(n), settings)
            cpu = time.process_time() - cpu
        rate, steady = n / elapsed, _steady_rate(conc)
        row(
            "throughput",
            f"{backend}: L=200ms C=32, {n} articles: rate / (C/L={ideal:.0f}/s)",
            f"{rate:.1f}/s = {rate / ideal:.2f}",
            ">= 0.85",
        )
        row(
            "throughput",
            f"{backend}: same, after the first {conc} results",
            f"{steady:.1f}/s = {steady / ideal:.2f}",
        )
        # The client runs on one event loop: its CPU per article bounds the rate.
        row("throughput", f"{backend}: client CPU per article", f"{cpu / n * 1000:.2f} ms")
        if stats.errors or lost:
            row("throughput", f"{backend}: errors / lost", f"{stats.errors} / {lost}", "0 / 0")


def bench_rpm() -> None:
    rpm, n = 1200.0, 500  # 20 requests/s: about 25 s a run
    for label, client_rpm in (("client limit = R", rpm), ("adaptive 429 only", None)):
        with ServerProcess(Faults(latency_s=0.05, rpm=rpm)) as server:
            settings = _llm_settings(server.url, concurrency=32, requests_per_minute=client_rpm)
            _run(_articles(8, 200), settings)  # within the server's one-second burst
            before = server.stats["rate_limited"]
            stats, elapsed, lost = _run(_articles(n), settings)
            limited = server.stats["rate_limited"] - before
        achieved = stats.ok / elapsed * 60  # articles that came through, per minute
        row(
            "rpm",
            f"{label}: R={rpm:.0f}/min, {n} articles: extracted/min / R",
            f"{achieved:.0f}/min = {achieved / rpm:.2f}",
            ">= 0.90",
        )
        row(
            "rpm",
            f"{label}: 429s served / errors / lost",
            f"{limited} / {stats.errors} / {lost}",
            "lost 0",
        )


class _Counter:
    """The 'LLM' of the pre-filter run: counts the articles that reach it."""

    name = "count"

    def __init__(self, settings: Settings) -> None:
        self.calls = 0

    async def aextract(self, article: Article) -> VisitExtraction:
        self.calls += 1
        return VisitExtraction(is_study_visit=False, backend="count")

    def extract(self, article: Article) -> VisitExtraction:
        raise NotImplementedError


def bench_prefilter() -> None:
    try:
        from visit_extract.backends.rules.relevance import relevance_score  # noqa: F401
    except ImportError:
        row("prefilter", "visit_extract.backends.rules.relevance missing", "not measured")
        return
    if not DUMP:
        row("prefilter", "dump absent (../shared)", "not measured")
        return
    settings = Settings(backend="count", prefilter=True, concurrency=8)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    total = calls = 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for path in DUMP:
            backend = _Counter(settings)
            stats = run_batch(
                path, Path(tmp) / f"{path.stem}.jsonl", settings=settings, backend=backend
            )
            total += stats.done
            calls += backend.calls
    elapsed = time.perf_counter() - started
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    row("prefilter", f"{total:,} dump articles through run_batch: rate", f"{total / elapsed:.0f}/s")
    row(
        "prefilter",
        "peak RSS of the process (growth during the run)",
        f"{rss_after / 1024:.0f} MB (+{(rss_after - rss_before) / 1024:.0f})",
    )
    row(
        "prefilter",
        f"share reaching the LLM (threshold {settings.prefilter_threshold})",
        f"{calls:,} = {calls / total:.2%}",
        "<= 5%",
    )


def bench_textprep() -> None:
    try:
        from visit_extract.backends.llm.textprep import prepare_text
    except ImportError:
        row("textprep", "visit_extract.backends.llm.textprep missing", "not measured")
        return
    if not DUMP:
        row("textprep", "dump absent (../shared)", "not measured")
        return
    raw = prepared = n = 0
    started = time.perf_counter()
    for path in DUMP:
        for _, item in iter_input(path):
            if isinstance(item, Article):
                n += 1
                raw += len(item.text)
                prepared += len(prepare_text(item.text).text)
    elapsed = time.perf_counter() - started
    row(
        "textprep",
        f"{n:,} dump articles: mean chars raw -> prepared",
        f"{raw / n:.0f} -> {prepared / n:.0f}",
    )
    row("textprep", "characters removed by preparation", f"{1 - prepared / raw:.1%}", ">= 25%")
    row("textprep", "prepare_text rate", f"{n / elapsed:.0f}/s")


def bench_cache() -> None:
    try:
        import visit_extract.backends.llm  # noqa: F401
    except ImportError:
        row("cache", "LLM backend missing", "not measured")
        return
    articles: list[Article] = []
    for path in (SEEDS, DEV):
        if path.exists():
            articles += [a for _, a in iter_input(path) if isinstance(a, Article)]
    label = "seeds+dev" if DEV.exists() else "seeds only"
    instant = Settings(backend="count", concurrency=16, prefilter=False)
    many = _articles(20_000, 200)
    _, elapsed, _ = _run(many, instant.replace())
    row("cache", "batch machinery alone (instant backend, 20,000)", f"{len(many) / elapsed:.0f}/s")
    with tempfile.TemporaryDirectory() as tmp, ServerProcess(Faults(latency_s=0.05)) as server:
        settings = _llm_settings(server.url, use_cache=True, cache_dir=Path(tmp), concurrency=16)
        stats, cold, _ = _run(articles, settings)
        row(
            "cache",
            f"{label} ({len(articles)} articles): cold run",
            f"{len(articles) / cold:.1f}/s",
        )
        stats, warm, _ = _run(articles, settings)
        row(
            "cache",
            f"{label}: warm re-run (one pass, incl. start-up)",
            f"{len(articles) / warm:.0f}/s",
            ">= 1,000/s",
        )
        copies = [a.model_copy(update={"id": f"{a.id}#{k}"}) for k in range(30) for a in articles]
        stats, warm_many, _ = _run(copies, settings)
        row(
            "cache",
            f"{label} x30 ({len(copies):,}): warm, steady state",
            f"{len(copies) / warm_many:.0f}/s",
            ">= 1,000/s",
        )
        row("cache", "warm: cache hits / results", f"{stats.cache_hits:,} / {stats.done:,}")


SECTIONS: dict[str, Callable[[], None]] = {
    "prefilter": bench_prefilter,
    "textprep": bench_textprep,
    "throughput": bench_throughput,
    # The llm half of throughput alone: to compare client CPU per article across
    # changes to the LLM client without also running the thin backend.
    "llm-throughput": lambda: bench_throughput(("llm",)),
    "rpm": bench_rpm,
    "cache": bench_cache,
}


def main(argv: list[str]) -> None:
    run_sections(SECTIONS, argv, TABLE)
    print(json.dumps({"rows": TABLE.rows}, ensure_ascii=False), file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
