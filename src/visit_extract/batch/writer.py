"""The batch output file: append-only JSONL, one row per result, resumable, written by
one run at a time.

Each row is handed to the OS with one ``write``, so Ctrl-C never leaves half a row; a
SIGKILL can tear at most the last line, which resuming cuts off (that article is then
simply done again; :mod:`~visit_extract.batch.resume` repairs the rest). The file is
locked for the run (:mod:`~visit_extract.batch.lock`).
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from visit_extract.batch.lock import OutputLock
from visit_extract.batch.resume import check_producers, repair_output, scan_output
from visit_extract.batch.rows import BatchResult
from visit_extract.errors import InputError, OutputError


class ResultWriter:
    """Append-only JSONL output, one row per result, each written with one ``write``
    and so never half in the file after Ctrl-C; a SIGKILL can tear at most the last
    row, which ``resume`` repairs. The file is locked from here to :meth:`close`.

    Args:
        path: the output file.
        resume: keep what is there and expose its ids as :attr:`done_ids`.
        overwrite: start the file afresh.
        retry_errors: with ``resume``, remove the error rows so those articles are
            done again (the file still ends with one row per article).
        producer: ``(backend, model)`` of the run; with ``resume``, an output holding
            extractions by another backend or model is refused.
        force: resume even so.

    Raises:
        InputError: the file has content and neither ``resume`` nor ``overwrite``, or
            another backend or model wrote it (without ``force``).
        OutputError: another run is writing the file, or it cannot be written.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        resume: bool = False,
        overwrite: bool = False,
        retry_errors: bool = False,
        producer: tuple[str | None, str | None] | None = None,
        force: bool = False,
    ):
        self.path = Path(path)
        self.done_ids: set[str] = set()
        self.torn_bytes = 0
        self._fd: int | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(
                f"cannot write {self.path}: {exc.strerror} ({self.path.parent})"
            ) from None
        # Taken before the file is read: resuming cuts and rewrites it.
        self._lock = OutputLock(self.path)
        self._lock.acquire()
        try:
            self._open(
                resume=resume,
                overwrite=overwrite,
                retry_errors=retry_errors,
                producer=None if force else producer,
            )
        except BaseException:
            self._lock.release()
            raise

    def _open(
        self,
        *,
        resume: bool,
        overwrite: bool,
        retry_errors: bool,
        producer: tuple[str | None, str | None] | None,
    ) -> None:
        exists = self.path.is_file() and self.path.stat().st_size > 0
        if exists and not resume and not overwrite:
            raise InputError(
                f"{self.path} already has results; pass --resume to continue that run "
                "or --overwrite to start again"
            )
        if exists and resume and not overwrite:
            scan = scan_output(self.path)
            if producer is not None:
                check_producers(self.path, scan, *producer)
            repair_output(self.path, scan, drop_ids=scan.error_ids if retry_errors else set())
            self.done_ids, self.torn_bytes = scan.ids, scan.torn_bytes
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND
        if overwrite:
            flags |= os.O_TRUNC
        # A run that fails before its first row (a bad --map, no API key) must not leave
        # an empty file that the next attempt then calls "already has results".
        self._created = not self.path.exists()
        self.rows_written = 0
        try:
            self._fd = os.open(self.path, flags, 0o644)
        except OSError as exc:
            raise OutputError(f"cannot write {self.path}: {exc.strerror}") from None

    def write(self, result: BatchResult) -> None:
        """Append one row and hand it to the OS at once (no user-space buffer)."""
        if self._fd is None:
            raise ValueError("writer is closed")
        row = json.dumps(result.to_row(), ensure_ascii=False) + "\n"
        # A lone surrogate (an id from a broken JSON escape) becomes its escape again,
        # which reads back as the same string: never a crash, never invalid UTF-8.
        data = row.encode("utf-8", "backslashreplace")
        view = memoryview(data)
        try:
            while view:
                written = os.write(self._fd, view)
                view = view[written:]
        except OSError as exc:  # a full disk, a quota, a vanished network share
            raise OutputError(
                f"cannot write {self.path}: {exc.strerror}; the rows written so far are "
                "kept: make room, then rerun with --resume"
            ) from None
        self.rows_written += 1

    def sync(self) -> None:
        """Make the rows written so far durable (fsync), e.g. before renaming the file."""
        if self._fd is not None:
            os.fsync(self._fd)

    def close(self, *, failed: bool = False) -> None:
        """Close the file and let the lock go (idempotent).

        Args:
            failed: the run failed; a file it created and wrote nothing to is removed.
        """
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
            if failed and self._created and not self.rows_written:
                with contextlib.suppress(OSError):
                    self.path.unlink()
        self._lock.release()

    def __enter__(self) -> ResultWriter:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        self.close(failed=exc_type is not None)


__all__ = ["ResultWriter"]
