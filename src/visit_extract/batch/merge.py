"""The last step of a scaled-out run: finished parts become the one output file.

Parts are copied in plan order into a temporary file next to the output, which is then
renamed over it, so the output is never half written. Rows an earlier one-file output
already held come first.

Each part checked its own article ids for duplicates; an id that also appears in an
earlier part is a duplicate of the whole run. Such a row is replaced by the error row a
one-process run writes for a duplicate (``line <n>: duplicate article id ...``), so the
output has the same rows whichever way the run was cut.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from visit_extract.batch.intake import article_id
from visit_extract.batch.parts import Part, read_part
from visit_extract.batch.rows import BatchResult

_ID_PREFIX = b'{"id": "'
_DUPLICATE = re.compile(r"line \d+: duplicate article id ")


@dataclass
class MergeReport:
    """What the merge wrote.

    Attributes:
        rows: rows in the output.
        duplicates: rows turned into duplicate-id error rows (their id was in an
            earlier part), by the status they had.
    """

    rows: int = 0
    duplicates: dict[str, int] = field(default_factory=dict)


def row_id(raw: bytes) -> str:
    """The id of a result row as the writer wrote it (``{"id": "...`` first), read
    without parsing the whole row; any other row is parsed."""
    if raw.startswith(_ID_PREFIX):
        end = raw.find(b'"', len(_ID_PREFIX))
        if end > 0 and b"\\" not in raw[len(_ID_PREFIX) : end]:
            return raw[len(_ID_PREFIX) : end].decode("utf-8")
    value = json.loads(raw).get("id")
    return value if isinstance(value, str) else ""


def _is_duplicate_row(row: dict[str, Any]) -> bool:
    err = row.get("error")
    return (
        isinstance(err, dict)
        and err.get("type") == "DatasetError"
        and _DUPLICATE.match(str(err.get("message", ""))) is not None
    )


def _first_lines(part: Part, ids: set[str], columns: str | dict[str, str] | None) -> dict[str, int]:
    """The line of the first occurrence in ``part`` of each of ``ids`` (the part's input
    is read again: only parts holding a duplicate of an earlier part pay this)."""
    found: dict[str, int] = {}
    for number, item in read_part(part, columns):
        key = article_id(number, item)
        if key in ids and key not in found:
            found[key] = number
            if len(found) == len(ids):
                break
    return found


def merge_parts(
    parts: Sequence[Part],
    run_dir: Path,
    output: Path,
    *,
    keep_existing: bool,
    columns: str | dict[str, str] | None = None,
) -> MergeReport:
    """Write every finished part, in order, into ``output`` (atomically).

    Args:
        parts: the run's parts, all finished.
        run_dir: the folder holding their files.
        output: the results file.
        keep_existing: start with the rows ``output`` already holds (a resumed
            one-file run; none of their ids are in the parts).
        columns: the input's column mapping (to find the lines of duplicates).
    """
    report = MergeReport()
    tmp = output.with_name(output.name + ".merge-tmp")
    seen: set[str] = set()
    with tmp.open("wb") as dst:
        if keep_existing and output.exists():
            with output.open("rb") as src:
                shutil.copyfileobj(src, dst, 1 << 20)
            report.rows += _count(output)
        for part in parts:
            path = run_dir / f"{part.name}.jsonl"
            ids = _part_ids(path)
            clashes = {i for i in ids if i in seen}
            if clashes:
                _copy_fixing(path, dst, part, clashes, columns, report)
            else:
                with path.open("rb") as src:
                    shutil.copyfileobj(src, dst, 1 << 20)
            report.rows += len(ids)
            seen.update(ids)
        dst.flush()
        os.fsync(dst.fileno())
    os.replace(tmp, output)
    return report


def _count(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(1 for _ in fh)


def _part_ids(path: Path) -> list[str]:
    with path.open("rb") as fh:
        return [row_id(raw) for raw in fh]


def _copy_fixing(
    path: Path,
    dst: Any,
    part: Part,
    clashes: set[str],
    columns: str | dict[str, str] | None,
    report: MergeReport,
) -> None:
    """Copy ``path``, turning the rows of ids seen in earlier parts into duplicate rows."""
    lines: dict[str, int] | None = None
    with path.open("rb") as src:
        for raw in src:
            if row_id(raw) not in clashes:
                dst.write(raw)
                continue
            row = json.loads(raw)
            if _is_duplicate_row(row):
                dst.write(raw)  # already the row a one-process run writes
                continue
            if lines is None:
                lines = _first_lines(part, clashes, columns)
            key = row["id"]
            status = BatchResult.from_row(row).status
            report.duplicates[status] = report.duplicates.get(status, 0) + 1
            number = lines.get(key, 0)
            fixed = BatchResult.failed(key, f"line {number}: duplicate article id {key!r}")
            dst.write((json.dumps(fixed.to_row(), ensure_ascii=False) + "\n").encode("utf-8"))


__all__ = ["MergeReport", "merge_parts", "row_id"]
