"""One run at a time per batch output: an exclusive lock on ``<output>.lock``.

Two runs appending to one output at once wrote every article twice, and no resume could
tell which rows belonged together. The lock is ``fcntl.flock`` (``msvcrt.locking`` on
Windows), taken without waiting, on a file beside the output:

- the kernel drops a flock when its process ends in any way (SIGKILL, a crash, a lost
  terminal), so no stale lock is ever left to remove by hand, as a PID file or an
  ``O_EXCL`` lock file would be;
- beside the output rather than on it, because repairing an output (``--retry-errors``,
  duplicate rows) renames a new file over it, which would leave a lock on the old file;
- the lock file stays after the run: deleting it could let a run that had just opened
  it lock a file no later run sees;
- the standard library does this in a few lines: no ``portalocker``/``filelock``
  dependency.

The lock is advisory: it keeps visit-extract runs apart, not other programs, and on a
network file system without lock support it may not exclude a run on another machine.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from pathlib import Path

from visit_extract.errors import OutputError


def lock_path(output: str | Path) -> Path:
    """The lock file of ``output``: ``<output>.lock`` beside it."""
    output = Path(output)
    return output.with_name(output.name + ".lock")


class OutputLock:
    """The exclusive lock of one output file, held from :meth:`acquire` to :meth:`release`.

    Args:
        output: the output file (the lock file is ``<output>.lock``).
    """

    def __init__(self, output: str | Path) -> None:
        self.output = Path(output)
        self.path = lock_path(output)
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock, or fail at once when another run holds it.

        An output that is no regular file (``/dev/stdout``, a pipe) is not locked:
        nothing can be resumed from it, and its folder is no place for a lock file.

        Raises:
            OutputError: another run holds it (naming its pid and start), or the lock
                file cannot be created.
        """
        if self.output.exists() and not self.output.is_file():
            return
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise OutputError(f"cannot write {self.path}: {exc.strerror}") from None
        if not _try_lock(fd):
            holder = _read_holder(fd)
            os.close(fd)
            raise OutputError(
                f"another run ({holder}) is writing {self.output}; wait for it to end, "
                "or write to another file"
            )
        # Who holds it, for the message another run shows: informative only, the
        # kernel's lock is what excludes.
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            stamp = time.strftime("%Y-%m-%d %H:%M:%S")
            os.write(fd, f"pid {os.getpid()} since {stamp}\n".encode())
        self._fd = fd

    def release(self) -> None:
        """Let the lock go (idempotent); the lock file stays."""
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, 0)
            os.close(self._fd)  # closing the descriptor drops the lock
            self._fd = None


def _read_holder(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, 200).decode("utf-8", "replace").strip()
    except OSError:
        text = ""
    return text or "pid unknown"


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


__all__ = ["OutputLock", "lock_path"]
