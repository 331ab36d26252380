"""Running totals of a batch run, shown beside the progress bar and as the final table."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from visit_extract.batch.rows import BatchResult
from visit_extract.schema import Usage

#: Prices tokens in USD (a backend's ``estimate_cost``); None when it cannot.
CostFn = Callable[[Usage], float | None]


@dataclass
class BatchStats:
    """Running totals of a batch run (also the final summary)."""

    total: int | None = None
    resumed: int = 0
    done: int = 0
    ok: int = 0
    study_visits: int = 0
    flagged_without_visits: int = 0
    visits: int = 0
    skipped: int = 0
    errors: int = 0
    error_types: Counter[str] = field(default_factory=Counter)
    cache_hits: int = 0
    usage: Usage = field(default_factory=Usage)
    cost_usd: float | None = None
    retries: int = 0
    rate_limited: int = 0
    started: float = field(default_factory=time.perf_counter)
    elapsed_s: float = 0.0

    def add(self, result: BatchResult, cost_fn: CostFn | None = None) -> None:
        """Count one result; ``cost_fn`` prices the tokens it spent (the backend's
        ``estimate_cost``; None when it has none)."""
        self.done += 1
        self.elapsed_s = time.perf_counter() - self.started
        ext = result.extraction
        if ext is not None:
            self.ok += 1
            # A study-visit article is one with a visit; one flagged as a study-visit
            # report without any (a backend can say so) is counted apart, or the totals
            # read "4 study-visit articles, 3 visits".
            if ext.visits:
                self.study_visits += 1
            elif ext.is_study_visit:
                self.flagged_without_visits += 1
            self.visits += len(ext.visits)
            if ext.cached:
                self.cache_hits += 1
            else:
                self.usage = self.usage + ext.usage
                if cost_fn is not None and ext.usage.total_tokens:
                    self._add_cost(cost_fn, ext.usage)
        elif result.error is not None:
            self.errors += 1
            self.error_types[result.error.type] += 1
            spent = result.error.usage
            if spent is not None and spent.total_tokens:
                self.usage = self.usage + spent
                if cost_fn is not None:
                    self._add_cost(cost_fn, spent)
        else:
            self.skipped += 1

    def absorb(self, other: BatchStats) -> None:
        """Add the totals of another run (one part of a run spread over workers);
        ``total``, ``started`` and ``elapsed_s`` stay this run's own."""
        for name in (
            "resumed", "done", "ok", "study_visits", "visits", "skipped", "errors",
            "cache_hits", "retries", "rate_limited",
        ):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.error_types.update(other.error_types)
        self.usage = self.usage + other.usage
        if other.cost_usd is not None:
            self.cost_usd = (self.cost_usd or 0.0) + other.cost_usd

    def _add_cost(self, cost_fn: CostFn, usage: Usage) -> None:
        try:
            cost = cost_fn(usage)
        except Exception:  # pricing is advisory; an unknown model must not stop a run
            return
        if isinstance(cost, (int, float)):
            self.cost_usd = (self.cost_usd or 0.0) + float(cost)

    @property
    def rate(self) -> float:
        """Results per second so far."""
        return self.done / self.elapsed_s if self.elapsed_s > 0 else 0.0

    def postfix(self) -> dict[str, str]:
        """The short counters shown next to the progress bar."""
        shown = {
            "ok": str(self.ok),
            "skip": str(self.skipped),
            "err": str(self.errors),
            "cache": str(self.cache_hits),
            "tok": f"{self.usage.total_tokens:,}",
        }
        if self.cost_usd is not None:
            shown["cost"] = f"${self.cost_usd:.4f}"
        if self.rate_limited:
            shown["429"] = str(self.rate_limited)
        return shown

    def summary(self) -> str:
        """A plain-text table of the run."""
        rows: list[tuple[str, str]] = [
            ("articles processed", f"{self.done:,}"),
            ("  extracted", f"{self.ok:,}"),
            ("    study-visit articles", f"{self.study_visits:,}"),
            ("    visits", f"{self.visits:,}"),
        ]
        if self.flagged_without_visits:
            rows.append(("    flagged, but no visit found", f"{self.flagged_without_visits:,}"))
        rows += [
            ("    from cache", f"{self.cache_hits:,}"),
            ("  skipped by pre-filter", f"{self.skipped:,}"),
            ("  errors", f"{self.errors:,}"),
        ]
        rows += [(f"    {name}", f"{n:,}") for name, n in self.error_types.most_common()]
        if self.resumed:
            rows.append(("already in output (resumed)", f"{self.resumed:,}"))
        rows += [
            ("requests", f"{self.usage.requests:,}"),
            ("retries (429 among them)", f"{self.retries:,} ({self.rate_limited:,})"),
            (
                "tokens (prompt + completion)",
                f"{self.usage.total_tokens:,} "
                f"({self.usage.prompt_tokens:,} + {self.usage.completion_tokens:,})",
            ),
            (
                "estimated cost",
                f"${self.cost_usd:.4f}" if self.cost_usd is not None else "n/a",
            ),
            ("elapsed", f"{self.elapsed_s:.1f} s"),
            ("rate", f"{self.rate:.1f} articles/s"),
        ]
        width = max(len(k) for k, _ in rows)
        vwidth = max(len(v) for _, v in rows)
        line = "-" * (width + vwidth + 3)
        body = "\n".join(f"{k:<{width}}   {v:>{vwidth}}" for k, v in rows)
        return f"{line}\n{body}\n{line}"


__all__ = ["BatchStats", "CostFn"]
