"""Time per 10k characters of every rules step on growing texts (issue 11: no step may
be worse than linear in the text).

Usage::

    python benchmarks/bench_linear.py [--max-chars N] [--steps]

Builds texts of 10k, 20k, 40k ... characters up to ``--max-chars`` (default 1 MB): an
invented visit report followed by repeats of invented sentences full of dates, regions,
titles and visit cues (``grown_text`` of tests/backends/rules/support.py, three
fillers: whole sentences, the same run on without full stops, and the repeated dates
of issue 11), and prints the CPU time per 10k characters of
``RulesBackend.extract`` (relevance score + extractor) at each size, and the ratio to
the smallest size: a linear step keeps the ratio near 1, a quadratic one doubles it
with every doubling. ``--steps`` also prints each stage's own time per 10k characters.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

from visit_extract.backends.rules.context import Context, read_article
from visit_extract.backends.rules.extractor import STAGES, assemble
from visit_extract.backends.rules.mentions import find_regions, ignored_spans, sentences
from visit_extract.backends.rules.pairing import pair_parties
from visit_extract.backends.rules.people import find_people
from visit_extract.backends.rules.relevance import relevance_score
from visit_extract.backends.rules.roles import score_roles

ROOT = Path(__file__).resolve().parents[1]
# the invented growing texts live with the test that checks the same property
sys.path.insert(0, str(ROOT / "tests"))
from backends.rules.support import FILLERS, grown_text  # noqa: E402

PUBLISHED = date(2019, 2, 26)


def _steps() -> list[tuple[str, Callable[[str, Context | None], object]]]:
    """Each step alone; the ones after ``read_article`` run on a context built once."""

    def stage(fn: Callable[[Context], object]) -> Callable[[str, Context | None], object]:
        return lambda _t, ctx: fn(ctx) if ctx is not None else None

    out: list[tuple[str, Callable[[str, Context | None], object]]] = [
        ("relevance_score", lambda t, _c: relevance_score(t, None)),
        ("ignored_spans", lambda t, _c: ignored_spans(t)),
        ("sentences", lambda t, _c: sentences(t)),
        ("find_regions", lambda t, _c: find_regions(t)),
        ("find_people", lambda t, _c: find_people(t, find_regions(t))),
        ("score_roles", stage(score_roles)),
        ("pair_parties", stage(pair_parties)),
    ]
    out += [(fn.__name__, stage(fn)) for fn in STAGES]
    out.append(("assemble", stage(assemble)))
    return out


def _cpu(fn: Callable[[], object]) -> float:
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-chars", type=int, default=1_000_000)
    parser.add_argument("--steps", action="store_true", help="time each stage alone too")
    args = parser.parse_args(argv)
    sizes = [10_000]
    while sizes[-1] * 2 <= args.max_chars:
        sizes.append(sizes[-1] * 2)
    if sizes[-1] < args.max_chars:
        sizes.append(args.max_chars)

    from visit_extract.backends.rules.backend import RulesBackend
    from visit_extract.schema import Article

    backend = RulesBackend()
    backend.extract(Article(id="warm", text=grown_text(2_000), published=PUBLISHED))
    print("RulesBackend.extract, CPU ms per 10k characters (x ratio to the 10k text):")
    print("  " + "chars".rjust(9) + "".join(f"{f:>20}" for f in FILLERS))
    first: dict[str, float] = {}
    for n in sizes:
        cells = []
        for filler in FILLERS:
            article = Article(id=f"n{n}", text=grown_text(n, filler), published=PUBLISHED)
            per = _cpu(partial(backend.extract, article)) / (n / 10_000)
            first.setdefault(filler, per)
            cells.append(f"{per * 1000:10.2f} ms x{per / first[filler]:5.2f}")
        print(f"  {n:>9,}" + "".join(f"{c:>20}" for c in cells), flush=True)
    if args.steps:
        for filler in FILLERS:
            _step_table(sizes, filler)
    return 0


def _step_table(sizes: list[int], filler: str) -> None:
    """Each step's CPU ms per 10k characters at each size, on one filler."""
    print(f"each step on '{filler}', CPU ms per 10k characters:")
    steps = _steps()
    print("  " + "step".ljust(16) + "".join(f"{n // 1000:>8}k" for n in sizes))
    pipeline: list[Callable[[Context], object]] = [score_roles, pair_parties, *STAGES, assemble]
    names = [fn.__name__ for fn in pipeline]
    for name, fn in steps:
        row = []
        for n in sizes:
            text = grown_text(n, filler)
            ctx = read_article(text, PUBLISHED)
            # the steps before this one run untimed
            for earlier in pipeline[: names.index(name) if name in names else 0]:
                earlier(ctx)
            row.append(_cpu(partial(fn, text, ctx)) / (n / 10_000) * 1000)
        print("  " + name.ljust(16) + "".join(f"{v:9.2f}" for v in row), flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
