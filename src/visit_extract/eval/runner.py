""":func:`evaluate`: run a backend (or read saved predictions) over eval sets and score it.

A backend runs through the batch engine (:func:`visit_extract.batch.extract_many`), the
same path as ``visit-extract batch``: one engine, one row format, so an eval run gets
the rate limits, the per-article timeout, the retry back-off and the cache too.
"""

from __future__ import annotations

import difflib
import sys
import time
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any

from visit_extract.batch import BatchStats, extract_many
from visit_extract.config import Settings
from visit_extract.errors import ConfigError, DatasetError
from visit_extract.eval.datasets import (
    PREFILTER_BACKEND,
    UNKNOWN_BACKEND,
    Dataset,
    GoldLabel,
    PredictionRow,
    load_datasets,
    predictions_from,
    read_predictions,
)
from visit_extract.eval.metrics import DEFAULT_BOOTSTRAP, DEFAULT_SEED, score_fields
from visit_extract.eval.results import (
    ArticleRecord,
    DatasetInfo,
    DisagreementRecord,
    EvalRun,
    FieldMetric,
)
from visit_extract.eval.scorers import METRICS, score_article
from visit_extract.schema import Article, Usage, VisitExtraction

Predictions = str | Path | Mapping[str, VisitExtraction] | Iterable[VisitExtraction]


def side_file(out: str | Path) -> Path:
    """Where the per-article results of a run saved to ``out`` are streamed.

    ``run.json`` streams to ``run.articles.jsonl`` beside it.
    """
    out = Path(out)
    return out.with_name(out.stem + ".articles.jsonl")


#: One article's outcome: the extraction, or an error message and the tokens the
#: failed attempts spent (provider errors carry them; the run's cost must include them).
Outcome = tuple[VisitExtraction | None, str | None, Usage | None]


def _extracted(
    articles: Sequence[Article], settings: Settings, concurrency: int | None, stats: BatchStats
) -> Iterator[tuple[int, Outcome]]:
    """``(position, outcome)`` of each article as the batch engine finishes it.

    Never pre-filtered: the eval scores the backend itself. ``concurrency`` overrides
    ``settings.concurrency``; either is capped by what the backend declares. ``stats``
    collects the engine's totals, the cost priced by the backend among them.
    """
    if concurrency is not None:
        settings = settings.replace(concurrency=max(1, concurrency))
    position = {article.id: i for i, article in enumerate(articles)}
    for result in extract_many(articles, settings=settings, prefilter=False, stats=stats):
        row = PredictionRow.from_batch(result)
        spent = result.error.usage if result.error is not None else None
        yield position[result.id], (row.extraction, row.error, spent)


def _predicted(
    articles: Sequence[Article], preds: Mapping[str, PredictionRow]
) -> Iterator[tuple[int, Outcome]]:
    """``(position, outcome)`` of each article from saved predictions, in order."""
    for i, article in enumerate(articles):
        row = preds.get(article.id)
        if row is None:
            yield i, (None, "no prediction for this article", None)
        else:
            yield i, (row.extraction, row.error, None)


def score_record(
    dataset: str,
    article: Article,
    gold: GoldLabel,
    prediction: VisitExtraction | None,
    error: str | None,
    error_usage: Usage | None = None,
) -> ArticleRecord:
    """Score one article and package it as a record (an error scores as no visit)."""
    pred_is = prediction.is_study_visit if prediction else False
    pred_visits = prediction.visits if prediction else []
    scored = score_article(pred_is, pred_visits, gold.is_study_visit, gold.visits)
    return ArticleRecord(
        id=article.id,
        dataset=dataset,
        title=article.title,
        url=article.url,
        published=article.published,
        gold=gold,
        prediction=prediction,
        error=error,
        error_usage=error_usage,
        pairs=scored.pairs,
        counts=scored.counts,
        disagreements=[
            DisagreementRecord(
                field=d.field,
                predicted=d.predicted,
                gold=d.gold,
                pred_visit=d.pred_visit,
                gold_visit=d.gold_visit,
            )
            for d in scored.disagreements
        ],
        latency_s=prediction.latency_s if prediction else 0.0,
    )


def _most_common(values: Iterable[str | None]) -> str | None:
    counted = Counter(v for v in values if v)
    return counted.most_common(1)[0][0] if counted else None


def _quantile(values: Sequence[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _progress(total: int, enabled: bool, stack: ExitStack) -> Any:
    """A tqdm bar on stderr, only when asked for and stderr is a terminal."""
    if not enabled or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return stack.enter_context(tqdm(total=total, file=sys.stderr, unit="article", leave=False))


def _score_all(
    items: Sequence[tuple[Dataset, Article]],
    outcomes: Iterator[tuple[int, Outcome]],
    *,
    progress: bool,
    stream_to: str | Path | None,
) -> list[ArticleRecord]:
    """Score each outcome as it arrives; the records in dataset order."""
    slots: list[ArticleRecord | None] = [None] * len(items)
    with ExitStack() as stack:
        sink: IO[str] | None = None
        bar = _progress(len(items), progress, stack)
        for index, (extraction, error, spent) in outcomes:
            ds, article = items[index]
            record = score_record(ds.name, article, ds.gold[article.id], extraction, error, spent)
            slots[index] = record
            if stream_to is not None:
                if sink is None:
                    # Opened at the first record: a run that cannot start (no API key,
                    # say) leaves the side file of an earlier run alone.
                    sink = stack.enter_context(Path(stream_to).open("w", encoding="utf-8"))
                sink.write(record.model_dump_json() + "\n")
                sink.flush()
            if bar is not None:
                bar.update(1)
        if stream_to is not None and sink is None:
            Path(stream_to).write_text("", encoding="utf-8")
    return [r for r in slots if r is not None]


def evaluate(
    dataset_dirs: str | Path | Sequence[str | Path],
    *,
    settings: Settings | None = None,
    predictions: Predictions | None = None,
    n_boot: int = DEFAULT_BOOTSTRAP,
    seed: int = DEFAULT_SEED,
    limit: int | None = None,
    progress: bool = False,
    stream_to: str | Path | None = None,
    concurrency: int | None = None,
    only: Collection[str] | None = None,
) -> EvalRun:
    """Score a backend, or saved predictions, against hand-labelled eval sets.

    Args:
        dataset_dirs: one or more eval set folders (``articles.jsonl`` + ``gold.jsonl``).
        settings: how to extract (backend, model, cache...); read from the environment
            when None. Ignored when ``predictions`` is given.
        predictions: score these instead of running a backend: a JSONL path (see
            :func:`~visit_extract.eval.datasets.read_predictions`), a mapping of article
            id to extraction, or extractions carrying their ``id``. An article without a
            prediction counts as an error (an empty prediction).
        n_boot: bootstrap resamples for the confidence intervals (0: none).
        seed: resampling seed; the same seed reproduces the intervals.
        limit: score only the first ``limit`` labelled articles.
        progress: show a progress bar on stderr (only when it is a terminal).
        stream_to: append each article's record to this JSONL file as soon as it is
            scored, so an interrupted run keeps what it scored.
        concurrency: articles extracted at once; by default ``settings.concurrency``.
            A backend may declare fewer (``rules`` runs one at a time). Records keep
            dataset order whatever order they finish in.
        only: score only the labelled articles with these ids (a development split,
            see :func:`~visit_extract.eval.subsets.read_id_list`).

    Returns:
        The run: metrics, per-article records and metadata.

    Raises:
        DatasetError: a malformed dataset or predictions file.
        ConfigError: the backend cannot run at all (unknown name, no API key); the
            run stops at once.
    """
    started = time.perf_counter()
    paths = [dataset_dirs] if isinstance(dataset_dirs, (str, Path)) else list(dataset_dirs)
    datasets: list[Dataset] = load_datasets(paths)
    items = [(ds, a) for ds in datasets for a in ds.labelled()]
    if only is not None:
        items = [(ds, a) for ds, a in items if a.id in only]
        if not items:
            raise DatasetError("none of the selected ids is a labelled article of the eval set(s)")
    if limit is not None:
        items = items[: max(0, limit)]
    warnings = [
        f"{ds.path}: {len(ds.articles) - len(ds.gold)} article(s) without a gold label "
        "are not scored"
        for ds in datasets
        if len(ds.articles) > len(ds.gold)
    ]

    articles = [a for _, a in items]
    # The batch engine prices what a live run spends through the backend's own
    # estimate_cost; saved predictions carry no price.
    stats = BatchStats()
    preds: dict[str, PredictionRow] | None = None
    predictions_path: str | None = None
    if predictions is not None:
        if isinstance(predictions, (str, Path)):
            predictions_path = str(predictions)
            preds = read_predictions(predictions)
        else:
            preds = predictions_from(predictions)
        known = {a.id for a in articles}
        if not preds:
            where = f"{predictions_path} holds" if predictions_path else "there are"
            raise DatasetError(f"{where} no predictions; give batch output or saved results")
        if articles and not known & set(preds):
            where = f" in {predictions_path}" if predictions_path else ""
            raise DatasetError(
                f"none of the {len(preds)} predictions{where} is for an article of the eval "
                f"set(s) (predictions name e.g. {min(preds)!r}, the articles e.g. "
                f"{articles[0].id!r}): were they made from these articles?"
            )
        extra = sorted(set(preds) - known)
        if extra:
            warnings.append(
                f"{len(extra)} prediction(s) for articles not in the eval set(s) ignored "
                f"(e.g. {extra[0]!r})"
            )
        outcomes = _predicted(articles, preds)
    else:
        settings = settings if settings is not None else Settings.from_env()
        outcomes = _extracted(articles, settings, concurrency, stats)

    t_extract = time.perf_counter()
    records = _score_all(items, outcomes, progress=progress, stream_to=stream_to)
    extract_s = time.perf_counter() - t_extract

    t_score = time.perf_counter()
    scores = score_fields(
        {name: [r.counts[name] for r in records] for name in METRICS}, n_boot=n_boot, seed=seed
    )
    metrics = {
        name: FieldMetric(
            precision=s.precision, recall=s.recall, f1=s.f1, ci95=s.ci95, counts=s.counts
        )
        for name, s in scores.items()
    }
    extractions = [r.prediction for r in records if r.prediction is not None]
    # A cached result carries the usage of the call that first produced it: this run
    # did not pay for it again. Articles that failed did pay for their attempts.
    usage = sum((e.usage for e in extractions if not e.cached), Usage()) + sum(
        (r.error_usage for r in records if r.error_usage is not None), Usage()
    )
    latencies = [e.latency_s for e in extractions if not e.cached]
    if preds is None and settings is not None:
        backend: str | None = settings.resolved_backend
        model: str | None = settings.model
    else:
        # Pre-filter skips and rows that named no backend say nothing about which
        # backend produced the predictions.
        placeholders = {PREFILTER_BACKEND, UNKNOWN_BACKEND}
        backend = _most_common(e.backend for e in extractions if e.backend not in placeholders)
        model = _most_common(e.model for e in extractions)
    model = model or _most_common(e.model for e in extractions)
    done = time.perf_counter()
    return EvalRun(
        created=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        datasets=[
            DatasetInfo(
                name=ds.name, path=str(ds.path), articles=len(ds.articles), labelled=len(ds.gold)
            )
            for ds in datasets
        ],
        source="predictions" if preds is not None else "extract",
        predictions_path=predictions_path,
        backend=backend,
        model=model,
        prompt_version=_most_common(e.prompt_version for e in extractions),
        metrics=metrics,
        articles=records,
        n_errors=sum(1 for r in records if r.error),
        n_cached=sum(1 for e in extractions if e.cached),
        usage=usage,
        cost_usd=stats.cost_usd,
        timings={
            "total_s": done - started,
            "extract_s": extract_s,
            "score_s": done - t_score,
            "latency_mean_s": sum(latencies) / len(latencies) if latencies else 0.0,
            "latency_p50_s": _quantile(latencies, 0.5),
            "latency_p95_s": _quantile(latencies, 0.95),
        },
        bootstrap={"n": n_boot, "seed": seed},
        warnings=warnings,
        texts={a.id: a.text for _, a in items},
    )


def check_minimums(minimums: Mapping[str, float], fields: Iterable[str] = METRICS) -> None:
    """Refuse minimums for fields that are not scored, before a run spends anything.

    Raises:
        ConfigError: "--min names unknown field(s) visti (did you mean visit?); ...".
    """
    fields = list(fields)
    unknown = sorted(set(minimums) - set(fields))
    if not unknown:
        return
    named = []
    for name in unknown:
        close = difflib.get_close_matches(name, fields, n=1)
        named.append(f"{name} (did you mean {close[0]}?)" if close else name)
    raise ConfigError(
        f"--min names unknown field(s) {', '.join(named)}; scored fields are: {', '.join(fields)}"
    )


def check_thresholds(run: EvalRun, minimums: Mapping[str, float]) -> list[str]:
    """The fields whose F1 is below the required minimum, as messages.

    Args:
        run: a scored run.
        minimums: ``{field: minimum F1}``; fields are names of ``run.metrics``.

    Raises:
        ConfigError: a field that is not scored.
    """
    check_minimums(minimums, run.metrics)
    return [
        f"{name}: F1 {run.metrics[name].f1:.3f} is below the minimum {floor:.3f}"
        for name, floor in minimums.items()
        if run.metrics[name].f1 < floor
    ]


__all__ = ["check_minimums", "check_thresholds", "evaluate", "score_record", "side_file"]
