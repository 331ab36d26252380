"""JSON Lines: the one loader for eval sets and article dumps (``.jsonl``, ``.jsonl.gz``),
streamed, with malformed lines reported as :class:`BadRow` instead of stopping a batch."""

from __future__ import annotations

import codecs
import gzip
import io
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, cast

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


def json_problem(exc: json.JSONDecodeError) -> str:
    """What is wrong with a line that is not JSON, and where in the line.

    ``exc.msg`` alone ends mid-sentence for some errors ("Invalid control character
    at"); the column completes it.
    """
    return f"invalid JSON: {exc.msg.removesuffix(' at')} at column {exc.colno}"


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


def _open_range(path: Path, byte_range: ByteRange) -> io.BufferedReader:
    if path.suffix == ".gz":
        raise InputError(f"{path}: a gzipped file cannot be read from the middle")
    return io.BufferedReader(_RangeReader(path, byte_range), buffer_size=1 << 20)


def open_text(
    path: Path, *, errors: str = "strict", byte_range: ByteRange | None = None
) -> IO[str]:
    """Open a UTF-8 text file, transparently gunzipping ``*.gz`` and skipping a
    byte-order mark (spreadsheet programs write one).

    Args:
        path: the file.
        errors: the decoding error handler; ``surrogateescape`` lets a reader find the
            records that are not UTF-8 instead of failing on the file.
        byte_range: read only the bytes ``[start, stop)`` (not for ``.gz``); the range
            must start and end on line boundaries.
    """
    if byte_range is not None:
        raw = _open_range(path, byte_range)
        return io.TextIOWrapper(raw, encoding="utf-8-sig", errors=errors, newline="")
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8-sig", errors=errors, newline="")
    return path.open("r", encoding="utf-8-sig", errors=errors, newline="")


def open_bytes(path: Path, byte_range: ByteRange | None = None) -> IO[bytes]:
    """Open a file for reading bytes, transparently gunzipping ``*.gz`` (or only the
    bytes ``byte_range`` of a plain file)."""
    if byte_range is not None:
        return _open_range(path, byte_range)
    if path.suffix == ".gz":
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")


def existing_file(path: str | Path) -> Path:
    """``path`` as a Path, once it is known to be a file (every reader's first check).

    Raises:
        DatasetError: there is no such file.
    """
    path = Path(path)
    if not path.is_file():
        raise DatasetError("no such file", path=str(path))
    return path


def iter_jsonl(
    path: str | Path, *, byte_range: ByteRange | None = None, first_line: int = 1
) -> Iterator[tuple[int, dict[str, Any] | BadRow]]:
    """Yield ``(line_number, object)`` for each non-blank line of a JSONL file.

    A line that is not a JSON object, or not UTF-8, yields a :class:`BadRow` instead
    (each line is decoded on its own, so one line of another encoding costs that line,
    not the file); a UTF-8 byte-order mark is skipped. The file is streamed, so memory
    does not grow with its size.

    Args:
        path: the file.
        byte_range: read only these bytes (line-aligned), one part of a larger file.
        first_line: the line number of the range's first line in the whole file.

    Raises:
        DatasetError: the file does not exist or cannot be read (a truncated gzip).
    """
    path = existing_file(path)
    try:
        with open_bytes(path, byte_range) as fh:
            for lineno, raw in enumerate(fh, start=first_line):
                if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
                    raw = raw[len(codecs.BOM_UTF8) :]
                if not raw.strip():
                    continue
                yield lineno, _parse_line(path, lineno, raw)
    except (OSError, EOFError, zlib.error) as exc:
        raise DatasetError(f"cannot read file: {exc}", path=str(path)) from None


def _parse_line(path: Path, lineno: int, raw: bytes) -> dict[str, Any] | BadRow:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return BadRow(str(path), lineno, f"line is not UTF-8 ({exc.reason} at byte {exc.start})")
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return BadRow(str(path), lineno, json_problem(exc))
    if not isinstance(obj, dict):
        return BadRow(str(path), lineno, "line is not a JSON object")
    return obj


def iter_numbered_articles(path: str | Path) -> Iterator[tuple[int, Article | BadRow]]:
    """Like :func:`iter_articles`, with each item's line number."""
    for lineno, obj in iter_jsonl(path):
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
    "json_problem",
    "open_bytes",
    "open_text",
    "read_articles",
]
