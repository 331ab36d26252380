"""Reading articles: one loader for eval sets and article dumps, and the checks every
single article passes before extraction."""

from __future__ import annotations

import contextlib
import csv
import gzip
import io
import json
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from visit_extract.errors import (
    ArticleTooLargeError,
    DatasetError,
    EmptyArticleError,
    InputError,
    NotTextError,
    VisitExtractError,
)
from visit_extract.schema import Article

#: Share of control characters above which a "text" is taken for binary data.
_MAX_CONTROL_SHARE = 0.05


@dataclass(frozen=True)
class BadRow:
    """A row of an input file that could not be read as an article.

    Batch runs turn it into an error row instead of stopping.
    """

    path: str
    line: int
    message: str
    id: str | None = None


#: Control characters that do not occur in text (tab, newline, CR, FF, VT do).
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f]")


def check_text(text: object, *, max_chars: int) -> str:
    """Return ``text`` if it is usable article text, else raise the matching error.

    Args:
        text: the candidate text (``str``; ``bytes`` must be UTF-8).
        max_chars: the size limit.

    Raises:
        NotTextError: not a string, undecodable bytes, or binary content.
        EmptyArticleError: empty or whitespace only.
        ArticleTooLargeError: longer than ``max_chars``.
    """
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise NotTextError(
                f"article bytes are not UTF-8 text ({exc.reason} at byte {exc.start}); "
                "decode the file with its real encoding first"
            ) from None
    if not isinstance(text, str):
        raise NotTextError(
            f"article text must be a string, got {type(text).__name__}; "
            "pass the text, an Article, or a dict with a 'text' key"
        )
    if not text.strip():
        raise EmptyArticleError("article text is empty or only whitespace: nothing to extract")
    if len(text) > max_chars:
        raise ArticleTooLargeError(
            f"article text has {len(text):,} characters, over the limit of {max_chars:,}; "
            "split it, or raise Settings.max_article_chars"
        )
    sample = text[:20_000]
    # Counted with a C-level regex: this runs on every article of a batch.
    controls = len(_CONTROL_CHARS.findall(sample))
    if "\x00" in sample or controls > _MAX_CONTROL_SHARE * len(sample):
        raise NotTextError(
            "article text looks like binary data (NUL or control characters); "
            "pass the extracted article text, not the raw file"
        )
    return text


def to_article(
    obj: Article | str | bytes | dict[str, Any],
    *,
    published: date | str | None = None,
    max_chars: int,
    default_id: str = "article",
) -> Article:
    """Turn what a caller passes to ``extract_visit()`` into a checked :class:`Article`.

    Args:
        obj: an ``Article``, the bare text, UTF-8 bytes, or a dict in the
            ``articles.jsonl`` format.
        published: the publication date, overriding the article's own.
        max_chars: the size limit on the text.
        default_id: id given to bare text.

    Raises:
        InputError: a subclass saying what is wrong with the input.
    """
    if isinstance(obj, Article):
        article = obj
    elif isinstance(obj, dict):
        if "text" not in obj:
            raise NotTextError("article dict has no 'text' key")
        check_text(obj["text"], max_chars=max_chars)
        try:
            article = Article.model_validate({"id": default_id, **obj})
        except ValidationError as exc:
            raise DatasetError(f"not an article: {_first_error(exc)}") from None
    else:
        article = Article(id=default_id, text=check_text(obj, max_chars=max_chars))
    check_text(article.text, max_chars=max_chars)
    if published is not None:
        try:
            pub = published if isinstance(published, date) else date.fromisoformat(published)
        except ValueError:
            raise DatasetError(f"published date {published!r} is not YYYY-MM-DD") from None
        article = article.model_copy(update={"published": pub})
    return article


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    loc = ".".join(str(p) for p in err["loc"]) or "row"
    return f"{loc}: {err['msg']}"


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
                    f"not an article: {_first_error(exc)}",
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


# --- batch inputs: JSONL, CSV, Parquet, a folder of .txt files ----------------------

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
    """Validate one mapped row; a row that is not an article becomes a BadRow."""
    if blank_is_null:
        # CSV has no null: an empty cell is "not given", except for the text itself.
        row = {k: (None if v == "" and k != "text" else v) for k, v in row.items()}
    raw_id = row.get("id")
    try:
        return Article.model_validate(row)
    except ValidationError as exc:
        return BadRow(
            str(path),
            lineno,
            f"not an article: {_first_error(exc)}",
            id=raw_id if isinstance(raw_id, str) and raw_id else None,
        )


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

    The header row names the columns; ``columns`` maps article fields to them. A file
    without an ``id`` column gets ids ``<file stem>-<line>``. Each item comes with the
    line its record starts on; malformed records come out as :class:`BadRow`.

    Args:
        path: the file.
        columns: article field → column.
        byte_range: read only the records in these bytes (aligned on record
            boundaries, after the header), one part of a larger file; the header is
            still read from the top.
        first_line: the line the range's first record starts on in the whole file.

    Raises:
        DatasetError: the file is missing, unreadable, not UTF-8, or has no header.
    """
    path = Path(path)
    columns = dict(columns or {})
    if not path.is_file():
        raise DatasetError("no such file", path=str(path))
    # Article texts can be far above csv's 128 KiB default field limit.
    csv.field_size_limit(max(csv.field_size_limit(), min(sys.maxsize, 2**31 - 1)))
    delimiter = "\t" if ".tsv" in [s.lower() for s in path.suffixes] else ","
    try:
        with contextlib.ExitStack() as files:
            reader = csv.reader(files.enter_context(open_text(path)), delimiter=delimiter)
            try:
                header = next(reader)
            except StopIteration:
                raise DatasetError("file is empty (no header row)", path=str(path)) from None
            has_id = columns.get("id", "id") in header
            if byte_range is None:
                records = _numbered_records(reader, reader.line_num + 1)
            else:
                part = files.enter_context(open_text(path, byte_range))
                records = _numbered_records(csv.reader(part, delimiter=delimiter), first_line)
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
                row = _apply_map(dict(zip(header, cells, strict=True)), columns)
                if not has_id:
                    row["id"] = f"{path.name.split('.')[0]}-{lineno}"
                yield lineno, _row_to_article(path, lineno, row, blank_is_null=True)
    except UnicodeDecodeError as exc:
        raise DatasetError(f"file is not UTF-8 ({exc.reason})", path=str(path)) from None
    except (OSError, EOFError) as exc:
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
    """
    path = Path(path)
    columns = dict(columns or {})
    if not path.is_file():
        raise DatasetError("no such file", path=str(path))
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
    names = set(pfile.schema_arrow.names)
    has_id = columns.get("id", "id") in names
    # Read only the columns an article uses, so wide tables stay cheap.
    wanted = [c for c in {columns.get(f, f) for f in _ARTICLE_FIELDS} if c in names]
    rownum = first_row - 1
    groups = list(row_groups) if row_groups is not None else None
    for batch in pfile.iter_batches(batch_size=batch_size, columns=wanted, row_groups=groups):
        for record in batch.to_pylist():
            rownum += 1
            row = _apply_map(record, columns)
            if not has_id:
                row["id"] = f"{path.name.split('.')[0]}-{rownum}"
            elif row.get("id") is not None and not isinstance(row["id"], str):
                row["id"] = str(row["id"])  # integer id columns are common in Parquet
            yield rownum, _row_to_article(path, rownum, row, blank_is_null=False)


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
        InputError: unknown format or bad mapping; DatasetError for unreadable files.
    """
    fmt = fmt or detect_format(path)
    mapping = parse_column_map(columns)
    if fmt == "jsonl":
        if not mapping:
            yield from iter_numbered_articles(path, byte_range=byte_range, first_line=first_line)
            return
        for lineno, obj in iter_jsonl(path, byte_range=byte_range, first_line=first_line):
            if isinstance(obj, BadRow):
                yield lineno, obj
            else:
                row = _apply_map(obj, mapping)
                yield lineno, _row_to_article(Path(path), lineno, row, blank_is_null=False)
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
            with open_text(path) as fh:
                return sum(1 for line in fh if line.strip())
        if fmt == "csv":
            return sum(1 for lineno, _ in iter_csv_articles(path))
        if fmt == "parquet":
            import pyarrow.parquet as pq

            return int(pq.ParquetFile(str(path)).metadata.num_rows)
        if fmt == "txt":
            return sum(1 for p in path.rglob("*.txt") if p.is_file())
    except (ImportError, OSError, UnicodeDecodeError, EOFError, VisitExtractError):
        return None
    return None


__all__ = [
    "INPUT_FORMATS",
    "BadRow",
    "check_text",
    "count_input_rows",
    "detect_format",
    "iter_articles",
    "iter_csv_articles",
    "iter_input",
    "iter_jsonl",
    "iter_numbered_articles",
    "iter_parquet_articles",
    "iter_txt_articles",
    "open_text",
    "parse_column_map",
    "read_articles",
    "to_article",
]
