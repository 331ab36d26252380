"""`visit-extract eval` over a real model run, replayed offline.

The cassette holds the HTTP traffic of one whole eval of the seed set against
SmolLM2-135M on a local llama.cpp server (tests/eval/record_smollm2_eval.py). The
135M model's answers are mostly wrong or invalid: these tests check the eval's
plumbing with a model backend — every request replayed, tokens counted as the server
reported them, errors kept as rows, the streamed records scoring the same as the run —
and nothing about accuracy.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from backends.llm.support import CASSETTES, replay
from visit_extract.backends.llm.prompting import PromptSet
from visit_extract.cli import main

from .record_smollm2_eval import CASSETTE, MODEL_ARGS

SEEDS = Path(__file__).resolve().parents[2] / "evals" / "seeds"


def served_tokens() -> int:
    """Total tokens the server reported in the cassette's responses."""
    recorded = yaml.safe_load((CASSETTES / CASSETTE).read_text(encoding="utf-8"))
    total = 0
    for interaction in recorded["interactions"]:
        body = interaction["response"]["body"]["string"]
        total += int(json.loads(body).get("usage", {}).get("total_tokens", 0))
    return total


@pytest.fixture
def replayed_run(tmp_path: Path) -> tuple[int, dict[str, Any], Path, Any]:
    out = tmp_path / "run.json"
    html = tmp_path / "report.html"
    with replay(CASSETTE) as cassette:
        code = main(["eval", str(SEEDS), *MODEL_ARGS, "--out", str(out), "--html", str(html), "-q"])
    return code, json.loads(out.read_text(encoding="utf-8")), tmp_path, cassette


def test_every_recorded_request_is_replayed_and_nothing_else(
    replayed_run: tuple[int, dict[str, Any], Path, Any],
) -> None:
    code, _, _, cassette = replayed_run
    assert code == 0
    assert cassette.all_played
    assert cassette.play_count == len(cassette)


def test_run_records_the_model_backend_and_the_tokens_it_was_served(
    replayed_run: tuple[int, dict[str, Any], Path, Any],
) -> None:
    _, run, _, _ = replayed_run
    assert run["backend"] == "llm"
    assert run["model"] == "smollm2"
    assert run["prompt_version"] == PromptSet.load().version
    assert run["usage"]["total_tokens"] == served_tokens() > 0
    records = run["articles"]
    assert [r["id"] for r in records] == [f"seed-00{i}" for i in range(5)]
    for name in ("article", "visit", "visitor.region", "start_date", "topics", "domains"):
        metric = run["metrics"][name]
        assert set(metric) >= {"precision", "recall", "f1", "ci95", "counts"}


def test_streamed_records_score_the_same_as_the_run(
    replayed_run: tuple[int, dict[str, Any], Path, Any],
) -> None:
    _, run, tmp_path, _ = replayed_run
    streamed = tmp_path / "run.articles.jsonl"
    again = tmp_path / "again.json"
    code = main(["eval", str(SEEDS), "--predictions", str(streamed), "--out", str(again), "-q"])
    assert code == 0
    rescored = json.loads(again.read_text(encoding="utf-8"))
    assert {k: v["counts"] for k, v in rescored["metrics"].items()} == {
        k: v["counts"] for k, v in run["metrics"].items()
    }
