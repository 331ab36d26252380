"""No rules step is worse than linear in the text (issue 11): time on growing texts.

A property of the whole pipeline, not a speed claim: an 8 times longer text may take
about 8 times as long, never 64 (quadratic). CPU time of this process, the best of a few
runs, and a bound (16) twice the linear ratio keep it steady on a loaded machine.
"""

from __future__ import annotations

import time
from datetime import date

import pytest

from visit_extract.backends.rules.backend import RulesBackend
from visit_extract.schema import Article

from .support import FILLERS, grown_text


def _cpu_seconds(article: Article, runs: int) -> float:
    backend = RulesBackend()
    best = float("inf")
    for _ in range(runs):
        t0 = time.process_time()
        result = backend.extract(article)
        best = min(best, time.process_time() - t0)
    assert result.visits, "the growing text must reach every stage"
    return best


@pytest.mark.parametrize("filler", sorted(FILLERS))
def test_extraction_time_grows_linearly_with_the_text(filler: str) -> None:
    published = date(2019, 2, 26)
    small = Article(id="small", text=grown_text(20_000, filler), published=published)
    large = Article(id="large", text=grown_text(160_000, filler), published=published)
    _cpu_seconds(small, 1)  # warm-up: the gazetteer and the regexes load once
    ratio = _cpu_seconds(large, 2) / _cpu_seconds(small, 3)
    assert ratio < 16, f"8x the text took {ratio:.1f}x the time on '{filler}'"
