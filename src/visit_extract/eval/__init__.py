"""Scoring extractions against hand-labelled eval sets (LABELING.md, "Scoring").

>>> from visit_extract.eval import evaluate
>>> run = evaluate(["evals/seeds"], predictions="pred.jsonl")  # doctest: +SKIP
>>> run.metrics["visit"].f1  # doctest: +SKIP

Modules: :mod:`.datasets` (eval sets, predictions files), :mod:`.scorers` (the
matching rules), :mod:`.metrics` (P/R/F1, bootstrap), :mod:`.report` (text table and
HTML), :mod:`.compare` (run against run), :mod:`.runner` (:func:`evaluate`).
"""

from __future__ import annotations

from visit_extract.eval.compare import compare_runs, format_comparison
from visit_extract.eval.datasets import Dataset, GoldLabel, load_dataset, read_predictions
from visit_extract.eval.results import ArticleRecord, EvalRun, FieldMetric
from visit_extract.eval.runner import check_minimums, check_thresholds, evaluate, side_file
from visit_extract.eval.scorers import FIELDS, METRICS

__all__ = [
    "FIELDS",
    "METRICS",
    "ArticleRecord",
    "Dataset",
    "EvalRun",
    "FieldMetric",
    "GoldLabel",
    "check_minimums",
    "check_thresholds",
    "compare_runs",
    "evaluate",
    "format_comparison",
    "load_dataset",
    "read_predictions",
    "side_file",
]
