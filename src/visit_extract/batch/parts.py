"""Splitting batch inputs into parts that separate processes or machines can run.

A part is a piece of one input file: a byte range of a JSONL or CSV file cut on record
boundaries, a run of Parquet row groups, or a whole file (gzipped files, folders of
``.txt`` files, files smaller than a part). Each part knows the line (or row) it starts
on, so its items keep the numbers they have when the whole file is read in one go: the
ids of rows without one (``line-<n>``, ``<stem>-<line>`` for CSV) and the messages of
error rows come out the same.

Cutting is exact, never a guess: JSONL is cut after a newline (its reader splits lines
on newlines only), CSV after a record the ``csv`` module itself has parsed (a quoted
field may hold newlines). A CSV file with a bare carriage return (an old Mac line end,
which the CSV reader also takes for a line break) is not cut at all.
"""

from __future__ import annotations

import csv
import glob
import sys
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from visit_extract.errors import InputError
from visit_extract.io import BadRow, detect_format, iter_input
from visit_extract.schema import Article

#: Bytes read at a time while looking for cut points.
_BLOCK = 8 << 20
#: Bounds of the automatic part size.
MIN_PART_BYTES = 256 << 10
MAX_PART_BYTES = 64 << 20
#: Parts per worker slot when the size is automatic: enough that the last parts to
#: finish leave little idle time, few enough that per-part costs stay small.
PARTS_PER_SLOT = 8


@dataclass(frozen=True)
class Part:
    """One piece of one input.

    Attributes:
        index: its place in the run (parts are merged in this order).
        path: the input file (or folder).
        fmt: its format (``jsonl``, ``csv``, ``parquet``, ``txt``).
        byte_range: JSONL/CSV: the bytes ``[start, stop)``; None for the whole file.
        first_line: the line (Parquet: row) the part starts on in the whole file.
        row_groups: Parquet: the row groups of the part; None for all.
        size: its size in bytes (Parquet: uncompressed), for scheduling.
    """

    index: int
    path: str
    fmt: str
    byte_range: tuple[int, int] | None = None
    first_line: int = 1
    row_groups: tuple[int, ...] | None = None
    size: int = 0

    @property
    def name(self) -> str:
        """The stem of its output file: ``part-00012``."""
        return f"part-{self.index:05d}"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able form (for the run's manifest)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Part:
        """Read back :meth:`to_dict`."""
        rng = data.get("byte_range")
        groups = data.get("row_groups")
        return cls(
            index=int(data["index"]),
            path=str(data["path"]),
            fmt=str(data["fmt"]),
            byte_range=(int(rng[0]), int(rng[1])) if rng is not None else None,
            first_line=int(data.get("first_line", 1)),
            row_groups=tuple(int(g) for g in groups) if groups is not None else None,
            size=int(data.get("size", 0)),
        )


def read_part(
    part: Part, columns: str | dict[str, str] | None = None
) -> Iterator[tuple[int, Article | BadRow]]:
    """``(line or row number, Article | BadRow)`` for each item of ``part``, numbered as
    in the whole file."""
    return iter_input(
        part.path,
        fmt=part.fmt,
        columns=columns,
        byte_range=part.byte_range,
        first_line=part.first_line,
        row_groups=part.row_groups,
    )


def expand_inputs(sources: str | Path | Sequence[str | Path]) -> list[Path]:
    """The input paths: each as given, or the files a glob pattern (``'dump/*.jsonl'``)
    matches, sorted; in the order given.

    Raises:
        InputError: a path that does not exist, or a pattern that matches nothing.
    """
    given = [sources] if isinstance(sources, (str, Path)) else list(sources)
    paths: list[Path] = []
    for item in given:
        text = str(item)
        if Path(text).exists() or not any(c in text for c in "*?["):
            if not Path(text).exists():
                raise InputError(f"{text} does not exist; give a dump file or a folder")
            paths.append(Path(item))
            continue
        matches = sorted(glob.glob(text))
        if not matches:
            raise InputError(f"{text} matches no file; give a dump file, a folder or a glob")
        paths.extend(map(Path, matches))
    if not paths:
        raise InputError("no input given: name a dump file, a folder or a glob pattern")
    return paths


def input_size(path: Path, fmt: str) -> int:
    """Bytes of input: the file size, the uncompressed size for Parquet, the summed
    file sizes for a folder."""
    if fmt == "txt":
        return sum(p.stat().st_size for p in path.rglob("*.txt") if p.is_file())
    if fmt == "parquet":
        groups = _parquet_groups(path)
        if groups is not None:
            return sum(size for _, size in groups)
    return path.stat().st_size


def auto_part_bytes(total_bytes: int, slots: int) -> int:
    """A part size that gives each of ``slots`` workers about :data:`PARTS_PER_SLOT`
    parts, within :data:`MIN_PART_BYTES` and :data:`MAX_PART_BYTES`."""
    wanted = total_bytes // max(1, slots * PARTS_PER_SLOT)
    return max(MIN_PART_BYTES, min(MAX_PART_BYTES, wanted))


def plan_parts(
    paths: Sequence[Path],
    *,
    part_bytes: int,
    fmt: str | None = None,
    columns: str | dict[str, str] | None = None,
) -> list[Part]:
    """Cut the inputs into parts of about ``part_bytes`` each.

    Args:
        paths: the input files, in order (see :func:`expand_inputs`).
        part_bytes: the size to aim at.
        fmt: the format of every input; from each name when None.
        columns: the column mapping (the header of a CSV may be renamed by it; cutting
            does not depend on it).
    """
    del columns  # cutting is independent of the mapping
    parts: list[Part] = []
    for path in paths:
        kind = fmt or detect_format(path)
        for span in _cut(path, kind, max(1, part_bytes)):
            rng, first, groups, size = span
            parts.append(Part(len(parts), str(path), kind, rng, first, groups, size))
    return parts


_Span = tuple[tuple[int, int] | None, int, tuple[int, ...] | None, int]


def _cut(path: Path, fmt: str, part_bytes: int) -> list[_Span]:
    if fmt == "txt" or path.suffix.lower() == ".gz":
        return [(None, 1, None, input_size(path, fmt))]
    if fmt == "parquet":
        return _cut_parquet(path, part_bytes)
    size = path.stat().st_size
    if size <= part_bytes:
        return [(None, 1, None, size)]
    cuts = _jsonl_cuts(path, part_bytes) if fmt == "jsonl" else _csv_cuts(path, part_bytes)
    if cuts is None:
        return [(None, 1, None, size)]
    return [((start, stop), first, None, stop - start) for start, stop, first in cuts]


def _jsonl_cuts(path: Path, part_bytes: int) -> list[tuple[int, int, int]]:
    """``(start, stop, first line)`` of each part, cut after a newline."""
    cuts: list[tuple[int, int, int]] = []
    start, first = 0, 1
    target = part_bytes
    pos = 0
    lines_before = 0  # newlines before ``pos``
    with path.open("rb") as fh:
        while block := fh.read(_BLOCK):
            searched = 0
            while target < pos + len(block):
                at = block.find(b"\n", max(searched, target - pos))
                if at < 0:
                    break
                cut = pos + at + 1
                lines_at_cut = lines_before + block.count(b"\n", 0, at + 1)
                cuts.append((start, cut, first))
                start, first = cut, lines_at_cut + 1
                target = cut + part_bytes
                searched = at + 1
            lines_before += block.count(b"\n")
            pos += len(block)
    if start < pos:
        cuts.append((start, pos, first))
    return cuts


def _csv_cuts(path: Path, part_bytes: int) -> list[tuple[int, int, int]] | None:
    """``(start, stop, first line)`` of each part after the header, cut after a record
    the ``csv`` module parsed; None when the file cannot be cut safely (a bare CR, no
    header)."""
    delimiter = "\t" if ".tsv" in [s.lower() for s in path.suffixes] else ","
    csv.field_size_limit(max(csv.field_size_limit(), min(sys.maxsize, 2**31 - 1)))
    consumed = 0
    bare_cr = False

    def lines(fh: Any) -> Iterator[str]:
        nonlocal consumed, bare_cr
        for raw in fh:
            if raw.count(b"\r") > (1 if raw.endswith(b"\r\n") else 0):
                bare_cr = True
                return
            consumed += len(raw)
            # As the reader decodes: bytes that are not UTF-8 make a bad record, not a
            # file that cannot be cut.
            yield raw.decode("utf-8", "surrogateescape")

    cuts: list[tuple[int, int, int]] = []
    try:
        with path.open("rb") as fh:
            reader = csv.reader(lines(fh), delimiter=delimiter)
            next(reader)  # the header
            start, first = consumed, reader.line_num + 1
            target = start + part_bytes
            while True:
                try:
                    next(reader)
                except StopIteration:
                    break
                except csv.Error:
                    pass  # the readers restart after a malformed record too
                if consumed >= target:
                    cuts.append((start, consumed, first))
                    start, first = consumed, reader.line_num + 1
                    target = start + part_bytes
    except StopIteration:
        return None
    if bare_cr:
        return None
    if start < consumed:
        cuts.append((start, consumed, first))
    return cuts


def _parquet_groups(path: Path) -> list[tuple[int, int]] | None:
    """``(rows, uncompressed bytes)`` of each row group, or None if unreadable."""
    try:
        import pyarrow.parquet as pq

        meta = pq.ParquetFile(str(path)).metadata
    except Exception:  # missing pyarrow or not Parquet: the reader reports it
        return None
    return [
        (meta.row_group(i).num_rows, meta.row_group(i).total_byte_size)
        for i in range(meta.num_row_groups)
    ]


def _cut_parquet(path: Path, part_bytes: int) -> list[_Span]:
    groups = _parquet_groups(path)
    if groups is None or len(groups) <= 1:
        size = sum(g[1] for g in groups) if groups else path.stat().st_size
        return [(None, 1, None, size)]
    spans: list[_Span] = []
    chosen: list[int] = []
    first_row, row, size = 1, 1, 0
    for index, (rows, nbytes) in enumerate(groups):
        chosen.append(index)
        size += nbytes
        row += rows
        if size >= part_bytes or index == len(groups) - 1:
            spans.append((None, first_row, tuple(chosen), size))
            chosen, first_row, size = [], row, 0
    return spans


__all__ = [
    "MAX_PART_BYTES",
    "MIN_PART_BYTES",
    "PARTS_PER_SLOT",
    "Part",
    "auto_part_bytes",
    "expand_inputs",
    "input_size",
    "plan_parts",
    "read_part",
]
