"""JSON Lines: the one loader for eval sets and article dumps (``.jsonl``, ``.jsonl.gz``),
streamed, with malformed lines reported as :class:`BadRow` instead of stopping a batch."""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from visit_extract.errors import DatasetError, InputError
from visit_extract.io.articles import first_error
from visit_extract.schema import Article


@dataclass(frozen=True)
class BadRow:
    """A row of an input file that could not be read as an article.

    Batch runs turn it into an error row instead of stopping.
    """

    path: str
    line: int
    message: str
    id: str | None = None


#: ``(start, stop)``: the bytes of one part of a file.
ByteRange = tuple[int, int]


class _RangeReader(io.RawIOBase):
    """The bytes ``[start, stop)`` of a file, as a raw stream (for reading one part of a
    large input without touching the rest)."""

    def __init__(self, path: Path, byte_range: ByteRange) -> None:
        self._fh = path.open("rb")
        self._fh.seek(byte_range[0])
        self._left = max(0, byte_range[1] - byte_range[0])

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer)[: self._left]
        n = self._fh.readinto(view) or 0
        self._left -= n
        return n

    def close(self) -> None:
        self._fh.close()
        super().close()


def open_text(path: Path, byte_range: ByteRange | None = None) -> IO[str]:
    """Open a UTF-8 text file, transparently gunzipping ``*.gz``.

    Args:
        path: the file.
        byte_range: read only the bytes ``[start, stop)`` (not for ``.gz``); the range
            must start and end on line boundaries.
    """
    if byte_range is not None:
        if path.suffix == ".gz":
            raise InputError(f"{path}: a gzipped file cannot be read from the middle")
        raw = io.BufferedReader(_RangeReader(path, byte_range), buffer_size=1 << 20)
        return io.TextIOWrapper(raw, encoding="utf-8", newline="")
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8", newline="")
    return path.open("r", encoding="utf-8", newline="")


def iter_jsonl(
    path: str | Path, *, byte_range: ByteRange | None = None, first_line: int = 1
) -> Iterator[tuple[int, dict[str, Any] | BadRow]]:
    """Yield ``(line_number, object)`` for each non-blank line of a JSONL file.

    A line that is not a JSON object yields a :class:`BadRow` instead; the file is
    streamed, so memory does not grow with its size.

    Args:
        path: the file.
        byte_range: read only these bytes (line-aligned), one part of a larger file.
        first_line: the line number of the range's first line in the whole file.

    Raises:
        DatasetError: the file does not exist or is not UTF-8.
    """
    path = Path(path)
    if not path.is_file():
        raise DatasetError("no such file", path=str(path))
    try:
        with open_text(path, byte_range) as fh:
            for lineno, line in enumerate(fh, start=first_line):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield lineno, BadRow(str(path), lineno, f"invalid JSON: {exc.msg}")
                    continue
                if not isinstance(obj, dict):
                    yield lineno, BadRow(str(path), lineno, "line is not a JSON object")
                    continue
                yield lineno, obj
    except UnicodeDecodeError as exc:
        raise DatasetError(f"file is not UTF-8 ({exc.reason})", path=str(path)) from None
    except (OSError, EOFError) as exc:
        raise DatasetError(f"cannot read file: {exc}", path=str(path)) from None


def iter_numbered_articles(
    path: str | Path, *, byte_range: ByteRange | None = None, first_line: int = 1
) -> Iterator[tuple[int, Article | BadRow]]:
    """Like :func:`iter_articles`, with each item's line number (``byte_range`` and
    ``first_line`` as for :func:`iter_jsonl`)."""
    for lineno, obj in iter_jsonl(path, byte_range=byte_range, first_line=first_line):
        if isinstance(obj, BadRow):
            yield lineno, obj
            continue
        raw_id = obj.get("id")
        try:
            yield lineno, Article.model_validate(obj)
        except ValidationError as exc:
            yield (
                lineno,
                BadRow(
                    str(path),
                    lineno,
                    f"not an article: {first_error(exc)}",
                    id=raw_id if isinstance(raw_id, str) else None,
                ),
            )


def iter_articles(path: str | Path) -> Iterator[Article | BadRow]:
    """Stream the articles of a JSONL file (``.jsonl`` or ``.jsonl.gz``).

    Malformed lines come out as :class:`BadRow` with their line number, so a batch
    run can record them and go on.
    """
    for _, item in iter_numbered_articles(path):
        yield item


def read_articles(path: str | Path) -> list[Article]:
    """Read every article of a JSONL file, strictly.

    Raises:
        DatasetError: on the first malformed line or duplicate id, naming file and line.
    """
    articles: list[Article] = []
    seen: dict[str, int] = {}
    for lineno, item in iter_numbered_articles(path):
        if isinstance(item, BadRow):
            raise DatasetError(item.message, path=item.path, line=item.line)
        if item.id in seen:
            raise DatasetError(
                f"duplicate article id {item.id!r} (first at line {seen[item.id]})",
                path=str(path),
                line=lineno,
            )
        seen[item.id] = lineno
        articles.append(item)
    return articles


__all__ = [
    "BadRow",
    "ByteRange",
    "iter_articles",
    "iter_jsonl",
    "iter_numbered_articles",
    "open_text",
    "read_articles",
]
