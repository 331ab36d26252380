"""The one batch row format: a :class:`BatchResult` per article, written as one JSON line
and read back here, by batch runs and by the eval alike.

A row is one of three shapes:

- the extraction itself (a :class:`~visit_extract.schema.VisitExtraction` object);
- ``{"id", "error": {"type", "message", "attempts", "usage"?}}`` when it failed;
- ``{"id", "skipped", "score"}`` when the pre-filter kept it from the backend.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from visit_extract.errors import DatasetError, InputError, VisitExtractError, spent_usage
from visit_extract.io import BadRow, iter_jsonl
from visit_extract.io.articles import first_error
from visit_extract.schema import Usage, VisitExtraction

Status = Literal["ok", "error", "skipped"]


@dataclass(frozen=True)
class ErrorInfo:
    """Why an article has no extraction, and what its failed attempts cost.

    Attributes:
        type: the exception's class name (``ArticleTimeout`` for the run's own limit,
            ``DatasetError`` for an input row that is not an article).
        message: what went wrong.
        attempts: requests made for the article, when known.
        usage: tokens spent before giving up (provider errors report them): part of
            the run's cost.
        unexpected: the backend raised something other than a
            :class:`~visit_extract.errors.VisitExtractError` (a bug rather than a
            failure of the article). Known only in the run that saw it: not written.
    """

    type: str
    message: str
    attempts: int = 0
    usage: Usage | None = None
    unexpected: bool = field(default=False, compare=False)

    @classmethod
    def from_exception(cls, exc: BaseException, *, attempts: int = 0) -> ErrorInfo:
        """The record of ``exc`` (its class name, message and spent tokens)."""
        return cls(
            type(exc).__name__,
            str(exc) or repr(exc),
            attempts,
            spent_usage(exc),
            unexpected=not isinstance(exc, VisitExtractError),
        )

    def describe(self) -> str:
        """One line for people: ``"RetriesExhausted: gave up after 5 requests"``."""
        return f"{'unexpected ' if self.unexpected else ''}{self.type}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        """The ``error`` object of a row."""
        row: dict[str, Any] = {
            "type": self.type,
            "message": self.message,
            "attempts": self.attempts,
        }
        if self.usage is not None:
            row["usage"] = self.usage.model_dump()
        return row

    @classmethod
    def from_dict(cls, err: dict[str, Any]) -> ErrorInfo:
        """Read back :meth:`to_dict` (missing keys get their defaults)."""
        spent = err.get("usage")
        return cls(
            str(err.get("type", "Error")),
            str(err.get("message", "")),
            int(err.get("attempts") or 0),
            Usage.model_validate(spent) if isinstance(spent, dict) else None,
        )


@dataclass(frozen=True)
class BatchResult:
    """The outcome for one input article: exactly one of ``extraction``, ``error`` or
    ``skipped`` is set.

    Attributes:
        id: the article id (for unreadable rows without one: ``line-<n>``).
        extraction: the extraction, when the backend succeeded.
        error: type, message and attempts, when it did not.
        skipped: ``"prefilter"`` when the pre-filter kept it from the backend.
        score: the pre-filter's score, when one was computed.
    """

    id: str
    extraction: VisitExtraction | None = None
    error: ErrorInfo | None = None
    skipped: str | None = None
    score: float | None = None

    @classmethod
    def failed(cls, article_id: str, exc: BaseException | str, *, attempts: int = 0) -> BatchResult:
        """An error result: from an exception, or from a message about the input row
        itself (recorded as a ``DatasetError``)."""
        if isinstance(exc, BaseException):
            return cls(id=article_id, error=ErrorInfo.from_exception(exc, attempts=attempts))
        return cls(id=article_id, error=ErrorInfo("DatasetError", exc, attempts))

    @property
    def status(self) -> Status:
        """``ok``, ``error`` or ``skipped``."""
        if self.extraction is not None:
            return "ok"
        return "error" if self.error is not None else "skipped"

    def to_row(self) -> dict[str, Any]:
        """The JSONL row: the extraction itself, or ``{"id", "error": {...}}``, or
        ``{"id", "skipped", "score"}``."""
        if self.extraction is not None:
            return self.extraction.model_dump(mode="json")
        if self.error is not None:
            return {"id": self.id, "error": self.error.to_dict()}
        return {"id": self.id, "skipped": self.skipped, "score": self.score}

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> BatchResult:
        """Read back a row written by :meth:`to_row`.

        Raises:
            InputError: the row is none of the three shapes.
        """
        row_id = row.get("id")
        if "text" in row and not {"is_study_visit", "error", "skipped"} & set(row):
            raise InputError(
                "this is an article (it has 'text'), not a result row: give the output of "
                "visit-extract batch (the articles themselves go to --articles)"
            )
        if not isinstance(row_id, str):
            raise InputError("result row has no string 'id'")
        try:
            if isinstance(row.get("error"), dict):
                return cls(id=row_id, error=ErrorInfo.from_dict(row["error"]))
            if "skipped" in row:
                score = row.get("score")
                return cls(
                    id=row_id,
                    skipped=str(row["skipped"]),
                    score=float(score) if score is not None else None,
                )
            return cls(id=row_id, extraction=VisitExtraction.model_validate(row))
        except ValidationError as exc:
            raise InputError(f"result row {row_id!r} is not a result: {first_error(exc)}") from None
        except (ValueError, TypeError) as exc:
            raise InputError(f"result row {row_id!r} is not a result: {exc}") from None


def read_results(path: str | Path) -> Iterator[BatchResult]:
    """Stream the results of a batch output file (a torn last line is ignored).

    Raises:
        DatasetError: the file is missing, or a line other than the last is not JSON
            (an eval run file, a CSV...), or a line is not a result row.
    """
    torn: BadRow | None = None
    for lineno, row in iter_jsonl(path):
        if torn is not None:
            raise DatasetError(
                f"{torn.message}: not the JSON Lines output of visit-extract batch",
                path=str(path),
                line=torn.line,
            )
        if isinstance(row, BadRow):
            torn = row  # only a torn last line can be malformed in a file we wrote
            continue
        try:
            yield BatchResult.from_row(row)
        except InputError as exc:
            raise DatasetError(str(exc), path=str(path), line=lineno) from None


__all__ = ["BatchResult", "ErrorInfo", "Status", "read_results"]
