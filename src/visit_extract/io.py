"""Reading articles: one loader for eval sets and article dumps, and the checks every
single article passes before extraction."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from visit_extract.errors import (
    ArticleTooLargeError,
    DatasetError,
    EmptyArticleError,
    NotTextError,
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
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
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


def open_text(path: Path) -> IO[str]:
    """Open a UTF-8 text file, transparently gunzipping ``*.gz``."""
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8", newline="")
    return path.open("r", encoding="utf-8", newline="")


def iter_jsonl(path: str | Path) -> Iterator[tuple[int, dict[str, Any] | BadRow]]:
    """Yield ``(line_number, object)`` for each non-blank line of a JSONL file.

    A line that is not a JSON object yields a :class:`BadRow` instead; the file is
    streamed, so memory does not grow with its size.

    Raises:
        DatasetError: the file does not exist or is not UTF-8.
    """
    path = Path(path)
    if not path.is_file():
        raise DatasetError("no such file", path=str(path))
    try:
        with open_text(path) as fh:
            for lineno, line in enumerate(fh, start=1):
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
            yield lineno, BadRow(
                str(path),
                lineno,
                f"not an article: {_first_error(exc)}",
                id=raw_id if isinstance(raw_id, str) else None,
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
    "check_text",
    "iter_articles",
    "iter_jsonl",
    "iter_numbered_articles",
    "open_text",
    "read_articles",
    "to_article",
]
