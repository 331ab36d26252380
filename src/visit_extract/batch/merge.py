"""The last step of a scaled-out run: finished parts become the one output file.

Parts are copied in plan order into a temporary file next to the output, which is then
renamed over it, so the output is never half written. Rows an earlier one-file output
already held come first.

Each part checked its own article ids for duplicates, but an id may repeat across
parts, and a part numbers its copies (``id#2``...) and says where they are from its own
point of view. So whenever an id has more than one input row in the whole run, the merge
writes that id's rows again as a one-process run does
(:func:`~visit_extract.batch.intake.duplicate_row`): the first row in input order keeps
its result, every later one becomes ``id#2``, ``id#3``... with the file and line of
both. Finding those lines reads the parts holding such ids again; parts without
duplicates are copied as they are.
"""

from __future__ import annotations

import json
import os
import shutil
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from visit_extract.batch.intake import article_id, duplicate_row
from visit_extract.batch.parts import Part, read_part
from visit_extract.batch.rows import BatchResult
from visit_extract.io import BadRow

_ID_PREFIX = b'{"id": "'


@dataclass
class MergeReport:
    """What the merge wrote.

    Attributes:
        rows: rows in the output.
        duplicates: the statuses of part rows that became duplicate rows (their id had
            an earlier input row in another part), by status.
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


def _copy_of(row_id_: str, ids: Counter[str]) -> str | None:
    """The id ``row_id_`` numbers a copy of (``a#2`` → ``a``), if that id has rows."""
    key, sep, number = row_id_.rpartition("#")
    return key if sep and number.isdigit() and key in ids else None


def _is_duplicate_row(raw: bytes) -> bool:
    """Whether a row is the error row of a duplicate id (not an article whose own id
    happens to end in ``#2``)."""
    err = json.loads(raw).get("error")
    return (
        isinstance(err, dict)
        and err.get("type") == "DatasetError"
        and ": duplicate article id " in str(err.get("message", ""))
    )


@dataclass
class _Duplicates:
    """The ids with several input rows, and the rows a one-process run writes for them."""

    ids: Counter[str]
    keys: set[str]
    first_part: dict[str, int] = field(default_factory=dict)
    rows: dict[int, list[BatchResult]] = field(default_factory=dict)  # by part index

    def drops(self, part: Part, rid: str, raw: bytes) -> bool:
        """Whether the part row ``rid`` is replaced by the rows built here."""
        if rid in self.keys:
            return self.first_part.get(rid, part.index) != part.index
        return _copy_of(rid, self.ids) in self.keys and _is_duplicate_row(raw)


def _find_duplicates(
    parts: Sequence[Part],
    part_ids: dict[int, list[str]],
    columns: str | dict[str, str] | None,
) -> _Duplicates | None:
    ids: Counter[str] = Counter()
    for found in part_ids.values():
        ids.update(found)
    keys = {i for i, n in ids.items() if n > 1}
    keys |= {key for i in ids if (key := _copy_of(i, ids)) is not None}
    if not keys:
        return None
    dups = _Duplicates(ids, keys)
    first_at: dict[str, str] = {}
    copies: Counter[str] = Counter()
    for part in parts:
        holds = any(i in keys or _copy_of(i, ids) in keys for i in part_ids[part.index])
        if not holds:
            continue
        for number, item in read_part(part, columns):
            key = article_id(number, item)
            if key not in keys:
                continue
            where = f"{item.path}:{item.line}" if isinstance(item, BadRow) else None
            where = where or f"{part.path}:{number}"
            copies[key] += 1
            if copies[key] == 1:
                first_at[key] = where
                dups.first_part[key] = part.index
            else:
                row = duplicate_row(key, copies[key], where, first_at[key])
                dups.rows.setdefault(part.index, []).append(row)
    return dups


def merge_parts(
    parts: Sequence[Part],
    run_dir: Path,
    output: Path,
    *,
    keep_existing: bool,
    columns: str | dict[str, str] | None = None,
    skip_ids: frozenset[str] = frozenset(),
) -> MergeReport:
    """Write every finished part, in order, into ``output`` (atomically).

    Args:
        parts: the run's parts, all finished.
        run_dir: the folder holding their files.
        output: the results file.
        keep_existing: start with the rows ``output`` already holds (a resumed
            one-file output; none of their ids are in the parts).
        columns: the input's column mapping (to find the lines of duplicates).
        skip_ids: ids the output already holds (no duplicate row is written for them).
    """
    report = MergeReport()
    files = {part.index: run_dir / f"{part.name}.jsonl" for part in parts}
    part_ids = {index: _ids(path) for index, path in files.items()}
    dups = _find_duplicates(parts, part_ids, columns)
    tmp = output.with_name(output.name + ".merge-tmp")
    with tmp.open("wb") as dst:
        if keep_existing and output.exists():
            with output.open("rb") as src:
                shutil.copyfileobj(src, dst, 1 << 20)
            report.rows += len(_ids(output))
        for part in parts:
            if dups is None or not _touched(part, part_ids, dups):
                with files[part.index].open("rb") as src:
                    shutil.copyfileobj(src, dst, 1 << 20)
                report.rows += len(part_ids[part.index])
                continue
            report.rows += _copy_rebuilding(files[part.index], part, dst, dups, report)
            for row in dups.rows.get(part.index, []):
                if row.id not in skip_ids:
                    dst.write(_encode(row.to_row()))
                    report.rows += 1
        dst.flush()
        os.fsync(dst.fileno())
    os.replace(tmp, output)
    return report


def _ids(path: Path) -> list[str]:
    with path.open("rb") as fh:
        return [row_id(raw) for raw in fh]


def _encode(row: dict[str, Any]) -> bytes:
    return (json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8", "backslashreplace")


def _touched(part: Part, part_ids: dict[int, list[str]], dups: _Duplicates) -> bool:
    return part.index in dups.rows or any(i in dups.keys or "#" in i for i in part_ids[part.index])


def _copy_rebuilding(
    path: Path, part: Part, dst: Any, dups: _Duplicates, report: MergeReport
) -> int:
    """Copy the rows of ``path`` that stay; count the part rows replaced by duplicate
    rows (by their status). Returns the rows written."""
    written = 0
    with path.open("rb") as src:
        for raw in src:
            rid = row_id(raw)
            if not dups.drops(part, rid, raw):
                dst.write(raw)
                written += 1
            elif rid in dups.keys:
                status = BatchResult.from_row(json.loads(raw)).status
                report.duplicates[status] = report.duplicates.get(status, 0) + 1
    return written


__all__ = ["MergeReport", "merge_parts", "row_id"]
