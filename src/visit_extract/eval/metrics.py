"""Precision, recall, F1 from summed counts, and bootstrap intervals over articles.

Counts are micro-averaged: per field, ``(correct, predicted, gold)`` summed over all
articles. Confidence intervals resample *articles* (the unit the labels were drawn in)
with replacement, so that the visits and fields of one article move together.

Pure Python on purpose: a few thousand resamples of a few hundred articles take well
under a second, and the core package stays free of numpy.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from visit_extract.eval.scorers import Counts

DEFAULT_BOOTSTRAP = 1000
DEFAULT_SEED = 0


def prf(counts: Counts) -> tuple[float, float, float]:
    """Precision, recall and F1 of ``(correct, predicted, gold)`` counts.

    An empty denominator is resolved the usual way for extraction: nothing predicted
    and nothing to find is perfect (1.0); nothing predicted while gold has values gives
    precision 0 (and recall 0), and predictions where gold has none give recall 0.
    """
    correct, predicted, gold = counts
    if predicted == 0 and gold == 0:
        return 1.0, 1.0, 1.0
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def total(per_article: Sequence[Counts]) -> Counts:
    """Sum count triples."""
    c = p = g = 0
    for a, b, d in per_article:
        c += a
        p += b
        g += d
    return (c, p, g)


def _percentile(sorted_values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile (q in [0, 1]) of sorted values."""
    if not sorted_values:
        return float("nan")
    pos = q * (len(sorted_values) - 1)
    lo = int(pos)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (pos - lo)


def resamples(n_items: int, n_boot: int, seed: int) -> list[list[int]]:
    """``n_boot`` bootstrap samples of item indices, reproducible from ``seed``."""
    rng = random.Random(seed)
    return [[rng.randrange(n_items) for _ in range(n_items)] for _ in range(n_boot)]


@dataclass(frozen=True)
class FieldScore:
    """The score of one field over a run."""

    precision: float
    recall: float
    f1: float
    ci95: tuple[float, float]
    counts: Counts


def bootstrap_f1(
    per_article: Sequence[Counts], samples: Sequence[Sequence[int]], level: float = 0.95
) -> tuple[float, float]:
    """Percentile bootstrap interval of micro F1 over articles.

    Args:
        per_article: the field's counts, one triple per article.
        samples: resampled article indices (from :func:`resamples`), shared by every
            field so that the intervals come from the same resamples.
        level: the coverage (0.95 for a 95% interval).

    Returns:
        ``(low, high)``; ``(f1, f1)`` when there are no samples or no articles.
    """
    point = prf(total(per_article))[2]
    if not samples or not per_article:
        return (point, point)
    f1s = sorted(prf(total([per_article[i] for i in idx]))[2] for idx in samples)
    tail = (1 - level) / 2
    return (_percentile(f1s, tail), _percentile(f1s, 1 - tail))


def score_fields(
    per_article: Mapping[str, Sequence[Counts]],
    *,
    n_boot: int = DEFAULT_BOOTSTRAP,
    seed: int = DEFAULT_SEED,
) -> dict[str, FieldScore]:
    """Micro P/R/F1 with a bootstrap 95% interval for every field.

    Args:
        per_article: per field, the counts of each article (same article order in all).
        n_boot: bootstrap resamples (0 for no intervals).
        seed: the resampling seed; the same seed gives the same intervals.

    Returns:
        Scores by field, in the order given.
    """
    n_items = len(next(iter(per_article.values()), []))
    samples = resamples(n_items, n_boot, seed) if n_items else []
    out: dict[str, FieldScore] = {}
    for name, counts in per_article.items():
        summed = total(counts)
        p, r, f = prf(summed)
        out[name] = FieldScore(p, r, f, bootstrap_f1(counts, samples), summed)
    return out


@dataclass(frozen=True)
class Delta:
    """The difference B - A of one field's F1 over the articles two runs share."""

    field: str
    f1_a: float
    f1_b: float
    delta: float
    ci95: tuple[float, float]
    p_value: float
    significant: bool
    n_articles: int


def paired_bootstrap(
    name: str,
    counts_a: Sequence[Counts],
    counts_b: Sequence[Counts],
    *,
    n_boot: int = DEFAULT_BOOTSTRAP,
    seed: int = DEFAULT_SEED,
) -> Delta:
    """Paired bootstrap of the F1 difference between two runs on the same articles.

    Each resample draws articles once and scores both runs on them, so the variation
    between articles cancels and only the runs' differences remain. The difference is
    beyond noise when the 95% interval of B - A excludes zero; ``p_value`` is the
    two-sided share of resamples on the other side of zero.

    Args:
        name: the field.
        counts_a: run A's counts, one triple per shared article.
        counts_b: run B's counts for the same articles, in the same order.
        n_boot: resamples.
        seed: the resampling seed.
    """
    if len(counts_a) != len(counts_b):
        raise ValueError("paired bootstrap needs the same articles in both runs")
    f1_a = prf(total(counts_a))[2]
    f1_b = prf(total(counts_b))[2]
    delta = f1_b - f1_a
    n = len(counts_a)
    if n == 0 or n_boot <= 0:
        return Delta(name, f1_a, f1_b, delta, (delta, delta), 1.0, False, n)
    diffs = sorted(
        prf(total([counts_b[i] for i in idx]))[2] - prf(total([counts_a[i] for i in idx]))[2]
        for idx in resamples(n, n_boot, seed)
    )
    lo, hi = _percentile(diffs, 0.025), _percentile(diffs, 0.975)
    below = sum(1 for d in diffs if d <= 0) / len(diffs)
    above = sum(1 for d in diffs if d >= 0) / len(diffs)
    p_value = min(1.0, 2 * min(below, above))
    significant = delta != 0 and (lo > 0 or hi < 0)
    return Delta(name, f1_a, f1_b, delta, (lo, hi), p_value, significant, n)


__all__ = [
    "DEFAULT_BOOTSTRAP",
    "DEFAULT_SEED",
    "Delta",
    "FieldScore",
    "bootstrap_f1",
    "paired_bootstrap",
    "prf",
    "resamples",
    "score_fields",
    "total",
]
