"""Eval sets and predictions on disk.

An eval set is a folder holding ``articles.jsonl`` and ``gold.jsonl`` (LABELING.md,
"Files"); an article dump is the same ``articles.jsonl`` without gold, or a bare
``.jsonl`` file. :func:`load_dataset` reads both, so that the articles of an eval set
and of a dump go through exactly the same reader (:func:`visit_extract.io.read_articles`).

Every defect of a file is a :class:`~visit_extract.errors.DatasetError` naming the file
and line: a broken label must stop an eval run with a message, not a traceback, and
never be silently scored as "no visit".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from visit_extract.batch.rows import BatchResult
from visit_extract.errors import DatasetError, InputError
from visit_extract.io import BadRow, iter_jsonl, read_articles
from visit_extract.schema import (
    Article,
    Branch,
    Domain,
    Kind,
    Level,
    VisitExtraction,
    check_partial_date,
)

ARTICLES_FILE = "articles.jsonl"
GOLD_FILE = "gold.jsonl"


class GoldLeader(BaseModel):
    """A leader in a gold label.

    Unlike :class:`~visit_extract.schema.Leader` the name may be null: annotators record
    "received by the Bupati" (a title, nobody named) as ``{"name": null, "title": ...}``.
    """

    model_config = ConfigDict(extra="forbid")

    name: str | None = None
    title: str | None = None


class GoldParty(BaseModel):
    """A party in a gold label (LABELING.md "Party"), with a :class:`GoldLeader`."""

    model_config = ConfigDict(extra="forbid")

    region: str | None = None
    level: Level | None = None
    branch: Branch | None = None
    institution: str | None = None
    leader: GoldLeader | None = None
    size: int | None = Field(default=None, ge=1)


class GoldVisit(BaseModel):
    """A visit in a gold label: the LABELING.md fields, checked like the output schema."""

    model_config = ConfigDict(extra="forbid")

    visitor: GoldParty
    host: GoldParty
    kind: Kind
    start_date: str | None = None
    end_date: str | None = None
    topics: list[str] = Field(default_factory=list)
    domains: list[Domain] = Field(default_factory=list)
    agreement: bool = False

    @field_validator("start_date", "end_date")
    @classmethod
    def _check_date(cls, value: str | None) -> str | None:
        return check_partial_date(value)


class GoldLabel(BaseModel):
    """One line of ``gold.jsonl``: the hand label of one article."""

    model_config = ConfigDict(extra="forbid")

    id: str
    is_study_visit: bool
    visits: list[GoldVisit] = Field(default_factory=list)
    notes: str | None = None


@dataclass
class Dataset:
    """The articles of one folder or file, with their gold labels when it has any.

    Attributes:
        name: a short name for reports (the folder name).
        path: where it was read from.
        articles: in file order.
        gold: label per article id; empty for an article dump.
    """

    name: str
    path: Path
    articles: list[Article]
    gold: dict[str, GoldLabel] = field(default_factory=dict)

    @property
    def has_gold(self) -> bool:
        """Whether this is an eval set (it has a gold file) rather than a dump."""
        return bool(self.gold)

    def labelled(self) -> list[Article]:
        """The articles that have a gold label, in file order."""
        return [a for a in self.articles if a.id in self.gold]


def _validation_message(exc: ValidationError) -> str:
    """The first validation problem, phrased for a person fixing a file."""
    err = exc.errors()[0]
    loc = ".".join(str(p) for p in err["loc"]) or "line"
    msg = err["msg"]
    if err["type"] == "literal_error":
        # "Input should be 'province', 'regency' ..." already lists the allowed values.
        return f"{loc}: unknown value {err.get('input')!r}; {msg[0].lower()}{msg[1:]}"
    return f"{loc}: {msg}"


def _strict_rows(path: Path) -> Iterator[tuple[int, Any]]:
    """The rows of a labels or predictions file with their line numbers; a malformed
    line stops the read (an eval set is fixed, not skipped over).

    Raises:
        DatasetError: the file is missing, or a line is not JSON (naming the line).
    """
    for lineno, obj in iter_jsonl(path):
        if isinstance(obj, BadRow):
            raise DatasetError(obj.message, path=str(path), line=lineno)
        yield lineno, obj


def _read_gold(path: str | Path) -> tuple[dict[str, GoldLabel], dict[str, int]]:
    """:func:`read_gold`, with the line of each label (for later error messages)."""
    path = Path(path)
    labels: dict[str, GoldLabel] = {}
    lines: dict[str, int] = {}
    for lineno, obj in _strict_rows(path):
        try:
            label = GoldLabel.model_validate(obj)
        except ValidationError as exc:
            raise DatasetError(
                f"not a gold label ({_validation_message(exc)}); see LABELING.md for the format",
                path=str(path),
                line=lineno,
            ) from None
        if label.id in labels:
            raise DatasetError(
                f"duplicate gold id {label.id!r} (first at line {lines[label.id]}); "
                "keep one label per article",
                path=str(path),
                line=lineno,
            )
        if not label.is_study_visit and label.visits:
            raise DatasetError(
                f"label {label.id!r} has is_study_visit false but lists "
                f'{len(label.visits)} visit(s); a negative article has "visits": []',
                path=str(path),
                line=lineno,
            )
        labels[label.id] = label
        lines[label.id] = lineno
    return labels, lines


def read_gold(path: str | Path) -> dict[str, GoldLabel]:
    """Read a ``gold.jsonl`` file strictly.

    Args:
        path: the file.

    Returns:
        Labels by article id, in file order.

    Raises:
        DatasetError: a line that is not JSON, not a label (missing key, unknown enum
            value, bad date), a duplicate id, or a negative label that lists visits.
    """
    return _read_gold(path)[0]


def load_dataset(path: str | Path, *, require_gold: bool = False) -> Dataset:
    """Read an eval set folder or an article dump.

    Args:
        path: a folder with ``articles.jsonl`` (and ``gold.jsonl`` for an eval set), or
            a ``.jsonl``/``.jsonl.gz`` file of articles (a dump).
        require_gold: raise when there is no gold file (what ``eval`` needs).

    Returns:
        The dataset; ``gold`` is empty for a dump.

    Raises:
        DatasetError: missing files, any malformed line, duplicate ids, or a gold label
            whose article is not in ``articles.jsonl``.
    """
    path = Path(path)
    if path.is_dir():
        articles_path = path / ARTICLES_FILE
        gold_path: Path | None = path / GOLD_FILE
        if not articles_path.is_file():
            raise DatasetError(
                f"no {ARTICLES_FILE} in this folder; an eval set is a folder with "
                f"{ARTICLES_FILE} and {GOLD_FILE} (see evals/README.md)",
                path=str(path),
            )
        name = path.resolve().name
    elif path.is_file():
        articles_path, gold_path = path, None
        name = path.name.split(".")[0]
    else:
        raise DatasetError("no such file or folder", path=str(path))

    articles = read_articles(articles_path)
    gold: dict[str, GoldLabel] = {}
    if gold_path is not None and gold_path.is_file():
        gold, lines = _read_gold(gold_path)
        known = {a.id for a in articles}
        for gid in gold:
            if gid not in known:
                raise DatasetError(
                    f"gold label {gid!r} has no article in {articles_path.name}; "
                    "add the article or drop the label",
                    path=str(gold_path),
                    line=lines[gid],
                )
    elif require_gold:
        raise DatasetError(
            f"no {GOLD_FILE}: this is an article dump, not an eval set; "
            f"eval needs a folder with {ARTICLES_FILE} and {GOLD_FILE}",
            path=str(path),
        )
    return Dataset(name=name, path=path, articles=articles, gold=gold)


def load_datasets(paths: Sequence[str | Path]) -> list[Dataset]:
    """Read several eval sets, checking that article ids are unique across them.

    Raises:
        DatasetError: as :func:`load_dataset`, or an id found in two sets (scores are
            kept per article id, so two sets must not share one).
    """
    if not paths:
        raise DatasetError("no dataset given; pass an eval set folder such as evals/seeds")
    datasets = [load_dataset(p, require_gold=True) for p in paths]
    owner: dict[str, str] = {}
    for ds in datasets:
        for article in ds.labelled():
            if article.id in owner:
                raise DatasetError(
                    f"article id {article.id!r} is in both {owner[article.id]} and "
                    f"{ds.path}; evaluate them separately or give the articles unique ids",
                    path=str(ds.path),
                )
            owner[article.id] = str(ds.path)
    return datasets


# --- predictions ------------------------------------------------------------------------

#: Keys under which a row of batch output or of an eval side file nests the extraction.
_NESTED_KEYS = ("prediction", "result", "extraction", "output")
_EXTRACTION_FIELDS = frozenset(VisitExtraction.model_fields)
#: The ``backend`` of a saved prediction that does not record one (only ``id``,
#: ``is_study_visit`` and ``visits`` are the scored contract): never a real backend's name.
UNKNOWN_BACKEND = "unknown"
#: The ``backend`` of a batch row the relevance pre-filter decided: no backend ran.
PREFILTER_BACKEND = "prefilter"


@dataclass(frozen=True)
class PredictionRow:
    """One prediction read from a file: the extraction, or why there is none."""

    id: str
    extraction: VisitExtraction | None
    error: str | None = None

    @classmethod
    def from_batch(cls, result: BatchResult) -> PredictionRow:
        """A batch result as a prediction: an error scores as an empty prediction, a
        pre-filter skip as a negative one (not a failure)."""
        if result.error is not None:
            return cls(result.id, None, error=result.error.describe())
        if result.extraction is not None:
            return cls(result.id, result.extraction)
        skipped = VisitExtraction(
            id=result.id,
            is_study_visit=False,
            backend=PREFILTER_BACKEND,
            score=result.score,
            warnings=[f"skipped by {result.skipped}"],
        )
        return cls(result.id, skipped)


def _parse_prediction(obj: Mapping[str, Any]) -> PredictionRow | str:
    """A row as a :class:`PredictionRow`, or the reason it is not one."""
    raw_id = obj.get("id")
    body: Mapping[str, Any] | None = None
    if "is_study_visit" in obj:
        body = obj
    else:
        for nested in _NESTED_KEYS:
            if isinstance(obj.get(nested), dict):
                body = obj[nested]
                break
    if body is None:
        error = obj.get("error")
        if isinstance(raw_id, str) and error and not isinstance(error, dict):
            return PredictionRow(raw_id, None, error=str(error))  # an eval side file's row
        if isinstance(raw_id, str) and (error or obj.get("skipped")):
            # A batch row recording a failed or pre-filtered article.
            try:
                return PredictionRow.from_batch(BatchResult.from_row(dict(obj)))
            except InputError as exc:
                return str(exc)
        return (
            "not a prediction: expected a VisitExtraction object (with 'is_study_visit') "
            f"or a batch row nesting one under {', '.join(repr(k) for k in _NESTED_KEYS)}"
        )
    pid = body.get("id") if isinstance(body.get("id"), str) else raw_id
    if not isinstance(pid, str) or not pid:
        return "prediction has no 'id'; each line must name the article it belongs to"
    # Batch rows may carry bookkeeping keys of their own: score only the contract.
    fields: dict[str, Any] = {"backend": UNKNOWN_BACKEND}
    fields.update((k, v) for k, v in body.items() if k in _EXTRACTION_FIELDS)
    try:
        extraction = VisitExtraction.model_validate({**fields, "id": pid})
    except ValidationError as exc:
        return f"not a valid extraction ({_validation_message(exc)})"
    return PredictionRow(pid, extraction)


def read_predictions(path: str | Path) -> dict[str, PredictionRow]:
    """Read saved predictions: VisitExtraction JSON lines, batch output or a side file.

    Args:
        path: a JSONL file; each line a ``VisitExtraction`` with ``id``, or a row that
            nests one under ``prediction``/``result``/``extraction``/``output``, or an
            error row ``{"id", "error"}``.

    Returns:
        Predictions by article id (an error row gives ``extraction=None``).

    Raises:
        DatasetError: a malformed line or a duplicate id, with file and line.
    """
    path = Path(path)
    rows: dict[str, PredictionRow] = {}
    lines: dict[str, int] = {}
    for lineno, obj in _strict_rows(path):
        parsed = _parse_prediction(obj)
        if isinstance(parsed, str):
            raise DatasetError(parsed, path=str(path), line=lineno)
        if parsed.id in rows:
            kept = rows[parsed.id]
            # Earlier batch versions wrote an input's duplicate id as an error row under
            # the same id: beside the extraction of that id, it is no second prediction.
            if parsed.extraction is None and kept.extraction is not None:
                continue
            if kept.extraction is None and parsed.extraction is not None:
                rows[parsed.id] = parsed
                continue
            raise DatasetError(
                f"duplicate prediction id {parsed.id!r} (first at line {lines[parsed.id]})",
                path=str(path),
                line=lineno,
            )
        rows[parsed.id] = parsed
        lines[parsed.id] = lineno
    return rows


def predictions_from(
    items: Iterable[VisitExtraction] | Mapping[str, VisitExtraction],
) -> dict[str, PredictionRow]:
    """Predictions given in memory, keyed by article id.

    Raises:
        DatasetError: an extraction without ``id`` in a plain iterable.
    """
    if isinstance(items, Mapping):
        return {k: PredictionRow(k, v) for k, v in items.items()}
    rows: dict[str, PredictionRow] = {}
    for item in items:
        if not item.id:
            raise DatasetError("a prediction has no id; set VisitExtraction.id to the article id")
        rows[item.id] = PredictionRow(item.id, item)
    return rows


__all__ = [
    "ARTICLES_FILE",
    "GOLD_FILE",
    "Dataset",
    "GoldLabel",
    "GoldLeader",
    "GoldParty",
    "GoldVisit",
    "PredictionRow",
    "load_dataset",
    "load_datasets",
    "predictions_from",
    "read_gold",
    "read_predictions",
]
