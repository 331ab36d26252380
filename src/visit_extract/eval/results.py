"""The typed result of an eval run, as written to ``RUN.json`` and its side file."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from visit_extract.errors import DatasetError
from visit_extract.eval.datasets import GoldLabel
from visit_extract.schema import Usage, VisitExtraction

#: Written into every run file; bumped when its layout changes incompatibly.
RUN_FORMAT = "visit-extract-eval/1"


class FieldMetric(BaseModel):
    """Micro-averaged score of one field: P, R, F1, the F1's bootstrap 95% interval,
    and the counts ``[correct, predicted, gold]`` they come from."""

    model_config = ConfigDict(extra="forbid")

    precision: float
    recall: float
    f1: float
    ci95: tuple[float, float]
    counts: tuple[int, int, int]


class DisagreementRecord(BaseModel):
    """One field where prediction and gold differ (``field`` is ``article``, ``visit``
    for an unpaired visit, or a field name); visit indices point into the lists."""

    model_config = ConfigDict(extra="forbid")

    field: str
    predicted: Any = None
    gold: Any = None
    pred_visit: int | None = None
    gold_visit: int | None = None


class ArticleRecord(BaseModel):
    """The scoring of one article: its prediction (or error), gold, counts and diffs."""

    model_config = ConfigDict(extra="forbid")

    id: str
    dataset: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    gold: GoldLabel
    prediction: VisitExtraction | None = None
    error: str | None = None
    #: Tokens the failed attempts of an article with ``error`` spent (cost of the run).
    error_usage: Usage | None = None
    pairs: list[tuple[int, int]] = Field(default_factory=list)
    counts: dict[str, tuple[int, int, int]]
    disagreements: list[DisagreementRecord] = Field(default_factory=list)
    latency_s: float = 0.0


class DatasetInfo(BaseModel):
    """Which eval set a run read."""

    model_config = ConfigDict(extra="forbid")

    name: str
    path: str
    articles: int
    labelled: int


class EvalRun(BaseModel):
    """An eval run: metrics per field, per-article records and how the run was made.

    Attributes:
        metrics: by name (``article``, ``visit``, then the LABELING.md fields).
        articles: one record per scored article, in dataset order.
        source: ``extract`` (the backend ran) or ``predictions`` (read from a file).
        cost_usd: the estimated price of the tokens used, when it is known.
        timings: ``total_s``, ``extract_s``, ``score_s``, ``latency_mean_s``,
            ``latency_p50_s``, ``latency_p95_s``.
        texts: the article texts, for the HTML report; never written to RUN.json.
    """

    model_config = ConfigDict(extra="forbid")

    format: str = RUN_FORMAT
    created: str
    datasets: list[DatasetInfo]
    source: str
    predictions_path: str | None = None
    backend: str | None = None
    model: str | None = None
    prompt_version: str | None = None
    metrics: dict[str, FieldMetric]
    articles: list[ArticleRecord]
    n_errors: int = 0
    n_cached: int = 0
    usage: Usage = Field(default_factory=Usage)
    cost_usd: float | None = None
    timings: dict[str, float] = Field(default_factory=dict)
    bootstrap: dict[str, int] = Field(default_factory=dict)
    warnings: list[str] = Field(default_factory=list)
    texts: dict[str, str] = Field(default_factory=dict, exclude=True)

    def save(self, path: str | Path) -> None:
        """Write the run as indented JSON (without the article texts)."""
        Path(path).write_text(self.model_dump_json(indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> EvalRun:
        """Read a run written by :meth:`save`.

        Raises:
            DatasetError: the file is missing or not a run of this format.
        """
        p = Path(path)
        try:
            raw = p.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DatasetError(f"cannot read run file: {exc}", path=str(p)) from None
        try:
            return cls.model_validate_json(raw)
        except ValidationError as exc:
            err = exc.errors()[0]
            loc = ".".join(str(x) for x in err["loc"])
            raise DatasetError(
                f"not an eval run file ({loc}: {err['msg']}); pass the RUN.json written "
                "by `visit-extract eval --out`",
                path=str(p),
            ) from None


__all__ = [
    "RUN_FORMAT",
    "ArticleRecord",
    "DatasetInfo",
    "DisagreementRecord",
    "EvalRun",
    "FieldMetric",
]
