"""Scoring part of an eval set through an id list (a development split)."""

from __future__ import annotations

from pathlib import Path

import pytest

from visit_extract.errors import DatasetError
from visit_extract.eval import evaluate
from visit_extract.eval.subsets import read_id_list

from .test_runner import gold_rows, write_rows

SPLIT = "# id\thalf\nseed-000\tfirst\nseed-001\tsecond\nseed-002\tfirst\n\nseed-004\tsecond\n"


def test_a_label_selects_its_lines(tmp_path: Path) -> None:
    split = tmp_path / "split.tsv"
    split.write_text(SPLIT, encoding="utf-8")
    assert read_id_list(f"{split}:first") == {"seed-000", "seed-002"}
    assert read_id_list(split) == {"seed-000", "seed-001", "seed-002", "seed-004"}


def test_an_unknown_label_names_the_labels_there(tmp_path: Path) -> None:
    split = tmp_path / "split.tsv"
    split.write_text(SPLIT, encoding="utf-8")
    with pytest.raises(DatasetError, match=r"labelled 'frist'; its labels: first, second"):
        read_id_list(f"{split}:frist")
    with pytest.raises(DatasetError, match="does not exist"):
        read_id_list(tmp_path / "missing.tsv")


def test_evaluate_scores_only_the_selected_articles(seeds_dir: Path, tmp_path: Path) -> None:
    preds = write_rows(tmp_path / "p.jsonl", gold_rows(seeds_dir))
    run = evaluate(seeds_dir, predictions=preds, n_boot=0, only={"seed-000", "seed-003"})
    assert [r.id for r in run.articles] == ["seed-000", "seed-003"]
    with pytest.raises(DatasetError, match="none of the selected ids"):
        evaluate(seeds_dir, predictions=preds, n_boot=0, only={"no-such-id"})
