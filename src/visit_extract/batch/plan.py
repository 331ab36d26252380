"""A dry run of a batch: the pre-filter alone, without a key and without a request.

``visit-extract batch INPUT --model M --dry-run -o PLAN.jsonl`` reads the input as a
real run would (ids, duplicates, unreadable rows), lets the pre-filter decide, and
writes one row per article in the batch row format: ``{"id", "skipped": "prefilter",
"score"}`` for the articles it stops, ``{"id", "skipped": "dry-run", "score"}`` for
the ones that would reach the model, error rows for unreadable input. The summary says
how many would be sent and what that would cost, priced by the backend's own
factory-level hooks (see :class:`~visit_extract.registry.ExtractionBackend`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from visit_extract.batch.intake import Intake, RelevanceFn, Source, input_paths, load_relevance
from visit_extract.batch.progress import ProgressBar
from visit_extract.batch.rows import BatchResult
from visit_extract.batch.stats import BatchStats
from visit_extract.batch.sync import _run_coroutine
from visit_extract.batch.writer import ResultWriter
from visit_extract.config import Settings
from visit_extract.io import count_input_rows
from visit_extract.registry import backend_factory, capabilities_of, planning_hooks
from visit_extract.schema import Article, Usage

#: ``skipped`` value of a dry run's row for an article that would reach the backend.
DRY_RUN = "dry-run"


@dataclass
class BatchPlan:
    """What a run of the same input and settings would do.

    Attributes:
        backend: the backend the settings name.
        model: its model, when it has one.
        threshold: the pre-filter threshold used (None: the backend is not
            pre-filtered, every readable article would reach it).
        articles: input articles read (errors included).
        to_backend: articles that would reach the backend.
        stopped: articles the pre-filter stops.
        errors: unreadable or duplicate input rows.
        usage: estimated tokens of the requests (None: the backend cannot say).
        cost_usd: their estimated price (None: unknown or free).
    """

    backend: str
    model: str | None
    threshold: float | None
    articles: int = 0
    to_backend: int = 0
    stopped: int = 0
    errors: int = 0
    usage: Usage | None = field(default_factory=Usage)
    cost_usd: float | None = None

    def summary(self) -> str:
        """A few lines for a person: what would be sent, and at what cost."""
        share = self.to_backend / self.articles if self.articles else 0.0
        target = f"{self.backend} ({self.model})" if self.model else self.backend
        lines = [
            f"dry run: {self.articles:,} articles read, nothing sent",
            f"would reach {target}: {self.to_backend:,} ({share:.2%})",
        ]
        if self.threshold is not None:
            lines.append(f"stopped by the pre-filter (score < {self.threshold}): {self.stopped:,}")
        if self.errors:
            lines.append(f"unreadable or duplicate rows: {self.errors:,}")
        if self.usage is not None:
            lines.append(
                f"estimated tokens: {self.usage.prompt_tokens:,} in, "
                f"{self.usage.completion_tokens:,} out (one request each, no reasks)"
            )
        cost = (
            "n/a (no price for this model)" if self.cost_usd is None else f"${self.cost_usd:,.2f}"
        )
        lines.append(f"estimated cost: {cost}")
        return "\n".join(lines)


def plan_batch(
    source: Source,
    output: str | Path,
    *,
    settings: Settings | None = None,
    overwrite: bool = False,
    progress: bool = False,
    input_format: str | None = None,
    columns: str | dict[str, str] | None = None,
) -> BatchPlan:
    """Run only the pre-filter over ``source`` and write the plan to ``output``.

    Args:
        source: a dump path (JSONL, CSV, Parquet, a folder of ``.txt``), a list of
            such paths, or articles.
        output: the plan file (one row per article, see the module docstring).
        settings: backend, model, ``prefilter``, ``prefilter_threshold``; from the
            environment when None. No key is needed and no request is made.
        overwrite: replace an existing plan file.
        progress: show a progress bar on stderr.
        input_format: the format of a path source (guessed from its name when None).
        columns: article field → input column, e.g. ``"text=content,id=article_id"``.

    Returns:
        The counts, estimated tokens and cost.

    Raises:
        InputError: ``output`` already has rows and ``overwrite`` is not set.
        ConfigError: the backend is unknown or cannot be loaded.
    """
    settings = settings if settings is not None else Settings.from_env()
    factory = backend_factory(settings.resolved_backend)
    filtered = settings.prefilter and capabilities_of(factory).prefilter
    hooks = planning_hooks(settings)
    plan = BatchPlan(
        backend=settings.resolved_backend,
        model=settings.model,
        threshold=settings.prefilter_threshold if filtered else None,
        usage=Usage() if hooks.planned_usage is not None else None,
    )
    stats = BatchStats()
    # The intake checks ids and input rows; the plan scores the articles itself so that
    # the rows of articles that pass keep their score too.
    intake = Intake(
        settings, skip_ids=(), stats=stats, relevance=None, input_format=input_format,
        columns=columns,
    )  # fmt: skip
    relevance = load_relevance() if filtered else None
    total = None
    paths = input_paths(source)
    if progress and paths:
        counts = [count_input_rows(Path(p), fmt=input_format) for p in paths]
        total = None if None in counts else sum(c or 0 for c in counts)

    async def run() -> None:
        bar = ProgressBar(progress, total, stats)
        try:
            with ResultWriter(output, overwrite=overwrite) as writer:
                async for item in intake.items(source):
                    writer.write(_planned(item, plan, settings, relevance, hooks.planned_usage))
                    bar.update()
        finally:
            bar.close()

    _run_coroutine(run)
    if plan.usage is not None and hooks.price is not None:
        plan.cost_usd = hooks.price(settings, plan.usage)
    return plan


def _planned(
    item: Article | BatchResult,
    plan: BatchPlan,
    settings: Settings,
    relevance: RelevanceFn | None,
    sizer: Callable[[Settings, Article], Usage] | None,
) -> BatchResult:
    """The plan row of one intake item, counted into ``plan``."""
    plan.articles += 1
    if isinstance(item, BatchResult):  # an unreadable or duplicate row
        plan.errors += 1
        return item
    score = None
    if relevance is not None:
        try:
            score = round(float(relevance(item.text, title=item.title)), 4)
        except Exception as exc:  # a filter bug costs one row, as in a real run
            plan.errors += 1
            return BatchResult.failed(item.id, exc)
        if score < settings.prefilter_threshold:
            plan.stopped += 1
            return BatchResult(id=item.id, skipped="prefilter", score=score)
    plan.to_backend += 1
    if sizer is not None and plan.usage is not None:
        plan.usage = plan.usage + sizer(settings, item)
    return BatchResult(id=item.id, skipped=DRY_RUN, score=score)


__all__ = ["DRY_RUN", "BatchPlan", "plan_batch"]
