"""Batch inputs: JSONL, CSV, Parquet or a folder of ``.txt`` files, with the format told
from the path and input columns mapped to article fields (``text=content``)."""

from __future__ import annotations

import contextlib
import csv
import re
import sys
import zlib
from collections.abc import Collection, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from visit_extract.errors import DatasetError, InputError, VisitExtractError
from visit_extract.io.articles import first_error
from visit_extract.io.jsonl import (
    BadRow,
    ByteRange,
    existing_file,
    iter_jsonl,
    open_bytes,
    open_text,
)
from visit_extract.schema import Article

#: Input formats :func:`iter_input` reads, and the file suffixes that select them.
INPUT_FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet", "txt")
_SUFFIX_FORMATS = {
    ".jsonl": "jsonl",
    ".json": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
}
_ARTICLE_FIELDS = tuple(Article.model_fields)
#: What ``surrogateescape`` makes of bytes that are not UTF-8.
_UNDECODED = re.compile("[\udc80-\udcff]")


def parse_column_map(spec: str | Mapping[str, str] | None) -> dict[str, str]:
    """Parse a column mapping such as ``"text=content,id=article_id"``.

    Each pair names an article field (left) and the input column it is read from
    (right).

    Args:
        spec: the ``field=column,...`` string, a ready mapping, or None (no mapping).

    Returns:
        ``{field: column}``.

    Raises:
        InputError: a pair without ``=`` or a field that articles do not have.
    """
    if spec is None:
        return {}
    pairs: list[tuple[str, str]]
    if isinstance(spec, Mapping):
        pairs = [(str(k), str(v)) for k, v in spec.items()]
    else:
        pairs = []
        for part in filter(None, (p.strip() for p in spec.split(","))):
            field, sep, column = part.partition("=")
            if not sep or not field.strip() or not column.strip():
                raise InputError(
                    f"column mapping {part!r} is not field=column; "
                    "write e.g. --map text=content,id=article_id"
                )
            pairs.append((field.strip(), column.strip()))
    unknown = [f for f, _ in pairs if f not in _ARTICLE_FIELDS]
    if unknown:
        raise InputError(
            f"column mapping names unknown field(s) {', '.join(unknown)}; "
            f"article fields are: {', '.join(_ARTICLE_FIELDS)}"
        )
    return dict(pairs)


def detect_format(path: str | Path) -> str:
    """The input format of ``path``: ``txt`` for a folder, else from the suffix.

    A trailing ``.gz`` is looked through (``dump.jsonl.gz`` is ``jsonl``).

    Raises:
        InputError: the suffix is not one of a known format.
    """
    path = Path(path)
    if path.is_dir():
        return "txt"
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    fmt = _SUFFIX_FORMATS.get(suffixes[-1]) if suffixes else None
    if fmt is None:
        raise InputError(
            f"cannot tell the format of {path} from its name; pass --format "
            f"({', '.join(INPUT_FORMATS)})"
        )
    return fmt


def check_columns(
    path: Path, available: Collection[str], columns: Mapping[str, str], *, what: str = "column"
) -> None:
    """Refuse an input whose columns cannot give articles, before its first article.

    Args:
        path: the input (for the message).
        available: its column names (a CSV header, a Parquet schema, the keys of the
            first JSON object).
        columns: the mapping of article field to column.
        what: ``column`` or ``key``, as the format calls them.

    Raises:
        InputError: a mapped column is missing, or there is no text column.
    """
    shown = ", ".join(repr(c) for c in list(available)[:15]) or "none"
    for field, column in columns.items():
        if column not in available:
            raise InputError(
                f"{path}: no {what} {column!r} (mapped to {field} by --map); "
                f"the input's {what}s are: {shown}"
            )
    if "text" not in columns and "text" not in available:
        raise InputError(
            f"{path}: no 'text' {what} (the input's {what}s are: {shown}); name the one "
            "that holds the article text, e.g. --map text=content"
        )


def _apply_map(row: Mapping[str, Any], columns: Mapping[str, str]) -> dict[str, Any]:
    """Rename mapped columns to article fields; unmapped columns pass through."""
    out = dict(row)
    for column in columns.values():
        out.pop(column, None)
    for field, column in columns.items():
        out[field] = row.get(column)
    return out


def _row_to_article(
    path: Path, lineno: int, row: Mapping[str, Any], *, blank_is_null: bool
) -> Article | BadRow:
    """Validate one mapped row; a row that is not an article becomes a BadRow.

    A row without an id (no id column, a null or an empty cell) is known by its
    position, ``<file stem>-<line or row>``.
    """
    if blank_is_null:
        # CSV has no null: an empty cell is "not given", except for the text itself.
        row = {k: (None if v == "" and k != "text" else v) for k, v in row.items()}
    raw_id = row.get("id")
    if raw_id is None or (isinstance(raw_id, str) and not raw_id.strip()):
        row = {**row, "id": f"{path.name.split('.')[0]}-{lineno}"}
    try:
        return Article.model_validate(row)
    except ValidationError as exc:
        known = row["id"]
        usable = isinstance(known, (str, int)) and not isinstance(known, bool)
        return BadRow(
            str(path),
            lineno,
            f"not an article: {first_error(exc)}",
            id=str(known) if usable else None,
        )


def _csv_reader(path: Path, fh: Any) -> Any:
    """A csv reader for ``path``: tab-separated for ``.tsv``, with a field limit above
    csv's 128 KiB default (article texts can be far longer)."""
    csv.field_size_limit(max(csv.field_size_limit(), min(sys.maxsize, 2**31 - 1)))
    delimiter = "\t" if ".tsv" in [s.lower() for s in path.suffixes] else ","
    return csv.reader(fh, delimiter=delimiter)


def _numbered_records(reader: Any, first_line: int) -> Iterator[tuple[int, list[str] | csv.Error]]:
    """``(line the record starts on, its cells or the csv.Error)`` for each record of
    ``reader``, whose next record starts on line ``first_line`` of the file."""
    base = first_line - 1 - reader.line_num
    start = first_line
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield start, exc
            start = base + reader.line_num + 1
            continue
        lineno, start = start, base + reader.line_num + 1
        yield lineno, cells


def iter_csv_articles(
    path: str | Path,
    columns: Mapping[str, str] | None = None,
    *,
    byte_range: ByteRange | None = None,
    first_line: int = 2,
) -> Iterator[tuple[int, Article | BadRow]]:
    """Stream the articles of a CSV (or ``.tsv``, optionally gzipped) file.

    The header row names the columns; ``columns`` maps article fields to them. A row
    without an id (no ``id`` column, or an empty cell) gets ``<file stem>-<line>``. Each
    item comes with the line its record starts on; malformed records come out as
    :class:`BadRow`.

    Args:
        path: the file.
        columns: article field → column.
        byte_range: read only the records in these bytes (aligned on record
            boundaries, after the header), one part of a larger file; the header is
            still read from the top.
        first_line: the line the range's first record starts on in the whole file.

    Raises:
        DatasetError: the file is missing or unreadable, or has no header. A record
            that is not UTF-8 is a :class:`BadRow` of its own.
        InputError: the header lacks a mapped column or the text column.
    """
    path = existing_file(path)
    columns = dict(columns or {})
    try:
        with contextlib.ExitStack() as files:
            reader = _csv_reader(
                path, files.enter_context(open_text(path, errors="surrogateescape"))
            )
            try:
                header = next(reader)
            except StopIteration:
                raise DatasetError("file is empty (no header row)", path=str(path)) from None
            check_columns(path, header, columns)
            if byte_range is None:
                records = _numbered_records(reader, reader.line_num + 1)
            else:
                part = open_text(path, errors="surrogateescape", byte_range=byte_range)
                records = _numbered_records(
                    _csv_reader(path, files.enter_context(part)), first_line
                )
            for lineno, cells in records:
                if isinstance(cells, csv.Error):
                    yield lineno, BadRow(str(path), lineno, f"malformed CSV record: {cells}")
                    continue
                if not cells or not any(c.strip() for c in cells):
                    continue
                if len(cells) != len(header):
                    yield (
                        lineno,
                        BadRow(
                            str(path),
                            lineno,
                            f"record has {len(cells)} fields, the header has {len(header)}",
                        ),
                    )
                    continue
                if any(_UNDECODED.search(c) for c in cells):
                    yield lineno, BadRow(str(path), lineno, "record is not UTF-8 text")
                    continue
                row = _apply_map(dict(zip(header, cells, strict=True)), columns)
                yield lineno, _row_to_article(path, lineno, row, blank_is_null=True)
    except (OSError, EOFError, zlib.error) as exc:
        raise DatasetError(f"cannot read file: {exc}", path=str(path)) from None


def iter_parquet_articles(
    path: str | Path,
    columns: Mapping[str, str] | None = None,
    *,
    batch_size: int = 512,
    row_groups: Sequence[int] | None = None,
    first_row: int = 1,
) -> Iterator[tuple[int, Article | BadRow]]:
    """Stream the articles of a Parquet file, a record batch at a time.

    Items are numbered by row (1-based). Needs ``pyarrow`` (``pip install
    'visit-extract[parquet]'``).

    Args:
        path: the file.
        columns: article field → column.
        batch_size: rows decoded at once.
        row_groups: read only these row groups (one part of a larger file).
        first_row: the number of the first row read, in the whole file.

    Raises:
        DatasetError: pyarrow is missing, or the file is missing or not Parquet.
        InputError: the schema lacks a mapped column or the text column.
    """
    path = existing_file(path)
    columns = dict(columns or {})
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise DatasetError(
            "reading Parquet needs pyarrow: pip install 'visit-extract[parquet]'",
            path=str(path),
        ) from None
    try:
        pfile = pq.ParquetFile(str(path))
    except Exception as exc:  # pyarrow raises its own ArrowInvalid/OSError family
        raise DatasetError(f"not a readable Parquet file: {exc}", path=str(path)) from None
    names = list(pfile.schema_arrow.names)
    check_columns(path, names, columns)
    # Read only the columns an article uses, so wide tables stay cheap.
    wanted = [c for c in {columns.get(f, f) for f in _ARTICLE_FIELDS} if c in names]
    rownum = first_row - 1
    groups = list(row_groups) if row_groups is not None else None
    for batch in pfile.iter_batches(batch_size=batch_size, columns=wanted, row_groups=groups):
        for record in batch.to_pylist():
            rownum += 1
            row = _apply_map(record, columns)
            yield rownum, _row_to_article(path, rownum, row, blank_is_null=False)


def _iter_jsonl_articles(
    path: Path,
    columns: Mapping[str, str],
    byte_range: ByteRange | None = None,
    first_line: int = 1,
) -> Iterator[tuple[int, Article | BadRow]]:
    """The articles of a JSONL dump (or of the part ``byte_range`` of it); the keys of
    its first object are checked against ``columns`` (a dump's rows share their keys)
    before any article is yielded."""
    checked = False
    for lineno, obj in iter_jsonl(path, byte_range=byte_range, first_line=first_line):
        if isinstance(obj, BadRow):
            yield lineno, obj
            continue
        if not checked:
            check_columns(path, list(obj), columns, what="key")
            checked = True
        yield lineno, _row_to_article(path, lineno, _apply_map(obj, columns), blank_is_null=False)


def iter_txt_articles(path: str | Path) -> Iterator[tuple[int, Article | BadRow]]:
    """Stream a folder of ``.txt`` files (searched recursively, in name order).

    Each file is one article; its id is the path below the folder without ``.txt``
    (``2019/kompas-001``). Items are numbered by file (1-based). A file that is not
    UTF-8 comes out as a :class:`BadRow`.

    Raises:
        DatasetError: the folder does not exist.
    """
    root = Path(path)
    if not root.is_dir():
        raise DatasetError("no such folder", path=str(root))
    files = sorted(p for p in root.rglob("*.txt") if p.is_file())
    for number, file in enumerate(files, start=1):
        article_id = file.relative_to(root).with_suffix("").as_posix()
        try:
            text = file.read_bytes().decode("utf-8")
        except UnicodeDecodeError as exc:
            yield (
                number,
                BadRow(str(file), number, f"file is not UTF-8 ({exc.reason})", id=article_id),
            )
            continue
        except OSError as exc:
            yield number, BadRow(str(file), number, f"cannot read file: {exc}", id=article_id)
            continue
        yield number, Article(id=article_id, text=text)


def iter_input(
    path: str | Path,
    *,
    fmt: str | None = None,
    columns: str | Mapping[str, str] | None = None,
    byte_range: ByteRange | None = None,
    first_line: int = 1,
    row_groups: Sequence[int] | None = None,
) -> Iterator[tuple[int, Article | BadRow]]:
    """Stream ``(line_or_row_number, Article | BadRow)`` from any batch input.

    Args:
        path: a JSONL/CSV/Parquet file (``.gz`` works for JSONL and CSV) or a folder
            of ``.txt`` files.
        fmt: one of :data:`INPUT_FORMATS`; by default guessed from the path.
        columns: article field → input column (``"text=content,id=article_id"``).
        byte_range: JSONL and CSV: read only these bytes (aligned on records), one
            part of the file (:mod:`visit_extract.batch.parts` plans them).
        first_line: with ``byte_range``: the line (for Parquet with ``row_groups``:
            the row) the part starts on, so items keep their numbers in the whole file.
        row_groups: Parquet: read only these row groups.

    Raises:
        InputError: unknown format, a bad mapping, or an input without the mapped
            columns or a text column (raised before the first article).
        DatasetError: an unreadable file.
    """
    fmt = fmt or detect_format(path)
    mapping = parse_column_map(columns)
    if fmt == "jsonl":
        yield from _iter_jsonl_articles(Path(path), mapping, byte_range, first_line)
    elif fmt == "csv":
        if byte_range is None:
            yield from iter_csv_articles(path, mapping)
        else:
            yield from iter_csv_articles(
                path, mapping, byte_range=byte_range, first_line=first_line
            )
    elif fmt == "parquet":
        first_row = first_line if row_groups is not None else 1
        yield from iter_parquet_articles(path, mapping, row_groups=row_groups, first_row=first_row)
    elif fmt == "txt":
        if mapping:
            raise InputError("--map does not apply to a folder of .txt files")
        yield from iter_txt_articles(path)
    else:
        raise InputError(f"unknown input format {fmt!r}; use one of {', '.join(INPUT_FORMATS)}")


def count_input_rows(path: str | Path, *, fmt: str | None = None) -> int | None:
    """How many items :func:`iter_input` will yield (for a progress bar's total).

    Counts non-blank lines for JSONL, records for CSV, rows from the Parquet footer and
    files for a folder; None when it cannot tell cheaply. Streams, like the readers.
    """
    fmt = fmt or detect_format(path)
    path = Path(path)
    try:
        if fmt == "jsonl":
            with open_bytes(path) as fh:
                return sum(1 for line in fh if line.strip())
        if fmt == "csv":
            with open_text(path, errors="surrogateescape") as fh:
                reader = _csv_reader(path, fh)
                next(reader, None)  # the header
                return sum(1 for cells in reader if any(c.strip() for c in cells))
        if fmt == "parquet":
            import pyarrow.parquet as pq

            return int(pq.ParquetFile(str(path)).metadata.num_rows)
        if fmt == "txt":
            return sum(1 for p in path.rglob("*.txt") if p.is_file())
    except (ImportError, OSError, UnicodeDecodeError, EOFError, csv.Error, VisitExtractError):
        return None
    return None


__all__ = [
    "INPUT_FORMATS",
    "check_columns",
    "count_input_rows",
    "detect_format",
    "iter_csv_articles",
    "iter_input",
    "iter_parquet_articles",
    "iter_txt_articles",
    "parse_column_map",
]
