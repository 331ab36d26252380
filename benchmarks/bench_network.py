"""How the diffusion network scales: build, tables, page, and the page's layout time.

Writes a synthetic batch output (invented visits between random Kemendagri regions,
each visit reported by one to three outlets), then times ``build_network``, every
table, the HTML page, and — when chromium is installed — how long the page takes to
lay out the drawing in headless Chromium (the page records it in
``data-layout-ms``).

    python benchmarks/bench_network.py              # 2,000 and 10,000 reported visits
    python benchmarks/bench_network.py 50000
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from visit_extract.network import TABLES, build_network, render_html
from visit_extract.normalize.gazetteer import gazetteer


def synthetic(folder: Path, visits: int, seed: int = 7) -> tuple[Path, Path]:
    rng = random.Random(seed)
    codes = [c for c, r in gazetteer().by_code.items() if r.level != "province"]
    hubs = rng.sample(codes, 40)  # a few popular models, as in real data
    results, articles = [], []
    n = 0
    while n < visits:
        visitor = rng.choice(codes)
        host = rng.choice(hubs) if rng.random() < 0.6 else rng.choice(codes)
        day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3650))
        for _ in range(rng.choice((1, 1, 2, 3))):
            n += 1
            aid = f"s{n}"
            visit = {
                "visitor": {"region": gazetteer().by_code[visitor].name, "level": "regency"},
                "host": {"region": gazetteer().by_code[host].name, "level": "regency"},
                "start_date": day.isoformat(),
                "topics": [rng.choice(["smart city", "bank sampah", "desa wisata", "BUMDes"])],
                "domains": [rng.choice(["digital", "environment", "village", "tourism_culture"])],
            }
            results.append({"id": aid, "is_study_visit": True, "visits": [visit]})
            articles.append({"id": aid, "published": day.isoformat(), "text": "x",
                             "outlet": f"outlet{rng.randrange(30)}.example"})  # fmt: skip
    out, dump = folder / "out.jsonl", folder / "articles.jsonl"
    out.write_text("".join(json.dumps(r) + "\n" for r in results), encoding="utf-8")
    dump.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return out, dump


def layout_ms(page: Path, profile: Path) -> str:
    browser = shutil.which("chromium")
    if browser is None:
        return "no chromium"
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--dump-dom", page.as_uri()]  # fmt: skip
    start = time.perf_counter()
    dom = subprocess.run([browser, *flags], capture_output=True, text=True, timeout=600).stdout
    wall = time.perf_counter() - start
    m = re.search(r'data-layout-ms="(\d+)"', dom)
    return f"{m.group(1) if m else '?'} ms layout, {wall:.1f} s to load in chromium"


def main(sizes: list[int]) -> None:
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            out, dump = synthetic(folder, size)
            t0 = time.perf_counter()
            net = build_network([out], articles=[dump])
            t1 = time.perf_counter()
            for _, build in TABLES.values():
                build(net)
            t2 = time.perf_counter()
            page = folder / "network.html"
            page.write_text(render_html(net), encoding="utf-8")
            t3 = time.perf_counter()
            print(
                f"{size:,} reported visits -> {len(net.events):,} visits, {len(net.places):,} "
                f"regions: build {t1 - t0:.2f} s ({size / (t1 - t0):,.0f} visits/s), all tables "
                f"{t2 - t1:.2f} s, page {t3 - t2:.2f} s ({page.stat().st_size / 1e6:.1f} MB); "
                f"{layout_ms(page, folder / 'profile')}"
            )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [2000, 10000])
