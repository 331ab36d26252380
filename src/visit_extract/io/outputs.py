"""Where results are written: a missing folder is created, and a path that cannot be
written is an :class:`~visit_extract.errors.OutputError` naming it, found before a run
spends anything rather than after."""

from __future__ import annotations

from pathlib import Path

from visit_extract.errors import OutputError


def prepare_output(path: str | Path) -> Path:
    """Make sure ``path`` can be created: its folder exists (created if missing) and
    it is not itself a folder.

    Args:
        path: a file about to be written.

    Returns:
        The path.

    Raises:
        OutputError: the folder cannot be created (a file in the way, no permission,
            a read-only or virtual file system), or ``path`` is a folder.
    """
    path = Path(path)
    if path.is_dir():
        raise OutputError(f"cannot write {path}: it is a folder; give a file name")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {describe_os_error(exc)}") from None
    return path


def describe_os_error(exc: OSError) -> str:
    """``strerror`` and the file it is about, when that is not the one being written."""
    reason = exc.strerror or str(exc)
    return f"{reason} ({exc.filename})" if exc.filename else reason


__all__ = ["describe_os_error", "prepare_output"]
