"""What a provider batch run cost: the tokens its jobs' answers used (priced at the
batch rate), the tokens of live reasks (at the live rate), and what the same tokens
would have cost as live requests.

The figures come from each job's ``collected.jsonl``, one line per request collected
(the first line of a request counts: a collect killed and run again finds the answer
in the cache the second time and would otherwise forget the live reask it paid for).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from visit_extract.backends.llm.pricing import estimate_cost
from visit_extract.jobs.manifest import JobRecord
from visit_extract.schema import Usage


@dataclass
class CostReport:
    """Tokens and estimated prices of a run.

    Attributes:
        model: the run's model (``openai/gpt-4o-mini``).
        requests: answered batch requests counted.
        outcomes: collected requests by outcome (``ok``, ``error``, ``reask``, ``resubmit``).
        batch: tokens of the batch answers.
        live: tokens of live reasks.
    """

    model: str
    requests: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)
    batch: Usage = field(default_factory=Usage)
    live: Usage = field(default_factory=Usage)

    @property
    def batch_cost(self) -> float | None:
        """The batch tokens at the batch price (None: no price known)."""
        return estimate_cost(self.model, self.batch, batch=True)

    @property
    def live_cost(self) -> float | None:
        """The live reasks at the live price."""
        return estimate_cost(self.model, self.live)

    @property
    def cost(self) -> float | None:
        """The run's estimated cost: batch answers and live reasks."""
        batch, live = self.batch_cost, self.live_cost
        return None if batch is None or live is None else batch + live

    @property
    def live_equivalent(self) -> float | None:
        """What every one of these tokens would have cost as live requests."""
        return estimate_cost(self.model, self.batch + self.live)

    def lines(self) -> list[tuple[str, str]]:
        """(label, value) rows of the report."""

        def money(value: float | None) -> str:
            return f"${value:.4f}" if value is not None else "n/a (no price for this model)"

        def tokens(usage: Usage) -> str:
            return (
                f"{usage.total_tokens:,} ({usage.prompt_tokens:,} in, of which "
                f"{usage.cached_prompt_tokens:,} cached and {usage.cache_write_tokens:,} "
                f"written to cache; {usage.completion_tokens:,} out)"
            )

        rows = [
            ("batch answers collected", f"{self.requests:,}"),
            ("batch tokens", tokens(self.batch)),
            ("live reask tokens", tokens(self.live)),
            ("estimated cost (batch price + live reasks)", money(self.cost)),
            ("the same tokens as live requests", money(self.live_equivalent)),
        ]
        cost, live = self.cost, self.live_equivalent
        if cost is not None and live:
            rows.append(("saved", f"{1 - cost / live:.0%}"))
        return rows


def cost_report(model: str, jobs: list[JobRecord]) -> CostReport:
    """Add up the collected logs of ``jobs``."""
    report = CostReport(model=model)
    for job in jobs:
        if not job.log_path.exists():
            continue
        counted: set[str] = set()
        with job.log_path.open("rb") as fh:
            for line in fh:
                if not line.endswith(b"\n"):
                    break  # a line torn by a kill
                entry = json.loads(line)
                if entry["cid"] in counted:
                    continue
                counted.add(entry["cid"])
                outcome = str(entry.get("outcome"))
                report.outcomes[outcome] = report.outcomes.get(outcome, 0) + 1
                batch = Usage.model_validate(entry.get("batch") or {})
                if batch.requests:
                    report.requests += 1
                report.batch = report.batch + batch
                report.live = report.live + Usage.model_validate(entry.get("live") or {})
    return report


__all__ = ["CostReport", "cost_report"]
