"""Reading the visits a network is built from: batch output and gold labels.

Two kinds of input give visits:

* batch output (``visit-extract batch``): rows read with
  :func:`visit_extract.batch.visits.read_visit_records`, as ``visit-extract export``
  reads them; error and skipped rows are counted, not used.
  Outlet, url, title and publication date come from the batch input (``articles=``),
  as for ``visit-extract export``.
* gold labels (LABELING.md): an eval-set folder, or a ``gold.jsonl`` file (any file
  whose rows carry the labels' ``notes`` key). The ``articles.jsonl`` beside it gives
  the article metadata.

Regions are resolved to places (:mod:`visit_extract.network.places`) *before* the
cross-outlet dedupe, so two reports that spell one region differently still merge.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from visit_extract.batch.dedupe import VisitRecord
from visit_extract.batch.visits import RowCounts, add_article_metadata, read_visit_records
from visit_extract.errors import InputError
from visit_extract.eval.datasets import ARTICLES_FILE, GOLD_FILE, GoldVisit, read_gold
from visit_extract.io import iter_jsonl
from visit_extract.network.places import Place, resolve_place
from visit_extract.schema import Visit


@dataclass
class ReadReport:
    """What the inputs held."""

    files: list[str] = field(default_factory=list)
    articles: int = 0
    errors: int = 0
    skipped: int = 0
    duplicate_ids: int = 0
    visits: int = 0
    off_network: int = 0


@dataclass
class Reported:
    """One visit as one article reports it, with its two places resolved."""

    record: VisitRecord
    visitor: Place | None
    host: Place | None
    note: str | None = None


def _is_gold_file(path: Path) -> bool:
    """Whether a JSONL file (``.gz`` too) holds gold labels rather than batch output."""
    if path.name == GOLD_FILE:
        return True
    for _, row in iter_jsonl(path):
        # a malformed first line is left to the batch reader, which names it
        return isinstance(row, dict) and "notes" in row and "backend" not in row
    return False


def _gold_visit(visit: GoldVisit) -> Visit:
    """A gold visit in the output schema (a leader named only by title is dropped)."""
    data: dict[str, Any] = visit.model_dump()
    for role in ("visitor", "host"):
        leader = data[role].get("leader")
        if leader is not None and not leader.get("name"):
            data[role]["leader"] = None
    return Visit.model_validate(data)


def _read_gold(path: Path, report: ReadReport, seen: dict[str, str]) -> tuple[list[Reported], Path]:
    gold_path = path / GOLD_FILE if path.is_dir() else path
    if not gold_path.is_file():
        raise InputError(
            f"{path} has no {GOLD_FILE}; give batch output files, a gold.jsonl or an "
            "eval-set folder"
        )
    out: list[Reported] = []
    for label in read_gold(gold_path).values():
        if label.id in seen:
            report.duplicate_ids += 1
            continue
        seen[label.id] = "gold"
        report.articles += 1
        for index, visit in enumerate(label.visits):
            record = VisitRecord(article_id=label.id, index=index, visit=_gold_visit(visit))
            out.append(Reported(record, None, None, label.notes))
    return out, gold_path.parent / ARTICLES_FILE


def _read_batch(path: Path, report: ReadReport, seen: dict[str, str]) -> list[Reported]:
    counts = RowCounts()
    # Across files the first one that names an id wins, whatever its row holds.
    records = read_visit_records(path, counts, seen, extraction_replaces_failure=False)
    report.articles += counts.extractions
    report.errors += counts.errors
    report.skipped += counts.skipped
    report.duplicate_ids += counts.duplicates
    return [Reported(record, None, None) for record in records]


def _canonical(item: Reported) -> Reported:
    """Resolve both places and write the official names back into the visit, so the
    dedupe (which compares region strings) sees one spelling per region."""
    visit = item.record.visit
    visitor = resolve_place(visit.visitor.region, visit.visitor.level)
    host = resolve_place(visit.host.region, visit.host.level)
    item.visitor, item.host = visitor, host
    item.record.visit = visit.model_copy(
        update={
            "visitor": visit.visitor.model_copy(update={"region": visitor and visitor.name}),
            "host": visit.host.model_copy(update={"region": host and host.name}),
        }
    )
    return item


def read_visits(
    inputs: Iterable[str | Path],
    *,
    articles: Iterable[str | Path] = (),
    articles_format: str | None = None,
    columns: str | Mapping[str, str] | None = None,
    report: ReadReport | None = None,
) -> list[Reported]:
    """Every visit of the inputs, places resolved and article metadata filled in.

    An article id met twice (the same article in two result files) is used once: the
    first file wins, and :attr:`ReadReport.duplicate_ids` counts the others.

    Args:
        inputs: batch output files, ``gold.jsonl`` files or eval-set folders.
        articles: article files (the batch input) for outlet, url, title and date;
            the ``articles.jsonl`` beside a gold file is read without being named.
        articles_format: the format of ``articles`` when the name does not tell.
        columns: the column mapping of ``articles`` (``"id=article_id,text=body"``).
        report: filled with counts when given.

    Raises:
        InputError: a missing input, or a file that is neither kind (the message
            names the file and line).
    """
    report = report if report is not None else ReadReport()
    seen: dict[str, str] = {}
    visits: list[Reported] = []
    metadata: list[tuple[Path, str | None, str | Mapping[str, str] | None]] = []
    for raw in inputs:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{path} does not exist; give batch output or gold files")
        report.files.append(str(path))
        if path.is_dir() or _is_gold_file(path):
            found, beside = _read_gold(path, report, seen)
            visits += found
            if beside.is_file():
                metadata.append((beside, "jsonl", None))
        else:
            visits += _read_batch(path, report, seen)
    metadata += [(Path(a), articles_format, columns) for a in articles]
    records = [item.record for item in visits]
    for path, fmt, cols in metadata:
        if not path.exists():
            raise InputError(f"articles file {path} does not exist")
        add_article_metadata(records, path, fmt=fmt, columns=cols, refill=False)
    for item in visits:
        _canonical(item)
    report.visits = len(visits)
    report.off_network = sum(1 for v in visits if v.visitor is None or v.host is None)
    return visits


__all__ = ["ReadReport", "Reported", "read_visits"]
