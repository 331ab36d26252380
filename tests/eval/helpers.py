"""Small builders for hand-made gold labels, predictions and backends in the eval
tests."""

from __future__ import annotations

from typing import Any

from visit_extract.config import Settings
from visit_extract.eval.datasets import GoldVisit
from visit_extract.extract import register_backend
from visit_extract.schema import Article, Visit, VisitExtraction


def register_refusing(name: str, error: Exception) -> None:
    """Register a backend ``name`` that raises ``error`` for every article."""

    class Refusing:
        def __init__(self, settings: Settings) -> None:
            self.name = name

        def extract(self, article: Article) -> VisitExtraction:
            raise error

    register_backend(name, Refusing)


def party(
    region: str | None = None,
    *,
    level: str | None = "regency",
    branch: str | None = "executive",
    institution: str | None = None,
    name: str | None = None,
    title: str | None = None,
    size: int | None = None,
) -> dict[str, Any]:
    """A party dict; a leader is present when a name or title is given."""
    leader = {"name": name, "title": title} if name or title else None
    return {
        "region": region,
        "level": level,
        "branch": branch,
        "institution": institution,
        "leader": leader,
        "size": size,
    }


def _visit(visitor: dict[str, Any], host: dict[str, Any], **fields: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"visitor": visitor, "host": host, "kind": "studi_banding"}
    body.update(fields)
    return body


def gold(visitor: dict[str, Any], host: dict[str, Any], **fields: Any) -> GoldVisit:
    """A gold visit (leader names may be null)."""
    return GoldVisit.model_validate(_visit(visitor, host, **fields))


def pred(visitor: dict[str, Any], host: dict[str, Any], **fields: Any) -> Visit:
    """A predicted visit (the output schema)."""
    return Visit.model_validate(_visit(visitor, host, **fields))
