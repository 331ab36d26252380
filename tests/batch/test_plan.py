"""``batch --dry-run``: the pre-filter alone, no key and no request."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from batchhelpers import read_rows

from visit_extract.batch.plan import DRY_RUN, plan_batch
from visit_extract.cli import main
from visit_extract.config import Settings
from visit_extract.errors import InputError
from visit_extract.extract import register_backend
from visit_extract.schema import Article, Usage, VisitExtraction

VISIT = "Rombongan Pemkab Sukamaju melakukan studi banding ke Kota Lembah Hijau, Senin (3/3)."
OTHER = "Harga cabai di pasar tradisional naik menjelang akhir pekan."


def _dump(tmp_path: Path) -> Path:
    rows = [
        {"id": "v1", "text": VISIT},
        {"id": "n1", "text": OTHER},
        {"id": "v2", "text": VISIT + " Mereka belajar pengelolaan sampah."},
        {"id": "v1", "text": VISIT},  # a duplicate id
        {"id": "e1", "text": ""},  # unreadable: empty text
    ]
    path = tmp_path / "dump.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


class _Priced:
    """A backend whose factory sizes and prices articles (it is never built)."""

    name = "planned"

    def __init__(self, settings: Settings) -> None:
        raise AssertionError("a dry run must not build the backend")

    def extract(self, article: Article) -> VisitExtraction:
        raise AssertionError("a dry run must not extract")

    @staticmethod
    def planned_usage(settings: Settings, article: Article) -> Usage:
        return Usage(prompt_tokens=len(article.text), completion_tokens=10, requests=1)

    @staticmethod
    def price(settings: Settings, usage: Usage) -> float:
        return usage.prompt_tokens / 1000


@pytest.fixture(autouse=True)
def _registered() -> None:
    register_backend("planned", _Priced)


def test_plan_rows_counts_and_cost(tmp_path: Path) -> None:
    out = tmp_path / "plan.jsonl"
    plan = plan_batch(_dump(tmp_path), out, settings=Settings(backend="planned"))
    rows = {r["id"]: r for r in read_rows(out) if "error" not in r}
    assert rows["v1"]["skipped"] == DRY_RUN and rows["v2"]["skipped"] == DRY_RUN
    assert rows["n1"]["skipped"] == "prefilter" and rows["n1"]["score"] < 0.5
    assert rows["v1"]["score"] >= 0.5
    assert len(read_rows(out)) == 5  # one row per input row, errors included
    assert (plan.articles, plan.to_backend, plan.stopped, plan.errors) == (5, 2, 1, 2)
    expected_chars = len(VISIT) + len(VISIT + " Mereka belajar pengelolaan sampah.")
    assert plan.usage is not None and plan.usage.prompt_tokens == expected_chars
    assert plan.cost_usd == pytest.approx(expected_chars / 1000)
    assert "would reach planned: 2 (40.00%)" in plan.summary()


def test_a_backend_that_is_not_prefiltered_gets_every_article(tmp_path: Path) -> None:
    plan = plan_batch(_dump(tmp_path), tmp_path / "p.jsonl", settings=Settings(backend="rules"))
    assert (plan.to_backend, plan.stopped, plan.threshold) == (3, 0, None)
    assert plan.usage is None and plan.cost_usd is None  # rules cannot size a request
    assert "n/a" in plan.summary()


def test_the_llm_backend_is_priced_without_a_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    settings = Settings(backend="llm", model="openai/gpt-4o-mini")
    plan = plan_batch(_dump(tmp_path), tmp_path / "p.jsonl", settings=settings)
    assert plan.to_backend == 2 and plan.usage is not None
    # each prompt carries the instructions and the tool schema, far more than the article
    assert plan.usage.prompt_tokens > 2 * 1000
    assert plan.usage.requests == 2
    assert plan.cost_usd is not None and plan.cost_usd > 0


def test_an_existing_plan_is_not_overwritten_silently(tmp_path: Path) -> None:
    out = tmp_path / "plan.jsonl"
    out.write_text('{"id": "old", "skipped": "prefilter", "score": 0.01}\n', encoding="utf-8")
    with pytest.raises(InputError, match="--overwrite"):
        plan_batch(_dump(tmp_path), out, settings=Settings(backend="planned"))
    plan_batch(_dump(tmp_path), out, settings=Settings(backend="planned"), overwrite=True)
    assert "old" not in {r["id"] for r in read_rows(out)}


def test_cli_dry_run(tmp_path: Path, capsys: Any) -> None:
    out = tmp_path / "plan.jsonl"
    args = ["batch", str(_dump(tmp_path)), "-o", str(out), "--backend", "planned"]
    code = main([*args, "--dry-run", "--no-progress"])
    assert code == 0
    err = capsys.readouterr().err
    assert "nothing sent" in err and "would reach planned: 2" in err
    assert len(read_rows(out)) == 5
    assert main(["batch", str(_dump(tmp_path)), "-o", str(out), "--dry-run", "--resume"]) == 2
