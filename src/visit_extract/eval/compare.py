"""Compare two eval runs field by field, with a paired bootstrap over shared articles."""

from __future__ import annotations

from visit_extract.errors import DatasetError
from visit_extract.eval.metrics import DEFAULT_BOOTSTRAP, DEFAULT_SEED, Delta, paired_bootstrap
from visit_extract.eval.results import ArticleRecord, EvalRun


def compare_runs(
    a: EvalRun, b: EvalRun, *, n_boot: int = DEFAULT_BOOTSTRAP, seed: int = DEFAULT_SEED
) -> list[Delta]:
    """Per-field F1 differences B - A over the articles both runs scored.

    Only shared article ids are compared, so a run over a superset of articles is
    compared fairly; both F1 values in each :class:`Delta` are recomputed on them.

    Args:
        a: the baseline run.
        b: the candidate run.
        n_boot: paired bootstrap resamples.
        seed: resampling seed.

    Returns:
        One delta per field both runs score, in run A's order.

    Raises:
        DatasetError: the runs share no article.
    """
    by_id_b = {r.id: r for r in b.articles}
    shared = [r for r in a.articles if r.id in by_id_b]
    if not shared:
        raise DatasetError("the two runs share no article id: compare runs over the same eval set")
    fields = [f for f in a.metrics if f in b.metrics]
    return [
        paired_bootstrap(
            name,
            [r.counts[name] for r in shared],
            [by_id_b[r.id].counts[name] for r in shared],
            n_boot=n_boot,
            seed=seed,
        )
        for name in fields
    ]


def _errors(record: ArticleRecord) -> int:
    """False positives plus false negatives of one article, over every metric."""
    return sum(p + g - 2 * c for c, p, g in record.counts.values())


def article_changes(a: EvalRun, b: EvalRun) -> tuple[list[str], list[str]]:
    """Shared articles with fewer errors in B (``better``) and with more (``worse``).

    An error is a false positive or a false negative of any scored metric.
    """
    by_id_b = {r.id: r for r in b.articles}
    better, worse = [], []
    for r in a.articles:
        other = by_id_b.get(r.id)
        if other is None:
            continue
        diff = _errors(other) - _errors(r)
        if diff < 0:
            better.append(r.id)
        elif diff > 0:
            worse.append(r.id)
    return better, worse


def format_comparison(a: EvalRun, b: EvalRun, deltas: list[Delta]) -> str:
    """A text table of the deltas, saying which are beyond noise."""

    def who(run: EvalRun) -> str:
        return " ".join(x for x in (run.backend, run.model, run.prompt_version) if x) or "?"

    n = deltas[0].n_articles if deltas else 0
    lines = [
        f"A: {who(a)} ({len(a.articles)} articles)   B: {who(b)} ({len(b.articles)} articles)",
        f"paired bootstrap over {n} shared articles; delta = F1(B) - F1(A)",
        "",
        f"{'field':<22} {'F1 A':>6} {'F1 B':>6} {'delta':>7}  {'95% CI':<17} {'p':>5}  verdict",
    ]
    for d in deltas:
        ci = f"[{d.ci95[0]:+.3f}, {d.ci95[1]:+.3f}]"
        if d.significant:
            verdict = "better" if d.delta > 0 else "WORSE"
        else:
            verdict = "same" if d.delta == 0 else "noise"
        lines.append(
            f"{d.field:<22} {d.f1_a:>6.3f} {d.f1_b:>6.3f} {d.delta:>+7.3f}  {ci:<17} "
            f"{d.p_value:>5.2f}  {verdict}"
        )
    better, worse = article_changes(a, b)
    lines.append("")
    for label, ids in (("better in B", better), ("worse in B", worse)):
        shown = ", ".join(ids[:10]) + (", ..." if len(ids) > 10 else "")
        lines.append(f"articles {label}: {len(ids)}" + (f" ({shown})" if ids else ""))
    return "\n".join(lines)


__all__ = ["article_changes", "compare_runs", "format_comparison"]
