"""Micro P/R/F1, bootstrap intervals over articles, paired bootstrap."""

from __future__ import annotations

import pytest

from visit_extract.eval.metrics import (
    bootstrap_f1,
    paired_bootstrap,
    prf,
    resamples,
    score_fields,
    total,
)


def test_prf_from_counts() -> None:
    # 3 correct of 4 predicted, 6 in gold: P 0.75, R 0.5, F1 = 2*.75*.5/1.25 = 0.6
    assert prf((3, 4, 6)) == pytest.approx((0.75, 0.5, 0.6))


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ((0, 0, 0), (1.0, 1.0, 1.0)),  # nothing to find, nothing predicted
        ((0, 0, 5), (0.0, 0.0, 0.0)),  # predicted nothing
        ((0, 3, 0), (0.0, 0.0, 0.0)),  # predicted where gold has nothing
        ((0, 2, 2), (0.0, 0.0, 0.0)),  # all wrong
    ],
)
def test_prf_empty_denominators(
    counts: tuple[int, int, int], expected: tuple[float, float, float]
) -> None:
    assert prf(counts) == expected


def test_micro_average_sums_counts_before_dividing() -> None:
    # Article 1: (1 correct, 1 predicted, 2 gold); article 2: (0, 2, 0).
    # Micro: (1, 3, 2) -> P 1/3, R 1/2; a macro mean of per-article F1 would differ.
    scores = score_fields({"visit": [(1, 1, 2), (0, 2, 0)]}, n_boot=0)
    s = scores["visit"]
    assert s.counts == (1, 3, 2)
    assert (s.precision, s.recall) == pytest.approx((1 / 3, 1 / 2))
    assert s.f1 == pytest.approx(0.4)


def test_bootstrap_is_reproducible_and_brackets_the_estimate() -> None:
    per_article = [(1, 1, 1), (0, 1, 1), (2, 2, 3), (1, 2, 1), (0, 0, 1), (3, 3, 3)] * 3
    a = score_fields({"f": per_article}, n_boot=300, seed=7)["f"]
    b = score_fields({"f": per_article}, n_boot=300, seed=7)["f"]
    c = score_fields({"f": per_article}, n_boot=300, seed=8)["f"]
    assert a.ci95 == b.ci95
    assert a.ci95 != c.ci95
    lo, hi = a.ci95
    assert 0.0 <= lo < a.f1 < hi <= 1.0


def test_bootstrap_of_a_perfect_run_is_a_point() -> None:
    samples = resamples(4, 50, seed=0)
    assert bootstrap_f1([(1, 1, 1), (2, 2, 2), (0, 0, 0), (1, 1, 1)], samples) == (1.0, 1.0)


def test_resamples_draw_articles_with_replacement() -> None:
    samples = resamples(5, 200, seed=1)
    assert len(samples) == 200
    assert all(len(s) == 5 and all(0 <= i < 5 for i in s) for s in samples)
    assert any(len(set(s)) < 5 for s in samples)  # some article drawn twice


def test_total() -> None:
    assert total([(1, 2, 3), (4, 5, 6)]) == (5, 7, 9)


def test_paired_bootstrap_flags_a_real_difference() -> None:
    a = [(0, 1, 1)] * 20 + [(1, 1, 1)] * 20  # F1 0.5
    b = [(1, 1, 1)] * 40  # F1 1.0
    d = paired_bootstrap("visit", a, b, n_boot=300, seed=0)
    assert d.delta == pytest.approx(0.5)
    assert d.significant
    assert d.ci95[0] > 0
    assert d.n_articles == 40


def test_paired_bootstrap_calls_a_small_difference_noise() -> None:
    a = [(1, 1, 1), (0, 1, 1), (1, 1, 1), (1, 1, 1), (0, 1, 1)] * 4
    b = list(a)
    b[0] = (0, 1, 1)  # one article worse out of 20
    d = paired_bootstrap("visit", a, b, n_boot=300, seed=0)
    assert d.delta < 0
    assert not d.significant
    assert d.ci95[0] < 0 <= d.ci95[1]


def test_paired_bootstrap_of_identical_runs() -> None:
    a = [(1, 2, 1), (0, 1, 1)]
    d = paired_bootstrap("visit", a, a, n_boot=50, seed=0)
    assert (d.delta, d.ci95, d.significant) == (0.0, (0.0, 0.0), False)


def test_paired_bootstrap_needs_the_same_articles() -> None:
    with pytest.raises(ValueError, match="same articles"):
        paired_bootstrap("visit", [(1, 1, 1)], [], n_boot=10)
