"""Reading a batch output back before a resumed run, and repairing what crashes,
concurrent runs and earlier versions left in it.

- A torn last line (a run killed mid-write) is cut off: that article is simply done
  again.
- A damaged line further up (a disk error, a hand edit) is moved to
  ``<output>.corrupt-lines`` with a warning; the rows after it stay, and only the
  article of that line is done again.
- An id with several rows (two runs wrote the file at once, before outputs were locked)
  keeps one: an extraction before a pre-filter skip before an error row.
- With ``retry_errors``, the error rows go, so those articles are done again.

A run resumed with another backend or model would mix two runs in one file without a
trace: :func:`check_producers` refuses that unless told to (``--force``).

A repair writes a new file and renames it over the output, so a crash during the
repair leaves the old output whole.
"""

from __future__ import annotations

import json
import os
import warnings
from collections import Counter
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from visit_extract.errors import InputError, VisitExtractWarning

#: Which row of an id is kept when it has several: the lowest rank, then the first.
_RANK = {"ok": 0, "skipped": 1, "error": 2}


def _kind(row: dict[str, Any]) -> str:
    if "error" in row:
        return "error"
    return "skipped" if "skipped" in row else "ok"


@dataclass
class OutputScan:
    """What an output holds.

    Attributes:
        ids: every id with a row.
        error_ids: the ids whose only rows are error rows.
        producers: how many extraction rows each ``(backend, model)`` wrote.
        keep: per id, the line (0-based) of the row a repair keeps.
        corrupt: the lines (0-based) that are no result row.
        duplicate_rows: rows beyond the first of their id.
        torn_bytes: bytes of a torn last line, cut off by the scan.
    """

    ids: set[str] = field(default_factory=set)
    error_ids: set[str] = field(default_factory=set)
    producers: Counter[tuple[str, str | None]] = field(default_factory=Counter)
    keep: dict[str, tuple[int, int]] = field(default_factory=dict)
    corrupt: list[int] = field(default_factory=list)
    duplicate_rows: int = 0
    torn_bytes: int = 0


def scan_output(path: Path) -> OutputScan:
    """Read ``path`` row by row, cutting off a torn last line.

    Args:
        path: a batch output.

    Returns:
        What it holds (see :class:`OutputScan`).
    """
    scan = OutputScan()
    ok_ids: set[str] = set()
    good_end = 0
    with path.open("rb") as fh:
        for index, raw in enumerate(fh):
            if not raw.endswith(b"\n"):
                break  # only the last line can lack its newline: a torn write
            good_end += len(raw)
            row = _parse(raw)
            if row is None:
                scan.corrupt.append(index)
                continue
            row_id, kind = row["id"], _kind(row)
            if row_id in scan.ids:
                scan.duplicate_rows += 1
            scan.ids.add(row_id)
            (ok_ids if kind != "error" else scan.error_ids).add(row_id)
            if kind == "ok":
                scan.producers[(str(row.get("backend")), row.get("model"))] += 1
            best = scan.keep.get(row_id)
            if best is None or _RANK[kind] < best[0]:
                scan.keep[row_id] = (_RANK[kind], index)
    size = path.stat().st_size
    if size > good_end:
        with path.open("r+b") as fh:
            fh.truncate(good_end)
    scan.torn_bytes = size - good_end
    scan.error_ids -= ok_ids
    return scan


def check_producers(path: Path, scan: OutputScan, backend: str | None, model: str | None) -> None:
    """Refuse to add ``backend``'s results to an output that another backend or model
    wrote.

    A row's model is compared only when it names one (the rules backend names none,
    whatever model the settings hold), and its backend only when the run's is known
    (a factory that is no class does not declare the name its results carry).

    Raises:
        InputError: the output holds extractions by another backend or model.
    """
    others = [
        (b, m, n)
        for (b, m), n in scan.producers.items()
        if (backend is not None and b != backend) or m not in (None, model)
    ]
    if not others:
        return
    b, m, n = max(others, key=lambda item: item[2])
    theirs = f"{b} ({m})" if m else b
    ours = f"{backend or 'this backend'} ({model})" if model else (backend or "another one")
    raise InputError(
        f"{path} holds {n:,} extraction(s) by {theirs} and this run uses {ours}; resume "
        "with the same --backend/--model, pass --force to mix them in one file, or "
        "--overwrite to start again"
    )


def _parse(raw: bytes) -> dict[str, Any] | None:
    """The row on one line, or None when it is no result row."""
    try:
        row = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(row, dict) or not isinstance(row.get("id"), str) or not row["id"]:
        return None
    return row


def repair_output(
    path: Path, scan: OutputScan, *, drop_ids: AbstractSet[str] = frozenset()
) -> None:
    """Rewrite ``path`` with one row per id, without corrupt lines and without the rows
    of ``drop_ids``; warn about what was repaired. Does nothing when nothing needs it.

    Args:
        path: the output, already scanned.
        scan: its scan (updated: the dropped ids leave ``ids``).
        drop_ids: ids whose rows go (error rows to retry).
    """
    if not (scan.corrupt or scan.duplicate_rows or drop_ids):
        return
    keep_lines = {index for rid, (_, index) in scan.keep.items() if rid not in drop_ids}
    corrupt = set(scan.corrupt)
    aside = path.with_name(path.name + ".corrupt-lines")
    tmp = path.with_name(path.name + ".repair-tmp")
    with path.open("rb") as src, tmp.open("wb") as dst:
        bad = aside.open("ab") if corrupt else None
        try:
            for index, raw in enumerate(src):
                if index in keep_lines:
                    dst.write(raw)
                elif bad is not None and index in corrupt:
                    bad.write(raw)
        finally:
            if bad is not None:
                bad.close()
        dst.flush()
        os.fsync(dst.fileno())
    os.replace(tmp, path)
    scan.ids -= drop_ids
    if scan.corrupt:
        lines = ", ".join(str(i + 1) for i in scan.corrupt[:5])
        more = "" if len(scan.corrupt) <= 5 else f" and {len(scan.corrupt) - 5} more"
        warnings.warn(
            f"{path}: {len(scan.corrupt)} damaged line(s) (line {lines}{more}) are no "
            f"result rows; moved them to {aside} and kept the rows after them (the "
            "articles of those lines are done again)",
            VisitExtractWarning,
            stacklevel=3,
        )
    if scan.duplicate_rows:
        warnings.warn(
            f"{path}: {scan.duplicate_rows} duplicate row(s) of ids already in the file "
            "(two runs wrote it at once?); kept one row per id, an extraction first",
            VisitExtractWarning,
            stacklevel=3,
        )


__all__ = ["OutputScan", "check_producers", "repair_output", "scan_output"]
