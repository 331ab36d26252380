"""The checks every single article passes before extraction: usable text, size, and
what ``extract_visit()`` accepts as an article."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from pydantic import ValidationError

from visit_extract.errors import ArticleTooLargeError, DatasetError, EmptyArticleError, NotTextError
from visit_extract.schema import Article

#: Share of control characters above which a "text" is taken for binary data.
_MAX_CONTROL_SHARE = 0.05
#: Control characters that do not occur in text (tab, newline, CR, FF, VT do).
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f]")
#: Half of a UTF-16 pair: no Unicode character. A JSON escape (``"\\ud800"``) makes one;
#: no UTF-8 output (a results file, the terminal, a model request) can hold it.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


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
    surrogate = LONE_SURROGATE.search(text)
    if surrogate is not None:
        raise NotTextError(
            f"article text is not valid Unicode (a lone surrogate at character "
            f"{surrogate.start():,}, as a broken \\ud8xx escape leaves); fix the source text"
        )
    if len(text) > max_chars:
        raise ArticleTooLargeError(
            f"article text has {len(text):,} characters, over the limit of {max_chars:,}; "
            "split it, or raise the limit (--max-article-chars, Settings.max_article_chars)"
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
            raise DatasetError(f"not an article: {first_error(exc)}") from None
    else:
        article = Article(id=default_id, text=check_text(obj, max_chars=max_chars))
    check_text(article.text, max_chars=max_chars)
    if published is not None:
        try:
            pub = published if isinstance(published, date) else date.fromisoformat(published)
        except ValueError as exc:
            shaped = re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(published)) is not None
            why = f"is not a valid date ({exc})" if shaped else "is not YYYY-MM-DD"
            raise DatasetError(f"published date {published!r} {why}") from None
        article = article.model_copy(update={"published": pub})
    return article


def first_error(exc: ValidationError) -> str:
    """The first error of a pydantic validation as ``"field: message"``."""
    err = exc.errors()[0]
    loc = ".".join(str(p) for p in err["loc"]) or "row"
    return f"{loc}: {err['msg']}"


__all__ = ["LONE_SURROGATE", "check_text", "first_error", "to_article"]
