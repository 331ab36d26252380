"""The text table and the self-contained HTML report (escaping, highlights, diffs), and
a render of the report in a real headless chromium."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from headless import FLAGS, chromium, png_pixels
from visit_extract.eval import METRICS, evaluate
from visit_extract.eval.report import format_table, highlight, render_html
from visit_extract.eval.results import EvalRun

from .test_runner import perturbed_rows, write_rows

HOSTILE = "<script>document.title='pwned'</script><img src=x onerror=alert(1)>"


def _hostile_set(tmp_path: Path) -> tuple[Path, Path]:
    """An eval set whose text, title and predicted values carry markup, with evidence."""
    text = (
        f"{HOSTILE}\nBupati Lahat Cik Ujang studi banding ke Kabupaten Banyuwangi, "
        "Senin (25/2), untuk belajar Mal Pelayanan Publik & BUMDes."
    )
    d = tmp_path / "hostile"
    d.mkdir()
    article = {"id": "h1", "title": "<b onmouseover=x>T</b>", "published": None, "text": text}
    (d / "articles.jsonl").write_text(json.dumps(article) + "\n", encoding="utf-8")
    party = {"region": "Kabupaten Lahat", "level": "regency", "branch": "executive"}
    host = {"region": "Kabupaten Banyuwangi", "level": "regency", "branch": "executive"}
    gold = {
        "id": "h1",
        "is_study_visit": True,
        "visits": [{"visitor": party, "host": host, "kind": "studi_banding"}],
        "notes": "<i>note</i>",
    }
    (d / "gold.jsonl").write_text(json.dumps(gold) + "\n", encoding="utf-8")
    start = text.index("Kabupaten Banyuwangi")
    topic = text.index("Mal Pelayanan Publik")
    pred = {
        "id": "h1",
        "is_study_visit": True,
        "visits": [
            {
                "visitor": party | {"institution": "<svg onload=alert(2)>"},
                "host": host,
                "kind": "studi_tiru",  # disagrees with gold
                "topics": ["Mal Pelayanan Publik"],
                "evidence": [
                    {"field": "host.region", "quote": "x", "start": start, "end": start + 20},
                    # overlaps the previous span: cut, never nested
                    {"field": "host", "quote": "x", "start": start + 10, "end": start + 30},
                    {"field": "topics[0]", "quote": "x", "start": topic, "end": topic + 20},
                    {"field": "kind", "quote": "x", "start": 5, "end": 10_000},  # out of range
                ],
            }
        ],
    }
    return d, write_rows(tmp_path / "pred.jsonl", [pred])


def test_format_table_has_a_row_per_metric(seeds_dir: Path, tmp_path: Path) -> None:
    run = evaluate(
        seeds_dir, predictions=write_rows(tmp_path / "p.jsonl", perturbed_rows(seeds_dir))
    )
    lines = format_table(run).splitlines()
    assert lines[0].split() == [
        "field",
        "P",
        "R",
        "F1",
        "F1",
        "95%",
        "CI",
        "correct",
        "pred",
        "gold",
    ]
    visit = next(line.split() for line in lines if line.startswith("visit "))
    assert visit[1:4] == ["0.800", "0.800", "0.800"] and visit[-3:] == ["4", "5", "5"]
    assert [line.split()[0] for line in lines[1:]] == list(METRICS)


def test_highlight_escapes_and_cuts_overlaps() -> None:
    html = highlight("a<b>cdef", [(1, 4, "x"), (3, 6, "y"), (7, 99, "out"), (5, 5, "empty")])
    assert html == (
        "a<mark title='x'>&lt;b</mark><mark title='x, y'>&gt;</mark><mark title='y'>cd</mark>ef"
    )


def test_html_escapes_everything_and_marks_disagreements(tmp_path: Path) -> None:
    dataset, preds = _hostile_set(tmp_path)
    page = render_html(evaluate(dataset, predictions=preds, n_boot=0))
    assert "<script" not in page and "<img" not in page and "<svg" not in page
    assert "<b onmouseover" not in page and "<i>note" not in page
    assert "&lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt;" in page
    assert "&lt;svg onload=alert(2)&gt;" in page
    # no external asset of any kind
    assert not re.search(r"<[^>]*\b(?:src|href)\s*=", page)  # (escaped text has no "<")
    assert "url(" not in page and "@import" not in page
    # evidence highlighted in the text, the kind disagreement marked on both sides
    assert "<mark title='visit 1: topics[0]'>Mal Pelayanan Publik</mark>" in page
    assert "<mark title='visit 1: host.region'>Kabupaten </mark>" in page
    assert "<td class='bad'>kind</td><td>studi_banding</td><td class='bad'>studi_tiru</td>" in page


def test_html_from_a_saved_run_has_no_texts(seeds_dir: Path, tmp_path: Path) -> None:
    run = evaluate(
        seeds_dir, predictions=write_rows(tmp_path / "p.jsonl", perturbed_rows(seeds_dir))
    )
    run.save(tmp_path / "run.json")
    page = render_html(EvalRun.load(tmp_path / "run.json"))
    assert page.count("(article text not available)") == 5
    assert page.count("<section class='article") == 5
    assert "gold #2: missed" in page  # seed-001's Lahat visit
    assert "predicted #1: not in gold" in page  # seed-003's invented visit


# --- a real browser -----------------------------------------------------------------------


def _browser(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    flags = [*FLAGS, f"--user-data-dir={tmp_path / 'chromium-profile'}"]
    return subprocess.run(
        [chromium(), *flags, *args], capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.browser
def test_report_renders_in_headless_chromium(seeds_dir: Path, tmp_path: Path) -> None:
    chromium()
    hostile, preds = _hostile_set(tmp_path)
    seeds_preds = write_rows(tmp_path / "seeds.jsonl", perturbed_rows(seeds_dir))
    rows = [json.loads(x) for x in seeds_preds.read_text(encoding="utf-8").splitlines()]
    rows += [json.loads(x) for x in preds.read_text(encoding="utf-8").splitlines()]
    run = evaluate([seeds_dir, hostile], predictions=write_rows(tmp_path / "all.jsonl", rows))
    page = tmp_path / "report.html"
    page.write_text(render_html(run), encoding="utf-8")

    dom = _browser(tmp_path, "--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    html: Any = dom.stdout
    assert "<title>visit-extract eval" in html and "pwned" not in html.split("</title>")[0]
    assert html.count('<section class="article') == 6
    assert 'id="summary"' in html and html.count("<mark") >= 3
    assert '<td class="bad">kind</td>' in html
    assert "<script" not in html  # the article's script stayed text

    shot = tmp_path / "shot.png"
    result = _browser(tmp_path, f"--screenshot={shot}", "--window-size=800,600", page.as_uri())
    assert result.returncode == 0 and shot.is_file(), result.stderr[-2000:]
    width, bpp, pixels = png_pixels(shot.read_bytes())
    assert width == 800 and len(pixels) == 600
    colours: set[bytes] = set()
    dark = 0
    for line in pixels:
        for x in range(0, len(line), bpp * 2):  # every other pixel is plenty
            px = line[x : x + 3]
            colours.add(px)
            dark += max(px) < 128
    assert dark > 1000  # text was drawn
    assert len(colours) > 20  # and more than one flat colour: tables, bands, marks
