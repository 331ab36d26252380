"""The batch output file: append-only JSONL, one row per result, resumable.

Each row is handed to the OS with one ``write``, so Ctrl-C never leaves half a row; a
SIGKILL can tear at most the last line, which resuming cuts off (that article is then
simply done again).
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

from visit_extract.batch.rows import BatchResult
from visit_extract.errors import InputError


def _scan_output(path: Path) -> tuple[set[str], set[str], int]:
    """Ids already written to ``path``, after cutting off a torn last line.

    A run killed mid-write can leave a last line without its newline (or with invalid
    JSON); it is truncated away, so that article is simply done again.

    Returns:
        The ids of every row, the ids that have only error rows, and how many torn
        bytes were cut.
    """
    ids: set[str] = set()
    error_ids: set[str] = set()
    ok_ids: set[str] = set()
    good_end = 0
    with path.open("rb") as fh:
        for raw in fh:
            complete = raw.endswith(b"\n")
            row: Any = None
            if complete:
                with contextlib.suppress(ValueError):
                    row = json.loads(raw)
            if not complete or not isinstance(row, dict):
                break
            if isinstance(row.get("id"), str):
                ids.add(row["id"])
                (error_ids if "error" in row else ok_ids).add(row["id"])
            good_end += len(raw)
    size = path.stat().st_size
    if size > good_end:
        with path.open("r+b") as fh:
            fh.truncate(good_end)
    # An id with an error row and another row (a duplicate id in the input) is done.
    return ids, error_ids - ok_ids, size - good_end


def _drop_error_rows(path: Path, ids: set[str]) -> None:
    """Rewrite ``path`` without the error rows of ``ids`` (temp file, then rename)."""
    tmp = path.with_name(path.name + ".retry-tmp")
    with path.open("rb") as src, tmp.open("wb") as dst:
        for raw in src:
            row = json.loads(raw)
            if "error" not in row or row.get("id") not in ids:
                dst.write(raw)
        dst.flush()
        os.fsync(dst.fileno())
    os.replace(tmp, path)


class ResultWriter:
    """Append-only JSONL output, one row per result, each written with one ``write``
    and so never half in the file after Ctrl-C; a SIGKILL can tear at most the last
    row, which ``resume`` repairs.

    Args:
        path: the output file.
        resume: keep what is there and expose its ids as :attr:`done_ids`.
        overwrite: start the file afresh.
        retry_errors: with ``resume``, remove the error rows so those articles are
            done again (the file still ends with one row per article).

    Raises:
        InputError: the file has content and neither ``resume`` nor ``overwrite``.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        resume: bool = False,
        overwrite: bool = False,
        retry_errors: bool = False,
    ):
        self.path = Path(path)
        self.done_ids: set[str] = set()
        self.torn_bytes = 0
        exists = self.path.is_file() and self.path.stat().st_size > 0
        if exists and not resume and not overwrite:
            raise InputError(
                f"{self.path} already has results; pass --resume to continue that run "
                "or --overwrite to start again"
            )
        if self.path.parent and not self.path.parent.exists():
            self.path.parent.mkdir(parents=True, exist_ok=True)
        if exists and resume and not overwrite:
            self.done_ids, error_ids, self.torn_bytes = _scan_output(self.path)
            if retry_errors and error_ids:
                _drop_error_rows(self.path, error_ids)
                self.done_ids -= error_ids
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND
        if overwrite:
            flags |= os.O_TRUNC
        # A run that fails before its first row (a bad --map, no API key) must not leave
        # an empty file that the next attempt then calls "already has results".
        self._created = not self.path.exists()
        self.rows_written = 0
        try:
            self._fd: int | None = os.open(self.path, flags, 0o644)
        except OSError as exc:
            raise InputError(f"cannot write {self.path}: {exc.strerror}") from None

    def write(self, result: BatchResult) -> None:
        """Append one row and hand it to the OS at once (no user-space buffer)."""
        if self._fd is None:
            raise ValueError("writer is closed")
        data = (json.dumps(result.to_row(), ensure_ascii=False) + "\n").encode("utf-8")
        view = memoryview(data)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]
        self.rows_written += 1

    def close(self) -> None:
        """Close the file (idempotent)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> ResultWriter:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        self.close()
        if exc_type is not None and self._created and not self.rows_written:
            with contextlib.suppress(OSError):
                self.path.unlink()


__all__ = ["ResultWriter"]
