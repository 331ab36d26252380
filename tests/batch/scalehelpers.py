"""Helpers of the scale-out tests (local workers and Dask): comparing outputs, the
inputs they run on, and a rules backend with a fault injected once.

Worker processes import this module by name (pickled factories refer to it), which
works because spawned and forked workers inherit the test process's ``sys.path``.
"""

from __future__ import annotations

import json
import os
import signal
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from batchhelpers import write_jsonl

from visit_extract.backends.rules.backend import RulesBackend
from visit_extract.batch import run_batch
from visit_extract.config import Settings
from visit_extract.errors import ConfigError
from visit_extract.io import iter_input
from visit_extract.registry import BackendCapabilities
from visit_extract.schema import Article, VisitExtraction

RULES = Settings(backend="rules", use_cache=False)


def normalized_rows(path: Path) -> list[str]:
    """The rows of a results file, sorted, without ``latency_s`` (a timing that differs
    between any two runs), as canonical JSON."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        row.pop("latency_s", None)
        rows.append(json.dumps(row, sort_keys=True, ensure_ascii=False))
    return sorted(rows)


def reference(inputs: list[Path], out_dir: Path, settings: Settings = RULES) -> list[str]:
    """The normalized rows of one-process runs over ``inputs`` (one run per input)."""
    rows: list[str] = []
    for i, source in enumerate(inputs):
        out = out_dir / f"reference-{i}.jsonl"
        run_batch(source, out, settings=settings, overwrite=True)
        rows += normalized_rows(out)
    return sorted(rows)


def llm_settings(url: str, requests_per_second: float) -> Settings:
    """The thin HTTP test backend (``fakehttp``, registered by the caller) against the
    fake server at ``url``, eight articles in flight, a request budget per second."""
    return Settings(
        backend="fakehttp",
        model="fake",
        base_url=url,
        use_cache=False,
        prefilter=False,
        concurrency=8,
        requests_per_minute=requests_per_second * 60,
    )


def short_dump(path: Path, n: int) -> Path:
    """``n`` one-line articles ``q000``... in a JSONL file."""
    with path.open("w", encoding="utf-8") as fh:
        fh.writelines(json.dumps({"id": f"q{i:03d}", "text": f"teks {i}"}) + "\n" for i in range(n))
    return path


def seed_rows(seeds_dir: Path) -> list[dict[str, object]]:
    """The seed articles as JSON rows, read as a batch run reads them."""
    rows = []
    for _, article in iter_input(seeds_dir / "articles.jsonl"):
        assert isinstance(article, Article), article  # the seeds have no bad row
        rows.append(article.model_dump(mode="json"))
    return rows


def repeated_seeds(seeds_dir: Path, target: Path, times: int = 10) -> Path:
    """The seed articles ``times`` over, copy ``k`` under the ids ``<id>-<k>``, as a
    JSONL file: enough articles for several parts, each run by the rules backend as the
    seed itself is."""
    articles = seed_rows(seeds_dir)
    return write_jsonl(
        target, [{**a, "id": f"{a['id']}-{k}"} for k in range(times) for a in articles]
    )


def result_ids(path: Path) -> list[str]:
    """The ids of a results file's rows, in file order (repeats kept)."""
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]


def slice_jsonl(source: Path, target: Path, lines: int) -> Path:
    """The first ``lines`` lines of ``source``."""
    with source.open(encoding="utf-8") as src, target.open("w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= lines:
                break
            dst.write(line)
    return target


class FaultyRules:
    """The rules backend, except at one article: the first time it gets there (no
    marker file yet) it kills its own process with SIGKILL (``mode="kill"``) or raises a
    ConfigError, which stops the run (``mode="stop"``)."""

    name = "rules"
    capabilities = RulesBackend.capabilities

    def __init__(self, settings: Settings, fault: Fault) -> None:
        self._rules = RulesBackend(settings)
        self._fault = fault

    def extract(self, article: Article) -> VisitExtraction:
        if article.id == self._fault.article_id:
            marker = Path(self._fault.marker)
            if not marker.exists():
                marker.write_text(str(os.getpid()))
                if self._fault.mode == "kill":
                    os.kill(os.getpid(), signal.SIGKILL)
                raise ConfigError("injected: the run stops here")
        return self._rules.extract(article)


_RULES_CAPABILITIES = BackendCapabilities(prefilter=False, concurrency=1)


@dataclass(frozen=True)
class Fault:
    """A factory of :class:`FaultyRules` (picklable by reference, with the rules
    backend's capabilities)."""

    article_id: str
    marker: str
    mode: str = "kill"
    capabilities: Any = _RULES_CAPABILITIES

    def __call__(self, settings: Settings) -> FaultyRules:
        return FaultyRules(settings, self)


def window_rate(arrivals: list[float], *, skip_s: float, burst: float) -> tuple[float, float]:
    """The request rate (per second) a server saw, from ``skip_s`` after the first
    arrival (start-up: new connections make the first requests arrive late and bunched)
    to the last one: ``(upper, rate)``.

    ``rate`` counts the intervals between the arrivals in the window. A client keeping
    to a budget of rate ``r`` whose bucket holds ``burst`` requests sends at most
    ``burst + r * W + 1`` requests in any window ``W``, so ``upper``, which leaves those
    ``burst + 1`` out, is at most ``r``.
    """
    times = sorted(arrivals)
    start, end = times[0] + skip_s, times[-1]
    count = sum(1 for t in times if start <= t <= end)
    span = end - start
    return (count - burst - 1) / span, (count - 1) / span
