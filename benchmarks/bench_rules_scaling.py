"""How the rules backend's time grows with the length of one article.

Usage::

    python benchmarks/bench_rules_scaling.py [--max-chars 1000000] [--limit-s 60]
        [--filler dates|words]

An invented study-visit report is padded with date expressions (``dates``, the worst
case the issue found) or plain words (``words``) to 10k, 20k, 40k ... characters, up to
``--max-chars``, and each length is extracted once through ``extract_visit`` (after one
warm-up run). Printed per length: seconds, CPU seconds, CPU seconds per 10k characters,
and the CPU growth per doubling of the length against the previous one (about 2.0 for
linear work, 4.0 for quadratic; CPU time, because other processes on the machine
inflate wall time). A length that takes
longer than ``--limit-s`` ends the run there: it is stopped by the per-article time
limit (``Settings.article_timeout_s``) and every longer one would take longer still.
"""

from __future__ import annotations

import argparse
import math
import time

from visit_extract import ArticleTimeout, Settings, extract_visit

BASE = (
    "Rombongan Pemerintah Kabupaten Sigi dipimpin Wakil Bupati Samuel Yansen melakukan "
    "studi banding ke Kabupaten Banyuwangi, Kamis (14/3). Mereka diterima Sekda "
    "Banyuwangi dan belajar tentang Mal Pelayanan Publik. "
)
FILLERS = {
    "dates": "Senin (25/2) hingga Rabu (27/2/2019), 13/1/2020, kemarin, ",
    "words": "warga kota menikmati taman yang asri dan bersih setiap pagi, ",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-chars", type=int, default=1_000_000)
    parser.add_argument("--limit-s", type=float, default=60.0, help="give up past this")
    parser.add_argument("--filler", choices=sorted(FILLERS), default="dates")
    args = parser.parse_args(argv)

    settings = Settings(
        backend="rules", article_timeout_s=args.limit_s, max_article_chars=args.max_chars
    )
    filler = FILLERS[args.filler]
    print(f"rules backend, {args.filler} filler, limit {args.limit_s:g} s per article")
    extract_visit(BASE, settings=settings)  # warm-up: lazy imports and compiled patterns
    print(f"{'chars':>10} {'seconds':>9} {'cpu s':>9} {'cpu/10k':>9} {'growth':>7}")
    lengths = [10_000 * 2**i for i in range(20) if 10_000 * 2**i < args.max_chars]
    previous = None
    for chars in [*lengths, args.max_chars]:
        text = (BASE + filler * (chars // len(filler) + 1))[:chars]
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            extract_visit(text, settings=settings, published="2019-03-15")
        except ArticleTimeout:
            print(f"{chars:>10,} {'>' + format(args.limit_s, 'g'):>9}  (stopped: over the limit)")
            break
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        growth = "-"
        if previous and previous[1] > 0 and cpu > 0:
            exponent = math.log(cpu / previous[1]) / math.log(chars / previous[0])
            growth = f"{2**exponent:.1f}"
        print(f"{chars:>10,} {wall:>9.3f} {cpu:>9.3f} {cpu / chars * 10_000:>9.4f} {growth:>7}")
        previous = (chars, cpu)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
