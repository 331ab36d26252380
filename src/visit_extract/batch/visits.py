"""The visits of batch results files, as :class:`~visit_extract.batch.dedupe.VisitRecord`:
the one reader behind ``visit-extract export`` (:mod:`visit_extract.batch.export`) and
``visit-extract network`` (:mod:`visit_extract.network.records`).

Reading counts what it leaves out: error rows, skipped rows, and duplicate rows of an
id read before (a file two runs wrote at once, or the same article in two files), whose
visits must not count twice. The article input is streamed for outlet, url, title and
publication date; only the metadata of articles with visits is kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, MutableMapping
from dataclasses import dataclass
from pathlib import Path

from visit_extract.batch.dedupe import VisitRecord
from visit_extract.batch.rows import read_results
from visit_extract.io import BadRow, iter_input


@dataclass
class RowCounts:
    """What reading result rows found besides the visits.

    Attributes:
        extractions: rows with an extraction that counted.
        errors: error rows that counted.
        skipped: skipped rows (pre-filter, dry run) that counted.
        duplicates: rows of an id that had counted already, left out.
    """

    extractions: int = 0
    errors: int = 0
    skipped: int = 0
    duplicates: int = 0


def read_visit_records(
    results: str | Path,
    counts: RowCounts,
    seen: MutableMapping[str, str] | None = None,
    *,
    extraction_replaces_failure: bool = True,
) -> list[VisitRecord]:
    """The visits of a results file, one record per visit, in file order.

    One row per id counts; the others are duplicates.

    Args:
        results: a results file (``visit-extract batch`` output).
        counts: updated with what the rows held.
        seen: the ids that counted already (id → the status of their row), updated;
            pass one mapping to several calls to count ids across files.
        extraction_replaces_failure: a later extraction of an id whose counted row is
            an error or a skip counts instead of it (one file: the row a resumed run
            wrote last is the one that holds). False: the first row of an id counts,
            whatever it holds (several files: the first file wins).

    Raises:
        DatasetError: the file is missing or not batch output (naming the line).
    """
    seen = seen if seen is not None else {}
    records: list[VisitRecord] = []
    for result in read_results(results):
        ext = result.extraction
        before = seen.get(result.id)
        if before is not None:
            counts.duplicates += 1
            if not extraction_replaces_failure or before == "ok" or ext is None:
                continue
            if before == "error":
                counts.errors -= 1
            else:
                counts.skipped -= 1
        seen[result.id] = result.status
        if ext is None:
            if result.error is not None:
                counts.errors += 1
            else:
                counts.skipped += 1
            continue
        counts.extractions += 1
        records += [
            VisitRecord(
                article_id=result.id, index=i, visit=visit, backend=ext.backend, model=ext.model
            )
            for i, visit in enumerate(ext.visits)
        ]
    return records


def add_article_metadata(
    records: Iterable[VisitRecord],
    articles: str | Path,
    *,
    fmt: str | None = None,
    columns: str | Mapping[str, str] | None = None,
    refill: bool = True,
) -> None:
    """Fill outlet, url, title and publication date of ``records`` from an article file
    (streamed; nothing is read when no record needs it).

    Args:
        records: the visits to fill.
        articles: the article file (the batch input).
        fmt: its format when the name does not tell.
        columns: its column mapping (``"id=article_id,text=body"``).
        refill: fill the records that have a publication date already too (False:
            of several article files, the first that dates an article wins).
    """
    by_id: dict[str, list[VisitRecord]] = {}
    for rec in records:
        if refill or rec.published is None:
            by_id.setdefault(rec.article_id, []).append(rec)
    if not by_id:
        return
    for _, item in iter_input(articles, fmt=fmt, columns=columns):
        if isinstance(item, BadRow) or item.id not in by_id:
            continue
        for rec in by_id[item.id]:
            rec.published, rec.outlet = item.published, item.outlet
            rec.url, rec.title = item.url, item.title


__all__ = ["RowCounts", "add_article_metadata", "read_visit_records"]
